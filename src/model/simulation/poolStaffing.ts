/**
 * The pools' staffing through a replication (simulation.ts): who is on the floor, the factors
 * of their work, and the paid time.
 *
 * Agents on the floor in pool q at time t:
 *   x = scheduled_floor(t) · (1 − shrinkage − articleTime_tier(t)) · staffingRatio(t) · fill(t) · [vendor started]
 * and the network gets ⌊x⌋ agents plus one for frac(x) of every interval (timeShare.ts
 * `timeShared`), so each interval gets exactly x agent-minutes. Paid agents (for cost) are the
 * schedule's paid count (breaks included) × staffingRatio, plus trainees and any surplus
 * (workforce.ts `paidAgents`). A pool's staffing changes (a K_POOL event) at its roster's next
 * change, its next time-share change or its vendor's start, whichever comes first; pools keep
 * their hours up to DRAIN_MINUTES after the horizon so that work in progress drains. fill(t) is 1
 * unless the configuration scales the schedule by a step function (`SupportPoolConfig.fill`, an
 * analysis override: the budget-year plan's requirement search); its steps are pool events too.
 *
 * Daily (`refresh`), and after each workforce event for its pool: the KCS ramp (article time,
 * the network's resolution and handle-time factors per (tier, work type)), each pool's factors
 * (its own × its workforce's proficiency × its vendor's transition) and its staffing.
 *
 * Paid and scheduled floor agent-minutes, and the labour cost (paid · cost per hour), are booked
 * over [warm-up, horizon); headcount, hires and leavers are reported after the warm-up.
 */
import type { EventCalendar } from "../../engine/calendar.js";
import type { RandomStreams } from "../../engine/random.js";
import { DAY_MINUTES, HOUR_MINUTES } from "../../time/units.js";
import type { SupportConfig } from "../config.js";
import type { Network } from "../network/network.js";
import type { NetworkPool } from "../network/networkConfig.js";
import type { KcsProgram } from "../programs/kcs.js";
import { vendorHandleFactor, vendorResolveFactor, vendorStarted } from "../programs/outsourcing.js";
import { Roster } from "../staffing/roster.js";
import { nextTimeShareChange, timeShared } from "../staffing/timeShare.js";
import type { WeeklyPattern } from "../staffing/weeklyPattern.js";
import { Workforce } from "../staffing/workforce.js";
import { clipSpan } from "../../time/clipSpan.js";
import type { CostBook } from "./costBook.js";
import { K_POOL, K_WORKFORCE } from "./eventKinds.js";
import type { PoolStats } from "./supportResult.js";

/** How long after the horizon pools keep their hours so that work in progress drains. */
export const DRAIN_MINUTES = 30 * DAY_MINUTES;

export class PoolStaffing {
  private readonly Q: number;
  private readonly T: number;
  private readonly K: number;
  private readonly C: number;
  private readonly L: number;
  private readonly horizon: number;
  private readonly warmup: number;
  private readonly rosters: Roster[];
  /** Per pool: the network's slots (the most agents on the floor at once: its `agents`). */
  private readonly maxOn: Int32Array<ArrayBuffer>;
  private readonly workforces: (Workforce | null)[];
  private readonly hourlyCost: Float64Array<ArrayBuffer>;
  /** Per tier: the share of floor time spent on articles (the KCS programme). */
  private readonly articleTime: Float64Array<ArrayBuffer>;
  /** Per pool: the pending K_POOL and K_WORKFORCE events' handles, or −1. */
  private readonly poolEvent: Float64Array<ArrayBuffer>;
  private readonly workforceEvent: Float64Array<ArrayBuffer>;
  private readonly paidLevel: Float64Array<ArrayBuffer>;
  private readonly paidSince: Float64Array<ArrayBuffer>;
  private readonly floorLevel: Float64Array<ArrayBuffer>;
  private readonly paidMinutes: Float64Array<ArrayBuffer>;
  private readonly floorMinutes: Float64Array<ArrayBuffer>;
  private readonly headcountMin: Float64Array<ArrayBuffer>;
  private readonly hiresAtWarmup: Float64Array<ArrayBuffer>;
  private readonly leaversAtWarmup: Float64Array<ArrayBuffer>;
  /** Per pool: the index of its `fill` step in force at the last staffing (−1: before the first). */
  private readonly fillStep: Int32Array<ArrayBuffer>;

  constructor(
    private readonly cfg: SupportConfig,
    patterns: readonly WeeklyPattern[],
    slots: readonly NetworkPool[],
    startMs: number,
    private readonly cal: EventCalendar,
    private readonly net: Network,
    private readonly book: CostBook,
    streams: RandomStreams,
    private readonly kcs: KcsProgram | null,
  ) {
    this.Q = cfg.pools.length;
    this.T = cfg.tiers.length;
    this.K = cfg.needTypes.length;
    this.C = cfg.channels.length;
    this.L = cfg.intervalLength;
    this.horizon = cfg.horizon;
    this.warmup = cfg.warmup;
    this.hourlyCost = Float64Array.from(cfg.pools.map((p) => (p.vendor ? p.vendor.costPerHour : p.costPerHour)));
    this.rosters = cfg.pools.map((p, q) => new Roster(patterns[q], startMs, p.timeZone));
    this.maxOn = Int32Array.from(slots.map((p) => p.agents));
    this.workforces = cfg.pools.map((p) =>
      p.workforce
        ? new Workforce(p.workforce, { attrition: streams.stream(`pool:${p.name}:attrition`), leadTime: streams.stream(`pool:${p.name}:lead-time`) }, {
            onHire: (t) => this.book.ledger.add(this.book.hiring, t, p.workforce!.costPerHire),
          })
        : null,
    );
    this.articleTime = new Float64Array(this.T);
    this.poolEvent = new Float64Array(this.Q).fill(-1);
    this.workforceEvent = new Float64Array(this.Q).fill(-1);
    this.paidLevel = new Float64Array(this.Q);
    this.paidSince = new Float64Array(this.Q);
    this.floorLevel = new Float64Array(this.Q);
    this.paidMinutes = new Float64Array(this.Q);
    this.floorMinutes = new Float64Array(this.Q);
    this.headcountMin = Float64Array.from(this.workforces.map((w) => (w ? w.employed : NaN)));
    // hires and leavers are reported after the warm-up: the counts at its end, taken before the
    // first workforce event at or after it (or at the end of the run)
    this.hiresAtWarmup = new Float64Array(this.Q).fill(NaN);
    this.leaversAtWarmup = new Float64Array(this.Q).fill(NaN);
    this.fillStep = new Int32Array(this.Q).fill(-1);
    // work past a shift's end, finishing the contacts in hand, is paid at the pool's overtime rate (booked in its month)
    const overtimeCost = Float64Array.from(cfg.pools.map((p, q) => (this.hourlyCost[q] * p.overtimeRate) / HOUR_MINUTES));
    this.overtimeCostPerMinute = overtimeCost;
    this.net.onOvertime = (q, from, to) => {
      if (overtimeCost[q] > 0) this.book.ledger.accrue(q, from, to, overtimeCost[q]);
    };
  }

  /** Per pool: what a minute of overtime costs. */
  private readonly overtimeCostPerMinute: Float64Array;

  /** Schedule every workforce's first event. */
  start(): void {
    this.workforces.forEach((wf, q) => { if (wf) this.scheduleWorkforce(q); });
  }

  /** The daily refresh: KCS ramp, proficiencies, staffing of every pool. */
  refresh(now: number): void {
    this.kcsUpdate(now);
    for (let q = 0; q < this.Q; q++) this.poolFactors(q, now);
    for (let q = 0; q < this.Q; q++) this.staff(q, now);
  }

  /** Pool q's staffing changes now (its K_POOL event). */
  onPoolEvent(q: number, now: number): void {
    this.poolEvent[q] = -1;
    this.staff(q, now);
  }

  /** Pool q's workforce event: hires, leavers, training ends; then its factors and staffing. */
  onWorkforceEvent(q: number, now: number): void {
    const wf = this.workforces[q]!;
    this.workforceEvent[q] = -1;
    if (now >= this.warmup) this.warmupSnapshot(q);
    wf.handle(now);
    if (wf.employed < this.headcountMin[q]) this.headcountMin[q] = wf.employed;
    this.poolFactors(q, now);
    this.staff(q, now);
    this.scheduleWorkforce(q);
  }

  /** Close the books at the end of the run: book the paid time up to the horizon and report each pool. */
  close(): PoolStats[] {
    for (let q = 0; q < this.Q; q++) this.accruePaid(q, Math.max(this.horizon, this.paidSince[q]));
    return this.cfg.pools.map((_, q) => {
      const wf = this.workforces[q];
      if (wf) this.warmupSnapshot(q);
      return {
        paidMinutes: this.paidMinutes[q],
        scheduledFloorMinutes: this.floorMinutes[q],
        overtimeMinutes: this.net.poolOvertime[q],
        overtimeCost: this.net.poolOvertime[q] * this.overtimeCostPerMinute[q],
        headcountEnd: wf ? wf.employed : NaN,
        headcountMin: this.headcountMin[q],
        hires: wf ? wf.hires - this.hiresAtWarmup[q] : 0,
        leavers: wf ? wf.leavers - this.leaversAtWarmup[q] : 0,
      };
    });
  }

  private warmupSnapshot(q: number) {
    const wf = this.workforces[q]!;
    if (this.hiresAtWarmup[q] === this.hiresAtWarmup[q]) return;
    this.hiresAtWarmup[q] = wf.hires;
    this.leaversAtWarmup[q] = wf.leavers;
    this.headcountMin[q] = wf.employed;
  }

  /** Book pool q's paid time (and its cost) and scheduled floor time up to `now`. */
  private accruePaid(q: number, now: number) {
    const from = this.paidSince[q];
    if (now > from) {
      const span = clipSpan(from, now, this.warmup, this.horizon);
      this.paidMinutes[q] += this.paidLevel[q] * span;
      this.floorMinutes[q] += this.floorLevel[q] * span;
      if (this.paidLevel[q] > 0 && this.hourlyCost[q] > 0) this.book.ledger.accrue(q, from, now, (this.paidLevel[q] * this.hourlyCost[q]) / HOUR_MINUTES);
    }
    this.paidSince[q] = now;
  }

  /** Put pool q's agents for time `now` on the floor and schedule its next change. */
  private staff(q: number, now: number) {
    this.accruePaid(q, now);
    const p = this.cfg.pools[q], r = this.rosters[q], wf = this.workforces[q];
    r.advance(now);
    const started = p.vendor === undefined || vendorStarted(p.vendor, now);
    let fill = 1, next = r.next;
    const steps = p.fill;
    if (steps !== undefined) {
      let k = this.fillStep[q];
      while (k + 1 < steps.from.length && steps.from[k + 1] <= now) k++;
      this.fillStep[q] = k;
      if (k >= 0) fill = steps.ratio[k];
      if (k + 1 < steps.from.length && steps.from[k + 1] < next) next = steps.from[k + 1];
    }
    const availability = started ? Math.max(0, 1 - p.shrinkage - this.articleTime[p.tier]) * (wf ? wf.staffingRatio : 1) * fill : 0;
    const x = r.floor * availability;
    const on = timeShared(x, now, this.L);
    this.net.setAgents(q, on < this.maxOn[q] ? on : this.maxOn[q], now);
    this.paidLevel[q] = started ? (wf ? wf.paidAgents(r.paid * fill) : r.paid * fill) : 0;
    this.floorLevel[q] = started ? r.floor * fill : 0;
    const share = nextTimeShareChange(x, now, this.L);
    if (share < next) next = share;
    if (!started && p.vendor!.start < next) next = p.vendor!.start;
    if (this.poolEvent[q] >= 0) this.cal.cancel(this.poolEvent[q]);
    this.poolEvent[q] = next < this.horizon + DRAIN_MINUTES ? this.cal.schedule(next, K_POOL, q) : -1;
  }

  /** Refresh pool q's handle-time and resolution factors: its own, its workforce's proficiency, a vendor's transition. */
  private poolFactors(q: number, now: number) {
    const p = this.cfg.pools[q], wf = this.workforces[q];
    let h = p.handleTimeFactor, res = p.resolveFactor;
    if (wf) {
      wf.update(now);
      h *= wf.handleFactor;
      res *= wf.resolveFactor;
    }
    const v = p.vendor;
    if (v) {
      h *= vendorHandleFactor(v, now);
      res *= vendorResolveFactor(v, now);
    }
    this.net.poolHandleFactor[q] = h;
    this.net.poolResolveFactor[q] = res;
  }

  private scheduleWorkforce(q: number) {
    const wf = this.workforces[q]!;
    if (this.workforceEvent[q] >= 0) this.cal.cancel(this.workforceEvent[q]);
    const t = wf.nextEvent();
    this.workforceEvent[q] = t < this.horizon ? this.cal.schedule(t, K_WORKFORCE, q) : -1;
  }

  /** The KCS program's state for time `now`, into the self-service coverage (shared array) and the network's tables. */
  private kcsUpdate(now: number) {
    if (this.kcs === null) return;
    this.kcs.update(now);
    const W = this.K * this.C;
    for (let t = 0; t < this.T; t++) {
      this.articleTime[t] = this.kcs.articleTime[t];
      for (let k = 0; k < this.K; k++) {
        const res = this.kcs.resolve[t * this.K + k], hf = this.kcs.handleFactor[t * this.K + k];
        for (let c = 0; c < this.C; c++) {
          this.net.resolveByTierWork[t * W + k * this.C + c] = res;
          this.net.workHandleFactor[t * W + k * this.C + c] = hf;
        }
      }
    }
  }
}
