/**
 * Staffing changes in the contact network (Network.setAgents, src/model/network.ts):
 *
 * - an agent sent off shift finishes the contact in hand and takes no new one; it counts as
 *   staffed until it finishes (tierStaffed), and agents coming back take waiting work at once;
 * - staffed time equals the agent-minutes worked out by hand, including the overrun of a busy
 *   agent sent home, for a single-contact pool and for a chat pool (2 chats in hand);
 * - an M/M/c pool switched from c agents to 0 at T0 and back to c at T1: nobody starts
 *   service in between, the contacts in service at T0 finish, and at T1 the waiting
 *   contacts are taken in FIFO order; the staffed time is c·T0 + the overruns + c·(H − T1);
 * - setAgents outside 0..agents throws a RangeError.
 */
import { describe, expect, it } from "vitest";
import { EventCalendar } from "../../../src/engine/calendar.js";
import { RandomStreams } from "../../../src/engine/random.js";
import { ContactStore } from "../../../src/model/network/contacts.js";
import { Network } from "../../../src/model/network/network.js";
import type { NetworkConfig, NetworkObserver } from "../../../src/model/network/networkConfig.js";

import { driveNetwork, type Arrival } from "../../helpers/driveNetwork.js";

const oneTier = (agents: number, handle: NetworkConfig["tiers"][number]["handleTime"], horizon = 100, extra: Partial<NetworkConfig["pools"][number]> = {}): NetworkConfig => ({
  horizon, warmup: 0, intervalLength: 10, threshold: 1 / 3,
  workTypes: ["general"], classes: ["standard"],
  tiers: [{ name: "L1", handleTime: handle, resolve: 1 }],
  pools: [{ name: "L1", tier: 0, agents, skills: [0], ...extra }],
  streams: [],
});
const at = (t: number): Arrival => ({ t, w: 0, deferred: true });

describe("setAgents: agents going off shift", () => {
  it("finish the contact in hand, take no new one, and are staffed until they finish", () => {
    // 2 agents, handle 10. A (t=0) → agent 0, B (t=0.5) → agent 1; C (t=1) and D (t=2) wait.
    // At t=5 one agent (agent 1, the highest index) goes off shift while busy with B.
    // At t=10 A and B end: agent 0 takes C (10–20) then D (20–30); agent 1 goes home.
    // At t=50 it comes back; E (t=60) and F (t=60.5) are served at once by the two agents.
    const { recs, net, leftInSystem } = driveNetwork(
      oneTier(2, { type: "deterministic", value: 10 }),
      [at(0), at(0.5), at(1), at(2), at(60), at(60.5)],
      [{ t: 5, q: 0, n: 1 }, { t: 50, q: 0, n: 2 }],
    );
    expect(leftInSystem).toBe(0);
    const [A, B, C, D, E, F] = recs;
    expect([A.agent, A.start, A.end]).toEqual([0, 0, 10]);
    expect([B.agent, B.start, B.end]).toEqual([1, 0.5, 10.5]); // finishes after going off shift
    expect([C.agent, C.start, C.end]).toEqual([0, 10, 20]);
    expect([D.agent, D.start]).toEqual([0, 20]); // not agent 1, which was free at 10.5 but off shift
    expect([E.start, F.start]).toEqual([60, 60.5]);
    expect(new Set([E.agent, F.agent])).toEqual(new Set([0, 1]));
    // staffed: 2 agents on [0, 10.5) (agent 1 overruns its t=5 end of shift by 5.5), 1 on [10.5, 50), 2 on [50, 100)
    expect(net.tierStaffed[0].total).toBeCloseTo(2 * 10.5 + 1 * 39.5 + 2 * 50, 9);
    // busy: A 10 + B 10 + C 10 + D 10 + E 10 + F 10
    expect(net.tierBusy[0].total).toBeCloseTo(60, 9);
  });

  it("an idle agent sent off shift leaves at once; one coming back takes the waiting contact at once", () => {
    // 2 agents; A (t=1) → agent 0 (1–11). At t=5 the idle agent 1 leaves; at t=20 agent 0 leaves too (idle).
    // B (t=30) waits for the pool; at t=40 one agent comes on and takes B at once (40–50).
    const { recs, net, onShiftLog } = driveNetwork(
      oneTier(2, { type: "deterministic", value: 10 }),
      [at(1), at(30)],
      [{ t: 5, q: 0, n: 1 }, { t: 20, q: 0, n: 0 }, { t: 40, q: 0, n: 1 }],
    );
    expect(onShiftLog).toEqual([{ t: 5, n: 1 }, { t: 20, n: 0 }, { t: 40, n: 1 }]);
    expect([recs[0].start, recs[0].end, recs[1].start, recs[1].end]).toEqual([1, 11, 40, 50]);
    // staffed: 2 on [0, 5), 1 on [5, 20), 0 on [20, 40), 1 on [40, 100)
    expect(net.tierStaffed[0].total).toBeCloseTo(2 * 5 + 15 + 60, 9);
  });

  it("a chat agent sent off shift with two chats in hand is staffed until the last one ends", () => {
    // 1 agent, 2 chats at once, no stretch, handle 10: X (t=0) 0–10, Y (t=2) 2–12.
    // Off shift at t=5: Z (t=6) waits; when X ends at 10 the agent has a free slot but,
    // off shift, takes nothing. Back on at t=20: Z is served 20–30.
    const { recs, net } = driveNetwork(
      oneTier(1, { type: "deterministic", value: 10 }, 100, { concurrency: 2, stretch: 0 }),
      [{ t: 0, w: 0, deferred: false }, { t: 2, w: 0, deferred: false }, { t: 6, w: 0, deferred: false }],
      [{ t: 5, q: 0, n: 0 }, { t: 20, q: 0, n: 1 }],
    );
    expect(recs.map((r) => [r.start, r.end])).toEqual([[0, 10], [2, 12], [20, 30]]);
    // staffed: [0, 12) and [20, 100)
    expect(net.tierStaffed[0].total).toBeCloseTo(12 + 80, 9);
    // busy (holding at least one chat): [0, 12) and [20, 30)
    expect(net.tierBusy[0].total).toBeCloseTo(12 + 10, 9);
  });

  it("rejects agent counts outside 0..agents", () => {
    const cal = new EventCalendar(16), store = new ContactStore(16);
    const noop: NetworkObserver = { entered() {}, answered() {}, moved() {}, left() {} };
    const net = new Network(oneTier(3, { type: "deterministic", value: 1 }), cal, store, new RandomStreams(1, 0), noop);
    expect(() => net.setAgents(0, 4, 0)).toThrow(RangeError);
    expect(() => net.setAgents(0, 4, 0)).toThrow(/expected 0\.\.3 agents on shift, got 4/);
    expect(() => net.setAgents(0, -1, 0)).toThrow(RangeError);
    expect(() => net.setAgents(0, 1.5, 0)).toThrow(RangeError);
    expect(() => net.setAgents(0, Number.NaN, 0)).toThrow(RangeError);
    expect(net.agentsOnShift(0)).toBe(3);
    net.setAgents(0, 3, 0); // the full pool is allowed
    net.setAgents(0, 0, 0);
    expect(net.agentsOnShift(0)).toBe(0);
  });
});

describe("an M/M/c pool switched off at T0 and back on at T1", () => {
  // c = 4, λ = 0.6/min, exponential handle mean 5 (ρ = 0.75); arrivals on [0, 600), the pool
  // is off on [T0, T1) = [200, 320). No patience: every contact is served in the end.
  const c = 4, lambda = 0.6, T0 = 200, T1 = 320, H = 600;
  const cfg = oneTier(c, { type: "exponential", mean: 5 }, H);
  cfg.intervalLength = 60;
  const rng = new RandomStreams(2024, 0).stream("test:arrivals");
  const arrivals: Arrival[] = [];
  for (let t = -Math.log(1 - rng()) / lambda; t < H; t += -Math.log(1 - rng()) / lambda) arrivals.push({ t, w: 0, deferred: false });
  const { recs, net, leftInSystem } = driveNetwork(cfg, arrivals, [{ t: T0, q: 0, n: 0 }, { t: T1, q: 0, n: c }], 3);

  it("serves everyone, and nobody starts service while the pool is off", () => {
    expect(leftInSystem).toBe(0);
    expect(recs.every((r) => r.outcome === "resolved")).toBe(true);
    expect(recs.filter((r) => r.start > T0 && r.start < T1)).toEqual([]);
  });

  it("the contacts in service at T0 finish; the backlog is taken at T1 in FIFO order", () => {
    const inService = recs.filter((r) => r.start <= T0 && r.end > T0);
    expect(inService.length).toBeGreaterThan(0);
    const backlog = recs.filter((r) => r.arrival < T1 && r.start >= T1);
    expect(backlog.length).toBeGreaterThan(2 * c); // a real backlog (about λ·(T1 − T0) = 72)
    // every contact that arrived while the pool was off waited for T1
    for (const r of recs) if (r.arrival >= T0 && r.arrival < T1) expect(r.start).toBeGreaterThanOrEqual(T1);
    // exactly c of them start at T1: the c that arrived first
    const atT1 = recs.filter((r) => r.start === T1);
    expect(atT1).toEqual(backlog.slice(0, c));
    // single class, single line: service starts in order of arrival over the whole run
    const byArrival = [...recs].sort((a, b) => a.arrival - b.arrival);
    for (let k = 1; k < byArrival.length; k++) expect(byArrival[k].start).toBeGreaterThanOrEqual(byArrival[k - 1].start);
    // the rest of the backlog is worked off back to back: each starts when another contact ends
    const ends = new Set(recs.map((r) => r.end));
    for (const r of backlog.slice(c)) expect(ends.has(r.start)).toBe(true);
  });

  it("staffed time is c·T0 + the overruns of the agents busy at T0 + c·(H − T1)", () => {
    const overruns = recs.filter((r) => r.start <= T0 && r.end > T0).reduce((s, r) => s + (r.end - T0), 0);
    expect(recs.filter((r) => r.start <= T0 && r.end > T1)).toEqual([]); // nobody still busy at T1
    expect(net.tierStaffed[0].total).toBeCloseTo(c * T0 + overruns + c * (H - T1), 6);
    // busy time is the total handle time (clipped to the horizon)
    const busy = recs.reduce((s, r) => s + Math.max(0, Math.min(r.end, H) - Math.min(r.start, H)), 0);
    expect(net.tierBusy[0].total).toBeCloseTo(busy, 6);
  });
});
