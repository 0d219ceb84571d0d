/**
 * Naming times of the local week, one way everywhere (the staffing report, the shift plan, the
 * charts' tooltips): day names Monday first, "HH:MM" clock times, and an interval of the week
 * as "Mon 03:00–03:30" (a day's last interval ends "24:00").
 */
import { DAY_MINUTES } from "./units.js";

export const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** Local minutes after midnight as "HH:MM" (fractions of a minute kept, up to 3 decimals: "08:07.5"; 1440 is "24:00"). */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes - 60 * h;
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
