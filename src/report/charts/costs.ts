/**
 * Cost breakdown per scenario: what a month of support costs, stacked by where the money goes
 * (each staffing pool — in-house or vendor — then per-contact charges, self-service, programs
 * such as KCS or problem management, and hiring), with the monthly total on top of each bar.
 *
 * Each category is `cost.byCategory.<category>` (the total over the measured window, warm-up
 * excluded) divided by the measured months, (horizonHours − warmupHours) / 730.5, so a four-week
 * run and a year run compare like for like; their sum is the run's `cost.perMonth`. Pools take
 * their tier's colour (vendor pools a lighter tone), the same in every chart (theme.categoryScale).
 * Categories that cost nothing in every scenario are left out of the chart and its legend.
 */
import type { ChartSpec } from "../render/render.js";
import { axisMoney, formatSpan } from "../numbers.js";
import { checkRuns, commonCurrency, meanOf, measuredHours, measuredMonths, union, windowsDiffer } from "../runs.js";
import { baseSpec, categoryScale, CHART_HEIGHT, moneyExpr } from "./theme.js";
import type { ScenarioResult } from "./inputs.js";

// Kept importable from here: they began in this file.
export { measuredMonths } from "../runs.js";
export { formatMoney as fmtMoney } from "../numbers.js";

/** A measured window as the chart subtitles write it: "56 days", "1,461 h" (numbers.ts formatSpan, short). */
export function spanText(hours: number): string {
  return formatSpan(hours, "short");
}

/** One stacked segment of the chart's data. */
export interface CostDatum {
  scenario: string;
  category: string;
  /** Stacking position (0 at the bottom): the category's place in the category order. */
  order: number;
  /** Average cost per measured month. */
  perMonth: number;
  /** Total over the measured window. */
  total: number;
  /** Share of the scenario's monthly cost. */
  share: number;
}

/**
 * The cost categories of several runs in one order (the stacking order, bottom first): every
 * pool, by tier and then in order of first appearance, then the other categories (contacts, self-service, programs, hiring) in the runs' order.
 */
export function costCategoryOrder(runs: readonly ScenarioResult[]): string[] {
  const tiers = union(runs.map((r) => r.tiers));
  const pools = union(runs.map((r) => r.pools), (p) => p.name);
  const tierOf = new Map(pools.map((p) => [p.name, tiers.indexOf(p.tier)]));
  const cats = union(runs.map((r) => r.costCategories));
  const poolCats = cats.filter((c) => tierOf.has(c));
  // pools by tier (a stable sort keeps first appearance within a tier), so L1 is always at the bottom
  poolCats.sort((a, b) => tierOf.get(a)! - tierOf.get(b)!);
  return [...poolCats, ...cats.filter((c) => !tierOf.has(c))];
}

/** The per-month cost segments (non-zero ones), in scenario order and stacking order. */
export function costData(runs: readonly ScenarioResult[]): CostDatum[] {
  const order = costCategoryOrder(runs);
  const out: CostDatum[] = [];
  for (const r of runs) {
    const months = measuredMonths(r);
    const rows = r.costCategories.map((c) => ({ c, total: meanOf(r.estimates[`cost.byCategory.${c}`]) }));
    const sum = rows.reduce((s, x) => s + (x.total ?? 0), 0);
    for (const { c, total } of rows) {
      if (total === null || total === 0) continue;
      out.push({ scenario: r.scenario, category: c, order: order.indexOf(c), perMonth: total / months, total, share: sum !== 0 ? total / sum : 0 });
    }
  }
  out.sort((a, b) => runs.findIndex((r) => r.scenario === a.scenario) - runs.findIndex((r) => r.scenario === b.scenario) || a.order - b.order);
  return out;
}

/**
 * Stacked bars of the average monthly cost per scenario by cost category, the monthly total
 * labelled on each bar. Throws when there is no run, names repeat, currencies differ, or a
 * run has no measured window.
 */
export function costBreakdownChart(runs: ScenarioResult[]): ChartSpec {
  checkRuns(runs, "costBreakdownChart");
  const currency = commonCurrency(runs);
  const data = costData(runs);
  const present = new Set(data.map((d) => d.category));
  const categories = costCategoryOrder(runs).filter((c) => present.has(c));
  const pools = union(runs.map((r) => r.pools), (p) => p.name);
  const tiers = union(runs.map((r) => r.tiers));
  const scale = categoryScale(categories, pools, tiers);
  // the legend lists the categories top of the stack first, as the bars read
  const colour = { domain: [...scale.domain].reverse(), range: [...scale.range].reverse() };
  const scenarios = runs.map((r) => r.scenario);
  const totals = runs.map((r) => {
    const months = measuredMonths(r);
    const perMonth = data.filter((d) => d.scenario === r.scenario).reduce((s, d) => s + d.perMonth, 0);
    return { scenario: r.scenario, perMonth, total: perMonth * months, window: spanText(measuredHours(r)) };
  });
  const maxTotal = Math.max(0, ...totals.map((t) => t.perMonth));
  const money = (f: string, d = 0) => moneyExpr(`datum.${f}`, currency, d);

  const sameWindow = !windowsDiffer(runs);
  const subtitle = [
    `Average cost per month: total over the measured window ÷ its months (730.5 h each) · ${currency}`,
    sameWindow
      ? `${runs.length === 1 ? "Measured" : "Each scenario measured"} over ${spanText(measuredHours(runs[0]))} after warm-up`
      : `Measured windows differ (${runs.map((r) => `${r.scenario} ${spanText(measuredHours(r))}`).join(", ")})`,
  ];
  const title = runs.length === 1 ? `Monthly cost of ${runs[0].scenario} by category` : "Monthly cost by scenario and category";

  const width = Math.max(280, Math.min(820, scenarios.length * 190));
  const x = { field: "scenario", type: "nominal", title: null, sort: scenarios, axis: { labelAngle: 0, labelFontSize: 14, labelLimit: 200 } };
  return {
    ...baseSpec(title, undefined, currency, { width, height: CHART_HEIGHT + 40 }),
    title: { text: title, subtitle },
    layer: [
      {
        data: { values: data },
        transform: [{ calculate: money("perMonth"), as: "perMonthText" }, { calculate: money("total"), as: "totalText" }, { calculate: "format(datum.share, '.1%')", as: "shareText" }],
        mark: { type: "bar", width: { band: 0.62 }, stroke: "#ffffff", strokeWidth: 0.8 },
        encoding: {
          x,
          y: {
            field: "perMonth", type: "quantitative", stack: "zero",
            title: `Cost per month (${currency})`,
            scale: { domain: [0, maxTotal > 0 ? maxTotal * 1.12 : 1], nice: false },
            axis: { ...axisMoney(currency), tickCount: 6 },
          },
          color: { field: "category", type: "nominal", title: "Cost category", scale: colour, legend: { orient: "right", direction: "vertical", labelLimit: 420 } },
          order: { field: "order", type: "quantitative", sort: "ascending" },
          tooltip: [
            { field: "scenario", title: "Scenario" },
            { field: "category", title: "Category" },
            { field: "perMonthText", title: "Per month" },
            { field: "shareText", title: "Share of the month" },
            { field: "totalText", title: "Total, measured window" },
          ],
        },
      },
      {
        data: { values: totals },
        transform: [{ calculate: money("perMonth"), as: "label" }, { calculate: money("total"), as: "totalText" }],
        mark: { type: "text", baseline: "bottom", dy: -5, fontSize: 15, fontWeight: 600, color: "#222222" },
        encoding: {
          x,
          y: { field: "perMonth", type: "quantitative" },
          text: { field: "label" },
          tooltip: [
            { field: "scenario", title: "Scenario" },
            { field: "label", title: "Cost per month" },
            { field: "totalText", title: "Total, measured window" },
            { field: "window", title: "Measured window" },
          ],
        },
      },
    ],
  };
}
