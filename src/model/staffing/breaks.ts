/**
 * Break arithmetic shared by the schedule's validation (scheduleProblems.ts) and its weekly
 * pattern (weeklyPattern.ts): change points are kept on a dyadic grid of 2⁻²⁰ minute (about
 * 57 µs), so the same point reached by two computations (a break end and another break's
 * start) is one point and the weekly integrals are exact sums.
 */

/** Change points are rounded to multiples of 2⁻²⁰ minute (exactly representable, exact sums). */
const GRID = 2 ** 20;

export function snap(x: number): number {
  return Math.round(x * GRID) / GRID;
}

/**
 * Minutes into the shift at which agent i of n starts / ends a break, each snapped from the
 * unrounded sum, so that a break ending where the next begins (after 30.3, length 0.6; after
 * 30.9) touches instead of overlapping by 4e-15. Validation and the pattern use the same two
 * functions, so a break that passes validation ends inside its shift in the pattern too.
 */
export function breakStart(after: number, stagger: number, i: number, n: number): number {
  return snap(after + (i * stagger) / n);
}
export function breakEnd(after: number, stagger: number, length: number, i: number, n: number): number {
  return snap(after + (i * stagger) / n + length);
}
