/**
 * The single-queue lane (src/model/simulation/singleQueue.ts) is the general path written for one
 * case: on every configuration it takes, a replication must give the general path's result number
 * for number — every counter, time-weighted statistic (totals and bins), ledger entry, pool
 * figure and event count — and where its run leaves what it models it must hand the replication
 * to the general path (LaneExit) with the same outcome.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadScenario } from "../../src/api/scenario.js";
import { RandomStreams } from "../../src/engine/random.js";
import type { SupportConfig } from "../../src/model/config.js";
import { simulateSupport } from "../../src/model/simulation.js";
import { LaneExit, qualifies, SingleQueueLane } from "../../src/model/simulation/singleQueue.js";
import { networkOf } from "../../src/model/simulation/networkOf.js";
import { PoolStaffing } from "../../src/model/simulation/poolStaffing.js";
import type { Network } from "../../src/model/network/network.js";
import { DAY_MINUTES } from "../../src/time/units.js";
import type { SupportResult } from "../../src/model/simulation/supportResult.js";
import { WeeklyPattern } from "../../src/model/staffing/weeklyPattern.js";
import { applyOperatingModel } from "../../src/model/programs/operatingModel.js";
import { fullFormOf } from "../../src/scenario/simple/desugar.js";
import { ScenarioSchema } from "../../src/scenario/simple/schema.js";
import { scenarioArb } from "../helpers/simpleScenarios.js";

/** Everything a replication's result holds (typed arrays as lists; the network's and the counters' state included). */
function snapshot(r: SupportResult): string {
  const { config: _config, network, ...rest } = r;
  const net = Object.fromEntries(Object.entries(network).filter(([k]) => !["cfg", "cal", "contacts", "observer", "trace", "floor", "route", "lines", "draws", "offers", "shareRng", "holds", "handover"].includes(k)));
  return JSON.stringify({ ...rest, net }, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
}

const run = (cfg: SupportConfig, seed: number, lane: boolean) => snapshot(simulateSupport(cfg, new RandomStreams(seed, 0), null, { lane }));

function takesLane(cfg: SupportConfig): boolean {
  const c = applyOperatingModel(cfg);
  const patterns = c.pools.map((p) => new WeeklyPattern(p.schedule));
  return qualifies(c, patterns, networkOf(c, patterns), false);
}

/** Count the lane's runs, and those that handed the replication to the general path (LaneExit). */
function watchLane() {
  const seen = { runs: 0, exits: 0 };
  const run = SingleQueueLane.prototype.run;
  vi.spyOn(SingleQueueLane.prototype, "run").mockImplementation(function (this: SingleQueueLane, rare) {
    seen.runs++;
    try {
      run.call(this, rare);
    } catch (e) {
      if (e instanceof LaneExit) seen.exits++;
      throw e;
    }
  });
  return { seen };
}

afterEach(() => vi.restoreAllMocks());

describe("the single-queue lane gives the general path's result", () => {
  it("on random simple-form scenarios: every distribution, patience or none, patterns, warm-up (fast-check)", () => {
    const watch = watchLane();
    fc.assert(
      fc.property(scenarioArb, (json) => {
        const cfg = loadScenario(json).config;
        expect(takesLane(cfg)).toBe(true);
        expect(run(cfg, json.seed, true)).toBe(run(cfg, json.seed, false));
      }),
      { numRuns: 40, seed: 20261208 },
    );
    expect(watch.seen).toEqual({ runs: 40, exits: 0 });
  });

  it("on a full-form single queue with a cost per contact, a dissatisfaction weight, two need types and two streams", () => {
    const simple = ScenarioSchema.parse({ name: "two streams", seed: 5, horizon: { hours: 300, warmupHours: 10 }, arrivals: { ratePerHour: 100 }, tiers: [{ name: "L1", agents: 9, handleTime: { dist: "gamma", meanMinutes: 5, cv: 0.8 }, patience: { dist: "exponential", meanMinutes: 3 } }] });
    const full = fullFormOf(simple);
    const json = {
      ...full,
      needTypes: [...full.needTypes, { name: "billing", perCustomerPerMonth: 0, channels: { contacts: 1 } }],
      channels: [{ ...full.channels[0], costPerContact: 2.5, dissatisfactionWeight: 1.7 }],
      tiers: [{ ...full.tiers[0], handleTimes: [{ needType: "billing", handleTime: { dist: "lognormal", meanMinutes: 8, cv: 1.1 } }] }],
      pools: [{ ...full.pools[0], costPerHour: 31 }],
      arrivals: [{ channel: "contacts", needType: "contact", ratePerHour: 60 }, { channel: "contacts", needType: "billing", pattern: { stepMinutes: 60, ratesPerHour: [10, 40, 80, 20], repeat: true } }],
    };
    const cfg = loadScenario(json).config;
    expect(takesLane(cfg)).toBe(true);
    const watch = watchLane();
    const lane = run(cfg, 5, true);
    expect(watch.seen).toEqual({ runs: 1, exits: 0 });
    expect(lane).toBe(run(cfg, 5, false));
    expect(JSON.parse(lane).costs).toBeDefined();
  });

  it.each([
    ["staffing changes with contacts in the system", (net: Network, now: number) => net.setAgents(0, 19, now)],
    ["a handle-time factor moves off 1", (net: Network) => { net.poolHandleFactor[0] = 1.25; }],
    ["resolution falls below 1", (net: Network) => { net.poolResolveFactor[0] = 0.8; }],
  ])("hands a replication to the general path where %s", (_what, disrupt) => {
    // a constant pool's staffing and factors never change in a run (the lane's condition); here the
    // third day's refresh changes one, the same in both runs, with some 20 contacts in the system
    const cfg = loadScenario({ name: "disrupted", seed: 3, horizon: { hours: 120 }, arrivals: { ratePerHour: 200 }, tiers: [{ name: "L1", agents: 20, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 4 } }] }).config;
    expect(takesLane(cfg)).toBe(true);
    const undisturbed = run(cfg, 3, false);
    const refresh = PoolStaffing.prototype.refresh;
    vi.spyOn(PoolStaffing.prototype, "refresh").mockImplementation(function (this: PoolStaffing, now: number) {
      refresh.call(this, now);
      if (now === 2 * DAY_MINUTES) disrupt((this as unknown as { net: Network }).net, now);
    });
    const watch = watchLane();
    const lane = run(cfg, 3, true);
    expect(watch.seen).toEqual({ runs: 1, exits: 1 });
    const general = run(cfg, 3, false);
    expect(lane).toBe(general);
    expect(general).not.toBe(undisturbed); // the change is in the result
  });

  it("is not taken by what it does not model (two tiers, a deferred channel, a schedule, shrinkage, a trace)", () => {
    const base = fullFormOf(ScenarioSchema.parse({ name: "q", horizon: { hours: 10 }, arrivals: { ratePerHour: 60 }, tiers: [{ name: "L1", agents: 5, handleTime: { dist: "exponential", meanMinutes: 4 } }] }));
    expect(takesLane(loadScenario(base).config)).toBe(true);
    const variants = [
      { ...base, channels: [{ ...base.channels[0], kind: "deferred" }] },
      { ...base, pools: [{ ...base.pools[0], shrinkage: 0.3 }] },
      { ...base, pools: [{ ...base.pools[0], hours: [{ days: "Mon-Fri", open: "08:00", close: "17:00" }] }] },
      { ...base, tiers: [{ ...base.tiers[0], resolve: 0.8 }] },
    ];
    for (const v of variants) expect(takesLane(loadScenario(v).config)).toBe(false);
    const cfg = loadScenario(base).config;
    const patterns = cfg.pools.map((p) => new WeeklyPattern(p.schedule));
    expect(qualifies(cfg, patterns, networkOf(cfg, patterns), true)).toBe(false);
  });
});
