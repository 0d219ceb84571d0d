/**
 * `supportsim compare A.json B.json [C.json ...]`: run full-form scenarios with common random
 * numbers and print each headline metric side by side, with every scenario's difference
 * against the first and its paired 95% interval (src/analysis/compare.ts).
 *
 * Every file is loaded, validated and built before anything runs, and outputs are written only
 * after every run succeeded, so bad input fails (exit 2, one line) with nothing written.
 */
import { compare, comparisonJson, type Comparison, type EqualService } from "../api/compare.js";
import { STAFF_DEFAULTS } from "../analysis/staffing/staffOptions.js";
import { parseTarget } from "../analysis/staffing/targets.js";
import { loadScenario } from "../api/scenario.js";
import { resultJson } from "../api/simulate.js";
import { reportFiles } from "../api/report.js";
import { compareTable, comparisonCsv } from "../report/tables/compareTable.js";
import { jsonText } from "../report/json.js";
import { InputError, problem } from "../errors.js";
import { asFlagsAsync } from "./flags.js";
import { announceOut, checkOutDir, writeOutputs, type RunReportFlags, type RunReportOptions } from "./outputs.js";
import { progressBar } from "./progress.js";
import { execUncertainty } from "./uncertainty.js";
import type { UncertaintyArgs } from "./commands/uncertaintyFlags.js";

export interface CompareOptions extends RunReportOptions {
  /** Compare at equal service: the target as `staff --target` takes it ("sl=0.8@20s"). */
  equalService?: string;
  maxAbandon?: number;
  maxOccupancy?: number;
  response?: number;
  pools?: string[];
  maxRuns?: number;
  /** User-defined metrics, "name = formula" (--metric). */
  metrics?: string[];
  /** A Monte Carlo over the inputs instead of one comparison: the input sets, targets and budget (--uncertainty …). */
  uncertainty?: UncertaintyArgs;
}

export interface CompareArgs extends UncertaintyArgs, RunReportFlags {
  metric?: string[];
  files: string[];
  "equal-service"?: string;
  "max-abandon"?: number;
  "max-occupancy"?: number;
  response?: number;
  pools?: string[];
  "max-runs"?: number;
}

/**
 * Load every file, run the comparison (api/compare.ts) and report it. Bad input (InputError:
 * one line each, exit 2) is found before anything runs or is written.
 */
export async function runCompare(files: readonly string[], options: CompareOptions = {}): Promise<Comparison | null> {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  if (files.length < 2) throw new InputError(problem("compare", `expected at least two scenario files, got ${files.length}`));
  if (options.out !== undefined) checkOutDir(options.out);
  // every file loaded, validated and built first: a bad one fails before any run
  const scenarios = files.map((file) => loadScenario(file));
  if (options.uncertainty !== undefined) {
    if (options.equalService !== undefined) throw new InputError(problem("--equal-service", "not with --uncertainty"));
    await execUncertainty(scenarios, { ...options.uncertainty, replications: options.replications, seed: options.seed, threads: options.threads ?? 1, json: options.json, out: options.out, charts: options.charts, metric: options.metrics, width: options.width });
    return null;
  }
  const bar = progressBar(options.progress ?? (!options.json && process.stderr.isTTY === true), stderr);
  const equalService = equalServiceOf(options);
  const { comparison, runs } = await asFlagsAsync({ ...EQUAL_SERVICE_FLAGS, metrics: "--metric" }, () =>
    compare(scenarios, {
      metrics: options.metrics,
      seed: options.seed,
      replications: options.replications,
      threads: options.threads,
      onProgress: (done, total) => bar.update(done, total, "scenarios × replications"),
      ...(equalService ? { equalService, onSizing: (s: number, n: number) => bar.update(n, options.maxRuns ?? STAFF_DEFAULTS.maxRuns, `sizing ${files[s]}: simulation runs`) } : {}),
    }),
  );
  bar.end();
  const json = comparisonJson(comparison);
  let written: string[] = [];
  if (options.out !== undefined) {
    // results.json: the comparison, and each scenario's full run (as `run --out` writes it), for the charts
    const charts = options.charts === false ? {} : await reportFiles({ kind: "compare", compare: { ...json, runs } });
    written = writeOutputs(options.out, {
      "results.json": jsonText({ ...json, runs: runs.map((r) => resultJson(r)) }),
      "comparison.csv": comparisonCsv(comparison),
      ...charts,
    });
  }
  scenarios.forEach((s, i) => { for (const w of s.warnings) stderr(`warning: ${comparison.scenarios[i].label}: ${w}\n`); });
  stdout(options.json ? JSON.stringify(json, null, 2) + "\n" : compareTable(comparison, options.width ?? Infinity));
  if (options.out !== undefined) announceOut(options.out, written, { json: options.json, stdout, stderr });
  return comparison;
}

/** The option names of an equal-service sizing and their flags (for one-line errors). */
const EQUAL_SERVICE_FLAGS: Record<string, string> = {
  "equalService.targets": "--equal-service", "equalService.targets.serviceLevel": "--equal-service", "equalService.targets.thresholdSeconds": "--equal-service",
  "equalService.targets.maxAbandon": "--max-abandon", "equalService.targets.maxOccupancy": "--max-occupancy", "equalService.targets.response": "--response",
  "equalService.pools": "--pools", "equalService.maxRuns": "--max-runs",
};

/** The equal-service request of the flags (none without --equal-service; its other flags alone are an error). */
function equalServiceOf(o: CompareOptions): EqualService | undefined {
  if (o.equalService === undefined) {
    const stray = (["maxAbandon", "maxOccupancy", "response", "pools", "maxRuns"] as const).find((k) => o[k] !== undefined);
    if (stray !== undefined) throw new InputError(problem(EQUAL_SERVICE_FLAGS[`equalService.${stray === "maxAbandon" || stray === "maxOccupancy" || stray === "response" ? `targets.${stray}` : stray}`], "expected only with --equal-service (it sizes the scenarios to the targets)"));
    return undefined;
  }
  let target;
  try {
    target = parseTarget(o.equalService);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems.map((p) => problem("--equal-service", p.message)));
    throw e;
  }
  return { targets: { ...target, maxAbandon: o.maxAbandon, maxOccupancy: o.maxOccupancy, response: o.response }, pools: o.pools, maxRuns: o.maxRuns };
}
