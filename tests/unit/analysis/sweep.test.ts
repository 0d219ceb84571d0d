/**
 * The sweep's analysis (src/analysis/experiments/sweep/): path checks against the base scenario
 * with did-you-mean, the grid order and point patches, the points' warnings, which points a
 * shard holds, and paths checked against the base with its `extends` merged. Sweeping real
 * scenarios, shards and merge go through the library (tests/unit/api/sweep.test.ts); the
 * command's --vary and --shard parsing, table and files are tested in tests/unit/cli/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkVary, gridSize, inShard, joinPath, mergeShards, pointPatch, pointScenarioJson, pointValues, pointWarnings, splitPath, type Vary } from "../../../src/analysis/experiments/sweep/index.js";
import { InputError } from "../../../src/errors.js";
import { resolveScenarioFile } from "../../../src/scenario/extends.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";
import { L1, L2, sweepScenarios, type ScenarioFolder } from "../../helpers/workflowScenarios.js";

/** The small baseline, with `change` applied to the parsed object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const small = (change: (s: any) => void = () => {}): any => smallBaseline(2, change);

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

  it("a name containing a dot is quoted whole; unquoted, the error shows how", () => {
    const dotted = small((s) => { s.pools[2].name = "L2.5"; });
    expect(() => checkVary(dotted, v('pools."L2.5".agents'))).not.toThrow();
    expect(splitPath('pools."L2.5".agents')).toEqual(["pools", "L2.5", "agents"]);
    expect(splitPath('"a.b"')).toEqual(["a.b"]);
    expect(joinPath(["pools", "L2.5", "agents"])).toBe('pools."L2.5".agents');
    expect(() => checkVary(dotted, v("pools.L2.5.agents"))).toThrow('options: vary[0]: pools has an element named "L2.5": quote a name that contains a dot, pools."L2.5"…');
    expect(() => splitPath("pools..agents")).toThrow(/an empty name between dots \(quote a name that contains a dot: "L1\.5"\)/);
    expect(() => splitPath('pools."L2.5.agents')).toThrow(/a quote is not closed/);
    expect(() => splitPath('pools."L2.5"x.agents')).toThrow(/a quoted name must end at a "\." or the end of the path/);
    expect(() => splitPath('pools.L"2".agents')).toThrow(/a quote inside the name "L"/);
    // and the point's patch reaches the element by its whole name
    expect(pointPatch([{ path: 'pools."L2.5".agents', values: [4] }], [4])).toEqual({ pools: { "L2.5": { agents: 4 } } });
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

describe("shards", () => {
  it("point p is in shard i of N when p mod N = i − 1; without a shard, every point", () => {
    expect([0, 1, 2, 3, 4].filter((p) => inShard(p, { index: 2, count: 3 }))).toEqual([1, 4]);
    expect(inShard(5, undefined)).toBe(true);
  });

  it("nothing to merge", () => {
    expect(() => mergeShards([])).toThrow(/no shard files/);
  });
});

describe("the base with its extends merged", () => {
  let files: ScenarioFolder;
  beforeAll(() => { files = sweepScenarios(); });
  afterAll(() => files?.remove());

  // the resolved base is what the paths are checked against (extends merged)
  it("paths see the merged base (extends)", () => {
    const base = resolveScenarioFile(files.path("what-if.json")) as any;
    expect(base.pools[3].agents).toBe(2);
    expect(() => checkVary(base, [{ path: "pools.L3 engineering.agents", values: [1] }])).not.toThrow();
  });
});
