/**
 * Tests of the retention model (src/model/retention.ts) and of the experience-driven churn in
 * src/model/customers.ts: calibration tables and their derivation, log-linear interpolation on
 * the ladder, fading experience, churn by thinning with multipliers (exact against
 * N·(1 − e^(−Λ))), churn at renewals (only at anniversaries, each processed once, buckets
 * visited lazily), the excess-churn bookkeeping, revenue at risk and annual revenue.
 */
import { describe, expect, it } from "vitest";
import type { DistributionSpec } from "../../../src/engine/distributions.js";
import { RandomStreams, type Rng } from "../../../src/engine/random.js";
import { CustomerBase } from "../../../src/model/customers/customerBase.js";
import { CustomerFlows } from "../../../src/model/customers/customerFlows.js";
import {
  BAND_SCALES,
  CALIBRATIONS,
  DEFAULT_HALF_LIFE_DAYS,
  DEFAULT_RETENTION_WEIGHTS,
  ExperienceLadder,
  annualRevenue,
  calibrationOf,
  clampRow,
  cumulativeHazardFactor,
  decayLogMultiplier,
  defaultRetentionConfig,
  isSatisfied,
  longWaitRows,
  revenueAtRisk,
} from "../../../src/model/customers/retention.js";
import { DAYS_365_MINUTES } from "../../../src/time/units.js";
import type { RetentionConfig, SegmentConfig } from "../../../src/model/config.js";

const DAY = 1440;
const YEAR = 365 * DAY;
/** Two-sided 99.9% normal quantile. */
const Z999 = 3.29;

function segment(name: string, over: Partial<SegmentConfig> = {}): SegmentConfig {
  return {
    name, customers: 0, expertise: 0.3, startExpertise: 0, revenuePerYear: 1000,
    tenureAtStart: { type: "exponential", mean: 200 * DAY } as DistributionSpec,
    salesPerMinute: 0, churnPerMinute: 0, churnMode: "hazard", renewalRate: 1, term: YEAR,
    priorityClass: 0, plan: "contract", pricePerIncident: 0, channels: [0], ...over,
  };
}

function config(over: Partial<RetentionConfig> = {}): RetentionConfig {
  return { ...defaultRetentionConfig("tarp"), ...over };
}

/** An Rng that counts its draws. */
function counting(rng: Rng): Rng & { draws: number } {
  const f = (() => {
    f.draws++;
    return rng();
  }) as Rng & { draws: number };
  f.draws = 0;
  return f;
}

/** Simpson's rule on [0, span] with n (even) panels. */
function simpson(f: (s: number) => number, span: number, n = 2000): number {
  const h = span / n;
  let s = f(0) + f(span);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return (s * h) / 3;
}

/** Hazard churn only, the candidate redrawn after every churn; returns the churns. */
function runHazard(flows: CustomerFlows, horizon: number, rng: Rng): number {
  let churns = 0;
  let t = flows.nextChurn(0, rng);
  while (t <= horizon) {
    const id = flows.churnCandidate(rng());
    if (flows.acceptChurn(id, rng(), t)) {
      flows.churn(id, t);
      churns++;
    }
    t = flows.nextChurn(t, rng);
  }
  return churns;
}

describe("calibrations", () => {
  it("tarp is TARP's not-buying-again shares as ratios to 'resolved quickly', which equals no need (M = 1)", () => {
    // not buying again = 100 − buying again: minor 5/30/54/63 %, major 18/46/81/91 %
    const minor = [100 - 95, 100 - 70, 100 - 46, 100 - 37], major = [100 - 82, 100 - 54, 100 - 19, 100 - 9];
    expect(minor).toEqual([5, 30, 54, 63]);
    expect(major).toEqual([18, 46, 81, 91]);
    minor.forEach((x, r) => expect(CALIBRATIONS.tarp.minor[r]).toBeCloseTo(x / 5, 12));
    major.forEach((x, r) => expect(CALIBRATIONS.tarp.major[r]).toBeCloseTo(x / 18, 12));
    // no row is better than no need: a quick resolution is the reference, every other row raises churn
    for (const col of [CALIBRATIONS.tarp.minor, CALIBRATIONS.tarp.major]) {
      expect(col[0]).toBe(1);
      for (let r = 1; r < 4; r++) expect(col[r]).toBeGreaterThan(col[r - 1]);
    }
  });

  it("optimistic and pessimistic scale the log effects by ½ and 1.5 (the band)", () => {
    expect(BAND_SCALES).toEqual({ optimistic: 0.5, pessimistic: 1.5 });
    const o = CALIBRATIONS.optimistic, p = CALIBRATIONS.pessimistic, t = CALIBRATIONS.tarp;
    for (let r = 0; r < 4; r++) {
      expect(o.minor[r]).toBeCloseTo(Math.sqrt(t.minor[r]), 12);
      expect(p.major[r]).toBeCloseTo(Math.pow(t.major[r], 1.5), 12);
    }
    expect(p.minor[2]).toBeCloseTo(Math.pow(10.8, 1.5), 9);
    expect(calibrationOf("pessimistic")).toBe(p);
    expect(() => calibrationOf("rosy")).toThrow(RangeError);
    expect(() => calibrationOf("toString")).toThrow(RangeError);
  });

  it("defaults: weights, half-life, band, uncalibrated base, a full config", () => {
    expect(DEFAULT_RETENTION_WEIGHTS).toEqual({
      transfer: 0.25, escalation: 0.5, repeat: 1, channelSwitch: 0.5, longWait: 0.5, selfServiceFailed: 0.5, notified: -0.25,
    });
    expect(DEFAULT_HALF_LIFE_DAYS).toBe(365);
    const c = defaultRetentionConfig("optimistic");
    expect(c.calibration).toBe("optimistic");
    expect(c.halfLife).toBe(365 * DAY);
    expect(c.bandScales).toEqual([0.5, 1, 1.5]);
    expect(c.baseFactors).toEqual([]);
    expect(c.multipliers.minor).toEqual(CALIBRATIONS.optimistic.minor);
    c.multipliers.minor[1] = 99; // a copy, not the shared table
    expect(CALIBRATIONS.optimistic.minor[1]).toBeCloseTo(Math.sqrt(6), 12);
  });
});

describe("ExperienceLadder", () => {
  const ladder = new ExperienceLadder(config());

  it("interpolates ln M linearly between rows", () => {
    // row 0.5 minor: exp((ln 1 + ln 6)/2) = √6
    expect(ladder.logMultiplier(0.5, false)).toBeCloseTo(Math.log(6) / 2, 14);
    expect(ladder.multiplier(0.5, false)).toBeCloseTo(Math.sqrt(6), 12);
    // row 1.25 minor: exp(0.75·ln 6 + 0.25·ln 10.8)
    expect(ladder.multiplier(1.25, false)).toBeCloseTo(Math.pow(6, 0.75) * Math.pow(10.8, 0.25), 9);
    // row 2.5 major: √(4.5 · 91/18)
    expect(ladder.multiplier(2.5, true)).toBeCloseTo(Math.sqrt(4.5 * (91 / 18)), 9);
    // integer rows are the table
    for (let r = 0; r <= 3; r++) {
      expect(ladder.multiplier(r, false)).toBeCloseTo(CALIBRATIONS.tarp.minor[r], 12);
      expect(ladder.multiplier(r, true)).toBeCloseTo(CALIBRATIONS.tarp.major[r], 12);
    }
    // clamped to [0, 3]
    expect(ladder.multiplier(-0.75, false)).toBe(1);
    expect(ladder.multiplier(7, true)).toBeCloseTo(91 / 18, 12);
    expect(clampRow(3.2)).toBe(3);
    expect(clampRow(-1)).toBe(0);
    expect(() => ladder.logMultiplier(NaN, false)).toThrow(RangeError);
    expect(ladder.maxMultiplier).toBeCloseTo(12.6, 12);
    expect(ladder.minMultiplier).toBe(1);
    expect(ladder.halfLife).toBe(365 * DAY);
    expect(new ExperienceLadder(defaultRetentionConfig("pessimistic")).maxMultiplier).toBeCloseTo(Math.pow(12.6, 1.5), 9);
  });

  it("combines needs: the worst recent outcome is remembered; fewer needs never raise it", () => {
    expect(ladder.combine(0, Math.log(6))).toBeCloseTo(Math.log(6), 14);
    expect(ladder.combine(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(3), 14);
    expect(ladder.combine(Math.log(6), 0)).toBeCloseTo(Math.log(6), 14); // a quick resolution does not erase a bad one
    // monotone: a need (logM ≥ 0) never lowers the experience, whatever came before, and stays within the table
    for (const e of [0, 0.3, 1.2, Math.log(12.6)]) for (const m of [0, 0.5, 2]) {
      expect(ladder.combine(e, m)).toBeGreaterThanOrEqual(e);
      expect(ladder.combine(e, m)).toBeLessThanOrEqual(Math.max(e, m));
    }
  });

  it("effort rows, the CSAT proxy and fading", () => {
    // 90 minutes against a 30-minute target: 2 targets' worth beyond it, × 0.5 = 1 row
    expect(longWaitRows(90, 30, 0.5)).toBe(1);
    expect(longWaitRows(20, 30, 0.5)).toBe(0);
    expect(longWaitRows(5, 0, 0.5)).toBe(0);
    expect(isSatisfied(0.99)).toBe(true);
    expect(isSatisfied(1)).toBe(false);
    // quick resolution with a transfer (0.25) is still satisfied; with a repeat (1) it is not
    expect(isSatisfied(clampRow(0 + DEFAULT_RETENTION_WEIGHTS.transfer))).toBe(true);
    expect(isSatisfied(clampRow(0 + DEFAULT_RETENTION_WEIGHTS.repeat))).toBe(false);
    // one half-life halves ln M; two quarter it
    expect(decayLogMultiplier(0.8, 100, 100)).toBeCloseTo(0.4, 14);
    expect(decayLogMultiplier(0.8, 200, 100)).toBeCloseTo(0.2, 14);
    expect(decayLogMultiplier(0.8, -5, 100)).toBe(0.8);
    expect(decayLogMultiplier(0.8, 1e9, Infinity)).toBe(0.8);
  });

  it("takes the named calibration when the multipliers are empty, and rejects bad tables", () => {
    const named = new ExperienceLadder({ ...config(), calibration: "pessimistic", multipliers: { minor: [], major: [] } });
    expect(named.multiplier(2, false)).toBeCloseTo(Math.pow(10.8, 1.5), 9);
    expect(() => new ExperienceLadder(config({ multipliers: { minor: [1, 1, 1], major: [1, 1, 1, 1] } }))).toThrow(RangeError);
    expect(() => new ExperienceLadder(config({ multipliers: { minor: [0, 1, 1, 1], major: [1, 1, 1, 1] } }))).toThrow(RangeError);
    expect(() => new ExperienceLadder(config({ multipliers: { minor: [1, 1, 1, 1], major: [1, 1, Infinity, 1] } }))).toThrow(RangeError);
    expect(() => new ExperienceLadder(config({ halfLife: 0 }))).toThrow(RangeError);
    expect(new ExperienceLadder(config({ halfLife: Infinity })).halfLife).toBe(Infinity);
  });
});

describe("experience on the customer base", () => {
  it("M is 1 without experience, the recorded M at t_e, √M after one half-life", () => {
    const base = new CustomerBase(1, [0]);
    const a = base.add(0, -50), b = base.add(0, 0);
    const H = 30 * DAY, e = Math.log(2.1);
    expect(base.multiplierAt(a, 1e6, H)).toBe(1);
    base.recordExperience(a, e, 100);
    expect(base.experience[a]).toBeCloseTo(e, 6); // Float32
    expect(base.multiplierAt(a, 100, H)).toBeCloseTo(2.1, 6);
    expect(base.multiplierAt(a, 50, H)).toBeCloseTo(2.1, 6); // before t_e: not amplified
    // one half-life: exp(ln 2.1 / 2) = √2.1 = 1.4491376746; two: 2.1^0.25 = 1.2038013435
    expect(base.multiplierAt(a, 100 + H, H)).toBeCloseTo(1.4491376746, 6);
    expect(base.multiplierAt(a, 100 + 2 * H, H)).toBeCloseTo(1.2038013435, 6);
    // a newer experience replaces the older one
    base.recordExperience(a, Math.log(0.17), 200);
    expect(base.multiplierAt(a, 200 + H, H)).toBeCloseTo(Math.sqrt(0.17), 6);
    expect(base.multiplierAt(b, 200, H)).toBe(1);
    // a new customer in a recycled-by-clear slot starts neutral
    base.clear();
    const c = base.add(0, 0);
    expect(c).toBe(a);
    expect(base.multiplierAt(c, 300, H)).toBe(1);
  });
});

describe("hazard churn with experience (thinning)", () => {
  it("all M = 2, bound 2.1: churns match N·(1 − e^(−2hT)) within a 99.9% band for every seed", () => {
    const N = 20_000, h = 1 / 1000, T = 300;
    const p = 1 - Math.exp(-2 * h * T); // 1 − e^(−0.6) = 0.4511883639
    expect(p).toBeCloseTo(0.4511883639, 9);
    const sd = Math.sqrt(N * p * (1 - p));
    let pooled = 0;
    const seeds = [1, 2, 3, 4, 5];
    for (const seed of seeds) {
      const base = new CustomerBase(0, []);
      for (let i = 0; i < N; i++) base.recordExperience(base.add(0, -100), Math.LN2, 0);
      const flows = new CustomerFlows([segment("s", { churnPerMinute: h })], base, { maxMultiplier: 2.1, halfLife: Infinity });
      expect(flows.churnCandidateRate()).toBeCloseTo(N * h * 2.1, 9);
      const churns = runHazard(flows, T, new RandomStreams(seed, 0).stream("churn"));
      expect(Math.abs(churns - N * p), `seed ${seed}`).toBeLessThan(Z999 * sd);
      expect(flows.churned[0]).toBe(churns);
      expect(base.activeCount).toBe(N - churns);
      pooled += churns;
    }
    expect(Math.abs(pooled - seeds.length * N * p)).toBeLessThan(Z999 * sd * Math.sqrt(seeds.length));
  });

  it("fading and favourable experience: P = 1 − exp(−h ∫ M), the integral exact", () => {
    // group 0: e = ln 2 at t = 0 fading with H = T; group 1: e = ln 0.17 (row 0), same; group 2: neutral
    const N = 15_000, h = 1 / 500, T = 400, H = 400;
    const base = new CustomerBase(0, []);
    const group = new Int8Array(3 * N);
    for (let g = 0; g < 3; g++) {
      for (let i = 0; i < N; i++) {
        const id = base.add(0, -10);
        group[id] = g;
        if (g < 2) base.recordExperience(id, g === 0 ? Math.LN2 : Math.log(0.17), 0);
      }
    }
    const flows = new CustomerFlows([segment("s", { churnPerMinute: h })], base, { maxMultiplier: 2.1, halfLife: H });
    runHazard(flows, T, new RandomStreams(77, 0).stream("churn"));
    const churned = [0, 0, 0];
    for (let id = 0; id < 3 * N; id++) if (!base.isActive(id)) churned[group[id]]++;
    // ∫_0^T exp(ln2 · 2^(−s/H)) ds with T = H: T · 1.6569851803 (series in the revenueAtRisk test)
    const f0 = cumulativeHazardFactor(Math.fround(Math.LN2), T, H);
    expect(f0 / T).toBeCloseTo(1.6569851803, 6);
    const f1 = cumulativeHazardFactor(Math.fround(Math.log(0.17)), T, H);
    for (const [g, f] of [[0, f0], [1, f1], [2, T]] as const) {
      const p = 1 - Math.exp(-h * f), sd = Math.sqrt(N * p * (1 - p));
      expect(Math.abs(churned[g] - N * p), `group ${g}`).toBeLessThan(Z999 * sd);
    }
    expect(churned[1]).toBeLessThan(churned[2]);
    expect(churned[2]).toBeLessThan(churned[0]);
  });

  it("accepts with probability h·M / (h_max·M̄), clamps M to the bound, never accepts renewal customers", () => {
    const segs = [segment("a", { churnPerMinute: 0.01 }), segment("b", { churnPerMinute: 0.04 }), segment("r", { churnPerMinute: 1, churnMode: "renewal", renewalRate: 0.5 })];
    const base = new CustomerBase(0, []);
    const a = base.add(0, 0), b = base.add(1, 0), r = base.add(2, 0);
    base.recordExperience(a, Math.log(1.5), 0);
    base.recordExperience(b, Math.log(3), 0); // beyond the bound 2
    const flows = new CustomerFlows(segs, base, { maxMultiplier: 2, halfLife: Infinity });
    expect(flows.maxHazard).toBe(0.04); // the renewal segment's churnPerMinute is ignored
    expect(flows.hazardOf(2)).toBe(0);
    expect(flows.isRenewal(2)).toBe(true);
    expect(flows.isRenewal(0)).toBe(false);
    // a: 0.01 · 1.5 / (0.04 · 2) = 0.1875
    expect(flows.acceptChurn(a, 0.1874, 5)).toBe(true);
    expect(flows.acceptChurn(a, 0.1876, 5)).toBe(false);
    // b: M clamped to 2 → 0.04 · 2 / 0.08 = 1
    expect(flows.churnMultiplier(b, 5)).toBe(2);
    expect(flows.acceptChurn(b, 0.999999, 5)).toBe(true);
    expect(flows.acceptChurn(r, 0, 5)).toBe(false);
    expect(flows.churnCandidateRate()).toBeCloseTo(3 * 0.04 * 2, 12);
    // a bound below 1 still lets neutral customers churn at h (M̄ = max(1, bound))
    expect(new CustomerFlows(segs, base, { maxMultiplier: 0.5 }).maxMultiplier).toBe(1);
    expect(() => new CustomerFlows(segs, base, { maxMultiplier: 0 })).toThrow(RangeError);
    expect(() => new CustomerFlows(segs, base, { halfLife: -1 })).toThrow(RangeError);
    expect(() => new CustomerFlows([segment("r", { churnMode: "renewal", term: 0 })], base)).toThrow(RangeError);
    expect(() => new CustomerFlows([segment("r", { churnMode: "renewal", renewalRate: 1.2 })], base)).toThrow(RangeError);
  });
});

describe("renewal churn", () => {
  /** N customers joined strictly before 0 with tenures spread over (0, 2 years). */
  function renewalBase(N: number): CustomerBase {
    const base = new CustomerBase(0, []);
    for (let i = 0; i < N; i++) base.add(0, -(1 + ((i * 263.17) % (2 * YEAR - 2))));
    return base;
  }

  it("churns only at anniversaries, each processed once, 0.2·N per year", () => {
    const N = 10_000, R = 0.8;
    const base = renewalBase(N);
    const flows = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: R, term: YEAR })], base);
    const rng = counting(new RandomStreams(5, 0).stream("renewals"));
    const at = new Float64Array(N).fill(NaN);
    let firstYear = 0;
    for (let d = 0; d < 730; d++) {
      const t0 = d * DAY, t1 = (d + 1) * DAY;
      const n = flows.renewalsBetween(t0, t1, rng, (id, a) => {
        expect(a).toBeGreaterThanOrEqual(t0);
        expect(a).toBeLessThan(t1);
        expect(Number.isNaN(at[id])).toBe(true);
        at[id] = a;
      });
      if (d === 364) firstYear = N - base.activeCount;
      expect(n).toBeGreaterThanOrEqual(0);
    }
    let churns = 0;
    for (let id = 0; id < N; id++) {
      if (base.isActive(id)) continue;
      churns++;
      const j = base.joined[id], k = Math.round((base.left[id] - j) / YEAR);
      expect(k).toBeGreaterThanOrEqual(1);
      expect(base.left[id]).toBe(j + k * YEAR); // exactly an anniversary
      expect(at[id]).toBe(base.left[id]);
    }
    // every customer has exactly one anniversary in each year: the first-year draw for all N,
    // the second-year draw for the survivors — no anniversary lost or repeated
    expect(rng.draws).toBe(N + (N - firstYear));
    const sd = Math.sqrt(N * 0.2 * 0.8);
    expect(Math.abs(firstYear - 0.2 * N)).toBeLessThan(Z999 * sd);
    expect(Math.abs(churns - 0.36 * N)).toBeLessThan(Z999 * Math.sqrt(N * 0.36 * 0.64)); // 1 − 0.8²
    expect(flows.churned[0]).toBe(churns);
    expect(flows.excessChurn[0]).toBeCloseTo(0, 12); // M = 1: p/(1 − R) = 1
  });

  it("visits only the buckets of the window, skips customers who left, and buckets new sales", () => {
    // 365 customers, one per phase day: customer i joined at −(365 − i)·DAY + 0.5·DAY, so its
    // anniversaries fall at (i + 0.5)·DAY + k·YEAR
    const base = new CustomerBase(0, []);
    for (let i = 0; i < 365; i++) base.add(0, -(365 - i) * DAY + 0.5 * DAY);
    const flows = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: 0, term: YEAR })], base); // everyone lapses
    base.remove(10, 3 * DAY); // left before its anniversary at 10.5 days
    const seen: number[] = [];
    const rng = counting(() => 0.5);
    for (let d = 0; d < 12; d++) flows.renewalsBetween(d * DAY, (d + 1) * DAY, rng, (id, a) => seen.push(id, a));
    // customers 0…11 but not 10, each at its anniversary
    const expected: number[] = [];
    for (let i = 0; i < 12; i++) if (i !== 10) expected.push(i, (i + 0.5) * DAY);
    expect(seen).toEqual(expected);
    expect(rng.draws).toBe(11);
    expect(base.left[10]).toBe(3 * DAY);
    expect(flows.churned[0]).toBe(11);
    // each day's window holds one customer's phase (a scan would examine 365 a day)
    expect(flows.renewalChecks).toBeLessThanOrEqual(12);
    // a sale on day 12 renews (and lapses) on day 12 + 365
    const late = base.add(0, 12.25 * DAY);
    seen.length = 0;
    for (let d = 12; d < 378; d++) flows.renewalsBetween(d * DAY, (d + 1) * DAY, rng, (id, a) => seen.push(id, a));
    expect(seen.slice(-2)).toEqual([late, 12.25 * DAY + YEAR]);
    expect(base.activeCount).toBe(0);
  });

  it("clear() empties the buckets: old ids reused by new customers are bucketed afresh", () => {
    const base = new CustomerBase(0, []);
    for (let i = 0; i < 5; i++) base.add(0, -YEAR + (i + 0.5) * DAY); // anniversaries on days 0…4
    const flows = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: 0, term: YEAR })], base);
    const rng = counting(() => 0.5);
    flows.renewalsBetween(0, DAY, rng); // bucket everyone, churn customer 0
    expect(base.isActive(0)).toBe(false);
    base.clear();
    base.add(0, -YEAR + 2.5 * DAY); // id 0 again, now with its anniversary on day 2
    const seen: number[] = [];
    // windows may restart after clear()
    for (let d = 0; d < 5; d++) flows.renewalsBetween(d * DAY, (d + 1) * DAY, rng, (id, a) => seen.push(id, a));
    expect(seen).toEqual([0, 2.5 * DAY]);
    expect(rng.draws).toBe(2);
  });

  it("handles terms that are not whole days and windows that are not days", () => {
    const T = 10.3 * DAY, N = 2000;
    const base = new CustomerBase(0, []);
    for (let i = 0; i < N; i++) base.add(0, -((i * 977.31) % (3 * T)) - 0.01);
    const flows = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: 1, term: T })], base); // nobody lapses
    const rng = counting(() => 0.5);
    // windows of 0.7 days over 5 terms: each customer has exactly 5 anniversaries in [0, 5T)
    const step = 0.7 * DAY;
    let t = 0;
    while (t < 5 * T) {
      const t1 = Math.min(t + step, 5 * T);
      flows.renewalsBetween(t, t1, rng);
      t = t1;
    }
    expect(rng.draws).toBe(5 * N);
    expect(flows.renewalChecks).toBeLessThan(5 * N * 2); // a scan would examine N per window (≈ 74 windows: 37 per anniversary)
  });

  it("loses no anniversary when rounding puts the phase and the anniversary in different buckets", () => {
    // joined = −3e−10: phase 525599.9999999997 (bucket 364), but a_k = j + k·YEAR rounds to
    // exactly k·YEAR (phase 0, bucket 0) for k = 8, 9, 10. Each of the 10 anniversaries in
    // [0, 3651 days) must be drawn once.
    const base = new CustomerBase(0, []);
    const j = -3e-10;
    base.add(0, j);
    expect(j + 8 * YEAR).toBe(8 * YEAR);
    const flows = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: 0.5, term: YEAR })], base);
    const rng = counting(() => 0.75); // never below p = 0.5: the customer stays
    for (let d = 0; d < 3651; d++) flows.renewalsBetween(d * DAY, (d + 1) * DAY, rng);
    expect(rng.draws).toBe(10);
  });

  it("probability (1 − R)·M capped at 1; windows must be contiguous and no longer than a term", () => {
    const base = new CustomerBase(0, []);
    const a = base.add(0, -YEAR + 0.5 * DAY), b = base.add(0, -YEAR + 0.5 * DAY);
    base.recordExperience(a, Math.log(2), 0); // p = 0.2 · 2 = 0.4
    base.recordExperience(b, Math.log(10), 0); // p = min(1, 2) = 1
    const flows = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: 0.8, term: YEAR })], base, { maxMultiplier: 2.1, halfLife: Infinity });
    // u = 0.399 < 0.4 churns a; b churns whatever u is
    flows.renewalsBetween(0, DAY, () => 0.399);
    expect(base.isActive(a)).toBe(false);
    expect(base.isActive(b)).toBe(false);
    const other = new CustomerBase(0, []);
    const c = other.add(0, -YEAR + 0.5 * DAY);
    other.recordExperience(c, Math.log(2), 0);
    const f2 = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: 0.8, term: YEAR })], other, { maxMultiplier: 2.1, halfLife: Infinity });
    f2.renewalsBetween(0, DAY, () => 0.401);
    expect(other.isActive(c)).toBe(true);
    expect(() => f2.renewalsBetween(2 * DAY, 3 * DAY, () => 0.5)).toThrow(/contiguous/);
    expect(() => f2.renewalsBetween(DAY, DAY + YEAR + 1, () => 0.5)).toThrow(/longer/);
    expect(() => f2.renewalsBetween(DAY, 0, () => 0.5)).toThrow(RangeError);
    expect(f2.renewalsBetween(DAY, 2 * DAY, () => 0.5)).toBe(0);
  });
});

describe("excess churn bookkeeping", () => {
  it("hazard churns: Σ (1 − 1/M) and revenue-weighted, from countFrom on", () => {
    const base = new CustomerBase(0, []);
    const H = 1000;
    const A = base.add(0, 0), B = base.add(0, 0), C = base.add(0, 0), D = base.add(0, 0);
    base.recordExperience(A, Math.LN2, 0); // churned at t = 1000 = H: M = √2 → 1 − 1/√2 = 0.2928932
    base.recordExperience(C, Math.log(0.5), 100); // churned at t_e: M = 0.5 → 1 − 2 = −1
    base.recordExperience(D, Math.LN2, 0);
    const flows = new CustomerFlows([segment("s", { churnPerMinute: 0.01, revenuePerYear: 1000 })], base, { maxMultiplier: 2.1, halfLife: H, countFrom: 100 });
    flows.churn(D, 50); // before countFrom: not booked
    flows.churn(A, 1000);
    flows.churn(B, 1000); // neutral: 0
    flows.churn(C, 100);
    expect(base.left[A]).toBe(1000);
    expect(flows.churned[0]).toBe(3);
    expect(flows.churnedRevenue[0]).toBe(3000);
    // 0.2928932 + 0 − 1 = −0.7071068 (= −1/√2)
    expect(flows.excessChurn[0]).toBeCloseTo(-0.7071068, 6);
    expect(flows.excessRevenue[0]).toBeCloseTo(-707.1068, 3);
    const totals = flows.churnTotals();
    expect(totals.churned).toBe(3);
    expect(totals.excessRevenue).toBeCloseTo(-707.1068, 3);
    flows.resetCounts(2000);
    expect(flows.churnTotals()).toEqual({ churned: 0, churnedRevenue: 0, excessChurn: 0, excessRevenue: 0 });
    expect(flows.countFrom).toBe(2000);
  });

  it("renewal churns: the effective multiplier p/(1 − R), capped", () => {
    const base = new CustomerBase(0, []);
    const d = base.add(0, -YEAR + 0.5 * DAY), e = base.add(0, -YEAR + 0.5 * DAY);
    base.recordExperience(d, Math.LN2, 0); // p = 0.4, M_eff = 2 → 0.5
    base.recordExperience(e, Math.log(10), 0); // p = min(1, 2) = 1, M_eff = 5 → 0.8
    const flows = new CustomerFlows([segment("c", { churnMode: "renewal", renewalRate: 0.8, term: YEAR, revenuePerYear: 500 })], base, { maxMultiplier: 10, halfLife: Infinity });
    expect(flows.renewalsBetween(0, DAY, () => 0)).toBe(2);
    expect(flows.churned[0]).toBe(2);
    expect(flows.excessChurn[0]).toBeCloseTo(1.3, 6); // 0.5 + 0.8
    expect(flows.excessRevenue[0]).toBeCloseTo(650, 3);
    expect(flows.churnedRevenue[0]).toBe(1000);
  });
});

describe("revenue at risk", () => {
  const segs = [
    segment("hz", { churnPerMinute: 1 / YEAR, revenuePerYear: 1200 }),
    segment("rn", { churnMode: "renewal", renewalRate: 0.8, term: YEAR, revenuePerYear: 5000 }),
  ];

  it("two customers by hand, no fading", () => {
    const base = new CustomerBase(0, []);
    const a = base.add(0, -5 * DAY), b = base.add(1, -100 * DAY);
    base.add(0, 0); // neutral: no risk
    const gone = base.add(1, -100 * DAY);
    base.recordExperience(a, Math.LN2, 0);
    base.recordExperience(b, Math.log(1.5), 0);
    base.recordExperience(gone, Math.log(2), 0);
    base.remove(gone, 1);
    // a: hazard 1/yr, M = 2 → 1200 · ((1 − e^−2) − (1 − e^−1)) = 1200 · 0.2325441579 = 279.0529895
    // b: next anniversary p = 0.2 · 1.5 = 0.3 vs 0.2 → 5000 · 0.1 = 500
    expect(revenueAtRisk(base, segs, Infinity, 10)).toBeCloseTo(779.0529895, 3); // e stored as Float32
    const by = new Float64Array(2);
    revenueAtRisk(base, segs, Infinity, 10, DAYS_365_MINUTES, by);
    expect(by[0]).toBeCloseTo(279.0529895, 3);
    expect(by[1]).toBeCloseTo(500, 3);
    // 3 active: 1200 + 5000 + 1200
    expect(annualRevenue(base, segs)).toBe(7400);
  });

  it("fading over the year, integrated exactly", () => {
    // H = one year. a: e₀ = ln 2 now (recorded now). ∫_0^Y exp(ln2 · 2^(−s/Y)) ds
    //   = Y · [1 + (1/ln 2) Σ_k (ln 2)^k (1 − 2^−k)/(k·k!)]
    //   Σ = 0.3465735903 + 0.0900849401 + 0.0161886984 + 0.0022542490 + 0.0002583377
    //     + 0.0000252714 + 0.0000021619 + 0.0000001645 + … = 0.4553874254
    //   factor = 1 + 0.4553874254/0.6931471806 = 1.6569851803
    // P = 1 − e^−1.6569851803 = 0.8092869202 vs 1 − e^−1 = 0.6321205588 → 1200 · 0.1771663614 = 212.5996336
    // b: anniversary half a year from now: M = 1.5^(2^−0.5) = 1.3320340402 → 5000 · 0.2 · 0.3320340402 = 332.0340402
    const now = 50 * DAY;
    const base = new CustomerBase(0, []);
    const a = base.add(0, -5 * DAY), b = base.add(1, now + YEAR / 2 - YEAR);
    base.recordExperience(a, Math.LN2, now);
    base.recordExperience(b, Math.log(1.5), now);
    const risk = revenueAtRisk(base, segs, new ExperienceLadder(config({ halfLife: YEAR })), now);
    expect(risk).toBeCloseTo(212.5996336 + 332.0340402, 3);
    expect(cumulativeHazardFactor(Math.LN2, YEAR, YEAR) / YEAR).toBeCloseTo(1.6569851803, 9);
  });

  it("the exact cumulative hazard matches numerical integration", () => {
    for (const e0 of [Math.log(0.17), -0.3, 0.5, Math.log(9.3333)]) {
      for (const [span, H] of [[YEAR, YEAR], [YEAR, 30 * DAY], [100, 1e6], [YEAR, 5 * YEAR]]) {
        const exact = cumulativeHazardFactor(e0, span, H);
        const num = simpson((s) => Math.exp(e0 * Math.pow(2, -s / H)), span);
        expect(exact / num, `e0 ${e0} span ${span} H ${H}`).toBeCloseTo(1, 9);
      }
    }
    expect(cumulativeHazardFactor(0, 123, 10)).toBe(123);
    expect(cumulativeHazardFactor(0.5, 123, Infinity)).toBeCloseTo(123 * Math.exp(0.5), 9);
    expect(cumulativeHazardFactor(0.5, 0, 10)).toBe(0);
  });

  it("renewal terms shorter than a year draw at every anniversary; longer ones may have none", () => {
    // term = half a year, anniversaries at now + 0.25 Y and now + 0.75 Y, M = 2 without fading:
    // P = 1 − (1 − 0.4)² = 0.64 vs 1 − 0.8² = 0.36 → 1000 · 0.28 = 280
    const now = 0;
    const half = [segment("h", { churnMode: "renewal", renewalRate: 0.8, term: YEAR / 2, revenuePerYear: 1000 })];
    const base = new CustomerBase(0, []);
    const a = base.add(0, now + 0.25 * YEAR - YEAR / 2);
    base.recordExperience(a, Math.LN2, now);
    expect(revenueAtRisk(base, half, Infinity, now)).toBeCloseTo(280, 3);
    // term 2 years, next anniversary 1.5 years away: nothing within the year
    const long = [segment("l", { churnMode: "renewal", renewalRate: 0.8, term: 2 * YEAR, revenuePerYear: 1000 })];
    const base2 = new CustomerBase(0, []);
    base2.recordExperience(base2.add(0, now - 0.5 * YEAR), Math.LN2, now);
    expect(revenueAtRisk(base2, long, Infinity, now)).toBe(0);
    // good experience: negative risk
    base.recordExperience(a, Math.log(0.17), now); // p = 0.034 at each: 1 − 0.966² = 0.066844 → 1000·(0.066844 − 0.36)
    expect(revenueAtRisk(base, half, Infinity, now)).toBeCloseTo(-293.156, 3);
    expect(() => revenueAtRisk(base, half, 0, now)).toThrow(RangeError);
  });
});
