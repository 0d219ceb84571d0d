/**
 * Staffing over time: who is scheduled (paid) and who is on the floor, week by week, on the
 * simulation's time axis.
 *
 * 1. `WeeklyPattern` compiles a `PoolSchedule` (src/model/supportConfig.ts) into two
 *    piecewise-constant functions of the LOCAL minute of the week m ∈ [0, 10080)
 *    (0 = Monday 00:00 … 10079 = Sunday 23:59), wrapping from Sunday to Monday:
 *    - paid(m): agents scheduled and paid. Shifts: `agents` during [start, start + length),
 *      breaks included; table rows: `agents` in [open, close), rows add up; "hours": `agents`
 *      during the union of the spans (overlapping spans do not add), or always if `hours` is
 *      undefined.
 *    - floor(m) = paid(m) − agents on a break. Break b of a shift of n agents starting at s:
 *      agent i (0 ≤ i < n) is off during [s + after + i·stagger/n, … + length) (stagger 0: all
 *      together). Only shifts have breaks; for rows and "hours" floor = paid.
 *    A shift may run past midnight into the next day, and Sunday's into Monday. Change points
 *    are kept on a dyadic grid of 2⁻²⁰ minute (about 57 µs), so the same point reached by
 *    two computations (a break end and another break's start) is one point and the weekly
 *    integrals are exact sums.
 *
 * 2. `Roster` lays the pattern on the time axis (t in minutes since the scenario start) in the
 *    pool's IANA time zone, following daylight saving, one local day at a time: memory does
 *    not grow with the horizon. Its forward-only cursor gives floor, paid and the time of the
 *    next change.
 *
 * 3. `timeShared` / `nextTimeShareChange`: a fractional number of available agents
 *    (floor × (1 − shrinkage) × …) realised as whole agents by time-sharing within intervals.
 */
import { TimeZoneClock } from "../../time/zone.js";
import type { PoolSchedule, ShiftConfig, WeeklyHours } from "../config.js";

/** Minutes in a day and in a week. */
export const DAY_MINUTES = 1440;
export const WEEK_MINUTES = 7 * DAY_MINUTES;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Change points are rounded to multiples of 2⁻²⁰ minute (exactly representable, exact sums). */
const GRID = 2 ** 20;
/** A Roster asked for a time this far (minutes) past its next change re-seats at that day instead of walking. */
const JUMP_MINUTES = 2 * WEEK_MINUTES;

function snap(x: number): number {
  return Math.round(x * GRID) / GRID;
}

/**
 * Minutes into the shift at which agent i of n starts / ends a break, each snapped from the
 * unrounded sum, so that a break ending where the next begins (after 30.3, length 0.6; after
 * 30.9) touches instead of overlapping by 4e-15. Validation and the pattern use the same two
 * functions, so a break that passes validation ends inside its shift in the pattern too.
 */
function breakStart(after: number, stagger: number, i: number, n: number): number {
  return snap(after + (i * stagger) / n);
}
function breakEnd(after: number, stagger: number, length: number, i: number, n: number): number {
  return snap(after + (i * stagger) / n + length);
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return v === null ? "null" : typeof v;
}

/** A number for messages: at most 3 decimals. */
function fmt(x: number): string {
  return String(+x.toFixed(3));
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

// ---------------------------------------------------------------------------------------
// Validation

function checkDays(where: string, days: unknown, out: string[]): void {
  if (!Array.isArray(days)) {
    out.push(`${where}: days: expected an array of weekdays 0..6 (0 = Monday, 6 = Sunday), got ${describe(days)}`);
    return;
  }
  if (days.length === 0) {
    out.push(`${where}: days: expected at least one day 0..6 (0 = Monday, 6 = Sunday), got none`);
    return;
  }
  const seen = new Set<number>();
  days.forEach((d, j) => {
    if (!Number.isInteger(d) || d < 0 || d > 6) {
      out.push(`${where}: days[${j}]: expected an integer 0..6 (0 = Monday, 6 = Sunday), got ${describe(d)}`);
    } else if (seen.has(d)) {
      out.push(`${where}: days: day ${d} is listed twice`);
    } else {
      seen.add(d);
    }
  });
}

function checkAgents(where: string, agents: unknown, out: string[]): boolean {
  if (!Number.isSafeInteger(agents) || (agents as number) < 0) {
    out.push(`${where}: agents: expected a non-negative integer, got ${describe(agents)}`);
    return false;
  }
  return true;
}

/** open/close of a row or an opening span: 0 <= open < close <= 1440. */
function checkOpenClose(where: string, open: unknown, close: unknown, out: string[]): void {
  const openOk = isNum(open) && open >= 0 && open <= DAY_MINUTES;
  if (!openOk) out.push(`${where}: open: expected minutes after local midnight in 0..1440, got ${describe(open)}`);
  if (!isNum(close) || close < 0 || close > DAY_MINUTES) {
    out.push(`${where}: close: expected minutes after local midnight in 0..1440, got ${describe(close)}`);
  } else if (openOk && close <= open) {
    out.push(`${where}: close: expected a time after open (${fmt(open as number)}), got ${describe(close)}`);
  }
}

function checkShift(shift: ShiftConfig, k: number, out: string[]): void {
  if (shift === null || typeof shift !== "object") {
    out.push(`shifts[${k}]: expected { name, days, start, length, agents, breaks }, got ${describe(shift)}`);
    return;
  }
  const where = typeof shift.name === "string" && shift.name !== "" ? `shift ${JSON.stringify(shift.name)}` : `shifts[${k}]`;
  checkDays(where, shift.days, out);
  const { start, length, agents, breaks } = shift;
  if (!isNum(start) || start < 0 || start > DAY_MINUTES) {
    out.push(`${where}: start: expected minutes after local midnight in 0..1440, got ${describe(start)}`);
  }
  const lengthOk = isNum(length) && length > 0 && length <= DAY_MINUTES;
  if (!lengthOk) {
    out.push(`${where}: length: expected minutes in (0, 1440] (a shift longer than a day would overlap itself), got ${describe(length)}`);
  }
  const agentsOk = checkAgents(where, agents, out);
  if (!Array.isArray(breaks)) {
    out.push(`${where}: breaks: expected an array of { after, length, stagger } (may be empty), got ${describe(breaks)}`);
    return;
  }
  // for the checks that need a head count, a shift of 0 agents is checked as one of 1
  const n = agentsOk && (agents as number) > 0 ? (agents as number) : 1;
  const good: { j: number; after: number; length: number; stagger: number }[] = [];
  breaks.forEach((b, j) => {
    const at = `${where}: breaks[${j}]`;
    if (b === null || typeof b !== "object") {
      out.push(`${at}: expected { after, length, stagger }, got ${describe(b)}`);
      return;
    }
    let ok = true;
    if (!isNum(b.after) || b.after < 0) {
      out.push(`${at}.after: expected minutes >= 0 into the shift, got ${describe(b.after)}`);
      ok = false;
    }
    if (!isNum(b.length) || b.length <= 0) {
      out.push(`${at}.length: expected minutes > 0, got ${describe(b.length)}`);
      ok = false;
    }
    if (!isNum(b.stagger) || b.stagger < 0) {
      out.push(`${at}.stagger: expected minutes >= 0 (0: all agents together), got ${describe(b.stagger)}`);
      ok = false;
    }
    if (!ok) return;
    good.push({ j, after: b.after, length: b.length, stagger: b.stagger });
    if (lengthOk && agentsOk) {
      const end = breakEnd(b.after, b.stagger, b.length, n - 1, n);
      if (end > snap(length)) {
        out.push(
          `${at}: expected the break to end inside the shift (after + stagger·(n−1)/n + length <= ${fmt(length)}), ` +
            `but the last agent's break ends ${fmt(end)} minutes into it (after ${fmt(b.after)} + stagger ${fmt(b.stagger)}·${n - 1}/${n} + length ${fmt(b.length)})`,
        );
      }
    }
  });
  if (!agentsOk) return;
  for (let x = 0; x < good.length; x++) {
    for (let y = x + 1; y < good.length; y++) {
      const p = good[x];
      const q = good[y];
      for (let i = 0; i < n; i++) {
        const ps = breakStart(p.after, p.stagger, i, n);
        const pe = breakEnd(p.after, p.stagger, p.length, i, n);
        const qs = breakStart(q.after, q.stagger, i, n);
        const qe = breakEnd(q.after, q.stagger, q.length, i, n);
        if (ps < qe && qs < pe) {
          out.push(
            `${where}: breaks[${p.j}] and breaks[${q.j}] overlap for agent ${i} of ${n} ` +
              `(minutes ${fmt(ps)}–${fmt(pe)} and ${fmt(qs)}–${fmt(qe)} into the shift); an agent takes one break at a time`,
          );
          break;
        }
      }
    }
  }
}

/**
 * The problems of a schedule, one clear line each (empty when it is valid): the messages the
 * WeeklyPattern constructor throws. Shifts are named by name (`shift "Early"`, or
 * `shifts[k]` when unnamed), table rows and opening spans by index (`rows[k]`,
 * `hours.spans[k]`). Checked: days (non-empty, integers 0..6, no repeats), start/open/close
 * in 0..1440 with close > open, shift length in (0, 1440], agents a non-negative integer,
 * break fields (after >= 0, length > 0, stagger >= 0), every agent's break ending inside its
 * shift (after + stagger·(n−1)/n + length <= shift length), and no two breaks of a shift
 * overlapping for any agent.
 */
export function scheduleProblems(schedule: PoolSchedule): string[] {
  const out: string[] = [];
  if (schedule === null || typeof schedule !== "object") {
    out.push(`schedule: expected { type: "hours" | "shifts" | "table", … }, got ${describe(schedule)}`);
    return out;
  }
  switch (schedule.type) {
    case "hours": {
      checkAgents("hours", schedule.agents, out);
      const hours = schedule.hours;
      if (hours === undefined) break;
      if (hours === null || typeof hours !== "object" || !Array.isArray(hours.spans)) {
        out.push(`hours: expected { spans: [{ days, open, close }, …] } or undefined (around the clock), got ${describe(hours)}`);
        break;
      }
      hours.spans.forEach((span, k) => {
        const where = `hours.spans[${k}]`;
        if (span === null || typeof span !== "object") {
          out.push(`${where}: expected { days, open, close }, got ${describe(span)}`);
          return;
        }
        checkDays(where, span.days, out);
        checkOpenClose(where, span.open, span.close, out);
      });
      break;
    }
    case "shifts":
      if (!Array.isArray(schedule.shifts)) {
        out.push(`shifts: expected an array of shift patterns, got ${describe(schedule.shifts)}`);
        break;
      }
      schedule.shifts.forEach((shift, k) => checkShift(shift, k, out));
      break;
    case "table":
      if (!Array.isArray(schedule.rows)) {
        out.push(`rows: expected an array of { days, open, close, agents }, got ${describe(schedule.rows)}`);
        break;
      }
      schedule.rows.forEach((row, k) => {
        const where = `rows[${k}]`;
        if (row === null || typeof row !== "object") {
          out.push(`${where}: expected { days, open, close, agents }, got ${describe(row)}`);
          return;
        }
        checkDays(where, row.days, out);
        checkOpenClose(where, row.open, row.close, out);
        checkAgents(where, row.agents, out);
      });
      break;
    default:
      out.push(`schedule: type: expected "hours", "shifts" or "table", got ${describe((schedule as { type: unknown }).type)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Weekly pattern

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

// ---------------------------------------------------------------------------------------
// Roster

/**
 * A WeeklyPattern on the simulation's time axis in an IANA time zone, generated lazily one
 * local day at a time (a buffer of at most one day's change points: memory does not grow with
 * the horizon).
 *
 * Cursor: `advance(t)` with t >= 0 non-decreasing across calls; then `floor` and `paid` are
 * the values at t and `next` (> t) the time of the next change of either (Infinity when the
 * pattern is constant). Values are right-continuous: a change at c is in force at t = c.
 *
 * Local time: the change points of each local day are wall times turned into instants with
 * TimeZoneClock.instantOf, as coverage.ts does: a wall time skipped by a spring-forward change
 * moves forward by the gap (02:30 → 03:30 in the new offset), one in the repeated fall-back
 * hour takes the earlier instant. The instants are then made non-decreasing in local order (a
 * point that would map before the previous one, possible only just after a gap, is moved to
 * it) and equal instants are merged, the later (in local order) value winning; a merged point
 * that changes nothing is dropped, so change times are strictly increasing.
 *
 * Shift lengths, break offsets and row spans are WALL-CLOCK durations: a night shift
 * 22:00 + 8 h across a spring-forward night is 7 real hours (and 9 across a fall-back night),
 * and a break written at 01:00–02:00 on the fall-back night lasts from 01:00 (first
 * occurrence) to 02:00 (after the repeated hour), 2 real hours.
 *
 * A jump of more than two weeks past the next change re-seats the generation at the local day
 * before t (value at its local midnight from the pattern) instead of walking every day; the
 * result is the same.
 */
export class Roster {
  readonly pattern: WeeklyPattern;
  readonly startEpochMs: number;
  readonly timeZone: string;
  /** Capacity of the internal buffer of change points (the pattern's most changes on one weekday). */
  readonly bufferCapacity: number;

  private readonly clock: TimeZoneClock;
  private readonly bufT: Float64Array;
  private readonly bufF: Float64Array;
  private readonly bufP: Float64Array;
  private bufLen = 0;
  private bufIdx = 0;
  /** The next local day number (days since 1970-01-01 local) to generate. */
  private nextDay = 0;
  /** Running maximum of the generated instants (t, minutes). */
  private lastRawT = -Infinity;
  private generated = 0;

  private curF = 0;
  private curP = 0;
  private nextT = Infinity;
  private nextF = 0;
  private nextP = 0;
  private lastT = 0;

  /**
   * @param pattern the weekly pattern in local time.
   * @param startEpochMs the scenario start (t = 0) as epoch milliseconds (coverage.ts `parseStartEpochMs`).
   * @param timeZone the pool's IANA time zone.
   * @throws RangeError for a non-finite start or an unknown time zone.
   */
  constructor(pattern: WeeklyPattern, startEpochMs: number, timeZone: string) {
    if (typeof startEpochMs !== "number" || !Number.isFinite(startEpochMs)) {
      throw new RangeError(`roster: start: expected finite epoch milliseconds, got ${describe(startEpochMs)}`);
    }
    this.clock = new TimeZoneClock(timeZone);
    this.pattern = pattern;
    this.startEpochMs = startEpochMs;
    this.timeZone = timeZone;
    this.bufferCapacity = Math.max(1, pattern.maxChangesPerDay);
    this.bufT = new Float64Array(this.bufferCapacity);
    this.bufF = new Float64Array(this.bufferCapacity);
    this.bufP = new Float64Array(this.bufferCapacity);
    this.seat(0);
    this.apply(0);
  }

  /** Agents on the floor at the last advanced time. */
  get floor(): number {
    return this.curF;
  }

  /** Agents paid at the last advanced time. */
  get paid(): number {
    return this.curP;
  }

  /** Time (minutes) of the next change of floor or paid after the last advanced time; Infinity if none. */
  get next(): number {
    return this.nextT;
  }

  /** The last time passed to `advance` (0 at first). */
  get time(): number {
    return this.lastT;
  }

  /** Change points currently held in the internal buffer (at most `bufferCapacity`). */
  get bufferedChanges(): number {
    return this.bufLen;
  }

  /** Local days generated so far (for tests of laziness). */
  get daysGenerated(): number {
    return this.generated;
  }

  /**
   * Moves the cursor to t (minutes since the start; finite, t >= 0 and >= the previous t).
   * @throws RangeError for NaN, an infinite or negative t, or a t before the previous one.
   */
  advance(t: number): void {
    if (!(t >= this.lastT) || t === Infinity) {
      throw new RangeError(`roster: advance: expected a finite time >= ${this.lastT} (the cursor only moves forward), got ${describe(t)}`);
    }
    this.lastT = t;
    if (t - this.nextT > JUMP_MINUTES) {
      this.seat(t);
    }
    this.apply(t);
  }

  /** Applies every change at or before t. */
  private apply(t: number): void {
    while (this.nextT <= t) {
      this.curF = this.nextF;
      this.curP = this.nextP;
      this.findNext();
    }
  }

  /** Restarts generation at the local day before the one containing t, with the pattern's values at its midnight. */
  private seat(t: number): void {
    const day = this.clock.local(this.startEpochMs + t * MINUTE_MS).dayNumber - 1;
    this.nextDay = day;
    this.lastRawT = -Infinity;
    this.bufLen = 0;
    this.bufIdx = 0;
    const m = weekdayOf(day) * DAY_MINUTES;
    this.curF = this.pattern.floorAt(m);
    this.curP = this.pattern.paidAt(m);
    this.findNext();
  }

  /** The next effective change after the current values: groups of equal instants merged (last wins), no-ops skipped. */
  private findNext(): void {
    if (this.pattern.constant) {
      this.nextT = Infinity;
      return;
    }
    for (;;) {
      this.fill();
      const t1 = this.bufT[this.bufIdx];
      let f = this.bufF[this.bufIdx];
      let p = this.bufP[this.bufIdx];
      this.bufIdx++;
      for (;;) {
        this.fill();
        if (this.bufT[this.bufIdx] !== t1) break;
        f = this.bufF[this.bufIdx];
        p = this.bufP[this.bufIdx];
        this.bufIdx++;
      }
      if (f !== this.curF || p !== this.curP) {
        this.nextT = t1;
        this.nextF = f;
        this.nextP = p;
        return;
      }
    }
  }

  /** Makes sure the buffer holds an unread point, generating local days as needed (the pattern is not constant). */
  private fill(): void {
    while (this.bufIdx >= this.bufLen) {
      const day = this.nextDay++;
      const ch = this.pattern.changesOn(weekdayOf(day));
      const midnight = day * DAY_MS;
      const n = ch.minutes.length;
      let last = this.lastRawT;
      for (let k = 0; k < n; k++) {
        let t = (this.clock.instantOf(midnight + ch.minutes[k] * MINUTE_MS) - this.startEpochMs) / MINUTE_MS;
        if (t < last) t = last;
        last = t;
        this.bufT[k] = t;
        this.bufF[k] = ch.floor[k];
        this.bufP[k] = ch.paid[k];
      }
      this.lastRawT = last;
      this.bufLen = n;
      this.bufIdx = 0;
      this.generated++;
    }
  }
}

/** 0 = Monday … 6 = Sunday of a local day number (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------
// Time-sharing a fractional number of agents

/** Values within this of an integer are that integer (floating-point noise such as 10 × 0.7). */
const SNAP = 1e-9;

function snapCount(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= SNAP ? r + 0 : x; // + 0: −0 → 0
}

function checkShare(x: number, t: number, L: number): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`time share: agents: expected a finite number >= 0, got ${describe(x)}`);
  const v = snapCount(x);
  if (v < 0) throw new RangeError(`time share: agents: expected a number >= 0, got ${x}`);
  if (typeof L !== "number" || !Number.isFinite(L) || L <= 0) throw new RangeError(`time share: interval: expected a length in minutes > 0, got ${describe(L)}`);
  if (typeof t !== "number" || !Number.isFinite(t)) throw new RangeError(`time share: expected a finite time in minutes, got ${describe(t)}`);
  return v;
}

/** The minutes into each interval during which the extra agent works: x·L − ⌊x⌋·L, snapped to a whole minute within 1e-9·L. */
function sharePoint(x: number, n: number, L: number): number {
  const b = x * L - n * L;
  const r = Math.round(b);
  return Math.abs(b - r) <= SNAP * L ? r : b;
}

/** Start of the interval [kL, (k+1)L) containing t (guarded against rounding of t/L). */
function intervalStart(t: number, L: number): number {
  let s = Math.floor(t / L) * L;
  if (s > t) s -= L;
  else if (s + L <= t) s += L;
  return s;
}

/**
 * Whole agents available at t when x (fractional) are available on average: ⌊x⌋, plus one
 * during the first frac(x)·L minutes of each interval [kL, (k+1)L) (t = 0 starts one), so an
 * interval with constant x gets exactly x·L agent-minutes. x within 1e-9 of an integer is
 * that integer (10 × 0.7 gives 7, and −1e-12 gives 0); the share point frac(x)·L, computed as
 * x·L − ⌊x⌋·L, is snapped to a whole minute when within 1e-9·L of one (5.6 × 30 → 18).
 * @throws RangeError for x < 0, NaN or infinite x, L <= 0, or a non-finite t.
 */
export function timeShared(x: number, t: number, L: number): number {
  const v = checkShare(x, t, L);
  const n = Math.floor(v);
  if (v === n) return n;
  return t - intervalStart(t, L) < sharePoint(v, n, L) ? n + 1 : n;
}

/**
 * The next time > t at which timeShared(x, ·, L) may change for constant x: the share point
 * of t's interval if still ahead, else the next interval start. For a whole x (after
 * snapping) the count never changes: Infinity (the caller re-asks when x changes anyway).
 * @throws RangeError as timeShared.
 */
export function nextTimeShareChange(x: number, t: number, L: number): number {
  const v = checkShare(x, t, L);
  const n = Math.floor(v);
  if (v === n) return Infinity;
  const s = intervalStart(t, L);
  const b = s + sharePoint(v, n, L);
  return b > t ? b : s + L;
}
