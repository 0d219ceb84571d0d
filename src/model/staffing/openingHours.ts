/**
 * Opening hours on the simulation's time axis: when a channel or an agent pool is open.
 *
 * A schedule is a `WeeklyHours` (src/model/supportConfig.ts): spans of local wall-clock time,
 * each `{ days, open, close }` with days 0 = Monday … 6 = Sunday and open/close in minutes
 * after LOCAL midnight (0 <= open < close <= 1440; close = 1440 is the next local midnight).
 * `undefined` means always open.
 *
 * Semantics:
 * - "Open at t" means t lies in a half-open interval [a, b) of some span: the opening minute
 *   is open, the closing minute is not. t is in minutes since the scenario start (t = 0).
 * - Times are LOCAL in the scenario's IANA time zone and follow daylight saving: "Mon 08:00"
 *   is 13:00 UTC in a New York winter and 12:00 UTC in summer. Local wall times are turned
 *   into instants with TimeZoneClock.instantOf (src/time/zone.ts): a wall time skipped by
 *   a spring-forward change moves forward by the gap (02:30 → 03:30), an ambiguous one in a
 *   fall-back change takes the earlier instant. So a day with a DST change has a 23- or
 *   25-hour span "00:00–24:00", and a span that lies wholly inside a gap and would end
 *   before it starts is dropped (it does not exist that day).
 * - Overlapping or adjacent intervals are merged, also across days: "Mon 00:00–24:00" and
 *   "Tue 00:00–08:00" are one interval from Monday midnight to Tuesday 08:00, and a night
 *   shift is written as two spans ("Fri 22:00–24:00", "Sat 00:00–06:00") that become one.
 *   A schedule that covers all of every day is always open, like `undefined`.
 * - The intervals are precomputed for a window of whole local days that contains at least
 *   [−7 days, horizon + 8 days] (`windowStart`, `windowEnd`), so the next opening after the
 *   horizon and the end of an interval that straddles it are known. Outside the window the
 *   schedule reads as closed. An empty span list is never open.
 *
 * Queries: a simulation asks about a clock that moves forward, so the object keeps a cursor
 * on the interval of the last query and walks a few steps from it, falling back to a binary
 * search for long jumps. Queries do not allocate.
 */
import { DAY_MINUTES, DAY_MS, MINUTE_MS } from "../../time/units.js";
import { TimeZoneClock, weekdayOfDay } from "../../time/zone.js";
import type { WeeklyHours } from "../config.js";
/** Local days computed before the start and after the horizon (>= 7 and >= 8, plus slack). */
const DAYS_BEFORE = 8;
const DAYS_AFTER = 9;
/** A limit on the window (about 100 years of local days), against a runaway horizon. */
const MAX_DAYS = 36_600;
/** Steps the cursor walks before it gives up and binary-searches. */
const LINEAR_STEPS = 8;

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return v === null ? "null" : typeof v;
}

export class OpeningHours {
  /** True when the channel or pool never closes (no schedule, or one covering every minute of the week). */
  readonly alwaysOpen: boolean;
  /** First t (minutes) of the precomputed window; −Infinity when always open. */
  readonly windowStart: number;
  /** End t (minutes, exclusive) of the precomputed window; +Infinity when always open. */
  readonly windowEnd: number;

  /** Interval starts (t, minutes), increasing. */
  private readonly starts: Float64Array;
  /** Interval ends (t, minutes, exclusive); ends[i] < starts[i + 1] (merged intervals never touch). */
  private readonly ends: Float64Array;
  /** Index of the first interval ending after the last queried t (0..n). */
  private cursor = 0;

  /**
   * @param hours the weekly schedule in local time; undefined = always open.
   * @param startEpochMs the scenario start (t = 0) as epoch milliseconds, e.g. from `parseStartEpochMs` (src/time/iso.ts).
   * @param timeZone the scenario's IANA time zone.
   * @param horizonMinutes the simulated span, minutes (>= 0).
   * @throws RangeError for a malformed schedule, an unknown time zone or a bad start or horizon.
   */
  constructor(hours: WeeklyHours | undefined, startEpochMs: number, timeZone: string, horizonMinutes: number) {
    if (typeof startEpochMs !== "number" || !Number.isFinite(startEpochMs)) {
      throw new RangeError(`opening hours: start: expected finite epoch milliseconds, got ${describe(startEpochMs)}`);
    }
    if (typeof horizonMinutes !== "number" || !Number.isFinite(horizonMinutes) || horizonMinutes < 0) {
      throw new RangeError(`opening hours: horizon: expected a finite number of minutes >= 0, got ${describe(horizonMinutes)}`);
    }
    const clock = new TimeZoneClock(timeZone);
    if (hours !== undefined) checkHours(hours);

    if (hours === undefined || coversWholeWeek(hours)) {
      this.alwaysOpen = true;
      this.windowStart = -Infinity;
      this.windowEnd = Infinity;
      this.starts = Float64Array.of(-Infinity);
      this.ends = Float64Array.of(Infinity);
      return;
    }
    this.alwaysOpen = false;

    // the window: whole local days around [−7 d, horizon + 8 d]
    const firstDay = clock.local(startEpochMs).dayNumber - DAYS_BEFORE;
    const lastDay = clock.local(startEpochMs + horizonMinutes * MINUTE_MS).dayNumber + DAYS_AFTER;
    if (lastDay - firstDay + 1 > MAX_DAYS) {
      throw new RangeError(`opening hours: horizon: expected at most about ${Math.floor((MAX_DAYS - DAYS_BEFORE - DAYS_AFTER) / 365)} years, got ${horizonMinutes} minutes`);
    }
    const toT = (ms: number): number => (ms - startEpochMs) / MINUTE_MS;
    this.windowStart = toT(clock.instantOf(firstDay * DAY_MS));
    this.windowEnd = toT(clock.instantOf((lastDay + 1) * DAY_MS));

    // spans per weekday, so that each local day is one lookup
    const byWeekday: { open: number; close: number }[][] = [[], [], [], [], [], [], []];
    for (const span of hours.spans) for (const d of span.days) byWeekday[d].push({ open: span.open, close: span.close });

    // every span of every local day as an interval of instants; days come in order, but the
    // spans of one day need not, so sort before merging
    const raw: { a: number; b: number }[] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      const weekday = weekdayOfDay(day);
      const midnight = day * DAY_MS;
      for (const { open, close } of byWeekday[weekday]) {
        const a = toT(clock.instantOf(midnight + open * MINUTE_MS));
        const b = toT(clock.instantOf(midnight + close * MINUTE_MS));
        if (b > a) raw.push({ a, b }); // empty when the span lies in a DST gap
      }
    }
    raw.sort((x, y) => x.a - y.a || x.b - y.b);

    const starts: number[] = [];
    const ends: number[] = [];
    for (const { a, b } of raw) {
      const last = ends.length - 1;
      if (last >= 0 && a <= ends[last]) {
        if (b > ends[last]) ends[last] = b; // overlapping or adjacent: extend
      } else {
        starts.push(a);
        ends.push(b);
      }
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
  }

  /**
   * Open whenever any of `parts` is open: a channel answered by pools in several time zones
   * (follow-the-sun) is open while one of them works. Always open if one part is; the window
   * is the intersection of the parts' windows (outside it the union reads as closed).
   */
  static union(parts: readonly OpeningHours[]): OpeningHours {
    if (parts.length === 0) throw new RangeError("opening hours: union of no schedules");
    if (parts.length === 1) return parts[0];
    const u = Object.create(OpeningHours.prototype) as { -readonly [K in keyof OpeningHours]: OpeningHours[K] } & { starts: Float64Array; ends: Float64Array; cursor: number };
    u.cursor = 0;
    if (parts.some((p) => p.alwaysOpen)) {
      u.alwaysOpen = true;
      u.windowStart = -Infinity;
      u.windowEnd = Infinity;
      u.starts = Float64Array.of(-Infinity);
      u.ends = Float64Array.of(Infinity);
      return u as unknown as OpeningHours;
    }
    const windowStart = Math.max(...parts.map((p) => p.windowStart));
    const windowEnd = Math.min(...parts.map((p) => p.windowEnd));
    const raw = parts.flatMap((p) => p.intervals()).sort((x, y) => x.start - y.start);
    const starts: number[] = [], ends: number[] = [];
    for (const { start, end } of raw) {
      const a = Math.max(start, windowStart), b = Math.min(end, windowEnd);
      if (!(b > a)) continue;
      const n = ends.length;
      if (n > 0 && a <= ends[n - 1]) ends[n - 1] = Math.max(ends[n - 1], b);
      else { starts.push(a); ends.push(b); }
    }
    u.alwaysOpen = false;
    u.windowStart = windowStart;
    u.windowEnd = windowEnd;
    u.starts = Float64Array.from(starts);
    u.ends = Float64Array.from(ends);
    return u as unknown as OpeningHours;
  }

  /** Whether the channel or pool is open at t (minutes since the scenario start). */
  isOpen(t: number): boolean {
    if (this.alwaysOpen) return true;
    const i = this.locate(t);
    return i < this.starts.length && this.starts[i] <= t;
  }

  /** t itself if open at t, else the start of the next open interval; Infinity if there is none. */
  nextOpen(t: number): number {
    if (this.alwaysOpen) return t;
    const i = this.locate(t);
    if (i >= this.starts.length) return Infinity;
    const s = this.starts[i];
    return s <= t ? t : s;
  }

  /** The end of the open interval containing t (when it closes next), or t itself if closed at t. */
  nextClose(t: number): number {
    if (this.alwaysOpen) return Infinity;
    const i = this.locate(t);
    return i < this.starts.length && this.starts[i] <= t ? this.ends[i] : t;
  }

  /** Total open time in [a, b), minutes (0 when b <= a). */
  openMinutesBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    if (this.alwaysOpen) return b - a;
    const starts = this.starts;
    const ends = this.ends;
    let total = 0;
    for (let i = this.locate(a); i < starts.length && starts[i] < b; i++) {
      total += (ends[i] < b ? ends[i] : b) - (starts[i] > a ? starts[i] : a);
    }
    return total;
  }

  /** The open intervals [start, end) in t-minutes, in order (a copy, for inspection and tests). */
  intervals(): { start: number; end: number }[] {
    return Array.from(this.starts, (start, i) => ({ start, end: this.ends[i] }));
  }

  /**
   * Index of the first interval whose end is after t (n if none), moving the cursor there:
   * a few linear steps from the last position, then a binary search.
   */
  private locate(t: number): number {
    if (t !== t) throw new RangeError("opening hours: expected a time in minutes, got NaN");
    const ends = this.ends;
    const n = ends.length;
    let i = this.cursor;
    if (i < n && ends[i] <= t) {
      // forward: the answer is above i
      let steps = 0;
      do i++;
      while (i < n && ends[i] <= t && ++steps < LINEAR_STEPS);
      if (i < n && ends[i] <= t) i = this.search(t, i + 1, n);
    } else if (i > 0 && ends[i - 1] > t) {
      // backward: the answer is below i
      let steps = 0;
      do i--;
      while (i > 0 && ends[i - 1] > t && ++steps < LINEAR_STEPS);
      if (i > 0 && ends[i - 1] > t) i = this.search(t, 0, i - 1);
    }
    this.cursor = i;
    return i;
  }

  /** The smallest index in [lo, hi] whose end is after t (hi = n stands for "none"), by bisection. */
  private search(t: number, lo: number, hi: number): number {
    const ends = this.ends;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Structural checks of a schedule built in memory (the scenario builder checks files first). */
function checkHours(hours: WeeklyHours): void {
  if (hours === null || typeof hours !== "object" || !Array.isArray(hours.spans)) {
    throw new RangeError(`opening hours: expected { spans: [{ days, open, close }, ...] } or undefined (always open), got ${describe(hours)}`);
  }
  hours.spans.forEach((span, k) => {
    const where = `opening hours: spans[${k}]`;
    if (span === null || typeof span !== "object" || !Array.isArray(span.days)) {
      throw new RangeError(`${where}: expected { days: number[], open, close }, got ${describe(span)}`);
    }
    span.days.forEach((d, j) => {
      if (!Number.isInteger(d) || d < 0 || d > 6) {
        throw new RangeError(`${where}.days[${j}]: expected an integer 0..6 (0 = Monday, 6 = Sunday), got ${describe(d)}`);
      }
    });
    const { open, close } = span;
    if (typeof open !== "number" || !Number.isFinite(open) || open < 0 || open >= DAY_MINUTES) {
      throw new RangeError(`${where}.open: expected minutes after local midnight in 0..1439, got ${describe(open)}`);
    }
    if (typeof close !== "number" || !Number.isFinite(close) || close <= open || close > DAY_MINUTES) {
      throw new RangeError(`${where}.close: expected minutes after local midnight, after open (${open}) and at most 1440, got ${describe(close)}`);
    }
  });
}

/** Whether the spans cover all of every weekday (then the schedule never closes, DST or not). */
function coversWholeWeek(hours: WeeklyHours): boolean {
  for (let day = 0; day < 7; day++) {
    const spans = hours.spans.filter((s) => s.days.includes(day)).sort((x, y) => x.open - y.open);
    let reach = 0;
    for (const s of spans) {
      if (s.open > reach) return false;
      if (s.close > reach) reach = s.close;
    }
    if (reach < DAY_MINUTES) return false;
  }
  return true;
}
