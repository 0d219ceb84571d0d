/**
 * The agents of a contact network's pools (network.ts): who is on shift, who is available at
 * which load, who rests over an occupancy cap, and the busy and staffed agent-minutes.
 *
 * Agents: global index = pool offset + local index. An agent holds up to `concurrency`
 * contacts (chat); agents with free capacity wait in one FIFO per (pool, load level), so the
 * next contact goes to the least-loaded agent, and among equals to the one that has been at
 * that level longest (for concurrency 1: longest idle). Agents with local index < onShift[q]
 * are on shift; an agent sent off shift finishes the contacts in hand (staffed until then; deferred work may be handed back first: handover.ts) and
 * takes no new ones.
 *
 * Busy and staffed time are integrated per tier (`tierBusy`, `tierStaffed`: binned by interval)
 * and per pool (`poolBusy`, `poolStaffed`: totals) within [warmup, horizon). A pool alone in its
 * tier sees the very same changes as its tier, so its totals are its tier's, taken at `finish`
 * (TimeWeighted and LevelTotals integrate a level with the same operations in the same order).
 *
 * Reserve for live work (pools with `reserveForLive` R > 0, see `mayDefer`): deferred work starts
 * only while min(R, agents on shift − 1) of the pool's agents stay idle.
 *
 * Occupancy cap (pools with cap < 1, see `overCap`): an agent's busy time within the current
 * interval window is kept (`busyFrom`, `winIdx`, `winBusy`), and an agent over the cap rests
 * until a REST_END event it schedules on the network's calendar.
 */
import type { EventCalendar } from "../../engine/calendar.js";
import { TimeWeighted } from "../../engine/statistics.js";
import { LevelTotals } from "./levelTotals.js";
import { clipSpan } from "../../time/clipSpan.js";
import { LineSet } from "./lineSet.js";
import type { NetworkPool } from "./networkConfig.js";

export class AgentFloor {
  /** Per tier: agents busy (holding at least one contact) and staffed, time-weighted by interval. */
  readonly tierBusy: TimeWeighted[];
  readonly tierStaffed: TimeWeighted[];
  /** Per pool: agent-minutes busy and staffed within [warmup, horizon) (complete after `finish`). */
  readonly poolBusy: Float64Array;
  readonly poolStaffed: Float64Array;
  readonly poolOffset: Int32Array;
  readonly concurrency: Int32Array;
  /** Per agent: contacts in hand. */
  readonly load: Int32Array;
  /** Per pool: agents with local index < onShift[q] are on shift. */
  readonly onShift: Int32Array;
  /** Per agent: its pool. */
  readonly agentPool: Int32Array;
  /** The load level of the agent `pickPool` last found, or -1. */
  pickLevel = -1;

  private readonly bucketBase: Int32Array;
  private readonly lines: LineSet;
  private readonly levelSince: Float64Array;
  private readonly poolTier: Int32Array;
  private readonly busyTotals: LevelTotals;
  private readonly staffedTotals: LevelTotals;
  /** Per pool: 1 when it is the only pool of its tier (its totals are then its tier's). */
  private readonly alone: Uint8Array;
  /** Per pool: agents kept idle for live work (`reserveForLive`; 0: none). */
  private readonly reserve: Int32Array;
  // occupancy cap (only for pools with cap < 1)
  private readonly capOf: Float64Array;
  private readonly busyFrom: Float64Array; // per agent: start of its current busy period
  private readonly winIdx: Int32Array; // per agent: the interval window `winBusy` belongs to
  private readonly winBusy: Float64Array; // per agent: busy time of finished busy periods within that window
  private readonly restEvent: Float64Array; // per agent: calendar handle of its rest end, or −1

  /**
   * @param restKind the calendar event kind of a rest's end (data: the agent index).
   */
  constructor(
    private readonly pools: readonly NetworkPool[],
    tiers: number,
    warmup: number,
    horizon: number,
    private readonly intervalLength: number,
    private readonly cal: EventCalendar,
    private readonly restKind: number,
  ) {
    const Q = pools.length;
    this.tierBusy = Array.from({ length: tiers }, () => new TimeWeighted(warmup, horizon, intervalLength));
    this.tierStaffed = Array.from({ length: tiers }, () => new TimeWeighted(warmup, horizon, intervalLength));
    this.busyTotals = new LevelTotals(Q, warmup, horizon);
    this.staffedTotals = new LevelTotals(Q, warmup, horizon);
    this.poolBusy = this.busyTotals.total;
    this.poolStaffed = this.staffedTotals.total;
    this.alone = Uint8Array.from(pools, (p) => (pools.filter((o) => o.tier === p.tier).length === 1 ? 1 : 0));
    pools.forEach((p, q) => this.staffedDelta(q, p.tier, 0, p.agents));
    this.poolOffset = new Int32Array(Q + 1);
    this.bucketBase = new Int32Array(Q + 1);
    pools.forEach((p, q) => {
      this.poolOffset[q + 1] = this.poolOffset[q] + p.agents;
      this.bucketBase[q + 1] = this.bucketBase[q] + (p.concurrency ?? 1);
    });
    const totalAgents = this.poolOffset[Q];
    this.concurrency = Int32Array.from(pools.map((p) => p.concurrency ?? 1));
    this.lines = new LineSet(this.bucketBase[Q], Math.max(1, totalAgents));
    this.load = new Int32Array(totalAgents);
    this.levelSince = new Float64Array(totalAgents);
    this.onShift = Int32Array.from(pools.map((p) => p.agents));
    this.poolTier = Int32Array.from(pools.map((p) => p.tier));
    this.agentPool = new Int32Array(totalAgents);
    pools.forEach((p, q) => {
      for (let i = 0; i < p.agents; i++) {
        this.lines.join(this.bucketBase[q], this.poolOffset[q] + i);
        this.agentPool[this.poolOffset[q] + i] = q;
      }
    });
    this.capOf = Float64Array.from(pools.map((p) => p.occupancyCap ?? 1));
    this.reserve = Int32Array.from(pools.map((p) => p.reserveForLive ?? 0));
    this.busyFrom = new Float64Array(totalAgents);
    this.winIdx = new Int32Array(totalAgents).fill(-1);
    this.winBusy = new Float64Array(totalAgents);
    this.restEvent = new Float64Array(totalAgents).fill(-1);
    this.offSince = new Float64Array(totalAgents).fill(-1);
    this.overtime = new Float64Array(Q);
    this.windowStart = warmup;
    this.windowEnd = horizon;
  }

  /**
   * Overtime: per agent, when it went off shift with contacts in hand (−1: it has not), and per
   * pool the agent-minutes worked off shift within [warm-up, horizon), finishing the contacts in
   * hand. `onOvertime(q, from, to)` is told of each such span as it ends (the support model pays it).
   */
  private readonly offSince: Float64Array;
  readonly overtime: Float64Array;
  onOvertime: ((q: number, from: number, to: number) => void) | null = null;
  private readonly windowStart: number;
  private readonly windowEnd: number;

  /** Agent a of pool q ends its time off shift with work in hand at `now` (it finished, or its shift began again). */
  private endOvertime(q: number, a: number, now: number): void {
    const from = this.offSince[a];
    this.offSince[a] = -1;
    if (!(now > from)) return;
    this.overtime[q] += clipSpan(from, now, this.windowStart, this.windowEnd);
    if (this.onOvertime !== null) this.onOvertime(q, from, now);
  }

  private busyDelta(q: number, now: number, d: number): void {
    this.tierBusy[this.poolTier[q]].add(now, d);
    if (this.alone[q] === 0) this.busyTotals.add(q, now, d);
  }

  private staffedDelta(q: number, tier: number, now: number, d: number): void {
    this.tierStaffed[tier].add(now, d);
    if (this.alone[q] === 0) this.staffedTotals.add(q, now, d);
  }

  /** Whether agent a of pool q is on shift. */
  isOnShift(q: number, a: number): boolean {
    return a - this.poolOffset[q] < this.onShift[q];
  }

  /** Agents of pool q resting now (occupancy cap): on the floor, neither busy nor available. */
  agentsResting(q: number): number {
    let n = 0;
    for (let a = this.poolOffset[q]; a < this.poolOffset[q + 1]; a++) if (this.restEvent[a] >= 0) n++;
    return n;
  }

  /** Service capacity of `pools`: Σ agents on shift × concurrency / pool handle factor. */
  capacity(pools: Int32Array, handleFactor: Float64Array): number {
    let cap = 0;
    for (let j = 0; j < pools.length; j++) cap += (this.onShift[pools[j]] * this.concurrency[pools[j]]) / handleFactor[pools[j]];
    return cap;
  }

  /** Lowest load level with an available agent in pool q, or -1. */
  lowestLevel(q: number): number {
    const k = this.concurrency[q], b = this.bucketBase[q];
    for (let l = 0; l < k; l++) if (this.lines.length[b + l] > 0) return l;
    return -1;
  }

  /**
   * Reserve for live work: whether pool q may start a deferred contact now on an agent at load
   * `level` (the agent about to take it; at level 0 it is one of the idle agents and not counted):
   * at least min(R, agents on shift − 1) of the pool's agents stay idle, R = `reserveForLive`
   * (one agent on shift works the backlog alone). O(1): the idle agents are the pool's level-0 line.
   * With no backlog the rule never binds; with one, every freed agent takes deferred work only
   * while R others are idle, so an arriving call finds an idle agent (Bhulai & Koole 2003).
   */
  mayDefer(q: number, level: number): boolean {
    const r = this.reserve[q];
    if (r === 0) return true;
    const keep = r < this.onShift[q] ? r : this.onShift[q] - 1;
    return this.lines.length[this.bucketBase[q]] - (level === 0 ? 1 : 0) >= keep;
  }

  /** Whether pool q keeps a reserve for live work. */
  hasReserve(q: number): boolean {
    return this.reserve[q] > 0;
  }

  /**
   * The pool among `cands` with an available agent at the lowest load level, longest at that
   * level first, or -1; sets `pickLevel` (-1 when none). For a `deferred` contact a pool whose
   * reserve for live work forbids it (`mayDefer`) is passed over. The bounds are integers, not
   * Infinity, so the level stays a small integer for the JIT; one candidate (the usual case)
   * needs no comparison.
   */
  pickPool(cands: Int32Array, deferred: boolean): number {
    if (cands.length === 1) {
      let l = this.lowestLevel(cands[0]);
      if (deferred && l >= 0 && !this.mayDefer(cands[0], l)) l = -1;
      this.pickLevel = l;
      return l < 0 ? -1 : cands[0];
    }
    let best = -1, bestLevel = 0x7fffffff, bestSince = Infinity;
    for (let k = 0; k < cands.length; k++) {
      const q = cands[k];
      const l = this.lowestLevel(q);
      if (l < 0 || l > bestLevel || (deferred && !this.mayDefer(q, l))) continue;
      const since = this.levelSince[this.lines.head[this.bucketBase[q] + l]];
      if (l < bestLevel || since < bestSince) { best = q; bestLevel = l; bestSince = since; }
    }
    this.pickLevel = best < 0 ? -1 : bestLevel;
    return best;
  }

  /** Agent a of pool q (on shift, available, at level load[a]) takes one more contact. */
  occupy(q: number, a: number, now: number): void {
    this.lines.remove(a);
    const n = ++this.load[a];
    if (n < this.concurrency[q]) this.lines.join(this.bucketBase[q] + n, a);
    this.levelSince[a] = now;
    if (n === 1) {
      this.busyDelta(q, now, 1);
      if (this.capOf[q] < 1) this.busyFrom[a] = now;
    }
  }

  /** Give one more contact to the first agent of pool q at level l. */
  takeAgent(q: number, l: number, now: number): number {
    const a = this.lines.head[this.bucketBase[q] + l];
    this.occupy(q, a, now);
    return a;
  }

  /** Agent a of pool q finishes a contact and takes none in its place. */
  releaseAgent(q: number, a: number, now: number): void {
    const on = a - this.poolOffset[q] < this.onShift[q];
    if (on && this.load[a] < this.concurrency[q]) this.lines.remove(a);
    const n = --this.load[a];
    this.levelSince[a] = now;
    if (on) this.lines.join(this.bucketBase[q] + n, a);
    if (n === 0) {
      this.busyDelta(q, now, -1);
      if (this.capOf[q] < 1) this.closeBusy(a, now);
      if (!on) {
        this.staffedDelta(q, this.poolTier[q], now, -1); // off shift: goes home now
        if (this.offSince[a] >= 0) this.endOvertime(q, a, now);
      }
    }
  }

  /**
   * Put `n` agents of pool q on shift (0 ≤ n ≤ the pool's `agents`). Agents leaving finish
   * the contacts in hand (they count as staffed until then); resting agents leave at once.
   * Returns true when agents arrived (the caller has them take waiting work).
   */
  setShift(q: number, n: number, now: number): boolean {
    const max = this.pools[q].agents;
    if (!(Number.isInteger(n) && n >= 0 && n <= max)) throw new RangeError(`pools[${q}] (${this.pools[q].name}): expected 0..${max} agents on shift, got ${n}`);
    const old = this.onShift[q], off = this.poolOffset[q], k = this.concurrency[q], tier = this.poolTier[q];
    if (n === old) return false;
    if (n < old) {
      for (let i = n; i < old; i++) {
        const a = off + i;
        if (this.restEvent[a] >= 0) {
          // resting: holds nothing and is in no line; goes home now
          this.cal.cancel(this.restEvent[a]);
          this.restEvent[a] = -1;
          this.staffedDelta(q, tier, now, -1);
          continue;
        }
        if (this.load[a] < k) this.lines.remove(a);
        if (this.load[a] === 0) this.staffedDelta(q, tier, now, -1);
        else this.offSince[a] = now; // works on past its shift's end: overtime until the contacts in hand are done
      }
      this.onShift[q] = n;
      return false;
    }
    for (let i = old; i < n; i++) {
      const a = off + i;
      if (this.load[a] === 0) this.staffedDelta(q, tier, now, 1); // busy ones were still counted
      else if (this.offSince[a] >= 0) this.endOvertime(q, a, now); // back on shift before it finished
      if (this.load[a] < k) this.lines.join(this.bucketBase[q] + this.load[a], a);
      this.levelSince[a] = now;
    }
    this.onShift[q] = n;
    return true;
  }

  /**
   * Busy time of agent a within the interval window [k·L, now], k = ⌊now / L⌋, L =
   * cfg.intervalLength: its busy periods that ended in this window (`winBusy`) plus the
   * current one since max(busyFrom, k·L). Only kept for pools with a cap.
   */
  private busyInWindow(a: number, now: number, k: number): number {
    const ws = k * this.intervalLength;
    return (this.winIdx[a] === k ? this.winBusy[a] : 0) + now - (this.busyFrom[a] > ws ? this.busyFrom[a] : ws);
  }

  /** Agent a's busy period ends at `now`: fold it into its window's busy time. */
  private closeBusy(a: number, now: number): void {
    const k = Math.floor(now / this.intervalLength);
    this.winBusy[a] = this.busyInWindow(a, now, k);
    this.winIdx[a] = k;
  }

  /**
   * Whether agent a of pool q, finishing a contact at `now`, rests instead of taking the next:
   * its pool has a cap, this was its last contact in hand, and it is over the cap (`overCap`).
   */
  restsAfter(q: number, a: number, now: number): boolean {
    return this.capOf[q] < 1 && this.load[a] === 1 && this.overCap(a, q, now);
  }

  /**
   * Occupancy cap. Agent a of pool q finishes its last contact in hand at `now` (for a chat
   * pool: its load goes from 1 to 0; an agent still holding other chats keeps working, its
   * busy time runs on anyway). With window start s = ⌊now / L⌋·L and B its busy time in
   * [s, now], it is over the cap when B > cap·(now − s). It then rests until
   *   min(s + B / cap, s + L):
   * s + B / cap is when its busy share of the window, B / (τ − s) while it rests, falls back to
   * the cap; at the window's end a new window starts with no busy time, so the share no longer
   * exceeds the cap there and resting longer would follow no rule. The cap is checked only
   * when a contact ends, so a contact running past the window's end can still leave that
   * window above the cap (tests/networkVendor.test.ts: cap 0.8, 10-minute contacts, L = 30
   * give 25 busy minutes in every window, 5/6).
   */
  private overCap(a: number, q: number, now: number): boolean {
    const k = Math.floor(now / this.intervalLength);
    return this.busyInWindow(a, now, k) > this.capOf[q] * (now - k * this.intervalLength);
  }

  /** Agent a of pool q lets go of its last contact and rests (see `overCap`). */
  rest(q: number, a: number, now: number): void {
    if (this.concurrency[q] > 1) this.lines.remove(a); // load 1 < k: it was available at level 1
    this.load[a] = 0;
    this.levelSince[a] = now;
    this.busyDelta(q, now, -1);
    this.closeBusy(a, now);
    const L = this.intervalLength, k = this.winIdx[a];
    let end = k * L + this.winBusy[a] / this.capOf[q];
    if (end > (k + 1) * L) end = (k + 1) * L;
    if (end < now) end = now; // rounding
    this.restEvent[a] = this.cal.schedule(end, this.restKind, a);
  }

  /** Agent a's rest ends: it becomes available (the caller has it take waiting work); returns its pool. */
  endRest(a: number, now: number): number {
    const q = this.agentPool[a];
    this.restEvent[a] = -1;
    // on shift: an agent sent off shift while resting had its rest end cancelled
    this.lines.join(this.bucketBase[q], a);
    this.levelSince[a] = now;
    return q;
  }

  /** Close the time integrals at the end of the run. */
  finish(): void {
    this.tierBusy.forEach((b) => b.close());
    this.tierStaffed.forEach((b) => b.close());
    this.busyTotals.close();
    this.staffedTotals.close();
    for (let q = 0; q < this.alone.length; q++) {
      if (this.alone[q] === 0) continue;
      this.poolBusy[q] = this.tierBusy[this.poolTier[q]].total;
      this.poolStaffed[q] = this.tierStaffed[this.poolTier[q]].total;
    }
  }
}
