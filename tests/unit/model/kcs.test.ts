/**
 * Tests of the KCS / shift-left programme (src/model/kcs.ts) and of self-service coverage that
 * changes during a run (src/model/selfService.ts): the ramp shapes, coverage, resolution and
 * handle-time factors of a 2-tier, 2-need-type case computed by hand, article time and cost
 * around the start, the defaults, and configuration errors.
 */
import { describe, expect, it } from "vitest";
import { defaultKcsConfig, KCS_DEFAULTS, KcsProgram } from "../../../src/model/programs/kcs.js";
import { MONTH_MINUTES } from "../../../src/time/units.js";
import { SelfService, SelfServiceOutcome } from "../../../src/model/demand/selfService.js";
import type { KcsConfig } from "../../../src/model/config.js";

/**
 * The hand case: start 1000, ramp 400; need types 0 and 1 with base coverage 0.2 and 0.5,
 * targets 0.6 (up) and 0.3 (down: coverage lost); tier 0 takes part (resolveGain 0.4, handle
 * time × 0.5, 10 % article time), tier 1 does not; complexityUplift 2; self-service success 0.5
 * (so the uplift per unit of coverage is 2 × 0.5 = 1). Base resolution: tier 0 [0.5, 0.8],
 * tier 1 [0.9, 0.6].
 */
const cfg = (over: Partial<KcsConfig> = {}): KcsConfig => ({
  start: 1000,
  ramp: 400,
  shape: "linear",
  coverage: [0.6, 0.3],
  resolveGain: [0.4, 0],
  handleTimeFactor: [0.5, 1],
  articleTime: [0.1, 0],
  complexityUplift: 2,
  costPerMinute: 3,
  ...over,
});
const BASE_COV = [0.2, 0.5];
const BASE_RES = [[0.5, 0.8], [0.9, 0.6]];
const make = (over: Partial<KcsConfig> = {}, success = 0.5): KcsProgram =>
  new KcsProgram(cfg(over), BASE_COV, (j, k) => BASE_RES[j][k], 2, 2, success);

describe("KcsProgram.ramp", () => {
  it("linear: 0 before start, x during the ramp, 1 after", () => {
    const p = make();
    expect(p.ramp(-1e9)).toBe(0);
    expect(p.ramp(999.999)).toBe(0);
    expect(p.ramp(1000)).toBe(0);
    expect(p.ramp(1100)).toBe(0.25);
    expect(p.ramp(1200)).toBe(0.5);
    expect(p.ramp(1300)).toBe(0.75);
    expect(p.ramp(1400)).toBe(1);
    expect(p.ramp(1e9)).toBe(1);
  });

  it("s-curve 3x² − 2x³: x = 0.25 → 3/16 − 2/64 = 0.15625, 0.5 → 0.5, 0.75 → 27/16 − 54/64 = 0.84375", () => {
    const p = make({ shape: "s-curve" });
    expect(p.ramp(999)).toBe(0);
    expect(p.ramp(1000)).toBe(0);
    expect(p.ramp(1100)).toBeCloseTo(0.15625, 15);
    expect(p.ramp(1200)).toBeCloseTo(0.5, 15);
    expect(p.ramp(1300)).toBeCloseTo(0.84375, 15);
    expect(p.ramp(1400)).toBe(1);
    // symmetric about the middle: ρ(x) + ρ(1 − x) = 1
    for (const x of [0.1, 0.3, 0.45]) expect(p.ramp(1000 + 400 * x) + p.ramp(1000 + 400 * (1 - x))).toBeCloseTo(1, 14);
  });

  it("ramp 0 is a step at start", () => {
    const p = make({ ramp: 0 });
    expect(p.ramp(999.999)).toBe(0);
    expect(p.ramp(1000)).toBe(1);
    expect(p.ramp(5000)).toBe(1);
    expect(p.completeAt).toBe(1000);
  });

  it("nextUpdate: the start, then steps to the end of the ramp, then never", () => {
    const p = make();
    expect(p.nextUpdate(0, 150)).toBe(1000);
    expect(p.nextUpdate(1000, 150)).toBe(1150);
    expect(p.nextUpdate(1300, 150)).toBe(1400);
    expect(p.nextUpdate(1400, 150)).toBe(Infinity);
    expect(make({ ramp: 0 }).nextUpdate(1000, 150)).toBe(Infinity);
  });
});

describe("KcsProgram.update by hand (2 tiers × 2 need types)", () => {
  it("before start: the base, exactly (coverage, resolution, handle factor 1, no article time)", () => {
    const p = make();
    // the constructor leaves the arrays at their pre-start values
    expect(Array.from(p.coverage)).toEqual([0.2, 0.5]);
    expect(Array.from(p.resolve)).toEqual([0.5, 0.8, 0.9, 0.6]);
    expect(Array.from(p.handleFactor)).toEqual([1, 1, 1, 1]);
    expect(Array.from(p.articleTime)).toEqual([0, 0]);
    p.update(1300); // move away and back
    p.update(999.999);
    expect(Array.from(p.coverage)).toEqual([0.2, 0.5]);
    expect(Array.from(p.resolve)).toEqual([0.5, 0.8, 0.9, 0.6]);
    expect(Array.from(p.handleFactor)).toEqual([1, 1, 1, 1]);
    expect(Array.from(p.articleTime)).toEqual([0, 0]);
  });

  it("at start (ρ = 0) the effects are still nil but article time starts", () => {
    const p = make();
    p.update(1000);
    expect(Array.from(p.resolve)).toEqual([0.5, 0.8, 0.9, 0.6]);
    expect(Array.from(p.handleFactor)).toEqual([1, 1, 1, 1]);
    expect(Array.from(p.articleTime)).toEqual([0.1, 0]);
  });

  it("linear, t = 1100 (ρ = 0.25)", () => {
    const p = make();
    p.update(1100);
    // coverage: 0.2 + 0.4·0.25 = 0.3; 0.5 − 0.2·0.25 = 0.45
    expect(p.coverage[0]).toBeCloseTo(0.3, 15);
    expect(p.coverage[1]).toBeCloseTo(0.45, 15);
    // resolve (j·K + k): tier 0: 0.5 + 0.5·0.4·0.25·0.3 = 0.515; 0.8 + 0.2·0.4·0.25·0.45 = 0.809; tier 1 (gain 0): base
    expect(p.resolve[0]).toBeCloseTo(0.515, 15);
    expect(p.resolve[1]).toBeCloseTo(0.809, 15);
    expect(p.resolve[2]).toBe(0.9);
    expect(p.resolve[3]).toBe(0.6);
    // handle: speed tier 0 = 1 − 0.5·0.25 = 0.875, tier 1 = 1; complexity 1 + 1·(0.3 − 0.2) = 1.1, 1 + 1·(0.45 − 0.5) = 0.95
    expect(p.handleFactor[0]).toBeCloseTo(0.875 * 1.1, 15); // 0.9625
    expect(p.handleFactor[1]).toBeCloseTo(0.875 * 0.95, 15); // 0.83125
    expect(p.handleFactor[2]).toBeCloseTo(1.1, 15);
    expect(p.handleFactor[3]).toBeCloseTo(0.95, 15);
    expect(Array.from(p.articleTime)).toEqual([0.1, 0]);
  });

  it("s-curve, t = 1100 (ρ = 0.15625)", () => {
    const p = make({ shape: "s-curve" });
    p.update(1100);
    // coverage 0.2 + 0.4·0.15625 = 0.2625; 0.5 − 0.2·0.15625 = 0.46875
    expect(p.coverage[0]).toBeCloseTo(0.2625, 15);
    expect(p.coverage[1]).toBeCloseTo(0.46875, 15);
    // 0.5 + 0.5·0.4·0.15625·0.2625 = 0.508203125; 0.8 + 0.2·0.4·0.15625·0.46875 = 0.805859375
    expect(p.resolve[0]).toBeCloseTo(0.508203125, 15);
    expect(p.resolve[1]).toBeCloseTo(0.805859375, 15);
    // speed 1 − 0.5·0.15625 = 0.921875; × 1.0625 = 0.9794921875; × 0.96875 = 0.89306640625
    expect(p.handleFactor[0]).toBeCloseTo(0.9794921875, 15);
    expect(p.handleFactor[1]).toBeCloseTo(0.89306640625, 15);
    expect(p.handleFactor[2]).toBeCloseTo(1.0625, 15);
    expect(p.handleFactor[3]).toBeCloseTo(0.96875, 15);
  });

  it("ramp complete (t ≥ 1400): the KcsConfig formulas at ρ = 1", () => {
    const p = make();
    for (const t of [1400, 1e7]) {
      p.update(t);
      expect(p.coverage[0]).toBeCloseTo(0.6, 15);
      expect(p.coverage[1]).toBeCloseTo(0.3, 15);
      // 0.5 + 0.5·0.4·0.6 = 0.62; 0.8 + 0.2·0.4·0.3 = 0.824
      expect(p.resolve[0]).toBeCloseTo(0.62, 15);
      expect(p.resolve[1]).toBeCloseTo(0.824, 15);
      // 0.5·(1 + 0.4) = 0.7; 0.5·(1 − 0.2) = 0.4; tier 1: 1.4, 0.8
      expect(p.handleFactor[0]).toBeCloseTo(0.7, 15);
      expect(p.handleFactor[1]).toBeCloseTo(0.4, 15);
      expect(p.handleFactor[2]).toBeCloseTo(1.4, 15);
      expect(p.handleFactor[3]).toBeCloseTo(0.8, 15);
      expect(Array.from(p.articleTime)).toEqual([0.1, 0]);
    }
  });

  it("the arrays keep their identity across updates (the model may share them)", () => {
    const p = make();
    const { coverage, resolve, handleFactor, articleTime } = p;
    p.update(1200);
    expect(p.coverage).toBe(coverage);
    expect(p.resolve).toBe(resolve);
    expect(p.handleFactor).toBe(handleFactor);
    expect(p.articleTime).toBe(articleTime);
  });

  it("no complexity uplift without self-service success (containment does not change)", () => {
    const p = make({}, 0);
    p.update(1400);
    expect(p.handleFactor[0]).toBeCloseTo(0.5, 15);
    expect(p.handleFactor[3]).toBe(1);
  });
});

describe("KcsProgram cost", () => {
  it("costPerMinute from start on, 0 before; costBetween integrates it", () => {
    const p = make();
    expect(p.costRatePerMinute(999.999)).toBe(0);
    expect(p.costRatePerMinute(1000)).toBe(3);
    expect(p.costRatePerMinute(1e6)).toBe(3);
    expect(p.costBetween(0, 900)).toBe(0);
    expect(p.costBetween(0, 1100)).toBe(300);
    expect(p.costBetween(1200, 1250)).toBe(150);
    expect(p.costBetween(1300, 1200)).toBe(0);
  });
});

describe("KCS defaults", () => {
  it("9 months s-curve, ×0.75 handle time, gain 0.3, 5 % article time, uplift 0.5, for the tiers that take part", () => {
    expect(KCS_DEFAULTS.ramp).toBe(9 * 43_830);
    expect(MONTH_MINUTES * 12).toBe(525_960);
    const c = defaultKcsConfig(500, [0.4, 0.7], [true, false, true]);
    expect(c).toEqual({
      start: 500, ramp: 394_470, shape: "s-curve", coverage: [0.4, 0.7],
      resolveGain: [0.3, 0, 0.3], handleTimeFactor: [0.75, 1, 0.75], articleTime: [0.05, 0, 0.05],
      complexityUplift: 0.5, costPerMinute: 0,
    });
    // it is a valid configuration
    const p = new KcsProgram(c, [0.2, 0.7], () => 0.5, 3, 2, 0.6);
    p.update(500 + 394_470);
    expect(p.handleFactor[0]).toBeCloseTo(0.75 * (1 + 0.5 * 0.6 * 0.2), 15);
    expect(p.handleFactor[1 * 2 + 1]).toBe(1); // tier 1 does not take part, need 1's coverage unchanged
  });
});

describe("KcsProgram rejects inconsistent configuration", () => {
  it("lengths, ranges and a handle-time factor that would reach 0", () => {
    expect(() => make({ coverage: [0.5] })).toThrow(RangeError);
    expect(() => make({ resolveGain: [0.1] })).toThrow(RangeError);
    expect(() => make({ handleTimeFactor: [1, 1, 1] })).toThrow(RangeError);
    expect(() => make({ articleTime: [0] })).toThrow(RangeError);
    expect(() => make({ coverage: [1.2, 0.3] })).toThrow(RangeError);
    expect(() => make({ resolveGain: [1.5, 0] })).toThrow(RangeError);
    expect(() => make({ handleTimeFactor: [0, 1] })).toThrow(RangeError);
    expect(() => make({ articleTime: [1, 0] })).toThrow(RangeError);
    expect(() => make({ ramp: -1 })).toThrow(RangeError);
    expect(() => make({ start: NaN })).toThrow(RangeError);
    expect(() => make({ complexityUplift: -0.1 })).toThrow(RangeError);
    expect(() => make({ costPerMinute: -1 })).toThrow(RangeError);
    expect(() => make({ shape: "cubic" as never })).toThrow(RangeError);
    expect(() => make({}, 1.5)).toThrow(RangeError);
    // need 1 loses 0.5 of coverage: 1 + 4·0.5·(0 − 0.5) = 0 → rejected; uplift 3.9 → 0.025 > 0 accepted
    expect(() => make({ coverage: [0.6, 0], complexityUplift: 4 })).toThrow(RangeError);
    expect(() => make({ coverage: [0.6, 0], complexityUplift: 3.9 })).not.toThrow();
    expect(() => new KcsProgram(cfg(), [0.2], (j, k) => BASE_RES[j][k], 2, 2, 0.5)).toThrow(RangeError);
    expect(() => new KcsProgram(cfg(), BASE_COV, () => 1.1, 2, 2, 0.5)).toThrow(RangeError);
  });
});

describe("SelfService with coverage that changes during a run", () => {
  const ss = { tryShare: 1, successAtFullCoverage: 0.5, goOnShare: 1 };

  it("reads the shared KcsProgram.coverage array: containment follows update(t)", () => {
    const p = make();
    const s = new SelfService(ss, p.coverage);
    expect(s.kbCoverage).toBe(p.coverage);
    expect(s.containment(0)).toBeCloseTo(0.1, 15); // 0.5 × 0.2
    p.update(1200); // ρ = 0.5: coverage 0.4, 0.4
    expect(s.containment(0)).toBeCloseTo(0.2, 15);
    expect(s.containment(1)).toBeCloseTo(0.2, 15);
    // an attempt with uContain = 0.15 fails before, succeeds after
    const q = make();
    const s2 = new SelfService(ss, q.coverage);
    expect(s2.attempt(0, 0, 0.15, 0)).toBe(SelfServiceOutcome.FailedGoesOn);
    q.update(1200);
    expect(s2.attempt(0, 0, 0.15, 0)).toBe(SelfServiceOutcome.Contained);
  });

  it("setCoverage writes one need type's coverage; unchanged coverage behaves as before", () => {
    const cov = Float64Array.from([0.3, 0.8]);
    const s = new SelfService(ss, cov);
    expect(s.containment(1)).toBeCloseTo(0.4, 15);
    s.setCoverage(1, 0.2);
    expect(cov[1]).toBe(0.2);
    expect(s.containment(1)).toBeCloseTo(0.1, 15);
    expect(s.containment(0)).toBeCloseTo(0.15, 15);
    expect(() => s.setCoverage(2, 0.5)).toThrow(RangeError);
    expect(() => s.setCoverage(0, 1.01)).toThrow(RangeError);
    expect(() => s.setCoverage(0, NaN)).toThrow(RangeError);
  });
});
