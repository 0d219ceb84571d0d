/**
 * Vendors, operating models and ramps in the contact network (src/model/network.ts):
 *
 * - handle-time factors (per pool, per (tier, work type), mutable during a run): exact on
 *   deterministic and common-random-number runs, and a factor of 2 against Erlang C with
 *   the doubled mean;
 * - resolution factors: min(1, resolve × factor) with the same single uniform draw;
 * - the occupancy cap: rest until the busy share of the interval window falls back to the
 *   cap or the window ends (hand-computed timelines, chat pools, an agent sent off shift
 *   while resting);
 * - "share" routing: exact partition replayed from the "network:share" stream, binomial
 *   band, share contacts wait for the vendor;
 * - "overflow" routing: nobody is taken by an overflow pool before waiting its threshold,
 *   hand-computed timelines (classes), and the mean wait falls;
 * - per-pool statistics (busy, staffed, handle time);
 * - with no factors, cap 1 and no vendors, results are byte-identical to the code before
 *   these features (a summary hard-coded from that code);
 * - checkNetwork's new errors.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { erlangC } from "../../../src/analytic/index.js";
import { RandomStreams } from "../../../src/engine/random.js";
import { Tally } from "../../../src/engine/statistics.js";
import { Network } from "../../../src/model/network/network.js";
import { checkNetwork } from "../../../src/model/network/checkNetwork.js";
import { simulateNetwork } from "../../../src/model/network/simulateNetwork.js";
import type { NetworkConfig, NetworkPool, NetworkResult } from "../../../src/model/network/networkConfig.js";
import { driveNetwork, runNetwork, type Arrival, type NetworkAction } from "../../helpers/driveNetwork.js";

const constant = (perMinute: number) => ({ starts: [0], ratesPerMinute: [perMinute] });

function expectCovers(label: string, values: number[], exact: number): void {
  const t = new Tally();
  for (const v of values) t.add(v);
  const hw = (tQuantile(0.9995, t.count - 1) * t.sd) / Math.sqrt(t.count);
  expect(Math.abs(t.mean - exact), `${label}: sim ${t.mean} ± ${hw} vs exact ${exact}`).toBeLessThanOrEqual(hw);
}

/**
 * Arrivals through the network with actions (setAgents, factor changes) run before arrivals at
 * the same time; all contacts counted (tests/helpers/driveNetwork.ts).
 */
const drive = (cfg: NetworkConfig, arrivals: Arrival[], actions: NetworkAction[] = [], seed = 1) => runNetwork(cfg, arrivals, { before: actions }, seed);

const oneTier = (pools: NetworkPool[], handle: NetworkConfig["tiers"][number]["handleTime"], horizon = 100, extra: Partial<NetworkConfig> = {}): NetworkConfig => ({
  horizon, warmup: 0, intervalLength: 30, threshold: 1 / 3,
  workTypes: ["general"], classes: ["standard"],
  tiers: [{ name: "L1", handleTime: handle, resolve: 1 }],
  pools, streams: [], ...extra,
});
const ten = { type: "deterministic", value: 10 } as const;

// ---------------------------------------------------------------------------------------
// Byte-identical behaviour without the new features
// ---------------------------------------------------------------------------------------

const baselineCfg: NetworkConfig = {
  horizon: 60 * 24, warmup: 60, intervalLength: 30, threshold: 1 / 3,
  workTypes: ["phone", "chat", "email"], classes: ["vip", "std"],
  tiers: [
    { name: "L1", handleTime: { type: "lognormal", mean: 6, cv: 0.8 }, handleTimeByWork: [undefined, { type: "exponential", mean: 9 }], patience: { type: "exponential", mean: 4 }, resolve: 0.7, resolveByWork: [undefined, 0.8], next: 1 },
    { name: "L2", handleTime: { type: "exponential", mean: 12 }, patience: { type: "exponential", mean: 10 }, resolve: 0.6, next: 2, nextMode: "escalate" },
    { name: "L3", handleTime: { type: "exponential", mean: 30 }, resolve: 0.9 },
  ],
  pools: [
    { name: "phone", tier: 0, agents: 6, skills: [0, 2] },
    { name: "chat", tier: 0, agents: 2, skills: [1], concurrency: 3, stretch: 0.3 },
    { name: "blend", tier: 0, agents: 2, skills: [0, 1, 2] },
    { name: "L2", tier: 1, agents: 3, skills: [0, 1, 2] },
    { name: "L3", tier: 2, agents: 2, skills: [0, 1, 2] },
  ],
  streams: [
    { name: "phone-vip", arrivals: constant(0.3), workType: 0, priorityClass: 0, tier: 0 },
    { name: "phone-std", arrivals: constant(0.7), workType: 0, priorityClass: 1, tier: 0 },
    { name: "chat", arrivals: constant(0.5), workType: 1, priorityClass: 1, tier: 0 },
    { name: "email", arrivals: constant(0.3), workType: 2, priorityClass: 1, tier: 0, deferred: true },
  ],
  callbackByWork: [{ afterPredictedWait: 3, acceptShare: 0.5 }],
};

function summary(cfg: NetworkConfig) {
  let n = 0, sumWait = 0, sumLeave = 0, sumAgent = 0;
  const r = simulateNetwork(cfg, new RandomStreams(11, 2), {
    visit(arrival, tier, w, p, wait, outcome, pool, agent, leave) { n++; sumWait += wait; sumLeave += leave * (1 + tier) + arrival; sumAgent += agent * (pool + 2) + w + p + outcome.length; },
  });
  return {
    r,
    sum: {
      events: r.events, arrivals: r.arrivals, left: r.leftInSystem, n, sumWait, sumLeave, sumAgent,
      resolved: [...r.resolved], transferred: [...r.transferred], escalated: [...r.escalated], unresolved: [...r.unresolved], callbacks: [...r.callbacks],
      servedByPool: [...r.servedByPool], servedByPoolWork: [...r.servedByPoolWork],
      busy: r.tierBusy.map((b) => b.total), staffed: r.tierStaffed.map((b) => b.total),
      totals: r.series.map((s) => [s.total.offered, s.total.answered, s.total.abandoned, s.total.delayed, s.total.waitAll, s.total.answeredWithinThreshold]),
    },
  };
}

// Computed with src/model/network.ts as it was before factors, caps and vendors (same seed).
const BASELINE = {
  events: 5976, arrivals: 2600, left: 0, n: 3252, sumWait: 132207.11048301603, sumLeave: 5999658.020207237, sumAgent: 96707,
  resolved: [1600, 234, 152], transferred: [584, 0, 0], escalated: [0, 163, 0], unresolved: [0, 0, 11], callbacks: [14, 170, 0],
  servedByPool: [1297, 523, 364, 397, 163], servedByPoolWork: [979, 0, 373, 0, 542, 0, 222, 101, 60, 234, 46, 133, 98, 15, 56],
  busy: [12951.237775751733, 4140, 2733.4272214605908], staffed: [13800, 4140, 2760],
  totals: [[398, 357, 41, 296, 201.5069394527752, 181], [2107, 1827, 280, 1291, 2741.202368498485, 997], [93, 73, 20, 93, 348.45620967182657, 5], [491, 324, 167, 491, 71001.43826102838, 3], [29, 29, 0, 29, 584.1902032259295, 0], [134, 134, 0, 134, 57330.31650113869, 0]],
};
const DRIVE_BASELINE = { s1: 1226358.6281552885, s2: 1287906.5233750392, s3: 46778, s4: 120, left: 0, staffed: [2439.7285474606833, 900, 600], busy: [825.0401475539259, 206.5327480679646, 234.03196097243273] };

describe("without factors, caps or vendors nothing changes", () => {
  it("a three-tier network with classes, chat, callbacks, deferred work and escalation gives the same numbers as before", () => {
    expect(summary(baselineCfg).sum).toEqual(BASELINE);
  });

  it("explicit defaults (factors 1, cap 1, routing pool) give the same numbers too", () => {
    const cfg = { ...baselineCfg, pools: baselineCfg.pools.map((p) => ({ ...p, handleTimeFactor: 1, resolveFactor: 1, occupancyCap: 1, routing: "pool" as const })) };
    const { r, sum } = summary(cfg);
    expect(sum).toEqual(BASELINE);
    // per-pool totals add up to the tier's (L1: pools 0–2)
    expect(r.poolBusy[0] + r.poolBusy[1] + r.poolBusy[2]).toBeCloseTo(BASELINE.busy[0], 6);
    expect(r.poolStaffed[0] + r.poolStaffed[1] + r.poolStaffed[2]).toBeCloseTo(BASELINE.staffed[0], 9);
    expect([r.poolBusy[3], r.poolStaffed[3], r.poolStaffed[4]]).toEqual([4140, 4140, 2760]);
    expect(r.poolBusy[4]).toBeCloseTo(BASELINE.busy[2], 9);
  });

  it("staffing changes: the same contact timeline as before", () => {
    const cfg: NetworkConfig = { ...baselineCfg, horizon: 300, warmup: 0, streams: [] };
    const arr: Arrival[] = [];
    for (let i = 0; i < 120; i++) arr.push({ t: i * 2.1, w: i % 3, deferred: i % 3 === 2 });
    const d = driveNetwork(cfg, arr, [{ t: 50, q: 0, n: 2 }, { t: 80, q: 1, n: 0 }, { t: 120, q: 0, n: 6 }, { t: 130, q: 1, n: 2 }, { t: 200, q: 2, n: 0 }], 5);
    let s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    d.recs.forEach((x, i) => { s1 += x.start * (i + 1); s2 += x.end * (i + 1); s3 += x.agent * (i + 1); s4 += (x.outcome === "resolved" ? 1 : 0) + (x.callback ? 1000 : 0); });
    expect({ s1, s2, s3, s4, left: d.leftInSystem, staffed: d.net.tierStaffed.map((b) => b.total), busy: d.net.tierBusy.map((b) => b.total) }).toEqual(DRIVE_BASELINE);
  });
});

// ---------------------------------------------------------------------------------------
// Handle-time and resolution factors
// ---------------------------------------------------------------------------------------

describe("handle-time factors", () => {
  it("work factor × pool factor × chat stretch, read at service start; a change applies to services starting after it", () => {
    // 1 chat agent (2 at once, stretch 0.5), handle 10, workHandleFactor 1.5, pool factor 2:
    // X (t=0) alone: 10 × 1.5 × 2 = 30 → 0–30; Y (t=1) second in hand: 10 × 1.5 × 2 × 1.5 = 45 → 1–46.
    // At t=35 the work factor drops to 1 (a ramp): Z (t=40) second in hand again (Y still held):
    // 10 × 1 × 2 × 1.5 = 30 → 40–70. Y keeps the 45 it started with.
    const cfg = oneTier([{ name: "chat", tier: 0, agents: 1, skills: [0], concurrency: 2, stretch: 0.5, handleTimeFactor: 2 }], ten);
    const { recs, net } = drive(cfg, [{ t: 0 }, { t: 1 }, { t: 40 }], [
      { t: 0, run: (n) => { n.workHandleFactor[0] = 1.5; } },
      { t: 35, run: (n) => { n.workHandleFactor[0] = 1; } },
    ]);
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 30], [1, 46], [40, 70]]);
    expect(net.poolHandleFactor[0]).toBe(2);
    expect(net.poolHandleTime[0]).toBe(30 + 45 + 30);
    expect(net.servedByPool[0]).toBe(3);
  });

  it("a pool factor of 2 doubles every service exactly (same customers: common random numbers)", () => {
    // plenty of agents: nobody waits, so each contact's service is its drawn handle time × factor
    const mk = (f: number): NetworkConfig => ({
      horizon: 600, warmup: 0, intervalLength: 60, threshold: 1 / 3, workTypes: ["general"], classes: ["standard"],
      tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 4 }, resolve: 1 }],
      pools: [{ name: "p", tier: 0, agents: 60, skills: [0], handleTimeFactor: f }],
      streams: [{ name: "s", arrivals: constant(1), workType: 0, priorityClass: 0, tier: 0 }],
    });
    const services = (f: number) => {
      const byArrival = new Map<number, number>();
      const r = simulateNetwork(mk(f), new RandomStreams(4, 0), {
        visit(arrival, _t, _w, _p, wait, _o, _q, _g, leave) {
          expect(wait).toBe(0);
          byArrival.set(arrival, leave - arrival);
        },
      });
      return { byArrival, r };
    };
    const one = services(1), two = services(2);
    expect(two.r.arrivals).toBe(one.r.arrivals);
    expect(one.byArrival.size).toBe(one.r.arrivals);
    for (const [arrival, h] of one.byArrival) expect(two.byArrival.get(arrival)).toBeCloseTo(2 * h, 9);
    expect(two.r.poolHandleTime[0]).toBeCloseTo(2 * one.r.poolHandleTime[0], 6);
    // the handle time spent is the sum of the services
    expect(one.r.poolHandleTime[0]).toBeCloseTo([...one.byArrival.values()].reduce((a, b) => a + b, 0), 6);
  });

  it("M/M/c with a pool handle factor of 2 matches Erlang C with the doubled mean", () => {
    // λ = 0.5/min, drawn mean 4 min × 2 = 8 min, c = 5: a = 4 Erlangs, ρ = 0.8
    const cfg: NetworkConfig = {
      horizon: 60 * 400, warmup: 600, intervalLength: 60, threshold: 1 / 3, workTypes: ["general"], classes: ["standard"],
      tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 4 }, resolve: 1 }],
      pools: [{ name: "p", tier: 0, agents: 5, skills: [0], handleTimeFactor: 2 }],
      streams: [{ name: "s", arrivals: constant(0.5), workType: 0, priorityClass: 0, tier: 0 }],
    };
    const runs: NetworkResult[] = [];
    for (let k = 0; k < 10; k++) runs.push(simulateNetwork(cfg, new RandomStreams(77, k)));
    const ex = erlangC({ ratePerHour: 30, ahtMinutes: 8, agents: 5, thresholdSeconds: 20 });
    const s = runs.map((r) => r.series[0].total);
    expectCovers("mean handle", runs.map((r) => r.poolHandleTime[0] / r.servedByPool[0]), 8);
    expectCovers("P(wait)", s.map((x) => x.delayed / x.offered), ex.probWait);
    expectCovers("ASA", s.map((x) => (x.waitAnswered / x.answered) * 60), ex.asaSeconds);
    expectCovers("occupancy", runs.map((r) => r.poolBusy[0] / r.poolStaffed[0]), ex.occupancy);
    for (const r of runs) expect(r.poolStaffed[0]).toBe(5 * (cfg.horizon - cfg.warmup));
  });
});

describe("resolution factors", () => {
  const mk = (resolve: number, factors: number[]): NetworkConfig => ({
    horizon: 60 * 50, warmup: 0, intervalLength: 60, threshold: 1 / 3, workTypes: ["general"], classes: ["standard"],
    tiers: [
      { name: "L1", handleTime: { type: "exponential", mean: 5 }, resolve, next: 1 },
      { name: "L2", handleTime: { type: "exponential", mean: 5 }, resolve: 1 },
    ],
    pools: [...factors.map((f, i) => ({ name: `L1-${i}`, tier: 0, agents: 8, skills: [0], resolveFactor: f })), { name: "L2", tier: 1, agents: 12, skills: [0] }],
    streams: [{ name: "s", arrivals: constant(1.5), workType: 0, priorityClass: 0, tier: 0 }],
  });

  it("resolve 0.5 × factor 1.6 is exactly resolve 0.8 (the same single draw against the same threshold)", () => {
    const a = simulateNetwork(mk(0.5, [1.6]), new RandomStreams(8, 0));
    const b = simulateNetwork(mk(0.8, [1]), new RandomStreams(8, 0));
    expect([...a.resolved, ...a.transferred, a.events]).toEqual([...b.resolved, ...b.transferred, b.events]);
    expect(a.resolved[0] + a.transferred[0]).toBeGreaterThan(4000);
    // capped at 1: nothing goes on; factor 0: nothing resolved at L1
    const all = simulateNetwork(mk(0.5, [3]), new RandomStreams(8, 0));
    expect(all.transferred[0]).toBe(0);
    expect(all.resolved[0]).toBe(all.series[0].total.answered);
    const none = simulateNetwork(mk(0.5, [0]), new RandomStreams(8, 0));
    expect(none.resolved[0]).toBe(0);
    expect(none.transferred[0]).toBe(none.series[0].total.answered);
  });

  it("two pools at one tier resolve 0.5 and 0.5 × 1.6 = 0.8 of what each serves (binomial band)", () => {
    const served = [0, 0], res = [0, 0];
    simulateNetwork(mk(0.5, [1, 1.6]), new RandomStreams(9, 0), {
      visit(_a, tier, _w, _p, _wait, outcome, pool) {
        if (tier !== 0 || pool < 0) return;
        served[pool]++;
        if (outcome === "resolved") res[pool]++;
      },
    });
    [0.5, 0.8].forEach((p, q) => {
      expect(served[q]).toBeGreaterThan(1000);
      expect(Math.abs(res[q] / served[q] - p)).toBeLessThanOrEqual(3.3 * Math.sqrt((p * (1 - p)) / served[q]));
    });
  });

  it("resolveByTierWork and poolResolveFactor can change during a run", () => {
    // 1 agent, handle 10, 6 contacts 10 minutes apart: resolve 1 until t=25, then 0.5 × factor 0
    // (nothing resolves: they leave unresolved, no next tier), from t=45 0.5 × factor 2 = 1 again
    const cfg = oneTier([{ name: "p", tier: 0, agents: 1, skills: [0] }], ten);
    const { recs } = drive(cfg, [0, 10, 20, 30, 40, 50].map((t) => ({ t })), [
      { t: 25, run: (n) => { n.resolveByTierWork[0] = 0.5; n.poolResolveFactor[0] = 0; } },
      { t: 45, run: (n) => { n.poolResolveFactor[0] = 2; } },
    ]);
    // departures at 10, 20, 30 (after 25), 40, 50 (after 45), 60
    expect(recs.map((r) => r.outcome)).toEqual(["resolved", "resolved", "unresolved", "unresolved", "resolved", "resolved"]);
  });
});

// ---------------------------------------------------------------------------------------
// Occupancy cap
// ---------------------------------------------------------------------------------------

describe("occupancy cap", () => {
  it("one agent, 10-minute contacts, a queue that never empties, L = 30, cap 0.8: 25 busy minutes in every window", () => {
    // Window [0, 30): 0–10 (busy 10 of 10 > 0.8·10) → rest to 10/0.8 = 12.5; 12.5–22.5 (20 of
    // 22.5 > 18) → rest to 20/0.8 = 25; 25–35 runs into the next window.
    // Window [30, 60): at 35 busy 5 of 5 > 4 → rest to 30 + 5/0.8 = 36.25; 36.25–46.25 (15 of
    // 16.25 > 13) → 30 + 15/0.8 = 48.75; 48.75–58.75 (25 of 28.75 > 23) → 30 + 25/0.8 = 61.25,
    // but the window ends at 60 first (a new window, no busy time yet): rest to 60.
    // From 60 the pattern repeats every 60 minutes: each window holds 25 busy minutes, a share
    // of 5/6 > 0.8, because the cap is checked when a contact ends (window 1 ends in a rest at
    // 25/30; window 0's last contact runs past its end).
    const cfg = oneTier([{ name: "p", tier: 0, agents: 1, skills: [0], occupancyCap: 0.8 }], ten, 600);
    const arrivals = Array.from({ length: 100 }, () => ({ t: 0, deferred: true }));
    const resting: number[] = [];
    const { recs, net, leftInSystem } = drive(cfg, arrivals, [11, 24, 30, 59.5, 60.5].map((t) => ({ t, run: (n: Network) => { resting.push(n.agentsResting(0)); } })));
    expect(leftInSystem).toBe(0);
    const pattern = [0, 12.5, 25, 36.25, 48.75];
    recs.slice(0, 50).forEach((r, i) => expect(r.start, `contact ${i}`).toBeCloseTo(60 * Math.floor(i / 5) + pattern[i % 5], 9));
    expect(resting).toEqual([1, 1, 0, 1, 0]);
    for (let i = 0; i < 20; i++) expect(net.tierBusy[0].bins[i], `window ${i}`).toBeCloseTo(25, 9);
    expect(net.poolBusy[0]).toBeCloseTo(500, 9);
    // resting agents are on the floor: staffed all along
    expect(net.poolStaffed[0]).toBe(600);
    expect(net.tierStaffed[0].total).toBe(600);
  });

  it("an arrival during a rest waits for its end; an agent sent off shift while resting goes home at once", () => {
    // cap 0.5, L = 30. A (0) 0–10: busy 10 of 10 > 5 → rest to min(0 + 10/0.5, 30) = 20.
    // B (12) waits until 20: 20–30. At 30 a new window: busy 0 of 0, no rest. C (31) 31–41:
    // busy 10 of 11 > 5.5 → rest to min(30 + 20, 60) = 50. Off shift at 45 while resting: goes
    // home then (staffed to 45), and its rest end (50) is cancelled. D (47) waits. Back on at 60:
    // takes D at once 60–70: busy 10 of 10 → rest to min(60 + 20, 90) = 80. E (75) waits: 80–90.
    const cfg = oneTier([{ name: "p", tier: 0, agents: 1, skills: [0], occupancyCap: 0.5 }], ten);
    const { recs, net, leftInSystem } = drive(cfg, [0, 12, 31, 47, 75].map((t) => ({ t })), [
      { t: 45, run: (n, now) => n.setAgents(0, 0, now) },
      { t: 46, run: (n) => expect(n.agentsResting(0)).toBe(0) },
      { t: 60, run: (n, now) => n.setAgents(0, 1, now) },
    ]);
    expect(leftInSystem).toBe(0);
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 10], [20, 30], [31, 41], [60, 70], [80, 90]]);
    expect(net.tierStaffed[0].total).toBe(45 + 40);
    expect(net.poolStaffed[0]).toBe(85);
    expect(net.tierBusy[0].total).toBe(50);
    expect(net.poolBusy[0]).toBe(50);
  });

  it("a chat agent rests only when its last chat ends, then takes up to its concurrency", () => {
    // 1 agent, 2 chats at once, no stretch, cap 0.5, L = 30. X (0) 0–10, Y (2) 2–12. X ends with
    // Y in hand: no check. Y ends at 12 with nothing else in hand: busy 12 of 12 > 6 → rest to
    // min(12/0.5, 30) = 24. Z (13) and V (14) wait; at 24 it takes both: 24–34. Z ends first
    // (V still in hand), V ends at 34: window [30, 34] busy 4 > 2 → rest to 30 + 4/0.5 = 38.
    // U (35) waits: 38–48.
    const cfg = oneTier([{ name: "chat", tier: 0, agents: 1, skills: [0], concurrency: 2, stretch: 0, occupancyCap: 0.5 }], ten);
    const { recs, net } = drive(cfg, [0, 2, 13, 14, 35].map((t) => ({ t })));
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 10], [2, 12], [24, 34], [24, 34], [38, 48]]);
    expect(net.tierBusy[0].total).toBe(12 + 10 + 10);
    expect(net.tierStaffed[0].total).toBe(100);
  });

  it("a capped agent sent off shift while busy goes home when its contact ends, without resting", () => {
    // cap 0.5: A (0) 0–10; off shift at 5: at 10 it goes home (it would have been over the cap).
    // Back at 30: B (29) taken at once 30–40 → over the cap → rests to min(30 + 20, 60) = 50.
    const cfg = oneTier([{ name: "p", tier: 0, agents: 1, skills: [0], occupancyCap: 0.5 }], ten);
    const { recs, net } = drive(cfg, [{ t: 0 }, { t: 29 }, { t: 41 }], [
      { t: 5, run: (n, now) => n.setAgents(0, 0, now) },
      { t: 11, run: (n) => expect(n.agentsResting(0)).toBe(0) },
      { t: 30, run: (n, now) => n.setAgents(0, 1, now) },
    ]);
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 10], [30, 40], [50, 60]]);
    expect(net.tierStaffed[0].total).toBe(10 + 70);
  });

  it("with cap 1 no rest happens and no event is added", () => {
    const run = (cap: number) => drive(oneTier([{ name: "p", tier: 0, agents: 1, skills: [0], occupancyCap: cap }], ten, 600), Array.from({ length: 30 }, () => ({ t: 0, deferred: true })));
    const a = run(1);
    expect(a.recs.map((r) => r.start)).toEqual(Array.from({ length: 30 }, (_, i) => 10 * i));
    expect(a.events).toBe(60); // 30 arrivals + 30 departures
    expect(run(0.9).events).toBeGreaterThan(60);
  });
});

// ---------------------------------------------------------------------------------------
// Outsourcing: share routing
// ---------------------------------------------------------------------------------------

describe("share routing", () => {
  const shareCfg = (share: number, vendorAgents = 4): NetworkConfig => ({
    horizon: 60 * 40, warmup: 0, intervalLength: 60, threshold: 1 / 3,
    workTypes: ["billing", "tech"], classes: ["standard"],
    tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 5 }, resolve: 1 }],
    pools: [
      { name: "in-house", tier: 0, agents: 6, skills: [0, 1] },
      { name: "vendor", tier: 0, agents: vendorAgents, skills: [0], routing: "share", share, handleTimeFactor: 1.2 },
    ],
    streams: [
      { name: "billing", arrivals: constant(1.2), workType: 0, priorityClass: 0, tier: 0 },
      { name: "tech", arrivals: constant(0.4), workType: 1, priorityClass: 0, tier: 0 },
    ],
  });

  it("share 0.3: exactly the contacts whose share draw is below 0.3 go to the vendor, about 30% of them", () => {
    const seed = 21;
    const visits: { arrival: number; w: number; pool: number }[] = [];
    const r = simulateNetwork(shareCfg(0.3), new RandomStreams(seed, 0), { visit(arrival, _t, w, _p, _wait, _o, pool) { visits.push({ arrival, w, pool }); } });
    expect(r.leftInSystem).toBe(0);
    // replay the share stream: one draw per billing contact, in order of entry (= arrival)
    const u = new RandomStreams(seed, 0).stream("network:share");
    const billing = visits.filter((v) => v.w === 0).sort((a, b) => a.arrival - b.arrival);
    let vendor = 0;
    for (const v of billing) {
      const toVendor = u() < 0.3;
      expect(v.pool).toBe(toVendor ? 1 : 0);
      if (toVendor) vendor++;
    }
    const n = billing.length;
    expect(n).toBeGreaterThan(2500);
    expect(Math.abs(vendor / n - 0.3)).toBeLessThanOrEqual(3.3 * Math.sqrt((0.3 * 0.7) / n));
    expect(r.servedByPoolWork[1 * 2 + 0]).toBe(vendor);
    expect(r.servedByPoolWork[1 * 2 + 1]).toBe(0); // the vendor does not serve tech
    expect(r.servedByPoolWork[0 * 2 + 0]).toBe(n - vendor);
    // the vendor's handle factor shows in its AHT (5 × 1.2)
    expect(Math.abs(r.poolHandleTime[1] / r.servedByPool[1] - 6)).toBeLessThan(3.3 * 6 / Math.sqrt(r.servedByPool[1]));
  });

  it("a share contact waits for the vendor when no vendor agent is on shift; the in-house pool never takes it", () => {
    // the vendor is off until t = 50; contacts every 2 minutes from t = 1 (after the vendor
    // leaves at 0), handle 1: in-house always has an idle agent
    const cfg = { ...shareCfg(0.3, 1), tiers: [{ name: "L1", handleTime: { type: "deterministic", value: 1 } as const, resolve: 1 }], streams: [] };
    const arr: Arrival[] = Array.from({ length: 40 }, (_, i) => ({ t: 1 + 2 * i }));
    const { recs, leftInSystem } = drive(cfg, arr, [{ t: 0, run: (n, now) => n.setAgents(1, 0, now) }, { t: 50, run: (n, now) => n.setAgents(1, 1, now) }], 3);
    expect(leftInSystem).toBe(0);
    const u = new RandomStreams(3, 0).stream("network:share");
    const toVendor = arr.map(() => u() < 0.3);
    expect(toVendor.filter(Boolean).length).toBeGreaterThan(3);
    // the vendor's handle time is 1 × 1.2; it works its backlog from 50 in order
    let free = 50;
    recs.forEach((r, i) => {
      if (toVendor[i]) {
        expect(r.pool).toBe(1);
        const start = Math.max(free, r.arrival);
        expect(r.start).toBeCloseTo(start, 9);
        free = start + 1.2;
      } else {
        expect([r.pool, r.start]).toEqual([0, r.arrival]);
      }
    });
  });

  it("share 1 sends a whole (tier, work type) to the vendor, with no in-house pool needed", () => {
    const cfg: NetworkConfig = { ...shareCfg(1), pools: [{ name: "vendor", tier: 0, agents: 10, skills: [0, 1], routing: "share", share: 1 }] };
    const r = simulateNetwork(cfg, new RandomStreams(2, 0));
    expect(r.servedByPool[0]).toBe(r.series[0].total.answered);
    expect(r.leftInSystem).toBe(0);
  });

  it("two share pools split one partition (the same share)", () => {
    const cfg: NetworkConfig = { ...shareCfg(0.5), pools: [...shareCfg(0.5).pools, { name: "vendor 2", tier: 0, agents: 4, skills: [0], routing: "share", share: 0.5 }] };
    const r = simulateNetwork(cfg, new RandomStreams(5, 0));
    expect(r.servedByPool[1]).toBeGreaterThan(200);
    expect(r.servedByPool[2]).toBeGreaterThan(200);
    const billing = r.servedByPoolWork[0] + r.servedByPoolWork[2] + r.servedByPoolWork[4];
    const shared = r.servedByPoolWork[2] + r.servedByPoolWork[4];
    expect(Math.abs(shared / billing - 0.5)).toBeLessThanOrEqual(3.3 * Math.sqrt(0.25 / billing));
  });
});

// ---------------------------------------------------------------------------------------
// Outsourcing: overflow routing
// ---------------------------------------------------------------------------------------

describe("overflow routing", () => {
  it("hand-computed: the overflow pool takes a contact only once it has waited overflowAfter", () => {
    // in-house: 1 agent (agent 0), overflow: 1 agent (agent 1) after 1 min, handle 10.
    // A (0) in-house 0–10. B (0.5) waits; at 1.5 overflow takes it 1.5–11.5. C (2) and D (2.2)
    // wait (the overflow agent is busy at 3 and 3.2). At 10 in-house takes C (10–20); at 11.5
    // overflow takes D (old enough) 11.5–21.5. E (21) in-house at once 21–31. F (29.5) in-house is
    // busy with E until 31, the overflow agent is idle but F must wait: it takes F at 30.5
    // (29.5 + 1), 30.5–40.5. G (32): in-house (idle since 31) at once.
    const cfg = oneTier([{ name: "in-house", tier: 0, agents: 1, skills: [0] }, { name: "vendor", tier: 0, agents: 1, skills: [0], routing: "overflow", overflowAfter: 1 }], ten);
    const { recs } = drive(cfg, [0, 0.5, 2, 2.2, 21, 29.5, 32].map((t) => ({ t })));
    expect(recs.map((r) => [r.start, r.pool])).toEqual([[0, 0], [1.5, 1], [10, 0], [11.5, 1], [21, 0], [30.5, 1], [32, 0]]);
  });

  it("hand-computed with classes: eligibility (age) first, then class", () => {
    // classes hi (0), lo (1); in-house 1 agent, overflow 1 agent after 5, handle 10.
    // A lo (0) in-house 0–10. B lo (1) overflow at 6: 6–16. C lo (2) waits. H hi (9.5) waits.
    // At 10 in-house takes H (higher class) 10–20. I hi (15) waits. At 16 the overflow agent
    // frees: I has waited 1 < 5, C has waited 14: it takes C (16–26). At 20 in-house takes I.
    const cfg = oneTier([{ name: "in-house", tier: 0, agents: 1, skills: [0] }, { name: "vendor", tier: 0, agents: 1, skills: [0], routing: "overflow", overflowAfter: 5 }], ten, 100, { classes: ["hi", "lo"] });
    const { recs } = drive(cfg, [{ t: 0, p: 1 }, { t: 1, p: 1 }, { t: 2, p: 1 }, { t: 9.5, p: 0 }, { t: 15, p: 0 }]);
    expect(recs.map((r) => [r.start, r.pool])).toEqual([[0, 0], [6, 1], [16, 1], [10, 0], [20, 0]]);
  });

  it("overflow agents coming on shift take only contacts old enough", () => {
    // in-house 1 agent busy with A (0–10); vendor off until 4. B (1), C (3.5) wait; after 2.
    // At 4 the vendor comes on: B (waited 3) is taken at once, C (0.5) is not; C's own
    // overflow event at 5.5 finds the vendor busy; at 10 in-house takes C.
    const cfg = oneTier([{ name: "in-house", tier: 0, agents: 1, skills: [0] }, { name: "vendor", tier: 0, agents: 1, skills: [0], routing: "overflow", overflowAfter: 2 }], ten);
    const { recs } = drive(cfg, [0, 1, 3.5].map((t) => ({ t })), [{ t: 0, run: (n, now) => n.setAgents(1, 0, now) }, { t: 4, run: (n, now) => n.setAgents(1, 1, now) }]);
    expect(recs.map((r) => [r.start, r.pool])).toEqual([[0, 0], [4, 1], [10, 0]]);
  });

  it("M/M/c with an overflow vendor after 1 minute: nobody reaches it sooner, and the mean wait falls", () => {
    const base: NetworkConfig = {
      horizon: 60 * 100, warmup: 120, intervalLength: 60, threshold: 1 / 3, workTypes: ["general"], classes: ["standard"],
      tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 5 }, resolve: 1, patience: { type: "exponential", mean: 6 } }],
      pools: [{ name: "in-house", tier: 0, agents: 5, skills: [0] }],
      streams: [{ name: "s", arrivals: constant(0.9), workType: 0, priorityClass: 0, tier: 0 }],
    };
    const withVendor: NetworkConfig = { ...base, pools: [...base.pools, { name: "vendor", tier: 0, agents: 2, skills: [0], routing: "overflow", overflowAfter: 1 }] };
    let overflowServed = 0, atThreshold = 0;
    const v = simulateNetwork(withVendor, new RandomStreams(6, 0), {
      visit(_a, _t, _w, _p, wait, _o, pool) {
        if (pool !== 1) return;
        overflowServed++;
        // wait = (joined + 1) − joined: 1 up to rounding
        expect(wait).toBeGreaterThanOrEqual(1 - 1e-9);
        if (Math.abs(wait - 1) < 1e-9) atThreshold++;
      },
    });
    const alone = simulateNetwork(base, new RandomStreams(6, 0));
    expect(v.leftInSystem).toBe(0);
    expect(overflowServed).toBeGreaterThan(100);
    expect(atThreshold).toBeGreaterThan(0); // taken at its overflow event
    expect(atThreshold).toBeLessThan(overflowServed); // and others when a vendor agent freed up
    const meanWait = (r: NetworkResult) => r.series[0].total.waitAll / r.series[0].total.offered;
    expect(meanWait(v)).toBeLessThan(0.8 * meanWait(alone));
    expect(v.series[0].total.abandoned).toBeLessThan(alone.series[0].total.abandoned);
  });
});

// ---------------------------------------------------------------------------------------
// checkNetwork
// ---------------------------------------------------------------------------------------

describe("checkNetwork: factors, caps and vendors", () => {
  const base = (pools: NetworkPool[], W = ["a"]): NetworkConfig => ({
    horizon: 60, warmup: 0, intervalLength: 30, threshold: 1 / 3, workTypes: W, classes: ["x"],
    tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 1 }, resolve: 1 }],
    pools, streams: W.map((_, w) => ({ name: `s${w}`, arrivals: constant(1), workType: w, priorityClass: 0, tier: 0 })),
  });
  const inHouse: NetworkPool = { name: "in", tier: 0, agents: 1, skills: [0] };

  it("rejects bad factors, caps and routing fields", () => {
    expect(() => checkNetwork(base([{ ...inHouse, handleTimeFactor: 0 }]))).toThrow(/pools\[0\]\.handleTimeFactor: expected a finite number > 0, got 0/);
    expect(() => checkNetwork(base([{ ...inHouse, handleTimeFactor: Infinity }]))).toThrow(/handleTimeFactor/);
    expect(() => checkNetwork(base([{ ...inHouse, resolveFactor: -0.1 }]))).toThrow(/pools\[0\]\.resolveFactor/);
    expect(() => checkNetwork(base([{ ...inHouse, occupancyCap: 0 }]))).toThrow(/pools\[0\]\.occupancyCap: expected a share in \(0, 1\], got 0/);
    expect(() => checkNetwork(base([{ ...inHouse, occupancyCap: 1.1 }]))).toThrow(/occupancyCap/);
    expect(() => checkNetwork(base([{ ...inHouse, routing: "bogus" as "pool" }]))).toThrow(/pools\[0\]\.routing/);
    expect(() => checkNetwork(base([inHouse, { ...inHouse, name: "v", routing: "share" }]))).toThrow(/\(v\): a "share" pool needs a share in \[0, 1\], got undefined/);
    expect(() => checkNetwork(base([inHouse, { ...inHouse, name: "v", routing: "share", share: 1.5 }]))).toThrow(/share/);
    expect(() => checkNetwork(base([inHouse, { ...inHouse, name: "v", routing: "overflow" }]))).toThrow(/\(v\): an "overflow" pool needs overflowAfter/);
    expect(() => checkNetwork(base([inHouse, { ...inHouse, name: "v", routing: "overflow", overflowAfter: -1 }]))).toThrow(/overflowAfter/);
    // valid ones pass
    checkNetwork(base([{ ...inHouse, handleTimeFactor: 1.3, resolveFactor: 0, occupancyCap: 0.85 }, { ...inHouse, name: "v", routing: "overflow", overflowAfter: 0 }]));
  });

  it("rejects share pools of one work type with different shares, and overflow pools with different thresholds", () => {
    const v1: NetworkPool = { name: "v1", tier: 0, agents: 1, skills: [0, 1], routing: "share", share: 0.3 };
    const v2: NetworkPool = { name: "v2", tier: 0, agents: 1, skills: [1], routing: "share", share: 0.4 };
    const both: NetworkPool = { ...inHouse, skills: [0, 1] };
    expect(() => checkNetwork(base([both, v1, v2], ["a", "b"]))).toThrow(/pools v1 and v2 take shares of work type b at tier L1 with different shares \(0\.3 vs 0\.4\)/);
    checkNetwork(base([both, v1, { ...v2, share: 0.3 }], ["a", "b"]));
    const o1: NetworkPool = { name: "o1", tier: 0, agents: 1, skills: [0], routing: "overflow", overflowAfter: 1 };
    expect(() => checkNetwork(base([inHouse, o1, { ...o1, name: "o2", overflowAfter: 2 }]))).toThrow(/pools o1 and o2 overflow work type a at tier L1 after different waits \(1 vs 2 min\)/);
  });

  it("a reachable (tier, work type) needs a routing \"pool\" pool, unless share pools take all of it", () => {
    expect(() => checkNetwork(base([{ ...inHouse, routing: "overflow", overflowAfter: 1 }]))).toThrow(/at tier L1, work type a reaches it but only share or overflow pools serve it \(in\): it needs a pool with routing "pool"/);
    expect(() => checkNetwork(base([{ ...inHouse, routing: "share", share: 0.7 }]))).toThrow(/only share or overflow pools serve it/);
    checkNetwork(base([{ ...inHouse, routing: "share", share: 1 }]));
    checkNetwork(base([{ ...inHouse, routing: "share", share: 1 }, { ...inHouse, name: "o", routing: "overflow", overflowAfter: 3 }]));
    expect(() => checkNetwork(base([]))).toThrow(/no pool at tier L1 serves work type a/);
  });
});
