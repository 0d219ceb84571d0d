/**
 * The staffing solver (src/analysis/staffing/: solver.ts and the files it uses, probe.ts):
 *   - the target syntax, the weekly table and the open intervals, by hand;
 *   - the probe books a hand-made visit to the right pool, interval and counters;
 *   - a single-tier Poisson queue (exponential handle and patience, a daily rate curve):
 *     the solver's agents per interval land within −1 … +2 of the exact Erlang A answer, one
 *     agent or less above it on average (the removal margin);
 *   - two tiers (L1 transfers 40 % of its calls to L2 in real time, both with patience): in an
 *     independent re-run (other seeds, 8 replications) the answer meets the target in every
 *     interval (not significantly below it), and one agent fewer in a single interval of either
 *     pool mostly misses it there (cannot be shown to meet it in 80 % or more of the intervals,
 *     below it in half or more: the removal margin keeps an agent where the sample cannot tell);
 *   - the same network open one hour a day, a case where no staffing level is within the noise
 *     of the target: the re-run meets the target in every interval and one agent fewer misses
 *     it in every interval, outright (estimate and whole 95% interval below the target).
 */
import { describe, expect, it } from "vitest";
import { staffErlangA } from "../../../src/analytic/staffingInverses.js";
import { probeReplications, ProbeLayout, staffingProbe } from "../../../src/analysis/staffing/probe.js";
import { solveStaffing } from "../../../src/analysis/staffing/solver.js";
import { configWith, openIntervals, tableRows } from "../../../src/analysis/staffing/staffedConfig.js";
import { parseTarget } from "../../../src/analysis/staffing/targets.js";
import { estimate } from "../../../src/analysis/confidence.js";
import { InputError } from "../../../src/errors.js";
import type { SupportConfig } from "../../../src/model/config.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { validateAnyScenario } from "../../../src/scenario/load.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(s: any): SupportConfig {
  const any = validateAnyScenario(s);
  if (any.form !== "support") throw new Error("expected the full form");
  return buildSupport(any.scenario, { baseDir: "." });
}

/** Calls per hour over the day, 00:00 first (a call-centre curve peaking at noon). */
const DAY_CURVE = [40, 40, 40, 40, 40, 40, 60, 80, 100, 120, 140, 160, 180, 160, 140, 120, 100, 80, 60, 50, 40, 40, 40, 40];

function poisson(days: number, replications: number) {
  return {
    name: "poisson", seed: 11, replications, start: "2027-01-04T00:00", timeZone: "UTC",
    horizon: { days, warmupDays: 1, intervalMinutes: 60 },
    needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: { phone: 1 } }],
    channels: [{ name: "phone", kind: "realtime", entryTier: "L1" }],
    tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { phone: { dist: "exponential", meanMinutes: 2 } }, resolve: 1 }],
    pools: [{ name: "agents", tier: "L1", agents: 12, costPerHour: 30 }],
    arrivals: [{ channel: "phone", pattern: { stepMinutes: 60, ratesPerHour: DAY_CURVE, repeat: true } }],
  };
}

describe("target syntax", () => {
  it.each([
    ["sl=0.8@20s", 0.8, 20],
    ["0.9@30s", 0.9, 30],
    ["SL = 80% @ 1m", 0.8, 60],
    ["75%@2min", 0.75, 120],
  ])("%s", (text, sl, t) => {
    expect(parseTarget(text)).toEqual({ serviceLevel: sl, thresholdSeconds: t });
  });
  it.each(["sl=0.8", "sl=1@20s", "sl=0@20s", "80@20s", "sl=0.8@0s", "sl=0.8@20h", ""])("rejects %j: an InputError about the option targets", (text) => {
    let err: unknown = null;
    try {
      parseTarget(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).source).toBe("options");
    expect((err as InputError).problems.map((p) => p.path)).toEqual(["targets"]);
    expect((err as InputError).message).not.toContain("--");
  });
});

describe("weekly tables", () => {
  it("turns agents per interval into rows, one per run of equal values within a day", () => {
    // 1-hour intervals: Monday 08–10 two agents, 10–11 three; Sunday 23–24 one
    const x = new Int32Array(168);
    x[8] = 2; x[9] = 2; x[10] = 3; x[167] = 1;
    expect(tableRows(x, 60)).toEqual([
      { days: [0], open: 480, close: 600, agents: 2 },
      { days: [0], open: 600, close: 660, agents: 3 },
      { days: [6], open: 1380, close: 1440, agents: 1 },
    ]);
  });
  it("finds the intervals a schedule has someone on the floor in", () => {
    const cfg = build({ ...poisson(8, 1), pools: [{ name: "agents", tier: "L1", costPerHour: 1, shifts: [{ name: "s", days: "Tue", start: "08:30", lengthHours: 2, agents: 1 }] }] });
    const open = openIntervals(cfg.pools[0], 60);
    // Tuesday 08:30–10:30 touches the hours 08, 09 and 10 of day 1
    expect([...open.keys()].filter((i) => open[i] === 1)).toEqual([24 + 8, 24 + 9, 24 + 10]);
  });
  it("simulates the table as the floor: shrinkage, workforce and article time are set aside", () => {
    const base = build({ ...poisson(8, 1), pools: [{ name: "agents", tier: "L1", agents: 12, costPerHour: 30, shrinkage: 0.3 }] });
    const x = [new Int32Array(168).fill(4)];
    const c = configWith(base, [0], x, 60);
    expect(c.pools[0].shrinkage).toBe(0);
    expect(c.pools[0].agents).toBe(4);
    expect(c.pools[0].schedule).toEqual({ type: "table", rows: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ days: [d], open: 0, close: 1440, agents: 4 })) });
    expect(base.pools[0].shrinkage).toBe(0.3); // the input is not changed
  });
});

describe("the probe", () => {
  it("books a visit to its pool, the interval it joined in, and spreads busy time", () => {
    const cfg = build(poisson(8, 1));
    const layout = new ProbeLayout(cfg, 20 / 60);
    const counts = layout.newCounts();
    const sink = staffingProbe(layout, counts);
    // t = 0 is Monday 00:00 UTC. A call joins Monday 09:50, waits 15 s, is served until 10:20.
    const joined = 9 * 60 + 50, wait = 0.25, leave = 10 * 60 + 20;
    sink.visit(joined, 0, 0, 0, wait, "resolved", 0, 0, leave, joined, true, joined + wait);
    // another joins at 09:55 and abandons after 1 minute
    sink.visit(joined + 5, 0, 0, 0, 1, "abandoned", -1, -1, joined + 6, joined + 5, true, joined + 6);
    expect([counts.offered[9], counts.answered[9], counts.within[9], counts.abandoned[9]]).toEqual([2, 1, 1, 1]);
    // busy 09:50:15–10:20: 9.75 minutes in hour 9, 20 in hour 10
    expect(counts.busy[9]).toBeCloseTo(9.75, 12);
    expect(counts.busy[10]).toBeCloseTo(20, 12);
    expect(counts.handle[9]).toBeCloseTo(29.75, 12);
    expect(counts.handled[9]).toBe(1);
    // occurrences: 8 days from Monday, 1 of warm-up: Tuesday–Monday counted once each
    expect(layout.occurrences[9]).toBe(1);
    expect(layout.occurrences[24 + 9]).toBe(1);
  });
});

describe("pools sharing work", () => {
  /** The Poisson queue with a second pool of the same tier and skills: a vendor taking calls that waited 60 s. */
  function overflow(days: number, inHouse: number) {
    const s = poisson(days, 2);
    return {
      ...s,
      pools: [
        { name: "agents", tier: "L1", agents: inHouse, costPerHour: 30 },
        { name: "vendor", tier: "L1", agents: 2, vendor: { costPerHour: 20, routing: "overflow", overflowAfterSeconds: 60 } },
      ],
    };
  }

  it("the probe counts a call answered by one pool as answered for both, but handled by the one", () => {
    const cfg = build(overflow(8, 12));
    const layout = new ProbeLayout(cfg, 20 / 60);
    const counts = layout.newCounts();
    const joined = 9 * 60 + 50;
    staffingProbe(layout, counts).visit(joined, 0, 0, 0, 0.25, "resolved", 0, 0, joined + 10, joined, true, joined + 0.25);
    expect([counts.offered[9], counts.answered[9], counts.handled[9], counts.handle[9]]).toEqual([1, 1, 1, 9.75]);
    expect([counts.offered[168 + 9], counts.answered[168 + 9], counts.handled[168 + 9], counts.handle[168 + 9]]).toEqual([1, 1, 0, 0]);
  });

  it("an overflow pool that answers nothing in an interval gets the Erlang start of its mean handle time, not of 0 (was a RangeError)", async () => {
    // 20 agents in house answer nearly every call within 60 s: in most intervals the vendor
    // answers none of the calls it could have, and its handle time there is unknown (0 / 0)
    const cfg = build(overflow(8, 20));
    const layout = new ProbeLayout(cfg, 20 / 60);
    const counts = probeReplications(cfg, layout, 11, 2);
    const idle = [...Array(168).keys()].filter((i) => counts.every((c) => c.answered[168 + i] > 0 && c.handled[168 + i] === 0));
    expect(idle.length).toBeGreaterThan(10);
    const sol = await solveStaffing(cfg, { targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandon: 0.05, response: 0.9 }, seed: 11, replications: 2, maxEvaluations: 3 });
    // there, Erlang A on the work offered to the vendor (all of it: it could take every call)
    // at the mean handle time of the calls the vendor did answer over the week
    const pooled = (f: (c: (typeof counts)[number]) => Float64Array, j: number) => counts.reduce((a, c) => a + f(c)[j], 0);
    let handle = 0, handled = 0;
    for (let i = 0; i < 168; i++) { handle += pooled((c) => c.handle, 168 + i); handled += pooled((c) => c.handled, 168 + i); }
    expect(handled).toBeGreaterThan(0);
    const aht = handle / handled;
    expect(aht).toBeGreaterThan(3);
    for (const i of idle) {
      const n = layout.occurrences[168 + i] * 2;
      const rate = (pooled((c) => c.offered, 168 + i) / (n * 60)) * 60;
      const erlang = staffErlangA({ ratePerHour: rate, ahtMinutes: aht, patienceMinutes: 2 }, { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandonRate: 0.05 }).agents;
      expect(sol.pools[1].intervals[i].erlang, `interval ${i}`).toBe(Math.max(1, erlang));
    }
  }, 60_000);
});

describe("single tier, Poisson: within one agent of the exact Erlang A answer", () => {
  it("every interval of the week", async () => {
    const cfg = build(poisson(29, 3));
    const sol = await solveStaffing(cfg, { targets: { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 }, seed: 11, replications: 3 });
    expect(sol.met).toBe(true);
    expect(sol.complete).toBe(true);
    const p = sol.pools[0];
    // the removal margin (docs/model.md §14.5) keeps an agent above the exact answer where the
    // sample cannot tell it apart from the target: within −1 … +2 of it everywhere, one agent
    // or less above it on average, and mostly at it or one above
    let near = 0, gap = 0;
    for (const iv of p.intervals) {
      const rate = DAY_CURVE[iv.minute / 60];
      const exact = staffErlangA({ ratePerHour: rate, ahtMinutes: 5, patienceMinutes: 2 }, { serviceLevel: 0.8, thresholdSeconds: 20 }).agents;
      expect(iv.required - exact, `${iv.day} ${iv.minute}: ${iv.required} vs Erlang A ${exact}`).toBeGreaterThanOrEqual(-1);
      expect(iv.required - exact, `${iv.day} ${iv.minute}: ${iv.required} vs Erlang A ${exact}`).toBeLessThanOrEqual(2);
      if (iv.required === exact || iv.required === exact + 1) near++;
      gap += iv.required - exact;
    }
    expect(gap / 168).toBeLessThanOrEqual(1);
    expect(near / 168).toBeGreaterThan(0.7);
  }, 60_000);
});

function twoTier(weeks: number, replications: number, seed: number, opts: { close?: string; ratesPerHour?: number[] } = {}) {
  const hours = [{ days: "Mon-Fri", open: "09:00", close: opts.close ?? "13:00" }];
  return {
    name: "two tiers", seed, replications, start: "2027-01-04T00:00", timeZone: "UTC",
    horizon: { days: weeks * 7 + 1, warmupDays: 1, intervalMinutes: 60 },
    needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: { phone: 1 } }],
    channels: [{ name: "phone", kind: "realtime", entryTier: "L1", hours }],
    tiers: [
      { name: "L1", handleTime: { dist: "exponential", meanMinutes: 4 }, patience: { phone: { dist: "exponential", meanMinutes: 3 } }, resolve: 0.6, next: "L2", nextMode: "transfer" },
      { name: "L2", handleTime: { dist: "exponential", meanMinutes: 10 }, patience: { phone: { dist: "exponential", meanMinutes: 5 } }, resolve: 1 },
    ],
    pools: [
      { name: "L1", tier: "L1", agents: 10, hours, costPerHour: 30, shrinkage: 0.25 },
      { name: "L2", tier: "L2", agents: 10, hours, costPerHour: 45, shrinkage: 0.25 },
    ],
    // 09–13: 60, 110, 90, 50 calls an hour (the arrivals stream runs only while the channel is open)
    arrivals: [{ channel: "phone", pattern: { stepMinutes: 60, ratesPerHour: opts.ratesPerHour ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 110, 90, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], repeat: true } }],
  };
}

describe("two tiers: meets the target in an independent re-run, one agent fewer anywhere misses", () => {
  it("L1 and L2 over Mon–Fri 09:00–13:00", async () => {
    const targets = { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 };
    const cfg = build(twoTier(8, 4, 11));
    const sol = await solveStaffing(cfg, { targets, seed: 11, replications: 4 });
    expect(sol.met).toBe(true);
    expect(sol.complete).toBe(true);
    // paid = floor / (1 − shrinkage)
    expect(sol.pools[0].paidHoursPerWeek).toBeCloseTo(sol.pools[0].floorHoursPerWeek / 0.75, 9);
    const x = sol.pools.map((p) => Int32Array.from(p.intervals.map((iv) => iv.required)));
    // L2's load is L1's transfers: it needs fewer agents than L1 but more than none
    expect(x[1].reduce((a, b) => a + b, 0)).toBeGreaterThan(20);

    // an independent re-run: other seeds, 8 replications; per replication, each interval's
    // service level over its 8 weeks
    const layout = new ProbeLayout(cfg, 20 / 60);
    const R = 8;
    const rerun = (xs: Int32Array[]) => {
      const counts = probeReplications(configWith(cfg, [0, 1], xs, 60), layout, 99_001, R);
      return (q: number, i: number) => {
        const j = q * 168 + i;
        const per = counts.map((c) => c.within[j] / c.offered[j]);
        const w = counts.reduce((a, c) => a + c.within[j], 0), o = counts.reduce((a, c) => a + c.offered[j], 0);
        return { pooled: w / o, ...estimate(per) };
      };
    };
    const again = rerun(x);
    const open: [number, number][] = [];
    for (const q of [0, 1]) for (let i = 0; i < 168; i++) if (sol.pools[q].intervals[i].open) open.push([q, i]);
    expect(open.length).toBe(40);
    for (const [q, i] of open) {
      // meets it: not significantly below the target (the 95% interval over replications reaches it)
      const e = again(q, i);
      expect(e.ci95![1], `pool ${q} interval ${i}: ${e.mean} ${e.ci95}`).toBeGreaterThanOrEqual(0.8);
    }
    // one agent fewer in a single interval mostly misses it in the re-run: it cannot be shown
    // to meet the target (the 95% interval's lower end is below it) in 80 % or more of the
    // intervals, and its estimate is below the target in half or more. The rest are marginal:
    // an interval's service level is estimated to ±2–3 points here, and where the target falls
    // within that of a staffing level the search keeps the agent (its removal margin)
    let below = 0, tried = 0, unproven = 0;
    for (const [q, i] of open) {
      if (x[q][i] <= 1) continue;
      const fewer = x.map((a) => Int32Array.from(a));
      fewer[q][i]--;
      const e = rerun(fewer)(q, i);
      tried++;
      if (e.ci95![0] < 0.8) unproven++;
      if (e.pooled < 0.8) below++;
    }
    expect(tried).toBeGreaterThan(30);
    // with the removal margin (docs/model.md §14.5) an interval may keep an agent its sample
    // could not show to be spare: measured 34 of 40 and 22 of 40 (no margin: 40 and 32+)
    expect(unproven / tried).toBeGreaterThanOrEqual(0.8);
    expect(below / tried).toBeGreaterThanOrEqual(0.5);
  }, 120_000);
});

describe("two tiers, no interval at the margin: the re-run meets the target everywhere, one agent fewer misses it everywhere", () => {
  // The same network open one hour a day (Mon–Fri 09:00–10:00, 58 calls): a case chosen so that
  // no staffing level sits within the estimates' noise of the target. Measured beforehand with
  // 20 replications × 8 weeks: L1 needs 6 agents (SL 0.874; with 5, 0.766), L2 needs 5 (0.84;
  // with 4, 0.70) — at least 3.4 points either side of 0.8. With 26 weeks × 8 replications
  // an interval's service level is known to about ±1.5 points, so both the solver's decisions
  // and the independent re-run's verdicts are clear in every interval, and "one fewer misses"
  // can be asserted outright (point estimate and 95% interval below the target) in all of them.
  // (Where a staffing level's true service level lies within the noise of the target, no finite
  // simulation can tell N from N − 1: the test above states that case statistically.)
  it("L1 and L2, Mon–Fri 09:00–10:00", async () => {
    const targets = { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 };
    const rates = new Array(24).fill(0);
    rates[9] = 58;
    const cfg = build(twoTier(26, 8, 11, { close: "10:00", ratesPerHour: rates }));
    const sol = await solveStaffing(cfg, { targets, seed: 11, replications: 8 });
    expect(sol.met).toBe(true);
    expect(sol.complete).toBe(true);
    const x = sol.pools.map((p) => Int32Array.from(p.intervals.map((iv) => iv.required)));
    const open: [number, number][] = [];
    for (const q of [0, 1]) for (let i = 0; i < 168; i++) if (sol.pools[q].intervals[i].open) open.push([q, i]);
    expect(open.length).toBe(10);
    const layout = new ProbeLayout(cfg, 20 / 60);
    const rerun = (xs: Int32Array[]) => {
      const counts = probeReplications(configWith(cfg, [0, 1], xs, 60), layout, 99_001, 8);
      return (q: number, i: number) => {
        const j = q * 168 + i;
        const w = counts.reduce((a, c) => a + c.within[j], 0), o = counts.reduce((a, c) => a + c.offered[j], 0);
        return { pooled: w / o, ...estimate(counts.map((c) => c.within[j] / c.offered[j])) };
      };
    };
    const again = rerun(x);
    for (const [q, i] of open) {
      const e = again(q, i);
      expect(e.pooled, `pool ${q} interval ${i} with ${x[q][i]}`).toBeGreaterThanOrEqual(0.8);
      expect(e.ci95![1]).toBeGreaterThanOrEqual(0.8);
      const fewer = x.map((a) => Int32Array.from(a));
      fewer[q][i]--;
      const f = rerun(fewer)(q, i);
      expect(f.pooled, `pool ${q} interval ${i} with ${fewer[q][i]}`).toBeLessThan(0.8);
      expect(f.ci95![1], `pool ${q} interval ${i} with ${fewer[q][i]}: the whole interval below the target`).toBeLessThan(0.8);
    }
    // the answer is the one measured beforehand: 6 on L1 and 5 on L2 every day
    for (const [q, i] of open) expect(x[q][i]).toBe(q === 0 ? 6 : 5);
  }, 120_000);
});

describe("threads", () => {
  it("the answer does not depend on the thread count (replications on worker threads, combined in order)", async () => {
    const rates = new Array(24).fill(0);
    rates[9] = 58;
    const cfg = build(twoTier(4, 4, 11, { close: "10:00", ratesPerHour: rates }));
    const targets = { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 };
    const one = await solveStaffing(cfg, { targets, seed: 5, replications: 4, threads: 1 });
    const two = await solveStaffing(cfg, { targets, seed: 5, replications: 4, threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.evaluations).toBeGreaterThan(2);
  }, 120_000);
});
