/**
 * The shift patterns used when a planner gives none.
 */
import { InputError } from "../../errors.js";
import { DAY_MINUTES } from "../../time/units.js";
import { intervalProblems } from "./planGrid.js";
import type { ShiftPattern } from "./shiftPattern.js";

/**
 * The default patterns for intervals of `intervalMinutes`, both with any start on the interval
 * grid (00:00, L, 2L, … 24:00 − L) and 5 consecutive days on (all 7 rotations):
 * - "full-time": 8 h paid; a 15-minute break 2 h in, and a 30-minute lunch 3.5, 4 or 4.5 h in;
 * - "part-time": 4 h paid, no break.
 */
export function defaultPatterns(intervalMinutes: number): ShiftPattern[] {
  const problems = intervalProblems(intervalMinutes);
  if (problems.length > 0) throw new InputError(problems);
  const anyStart = { earliestStart: 0, latestStart: DAY_MINUTES - intervalMinutes, step: intervalMinutes };
  return [
    {
      name: "full-time",
      length: 480,
      ...anyStart,
      daysOn: 5,
      breaks: [
        { length: 15, after: [120] },
        { length: 30, after: [210, 240, 270] },
      ],
    },
    { name: "part-time", length: 240, ...anyStart, daysOn: 5, breaks: [] },
  ];
}
