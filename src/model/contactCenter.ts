/**
 * The contact centre as a discrete-event simulation: contacts arrive, wait in a FIFO
 * line for the longest-idle agent of their tier, may abandon when their patience runs
 * out, are handled, and leave.
 *
 * This is the single-queue model (one tier, one pool of c agents: M/M/c, M/M/c+M and
 * their general-distribution variants). The support-demand model builds on the same
 * pieces (contacts, waiting line, agent pool, counters).
 *
 * Time unit: minutes.
 */
import { EventCalendar } from "../engine/calendar.js";
import { makeDistribution, type Distribution, type DistributionSpec } from "../engine/distributions.js";
import { PiecewisePoissonArrivals } from "../engine/arrivals.js";
import type { RandomStreams } from "../engine/random.js";
import { AgentPool } from "./agentPool.js";
import { ContactState, ContactStore } from "./network/contacts.js";
import { TierCounters } from "./network/counters.js";
import { WaitingLine } from "./waitingLine.js";

export interface TierConfig {
  name: string;
  agents: number;
  handleTime: DistributionSpec;
  /** Customer patience; undefined: customers wait forever. */
  patience?: DistributionSpec;
}

export interface ArrivalConfig {
  /** Start (minutes) of each piece of the piecewise-constant rate; starts[0] = 0. */
  starts: number[];
  /** Arrival rate per minute on each piece. */
  ratesPerMinute: number[];
  /** Period (minutes) after which the rate pattern repeats, if it does. */
  cycle?: number;
}

export interface ModelConfig {
  /** End of the arrival window (minutes); contacts arriving before it are followed to completion. */
  horizon: number;
  /** Start of the observation window (minutes). */
  warmup: number;
  /** Length of a reporting interval (minutes). */
  intervalLength: number;
  /** Service-level threshold (minutes): answered within it counts as meeting the target. */
  threshold: number;
  arrivals: ArrivalConfig;
  tiers: TierConfig[];
}

export type Outcome = "answered" | "abandoned";

/** Receives one call per counted contact as it leaves (for `--trace`). */
export interface TraceSink {
  contact(arrival: number, tier: number, wait: number, outcome: Outcome, agent: number, handle: number, departure: number): void;
}

export interface ReplicationResult {
  tiers: TierCounters[];
  /** Events processed. */
  events: number;
  /** Arrivals generated (warm-up included). */
  arrivals: number;
  /** Contacts still in the system at the end (0: the run drains). */
  leftInSystem: number;
  /** Largest number of contacts in the system at once. */
  peakInSystem: number;
}

const ARRIVAL = 0, DEPARTURE = 1, ABANDON = 2;

export function simulateReplication(config: ModelConfig, streams: RandomStreams, trace: TraceSink | null = null): ReplicationResult {
  if (config.tiers.length !== 1) throw new RangeError("the single-queue model takes exactly one tier");
  const tierCfg = config.tiers[0];
  const { horizon, warmup, intervalLength } = config;
  const invLen = 1 / intervalLength;

  const cal = new EventCalendar(Math.max(1024, tierCfg.agents * 4));
  const contacts = new ContactStore(Math.max(1024, tierCfg.agents * 4));
  const line = new WaitingLine(contacts.capacity);
  const pool = new AgentPool(tierCfg.name, tierCfg.agents);
  const counters = new TierCounters(warmup, horizon, intervalLength, config.threshold);
  const arrivals = new PiecewisePoissonArrivals(config.arrivals.starts, config.arrivals.ratesPerMinute, streams.stream("arrivals"), config.arrivals.cycle);
  const handleTime: Distribution = makeDistribution(tierCfg.handleTime, streams.stream(`tier:${tierCfg.name}:handle`));
  const patience: Distribution | null = tierCfg.patience ? makeDistribution(tierCfg.patience, streams.stream(`tier:${tierCfg.name}:patience`)) : null;
  const queue = counters.queue, busy = counters.busy;
  counters.staffed.set(0, tierCfg.agents);

  let nArrivals = 0;
  let peak = 0;

  const startService = (id: number, now: number, agent: number): void => {
    contacts.state[id] = ContactState.InService;
    contacts.agent[id] = agent;
    contacts.serviceStart[id] = now;
    const iv = contacts.interval[id];
    if (iv >= 0) counters.countAnswered(iv, now - contacts.arrival[id]);
    cal.schedule(now + contacts.handle[id], DEPARTURE, id);
  };

  const first = arrivals.next(0);
  if (first < horizon) cal.schedule(first, ARRIVAL, 0);

  for (let kind = cal.next(); kind >= 0; kind = cal.next()) {
    const now = cal.now;
    if (kind === ARRIVAL) {
      nArrivals++;
      const id = contacts.allocate();
      if (contacts.inSystem > peak) peak = contacts.inSystem;
      contacts.arrival[id] = now;
      contacts.tier[id] = 0;
      // draw the contact's attributes on arrival, in arrival order, so that the same
      // contact gets the same handle time and patience whatever else changes (CRN)
      contacts.handle[id] = handleTime.sample();
      const p = patience === null ? Infinity : patience.sample();
      contacts.patience[id] = p;
      let iv = -1;
      if (now >= warmup) {
        iv = Math.floor(now * invLen);
        counters.countOffered(iv);
      }
      contacts.interval[id] = iv;
      if (pool.idle > 0) {
        busy.add(now, 1);
        startService(id, now, pool.seize());
      } else {
        if (iv >= 0) counters.countDelayed(iv);
        contacts.state[id] = ContactState.Waiting;
        contacts.agent[id] = -1;
        line.join(id);
        queue.add(now, 1);
        contacts.abandonEvent[id] = p === Infinity ? -1 : cal.schedule(now + p, ABANDON, id);
      }
      const next = arrivals.next(now);
      if (next < horizon) cal.schedule(next, ARRIVAL, 0);
    } else if (kind === DEPARTURE) {
      const id = cal.data;
      const agent = contacts.agent[id];
      if (trace !== null && contacts.interval[id] >= 0) {
        trace.contact(contacts.arrival[id], 0, contacts.serviceStart[id] - contacts.arrival[id], "answered", agent, contacts.handle[id], now);
      }
      contacts.release(id);
      const nextId = line.serveNext();
      if (nextId >= 0) {
        queue.add(now, -1);
        const ab = contacts.abandonEvent[nextId];
        if (ab >= 0) cal.cancel(ab);
        startService(nextId, now, agent); // the freed agent takes the head of the line
      } else {
        pool.release(agent);
        busy.add(now, -1);
      }
    } else {
      // ABANDON: patience ran out while waiting
      const id = cal.data;
      line.remove(id);
      queue.add(now, -1);
      const iv = contacts.interval[id];
      const wait = now - contacts.arrival[id];
      if (iv >= 0) {
        counters.countAbandoned(iv, wait);
        if (trace !== null) trace.contact(contacts.arrival[id], 0, wait, "abandoned", -1, 0, now);
      }
      contacts.release(id);
    }
  }
  counters.finish();
  return { tiers: [counters], events: cal.fired, arrivals: nArrivals, leftInSystem: contacts.inSystem, peakInSystem: peak };
}
