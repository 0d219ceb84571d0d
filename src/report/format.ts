/**
 * Number formats a planner reads: counts with thousands separators, rates as
 * percentages, waits in seconds, and intervals as "low – high".
 */
import type { Estimate } from "../analysis/confidence.js";
import type { MetricName } from "../model/network/counters.js";

export interface MetricInfo {
  label: string;
  unit: "count" | "percent" | "seconds" | "number";
}

export const METRIC_INFO: Record<MetricName, MetricInfo> = {
  offered: { label: "Offered", unit: "count" },
  answered: { label: "Answered", unit: "count" },
  abandoned: { label: "Abandoned", unit: "count" },
  abandonRate: { label: "Abandon rate", unit: "percent" },
  serviceLevel: { label: "Service level", unit: "percent" },
  asaSeconds: { label: "ASA (answered)", unit: "seconds" },
  meanWaitSeconds: { label: "Mean wait (all)", unit: "seconds" },
  occupancy: { label: "Occupancy", unit: "percent" },
  probWait: { label: "Had to wait", unit: "percent" },
  meanQueueLength: { label: "Mean queue length", unit: "number" },
};

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
