/**
 * The grid a shift plan lives on: the week cut into intervals of L minutes (1440 / L whole),
 * and minutes kept on a dyadic grid of 2⁻²⁰ minute so that float noise leaves no slivers.
 */
import { problem, type Problem } from "../../errors.js";
import { DAY_MINUTES } from "../../time/units.js";
import { dayIntervalProblem } from "../../time/weekClock.js";

/** Minutes are kept on a dyadic grid of 2⁻²⁰ minute, as model/staffing/weeklyPattern.ts does, so float noise leaves no slivers. */
const GRID = 2 ** 20;

export const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function snapGrid(x: number): number {
  return Math.round(x * GRID) / GRID;
}

/** x, or the nearest integer when within 1e-9·max(1, |x|) of it (10 × 0.7, 0.1 h × 60). */
export function snapWhole(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x)) ? r + 0 : x;
}

/** Problems of the interval length (time/weekClock.ts dayIntervalProblem). */
export function intervalProblems(L: unknown, path = "intervalMinutes"): Problem[] {
  const why = dayIntervalProblem(L);
  return why === undefined ? [] : [problem(path, why)];
}

/** Number of weekly intervals of length L (L already valid). */
export function intervalCount(L: number): number {
  return 7 * snapWhole(DAY_MINUTES / L);
}
