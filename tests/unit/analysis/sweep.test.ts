/**
 * `supportsim sweep` and `supportsim merge` (src/analysis/sweep.ts, src/report/sweepCsv.ts,
 * src/cli/sweep.ts): value specs, path checks with did-you-mean, the grid order and patches,
 * point validation before anything runs, point rows equal to separate runs (common random
 * numbers), shards merged byte for byte into the unsharded files, merge errors, and thread
 * counts that do not change a byte.
 *
 * Fixture: scenarios/baseline.json made small (3,000 customers, 8 days with 1 of warm-up,
 * 2 replications, L1 phone/e-mail 2 agents, L1 chat 1, L2 2, L3 1) as base.json, and
 * what-if.json extending it (L3 engineering 2 agents), so the sweeps also go through `extends`.
 * Multi-threaded runs use the built workers in dist/ (`npm test` builds first).
 */
import { smallBaseline } from "../../helpers/smallBaseline.js";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import yargs from "yargs";
import {
  checkVary,
  gridSize,
  inShard,
  mergeShards,
  pointPatch,
  pointScenarioJson,
  pointValues,
  pointWarnings,
  type SweepDocument,
  type Vary,
} from "../../../src/analysis/experiments/sweep/index.js";
import { runSupportReplications } from "../../../src/analysis/experiments/replications.js";
import { parseShard, parseSpec, parseVary, round9 } from "../../../src/cli/varySpec.js";
import { InputError } from "../../../src/errors.js";
import { execMerge, execSweep, mergeCommand, sweepCommand, type SweepOptions } from "../../../src/cli/sweep.js";
import { sweepCsv, sweepTable } from "../../../src/report/tables/sweepTable.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { resolveScenarioFile } from "../../../src/scenario/extends.js";
import { validateSupportScenario } from "../../../src/scenario/load.js";
import { thrown } from "../../helpers/thrown.js";

const L1 = "pools.L1 phone and e-mail.agents";
const L2 = "pools.L2.agents";

/** The small baseline, with `change` applied to the parsed object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const small = (change: (s: any) => void = () => {}): any => smallBaseline(2, change);

let dir = "";
const f = (name: string) => join(dir, name);

/** Run quietly (one thread unless told), capturing what would be printed. */
async function quiet(file: string, options: SweepOptions): Promise<{ doc?: SweepDocument; out: string; err: string }> {
  let out = "", err = "";
  const r = await execSweep(file, { threads: 1, progress: false, ...options, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { doc: r.document, out, err };
}


const GRID = [`${L2}=1,2`, `${L1}=2,3`];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-sweep-"));
  writeFileSync(f("base.json"), JSON.stringify(small(), null, 2));
  writeFileSync(f("what-if.json"), JSON.stringify({ extends: "base.json", name: "what-if", pools: { "L3 engineering": { agents: 2 } } }, null, 2));
  writeFileSync(f("simple.json"), JSON.stringify({ name: "mm1", horizon: { hours: 10 }, arrivals: { ratePerHour: 10 }, tiers: [{ name: "L1", agents: 2, handleTime: { dist: "exponential", meanMinutes: 5 } }] }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("value specs", () => {
  it("ranges are inclusive; float steps land on the written values (rounded to 1e-9)", () => {
    expect(parseSpec("30..60:5")).toEqual([30, 35, 40, 45, 50, 55, 60]);
    // 0.1 + 2·0.1 = 0.30000000000000004 in floating point → 0.3; (0.3 − 0.1)/0.1 = 1.9999999999999998 → 2 steps
    expect(parseSpec("0.1..0.3:0.1")).toEqual([0.1, 0.2, 0.3]);
    // 1/0.3 = 3.33 → 3 steps; the end 1 is not on the grid and not included
    expect(parseSpec("0..1:0.3")).toEqual([0, 0.3, 0.6, 0.9]);
    expect(parseSpec("5..5:1")).toEqual([5]);
    expect(parseSpec("-1..1:1")).toEqual([-1, 0, 1]);
    expect(parseSpec(" 0.7 .. 0.9 : 0.05 ")).toEqual([0.7, 0.75, 0.8, 0.85, 0.9]);
    expect(round9(0.30000000000000004)).toBe(0.3);
    expect(Object.is(round9(-1e-12), 0)).toBe(true);
  });

  it("lists keep their order", () => {
    expect(parseSpec("10,12,15")).toEqual([10, 12, 15]);
    expect(parseSpec("15, 10 ,1.1e1")).toEqual([15, 10, 11]);
    expect(parseSpec("7")).toEqual([7]);
    expect(parseSpec("-0.5,.25")).toEqual([-0.5, 0.25]);
  });

  it("errors: one line, saying what was expected", () => {
    const cases: [string, RegExp][] = [
      ["", /got nothing/],
      ["5..1:1", /range end 1 is below its start 5/],
      ["1..5", /a\.\.b:step .*with the step/],
      ["1..5:0", /step > 0, got 0/],
      ["1..5:-1", /step > 0/],
      ["1..5:1e-10", /at least 1e-9/],
      ["a..5:1", /range start: expected a number, got "a"/],
      ["10,,12", /value 2 of the list is empty/],
      ["10,12,10", /10 is given twice/],
      ["ten", /expected a number, got "ten"/],
      ["0..2e6:1", /at most 1000000/],
    ];
    for (const [spec, re] of cases) {
      expect(() => parseSpec(spec), spec).toThrow(InputError);
      expect(() => parseSpec(spec), spec).toThrow(re);
    }
  });

  it("--vary PATH=SPEC: split at the last '='; the path named in errors", () => {
    expect(parseVary(`${L1}=6..9:3`)).toEqual({ path: L1, values: [6, 9] });
    expect(() => parseVary("pools.L2.agents")).toThrow(/expected PATH=VALUES/);
    expect(() => parseVary("=5")).toThrow(/path before "=" is empty/);
    expect(() => parseVary("pools..agents=5")).toThrow(/empty name between dots .*names containing a dot are not supported/);
    expect(() => parseVary("pools.L2.agents=5..1:1")).toThrow(/^--vary pools\.L2\.agents: "5\.\.1:1": the range end 1 is below its start 5$/);
  });

  it("--shard i/N", () => {
    expect(parseShard("2/8")).toEqual({ index: 2, count: 8 });
    expect(parseShard(" 1 / 1 ")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/2", "3/2", "1/0", "1-2", "a/b", "1/2/3", ""]) expect(() => parseShard(bad), bad).toThrow(InputError);
    // point p in shard i of N when p mod N = i − 1
    expect([0, 1, 2, 3, 4].filter((p) => inShard(p, { index: 2, count: 3 }))).toEqual([1, 4]);
    expect(inShard(5, undefined)).toBe(true);
  });
});

describe("paths against the base scenario", () => {
  const base = small();
  const v = (...paths: string[]): Vary[] => paths.map((path) => ({ path, values: [1] }));

  it("named lists by name, plain objects by field, missing fields allowed", () => {
    expect(() => checkVary(base, v(L2, L1, "tiers.L1.resolve.how-to", "customers.salesPerMonth", "customers.segments.smb.share", "pools.L2.shrinkage", "customers.learning.noviceMultiplier"))).not.toThrow();
    // a field the base does not have (optional in the schema): the patch adds it
    expect(() => checkVary(base, v("pools.L2.concurrency"))).not.toThrow();
  });

  it("an unknown element: one line with a did-you-mean and the names", () => {
    const e = () => checkVary(base, v("pools.L4.agents"));
    expect(e).toThrow(InputError);
    // the library names the option vary[0] (the command line shows the --vary it came from)
    expect(e).toThrow('options: vary[0]: pools has no element named "L4" (did you mean "L2"?); expected one of L1 phone and e-mail, L1 chat, L2, L3 engineering');
    expect(() => checkVary(base, v("tiers.L9.resolve.how-to"))).toThrow(/tiers has no element named "L9" \(did you mean "L1"\?\)/);
    // no close name: no guess
    expect(() => checkVary(base, v("pools.night shift.agents"))).toThrow(/^options: vary\[0\]: pools has no element named "night shift"; expected one of/);
  });

  it("names containing a dot cannot be reached, and the error says so", () => {
    const dotted = small((s) => { s.pools[2].name = "L2.5"; });
    expect(() => checkVary(dotted, v("pools.L2.5.agents"))).toThrow(/pools has an element named "L2\.5", but names containing "\." cannot be used in a path/);
    expect(() => checkVary(dotted, v("pools.L7.agents"))).toThrow(/names containing "\." cannot be used in a path/);
  });

  it("a path into a non-object, an unnamed list, a whole element, a run setting", () => {
    expect(() => checkVary(base, v("pools.L2.agents.max"))).toThrow("options: vary[0]: pools.L2.agents is a number (2), not an object: the path cannot go into it");
    expect(() => checkVary(base, v("name.x"))).toThrow(/name is a string \("small"\), not an object/);
    expect(() => checkVary(base, v("tiers.L1.handleTimes.chat.meanMinutes"))).toThrow(/tiers\.L1\.handleTimes is a list without names/);
    expect(() => checkVary(base, v("pools.L2"))).toThrow(/names an element of pools, not a number; give one of its fields/);
    expect(() => checkVary(base, v("seed"))).toThrow(/a run setting, .*use `seed`/);
    expect(() => checkVary(base, v("replications"))).toThrow(/use `replications`/);
  });

  it("paths against each other: twice, or one inside another", () => {
    expect(() => checkVary(base, v(L2, L2))).toThrow(`options: vary[1]: given twice`);
    expect(() => checkVary(base, v("tiers.L1.resolve", "tiers.L1.resolve.how-to"))).toThrow("options: vary[1]: overlaps `vary[0]` (one is inside the other)");
    expect(() => checkVary(base, [])).toThrow(/options: vary: expected at least one path/);
  });
});

describe("the grid", () => {
  const vary: Vary[] = [{ path: "a", values: [1, 2] }, { path: "b", values: [10, 20, 30] }];

  it("the Cartesian product in --vary order, the first varying slowest", () => {
    expect(gridSize(vary)).toBe(6);
    expect(Array.from({ length: 6 }, (_, i) => pointValues(vary, i))).toEqual([[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]]);
    // three lists: index 7 of 2 × 2 × 3 = (0·2 + 1)·3 + 1 → values[0][0], values[1][1], values[2][1]
    expect(pointValues([{ path: "x", values: [5, 6] }, { path: "y", values: [7, 8] }, { path: "z", values: [0, 1, 2] }], 7)).toEqual([6, 7, 1]);
    expect(() => pointValues(vary, 6)).toThrow(RangeError);
  });

  it("one merge patch per point; named lists patched by name, two paths into one element merged", () => {
    const paths: Vary[] = [{ path: L2, values: [5] }, { path: "pools.L2.shrinkage", values: [0.2] }, { path: L1, values: [9] }];
    expect(pointPatch(paths, [5, 0.2, 9])).toEqual({ pools: { L2: { agents: 5, shrinkage: 0.2 }, "L1 phone and e-mail": { agents: 9 } } });
    const s = pointScenarioJson(small(), paths, [5, 0.2, 9]) as any;
    expect(s.pools.map((p: any) => [p.name, p.agents, p.shrinkage])).toEqual([["L1 phone and e-mail", 9, 0.3], ["L1 chat", 1, 0.3], ["L2", 5, 0.2], ["L3 engineering", 1, 0.3]]);
    // the base is not modified
    expect(small().pools[2].agents).toBe(2);
  });

  it("warnings: one shared by every point once, others with their points", () => {
    expect(pointWarnings([{ index: 0, warnings: ["a", "b"] }, { index: 1, warnings: ["a"] }, { index: 2, warnings: ["a", "b"] }])).toEqual(["a", "points 0, 2: b"]);
    expect(pointWarnings([{ index: 0, warnings: [] }, { index: 3, warnings: ["c", "c"] }])).toEqual(["point 3: c"]);
  });
});

describe("sweep: bad input fails before anything runs, with nothing written", () => {
  it("an invalid point: one line naming the point, found before any run", async () => {
    const out = f("never");
    const e = await thrown(() => quiet(f("base.json"), { vary: [`${L2}=1,2`, "pools.L2.shrinkage=0.3,1.2"], out }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message.split("\n")).toHaveLength(1);
    // point 1 = (L2 1, shrinkage 1.2), the first invalid one in grid order
    expect(e.message).toMatch(/base\.json: point 1 \(pools\.L2\.agents=1, pools\.L2\.shrinkage=1\.2\): pools\[2\]\.shrinkage: /);
    expect(existsSync(out)).toBe(false);
  });

  it("path errors, flags, simple-form files, --shard without --out", async () => {
    const out = f("never");
    const cases: [SweepOptions, RegExp][] = [
      [{ vary: ["pools.L4.agents=1,2"], out }, /did you mean "L2"/],
      [{ vary: [], out }, /at least one --vary/],
      [{ vary: ["pools.L2.agents=1..x:1"], out }, /range end: expected a number/],
      [{ vary: GRID, replications: 0, out }, /--replications: expected an integer >= 1, got 0/],
      [{ vary: GRID, seed: 1.5, out }, /--seed: expected an integer >= 0/],
      [{ vary: GRID, threads: 0, out }, /--threads: expected an integer >= 1/],
      [{ vary: GRID, shard: "3/2", out }, /--shard: expected 1 ≤ i ≤ N/],
      [{ vary: GRID, shard: "1/2" }, /--shard: needs --out DIR/],
      [{ vary: GRID, out: f("base.json") }, /--out: cannot write to .*not a directory/],
    ];
    for (const [options, re] of cases) {
      const e = await thrown(() => quiet(f("base.json"), options));
      expect(e, String(re)).toBeInstanceOf(InputError);
      expect(e.message).toMatch(re);
      expect(e.message.split("\n")).toHaveLength(1);
    }
    const simple = await thrown(() => quiet(f("simple.json"), { vary: ["tiers.L1.agents=1,2"] }));
    expect(simple.message).toMatch(/sweep needs a full-form scenario/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("sweep results", () => {
  let doc: SweepDocument;
  let table = "";
  beforeAll(async () => {
    const r = await quiet(f("what-if.json"), { vary: GRID });
    doc = r.doc!;
    table = r.out;
  });

  it("each point row equals a separate run of that point's scenario with the same seed (exactly)", () => {
    expect(doc.points.map((p) => p.parameters)).toEqual([
      { [L2]: 1, [L1]: 2 }, { [L2]: 1, [L1]: 3 }, { [L2]: 2, [L1]: 2 }, { [L2]: 2, [L1]: 3 },
    ]);
    expect([doc.scenario, doc.seed, doc.replications, doc.currency]).toEqual(["what-if", 7, 2, "USD"]);
    expect(doc.metrics).toContain("channel.phone.serviceLevel");
    expect(doc.metrics).toContain("cost.total");
    for (const p of doc.points) {
      // the point by hand: the small base, L3 2 agents (what-if.json), then the point's values
      const s = small((s) => { s.pools[3].agents = 2; s.pools[2].agents = p.parameters[L2]; s.pools[0].agents = p.parameters[L1]; });
      const run = runSupportReplications(buildSupport(validateSupportScenario(s), { baseDir: dir }), { seed: 7, replications: 2 });
      for (const m of doc.metrics) expect(p.estimates[m], `point ${p.index} ${m}`).toEqual(run.estimates[m]);
    }
    // and the points differ: a third L1 agent answers more phone calls within 20 s (the test would pass trivially otherwise)
    const sl = doc.points.map((p) => p.estimates["channel.phone.serviceLevel"].mean!);
    expect(sl[1]).toBeGreaterThan(sl[0]);
    expect(sl[3]).toBeGreaterThan(sl[2]);
    // L2 staffing changes L2's occupancy, not phone's service level at L1 much; costs differ by the extra agents
    expect(doc.points[2].estimates["cost.total"].mean).toBeGreaterThan(doc.points[0].estimates["cost.total"].mean!);
  });

  it("the CSV: one row per point, parameters then mean / ci_low / ci_high per metric", () => {
    const lines = sweepCsv(doc).trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    const head = lines[0].split(",");
    expect(head.slice(0, 6)).toEqual(["point", L2, L1, `${doc.metrics[0]}_mean`, `${doc.metrics[0]}_ci_low`, `${doc.metrics[0]}_ci_high`]);
    expect(head).toHaveLength(3 + 3 * doc.metrics.length);
    const row = lines[4].split(",");
    const e = doc.points[3].estimates[doc.metrics[0]];
    expect(row.slice(0, 6)).toEqual(["3", "2", "3", String(e.mean), String(e.ci95![0]), String(e.ci95![1])]);
  });

  it("the table lists the points and their metrics", () => {
    expect(table).toMatch(/^Sweep: what-if · 4 points \(2 × 2\)\n2 replications per point · seed 7/);
    expect(table).toContain(`  point 3: ${L2} = 2, ${L1} = 3`);
    expect(table).toMatch(/phone: service level/);
    // as many points side by side as fit the width: all four in 1000 characters, one each in 60
    const wide = sweepTable(doc, 1000), narrow = sweepTable(doc, 60);
    expect(wide).toMatch(/point 0 +95% CI +point 1 +95% CI +point 2 +95% CI +point 3 +95% CI\n/);
    expect(narrow.match(/^Metric +point \d +95% CI$/gm)).toHaveLength(4);
    const mid = sweepTable(doc, 120);
    const blocks = mid.match(/^Metric .*$/gm)!;
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.length).toBeLessThan(4);
    for (const line of mid.split("\n").filter((l) => /^[A-Za-z─]/.test(l) && !l.startsWith("Sweep") && !l.startsWith("Every"))) expect(line.length).toBeLessThanOrEqual(120);
    expect(sweepTable({ ...doc, metrics: [] })).toContain("(no headline metric is present at every point)");
  });

  it("the same sweep on 1 and 4 threads: byte-identical files", async () => {
    const one = f("threads-1"), four = f("threads-4");
    await quiet(f("what-if.json"), { vary: GRID, out: one, threads: 1 });
    await quiet(f("what-if.json"), { vary: GRID, out: four, threads: 4, startWorkers: "now" });
    for (const name of ["sweep.csv", "sweep.json"]) expect(readFileSync(join(four, name), "utf8"), name).toBe(readFileSync(join(one, name), "utf8"));
    expect(JSON.parse(readFileSync(join(one, "sweep.json"), "utf8"))).toEqual(doc);
  });
});

describe("shards and merge", () => {
  const full = () => f("full"), shards = () => f("shards"), merged = () => f("merged");
  beforeAll(async () => {
    await quiet(f("what-if.json"), { vary: GRID, out: full() });
    // the two shards on different thread counts: that must not matter either
    const r1 = await quiet(f("what-if.json"), { vary: GRID, shard: "1/2", out: shards() });
    await quiet(f("what-if.json"), { vary: GRID, shard: "2/2", out: shards(), threads: 2, startWorkers: "now" });
    expect(r1.out).toMatch(/^shard 1\/2: 2 of 4 points → .*shard-1-of-2\.json\n$/);
  });

  it("shard 1/2 + shard 2/2 merged == the unsharded run, byte for byte", () => {
    expect(readdirSync(shards()).sort()).toEqual(["shard-1-of-2.json", "shard-2-of-2.json"]);
    const s1 = JSON.parse(readFileSync(join(shards(), "shard-1-of-2.json"), "utf8"));
    expect(s1.points.map((p: any) => p.index)).toEqual([0, 2]);
    expect(s1.sweep).toMatchObject({ scenario: "what-if", seed: 7, replications: 2, vary: [{ path: L2, values: [1, 2] }, { path: L1, values: [2, 3] }] });
    let out = "";
    execMerge([shards()], { out: merged(), stdout: (s) => (out += s) });
    expect(out).toMatch(/^merge: 4 points → /);
    for (const name of ["sweep.csv", "sweep.json"]) {
      expect(readFileSync(join(merged(), name), "utf8"), name).toBe(readFileSync(join(full(), name), "utf8"));
    }
  });

  it("more shards than points: empty shards merge too; files may be named one by one", async () => {
    const d = f("five");
    for (let i = 1; i <= 5; i++) await quiet(f("what-if.json"), { vary: GRID, shard: `${i}/5`, out: d });
    expect(JSON.parse(readFileSync(join(d, "shard-5-of-5.json"), "utf8")).points).toEqual([]);
    const files = [5, 3, 1, 2, 4].map((i) => join(d, `shard-${i}-of-5.json`));
    execMerge(files, { out: f("five-merged"), stdout: () => {} });
    expect(readFileSync(join(f("five-merged"), "sweep.json"), "utf8")).toBe(readFileSync(join(full(), "sweep.json"), "utf8"));
  });

  it("errors: a missing shard, another sweep's shard, a shard twice, a stray point, not a shard file; nothing written", async () => {
    const one = join(shards(), "shard-1-of-2.json"), two = join(shards(), "shard-2-of-2.json");
    const out = f("merge-never");
    const merge = (inputs: string[]) => thrown(() => execMerge(inputs, { out, stdout: () => {} }));
    expect((await merge([one])).message).toBe("merge: missing shard 2/2 (have 1/2)");
    // shard 2 of a sweep with another seed
    await quiet(f("what-if.json"), { vary: GRID, shard: "2/2", seed: 8, out: f("other-seed") });
    expect((await merge([one, f("other-seed")])).message).toMatch(/shard-2-of-2\.json: from a different sweep than .*shard-1-of-2\.json: seed 7 vs 8$/);
    // other varied values, another scenario
    await quiet(f("what-if.json"), { vary: [`${L2}=1,3`, `${L1}=2,3`], shard: "2/2", out: f("other-vary") });
    expect((await merge([one, f("other-vary")])).message).toMatch(/varied parameters pools\.L2\.agents=1,2 .* vs pools\.L2\.agents=1,3/);
    await quiet(f("base.json"), { vary: GRID, shard: "2/2", out: f("other-scenario") });
    expect((await merge([one, f("other-scenario")])).message).toMatch(/scenario "what-if" vs "small"/);
    // another shard count
    await quiet(f("what-if.json"), { vary: GRID, shard: "2/3", out: f("thirds") });
    expect((await merge([one, f("thirds")])).message).toMatch(/shard 2\/3, but .* is one of 2 shards/);
    expect((await merge([one, one, two])).message).toMatch(/shard 1\/2 is given twice/);
    // a point edited into the wrong shard, a dropped point
    const s2 = JSON.parse(readFileSync(two, "utf8"));
    const write = (name: string, data: unknown) => { writeFileSync(f(name), JSON.stringify(data)); return f(name); };
    expect((await merge([one, write("stray.json", { ...s2, points: [...s2.points, { ...s2.points[0], index: 2 }] })])).message).toMatch(/point 2 does not belong to shard 2\/2/);
    expect((await merge([one, write("short.json", { ...s2, points: s2.points.slice(1) })])).message).toBe("merge: 1 of 4 points missing (point 1); a shard file is incomplete");
    expect((await merge([one, write("params.json", { ...s2, points: [{ ...s2.points[0], parameters: { [L2]: 9, [L1]: 3 } }, s2.points[1]] })])).message).toMatch(/point 1 has parameters/);
    expect((await merge([one, f("base.json")])).message).toMatch(/base\.json: not a sweep shard file/);
    expect((await merge([f("empty-dir-missing")])).message).toMatch(/no such file or folder/);
    expect((await merge([f("threads-1")])).message).toMatch(/no shard files/);
    for (const e of [await merge([one])]) expect(e).toBeInstanceOf(InputError);
    expect(existsSync(out)).toBe(false);
    expect(() => mergeShards([])).toThrow(/no shard files/);
  });
});

describe("through yargs", () => {
  it("sweep --vary (repeated) --shard --out, then merge", async () => {
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

// the resolved base is what the paths are checked against (extends merged)
it("paths see the merged base (extends)", () => {
  const base = resolveScenarioFile(f("what-if.json")) as any;
  expect(base.pools[3].agents).toBe(2);
  expect(() => checkVary(base, [{ path: "pools.L3 engineering.agents", values: [1] }])).not.toThrow();
});
