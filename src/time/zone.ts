/**
 * Time zones: the local wall clock of an IANA time zone, the one implementation every module
 * uses (history files, forecasts, seasonality, opening hours, rosters, months, reports).
 *
 * - `offsetMinutes(ms)`: the UTC offset in force at an instant (local − UTC, minutes; New York
 *   in winter: −300), read from Intl.DateTimeFormat (no date library);
 * - `local(ms)`: the local calendar position of an instant (day number, weekday, minute of day);
 * - `instantOf(localMs)`: the instant at which the local wall clock reads a time, with the DST
 *   rules of the zone ("compatible" disambiguation, as Temporal calls it: a wall time skipped
 *   by a spring-forward change moves forward by the gap, an ambiguous one in a fall-back change
 *   takes the earlier instant);
 * - `formatIso(ms)`: ISO 8601 with the local offset.
 *
 * Cost: Intl is slow (microseconds a call), so offsets are cached per UTC day, shared by every
 * clock of a zone in the process (replications, pools, channels). A day whose first and last
 * minute have the same offset is taken to have that offset throughout (no zone changes its
 * offset twice within a day and back); on a day with a change, the first minute of the new
 * offset is found by bisection (offsets change on whole minutes), so offsets are exact to the
 * minute. Offsets are whole minutes (a local mean time of the 19th century with seconds is
 * rounded to the minute).
 */
import { DAY_MS, MINUTE_MS } from "./units.js";

/** The local calendar position of an instant. */
export interface LocalTime {
  /** Local wall-clock time as milliseconds since 1970-01-01T00:00 local (i.e. UTC ms + offset). */
  readonly localMs: number;
  /** Days since 1970-01-01 on the local calendar. */
  readonly dayNumber: number;
  /** 0 = Monday ... 6 = Sunday (ISO order). */
  readonly dayOfWeek: number;
  /** Minutes since local midnight, with fraction (0 <= m < 1440). */
  readonly minuteOfDay: number;
  /** Local UTC offset in minutes (local − UTC; New York in winter: −300). */
  readonly offsetMinutes: number;
}

/** The offsets of one UTC day: one number, or a change at instant `at` from `before` to `after`. */
interface DayChange {
  readonly before: number;
  readonly at: number;
  readonly after: number;
}
type DayOffsets = number | DayChange;

/** Offset caches per resolved IANA zone, shared by every TimeZoneClock of the process. */
const SHARED_OFFSETS = new Map<string, Map<number, DayOffsets>>();
/** The Intl formatter of each zone name given (building one costs more than reading many offsets). */
const FORMATS = new Map<string, Intl.DateTimeFormat>();
/** A bound on each zone's cache (about 550 years of days); it is cleared when full. */
const MAX_CACHED_DAYS = 200_000;

/** Epoch milliseconds of a UTC calendar date-time (valid for every year, including < 100). */
export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** Days since 1970-01-01 → 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** The formatter of a zone (cached per name). @throws RangeError naming the zone if it is not a valid IANA time zone. */
function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(timeZone);
  if (format !== undefined) return format;
  try {
    format = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}": expected an IANA name such as "UTC", "Europe/Berlin" or "America/New_York"`);
  }
  FORMATS.set(timeZone, format);
  return format;
}

/** Local time in an IANA time zone; see the module comment. */
export class TimeZoneClock {
  /** The zone's name as given. */
  readonly timeZone: string;
  /** The zone's canonical IANA name (Intl's resolved name: "Asia/Calcutta" for "Asia/Kolkata" on some engines). */
  readonly canonical: string;
  /** Undefined for UTC (offset always 0). */
  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly days: Map<number, DayOffsets>;

  /** @throws RangeError naming the zone if it is not a valid IANA time zone. */
  constructor(timeZone = "UTC") {
    const format = formatOf(timeZone);
    const resolved = format.resolvedOptions().timeZone;
    this.timeZone = timeZone;
    this.canonical = resolved;
    this.format = resolved === "UTC" || resolved === "Etc/UTC" ? undefined : format;
    let shared = SHARED_OFFSETS.get(resolved);
    if (shared === undefined) SHARED_OFFSETS.set(resolved, (shared = new Map()));
    this.days = shared;
  }

  /** Local UTC offset at an instant, minutes (cached per UTC day; see the module comment). */
  offsetMinutes(ms: number): number {
    if (this.format === undefined) return 0;
    const day = Math.floor(ms / DAY_MS);
    let d = this.days.get(day);
    if (d === undefined) d = this.loadDay(day);
    return typeof d === "number" ? d : ms < d.at ? d.before : d.after;
  }

  /** The local calendar position of an instant. */
  local(t: Date | number): LocalTime {
    const ms = typeof t === "number" ? t : t.getTime();
    const offsetMinutes = this.offsetMinutes(ms);
    const localMs = ms + offsetMinutes * MINUTE_MS;
    const dayNumber = Math.floor(localMs / DAY_MS);
    const dayOfWeek = weekdayOfDay(dayNumber);
    const minuteOfDay = (localMs - dayNumber * DAY_MS) / MINUTE_MS;
    return { localMs, dayNumber, dayOfWeek, minuteOfDay, offsetMinutes };
  }

  /**
   * The instant at which the local wall clock reads `localMs` (ms since 1970-01-01 local).
   * In a gap (clocks jumped forward) the wall time does not exist and is read with the offset
   * in force before the gap, i.e. moved forward by the gap's length (02:30 on a spring-forward
   * night in New York gives 03:30 EDT), as Temporal's "compatible" disambiguation does; in an
   * overlap (clocks went back) the earlier instant.
   */
  instantOf(localMs: number): number {
    if (this.format === undefined) return localMs;
    // try the offsets in force a day either side; keep those that map back exactly
    const candidates = new Set<number>([this.offsetMinutes(localMs - DAY_MS), this.offsetMinutes(localMs), this.offsetMinutes(localMs + DAY_MS)]);
    let best = Infinity;
    for (const off of candidates) {
      const ms = localMs - off * MINUTE_MS;
      if (this.offsetMinutes(ms) === off && ms < best) best = ms;
    }
    if (best !== Infinity) return best;
    // a gap: the first instant after it
    const before = this.offsetMinutes(localMs - DAY_MS);
    return localMs - before * MINUTE_MS;
  }

  /** ISO 8601 with the local offset, e.g. `2026-03-02T08:30:00-05:00` (`Z` for UTC). */
  formatIso(t: Date | number): string {
    const ms = typeof t === "number" ? t : t.getTime();
    const off = this.offsetMinutes(ms);
    const wall = new Date(ms + off * MINUTE_MS).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
    const body = ms % 1000 === 0 ? wall.slice(0, 19) : wall.slice(0, 23);
    if (off === 0 && this.format === undefined) return `${body}Z`;
    const sign = off < 0 ? "-" : "+";
    const a = Math.abs(off);
    return `${body}${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
  }

  /** The offsets of UTC day `day`, read from Intl and cached. */
  private loadDay(day: number): DayOffsets {
    const start = day * DAY_MS;
    const first = this.offsetFromIntl(start);
    const last = this.offsetFromIntl(start + DAY_MS - MINUTE_MS);
    let d: DayOffsets = first;
    if (first !== last) {
      // the first minute with the new offset, by bisection on whole minutes
      let lo = 0; // minute with offset `first`
      let hi = DAY_MS / MINUTE_MS - 1; // minute with offset `last`
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (this.offsetFromIntl(start + mid * MINUTE_MS) === first) lo = mid;
        else hi = mid;
      }
      d = { before: first, at: start + hi * MINUTE_MS, after: last };
    }
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(day, d);
    return d;
  }

  /** The offset at instant `ms` (a whole second), minutes, straight from Intl. */
  private offsetFromIntl(ms: number): number {
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, bc = false;
    for (const p of this.format!.formatToParts(ms)) {
      switch (p.type) {
        case "year": y = Number(p.value); break;
        case "month": mo = Number(p.value); break;
        case "day": d = Number(p.value); break;
        case "hour": h = Number(p.value) % 24; break;
        case "minute": mi = Number(p.value); break;
        case "second": s = Number(p.value); break;
        case "era": bc = p.value.startsWith("B"); break;
        default: break;
      }
    }
    if (bc) y = 1 - y;
    return Math.round((utcMs(y, mo, d, h, mi, s) - ms) / MINUTE_MS);
  }
}
