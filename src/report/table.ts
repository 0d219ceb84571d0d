/**
 * The KPI table printed by `supportsim run`.
 */
import type { RunResult } from "../analysis/run.js";
import { METRICS } from "../model/network/counters.js";
import { METRIC_INFO, formatEstimate, formatValue } from "./format.js";
import { layout } from "./tables/layout.js";

export function kpiTable(r: RunResult): string {
  const tierNames = Object.keys(r.tiers);
  const columns: [string, RunResult["total"]][] = tierNames.map((n) => [n, r.tiers[n]] as [string, RunResult["total"]]);
  if (tierNames.length > 1) columns.push(["Total", r.total]);
  const header = ["Metric"];
  for (const [name] of columns) header.push(`${name} mean`, "95% CI");
  const exact = r.analytic;
  if (exact) header.push(exact.model === "erlang-a" ? "Erlang A" : "Erlang C");
  const rows = METRICS.map((m) => {
    const info = METRIC_INFO[m];
    const row = [info.label];
    for (const [, est] of columns) {
      const f = formatEstimate(est[m], info.unit);
      row.push(f.mean, f.ci);
    }
    if (exact) {
      const v = exact.metrics[m];
      row.push(v === undefined ? "" : formatValue(v, info.unit));
    }
    return row;
  });
  const title = `${r.scenario}`;
  const sub = `${r.replications} replication${r.replications === 1 ? "" : "s"} · seed ${r.seed} · ${r.horizonHours} h horizon (warm-up ${r.warmupHours} h) · service level = answered within ${r.thresholdSeconds} s / offered`;
  const note = exact ? `\n${exact.model === "erlang-a" ? "Erlang A" : "Erlang C"}: the exact steady-state value of the same model, for comparison.\n` : "";
  return `${title}\n${sub}\n\n${layout(rows, header)}\n${note}`;
}
