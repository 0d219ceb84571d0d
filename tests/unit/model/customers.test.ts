/**
 * Tests of the customer base (src/model/customers.ts): populating segments with their tenure
 * mix, the dense active list (swap-remove keeps random draws uniform over active customers),
 * growth, the experienced-wait memory, sales and churn (Lewis–Shedler thinning driven by a tiny
 * event loop, against the exact expected counts), and the memory cost of a million customers.
 */
import { describe, expect, it } from "vitest";
import type { DistributionSpec } from "../../../src/engine/distributions.js";
import { RandomStreams, type Rng } from "../../../src/engine/random.js";
import { CustomerBase, populate } from "../../../src/model/customers/customerBase.js";
import { CustomerFlows } from "../../../src/model/customers/customerFlows.js";
import type { SegmentConfig } from "../../../src/model/config.js";

const DAY = 1440;

function segment(name: string, customers: number, over: Partial<SegmentConfig> = {}): SegmentConfig {
  return {
    name, customers, expertise: 0.3, startExpertise: 0, revenuePerYear: 1000,
    tenureAtStart: { type: "exponential", mean: 200 * DAY } as DistributionSpec,
    salesPerMinute: 0, churnPerMinute: 0, churnMode: "hazard", renewalRate: 1, term: 365 * DAY, priorityClass: 0, plan: "contract", pricePerIncident: 0,
    channels: [0, 1, 2], ...over,
  };
}

const WAITS = [0.5, 2, 240];

/** Check the active list is a permutation of the active ids with consistent positions. */
function checkActiveList(base: CustomerBase): void {
  let active = 0;
  const bySeg = new Map<number, number>();
  for (let id = 0; id < base.total; id++) {
    if (base.isActive(id)) {
      active++;
      bySeg.set(base.segment[id], (bySeg.get(base.segment[id]) ?? 0) + 1);
      expect(base.active[base.position[id]]).toBe(id);
    } else {
      expect(base.position[id]).toBe(-1);
    }
  }
  expect(base.activeCount).toBe(active);
  for (const [s, n] of bySeg) expect(base.activeBySegment[s]).toBe(n);
}

/**
 * A tiny event loop: sales and churn candidates, the next churn candidate redrawn after every
 * change of the active count (and after each rejected candidate, as the next one).
 */
function runFlows(base: CustomerBase, flows: CustomerFlows, horizon: number, salesRng: Rng, churnRng: Rng): { churns: Int32Array; sales: Int32Array } {
  const churns = new Int32Array(4), sales = new Int32Array(4);
  let sale = flows.nextSale(0, salesRng);
  let churn = flows.nextChurn(0, churnRng);
  for (;;) {
    if (sale <= churn) {
      if (sale > horizon) break;
      const t = sale;
      base.add(flows.saleSegment, t);
      sales[flows.saleSegment]++;
      sale = flows.nextSale(t, salesRng);
      churn = flows.nextChurn(t, churnRng); // active count changed: redraw
    } else {
      if (churn > horizon) break;
      const t = churn;
      const id = flows.churnCandidate(churnRng());
      if (flows.acceptChurn(id, churnRng(), t)) {
        churns[base.segment[id]]++;
        base.remove(id, t);
      }
      churn = flows.nextChurn(t, churnRng);
    }
  }
  return { churns, sales };
}

describe("CustomerBase", () => {
  it("populates each segment at t = 0 with its size and tenure mix", () => {
    const segs = [
      segment("smb", 3000),
      segment("enterprise", 1000, { tenureAtStart: { type: "uniform", min: 0, max: 100 * DAY } }),
      segment("empty", 0),
    ];
    const streams = new RandomStreams(7, 0);
    const base = new CustomerBase(3, WAITS);
    populate(base, segs, (n) => streams.stream(n));
    expect(base.total).toBe(4000);
    expect(base.activeCount).toBe(4000);
    expect(Array.from(base.activeBySegment.subarray(0, 3))).toEqual([3000, 1000, 0]);
    expect(base.capacity).toBe(4000); // populate reserves exactly
    for (let id = 0; id < base.total; id++) {
      expect(base.segment[id]).toBe(id < 3000 ? 0 : 1);
      expect(base.joined[id]).toBeLessThanOrEqual(0);
      expect(base.left[id]).toBe(Infinity);
      expect(base.tenure(id, 0)).toBe(-base.joined[id]);
      expect(base.needs[id] + base.requests[id] + base.experience[id] + base.experienceAt[id]).toBe(0);
      for (let c = 0; c < 3; c++) expect(base.expectedWaitOf(id, c)).toBeCloseTo(WAITS[c], 6);
    }
    for (let id = 3000; id < 4000; id++) expect(-base.joined[id]).toBeLessThan(100 * DAY);
    checkActiveList(base);
    // same seed, same streams: same tenures
    const again = new CustomerBase(3, WAITS);
    const s2 = new RandomStreams(7, 0);
    populate(again, segs, (n) => s2.stream(n));
    expect(Array.from(again.joined.subarray(0, 4000))).toEqual(Array.from(base.joined.subarray(0, 4000)));
  });

  it("draws tenures with the configured mean, one stream per segment", () => {
    const mean = 200 * DAY, n = 50_000;
    const names: string[] = [];
    const streams = new RandomStreams(11, 0);
    const base = new CustomerBase(0, []);
    populate(base, [segment("a", n), segment("b", n, { tenureAtStart: { type: "gamma", mean: 30 * DAY, cv: 0.5 } })], (name) => {
      names.push(name);
      return streams.stream(name);
    });
    expect(names).toEqual(["customers:a:tenure", "customers:b:tenure"]);
    let sa = 0, sb = 0;
    for (let id = 0; id < n; id++) sa += base.tenure(id, 0);
    for (let id = n; id < 2 * n; id++) sb += base.tenure(id, 0);
    // exponential: sd = mean; gamma: sd = cv·mean. Within 4 standard errors.
    expect(Math.abs(sa / n - mean)).toBeLessThan((4 * mean) / Math.sqrt(n));
    expect(Math.abs(sb / n - 30 * DAY)).toBeLessThan((4 * 0.5 * 30 * DAY) / Math.sqrt(n));
    // tenure grows with t and stops at churn
    base.remove(0, 10);
    expect(base.tenure(0, 1000)).toBeCloseTo(10 - base.joined[0], 9);
    expect(base.tenure(1, 1000)).toBeCloseTo(1000 - base.joined[1], 9);
  });

  it("swap-remove keeps randomActive uniform over the active customers", () => {
    const rng = new RandomStreams(3, 0).stream("test:remove");
    const base = new CustomerBase(1, [1], 64);
    const N = 2000;
    for (let i = 0; i < N; i++) base.add(i % 3, i);
    // churn 1,200 random active customers
    for (let k = 0; k < 1200; k++) base.remove(base.randomActive(rng()), N + k);
    expect(base.activeCount).toBe(800);
    checkActiveList(base);
    const inactive = (() => { for (let id = 0; id < N; id++) if (!base.isActive(id)) return id; return -1; })();
    expect(() => base.remove(inactive, 5)).toThrow(RangeError);
    // 400,000 draws over 800 active ids: chi-square with 799 degrees of freedom
    const draws = 400_000, counts = new Float64Array(N);
    const u = new RandomStreams(3, 0).stream("test:draw");
    for (let k = 0; k < draws; k++) counts[base.randomActive(u())]++;
    const expected = draws / 800;
    let chi2 = 0;
    for (let id = 0; id < N; id++) {
      if (base.isActive(id)) chi2 += (counts[id] - expected) ** 2 / expected;
      else expect(counts[id]).toBe(0);
    }
    const df = 799, sd = Math.sqrt(2 * df);
    expect(chi2).toBeLessThan(df + 5 * sd);
    expect(chi2).toBeGreaterThan(df - 5 * sd);
    expect(base.randomActive(0.999999999999)).toBe(base.active[799]);
    expect(new CustomerBase(1, [0]).randomActive(0.5)).toBe(-1);
  });

  it("grows beyond its capacity and keeps every column", () => {
    const base = new CustomerBase(2, [3, 7], 2);
    for (let i = 0; i < 100; i++) {
      const id = base.add(i % 5, -i);
      expect(id).toBe(i);
      base.recordExperience(id, i / 4, i);
      for (let k = 0; k < i % 7; k++) base.countNeed(id);
      base.countRequest(id);
      base.observeWait(id, 1, 100 + i, 0.5);
      if (i % 4 === 3) base.remove(i - 1, 1000 + i);
    }
    expect(base.capacity).toBe(128);
    expect(base.total).toBe(100);
    expect(base.activeCount).toBe(75);
    for (let i = 0; i < 100; i++) {
      expect(base.segment[i]).toBe(i % 5);
      expect(base.joined[i]).toBe(-i);
      expect(base.left[i]).toBe(i % 4 === 2 ? 1000 + i + 1 : Infinity);
      expect(base.experience[i]).toBe(i / 4);
      expect(base.experienceAt[i]).toBe(i);
      expect(base.needs[i]).toBe(i % 7);
      expect(base.requests[i]).toBe(1);
      expect(base.expectedWaitOf(i, 0)).toBe(3);
      expect(base.expectedWaitOf(i, 1)).toBeCloseTo(0.5 * 7 + 0.5 * (100 + i), 5);
    }
    checkActiveList(base);
  });

  it("remembers waits by exponential smoothing and saturates its counters", () => {
    const base = new CustomerBase(2, [0.5, 60]);
    const id = base.add(0, 0);
    const gamma = 0.3;
    let w = 0.5;
    for (const obs of [2, 0, 10, 1.25]) {
      base.observeWait(id, 0, obs, gamma);
      w = (1 - gamma) * w + gamma * obs;
      expect(base.expectedWaitOf(id, 0)).toBeCloseTo(w, 5);
    }
    expect(base.expectedWaitOf(id, 1)).toBe(60);
    base.observeWait(id, 1, 0, 1);
    expect(base.expectedWaitOf(id, 1)).toBe(0);
    base.abandoned[id] = 65534;
    base.countAbandoned(id);
    base.countAbandoned(id);
    expect(base.abandoned[id]).toBe(65535);
    base.countUnserved(id);
    base.countResolved(id);
    expect(base.unserved[id] + base.resolved[id]).toBe(2);
  });

  it("a million customers fit in well under 200 MB", () => {
    const before = process.memoryUsage().arrayBuffers;
    const streams = new RandomStreams(1, 0);
    const base = new CustomerBase(4, [0.3, 1, 240, 60]);
    populate(base, [segment("a", 600_000), segment("b", 400_000)], (n) => streams.stream(n));
    const after = process.memoryUsage().arrayBuffers;
    expect(base.activeCount).toBe(1_000_000);
    expect(base.bytesPerCustomer()).toBe(43 + 4 * 4);
    expect(base.bytesPerCustomer() * 1e6).toBeLessThan(200e6);
    expect(base.memoryBytes()).toBeLessThan(64e6);
    expect(after - before).toBeLessThan(200e6);
  });
});

describe("CustomerFlows", () => {
  it("churn by thinning matches N1(1 − e^(−h1 T)) + N2(1 − e^(−h2 T))", () => {
    const N1 = 20_000, N2 = 10_000, h1 = 1 / 1000, h2 = 1 / 250, T = 500;
    const segs = [segment("slow", N1, { churnPerMinute: h1 }), segment("fast", N2, { churnPerMinute: h2 })];
    const streams = new RandomStreams(2024, 0);
    const base = new CustomerBase(1, [1]);
    populate(base, segs, (n) => streams.stream(n));
    const flows = new CustomerFlows(segs, base);
    expect(flows.maxHazard).toBe(h2);
    expect(flows.churnCandidateRate()).toBeCloseTo((N1 + N2) * h2, 9);
    expect(flows.nextSale(0, streams.stream("sales"))).toBe(Infinity);
    const { churns } = runFlows(base, flows, T, streams.stream("sales"), streams.stream("churn"));
    const p1 = 1 - Math.exp(-h1 * T), p2 = 1 - Math.exp(-h2 * T);
    const sd1 = Math.sqrt(N1 * p1 * (1 - p1)), sd2 = Math.sqrt(N2 * p2 * (1 - p2));
    expect(Math.abs(churns[0] - N1 * p1)).toBeLessThan(4 * sd1);
    expect(Math.abs(churns[1] - N2 * p2)).toBeLessThan(4 * sd2);
    const total = churns[0] + churns[1];
    expect(Math.abs(total - (N1 * p1 + N2 * p2))).toBeLessThan(4 * Math.hypot(sd1, sd2));
    expect(base.activeCount).toBe(N1 + N2 - total);
    let lateOrUnset = 0;
    for (let id = 0; id < base.total; id++) if (!base.isActive(id) && !(base.left[id] > 0 && base.left[id] <= T)) lateOrUnset++;
    expect(lateOrUnset).toBe(0);
    checkActiveList(base);
  });

  it("sales split by rate, and sales with churn reach N0·e^(−hT) + (s/h)(1 − e^(−hT)) per segment", () => {
    const segs = [
      segment("a", 5000, { salesPerMinute: 15, churnPerMinute: 1 / 500 }),
      segment("b", 2000, { salesPerMinute: 5, churnPerMinute: 1 / 200 }),
      segment("none", 0, { salesPerMinute: 0, churnPerMinute: 0 }),
    ];
    const streams = new RandomStreams(99, 0);
    const base = new CustomerBase(1, [1]);
    populate(base, segs, (n) => streams.stream(n));
    const flows = new CustomerFlows(segs, base);
    expect(flows.totalSalesRate).toBe(20);
    const T = 1000;
    const { sales } = runFlows(base, flows, T, streams.stream("sales"), streams.stream("churn"));
    // sales: Poisson(s_σ T) per segment
    expect(Math.abs(sales[0] - 15 * T)).toBeLessThan(4 * Math.sqrt(15 * T));
    expect(Math.abs(sales[1] - 5 * T)).toBeLessThan(4 * Math.sqrt(5 * T));
    expect(sales[2]).toBe(0);
    // active at T: Binomial survivors of the initial customers + Poisson survivors of sales
    for (const k of [0, 1]) {
      const s = segs[k], h = s.churnPerMinute, q = Math.exp(-h * T);
      const fromStart = s.customers * q, fromSales = (s.salesPerMinute / h) * (1 - q);
      const sd = Math.sqrt(s.customers * q * (1 - q) + fromSales);
      expect(Math.abs(base.activeBySegment[k] - (fromStart + fromSales)), `segment ${s.name}`).toBeLessThan(4 * sd);
    }
    let badJoin = 0;
    for (let id = 7000; id < base.total; id++) if (!(base.joined[id] > 0 && base.joined[id] <= T)) badJoin++;
    expect(badJoin).toBe(0);
    checkActiveList(base);
  });

  it("accepts candidates with probability hazard / max hazard", () => {
    const segs = [segment("a", 1, { churnPerMinute: 0.01 }), segment("b", 1, { churnPerMinute: 0.04 })];
    const base = new CustomerBase(0, []);
    base.add(0, 0);
    base.add(1, 0);
    const flows = new CustomerFlows(segs, base);
    expect(flows.acceptChurn(0, 0.2499, 0)).toBe(true);
    expect(flows.acceptChurn(0, 0.25, 0)).toBe(false);
    expect(flows.acceptChurn(1, 0.9999, 0)).toBe(true);
    const none = new CustomerFlows([segment("z", 0)], new CustomerBase(0, []));
    expect(none.nextChurn(5, () => 0.5)).toBe(Infinity);
    expect(() => new CustomerFlows([segment("bad", 0, { churnPerMinute: -1 })], base)).toThrow(RangeError);
  });
});
