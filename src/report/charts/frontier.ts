/**
 * The sweep's cost/service frontier: every grid point of `supportsim sweep` placed by what it
 * costs (x) and the service it gives (y), with the 95% interval both ways. The efficient points
 * — those no other point beats on both cost and service — are joined and labelled with their
 * parameter values: the menu a budget meeting chooses from. The others are faded: for each
 * there is a point that is cheaper and at least as good, or better at no more cost.
 */
import { metricInfo } from "../metrics.js";
import { axisCountExpr, axisDurationExpr, axisMoneyExpr, valueExpr, type Unit } from "../numbers.js";
import type { ChartSpec } from "../render/render.js";
import { frontierPoints, sweepAxes } from "../sweepFrontier.js";
import type { SweepResult } from "./inputs.js";
import { SCENARIO_COLOURS, baseSpec } from "./theme.js";

/** Which points are efficient is decided with the sweep narrative's, in src/report/sweepFrontier.ts; kept importable from here. */
export { paretoFront } from "../sweepFrontier.js";

/** "pools.L2.agents" → "L2 agents", 'pools."L1.5".agents' → "L1.5 agents" (the last two segments of a --vary path; a quoted name is one). */
export function shortPath(path: string): string {
  const parts = (path.match(/"[^"]*"|[^.]+/g) ?? [path]).map((p) => p.replace(/^"|"$/g, ""));
  return parts.slice(-2).join(" ");
}

/**
 * The cost/service frontier of sweep `sw`: x the cost metric, y the service metric (`opts.cost`
 * and `opts.service`, by default the sweep's axes as the narrative reads them: sweepFrontier.ts
 * sweepAxes), one point per grid point with 95% error bars both ways, the Pareto-efficient points
 * (by the means) joined, highlighted and labelled with their parameter values. null when either
 * metric is not among the sweep's metrics, or no point has both means.
 */
export function frontierChart(sw: SweepResult, opts: { cost?: string; service?: string } = {}): ChartSpec | null {
  const axes = sweepAxes(sw);
  const cost = opts.cost ?? axes.cost;
  const service = opts.service ?? axes.service;
  if (cost === null || service === null || !sw.metrics.includes(cost) || !sw.metrics.includes(service)) return null;

  const pts = frontierPoints(sw, cost, service);
  if (pts.length === 0) return null;
  const costInfo = metricInfo(cost), serviceInfo = metricInfo(service);
  const lower = serviceInfo.better === -1;

  const EFFICIENT = "On the frontier", DOMINATED = "Dominated";
  const values = pts.map((x) => {
    const row: Record<string, unknown> = {
      index: x.point.index,
      cost: x.cost.mean,
      costLow: x.cost.ci95?.[0] ?? x.cost.mean,
      costHigh: x.cost.ci95?.[1] ?? x.cost.mean,
      service: x.service.mean,
      serviceLow: x.service.ci95?.[0] ?? x.service.mean,
      serviceHigh: x.service.ci95?.[1] ?? x.service.mean,
      status: x.efficient ? EFFICIENT : DOMINATED,
      label: sw.vary.map((v) => String(x.point.parameters[v.path] ?? "?")).join(" · "),
    };
    sw.vary.forEach((v, j) => (row[`p${j}`] = x.point.parameters[v.path] ?? null));
    return row;
  });

  const currency = sw.currency;
  const costUnit = costInfo.unit;
  const serviceUnit = serviceInfo.unit;
  let lo = Infinity, hi = -Infinity;
  for (const v of values) (lo = Math.min(lo, v.serviceLow as number)), (hi = Math.max(hi, v.serviceHigh as number));
  const span = hi - lo;
  // share ticks need more decimals when the points are close (the axis has about eight ticks, so
  // a span under 8 points puts them under a point apart); the values themselves at least the narrative's one
  const digits = span < 0.008 ? 2 : span < 0.08 ? 1 : 0;
  const fmtCost = (x: string) => valueExpr(x, costUnit, currency, { cents: costInfo.cents, digits: Math.max(1, digits) });
  const fmtService = (x: string) => valueExpr(x, serviceUnit, currency, { cents: serviceInfo.cents, digits: Math.max(1, digits) });

  /** Tick labels: shares with the decimals the span needs, money and counts in K from a thousand, durations in one unit per axis (seconds in s; minutes and hours in min or h); other numbers with two decimals. */
  const axisFor = (unit: Unit, cents: boolean, high: string): Record<string, unknown> => {
    if (unit === "share") return { format: `.${digits}%` };
    if (unit === "money") return { labelExpr: axisMoneyExpr("datum.value", currency, cents) };
    if (unit === "count") return { labelExpr: axisCountExpr("datum.value") };
    if (unit === "seconds") return { labelExpr: axisDurationExpr("datum.value", 0) };
    if (unit === "number") return { format: ",.2~f" };
    const perUnit = unit === "minutes" ? 60 : 3600;
    const max = Math.max(...values.map((v) => Math.abs(v[high] as number)));
    return { labelExpr: axisDurationExpr(`datum.value * ${perUnit}`, max * perUnit) };
  };

  const colours = { domain: [EFFICIENT, DOMINATED], range: [SCENARIO_COLOURS[0], "#9a9a9a"] };
  const opacity = { condition: { test: `datum.status === ${JSON.stringify(EFFICIENT)}`, value: 1 }, value: 0.45 };
  const xEnc = { field: "cost", type: "quantitative", title: `${costInfo.label}${costUnit === "money" ? ` (${currency})` : ""}`, scale: { zero: false, nice: true, padding: 24 }, axis: { ...axisFor(costUnit, costInfo.cents, "costHigh"), tickCount: 6 } };
  const yEnc = { field: "service", type: "quantitative", title: serviceInfo.label, scale: { zero: false, nice: true, padding: 16 }, axis: { ...axisFor(serviceUnit, serviceInfo.cents, "serviceHigh"), minExtent: 56 } };
  const tooltip = [
    ...sw.vary.map((v, j) => ({ field: `p${j}`, type: "quantitative", title: v.path })),
    { field: "costText", type: "nominal", title: costInfo.label },
    { field: "serviceText", type: "nominal", title: serviceInfo.label },
    { field: "status", type: "nominal", title: "Frontier" },
    { field: "index", type: "quantitative", title: "Grid point" },
  ];

  const varied = sw.vary.map((v) => `${shortPath(v.path)} ${v.values.length === 1 ? v.values[0] : `${v.values[0]}–${v.values[v.values.length - 1]}`}`).join(" × ");
  const spec = baseSpec("", undefined, currency);
  // Short lines: headless Vega sizes the chart from an estimate of 0.8 em per character.
  spec.title = {
    text: `${serviceInfo.label} vs ${costInfo.label.toLowerCase()}`,
    subtitle: [
      `${sw.scenario} · sweep of ${varied} (${values.length} points)`,
      `Mean over ${sw.replications} replications · bars: 95% intervals · ${lower ? "lower" : "higher"} is better`,
      `Joined: efficient points, labelled ${sw.vary.map((v) => shortPath(v.path)).join(" · ")}`,
    ],
  };
  return {
    ...spec,
    data: { values },
    transform: [
      { calculate: `${fmtCost("datum.cost")} + ' (95%: ' + ${fmtCost("datum.costLow")} + '–' + ${fmtCost("datum.costHigh")} + ')'`, as: "costText" },
      { calculate: `${fmtService("datum.service")} + ' (95%: ' + ${fmtService("datum.serviceLow")} + '–' + ${fmtService("datum.serviceHigh")} + ')'`, as: "serviceText" },
    ],
    layer: [
      { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x: { field: "costLow", type: "quantitative" }, x2: { field: "costHigh" }, y: { field: "service", type: "quantitative" }, color: { field: "status", type: "nominal", title: null, scale: colours }, opacity } },
      { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x: { field: "cost", type: "quantitative" }, y: { field: "serviceLow", type: "quantitative" }, y2: { field: "serviceHigh" }, color: { field: "status", type: "nominal", title: null, scale: colours }, opacity } },
      { transform: [{ filter: `datum.status === ${JSON.stringify(EFFICIENT)}` }], mark: { type: "line", color: SCENARIO_COLOURS[0], strokeWidth: 2.5 }, encoding: { x: xEnc, y: yEnc, order: { field: "cost", type: "quantitative" } } },
      {
        mark: { type: "point", filled: true, stroke: "#ffffff", strokeWidth: 1 },
        encoding: {
          x: { field: "cost", type: "quantitative" },
          y: { field: "service", type: "quantitative" },
          color: { field: "status", type: "nominal", title: null, scale: colours },
          size: { condition: { test: `datum.status === ${JSON.stringify(EFFICIENT)}`, value: 130 }, value: 70 },
          opacity,
          tooltip,
        },
      },
      {
        transform: [{ filter: `datum.status === ${JSON.stringify(EFFICIENT)}` }],
        // Better-and-cheaper of an efficient point nothing can lie (it would dominate it): room for the label.
        mark: { type: "text", align: "right", baseline: lower ? "top" : "bottom", dx: -7, dy: lower ? 5 : -5, fontSize: 13, fontWeight: 600, color: SCENARIO_COLOURS[0] },
        encoding: { x: { field: "cost", type: "quantitative" }, y: { field: "service", type: "quantitative" }, text: { field: "label" } },
      },
    ],
  };
}
