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
   * How far an agent's start may move from day to day, minutes (default 0: the same start every
   * day). With a band B, each agent's starts lie within [b, b + B] for some allowed start b, each
   * day's on the pattern's grid: the plan may start Monday at 08:00 and Tuesday at 10:00.
   */
  startBand?: number;
  /**
   * Days worked: `daysOn` days a week, either consecutive (then rest days: all 7 rotations are
   * candidates, so the days off are consecutive) or, with `anyDaysOff`, any `daysOn` of the 7;
   * or explicit `daySets` (each a list of days 0..6). Exactly one of daysOn and daySets.
   */
  daysOn?: number;
  anyDaysOff?: boolean;
  daySets?: number[][];
  /**
   * Counts as part-time for a plan's part-time limit (default: fewer paid hours a week than a
   * full-time employee's, length × days < the plan's full-time week).
   */
  partTime?: boolean;
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
    p.daysOn === undefined
      ? (p.daySets as number[][])
      : p.anyDaysOff === true
        ? subsetsOf(p.daysOn)
        : Array.from({ length: 7 }, (_, r) => Array.from({ length: p.daysOn as number }, (_, k) => (r + k) % 7));
  const unique = new Map<string, number[]>();
  for (const set of sets) {
    const sorted = [...set].sort((a, b) => a - b);
    unique.set(sorted.join(","), sorted);
  }
  return [...unique.values()].sort(compareLists);
}

/** Every set of `n` of the 7 days. */
function subsetsOf(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 128; mask++) {
    const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => (mask >> d) & 1);
    if (days.length === n) out.push(days);
  }
  return out;
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

/** The pattern's start band, minutes (0: one start every day). */
export function bandOf(p: ShiftPattern): number {
  return p.startBand ?? 0;
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
