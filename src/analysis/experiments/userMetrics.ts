/**
 * User-defined metrics (`--metric "costPerResolved = cost.total / funnel.resolved"`): a formula
 * over the KPI catalogue's names (src/kpi/catalogue.ts), evaluated in every replication
 * (src/scenario/inputs/expression.ts, sandboxed), so that its estimate is the mean over the
 * replications with a Student-t interval and a comparison pairs it replication by replication
 * (compare.ts): the interval of a ratio's difference is that of the ratio itself, not one built
 * from the intervals of its parts. Its key is `metric.<name>`. A replication where a name it
 * reads has no value, or where the formula has no finite value (a division by zero), gives none.
 */
import { InputError, OPTIONS, problem, type Problem } from "../../errors.js";
import { compileExpression, type Expression } from "../../scenario/inputs/expression.js";
import { findKpi } from "../../kpi/catalogue.js";
import type { Values } from "../../kpi/values.js";
import { clampEstimate, estimate, type Estimate } from "../confidence.js";

/** A user-defined metric, checked. */
export interface UserMetric {
  readonly name: string;
  /** Its key among a run's values: `metric.<name>`. */
  readonly key: string;
  readonly formula: string;
  readonly expression: Expression;
}

const SPEC = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)(.*)$/s;

/** The metrics of `name = formula` texts; throws InputError (options, `metrics[i]`) at any that is malformed or reads a name the catalogue lacks. */
export function parseUserMetrics(specs: readonly string[]): UserMetric[] {
  const out: UserMetric[] = [], problems: Problem[] = [];
  specs.forEach((spec, i) => {
    const path = `metrics[${i}]`;
    const m = SPEC.exec(spec);
    if (m === null) return void problems.push(problem(path, `expected "name = formula" (e.g. "costPerResolved = cost.total / funnel.resolved"), got ${JSON.stringify(spec)}`));
    const [, name, formula] = m;
    if (out.some((u) => u.name === name)) return void problems.push(problem(path, `the metric "${name}" is defined twice`));
    const offset = spec.indexOf(formula);
    const e = compileExpression(formula, { dotted: true, offset });
    if ("problem" in e) return void problems.push(problem(path, `bad formula ${JSON.stringify(spec)}: ${e.problem}`));
    const unknown = e.names.find((n) => findKpi(n) === undefined && !out.some((u) => u.name === n));
    if (unknown !== undefined) return void problems.push(problem(path, `bad formula ${JSON.stringify(spec)}: unknown KPI "${unknown}"; expected a KPI name such as cost.total, funnel.resolved or channel.phone.serviceLevel (docs/model.md §11 lists them), or an earlier metric`));
    out.push({ name, key: `metric.${name}`, formula: formula.trim(), expression: e });
  });
  if (problems.length > 0) throw new InputError(problems, OPTIONS);
  return out;
}

/**
 * Each replication's values with the metrics added (a copy), the metrics in order (a later one may
 * read an earlier one by its name). Throws InputError when a formula reads a KPI no replication of
 * this run has (a channel it does not have).
 */
export function withUserMetrics(replications: readonly Values[], metrics: readonly UserMetric[]): Values[] {
  const out = replications.map((v) => ({ ...v }));
  metrics.forEach((m, i) => {
    const missing = m.expression.names.find((n) => !out.some((v) => (v[n] ?? v[`metric.${n}`]) !== undefined));
    if (missing !== undefined) throw new InputError(problem(`metrics[${i}]`, `"${m.name}" reads "${missing}", which this run does not have`), OPTIONS);
    for (const v of out) {
      const scope = new Map<string, number>();
      for (const n of m.expression.names) {
        const x = v[n] ?? v[`metric.${n}`];
        if (typeof x === "number") scope.set(n, x);
      }
      const r = scope.size === m.expression.names.length ? m.expression.evaluate(scope) : null;
      v[m.key] = typeof r === "number" ? r : null;
    }
  });
  return out;
}

/** The estimates of the metrics over the replications (means with Student-t intervals, unclipped). */
export function userMetricEstimates(replications: readonly Values[], metrics: readonly UserMetric[]): Record<string, Estimate> {
  return Object.fromEntries(metrics.map((m) => [m.key, clampEstimate(estimate(replications.map((v) => v[m.key] ?? null)), false, true)]));
}

/** A run's statistics with the metrics added to every replication and to the estimates (a copy; without metrics, the run itself). */
export function runWithUserMetrics<R extends { replications: Values[]; estimates: Record<string, Estimate> }>(run: R, metrics: readonly UserMetric[]): R {
  if (metrics.length === 0) return run;
  const replications = withUserMetrics(run.replications, metrics);
  return { ...run, replications, estimates: { ...run.estimates, ...userMetricEstimates(replications, metrics) } };
}
