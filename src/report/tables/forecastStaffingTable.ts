/**
 * `erlang staff --forecast`: the per-interval requirement as a terminal table, as CSV for a
 * spreadsheet and as JSON (src/analysis/forecastStaffing.ts computes it).
 *
 * The table: start, volume, AHT (patience with Erlang A), N, the service level at N − 2 … N + 3
 * agents, then the other measures a target or the model makes relevant at N (ASA, abandonment,
 * occupancy); then the totals. The CSV has the same rows with every measure at every one of
 * N − 2 … N + 3 (fractions and seconds, unformatted; empty where there is none), and each
 * interval's floor and paid hours, so that a column sum gives the totals.
 */
import type { QueueMetrics, StaffingTarget } from "../../analytic/index.js";
import { AROUND, type ForecastStaffing, type IntervalStaffing } from "../../analysis/forecastStaffing.js";
import { csvCell } from "../csv.js";
import { fitLines, layout } from "./layout.js";

type Target = StaffingTarget & { thresholdSeconds: number };

const MODEL = { "erlang-c": "Erlang C (customers wait forever)", "erlang-a": "Erlang A (exponential patience)" } as const;
const aroundName = (k: number) => (k === 0 ? "N" : `N${k > 0 ? "+" : "−"}${Math.abs(k)}`);
const fixed = (x: number, d: number) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number | undefined) => (x === undefined ? "—" : (x * 100).toFixed(1));
const sec = (x: number | undefined) => (x === undefined ? "—" : Number.isFinite(x) ? x.toFixed(1) : "∞");
const round6 = (x: number) => (Number.isFinite(x) ? +x.toFixed(6) : x);
const num = (x: number | undefined) => (x === undefined ? "" : +x.toFixed(3) === x ? String(x) : String(+x.toFixed(3)));

/** The goals of a target in words. */
export function targetWords(t: Target): string {
  return [
    t.serviceLevel !== undefined ? `service level ≥ ${(t.serviceLevel * 100).toFixed(1)}% within ${t.thresholdSeconds} s` : "",
    t.maxAbandonRate !== undefined ? `abandon rate ≤ ${(t.maxAbandonRate * 100).toFixed(1)}%` : "",
    t.maxAsaSeconds !== undefined ? `ASA ≤ ${t.maxAsaSeconds} s` : "",
    t.maxOccupancy !== undefined ? `occupancy ≤ ${(t.maxOccupancy * 100).toFixed(1)}%` : "",
  ].filter(Boolean).join(", ");
}

/** A span of minutes in words: "7 days", "12 hours". */
export function spanWords(minutes: number): string {
  return minutes >= 1440 ? `${+(minutes / 1440).toFixed(2)} day${minutes === 1440 ? "" : "s"}` : `${+(minutes / 60).toFixed(2)} hours`;
}

/** The measures shown at N beside the service levels. */
function extras(r: ForecastStaffing, t: Target): { head: string; cell: (m: QueueMetrics | undefined) => string }[] {
  const out: { head: string; cell: (m: QueueMetrics | undefined) => string }[] = [];
  if (t.maxAsaSeconds !== undefined) out.push({ head: "ASA s", cell: (m) => sec(m?.asaSeconds) });
  if (r.model === "erlang-a") out.push({ head: "Aband %", cell: (m) => pct(m?.abandonRate) });
  if (t.maxOccupancy !== undefined) out.push({ head: "Occ %", cell: (m) => pct(m?.occupancy) });
  return out;
}

/** The terminal report. */
export function forecastStaffingText(r: ForecastStaffing, t: Target, o: { file: string; shrinkage: number; fteHours: number }, width = Infinity): string {
  const n0 = AROUND.indexOf(0);
  const more = extras(r, t);
  const erlangA = r.model === "erlang-a";
  const head = ["Start", "Volume", "AHT s", ...(erlangA ? ["Pat s"] : []), "N", ...AROUND.map(aroundName), ...more.map((e) => e.head)];
  const rows = r.intervals.map((iv) => [
    iv.start, num(iv.volume), num(iv.ahtSeconds) || "—", ...(erlangA ? [num(iv.patienceSeconds) || "—"] : []), String(iv.agents),
    ...iv.around.map((m) => pct(m?.serviceLevel)), ...more.map((e) => e.cell(iv.around[n0])),
  ]);
  const tt = r.totals;
  return fitLines([
    `${MODEL[r.model]} per interval of ${o.file}: ${r.intervals.length} intervals of ${r.intervalMinutes} min over ${spanWords(r.spanMinutes)}`,
    `N: the fewest agents on the floor meeting ${targetWords(t)}; N−2 … N+3: the service level (%) within ${t.thresholdSeconds} s with that many agents${more.length > 0 ? `; ${more.map((e) => e.head).join(", ")} at N` : ""}`,
    "",
    layout(rows, head, { width, groups: head.slice(1).map(() => 1) }),
    "",
    `Volume            ${fixed(tt.volume, 0)} contacts; peak N ${tt.peakAgents}`,
    `Floor hours       ${fixed(tt.floorHours, 1)}   (Σ N × ${+(r.intervalMinutes / 60).toFixed(4)} h)`,
    `Paid hours        ${fixed(tt.paidHours, 1)}   (floor hours / (1 − ${+(o.shrinkage * 100).toFixed(2)}% shrinkage))`,
    `FTE               ${fixed(tt.fte, 2)}   (paid hours / ${o.fteHours} h, one full-timer's paid hours over the ${spanWords(r.spanMinutes)})`,
    "",
  ].join("\n"), width);
}

/** The CSV columns, in order. */
export function forecastStaffingCsvHeader(r: ForecastStaffing): string[] {
  const at = (m: string) => AROUND.map((k) => `${m}_${k === 0 ? "n" : `n${k > 0 ? "+" : "-"}${Math.abs(k)}`}`);
  const erlangA = r.model === "erlang-a";
  return [
    "start", "volume", "aht_seconds", ...(erlangA ? ["patience_seconds"] : []), "offered_load_erlangs", "agents", "floor_hours", "paid_hours",
    ...at("agents"), ...at("service_level"), ...at("asa_seconds"), ...(erlangA ? at("abandon_rate") : []), ...at("occupancy"),
  ];
}

/** The table as CSV: one row per interval, the columns of `forecastStaffingCsvHeader`. */
export function forecastStaffingCsv(r: ForecastStaffing): string {
  const erlangA = r.model === "erlang-a";
  const row = (iv: IntervalStaffing) => {
    const at = (f: (m: QueueMetrics) => number) => iv.around.map((m) => (m === undefined ? null : f(m)));
    return [
      iv.start, iv.volume, iv.ahtSeconds ?? null, ...(erlangA ? [iv.patienceSeconds ?? null] : []), iv.offeredLoadErlangs, iv.agents, iv.floorHours, iv.paidHours,
      ...at((m) => m.agents), ...at((m) => m.serviceLevel), ...at((m) => m.asaSeconds), ...(erlangA ? at((m) => m.abandonRate) : []), ...at((m) => m.occupancy),
    ].map((v) => csvCell(typeof v === "number" ? round6(v) : v)).join(",");
  };
  return [forecastStaffingCsvHeader(r).join(","), ...r.intervals.map(row)].join("\n") + "\n";
}

/** The answer as JSON (waits that are infinite, and measures below 1 agent, are null). */
export function forecastStaffingJson(r: ForecastStaffing, t: Target, o: { shrinkage: number; fteHours: number }): string {
  const measures = (m: QueueMetrics | undefined) =>
    m === undefined ? null : { agents: m.agents, serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, abandonRate: m.abandonRate, occupancy: m.occupancy, stable: m.stable };
  return JSON.stringify({
    model: r.model, target: t, shrinkage: o.shrinkage, fteHours: o.fteHours, intervalMinutes: r.intervalMinutes, spanMinutes: r.spanMinutes,
    around: AROUND,
    intervals: r.intervals.map((iv) => ({ ...iv, around: iv.around.map(measures) })),
    totals: r.totals,
  }, null, 2) + "\n";
}
