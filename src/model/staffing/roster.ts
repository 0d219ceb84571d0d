/**
 * A pool's weekly pattern (weeklyPattern.ts) on the simulation's time axis (t in minutes since
 * the scenario start) in the pool's IANA time zone, following daylight saving, one local day
 * at a time: memory does not grow with the horizon. Its forward-only cursor gives floor, paid
 * and the time of the next change.
 */
import { TimeZoneClock } from "../../time/zone.js";
import { DAY_MINUTES, DAY_MS, MINUTE_MS, WEEK_MINUTES } from "../../time/units.js";
import { describeValue as describe } from "./describeValue.js";
import type { WeeklyPattern } from "./weeklyPattern.js";

/** A Roster asked for a time this far (minutes) past its next change re-seats at that day instead of walking. */
const JUMP_MINUTES = 2 * WEEK_MINUTES;

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
