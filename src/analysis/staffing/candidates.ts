/**
 * The candidate shifts of a plan: every pattern × day set × start × break choice, with the
 * minutes one agent on it is on the floor in each interval of the week (a_ij × L; the model
 * in shiftPlan.ts), narrowed to those the integer program needs.
 */
import { problem, type Problem } from "../../errors.js";
import { DAY_MINUTES } from "../../time/units.js";
import { intervalLabel } from "../../time/weekClock.js";
import { intervalCount, snapGrid } from "./planGrid.js";
import { fmt } from "./planText.js";
import { breakChoicesOf, daySetsOf, startsOf, type ShiftPattern } from "./shiftPattern.js";

/** A candidate shift: one pattern, day set, start per day and break choice. */
export interface Candidate {
  pattern: number;
  days: number[];
  /** The start on each day of `days` (local minutes after midnight), in the same order. */
  starts: number[];
  length: number;
  breaks: { after: number; length: number }[];
  /** Paid minutes per week per agent: length × |days|. */
  cost: number;
  /** Floor minutes of one agent per interval over the whole week: intervals ascending, minutes > 0. */
  intervals: number[];
  minutes: number[];
}

/** The on-floor pieces [from, to) of one shift, minutes into it: the shift minus its breaks. */
export function floorPieces(length: number, breaks: readonly { after: number; length: number }[]): [number, number][] {
  const sorted = [...breaks].sort((x, y) => x.after - y.after);
  const pieces: [number, number][] = [];
  let at = 0;
  for (const b of sorted) {
    if (b.after > at) pieces.push([at, b.after]);
    at = Math.max(at, b.after + b.length);
  }
  if (length > at) pieces.push([at, length]);
  return pieces;
}

/** Adds the minutes of week span [a, b) (0 ≤ a < W, b ≤ a + W, wrapping past Sunday) to `acc`, per interval. */
function addSpan(acc: Map<number, number>, a: number, b: number, L: number, n: number): void {
  for (let k = Math.floor(a / L); k * L < b; k++) {
    const overlap = Math.min(b, (k + 1) * L) - Math.max(a, k * L);
    if (overlap <= 0) continue;
    const i = k % n;
    acc.set(i, (acc.get(i) ?? 0) + overlap);
  }
}

/**
 * A candidate with its floor minutes per interval (snapped to the 2⁻²⁰-minute grid, slivers of
 * noise dropped); `starts` one per day of `days`.
 */
export function makeCandidate(pattern: number, p: ShiftPattern, days: number[], starts: number[], breaks: { after: number; length: number }[], L: number): Candidate {
  const n = intervalCount(L);
  const acc = new Map<number, number>();
  const pieces = floorPieces(p.length, breaks);
  days.forEach((d, k) => {
    const s = d * DAY_MINUTES + starts[k];
    for (const [from, to] of pieces) addSpan(acc, s + from, s + to, L, n);
  });
  const intervals = [...acc.keys()].filter((i) => snapGrid(acc.get(i) as number) > 0).sort((x, y) => x - y);
  return {
    pattern,
    days,
    starts,
    length: p.length,
    breaks,
    cost: p.length * days.length,
    intervals,
    minutes: intervals.map((i) => snapGrid(acc.get(i) as number)),
  };
}

/** All candidates in output order: pattern (input order), days, start, break offsets. */
export function allCandidates(patterns: readonly ShiftPattern[], L: number): Candidate[] {
  const out: Candidate[] = [];
  patterns.forEach((p, k) => {
    const choices = breakChoicesOf(p);
    for (const days of daySetsOf(p)) {
      for (const start of startsOf(p)) {
        for (const breaks of choices) out.push(makeCandidate(k, p, days, days.map(() => start), breaks, L));
      }
    }
  });
  return out;
}

/**
 * The candidates of the model: those covering some coverage row (`rowOf[i]` ≥ 0: the row of
 * interval i, shiftProgram.ts coverageRows), and of those with the same cost, the same
 * part-time flag (`partTime` per pattern) and the same floor minutes in every row only the
 * first. `seen` holds the keys already in the model (and gets the new ones).
 */
export function modelCandidates(candidates: readonly Candidate[], rowOf: ArrayLike<number>, partTime: readonly boolean[] = [], seen = new Set<string>()): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    const minutes = new Map<number, number>();
    c.intervals.forEach((i, k) => {
      if (rowOf[i] >= 0) minutes.set(rowOf[i], (minutes.get(rowOf[i]) ?? 0) + c.minutes[k]);
    });
    const parts = [...minutes].map(([r, m]) => `${r}:${m}`);
    if (parts.length === 0) continue;
    const key = `${c.cost}|${partTime[c.pattern] === true ? "p" : "f"}|${parts.join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** The first interval with a positive requirement that no candidate covers, as the problem to report (of the input as a whole). */
export function uncoveredProblem(requirement: readonly number[], needed: readonly boolean[], candidates: readonly Candidate[], L: number): Problem | undefined {
  const covered = new Array<boolean>(requirement.length).fill(false);
  for (const c of candidates) for (const i of c.intervals) covered[i] = true;
  const missing = requirement.map((_, i) => i).filter((i) => needed[i] && !covered[i]);
  if (missing.length === 0) return undefined;
  const i = missing[0];
  const more = missing.length > 1 ? ` (nor ${missing.length - 1} other interval${missing.length > 2 ? "s" : ""} with a requirement)` : "";
  const agents = requirement[i] === 1 ? "agent" : "agents";
  return problem("", `${intervalLabel(i, L)} needs ${fmt(requirement[i])} ${agents} on the floor, but no allowed shift covers it${more}`);
}
