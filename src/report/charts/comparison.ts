/**
 * Scenario comparison: how much each scenario moves the headline numbers against the first
 * (the reference), with the 95% interval of the difference from paired replications (common
 * random numbers, src/analysis/compare.ts). A point is the mean difference, the bar through
 * it its interval; a difference whose interval covers 0 is not significant (n.s.) and is drawn
 * hollow and faded. One small panel per metric, since units differ (shares in percentage
 * points, money, seconds, hours), each with its zero line and the reference's own value in
 * its subtitle so the size of a change can be judged.
 */
import { metricInfo, type MetricUnit } from "../metrics.js";
import { changeExpr, formatChange, formatValue } from "../numbers.js";
import type { ChartSpec } from "../render/render.js";
import { verdict } from "../significance.js";
import { baseSpec, scenarioScale } from "./theme.js";
import type { CompareResult } from "./inputs.js";

export type { MetricUnit } from "../metrics.js";

/**
 * A metric's label and unit together, as the panels use them (src/report/metrics.ts: the same
 * names as the KPI table and the narrative).
 */
export function metricLabel(key: string): { label: string; unit: MetricUnit } {
  const m = metricInfo(key);
  return { label: m.label, unit: m.unit };
}

/**
 * The headline metrics present in `c.metrics`, in this order: per real-time channel its
 * service level and abandon rate, then first-contact resolution, cost per month, cost per
 * resolved need, CSAT and revenue at risk (and, at equal service, the paid FTE). Real-time channels are those of the runs (or, with
 * no runs, those with a service level).
 */
export function defaultComparisonMetrics(c: CompareResult): string[] {
  const keys = Object.keys(c.metrics);
  const realtime: string[] = [];
  const runs = c.runs ?? [];
  if (runs.length > 0) {
    for (const r of runs) for (const ch of r.channels) if (ch.kind === "realtime" && !realtime.includes(ch.name)) realtime.push(ch.name);
  } else {
    for (const k of keys) {
      const m = /^channel\.(.+)\.serviceLevel$/.exec(k);
      if (m && !realtime.includes(m[1])) realtime.push(m[1]);
    }
  }
  const wanted = [
    ...realtime.flatMap((ch) => [`channel.${ch}.serviceLevel`, `channel.${ch}.abandonRate`]),
    "funnel.fcrRate", "cost.perMonth", "cost.perResolvedNeed", "retention.csat", "retention.revenueAtRisk",
    // at equal service the staff follow the demand: the paid FTE is the saving (or the cost) of a what-if
    ...(c.sizing ? ["cost.paidFte"] : []),
  ];
  return wanted.filter((k) => k in c.metrics);
}

/** Pixels between a difference's point and the start of its label (past the point's radius). */
const LABEL_GAP = 7;

/** A difference's label as the chart writes it (for its width): the change, " n.s." when not significant. */
function labelText(d: DifferenceDatum, unit: MetricUnit, currency: string, info: { cents: boolean }, durationOf: number | undefined): string {
  return formatChange(d.mean, unit, currency, { cents: info.cents, word: "pp", durationOf }) + (d.significant ? "" : " n.s.");
}

/** One difference: a later scenario against the first, on one metric. */
export interface DifferenceDatum {
  metric: string;
  scenario: string;
  mean: number;
  low: number | null;
  high: number | null;
  significant: boolean;
}

/**
 * The differences of the chosen metrics (a difference without a mean is left out); significant
 * as the KPI table and the narrative judge it (significance.ts verdict: the flag and the interval).
 */
export function comparisonData(c: CompareResult, metrics: readonly string[]): DifferenceDatum[] {
  const out: DifferenceDatum[] = [];
  for (const key of metrics) {
    const m = c.metrics[key];
    if (!m) continue;
    m.differences.forEach((d, i) => {
      if (d.mean === null || !Number.isFinite(d.mean)) return;
      out.push({ metric: key, scenario: c.scenarios[i + 1], mean: d.mean, low: d.ci95 ? d.ci95[0] : null, high: d.ci95 ? d.ci95[1] : null, significant: verdict(d) === "significant" });
    });
  }
  return out;
}

/**
 * Differences against the first scenario with their paired 95% intervals, one panel per
 * metric (two columns). `metrics` defaults to `defaultComparisonMetrics(c)`; keys not in
 * `c.metrics` are skipped. Null when fewer than two scenarios or no difference to draw.
 */
export function comparisonChart(c: CompareResult, metrics?: string[]): ChartSpec | null {
  if (c.scenarios.length < 2) return null;
  const keys = (metrics ?? defaultComparisonMetrics(c)).filter((k) => k in c.metrics);
  const data = comparisonData(c, keys);
  const shown = keys.filter((k) => data.some((d) => d.metric === k));
  if (shown.length === 0) return null;
  const currency = c.runs?.[0]?.currency ?? "USD";
  const ref = c.scenarios[0];
  const alts = c.scenarios.slice(1);
  const all = scenarioScale(c.scenarios);
  const colour = { domain: alts, range: all.range.slice(1) };
  const step = 34;
  const columns = shown.length === 1 ? 1 : 2;
  const width = columns === 1 ? 560 : 360;

  const panels = shown.map((key, i) => {
    const info = metricInfo(key);
    const { label, unit } = info;
    const rows = data.filter((d) => d.metric === key);
    const lo = Math.min(0, ...rows.map((d) => d.low ?? d.mean)), hi = Math.max(0, ...rows.map((d) => d.high ?? d.mean));
    // a panel where every difference is exactly 0 (a scenario that changes nothing there) still
    // gets a readable axis: ±1 point for shares, ±1 unit otherwise
    const pad = hi - lo > 0 ? (hi - lo) * 0.12 : unit === "share" ? 0.01 : 1;
    const refValue = c.metrics[key].values[0]?.mean ?? null;
    // a duration's difference in the unit of the reference's value (an e-mail response of 2.1 h changes by 0.02 h, not by 80 s)
    const durationOf = refValue ?? undefined;
    const change = (x: string, axis = false) => changeExpr(x, unit, currency, { cents: info.cents, axis, axisMax: Math.max(Math.abs(lo), Math.abs(hi)) + pad, durationOf });
    const refText = refValue === null ? `${ref}: n/a` : `${ref}: ${formatValue(refValue, unit, currency, info)}`;
    // Labels run from their point outwards, away from zero, so none crosses the zero line; each
    // side is widened, if need be, to hold its labels (DejaVu Sans bold 12.5 px is at most about
    // 8.5 px a character).
    const labelPx = (d: DifferenceDatum) => labelText(d, unit, currency, info, durationOf).length * 8.5 + LABEL_GAP;
    let left = pad - lo, right = hi + pad;
    for (let k = 0; k < 3; k++) {
      const perPx = (left + right) / width;
      for (const d of rows) {
        if (d.mean >= 0) right = Math.max(right, d.mean + labelPx(d) * perPx);
        else left = Math.max(left, -d.mean + labelPx(d) * perPx);
      }
    }
    const x = {
      field: "mean", type: "quantitative", title: null,
      scale: { domain: [-left, right], nice: false, zero: false },
      axis: { labelExpr: change("datum.value", true), tickCount: 4, grid: true, labelFlush: true, labelOverlap: true },
    };
    const y = {
      field: "scenario", type: "nominal", title: null, sort: alts, scale: { domain: alts },
      axis: i % columns === 0 ? { labelFontSize: 13, labelLimit: 150, ticks: false, domain: false } : { labels: false, ticks: false, domain: false, minExtent: 40 },
    };
    const faded = { condition: { test: "datum.significant", value: 1 }, value: 0.4 };
    return {
      width, height: { step },
      title: { text: unit === "share" ? `${label} (pp)` : label, subtitle: refText, fontSize: 15, subtitleFontSize: 12, anchor: "start", offset: 6 },
      data: { values: rows },
      transform: [
        { calculate: JSON.stringify(label), as: "metricLabel" },
        { calculate: change("datum.mean"), as: "meanText" },
        { calculate: `isValid(datum.low) ? ${change("datum.low")} + ' … ' + ${change("datum.high")} : 'n/a'`, as: "ciText" },
        { calculate: `datum.meanText + (datum.significant ? '' : ' n.s.')`, as: "label" },
        { calculate: "datum.significant ? 'yes' : 'no (interval covers 0)'", as: "sigText" },
      ],
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#555555", strokeWidth: 1.2 }, encoding: { x: { field: "zero", type: "quantitative" } } },
        {
          transform: [{ filter: "isValid(datum.low) && isValid(datum.high)" }],
          mark: { type: "rule", strokeWidth: 3, strokeCap: "round" },
          encoding: {
            y,
            x: { field: "low", type: "quantitative" }, x2: { field: "high" },
            color: { field: "scenario", type: "nominal", scale: colour, legend: null },
            opacity: faded,
          },
        },
        {
          mark: { type: "point", filled: false, size: 110, strokeWidth: 2.5, shape: "circle" },
          encoding: {
            x, y,
            color: { field: "scenario", type: "nominal", scale: colour, legend: null },
            fill: { field: "scenario", type: "nominal", scale: colour, legend: null },
            fillOpacity: { condition: { test: "datum.significant", value: 1 }, value: 0 },
            opacity: faded,
            tooltip: [
              { field: "scenario", title: "Scenario" },
              { field: "metricLabel", title: "Metric" },
              { field: "meanText", title: `Difference vs ${ref}` },
              { field: "ciText", title: "95% interval (paired)" },
              { field: "sigText", title: "Significant" },
            ],
          },
        },
        ...[["datum.mean >= 0", "left", LABEL_GAP], ["datum.mean < 0", "right", -LABEL_GAP]].map(([test, align, dx]) => ({
          transform: [{ filter: test }],
          mark: { type: "text", baseline: "bottom", dy: -9, align, dx, fontSize: 12.5, fontWeight: 600, color: "#222222" },
          encoding: { x: { field: "mean", type: "quantitative" }, y, text: { field: "label" }, opacity: { condition: { test: "datum.significant", value: 1 }, value: 0.65 } },
        })),
      ],
    };
  });
  const title = alts.length === 1 ? `${alts[0]} compared with ${ref}` : `How the scenarios differ from ${ref}`;
  const subtitle = [
    `Difference from ${ref}, with its 95% interval from ${c.replications} paired replications`,
    "Shares differ in percentage points (pp); money in " + currency,
    `Hollow and faded, "n.s.": not significant (the interval covers 0)`,
    ...(c.mode ? [`Staffing: ${c.mode.split(":")[0]}${c.sizing ? " (every scenario sized to the same targets first)" : " (each scenario's own schedules)"}`] : []),
  ];
  const base = baseSpec(title, undefined, currency);
  delete base.width;
  delete base.height;
  return { ...base, title: { text: title, subtitle }, concat: panels, columns, spacing: { row: 26, column: 40 }, align: "all" };
}

