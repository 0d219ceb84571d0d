/**
 * `supportsim staff FILE --target "sl=0.8@20s" [--max-abandon 0.05] [--max-occupancy 0.9]`:
 * the fewest agents per pool and interval of the week that meet the targets in simulation
 * (src/analysis/staffingSolver.ts), the Erlang start beside them, hours, FTE and cost; then
 * shifts covering that requirement at the fewest paid hours (src/analysis/shiftPlan.ts).
 *
 * Everything is loaded and checked before the search runs; outputs are written only at the end.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Argv } from "yargs";
import { defaultPatterns, fitPatterns, parsePatterns, planShifts, type ShiftPattern } from "../analysis/staffing/shiftPlan.js";
import { parseTarget, solveStaffing, type StaffingSolution, type StaffingTargets } from "../analysis/staffing/solver.js";
import { buildSupport } from "../scenario/full/build.js";
import { supportRunSettings } from "../scenario/full/runSettings.js";
import { supportWarnings } from "../scenario/full/warnings.js";
import { resolvedScenarioIn } from "../scenario/extends.js";
import { loadAnyScenarioFile } from "../scenario/load.js";
import { requirementsCsv, shiftsCsv, staffedScenario, staffText, type PoolPlans } from "../report/tables/staffTable.js";
import { UsageError } from "./errors.js";
import { checkOutDir, reportFiles, writeOutputs } from "./outputs.js";
import type { ShiftPlan } from "../analysis/staffing/shiftPlan.js";
import { VERSION } from "./version.js";
import { availableParallelism } from "node:os";

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
  json?: boolean;
  out?: string;
  /** With --out: also the charts and report.html (default true). */
  charts?: boolean;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  progress?: boolean;
}

interface StaffArgs {
  file: string;
  target: string;
  "max-abandon"?: number;
  "max-occupancy"?: number;
  response?: number;
  pools?: string;
  replications?: number;
  seed?: number;
  threads?: number;
  shifts: boolean;
  "shift-patterns"?: string;
  "fte-hours"?: number;
  "max-runs"?: number;
  json: boolean;
  out?: string;
  charts: boolean;
}

export function staffCommand(y: Argv): Argv {
  return y.command<StaffArgs>(
    "staff <file>",
    "Find the fewest agents per pool and interval that meet the targets in simulation (Erlang start beside them), then shifts that cover them at the fewest paid hours",
    (a) =>
      a
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
        .option("shift-patterns", { type: "string", describe: "JSON file of allowed shift patterns (default: 8 h full-time and 4 h part-time, 5 days on)" })
        .option("fte-hours", { type: "number", default: 40, describe: "paid hours of one full-time employee per week (for FTE)" })
        .option("max-runs", { type: "number", default: 80, describe: "simulation runs after which the search starts no new step (a step under way may add one); the report says when it stopped short" })
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
        fteHours: args["fte-hours"], maxRuns: args["max-runs"], json: args.json, out: args.out, charts: args.charts,
      });
      process.exitCode = 0;
    },
  );
}

function checkShare(flag: string, v: number | undefined, closedAtOne: boolean): void {
  if (v === undefined) return;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > 1 || (!closedAtOne && v >= 1)) {
    throw new UsageError(`${flag}: expected a share ${closedAtOne ? "in (0, 1]" : "in (0, 1)"}, got ${String(v)}`);
  }
}

export interface StaffResult {
  solution: StaffingSolution;
  plans: PoolPlans;
}

/** Load, solve, plan and report. Throws UsageError / InputError on bad input before anything runs. */
export async function runStaff(file: string, options: StaffOptions): Promise<StaffResult> {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  let parsed: { serviceLevel: number; thresholdSeconds: number };
  try {
    parsed = parseTarget(options.target);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  checkShare("--max-abandon", options.maxAbandon, false);
  checkShare("--max-occupancy", options.maxOccupancy, true);
  checkShare("--response", options.response, false);
  for (const [flag, v, min] of [["--replications", options.replications, 1], ["--max-runs", options.maxRuns, 3]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < min)) throw new UsageError(`${flag}: expected an integer >= ${min}, got ${v}`);
  }
  if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < 0)) throw new UsageError(`--seed: expected an integer >= 0, got ${options.seed}`);
  if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1)) throw new UsageError(`--threads: expected an integer >= 1, got ${options.threads}`);
  const fteHours = options.fteHours ?? 40;
  if (!(typeof fteHours === "number" && fteHours > 0 && fteHours <= 168)) throw new UsageError(`--fte-hours: expected hours in (0, 168], got ${fteHours}`);
  if (options.out !== undefined) checkOutDir(options.out);

  const any = loadAnyScenarioFile(file);
  if (any.form !== "support") {
    throw new UsageError(`${file}: staff needs a full-form scenario (with channels, tiers and pools); for one queue use "supportsim erlang" or write it as a full-form scenario`);
  }
  const config = buildSupport(any.scenario, { baseDir: dirname(resolve(file)), file });
  const settings = supportRunSettings(any.scenario, { seed: options.seed, replications: options.replications });
  let patterns: ShiftPattern[] | null = null;
  if (options.shifts !== false) {
    if (options.shiftPatterns !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(options.shiftPatterns, "utf8"));
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new UsageError(`--shift-patterns: ${options.shiftPatterns}: ${err.code === "ENOENT" ? "no such file" : err instanceof SyntaxError ? `not JSON (${err.message})` : err.message}`);
      }
      try {
        patterns = parsePatterns(json, config.intervalLength);
      } catch (e) {
        throw new UsageError(`--shift-patterns: ${options.shiftPatterns}: ${(e as Error).message}`);
      }
    } else {
      patterns = defaultPatterns(config.intervalLength);
    }
  }
  const targets: StaffingTargets = { ...parsed, response: options.response ?? 0.9 };
  if (options.maxAbandon !== undefined) targets.maxAbandon = options.maxAbandon;
  if (options.maxOccupancy !== undefined) targets.maxOccupancy = options.maxOccupancy;
  for (const w of supportWarnings(any.scenario, config)) stderr(`warning: ${w}\n`);

  const showProgress = options.progress ?? (!options.json && process.stderr.isTTY === true);
  let solution: StaffingSolution;
  try {
    solution = await solveStaffing(config, {
      targets, seed: settings.seed, replications: settings.replications, pools: options.pools, maxEvaluations: options.maxRuns, threads: options.threads,
      onEvaluation: showProgress ? (n, phase) => stderr(`\rsimulation run ${n} (${phase})   `) : undefined,
    });
  } catch (e) {
    if (e instanceof RangeError && e.message.startsWith("--pools")) throw new UsageError(e.message);
    throw e;
  }
  if (showProgress) stderr("\r\x1b[K");

  const plans: PoolPlans = [];
  for (const p of solution.pools) {
    if (patterns === null) { plans.push(null); continue; }
    try {
      const open = p.intervals.map((iv) => (iv.open ? 1 : 0));
      plans.push(await planShifts({ intervalMinutes: solution.intervalMinutes, requirement: p.intervals.map((iv) => iv.required), availability: p.availability, patterns: fitPatterns(patterns, open, solution.intervalMinutes) }));
    } catch (e) {
      throw new UsageError(`shifts for ${p.pool}: ${(e as Error).message}`);
    }
  }

  const ctx = { scenario: any.scenario.name, currency: config.costs.currency, fteHours };
  const doc = { scenario: ctx.scenario, file, seed: settings.seed, currency: ctx.currency, fteHours, ...solution, shifts: plans.map((p, k) => ({ pool: solution.pools[k].pool, plan: p })) };
  const json = JSON.stringify(doc, null, 2) + "\n";
  if (options.out !== undefined) {
    const staffed = staffedScenario(resolvedScenarioIn(file, options.out), solution, plans);
    const shiftPlans = doc.shifts.filter((s): s is { pool: string; plan: ShiftPlan } => s.plan !== null);
    const charts = options.charts === false ? {} : await reportFiles({ kind: "staff", staff: { ...doc, shifts: shiftPlans } }, VERSION);
    writeOutputs(options.out, {
      ...charts,
      "results.json": json,
      "requirements.csv": requirementsCsv(solution, plans),
      "shifts.csv": shiftsCsv(solution, plans),
      ...(patterns !== null ? { "scenario.staffed.json": JSON.stringify(staffed, null, 2) + "\n" } : {}),
    });
  }
  stdout(options.json ? json : staffText(solution, plans, ctx));
  return { solution, plans };
}
