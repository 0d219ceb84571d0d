/**
 * A tiny event loop around the Network class for hand-computable tests: given arrivals
 * (all counted: warm-up 0) and agent changes, record each contact's start, end, outcome,
 * agent and whether it took a callback, plus the agents on shift after each change.
 */
import { EventCalendar } from "../../src/engine/calendar.js";
import { RandomStreams } from "../../src/engine/random.js";
import { ContactStore } from "../../src/model/network/contacts.js";
import { Network } from "../../src/model/network/network.js";
import type { NetworkConfig, NetworkObserver, NetworkTraceSink } from "../../src/model/network/networkConfig.js";
import { NETWORK_KINDS } from "../../src/model/network/networkEvents.js";

export interface Arrival { t: number; w?: number; p?: number; deferred?: boolean; tier?: number }
export interface Visit { arrival: number; start: number; end: number; outcome: string; agent: number; pool: number; callback: boolean }
/** Something done to the network at time t (agents on or off shift, a factor changed). */
export interface NetworkAction { t: number; run: (net: Network, now: number) => void }

/**
 * Run `arrivals` through the network, with `before` actions (run before arrivals at the same
 * time) and `after` actions (after them). Records each contact's last start, end, outcome,
 * agent and pool, and whether it took a callback.
 */
export function runNetwork(cfg: NetworkConfig, arrivals: Arrival[], actions: { before?: NetworkAction[]; after?: NetworkAction[] }, seed = 1, atStart?: (net: Network) => void, trace: NetworkTraceSink | null = null) {
  const cal = new EventCalendar(256), store = new ContactStore(256);
  const recs: Visit[] = arrivals.map((a) => ({ arrival: a.t, start: NaN, end: NaN, outcome: "", agent: -1, pool: -1, callback: false }));
  const who = new Map<number, number>();
  const observer: NetworkObserver = {
    entered() {},
    answered(id, _tier, _wait, now) {
      const rec = recs[who.get(id) as number];
      rec.start = now;
      rec.agent = store.agent[id];
      rec.pool = store.pool[id];
    },
    moved() {},
    left(id, _tier, outcome, _wait, now) {
      const rec = recs[who.get(id) as number];
      rec.outcome = outcome;
      rec.end = now;
      who.delete(id);
      store.release(id);
    },
  };
  const net = new Network(cfg, cal, store, new RandomStreams(seed, 0), observer, 0, trace);
  const drawn = new Float64Array(arrivals.length); // each arrival's handle time drawn as it entered its first tier
  atStart?.(net);
  const ARRIVAL = NETWORK_KINDS, BEFORE = NETWORK_KINDS + 1, AFTER = NETWORK_KINDS + 2;
  const before = actions.before ?? [], after = actions.after ?? [];
  before.forEach((a, k) => cal.schedule(a.t, BEFORE, k)); // the calendar breaks ties first in, first out
  arrivals.forEach((a, i) => cal.schedule(a.t, ARRIVAL, i));
  after.forEach((a, k) => cal.schedule(a.t, AFTER, k));
  for (let kind = cal.next(); kind >= 0; kind = cal.next()) {
    const now = cal.now;
    if (kind === ARRIVAL) {
      const i = cal.data, a = arrivals[i];
      const id = store.allocate();
      store.arrival[id] = now;
      store.workType[id] = a.w ?? 0;
      store.priorityClass[id] = a.p ?? 0;
      store.deferred[id] = a.deferred ? 1 : 0;
      store.callback[id] = 0;
      store.interval[id] = Math.floor(now / cfg.intervalLength);
      who.set(id, i);
      net.enter(id, a.tier ?? 0, now);
      drawn[i] = store.handle[id];
      if (!a.deferred && who.has(id) && store.deferred[id] === 1) recs[i].callback = true;
    } else if (kind === BEFORE) {
      before[cal.data].run(net, now);
    } else if (kind === AFTER) {
      after[cal.data].run(net, now);
    } else {
      net.handleEvent(kind, cal.data, now);
    }
  }
  net.finish();
  /** Σ of the handle times drawn for the arrivals of work type w (as they entered: before any hand-back). */
  const drawnWork = (w: number) => arrivals.reduce((s, a, i) => ((a.w ?? 0) === w ? s + drawn[i] : s), 0);
  return { recs, net, leftInSystem: store.inSystem, events: cal.fired, drawnWork };
}

/** Arrivals and agent changes (after arrivals at the same time), with the agents on shift after each change. `atStart` runs before the first event (t = 0). */
export function driveNetwork(cfg: NetworkConfig, arrivals: Arrival[], shifts: { t: number; q: number; n: number }[], seed = 1, atStart?: (net: Network) => void, trace: NetworkTraceSink | null = null) {
  const onShiftLog: { t: number; n: number }[] = [];
  const after = shifts.map((s) => ({ t: s.t, run: (net: Network, now: number) => { net.setAgents(s.q, s.n, now); onShiftLog.push({ t: now, n: net.agentsOnShift(s.q) }); } }));
  return { ...runNetwork(cfg, arrivals, { after }, seed, atStart, trace), onShiftLog };
}
