/**
 * Number formats a planner reads: counts with thousands separators, rates as
 * percentages, waits in seconds, and intervals as "low – high".
 */
import type { Estimate } from "../analysis/confidence.js";
import { QUEUE_KPIS, type KpiUnit } from "../kpi/catalogue.js";
import { METRICS, type MetricName } from "../model/network/counters.js";

export interface MetricInfo {
  label: string;
  unit: "count" | "percent" | "seconds" | "number";
}

/** How the terminal tables write a unit: shares in percent, counts whole, seconds, anything else with two decimals. */
function tableUnit(unit: KpiUnit): MetricInfo["unit"] {
  return unit === "share" ? "percent" : unit === "count" || unit === "seconds" ? unit : "number";
}

/** The single-queue metrics as its KPI table shows them (labels and units: src/kpi/catalogue.ts QUEUE_KPIS). */
export const METRIC_INFO: Readonly<Record<MetricName, MetricInfo>> = Object.fromEntries(
  METRICS.map((m) => [m, { label: QUEUE_KPIS[m].label, unit: tableUnit(QUEUE_KPIS[m].unit) }]),
) as Record<MetricName, MetricInfo>;

const countFmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatValue(v: number | null, unit: MetricInfo["unit"]): string {
  if (v === null || !Number.isFinite(v)) return "–";
  switch (unit) {
    case "count": return countFmt.format(v);
    case "percent": return `${(v * 100).toFixed(2)}%`;
    case "seconds": return `${v.toFixed(Math.abs(v) < 10 ? 2 : 1)} s`;
    case "number": return v.toFixed(2);
  }
}

export function formatEstimate(e: Estimate, unit: MetricInfo["unit"]): { mean: string; ci: string } {
  const mean = formatValue(e.mean, unit);
  const ci = e.ci95 ? `${formatValue(e.ci95[0], unit)} – ${formatValue(e.ci95[1], unit)}` : "–";
  return { mean, ci };
}
