/**
 * The run's length and warm-up in model minutes, from `horizon` (exactly one of `days` — 24-hour
 * days of 1440 minutes, not calendar days across DST — or `hours`; `warmupDays` or `warmupHours`).
 */
import { DAY_MINUTES, HOUR_MINUTES } from "../../time/units.js";

/** The horizon in minutes, or undefined if it is not exactly one valid length. */
export function horizonMinutes(h: { days?: number; hours?: number } | undefined): number | undefined {
  if (h === undefined) return undefined;
  const okNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;
  if (h.days !== undefined && h.hours === undefined && okNum(h.days)) return h.days * DAY_MINUTES;
  if (h.hours !== undefined && h.days === undefined && okNum(h.hours)) return h.hours * HOUR_MINUTES;
  return undefined;
}

/** The warm-up in minutes (0 by default). */
export function warmupMinutes(h: { warmupDays?: number; warmupHours?: number }): number {
  if (h.warmupDays !== undefined) return h.warmupDays * DAY_MINUTES;
  if (h.warmupHours !== undefined) return h.warmupHours * HOUR_MINUTES;
  return 0;
}
