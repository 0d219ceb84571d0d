/**
 * The outputs of `supportsim compare`: the side-by-side text table and comparison.csv.
 *
 * Table: one row per headline metric; per scenario its mean and 95% interval, then per later
 * scenario its difference against the first with the paired 95% interval and "n.s." where that
 * interval covers 0. Shares are shown in percent and their differences in percentage points.
 */
import type { Estimate } from "../../analysis/confidence.js";
import type { Comparison, ComparedScenario } from "../../analysis/experiments/compare.js";
import { csvCell } from "../csv.js";
import { metricInfo } from "../metrics.js";
import { spansDiffer } from "../runs.js";
import { verdict } from "../significance.js";
import { fitLines, layout } from "./layout.js";

/** How the text table writes a value: its own formats (full precision, no currency symbol: the label names the currency). */
type Unit = "percent" | "seconds" | "minutes" | "hours" | "count" | "number" | "money" | "money2";

/**
 * Label and text-table unit of a metric: the report's name for it (src/report/metrics.ts) in the
 * table's style — "phone: service level", "Cost per month (USD)" — so the terminal table, the
 * sweep table and the report name each metric alike.
 */
export function describeMetric(key: string, currency: string): { label: string; unit: Unit } {
  const m = metricInfo(key);
  const label = m.entity !== undefined ? `${m.entity}: ${m.measure}` : m.unit === "money" ? `${m.label} (${currency})` : m.label;
  const unit: Unit = m.unit === "share" ? "percent" : m.unit === "money" ? (m.cents ? "money2" : "money") : m.unit;
  return { label, unit };
}

const money0 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const money2 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** A value (or, with `signed`, a difference: explicit sign, percentage points for shares). */
export function formatCompareValue(v: number | null, unit: Unit, signed = false): string {
  if (v === null || !Number.isFinite(v)) return "–";
  const sign = signed && v > 0 ? "+" : "";
  switch (unit) {
    case "percent": return `${sign}${(v * 100).toFixed(2)}${signed ? " pp" : "%"}`;
    case "seconds": return `${sign}${v.toFixed(Math.abs(v) < 10 ? 2 : 1)} s`;
    case "minutes": return `${sign}${v.toFixed(Math.abs(v) < 10 ? 2 : 1)} min`;
    case "hours": return `${sign}${v.toFixed(Math.abs(v) < 10 ? 2 : 1)} h`;
    case "count": return sign + count.format(v);
    case "number": return sign + v.toFixed(2);
    case "money": return sign + money0.format(v);
    case "money2": return sign + money2.format(v);
  }
}

function interval(ci: [number, number] | null, unit: Unit, signed = false): string {
  return ci ? `${formatCompareValue(ci[0], unit, signed)} … ${formatCompareValue(ci[1], unit, signed)}` : "–";
}

function fmtSpan(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} d` : `${hours} h`;
}

function horizon(s: ComparedScenario): string {
  return `${fmtSpan(s.horizonHours)} (warm-up ${fmtSpan(s.warmupHours)})`;
}

/** Whether the scenarios' horizons or warm-ups differ (totals are then not like for like): runs.ts spansDiffer, the narrative's rule. */
export function horizonsDiffer(c: Comparison): boolean {
  return spansDiffer(c.scenarios);
}

/** The table in lines of at most `width` characters (layout.ts; default: the full table). */
export function compareTable(c: Comparison, width = Infinity): string {
  const [ref, ...others] = c.scenarios;
  const header = ["Metric"];
  for (const s of c.scenarios) header.push(s.label, "95% CI");
  for (const s of others) header.push(`${s.label} − ${ref.label}`, "95% CI (paired)", "");
  const rows = Object.entries(c.metrics).map(([key, m]) => {
    const { label, unit } = describeMetric(key, c.currency);
    const row = [label];
    m.values.forEach((e: Estimate) => row.push(formatCompareValue(e.mean, unit), interval(e.ci95, unit)));
    for (const d of m.differences) row.push(formatCompareValue(d.mean, unit, true), interval(d.ci95, unit, true), verdict(d) === "significant" || d.ci95 === null ? "" : "n.s.");
    return row;
  });
  const names = c.scenarios.map((s) => s.label).join(" vs ");
  const runs = `${c.replications} replication${c.replications === 1 ? "" : "s"} each · seed ${c.seed} · common random numbers (replication k of every scenario uses the same random streams)`;
  const span = horizonsDiffer(c)
    ? `horizons differ: ${c.scenarios.map((s) => `${s.label} ${horizon(s)}`).join(", ")}; totals (costs, churn) cover different spans`
    : `horizon ${horizon(ref)}`;
  const note =
    `Differences are against ${ref.label}, with 95% intervals from paired replications (Student-t on the per-replication differences); ` +
    `n.s. = not significant (the interval covers 0). Shares differ in percentage points (pp).`;
  const sizing = c.sizing ? `\n${sizingTable(c, width)}\n` : "";
  // column groups: each scenario's (mean, 95% CI), each difference's (difference, 95% CI, verdict)
  const groups = [...c.scenarios.map(() => 2), ...others.map(() => 3)];
  return fitLines(`Comparison: ${names}\n${runs}\n${span}\n${c.mode}\n${sizing}\n${rows.length ? layout(rows, header, { width, groups }) : "(no headline metric is present in every scenario)"}\n\n${note}\n`, width);
}

/** Equal-service mode: what each scenario was sized to, per pool and in total (paid hours and FTE a week, cost a week). */
function sizingTable(c: Comparison, width: number): string {
  const sizing = c.sizing ?? [];
  const pools = sizing[0]?.pools.map((p) => p.pool) ?? [];
  const header = ["Sized to the targets (a week)", ...sizing.map((s) => s.scenario)];
  const cell = (h: number, fte: number) => `${Math.round(h).toLocaleString("en-US")} h · ${fte.toFixed(1)} FTE`;
  const rows = pools.map((name) => [name, ...sizing.map((s) => { const p = s.pools.find((x) => x.pool === name); return p ? cell(p.paidHoursPerWeek, p.fte) : "–"; })]);
  const sum = (s: (typeof sizing)[number], f: (p: (typeof s.pools)[number]) => number) => s.pools.reduce((a, p) => a + f(p), 0);
  rows.push(["Total paid", ...sizing.map((s) => cell(sum(s, (p) => p.paidHoursPerWeek), sum(s, (p) => p.fte)))]);
  rows.push([`Cost of the sized pools (${c.currency})`, ...sizing.map((s) => Math.round(sum(s, (p) => p.costPerWeek)).toLocaleString("en-US"))]);
  rows.push(["Targets met", ...sizing.map((s) => (s.met ? "yes" : "no: see staff"))]);
  return layout(rows, header, { width, groups: sizing.map(() => 1) });
}

/**
 * comparison.csv: one row per metric × scenario — metric, scenario, mean, ci_low, ci_high, then
 * the paired difference against the first scenario (diff, diff_ci_low, diff_ci_high) and
 * `significant` (true/false; empty for the first scenario). Numbers at full precision.
 */
export function comparisonCsv(c: Comparison): string {
  const lines = ["metric,scenario,mean,ci_low,ci_high,diff,diff_ci_low,diff_ci_high,significant"];
  for (const [key, m] of Object.entries(c.metrics)) {
    c.scenarios.forEach((s, i) => {
      const v = m.values[i];
      const d = i === 0 ? null : m.differences[i - 1];
      const cells: (string | number | null)[] = [
        key, s.label, v.mean, v.ci95 ? v.ci95[0] : null, v.ci95 ? v.ci95[1] : null,
        d ? d.mean : null, d?.ci95 ? d.ci95[0] : null, d?.ci95 ? d.ci95[1] : null, d ? String(d.significant) : null,
      ];
      lines.push(cells.map(csvCell).join(","));
    });
  }
  return lines.join("\n") + "\n";
}
