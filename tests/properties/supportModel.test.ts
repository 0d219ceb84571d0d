/**
 * Properties of the support-demand model (src/model/supportModel.ts) over random small
 * configurations: 1–3 segments, need types, channels (real-time and deferred) and tiers
 * (a chain with random next / nextMode), pools with random skills, opening hours or none,
 * releases and fixes, self-service, access, repeats, redials and callbacks, forecast streams
 * sometimes; 5–10 days and 200–1,200 customers.
 *
 * (a) conservation of needs per (segment, need type), and the counting identities between
 *     the funnel, the contact counters and the network (stated where they are checked);
 * (b) no contact is served by a pool without the skill;
 * (c) determinism by seed;
 * (d) at each tier, offered = answered + abandoned + still waiting at the end.
 */
import { HAZARD, neutralEconomics, pool } from "../helpers/supportConfig.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { supportValues } from "../../src/kpi/values.js";
import type { DistributionSpec } from "../../src/engine/distributions.js";
import { RandomStreams } from "../../src/engine/random.js";
import type { SupportConfig, WeeklyHours } from "../../src/model/config.js";
import { CF, FF, FUNNEL_FIELDS, IF, INTERVAL_FIELDS } from "../../src/model/counters.js";
import { simulateSupport } from "../../src/model/simulation.js";
import type { SupportResult } from "../../src/model/simulation/supportResult.js";
import type { NetworkOutcome, NetworkTraceSink } from "../../src/model/network/networkConfig.js";

const DAY = 1440;
const MONTH = 525_960 / 12;

// fast-check biases values towards the ends of their ranges on early runs; these configs
// should look like ordinary ones instead (shrinking still works)
const unbiasedInteger = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

/** A random small SupportConfig in which every (tier, need type, channel) a contact can reach has a pool. */
function randomConfig(g: fc.GeneratorValue): SupportConfig {
  const int = (min: number, max: number) => g(unbiasedInteger, min, max);
  // uniform on [min, max] (fc.double is uniform over representable doubles: mostly tiny ones)
  const dbl = (min: number, max: number) => min + ((max - min) * g(unbiasedInteger, 0, 1_000_000)) / 1_000_000;
  const bool = () => g(unbiasedInteger, 0, 1) === 1;
  const pick = <T,>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const subset = (n: number): number[] => {
    const s = Array.from({ length: n }, (_, i) => i).filter(() => bool());
    return s.length > 0 ? s : [int(0, n - 1)];
  };
  const duration = (mean: number): DistributionSpec => {
    switch (int(0, 3)) {
      case 0: return { type: "exponential", mean };
      case 1: return { type: "lognormal", mean, cv: dbl(0.3, 1.5) };
      case 2: return { type: "deterministic", value: mean };
      default: return { type: "gamma", mean, cv: dbl(0.3, 1.5) };
    }
  };
  const hours = (): WeeklyHours => ({
    spans: Array.from({ length: int(1, 2) }, () => {
      const open = 30 * int(0, 44);
      return { days: subset(7), open, close: Math.min(1440, open + 30 * int(2, 30)) };
    }),
  });

  const S = int(1, 3), K = int(1, 3), C = int(1, 3), T = int(1, 3), P = int(1, 2);
  const W = K * C;
  const horizon = int(5, 10) * DAY;
  const [start, timeZone] = pick([["2027-01-04T00:00", "UTC"], ["2027-03-10T06:00", "America/Chicago"], ["2027-06-02T12:00", "Europe/Paris"]] as const);

  const channels: SupportConfig["channels"] = Array.from({ length: C }, (_, c) => {
    const realtime = bool();
    const ch: SupportConfig["channels"][number] = {
      name: `ch${c}`,
      kind: realtime ? "realtime" : "deferred",
      entryTier: int(0, T - 1),
      waitWeightPerMinute: realtime ? dbl(0, 0.3) : dbl(0, 0.005),
      initialExpectedWait: realtime ? dbl(0.2, 5) : dbl(60, 1440),
      expectedWaitGiven: false,
      abandonPenalty: realtime ? 30 : 1800, // the defaults (not drawn: the configurations stay those the coverage counts were made for)
      dissatisfactionWeight: dbl(0.5, 2),
    };
    if (realtime && bool()) ch.hours = hours();
    if (!realtime) ch.responseTarget = dbl(60, 1440);
    if (realtime && bool()) ch.callback = { afterPredictedWait: dbl(0.5, 10), acceptShare: dbl(0, 1) };
    if (bool()) ch.redial = { share: dbl(0, 0.8), delay: duration(dbl(5, 120)) };
    return ch;
  });

  const tiers: SupportConfig["tiers"] = Array.from({ length: T }, (_, t) => {
    const tier: SupportConfig["tiers"][number] = {
      name: `T${t}`,
      handleTime: duration(dbl(3, 40)),
      handleTimeByWork: Array.from({ length: W }, () => (int(0, 3) === 0 ? duration(dbl(1, 20)) : undefined)),
      patienceByChannel: Array.from({ length: C }, () => (bool() ? duration(dbl(0.5, 15)) : undefined)),
      resolveByNeed: Array.from({ length: K }, () => dbl(0.3, 1)),
      nextMode: bool() ? "transfer" : "escalate",
    };
    if (t < T - 1 && int(0, 3) > 0) tier.next = int(t + 1, T - 1);
    return tier;
  });

  const pools: SupportConfig["pools"] = [];
  for (let t = 0; t < T; t++) {
    for (let j = int(1, 2); j > 0; j--) {
      const p: SupportConfig["pools"][number] = pool({
        name: `T${t}p${j}`, tier: t, agents: int(1, 3), skills: subset(W),
        concurrency: int(0, 2) === 0 ? int(2, 3) : 1, stretch: dbl(0, 0.5),
      }, timeZone);
      if (int(0, 2) === 0) p.schedule = { type: "hours", agents: p.agents, hours: (p.hours = hours()) };
      pools.push(p);
    }
  }
  // every (tier, need, channel) on the route of a channel's contacts gets a pool (as scenario validation guarantees)
  for (let c = 0; c < C; c++) {
    for (let t: number | undefined = channels[c].entryTier; t !== undefined; t = tiers[t].next) {
      const atTier = pools.filter((p) => p.tier === t);
      for (let k = 0; k < K; k++) {
        const w = k * C + c;
        if (!atTier.some((p) => p.skills.includes(w))) pick(atTier).skills.push(w);
      }
    }
  }
  pools.forEach((p) => p.skills.sort((a, b) => a - b));

  const segments: SupportConfig["segments"] = Array.from({ length: S }, (_, s) => {
    const plan = pick(["free", "contract", "perIncident"] as const);
    const expertise = dbl(0, 1);
    return {
      // a start at or below the lasting level (e², so that no draw is added to the generator's sequence)
      name: `seg${s}`, customers: int(Math.ceil(200 / S), Math.floor(1200 / S)), expertise, startExpertise: expertise * expertise, revenuePerYear: 0,
      tenureAtStart: { type: "exponential", mean: dbl(30, 700) * DAY },
      salesPerMinute: bool() ? dbl(0, 200) / MONTH : 0,
      churnPerMinute: bool() ? dbl(0, 0.5) / (365 * DAY) : 0,
      priorityClass: int(0, P - 1), plan, pricePerIncident: plan === "perIncident" ? dbl(1, 100) : 0,
      channels: subset(C), ...HAZARD,
    };
  });

  const needTypes: SupportConfig["needTypes"] = Array.from({ length: K }, (_, k) => {
    const raw = Array.from({ length: C }, () => (int(0, 3) === 0 ? 0 : dbl(0.1, 1)));
    if (!raw.some((x) => x > 0)) raw[int(0, C - 1)] = 1;
    const sum = raw.reduce((a, b) => a + b, 0);
    return {
      name: `need${k}`, ratePerMinute: dbl(0.5, 10) / MONTH, driver: pick(["expertise", "quality", "none"] as const),
      severity: int(0, 2), channelPreference: raw.map((x) => x / sum), kbCoverage: dbl(0, 1),
    };
  });

  const releases: SupportConfig["quality"]["releases"] = Array.from({ length: int(0, 2) }, (_, i) => {
    const at = dbl(0, horizon);
    const r: SupportConfig["quality"]["releases"][number] = { name: `r${i}`, at, spike: dbl(0, 4), halfLife: dbl(0.5, 5) * DAY };
    if (bool()) r.hotfix = { at: at + dbl(0, 3) * DAY, removes: dbl(0, 1) };
    if (bool()) r.notify = { at: at + dbl(0, 2) * DAY, deflect: dbl(0, 1), soften: dbl(0, 1) };
    return r;
  });
  const fixes: SupportConfig["quality"]["fixes"] = Array.from({ length: int(0, 1) }, () =>
    bool() ? { name: "dated", reduction: dbl(0, 1), ramp: dbl(0, 3) * DAY, at: dbl(0, horizon) } : { name: "listening", reduction: dbl(0, 1), ramp: dbl(0, 3) * DAY, afterRequests: int(0, 40), lead: dbl(0, 3) * DAY },
  );

  const forecastStreams: SupportConfig["forecastStreams"] = Array.from({ length: int(0, 3) === 0 ? int(1, 2) : 0 }, () => {
    const n = int(1, 3);
    const stream: SupportConfig["forecastStreams"][number] = {
      channel: int(0, C - 1), needType: int(0, K - 1), segment: int(0, S - 1),
      starts: Array.from({ length: n }, (_, i) => i * 360),
      ratesPerMinute: Array.from({ length: n }, () => dbl(0.005, 0.05)),
    };
    if (bool()) stream.cycle = n * 360;
    return stream;
  });

  return {
    start, timeZone, horizon,
    warmup: bool() ? 0 : DAY,
    intervalLength: pick([30, 60]),
    threshold: 1 / 3,
    seasonality: pick([{}, { intraday: "b2b-business-hours", weekly: "b2b-business-hours" }, { intraday: "consumer-24x7", annualGrowth: 0.1 }] as const),
    learning: { noviceMultiplier: dbl(1, 4), timeConstant: dbl(5, 100) * DAY },
    segments,
    classes: Array.from({ length: P }, (_, p) => `class${p}`),
    needTypes,
    channels,
    quality: { releases, fixes },
    access: {
      askLogOdds: dbl(-1, 3), severityWeight: dbl(0, 1), priceWeight: dbl(0, 0.05), accessWeight: dbl(0, 1.5),
      waitMemory: dbl(0, 1), outsideHours: pick(["wait", "selfService", "drop"] as const),
      retryShare: dbl(0, 0.5), retryDelay: duration(dbl(30, 1440)),
    },
    selfService: { tryShare: dbl(0, 1), successAtFullCoverage: dbl(0, 1), goOnShare: dbl(0, 1) },
    repeat: { share: dbl(0, 0.9), delay: duration(dbl(30, 2880)), switchShare: dbl(0, 1) },
    tiers,
    pools,
    forecastStreams,
    causal: forecastStreams.length === 0 ? true : bool(),
    ...neutralEconomics(C),
  };
}

const cell = (r: SupportResult, field: number, g: number, k: number) => r.counters.funnelSum(field, g, k);
/** Contacts waiting in tier t's lines when the run ended (every class; counted or not). */
const waitingAtEnd = (r: SupportResult, t: number) => r.network.waitingAt(t);

/** The network's own account of the counted contacts that left each tier (its trace): served there, abandoned there. */
class TierVisits implements NetworkTraceSink {
  readonly answered: number[];
  readonly abandoned: number[];
  constructor(tiers: number) {
    this.answered = new Array<number>(tiers).fill(0);
    this.abandoned = new Array<number>(tiers).fill(0);
  }
  visit(_arrival: number, tier: number, _workType: number, _priorityClass: number, _wait: number, outcome: NetworkOutcome, pool: number): void {
    if (outcome === "abandoned") this.abandoned[tier]++;
    else if (pool >= 0) this.answered[tier]++;
  }
}

const RUNS = 25;

describe("random small support configurations", () => {
  it("(a) conserve needs per (segment, need type), with the funnel's counting identities", () => {
    const seen = { runs: 0, noWarmup: 0, alwaysOpen: 0, deflected: 0, selfServed: 0, redials: 0, repeats: 0 };
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 0, max: 1_000_000 }), (g, seed) => {
        const cfg = randomConfig(g);
        const r = simulateSupport(cfg, new RandomStreams(seed, 0));
        const S = cfg.segments.length, K = cfg.needTypes.length;
        // a real-time channel without hours of its own is open while a pool answering it at its
        // entry tier is: always, if one of them has no hours
        const C = cfg.channels.length;
        const alwaysOpen = cfg.channels.every((c, ci) => {
          if (c.kind === "deferred") return true;
          if (c.hours !== undefined) return false;
          const answering = cfg.pools.filter((p) => p.tier === c.entryTier && p.skills.some((w) => w % C === ci));
          return answering.length === 0 || answering.some((p) => p.hours === undefined);
        });
        let needsTotal = 0;
        for (let s = 0; s < S; s++) {
          for (let k = 0; k < K; k++) {
            const f = (field: number) => cell(r, field, s, k);
            const at = `segment ${s}, need ${k}`;
            // every need that arose after the warm-up ends in exactly one final outcome or is still open:
            // needs = deflected + selfServed + unserved + resolved + unresolved + abandoned + openAtEnd
            expect(f(FF.deflected) + f(FF.selfServed) + f(FF.unserved) + f(FF.resolved) + f(FF.unresolved) + f(FF.abandoned) + f(FF.openAtEnd), at).toBe(f(FF.needs));
            needsTotal += f(FF.needs);
            for (const name of FUNNEL_FIELDS) expect(f(FF[name]), `${at}: ${name}`).toBeGreaterThanOrEqual(0);
            expect(f(FF.asked)).toBeLessThanOrEqual(f(FF.needs));
            expect(f(FF.selfServed)).toBeLessThanOrEqual(f(FF.triedSelfService));
            expect(f(FF.resolvedFirstContact)).toBeLessThanOrEqual(f(FF.resolved));
            // requests: `asked` counts a need's first request, `requests` every request. Each later
            // request follows a repeat, a redial or a retry (a retry comes after a request only when
            // a closed channel turned it away), so asked ≤ requests ≤ asked + repeats + redials + retries;
            // when every channel is always open, exactly requests = asked + repeats + redials.
            expect(f(FF.requests)).toBeGreaterThanOrEqual(f(FF.asked));
            expect(f(FF.requests)).toBeLessThanOrEqual(f(FF.asked) + f(FF.repeats) + f(FF.redials) + f(FF.retries));
            if (alwaysOpen) {
              expect(f(FF.requests), at).toBe(f(FF.asked) + f(FF.repeats) + f(FF.redials));
              expect(f(FF.waitedForOpening)).toBe(0);
            }
            // a price is paid on a customer's first request (forecast contacts have no customer)
            const price = cfg.segments[s].plan === "perIncident" ? cfg.segments[s].pricePerIncident : 0;
            if (!cfg.forecastStreams.some((fs) => fs.segment === s)) expect(f(FF.supportRevenue)).toBeCloseTo(price * f(FF.asked), 6);
          }
        }
        expect(r.counters.needsByInterval.reduce((a, b) => a + b, 0)).toBe(needsTotal);
        expect(r.openAtEnd).toBe(r.counters.funnelSum(FF.openAtEnd));
        if (cfg.warmup === 0) {
          // with no warm-up every need and contact is counted: the funnel and the contact counters are two views of the same flow
          const entry = cfg.channels.reduce((s, ch, c) => s + r.counters.contactSum(CF.offered, ch.entryTier, c), 0);
          expect(entry).toBe(r.counters.funnelSum(FF.requests));
          expect(r.counters.contactSum(CF.resolved)).toBe(r.counters.funnelSum(FF.resolved));
          // an unresolved contact comes back (a repeat) or is final; an abandoned one redials or is final
          expect(r.counters.contactSum(CF.unresolved)).toBe(r.counters.funnelSum(FF.unresolved) + r.counters.funnelSum(FF.repeats));
          expect(r.counters.contactSum(CF.abandoned)).toBe(r.counters.funnelSum(FF.abandoned) + r.counters.funnelSum(FF.redials));
        }
        seen.runs++;
        if (cfg.warmup === 0) seen.noWarmup++;
        if (alwaysOpen) seen.alwaysOpen++;
        for (const key of ["deflected", "selfServed", "redials", "repeats"] as const) if (r.counters.funnelSum(FF[key]) > 0) seen[key]++;
      }),
      { numRuns: RUNS, seed: 20270104 },
    );
    // the generator reaches the interesting cases (a guard against a generator that stopped doing so)
    expect(seen.runs).toBe(RUNS);
    for (const key of ["noWarmup", "alwaysOpen", "deflected", "selfServed", "redials", "repeats"] as const) expect(seen[key], `${key} in ${JSON.stringify(seen)}`).toBeGreaterThan(0);
  });

  it("(b) no contact is served by a pool that lacks the skill", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 0, max: 1_000_000 }), (g, seed) => {
        const cfg = randomConfig(g);
        const r = simulateSupport(cfg, new RandomStreams(seed, 0));
        const W = cfg.needTypes.length * cfg.channels.length;
        let served = 0;
        cfg.pools.forEach((p, q) => {
          for (let w = 0; w < W; w++) {
            served += r.network.servedByPoolWork[q * W + w];
            if (!p.skills.includes(w)) expect(r.network.servedByPoolWork[q * W + w], `pool ${q} work ${w}`).toBe(0);
          }
        });
        // and the pools together served every contact that was answered (counted or not)
        expect(served).toBeGreaterThanOrEqual(r.counters.contactSum(CF.answered));
      }),
      { numRuns: RUNS, seed: 4242 },
    );
  });

  it("(c) the same configuration and seed give identical results; another seed gives other needs", () => {
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 0, max: 1_000_000 }), (g, seed) => {
        const cfg = randomConfig(g);
        const a = simulateSupport(cfg, new RandomStreams(seed, 0));
        const b = simulateSupport(cfg, new RandomStreams(seed, 0));
        expect(supportValues(b, cfg)).toEqual(supportValues(a, cfg));
        expect(Array.from(b.counters.needsByInterval)).toEqual(Array.from(a.counters.needsByInterval));
        expect(Array.from(b.counters.funnel)).toEqual(Array.from(a.counters.funnel));
        expect(b.events).toBe(a.events);
        const c = simulateSupport(cfg, new RandomStreams(seed + 1, 0));
        expect(a.counters.funnelSum(FF.needs)).toBeGreaterThan(20);
        expect(Array.from(c.counters.needsByInterval)).not.toEqual(Array.from(a.counters.needsByInterval));
        expect(supportValues(c, cfg)).not.toEqual(supportValues(a, cfg));
      }),
      { numRuns: RUNS, seed: 99 },
    );
  });

  it("(d) at each tier, offered = answered + abandoned + still waiting at the end", () => {
    const seen = { runs: 0, waiting: 0, abandons: 0, callbacks: 0, chains: 0, transferAbandons: 0 };
    fc.assert(
      fc.property(fc.gen(), fc.integer({ min: 0, max: 1_000_000 }), (g, seed) => {
        const cfg = randomConfig(g);
        const visits = new TierVisits(cfg.tiers.length);
        const r = simulateSupport(cfg, new RandomStreams(seed, 0), visits);
        const K = cfg.needTypes.length, T = cfg.tiers.length, C = cfg.channels.length;
        // Waiting at the end: the run ends when the calendar is empty, so no contact is in service and no
        // retry, repeat or redial is pending; what is left waits in a line whose pools closed for good
        // (pools keep their hours for 30 days after the horizon). The network's lines hold every
        // contact; the contact counters only counted ones, hence ≤, and = with no warm-up.
        let waitingTotal = 0;
        for (let t = 0; t < T; t++) {
          // the SupportCounters (per channel) and the network's own trace of the counted contacts agree
          const offered = r.counters.contactSum(CF.offered, t), answered = r.counters.contactSum(CF.answered, t), abandoned = r.counters.contactSum(CF.abandoned, t);
          // a contact answered, then handed back at a shift's end (handover.ts) and still waiting, has not left
          const handedBack = r.network.handedBackAt(t, true);
          expect([answered, abandoned], `tier ${t}`).toEqual([visits.answered[t] + handedBack, visits.abandoned[t]]);
          const left = offered - answered - abandoned;
          const waiting = waitingAtEnd(r, t) - r.network.handedBackAt(t, false);
          waitingTotal += waitingAtEnd(r, t);
          expect(left, `tier ${t}`).toBeGreaterThanOrEqual(0);
          expect(left, `tier ${t}`).toBeLessThanOrEqual(waiting);
          if (cfg.warmup === 0) expect(left, `tier ${t}`).toBe(waiting); // every contact is counted
          // pools that never close serve everything in the end: only a pool closed for good can leave work waiting
          if (cfg.pools.every((p) => p.tier !== t || p.hours === undefined)) expect(waiting, `tier ${t}`).toBe(0);
          // what leaves a tier after service: resolved, unresolved, or sent on
          expect(r.counters.contactSum(CF.resolved, t) + r.counters.contactSum(CF.unresolved, t) + r.counters.contactSum(CF.transferred, t) + r.counters.contactSum(CF.escalated, t)).toBe(answered - handedBack);
        }
        // a need is open at the end only while its contact waits in a line
        expect(r.openAtEnd).toBeLessThanOrEqual(waitingTotal);
        if (cfg.warmup === 0) {
          expect(r.openAtEnd).toBe(waitingTotal);
          // transfers and escalations arrive at the next tier
          for (let t = 0; t < T; t++) {
            const into = cfg.tiers.reduce((s, tier, u) => (tier.next === t ? s + r.counters.contactSum(CF.transferred, u) + r.counters.contactSum(CF.escalated, u) : s), 0);
            const entries = cfg.channels.reduce((s, ch, c) => (ch.entryTier === t ? s + r.counters.contactSum(CF.offered, t, c) : s), 0);
            expect(r.counters.contactSum(CF.offered, t), `tier ${t}`).toBe(into + entries);
          }
        }
        // the per-interval series of each channel (at its entry tier) add up to the totals: no
        // counted contact began at or after the horizon (addInterval would drop it)
        const IFN = INTERVAL_FIELDS.length, nIv = r.counters.needsByInterval.length;
        for (let c = 0; c < C; c++) {
          const series = (field: number) => { let x = 0; for (let i = 0; i < nIv; i++) x += r.counters.byInterval[(i * C + c) * IFN + field]; return x; };
          const e = cfg.channels[c].entryTier;
          expect([series(IF.offered), series(IF.answered), series(IF.abandoned)], `channel ${c}`).toEqual([r.counters.contactSum(CF.offered, e, c), r.counters.contactSum(CF.answered, e, c), r.counters.contactSum(CF.abandoned, e, c)]);
        }
        // callbacks are taken only on real-time channels that offer them
        for (let k = 0; k < K; k++) for (let c = 0; c < C; c++) {
          if (cfg.channels[c].kind === "deferred" || cfg.channels[c].callback === undefined) expect(r.network.callbacksByWork[k * C + c]).toBe(0);
        }
        expect(Array.from(r.network.callbacks).reduce((a, b) => a + b, 0)).toBe(Array.from(r.network.callbacksByWork).reduce((a, b) => a + b, 0));
        seen.runs++;
        if (waitingTotal > 0) seen.waiting++;
        if (r.counters.contactSum(CF.abandoned) > 0) seen.abandons++;
        if (Array.from(r.network.callbacks).some((x) => x > 0)) seen.callbacks++;
        if (cfg.tiers.some((t) => t.next !== undefined)) seen.chains++;
        // abandonments after a warm transfer (at a tier that is not the contact's entry tier)
        if (cfg.channels.some((ch, c) => cfg.tiers.some((_, t) => t !== ch.entryTier && r.counters.contactSum(CF.abandoned, t, c) > 0))) seen.transferAbandons++;
      }),
      { numRuns: RUNS, seed: 777 },
    );
    expect(seen.runs).toBe(RUNS);
    for (const key of ["abandons", "callbacks", "chains", "transferAbandons"] as const) expect(seen[key], `${key} in ${JSON.stringify(seen)}`).toBeGreaterThan(0);
  });
});
