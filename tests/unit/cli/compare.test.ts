/**
 * `supportsim compare` (src/cli/compare.ts over the library's compare, src/report/tables/compareTable.ts):
 * the printed table, --json, --out (results.json read back as `supportsim chart` reads it,
 * comparison.csv, the charts), yargs parsing, and the bad-input contract: an InputError of one
 * line naming the flag (the CLI's exit 2), with nothing run and nothing written. What the
 * comparison finds is tested through the library (tests/unit/api/compare.test.ts).
 *
 * The fixtures are the small baseline's (tests/helpers/workflowScenarios.ts): 4 replications,
 * "small" (a.json) against "more-l1" (b.json).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import yargs from "yargs";
import type { Comparison } from "../../../src/analysis/experiments/compare.js";
import { compare } from "../../../src/api/compare.js";
import { loadScenario } from "../../../src/api/scenario.js";
import { runCompare, type CompareOptions } from "../../../src/cli/compare.js";
import { compareCommand } from "../../../src/cli/commands/compare.js";
import { InputError } from "../../../src/errors.js";
import { compareTable, comparisonCsv } from "../../../src/report/tables/compareTable.js";
import { readResults } from "../../../src/report/results.js";
import { thrown } from "../../helpers/thrown.js";
import { compareScenarios, type ScenarioFolder } from "../../helpers/workflowScenarios.js";

let files: ScenarioFolder;
const f = (name: string) => files.path(name);

/** Run quietly, capturing what would be printed. */
async function quiet(names: string[], options: CompareOptions = {}): Promise<{ comparison: Comparison; out: string; err: string }> {
  let out = "", err = "";
  const comparison = await runCompare(names, { progress: false, ...options, stdout: (s) => (out += s), stderr: (s) => (err += s) });
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
let abOut = "";

beforeAll(async () => {
  files = compareScenarios();
  const r = await quiet([f("a.json"), f("b.json")]);
  ab = r.comparison;
  abOut = r.out;
});

afterAll(() => files?.remove());

describe("the table", () => {
  it("every scenario's mean and interval, the difference with n.s. where it covers 0", () => {
    const out = compareTable(ab);
    expect(abOut).toBe(out); // what the command prints
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

  it("a scenario against itself: every row of the table is marked n.s.", async () => {
    for (const names of [[f("a.json"), f("a.json")], [f("a.json"), f("copy.json")]]) {
      const { comparison: c, out } = await quiet(names);
      const labels = names[1] === names[0] ? ["small", "small #2"] : ["a", "copy"];
      expect(c.scenarios.map((s) => s.label)).toEqual(labels);
      expect(out.split("\n")[0]).toBe(`Comparison: ${labels[0]} vs ${labels[1]}`);
      const rows = tableRows(out);
      expect(rows.length).toBe(Object.keys(c.metrics).length);
      for (const r of rows) expect(r.trimEnd().endsWith("n.s."), r).toBe(true);
    }
  });

  it("the horizon, or that the horizons differ", async () => {
    const { out } = await quiet([f("a.json"), f("longer.json")]);
    expect(out).toContain("horizons differ: small 8 d (warm-up 1 d), longer 9 d (warm-up 1 d)");
    expect(abOut).toContain("horizon 8 d (warm-up 1 d)\n");
  });

  it("--seed and --replications reach the comparison", async () => {
    const { comparison, out } = await quiet([f("a.json"), f("b.json")], { seed: 3, replications: 2 });
    expect([comparison.seed, comparison.replications]).toEqual([3, 2]);
    expect(out).toContain("2 replications each · seed 3 · common random numbers");
  });
});

describe("--json and --out", () => {
  it("--json prints the comparison; --out writes the same JSON with each run, the CSV, the charts and the report", async () => {
    const outDir = f("out-ok");
    const { out, err } = await quiet([f("a.json"), f("b.json")], { json: true, out: outDir });
    // stdout stays one JSON document: where the files went is said on stderr
    expect(err).toMatch(/^wrote \d+ files to /);
    expect(err.endsWith(` files to ${outDir} (report: ${join(outDir, "report.html")})\n`)).toBe(true);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(["scenarios", "seed", "replications", "mode", "metrics"]);
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
    expect(readdirSync(outDir).filter((n) => n !== ".supportsim-files").sort()).toEqual(["charts", "comparison.csv", "report.html", "results.json"]); // no temporary files left
    const csv = readFileSync(join(outDir, "comparison.csv"), "utf8").trimEnd().split("\n");
    expect(csv[0]).toBe("metric,scenario,mean,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,significant");
    expect(csv).toHaveLength(1 + 2 * Object.keys(ab.metrics).length);
    const m = ab.metrics["channel.phone.serviceLevel"];
    const d = m.differences[0];
    expect(csv).toContain(`channel.phone.serviceLevel,small,${m.values[0].mean},${m.values[0].ci95![0]},${m.values[0].ci95![1]},,,,`);
    expect(csv).toContain(`channel.phone.serviceLevel,more-l1,${m.values[1].mean},${m.values[1].ci95![0]},${m.values[1].ci95![1]},${d.mean},${d.ci95![0]},${d.ci95![1]},true`);
    expect(comparisonCsv(ab)).toBe(readFileSync(join(outDir, "comparison.csv"), "utf8"));
  });

  it("results.json reads back (as `supportsim chart` reads it) as the library's comparison and runs", async () => {
    const back = readResults(f("out-ok"));
    if (back.kind !== "compare") throw new Error(`expected a comparison, got ${back.kind}`);
    const api = await compare([loadScenario(f("a.json")), loadScenario(f("b.json"))]);
    expect(back.compare.metrics).toEqual(JSON.parse(JSON.stringify(api.comparison.metrics)));
    expect(back.compare.runs.map((r) => r.scenario)).toEqual(["small", "more-l1"]);
    back.compare.runs.forEach((r, i) => expect(r.estimates, r.scenario).toEqual(JSON.parse(JSON.stringify(api.runs[i].estimates))));
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
          .fail((msg, err) => { if (err) throw err; throw new InputError({ path: "", message: msg }); }),
      );
      await parser.parseAsync();
      expect(process.exitCode).toBe(0);
      const one = compareCommand(yargs(["compare"]).strict().exitProcess(false).fail((msg, err) => { if (err) throw err; throw new InputError({ path: "", message: msg }); }));
      await expect((async () => one.parseAsync())()).rejects.toThrow(InputError);
    } finally {
      spy.mockRestore();
      process.exitCode = before;
    }
    const j = JSON.parse(out);
    expect([j.scenarios, j.seed, j.replications]).toEqual([["small", "more-l1"], 5, 2]);
  });
});

describe("bad input: one line, nothing run, nothing written", () => {
  const cases: [string, () => string[], CompareOptions, RegExp][] = [
    ["one file only", () => [f("a.json")], {}, /^compare: expected at least two scenario files, got 1$/],
    ["no file", () => [], {}, /got 0$/],
    ["a missing file", () => [f("a.json"), f("nope.json")], {}, /nope\.json: no such file$/],
    ["an invalid scenario", () => [f("a.json"), f("bad.json")], {}, /bad\.json: pools\[0\]\.agents: /],
    ["invalid JSON", () => [f("syntax.json"), f("a.json")], {}, /syntax\.json: not valid JSON at line 1/],
    ["a scenario that cannot be built", () => [f("a.json"), f("badbuild.json")], {}, /badbuild\.json: arrivals\[0\]\.history\.file: /],
    ["--replications 0", () => [f("a.json"), f("b.json")], { replications: 0 }, /^--replications: expected an integer >= 1, got 0$/],
    ["--seed -1", () => [f("a.json"), f("b.json")], { seed: -1 }, /^--seed: expected an integer >= 0, got -1$/],
    ["--threads 0", () => [f("a.json"), f("b.json")], { threads: 0 }, /^--threads: expected an integer >= 1, got 0$/],
  ];
  for (const [what, names, options, message] of cases) {
    it(what, async () => {
      const outDir = f(`out-${what.replace(/\W+/g, "-")}`);
      let out = "", err = "";
      const e = await thrown(() => runCompare(names(), { ...options, out: outDir, progress: true, stdout: (s) => (out += s), stderr: (s) => (err += s) }));
      expect(e).toBeInstanceOf(InputError);
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
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(`--out: cannot write to ${path}: not a directory`);
  });
});
