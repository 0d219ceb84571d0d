/**
 * Retention over time per scenario: the annual recurring revenue (ARR) of the customers who
 * churned, accumulated month by month over the measured window (solid), and the part of it the
 * service experience caused (dashed) — what the support budget buys or costs in revenue.
 *
 * Monthly estimates (src/kpi/values.ts, combined in src/analysis/experiments/replications.ts), for each calendar month overlapping the
 * measured window:
 *   retention.byMonth.<yyyy-mm>.churnedRevenue        ARR of the customers lost that month
 *   retention.byMonth.<yyyy-mm>.serviceChurnRevenue   its part caused by the service experience,
 *                                                      Σ (1 − 1/M) over the churned (negative when
 *                                                      good service kept customers: churn prevented)
 *   retention.byMonth.<yyyy-mm>.churned / .serviceChurn  the same in customers (tooltips)
 * Each line starts at 0 when the measured window opens and steps to the running total at the
 * end of each month (the window's end for the last, partial month), so the mean of a cumulative
 * total is the running sum of the monthly means. The subtitle states each scenario's revenue at
 * risk next year at the end of its horizon (retention.revenueAtRisk: the expected ARR the
 * customers' experience puts at risk over the following year, beyond neutral experience), with
 * the revenue its experience protects and the net (retention.revenueProtected, .netRevenueAtRisk).
 */
import type { ChartSpec } from "../render/render.js";
import { axisMoney, formatMoney } from "../numbers.js";
import { checkRuns, commonCurrency, meanOf } from "../runs.js";
import { baseSpec, moneyExpr, scenarioScale } from "./theme.js";
import { DAY_MS, HOUR_MS } from "../../time/units.js";
import type { ScenarioResult } from "./inputs.js";

const MONTH_KEY = /^retention\.byMonth\.(\d{4})-(\d{2})\.churnedRevenue$/;

/** The series of the chart, in legend order. */
export const RETENTION_SERIES = ["All churn", "Service-caused"] as const;

/** One point of a cumulative line. */
export interface RetentionDatum {
  scenario: string;
  series: (typeof RETENTION_SERIES)[number];
  /** Time of the point: UTC milliseconds of the scenario's local clock. */
  t: number;
  /** The calendar month ending at this point ("" for the window's start). */
  month: string;
  /** ARR lost in that month (0 at the start). */
  monthly: number;
  /** ARR lost from the window's start to this point. */
  cumulative: number;
  /** Customers churned in that month (null: not reported). */
  customers: number | null;
}

/** Local wall-clock ISO time ("2027-01-04T00:00") as UTC milliseconds (the charts keep local time). */
export function localMs(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) throw new RangeError(`cannot read the start time "${iso}"`);
    return t;
  }
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

/** The months (yyyy-mm, sorted) a run reports retention for. */
export function retentionMonths(r: ScenarioResult): string[] {
  const out: string[] = [];
  for (const k of Object.keys(r.estimates)) {
    const m = MONTH_KEY.exec(k);
    if (m) out.push(`${m[1]}-${m[2]}`);
  }
  return out.sort();
}

/** The cumulative lines of every run that reports monthly retention. */
export function retentionData(runs: readonly ScenarioResult[]): RetentionDatum[] {
  const out: RetentionDatum[] = [];
  for (const r of runs) {
    const months = retentionMonths(r);
    if (months.length === 0) continue;
    const start = localMs(r.start) + r.warmupHours * HOUR_MS;
    const end = localMs(r.start) + r.horizonHours * HOUR_MS;
    const mean = (k: string): number | null => meanOf(r.estimates[k]);
    const sums = [0, 0];
    RETENTION_SERIES.forEach((series) => out.push({ scenario: r.scenario, series, t: start, month: "", monthly: 0, cumulative: 0, customers: null }));
    for (const month of months) {
      const [y, mo] = month.split("-").map(Number);
      const t = Math.min(Date.UTC(y, mo, 1), end); // the first of the next month, or the window's end
      const p = `retention.byMonth.${month}.`;
      const values = [mean(p + "churnedRevenue"), mean(p + "serviceChurnRevenue")];
      const customers = [mean(p + "churned"), mean(p + "serviceChurn")];
      RETENTION_SERIES.forEach((series, i) => {
        const v = values[i];
        if (v === null) return;
        sums[i] += v;
        out.push({ scenario: r.scenario, series, t: Math.max(t, start), month, monthly: v, cumulative: sums[i], customers: customers[i] });
      });
    }
  }
  return out;
}

/**
 * Cumulative ARR lost to churn per scenario over time (solid) and its service-caused part
 * (dashed), with each scenario's revenue at risk next year in the subtitle; null when no run
 * reports monthly retention. Throws when there is no run, names repeat or currencies differ.
 */
export function retentionChart(runs: ScenarioResult[]): ChartSpec | null {
  checkRuns(runs, "retentionChart");
  const data = retentionData(runs);
  if (data.length === 0) return null;
  const currency = commonCurrency(runs);
  const drawn = runs.filter((r) => data.some((d) => d.scenario === r.scenario));
  const scenarios = runs.map((r) => r.scenario);
  const money = (x: string) => moneyExpr(x, currency);
  const t0 = Math.min(...data.map((d) => d.t)), t1 = Math.max(...data.map((d) => d.t));
  const days = (t1 - t0) / DAY_MS;
  const xDomain = [t0, t1 + Math.max(2 * DAY_MS, (t1 - t0) * 0.13)];
  // month ticks every `step` months; the year on the first tick and on the first tick of each year
  const step = days > 800 ? 3 : days > 200 ? 2 : 1;
  const axis = days > 62
    ? { tickCount: { interval: "month", step }, labelExpr: `utcFormat(datum.value, '%b') + (utcmonth(datum.value) < ${step} || datum.index == 0 ? ' ' + utcFormat(datum.value, '%Y') : '')` }
    : { tickCount: { interval: "week", step: 1 }, labelExpr: "utcFormat(datum.value, '%-d %b')" };

  // at risk, protected and the net (at risk − protected), always together
  const atRisk = drawn.map((r) => {
    const m = (k: string) => { const x = meanOf(r.estimates[`retention.${k}`]); return x !== null ? formatMoney(x, currency) : "n/a"; };
    return `${r.scenario} ${m("revenueAtRisk")} − ${m("revenueProtected")} = ${m("netRevenueAtRisk")}`;
  });
  const title = drawn.length === 1 ? `Revenue lost to churn over time: ${drawn[0].scenario}` : "Revenue lost to churn over time, by scenario";
  const subtitle = [
    `Annual recurring revenue (ARR) of churned customers, cumulative · ${currency}`,
    "Dashed: the part the service experience caused (below 0: churn it prevented)",
    ...riskLines(atRisk),
  ];
  const lastPoints = data.filter((d, i) => d.series === RETENTION_SERIES[0] && !data.slice(i + 1).some((e) => e.scenario === d.scenario && e.series === d.series));
  // End labels of lines that finish close together would overlap: from the highest down, each
  // label sits at least 7% of the value range below the one above (at its line's end otherwise).
  const values = data.map((d) => d.cumulative);
  const sep = 0.07 * (Math.max(0, ...values) - Math.min(0, ...values) || 1);
  const byHeight = [...lastPoints].sort((a, b) => b.cumulative - a.cumulative);
  const labelY = new Map<RetentionDatum, number>();
  byHeight.forEach((d, k) => labelY.set(d, k === 0 ? d.cumulative : Math.min(d.cumulative, labelY.get(byHeight[k - 1])! - sep)));
  const ends = lastPoints.map((d) => ({ ...d, labelY: labelY.get(d)! }));
  const x = {
    field: "t", type: "temporal", title: null, scale: { type: "utc", domain: xDomain, nice: false },
    axis: { ...axis, grid: false, labelOverlap: true },
  };
  const y = {
    field: "cumulative", type: "quantitative", title: `ARR lost, cumulative (${currency})`,
    axis: { ...axisMoney(currency), tickCount: 6 },
  };
  const color = { field: "scenario", type: "nominal", sort: scenarios, title: "Scenario", scale: scenarioScale(scenarios), legend: drawn.length > 1 ? {} : null };
  const tooltip = [
    { field: "scenario", title: "Scenario" },
    { field: "series", title: "Series" },
    { field: "monthText", title: "Month" },
    { field: "monthlyText", title: "ARR lost in the month" },
    { field: "cumulativeText", title: "ARR lost, cumulative" },
    { field: "customersText", title: "Customers churned in the month" },
  ];
  const base = baseSpec(title, undefined, currency);
  return {
    ...base,
    title: { text: title, subtitle },
    data: { values: data },
    transform: [
      { calculate: money("datum.monthly"), as: "monthlyText" },
      { calculate: money("datum.cumulative"), as: "cumulativeText" },
      { calculate: "datum.month === '' ? 'start of the window' : utcFormat(datetime(toNumber(substring(datum.month, 0, 4)), toNumber(substring(datum.month, 5, 7)) - 1, 1), '%B %Y')", as: "monthText" },
      { calculate: "isValid(datum.customers) ? format(datum.customers, ',.1f') : '–'", as: "customersText" },
    ],
    layer: [
      { mark: { type: "rule", color: "#888888", strokeWidth: 1 }, data: { values: [{ zero: 0 }] }, encoding: { y: { field: "zero", type: "quantitative" } } },
      {
        mark: { type: "line", interpolate: "linear" },
        encoding: {
          x, y, color,
          strokeDash: { field: "series", type: "nominal", title: null, sort: [...RETENTION_SERIES], scale: { domain: [...RETENTION_SERIES], range: [[1, 0], [6, 4]] }, legend: { symbolStrokeWidth: 2.5, symbolType: "stroke", symbolStrokeColor: "#333333" } },
          detail: { field: "series" },
        },
      },
      { mark: { type: "point", size: 36, filled: true }, encoding: { x, y: { field: "cumulative", type: "quantitative" }, color, shape: { value: "circle" }, opacity: { value: 0.9 }, tooltip } },
      {
        data: { values: ends },
        transform: [{ calculate: money("datum.cumulative"), as: "label" }],
        mark: { type: "text", align: "left", baseline: "middle", dx: 8, fontSize: 14, fontWeight: 600 },
        encoding: { x: { field: "t", type: "temporal" }, y: { field: "labelY", type: "quantitative" }, text: { field: "label" }, color },
      },
    ],
  };
}

/** "Revenue at risk next year …: a · b" on one line when short, else a heading and three scenarios a line. */
function riskLines(items: readonly string[]): string[] {
  const head = "Revenue next year, at the end of the horizon: at risk − protected = net at risk";
  const out = [head];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2).join(" · "));
  return out;
}
