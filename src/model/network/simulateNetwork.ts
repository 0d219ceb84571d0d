/**
 * A contact network run alone (no customers, no needs), fed by the Poisson streams of its
 * configuration: how the network is validated against exact queueing results.
 */
import { EventCalendar } from "../../engine/calendar.js";
import { PiecewisePoissonArrivals } from "../../engine/arrivals.js";
import type { RandomStreams } from "../../engine/random.js";
import { ContactStore } from "./contacts.js";
import { checkNetwork } from "./checkNetwork.js";
import { Network } from "./network.js";
import { NETWORK_KINDS } from "./networkEvents.js";
import type { NetworkConfig, NetworkObserver, NetworkResult, NetworkTraceSink } from "./networkConfig.js";

/** Run the network alone, fed by its Poisson `streams`; every contact is released as it leaves. */
export function simulateNetwork(cfg: NetworkConfig, streams: RandomStreams, trace: NetworkTraceSink | null = null): NetworkResult {
  checkNetwork(cfg);
  const { horizon, warmup, intervalLength } = cfg;
  const invLen = 1 / intervalLength;
  const totalAgents = cfg.pools.reduce((s, p) => s + p.agents, 0);
  const cal = new EventCalendar(Math.max(1024, totalAgents * 4));
  const contacts = new ContactStore(Math.max(1024, totalAgents * 4));
  const release: NetworkObserver = {
    entered() {},
    answered() {},
    heldToLimit() {},
    moved() {},
    left(id) { contacts.release(id); },
  };
  const net = new Network(cfg, cal, contacts, streams, release, 0, trace);
  const ARRIVAL0 = NETWORK_KINDS;
  const sources = cfg.streams.map((s) => new PiecewisePoissonArrivals(s.arrivals.starts, s.arrivals.ratesPerMinute, streams.stream(`arrivals:${s.name}`), s.arrivals.cycle));
  sources.forEach((src, s) => {
    const first = src.next(0);
    if (first < horizon) cal.post(first, ARRIVAL0 + s, 0);
  });
  let nArrivals = 0;
  for (let kind = cal.next(); kind >= 0; kind = cal.next()) {
    const now = cal.now;
    if (kind >= ARRIVAL0) {
      const s = kind - ARRIVAL0;
      const st = cfg.streams[s];
      nArrivals++;
      const id = contacts.allocate();
      contacts.arrival[id] = now;
      contacts.workType[id] = st.workType;
      contacts.priorityClass[id] = st.priorityClass;
      contacts.deferred[id] = st.deferred ? 1 : 0;
      contacts.callback[id] = 0;
      contacts.interval[id] = now >= warmup ? Math.floor(now * invLen) : -1;
      net.enter(id, st.tier, now);
      const nx = sources[s].next(now);
      if (nx < horizon) cal.post(nx, kind, 0);
    } else {
      net.handleEvent(kind, cal.data, now);
    }
  }
  net.finish();
  return {
    series: net.series, tierBusy: net.tierBusy, tierStaffed: net.tierStaffed,
    resolved: net.resolved, transferred: net.transferred, escalated: net.escalated, unresolved: net.unresolved,
    callbacks: net.callbacks, servedByPool: net.servedByPool, servedByPoolWork: net.servedByPoolWork,
    poolBusy: net.poolBusy, poolStaffed: net.poolStaffed, poolHandleTime: net.poolHandleTime,
    events: cal.fired, arrivals: nArrivals, leftInSystem: contacts.inSystem,
  };
}
