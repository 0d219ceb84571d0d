/**
 * How the shift plan's messages write values: numbers to at most 3 decimals, an offending
 * value in a few words, a duration as "H:MM".
 */
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

/** The first problem, with how many more there are, as one line. */
export function firstOf(problems: string[]): string {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return `${problems[0]}${more}`;
}
