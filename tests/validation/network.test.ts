/**
 * The contact network against exact results: a two-tier Jackson network (Poisson
 * arrivals, exponential service, random escalation: each tier behaves as an M/M/c
 * queue fed by a Poisson stream), two non-preemptive priority classes against
 * Cobham's formula, skills (no contact served by an ineligible pool) and conservation.
 * Same acceptance rule as tests/queueing.test.ts: every check within the 99.9%
 * replication interval.
 */
import fc from "fast-check";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { erlangC, erlangCProb } from "../../src/analytic/index.js";
import { RandomStreams } from "../../src/engine/random.js";
import { Tally } from "../../src/engine/statistics.js";
import { checkNetwork } from "../../src/model/network/checkNetwork.js";
import { simulateNetwork } from "../../src/model/network/simulateNetwork.js";
import type { NetworkConfig, NetworkResult } from "../../src/model/network/networkConfig.js";

function replicate(cfg: NetworkConfig, reps: number, seed = 31): NetworkResult[] {
  const out: NetworkResult[] = [];
  for (let k = 0; k < reps; k++) out.push(simulateNetwork(cfg, new RandomStreams(seed, k)));
  return out;
}

function expectCovers(label: string, values: number[], exact: number): void {
  const t = new Tally();
  for (const v of values) t.add(v);
  const hw = (tQuantile(0.9995, t.count - 1) * t.sd) / Math.sqrt(t.count);
  expect(Math.abs(t.mean - exact), `${label}: sim ${t.mean} ± ${hw} vs exact ${exact}`).toBeLessThanOrEqual(hw);
}

const constant = (perMinute: number) => ({ starts: [0], ratesPerMinute: [perMinute] });

describe("two-tier Jackson network", () => {
  // λ = 1.6/min into L1 (10 agents, AHT 5 min, ρ = 0.8); 30% unresolved go to L2
  // (5 agents, AHT 8 min: λ2 = 0.48/min, ρ = 0.768). By Burke's theorem and Poisson
  // thinning each tier is an M/M/c queue: Erlang C per tier.
  const cfg: NetworkConfig = {
    horizon: 60 * 600, warmup: 600, intervalLength: 60, threshold: 1 / 3,
    workTypes: ["general"], classes: ["standard"],
    tiers: [
      { name: "L1", handleTime: { type: "exponential", mean: 5 }, resolve: 0.7, next: 1 },
      { name: "L2", handleTime: { type: "exponential", mean: 8 }, resolve: 1 },
    ],
    pools: [
      { name: "L1 agents", tier: 0, agents: 10, skills: [0] },
      { name: "L2 agents", tier: 1, agents: 5, skills: [0] },
    ],
    streams: [{ name: "all", arrivals: constant(1.6), workType: 0, priorityClass: 0, tier: 0 }],
  };
  const runs = replicate(cfg, 10);
  const tiers = [
    { name: "L1", lambdaPerHour: 96, aht: 5, c: 10 },
    { name: "L2", lambdaPerHour: 96 * 0.3, aht: 8, c: 5 },
  ];
  tiers.forEach((tier, t) => {
    it(`${tier.name} matches Erlang C (ρ = ${((tier.lambdaPerHour / 60) * tier.aht / tier.c).toFixed(3)})`, () => {
      const ex = erlangC({ ratePerHour: tier.lambdaPerHour, ahtMinutes: tier.aht, agents: tier.c, thresholdSeconds: 20 });
      const s = runs.map((r) => r.series[t].total);
      expectCovers(`${tier.name} P(wait)`, s.map((x) => x.delayed / x.offered), ex.probWait);
      expectCovers(`${tier.name} ASA`, s.map((x) => (x.waitAnswered / x.answered) * 60), ex.asaSeconds);
      expectCovers(`${tier.name} service level`, s.map((x) => x.answeredWithinThreshold / x.offered), ex.serviceLevel);
      expectCovers(`${tier.name} occupancy`, runs.map((r) => r.tierBusy[t].total / r.tierStaffed[t].total), ex.occupancy);
      expectCovers(`${tier.name} arrival rate`, s.map((x) => x.offered / (x.windowTime / 60)), tier.lambdaPerHour);
    });
  });
  it("escalation share is the unresolved share", () => {
    expectCovers("transferred / L1 served", runs.map((r) => r.transferred[0] / (r.transferred[0] + r.resolved[0])), 0.3);
    for (const r of runs) expect(r.unresolved[0]).toBe(0);
  });
});

describe("priority classes (Cobham)", () => {
  // M/M/c non-preemptive priority, equal service rates: the mean wait of class k is
  // W_k = C(c, a) / (cμ) / ((1 − σ_{k−1})(1 − σ_k)), σ_k = Σ_{i≤k} λ_i / (cμ)
  // (Cobham 1954; e.g. Gross & Harris, Fundamentals of Queueing Theory, §3.4).
  const c = 6, aht = 5, mu = 1 / aht;
  const lambdas = [0.35, 0.75]; // per minute: a = 5.5, ρ = 0.917
  const cfg: NetworkConfig = {
    horizon: 60 * 800, warmup: 600, intervalLength: 60, threshold: 1 / 3,
    workTypes: ["general"], classes: ["enterprise", "standard"],
    tiers: [{ name: "L1", handleTime: { type: "exponential", mean: aht }, resolve: 1 }],
    pools: [{ name: "agents", tier: 0, agents: c, skills: [0] }],
    streams: lambdas.map((l, k) => ({ name: `class${k}`, arrivals: constant(l), workType: 0, priorityClass: k, tier: 0 })),
  };
  const a = (lambdas[0] + lambdas[1]) / mu;
  const Cw = erlangCProb(c, a);
  const sigma = (k: number) => lambdas.slice(0, k + 1).reduce((s, l) => s + l, 0) / (c * mu);
  const exactW = (k: number) => (Cw / (c * mu)) / ((1 - (k === 0 ? 0 : sigma(k - 1))) * (1 - sigma(k)));
  const runs = replicate(cfg, 12);
  for (const k of [0, 1]) {
    it(`class ${cfg.classes[k]}: mean wait ${exactW(k).toFixed(3)} min`, () => {
      expectCovers(`class ${k} wait`, runs.map((r) => r.series[k].total.waitAll / r.series[k].total.offered), exactW(k));
    });
  }
  it("the higher class waits less", () => {
    const w = (k: number) => runs.reduce((s, r) => s + r.series[k].total.waitAll / r.series[k].total.offered, 0);
    expect(w(0)).toBeLessThan(w(1) / 3);
  });
});

describe("skills and conservation", () => {
  const netArb = fc.record({
    W: fc.integer({ min: 1, max: 3 }),
    agents: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 3 }),
    skillMasks: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 3 }),
    resolve: fc.double({ min: 0, max: 1, noNaN: true }),
    rates: fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }),
    patience: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1000 }),
  });
  it("no contact is served by a pool without the skill; every counted contact ends resolved, unresolved or abandoned", () => {
    fc.assert(
      fc.property(netArb, (g) => {
        const W = g.W;
        // tier 0 has pools 0 and 1, tier 1 has pool 2; make sure every work type is covered at both tiers
        const skills = g.skillMasks.map((m) => [0, 1, 2].filter((w) => w < W && m & (1 << w)));
        const cfg: NetworkConfig = {
          horizon: 600, warmup: 60, intervalLength: 30, threshold: 1 / 3,
          workTypes: Array.from({ length: W }, (_, w) => `w${w}`), classes: ["hi", "lo"],
          tiers: [
            { name: "L1", handleTime: { type: "lognormal", mean: 4, cv: 1 }, resolve: g.resolve, next: 1, patience: g.patience ? { type: "exponential", mean: 3 } : undefined },
            { name: "L2", handleTime: { type: "exponential", mean: 6 }, resolve: 0.5 },
          ],
          pools: [
            { name: "p0", tier: 0, agents: g.agents[0], skills: skills[0].length ? skills[0] : [0] },
            { name: "p1", tier: 0, agents: g.agents[1], skills: skills[1].length ? skills[1] : [0] },
            { name: "p2", tier: 1, agents: g.agents[2], skills: skills[2].length ? skills[2] : [0] },
          ],
          streams: Array.from({ length: W }, (_, w) => ({ name: `s${w}`, arrivals: constant(g.rates[w]), workType: w, priorityClass: w % 2, tier: 0 })),
        };
        const covered = (tier: number) => Array.from({ length: W }, (_, w) => w).every((w) => cfg.pools.some((p) => p.tier === tier && p.skills.includes(w)));
        if (!covered(0) || !covered(1)) {
          expect(() => checkNetwork(cfg)).toThrow(/no pool at tier/);
          return;
        }
        const r = simulateNetwork(cfg, new RandomStreams(g.seed, 0));
        expect(r.leftInSystem).toBe(0);
        cfg.pools.forEach((p, q) => {
          for (let w = 0; w < W; w++) if (!p.skills.includes(w)) expect(r.servedByPoolWork[q * W + w]).toBe(0);
        });
        // conservation at L1: counted offered = abandoned + resolved + transferred (+ unresolved)
        const l1 = r.series[0].total.offered + r.series[1].total.offered;
        const l1Ab = r.series[0].total.abandoned + r.series[1].total.abandoned;
        expect(r.resolved[0] + r.transferred[0] + r.unresolved[0] + l1Ab).toBe(l1);
        // everything transferred arrives at L2
        const l2 = r.series[2].total.offered + r.series[3].total.offered;
        expect(l2).toBe(r.transferred[0]);
        const l2Ab = r.series[2].total.abandoned + r.series[3].total.abandoned;
        expect(r.resolved[1] + r.unresolved[1] + l2Ab).toBe(l2);
      }),
      { numRuns: 80, seed: 7 },
    );
  });

  it("rejects a routing loop and a tier nobody staffs", () => {
    const base: NetworkConfig = {
      horizon: 60, warmup: 0, intervalLength: 30, threshold: 1 / 3, workTypes: ["a"], classes: ["x"],
      tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 1 }, resolve: 0.5, next: 1 }, { name: "L2", handleTime: { type: "exponential", mean: 1 }, resolve: 0.5, next: 0 }],
      pools: [{ name: "p", tier: 0, agents: 1, skills: [0] }, { name: "q", tier: 1, agents: 1, skills: [0] }],
      streams: [{ name: "s", arrivals: constant(1), workType: 0, priorityClass: 0, tier: 0 }],
    };
    expect(() => checkNetwork(base)).toThrow(/routing loop with no exit \(L1 → L2 → L1\)/);
    const unstaffed = { ...base, tiers: [{ ...base.tiers[0] }, { ...base.tiers[1], next: undefined }], pools: [base.pools[0]] };
    expect(() => checkNetwork(unstaffed)).toThrow(/no pool at tier L2 serves work type a/);
  });
});

describe("deferred work and escalation", () => {
  it("escalated tickets and deferred contacts never abandon; warm transfers can", () => {
    const mk = (nextMode: "transfer" | "escalate", deferred: boolean): NetworkConfig => ({
      horizon: 60 * 40, warmup: 60, intervalLength: 60, threshold: 1 / 3,
      workTypes: ["general"], classes: ["standard"],
      tiers: [
        { name: "L1", handleTime: { type: "exponential", mean: 5 }, resolve: 0.5, next: 1, nextMode, patience: { type: "exponential", mean: 1 } },
        // L2 overloaded: a real-time customer waiting there gives up
        { name: "L2", handleTime: { type: "exponential", mean: 10 }, resolve: 1, patience: { type: "exponential", mean: 1 } },
      ],
      pools: [{ name: "L1", tier: 0, agents: 12, skills: [0] }, { name: "L2", tier: 1, agents: 2, skills: [0] }],
      streams: [{ name: "s", arrivals: constant(2), workType: 0, priorityClass: 0, tier: 0, deferred }],
    });
    const transfer = simulateNetwork(mk("transfer", false), new RandomStreams(1, 0));
    expect(transfer.series[1].total.abandoned).toBeGreaterThan(100);
    expect(transfer.transferred[0]).toBeGreaterThan(0);
    expect(transfer.escalated[0]).toBe(0);
    const escalate = simulateNetwork(mk("escalate", false), new RandomStreams(1, 0));
    expect(escalate.series[1].total.abandoned).toBe(0);
    expect(escalate.series[0].total.abandoned).toBeGreaterThan(0);
    expect(escalate.escalated[0]).toBe(escalate.series[1].total.offered);
    const email = simulateNetwork(mk("transfer", true), new RandomStreams(1, 0));
    expect(email.series[0].total.abandoned + email.series[1].total.abandoned).toBe(0);
    expect(email.leftInSystem).toBe(0);
  });
});

describe("chat concurrency", () => {
  it("without stretch, c agents × k chats behave as an M/M/(c·k) queue (Erlang C)", () => {
    const cfg: NetworkConfig = {
      horizon: 60 * 500, warmup: 300, intervalLength: 60, threshold: 1 / 3,
      workTypes: ["chat"], classes: ["standard"],
      tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 10 }, resolve: 1 }],
      pools: [{ name: "chat", tier: 0, agents: 4, skills: [0], concurrency: 3 }],
      streams: [{ name: "chat", arrivals: constant(1.0), workType: 0, priorityClass: 0, tier: 0 }],
    };
    const ex = erlangC({ ratePerHour: 60, ahtMinutes: 10, agents: 12, thresholdSeconds: 20 });
    const runs = replicate(cfg, 10);
    const s = runs.map((r) => r.series[0].total);
    expectCovers("P(wait)", s.map((x) => x.delayed / x.offered), ex.probWait);
    expectCovers("ASA", s.map((x) => (x.waitAnswered / x.answered) * 60), ex.asaSeconds);
    expectCovers("service level", s.map((x) => x.answeredWithinThreshold / x.offered), ex.serviceLevel);
  });

  it("never exceeds k chats per agent, and stretches each handle time by 1 + s·(n − 1)", () => {
    const k = 3, stretchBy = 0.5, base = 10;
    const cfg: NetworkConfig = {
      horizon: 60 * 20, warmup: 0, intervalLength: 60, threshold: 1 / 3,
      workTypes: ["chat"], classes: ["standard"],
      tiers: [{ name: "L1", handleTime: { type: "deterministic", value: base }, resolve: 1 }],
      pools: [{ name: "chat", tier: 0, agents: 2, skills: [0], concurrency: k, stretch: stretchBy }],
      streams: [{ name: "chat", arrivals: constant(0.45), workType: 0, priorityClass: 0, tier: 0 }],
    };
    const visits: { agent: number; start: number; end: number }[] = [];
    simulateNetwork(cfg, new RandomStreams(3, 0), {
      visit(arrival, _t, _w, _p, wait, outcome, _pool, agent, leave) {
        expect(outcome).toBe("resolved");
        visits.push({ agent, start: arrival + wait, end: leave });
      },
    });
    expect(visits.length).toBeGreaterThan(300);
    const seen = new Set<number>();
    for (const v of visits) {
      // contacts this agent held at v's start, v included (ones ending exactly then had left)
      const n = visits.filter((u) => u.agent === v.agent && u.start <= v.start && u.end > v.start).length;
      expect(n).toBeLessThanOrEqual(k);
      expect(v.end - v.start).toBeCloseTo(base * (1 + stretchBy * (n - 1)), 9);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});
