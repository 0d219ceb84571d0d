/**
 * `supportsim staff FILE --target "sl=0.8@20s" [--max-abandon 0.05] [--max-occupancy 0.9]`:
 * the fewest agents per pool and interval of the week that meet the targets in simulation,
 * the Erlang start beside them, hours, FTE and cost; then shifts covering that requirement at
 * the fewest paid hours (src/analysis/staffing/staffScenario.ts does the work). Here: flags →
 * options (and the options' problems back to the flags), the progress line, printing and files.
 *
 * Everything is loaded and checked before the search runs; outputs are written only at the end.
 */
import type { StaffingSolution } from "../analysis/staffing/solution.js";
import { checkStaffOptions, STAFF_DEFAULTS, type StaffOptions as StaffingOptions } from "../analysis/staffing/staffOptions.js";
import type { PoolPlans } from "../analysis/staffing/shiftPlan.js";
import type { StaffOutcome } from "../analysis/staffing/staffScenario.js";
import { parseTarget } from "../analysis/staffing/targets.js";
import { loadScenario } from "../api/scenario.js";
import { staff } from "../api/staff.js";
import { reportFiles } from "../api/report.js";
import { InputError, OPTIONS, problem, problemLine, type Problem } from "../errors.js";
import { MAX_JSON_BYTES, readInputText } from "../inputFiles.js";
import { parseJson } from "../scenario/json.js";
import { requirementsCsv, shiftsCsv, staffText } from "../report/tables/staffTable.js";
import { announceOut, checkOutDir, writeOutputs, type RunReportFlags, type RunReportOptions } from "./outputs.js";
import { progressBar } from "./progress.js";

export interface StaffOptions extends RunReportOptions {
  target: string;
  maxAbandon?: number;
  maxOccupancy?: number;
  response?: number;
  pools?: string[];
  shifts?: boolean;
  shiftPatterns?: string;
  fteHours?: number;
  maxRuns?: number;
  /** --margin: standard errors of margin a removal must clear. */
  margin?: number;
  maxHeadcount?: number;
  maxPartTimeShare?: number;
  reserveForLive?: number;
}

export interface StaffArgs extends RunReportFlags {
  file: string;
  target: string;
  "max-abandon"?: number;
  "max-occupancy"?: number;
  response?: number;
  pools?: string;
  shifts: boolean;
  "shift-patterns"?: string;
  "fte-hours"?: number;
  "max-runs"?: number;
  margin?: number;
  "max-headcount"?: number;
  "max-part-time-share"?: number;
  "reserve-for-live"?: number;
}

export interface StaffResult {
  solution: StaffingSolution;
  plans: PoolPlans;
}

/** The flag of each option path (targets.serviceLevel and .thresholdSeconds come from --target). */
const FLAGS: Record<string, string> = {
  targets: "--target", "targets.serviceLevel": "--target", "targets.thresholdSeconds": "--target",
  "targets.maxAbandon": "--max-abandon", "targets.maxOccupancy": "--max-occupancy", "targets.response": "--response",
  pools: "--pools", replications: "--replications", maxRuns: "--max-runs", removalMargin: "--margin", seed: "--seed", threads: "--threads", fteHours: "--fte-hours",
  maxHeadcount: "--max-headcount", maxPartTimeShare: "--max-part-time-share", reserveForLive: "--reserve-for-live",
};
const PATTERNS = "shiftPatterns";

/**
 * The options' first problem as the command line has always said it: `--max-abandon: expected
 * …`; a shift-pattern file's as `--shift-patterns: FILE: patterns[0].lengthHours: expected …
 * (and 2 more problems)`. Other errors are returned as they are.
 */
function flagError(e: unknown, patternsFile: string | undefined): unknown {
  if (!(e instanceof InputError) || e.source !== OPTIONS) return e;
  const p: Problem = e.problems[0];
  const rest = p.path.slice(PATTERNS.length);
  if (p.path.startsWith(PATTERNS) && (rest === "" || rest[0] === "[" || rest[0] === ".")) {
    const n = e.problems.length - 1;
    const more = n > 0 ? ` (and ${n} more problem${n > 1 ? "s" : ""})` : "";
    return new InputError(problem("--shift-patterns", `${patternsFile}: patterns${rest}: ${p.message.replaceAll(`${PATTERNS}[`, "patterns[")}${more}`));
  }
  const flag = FLAGS[p.path];
  return new InputError(flag === undefined ? problem(p.path, p.message) : problem(flag, p.message));
}

/** The content of a shift-pattern file. */
function readPatternFile(file: string): unknown {
  const fail = (why: string): never => {
    throw new InputError(problem("--shift-patterns", `${file}: ${why}`));
  };
  const text = readInputText(file, MAX_JSON_BYTES, fail);
  try {
    return parseJson(text);
  } catch (e) {
    // a syntax error, a forbidden name or too deep a nesting: one line under the flag
    if (e instanceof InputError) return fail(e.problems.map((p) => problemLine(p)).join("; "));
    throw e;
  }
}

/** Load, solve, plan and report. Throws InputError on bad input before anything runs. */
export async function runStaff(file: string, options: StaffOptions): Promise<StaffResult> {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  let staffing: StaffingOptions;
  try {
    staffing = {
      targets: { ...parseTarget(options.target), maxAbandon: options.maxAbandon, maxOccupancy: options.maxOccupancy, response: options.response },
      pools: options.pools, replications: options.replications, seed: options.seed, threads: options.threads,
      maxRuns: options.maxRuns, removalMargin: options.margin, maxHeadcount: options.maxHeadcount, maxPartTimeShare: options.maxPartTimeShare, reserveForLive: options.reserveForLive, shifts: options.shifts, fteHours: options.fteHours, staffedScenarioDir: options.out,
    };
    checkStaffOptions(staffing);
  } catch (e) {
    throw flagError(e, options.shiftPatterns);
  }
  if (options.out !== undefined) checkOutDir(options.out);

  const loaded = loadScenario(file);
  if (options.shifts !== false && options.shiftPatterns !== undefined) staffing.shiftPatterns = readPatternFile(options.shiftPatterns);
  const cap = staffing.maxRuns ?? STAFF_DEFAULTS.maxRuns;
  const bar = progressBar(options.progress ?? (!options.json && process.stderr.isTTY === true), stderr);
  staffing.onWarning = (w) => stderr(`warning: ${w}\n`);
  // the total is the run cap (--max-runs): the search often stops before it
  staffing.onEvaluation = (n, phase) => bar.update(n, cap, `simulation runs (${phase})`, true);
  let staffed: StaffOutcome;
  try {
    staffed = await staff(loaded, staffing);
  } catch (e) {
    throw flagError(e, options.shiftPatterns);
  }
  bar.end();
  if (!staffed.solution.complete || (!staffed.solution.met && staffed.solution.evaluations >= cap)) {
    stderr(`warning: the search stopped at its run cap (${staffed.solution.evaluations} of --max-runs ${cap})${staffed.solution.met ? " with removals untried: the answer may be above the fewest" : " before meeting every target"}; raise --max-runs\n`);
  }

  const { document: doc, solution, plans } = staffed;
  const json = JSON.stringify(doc, null, 2) + "\n";
  let written: string[] = [];
  if (options.out !== undefined) {
    const shiftPlans = doc.shifts.filter((s): s is { pool: string; plan: NonNullable<typeof s.plan> } => s.plan !== null);
    const charts = options.charts === false ? {} : await reportFiles({ kind: "staff", staff: { ...doc, shifts: shiftPlans } });
    written = writeOutputs(options.out, {
      ...charts,
      "results.json": json,
      "requirements.csv": requirementsCsv(solution, plans),
      "shifts.csv": shiftsCsv(solution, plans),
      ...(staffed.staffedScenario !== null ? { "scenario.staffed.json": JSON.stringify(staffed.staffedScenario, null, 2) + "\n" } : {}),
    });
  }
  stdout(options.json ? json : staffText(solution, plans, { scenario: doc.scenario, currency: doc.currency, fteHours: doc.fteHours, summary: doc.summary, maxRuns: cap, width: options.width ?? Infinity }));
  if (options.out !== undefined) announceOut(options.out, written, { json: options.json, stdout, stderr });
  return { solution, plans };
}
