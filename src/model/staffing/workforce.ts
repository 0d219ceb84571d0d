/**
 * The people behind one agent pool over a long horizon: attrition, hiring, training and the
 * proficiency ramp (`WorkforceConfig`, src/model/supportConfig.ts).
 *
 * Employees. At t = 0 there are `headcount` employees, all tenured and fully proficient
 * (p = 1). A hire ARRIVES (starts work) as a trainee: paid, off the floor, for `training`
 * minutes; then it is PRODUCTIVE with proficiency p(τ) = the ramp, piecewise linear in τ =
 * tenure since training ended, holding the first value before the first point and the last
 * value after the last one (an empty ramp is p = 1). A hire never reaches p = 1 if the ramp's
 * last value is below 1; the initial employees are at p = 1 whatever the ramp says.
 *
 * Attrition. Every employee (trainees included) leaves at hazard h (`attritionPerMinute`), so
 * with n employed the total leaving rate is n·h: the next leaver comes after Exp(n·h) and is a
 * uniformly chosen employee. The clock is redrawn whenever n changes (after a leaver and after
 * a hire arrives); by the memoryless property that is exact. Expected survivors of H
 * employees without hiring after time t: H·e^(−h·t).
 *
 * Hiring (`hiring.mode`):
 * - "replace": keep employed + pipeline (open requisitions) at the target: at t = 0 (in the
 *   constructor) and after every leaver, requisitions are opened while
 *   employed + pipeline < target, so up to ⌈target⌉ people; a requisition's hire arrives
 *   `leadTime` (a Duration drawn from the lead-time stream) after it was opened. Requisitions
 *   open at the freeze stay open and are filled; no new one is opened at or after `freezeFrom`.
 * - "plan": `plan[i].hires` people arrive at `plan[i].at` (dates of arrival, not of requisition;
 *   `leadTime` is not used). Plan dates at or after `freezeFrom` are cancelled (a freeze).
 *   The pipeline is always 0 in this mode.
 * - "none": nobody is hired.
 *
 * Events and their order. `nextEvent()` is the time of the next workforce event (a leaver, a
 * requisition's hire arriving, a planned hire arriving, a trainee finishing training), Infinity
 * if none. `handle(now)` processes every event due at or before `now`, each at its own time, in
 * time order; events at the SAME time are processed in the order
 *   1. trainees finishing training (in order of arrival),
 *   2. requisition hires arriving (one at a time),
 *   3. planned hires arriving (one at a time),
 *   4. a leaver,
 * and the leaver clock is redrawn once all events at that time are done (hires arriving
 * together do not each consume a random number). A hire arriving with training = 0 is
 * productive at once (event 1 at the same time, after its arrival).
 *
 * State. `employed`, `trainees`, `productive`, `pipeline`, `staffingRatio`, `hires`, `leavers`
 * are kept current by `handle`. The proficiency means depend on the clock and are refreshed by
 * `update(now)` (the caller calls it daily and after events):
 *
 *   handleFactor  = mean over productive employees of 1/p          (1 when none)
 *   resolveFactor = mean over productive employees of 1 − resolvePenalty·(1 − p)   (1 when none)
 *
 * The pool multiplies handle times by `handleFactor` and resolution by `resolveFactor`; its
 * schedule is filled in proportion `staffingRatio` = min(1, productive / target) (1 if target
 * is 0).
 *
 * Costs. Each hire arrival costs `costPerHire`: the caller charges it, e.g.
 * `const h = wf.hires; wf.handle(t); ledger.add("hiring", t, (wf.hires − h) · cfg.costPerHire)`
 * (exact when handle is called at nextEvent(), as an event loop does), or through the `onHire`
 * hook, called with each hire's own arrival time. Salaries: `paidAgents`.
 *
 * Storage. Employees have ids 0, 1, 2, … in order of arrival (the initial ones first; ids are
 * never reused), with typed-array columns and a dense list of the employed (swap-remove on
 * leaving). Since hires arrive in time order and training is one constant, training ends in id
 * order, so a single cursor finds the next trainee to finish. Open requisitions are a binary
 * min-heap of arrival times. Nothing allocates per event except when a column doubles.
 */
import { makeDistribution, type Distribution } from "../../engine/distributions.js";
import type { Rng } from "../../engine/random.js";
import type { WorkforceConfig } from "../config.js";
import { HOUR_MINUTES, WEEK_MINUTES } from "../../time/units.js";
import { checkWorkforce } from "./checkWorkforce.js";
import { TimeHeap } from "./timeHeap.js";
import { rampProficiency } from "./workforceDefaults.js";

/** Optional hooks of a Workforce. */
export interface WorkforceHooks {
  /** Called at each hire's arrival with its time (e.g. to charge `costPerHire`), after the counts are updated. */
  onHire?: (t: number) => void;
}

export class Workforce {
  /** Employed now (trainees and productive). */
  employed = 0;
  /** Employed and still in training (paid, off the floor). */
  trainees = 0;
  /** Open requisitions (hires on their way; "replace" mode only). */
  get pipeline(): number {
    return this.requisitions.size;
  }
  /** Employed and past training. */
  get productive(): number {
    return this.employed - this.trainees;
  }
  /** Share of the schedule filled: min(1, productive / target); 1 if target is 0. */
  get staffingRatio(): number {
    const target = this.cfg.target;
    if (target === 0) return 1;
    const r = (this.employed - this.trainees) / target;
    return r < 1 ? r : 1;
  }
  /** Hires arrived since t = 0 (cumulative). */
  hires = 0;
  /** Leavers since t = 0 (cumulative). */
  leavers = 0;
  /** Mean 1/p over productive employees at the last `update` (1 when none). */
  handleFactor = 1;
  /** Mean 1 − resolvePenalty·(1 − p) over productive employees at the last `update` (1 when none). */
  resolveFactor = 1;
  /** Mean p over productive employees at the last `update` (1 when none). */
  meanProficiency = 1;
  /** Time of the last processed event (0 before any). */
  lastEventTime = 0;

  /** End of training by employee id (arrival + training; −Infinity for the initial ones). */
  private readyAt: Float64Array;
  /** position[id] = index in `list`, or −1 once the employee has left. */
  private position: Int32Array;
  /** 1 once training has ended (always for the initial employees). */
  private trained: Uint8Array;
  /** Employed ids in [0, employed). */
  private list: Int32Array;
  /** Employees ever (the next id). */
  private total = 0;
  /** Smallest id that may still be in training. */
  private trainCursor: number;

  // open requisitions: a min-heap of arrival times
  private readonly requisitions: TimeHeap;

  // the plan, sorted by date, and the hires of the current entry still to arrive
  private readonly planAt: Float64Array;
  private readonly planHires: Int32Array;
  private planIndex = 0;
  private planLeft = 0;


  private readonly mode: "replace" | "plan" | "none";
  private readonly freezeFrom: number;
  private readonly leadTime: Distribution | undefined;
  private readonly attrition: Rng;
  private readonly onHire: ((t: number) => void) | undefined;

  /** Time of the pending leaver (valid when !leaverStale). */
  private leaveAt = Infinity;
  /** The employed count changed since the leaver clock was drawn. */
  private leaverStale = false;

  /**
   * @param cfg the pool's workforce (validated here).
   * @param streams `attrition`: leaver times and who leaves; `leadTime`: requisition lead times.
   * @param hooks optional callbacks.
   * @throws RangeError naming the field for a bad configuration.
   */
  constructor(
    readonly cfg: WorkforceConfig,
    streams: { attrition: Rng; leadTime: Rng },
    hooks: WorkforceHooks = {},
  ) {
    checkWorkforce(cfg);
    this.mode = cfg.hiring.mode;
    this.freezeFrom = cfg.hiring.freezeFrom ?? Infinity;
    this.attrition = streams.attrition;
    this.leadTime = this.mode === "replace" ? makeDistribution(cfg.hiring.leadTime, streams.leadTime) : undefined;
    this.onHire = hooks.onHire;


    const plan = this.mode === "plan" ? cfg.hiring.plan.filter((e) => e.hires > 0 && e.at < this.freezeFrom).sort((a, b) => a.at - b.at) : [];
    this.planAt = Float64Array.from(plan, (e) => e.at);
    this.planHires = Int32Array.from(plan, (e) => e.hires);
    this.planLeft = plan.length > 0 ? plan[0].hires : 0;
    let planned = 0;
    for (const e of plan) planned += e.hires;

    const cap = Math.max(16, cfg.headcount + Math.ceil(cfg.target) + planned + 16);
    this.readyAt = new Float64Array(cap);
    this.position = new Int32Array(cap);
    this.trained = new Uint8Array(cap);
    this.list = new Int32Array(cap);
    this.requisitions = new TimeHeap(Math.max(16, Math.ceil(cfg.target) + 1));

    for (let i = 0; i < cfg.headcount; i++) this.addEmployee(-Infinity, true);
    this.trainCursor = this.total;

    if (this.mode === "replace") this.openRequisitions(0);
    this.drawLeaver(0);
  }

  /** Time of the next workforce event, Infinity if none. */
  nextEvent(): number {
    const other = this.nextOther();
    // (handle() leaves the leaver clock drawn; this is a safeguard)
    if (this.leaverStale && other > this.lastEventTime) this.drawLeaver(this.lastEventTime);
    if (this.leaverStale) return other;
    return this.leaveAt < other ? this.leaveAt : other;
  }

  /** Process every event due at or before `now`, each at its own time (order: see the file comment). */
  handle(now: number): void {
    for (;;) {
      const tTrain = this.nextTrainingEnd();
      const tReq = this.requisitions.peek();
      const tPlan = this.planIndex < this.planAt.length ? this.planAt[this.planIndex] : Infinity;
      let tOther = tTrain < tReq ? tTrain : tReq;
      if (tPlan < tOther) tOther = tPlan;
      // all events at the last time done: redraw the leaver clock from there
      if (this.leaverStale && tOther > this.lastEventTime) this.drawLeaver(this.lastEventTime);
      const tLeave = this.leaverStale ? Infinity : this.leaveAt;
      const t = tOther <= tLeave ? tOther : tLeave;
      if (!(t <= now)) return; // also Infinity
      this.lastEventTime = t;
      if (tTrain === t) this.finishTraining();
      else if (tReq === t) {
        this.requisitions.pop();
        this.arrive(t);
      } else if (tPlan === t) {
        if (--this.planLeft === 0) {
          this.planIndex++;
          this.planLeft = this.planIndex < this.planHires.length ? this.planHires[this.planIndex] : 0;
        }
        this.arrive(t);
      } else this.leave(t);
    }
  }

  /** Refresh handleFactor, resolveFactor and meanProficiency for time `now` (the counts are always current). */
  update(now: number): void {
    const n = this.employed;
    const penalty = this.cfg.resolvePenalty;
    let count = 0, sumInv = 0, sumP = 0;
    for (let k = 0; k < n; k++) {
      const id = this.list[k];
      if (this.trained[id] === 0) continue;
      const ready = this.readyAt[id];
      const p = ready === -Infinity ? 1 : this.proficiency(now - ready);
      count++;
      sumInv += 1 / p;
      sumP += p;
    }
    if (count === 0) {
      this.handleFactor = 1;
      this.resolveFactor = 1;
      this.meanProficiency = 1;
    } else {
      this.handleFactor = sumInv / count;
      this.meanProficiency = sumP / count;
      this.resolveFactor = 1 - (penalty * (count - sumP)) / count; // mean of 1 − penalty·(1 − p)
    }
  }

  /**
   * Paid agents now, for salary cost (cost per minute = paidAgents · costPerHour / 60):
   *
   *   scheduledPaid · staffingRatio + (trainees + max(0, productive − target)) · hoursPerWeek / 168
   *
   * - The schedule is paid as far as it is filled: vacancies are not paid.
   * - Trainees are paid `hoursPerWeek` but off the floor: each is hoursPerWeek / 168 agents on
   *   average over the week (168 = 7 · 24 hours; paid hours spread evenly over the week).
   * - Productive employees beyond the target ARE paid on top, as hoursPerWeek / 168 each: they
   *   are on the payroll but the schedule is already full, so they add no floor capacity
   *   (a bench). Otherwise over-hiring ("plan") would be free.
   * The schedule part assumes that the schedule's mean paid agents ≈ target · hoursPerWeek / 168
   * (each target FTE works hoursPerWeek); if not, salaries follow the schedule.
   * @param scheduledPaid paid agents the pool's schedule has at this time (>= 0).
   */
  paidAgents(scheduledPaid: number): number {
    const surplus = this.employed - this.trainees - this.cfg.target;
    const offFloor = this.trainees + (surplus > 0 ? surplus : 0);
    return scheduledPaid * this.staffingRatio + (offFloor * this.cfg.hoursPerWeek * HOUR_MINUTES) / WEEK_MINUTES;
  }

  /** Proficiency of a hire `tenure` minutes after training ended. */
  proficiency(tenure: number): number {
    return rampProficiency(this.cfg.ramp, tenure);
  }

  // -------------------------------------------------------------------------------------

  /** Earliest of training end, requisition arrival, plan date. */
  private nextOther(): number {
    const tTrain = this.nextTrainingEnd();
    const tReq = this.requisitions.peek();
    const tPlan = this.planIndex < this.planAt.length ? this.planAt[this.planIndex] : Infinity;
    let t = tTrain < tReq ? tTrain : tReq;
    if (tPlan < t) t = tPlan;
    return t;
  }

  /** End of training of the earliest trainee still employed, Infinity if none (advances the cursor past leavers and the trained). */
  private nextTrainingEnd(): number {
    if (this.trainees === 0) {
      this.trainCursor = this.total;
      return Infinity;
    }
    let c = this.trainCursor;
    while (c < this.total && (this.position[c] < 0 || this.trained[c] === 1)) c++;
    this.trainCursor = c;
    return c < this.total ? this.readyAt[c] : Infinity;
  }

  private finishTraining(): void {
    this.trained[this.trainCursor] = 1;
    this.trainees--;
  }

  private arrive(t: number): void {
    this.addEmployee(t + this.cfg.training, false);
    this.trainees++;
    this.hires++;
    this.leaverStale = true;
    if (this.onHire !== undefined) this.onHire(t);
  }

  private leave(t: number): void {
    const k = Math.floor(this.attrition() * this.employed);
    const id = this.list[k];
    if (this.trained[id] === 0) this.trainees--;
    const last = this.list[--this.employed];
    this.list[k] = last;
    this.position[last] = k;
    this.position[id] = -1;
    this.leavers++;
    this.leaverStale = true;
    if (this.mode === "replace") this.openRequisitions(t);
  }

  /** "replace": open requisitions at t while employed + pipeline < target (not from the freeze on). */
  private openRequisitions(t: number): void {
    if (t >= this.freezeFrom) return;
    const lead = this.leadTime as Distribution;
    while (this.employed + this.requisitions.size < this.cfg.target) this.requisitions.push(t + lead.sample());
  }

  private drawLeaver(from: number): void {
    const rate = this.employed * this.cfg.attritionPerMinute;
    this.leaveAt = rate > 0 ? from - Math.log(1 - this.attrition()) / rate : Infinity;
    this.leaverStale = false;
  }

  private addEmployee(readyAt: number, trained: boolean): void {
    const id = this.total;
    if (id >= this.readyAt.length) this.grow();
    this.total = id + 1;
    this.readyAt[id] = readyAt;
    this.trained[id] = trained ? 1 : 0;
    const k = this.employed++;
    this.list[k] = id;
    this.position[id] = k;
  }

  private grow(): void {
    const n = this.readyAt.length * 2;
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.readyAt = f64(this.readyAt);
    this.position = i32(this.position);
    this.list = i32(this.list);
    const tr = new Uint8Array(n);
    tr.set(this.trained);
    this.trained = tr;
  }
}
