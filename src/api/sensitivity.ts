/**
 * Sensitivity through the library (`supportsim sensitivity`): each ranged input of a scenario at
 * its low and at its high in turn, the others at their expected values, every run with the same
 * seed (common random numbers), and each KPI asked for ranked by the inputs' swings
 * (analysis/experiments/sensitivity.ts). A KPI is a name of the KPI catalogue (`cost.total`) or a
 * formula of its own (`costPerResolved = cost.total / funnel.resolved`).
 */
import { runManyParallel } from "../analysis/experiments/replications.js";
import { parseUserMetrics, runWithUserMetrics } from "../analysis/experiments/userMetrics.js";
import { sensitivityOf, type KpiSensitivity } from "../analysis/experiments/sensitivity.js";
import { findKpi } from "../kpi/catalogue.js";
import { runSettings } from "../scenario/full/runSettings.js";
import { closest, InputError, OPTIONS, problem, type Problem } from "../errors.js";
import { runSettingsProblems, throwIfAny, type RunSettingsOptions } from "./options.js";
import { scenarioAtInputs, type Scenario } from "./scenario.js";

export type { KpiSensitivity };

export interface SensitivityOptions extends RunSettingsOptions {
  /** The KPIs: catalogue names ("cost.total") or "name = formula". */
  metrics: readonly string[];
  /** Called as (run, replication) tasks finish. */
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityResult {
  scenario: string;
  seed: number;
  replications: number;
  currency: string;
  inputs: { key: string; path: string; dist: string; low: number; expected: number; high: number }[];
  kpis: KpiSensitivity[];
}

/** Run the one-at-a-time sensitivity of a scenario's KPIs to its ranged inputs. */
export async function sensitivity(s: Scenario, options: SensitivityOptions): Promise<SensitivityResult> {
  throwIfAny(runSettingsProblems(options));
  if (options.metrics.length === 0) throw new InputError(problem("metrics", "expected at least one KPI, such as cost.total"), OPTIONS);
  const formulas: string[] = [], keys: string[] = [], problems: Problem[] = [];
  options.metrics.forEach((m, i) => {
    if (m.includes("=")) {
      formulas.push(m);
      keys.push(`metric.${m.slice(0, m.indexOf("=")).trim()}`);
    } else if (findKpi(m.trim()) === undefined) {
      const guess = closest(m.trim(), ["cost.total", "cost.perMonth", "cost.perContact", "cost.perResolvedNeed", "cost.paidFte", "retention.churned", "retention.revenueAtRisk", "retention.netRevenueAtRisk", "funnel.resolved", "funnel.unservedRate"]);
      problems.push(problem(`metrics[${i}]`, `unknown KPI ${JSON.stringify(m)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected a KPI name such as cost.total or channel.phone.serviceLevel, or "name = formula"`));
    } else keys.push(m.trim());
  });
  throwIfAny(problems);
  const metrics = parseUserMetrics(formulas);
  if (s.inputs.length === 0) throw new InputError(problem("", `the scenario has no ranged inputs: give a field or a variable a range {"low": …, "expected": …, "high": …} (docs/scenario-format.md §2.1)`), s.file);
  const settings = runSettings(s.definition, { seed: options.seed, replications: options.replications });
  const at = (key: string, v: number) => scenarioAtInputs(s, new Map([[key, v]])).config;
  // the base, then every input at its low, then every input at its high
  const configs = [s.config, ...s.inputs.map((i) => at(i.key, i.range.low)), ...s.inputs.map((i) => at(i.key, i.range.high))];
  const runs = (await runManyParallel(configs, { seed: settings.seed, replications: settings.replications, threads: options.threads ?? 1, onReplication: options.onProgress })).map((r) => runWithUserMetrics(r, metrics));
  const missing = keys.find((k) => !(k in runs[0].estimates));
  if (missing !== undefined) throw new InputError(problem(`metrics[${keys.indexOf(missing)}]`, `this run has no KPI ${JSON.stringify(missing)}`), OPTIONS);
  const n = s.inputs.length;
  return {
    scenario: s.name,
    seed: settings.seed,
    replications: settings.replications,
    currency: s.config.costs.currency,
    inputs: s.inputs.map((i) => ({ key: i.key, path: i.path, dist: i.range.dist, low: i.range.low, expected: i.range.expected, high: i.range.high })),
    kpis: sensitivityOf(keys, s.inputs.map((i) => ({ key: i.key, low: i.range.low, high: i.range.high })), runs[0], runs.slice(1, 1 + n), runs.slice(1 + n)),
  };
}
