/**
 * The time frame of a scenario: a known time zone, a start that parses in it, exactly one
 * horizon length, a warm-up shorter than the horizon, and reporting intervals that tile a day. What it finds is the frame the date
 * checks (./dates.ts) measure against.
 */
import { TimeZoneClock } from "../../../time/zone.js";
import { dayIntervalProblem } from "../../../time/weekClock.js";
import { parseStartEpochMs } from "../../../time/iso.js";
import { DAY_MINUTES, HOUR_MINUTES } from "../../../time/units.js";
import { LIMITS } from "../../fields.js";
import { SUPPORT_DEFAULTS } from "../defaults.js";
import { horizonMinutes } from "../horizon.js";
import type { SupportScenarioShape } from "../schema/scenario.js";
import { fin, type Report } from "./report.js";
import { timeZoneProblem } from "./timeZone.js";

/** The scenario's zone, and what of the frame is valid (undefined: not). */
export interface TimeFrame {
  timeZone: string;
  clock?: TimeZoneClock;
  /** The start, epoch milliseconds. */
  startMs?: number;
  /** The horizon, minutes. */
  horizon?: number;
}

export function checkTime(s: SupportScenarioShape, r: Report): TimeFrame {
  const timeZone = s.timeZone ?? SUPPORT_DEFAULTS.timeZone;
  let clock: TimeZoneClock | undefined;
  const zoneProblem = timeZoneProblem(timeZone);
  if (zoneProblem === undefined) clock = new TimeZoneClock(timeZone);
  else r.issue(["timeZone"], zoneProblem);
  let startMs: number | undefined;
  if (clock !== undefined) {
    try {
      startMs = parseStartEpochMs(s.start, timeZone);
    } catch (e) {
      r.issue(["start"], (e as Error).message);
    }
  }
  const h = s.horizon;
  if (h.days === undefined && h.hours === undefined) r.issue(["horizon"], "missing: expected exactly one of days or hours");
  else if (h.days !== undefined && h.hours !== undefined) r.issue(["horizon"], `expected exactly one of days or hours, got both (days ${h.days}, hours ${h.hours})`);
  const H = horizonMinutes(h);
  if (h.warmupDays !== undefined && h.warmupHours !== undefined) {
    r.issue(["horizon"], `expected at most one of warmupDays or warmupHours, got both (warmupDays ${h.warmupDays}, warmupHours ${h.warmupHours})`);
  } else if (H !== undefined) {
    const key = h.warmupDays !== undefined ? "warmupDays" : "warmupHours";
    const w = h[key];
    if (fin(w) && w * (key === "warmupDays" ? DAY_MINUTES : HOUR_MINUTES) >= H) {
      const hz = h.days !== undefined ? `${h.days} days` : `${h.hours} hours`;
      r.issue(["horizon", key], `expected less than the horizon (${hz}), got ${w}`);
    }
  }
  // reporting intervals tile the day (the average week, the weekly trend and the staffing grid are per interval of the day)
  const intervalProblem = fin(h.intervalMinutes) && h.intervalMinutes > 0 ? dayIntervalProblem(h.intervalMinutes) : undefined;
  if (intervalProblem !== undefined) r.issue(["horizon", "intervalMinutes"], intervalProblem);
  // a horizon beyond its bound (reported by its field) gives no frame: the date checks would compute dates past the calendar's end
  return { timeZone, clock, startMs, horizon: H !== undefined && H <= LIMITS.horizonDays * DAY_MINUTES ? H : undefined };
}
