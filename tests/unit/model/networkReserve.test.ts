/**
 * The reserve for live work in the contact network (agentFloor.ts `mayDefer`, docs/model.md §8.1):
 * a pool with `reserveForLive` R starts deferred work only while at least min(R, agents on
 * shift − 1) of its agents stay idle; real-time work still takes every agent.
 *
 * - a hand-computed timeline (four agents, R = 2, e-mail at the opening, then calls);
 * - on random traffic, no deferred contact ever starts leaving fewer than R agents idle, and a
 *   shift that shrinks the reserve (fewer agents on shift) lets the idle agents start the backlog;
 * - the consequence with common random numbers: raising R never lowers the calls' service level
 *   and never shortens e-mail's mean response, and R = 2 clearly raises the service level over R = 0;
 * - R = 0 is the network as before (tests/unit/model/networkVendor.test.ts pins those numbers).
 */
import { describe, expect, it } from "vitest";
import { RandomStreams } from "../../../src/engine/random.js";
import { simulateNetwork } from "../../../src/model/network/simulateNetwork.js";
import type { NetworkConfig, NetworkPool } from "../../../src/model/network/networkConfig.js";
import { driveNetwork } from "../../helpers/driveNetwork.js";

const ten = { type: "deterministic", value: 10 } as const;
const oneTier = (pools: NetworkPool[], horizon = 100, extra: Partial<NetworkConfig> = {}): NetworkConfig => ({
  horizon, warmup: 0, intervalLength: 30, threshold: 1 / 3,
  workTypes: ["phone", "email"], classes: ["standard"],
  tiers: [{ name: "L1", handleTime: ten, resolve: 1 }],
  pools, streams: [], ...extra,
});
const blend = (agents: number, reserveForLive: number): NetworkPool => ({ name: "blend", tier: 0, agents, skills: [0, 1], reserveForLive });

describe("a blended pool keeps R agents idle for live work", () => {
  // five e-mails at the opening, then three calls; 10-minute contacts, four agents
  const arrivals = [
    ...Array.from({ length: 5 }, () => ({ t: 0, w: 1, deferred: true })),
    { t: 1, w: 0 }, { t: 2, w: 0 }, { t: 3, w: 0 },
  ];
  it("R = 2: two agents open on e-mail, the calls take the two kept idle, and e-mail resumes only while two stay idle", () => {
    const { recs } = driveNetwork(oneTier([blend(4, 2)]), arrivals, []);
    // agents A, B take e-mail at 0 (4 → 2 idle); calls at 1 and 2 take C and D; the call at 3
    // waits for A (t 10); B frees at 10 with none idle and stays idle, C at 11 with one idle
    // (B) stays idle, D at 12 with two idle takes e-mail 3; A at 20 and D at 22 take the rest
    expect(recs.map((r) => r.start)).toEqual([0, 0, 12, 20, 22, 1, 2, 10]);
    expect(recs.slice(5).map((r) => r.agent)).toEqual([2, 3, 0]);
  });
  it("R = 0: every agent opens on e-mail and the first call waits for one to finish (the network as before)", () => {
    const { recs } = driveNetwork(oneTier([blend(4, 0)]), arrivals, []);
    expect(recs.map((r) => r.start)).toEqual([0, 0, 0, 0, 10, 10, 10, 10]);
  });
  it("live work takes every agent, reserved ones included", () => {
    const calls = Array.from({ length: 4 }, (_, i) => ({ t: i * 0.5, w: 0 }));
    const { recs } = driveNetwork(oneTier([blend(4, 3)]), calls, []);
    expect(recs.map((r) => r.start)).toEqual([0, 0.5, 1, 1.5]);
  });
  it("one agent on shift works the backlog alone (it keeps min(R, on shift − 1) = 0 idle)", () => {
    const emails = [{ t: 0, w: 1, deferred: true }, { t: 0, w: 1, deferred: true }];
    const { recs } = driveNetwork(oneTier([blend(3, 2)]), emails, [], 1, (net) => net.setAgents(0, 1, 0));
    expect(recs.map((r) => r.start)).toEqual([0, 10]);
  });
  it("a busy agent going off shift shrinks the reserve: the idle ones left start the waiting backlog at once", () => {
    // 3 agents, R = 2: calls at 0, 0.5 and 1 take all three, an e-mail waits; the first two
    // agents free at 10 and 10.5 and stay idle (keep 2); at 10.8 the third goes off shift (it
    // finishes its call at 11): 2 on shift keep 1, so one of the two idle takes the e-mail then
    const arrivals = [{ t: 0, w: 0 }, { t: 0.5, w: 0 }, { t: 1, w: 0 }, { t: 2, w: 1, deferred: true }];
    const { recs } = driveNetwork(oneTier([blend(3, 2)]), arrivals, [{ t: 10.8, q: 0, n: 2 }]);
    expect(recs.map((r) => r.start)).toEqual([0, 0.5, 1, 10.8]);
  });
  it("an e-mail entering a tier goes to a pool whose reserve allows it, not to a blocked one", () => {
    const pools = [blend(2, 1), { name: "email", tier: 0, agents: 1, skills: [1] }];
    // the blended pool (2 agents, keep 1) takes the first; the second goes to the e-mail pool; the third waits
    const { recs } = driveNetwork(oneTier(pools), Array.from({ length: 3 }, () => ({ t: 0, w: 1, deferred: true })), []);
    expect(recs.map((r) => [r.start, r.pool])).toEqual([[0, 0], [0, 1], [10, 0]]);
  });
});

/** Calls (exponential 6 min) and e-mail (exponential 8 min) through one blended pool of `agents`, from the streams of `seed`. */
function blended(reserve: number, agents = 8, days = 3): NetworkConfig {
  return {
    horizon: days * 1440, warmup: 60, intervalLength: 30, threshold: 1 / 3,
    workTypes: ["phone", "email"], classes: ["standard"],
    tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 6 }, handleTimeByWork: [undefined, { type: "exponential", mean: 8 }], patience: { type: "exponential", mean: 3 }, resolve: 1 }],
    pools: [blend(agents, reserve)],
    streams: [
      { name: "phone", arrivals: { starts: [0], ratesPerMinute: [0.85] }, workType: 0, priorityClass: 0, tier: 0 },
      { name: "email", arrivals: { starts: [0], ratesPerMinute: [0.25] }, workType: 1, priorityClass: 0, tier: 0, deferred: true },
    ],
  };
}

interface Visit { start: number; end: number; agent: number; realtime: boolean; served: boolean; wait: number; joined: number }
function visits(cfg: NetworkConfig, seed: number): Visit[] {
  const out: Visit[] = [];
  simulateNetwork(cfg, new RandomStreams(seed, 0), {
    visit(_arrival, _tier, _w, _p, wait, outcome, _pool, agent, leave, joined, realtime) {
      out.push({ start: joined + wait, end: leave, agent, realtime, served: outcome !== "abandoned", wait, joined });
    },
  });
  return out;
}

describe("random traffic", () => {
  it("no e-mail starts leaving fewer than R agents idle, and calls still find every agent", () => {
    const R = 2, N = 8;
    const vs = visits(blended(R, N, 1), 3).filter((v) => v.served);
    const busyJustAfter = (t: number) => vs.filter((v) => v.start <= t && v.end > t).length;
    let deferredStarts = 0, callsOnFullFloor = 0;
    for (const v of vs) {
      const idleAfter = N - busyJustAfter(v.start);
      if (!v.realtime) {
        deferredStarts++;
        expect(idleAfter, `e-mail started at ${v.start}`).toBeGreaterThanOrEqual(R);
      } else if (idleAfter === 0) callsOnFullFloor++;
    }
    expect(deferredStarts).toBeGreaterThan(200);
    expect(callsOnFullFloor).toBeGreaterThan(10); // calls take the reserved agents too
  });

  it("raising R never lowers the calls' service level nor shortens e-mail's mean response (common random numbers)", () => {
    const seeds = [1, 2, 3];
    const rows = [0, 1, 2, 3].map((R) => {
      let calls = 0, within = 0, emails = 0, response = 0;
      for (const seed of seeds) for (const v of visits(blended(R), seed)) {
        if (v.joined < 60) continue;
        if (v.realtime) { calls++; if (v.served && v.wait <= 1 / 3) within++; }
        else if (v.served) { emails++; response += v.wait; }
      }
      return { R, sl: within / calls, response: response / emails };
    });
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k].sl, `service level R=${rows[k].R} vs R=${rows[k - 1].R}: ${JSON.stringify(rows)}`).toBeGreaterThanOrEqual(rows[k - 1].sl);
      expect(rows[k].response, `e-mail response R=${rows[k].R} vs R=${rows[k - 1].R}: ${JSON.stringify(rows)}`).toBeGreaterThanOrEqual(rows[k - 1].response);
    }
    expect(rows[2].sl - rows[0].sl, JSON.stringify(rows)).toBeGreaterThan(0.05);
  });
});
