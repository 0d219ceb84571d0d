/**
 * A shift pattern: the shifts planners allow (length, a window of starts on a step, the days
 * worked, breaks with alternative offsets), in the pool's local week, and what it expands to:
 * its starts, day sets and break choices, whose product is its number of candidate shifts.
 */

/** An allowed shift pattern, in the pool's local time. */
export interface ShiftPattern {
  /** Unique among the patterns of one plan. */
  name: string;
  /** Paid length, minutes, breaks included (≤ 1440). A shift may run past midnight, and Sunday's into Monday (the week is cyclic). */
  length: number;
  /**
   * Allowed start times: earliest..latest inclusive, every `step` minutes (local minutes after
   * midnight, 0 ≤ earliest ≤ latest < 1440, latest on the grid earliest + k·step). Starts need
   * not be on the interval grid (a shift edge inside an interval covers part of it).
   */
  earliestStart: number;
  latestStart: number;
  step: number;
  /**
   * Days worked: `daysOn` consecutive days then rest days (all 7 rotations are candidates), or
   * explicit `daySets` (each a list of days 0..6). Exactly one.
   */
  daysOn?: number;
  daySets?: number[][];
  /**
   * Breaks: for each break, its length and the alternative offsets (minutes into the shift) the
   * solver may choose from, one per agent. Every alternative must end inside the shift and no
   * alternative of one break may overlap any alternative of another.
   */
  breaks: { length: number; after: number[] }[];
}

/** Most candidates generated over all patterns (before skipping and merging). */
export const MAX_CANDIDATES = 20_000;

/** The pattern's day sets, each ascending, without repeats, in lexicographic order. */
export function daySetsOf(p: ShiftPattern): number[][] {
  const sets =
    p.daysOn !== undefined
      ? Array.from({ length: 7 }, (_, r) => Array.from({ length: p.daysOn as number }, (_, k) => (r + k) % 7))
      : (p.daySets as number[][]);
  const unique = new Map<string, number[]>();
  for (const set of sets) {
    const sorted = [...set].sort((a, b) => a - b);
    unique.set(sorted.join(","), sorted);
  }
  return [...unique.values()].sort(compareLists);
}

function compareLists(x: readonly number[], y: readonly number[]): number {
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
  return x.length - y.length;
}

/** earliest, earliest + step, …, latest (each computed from earliest, no drift). */
export function startsOf(p: ShiftPattern): number[] {
  const n = Math.round((p.latestStart - p.earliestStart) / p.step);
  return Array.from({ length: n + 1 }, (_, k) => (k === n ? p.latestStart : p.earliestStart + k * p.step));
}

/** Every choice of one offset per break (lexicographic, first break varying slowest). */
export function breakChoicesOf(p: ShiftPattern): { after: number; length: number }[][] {
  let choices: { after: number; length: number }[][] = [[]];
  for (const b of p.breaks) {
    const offsets = [...b.after].sort((x, y) => x - y);
    choices = choices.flatMap((c) => offsets.map((after) => [...c, { after, length: b.length }]));
  }
  return choices;
}

/** Candidate shifts of the pattern: starts × day sets × break choices. */
export function candidateCount(p: ShiftPattern): number {
  const combos = p.breaks.reduce((n, b) => n * b.after.length, 1);
  return startsOf(p).length * daySetsOf(p).length * combos;
}
