/**
 * Week by week over the run (the run's `trend`, src/analysis/weeklyTrend.ts): what the average
 * week hides when things change over the horizon — a hiring freeze eroding the floor, a KCS ramp,
 * a seasonal peak. Two panels over the same weeks: the service level of each real-time channel
 * (line per channel, 95% band, the target line), and the agents on the floor per tier (line per
 * tier, band). Channels take the tier palette's order of appearance; tiers their tier colour.
 */
import type { ChartSpec } from "../render/render.js";
import type { Band, ScenarioResult } from "./inputs.js";
import { BAND_OPACITY, baseSpec, CHART_WIDTH, SCENARIO_COLOURS, TARGET_COLOUR, tierScale } from "./theme.js";
import { axisNumber, axisShare, formatTargetShare } from "../numbers.js";

interface TrendRow {
  week: string;
  series: string;
  mean: number | null;
  low: number | null;
  high: number | null;
}

function rows(weekStarts: readonly string[], series: string, b: Band): TrendRow[] {
  return weekStarts.map((w, k) => ({ week: w.slice(0, 10), series, mean: b.mean[k], low: b.low[k], high: b.high[k] }));
}

/** The data of the two panels: service level per real-time channel, agents on the floor per tier. */
export function trendData(r: ScenarioResult): { service: TrendRow[]; agents: TrendRow[] } | null {
  const t = r.trend;
  if (!t || t.weekStarts.length < 2) return null;
  const service = t.channels.filter((c) => c.kind === "realtime").flatMap((c) => rows(t.weekStarts, c.name, c.serviceLevel));
  const agents = t.tiers.flatMap((x) => rows(t.weekStarts, x.name, x.agents));
  return { service, agents };
}

/**
 * The week-by-week chart of one run; null without a trend, with fewer than two whole weeks
 * measured, or with no real-time channel.
 */
export function trendChart(r: ScenarioResult, opts: { target?: number } = {}): ChartSpec | null {
  const d = trendData(r);
  if (!d || d.service.length === 0) return null;
  const target = opts.target ?? 0.8;
  const channels = [...new Set(d.service.map((x) => x.series))];
  const weeks = r.trend!.weekStarts.length;
  const x = { field: "week", type: "temporal", title: null, axis: { format: "%d %b", labelAngle: 0, tickCount: Math.min(weeks, 12), grid: true } };
  const bandLayer = (colourScale: object, field: string) => ({
    mark: { type: "area", opacity: BAND_OPACITY },
    encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color: { field, type: "nominal", scale: colourScale } },
  });
  const channelScale = { domain: channels, range: channels.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]) };
  const tiers = r.tiers;
  const base = baseSpec(
    `Week by week: ${r.scenario}`,
    [
      `Each point: one measured week (from ${r.trend!.weekStarts[0].slice(0, 10)}), mean over ${r.replications} replications; band: 95% interval`,
      `Top: service level of the real-time channels (target ${formatTargetShare(target)} within ${r.thresholdSeconds} s)`,
      "Bottom: agents on the floor per tier, averaged over all 168 hours of the week (closed hours count as 0)",
    ],
    r.currency,
  );
  delete base.width;
  delete base.height;
  return {
    ...base,
    vconcat: [
      {
        width: CHART_WIDTH,
        height: 200,
        data: { values: d.service },
        layer: [
          bandLayer(channelScale, "series"),
          {
            mark: { type: "line", point: true },
            encoding: {
              x,
              y: { field: "mean", type: "quantitative", title: "Service level", axis: axisShare(), scale: { domain: [0, 1] } },
              color: { field: "series", type: "nominal", title: "Channel", scale: channelScale, legend: { orient: "right", direction: "vertical" } },
              tooltip: [
                { field: "series", title: "Channel" },
                { field: "week", type: "temporal", title: "Week of", format: "%d %b %Y" },
                { field: "mean", title: "Service level", format: ".1%" },
                { field: "low", title: "95% low", format: ".1%" },
                { field: "high", title: "95% high", format: ".1%" },
              ],
            },
          },
          { data: { values: [{ target }] }, mark: { type: "rule", strokeDash: [6, 4], color: TARGET_COLOUR, strokeWidth: 2 }, encoding: { y: { field: "target", type: "quantitative" } } },
        ],
      },
      {
        width: CHART_WIDTH,
        height: 200,
        data: { values: d.agents },
        layer: [
          bandLayer(tierScale(tiers), "series"),
          {
            mark: { type: "line", point: true },
            encoding: {
              x,
              y: { field: "mean", type: "quantitative", title: "Agents on the floor", axis: axisNumber() },
              color: { field: "series", type: "nominal", title: "Tier", scale: tierScale(tiers), legend: { orient: "right", direction: "vertical" } },
              tooltip: [
                { field: "series", title: "Tier" },
                { field: "week", type: "temporal", title: "Week of", format: "%d %b %Y" },
                { field: "mean", title: "Agents on the floor (mean over the week)", format: ",.1f" },
              ],
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: "independent" } },
  };
}
