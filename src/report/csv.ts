/**
 * CSV outputs: the per-visit trace and the per-interval KPI table.
 */
import type { Estimate } from "../analysis/confidence.js";
import type { NetworkTraceSink } from "../model/network/networkConfig.js";
import type { AtomicWriter } from "./files.js";
import { csvField } from "../forecast/csvTable.js";

/** A cell: a number as it prints (empty when not finite), text quoted and kept from being read as a formula (forecast/csvTable.ts csvField). */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return csvField(v);
}

/**
 * Rows of estimates as CSV: the key columns, then each metric's mean and 95% interval
 * (`m, m_ci_low, m_ci_high`; empty where undefined).
 */
export function estimatesCsv(keyColumns: readonly string[], metrics: readonly string[], rows: readonly { keys: (string | number)[]; metrics: Record<string, Estimate | undefined> }[]): string {
  const head = [...keyColumns];
  for (const m of metrics) head.push(m, `${m}_ci_low`, `${m}_ci_high`);
  const lines = [head.join(",")];
  for (const r of rows) {
    const cells: (string | number | null)[] = [...r.keys];
    for (const m of metrics) {
      const e = r.metrics[m];
      cells.push(e ? e.mean : null, e?.ci95 ? e.ci95[0] : null, e?.ci95 ? e.ci95[1] : null);
    }
    lines.push(cells.map(csvCell).join(","));
  }
  return lines.join("\n") + "\n";
}

/** Per-interval series of a run: one row per interval and series (channel, tier or "needs"). */
export function intervalsCsv(rows: readonly { interval: number; start: string; series: string; metrics: Record<string, Estimate> }[], metrics: readonly string[]): string {
  return estimatesCsv(["interval", "start", "series"], metrics, rows.map((r) => ({ keys: [r.interval, r.start, r.series], metrics: r.metrics })));
}

export const NETWORK_TRACE_HEADER = "replication,arrival_min,tier,work,class,wait_s,outcome,pool,agent,leave_min\n";

/** A trace sink for the contact network: one CSV row per counted contact per tier visit. */
export function networkTraceSink(out: AtomicWriter, rep: number, tierNames: readonly string[], workNames: readonly string[], classNames: readonly string[], poolNames: readonly string[]): NetworkTraceSink {
  const tiers = tierNames.map(csvCell), works = workNames.map(csvCell), classes = classNames.map(csvCell), pools = poolNames.map(csvCell);
  return {
    visit(arrival, tier, workType, priorityClass, wait, outcome, pool, agent, leave) {
      out.write(`${rep},${arrival.toFixed(6)},${tiers[tier]},${works[workType]},${classes[priorityClass]},${(wait * 60).toFixed(3)},${outcome},${pool < 0 ? "" : pools[pool]},${agent < 0 ? "" : agent},${leave.toFixed(6)}\n`);
    },
  };
}
