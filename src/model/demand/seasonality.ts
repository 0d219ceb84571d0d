/**
 * Demand seasonality S(t): the multiplier that shapes a base contact (or need) rate over time.
 *
 *   S(t) = I(slot(t)) · W(weekday(t)) · M(month(t)) · (1 + g)^(t / Y)
 *
 * - I: intraday curve, one value per local 30-minute slot (48 values, slot 0 = 00:00–00:30);
 * - W: weekly pattern, one value per local weekday, Monday..Sunday (7 values);
 * - M: monthly pattern, one value per local calendar month, January..December (12 values);
 * - g: annual growth rate (e.g. 0.1 = +10 % a year), compounded continuously in t, with
 *   Y = 365.25 days = 525,960 minutes; the trend is 1 at t = 0.
 *
 * t is in minutes since the scenario start. Slots, weekdays and months are those of the LOCAL
 * wall clock in the scenario's IANA time zone, so the curve follows local time across daylight
 * saving changes: a "Monday 10:00" slot is at 15:00 UTC in New York winter and 14:00 UTC in
 * summer. On the spring-forward day the skipped local slots simply do not occur; on the
 * fall-back day the repeated local hour takes its slots' values twice.
 *
 * Normalisation (each given array or preset is rescaled, its shape kept):
 * - I is divided by its arithmetic mean over its 48 slots, so mean(I) = 1;
 * - W is divided by its mean over the 7 days, so mean(W) = 1;
 * - M is divided by its mean over the 12 months, so mean(M) = 1 (an unweighted mean: months
 *   of different lengths are not weighted by days, so the time average of M over a calendar
 *   year is close to, not exactly, 1).
 * Hence, over any full local week of 7 × 24 h (no DST change inside it) and without the
 * monthly/trend terms, the time average of S is exactly 1: a base rate λ keeps its weekly
 * volume and only its shape changes. Omitted components are flat (all 1).
 *
 * Cost: local calendar facts come from Intl.DateTimeFormat, which is slow per call; they are
 * computed once per local day (a handful of Intl calls) and cached as the day's slot
 * boundaries and factors, so `multiplier` is a cached lookup plus, with growth, one exp().
 * `piecewise` is meant to be called for the pieces of a piecewise-constant rate, not per
 * arrival.
 *
 * Local calendar facts (UTC offsets, the instant of a local midnight) come from the time zone
 * of src/time/zone.ts. The preset curves and the normalisation are in seasonalityPresets.ts;
 * they are assumptions [A] shaped to published qualitative descriptions; see docs/model.md
 * ("Seasonality") and docs/sources.md for what each source shows.
 */
import { startEpochMs } from "../../time/iso.js";
import { DAY_MINUTES, DAY_MS, MINUTE_MS, YEAR_MINUTES } from "../../time/units.js";
import { TimeZoneClock } from "../../time/zone.js";
import { describeValue as describe, normalizeToMeanOne, resolveCurve, type SeasonalityPreset } from "./seasonalityPresets.js";

export interface SeasonalityInput {
  /** 48 non-negative weights (local 30-minute slots from 00:00) or a preset name; default flat. */
  intraday?: number[] | SeasonalityPreset;
  /** 7 non-negative weights, Monday..Sunday, or a preset name; default flat. */
  weekly?: number[] | SeasonalityPreset;
  /** 12 non-negative weights, January..December; default flat. */
  monthly?: number[];
  /** Growth per year as a fraction (0.08 = +8 %/year), > −1; default 0. */
  annualGrowth?: number;
}

export const SLOTS_PER_DAY = 48;
export const SLOT_MINUTES = 30;

/** One local calendar day: its UTC span (epoch minutes) and its constant-factor segments. */
interface DayRecord {
  /** Local day ordinal: days since 1970-01-01 of the local calendar date. */
  readonly ordinal: number;
  /** First epoch minute of the local day (inclusive). */
  readonly start: number;
  /** First epoch minute of the next local day (exclusive). */
  readonly end: number;
  /** UTC offset (minutes, local − UTC) at the end of the day, used to guess the next lookup. */
  readonly offsetEnd: number;
  /** True when the day is 24 h of uniform 30-minute slots (no offset change inside it). */
  readonly uniform: boolean;
  /** Segment starts (epoch minutes), increasing; segment i runs to segStarts[i+1] or `end`. */
  readonly segStarts: Float64Array;
  /** I(slot) · W(weekday) · M(month) on each segment (without the growth trend). */
  readonly segFactors: Float64Array;
}

const MAX_CACHED_DAYS = 4096;
const MAX_PIECES = 20_000_000;

export class Seasonality {
  /** The normalised intraday curve (48 values, mean 1). */
  readonly intradayCurve: readonly number[];
  /** The normalised weekly pattern, Monday..Sunday (mean 1). */
  readonly weeklyPattern: readonly number[];
  /** The normalised monthly pattern, January..December (mean 1). */
  readonly monthlyPattern: readonly number[];
  readonly annualGrowth: number;
  /** The canonical IANA name of the time zone. */
  readonly timeZone: string;
  /** The scenario start as epoch milliseconds (t = 0). */
  readonly startEpochMs: number;

  private readonly start: number; // epoch minutes of t = 0
  private readonly logGrowthPerMinute: number;
  private readonly zone: TimeZoneClock;
  private readonly days = new Map<number, DayRecord>();
  private last: DayRecord | undefined;

  constructor(input: SeasonalityInput, startIso: string, timeZone = "UTC") {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      throw new RangeError(`seasonality: expected an object { intraday?, weekly?, monthly?, annualGrowth? }, got ${describe(input)}`);
    }
    for (const key of Object.keys(input)) {
      if (!["intraday", "weekly", "monthly", "annualGrowth"].includes(key)) {
        throw new RangeError(`seasonality: unknown field ${JSON.stringify(key)}; expected intraday, weekly, monthly or annualGrowth`);
      }
    }
    this.intradayCurve = Object.freeze(
      resolveCurve(input.intraday, "intraday", SLOTS_PER_DAY, "one per local 30-minute slot from 00:00"),
    );
    this.weeklyPattern = Object.freeze(resolveCurve(input.weekly, "weekly", 7, "one per weekday, Monday..Sunday"));
    if (input.monthly !== undefined && !Array.isArray(input.monthly)) {
      throw new RangeError(`seasonality: monthly: expected an array of 12 numbers (January..December), got ${describe(input.monthly)}`);
    }
    this.monthlyPattern = Object.freeze(
      input.monthly === undefined
        ? new Array<number>(12).fill(1)
        : normalizeToMeanOne(input.monthly, "monthly", 12, "one per month, January..December"),
    );
    const g = input.annualGrowth ?? 0;
    if (typeof g !== "number" || !Number.isFinite(g) || g <= -1) {
      throw new RangeError(`seasonality: annualGrowth: expected a finite number > -1 (a fraction per year, e.g. 0.08), got ${describe(g)}`);
    }
    this.annualGrowth = g;
    this.logGrowthPerMinute = Math.log1p(g) / YEAR_MINUTES;

    if (typeof timeZone !== "string" || timeZone.length === 0) {
      throw new RangeError(`seasonality: time zone: expected an IANA name such as "Europe/Paris" or "UTC", got ${describe(timeZone)}`);
    }
    try {
      this.zone = new TimeZoneClock(timeZone);
    } catch {
      throw new RangeError(`seasonality: unknown time zone ${JSON.stringify(timeZone)}; expected an IANA name such as "Europe/Paris", "America/New_York" or "UTC"`);
    }
    this.timeZone = this.zone.canonical;

    try {
      this.startEpochMs = startEpochMs(startIso, this.zone);
    } catch (e) {
      throw new RangeError(`seasonality: start: ${(e as Error).message}`);
    }
    this.start = this.startEpochMs / MINUTE_MS;
  }

  /** S(t) at t minutes after the scenario start. */
  multiplier(tMinutes: number): number {
    if (typeof tMinutes !== "number" || !Number.isFinite(tMinutes)) {
      throw new RangeError(`seasonality: multiplier: expected a finite time in minutes, got ${describe(tMinutes)}`);
    }
    const u = this.start + tMinutes;
    const rec = this.dayFor(u);
    const f = rec.segFactors[segmentIndex(rec, u)];
    return this.logGrowthPerMinute === 0 ? f : f * Math.exp(tMinutes * this.logGrowthPerMinute);
  }

  /**
   * The step function on [fromMin, toMin) for a piecewise-constant rate: piece i runs from
   * starts[i] to starts[i+1] (the last to toMin) and its factor is S at the piece's midpoint.
   * Pieces are at most `stepMin` long (a grid from `fromMin`) and never straddle a local
   * 30-minute slot boundary (nor a day, month or DST change), so the intraday × weekly ×
   * monthly part is represented exactly; only the continuous growth trend is sampled at
   * midpoints (relative error ≤ (step·ln(1+g)/Y)²/24, negligible). Multiply the factors by a
   * base rate to get the rates of a piecewise-constant Poisson process; `starts` are on the t
   * axis (minutes since scenario start), so subtract `fromMin` for a process whose pieces must
   * start at 0.
   */
  piecewise(fromMin: number, toMin: number, stepMin = 30): { starts: number[]; factors: number[] } {
    if (typeof fromMin !== "number" || !Number.isFinite(fromMin) || typeof toMin !== "number" || !Number.isFinite(toMin)) {
      throw new RangeError(`seasonality: piecewise: expected finite times in minutes, got from ${describe(fromMin)}, to ${describe(toMin)}`);
    }
    if (!(toMin > fromMin)) {
      throw new RangeError(`seasonality: piecewise: expected from < to, got from ${fromMin}, to ${toMin}`);
    }
    if (typeof stepMin !== "number" || !Number.isFinite(stepMin) || !(stepMin > 0)) {
      throw new RangeError(`seasonality: piecewise: expected a step > 0 minutes, got ${describe(stepMin)}`);
    }
    const bound = (toMin - fromMin) / Math.min(stepMin, SLOT_MINUTES) + (toMin - fromMin) / DAY_MINUTES * 4 + 4;
    if (bound > MAX_PIECES) {
      throw new RangeError(`seasonality: piecewise: [${fromMin}, ${toMin}) with step ${stepMin} would give about ${Math.round(bound)} pieces (limit ${MAX_PIECES}); use a shorter range`);
    }
    const starts: number[] = [];
    const factors: number[] = [];
    let t = fromMin;
    let k = 1; // next grid point is fromMin + k·step
    while (t < toMin) {
      const u = this.start + t;
      const rec = this.dayFor(u);
      const i = segmentIndex(rec, u);
      const segEnd = (i + 1 < rec.segStarts.length ? rec.segStarts[i + 1] : rec.end) - this.start;
      while (fromMin + k * stepMin <= t) k++;
      const end = Math.min(segEnd, fromMin + k * stepMin, toMin);
      starts.push(t);
      factors.push(this.multiplier(t + (end - t) / 2));
      t = end;
    }
    return { starts, factors };
  }

  // ---- local calendar ----------------------------------------------------------------

  /** UTC offset (local − UTC, minutes) at epoch minute u (evaluated at the start of that minute). */
  private offsetAt(u: number): number {
    return this.zone.offsetMinutes(Math.floor(u) * MINUTE_MS);
  }

  /** The first epoch minute of local day `ordinal` (local midnight; after a gap at midnight, its end). */
  private dayStart(ordinal: number): number {
    return this.zone.instantOf(ordinal * DAY_MS) / MINUTE_MS;
  }

  private dayFor(u: number): DayRecord {
    const last = this.last;
    if (last !== undefined && u >= last.start && u < last.end) return last;
    if (last !== undefined) {
      const guess = this.days.get(Math.floor((u + last.offsetEnd) / DAY_MINUTES));
      if (guess !== undefined && u >= guess.start && u < guess.end) return (this.last = guess);
    }
    const off = this.offsetAt(u);
    const ordinal = Math.floor((Math.floor(u) + off) / DAY_MINUTES);
    for (const o of [ordinal, ordinal - 1, ordinal + 1]) {
      const rec = this.days.get(o) ?? this.buildDay(o);
      if (u >= rec.start && u < rec.end) return (this.last = rec);
    }
    // Unreachable for real time zones; fall back to the day the wall clock names.
    return (this.last = this.buildDay(ordinal));
  }

  private buildDay(ordinal: number): DayRecord {
    const start = this.dayStart(ordinal);
    const offStart = this.offsetAt(start);
    const end = this.dayStart(ordinal + 1);
    const offEnd = this.offsetAt(end - 1);

    const date = new Date(ordinal * DAY_MS);
    const weekdayMon0 = (date.getUTCDay() + 6) % 7;
    const dayFactor = this.weeklyPattern[weekdayMon0] * this.monthlyPattern[date.getUTCMonth()];
    const midnight = ordinal * DAY_MINUTES;

    let segStarts: number[];
    let slots: number[];
    const uniform = offStart === offEnd && end - start === DAY_MINUTES;
    if (uniform) {
      segStarts = Array.from({ length: SLOTS_PER_DAY }, (_, k) => start + k * SLOT_MINUTES);
      slots = Array.from({ length: SLOTS_PER_DAY }, (_, k) => k);
    } else {
      // One offset change inside the day (a DST transition): find its first minute.
      let transition = end;
      if (offStart !== offEnd) {
        let lo = start; // offset = offStart
        let hi = end - 1; // offset = offEnd
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.offsetAt(mid) === offStart) lo = mid;
          else hi = mid;
        }
        transition = hi;
      }
      segStarts = [];
      slots = [];
      let u = start;
      while (u < end) {
        const off = u < transition ? offStart : offEnd;
        const localMin = u + off - midnight;
        const slot = Math.min(SLOTS_PER_DAY - 1, Math.max(0, Math.floor(localMin / SLOT_MINUTES)));
        const nextBoundary = midnight + (Math.floor(localMin / SLOT_MINUTES) + 1) * SLOT_MINUTES - off;
        let next = Math.min(nextBoundary, end);
        if (u < transition) next = Math.min(next, transition);
        segStarts.push(u);
        slots.push(slot);
        u = next > u ? next : u + 1;
      }
    }
    const segFactors = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) segFactors[i] = this.intradayCurve[slots[i]] * dayFactor;
    const rec: DayRecord = {
      ordinal,
      start,
      end,
      offsetEnd: offEnd,
      uniform,
      segStarts: Float64Array.from(segStarts),
      segFactors,
    };
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(ordinal, rec);
    return rec;
  }
}

function segmentIndex(rec: DayRecord, u: number): number {
  if (rec.uniform) {
    const i = Math.floor((u - rec.start) / SLOT_MINUTES);
    return i < 0 ? 0 : i >= SLOTS_PER_DAY ? SLOTS_PER_DAY - 1 : i;
  }
  const s = rec.segStarts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= u) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
