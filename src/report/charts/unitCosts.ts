/**
 * Unit costs per scenario: what one answered contact and one resolved need cost, the two
 * numbers a budget discussion turns on (a program may raise the cost per contact while it
 * lowers the cost per resolved need, by taking easy contacts away).
 *
 *   cost.perContact       total cost ÷ contacts answered at their channel's entry tier
 *   cost.perResolvedNeed  total cost ÷ needs resolved (by an agent or in self-service)
 *
 * Both are ratios over the measured window, so runs of different lengths compare directly.
 * Two panels side by side, one bar per scenario (scenario colours), the 95% interval over
 * replications as an error bar, and the value in money with cents at the end of each bar.
 * Below them, what a contact costs per tier and per channel (./unitCostBreakdown.ts).
 */
import type { ChartSpec } from "../render/render.js";
import { checkRuns, commonCurrency, meanOf } from "../runs.js";
import { baseSpec, scenarioScale } from "./theme.js";
import { costBarLabels, costBarTransforms, costBarX } from "./costBars.js";
import type { ScenarioResult } from "./inputs.js";
import { unitCostBreakdownPanels } from "./unitCostBreakdown.js";

/** The two unit costs, in panel order. */
export const UNIT_COST_METRICS = [
  { key: "cost.perContact", title: "Per contact answered", note: "total cost ÷ contacts answered" },
  { key: "cost.perResolvedNeed", title: "Per resolved need", note: "total cost ÷ needs resolved" },
] as const;

/** One bar: a scenario's unit cost with its interval (null: no interval, e.g. one replication). */
export interface UnitCostDatum {
  metric: string;
  scenario: string;
  mean: number;
  low: number | null;
  high: number | null;
}

/** The bars of each panel; a scenario whose metric is missing or undefined has no bar there. */
export function unitCostData(runs: readonly ScenarioResult[]): UnitCostDatum[] {
  const out: UnitCostDatum[] = [];
  for (const m of UNIT_COST_METRICS) {
    for (const r of runs) {
      const e = r.estimates[m.key], mean = meanOf(e);
      if (mean === null) continue;
      out.push({ metric: m.key, scenario: r.scenario, mean, low: e.ci95 ? e.ci95[0] : null, high: e.ci95 ? e.ci95[1] : null });
    }
  }
  return out;
}

/**
 * Two panels of horizontal bars (cost per contact answered, cost per resolved need) per
 * scenario with 95% error bars. Throws when there is no run, names repeat, currencies differ,
 * or no run has either metric.
 */
export function unitCostChart(runs: ScenarioResult[]): ChartSpec {
  checkRuns(runs, "unitCostChart");
  const currency = commonCurrency(runs);
  const data = unitCostData(runs);
  if (data.length === 0) throw new RangeError("unitCostChart: no scenario has cost.perContact or cost.perResolvedNeed");
  const scenarios = runs.map((r) => r.scenario);
  const step = Math.max(34, Math.min(56, 200 / scenarios.length));
  const width = 330;
  const xTitle = `Cost (${currency})`;
  const reps = [...new Set(runs.map((r) => r.replications))];
  const repText = reps.length === 1 ? `${reps[0]} replication${reps[0] === 1 ? "" : "s"}` : "replications per scenario";
  const breakdown = unitCostBreakdownPanels(runs, currency, width);
  const subtitle = [
    `Over the measured window; error bars: 95% interval over ${repText} · ${currency}`,
    "Resolved needs: resolved by an agent or in self-service",
    ...(breakdown.length > 0 ? ["By tier and channel: pool costs split by handle time; self-service and programmes belong to no tier"] : []),
  ];
  const title = runs.length === 1 ? `Unit costs of ${runs[0].scenario}` : "Unit costs by scenario";
  const panels = UNIT_COST_METRICS.filter((m) => data.some((d) => d.metric === m.key)).map((m, i) => {
    const rows = data.filter((d) => d.metric === m.key);
    const y = {
      field: "scenario", type: "nominal", title: null, sort: scenarios, scale: { domain: scenarios },
      axis: i === 0 ? { labelFontSize: 14, labelLimit: 220, labelPadding: 8, ticks: false, domain: false } : { labels: false, ticks: false, domain: false },
    };
    return {
      width, height: { step },
      title: { text: m.title, subtitle: m.note, fontSize: 16, subtitleFontSize: 12, anchor: "start" },
      data: { values: rows },
      transform: costBarTransforms(currency),
      encoding: { y },
      layer: [
        {
          mark: { type: "bar", height: { band: 0.6 }, cornerRadiusEnd: 2 },
          encoding: {
            x: costBarX(rows, currency),
            color: { field: "scenario", type: "nominal", sort: scenarios, scale: scenarioScale(scenarios), legend: null },
            tooltip: [
              { field: "scenario", title: "Scenario" },
              { field: "meanText", title: m.title },
              { field: "ciText", title: "95% interval" },
            ],
          },
        },
        {
          transform: [{ filter: "isValid(datum.low) && isValid(datum.high)" }],
          mark: { type: "errorbar", ticks: { size: 10 }, color: "#222222", thickness: 1.5 },
          encoding: { x: { field: "low", type: "quantitative", title: xTitle }, x2: { field: "high" } },
        },
        costBarLabels(currency, 14),
      ],
    };
  });
  const base = baseSpec(title, undefined, currency);
  delete base.width;
  delete base.height;
  if (breakdown.length === 0) return { ...base, title: { text: title, subtitle }, hconcat: panels, spacing: 28 };
  return { ...base, title: { text: title, subtitle }, vconcat: [{ hconcat: panels, spacing: 28 }, { hconcat: breakdown, spacing: 28 }], spacing: 36 };
}
