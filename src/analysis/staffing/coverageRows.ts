/**
 * The coverage rows of a shift plan's integer program (shiftProgram.ts, the model in
 * shiftPlan.ts): which intervals' requirement each row sums, interval by interval or per quarter
 * day. Apart from the solver, so the staffing chart (src/report/charts/staffing.ts) draws a pool's
 * gap over the very rows its plan covers without loading HiGHS.
 */
import { snapWhole } from "./planGrid.js";

/** Requirements at or below this are zero (floating-point noise must not hire an agent). */
const ZERO_REQUIREMENT = 1e-9;

/**
 * The coverage rows: one per group of intervals with a positive requirement (`groupOf[i]`, the
 * same number for the intervals of one row; default: every interval its own row), right-hand
 * side Σ r_i / α over the group (snapped to a whole number within 1e-9). A row is named after its
 * first interval (c<i>).
 */
export interface Rows {
  intervals: number[];
  rhs: number[];
  /** Row of each interval, −1 for none. */
  rowOf: Int32Array;
}

export function coverageRows(requirement: readonly number[], availability: number, groupOf?: ArrayLike<number>): Rows {
  const rowOf = new Int32Array(requirement.length).fill(-1);
  const intervals: number[] = [];
  const sums: number[] = [];
  const rowOfGroup = new Map<number, number>();
  requirement.forEach((r, i) => {
    if (!(r > ZERO_REQUIREMENT)) return;
    const g = groupOf === undefined ? i : groupOf[i];
    let row = rowOfGroup.get(g);
    if (row === undefined) {
      row = intervals.length;
      rowOfGroup.set(g, row);
      intervals.push(i);
      sums.push(0);
    }
    sums[row] += r;
    rowOf[i] = row;
  });
  return { intervals, rhs: sums.map((r) => snapWhole(r / availability)), rowOf };
}

/** Parts each day's span with a requirement is covered in by `cover` "quarterDay" [A]. */
export const DAY_PARTS = 4;

/**
 * Quarter-day groups of a requirement (coverageRows' groupOf): each day's intervals from its
 * first to its last with a positive requirement split in DAY_PARTS parts of (nearly) equal
 * length, numbered DAY_PARTS·day + part (2.5 hours each of a 10-hour day).
 */
export function quarterDayGroups(requirement: readonly number[], intervalsPerDay: number): Int32Array {
  const out = new Int32Array(requirement.length).fill(-1);
  for (let d = 0; d * intervalsPerDay < requirement.length; d++) {
    let first = -1, last = -1;
    for (let i = d * intervalsPerDay; i < (d + 1) * intervalsPerDay; i++) {
      if (!(requirement[i] > ZERO_REQUIREMENT)) continue;
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0) continue;
    const span = last - first + 1;
    for (let i = first; i <= last; i++) out[i] = DAY_PARTS * d + Math.floor(((i - first) * DAY_PARTS) / span);
  }
  return out;
}
