/**
 * The values of `supportsim sweep`'s flags (src/cli/varySpec.ts): --vary PATH=SPEC, ranges and
 * lists of values, --shard i/N; each error one line naming the flag.
 */
import { describe, expect, it } from "vitest";
import { parseShard, parseSpec, parseVary, round9 } from "../../../src/cli/varySpec.js";
import { InputError } from "../../../src/errors.js";
import { L1 } from "../../helpers/workflowScenarios.js";

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
      ["0..2e6:1", /at most 10000 points/],
      ["1..1000000:1", /1000000 values; at most 10000 points are allowed$/], // issue 18: validated for 50 minutes on its way to 18 GB
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
    expect(parseVary('pools."L1.5".agents=5')).toEqual({ path: 'pools."L1.5".agents', values: [5] }); // the path is split by the library (sweep/grid.ts splitPath)
    expect(() => parseVary("pools.L2.agents=5..1:1")).toThrow(/^--vary pools\.L2\.agents: "5\.\.1:1": the range end 1 is below its start 5$/);
  });

  it("--shard i/N", () => {
    expect(parseShard("2/8")).toEqual({ index: 2, count: 8 });
    expect(parseShard(" 1 / 1 ")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/2", "3/2", "1/0", "1-2", "a/b", "1/2/3", ""]) expect(() => parseShard(bad), bad).toThrow(InputError);
  });
});
