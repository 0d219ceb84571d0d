/**
 * Reading back what the commands wrote, for `supportsim chart`: a results folder (or file) is
 * recognised by its content — a run's results.json (`"form": "support"`), a comparison's
 * (`scenarios` and `metrics`), the staffing solver's (`targets` and `pools`), or a sweep's
 * sweep.json (`"format": "supportsim-sweep"`) — and turned into the typed inputs of the charts.
 */
import { existsSync, statSync } from "node:fs";
import { InputError, problem } from "../errors.js";
import { MAX_JSON_BYTES, readInputText } from "../inputFiles.js";
import { parseJson } from "../scenario/json.js";
import { join } from "node:path";
import type { Estimate } from "../analysis/confidence.js";
import type { PlanOutcome } from "../analysis/plan/planYear.js";
import type { CompareResult, ScenarioResult, StaffResult, SweepResult } from "./charts/inputs.js";
import { checkResultsFile, RUN_META } from "./resultsSchema.js";
import { checkSweepFile } from "../analysis/experiments/sweep/sweepFiles.js";

/** Results of one command, as the charts and the report read them. */
export type Results =
  | { kind: "run"; run: ScenarioResult }
  | { kind: "compare"; compare: CompareResult }
  | { kind: "sweep"; sweep: SweepResult }
  | { kind: "staff"; staff: StaffResult }
  | { kind: "plan"; plan: PlanOutcome };



const isEstimate = (x: unknown): x is Estimate => typeof x === "object" && x !== null && "mean" in x && "ci95" in x;

/** A run's results.json (metrics nested by their dotted names) → ScenarioResult (metrics flat). */
export function scenarioResultFromJson(json: Record<string, unknown>, where = "results.json"): ScenarioResult {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new InputError(problem("", `expected a run's results (a JSON object)`), where);
  for (const k of ["scenario", "channels", "tiers", "pools", "costCategories", "currency", "horizonHours", "warmupHours", "intervalMinutes"]) {
    if (!(k in json)) throw new InputError(problem("", `not a run's results (no "${k}"); expected the results.json of supportsim run, compare, staff or sweep`), where);
  }
  checkResultsFile("run", json, where);
  const estimates: Record<string, Estimate> = {};
  const walk = (o: unknown, path: string): void => {
    if (isEstimate(o)) {
      estimates[path] = { mean: o.mean, ci95: o.ci95 };
      return;
    }
    if (typeof o !== "object" || o === null || Array.isArray(o)) return;
    for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
  };
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) {
    if (RUN_META.has(k)) meta[k] = v;
    else walk(v, k);
  }
  return { ...(meta as unknown as ScenarioResult), estimates };
}

/** Recognise parsed results JSON. */
export function resultsFromJson(json: unknown, where: string): Results {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new InputError(problem("", `expected a JSON object`), where);
  const o = json as Record<string, unknown>;
  if (o.format === "supportsim-sweep") return { kind: "sweep", sweep: checkSweepFile(o, where) as SweepResult };
  if (o.format === "supportsim-sweep-shard") throw new InputError(problem("", `a sweep shard; join the shards with "supportsim merge" first`), where);
  if (o.form === "support") return { kind: "run", run: scenarioResultFromJson(o, where) };
  if (typeof o.total === "object" && typeof o.tiers === "object" && !Array.isArray(o.tiers)) {
    throw new InputError(problem("", `results of a single-queue run written by an earlier supportsim (before the simple form ran on the full model); run its scenario again with "supportsim run FILE --out DIR" to chart it`), where);
  }
  if (Array.isArray(o.scenarios) && typeof o.metrics === "object") {
    if (!Array.isArray(o.runs)) throw new InputError(problem("", `a comparison without its runs; write it again with "supportsim compare --out"`), where);
    checkResultsFile("compare", o, where);
    const runs = (o.runs as Record<string, unknown>[]).map((r, i) => scenarioResultFromJson(r, `${where}: runs[${i}]`));
    return { kind: "compare", compare: { ...(o as unknown as CompareResult), runs } };
  }
  if (o.format === "supportsim-plan") {
    checkResultsFile("plan", o, where);
    return { kind: "plan", plan: o as unknown as PlanOutcome };
  }
  if (typeof o.targets === "object" && Array.isArray(o.pools) && Array.isArray(o.shifts)) {
    checkResultsFile("staff", o, where);
    return { kind: "staff", staff: o as unknown as StaffResult };
  }
  // results chart does not draw: say what they are and where their charts come from
  for (const [key, what] of [["sensitivity", "sensitivity (its tornado charts are written by sensitivity --out)"], ["uncertainty", "a Monte Carlo over the inputs (its charts are written by run or compare --uncertainty --out)"]] as const) {
    if (typeof o[key] === "object" && o[key] !== null) throw new InputError(problem("", `the results of ${what}; chart draws the results of run, compare, staff or plan, or a sweep.json`), where);
  }
  throw new InputError(problem("", `not supportsim results; expected the results.json of run, compare, staff or plan, or a sweep.json`), where);
}

/** Read results from a file, or from a folder holding results.json or sweep.json. */
export function readResults(path: string): Results {
  let file = path;
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new InputError(problem("", `no such file or folder`), path);
  }
  if (isDir) {
    const candidates = ["results.json", "sweep.json"].map((n) => join(path, n)).filter((f) => existsSync(f));
    if (candidates.length === 0) throw new InputError(problem("", `no results.json or sweep.json in this folder`), path);
    file = candidates[0];
  }
  const text = readInputText(file, MAX_JSON_BYTES, (why) => {
    throw new InputError(problem("", why), file);
  });
  return resultsFromJson(parseJson(text, file), file);
}
