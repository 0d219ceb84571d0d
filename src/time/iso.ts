/**
 * ISO 8601 date-times as instants (epoch milliseconds), read one way everywhere:
 *
 * - `parseIsoTimestamp`: a timestamp of a data file, which must carry its UTC offset
 *   (`2026-03-02T08:30:00Z`, `2026-03-02T08:30-05:00`, `2026-03-02 08:30:00+0100`); a time
 *   without an offset would be ambiguous. Malformed or out of range: undefined.
 * - `parseStartEpochMs`: the scenario start and the dates of a scenario (`2027-01-04`,
 *   `2027-01-04T08:00`, `2027-01-04T08:00:00Z`): with an offset it is that instant; without one
 *   it is wall-clock time in the scenario's time zone (a time skipped by DST moves forward, an
 *   ambiguous one takes the earlier instant: `TimeZoneClock.instantOf`). Malformed: a
 *   RangeError saying what was expected and why the text is not it.
 *
 * Both read the same grammar, `yyyy-mm-dd[Thh:mm[:ss[.fff]]][Z|±hh[[:]mm]]`, and check the
 * calendar (months 1..12, the days of the month, leap years, hours 0..23, minutes and seconds
 * 0..59, offsets up to ±23:59); each then asks for what it needs.
 */
import { MINUTE_MS } from "./units.js";
import { TimeZoneClock, utcMs } from "./zone.js";

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** The fields of an ISO 8601 date-time as written. */
interface IsoFields {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  /** "T", "t" or " " between date and time; undefined for a date alone. */
  readonly separator?: string;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  /** The digits of the fraction of a second, if any. */
  readonly fraction?: string;
  /** "Z" (or "z"), an offset ±hh[:mm] in minutes, or undefined when none is written. */
  readonly zone?: "Z" | { readonly minutes: number; readonly withMinutes: boolean };
  /** Why the fields are not a date-time (a month 13, a 30 February, an offset +25:00), or undefined. */
  readonly problem?: string;
}

function isoFields(text: string): IsoFields | undefined {
  const m = ISO_RE.exec(text);
  if (m === null) return undefined;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const h = m[5] === undefined ? 0 : Number(m[5]);
  const mi = m[6] === undefined ? 0 : Number(m[6]);
  const s = m[7] === undefined ? 0 : Number(m[7]);
  let problem: string | undefined;
  if (mo < 1 || mo > 12) problem = `month ${mo} is not 1..12`;
  else if (d < 1 || d > new Date(utcMs(y, mo + 1, 0)).getUTCDate()) problem = `day ${d} does not exist in ${m[1]}-${m[2]}`;
  else if (h > 23) problem = `hour ${h} is not 0..23`;
  else if (mi > 59) problem = `minute ${mi} is not 0..59`;
  else if (s > 59) problem = `second ${s} is not 0..59`;
  let zone: IsoFields["zone"];
  if (m[9] !== undefined) zone = "Z";
  else if (m[10] !== undefined) {
    const oh = Number(m[11]), om = m[12] === undefined ? 0 : Number(m[12]);
    if (problem === undefined && (oh > 23 || om > 59)) problem = "bad offset";
    zone = { minutes: (m[10] === "-" ? -1 : 1) * (oh * 60 + om), withMinutes: m[12] !== undefined };
  }
  return { y, mo, d, separator: m[4], h, mi, s, fraction: m[8], zone, problem };
}

/**
 * An ISO 8601 date-time with a UTC offset as a Date (`2026-03-02T08:30:00Z`,
 * `2026-03-02T08:30-05:00`, `2026-03-02 08:30:00+0100`); undefined if malformed, out of range
 * or without an offset (a time without one would be ambiguous). Fractions of a second are
 * rounded to the millisecond.
 */
export function parseIsoTimestamp(text: string): Date | undefined {
  const f = isoFields(text);
  if (f === undefined || f.problem !== undefined || f.separator === undefined || f.zone === undefined) return undefined;
  if (f.zone !== "Z" && !f.zone.withMinutes) return undefined;
  const frac = f.fraction === undefined ? 0 : Math.round(Number(`0.${f.fraction}`) * 1000);
  const offset = f.zone === "Z" ? 0 : f.zone.minutes;
  return new Date(utcMs(f.y, f.mo, f.d, f.h, f.mi, f.s, frac) - offset * MINUTE_MS);
}

/**
 * The scenario start (or a date of the scenario) as epoch milliseconds: an ISO 8601 date or
 * date-time; with an offset (`Z`, `+02:00`) it is that instant, without one a wall-clock time
 * in `timeZone` (see the module comment).
 * @throws RangeError for a malformed date-time or an unknown time zone.
 */
export function parseStartEpochMs(iso: string, timeZone: string): number {
  return startEpochMs(iso, new TimeZoneClock(timeZone));
}

/** `parseStartEpochMs` in the zone of a clock. */
export function startEpochMs(iso: string, clock: TimeZoneClock): number {
  const bad = (why: string): RangeError =>
    new RangeError(`expected an ISO 8601 date-time such as "2025-03-03T08:00" or "2025-03-03T08:00:00Z", got ${shown(iso)}${why ? ` (${why})` : ""}`);
  if (typeof iso !== "string") throw bad("");
  const f = isoFields(iso.trim());
  if (f === undefined || f.separator === "t") throw bad("");
  if (f.problem !== undefined) throw bad(f.problem);
  const wallMs = utcMs(f.y, f.mo, f.d, f.h, f.mi, f.s) + (f.fraction === undefined ? 0 : Number(`0.${f.fraction}`) * 1000);
  if (f.zone === "Z") return wallMs;
  if (f.zone !== undefined) return wallMs - f.zone.minutes * MINUTE_MS;
  return clock.instantOf(wallMs);
}

function shown(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return String(v);
  return v === null ? "null" : typeof v;
}
