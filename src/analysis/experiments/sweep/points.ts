/**
 * Running a sweep's points: every point validated and built before anything runs, then run with
 * the same seed and replication indices (common random numbers), so point rows are compared as
 * `compare` compares scenarios, and a row equals a separate run of that point's scenario.
 */
import type { SupportConfig } from "../../../model/config.js";
import { calibrated, type StatusQuoCalibration } from "../statusQuo.js";
import { buildSupport } from "../../../scenario/full/build.js";
import { scenarioWarnings } from "../../../scenario/full/warnings.js";
import { validateWithInputs } from "../../../scenario/load.js";
import type { SupportScenario } from "../../../scenario/full/schema.js";
import { InputError, OPTIONS, problem, problemLine } from "../../../errors.js";
import { runManyParallel } from "../replications.js";
import { pointRow, type SweepPointRow } from "./document.js";
import { describePoint, gridSize, MAX_POINTS, pointScenarioJson, pointValues, type Vary } from "./grid.js";

/** A validated, built grid point. */
export interface PreparedPoint {
  index: number;
  values: number[];
  scenario: SupportScenario;
  config: SupportConfig;
  warnings: string[];
}

/**
 * Validate and build every grid point (before anything runs): a point whose values make the
 * scenario invalid, or that cannot be built, is an InputError of one line naming the point.
 * `keep(index)` chooses the points whose built model is kept (a shard's); the others are
 * checked and dropped.
 */
export function preparePoints(
  base: unknown,
  vary: readonly Vary[],
  options: { file: string; baseDir: string; keep?: (index: number) => boolean; statusQuo?: StatusQuoCalibration },
): PreparedPoint[] {
  const n = gridSize(vary);
  if (n > MAX_POINTS) throw new InputError(problem("vary", `${n} points; at most ${MAX_POINTS} are allowed`), OPTIONS);
  const out: PreparedPoint[] = [];
  for (let index = 0; index < n; index++) {
    const values = pointValues(vary, index);
    const name = `point ${index} (${describePoint(vary, values)})`;
    const json = pointScenarioJson(base, vary, values);
    try {
      // a point is the file as written with its values set (either form; a simple one runs as its full form)
      const scenario = validateWithInputs(json, options.file).scenario;
      const built = buildSupport(scenario, { baseDir: options.baseDir, file: options.file });
      // every point keeps the base scenario's calibration on its status quo (expected waits, base churn): a point moves against it
      const cal = options.statusQuo;
      const fits = cal !== undefined && cal.expectedWaits.length === built.channels.length && (cal.factors.length === 0 || cal.factors.length === built.segments.length * 3);
      const config = fits ? calibrated(built, cal) : built;
      if (options.keep === undefined || options.keep(index)) out.push({ index, values, scenario, config, warnings: scenarioWarnings(scenario, config) });
    } catch (e) {
      if (e instanceof InputError) throw new InputError(problem(name, e.problems.map((p) => problemLine(p)).join("; ")), options.file);
      throw e;
    }
  }
  return out;
}

export interface RunPointsOptions {
  seed: number;
  replications: number;
  /** Worker threads in all (results do not depend on it). */
  threads: number;
  /** When the workers start (lanes.ts). */
  startWorkers?: "now" | "whenWorthIt";
  /** Progress: replications done over all points. */
  onReplication?: (done: number, total: number) => void;
}

/**
 * Run the points, each with the same seed and replication indices (common random numbers).
 * Every thread takes the next (point, replication) task as it frees up (lanes.ts). Rows come back in the points' order whatever ran
 * first, and each row is the same function of (point, seed, replications) on any thread count.
 */
export async function runPoints(points: readonly PreparedPoint[], vary: readonly Vary[], opts: RunPointsOptions): Promise<SweepPointRow[]> {
  // one pool of workers for every point (each worker receives the points' configurations once)
  const runs = await runManyParallel(points.map((p) => p.config), {
    seed: opts.seed,
    replications: opts.replications,
    threads: opts.threads,
    startWorkers: opts.startWorkers,
    onReplication: opts.onReplication,
  });
  return points.map((p, k) => pointRow(vary, p.index, p.values, runs[k].estimates, Object.keys(runs[k].replications[0] ?? {})));
}

/**
 * Warnings of the points, each once: a warning every point has is given as is, one that only
 * some have names them (`points 0, 3: …`).
 */
export function pointWarnings(points: readonly Pick<PreparedPoint, "index" | "warnings">[]): string[] {
  const by = new Map<string, number[]>();
  for (const p of points) for (const w of new Set(p.warnings)) by.set(w, [...(by.get(w) ?? []), p.index]);
  return [...by].map(([w, idx]) => (idx.length === points.length ? w : `point${idx.length > 1 ? "s" : ""} ${idx.join(", ")}: ${w}`));
}
