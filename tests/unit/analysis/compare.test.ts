/**
 * `supportsim compare` (src/analysis/compare.ts, src/report/compareTable.ts, src/cli/compare.ts):
 * the paired and Welch intervals computed by hand, the headline keys and labels, common random
 * numbers on a small baseline (paired intervals narrower than unpaired ones; a scenario against
 * itself differs by exactly 0), and the command: --json, --out, flags, and the bad-input
 * contract (a UsageError or InputError of one line — the CLI's exit 2 — with nothing run and
 * nothing written).
 *
 * The simulated fixtures are scenarios/baseline.json made small: 3,000 customers, 8 days (1 of
 * warm-up), 4 replications, L1 phone/e-mail 2 agents, L1 chat 1, L2 2, L3 1; "more-l1" has 3
 * L1 phone/e-mail agents. A comparison of the two takes well under a second.
 */
import { smallBaseline } from "../../helpers/smallBaseline.js";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import yargs from "yargs";
import {
  compareRuns,
  coversZero,
  headlineKeys,
  pairedDifference,
  uniqueLabels,
  welchDifference,
  type Comparison,
} from "../../../src/analysis/experiments/compare.js";
import { compareCommand, runCompare, type CompareOptions } from "../../../src/cli/compare.js";
import { InputError, InputError as UsageError } from "../../../src/errors.js";
import { compareTable, comparisonCsv, formatCompareValue } from "../../../src/report/tables/compareTable.js";
import { thrown } from "../../helpers/thrown.js";


/** The small baseline, with `change` applied to the parsed object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const small = (change: (s: any) => void = () => {}): any => smallBaseline(4, change);

let dir = "";
const f = (name: string) => join(dir, name);

/** Run quietly, capturing what would be printed. */
async function quiet(files: string[], options: CompareOptions = {}): Promise<{ comparison: Comparison; out: string; err: string }> {
  let out = "", err = "";
  const comparison = await runCompare(files, { progress: false, ...options, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { comparison, out, err };
}


/** The body rows of the printed table (between the rule under the header and the blank line). */
function tableRows(out: string): string[] {
  const lines = out.split("\n");
  const from = lines.findIndex((l) => l.startsWith("─")) + 1;
  const to = lines.indexOf("", from);
  return lines.slice(from, to);
}

let ab: Comparison;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-compare-"));
  const write = (name: string, s: unknown) => writeFileSync(f(name), typeof s === "string" ? s : JSON.stringify(s, null, 2));
  write("a.json", small());
  write("b.json", small((s) => { s.name = "more-l1"; s.pools[0].agents = 3; }));
  write("copy.json", small()); // same name "small" as a.json
  write("other-settings.json", small((s) => { s.name = "other"; s.seed = 99; s.replications = 2; }));
  write("longer.json", small((s) => { s.name = "longer"; s.horizon = { days: 9, warmupDays: 1, intervalMinutes: 30 }; }));
  write("simple.json", { name: "mm1", horizon: { hours: 10 }, arrivals: { ratePerHour: 10 }, tiers: [{ name: "L1", agents: 2, handleTime: { dist: "exponential", meanMinutes: 5 } }] });
  write("bad.json", small((s) => { s.pools[0].agents = -1; }));
  write("syntax.json", "{ \"name\": \"x\", }");
  // valid against the schema, but the model cannot be built: the history file is missing
  write("badbuild.json", small((s) => { s.name = "badbuild"; s.arrivals = [{ channel: "phone", history: { file: "missing.csv", channel: "phone" } }]; }));
  ab = (await quiet([f("a.json"), f("b.json")])).comparison;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("paired and unpaired differences, by hand", () => {
  it("paired: Student-t on the per-replication differences", () => {
    // base 1,2,3,4; other 2,4,5,5 → d = 1,2,2,1: mean 1.5, s_d = √(4·0.25/3) = 0.57735;
    // t(0.975, 3) = 3.182446 → half-width 3.182446·0.57735/√4 = 0.918693 → [0.581307, 2.418693]
    const e = pairedDifference([1, 2, 3, 4], [2, 4, 5, 5]);
    expect(e.mean).toBeCloseTo(1.5, 12);
    expect(e.ci95![0]).toBeCloseTo(0.5813068844814607, 9);
    expect(e.ci95![1]).toBeCloseTo(2.4186931155185394, 9);
  });

  it("Welch: unequal variances, Welch–Satterthwaite degrees of freedom", () => {
    // x̄ 2.5 and 4, s² 5/3 and 2 → se² = 5/12 + 1/2 = 11/12; ν = (11/12)² / ((5/12)²/3 + (1/2)²/3) = 5.950820;
    // t(0.975, 5.950820) = 2.451824 → 1.5 ± 2.451824·√(11/12) = [−0.847441, 3.847441] (scipy ttest_ind, equal_var=False)
    const e = welchDifference([1, 2, 3, 4], [2, 4, 5, 5]);
    expect(e.mean).toBeCloseTo(1.5, 12);
    expect(e.ci95![0]).toBeCloseTo(-0.847441024724644, 9);
    expect(e.ci95![1]).toBeCloseTo(3.847441024724644, 9);
  });

  it("perfectly correlated samples: the paired interval has zero width, the Welch one does not", () => {
    // other = base + 2: d = 2,2,2,2 → [2, 2]. Welch: se² = 2·(5/3)/4 = 5/6, ν = 6 (equal n and s²),
    // t(0.975, 6) = 2.446912 → 2 ± 2.446912·0.912871 = [−0.233715, 4.233715]
    expect(pairedDifference([1, 2, 3, 4], [3, 4, 5, 6])).toEqual({ mean: 2, ci95: [2, 2] });
    const w = welchDifference([1, 2, 3, 4], [3, 4, 5, 6]);
    expect(w.mean).toBe(2);
    expect(w.ci95![0]).toBeCloseTo(-0.23371469516471333, 9);
    expect(w.ci95![1]).toBeCloseTo(4.233714695164713, 9);
  });

  it("undefined values: a pair is used only when both are defined; Welch uses each side's own", () => {
    // pairs (1,2) and (5,8): d = 1, 3 → mean 2, s_d = √2, t(0.975, 1) = 12.706205 → 2 ± 12.706205
    const e = pairedDifference([1, null, 3, 5], [2, 7, null, 8]);
    expect(e.mean).toBe(2);
    expect(e.ci95![0]).toBeCloseTo(-10.706204736174694, 8);
    expect(e.ci95![1]).toBeCloseTo(14.706204736174694, 8);
    // Welch: means of 1,3,5 (3) and 2,7,8 (17/3)
    expect(welchDifference([1, null, 3, 5], [2, 7, null, 8]).mean).toBeCloseTo(17 / 3 - 3, 12);
  });

  it("too few values: no interval; no values: no mean; different lengths: an error", () => {
    expect(pairedDifference([1, null], [2, 3])).toEqual({ mean: 1, ci95: null });
    expect(pairedDifference([null, null], [2, 3])).toEqual({ mean: null, ci95: null });
    expect(welchDifference([1], [2, 3])).toEqual({ mean: 1.5, ci95: null });
    expect(welchDifference([], [2, 3])).toEqual({ mean: null, ci95: null });
    expect(welchDifference([1, 1], [3, 3])).toEqual({ mean: 2, ci95: [2, 2] });
    expect(() => pairedDifference([1, 2], [1, 2, 3])).toThrow(RangeError);
  });

  it("coversZero includes the ends", () => {
    expect(coversZero([0, 0])).toBe(true);
    expect(coversZero([-1, 1])).toBe(true);
    expect(coversZero([0, 2])).toBe(true);
    expect(coversZero([0.1, 1])).toBe(false);
    expect(coversZero([-2, -0.5])).toBe(false);
  });
});

describe("headline keys, labels, compareRuns", () => {
  it("keeps a channel's metrics together, channels and tiers in order of appearance, and only keys in every scenario", () => {
    const a = ["cost.total", "tier.L1.occupancy", "channel.phone.serviceLevel", "channel.phone.asaSeconds", "channel.chat.serviceLevel", "tier.L2.occupancy", "channel.phone.offered", "retention.csat"];
    const b = ["channel.chat.serviceLevel", "channel.phone.serviceLevel", "channel.phone.asaSeconds", "tier.L1.occupancy", "cost.total", "channel.web.serviceLevel"];
    expect(headlineKeys([a, b])).toEqual(["channel.phone.serviceLevel", "channel.phone.asaSeconds", "channel.chat.serviceLevel", "tier.L1.occupancy", "cost.total"]);
    expect(headlineKeys([])).toEqual([]);
  });

  it("labels: names; the file name where names repeat; else the path; else #2, #3", () => {
    expect(uniqueLabels([{ name: "a", file: "x.json" }, { name: "b", file: "y.json" }])).toEqual(["a", "b"]);
    expect(uniqueLabels([{ name: "s", file: "dir/base.json" }, { name: "s", file: "other/what-if.json" }, { name: "t", file: "t.json" }])).toEqual(["base", "what-if", "t"]);
    expect(uniqueLabels([{ name: "s", file: "one/s.json" }, { name: "s", file: "two/s.json" }])).toEqual(["one/s.json", "two/s.json"]);
    expect(uniqueLabels([{ name: "s", file: "s.json" }, { name: "s", file: "s.json" }, { name: "s", file: "s.json" }])).toEqual(["s", "s #2", "s #3"]);
    // a file name that is another scenario's name: the later one gets #2
    expect(uniqueLabels([{ name: "x", file: "b.json" }, { name: "x", file: "c.json" }, { name: "b", file: "z.json" }])).toEqual(["b", "c", "b #2"]);
  });

  it("compareRuns: values from the runs' estimates, paired differences against the first, significance", () => {
    const run = (sl: number[], cost: (number | null)[]) => ({
      replications: sl.map((x, k) => ({ "channel.phone.serviceLevel": x, "cost.total": cost[k], "funnel.needs": 1 })),
      estimates: { "channel.phone.serviceLevel": { mean: 0.5, ci95: [0.4, 0.6] as [number, number] }, "cost.total": { mean: 9, ci95: null } },
    });
    const c = compareRuns(
      [{ label: "A", horizonHours: 24, warmupHours: 0 }, { label: "B", horizonHours: 24, warmupHours: 0 }, { label: "C", horizonHours: 48, warmupHours: 0 }],
      [run([0.5, 0.6, 0.7], [10, 20, 30]), run([0.6, 0.7, 0.8], [10, 21, 29]), run([0.5, 0.6, 0.7], [null, 20, 30])],
      { seed: 1, replications: 3, currency: "EUR" },
    );
    expect(Object.keys(c.metrics)).toEqual(["channel.phone.serviceLevel", "cost.total"]);
    const sl = c.metrics["channel.phone.serviceLevel"];
    expect(sl.values).toEqual([{ mean: 0.5, ci95: [0.4, 0.6] }, { mean: 0.5, ci95: [0.4, 0.6] }, { mean: 0.5, ci95: [0.4, 0.6] }]);
    // B − A: 0.1 in each replication (to rounding) → significant; C − A: exactly 0 → not
    expect(sl.differences[0].against).toBe("A");
    expect(sl.differences[0].mean).toBeCloseTo(0.1, 12);
    expect(sl.differences[0].ci95![1] - sl.differences[0].ci95![0]).toBeLessThan(1e-9);
    expect(sl.differences[0].significant).toBe(true);
    expect(sl.differences[1]).toMatchObject({ against: "A", mean: 0, ci95: [0, 0], significant: false });
    // Welch ignores the pairing: identical samples 0.5, 0.6, 0.7 (s² = 0.01) → se² = 2·0.01/3, ν = 4,
    // t(0.975, 4) = 2.776445 → ±2.776445·0.081650 = ±0.226696
    expect(sl.differences[1].ci95Unpaired![1]).toBeCloseTo(0.2266958, 6);
    // cost B − A: d = 0, 1, −1 → mean 0, covers 0; C − A: pairs (20,20), (30,30) → [0, 0]
    expect(c.metrics["cost.total"].differences[0].mean).toBe(0);
    expect(c.metrics["cost.total"].differences[0].significant).toBe(false);
    expect(c.metrics["cost.total"].differences[1].ci95).toEqual([0, 0]);
    expect(() => compareRuns([{ label: "A", horizonHours: 1, warmupHours: 0 }], [run([1], [1])], { seed: 1, replications: 1, currency: "" })).toThrow(RangeError);
  });

  it("formats differences with a sign, shares in percentage points", () => {
    expect(formatCompareValue(0.0123, "percent")).toBe("1.23%");
    expect(formatCompareValue(0.0123, "percent", true)).toBe("+1.23 pp");
    expect(formatCompareValue(-2003.4, "money", true)).toBe("-2,003");
    expect(formatCompareValue(0, "seconds", true)).toBe("0.00 s");
    expect(formatCompareValue(null, "count")).toBe("–");
  });
});

describe("common random numbers on the small baseline", () => {
  it("more L1 agents: the paired intervals are narrower than the unpaired ones", () => {
    expect(ab.scenarios.map((s) => s.label)).toEqual(["small", "more-l1"]);
    expect(ab.seed).toBe(7);
    expect(ab.replications).toBe(4);
    const width = (ci: [number, number] | null) => ci![1] - ci![0];
    for (const key of ["channel.phone.serviceLevel", "channel.chat.serviceLevel"]) {
      const d = ab.metrics[key].differences[0];
      expect(width(d.ci95), key).toBeLessThan(width(d.ci95Unpaired));
    }
    // the third L1 phone agent raises the phone service level, significantly
    const phone = ab.metrics["channel.phone.serviceLevel"].differences[0];
    expect(phone.mean!).toBeGreaterThan(0.05);
    expect(phone.significant).toBe(true);
    expect(phone.ci95![0]).toBeGreaterThan(0);
  });

  it("the headline metrics present in both, channel by channel", () => {
    const keys = Object.keys(ab.metrics);
    expect(keys.slice(0, 3)).toEqual(["channel.phone.serviceLevel", "channel.phone.asaSeconds", "channel.phone.abandonRate"]);
    for (const k of ["funnel.fcrRate", "funnel.unservedRate", "tier.L1.occupancy", "tier.L3.occupancy", "cost.total", "cost.perMonth", "cost.perContact", "cost.perResolvedNeed", "retention.csat", "retention.churned", "retention.revenueAtRisk", "retention.netRecurringRevenue", "channel.email.withinTargetShare"]) {
      expect(keys, k).toContain(k);
    }
    expect(keys).not.toContain("channel.email.serviceLevel"); // e-mail is deferred: no service level
    for (const m of Object.values(ab.metrics)) {
      expect(m.values).toHaveLength(2);
      expect(m.differences).toHaveLength(1);
    }
  });

  it("a scenario against itself: every difference exactly 0, zero width, not significant", async () => {
    for (const files of [[f("a.json"), f("a.json")], [f("a.json"), f("copy.json")]]) {
      const { comparison: c, out } = await quiet(files);
      expect(c.scenarios.map((s) => s.label)).toEqual(files[1] === files[0] ? ["small", "small #2"] : ["a", "copy"]);
      for (const [key, m] of Object.entries(c.metrics)) {
        const d = m.differences[0];
        expect(d.mean, key).toBe(0);
        expect(d.ci95, key).toEqual([0, 0]);
        expect(d.significant, key).toBe(false);
        expect(m.values[1], key).toEqual(m.values[0]);
      }
      // the Welch interval ignores the pairing: it is wide although the runs are identical
      const u = c.metrics["channel.phone.serviceLevel"].differences[0].ci95Unpaired!;
      expect(u[1] - u[0]).toBeGreaterThan(0.01);
      // every row of the table is marked n.s.
      const rows = tableRows(out);
      expect(rows.length).toBe(Object.keys(c.metrics).length);
      for (const r of rows) expect(r.trimEnd().endsWith("n.s."), r).toBe(true);
    }
  });

  it("seed and replications come from the first scenario; the flags override them for all", async () => {
    const d = (await quiet([f("a.json"), f("other-settings.json")])).comparison;
    expect([d.seed, d.replications]).toEqual([7, 4]);
    const e = (await quiet([f("other-settings.json"), f("a.json")])).comparison;
    expect([e.seed, e.replications]).toEqual([99, 2]);
    const g = (await quiet([f("a.json"), f("b.json")], { seed: 3, replications: 2 })).comparison;
    expect([g.seed, g.replications]).toEqual([3, 2]);
    expect(g.metrics["cost.total"].values[0].mean).not.toBe(ab.metrics["cost.total"].values[0].mean);
    // one replication: means but no intervals, nothing marked significant
    const one = (await quiet([f("a.json"), f("b.json")], { replications: 1 })).comparison;
    for (const m of Object.values(one.metrics)) {
      expect(m.differences[0].ci95).toBeNull();
      expect(m.differences[0].significant).toBe(false);
    }
  });

  it("different horizons are allowed and the table says so", async () => {
    const { comparison, out } = await quiet([f("a.json"), f("longer.json")]);
    expect(comparison.scenarios.map((s) => s.horizonHours)).toEqual([192, 216]);
    expect(out).toContain("horizons differ: small 8 d (warm-up 1 d), longer 9 d (warm-up 1 d)");
    expect((await quiet([f("a.json"), f("b.json")])).out).toContain("horizon 8 d (warm-up 1 d)\n");
  });
});

describe("the command", () => {
  it("the table: every scenario's mean and interval, the difference with n.s. where it covers 0", () => {
    const out = compareTable(ab);
    expect(out.split("\n")[0]).toBe("Comparison: small vs more-l1");
    expect(out).toContain("4 replications each · seed 7 · common random numbers");
    const header = out.split("\n").find((l) => l.startsWith("Metric"))!;
    expect(header).toMatch(/small\s+95% CI\s+more-l1\s+95% CI\s+more-l1 − small\s+95% CI \(paired\)/);
    const phone = out.split("\n").find((l) => l.startsWith("phone: service level"))!;
    expect(phone).not.toContain("n.s.");
    expect(phone).toContain("+" + (ab.metrics["channel.phone.serviceLevel"].differences[0].mean! * 100).toFixed(2) + " pp");
    const nsRows = out.split("\n").filter((l) => l.endsWith("n.s."));
    const notSignificant = Object.values(ab.metrics).filter((m) => !m.differences[0].significant).length;
    expect(nsRows.length).toBe(notSignificant);
    expect(notSignificant).toBeGreaterThan(0);
  });

  it("--json prints the comparison; --out writes the same JSON and the CSV", async () => {
    const outDir = join(dir, "out-ok");
    const { out, err } = await quiet([f("a.json"), f("b.json")], { json: true, out: outDir });
    expect(err).toBe("");
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(["scenarios", "seed", "replications", "metrics"]);
    expect(j.scenarios).toEqual(["small", "more-l1"]);
    expect([j.seed, j.replications]).toEqual([7, 4]);
    const sl = j.metrics["channel.phone.serviceLevel"];
    expect(Object.keys(sl)).toEqual(["values", "differences"]);
    expect(Object.keys(sl.values[0])).toEqual(["mean", "ci95"]);
    expect(Object.keys(sl.differences[0])).toEqual(["against", "mean", "ci95", "ci95Unpaired", "significant"]);
    expect(sl.differences[0].against).toBe("small");
    expect(j.metrics).toEqual(JSON.parse(JSON.stringify(ab.metrics))); // deterministic: the same numbers as before
    // results.json: the same comparison, and each scenario's full run (for the charts and the report)
    const saved = JSON.parse(readFileSync(join(outDir, "results.json"), "utf8"));
    const { runs, ...rest } = saved;
    expect(rest).toEqual(j);
    expect(runs.map((r: { scenario: string }) => r.scenario)).toEqual(["small", "more-l1"]);
    expect(runs[0].channel.phone.serviceLevel).toEqual(sl.values[0]);
    expect(runs[1].profile.channels[0].name).toBe("phone");
    expect(readdirSync(outDir).sort()).toEqual(["charts", "comparison.csv", "report.html", "results.json"]); // no temporary files left
    const csv = readFileSync(join(outDir, "comparison.csv"), "utf8").trimEnd().split("\n");
    expect(csv[0]).toBe("metric,scenario,mean,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,significant");
    expect(csv).toHaveLength(1 + 2 * Object.keys(ab.metrics).length);
    const m = ab.metrics["channel.phone.serviceLevel"];
    const d = m.differences[0];
    expect(csv).toContain(`channel.phone.serviceLevel,small,${m.values[0].mean},${m.values[0].ci95![0]},${m.values[0].ci95![1]},,,,`);
    expect(csv).toContain(`channel.phone.serviceLevel,more-l1,${m.values[1].mean},${m.values[1].ci95![0]},${m.values[1].ci95![1]},${d.mean},${d.ci95![0]},${d.ci95![1]},true`);
    expect(comparisonCsv(ab)).toBe(readFileSync(join(outDir, "comparison.csv"), "utf8"));
  });

  it("through yargs: positional files and flags", async () => {
    let out = "";
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
    const before = process.exitCode;
    try {
      const parser = compareCommand(
        yargs(["compare", f("a.json"), f("b.json"), "--json", "--replications", "2", "--seed", "5"])
          .strict()
          .exitProcess(false)
          .fail((msg, err) => { if (err) throw err; throw new UsageError({ path: "", message: msg }); }),
      );
      await parser.parseAsync();
      expect(process.exitCode).toBe(0);
      const one = compareCommand(yargs(["compare"]).strict().exitProcess(false).fail((msg, err) => { if (err) throw err; throw new UsageError({ path: "", message: msg }); }));
      await expect((async () => one.parseAsync())()).rejects.toThrow(UsageError);
    } finally {
      spy.mockRestore();
      process.exitCode = before;
    }
    const j = JSON.parse(out);
    expect([j.scenarios, j.seed, j.replications]).toEqual([["small", "more-l1"], 5, 2]);
  });

  describe("bad input: one line, nothing run, nothing written", () => {
    const cases: [string, () => string[], CompareOptions, typeof UsageError | typeof InputError, RegExp][] = [
      ["one file only", () => [f("a.json")], {}, UsageError, /^compare: expected at least two scenario files, got 1$/],
      ["no file", () => [], {}, UsageError, /got 0$/],
      ["a missing file", () => [f("a.json"), f("nope.json")], {}, InputError, /nope\.json: no such file$/],
      ["an invalid scenario", () => [f("a.json"), f("bad.json")], {}, InputError, /bad\.json: pools\[0\]\.agents: /],
      ["invalid JSON", () => [f("syntax.json"), f("a.json")], {}, InputError, /syntax\.json: not valid JSON at line 1/],
      ["a scenario that cannot be built", () => [f("a.json"), f("badbuild.json")], {}, InputError, /badbuild\.json: arrivals\[0\]\.history\.file: /],
      ["a simple-form scenario", () => [f("a.json"), f("simple.json")], {}, UsageError, /simple\.json: compare needs full-form scenarios .* simple-form scenario/],
      ["--replications 0", () => [f("a.json"), f("b.json")], { replications: 0 }, UsageError, /^--replications: expected an integer >= 1, got 0$/],
      ["--seed -1", () => [f("a.json"), f("b.json")], { seed: -1 }, UsageError, /^--seed: expected an integer >= 0, got -1$/],
    ];
    for (const [what, files, options, type, message] of cases) {
      it(what, async () => {
        const outDir = join(dir, `out-${what.replace(/\W+/g, "-")}`);
        let out = "", err = "";
        const e = await thrown(() => runCompare(files(), { ...options, out: outDir, progress: true, stdout: (s) => (out += s), stderr: (s) => (err += s) }));
        expect(e).toBeInstanceOf(type);
        expect(e.message).toMatch(message);
        expect(e.message).not.toContain("\n");
        expect(out).toBe("");
        expect(err).toBe(""); // no progress line: no scenario ran
        expect(existsSync(outDir)).toBe(false);
      });
    }

    it("--out naming a file", async () => {
      const path = f("a.json");
      const e = await thrown(() => quiet([f("a.json"), f("b.json")], { out: path }));
      expect(e).toBeInstanceOf(UsageError);
      expect(e.message).toBe(`--out: cannot write to ${path}: not a directory`);
    });
  });
});
