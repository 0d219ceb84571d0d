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
import { axisNumber, axisShare, formatNumber, formatTargetShare } from "../numbers.js";
import { HOURS_PER_WEEK } from "../../time/units.js";
import { openHours } from "./weekAxis.js";
import { dayMonthText } from "../../time/months.js";

interface TrendRow {
  /** The week's position (0 = the first measured week): x, with a tick on every point. */
  k: number;
  week: string;
  series: string;
  mean: number | null;
  low: number | null;
  high: number | null;
}

function rows(weekStarts: readonly string[], series: string, b: Band, scale = 1): TrendRow[] {
  const s = (v: number | null) => (v === null ? null : v * scale);
  return weekStarts.map((w, k) => ({ k, week: w.slice(0, 10), series, mean: s(b.mean[k]), low: s(b.low[k]), high: s(b.high[k]) }));
}

/**
 * The data of the two panels: service level per real-time channel, and agents on the floor per
 * tier per open hour — the week's agent-hours on the floor ÷ the hours a week the live channels
 * are open (`openHours`: 50 for Mon–Fri 08:00–18:00), so a tier of 15 agents reads about 15, not
 * the 4.5 of an average over all 168 hours (closed hours count as 0 there). Agent-hours worked
 * after closing (finishing a contact) count too. Without the average week (results written
 * without it) or with nothing open, over all 168 hours, as `perHours` says.
 */
export function trendData(r: ScenarioResult): { service: TrendRow[]; agents: TrendRow[]; perHours: number } | null {
  const t = r.trend;
  if (!t || t.weekStarts.length < 2) return null;
  const open = r.profile ? openHours(r.profile) : 0;
  const perHours = open > 0 ? open : HOURS_PER_WEEK;
  const service = t.channels.filter((c) => c.kind === "realtime").flatMap((c) => rows(t.weekStarts, c.name, c.serviceLevel));
  const agents = t.tiers.flatMap((x) => rows(t.weekStarts, x.name, x.agents, HOURS_PER_WEEK / perHours));
  return { service, agents, perHours };
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
  const weekStarts = r.trend!.weekStarts.map((w) => w.slice(0, 10));
  // x: the week's position, a tick on every week (a label on every k-th, at most 13), written as its local start date "11 Jan"
  const every = Math.ceil(weekStarts.length / 13);
  const labels = weekStarts.map((w, k) => (k % every === 0 ? dayMonthText(w) : ""));
  const x = {
    field: "k", type: "quantitative", title: "Week starting (scenario local time)",
    scale: { domain: [0, weekStarts.length - 1], nice: false, zero: false, padding: 12 },
    axis: { values: weekStarts.map((_, k) => k), tickCount: weekStarts.length, labelExpr: `${JSON.stringify(labels)}[datum.value]`, labelOverlap: false, labelAngle: 0, grid: true },
  };
  // the 95% bands (none from a single replication: a band of nulls only would have an infinite extent)
  const bandLayer = (rows: readonly TrendRow[], colourScale: object, field: string) =>
    rows.some((row) => row.low !== null)
      ? [{ mark: { type: "area", opacity: BAND_OPACITY }, encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color: { field, type: "nominal", scale: colourScale } } }]
      : [];
  const channelScale = { domain: channels, range: channels.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]) };
  const tiers = r.tiers;
  const base = baseSpec(
    `Week by week: ${r.scenario}`,
    [
      `Each point: one measured week (from ${r.trend!.weekStarts[0].slice(0, 10)}), ${r.replications > 1 ? `mean over ${r.replications} replications; band: 95% interval` : "one replication (no 95% interval: run two or more)"}`,
      `Top: service level of the real-time channels (target ${formatTargetShare(target)} within ${r.thresholdSeconds} s)`,
      d.perHours < HOURS_PER_WEEK
        ? `Bottom: agents on the floor per tier per open hour (agent-hours of the week ÷ the ${formatNumber(d.perHours, 1)} h the live channels are open)`
        : "Bottom: agents on the floor per tier, averaged over all 168 hours of the week",
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
          ...bandLayer(d.service, channelScale, "series"),
          {
            mark: { type: "line", point: true },
            encoding: {
              x,
              y: { field: "mean", type: "quantitative", title: "Service level", axis: axisShare(), scale: { domain: [0, 1] } },
              color: { field: "series", type: "nominal", title: "Channel", scale: channelScale, legend: { orient: "right", direction: "vertical" } },
              tooltip: [
                { field: "series", title: "Channel" },
                { field: "week", type: "nominal", title: "Week of" },
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
          ...bandLayer(d.agents, tierScale(tiers), "series"),
          {
            mark: { type: "line", point: true },
            encoding: {
              x,
              y: { field: "mean", type: "quantitative", title: d.perHours < HOURS_PER_WEEK ? "Agents per open hour" : "Agents on the floor", axis: axisNumber() },
              color: { field: "series", type: "nominal", title: "Tier", scale: tierScale(tiers), legend: { orient: "right", direction: "vertical" } },
              tooltip: [
                { field: "series", title: "Tier" },
                { field: "week", type: "nominal", title: "Week of" },
                { field: "mean", title: d.perHours < HOURS_PER_WEEK ? "Agents on the floor per open hour" : "Agents on the floor (mean over the week)", format: ",.1f" },
              ],
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: "independent" } },
  };
}
