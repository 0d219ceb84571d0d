/**
 * Times of the local week as text, one way everywhere, both ways:
 *
 * - writing (the staffing report, the shift plan, the charts' tooltips, the forecast's slots):
 *   day names Monday first, "HH:MM" clock times, and an interval of the week as
 *   "Mon 03:00–03:30" (a day's last interval ends "24:00");
 * - reading planners' notation (scenario files, shift patterns): clock times "HH:MM"
 *   (`parseClock`, `clockMinutes`) and day sets such as "Mon-Fri" (`parseDays`).
 *
 * Days are numbered 0 = Monday … 6 = Sunday; clock times are minutes after local midnight.
 */
import { DAY_MINUTES, HOUR_MINUTES } from "./units.js";

export const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** Local minutes after midnight as "HH:MM" (fractions of a minute kept, up to 3 decimals: "08:07.5"; 1440 is "24:00"). */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / HOUR_MINUTES);
  const m = minutes - HOUR_MINUTES * h;
  const whole = Math.floor(m);
  const mm = String(whole).padStart(2, "0") + (m === whole ? "" : String(+(m - whole).toFixed(3)).slice(1));
  return `${String(h).padStart(2, "0")}:${mm}`;
}

/** Interval i of length L of the week (Monday 00:00 first) in local time, e.g. "Mon 03:00–03:30" (a day's last ends "24:00"). */
export function intervalLabel(i: number, intervalMinutes: number): string {
  const start = i * intervalMinutes;
  const day = Math.floor(start / DAY_MINUTES);
  const from = start - day * DAY_MINUTES;
  return `${DAY_NAMES[day]} ${clock(from)}–${clock(from + intervalMinutes)}`;
}

// ---------------------------------------------------------------------------------------
// Reading

const CLOCK_RE = /^(\d{1,2}):(\d{2})$/;

/**
 * Minutes after midnight of a clock time "HH:MM" (or "H:MM"; spaces around it ignored) no
 * later than `latest` minutes (default 1440, "24:00", the end of the day; 1439 for a time of
 * day 00:00..23:59), or undefined if malformed or later.
 */
export function clockMinutes(s: string, latest = DAY_MINUTES): number | undefined {
  const m = typeof s === "string" ? CLOCK_RE.exec(s.trim()) : null;
  if (m === null) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const minutes = h * HOUR_MINUTES + mi;
  return mi <= 59 && minutes <= latest ? minutes : undefined;
}

/**
 * Minutes after midnight of a local clock time "HH:MM", 00:00..24:00 ("24:00" = 1440, the
 * end of the day; whether it is allowed as an opening time is the caller's concern).
 * @throws RangeError with a one-line message naming what was expected and what was got.
 */
export function parseClock(s: string): number {
  const minutes = clockMinutes(s);
  if (minutes !== undefined) return minutes;
  const bad = (why = ""): RangeError =>
    new RangeError(`expected a time of day "HH:MM" from 00:00 to 24:00 (e.g. "08:30"), got ${describe(s)}${why ? ` (${why})` : ""}`);
  const m = typeof s === "string" ? CLOCK_RE.exec(s.trim()) : null;
  if (m === null) throw bad();
  const mi = Number(m[2]);
  throw bad(mi > 59 ? `minute ${mi} is not 0..59` : "the latest time is 24:00");
}

const DAY_KEYWORDS: Readonly<Record<string, readonly number[]>> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [0, 1, 2, 3, 4],
  weekends: [5, 6],
};
const DAYS_EXPECTED = `expected days such as "Mon-Fri", "Sat", "Mon,Wed,Fri", "Fri-Mon", "daily", "weekdays" or "weekends" (three-letter English day names)`;

/**
 * Weekdays (0 = Monday … 6 = Sunday, sorted, without repeats) from planners' notation:
 * a day ("Sat"), a range ("Mon-Fri"; it may wrap: "Fri-Mon" is Fri, Sat, Sun, Mon), a
 * keyword ("daily", "weekdays", "weekends"), or a comma-separated list of these
 * ("Mon,Wed,Fri"). Case-insensitive; spaces around "," and "-" are ignored.
 * @throws RangeError with a one-line message naming what was expected and what was got.
 */
export function parseDays(spec: string): number[] {
  if (typeof spec !== "string") throw new RangeError(`${DAYS_EXPECTED}, got ${describe(spec)}`);
  const dayIndex = (name: string): number => {
    const i = DAY_NAMES.findIndex((d) => d.toLowerCase() === name.trim().toLowerCase());
    if (i < 0) throw new RangeError(`${DAYS_EXPECTED}, got ${JSON.stringify(spec)} (${JSON.stringify(name.trim())} is not a day)`);
    return i;
  };
  const found = new Set<number>();
  for (const part of spec.split(",")) {
    const p = part.trim();
    if (p === "") throw new RangeError(`${DAYS_EXPECTED}, got ${JSON.stringify(spec)}`);
    const lower = p.toLowerCase();
    const keyword = Object.prototype.hasOwnProperty.call(DAY_KEYWORDS, lower) ? DAY_KEYWORDS[lower] : undefined;
    if (keyword !== undefined) {
      for (const d of keyword) found.add(d);
      continue;
    }
    const ends = p.split("-");
    if (ends.length === 1) {
      found.add(dayIndex(ends[0]));
    } else if (ends.length === 2) {
      const from = dayIndex(ends[0]);
      const to = dayIndex(ends[1]);
      for (let d = from; ; d = (d + 1) % 7) {
        found.add(d);
        if (d === to) break;
      }
    } else {
      throw new RangeError(`${DAYS_EXPECTED}, got ${JSON.stringify(spec)}`);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return v === null ? "null" : typeof v;
}
