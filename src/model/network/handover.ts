/**
 * Deferred work handed back at a shift's end (`NetworkConfig.handOverDeferred`). An agent sent
 * off shift finishes the real-time contacts in hand (phone, chat, a callback under way: that is
 * overtime) but hands its deferred work (e-mail, tickets) back to the front of its line, with the
 * work left on it, for the next free agent to resume — as a back office carries a case over to
 * the next shift instead of working late on it. The contact keeps its answer, its wait and its
 * counts; only the handle time not yet worked leaves the pool that handed it back.
 *
 * The contacts in each agent's hand: an intrusive singly linked list per agent through
 * `ContactStore.nextInHand` (an agent holds at most its pool's concurrency, so dropping one
 * scans a few entries). Nothing is allocated per event.
 */
import type { EventCalendar } from "../../engine/calendar.js";
import type { AgentFloor } from "./agentFloor.js";
import { ContactState, type ContactStore } from "./contacts.js";
import type { TierCounters } from "./counters.js";
import type { LineSet } from "./lineSet.js";
import type { NetworkTraceSink } from "./networkConfig.js";
import type { RoutingTables } from "./routingTables.js";

/** What the handover needs of its network (network.ts). */
export interface HandoverHost {
  readonly contacts: ContactStore;
  readonly cal: EventCalendar;
  readonly floor: AgentFloor;
  readonly route: RoutingTables;
  readonly lines: LineSet;
  readonly trace: NetworkTraceSink | null;
  /** Per pool, and per pool × work type: the handle time of the counted contacts it started. */
  readonly poolHandleTime: Float64Array;
  readonly poolHandleTimeByWork: Float64Array;
  /** Per (tier, class) queue series, or empty; P classes, W work types, T tiers. */
  readonly series: readonly TierCounters[];
  readonly P: number;
  readonly W: number;
  readonly T: number;
  /** Start (resume) contact id on agent `agent` of pool q now. */
  startService(id: number, q: number, agent: number, now: number): void;
}

export class Handover {
  /** Per agent: the first contact in its hand, or −1. */
  private readonly head: Int32Array;

  constructor(private readonly net: HandoverHost) {
    this.head = new Int32Array(net.floor.poolOffset[net.floor.poolOffset.length - 1]).fill(-1);
  }

  /** Agent `agent` started (or resumed) contact id at a rate of `rate` effective minutes per drawn minute; it departs at `departAt` (calendar handle `event`). */
  started(agent: number, id: number, departAt: number, rate: number, event: number): void {
    const c = this.net.contacts;
    c.departAt[id] = departAt;
    c.workRate[id] = rate;
    c.departEvent[id] = event;
    c.nextInHand[id] = this.head[agent];
    this.head[agent] = id;
  }

  /** Agent a lets go of contact id (finished or handed back). */
  drop(a: number, id: number): void {
    const c = this.net.contacts;
    let x = this.head[a];
    if (x === id) {
      this.head[a] = c.nextInHand[id];
      return;
    }
    while (x >= 0) {
      const n = c.nextInHand[x];
      if (n === id) {
        c.nextInHand[x] = c.nextInHand[id];
        return;
      }
      x = n;
    }
  }

  /** Contacts waiting in tier t's lines now that were answered and handed back (only counted ones: `counted`); O(contacts), for checks at the end of a run. */
  waitingAt(t: number, counted: boolean): number {
    const c = this.net.contacts;
    let n = 0;
    for (let id = 0; id < c.capacity; id++) if (c.state[id] === ContactState.Waiting && c.resumed[id] === 1 && c.tier[id] === t && (!counted || c.interval[id] >= 0)) n++;
    return n;
  }

  /** When the last spell of work on contact id (in service) began: its answer, or its resumption after a handover. */
  workStart(id: number): number {
    const c = this.net.contacts;
    return c.resumed[id] === 2 ? c.departAt[id] - c.handle[id] * c.workRate[id] : c.serviceStart[id];
  }

  /**
   * Agents [off + n, off + before) of pool q have just gone off shift: each hands its deferred
   * work (not a callback under way) back, at the front of its line with the drawn handle time
   * left on it, (departure − now) / the spell's rate, to an eligible free agent at once if there
   * is one (a reserve for live work respected).
   */
  handBack(q: number, n: number, before: number, now: number): void {
    const net = this.net, c = net.contacts, f = net.floor, W = net.W;
    for (let a = f.poolOffset[q] + n; a < f.poolOffset[q] + before; a++) {
      for (let id = this.head[a]; id >= 0; ) {
        const next = c.nextInHand[id];
        if (c.deferred[id] === 1 && c.callback[id] === 0) {
          this.drop(a, id);
          net.cal.cancel(c.departEvent[id]);
          const t = c.tier[id], w = c.workType[id], p = c.priorityClass[id], left = c.departAt[id] - now;
          if (c.interval[id] >= 0) {
            net.poolHandleTime[q] -= left;
            net.poolHandleTimeByWork[q * W + w] -= left;
            if (net.trace !== null && net.trace.handedBack !== undefined) net.trace.handedBack(q, this.workStart(id), now);
          }
          c.handle[id] = left / c.workRate[id];
          c.resumed[id] = 1;
          c.abandonEvent[id] = -1;
          c.overflowEvent[id] = -1;
          f.releaseAgent(q, a, now); // off shift: goes home once its hand is empty
          const best = f.pickPool(net.route.entryPools[c.part[id] * net.T * W + t * W + w], true);
          if (best >= 0) net.startService(id, best, f.takeAgent(best, f.pickLevel, now), now);
          else {
            c.state[id] = ContactState.Waiting;
            c.agent[id] = -1;
            net.lines.joinFront(net.route.lineIndex(c.part[id], t, w, 1, p), id);
            if (net.series.length > 0) net.series[t * net.P + p].queue.add(now, 1);
          }
        }
        id = next;
      }
    }
  }
}
