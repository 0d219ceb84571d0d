/**
 * The checks of shift patterns: every problem of a list of patterns, each with the path of its
 * field, named as the model does (`patterns[0].length`, minutes: planShifts' input) or as the
 * planners' JSON file does (`shiftPatterns[0].lengthHours`: the staffing option).
 */
import { problem, type Problem } from "../../errors.js";
import { DAY_MINUTES } from "../../time/units.js";
import { clock, DAY_NAMES } from "../../time/weekClock.js";
import { isNum, snapGrid, snapWhole } from "./planGrid.js";
import { duration, fmt, show } from "./planText.js";
import { candidateCount, MAX_CANDIDATES, type ShiftPattern } from "./shiftPattern.js";

/** How messages name the fields of a pattern: the model's names, or the planners' JSON ones (parsePatterns). */
export interface FieldNames {
  /** The list's own path. */
  root: string;
  length: string;
  earliestStart: string;
  latestStart: string;
  step: string;
  startBand: string;
  daySets: string;
  breakLength: string;
  after: string;
}
export const MODEL_FIELDS: FieldNames = {
  root: "patterns",
  length: "length",
  earliestStart: "earliestStart",
  latestStart: "latestStart",
  step: "step",
  startBand: "startBand",
  daySets: "daySets",
  breakLength: "length",
  after: "after",
};
export const JSON_FIELDS: FieldNames = {
  root: "shiftPatterns",
  length: "lengthHours",
  earliestStart: "starts.earliest",
  latestStart: "starts.latest",
  step: "starts.stepMinutes",
  startBand: "starts.bandHours",
  daySets: "days",
  breakLength: "minutes",
  after: "afterHours",
};

function checkDayList(where: string, days: unknown, out: Problem[]): void {
  if (!Array.isArray(days) || days.length === 0) {
    out.push(problem(where, `expected a non-empty list of days 0..6 (0 = Monday, 6 = Sunday), got ${show(days)}`));
    return;
  }
  const seen = new Set<number>();
  days.forEach((d, k) => {
    if (!Number.isInteger(d) || d < 0 || d > 6) out.push(problem(`${where}[${k}]`, `expected a day 0..6 (0 = Monday, 6 = Sunday), got ${show(d)}`));
    else if (seen.has(d)) out.push(problem(where, `day ${d} (${DAY_NAMES[d]}) is listed twice`));
    else seen.add(d);
  });
}

function checkStarts(where: string, p: ShiftPattern, f: FieldNames, out: Problem[]): void {
  const { earliestStart: e, latestStart: l, step } = p;
  const inDay = (v: unknown): boolean => isNum(v) && v >= 0 && v < DAY_MINUTES;
  if (!inDay(e)) out.push(problem(`${where}.${f.earliestStart}`, `expected minutes after local midnight in [0, 1440), got ${show(e)}`));
  if (!inDay(l)) out.push(problem(`${where}.${f.latestStart}`, `expected minutes after local midnight in [0, 1440), got ${show(l)}`));
  if (!isNum(step) || step <= 0) out.push(problem(`${where}.${f.step}`, `expected minutes > 0 between allowed starts, got ${show(step)}`));
  const band = p.startBand;
  if (band !== undefined && (!isNum(band) || band < 0 || band >= DAY_MINUTES)) out.push(problem(`${where}.${f.startBand}`, `expected minutes in [0, 1440) a start may move from day to day, got ${show(band)}`));
  if (!inDay(e) || !inDay(l) || !isNum(step) || step <= 0) return;
  if (l < e) out.push(problem(`${where}.${f.latestStart}`, `expected a start at or after the earliest (${clock(e)}), got ${clock(l)}`));
  else if (!Number.isInteger(snapWhole((l - e) / step))) {
    out.push(problem(`${where}.${f.latestStart}`, `${clock(l)} is not on the ${fmt(step)}-minute grid of starts from ${clock(e)}`));
  }
}

function checkDays(where: string, p: ShiftPattern, f: FieldNames, out: Problem[]): void {
  const hasOn = p.daysOn !== undefined;
  const hasSets = p.daySets !== undefined;
  if (hasOn === hasSets) {
    out.push(problem(where, `expected exactly one of daysOn (consecutive days) or daySets (explicit day lists), got ${hasOn ? "both" : "neither"}`));
    return;
  }
  if (hasOn) {
    if (!Number.isInteger(p.daysOn) || (p.daysOn as number) < 1 || (p.daysOn as number) > 7) {
      out.push(problem(`${where}.daysOn`, `expected a whole number of consecutive days 1..7, got ${show(p.daysOn)}`));
    }
    return;
  }
  if (!Array.isArray(p.daySets) || p.daySets.length === 0) {
    out.push(problem(`${where}.daySets`, `expected a non-empty list of day lists, got ${show(p.daySets)}`));
    return;
  }
  p.daySets.forEach((set, k) => checkDayList(`${where}.${f.daySets}[${k}]`, set, out));
}

/** Break fields and placement; returns the well-formed breaks for the overlap check. */
function checkBreakFields(where: string, p: ShiftPattern, lengthOk: boolean, f: FieldNames, out: Problem[]): { k: number; length: number; after: number[] }[] {
  if (!Array.isArray(p.breaks)) {
    out.push(problem(`${where}.breaks`, `expected a list of { length, after } (may be empty), got ${show(p.breaks)}`));
    return [];
  }
  const good: { k: number; length: number; after: number[] }[] = [];
  p.breaks.forEach((b, k) => {
    const at = `${where}.breaks[${k}]`;
    if (b === null || typeof b !== "object") {
      out.push(problem(at, `expected { length, after }, got ${show(b)}`));
      return;
    }
    let ok = true;
    if (!isNum(b.length) || b.length <= 0) {
      out.push(problem(`${at}.${f.breakLength}`, `expected minutes > 0, got ${show(b.length)}`));
      ok = false;
    }
    if (!Array.isArray(b.after) || b.after.length === 0) {
      out.push(problem(`${at}.${f.after}`, `expected a non-empty list of offsets (minutes into the shift), got ${show(b.after)}`));
      return;
    }
    const seen = new Set<number>();
    b.after.forEach((a, m) => {
      if (!isNum(a) || a < 0) {
        out.push(problem(`${at}.${f.after}[${m}]`, `expected minutes >= 0 into the shift, got ${show(a)}`));
        ok = false;
      } else if (seen.has(a)) {
        out.push(problem(`${at}.${f.after}`, `the offset ${duration(a)} is listed twice`));
        ok = false;
      } else {
        seen.add(a);
        if (lengthOk && isNum(b.length) && snapGrid(a + b.length) > snapGrid(p.length)) {
          out.push(problem(at, `a break taken ${duration(a)} into the shift ends ${duration(a + b.length)} into it, after the shift's end (${duration(p.length)})`));
          ok = false;
        }
      }
    });
    if (ok) good.push({ k, length: b.length, after: b.after });
  });
  return good;
}

/** No alternative of one break may overlap any alternative of another (an agent takes one break at a time). */
function checkBreakOverlaps(where: string, good: { k: number; length: number; after: number[] }[], out: Problem[]): void {
  for (let x = 0; x < good.length; x++) {
    for (let y = x + 1; y < good.length; y++) {
      const p = good[x];
      const q = good[y];
      search: for (const a of p.after) {
        for (const b of q.after) {
          if (snapGrid(a) < snapGrid(b + q.length) && snapGrid(b) < snapGrid(a + p.length)) {
            out.push(problem(
              where,
              `breaks[${p.k}] taken ${duration(a)} into the shift (${duration(a)}–${duration(a + p.length)}) and breaks[${q.k}] ` +
                `taken ${duration(b)} in (${duration(b)}–${duration(b + q.length)}) overlap; every combination of break offsets must be possible`,
            ));
            break search;
          }
        }
      }
    }
  }
}

function checkPattern(p: ShiftPattern, k: number, f: FieldNames, out: Problem[]): void {
  const where = `${f.root}[${k}]`;
  if (p === null || typeof p !== "object") {
    out.push(problem(where, `expected { name, length, earliestStart, latestStart, step, daysOn | daySets, breaks }, got ${show(p)}`));
    return;
  }
  if (typeof p.name !== "string" || p.name.trim() === "") out.push(problem(`${where}.name`, `expected a non-empty text, got ${show(p.name)}`));
  const lengthOk = isNum(p.length) && p.length > 0 && p.length <= DAY_MINUTES;
  if (!lengthOk) out.push(problem(`${where}.${f.length}`, `expected paid minutes in (0, 1440], got ${show(p.length)}`));
  checkStarts(where, p, f, out);
  checkDays(where, p, f, out);
  checkBreakOverlaps(where, checkBreakFields(where, p, lengthOk, f, out), out);
}

/**
 * The problems of a list of patterns (empty when valid): non-empty list, unique
 * non-empty names, length in (0, 1440], starts 0 ≤ earliest ≤ latest < 1440 with latest on the
 * grid earliest + k·step, exactly one of daysOn (1..7) and daySets (non-empty lists of distinct
 * days 0..6), breaks of length > 0 whose alternative offsets (≥ 0, distinct) end inside the
 * shift and never overlap another break's alternatives, and at most MAX_CANDIDATES candidates.
 */
export function patternProblems(patterns: unknown): Problem[] {
  return problemsOf(patterns, MODEL_FIELDS);
}

/** patternProblems, naming the fields as `fields` says. */
export function problemsOf(patterns: unknown, fields: FieldNames): Problem[] {
  const root = fields.root;
  if (!Array.isArray(patterns) || patterns.length === 0) {
    return [problem(root, `expected a non-empty list of shift patterns, got ${show(patterns)}`)];
  }
  const out: Problem[] = [];
  const names = new Map<string, number>();
  patterns.forEach((p: ShiftPattern, k) => {
    checkPattern(p, k, fields, out);
    if (p !== null && typeof p === "object" && typeof p.name === "string") {
      const first = names.get(p.name);
      if (first !== undefined) out.push(problem(`${root}[${k}].name`, `${JSON.stringify(p.name)} is already the name of ${root}[${first}]`));
      else names.set(p.name, k);
    }
  });
  if (out.length === 0) {
    const count = patterns.reduce((s: number, p: ShiftPattern) => s + candidateCount(p), 0);
    if (count > MAX_CANDIDATES) {
      out.push(problem(
        root,
        `${count} candidate shifts (starts × day sets × break choices) is more than ${MAX_CANDIDATES}; ` +
          `use a coarser start step, narrower start windows or fewer break alternatives`,
      ));
    }
  }
  return out;
}
