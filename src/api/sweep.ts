/**
 * Sweeps through the library: a scenario run over the grid of the varied parameters' values
 * (every point with the same seed and replications: common random numbers), whole or one shard
 * at a time, and shards merged back into exactly the document an unsharded run gives.
 */
import {
  checkVary,
  gridSize,
  inShard,
  MAX_POINTS,
  mergeShards,
  pointWarnings,
  preparePoints,
  runPoints,
  scenarioSha256,
  shardDocument,
  sweepDocument,
  type Shard,
  type ShardDocument,
  type SweepDocument,
  type SweepIdentity,
  type Vary,
} from "../analysis/experiments/sweep/index.js";
import { headlineKeys } from "../analysis/experiments/compare.js";
import { calibrationOf } from "../analysis/experiments/statusQuo.js";
import { headlineKeysOf } from "../kpi/headline.js";
import { chooseAxes } from "../report/sweepFrontier.js";
import { runSettings } from "../scenario/full/runSettings.js";
import { numberProblem, runSettingsProblems, throwIfAny, type RunSettingsOptions } from "./options.js";
import type { Scenario } from "./scenario.js";

export type { Shard, ShardDocument, SweepDocument, Vary };

export interface SweepOptions extends RunSettingsOptions {
  /** The varied parameters: a dotted path into the scenario (list elements by name) and its values; the first varies slowest. */
  vary: readonly Vary[];
  /** Run only this shard of the points (index mod count = shard index − 1). */
  shard?: Shard;
  /** When the worker threads start (default: when the work left is worth their start-up). */
  startWorkers?: "now" | "whenWorthIt";
  /**
   * The frontier's axes, any two of the sweep's metrics (either may be left to its default:
   * monthly cost, the first service level); checked before anything runs and kept in the
   * document, so the chart and narrative drawn from it later read the same axes.
   */
  axes?: { x?: string; y?: string };
  /** Called as (point, replication) tasks finish. */
  onProgress?: (done: number, total: number) => void;
}

export interface SweepResult {
  /** The whole sweep (without `shard`). */
  document?: SweepDocument;
  /** The shard's document (with `shard`). */
  shard?: ShardDocument;
  /** The points' warnings, each once. */
  warnings: string[];
  /** How many points the whole grid has. */
  points: number;
}

/** Run a scenario over a grid of parameter values. Every point is checked and built before anything runs. */
export async function sweep(scenario: Scenario, options: SweepOptions): Promise<SweepResult> {
  const shard = options.shard;
  throwIfAny([
    ...runSettingsProblems(options),
    shard === undefined ? undefined : numberProblem("shard.count", shard.count, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_POINTS, `an integer from 1 to ${MAX_POINTS}`),
    shard === undefined ? undefined : numberProblem("shard.index", shard.index, (x) => Number.isInteger(x) && x >= 1 && x <= shard.count, `an integer from 1 to the count (${shard.count})`),
  ]);
  const base = scenario.resolved;
  checkVary(base, options.vary);
  const settings = runSettings(scenario.definition, { seed: options.seed, replications: options.replications });
  const statusQuo = calibrationOf(scenario.config);
  const axes = options.axes === undefined ? undefined : chooseAxes(headlineKeys([headlineKeysOf(scenario.config)]), options.axes);
  const points = preparePoints(base, options.vary, { file: scenario.file ?? scenario.name, baseDir: scenario.baseDir, keep: (i) => inShard(i, shard), statusQuo });
  const identity: SweepIdentity = {
    scenario: scenario.name,
    scenarioSha256: scenarioSha256(base),
    currency: scenario.config.costs.currency,
    seed: settings.seed,
    replications: settings.replications,
    vary: options.vary.map((v) => ({ path: v.path, values: [...v.values] })),
  };
  const rows = await runPoints(points, options.vary, {
    seed: settings.seed,
    replications: settings.replications,
    threads: options.threads ?? 1,
    startWorkers: options.startWorkers,
    onReplication: options.onProgress,
  });
  const warnings = pointWarnings(points);
  const n = gridSize(options.vary);
  return shard !== undefined ? { shard: shardDocument(identity, shard, rows), warnings, points: n } : { document: sweepDocument(identity, rows, axes), warnings, points: n };
}

/** Join the shards of one sweep (parsed shard files, each with where it came from) into the document an unsharded run gives; with `axes`, the one an unsharded run given those axes gives. */
export function mergeSweep(shards: readonly { source: string; data: unknown }[], options: { axes?: { x?: string; y?: string } } = {}): SweepDocument {
  const doc = mergeShards(shards);
  return options.axes === undefined ? doc : withAxes(doc, options.axes);
}

/** A sweep document with its frontier's axes chosen (checked against its metrics: InputError at `axes.x` / `axes.y`). */
export function withAxes(doc: SweepDocument, axes: { x?: string; y?: string }): SweepDocument {
  const { points, ...head } = doc;
  return { ...head, axes: chooseAxes(doc.metrics, axes), points };
}
