/**
 * How the staffing writes values: in messages, numbers to at most 3 decimals, an offending
 * value in a few words, a duration as "H:MM"; a time of day as "HH:MM".
 */
import { DAY_MINUTES } from "../../time/units.js";
import { clock } from "../../time/weekClock.js";

/** A number for messages: at most 3 decimals. */
export function fmt(x: number): string {
  return String(+x.toFixed(3));
}

/** A short rendering of an offending value for an error message. */
export function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 37) + "..." : v);
  if (typeof v === "number") return String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return typeof v === "object" ? "an object" : String(v);
}

/** Minutes as "H:MM" (a duration, e.g. a break offset). */
export function duration(minutes: number): string {
  return clock(minutes).replace(/^0(\d)/, "$1");
}

/** "HH:MM" of a local minute, wrapped into the day (a shift ending past midnight, a day's end: "00:00"). */
export function hhmm(minutes: number): string {
  return clock(minutes % DAY_MINUTES);
}
