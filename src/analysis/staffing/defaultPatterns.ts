/**
 * The shift patterns used when a planner gives none.
 */
import { InputError } from "../../errors.js";
import { DAY_MINUTES } from "../../time/units.js";
import { intervalProblems } from "./planGrid.js";
import type { ShiftPattern } from "./shiftPattern.js";

/** Offsets from..to every step minutes. */
const every = (from: number, to: number, step: number): number[] => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => from + k * step);

/** How far an agent's start may move from day to day in the default patterns: 2 hours. */
export const DEFAULT_START_BAND = 120;

/**
 * The default patterns for intervals of `intervalMinutes`, all with any start on the interval
 * grid (00:00, L, 2L, … 24:00 − L), each agent's starts within 2 hours of each other over the
 * week:
 * - "full-time": 8 h paid, 5 consecutive days on (all 7 rotations: the 2 days off are
 *   consecutive); a 15-minute break 1.5, 2 or 2.5 h in and a 30-minute lunch 3 to 5 h in (every
 *   30 minutes);
 * - "full-time 4x10": 10 h paid, 4 consecutive days on (the 3 days off consecutive), a
 *   15-minute break 2 h in, a 30-minute lunch 4 to 5 h in and a 15-minute break 7.5 h in: the
 *   compressed week with which contact centres cover a 10-hour day by full-timers, where 8-hour
 *   shifts must overlap or leave the day's ends to part-timers [A];
 * - "part-time 4h": 4 h paid on any 3 days of the week, no break;
 * - "part-time 6h": 6 h paid on any 3 days, a 15-minute break 2 to 4 h in (every 30 minutes).
 */
export function defaultPatterns(intervalMinutes: number): ShiftPattern[] {
  const problems = intervalProblems(intervalMinutes);
  if (problems.length > 0) throw new InputError(problems);
  const anyStart = { earliestStart: 0, latestStart: DAY_MINUTES - intervalMinutes, step: intervalMinutes, startBand: DEFAULT_START_BAND };
  return [
    {
      name: "full-time",
      length: 480,
      ...anyStart,
      daysOn: 5,
      breaks: [
        { length: 15, after: every(90, 150, 30) },
        { length: 30, after: every(180, 300, 30) },
      ],
    },
    {
      name: "full-time 4x10",
      length: 600,
      ...anyStart,
      daysOn: 4,
      breaks: [
        { length: 15, after: [120] },
        { length: 30, after: every(240, 300, 30) },
        { length: 15, after: [450] },
      ],
    },
    { name: "part-time 4h", length: 240, ...anyStart, daysOn: 3, anyDaysOff: true, partTime: true, breaks: [] },
    { name: "part-time 6h", length: 360, ...anyStart, daysOn: 3, anyDaysOff: true, partTime: true, breaks: [{ length: 15, after: every(120, 240, 30) }] },
  ];
}
