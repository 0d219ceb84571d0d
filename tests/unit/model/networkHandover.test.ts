/**
 * Deferred work handed back at a shift's end (network/handover.ts, docs/model.md §14.2): an agent
 * sent off shift finishes its real-time contacts in overtime but hands its e-mail and tickets back
 * to the front of their line, with the work left on them, for the next free agent to resume.
 *
 * - hand-computed timelines: the e-mail's work is split over two shifts and only the call makes
 *   overtime; a free agent of another pool takes the handed-back work at once; the work left is
 *   counted in drawn minutes, so a pool with another handle-time factor resumes it at its own pace;
 * - conservation on random traffic with shifts that come and go: every e-mail gets exactly its
 *   drawn work, summed over its spells, and none of it is overtime;
 * - without `handOverDeferred` the network is as before (the e-mail finishes in overtime).
 */
import { describe, expect, it } from "vitest";
import type { NetworkConfig, NetworkPool, NetworkTraceSink } from "../../../src/model/network/networkConfig.js";
import { driveNetwork } from "../../helpers/driveNetwork.js";

const sixty = { type: "deterministic", value: 60 } as const;
const oneTier = (pools: NetworkPool[], handOverDeferred = true, handleTime: NetworkConfig["tiers"][0]["handleTime"] = sixty): NetworkConfig => ({
  horizon: 1000, warmup: 0, intervalLength: 30, threshold: 1 / 3,
  workTypes: ["phone", "email"], classes: ["standard"],
  tiers: [{ name: "L1", handleTime, resolve: 1 }],
  pools, streams: [], handOverDeferred,
});
const pool = (name: string, agents: number, extra: Partial<NetworkPool> = {}): NetworkPool => ({ name, tier: 0, agents, skills: [0, 1], ...extra });

describe("a shift's end hands deferred work back", () => {
  // an e-mail and a call at 0 (60 minutes each), two agents; at 30 the shift ends, at 100 it begins again
  const arrivals = [{ t: 0, w: 1, deferred: true }, { t: 0, w: 0 }];
  const shifts = [{ t: 30, q: 0, n: 0 }, { t: 100, q: 0, n: 2 }];

  it("the call is finished in overtime; the e-mail waits with 30 minutes left and is resumed when the shift begins again", () => {
    const { recs, net } = driveNetwork(oneTier([pool("L1", 2)]), arrivals, shifts);
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 130], [0, 60]]); // answered at 0 (once), finished at 100 + 30
    expect(net.poolOvertime[0]).toBe(30); // the call's 30 minutes after 30, not the e-mail's
    expect(net.poolHandleTime[0]).toBe(120); // 60 + 30 + 30: the work, not the time the e-mail waited
    expect(net.servedByPool[0]).toBe(2); // answered once each
  });

  it("without handOverDeferred the e-mail is finished in overtime too (the network as before)", () => {
    const { recs, net } = driveNetwork(oneTier([pool("L1", 2)], false), arrivals, shifts);
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 60], [0, 60]]);
    expect(net.poolOvertime[0]).toBe(60);
  });

  it("a free agent of another pool takes the handed-back e-mail at once, at its own pace: the work left is in drawn minutes", () => {
    // pool A's agent works at half speed (handle-time factor 2): 60 drawn minutes take 120; at 40 it has
    // done 20 drawn minutes and goes off shift; pool B (factor 1, idle) resumes the 40 left at once
    const pools = [pool("A", 1, { skills: [1], handleTimeFactor: 2 }), pool("B", 1, { skills: [1] })];
    const { recs, net } = driveNetwork(oneTier(pools), [{ t: 0, w: 1, deferred: true }], [{ t: 0, q: 1, n: 0 }, { t: 10, q: 1, n: 1 }, { t: 40, q: 0, n: 0 }]);
    expect(recs[0].start).toBe(0);
    expect(recs[0].pool).toBe(0); // answered by A
    expect(recs[0].end).toBe(80); // B: 40 + 40
    expect([net.poolHandleTime[0], net.poolHandleTime[1]]).toEqual([40, 40]);
    expect(net.poolOvertime[0]).toBe(0);
  });

  it("handed-back work goes first in its line, before e-mail that came later", () => {
    // one agent: e-mail 1 at 0 is handed back at 30; e-mail 2 came at 10; the agent's return at 50 resumes e-mail 1 first
    const { recs } = driveNetwork(oneTier([pool("L1", 1)]), [{ t: 0, w: 1, deferred: true }, { t: 10, w: 1, deferred: true }], [{ t: 30, q: 0, n: 0 }, { t: 50, q: 0, n: 1 }]);
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 80], [80, 140]]);
  });
});

describe("conservation on random traffic with shifts that come and go", () => {
  it("every e-mail gets its drawn work, summed over its spells; the pool's overtime is only the calls'", () => {
    // exponential work (mean 25), a call or an e-mail every 8 minutes, a pool of 3 whose agents go on and off every 20 to 45 minutes
    const spells = new Map<number, number>();
    let handedBack = 0;
    const arrivals = Array.from({ length: 400 }, (_, i) => ({ t: i * 8, w: i % 5 === 0 ? 0 : 1, deferred: i % 5 !== 0 }));
    const shifts: { t: number; q: number; n: number }[] = [];
    for (let t = 20, k = 0; t < 3200; t += 20 + ((k * 37) % 26), k++) shifts.push({ t, q: 0, n: [3, 1, 2, 0, 3, 2][k % 6] });
    shifts.push({ t: 3200, q: 0, n: 3 }); // then on shift until all is done
    const cfg = oneTier([pool("L1", 3)], true, { type: "exponential", mean: 25 });
    cfg.horizon = 5000;
    const trace: NetworkTraceSink = {
      visit(arrival, _tier, workType, _class, _wait, _outcome, pool, _agent, leave, _joined, _realtime, workStart) {
        if (workType === 1 && pool >= 0) spells.set(arrival, (spells.get(arrival) ?? 0) + (leave - workStart));
      },
      handedBack(_pool, start, end) {
        handedBack++;
        pending.push(end - start);
      },
    };
    // a handed-back spell belongs to the e-mail the agent held; the trace does not name it, so sum all
    const pending: number[] = [];
    const run = driveNetwork(cfg, arrivals, shifts, 3, undefined, trace);
    expect(handedBack).toBeGreaterThan(20); // the case is exercised
    const worked = [...spells.values()].reduce((a, b) => a + b, 0) + pending.reduce((a, b) => a + b, 0);
    // the e-mails' drawn work: every e-mail answered and finished (the run ends with the calendar empty)
    const emails = run.recs.filter((r, i) => arrivals[i].deferred);
    expect(emails.every((r) => r.end >= r.start)).toBe(true);
    expect(worked).toBeCloseTo(run.drawnWork(1), 6);
    // no overtime beyond the calls': each call ends within one call's work after its agent left
    expect(run.net.poolOvertime[0]).toBeLessThanOrEqual(run.drawnWork(0));
  });
});
