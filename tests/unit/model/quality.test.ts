/**
 * Tests of product quality Q(t) (src/model/quality.ts): the baseline, release spikes and their
 * half-lives, hotfixes, the linear ramp of fixes, fixes triggered by the listening post, the
 * thinning bound, and the release/notification shares computed by hand; problem management
 * per need type (fixes after every `resolvedPerFix` resolutions, the cap, the start, the
 * per-type bound) by hand, and through the need generator (src/model/demand.ts): the count of
 * needs before and after a fix matches the integrated rate.
 */
import { describe, expect, it } from "vitest";
import { RandomStreams } from "../../../src/engine/random.js";
import { CustomerBase } from "../../../src/model/customers/customerBase.js";
import { NeedGenerator } from "../../../src/model/demand/needs.js";
import { LearningCurve } from "../../../src/model/customers/expertise.js";
import { ExpertiseLevels } from "../../../src/model/programs/customerTraining.js";
import { Quality } from "../../../src/model/demand/quality.js";
import { PROBLEM_MANAGEMENT_DEFAULTS } from "../../../src/model/demand/problemManagement.js";
import type { NeedTypeConfig, ProblemManagementConfig, QualityFixConfig, ReleaseConfig, SegmentConfig } from "../../../src/model/config.js";

const DAY = 1440;
const release = (over: Partial<ReleaseConfig> = {}): ReleaseConfig => ({ name: "r", at: 100, spike: 0.5, halfLife: 60, ...over });

describe("Quality", () => {
  it("is 1 with no releases and no fixes", () => {
    const q = new Quality([], []);
    for (const t of [-100, 0, 1, 1e6]) {
      expect(q.defectFactor(t)).toBe(1);
      expect(q.spikeShare(t)).toBe(0);
      expect(q.notification(t)).toEqual({ share: 0, deflect: 0, soften: 0 });
      expect(q.upperBound(t, t + 100)).toBe(1);
    }
  });

  it("adds a release spike at its time that halves every half-life", () => {
    const q = new Quality([release()], []);
    expect(q.defectFactor(99.999)).toBe(1);
    expect(q.defectFactor(100)).toBeCloseTo(1.5, 14);
    expect(q.defectFactor(160)).toBeCloseTo(1.25, 14);
    expect(q.defectFactor(220)).toBeCloseTo(1.125, 14);
    for (const t of [100, 137, 500]) {
      expect((q.defectFactor(t + 60) - 1) / (q.defectFactor(t) - 1)).toBeCloseTo(0.5, 12);
    }
    expect(q.spikeShare(160)).toBeCloseTo(0.25 / 1.25, 14);
  });

  it("a hotfix removes its share of what remains of the spike", () => {
    const q = new Quality([release({ hotfix: { at: 200, removes: 0.7 } })], []);
    const before = 0.5 * Math.pow(2, -(199.999 - 100) / 60);
    expect(q.defectFactor(199.999)).toBeCloseTo(1 + before, 12);
    const rest = 0.5 * Math.pow(2, -100 / 60);
    expect(q.defectFactor(200)).toBeCloseTo(1 + 0.3 * rest, 14);
    expect(q.defectFactor(260)).toBeCloseTo(1 + 0.3 * rest * 0.5, 14);
    // removes = 1 ends the spike
    const all = new Quality([release({ hotfix: { at: 200, removes: 1 } })], []);
    expect(all.defectFactor(200)).toBe(1);
  });

  it("a fix ramps in linearly (and a zero ramp is a step); fixes multiply", () => {
    const fixes: QualityFixConfig[] = [
      { name: "f", reduction: 0.2, ramp: 100, at: 1000 },
      { name: "g", reduction: 0.5, ramp: 0, at: 3000 },
    ];
    const q = new Quality([], fixes);
    expect(q.defectFactor(999)).toBe(1);
    expect(q.defectFactor(1000)).toBeCloseTo(1, 14);
    expect(q.defectFactor(1025)).toBeCloseTo(0.95, 14);
    expect(q.defectFactor(1050)).toBeCloseTo(0.9, 14);
    expect(q.defectFactor(1075)).toBeCloseTo(0.85, 14);
    expect(q.defectFactor(1100)).toBeCloseTo(0.8, 14);
    expect(q.defectFactor(2999)).toBeCloseTo(0.8, 14);
    expect(q.defectFactor(3000)).toBeCloseTo(0.4, 14);
    expect(q.defectFactor(1e7)).toBeCloseTo(0.4, 14);
  });

  it("a listening-post fix takes effect `lead` after its K-th defect request; reset clears it", () => {
    const q = new Quality([], [{ name: "pm", reduction: 0.1, ramp: 0, afterRequests: 3, lead: 50 }]);
    q.recordDefectRequest(10);
    q.recordDefectRequest(20);
    expect(q.fixEffectiveAt(0)).toBe(Infinity);
    expect(q.defectFactor(1e6)).toBe(1);
    q.recordDefectRequest(30);
    expect(q.defectRequests).toBe(3);
    expect(q.fixEffectiveAt(0)).toBe(80);
    expect(q.defectFactor(79.9)).toBe(1);
    expect(q.defectFactor(80)).toBeCloseTo(0.9, 14);
    q.recordDefectRequest(40); // later requests do not move it
    expect(q.fixEffectiveAt(0)).toBe(80);
    q.reset();
    expect(q.defectRequests).toBe(0);
    expect(q.fixEffectiveAt(0)).toBe(Infinity);
    expect(q.defectFactor(100)).toBe(1);
    for (let i = 0; i < 3; i++) q.recordDefectRequest(500 + i);
    expect(q.fixEffectiveAt(0)).toBe(552);
    // a ramped triggered fix; K = 0 means effective `lead` after the start
    const r = new Quality([], [
      { name: "ramped", reduction: 0.4, ramp: 200, afterRequests: 1, lead: 0 },
      { name: "now", reduction: 0.5, ramp: 0, afterRequests: 0, lead: 10 },
    ]);
    expect(r.defectFactor(9)).toBe(1);
    expect(r.defectFactor(10)).toBeCloseTo(0.5, 14);
    r.recordDefectRequest(100);
    expect(r.defectFactor(200)).toBeCloseTo(0.5 * (1 - 0.4 * 0.5), 14);
    expect(r.defectFactor(300)).toBeCloseTo(0.5 * 0.6, 14);
  });

  it("upperBound(t0, t1) ≥ Q(t) for t in [t0, t1], also after fixes", () => {
    const releases: ReleaseConfig[] = [
      { name: "a", at: 2 * DAY, spike: 0.5, halfLife: 7 * DAY, hotfix: { at: 4 * DAY, removes: 0.7 } },
      { name: "b", at: 20 * DAY, spike: 1.2, halfLife: 3 * DAY, notify: { at: 21 * DAY, deflect: 0.3, soften: 0.5 } },
      { name: "c", at: 20 * DAY, spike: 0.2, halfLife: 15 * DAY },
      { name: "d", at: 50 * DAY, spike: 0.4, halfLife: 0.5 * DAY },
    ];
    const fixes: QualityFixConfig[] = [
      { name: "dated", reduction: 0.1, ramp: 14 * DAY, at: 10 * DAY },
      { name: "pm", reduction: 0.2, ramp: 5 * DAY, afterRequests: 5, lead: 3 * DAY },
    ];
    const q = new Quality(releases, fixes);
    const bounds: [number, number, number][] = [];
    const width = 0.5 * DAY;
    let worst = Infinity;
    for (let t0 = 0; t0 < 80 * DAY; t0 += width) {
      const t1 = t0 + width;
      const b = q.upperBound(t0, t1);
      bounds.push([t0, t1, b]);
      for (let t = t0; t <= t1; t += width / 50) {
        const v = q.defectFactor(t);
        worst = Math.min(worst, b - v);
        expect(v).toBeLessThanOrEqual(b + 1e-12);
      }
      if (t0 >= 25 * DAY && t0 < 25 * DAY + 5 * width) q.recordDefectRequest(t0); // trigger "pm" mid-run
    }
    expect(q.fixEffectiveAt(1)).toBeLessThan(Infinity);
    expect(worst).toBeGreaterThanOrEqual(-1e-12);
    // the bound is tight at a release instant with no fix or hotfix in force
    const fresh = new Quality(releases.map(({ hotfix: _, ...r }) => r), []);
    expect(fresh.upperBound(20 * DAY, 20 * DAY)).toBeCloseTo(fresh.defectFactor(20 * DAY), 12);
    // bounds computed before the fix took effect still hold after it (fixes only lower Q)
    for (const [t0, t1, b] of bounds) {
      for (let t = t0; t <= t1; t += width / 10) expect(q.defectFactor(t)).toBeLessThanOrEqual(b + 1e-12);
    }
  });

  it("spikeShare and notification by hand", () => {
    const q = new Quality(
      [
        { name: "one", at: 0, spike: 0.6, halfLife: 100, notify: { at: 50, deflect: 0.4, soften: 0.2 } },
        { name: "two", at: 100, spike: 0.3, halfLife: 50, notify: { at: 100, deflect: 0.1, soften: 0.6 } },
        { name: "silent", at: 0, spike: 0.1, halfLife: 1e9 },
      ],
      [{ name: "half", reduction: 0.5, ramp: 0, at: 0 }],
    );
    const silent = 0.1 * Math.pow(2, -1 / 1e7); // ≈ 0.1 over these times
    // t = 40: no notification yet
    const s1at40 = 0.6 * Math.pow(2, -0.4);
    const q40 = 0.5 + s1at40 + 0.1 * Math.pow(2, -40 / 1e9);
    expect(q.defectFactor(40)).toBeCloseTo(q40, 12);
    expect(q.spikeShare(40)).toBeCloseTo((q40 - 0.5) / q40, 12);
    expect(q.notification(40)).toEqual({ share: 0, deflect: 0, soften: 0 });
    // t = 60: release one notified
    const s1at60 = 0.6 * Math.pow(2, -0.6);
    const q60 = 0.5 + s1at60 + silent;
    const n60 = q.notification(60);
    expect(n60.share).toBeCloseTo(s1at60 / q60, 6);
    expect(n60.deflect).toBeCloseTo(0.4, 14);
    expect(n60.soften).toBeCloseTo(0.2, 14);
    // t = 200: spike one 0.15, spike two 0.075, both notified
    const q200 = 0.5 + 0.15 + 0.075 + silent;
    expect(q.defectFactor(200)).toBeCloseTo(q200, 6);
    expect(q.spikeShare(200)).toBeCloseTo((0.15 + 0.075 + silent) / q200, 6);
    const n200 = q.notification(200);
    expect(n200.share).toBeCloseTo(0.225 / q200, 6);
    expect(n200.deflect).toBeCloseTo((0.15 * 0.4 + 0.075 * 0.1) / 0.225, 12); // 0.3
    expect(n200.soften).toBeCloseTo((0.15 * 0.2 + 0.075 * 0.6) / 0.225, 12); // 1/3
    expect(q.notifiedShare(200)).toBeCloseTo(0.225 / q200, 6);
    // the same object is reused (no allocation per call)
    expect(q.notification(40)).toBe(n200);
  });

  it("rejects inconsistent configuration", () => {
    expect(() => new Quality([release({ halfLife: 0 })], [])).toThrow(RangeError);
    expect(() => new Quality([release({ hotfix: { at: 5, removes: 1.5 } })], [])).toThrow(RangeError);
    expect(() => new Quality([], [{ name: "x", reduction: 0.1, ramp: 0 }])).toThrow(RangeError);
    expect(() => new Quality([], [{ name: "x", reduction: 0.1, ramp: 0, at: 5, afterRequests: 3 }])).toThrow(RangeError);
    expect(() => new Quality([], [{ name: "x", reduction: 1.1, ramp: 0, at: 5 }])).toThrow(RangeError);
  });
});

const needType = (name: string, driver: NeedTypeConfig["driver"], ratePerMinute = 0.01): NeedTypeConfig =>
  ({ name, ratePerMinute, driver, severity: 0, channelPreference: [], kbCoverage: 0 });
/** Types 0, 1, 2 quality-driven, 3 not; problem management on 0 and 2. */
const TYPES = [needType("crash", "quality"), needType("glitch", "quality"), needType("data", "quality"), needType("how-to", "expertise")];
const pm = (over: Partial<ProblemManagementConfig> = {}): ProblemManagementConfig => ({
  start: 100, needTypes: [0, 2], resolvedPerFix: 3, lag: 10, reductionPerFix: 0.2, maxReduction: 0.5, costPerFix: 7, ...over,
});

describe("Quality: problem management per need type", () => {
  it("every 3rd resolution from start makes a fix effective 10 later; 0.2 each, capped at 0.5", () => {
    const q = new Quality([], [], pm(), TYPES);
    // before start: not counted
    expect(q.recordResolved(0, 50)).toBe(false);
    expect(q.recordResolved(0, 60)).toBe(false);
    expect(q.recordResolved(0, 99.9)).toBe(false);
    // from start: the 3rd (at 120) makes fix 1, effective 130
    expect(q.recordResolved(0, 100)).toBe(false);
    expect(q.recordResolved(0, 110)).toBe(false);
    expect(q.fixesMade).toBe(0);
    expect(q.recordResolved(0, 120)).toBe(true);
    expect(q.fixesMade).toBe(1);
    expect(q.typeFactor(0, 120)).toBe(1);
    expect(q.typeFactor(0, 129.999)).toBe(1);
    expect(q.typeFactor(0, 130)).toBe(0.8); // 1 − 0.2
    // the 6th (at 150) makes fix 2, effective 160
    q.recordResolved(0, 130);
    q.recordResolved(0, 140);
    expect(q.recordResolved(0, 150)).toBe(true);
    expect(q.typeFactor(0, 159.999)).toBe(0.8);
    expect(q.typeFactor(0, 160)).toBe(0.6); // 1 − 0.4
    // the 9th (at 220) makes fix 3, effective 230: 1 − 0.6 would be 0.4, capped at 1 − 0.5
    q.recordResolved(0, 200);
    q.recordResolved(0, 210);
    expect(q.recordResolved(0, 220)).toBe(true);
    expect(q.typeFactor(0, 229.999)).toBe(0.6);
    expect(q.typeFactor(0, 230)).toBe(0.5);
    expect(q.typeFactor(0, 1e9)).toBe(0.5);
    // the 12th would make fix 4, but the cap is reached (3 · 0.2 ≥ 0.5): no more fixes, no cost
    q.recordResolved(0, 230);
    q.recordResolved(0, 240);
    expect(q.recordResolved(0, 250)).toBe(false);
    expect(q.fixesMade).toBe(3);
    expect(q.fixesMadeFor(0)).toBe(3);
    expect(q.fixCost).toBe(21);
    expect(q.costPerFix).toBe(7);
    // queries in any order (the cursor moves both ways)
    expect([1e9, 0, 145, 165, 131, 231, 129].map((t) => q.typeFactor(0, t))).toEqual([0.5, 1, 0.8, 0.6, 0.8, 0.5, 1]);
    expect([125, 130, 160, 230].map((t) => q.fixesEffectiveFor(0, t))).toEqual([0, 1, 2, 3]);
    expect(q.fixesEffective(231)).toBe(3);
    // Q itself is untouched (no global fixes, no releases)
    expect(q.defectFactor(1e9)).toBe(1);
  });

  it("other types are unaffected; a listed type counts its own resolutions", () => {
    const q = new Quality([], [], pm(), TYPES);
    for (let i = 0; i < 9; i++) expect(q.recordResolved(1, 200 + i)).toBe(false); // quality-driven, not listed
    for (let i = 0; i < 9; i++) expect(q.recordResolved(3, 200 + i)).toBe(false); // not quality-driven
    expect(q.recordResolved(-1, 300)).toBe(false);
    expect(q.recordResolved(99, 300)).toBe(false);
    for (const k of [0, 1, 2, 3, 99]) expect(q.typeFactor(k, 1e9)).toBe(1);
    // types 0 and 2 interleaved: 0 at 300, 320, 340 (fix at 350); 2 at 310, 330 — only two
    q.recordResolved(0, 300);
    q.recordResolved(2, 310);
    q.recordResolved(0, 320);
    q.recordResolved(2, 330);
    expect(q.recordResolved(0, 340)).toBe(true);
    expect(q.typeFactor(0, 350)).toBe(0.8);
    expect(q.typeFactor(2, 350)).toBe(1);
    expect(q.recordResolved(2, 360)).toBe(true); // type 2's third
    expect(q.typeFactor(2, 369)).toBe(1);
    expect(q.typeFactor(2, 370)).toBe(0.8);
    expect(q.typeFactor(1, 370)).toBe(1);
    expect(q.fixesMade).toBe(2);
    expect(q.fixesEffective(355)).toBe(1);
    expect(q.fixesEffective(370)).toBe(2);
  });

  it("the factor multiplies Q (spikes and global fixes stay common); lag 0 is immediate; reset clears", () => {
    const q = new Quality([release({ at: 0, spike: 1, halfLife: 1e12 })], [{ name: "g", reduction: 0.5, ramp: 0, at: 0 }], pm({ lag: 0, resolvedPerFix: 1, start: 0 }), TYPES);
    expect(q.recordResolved(2, 40)).toBe(true);
    expect(q.typeFactor(2, 40)).toBe(0.8);
    expect(q.defectFactor(40)).toBeCloseTo(1.5, 9); // 0.5 base + spike ≈ 1, the same for all types
    expect(q.defectFactor(40) * q.typeFactor(2, 40)).toBeCloseTo(1.2, 9);
    expect(q.defectFactor(40) * q.typeFactor(1, 40)).toBeCloseTo(1.5, 9);
    q.reset();
    expect(q.fixesMade).toBe(0);
    expect(q.typeFactor(2, 40)).toBe(1);
    expect(q.recordResolved(2, 50)).toBe(true);
    expect(q.typeFactor(2, 50)).toBe(0.8);
  });

  it("typeBound(k, t0) bounds the factor after t0 whatever is recorded later", () => {
    const q = new Quality([], [], pm({ resolvedPerFix: 1, lag: 0 }), TYPES);
    q.recordResolved(0, 100);
    const b = q.typeBound(0, 150);
    expect(b).toBe(0.8);
    q.recordResolved(0, 160); // recorded after the bound was taken
    q.recordResolved(0, 170);
    for (let t = 150; t < 300; t += 5) expect(q.typeFactor(0, t)).toBeLessThanOrEqual(b);
    expect(q.typeFactor(0, 170)).toBe(0.5);
  });

  it("maxReduction 0: no fixes; 1 with 0.5 per fix: the type disappears after two", () => {
    const none = new Quality([], [], pm({ maxReduction: 0, resolvedPerFix: 1 }), TYPES);
    expect(none.recordResolved(0, 200)).toBe(false);
    expect(none.typeFactor(0, 1e9)).toBe(1);
    const all = new Quality([], [], pm({ maxReduction: 1, reductionPerFix: 0.5, resolvedPerFix: 1 }), TYPES);
    expect(all.recordResolved(0, 200)).toBe(true);
    expect(all.recordResolved(0, 201)).toBe(true);
    expect(all.recordResolved(0, 202)).toBe(false);
    expect(all.typeFactor(0, 211)).toBe(0);
  });

  it("without problem management the per-type factor is 1 and nothing is counted", () => {
    const q = new Quality([], []);
    expect(q.recordResolved(0, 10)).toBe(false);
    expect(q.typeFactor(0, 10)).toBe(1);
    expect(q.typeBound(5, 10)).toBe(1);
    expect(q.fixesMade).toBe(0);
    expect(q.fixCost).toBe(0);
  });

  it("the default cap is MetricNet's 50 %", () => {
    expect(PROBLEM_MANAGEMENT_DEFAULTS.maxReduction).toBe(0.5);
  });

  it("rejects inconsistent configuration", () => {
    expect(new Quality([], [], pm({ needTypes: [3] }), TYPES).fixes(3)).toBe(true); // any driver: a how-to type fixed by a product change
    expect(() => new Quality([], [], pm({ needTypes: [4] }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm(), [])).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ needTypes: [0, 0] }), TYPES)).toThrow(/twice/);
    expect(() => new Quality([], [], pm({ resolvedPerFix: 0 }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ resolvedPerFix: 2.5 }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ lag: -1 }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ reductionPerFix: 0 }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ reductionPerFix: 1.1 }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ maxReduction: 1.5 }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ costPerFix: -1 }), TYPES)).toThrow(RangeError);
    expect(() => new Quality([], [], pm({ start: NaN }), TYPES)).toThrow(RangeError);
  });
});

describe("NeedGenerator with a problem-management fix", () => {
  /**
   * N = 1000 customers, two quality-driven types at r = 0.01 per customer-minute, flat
   * seasonality, Q ≡ 1, horizon H = 1000, windows of 300 minutes. Type 0 is under problem
   * management (one resolution per fix, lag 200, −0.5); one resolution is recorded at 250,
   * inside the first window, so the fix takes effect at 450, inside the second window — after
   * both windows' bounds were taken. Per replication:
   *   type 0 on [0, 450):    N·r·450       = 4500
   *   type 0 on [450, 1000): N·r·0.5·550   = 2750   (5500 without the fix)
   *   type 1 on [0, 1000):   N·r·1000      = 10000
   * Summed over 20 replications the counts are Poisson with 20× those means; accept within
   * ±3.2905·√mean (99.9 %, normal approximation).
   */
  const N = 1000, r = 0.01, H = 1000, W = 300, REPS = 20, TFIX = 450;
  const types = [needType("crash", "quality", r), needType("glitch", "quality", r)];
  const segment: SegmentConfig = {
    name: "all", customers: N, expertise: 1, startExpertise: 1, revenuePerYear: 0, tenureAtStart: { type: "deterministic", value: 0 },
    salesPerMinute: 0, churnPerMinute: 0, churnMode: "hazard", renewalRate: 1, term: 1, priorityClass: 0,
    plan: "free", pricePerIncident: 0, channels: [],
  };

  function run(rep: number, withFix: boolean): [number, number, number] {
    const customers = new CustomerBase(0, [], N);
    for (let i = 0; i < N; i++) customers.add(0, 0);
    const quality = new Quality([], [], { start: 0, needTypes: [0], resolvedPerFix: 1, lag: 200, reductionPerFix: 0.5, maxReduction: 0.5, costPerFix: 0 }, types);
    const gen = new NeedGenerator(types, [segment], customers, new LearningCurve(1, 1), new ExpertiseLevels([segment]), quality, Float64Array.of(0), Float64Array.of(1), H);
    const streams = new RandomStreams(4242, rep);
    const rc = streams.stream("candidate"), rp = streams.stream("pick");
    const counts: [number, number, number] = [0, 0, 0];
    gen.setWindow(0, W);
    let nextWindow = W, recorded = !withFix;
    let next = gen.nextCandidate(0, rc);
    for (;;) {
      if (!recorded && 250 <= next && 250 <= nextWindow) {
        recorded = true;
        expect(quality.recordResolved(0, 250)).toBe(true);
      } else if (nextWindow < H && nextWindow <= next) {
        gen.setWindow(nextWindow, Math.min(nextWindow + W, H));
        next = gen.nextCandidate(nextWindow, rc);
        nextWindow += W;
      } else {
        if (!(next < H)) break;
        if (gen.draw(next, rp(), rp(), rp())) {
          if (gen.needType === 0) counts[next < TFIX ? 0 : 1]++;
          else counts[2]++;
        }
        next = gen.nextCandidate(next, rc);
      }
    }
    return counts;
  }

  const within = (label: string, n: number, mean: number) => {
    const hw = 3.2905 * Math.sqrt(mean);
    expect(Math.abs(n - mean), `${label}: ${n} vs ${mean} ± ${hw.toFixed(1)}`).toBeLessThanOrEqual(hw);
  };

  it("the rate of the fixed type drops to the factor exactly at the fix time; the other type keeps its rate", () => {
    const sum = [0, 0, 0];
    for (let k = 0; k < REPS; k++) run(k, true).forEach((c, i) => (sum[i] += c));
    within("type 0 before the fix", sum[0], REPS * N * r * TFIX);
    within("type 0 after the fix", sum[1], REPS * N * r * 0.5 * (H - TFIX));
    within("type 1", sum[2], REPS * N * r * H);
    // the fix matters: without it the after-count is near 20 × 5500, far outside the band above
    const plain = [0, 0, 0];
    for (let k = 0; k < REPS; k++) run(k, false).forEach((c, i) => (plain[i] += c));
    within("type 0 after, no fix", plain[1], REPS * N * r * (H - TFIX));
    expect(plain[1] - sum[1]).toBeGreaterThan(REPS * N * r * 0.5 * (H - TFIX) * 0.9);
  });
});
