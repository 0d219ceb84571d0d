/**
 * Comparing scenarios through the library: every scenario runs the same seed and replication
 * indices (common random numbers), and each headline KPI of every later scenario is compared
 * with the first by its paired difference and 95% interval (analysis/experiments/compare.ts).
 */
import { compareSupport, comparisonJson, uniqueLabels, type Comparison, type ScenarioSizing } from "../analysis/experiments/compare.js";
import { equalServiceLabel, sizeToTargets } from "../analysis/experiments/equalService.js";
import { STAFF_DEFAULTS, staffOptionProblems, type StaffOptions } from "../analysis/staffing/staffOptions.js";
import { FTE_HOURS_PER_WEEK } from "../kpi/values.js";
import type { SupportConfig } from "../model/config.js";
import { runOutputOf } from "../analysis/experiments/run.js";
import { parseUserMetrics } from "../analysis/experiments/userMetrics.js";
import { runSettings } from "../scenario/full/runSettings.js";
import { InputError, OPTIONS, problem } from "../errors.js";
import { runSettingsProblems, throwIfAny, type RunSettingsOptions } from "./options.js";
import type { Scenario } from "./scenario.js";
import { runResultOf, type RunResult } from "./simulate.js";

export type { Comparison };

export interface CompareOptions extends RunSettingsOptions {
  /** Called as (scenario, replication) tasks finish. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Compare at equal service: size every scenario to these targets first (the staffing search,
   * with the comparison's seed and replications: analysis/experiments/equalService.ts), so that a
   * change in demand shows as staff and money. Default: each scenario's own staffing.
   */
  equalService?: EqualService;
  /** User-defined metrics, "name = formula" (as `simulate` takes them): compared replication by replication, so the paired interval is the formula's own. */
  metrics?: readonly string[];
  /** Called after every simulation run of an equal-service sizing (scenario index, runs so far). */
  onSizing?: (scenario: number, runs: number) => void;
}

export interface EqualService {
  /** The service targets, as for `staff` (`response` defaults to 0.9). */
  targets: StaffOptions["targets"];
  /** Names of the pools to size (default: every pool; the others keep their schedules). */
  pools?: readonly string[];
  /** Simulation runs of each scenario's search (default: the staffing search's). */
  maxRuns?: number;
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
  const metrics = parseUserMetrics(options.metrics ?? []);
  const labels = uniqueLabels(scenarios.map((s) => ({ name: s.name, file: s.file ?? s.name })));
  const first = runSettings(scenarios[0].definition, { seed: options.seed, replications: options.replications });
  const sized = options.equalService === undefined ? null : await sizeScenarios(scenarios, labels, options.equalService, first, options);
  const { comparison, runs } = await compareSupport(
    scenarios.map((s, i) => {
      const settings = runSettings(s.definition);
      return { label: labels[i], config: sized === null ? s.config : sized.configs[i], horizonHours: settings.horizonHours, warmupHours: settings.warmupHours };
    }),
    { seed: first.seed, replications: first.replications, threads: options.threads ?? 1, onReplication: options.onProgress, metrics, ...(sized === null ? {} : { mode: sized.mode, sizing: sized.sizing }) },
  );
  const results = scenarios.map((s, i) => {
    const settings = runSettings(s.definition, { seed: first.seed, replications: first.replications });
    const out = runOutputOf(s.definition, settings, s.config, runs[i], { baseDir: s.baseDir, file: s.file });
    return { ...runResultOf(out), scenario: labels[i] };
  });
  return { comparison, runs: results };
}

export { comparisonJson };

/** Every scenario sized to the targets (equal-service mode): its staffed configuration, and what it was sized to. */
async function sizeScenarios(
  scenarios: readonly Scenario[], labels: readonly string[], es: EqualService, first: { seed: number; replications: number }, options: CompareOptions,
): Promise<{ configs: SupportConfig[]; mode: string; sizing: ScenarioSizing[] }> {
  const targets = { ...es.targets, response: es.targets.response ?? STAFF_DEFAULTS.response };
  const problems = staffOptionProblems({ targets, pools: es.pools, maxRuns: es.maxRuns }).map((p) => ({ ...p, path: `equalService.${p.path}` }));
  for (const name of es.pools ?? []) {
    if (!scenarios.every((s) => s.config.pools.some((p) => p.name === name))) problems.push(problem("equalService.pools", `unknown pool "${name}": expected a pool every scenario has`));
  }
  if (problems.length > 0) throw new InputError(problems, OPTIONS);
  const sized = await sizeToTargets(scenarios.map((s) => s.config), {
    targets, seed: first.seed, replications: first.replications, pools: es.pools, maxRuns: es.maxRuns, threads: options.threads ?? 1, onEvaluation: options.onSizing,
  });
  const sizing = sized.map((z, i): ScenarioSizing => ({
    scenario: labels[i],
    met: z.solution.met,
    pools: z.solution.pools.map((p) => ({ pool: p.pool, paidHoursPerWeek: p.paidHoursPerWeek, fte: p.paidHoursPerWeek / FTE_HOURS_PER_WEEK, costPerWeek: p.costPerWeek })),
  }));
  return { configs: sized.map((z) => z.config), mode: equalServiceLabel(targets), sizing };
}
