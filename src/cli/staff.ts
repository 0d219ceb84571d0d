/**
 * `supportsim staff FILE --target "sl=0.8@20s" [--max-abandon 0.05] [--max-occupancy 0.9]`:
 * the fewest agents per pool and interval of the week that meet the targets in simulation,
 * the Erlang start beside them, hours, FTE and cost; then shifts covering that requirement at
 * the fewest paid hours (src/analysis/staffing/staffScenario.ts does the work). Here: flags →
 * options (and the options' problems back to the flags), the progress line, printing and files.
 *
 * Everything is loaded and checked before the search runs; outputs are written only at the end.
 */
import { availableParallelism } from "node:os";
import type { Argv } from "yargs";
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
import { announceOut, checkOutDir, writeOutputs, type RunReportFlags } from "./outputs.js";
import { tableWidth, wideOption } from "./flags.js";
import { progressBar } from "./progress.js";

export interface StaffOptions {
  target: string;
  maxAbandon?: number;
  maxOccupancy?: number;
  response?: number;
  pools?: string[];
  replications?: number;
  seed?: number;
  /** Worker threads for each simulation run's replications (default 1 here; the command's default is the machine's cores). */
  threads?: number;
  shifts?: boolean;
  shiftPatterns?: string;
  fteHours?: number;
  maxRuns?: number;
  /** --margin: standard errors of margin a removal must clear. */
  margin?: number;
  maxHeadcount?: number;
  maxPartTimeShare?: number;
  json?: boolean;
  out?: string;
  /** With --out: also the charts and report.html (default true). */
  charts?: boolean;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  progress?: boolean;
  /** The text's width in characters (default: the terminal's, else 100; Infinity: --wide). */
  width?: number;
}

interface StaffArgs extends RunReportFlags {
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
}

export function staffCommand(y: Argv): Argv {
  return y.command<StaffArgs>(
    "staff <file>",
    "Find the fewest agents per pool and interval that meet the targets in simulation (Erlang start beside them), then shifts that cover them at the fewest paid hours",
    (a) =>
      wideOption(a)
        .positional("file", { type: "string", describe: "a full-form scenario file" })
        .option("target", { type: "string", demandOption: true, describe: 'service level of real-time work in every interval, e.g. "sl=0.8@20s" or "80%@30s"' })
        .option("max-abandon", { type: "number", describe: "also at most this share abandoned in every interval (e.g. 0.05)" })
        .option("max-occupancy", { type: "number", describe: "also at most this occupancy in every interval (e.g. 0.9)" })
        .option("response", { type: "number", default: 0.9, describe: "share of deferred work (e-mail, tickets) answered within its channel's response target, per pool" })
        .option("pools", { type: "string", describe: "comma-separated pools to size (default: all; the others keep their schedules)" })
        .option("replications", { type: "number", describe: "replications per simulation run (default: the scenario's)" })
        .option("seed", { type: "number", describe: "random seed (default: the scenario's)" })
        .option("threads", { type: "number", describe: "worker threads for each run's replications (default: the machine's cores); the answer does not depend on it" })
        .option("shifts", { type: "boolean", default: true, describe: "plan shifts for the requirement (--no-shifts: requirement only)" })
        .option("shift-patterns", { type: "string", describe: "JSON file of allowed shift patterns (docs/shift-patterns.md; default: 8 h full-time 5 days on, 4 h and 6 h part-time on any 3 days, starts moving up to 2 h from day to day)" })
        .option("fte-hours", { type: "number", default: 40, describe: "paid hours of one full-time employee per week (for FTE)" })
        .option("max-runs", { type: "number", default: STAFF_DEFAULTS.maxRuns, describe: "simulation runs after which the search starts no new step (a step under way may add one); the report and a warning on stderr say when it stopped there" })
        .option("margin", { type: "number", describe: "standard errors of margin every per-interval target must hold by for the search to keep a removal (default 1.5; 0: judged on the sample alone, which keeps removals its luck allows; docs/model.md §14.5)" })
        .option("max-headcount", { type: "number", describe: "shift plans: at most this many agents per pool" })
        .option("max-part-time-share", { type: "number", describe: "shift plans: at most this share of each pool's agents on part-time patterns (e.g. 0.3)" })
        .option("json", { type: "boolean", default: false, describe: "print the answer as JSON instead of the tables" })
        .option("out", { type: "string", describe: "also write results.json, requirements.csv, shifts.csv, scenario.staffed.json (the scenario with the planned shifts), the charts (charts/*.vl.json, .svg, .png) and report.html here" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the charts and report.html (--no-charts to skip)" })
        .example('$0 staff scenarios/baseline.json --target "sl=0.8@20s" --max-occupancy 0.9', "size every pool of the baseline and plan its shifts")
        .example('$0 staff my.json --target "90%@30s" --pools "L1 phone" --no-shifts', "size one pool, requirement only"),
    async (args) => {
      await runStaff(args.file, {
        target: args.target, maxAbandon: args["max-abandon"], maxOccupancy: args["max-occupancy"], response: args.response,
        pools: args.pools === undefined ? undefined : args.pools.split(",").map((s) => s.trim()).filter((s) => s !== ""),
        replications: args.replications, seed: args.seed, threads: args.threads ?? availableParallelism(), shifts: args.shifts, shiftPatterns: args["shift-patterns"],
        fteHours: args["fte-hours"], maxRuns: args["max-runs"], margin: args.margin, maxHeadcount: args["max-headcount"], maxPartTimeShare: args["max-part-time-share"], json: args.json, out: args.out, charts: args.charts, width: tableWidth(args.wide),
      });
      process.exitCode = 0;
    },
  );
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
  maxHeadcount: "--max-headcount", maxPartTimeShare: "--max-part-time-share",
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
      maxRuns: options.maxRuns, removalMargin: options.margin, maxHeadcount: options.maxHeadcount, maxPartTimeShare: options.maxPartTimeShare, shifts: options.shifts, fteHours: options.fteHours, staffedScenarioDir: options.out,
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
