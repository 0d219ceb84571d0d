/**
 * Comparing scenarios through the library: every scenario runs the same seed and replication
 * indices (common random numbers), and each headline KPI of every later scenario is compared
 * with the first by its paired difference and 95% interval (analysis/experiments/compare.ts).
 */
import { compareSupport, comparisonJson, uniqueLabels, type Comparison } from "../analysis/experiments/compare.js";
import { runOutputOf } from "../analysis/experiments/run.js";
import { runSettings } from "../scenario/full/runSettings.js";
import { InputError, OPTIONS, problem } from "../errors.js";
import { runSettingsProblems, throwIfAny, type RunSettingsOptions } from "./options.js";
import type { Scenario } from "./scenario.js";
import { runResultOf, type RunResult } from "./simulate.js";

export type { Comparison };

export interface CompareOptions extends RunSettingsOptions {
  /** Called as (scenario, replication) tasks finish. */
  onProgress?: (done: number, total: number) => void;
}

export interface CompareResult {
  /** The headline KPIs of every scenario and their differences against the first (what `compare --json` prints). */
  comparison: Comparison;
  /** Each scenario's full run, labelled as in the comparison. */
  runs: RunResult[];
}

/**
 * Compare two or more scenarios, the first being the reference. Seed and replications are the
 * options', else the first scenario's, for every scenario.
 */
export async function compare(scenarios: readonly Scenario[], options: CompareOptions = {}): Promise<CompareResult> {
  if (scenarios.length < 2) throw new InputError(problem("scenarios", `expected at least two scenarios, got ${scenarios.length}`), OPTIONS);
  throwIfAny(runSettingsProblems(options));
  const labels = uniqueLabels(scenarios.map((s) => ({ name: s.name, file: s.file ?? s.name })));
  const first = runSettings(scenarios[0].definition, { seed: options.seed, replications: options.replications });
  const { comparison, runs } = await compareSupport(
    scenarios.map((s, i) => {
      const settings = runSettings(s.definition);
      return { label: labels[i], config: s.config, horizonHours: settings.horizonHours, warmupHours: settings.warmupHours };
    }),
    { seed: first.seed, replications: first.replications, threads: options.threads ?? 1, onReplication: options.onProgress },
  );
  const results = scenarios.map((s, i) => {
    const settings = runSettings(s.definition, { seed: first.seed, replications: first.replications });
    const out = runOutputOf(s.definition, settings, s.config, runs[i], { baseDir: s.baseDir, file: s.file });
    return { ...runResultOf(out), scenario: labels[i] };
  });
  return { comparison, runs: results };
}

export { comparisonJson };
