/**
 * A pool's schedule as a week: `WeeklyPattern` compiles a `PoolSchedule` (src/model/config.ts)
 * into two piecewise-constant functions of the LOCAL minute of the week m ∈ [0, 10080)
 * (0 = Monday 00:00 … 10079 = Sunday 23:59), wrapping from Sunday to Monday:
 *
 * - paid(m): agents scheduled and paid. Shifts: `agents` during [start, start + length),
 *   breaks included; table rows: `agents` in [open, close), rows add up; "hours": `agents`
 *   during the union of the spans (overlapping spans do not add), or always if `hours` is
 *   undefined.
 * - floor(m) = paid(m) − agents on a break. Break b of a shift of n agents starting at s:
 *   agent i (0 ≤ i < n) is off during [s + after + i·stagger/n, … + length) (stagger 0: all
 *   together). Only shifts have breaks; for rows and "hours" floor = paid.
 *
 * A shift may run past midnight into the next day, and Sunday's into Monday. Change points
 * are kept on a dyadic grid of 2⁻²⁰ minute (breaks.ts), so the weekly integrals are exact
 * sums. roster.ts lays the pattern on the simulation's time axis.
 */
import { DAY_MINUTES, WEEK_MINUTES } from "../../time/units.js";
import type { PoolSchedule, WeeklyHours } from "../config.js";
import { breakEnd, breakStart, snap } from "./breaks.js";
import { describeValue as describe } from "./describeValue.js";
import { scheduleProblems } from "./scheduleProblems.js";

/** Step edges on the week, accumulated then swept into segments. */
class WeekSteps {
  basePaid = 0;
  baseFloor = 0;
  private readonly pos: number[] = [];
  private readonly dPaid: number[] = [];
  private readonly dFloor: number[] = [];

  /** Adds (dPaid, dFloor) on the half-open interval [a, a + len) of week minutes, a ∈ [0, 2W), 0 < len <= W, wrapping. */
  add(a: number, len: number, dPaid: number, dFloor: number): void {
    const s = a >= WEEK_MINUTES ? a - WEEK_MINUTES : a;
    let e = s + len;
    if (e >= WEEK_MINUTES) {
      // the interval is in force at the start of the week (Monday 00:00)
      e -= WEEK_MINUTES;
      this.basePaid += dPaid;
      this.baseFloor += dFloor;
    }
    this.push(s, dPaid, dFloor);
    this.push(e, -dPaid, -dFloor);
  }

  private push(p: number, dp: number, df: number): void {
    this.pos.push(p);
    this.dPaid.push(dp);
    this.dFloor.push(df);
  }

  /** Segments [starts[i], starts[i + 1]) with their values; starts[0] = 0; equal positions merged (not yet equal values). */
  sweep(): { starts: number[]; paid: number[]; floor: number[] } {
    const order = this.pos.map((_, i) => i).sort((x, y) => this.pos[x] - this.pos[y]);
    const starts = [0];
    let p = this.basePaid;
    let f = this.baseFloor;
    let k = 0;
    while (k < order.length && this.pos[order[k]] === 0) {
      p += this.dPaid[order[k]];
      f += this.dFloor[order[k]];
      k++;
    }
    const paid = [p];
    const floor = [f];
    while (k < order.length) {
      const at = this.pos[order[k]];
      while (k < order.length && this.pos[order[k]] === at) {
        p += this.dPaid[order[k]];
        f += this.dFloor[order[k]];
        k++;
      }
      starts.push(at);
      paid.push(p);
      floor.push(f);
    }
    return { starts, paid, floor };
  }
}

/** The change points of one local day: minutes after local midnight (increasing, in [0, 1440)) and the values from then on. */
export interface DayChanges {
  readonly minutes: Float64Array;
  readonly floor: Float64Array;
  readonly paid: Float64Array;
}

/**
 * A pool's schedule as two piecewise-constant functions of the local minute of the week
 * (see the module comment): paid(m) and floor(m) = paid(m) − agents on a break. Immutable.
 */
export class WeeklyPattern {
  /** Most agents paid at once over the week. */
  readonly maxPaid: number;
  /** Most agents on the floor at once over the week (the pool's slots). */
  readonly maxFloor: number;
  /** ∫ paid(m) dm over the week, agent-minutes (breaks included). */
  readonly paidMinutesPerWeek: number;
  /** ∫ floor(m) dm over the week, agent-minutes (breaks excluded). */
  readonly floorMinutesPerWeek: number;
  /** True when paid and floor never change over the week (then a Roster has no changes at all). */
  readonly constant: boolean;

  /** Segment starts (week minutes, increasing, starts[0] = 0); neighbours differ in value (except maybe the last and the first). */
  private readonly starts: Float64Array;
  private readonly paid: Float64Array;
  private readonly floor: Float64Array;
  private readonly byWeekday: DayChanges[];

  /** @throws RangeError with the first of `scheduleProblems(schedule)` (and how many more there are). */
  constructor(schedule: PoolSchedule) {
    const problems = scheduleProblems(schedule);
    if (problems.length > 0) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
      throw new RangeError(`${problems[0]}${more}`);
    }

    const steps = new WeekSteps();
    let mapCount: number | undefined; // "hours": the steps count spans; values become agents·[count > 0]
    switch (schedule.type) {
      case "hours":
        if (schedule.hours === undefined) {
          steps.basePaid = schedule.agents;
          steps.baseFloor = schedule.agents;
        } else {
          mapCount = schedule.agents;
          for (const span of schedule.hours.spans) {
            for (const d of span.days) steps.add(d * DAY_MINUTES + snap(span.open), snap(span.close) - snap(span.open), 1, 1);
          }
        }
        break;
      case "shifts":
        for (const shift of schedule.shifts) {
          const n = shift.agents;
          if (n === 0) continue;
          const length = snap(shift.length);
          for (const d of shift.days) {
            const s = d * DAY_MINUTES + snap(shift.start);
            steps.add(s, length, n, n);
            for (const b of shift.breaks) {
              for (let i = 0; i < n; i++) {
                const bs = breakStart(b.after, b.stagger, i, n);
                steps.add(s + bs, breakEnd(b.after, b.stagger, b.length, i, n) - bs, 0, -1);
              }
            }
          }
        }
        break;
      case "table":
        for (const row of schedule.rows) {
          if (row.agents === 0) continue;
          for (const d of row.days) steps.add(d * DAY_MINUTES + snap(row.open), snap(row.close) - snap(row.open), row.agents, row.agents);
        }
        break;
    }

    const raw = steps.sweep();
    if (mapCount !== undefined) {
      const a = mapCount;
      raw.paid = raw.paid.map((c) => (c > 0 ? a : 0));
      raw.floor = raw.floor.map((c) => (c > 0 ? a : 0));
    }
    // merge neighbours of equal value
    const starts: number[] = [];
    const paid: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < raw.starts.length; i++) {
      const last = starts.length - 1;
      if (last >= 0 && paid[last] === raw.paid[i] && floor[last] === raw.floor[i]) continue;
      starts.push(raw.starts[i]);
      paid.push(raw.paid[i]);
      floor.push(raw.floor[i]);
    }
    this.starts = Float64Array.from(starts);
    this.paid = Float64Array.from(paid);
    this.floor = Float64Array.from(floor);
    this.constant = starts.length === 1;

    let maxPaid = 0;
    let maxFloor = 0;
    let paidSum = 0;
    let floorSum = 0;
    for (let i = 0; i < starts.length; i++) {
      const len = (i + 1 < starts.length ? starts[i + 1] : WEEK_MINUTES) - starts[i];
      paidSum += paid[i] * len;
      floorSum += floor[i] * len;
      if (paid[i] > maxPaid) maxPaid = paid[i];
      if (floor[i] > maxFloor) maxFloor = floor[i];
    }
    this.maxPaid = maxPaid;
    this.maxFloor = maxFloor;
    this.paidMinutesPerWeek = paidSum;
    this.floorMinutesPerWeek = floorSum;

    // change points per weekday: where the value differs from the one just before (cyclically)
    const n = starts.length;
    const days: { minutes: number[]; floor: number[]; paid: number[] }[] = [];
    for (let w = 0; w < 7; w++) days.push({ minutes: [], floor: [], paid: [] });
    if (n > 1) {
      for (let i = 0; i < n; i++) {
        const prev = i === 0 ? n - 1 : i - 1;
        if (paid[prev] === paid[i] && floor[prev] === floor[i]) continue;
        const w = Math.floor(starts[i] / DAY_MINUTES);
        days[w].minutes.push(starts[i] - w * DAY_MINUTES);
        days[w].floor.push(floor[i]);
        days[w].paid.push(paid[i]);
      }
    }
    this.byWeekday = days.map((d) => ({
      minutes: Float64Array.from(d.minutes),
      floor: Float64Array.from(d.floor),
      paid: Float64Array.from(d.paid),
    }));
  }

  /** Agents on the floor at local week minute m (any finite m; taken modulo the week). */
  floorAt(m: number): number {
    return this.floor[this.index(m)];
  }

  /** Agents paid at local week minute m (any finite m; taken modulo the week). */
  paidAt(m: number): number {
    return this.paid[this.index(m)];
  }

  /**
   * The change points of weekday `weekday` (0 = Monday … 6 = Sunday): minutes after local
   * midnight where floor or paid changes, and the values from then on. Internal arrays: do
   * not modify.
   */
  changesOn(weekday: number): DayChanges {
    if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
      throw new RangeError(`weekly pattern: weekday: expected an integer 0..6 (0 = Monday), got ${describe(weekday)}`);
    }
    return this.byWeekday[weekday];
  }

  /** The most change points on any one weekday. */
  get maxChangesPerDay(): number {
    let m = 0;
    for (const d of this.byWeekday) if (d.minutes.length > m) m = d.minutes.length;
    return m;
  }

  /** The segments [start, end) of the week with their values (a copy, for inspection and tests). */
  segments(): { start: number; end: number; paid: number; floor: number }[] {
    const n = this.starts.length;
    return Array.from(this.starts, (start, i) => ({
      start,
      end: i + 1 < n ? this.starts[i + 1] : WEEK_MINUTES,
      paid: this.paid[i],
      floor: this.floor[i],
    }));
  }

  /**
   * The local opening spans where floor > 0, as a WeeklyHours: the pieces of each day, each
   * `{ days: [d…], open, close }` with close 1440 for a piece ending at midnight (a night
   * shift gives "Fri 22:00–24:00" and "Sat 00:00–06:00"); days with identical pieces share a
   * span. Spans are ordered by their first day, then open. `{ spans: [] }` when nobody is
   * ever on the floor; undefined when floor > 0 at every minute of the week (always open).
   */
  staffedHours(): WeeklyHours | undefined {
    // pieces per day, contiguous positive segments merged
    const pieces: { day: number; open: number; close: number }[] = [];
    const segs = this.segments();
    let allPositive = true;
    for (const s of segs) {
      if (!(s.floor > 0)) {
        allPositive = false;
        continue;
      }
      let a = s.start;
      while (a < s.end) {
        const day = Math.floor(a / DAY_MINUTES);
        const b = Math.min(s.end, (day + 1) * DAY_MINUTES);
        const open = a - day * DAY_MINUTES;
        const close = b - day * DAY_MINUTES;
        const last = pieces[pieces.length - 1];
        if (last !== undefined && last.day === day && last.close === open) last.close = close;
        else pieces.push({ day, open, close });
        a = b;
      }
    }
    if (allPositive) return undefined;
    const byKey = new Map<string, { days: number[]; open: number; close: number }>();
    for (const p of pieces) {
      const key = `${p.open}/${p.close}`;
      const span = byKey.get(key);
      if (span === undefined) byKey.set(key, { days: [p.day], open: p.open, close: p.close });
      else if (!span.days.includes(p.day)) span.days.push(p.day);
    }
    const spans = [...byKey.values()];
    spans.sort((x, y) => x.days[0] - y.days[0] || x.open - y.open);
    return { spans };
  }

  /** The segment containing week minute m (binary search). */
  private index(m: number): number {
    if (!Number.isFinite(m)) throw new RangeError(`weekly pattern: expected a finite minute of the week, got ${describe(m)}`);
    let w = m % WEEK_MINUTES;
    if (w < 0) w += WEEK_MINUTES;
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= w) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
