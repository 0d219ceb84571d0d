/**
 * The demand funnel per scenario: what became of the customers' needs. A leader reads where a
 * program moves volume — from agents to self-service, from later tiers to the first contact —
 * and how much demand is never served.
 *
 * Rows (funnel.* and tier.* metrics of src/kpi/values.ts; every need that arose after
 * the warm-up ends in exactly one of deflected, self-served, unserved, resolved, unresolved,
 * abandoned or open at the end — src/model/simulation/needPath.ts):
 *
 *   Needs that arose                       funnel.needs
 *   Deflected by a notice                  funnel.deflected (row shown only when some scenario has any)
 *   Self-served                            funnel.selfServed (knowledge base, no agent)
 *   Asked for help                         funnel.asked: needs with at least one contact
 *                                          (the contacts they made, funnel.requests, are in the tooltip)
 *   Resolved by an agent                   funnel.resolved; its label also says how many at the first
 *                                          contact (funnel.resolvedFirstContact: they overlap the tiers,
 *                                          so they are a note on the bar, not a row beside them)
 *     ↳ at <tier>                          tier.<tier>.resolvedNeeds: each resolved need once, by the tier
 *                                          that resolved it, so these rows add up to "Resolved by an agent"
 *                                          (results written before it was counted: no tier rows)
 *   Asked, not resolved                    funnel.asked − funnel.resolved (abandoned, unresolved,
 *                                          still open, or gave up waiting for opening hours)
 *   Unserved                               funnel.unserved: never asked, or gave up after self-service
 *
 * Bars are grouped by scenario (scenario colours as in every chart); labels give the count and
 * its share of the scenario's needs. Values are totals over the measured window; when the
 * scenarios' windows differ they are per month (total ÷ measured months) so they compare.
 */
import type { ChartSpec } from "../render/render.js";
import { axisCount, formatCount } from "../numbers.js";
import { checkRuns, meanOf, measuredHours, measuredMonths, union, windowsDiffer } from "../runs.js";
import { baseSpec, countExpr, scenarioScale } from "./theme.js";
import type { ScenarioResult } from "./inputs.js";
import { spanText } from "./costs.js";

/** One bar: a scenario's count at a funnel stage. */
export interface FunnelDatum {
  stage: string;
  /** Row position, 0 at the top. */
  order: number;
  scenario: string;
  /** The count (per month when the windows differ). */
  value: number;
  /** Share of the scenario's needs. */
  share: number;
  /** What the row counts, for the tooltip. */
  note: string;
  /** Appended to the bar's label ("" for none). */
  extra: string;
}

interface Stage {
  label: string;
  note: string;
  value: (m: (k: string) => number | null, r: ScenarioResult) => number | null;
}

const ASKED = "Asked for help";
const RESOLVED = "Resolved by an agent";
const get = (r: ScenarioResult) => (k: string): number | null => meanOf(r.estimates[k]);

function stages(runs: readonly ScenarioResult[]): Stage[] {
  const tiers = union(runs.map((r) => r.tiers));
  const anyDeflected = runs.some((r) => (get(r)("funnel.deflected") ?? 0) > 0);
  const list: Stage[] = [
    { label: "Needs that arose", note: "every need that arose after the warm-up", value: (m) => m("funnel.needs") },
  ];
  if (anyDeflected) list.push({ label: "Deflected by a notice", note: "told of a known issue by a proactive notice; no contact needed", value: (m) => m("funnel.deflected") });
  list.push(
    { label: "Self-served", note: "resolved in self-service (knowledge base) without an agent", value: (m) => m("funnel.selfServed") },
    { label: ASKED, note: "needs with at least one contact to support", value: (m) => m("funnel.asked") },
    { label: RESOLVED, note: "needs an agent resolved; of them, at the first contact: resolved by the first tier of the first contact", value: (m) => m("funnel.resolved") },
    ...tiers.map((t): Stage => ({
      label: `↳ at ${t}`,
      note: `needs resolved at ${t}, each counted once, by the tier of the contact that resolved it (after transfers and escalations)`,
      value: (m, r) => (r.tiers.includes(t) ? m(`tier.${t}.resolvedNeeds`) : null),
    })),
    {
      label: "Asked, not resolved",
      note: "abandoned, unresolved, still open at the end, or gave up",
      value: (m) => {
        const a = m("funnel.asked"), s = m("funnel.resolved");
        return a === null || s === null ? null : Math.max(0, a - s);
      },
    },
    { label: "Unserved", note: "never got help: did not ask, or gave up after self-service", value: (m) => m("funnel.unserved") },
  );
  return list;
}

/** The bars of the funnel, stage by stage, scenarios in order; a stage missing in a run has no bar there. */
export function funnelData(runs: readonly ScenarioResult[]): { data: FunnelDatum[]; perMonth: boolean; stages: string[] } {
  const perMonth = windowsDiffer(runs);
  const list = stages(runs);
  const data: FunnelDatum[] = [];
  for (const r of runs) {
    const m = get(r);
    const needs = m("funnel.needs");
    if (needs === null) throw new RangeError(`funnelChart: scenario "${r.scenario}" has no funnel.needs`);
    const div = perMonth ? measuredMonths(r) : 1;
    const contacts = m("funnel.requests"), asked = m("funnel.asked");
    list.forEach((s, order) => {
      const v = s.value(m, r);
      if (v === null) return;
      const note = s.label === ASKED && contacts !== null && asked !== null && asked > 0
        ? `${s.note}; they made ${formatCount(contacts / div)} contacts (${(contacts / asked).toFixed(2)} per need)`
        : s.note;
      const first = s.label === RESOLVED ? m("funnel.resolvedFirstContact") : null;
      const extra = first === null ? "" : ` · ${formatCount(first / div)} at the first contact`;
      data.push({ stage: s.label, order, scenario: r.scenario, value: v / div, share: needs > 0 ? v / needs : 0, note, extra });
    });
  }
  const shown = list.map((s) => s.label).filter((l) => data.some((d) => d.stage === l));
  return { data, perMonth, stages: shown };
}

const LABELS = "Labels: count and share of the scenario's needs · ↳ rows: resolved needs by the tier that resolved them";

/**
 * Horizontal grouped bars of the demand funnel, one group per stage and one bar per scenario.
 * Throws when there is no run, names repeat, or a run lacks funnel.needs.
 */
export function funnelChart(runs: ScenarioResult[]): ChartSpec {
  checkRuns(runs, "funnelChart");
  const { data, perMonth, stages: rows } = funnelData(runs);
  const scenarios = runs.map((r) => r.scenario);
  const max = Math.max(1, ...data.map((d) => d.value));
  const window = spanText(measuredHours(runs[0]));
  const unit = perMonth ? "per month" : `over ${window}`;
  const subtitle = perMonth
    ? ["Needs per month (total ÷ measured months: the scenarios' windows differ)", LABELS]
    : [`Needs over the measured ${window} after warm-up`, LABELS];
  const title = runs.length === 1 ? `What became of customers' needs: ${runs[0].scenario}` : "What became of customers' needs, by scenario";
  const step = scenarios.length === 1 ? 26 : 19;
  const base = baseSpec(title, undefined, runs[0].currency, { width: 640 });
  return {
    ...base,
    title: { text: title, subtitle },
    height: { step },
    data: { values: data },
    transform: [
      { calculate: `${countExpr("datum.value")} + ' (' + format(datum.share, '.0%') + ')' + datum.extra`, as: "label" },
      { calculate: "format(datum.value, ',.0f')", as: "valueText" },
      { calculate: "format(datum.share, '.1%')", as: "shareText" },
    ],
    encoding: {
      y: {
        field: "stage", type: "nominal", title: null, sort: rows,
        axis: { labelFontSize: 14, labelLimit: 300, labelPadding: 8, ticks: false, domain: false, labelFontWeight: { expr: "indexof(datum.label, '↳') === 0 ? 'normal' : 600" } },
      },
      yOffset: { field: "scenario", type: "nominal", sort: scenarios, scale: { paddingInner: 0.08 } },
      x: {
        field: "value", type: "quantitative",
        title: `Needs ${unit}`,
        scale: { domain: [0, max * 1.2], nice: false },
        axis: { ...axisCount(), tickCount: 6, grid: true },
      },
      color: {
        field: "scenario", type: "nominal", sort: scenarios, title: "Scenario", scale: scenarioScale(scenarios),
        legend: runs.length > 1 ? { orient: "top", direction: "horizontal", offset: 4 } : null,
      },
      tooltip: [
        { field: "scenario", title: "Scenario" },
        { field: "stage", title: "Stage" },
        { field: "valueText", title: perMonth ? "Needs per month" : "Needs" },
        { field: "shareText", title: "Share of needs" },
        { field: "note", title: "Counts" },
      ],
    },
    layer: [
      { mark: { type: "bar", cornerRadiusEnd: 2 } },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 5, fontSize: 12.5 }, encoding: { text: { field: "label" }, color: { value: "#333333" } } },
    ],
  };
}
