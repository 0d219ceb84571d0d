/**
 * The text report of a Monte Carlo over the inputs (api/uncertainty.ts): the inputs drawn, then
 * per scenario its headline KPIs (and user metrics) as P10 / P50 / P90 over the input sets with
 * the inputs' share of the variance, the probability of each target, and for a comparison the
 * band of each difference against the first scenario.
 */
import type { KpiBand, TargetProbability } from "../../analysis/experiments/uncertainty/summary.js";
import { headlineKeys } from "../../analysis/experiments/compare.js";
import { metricInfo, metricLabel } from "../metrics.js";
import { formatChange, formatNumber, formatShare, formatValue } from "../numbers.js";
import { fitLines, layout } from "./layout.js";

/** What the table reads (UncertaintyResult of api/uncertainty.ts). */
export interface UncertaintyReport {
  scenarios: string[];
  sets: number;
  replications: number;
  seed: number;
  inputs: { key: string; dist: string; low: number; expected: number; high: number }[];
  runs: { scenario: string; kpis: Record<string, KpiBand>; targets: TargetProbability[] }[];
  differences: { scenario: string; against: string; kpis: Record<string, KpiBand> }[];
  /** Per month, the share of it measured (whole months: 1). */
  monthShares?: Record<string, number>;
}

/** The keys a band table shows: the headline KPIs, then the user-defined metrics. */
function shownKeys(kpis: Record<string, KpiBand>): string[] {
  const keys = Object.keys(kpis);
  // a KPI without a value, or nothing but zeros (the costs of a run without costs), says nothing
  const says = (k: string) => kpis[k].p50 !== null && !(kpis[k].inputShare === null && kpis[k].p10 === 0 && kpis[k].p90 === 0);
  return [...headlineKeys([keys]), ...keys.filter((k) => k.startsWith("metric."))].filter(says);
}

function bandRows(kpis: Record<string, KpiBand>, currency: string, change: boolean): string[][] {
  return shownKeys(kpis).map((key) => {
    const b = kpis[key], info = metricInfo(key);
    const f = (x: number | null) => (x === null ? "–" : change ? formatChange(x, info.unit, currency, { cents: info.cents, word: "pp" }) : formatValue(x, info.unit, currency, { cents: info.cents }));
    const ci = b.ci95 === null ? "–" : `${f(b.ci95[0])} – ${f(b.ci95[1])}`;
    return [metricLabel(key), f(b.p10), f(b.p50), f(b.p90), f(b.mean), ci, b.inputShare === null ? "–" : formatShare(b.inputShare, 0)];
  });
}

/** The report in lines of at most `width` characters (layout.ts; default: the full table). */
export function uncertaintyTable(r: UncertaintyReport, currency = "USD", width = Infinity): string {
  const parts: string[] = [];
  parts.push(`Uncertainty over the inputs: ${r.sets} input sets (Latin hypercube, seed ${r.seed}) × ${r.replications} replications each`);
  parts.push(layout(r.inputs.map((i) => [i.key, i.dist, formatNumber(i.low, 4), formatNumber(i.expected, 4), formatNumber(i.high, 4)]), ["Ranged input", "distribution", "low", "expected", "high"], { width }));
  for (const run of r.runs) {
    parts.push(`\n${run.scenario}: each KPI over the input sets (docs/model.md §24)\n${layout(bandRows(run.kpis, currency, false), ["", "P10", "P50", "P90", "mean", "mean's 95% CI", "from inputs"], { width })}`);
    if (run.targets.length > 0) parts.push(layout(run.targets.map((t) => [t.label, t.probability === null ? "–" : formatShare(t.probability, 0)]), ["Target", "probability it holds"], { width }));
  }
  for (const d of r.differences) {
    parts.push(`\n${d.scenario} − ${d.against}: the difference over the input sets (the same sets and seeds for both)\n${layout(bandRows(d.kpis, currency, true), ["", "P10", "P50", "P90", "mean", "mean's 95% CI", "from inputs"], { width })}`);
  }
  parts.push(`\nP10 … P90: the spread of the input sets' results (each the mean of its replications: the noise widens it a little); mean: over the sets, with its 95% interval.\n"from inputs": the share of a replication's variance due to the uncertain inputs; the rest is simulation noise.`);
  return fitLines(parts.join("\n") + "\n", width);
}
