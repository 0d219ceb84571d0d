/**
 * The tornado chart of a sensitivity run (api/sensitivity.ts): one panel per KPI, one row per
 * ranged input (largest swing on top), a bar from the KPI at the input's low to the KPI at its
 * high, coloured by which end, around a rule at the base value (every input at expected).
 */
import type { ChartSpec } from "../render/render.js";
import type { SensitivityReport } from "../tables/sensitivityTable.js";
import { metricInfo, metricLabel } from "../metrics.js";
import { axisMoney, axisShare, formatValue } from "../numbers.js";
import { baseSpec, CHART_WIDTH } from "./theme.js";

const END_COLOURS = { "at low": "#56B4E9", "at high": "#D55E00" };

/** The tornado of one KPI; null when no input moves it. */
export function tornadoChart(r: SensitivityReport, kpiIndex: number): ChartSpec | null {
  const k = r.kpis[kpiIndex];
  if (k.base.mean === null) return null;
  const info = metricInfo(k.key);
  const fmt = (x: number) => formatValue(x, info.unit, r.currency, { cents: info.cents });
  const base = k.base.mean;
  const label = (e: (typeof k.inputs)[number]) => `${e.key} (${e.low} … ${e.high})`;
  // a swing whose paired interval covers 0 is drawn faded
  const sig = (e: (typeof k.inputs)[number]) => e.swing.ci95 !== null && !(e.swing.ci95[0] <= 0 && e.swing.ci95[1] >= 0);
  const data = k.inputs.flatMap((e) => [
    { input: label(e), end: "at low", from: base, to: e.atLow.mean ?? base, text: `${fmt(e.atLow.mean ?? base)}`, significant: sig(e) },
    { input: label(e), end: "at high", from: base, to: e.atHigh.mean ?? base, text: `${fmt(e.atHigh.mean ?? base)}`, significant: sig(e) },
  ]);
  const order = k.inputs.map(label);
  const money = info.unit === "money";
  const spec = baseSpec(
    `What moves ${metricInfo(k.key).noun}: ${r.scenario}`,
    [
      `Each input at its low and at its high, the others at their expected values; rule: ${fmt(base)} with every input at expected`,
      `${r.replications} replications per run, the same seed (common random numbers); largest swing on top; faded: the swing's paired 95% interval covers 0`,
    ],
    r.currency,
    { width: CHART_WIDTH, height: Math.max(120, 34 * order.length) },
  );
  // room on both sides for the values written at the bars' ends
  const ends = data.flatMap((d) => [d.from, d.to]), lo = Math.min(...ends), hi = Math.max(...ends), pad = (hi - lo || Math.abs(base) || 1) * 0.12;
  const x = { field: "from", type: "quantitative", title: metricLabel(k.key), scale: { domain: [lo - pad, hi + pad], nice: false, zero: false }, axis: { grid: true, tickCount: 6, ...(money ? axisMoney(r.currency) : info.unit === "share" ? axisShare() : {}) } };
  return {
    ...spec,
    data: { values: data },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y: { field: "input", type: "nominal", sort: order, title: null, axis: { labelLimit: 420 } },
          x, x2: { field: "to" },
          opacity: { condition: { test: "datum.significant", value: 1 }, value: 0.35 },
          color: { field: "end", type: "nominal", title: "the input", scale: { domain: Object.keys(END_COLOURS), range: Object.values(END_COLOURS) }, legend: { orient: "top" } },
          tooltip: [{ field: "input" }, { field: "end" }, { field: "text", title: metricLabel(k.key) }],
        },
      },
      ...(["right", "left"] as const).map((side) => ({
        // values at the bars' ends, where a bar is long enough to keep them apart (tooltips have them all)
        transform: [{ filter: `${side === "left" ? "datum.to >= datum.from" : "datum.to < datum.from"} && abs(datum.to - datum.from) > ${(hi - lo) * 0.04}` }],
        mark: { type: "text", fontSize: 11, align: side, dx: side === "left" ? 4 : -4 },
        encoding: { y: { field: "input", type: "nominal", sort: order }, x: { field: "to", type: "quantitative" }, text: { field: "text" } },
      })),
      { data: { values: [{ base }] }, mark: { type: "rule", color: "#222222", strokeDash: [4, 3] }, encoding: { x: { field: "base", type: "quantitative" } } },
    ],
  };
}
