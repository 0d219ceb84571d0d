/**
 * Shift planning: turn a weekly floor requirement (agents needed ON THE FLOOR in each
 * interval of a typical week, e.g. the staffing solver's answer for a pool) into shifts
 * chosen from allowed patterns, at the fewest paid hours, as an integer program solved by
 * HiGHS (npm `highs`, WebAssembly).
 *
 * Time is the pool's LOCAL week: days 0 = Monday … 6 = Sunday, times in minutes after local
 * midnight, week minute m = day·1440 + time ∈ [0, 10080), cyclic (a Sunday shift runs into
 * Monday). Interval i of length L covers week minutes [i·L, (i + 1)·L).
 *
 * Model. A candidate j is a pattern with one day set, one start and one offset per break.
 * Its agent is on shift during [day·1440 + start, … + length) on each of its days and on the
 * floor then except during its breaks. a_ij ∈ [0, 1] is the share of interval i's minutes
 * that the agent is on the floor (fractional when a shift edge or a break cuts the
 * interval). With n_j ≥ 0 integer agents on candidate j and availability α (1 − shrinkage):
 *
 *   minimise   Σ_j n_j · length_j · |days_j|          (paid minutes per week)
 *   subject to α · Σ_j a_ij · n_j ≥ r_i               for every interval i with r_i > 0,
 *
 * written as Σ_j a_ij n_j ≥ r_i / α. The LP relaxation (n_j continuous) is solved too: its
 * optimum is a lower bound on the paid hours of any plan from these patterns.
 *
 * Candidates that cover no interval with a positive requirement are left out (they only
 * cost), and of candidates with the same cost and the same a_ij on those intervals only the
 * first (in the output order) is kept: neither changes the optimum nor the bound.
 */
import highsImport from "highs";
import { z } from "zod";
import { DAY_MINUTES } from "../../time/units.js";
import { clock, DAY_NAMES, intervalLabel } from "../../time/weekClock.js";

export { clock, DAY_NAMES, intervalLabel } from "../../time/weekClock.js";
import type { ShiftConfig } from "../../model/config.js";

// ---------------------------------------------------------------------------------------
// API types

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

export interface ShiftPlanInput {
  /** Interval length L, minutes; 1440 / L must be a whole number. */
  intervalMinutes: number;
  /** Floor agents needed per weekly interval, Monday 00:00 local first (7·1440/L values); may be fractional; ≥ 0. */
  requirement: number[];
  /** (0, 1]: share of on-shift, off-break time an agent is on the floor (1 − shrinkage). */
  availability: number;
  patterns: ShiftPattern[];
  /**
   * Wall-clock budget of planShifts, seconds (default 30). The LP relaxation always runs to the
   * end (a fraction of a second at these sizes, plus about a second to warm up HiGHS on the first
   * call of a process); the integer solve gets what remains of the budget.
   */
  timeLimitSeconds?: number;
}

export interface PlannedShift {
  pattern: string;
  /** Days worked, ascending. */
  days: number[];
  /** Local minutes after midnight. */
  start: number;
  length: number;
  agents: number;
  /** The chosen offset of each break of the pattern, in the pattern's order. */
  breaks: { after: number; length: number }[];
}

export interface ShiftPlan {
  /** Only those with agents > 0, in a stable order: pattern (input order), days, start, break offsets. */
  shifts: PlannedShift[];
  /** Floor agents per interval = availability × Σ agents × a_ij; ≥ requirement (up to HiGHS's relative feasibility tolerance, 1e-6). */
  coverage: number[];
  /** Σ agents × length × |days| / 60. */
  paidHoursPerWeek: number;
  /** The LP relaxation's paid hours: no plan from these patterns pays fewer (capped at paidHoursPerWeek against solver round-off). */
  lowerBoundHours: number;
  /** HiGHS proved the integer plan optimal (within its default relative gap, 1e-4). */
  optimal: boolean;
  /** Wall-clock seconds of planShifts (building, both solves, checks). */
  solveSeconds: number;
}

// ---------------------------------------------------------------------------------------
// Constants

/** Requirements at or below this are zero (floating-point noise must not hire an agent). */
const ZERO_REQUIREMENT = 1e-9;
/** Relative tolerance of the coverage rows, as HiGHS's MIP feasibility tolerance. */
const FEASIBILITY = 1e-6;
/** Most candidates generated over all patterns (before skipping and merging). */
export const MAX_CANDIDATES = 20_000;
/** Minutes are kept on a dyadic grid of 2⁻²⁰ minute, as staffing.ts does, so float noise leaves no slivers. */
const GRID = 2 ** 20;
const DEFAULT_TIME_LIMIT = 30;

// ---------------------------------------------------------------------------------------
// Formatting

/** A number for messages: at most 3 decimals. */
function fmt(x: number): string {
  return String(+x.toFixed(3));
}

/** A short rendering of an offending value for an error message. */
function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 37) + "..." : v);
  if (typeof v === "number") return String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return typeof v === "object" ? "an object" : String(v);
}

/** Minutes as "H:MM" (a duration, e.g. a break offset). */
function duration(minutes: number): string {
  return clock(minutes).replace(/^0(\d)/, "$1");
}

/**
 * A day set as planners write it (and parsePatterns reads): "daily", "Mon", a cyclic run
 * "Sat-Wed", or runs joined by commas "Mon-Wed,Fri". Runs start after a day off, so a set
 * wrapping Sunday → Monday is one run; the run holding the earliest weekday comes first
 * ("Sun-Tue,Thu").
 */
export function formatDays(days: readonly number[]): string {
  const on = new Set(days);
  if (on.size === 7) return "daily";
  const runs: string[] = [];
  // first day of the cyclic order: the start of the run holding the earliest weekday
  let first = Math.min(...days);
  while (on.has((first + 6) % 7)) first = (first + 6) % 7;
  for (let k = 0; k < 7; k++) {
    const d = (first + k) % 7;
    if (!on.has(d) || on.has((d + 6) % 7)) continue; // not the start of a run
    let end = d;
    while (on.has((end + 1) % 7)) end = (end + 1) % 7;
    runs.push(end === d ? DAY_NAMES[d] : `${DAY_NAMES[d]}-${DAY_NAMES[end]}`);
  }
  return runs.join(",");
}

// ---------------------------------------------------------------------------------------
// Small numeric helpers

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function snapGrid(x: number): number {
  return Math.round(x * GRID) / GRID;
}

/** x, or the nearest integer when within 1e-9·max(1, |x|) of it (10 × 0.7, 0.1 h × 60). */
function snapWhole(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x)) ? r + 0 : x;
}

/** The first problem, with how many more there are, as one line. */
function firstOf(problems: string[]): string {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  return `${problems[0]}${more}`;
}

// ---------------------------------------------------------------------------------------
// Validation

/** Problems of the interval length (empty when 1440 / L is a whole number). */
function intervalProblems(L: unknown): string[] {
  if (!isNum(L) || L <= 0 || !Number.isInteger(snapWhole(DAY_MINUTES / L))) {
    return [`intervalMinutes: expected a number of minutes that divides 1440 (e.g. 15, 30, 60), got ${show(L)}`];
  }
  return [];
}

/** Number of weekly intervals of length L (L already valid). */
function intervalCount(L: number): number {
  return 7 * snapWhole(DAY_MINUTES / L);
}

/** How messages name the fields of a pattern: the model's names, or the planners' JSON ones (parsePatterns). */
interface FieldNames {
  length: string;
  earliestStart: string;
  latestStart: string;
  step: string;
  daySets: string;
  breakLength: string;
  after: string;
}
const MODEL_FIELDS: FieldNames = {
  length: "length",
  earliestStart: "earliestStart",
  latestStart: "latestStart",
  step: "step",
  daySets: "daySets",
  breakLength: "length",
  after: "after",
};
const JSON_FIELDS: FieldNames = {
  length: "lengthHours",
  earliestStart: "starts.earliest",
  latestStart: "starts.latest",
  step: "starts.stepMinutes",
  daySets: "days",
  breakLength: "minutes",
  after: "afterHours",
};

function checkDayList(where: string, days: unknown, out: string[]): void {
  if (!Array.isArray(days) || days.length === 0) {
    out.push(`${where}: expected a non-empty list of days 0..6 (0 = Monday, 6 = Sunday), got ${show(days)}`);
    return;
  }
  const seen = new Set<number>();
  days.forEach((d, k) => {
    if (!Number.isInteger(d) || d < 0 || d > 6) out.push(`${where}[${k}]: expected a day 0..6 (0 = Monday, 6 = Sunday), got ${show(d)}`);
    else if (seen.has(d)) out.push(`${where}: day ${d} (${DAY_NAMES[d]}) is listed twice`);
    else seen.add(d);
  });
}

function checkStarts(where: string, p: ShiftPattern, f: FieldNames, out: string[]): void {
  const { earliestStart: e, latestStart: l, step } = p;
  const inDay = (v: unknown): boolean => isNum(v) && v >= 0 && v < DAY_MINUTES;
  if (!inDay(e)) out.push(`${where}.${f.earliestStart}: expected minutes after local midnight in [0, 1440), got ${show(e)}`);
  if (!inDay(l)) out.push(`${where}.${f.latestStart}: expected minutes after local midnight in [0, 1440), got ${show(l)}`);
  if (!isNum(step) || step <= 0) out.push(`${where}.${f.step}: expected minutes > 0 between allowed starts, got ${show(step)}`);
  if (!inDay(e) || !inDay(l) || !isNum(step) || step <= 0) return;
  if (l < e) out.push(`${where}.${f.latestStart}: expected a start at or after the earliest (${clock(e)}), got ${clock(l)}`);
  else if (!Number.isInteger(snapWhole((l - e) / step))) {
    out.push(`${where}.${f.latestStart}: ${clock(l)} is not on the ${fmt(step)}-minute grid of starts from ${clock(e)}`);
  }
}

function checkDays(where: string, p: ShiftPattern, f: FieldNames, out: string[]): void {
  const hasOn = p.daysOn !== undefined;
  const hasSets = p.daySets !== undefined;
  if (hasOn === hasSets) {
    out.push(`${where}: expected exactly one of daysOn (consecutive days) or daySets (explicit day lists), got ${hasOn ? "both" : "neither"}`);
    return;
  }
  if (hasOn) {
    if (!Number.isInteger(p.daysOn) || (p.daysOn as number) < 1 || (p.daysOn as number) > 7) {
      out.push(`${where}.daysOn: expected a whole number of consecutive days 1..7, got ${show(p.daysOn)}`);
    }
    return;
  }
  if (!Array.isArray(p.daySets) || p.daySets.length === 0) {
    out.push(`${where}.daySets: expected a non-empty list of day lists, got ${show(p.daySets)}`);
    return;
  }
  p.daySets.forEach((set, k) => checkDayList(`${where}.${f.daySets}[${k}]`, set, out));
}

/** Break fields and placement; returns the well-formed breaks for the overlap check. */
function checkBreakFields(where: string, p: ShiftPattern, lengthOk: boolean, f: FieldNames, out: string[]): { k: number; length: number; after: number[] }[] {
  if (!Array.isArray(p.breaks)) {
    out.push(`${where}.breaks: expected a list of { length, after } (may be empty), got ${show(p.breaks)}`);
    return [];
  }
  const good: { k: number; length: number; after: number[] }[] = [];
  p.breaks.forEach((b, k) => {
    const at = `${where}.breaks[${k}]`;
    if (b === null || typeof b !== "object") {
      out.push(`${at}: expected { length, after }, got ${show(b)}`);
      return;
    }
    let ok = true;
    if (!isNum(b.length) || b.length <= 0) {
      out.push(`${at}.${f.breakLength}: expected minutes > 0, got ${show(b.length)}`);
      ok = false;
    }
    if (!Array.isArray(b.after) || b.after.length === 0) {
      out.push(`${at}.${f.after}: expected a non-empty list of offsets (minutes into the shift), got ${show(b.after)}`);
      return;
    }
    const seen = new Set<number>();
    b.after.forEach((a, m) => {
      if (!isNum(a) || a < 0) {
        out.push(`${at}.${f.after}[${m}]: expected minutes >= 0 into the shift, got ${show(a)}`);
        ok = false;
      } else if (seen.has(a)) {
        out.push(`${at}.${f.after}: the offset ${duration(a)} is listed twice`);
        ok = false;
      } else {
        seen.add(a);
        if (lengthOk && isNum(b.length) && snapGrid(a + b.length) > snapGrid(p.length)) {
          out.push(`${at}: a break taken ${duration(a)} into the shift ends ${duration(a + b.length)} into it, after the shift's end (${duration(p.length)})`);
          ok = false;
        }
      }
    });
    if (ok) good.push({ k, length: b.length, after: b.after });
  });
  return good;
}

/** No alternative of one break may overlap any alternative of another (an agent takes one break at a time). */
function checkBreakOverlaps(where: string, good: { k: number; length: number; after: number[] }[], out: string[]): void {
  for (let x = 0; x < good.length; x++) {
    for (let y = x + 1; y < good.length; y++) {
      const p = good[x];
      const q = good[y];
      search: for (const a of p.after) {
        for (const b of q.after) {
          if (snapGrid(a) < snapGrid(b + q.length) && snapGrid(b) < snapGrid(a + p.length)) {
            out.push(
              `${where}: breaks[${p.k}] taken ${duration(a)} into the shift (${duration(a)}–${duration(a + p.length)}) and breaks[${q.k}] ` +
                `taken ${duration(b)} in (${duration(b)}–${duration(b + q.length)}) overlap; every combination of break offsets must be possible`,
            );
            break search;
          }
        }
      }
    }
  }
}

function checkPattern(p: ShiftPattern, k: number, f: FieldNames, out: string[]): void {
  const where = `patterns[${k}]`;
  if (p === null || typeof p !== "object") {
    out.push(`${where}: expected { name, length, earliestStart, latestStart, step, daysOn | daySets, breaks }, got ${show(p)}`);
    return;
  }
  if (typeof p.name !== "string" || p.name.trim() === "") out.push(`${where}.name: expected a non-empty text, got ${show(p.name)}`);
  const lengthOk = isNum(p.length) && p.length > 0 && p.length <= DAY_MINUTES;
  if (!lengthOk) out.push(`${where}.${f.length}: expected paid minutes in (0, 1440], got ${show(p.length)}`);
  checkStarts(where, p, f, out);
  checkDays(where, p, f, out);
  checkBreakOverlaps(where, checkBreakFields(where, p, lengthOk, f, out), out);
}

/**
 * The problems of a list of patterns, one line each (empty when valid): non-empty list, unique
 * non-empty names, length in (0, 1440], starts 0 ≤ earliest ≤ latest < 1440 with latest on the
 * grid earliest + k·step, exactly one of daysOn (1..7) and daySets (non-empty lists of distinct
 * days 0..6), breaks of length > 0 whose alternative offsets (≥ 0, distinct) end inside the
 * shift and never overlap another break's alternatives, and at most MAX_CANDIDATES candidates.
 */
export function patternProblems(patterns: unknown): string[] {
  return problemsOf(patterns, MODEL_FIELDS);
}

/** patternProblems, naming the fields as `fields` says. */
function problemsOf(patterns: unknown, fields: FieldNames): string[] {
  if (!Array.isArray(patterns) || patterns.length === 0) {
    return [`patterns: expected a non-empty list of shift patterns, got ${show(patterns)}`];
  }
  const out: string[] = [];
  const names = new Map<string, number>();
  patterns.forEach((p: ShiftPattern, k) => {
    checkPattern(p, k, fields, out);
    if (p !== null && typeof p === "object" && typeof p.name === "string") {
      const first = names.get(p.name);
      if (first !== undefined) out.push(`patterns[${k}].name: ${JSON.stringify(p.name)} is already the name of patterns[${first}]`);
      else names.set(p.name, k);
    }
  });
  if (out.length === 0) {
    const count = patterns.reduce((s: number, p: ShiftPattern) => s + candidateCount(p), 0);
    if (count > MAX_CANDIDATES) {
      out.push(
        `patterns: ${count} candidate shifts (starts × day sets × break choices) is more than ${MAX_CANDIDATES}; ` +
          `use a coarser start step, narrower start windows or fewer break alternatives`,
      );
    }
  }
  return out;
}

function requirementProblems(requirement: unknown, L: number): string[] {
  const n = intervalCount(L);
  if (!Array.isArray(requirement) || requirement.length !== n) {
    return [`requirement: expected ${n} values (7 days × 1440 / ${fmt(L)} minutes, Monday 00:00 first), got ${show(requirement)}`];
  }
  const out: string[] = [];
  requirement.forEach((r, i) => {
    if (!isNum(r) || r < 0) out.push(`requirement[${i}] (${intervalLabel(i, L)}): expected floor agents >= 0, got ${show(r)}`);
  });
  return out;
}

/** Throws one line with the first problem of the input, if any. */
function validateInput(input: ShiftPlanInput): void {
  if (input === null || typeof input !== "object") throw new Error(`shift plan: expected { intervalMinutes, requirement, availability, patterns }, got ${show(input)}`);
  const problems = intervalProblems(input.intervalMinutes);
  if (problems.length === 0) problems.push(...requirementProblems(input.requirement, input.intervalMinutes));
  const a = input.availability;
  if (!isNum(a) || a <= 0 || a > 1) problems.push(`availability: expected a share in (0, 1] (1 − shrinkage), got ${show(a)}`);
  const t = input.timeLimitSeconds;
  if (t !== undefined && (!isNum(t) || t <= 0)) problems.push(`timeLimitSeconds: expected seconds > 0, got ${show(t)}`);
  problems.push(...patternProblems(input.patterns));
  if (problems.length > 0) throw new Error(firstOf(problems));
}

// ---------------------------------------------------------------------------------------
// Default patterns and planners' JSON

/**
 * The default patterns for intervals of `intervalMinutes`, both with any start on the interval
 * grid (00:00, L, 2L, … 24:00 − L) and 5 consecutive days on (all 7 rotations):
 * - "full-time": 8 h paid; a 15-minute break 2 h in, and a 30-minute lunch 3.5, 4 or 4.5 h in;
 * - "part-time": 4 h paid, no break.
 */
export function defaultPatterns(intervalMinutes: number): ShiftPattern[] {
  const problems = intervalProblems(intervalMinutes);
  if (problems.length > 0) throw new Error(problems[0]);
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

/** "HH:MM" (or "H:MM"), 00:00..23:59, as minutes after midnight; undefined if malformed. */
function parseClock(s: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (m === null) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

/**
 * A day set as planners write it: "daily", a day "Mon", a range "Mon-Fri" (wrapping: "Sat-Mon"
 * is Sat, Sun, Mon), or several joined by commas ("Mon-Wed,Fri"); names Mon Tue Wed Thu Fri
 * Sat Sun, any case. Returns the days ascending, or undefined if malformed.
 */
export function parseDaySet(s: string): number[] | undefined {
  const text = s.trim().toLowerCase();
  if (text === "daily") return [0, 1, 2, 3, 4, 5, 6];
  const dayOf = (name: string): number => DAY_NAMES.findIndex((d) => d.toLowerCase() === name.trim());
  const days = new Set<number>();
  for (const part of text.split(",")) {
    const ends = part.split("-");
    if (ends.length > 2) return undefined;
    const from = dayOf(ends[0]);
    const to = dayOf(ends[ends.length - 1]);
    if (from < 0 || to < 0) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

const DAY_SET_HELP = `days like "Mon-Fri", "Sat-Mon", "Mon,Wed,Fri" or "daily"`;

/** The `{ error }` option of a field that expects `what`: "missing: expected …" or "expected …, got …". */
function expecting(what: string) {
  return {
    error: (iss: { input?: unknown; code?: string }) =>
      iss.input === undefined && iss.code === "invalid_type" ? `missing: expected ${what}` : `expected ${what}, got ${show(iss.input)}`,
  };
}

/** A strict object: unknown fields are errors naming the allowed ones. */
function strictObject<T extends z.ZodRawShape>(shape: T, what: string) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? `unknown field; expected one of ${allowed}` : `expected ${what}, got ${show(iss.input)}`),
  });
}

const ClockSchema = z
  .string(expecting('a time "HH:MM"'))
  .refine((s) => parseClock(s) !== undefined, expecting('a time "HH:MM" from 00:00 to 23:59'));

const PatternJsonSchema = strictObject(
  {
    name: z.string(expecting("a non-empty name")).trim().min(1, expecting("a non-empty name")),
    lengthHours: z.number(expecting("a number in (0, 24]")).gt(0, expecting("a number in (0, 24]")).lte(24, expecting("a number in (0, 24]")),
    starts: strictObject(
      {
        earliest: ClockSchema,
        latest: ClockSchema.optional(),
        stepMinutes: z.number(expecting("minutes > 0")).gt(0, expecting("minutes > 0")).finite(expecting("minutes > 0")).optional(),
      },
      '{ "earliest": "HH:MM", "latest"?: "HH:MM", "stepMinutes"?: minutes }',
    ).optional(),
    daysOn: z.number(expecting("a whole number of days 1..7")).int(expecting("a whole number of days 1..7")).min(1, expecting("a whole number of days 1..7")).max(7, expecting("a whole number of days 1..7")).optional(),
    days: z
      .array(z.string(expecting(DAY_SET_HELP)).refine((s) => parseDaySet(s) !== undefined, expecting(DAY_SET_HELP)), expecting(`a list of ${DAY_SET_HELP}`))
      .min(1, expecting(`a non-empty list of ${DAY_SET_HELP}`))
      .optional(),
    breaks: z
      .array(
        strictObject(
          {
            minutes: z.number(expecting("minutes > 0")).gt(0, expecting("minutes > 0")).finite(expecting("minutes > 0")),
            afterHours: z
              .array(z.number(expecting("hours >= 0 into the shift")).min(0, expecting("hours >= 0 into the shift")).finite(expecting("hours >= 0 into the shift")), expecting("a list of hours into the shift"))
              .min(1, expecting("a non-empty list of hours into the shift")),
          },
          '{ "minutes", "afterHours": [hours, …] }',
        ),
        expecting("a list of breaks"),
      )
      .optional(),
  },
  '{ "name", "lengthHours", "starts"?, "daysOn" | "days", "breaks"? }',
).superRefine((p, ctx) => {
  if ((p.daysOn === undefined) === (p.days === undefined)) {
    ctx.addIssue({ code: "custom", input: p, message: `expected exactly one of "daysOn" or "days", got ${p.daysOn === undefined ? "neither" : "both"}` });
  }
});

const PatternsJsonSchema = z.array(PatternJsonSchema, expecting("a list of shift patterns")).min(1, expecting("a non-empty list of shift patterns"));

type PatternJson = z.infer<typeof PatternJsonSchema>;

/** "patterns[0].starts.latest" from a zod path below the list. */
function pathOf(path: readonly PropertyKey[]): string {
  let out = "patterns";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** A planners' pattern in model units (minutes), before the semantic checks. */
function fromJson(p: PatternJson, L: number): ShiftPattern {
  const starts = p.starts;
  const earliest = starts === undefined ? 0 : (parseClock(starts.earliest) as number);
  const pattern: ShiftPattern = {
    name: p.name,
    length: snapWhole(p.lengthHours * 60),
    earliestStart: earliest,
    latestStart: starts === undefined ? DAY_MINUTES - L : starts.latest === undefined ? earliest : (parseClock(starts.latest) as number),
    step: starts?.stepMinutes ?? L,
    breaks: (p.breaks ?? []).map((b) => ({ length: b.minutes, after: b.afterHours.map((h) => snapWhole(h * 60)) })),
  };
  if (p.daysOn !== undefined) pattern.daysOn = p.daysOn;
  else pattern.daySets = (p.days ?? []).map((s) => parseDaySet(s) as number[]);
  return pattern;
}

/**
 * Patterns from a JSON file's content, in planners' units:
 * `[{ "name", "lengthHours", "starts": { "earliest": "06:00", "latest": "14:00", "stepMinutes": 30 },
 *    "daysOn": 5 | "days": ["Mon-Fri", "Tue-Sat"], "breaks": [{ "minutes": 30, "afterHours": [3.5, 4, 4.5] }] }]`.
 * `starts` may be left out (any start on the interval grid), as may `latest` (= earliest, one
 * start) and `stepMinutes` (= intervalMinutes); `breaks` defaults to none. Day sets are read by
 * parseDaySet; each entry of "days" is one alternative. The result passes patternProblems.
 * @throws Error, one line naming the path and what was expected, e.g.
 *   `patterns[0].lengthHours: expected a number in (0, 24], got 30`.
 */
export function parsePatterns(json: unknown, intervalMinutes: number): ShiftPattern[] {
  const bad = intervalProblems(intervalMinutes);
  if (bad.length > 0) throw new Error(bad[0]);
  const r = PatternsJsonSchema.safeParse(json);
  if (!r.success) {
    const iss = r.error.issues[0];
    const path = iss.code === "unrecognized_keys" ? [...iss.path, iss.keys[0]] : iss.path;
    const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? "s" : ""})` : "";
    throw new Error(`${pathOf(path)}: ${iss.message}${more}`);
  }
  const patterns = r.data.map((p) => fromJson(p, intervalMinutes));
  const problems = problemsOf(patterns, JSON_FIELDS);
  if (problems.length > 0) throw new Error(firstOf(problems));
  return patterns;
}

// ---------------------------------------------------------------------------------------
// Candidates

/** A candidate shift: one pattern, day set, start and break choice. */
interface Candidate {
  pattern: number;
  days: number[];
  start: number;
  length: number;
  breaks: { after: number; length: number }[];
  /** Paid minutes per week per agent: length × |days|. */
  cost: number;
  /** Floor minutes of one agent per interval over the whole week: intervals ascending, minutes > 0. */
  intervals: number[];
  minutes: number[];
}

/** The pattern's day sets, each ascending, without repeats, in lexicographic order. */
function daySetsOf(p: ShiftPattern): number[][] {
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
function startsOf(p: ShiftPattern): number[] {
  const n = Math.round((p.latestStart - p.earliestStart) / p.step);
  return Array.from({ length: n + 1 }, (_, k) => (k === n ? p.latestStart : p.earliestStart + k * p.step));
}

/** Every choice of one offset per break (lexicographic, first break varying slowest). */
function breakChoicesOf(p: ShiftPattern): { after: number; length: number }[][] {
  let choices: { after: number; length: number }[][] = [[]];
  for (const b of p.breaks) {
    const offsets = [...b.after].sort((x, y) => x - y);
    choices = choices.flatMap((c) => offsets.map((after) => [...c, { after, length: b.length }]));
  }
  return choices;
}

function candidateCount(p: ShiftPattern): number {
  const combos = p.breaks.reduce((n, b) => n * b.after.length, 1);
  return startsOf(p).length * daySetsOf(p).length * combos;
}

/** The on-floor pieces [from, to) of one shift, minutes into it: the shift minus its breaks. */
function floorPieces(length: number, breaks: readonly { after: number; length: number }[]): [number, number][] {
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

/** A candidate with its floor minutes per interval (snapped to the 2⁻²⁰-minute grid, slivers of noise dropped). */
function makeCandidate(pattern: number, p: ShiftPattern, days: number[], start: number, breaks: { after: number; length: number }[], L: number): Candidate {
  const n = intervalCount(L);
  const acc = new Map<number, number>();
  const pieces = floorPieces(p.length, breaks);
  for (const d of days) {
    const s = d * DAY_MINUTES + start;
    for (const [from, to] of pieces) addSpan(acc, s + from, s + to, L, n);
  }
  const intervals = [...acc.keys()].filter((i) => snapGrid(acc.get(i) as number) > 0).sort((x, y) => x - y);
  return {
    pattern,
    days,
    start,
    length: p.length,
    breaks,
    cost: p.length * days.length,
    intervals,
    minutes: intervals.map((i) => snapGrid(acc.get(i) as number)),
  };
}

/** All candidates in output order: pattern (input order), days, start, break offsets. */
function allCandidates(patterns: readonly ShiftPattern[], L: number): Candidate[] {
  const out: Candidate[] = [];
  patterns.forEach((p, k) => {
    const choices = breakChoicesOf(p);
    for (const days of daySetsOf(p)) {
      for (const start of startsOf(p)) {
        for (const breaks of choices) out.push(makeCandidate(k, p, days, start, breaks, L));
      }
    }
  });
  return out;
}

/**
 * The candidates of the model: those covering some interval with a positive requirement
 * (`needed[i]`), and of those with the same cost and the same minutes on those intervals only
 * the first.
 */
function modelCandidates(candidates: readonly Candidate[], needed: readonly boolean[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of candidates) {
    const parts: string[] = [];
    c.intervals.forEach((i, k) => {
      if (needed[i]) parts.push(`${i}:${c.minutes[k]}`);
    });
    if (parts.length === 0) continue;
    const key = `${c.cost}|${parts.join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** The first interval with a positive requirement that no candidate covers, as the error to throw. */
function uncoveredError(requirement: readonly number[], needed: readonly boolean[], candidates: readonly Candidate[], L: number): Error | undefined {
  const covered = new Array<boolean>(requirement.length).fill(false);
  for (const c of candidates) for (const i of c.intervals) covered[i] = true;
  const missing = requirement.map((_, i) => i).filter((i) => needed[i] && !covered[i]);
  if (missing.length === 0) return undefined;
  const i = missing[0];
  const more = missing.length > 1 ? ` (nor ${missing.length - 1} other interval${missing.length > 2 ? "s" : ""} with a requirement)` : "";
  const agents = requirement[i] === 1 ? "agent" : "agents";
  return new Error(`${intervalLabel(i, L)} needs ${fmt(requirement[i])} ${agents} on the floor, but no allowed shift covers it${more}`);
}

// ---------------------------------------------------------------------------------------
// The program

/** The coverage rows: intervals with a positive requirement, right-hand side r_i / α (snapped to a whole number within 1e-9). */
interface Rows {
  intervals: number[];
  rhs: number[];
  /** Row of each interval, −1 for none. */
  rowOf: Int32Array;
}

function coverageRows(requirement: readonly number[], availability: number): Rows {
  const rowOf = new Int32Array(requirement.length).fill(-1);
  const intervals: number[] = [];
  const rhs: number[] = [];
  requirement.forEach((r, i) => {
    if (!(r > ZERO_REQUIREMENT)) return;
    rowOf[i] = intervals.length;
    intervals.push(i);
    rhs.push(snapWhole(r / availability));
  });
  return { intervals, rhs, rowOf };
}

/** Terms "+ c name", eight to a line (LP format allows a row to continue on the next line). */
function termLines(terms: string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 8) lines.push(`  ${terms.slice(k, k + 8).join(" ")}`);
  return lines.join("\n");
}

/**
 * The model in CPLEX LP format: columns x<j> (candidate j), rows c<i> (interval i), objective
 * in paid minutes, coefficients a_ij = floor minutes / L; with `integer`, all columns general
 * integers (otherwise the LP relaxation). Bounds default to x ≥ 0.
 */
function lpText(candidates: readonly Candidate[], rows: Rows, L: number, integer: boolean): string {
  const byRow: string[][] = rows.intervals.map(() => []);
  candidates.forEach((c, j) => {
    c.intervals.forEach((i, k) => {
      const r = rows.rowOf[i];
      if (r >= 0) byRow[r].push(`+ ${c.minutes[k] / L} x${j}`);
    });
  });
  const objective = candidates.map((c, j) => `+ ${c.cost} x${j}`);
  const constraints = byRow.map((terms, r) => ` c${rows.intervals[r]}:\n${termLines(terms)}\n  >= ${rows.rhs[r]}`);
  const parts = ["Minimize", ` paid:\n${termLines(objective)}`, "Subject To", ...constraints];
  if (integer) parts.push("Generals", termLines(candidates.map((_, j) => `x${j}`)));
  parts.push("End", "");
  return parts.join("\n");
}

/**
 * The `highs` loader. The package is CommonJS with an ES-module build: Node and vitest load the
 * ES build, whose default export is the loader, while TypeScript (NodeNext) reads its
 * declarations as CommonJS and types the default import as the module object; accept both.
 */
type HighsLoader = typeof highsImport.default;
const highsLoader: HighsLoader = typeof highsImport === "function" ? highsImport : highsImport.default;
type HighsModule = Awaited<ReturnType<HighsLoader>>;
let highsPromise: Promise<HighsModule> | undefined;

/** The HiGHS WebAssembly module, loaded once per process. */
function loadHighs(): Promise<HighsModule> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

interface SolveResult {
  status: string;
  objective: number;
  /** Column values in candidate order (whatever HiGHS returned; check feasibility before use). */
  values: number[];
}

/** One HiGHS solve of LP text with columns x0…x<count−1>, quiet, within `timeLimit` seconds if given. */
function runHighs(highs: HighsModule, text: string, count: number, timeLimit?: number): SolveResult {
  const res = highs.solve(text, timeLimit === undefined ? { output_flag: false } : { output_flag: false, time_limit: timeLimit });
  const columns = res.Columns as Record<string, { Primal?: number } | undefined>;
  const values = Array.from({ length: count }, (_, j) => columns[`x${j}`]?.Primal ?? Number.NaN);
  return { status: res.Status, objective: res.ObjectiveValue, values };
}

/** Row activities Σ_j a_ij n_j of integer agents `n`. */
function activities(candidates: readonly Candidate[], rows: Rows, n: readonly number[], L: number): number[] {
  const act = new Array<number>(rows.intervals.length).fill(0);
  candidates.forEach((c, j) => {
    if (n[j] === 0) return;
    c.intervals.forEach((i, k) => {
      const r = rows.rowOf[i];
      if (r >= 0) act[r] += (n[j] * c.minutes[k]) / L;
    });
  });
  return act;
}

function slackOk(activity: number, rhs: number): boolean {
  return activity >= rhs - FEASIBILITY * Math.max(1, rhs);
}

function feasible(candidates: readonly Candidate[], rows: Rows, n: readonly number[], L: number): boolean {
  if (n.some((x) => !Number.isInteger(x) || x < 0)) return false;
  const act = activities(candidates, rows, n, L);
  return act.every((a, r) => slackOk(a, rows.rhs[r]));
}

/** Integer agents from a MIP column vector: rounded to the nearest integer (HiGHS returns them within 1e-6), NaN kept. */
function roundAgents(values: readonly number[]): number[] {
  return values.map((v) => (Number.isFinite(v) ? Math.max(0, Math.round(v)) : Number.NaN));
}

/**
 * A feasible integer plan from the LP optimum when the MIP found none in time: every value
 * rounded up (a_ij ≥ 0, so coverage only grows), then agents removed one at a time, costliest
 * candidates first, while every row stays covered.
 */
function roundUpPlan(candidates: readonly Candidate[], rows: Rows, lp: readonly number[], L: number): number[] {
  const n = lp.map((v) => Math.max(0, Math.ceil(v - 1e-9)));
  const act = activities(candidates, rows, n, L);
  const order = candidates.map((_, j) => j).sort((x, y) => candidates[y].cost - candidates[x].cost || x - y);
  for (const j of order) {
    const c = candidates[j];
    while (n[j] > 0 && c.intervals.every((i, k) => rows.rowOf[i] < 0 || slackOk(act[rows.rowOf[i]] - c.minutes[k] / L, rows.rhs[rows.rowOf[i]]))) {
      n[j]--;
      c.intervals.forEach((i, k) => {
        if (rows.rowOf[i] >= 0) act[rows.rowOf[i]] -= c.minutes[k] / L;
      });
    }
  }
  return n;
}

function costOf(candidates: readonly Candidate[], n: readonly number[]): number {
  return candidates.reduce((s, c, j) => s + c.cost * n[j], 0);
}

// ---------------------------------------------------------------------------------------
// Plan

/** The plan of chosen agents per candidate: shifts, coverage and paid hours. */
function planOf(candidates: readonly Candidate[], n: readonly number[], input: ShiftPlanInput, patterns: readonly ShiftPattern[]): Omit<ShiftPlan, "lowerBoundHours" | "optimal" | "solveSeconds"> {
  const L = input.intervalMinutes;
  const floorMinutes = new Array<number>(intervalCount(L)).fill(0);
  const shifts: PlannedShift[] = [];
  candidates.forEach((c, j) => {
    if (n[j] === 0) return;
    shifts.push({ pattern: patterns[c.pattern].name, days: [...c.days], start: c.start, length: c.length, agents: n[j], breaks: c.breaks.map((b) => ({ ...b })) });
    c.intervals.forEach((i, k) => (floorMinutes[i] += n[j] * c.minutes[k]));
  });
  return {
    shifts,
    coverage: floorMinutes.map((m) => (input.availability * m) / L),
    paidHoursPerWeek: costOf(candidates, n) / 60,
  };
}

/**
 * Chooses shifts from `input.patterns` that cover `input.requirement` at the fewest paid hours
 * (see the module comment for the model). HiGHS solves the LP relaxation (the bound) and then
 * the integer program in what remains of `timeLimitSeconds`. If the integer solve stops at the
 * time limit, the plan is the cheaper of its best plan (if any) and the LP optimum rounded up
 * and trimmed (always feasible), and `optimal` is false.
 * Deterministic for a given input unless the time limit cuts the solve short.
 * @throws Error (one line) for invalid input, or naming the first interval with a
 *   requirement that no allowed shift covers, e.g.
 *   `Mon 03:00–03:30 needs 2.4 agents on the floor, but no allowed shift covers it`.
 */
export async function planShifts(input: ShiftPlanInput): Promise<ShiftPlan> {
  const began = performance.now();
  validateInput(input);
  const L = input.intervalMinutes;
  const rows = coverageRows(input.requirement, input.availability);
  const needed = input.requirement.map((_, i) => rows.rowOf[i] >= 0);
  const candidates = modelCandidates(allCandidates(input.patterns, L), needed);
  const uncovered = uncoveredError(input.requirement, needed, candidates, L);
  if (uncovered !== undefined) throw uncovered;
  const seconds = (): number => (performance.now() - began) / 1000;
  if (rows.intervals.length === 0) {
    return { ...planOf([], [], input, input.patterns), lowerBoundHours: 0, optimal: true, solveSeconds: seconds() };
  }

  const limit = input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT;
  const highs = await loadHighs();
  const lp = runHighs(highs, lpText(candidates, rows, L, false), candidates.length);
  if (lp.status !== "Optimal") throw new Error(`shift plan: HiGHS did not solve the LP relaxation (status "${lp.status}")`);
  const remaining = limit - seconds();
  const mip = remaining > 0 ? runHighs(highs, lpText(candidates, rows, L, true), candidates.length, remaining) : undefined;
  const mipAgents = mip === undefined ? undefined : roundAgents(mip.values);
  const mipOk = mipAgents !== undefined && feasible(candidates, rows, mipAgents, L);

  let agents: number[];
  let optimal = false;
  if (mipOk && mip?.status === "Optimal") {
    agents = mipAgents;
    optimal = true;
  } else {
    const rounded = roundUpPlan(candidates, rows, lp.values, L);
    agents = mipOk && costOf(candidates, mipAgents) <= costOf(candidates, rounded) ? mipAgents : rounded;
  }
  const plan = planOf(candidates, agents, input, input.patterns);
  return { ...plan, lowerBoundHours: Math.min(lp.objective / 60, plan.paidHoursPerWeek), optimal, solveSeconds: seconds() };
}

// ---------------------------------------------------------------------------------------
// To the simulation model

/** The breaks of a shift for a name suffix: "(breaks after 2:00, 4:00)". */
function breakSuffix(s: PlannedShift): string {
  const word = s.breaks.length === 1 ? "break" : "breaks";
  return `(${word} after ${s.breaks.map((b) => duration(b.after)).join(", ")})`;
}

/**
 * The plan's shifts as the model's ShiftConfig[] (src/model/supportConfig.ts), ready for a
 * pool's `{ type: "shifts", shifts }` schedule: same days, start, length and agents; breaks
 * at the chosen offsets with stagger 0 (the plan already spreads breaks by choosing offsets
 * per agent). Names are `${pattern} ${days} ${HH:MM}` (days as formatDays writes them, e.g.
 * "full-time Mon-Fri 08:00"); shifts that would share a name get their break offsets appended,
 * "… 08:00 (breaks after 2:00, 4:00)" (and "#2", "#3"… should that still not separate them).
 * Floor coverage in the simulation is then paid − on break; the pool's shrinkage plays the
 * part of 1 − availability.
 */
export function toShiftConfigs(plan: ShiftPlan): ShiftConfig[] {
  const base = plan.shifts.map((s) => `${s.pattern} ${formatDays(s.days)} ${clock(s.start)}`);
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const used = new Map<string, number>();
  return plan.shifts.map((s, k) => {
    let name = (count.get(base[k]) as number) > 1 && s.breaks.length > 0 ? `${base[k]} ${breakSuffix(s)}` : base[k];
    const seen = (used.get(name) ?? 0) + 1;
    used.set(name, seen);
    if (seen > 1) name = `${name} #${seen}`;
    return {
      name,
      days: [...s.days],
      start: s.start,
      length: s.length,
      agents: s.agents,
      breaks: s.breaks.map((b) => ({ after: b.after, length: b.length, stagger: 0 })),
    };
  });
}

/**
 * The patterns narrowed to a pool's working day: when a pool is closed at the same time every
 * day (`open` per interval of the week, Monday 00:00 first), a shift may start no earlier than
 * the earliest opening and must end by the latest closing, so the plan does not pay for hours
 * the pool cannot work (and does not widen its hours). Starts stay on each pattern's grid; a
 * pattern that no longer fits is dropped. Returns the patterns unchanged when the pool is open
 * around the clock on some day, or when nothing would fit.
 */
export function fitPatterns(patterns: readonly ShiftPattern[], open: ArrayLike<number>, intervalMinutes: number): ShiftPattern[] {
  const perDay = 1440 / intervalMinutes;
  let first = perDay, last = -1;
  for (let d = 0; d < 7; d++) {
    for (let k = 0; k < perDay; k++) {
      if (!open[d * perDay + k]) continue;
      if (k < first) first = k;
      if (k > last) last = k;
    }
  }
  if (last < 0 || (first === 0 && last === perDay - 1)) return [...patterns];
  const from = first * intervalMinutes, to = (last + 1) * intervalMinutes;
  const out: ShiftPattern[] = [];
  for (const p of patterns) {
    const lo = Math.max(p.earliestStart, from), hi = Math.min(p.latestStart, to - p.length);
    // first and last starts on the pattern's own grid within [lo, hi]
    const e = p.earliestStart + Math.ceil((lo - p.earliestStart) / p.step) * p.step;
    const l = p.earliestStart + Math.floor((hi - p.earliestStart) / p.step) * p.step;
    if (l >= e) out.push({ ...p, earliestStart: e, latestStart: l });
  }
  return out.length > 0 ? out : [...patterns];
}
