/**
 * `supportsim sweep` and `supportsim merge` (src/cli/sweep.ts over the library's sweep and
 * mergeSweep, src/report/tables/sweepTable.ts): the table, --out (sweep.csv, sweep.json read
 * back as `supportsim chart` reads it), shard files merged byte for byte into the unsharded
 * files, files named one by one, merge's errors about files, yargs parsing, and the bad-input
 * contract: an InputError of one line naming the flag (`--vary pools.L4.agents: …`,
 * `--replications: …`; the CLI's exit 2), with nothing written. What a sweep finds is tested
 * through the library (tests/unit/api/sweep.test.ts); the flags' values in varySpec.test.ts.
 *
 * Fixtures (tests/helpers/workflowScenarios.ts): the small baseline (2 replications) as
 * base.json and what-if.json extending it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import yargs from "yargs";
import type { SweepDocument } from "../../../src/api/sweep.js";
import { execMerge, execSweep, type SweepOptions } from "../../../src/cli/sweep.js";
import { sweepCommand } from "../../../src/cli/commands/sweep.js";
import { mergeCommand } from "../../../src/cli/commands/merge.js";
import { InputError } from "../../../src/errors.js";
import { readResults } from "../../../src/report/results.js";
import { sweepCsv, sweepJsonText, sweepTable } from "../../../src/report/tables/sweepTable.js";
import { thrown } from "../../helpers/thrown.js";
import { GRID, L1, L2, sweepScenarios, type ScenarioFolder } from "../../helpers/workflowScenarios.js";

let files: ScenarioFolder;
const f = (name: string) => files.path(name);

/** Run quietly (one thread and no charts unless told), capturing what would be printed. */
async function quiet(file: string, options: SweepOptions): Promise<{ doc?: SweepDocument; written: string[]; out: string; err: string }> {
  let out = "", err = "";
  const r = await execSweep(file, { threads: 1, progress: false, charts: false, ...options, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { doc: r.document, written: r.written, out, err };
}

beforeAll(() => {
  files = sweepScenarios();
});

afterAll(() => files?.remove());

describe("bad input: one line naming the flag, nothing run, nothing written", () => {
  it("an invalid point: one line naming the point, found before any run", async () => {
    const out = f("never");
    let err = "";
    const e = await thrown(() => execSweep(f("base.json"), { vary: [`${L2}=1,2`, "pools.L2.shrinkage=0.3,1.2"], out, threads: 1, progress: true, stdout: () => {}, stderr: (s) => (err += s) }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message.split("\n")).toHaveLength(1);
    // point 1 = (L2 1, shrinkage 1.2), the first invalid one in grid order
    expect(e.message).toMatch(/base\.json: point 1 \(pools\.L2\.agents=1, pools\.L2\.shrinkage=1\.2\): pools\[2\]\.shrinkage: /);
    expect(err).toBe(""); // no progress: nothing ran
    expect(existsSync(out)).toBe(false);
  });

  it("path errors, flags, --shard without --out, --out naming a file", async () => {
    const out = f("never");
    const cases: [SweepOptions, RegExp][] = [
      [{ vary: ["pools.L4.agents=1,2"], out }, /^--vary pools\.L4\.agents: pools has no element named "L4" \(did you mean "L2"\?\); expected one of /],
      [{ vary: [GRID[0], "pools.L2.agents.max=1"], out }, /^--vary pools\.L2\.agents\.max: pools\.L2\.agents is a number/],
      [{ vary: [GRID[0], GRID[0]], out }, /^--vary pools\.L2\.agents: given twice$/],
      [{ vary: [], out }, /at least one --vary/],
      [{ vary: ["pools.L2.agents=1..x:1"], out }, /range end: expected a number/],
      [{ vary: GRID, replications: 0, out }, /^--replications: expected an integer >= 1, got 0$/],
      [{ vary: GRID, seed: 1.5, out }, /^--seed: expected an integer >= 0/],
      [{ vary: GRID, threads: 0, out }, /^--threads: expected an integer >= 1/],
      [{ vary: GRID, shard: "3/2", out }, /^--shard: expected i\/N such as 2\/8 \(shard i of N: whole numbers, 1 ≤ i ≤ N ≤ 10000\), got "3\/2"$/],
      // issue 18: --shard 1/1e21 was accepted; every bad form is refused with the accepted one
      ...["1/1e21", "1/1000000000000000000000", "0/3", "4/3", "1.5/3", "a/b", "1/", "-1/3", "1/10001"].map((sh): [SweepOptions, RegExp] => [{ vary: GRID, shard: sh, out }, new RegExp(`^--shard: expected i/N such as 2/8 \\(shard i of N: whole numbers, 1 ≤ i ≤ N ≤ 10000\\), got ${JSON.stringify(sh)}$`)]),
      [{ vary: GRID, shard: "1/2" }, /--shard: needs --out DIR/],
      [{ vary: GRID, out: f("base.json") }, /--out: cannot write to .*not a directory/],
    ];
    for (const [options, re] of cases) {
      const e = await thrown(() => quiet(f("base.json"), options));
      expect(e, String(re)).toBeInstanceOf(InputError);
      expect(e.message).toMatch(re);
      expect(e.message.split("\n")).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe("the table and the files", () => {
  let doc: SweepDocument;
  let table = "";
  beforeAll(async () => {
    const r = await quiet(f("what-if.json"), { vary: GRID });
    doc = r.doc!;
    table = r.out;
  });

  it("the table lists the points and their metrics", () => {
    expect(table).toMatch(/^Sweep: what-if · 4 points \(2 × 2\)\n2 replications per point · seed 7/);
    expect(table).toContain(`  point 3: ${L2} = 2, ${L1} = 3`);
    expect(table).toMatch(/phone: service level/);
    // as many points side by side as fit the width: all four in 1000 characters, one each in 60
    const wide = sweepTable(doc, 1000), narrow = sweepTable(doc, 60);
    expect(wide).toMatch(/point 0 +95% CI +point 1 +95% CI +point 2 +95% CI +point 3 +95% CI\n/);
    expect(narrow.match(/^Metric +point \d +95% CI$/gm)).toHaveLength(4);
    // (160: the sweep reports the retention KPIs too, whose labels are long — "Revenue at risk next year (pessimistic calibration) (USD)")
    const mid = sweepTable(doc, 160);
    const blocks = mid.match(/^Metric .*$/gm)!;
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.length).toBeLessThan(4);
    for (const line of mid.split("\n").filter((l) => /^[A-Za-z─]/.test(l) && !l.startsWith("Sweep") && !l.startsWith("Every"))) expect(line.length).toBeLessThanOrEqual(160);
    expect(sweepTable({ ...doc, metrics: [] })).toContain("(no headline metric is present at every point)");
  });

  it("--out writes sweep.csv and sweep.json of the document, and says so", async () => {
    const { doc: written, out, written: names } = await quiet(f("what-if.json"), { vary: GRID, out: f("full") });
    expect(written).toEqual(doc);
    expect(readdirSync(f("full")).filter((n) => n !== ".supportsim-files").sort()).toEqual(["sweep.csv", "sweep.json"]); // --no-charts; no temporary files left
    expect(names.map((n) => n.split(/[\\/]/).pop()).sort()).toEqual(["sweep.csv", "sweep.json"]);
    // the table, then where the files went (no report.html: --no-charts)
    expect(out).toMatch(/^Sweep: what-if · 4 points/);
    expect(out.endsWith(`\nwrote 2 files to ${f("full")}\n`)).toBe(true);
    expect(readFileSync(join(f("full"), "sweep.json"), "utf8")).toBe(sweepJsonText(doc));
    expect(JSON.parse(readFileSync(join(f("full"), "sweep.json"), "utf8"))).toEqual(doc);
    expect(readFileSync(join(f("full"), "sweep.csv"), "utf8")).toBe(sweepCsv(doc));
    // read back as `supportsim chart` reads it
    const back = readResults(f("full"));
    expect(back).toEqual({ kind: "sweep", sweep: doc });
  });

  it("the CSV: one row per point, parameters then mean / ci_low / ci_high per metric", () => {
    const lines = readFileSync(join(f("full"), "sweep.csv"), "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    const head = lines[0].split(",");
    expect(head.slice(0, 6)).toEqual(["point", L2, L1, `${doc.metrics[0]}_mean`, `${doc.metrics[0]}_ci_low`, `${doc.metrics[0]}_ci_high`]);
    expect(head).toHaveLength(3 + 3 * doc.metrics.length);
    const row = lines[4].split(",");
    const e = doc.points[3].estimates[doc.metrics[0]];
    expect(row.slice(0, 6)).toEqual(["3", "2", "3", String(e.mean), String(e.ci95![0]), String(e.ci95![1])]);
  });

  it("--json prints the document", async () => {
    const { out } = await quiet(f("what-if.json"), { vary: GRID, json: true });
    expect(out).toBe(sweepJsonText(doc));
  });
});

describe("shard files and merge", () => {
  const full = () => f("full"), shards = () => f("shards"), merged = () => f("merged");
  beforeAll(async () => {
    if (!existsSync(full())) await quiet(f("what-if.json"), { vary: GRID, out: full() });
    const r1 = await quiet(f("what-if.json"), { vary: GRID, shard: "1/2", out: shards() });
    const r2 = await quiet(f("what-if.json"), { vary: GRID, shard: "2/2", out: shards() });
    expect(r1.out).toMatch(/^shard 1\/2: 2 of 4 points → .*shard-1-of-2\.json\n$/);
    expect(r2.out).toMatch(/^shard 2\/2: 2 of 4 points → .*shard-2-of-2\.json\n$/);
  });

  it("shard 1/2 + shard 2/2 merged == the unsharded run's files, byte for byte", () => {
    expect(readdirSync(shards()).sort()).toEqual(["shard-1-of-2.json", "shard-2-of-2.json"]);
    const s1 = JSON.parse(readFileSync(join(shards(), "shard-1-of-2.json"), "utf8"));
    expect(s1.points.map((p: { index: number }) => p.index)).toEqual([0, 2]);
    expect(s1.sweep).toMatchObject({ scenario: "what-if", seed: 7, replications: 2, vary: [{ path: L2, values: [1, 2] }, { path: L1, values: [2, 3] }] });
    let out = "";
    const doc = execMerge([shards()], { out: merged(), stdout: (s) => (out += s) });
    expect(out).toBe(`merge: 4 points; wrote 2 files to ${merged()}\n`);
    expect(readdirSync(merged()).filter((n) => n !== ".supportsim-files").sort()).toEqual(["sweep.csv", "sweep.json"]);
    for (const name of ["sweep.csv", "sweep.json"]) {
      expect(readFileSync(join(merged(), name), "utf8"), name).toBe(readFileSync(join(full(), name), "utf8"));
    }
    expect(doc).toEqual(JSON.parse(readFileSync(join(full(), "sweep.json"), "utf8")));
  });

  it("files may be named one by one, in any order; --json prints the merged sweep", () => {
    let out = "";
    const inputs = [2, 1].map((i) => join(shards(), `shard-${i}-of-2.json`));
    execMerge(inputs, { out: f("one-by-one"), json: true, stdout: (s) => (out += s) });
    expect(readFileSync(join(f("one-by-one"), "sweep.json"), "utf8")).toBe(readFileSync(join(full(), "sweep.json"), "utf8"));
    expect(out).toBe(readFileSync(join(full(), "sweep.json"), "utf8"));
  });

  it("errors: a missing shard, not a shard file, no such file, no shard files; one line, nothing written", async () => {
    const one = join(shards(), "shard-1-of-2.json");
    const out = f("merge-never");
    const merge = (inputs: string[]) => thrown(() => execMerge(inputs, { out, stdout: () => {} }));
    const cases: [string[], RegExp][] = [
      [[one], /^merge: missing shard 2\/2 \(have 1\/2\)$/],
      [[one, f("base.json")], /base\.json: not a sweep shard file/],
      [[f("empty-dir-missing")], /empty-dir-missing: no such file or folder$/],
      [[full()], /full: no shard files \(shard-i-of-N\.json\) in this folder$/],
      [[], /^merge: expected folders or shard files$/],
    ];
    for (const [inputs, re] of cases) {
      const e = await merge(inputs);
      expect(e, String(re)).toBeInstanceOf(InputError);
      expect(e.message).toMatch(re);
      expect(e.message.split("\n")).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe("merge of edited shard files (issue 18: edited counts aborted the process)", () => {
  const shards = () => f("shards");
  beforeAll(async () => {
    for (const i of [1, 2]) if (!existsSync(join(shards(), `shard-${i}-of-2.json`))) await quiet(f("what-if.json"), { vary: GRID, shard: `${i}/2`, out: shards() });
  });
  const read = (i: number) => JSON.parse(readFileSync(join(shards(), `shard-${i}-of-2.json`), "utf8"));
  /** The merged document of the last merge that succeeded. */
  let merged: SweepDocument | undefined;
  /** Merge shard 1 edited by `edit` (and shard 2 too when `both`); the error line, or "" when it merged (into `merged`). */
  const mergeEdited = async (name: string, edit: (d: any) => void, both = false): Promise<string> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const dir = f(`edited-${name}`);
    mkdirSync(dir, { recursive: true });
    for (const i of [1, 2]) {
      const d = read(i);
      if (i === 1 || both) edit(d);
      writeFileSync(join(dir, `shard-${i}-of-2.json`), JSON.stringify(d));
    }
    const out = f(`edited-${name}-out`);
    try {
      merged = execMerge([dir], { out, stdout: () => {} });
      return "";
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect(existsSync(out), name).toBe(false);
      return e.message;
    }
  };

  it("each edit: one line naming the file and the field, nothing written", async () => {
    const phone = "channel.phone.serviceLevel";
    const cases: [string, (d: any) => void, boolean, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      ["count-1e21", (d) => (d.shard.count = 1e21), true, /shard-1-of-2\.json: shard\.count: expected an integer from 1 to 10000, got 1e\+21$/],
      ["count-1e8", (d) => (d.shard.count = 1e8), true, /shard-1-of-2\.json: shard\.count: expected an integer from 1 to 10000, got 100000000$/],
      ["count-1e6", (d) => (d.shard.count = 1e6), true, /shard-1-of-2\.json: shard\.count: expected an integer from 1 to 10000, got 1000000$/],
      ["count-1e4", (d) => (d.shard.count = 1e4), true, /^merge: missing shards 3\/10000, 4\/10000, .*, 12\/10000, … \(have 1\/10000, 2\/10000\)$/],
      ["count-1.5", (d) => (d.shard.count = 1.5), false, /shard-1-of-2\.json: shard\.count: expected an integer from 1 to 10000, got 1\.5$/],
      ["index-0", (d) => (d.shard.index = 0), false, /shard\.index: expected an integer from 1 to 10000, got 0$/],
      ["grid", (d) => d.sweep.vary.push(...["x", "y"].map((path) => ({ path, values: Array.from({ length: 1001 }, (_, i) => i) }))), true, /sweep\.vary: expected a grid of at most 10000 points$/],
      ["replications", (d) => (d.sweep.replications = 1e21), true, /sweep\.replications: expected an integer from 1 to 100000, got 1e\+21$/],
      ["sha", (d) => (d.sweep.scenarioSha256 = 5), false, /sweep\.scenarioSha256: expected a SHA-256 in hex, got 5$/],
      ["estimate-text", (d) => (d.points[0].estimates[phone] = "x"), false, /points\[0\]\.estimates\.channel\.phone\.serviceLevel: expected an estimate/],
      ["share-above-1", (d) => (d.points[0].estimates[phone] = { mean: 1.5, ci95: [1.4, 1.6] }), false, /points\[0\]\.estimates\.channel\.phone\.serviceLevel\.mean: expected a share between 0 and 1, got 1\.5$/],
      ["negative-cost", (d) => (d.points[0].estimates["cost.total"] = { mean: -3, ci95: [-4, -2] }), false, /points\[0\]\.estimates\.cost\.total\.mean: expected a number >= 0, got -3$/],
      ["interval-reversed", (d) => (d.points[0].estimates[phone].ci95 = [0.9, 0.1]), false, /serviceLevel\.ci95: expected low <= high, got \[0\.9, 0\.1\]$/],
      ["mean-outside", (d) => (d.points[0].estimates[phone] = { mean: 0.2, ci95: [0.5, 0.6] }), false, /serviceLevel\.mean: expected a mean within its interval \[0\.5, 0\.6\], got 0\.2$/],
      ["no-estimates", (d) => (d.points[0].estimates = {}), false, /points\[0\]\.estimates: expected the point's estimates, got none$/],
      ["points-text", (d) => (d.points = "x"), false, /points: expected a list of points, got "x"$/],
      ["extra", (d) => (d.extra = 1), false, /extra: unknown field; expected one of format, version, shard, sweep, points$/],
    ];
    for (const [name, edit, both, re] of cases) {
      const m = await mergeEdited(name, edit, both);
      expect(m, name).toMatch(re);
      expect(m.split("\n"), name).toHaveLength(1);
    }
  });

  it("any field deleted or retyped (fast-check): one line, or a merged sweep of finite estimates within their bounds", async () => {
    const paths: (string | number)[][] = [];
    const walk = (o: unknown, at: (string | number)[]) => {
      if (at.length > 0) paths.push(at);
      if (typeof o === "object" && o !== null && at.length < 5) for (const [k, v] of Object.entries(o)) walk(v, [...at, Array.isArray(o) ? Number(k) : k]);
    };
    walk(read(1), []);
    const values = [undefined, null, "x", -1, 1e21, 1.5, [], {}, true, -1e-300, 2];
    let k = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom(...values), async (path, value) => {
        merged = undefined;
        const m = await mergeEdited(`fc-${k++}`, (d) => {
          let o = d;
          for (const p of path.slice(0, -1)) o = o[p];
          if (value === undefined) delete o[path[path.length - 1]];
          else o[path[path.length - 1]] = value;
        });
        if (m !== "") {
          // one line per problem (a deleted estimate lacks its mean and its interval: two)
          for (const line of m.split("\n")) expect(line).toMatch(/shard-1-of-2\.json: |^merge: /);
          return;
        }
        for (const p of merged!.points) {
          for (const [key, e] of Object.entries(p.estimates)) {
            for (const x of [e.mean, ...(e.ci95 ?? [])]) if (x !== null) expect(Number.isFinite(x) && (x >= -1e-9 || key.includes("netRevenueAtRisk") || key.includes("serviceChurn")), `${key} ${x}`).toBe(true);
          }
        }
      }),
      // 60 cases in `npm test`; the nightly count with the fuzz suite's variables (tests/properties/badInput.fuzz.test.ts)
      { seed: Number(process.env.SUPPORTSIM_FUZZ_SEED ?? 18), numRuns: Math.ceil(Number(process.env.SUPPORTSIM_FUZZ_RUNS ?? 200) * 0.3) },
    );
  });
});

describe("through yargs", () => {
  it("sweep --vary (repeated) --shard --out, then merge", async () => {
    if (!existsSync(f("full"))) await quiet(f("what-if.json"), { vary: GRID, out: f("full") });
    let out = "";
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
    const before = process.exitCode;
    const parser = (argv: string[]) =>
      mergeCommand(sweepCommand(yargs(argv).strict().exitProcess(false).fail((msg, err) => { if (err) throw err; throw new InputError({ path: "", message: msg }); })));
    try {
      const d = f("cli");
      for (const i of [1, 2]) {
        await parser(["sweep", f("what-if.json"), "--vary", GRID[0], "--vary", GRID[1], "--shard", `${i}/2`, "--out", d, "--threads", "1"]).parseAsync();
        expect(process.exitCode).toBe(0);
      }
      await parser(["merge", d, "--out", join(d, "final"), "--json"]).parseAsync();
      expect(JSON.parse(out.slice(out.indexOf("{"))).points).toHaveLength(4);
      expect(readFileSync(join(d, "final", "sweep.csv"), "utf8")).toBe(readFileSync(join(f("full"), "sweep.csv"), "utf8"));
      await expect((async () => parser(["merge", d]).parseAsync())()).rejects.toThrow(/out/);
    } finally {
      spy.mockRestore();
      process.exitCode = before;
    }
  });
});
