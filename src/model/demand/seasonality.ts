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
 * The preset curves are assumptions [A] shaped to published qualitative descriptions; see
 * docs/model.md ("Seasonality") and docs/sources.md for what each source shows.
 */

/** Names of the shipped shapes, usable for both the intraday curve and the weekly pattern. */
export type SeasonalityPreset = "b2b-business-hours" | "consumer-24x7";

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
const DAY_MINUTES = 1440;
/** Minutes in a mean Julian year (365.25 days), the time unit of `annualGrowth`. */
export const MINUTES_PER_YEAR = 365.25 * DAY_MINUTES;

/**
 * Raw (un-normalised) preset shapes. All values are assumptions [A]: shapes drawn to match the
 * qualitative descriptions cited in docs/model.md, not tables of measured numbers.
 * Intraday values are relative to the day's peak slot (= 1.00).
 */
export const PRESET_INTRADAY: Readonly<Record<SeasonalityPreset, readonly number[]>> = Object.freeze({
  // Weekday business hours 08:00–18:00 local: morning peak 10:00–11:00, lunch dip 12:00–13:30,
  // afternoon peak 14:00–15:00, a few after-hours contacts (web forms, e-mail), near zero at night.
  "b2b-business-hours": Object.freeze([
    /* 00:00 */ 0.02, 0.02, /* 01:00 */ 0.02, 0.02, /* 02:00 */ 0.02, 0.02,
    /* 03:00 */ 0.02, 0.02, /* 04:00 */ 0.02, 0.02, /* 05:00 */ 0.02, 0.03,
    /* 06:00 */ 0.04, 0.06, /* 07:00 */ 0.12, 0.25, /* 08:00 */ 0.50, 0.70,
    /* 09:00 */ 0.85, 0.95, /* 10:00 */ 1.00, 0.99, /* 11:00 */ 0.94, 0.85,
    /* 12:00 */ 0.68, 0.62, /* 13:00 */ 0.70, 0.82, /* 14:00 */ 0.92, 0.93,
    /* 15:00 */ 0.88, 0.80, /* 16:00 */ 0.72, 0.62, /* 17:00 */ 0.50, 0.36,
    /* 18:00 */ 0.20, 0.12, /* 19:00 */ 0.08, 0.06, /* 20:00 */ 0.05, 0.04,
    /* 21:00 */ 0.03, 0.03, /* 22:00 */ 0.02, 0.02, /* 23:00 */ 0.02, 0.02,
  ]),
  // Round the clock: trough 03:00–05:00 at ~16 % of peak, morning ramp, daytime plateau,
  // evening peak 19:00–21:00, decline towards midnight.
  "consumer-24x7": Object.freeze([
    /* 00:00 */ 0.55, 0.45, /* 01:00 */ 0.36, 0.29, /* 02:00 */ 0.24, 0.20,
    /* 03:00 */ 0.17, 0.16, /* 04:00 */ 0.16, 0.17, /* 05:00 */ 0.20, 0.25,
    /* 06:00 */ 0.32, 0.40, /* 07:00 */ 0.48, 0.56, /* 08:00 */ 0.63, 0.69,
    /* 09:00 */ 0.74, 0.78, /* 10:00 */ 0.81, 0.83, /* 11:00 */ 0.84, 0.85,
    /* 12:00 */ 0.86, 0.86, /* 13:00 */ 0.85, 0.84, /* 14:00 */ 0.83, 0.82,
    /* 15:00 */ 0.82, 0.83, /* 16:00 */ 0.84, 0.86, /* 17:00 */ 0.88, 0.90,
    /* 18:00 */ 0.93, 0.96, /* 19:00 */ 0.99, 1.00, /* 20:00 */ 1.00, 0.99,
    /* 21:00 */ 0.95, 0.89, /* 22:00 */ 0.81, 0.73, /* 23:00 */ 0.65, 0.60,
  ]),
});

/** Raw weekly presets, Monday..Sunday, relative to an average weekday ≈ 1. Assumptions [A]. */
export const PRESET_WEEKLY: Readonly<Record<SeasonalityPreset, readonly number[]>> = Object.freeze({
  // Monday highest, easing through the week, Friday lower; weekend ≈ 6–8 % of a weekday.
  "b2b-business-hours": Object.freeze([1.15, 1.05, 1.0, 0.97, 0.85, 0.08, 0.06]),
  // Days comparable; weekend a little higher (more free time).
  "consumer-24x7": Object.freeze([1.0, 0.97, 0.96, 0.97, 1.0, 1.06, 1.08]),
});

const PRESET_NAMES = Object.keys(PRESET_INTRADAY) as SeasonalityPreset[];

/** Scales non-negative weights so that their arithmetic mean is 1 (validates them first). */
export function normalizeToMeanOne(values: readonly number[], field: string, expectedLength: number, what: string): number[] {
  if (!Array.isArray(values)) {
    throw new RangeError(`seasonality: ${field}: expected an array of ${expectedLength} numbers (${what}), got ${describe(values)}`);
  }
  if (values.length !== expectedLength) {
    throw new RangeError(`seasonality: ${field}: expected ${expectedLength} values (${what}), got ${values.length}`);
  }
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`seasonality: ${field}[${i}]: expected a finite number >= 0, got ${describe(v)}`);
    }
    sum += v;
  }
  if (!(sum > 0)) {
    throw new RangeError(`seasonality: ${field}: all values are zero; at least one must be positive`);
  }
  const mean = sum / values.length;
  return values.map((v) => v / mean);
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return v === null ? "null" : typeof v;
}

function resolveCurve(
  value: number[] | SeasonalityPreset | undefined,
  field: "intraday" | "weekly",
  expectedLength: number,
  what: string,
): number[] {
  if (value === undefined) return new Array<number>(expectedLength).fill(1);
  if (typeof value === "string") {
    const table = field === "intraday" ? PRESET_INTRADAY : PRESET_WEEKLY;
    if (!Object.prototype.hasOwnProperty.call(table, value)) {
      throw new RangeError(
        `seasonality: ${field}: unknown preset ${JSON.stringify(value)}; expected one of ${PRESET_NAMES.map((n) => JSON.stringify(n)).join(", ")} or an array of ${expectedLength} numbers`,
      );
    }
    return normalizeToMeanOne(table[value as SeasonalityPreset], field, expectedLength, what);
  }
  return normalizeToMeanOne(value, field, expectedLength, what);
}

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

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch milliseconds of a UTC calendar date-time (valid for every year, including < 100). */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
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
  private readonly fmt: Intl.DateTimeFormat;
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
    this.logGrowthPerMinute = Math.log1p(g) / MINUTES_PER_YEAR;

    if (typeof timeZone !== "string" || timeZone.length === 0) {
      throw new RangeError(`seasonality: time zone: expected an IANA name such as "Europe/Paris" or "UTC", got ${describe(timeZone)}`);
    }
    try {
      this.fmt = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        era: "short",
      });
    } catch {
      throw new RangeError(`seasonality: unknown time zone ${JSON.stringify(timeZone)}; expected an IANA name such as "Europe/Paris", "America/New_York" or "UTC"`);
    }
    this.timeZone = this.fmt.resolvedOptions().timeZone;

    this.startEpochMs = this.parseStart(startIso);
    this.start = this.startEpochMs / 60000;
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
    const ms = Math.floor(u) * 60000;
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, bc = false;
    for (const p of this.fmt.formatToParts(new Date(ms))) {
      switch (p.type) {
        case "year": y = Number(p.value); break;
        case "month": mo = Number(p.value); break;
        case "day": d = Number(p.value); break;
        case "hour": h = Number(p.value) % 24; break;
        case "minute": mi = Number(p.value); break;
        case "second": s = Number(p.value); break;
        case "era": bc = p.value.startsWith("B"); break;
      }
    }
    if (bc) y = 1 - y;
    return (utcMs(y, mo, d, h, mi, s) - ms) / 60000;
  }

  /** Local day ordinal of epoch minute u. */
  private ordinalAt(u: number): number {
    return Math.floor((Math.floor(u) + this.offsetAt(u)) / DAY_MINUTES);
  }

  /** The first epoch minute whose local date is ≥ day `ordinal`. */
  private dayStart(ordinal: number, offsetGuess: number): number {
    const midnight = ordinal * DAY_MINUTES;
    const tryAt = (cand: number): boolean => this.ordinalAt(cand) >= ordinal && this.ordinalAt(cand - 1) < ordinal;
    const c1 = Math.round(midnight - offsetGuess);
    if (tryAt(c1)) return c1;
    const c2 = Math.round(midnight - this.offsetAt(c1));
    if (c2 !== c1 && tryAt(c2)) return c2;
    // Midnight falls in a transition: binary search (offsets lie within −14 h..+14 h).
    let lo = midnight - 15 * 60; // ordinal < `ordinal` here
    let hi = midnight + 15 * 60; // ordinal ≥ `ordinal` here
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.ordinalAt(mid) >= ordinal) hi = mid;
      else lo = mid;
    }
    return hi;
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
      const rec = this.days.get(o) ?? this.buildDay(o, off);
      if (u >= rec.start && u < rec.end) return (this.last = rec);
    }
    // Unreachable for real time zones; fall back to the day the wall clock names.
    return (this.last = this.buildDay(ordinal, off));
  }

  private buildDay(ordinal: number, offsetGuess: number): DayRecord {
    const start = this.dayStart(ordinal, offsetGuess);
    const offStart = this.offsetAt(start);
    const end = this.dayStart(ordinal + 1, this.offsetAt(start + DAY_MINUTES));
    const offEnd = this.offsetAt(end - 1);

    const date = new Date(ordinal * 86_400_000);
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

  // ---- start instant -------------------------------------------------------------------

  /**
   * Parses the scenario start. With an offset (`Z`, `+02:00`) it is that instant; without one
   * it is a wall-clock time in the scenario's time zone. A wall time skipped by a DST change
   * moves forward by the gap and an ambiguous one takes the earlier instant (the behaviour
   * Temporal calls "compatible").
   */
  private parseStart(iso: string): number {
    const bad = (why: string): RangeError =>
      new RangeError(`seasonality: start: expected an ISO 8601 date-time such as "2025-03-03T08:00" or "2025-03-03T08:00:00Z", got ${describe(iso)}${why ? ` (${why})` : ""}`);
    if (typeof iso !== "string") throw bad("");
    const m = ISO_RE.exec(iso.trim());
    if (!m) throw bad("");
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    const h = m[4] === undefined ? 0 : Number(m[4]);
    const mi = m[5] === undefined ? 0 : Number(m[5]);
    const s = m[6] === undefined ? 0 : Number(m[6]);
    const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
    if (mo < 1 || mo > 12) throw bad(`month ${mo} is not 1..12`);
    const daysInMonth = new Date(utcMs(y, mo + 1, 0, 0, 0, 0)).getUTCDate();
    if (d < 1 || d > daysInMonth) throw bad(`day ${d} does not exist in ${m[1]}-${m[2]}`);
    if (h > 23) throw bad(`hour ${h} is not 0..23`);
    if (mi > 59) throw bad(`minute ${mi} is not 0..59`);
    if (s > 59) throw bad(`second ${s} is not 0..59`);
    const wallMs = utcMs(y, mo, d, h, mi, s) + frac * 1000;
    const zone = m[8];
    if (zone !== undefined) {
      if (zone === "Z" || zone === "z") return wallMs;
      const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
      if (!zm) throw bad("bad offset");
      const oh = Number(zm[2]), om = zm[3] === undefined ? 0 : Number(zm[3]);
      if (oh > 23 || om > 59) throw bad("bad offset");
      const sign = zm[1] === "-" ? -1 : 1;
      return wallMs - sign * (oh * 60 + om) * 60000;
    }
    // Wall-clock time in the scenario time zone.
    const wall = wallMs / 60000;
    const before = this.offsetAt(wall - DAY_MINUTES);
    const after = this.offsetAt(wall + DAY_MINUTES);
    const solutions: number[] = [];
    for (const o of before === after ? [before] : [before, after]) {
      const u = wall - o;
      if (this.offsetAt(u) === o) solutions.push(u);
    }
    const u = solutions.length > 0 ? Math.min(...solutions) : wall - before; // gap: shift forward
    return u * 60000;
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
