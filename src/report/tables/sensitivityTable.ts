/**
 * The text and CSV report of a sensitivity run (api/sensitivity.ts): per KPI, its base value,
 * then every ranged input ranked by its swing — the KPI with the input at low and at high, and
 * the paired difference high − low with its 95% interval (`n.s.` when it covers 0).
 */
import type { Estimate } from "../../analysis/confidence.js";
import type { KpiSensitivity } from "../../analysis/experiments/sensitivity.js";
import { estimatesCsv } from "../csv.js";
import { metricInfo, metricLabel } from "../metrics.js";
import { formatChange, formatNumber, formatValue } from "../numbers.js";
import { fitLines, layout } from "./layout.js";

/** What the reports read (SensitivityResult of api/sensitivity.ts). */
export interface SensitivityReport {
  scenario: string;
  seed: number;
  replications: number;
  currency: string;
  inputs: { key: string; dist: string; low: number; expected: number; high: number }[];
  kpis: KpiSensitivity[];
}

const covers0 = (ci: [number, number] | null) => ci !== null && ci[0] <= 0 && ci[1] >= 0;

/** The report in lines of at most `width` characters (layout.ts; default: the full table). */
export function sensitivityTable(r: SensitivityReport, width = Infinity): string {
  const parts = [`Sensitivity of ${r.scenario}: each ranged input at its low and at its high, the others at their expected values (${r.replications} replications each, seed ${r.seed}: common random numbers)`];
  for (const k of r.kpis) {
    const info = metricInfo(k.key);
    const v = (e: Estimate) => (e.mean === null ? "–" : formatValue(e.mean, info.unit, r.currency, { cents: info.cents }));
    const d = (x: number) => formatChange(x, info.unit, r.currency, { cents: info.cents, word: "pp" });
    const rows = k.inputs.map((e) => [
      `${e.rank}. ${e.key}`, `${formatNumber(e.low, 4)} → ${v(e.atLow)}`, `${formatNumber(e.high, 4)} → ${v(e.atHigh)}`,
      e.swing.mean === null ? "–" : d(e.swing.mean), e.swing.ci95 === null ? "–" : `${d(e.swing.ci95[0])} … ${d(e.swing.ci95[1])}${covers0(e.swing.ci95) ? "  n.s." : ""}`,
    ]);
    parts.push(`\n${metricLabel(k.key)}: ${v(k.base)} with every input at its expected value\n${layout(rows, ["input (ranked)", "at low", "at high", "swing (high − low)", "95% CI (paired)"], { width, groups: [2, 2] })}`);
  }
  return fitLines(parts.join("\n") + "\n", width);
}

/** sensitivity.csv: one row per KPI and input. */
export function sensitivityCsv(r: SensitivityReport): string {
  const rows = r.kpis.flatMap((k) => k.inputs.map((e) => ({ keys: [k.key, e.rank, e.key, e.low, e.high], metrics: { base: k.base, at_low: e.atLow, at_high: e.atHigh, swing: e.swing } })));
  return estimatesCsv(["kpi", "rank", "input", "low", "high"], ["base", "at_low", "at_high", "swing"], rows);
}
