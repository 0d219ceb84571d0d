/**
 * The budget-year plan's charts (supportsim plan; analysis/plan/planYear.ts): per pool, the
 * required FTE against the expected effective FTE by month (the shortfall shaded); the hires by
 * month per pool; and the monthly cost the end-to-end check measured, stacked by category.
 */
import type { PlanOutcome } from "../../analysis/plan/planYear.js";
import type { ChartSpec } from "../render/render.js";
import { axisMoney, axisNumber } from "../numbers.js";
import { baseSpec, moneyExpr, OTHER_COST_COLOURS, SCENARIO_COLOURS, TARGET_COLOUR, TIER_COLOURS } from "./theme.js";

/** Requirement (line, red) and expected capacity (bars) by month for one pool. */
export function planCapacityChart(p: PlanOutcome, pool: string): ChartSpec | null {
  const row = p.pools.find((x) => x.pool === pool);
  if (!row) return null;
  const data = row.rows.flatMap((r) => [
    { month: r.month, series: "expected effective FTE", value: r.capacity, headcount: r.headcount, hires: r.hires },
    { month: r.month, series: "required FTE", value: r.requirement, headcount: r.headcount, hires: r.hires },
  ]);
  const growth = row.growth > 1 ? `; schedule grown ×${row.growth.toFixed(2)} to hold the peak` : "";
  return {
    ...baseSpec(`${pool}: required vs expected FTE by month`, [`Required: the fewest fully proficient FTE meeting the month's targets in simulation. Expected: survivors of ${row.headcountStart} plus the planned hires, after training, × proficiency${growth}.`]),
    data: { values: data },
    layer: [
      {
        mark: { type: "bar", opacity: 0.75 },
        transform: [{ filter: "datum.series === 'expected effective FTE'" }],
        encoding: {
          x: { field: "month", type: "ordinal", title: "Month" },
          y: { field: "value", type: "quantitative", title: "FTE", scale: { zero: true }, axis: axisNumber() },
          color: { field: "series", type: "nominal", scale: { domain: ["expected effective FTE", "required FTE"], range: [TIER_COLOURS[0], TARGET_COLOUR] }, title: null, legend: { orient: "top" } },
          tooltip: [{ field: "month" }, { field: "value", title: "expected effective FTE", format: ".1f" }, { field: "headcount", title: "headcount", format: ".1f" }, { field: "hires", title: "hires" }],
        },
      },
      {
        mark: { type: "line", point: true, strokeWidth: 2.5 },
        transform: [{ filter: "datum.series === 'required FTE'" }],
        encoding: {
          x: { field: "month", type: "ordinal" },
          y: { field: "value", type: "quantitative" },
          color: { field: "series", type: "nominal" },
          tooltip: [{ field: "month" }, { field: "value", title: "required FTE", format: ".2f" }],
        },
      },
    ],
  } as ChartSpec;
}

/** Hires arriving per month, stacked by pool. */
export function planHiresChart(p: PlanOutcome): ChartSpec | null {
  const data = p.pools.flatMap((x) => x.rows.map((r) => ({ month: r.month, pool: x.pool, hires: r.hires })));
  const total = data.reduce((s, d) => s + d.hires, 0);
  return {
    ...baseSpec("Hires by month", [`${total} hires in all, arriving at the start of each month (or when the first requisition can be filled); requisitions open a lead time earlier.`]),
    data: { values: data },
    mark: { type: "bar" },
    encoding: {
      x: { field: "month", type: "ordinal", title: "Month of arrival" },
      y: { field: "hires", type: "quantitative", title: "Hires", aggregate: "sum", axis: { tickMinStep: 1, format: "d" } },
      color: { field: "pool", type: "nominal", title: "Pool", scale: { domain: p.pools.map((x) => x.pool), range: SCENARIO_COLOURS.slice(0, p.pools.length) } },
      tooltip: [{ field: "month" }, { field: "pool" }, { field: "hires" }],
    },
  } as ChartSpec;
}

/** The monthly cost measured by the end-to-end check, stacked by category (categories that cost nothing left out). */
export function planCostChart(p: PlanOutcome): ChartSpec | null {
  const cats = p.check.costs.filter((c) => c.byMonth.some((v) => v > 0));
  if (cats.length === 0) return null;
  const data = cats.flatMap((c, order) => c.byMonth.map((v, m) => ({ month: p.months[m], category: c.category, order, cost: v })));
  const pools = p.pools.map((x) => x.pool);
  const range = cats.map((c, i) => OTHER_COST_COLOURS[c.category] ?? (pools.includes(c.category) ? TIER_COLOURS[pools.indexOf(c.category) % TIER_COLOURS.length] : SCENARIO_COLOURS[(i + 4) % SCENARIO_COLOURS.length]));
  return {
    ...baseSpec("Monthly cost by category", [`Measured in the end-to-end check of the plan (${p.check.replications} replications, mean); pools' labour includes trainees and staff beyond the schedule. The first month is from the end of the warm-up.`], p.currency),
    data: { values: data },
    transform: [{ calculate: moneyExpr("datum.cost", p.currency), as: "costText" }],
    mark: { type: "bar" },
    encoding: {
      x: { field: "month", type: "ordinal", title: "Month" },
      y: { field: "cost", type: "quantitative", aggregate: "sum", title: `Cost (${p.currency})`, axis: axisMoney(p.currency) },
      color: { field: "category", type: "nominal", title: "Category", scale: { domain: cats.map((c) => c.category), range } },
      order: { field: "order", type: "quantitative" },
      tooltip: [{ field: "month" }, { field: "category" }, { field: "costText", title: "cost" }],
    },
  } as ChartSpec;
}
