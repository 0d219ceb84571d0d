/**
 * Sweeps through the library (src/api/sweep.ts): each point's row equal to a separate `simulate`
 * of that point's scenario (common random numbers), thread counts that do not change a byte,
 * shards joined by `mergeSweep` into exactly the unsharded document, merge errors, simple-form
 * scenarios, and bad options as an InputError from OPTIONS naming the option (`vary[0]`,
 * `replications`, `shard.index`) before anything runs.
 *
 * Fixtures (tests/helpers/workflowScenarios.ts): scenarios/baseline.json made small (3,000
 * customers, 8 days with 1 of warm-up, 2 replications, L1 phone/e-mail 2 agents, L1 chat 1,
 * L2 2, L3 1) as base.json, and what-if.json extending it (L3 engineering 2 agents), so the
 * sweeps also go through `extends`. Multi-threaded runs use the built workers in dist/ (`npm
 * test` builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPTIONS } from "../../../src/api/options.js";
import { loadScenario, type Scenario } from "../../../src/api/scenario.js";
import { simulate } from "../../../src/api/simulate.js";
import { mergeSweep, sweep, type ShardDocument, type SweepDocument, type SweepOptions, type SweepResult } from "../../../src/api/sweep.js";
import { InputError } from "../../../src/errors.js";
import { sweepCsv, sweepJsonText } from "../../../src/report/tables/sweepTable.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";
import { thrown } from "../../helpers/thrown.js";
import { GRID_VARY, L1, L2, sweepScenarios, type ScenarioFolder } from "../../helpers/workflowScenarios.js";

/** The small baseline, with `change` applied to the parsed object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const small = (change: (s: any) => void = () => {}): any => smallBaseline(2, change);

let files: ScenarioFolder;
let base: Scenario, whatIf: Scenario;
/** The 2 × 2 sweep of what-if.json, unsharded, on one thread. */
let full: SweepResult;
let doc: SweepDocument;

/** A shard as `mergeSweep` gets it from a file: parsed JSON, with the name of where it came from. */
const asRead = (source: string, shard: ShardDocument | undefined) => ({ source, data: JSON.parse(JSON.stringify(shard)) as unknown });

beforeAll(async () => {
  files = sweepScenarios();
  base = loadScenario(files.path("base.json"));
  whatIf = loadScenario(files.path("what-if.json"));
  full = await sweep(whatIf, { vary: GRID_VARY });
  doc = full.document!;
});

afterAll(() => files?.remove());

describe("sweep results", () => {
  it("the whole grid, in order, with the scenario's seed and replications", () => {
    expect(full.shard).toBeUndefined();
    expect(full.points).toBe(4);
    expect(full.warnings).toEqual([]);
    expect(doc.points.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(doc.points.map((p) => p.parameters)).toEqual([
      { [L2]: 1, [L1]: 2 }, { [L2]: 1, [L1]: 3 }, { [L2]: 2, [L1]: 2 }, { [L2]: 2, [L1]: 3 },
    ]);
    expect([doc.scenario, doc.seed, doc.replications, doc.currency]).toEqual(["what-if", 7, 2, "USD"]);
    expect(doc.vary).toEqual(GRID_VARY);
    expect(doc.metrics).toContain("channel.phone.serviceLevel");
    expect(doc.metrics).toContain("cost.total");
  });

  it("each point row equals a separate `simulate` of that point's scenario with the same seed (exactly)", async () => {
    for (const p of doc.points) {
      // the point by hand: a file extending the what-if (so its churn is calibrated on the same status quo, base.json) with the point's values
      const point = files.write(`point-${p.index}.json`, { extends: "what-if.json", pools: { L2: { agents: p.parameters[L2] }, "L1 phone and e-mail": { agents: p.parameters[L1] } } });
      const run = await simulate(loadScenario(point));
      expect([run.seed, run.replications]).toEqual([7, 2]);
      for (const m of doc.metrics) expect(p.estimates[m], `point ${p.index} ${m}`).toEqual(run.estimates[m]);
    }
    // and the points differ: a third L1 agent answers more phone calls within 20 s (the test would pass trivially otherwise)
    const sl = doc.points.map((p) => p.estimates["channel.phone.serviceLevel"].mean!);
    expect(sl[1]).toBeGreaterThan(sl[0]);
    expect(sl[3]).toBeGreaterThan(sl[2]);
    // L2 staffing changes L2's occupancy, not phone's service level at L1 much; costs differ by the extra agents
    expect(doc.points[2].estimates["cost.total"].mean).toBeGreaterThan(doc.points[0].estimates["cost.total"].mean!);
  });

  it("seed and replications from the options", async () => {
    const r = await sweep(whatIf, { vary: [{ path: L2, values: [1] }], seed: 8, replications: 1 });
    expect([r.document!.seed, r.document!.replications]).toEqual([8, 1]);
    const run = await simulate(loadScenario(files.write("point-l2-1.json", { extends: "what-if.json", pools: { L2: { agents: 1 } } })), { seed: 8, replications: 1 });
    for (const m of r.document!.metrics) expect(r.document!.points[0].estimates[m], m).toEqual(run.estimates[m]);
  });

  it("the same sweep on 1 and 4 threads: identical documents, byte for byte", async () => {
    const four = await sweep(whatIf, { vary: GRID_VARY, threads: 4, startWorkers: "now" });
    expect(four.document).toEqual(doc);
    expect(JSON.stringify(four.document)).toBe(JSON.stringify(doc));
    // and so the files the command writes from them
    expect(sweepJsonText(four.document!)).toBe(sweepJsonText(doc));
    expect(sweepCsv(four.document!)).toBe(sweepCsv(doc));
  });

  it("a simple-form scenario sweeps over its own fields (run as the full form it stands for)", async () => {
    const r = await sweep(loadScenario(files.path("simple.json")), { vary: [{ path: "tiers.L1.agents", values: [2, 3] }], replications: 3 });
    const d = r.document!;
    expect(d.points.map((p) => p.parameters)).toEqual([{ "tiers.L1.agents": 2 }, { "tiers.L1.agents": 3 }]);
    const asa = d.points.map((p) => p.estimates["channel.contacts.asaSeconds"].mean as number);
    expect(asa[1]).toBeLessThan(asa[0]);
  });
});

describe("shards and mergeSweep", () => {
  let one: SweepResult, two: SweepResult;
  beforeAll(async () => {
    one = await sweep(whatIf, { vary: GRID_VARY, shard: { index: 1, count: 2 } });
    // the two shards on different thread counts: that must not matter either
    two = await sweep(whatIf, { vary: GRID_VARY, shard: { index: 2, count: 2 }, threads: 2, startWorkers: "now" });
  });

  it("a shard: its points (index mod N = i − 1) and the sweep it belongs to", () => {
    expect(one.document).toBeUndefined();
    expect(one.points).toBe(4);
    expect(one.shard!.shard).toEqual({ index: 1, count: 2 });
    expect(one.shard!.points.map((p) => p.index)).toEqual([0, 2]);
    expect(two.shard!.points.map((p) => p.index)).toEqual([1, 3]);
    expect(one.shard!.sweep).toMatchObject({ scenario: "what-if", seed: 7, replications: 2, vary: [{ path: L2, values: [1, 2] }, { path: L1, values: [2, 3] }] });
    // a shard's rows are the unsharded run's rows
    expect(one.shard!.points).toEqual([doc.points[0], doc.points[2]]);
  });

  it("shard 1/2 + shard 2/2 merged == the unsharded document, byte for byte, in any order", () => {
    for (const shards of [[asRead("shard-1-of-2.json", one.shard), asRead("shard-2-of-2.json", two.shard)], [asRead("shard-2-of-2.json", two.shard), asRead("shard-1-of-2.json", one.shard)]]) {
      const merged = mergeSweep(shards);
      expect(merged).toEqual(doc);
      expect(sweepJsonText(merged)).toBe(sweepJsonText(doc));
      expect(sweepCsv(merged)).toBe(sweepCsv(doc));
    }
  });

  it("more shards than points: empty shards merge too", async () => {
    const shards: ShardDocument[] = [];
    for (let i = 1; i <= 5; i++) shards.push((await sweep(whatIf, { vary: GRID_VARY, shard: { index: i, count: 5 } })).shard!);
    expect(shards[4].points).toEqual([]);
    const merged = mergeSweep([5, 3, 1, 2, 4].map((i) => asRead(`shard-${i}-of-5.json`, shards[i - 1])));
    expect(sweepJsonText(merged)).toBe(sweepJsonText(doc));
  });

  it("errors: a missing shard, another sweep's shard, a shard twice, a stray point, not a shard file", async () => {
    const s1 = asRead("shards/shard-1-of-2.json", one.shard), s2 = asRead("shards/shard-2-of-2.json", two.shard);
    const merge = (shards: { source: string; data: unknown }[]) => thrown(() => mergeSweep(shards));
    const shardOf = async (scenario: Scenario, options: Partial<SweepOptions>, source: string) =>
      asRead(source, (await sweep(scenario, { vary: GRID_VARY, shard: { index: 2, count: 2 }, ...options })).shard);
    const missing = await merge([s1]);
    expect(missing).toBeInstanceOf(InputError);
    expect(missing.message).toBe("merge: missing shard 2/2 (have 1/2)");
    // shard 2 of a sweep with another seed
    expect((await merge([s1, await shardOf(whatIf, { seed: 8 }, "other-seed/shard-2-of-2.json")])).message).toMatch(/other-seed\/shard-2-of-2\.json: from a different sweep than shards\/shard-1-of-2\.json: seed 7 vs 8$/);
    // other varied values, another scenario
    expect((await merge([s1, await shardOf(whatIf, { vary: [{ path: L2, values: [1, 3] }, GRID_VARY[1]] }, "other-vary.json")])).message).toMatch(/varied parameters pools\.L2\.agents=1,2 .* vs pools\.L2\.agents=1,3/);
    expect((await merge([s1, await shardOf(base, {}, "other-scenario.json")])).message).toMatch(/scenario "what-if" vs "small"/);
    // another shard count
    expect((await merge([s1, await shardOf(whatIf, { shard: { index: 2, count: 3 } }, "thirds.json")])).message).toMatch(/shard 2\/3, but .* is one of 2 shards/);
    expect((await merge([s1, s1, s2])).message).toMatch(/shard 1\/2 is given twice/);
    // a point edited into the wrong shard, a dropped point, a point's parameters changed
    const d2 = s2.data as ShardDocument;
    expect((await merge([s1, { source: "stray.json", data: { ...d2, points: [...d2.points, { ...d2.points[0], index: 2 }] } }])).message).toMatch(/point 2 does not belong to shard 2\/2/);
    expect((await merge([s1, { source: "short.json", data: { ...d2, points: d2.points.slice(1) } }])).message).toBe("merge: 1 of 4 points missing (point 1); a shard file is incomplete");
    expect((await merge([s1, { source: "params.json", data: { ...d2, points: [{ ...d2.points[0], parameters: { [L2]: 9, [L1]: 3 } }, d2.points[1]] } }])).message).toMatch(/point 1 has parameters/);
    expect((await merge([s1, { source: "base.json", data: small() }])).message).toMatch(/base\.json: not a sweep shard file/);
    expect((await merge([])).message).toMatch(/no shard files/);
  });
});

describe("bad input: an InputError before anything runs", () => {
  const cases: [string, Partial<SweepOptions>, string, string | RegExp][] = [
    ["an unknown element", { vary: [{ path: "pools.L4.agents", values: [1, 2] }] }, "vary[0]", 'options: vary[0]: pools has no element named "L4" (did you mean "L2"?); expected one of L1 phone and e-mail, L1 chat, L2, L3 engineering'],
    ["a second path into a number", { vary: [GRID_VARY[0], { path: "pools.L2.agents.max", values: [1] }] }, "vary[1]", /^options: vary\[1\]: pools\.L2\.agents is a number/],
    ["no varied parameter", { vary: [] }, "vary", /^options: vary: expected at least one path/],
    ["replications 0", { vary: GRID_VARY, replications: 0 }, "replications", "options: replications: expected an integer >= 1, got 0"],
    ["seed 1.5", { vary: GRID_VARY, seed: 1.5 }, "seed", "options: seed: expected an integer >= 0, got 1.5"],
    ["threads 0", { vary: GRID_VARY, threads: 0 }, "threads", "options: threads: expected an integer >= 1, got 0"],
    ["shard 3 of 2", { vary: GRID_VARY, shard: { index: 3, count: 2 } }, "shard.index", "options: shard.index: expected an integer from 1 to the count (2), got 3"],
    ["shard of 0", { vary: GRID_VARY, shard: { index: 1, count: 0 } }, "shard.count", /^options: shard\.count: expected an integer from 1 to 10000, got 0/],
  ];
  for (const [what, options, path, message] of cases) {
    it(`${what}: from the options, named by the option`, async () => {
      let progress = 0;
      const e = await thrown(() => sweep(base, { vary: [], ...options, onProgress: () => progress++ }));
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).source).toBe(OPTIONS);
      expect((e as InputError).problems[0].path).toBe(path);
      if (typeof message === "string") expect(e.message).toBe(message);
      else expect(e.message).toMatch(message);
      expect(progress).toBe(0); // nothing ran
    });
  }

  it("an invalid point: named by its index and values, from the scenario's file, found before any run", async () => {
    let progress = 0;
    const e = await thrown(() => sweep(base, { vary: [GRID_VARY[0], { path: "pools.L2.shrinkage", values: [0.3, 1.2] }], onProgress: () => progress++ }));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).source).not.toBe(OPTIONS);
    expect(e.message.split("\n")).toHaveLength(1);
    // point 1 = (L2 1, shrinkage 1.2), the first invalid one in grid order
    expect(e.message).toMatch(/base\.json: point 1 \(pools\.L2\.agents=1, pools\.L2\.shrinkage=1\.2\): pools\[2\]\.shrinkage: /);
    expect(progress).toBe(0);
  });
});
