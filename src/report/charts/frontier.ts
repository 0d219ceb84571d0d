/**
 * The sweep's frontier: every grid point of `supportsim sweep` placed on two metrics (by default
 * what it costs, x, and the service it gives, y; any two with `--x --y`), with the 95% interval
 * both ways. The efficient points — those no other point beats on both — are labelled with their
 * parameter values: the menu a budget meeting chooses from; neighbours on it that their
 * intervals tell apart are joined, those within noise dotted (one choice). The others are faded:
 * for each there is a point at least as good on both axes and better on one.
 */
import { metricInfo, type MetricInfo } from "../metrics.js";
import { axisCount, axisDurationExpr, axisMoney, axisNumber, axisShare, valueExpr, type Unit } from "../numbers.js";
import type { ChartSpec } from "../render/render.js";
import { frontierPoints, frontierSteps, hasFrontier, sweepAxes } from "../sweepFrontier.js";
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
 * The frontier of sweep `sw`: x and y the sweep's axes (chosen with `sweep --x --y` and kept in
 * sweep.json, else monthly cost × the first service level: sweepFrontier.ts sweepAxes; `opts`
 * overrides them), one point per grid point with 95% error bars both ways. The Pareto-efficient
 * points (by the means, each axis's better direction from the KPI catalogue) are highlighted and
 * labelled with their parameter values; neighbours on the front whose intervals separate them on
 * either axis are joined by a solid line, neighbours within noise on both by a dotted one marked
 * "within noise": one choice, not two. With an axis that has no better direction (occupancy) the
 * points are drawn without a front. null when either metric is not among the sweep's metrics, or
 * no point has both means.
 */
export function frontierChart(sw: SweepResult, opts: { x?: string; y?: string } = {}): ChartSpec | null {
  const axes = sweepAxes(sw);
  const xKey = opts.x ?? axes.x, yKey = opts.y ?? axes.y;
  if (xKey === null || yKey === null || !sw.metrics.includes(xKey) || !sw.metrics.includes(yKey)) return null;

  const pts = frontierPoints(sw, xKey, yKey);
  if (pts.length === 0) return null;
  const front = hasFrontier(xKey, yKey);
  const steps = frontierSteps(pts, xKey);
  const xInfo = metricInfo(xKey), yInfo = metricInfo(yKey);

  const EFFICIENT = "On the frontier", DOMINATED = "Dominated", POINT = "Grid point";
  const status = (efficient: boolean) => (!front ? POINT : efficient ? EFFICIENT : DOMINATED);
  const values = pts.map((p) => {
    const row: Record<string, unknown> = {
      index: p.point.index,
      x: p.x.mean,
      xLow: p.x.ci95?.[0] ?? p.x.mean,
      xHigh: p.x.ci95?.[1] ?? p.x.mean,
      y: p.y.mean,
      yLow: p.y.ci95?.[0] ?? p.y.mean,
      yHigh: p.y.ci95?.[1] ?? p.y.mean,
      status: status(p.efficient),
      label: sw.vary.map((v) => String(p.point.parameters[v.path] ?? "?")).join(" · "),
    };
    sw.vary.forEach((v, j) => (row[`p${j}`] = p.point.parameters[v.path] ?? null));
    return row;
  });
  const segments = steps.map((s) => ({ x: s.from.x.mean, y: s.from.y.mean, x2: s.to.x.mean, y2: s.to.y.mean, apart: s.apart, midX: (s.from.x.mean + s.to.x.mean) / 2, midY: (s.from.y.mean + s.to.y.mean) / 2 }));

  const currency = sw.currency;
  /** Tooltip values: shares with the decimals the points' spread needs (at least the narrative's one). */
  const digitsFor = (lo: string, hi: string) => {
    const span = Math.max(...values.map((v) => v[hi] as number)) - Math.min(...values.map((v) => v[lo] as number));
    return span < 0.008 ? 2 : 1;
  };
  const fmt = (info: MetricInfo, digits: number) => (e: string) => valueExpr(e, info.unit, currency, { cents: info.cents, digits });
  const fmtX = fmt(xInfo, digitsFor("xLow", "xHigh")), fmtY = fmt(yInfo, digitsFor("yLow", "yHigh"));

  /** Tick labels by unit, never two alike (numbers.ts axis…); durations in one unit per axis. */
  const axisFor = (info: MetricInfo, high: string): Record<string, unknown> => {
    const unit: Unit = info.unit;
    if (unit === "share") return axisShare();
    if (unit === "money") return axisMoney(currency, info.cents);
    if (unit === "count") return axisCount();
    if (unit === "number") return axisNumber();
    const perUnit = unit === "seconds" ? 1 : unit === "minutes" ? 60 : 3600;
    const max = unit === "seconds" ? 0 : Math.max(...values.map((v) => Math.abs(v[high] as number))) * perUnit;
    return { labelExpr: axisDurationExpr(`datum.value * ${perUnit}`, max) };
  };
  const title = (info: MetricInfo) => `${info.label}${info.unit === "money" ? ` (${currency})` : ""}`;

  const colours = front ? { domain: [EFFICIENT, DOMINATED], range: [SCENARIO_COLOURS[0], "#9a9a9a"] } : { domain: [POINT], range: [SCENARIO_COLOURS[0]] };
  const isEfficient = `datum.status === ${JSON.stringify(EFFICIENT)}`;
  const opacity = front ? { condition: { test: isEfficient, value: 1 }, value: 0.45 } : { value: 1 };
  const xEnc = { field: "x", type: "quantitative", title: title(xInfo), scale: { zero: false, nice: true, padding: 24 }, axis: { ...axisFor(xInfo, "xHigh"), tickCount: 6 } };
  const yEnc = { field: "y", type: "quantitative", title: title(yInfo), scale: { zero: false, nice: true, padding: 16 }, axis: { ...axisFor(yInfo, "yHigh"), minExtent: 56 } };
  const tooltip = [
    ...sw.vary.map((v, j) => ({ field: `p${j}`, type: "quantitative", title: v.path })),
    { field: "xText", type: "nominal", title: xInfo.label },
    { field: "yText", type: "nominal", title: yInfo.label },
    { field: "status", type: "nominal", title: "Frontier" },
    { field: "index", type: "quantitative", title: "Grid point" },
  ];

  const noun = (info: MetricInfo) => info.noun.replace(/^the /, "");
  const better = (info: MetricInfo) => `${info.better === -1 ? "lower" : "higher"} ${noun(info)}`;
  const direction = front ? `better: ${better(xInfo)}, ${better(yInfo)}` : `no frontier: ${noun(xInfo.better === 0 ? xInfo : yInfo)} has no better direction`;
  const varied = sw.vary.map((v) => `${shortPath(v.path)} ${v.values.length === 1 ? v.values[0] : `${v.values[0]}–${v.values[v.values.length - 1]}`}`).join(" × ");
  const labelled = sw.vary.map((v) => shortPath(v.path)).join(" · ");
  const noise = steps.some((s) => !s.apart);
  const spec = baseSpec("", undefined, currency);
  // Short lines: headless Vega sizes the chart from an estimate of 0.8 em per character.
  spec.title = {
    text: `${yInfo.label} vs ${noun(xInfo)}`,
    subtitle: [
      `${sw.scenario} · sweep of ${varied} (${values.length} points)`,
      `Mean over ${sw.replications} replications · bars: 95% intervals · ${direction}`,
      front
        ? `Efficient points labelled ${labelled}; joined where their intervals differ${noise ? ", dotted where within noise (one choice)" : ""}`
        : `Points labelled ${labelled}`,
    ],
  };
  const pointEnc = { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } };
  const segmentLayer = (apart: boolean) => ({
    data: { values: segments },
    transform: [{ filter: apart ? "datum.apart" : "!datum.apart" }],
    mark: { type: "rule", color: apart ? SCENARIO_COLOURS[0] : "#6b6b6b", strokeWidth: apart ? 2.5 : 2, ...(apart ? {} : { strokeDash: [2, 4] }) },
    encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, x2: { field: "x2" }, y2: { field: "y2" } },
  });
  const lower = yInfo.better === -1;
  return {
    ...spec,
    data: { values },
    transform: [
      { calculate: `${fmtX("datum.x")} + ' (95%: ' + ${fmtX("datum.xLow")} + '–' + ${fmtX("datum.xHigh")} + ')'`, as: "xText" },
      { calculate: `${fmtY("datum.y")} + ' (95%: ' + ${fmtY("datum.yLow")} + '–' + ${fmtY("datum.yHigh")} + ')'`, as: "yText" },
    ],
    layer: [
      { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x: { ...xEnc, field: "xLow" }, x2: { field: "xHigh" }, y: yEnc, color: { field: "status", type: "nominal", title: null, scale: colours }, opacity } },
      { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { x: pointEnc.x, y: { field: "yLow", type: "quantitative" }, y2: { field: "yHigh" }, color: { field: "status", type: "nominal", title: null, scale: colours }, opacity } },
      // (only the kinds of segment there are: an empty layer would warn of an infinite extent)
      ...(segments.some((s) => s.apart) ? [segmentLayer(true)] : []),
      ...(noise ? [segmentLayer(false)] : []),
      ...(noise
        ? [{
            data: { values: segments },
            transform: [{ filter: "!datum.apart" }],
            mark: { type: "text", align: "left", baseline: lower ? "bottom" : "top", dx: 6, dy: lower ? -4 : 4, fontSize: 12, fontStyle: "italic", color: "#555555" },
            encoding: { x: { field: "midX", type: "quantitative" }, y: { field: "midY", type: "quantitative" }, text: { value: "within noise" } },
          }]
        : []),
      {
        mark: { type: "point", filled: true, stroke: "#ffffff", strokeWidth: 1 },
        encoding: {
          ...pointEnc,
          color: { field: "status", type: "nominal", title: null, scale: colours },
          size: front ? { condition: { test: isEfficient, value: 130 }, value: 70 } : { value: 100 },
          opacity,
          tooltip,
        },
      },
      {
        transform: front ? [{ filter: isEfficient }] : [],
        // Better on both axes than an efficient point nothing can lie (it would dominate it): room for the label.
        mark: { type: "text", align: xInfo.better === 1 ? "left" : "right", baseline: lower ? "top" : "bottom", dx: xInfo.better === 1 ? 7 : -7, dy: lower ? 5 : -5, fontSize: 13, fontWeight: 600, color: SCENARIO_COLOURS[0] },
        encoding: { ...pointEnc, text: { field: "label" } },
      },
    ],
  };
}
