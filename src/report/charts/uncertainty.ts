/**
 * Charts of a Monte Carlo over the inputs (api/uncertainty.ts):
 *
 * - the fan chart: each month's cost (and customers churned, when there are customers) as a band
 *   from P10 to P90 over the input sets with the P50 line, one colour per scenario;
 * - the target chart: the probability that each target holds (a bar per target and scenario).
 */
import type { ChartSpec } from "../render/render.js";
import type { UncertaintyReport } from "../tables/uncertaintyTable.js";
import { axisCount, axisMoney, formatCount } from "../numbers.js";
import { BAND_OPACITY, baseSpec, CHART_WIDTH, scenarioScale } from "./theme.js";
import { MONTH_NAMES, daysInMonth } from "../../time/months.js";

interface FanRow { month: string; label: string; scenario: string; panel: string; p10: number; p50: number; p90: number }

/** "2027-03" → "Mar 2027" (the scenario's own calendar month, no time zone in between). */
const monthLabel = (m: string) => `${MONTH_NAMES[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** The monthly bands of the whole measured months: cost.byMonth.<month> and retention.byMonth.<month>.churned, per scenario (a month cut by the warm-up or the horizon would read as a dip). */
export function fanData(r: UncertaintyReport): FanRow[] {
  const out: FanRow[] = [];
  for (const run of r.runs) {
    for (const [key, b] of Object.entries(run.kpis)) {
      const cost = /^cost\.byMonth\.(\d{4}-\d{2})$/.exec(key), churn = /^retention\.byMonth\.(\d{4}-\d{2})\.churned$/.exec(key);
      const m = cost ?? churn;
      if (m === null || b.p10 === null || b.p50 === null || b.p90 === null || (r.monthShares?.[m[1]] ?? 0) < 0.999) continue;
      out.push({ month: m[1], label: monthLabel(m[1]), scenario: run.scenario, panel: cost ? "cost" : "churned", p10: b.p10, p50: b.p50, p90: b.p90 });
    }
  }
  return out.sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The months the fan leaves out because the warm-up or the horizon cuts them, as its subtitle
 * says so (a part-month's cost would read as a dip): "Left out, partial months: Jan 2027 (24 of
 * 31 days measured)"; "" when every month is whole.
 */
export function partialText(r: Pick<UncertaintyReport, "monthShares">): string {
  const parts = Object.entries(r.monthShares ?? {})
    .filter(([, share]) => share > 0 && share < 0.999)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, share]) => `${monthLabel(m)} (${Math.round(share * daysInMonth(m))} of ${daysInMonth(m)} days measured)`);
  return parts.length === 0 ? "" : `Left out, partial months: ${parts.join(", ")}`;
}

/** The fan chart; null when the run has fewer than two months. */
export function fanChart(r: UncertaintyReport, currency: string): ChartSpec | null {
  const data = fanData(r);
  if (new Set(data.map((d) => d.month)).size < 2) return null;
  const colour = { field: "scenario", type: "nominal", title: null, scale: scenarioScale(r.scenarios), legend: r.scenarios.length > 1 ? { orient: "top" } : null };
  const months = [...new Set(data.map((d) => d.month))].sort();
  const x = { field: "label", type: "ordinal", title: null, sort: months.map(monthLabel), scale: { padding: 0.2 }, axis: { labelAngle: 0, grid: true } };
  const panel = (which: "cost" | "churned") => ({
    transform: [{ filter: `datum.panel === '${which}'` }],
    height: 220,
    width: CHART_WIDTH,
    layer: [
      { mark: { type: "area", opacity: BAND_OPACITY * 1.6 }, encoding: { x, y: { field: "p10", type: "quantitative" }, y2: { field: "p90" }, color: colour } },
      {
        mark: { type: "line", point: true, strokeWidth: 2 },
        encoding: {
          x,
          y: {
            field: "p50", type: "quantitative", title: which === "cost" ? `Monthly cost (${currency})` : "Customers churned a month",
            axis: which === "cost" ? axisMoney(currency) : axisCount(), scale: { zero: false },
          },
          color: colour,
          tooltip: [{ field: "label", title: "month" }, { field: "scenario" }, { field: "p10", format: ",.0f", title: "P10" }, { field: "p50", format: ",.0f", title: "P50" }, { field: "p90", format: ",.0f", title: "P90" }],
        },
      },
    ],
  });
  const hasChurn = data.some((d) => d.panel === "churned");
  const base = baseSpec(
    `What the uncertain inputs do to each month: ${r.scenarios.join(" vs ")}`,
    [
      `Whole measured months. Band: P10 to P90 over ${r.sets} input sets drawn from ${r.inputs.length} ranged input${r.inputs.length === 1 ? "" : "s"}; line: P50`,
      ...(partialText(r) ? [partialText(r)] : []),
      `${formatCount(r.replications)} replications per set, the noise of which widens the band a little (docs/model.md §24)`,
    ],
    currency,
  );
  delete base.width;
  return { ...base, data: { values: data }, vconcat: hasChurn ? [panel("cost"), panel("churned")] : [panel("cost")] };
}

/** The probability of each target, a bar per target and scenario; null without targets. */
export function targetChart(r: UncertaintyReport, currency: string): ChartSpec | null {
  const data = r.runs.flatMap((run) => run.targets.filter((t) => t.probability !== null).map((t) => ({ target: t.label, scenario: run.scenario, probability: t.probability! })));
  if (data.length === 0) return null;
  const base = baseSpec(
    "How likely each target is to hold",
    `The share of ${r.sets} input sets (drawn from the scenario's ranges) whose result meets the target`,
    currency,
    { height: Math.max(120, 28 * new Set(data.map((d) => d.target)).size * r.runs.length) },
  );
  return {
    ...base,
    data: { values: data },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.8 } },
        encoding: {
          y: { field: "target", type: "nominal", title: null, sort: null },
          yOffset: { field: "scenario", sort: r.scenarios },
          x: { field: "probability", type: "quantitative", title: "Probability the target holds", scale: { domain: [0, 1] }, axis: { format: ".0%", grid: true } },
          color: { field: "scenario", type: "nominal", title: null, scale: scenarioScale(r.scenarios), legend: r.runs.length > 1 ? { orient: "top" } : null },
          tooltip: [{ field: "target" }, { field: "scenario" }, { field: "probability", format: ".0%" }],
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontWeight: 600 },
        encoding: { y: { field: "target", type: "nominal", sort: null }, yOffset: { field: "scenario", sort: r.scenarios }, x: { field: "probability", type: "quantitative" }, text: { field: "probability", format: ".0%" } },
      },
    ],
  };
}
