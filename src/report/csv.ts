/**
 * CSV outputs: the per-contact trace and the per-interval KPI table.
 */
import type { IntervalRow } from "../analysis/run.js";
import type { Outcome, TraceSink } from "../model/contactCenter.js";
import { METRICS } from "../model/kpis.js";
import type { AtomicWriter } from "./files.js";

/** RFC 4180 quoting where needed. */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const TRACE_HEADER = "replication,arrival_min,tier,wait_s,outcome,agent,handle_min,departure_min\n";

/** A trace sink writing one CSV row per contact, for replication `rep`. */
export function traceSink(out: AtomicWriter, rep: number, tierNames: readonly string[]): TraceSink {
  const tiers = tierNames.map(csvCell);
  return {
    contact(arrival: number, tier: number, wait: number, outcome: Outcome, agent: number, handle: number, departure: number) {
      out.write(`${rep},${arrival.toFixed(6)},${tiers[tier]},${(wait * 60).toFixed(3)},${outcome},${agent < 0 ? "" : agent},${outcome === "answered" ? handle.toFixed(6) : ""},${departure.toFixed(6)}\n`);
    },
  };
}

/** Per-interval KPIs: one row per interval and series, each metric with its 95% interval. */
export function intervalsCsv(rows: readonly IntervalRow[]): string {
  const head = ["interval", "start_hour", "series"];
  for (const m of METRICS) head.push(m, `${m}_ci_low`, `${m}_ci_high`);
  const lines = [head.join(",")];
  for (const r of rows) {
    const cells: (string | number | null)[] = [r.interval, r.startHour, r.series];
    for (const m of METRICS) {
      const e = r.metrics[m];
      cells.push(e.mean, e.ci95 ? e.ci95[0] : null, e.ci95 ? e.ci95[1] : null);
    }
    lines.push(cells.map(csvCell).join(","));
  }
  return lines.join("\n") + "\n";
}
