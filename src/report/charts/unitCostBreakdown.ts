/**
 * The unit-costs chart's second row (./unitCosts.ts): what a contact costs per tier and per
 * channel, as kpi/unitCostValues.ts allocates the cost (docs/model.md §19.1):
 *
 *   tier.<t>.costPerContact       the tier's pools and contact charges ÷ contacts handled there
 *   channel.<c>.costPerContact    every tier the channel's contacts reach ÷ its contacts answered at entry
 *
 * One bar per (tier or channel, scenario): the tier or channel on the y axis, the scenarios side
 * by side within it (the scenario colours of the panels above, which name them), the 95% interval over replications as a rule, and the
 * value in money with cents at the end of each bar.
 */
import { meanOf } from "../runs.js";
import { scenarioScale } from "./theme.js";
import { costBarLabels, costBarTransforms, costBarX } from "./costBars.js";
import type { ScenarioResult } from "./inputs.js";

/** The two breakdown panels, in order: the family of the keys, their metric, the panel's title and note. */
export const UNIT_COST_BREAKDOWNS = [
  { family: "tier", metric: "costPerContact", title: "Per contact handled, by tier", note: "the tier's pools and contact charges ÷ contacts it handled" },
  { family: "channel", metric: "costPerContact", title: "Per contact, by channel, end to end", note: "every tier its contacts reach ÷ contacts answered" },
] as const;

/** One bar: a tier's or channel's unit cost in one scenario, with its interval (null: none). */
export interface UnitCostBreakdownDatum {
  family: "tier" | "channel";
  element: string;
  scenario: string;
  mean: number;
  low: number | null;
  high: number | null;
}

/** The elements of a family in the runs' order (the first run's tiers or channels, then any later ones'). */
function elementsOf(runs: readonly ScenarioResult[], family: "tier" | "channel"): string[] {
  const out: string[] = [];
  for (const r of runs) for (const e of family === "tier" ? r.tiers : r.channels.map((c) => c.name)) if (!out.includes(e)) out.push(e);
  return out;
}

/** The bars of both panels; a scenario without the metric for an element has no bar there. */
export function unitCostBreakdownData(runs: readonly ScenarioResult[]): UnitCostBreakdownDatum[] {
  const out: UnitCostBreakdownDatum[] = [];
  for (const b of UNIT_COST_BREAKDOWNS) {
    for (const element of elementsOf(runs, b.family)) {
      for (const r of runs) {
        const e = r.estimates[`${b.family}.${element}.${b.metric}`], mean = meanOf(e);
        if (mean === null) continue;
        out.push({ family: b.family, element, scenario: r.scenario, mean, low: e.ci95 ? e.ci95[0] : null, high: e.ci95 ? e.ci95[1] : null });
      }
    }
  }
  return out;
}

/** The breakdown panels that have bars (Vega-Lite layers), `width` wide, money in `currency`. */
export function unitCostBreakdownPanels(runs: readonly ScenarioResult[], currency: string, width: number): object[] {
  const data = unitCostBreakdownData(runs);
  const scenarios = runs.map((r) => r.scenario);
  const many = scenarios.length > 1;
  const xTitle = `Cost (${currency})`;
  return UNIT_COST_BREAKDOWNS.filter((b) => data.some((d) => d.family === b.family)).map((b) => {
    const rows = data.filter((d) => d.family === b.family);
    const elements = elementsOf(runs, b.family).filter((e) => rows.some((d) => d.element === e));
    const x = costBarX(rows, currency);
    const offset = many ? { yOffset: { field: "scenario", type: "nominal", sort: scenarios, scale: { domain: scenarios } } } : {};
    return {
      // with scenarios side by side the step is one scenario's bar within a tier or channel
      width, height: { step: many ? 24 : 36 },
      title: { text: b.title, subtitle: b.note, fontSize: 16, subtitleFontSize: 12, anchor: "start" },
      data: { values: rows },
      transform: costBarTransforms(currency),
      encoding: {
        y: { field: "element", type: "nominal", title: null, sort: elements, scale: { domain: elements }, axis: { labelFontSize: 14, labelPadding: 8, ticks: false, domain: false } },
        ...offset,
      },
      layer: [
        {
          mark: { type: "bar", height: { band: many ? 0.9 : 0.6 }, cornerRadiusEnd: 2 },
          encoding: {
            x,
            color: { field: "scenario", type: "nominal", sort: scenarios, scale: scenarioScale(scenarios), legend: null },
            tooltip: [
              { field: "element", title: b.family === "tier" ? "Tier" : "Channel" },
              { field: "scenario", title: "Scenario" },
              { field: "meanText", title: b.title },
              { field: "ciText", title: "95% interval" },
            ],
          },
        },
        {
          transform: [{ filter: "isValid(datum.low) && isValid(datum.high)" }],
          mark: { type: "rule", color: "#222222", strokeWidth: 1.5 },
          encoding: { x: { field: "low", type: "quantitative", title: xTitle }, x2: { field: "high" } },
        },
        costBarLabels(currency, many ? 12 : 14),
      ],
    };
  });
}
