/**
 * Tests of product quality Q(t) (src/model/quality.ts): the baseline, release spikes and their
 * half-lives, hotfixes, the linear ramp of fixes, fixes triggered by the listening post, the
 * thinning bound, and the release/notification shares computed by hand.
 */
import { describe, expect, it } from "vitest";
import { Quality } from "../src/model/quality.js";
import type { QualityFixConfig, ReleaseConfig } from "../src/model/supportConfig.js";

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
