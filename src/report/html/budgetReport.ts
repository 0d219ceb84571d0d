/**
 * The budget-proposal outputs of a command: which charts its results call for, the report
 * document around them (summary, KPI table, narrative), and the files `--out` and
 * `supportsim chart` write — `charts/<name>.vl.json` (the Vega-Lite spec), `charts/<name>.svg`
 * and `charts/<name>.png` (rendered in Node), and one self-contained `report.html`.
 */
import { hasCosts, hasCustomers } from "../runs.js";
import { comparisonChart } from "../charts/comparison.js";
import { costBreakdownChart } from "../charts/costs.js";
import { frontierChart } from "../charts/frontier.js";
import { funnelChart } from "../charts/funnel.js";
import type { ScenarioResult } from "../charts/inputs.js";
import { intradayChart } from "../charts/intraday.js";
import { retentionChart } from "../charts/retention.js";
import { staffingChart } from "../charts/staffing.js";
import { unitCostChart } from "../charts/unitCosts.js";
import { volumesChart } from "../charts/volumes.js";
import { trendChart } from "../charts/trend.js";
import { planCapacityChart, planCostChart, planHiresChart } from "../charts/plan.js";
import { planReportDocument } from "./planReport.js";
import { compareNarrative } from "./narrative/compareNarrative.js";
import { runNarrative } from "./narrative/runNarrative.js";
import { staffNarrative } from "./narrative/staffNarrative.js";
import { sweepNarrative } from "./narrative/sweepNarrative.js";
import { compareKpis, runKpis, staffKpis, sweepKpis } from "./kpiTables.js";
import { formatSpan, formatTargetShare } from "../numbers.js";
import { renderChart, type ChartSpec } from "../render/render.js";
import { reportHtml, type ReportDocument } from "./reportHtml.js";
import type { Results } from "../results.js";
import { localAfter } from "../../time/localText.js";

/** A chart of a report: file name (no extension), title for the table of contents, spec. */
export interface NamedChart {
  name: string;
  title: string;
  spec: ChartSpec;
}

/** File-name-safe form of a scenario, channel or pool name. */
export function slug(s: string): string {
  return s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/** Real-time channels first, then deferred; within each, by offered volume (largest first). */
function channelsByVolume(r: ScenarioResult): string[] {
  const offered = (c: string) => r.estimates[`channel.${c}.offered`]?.mean ?? 0;
  return [...r.channels]
    .sort((a, b) => (a.kind === b.kind ? offered(b.name) - offered(a.name) : a.kind === "realtime" ? -1 : 1))
    .map((c) => c.name);
}

/** The charts of one scenario's run: intraday service per channel, volumes, funnel, costs, unit costs, retention. */
function scenarioCharts(r: ScenarioResult, prefix: string, serviceLevelTarget: number): NamedChart[] {
  const out: NamedChart[] = [];
  const add = (name: string, title: string, spec: ChartSpec | null) => {
    if (spec) out.push({ name: prefix + name, title, spec });
  };
  for (const c of channelsByVolume(r)) {
    // the service-level target is a real-time one; a deferred channel's share within its response target has none here
    const realtime = r.channels.find((x) => x.name === c)?.kind === "realtime";
    add(`intraday-${slug(c)}`, `${r.scenario}: ${c} service through the week`, intradayChart(r, c, realtime ? { target: serviceLevelTarget } : {}));
  }
  add("volumes", `${r.scenario}: offered, answered and abandoned through the week`, volumesChart(r));
  add("weeks", `${r.scenario}: service level and agents week by week`, trendChart(r, { target: serviceLevelTarget }));
  return out;
}

/** Service-level target drawn on the intraday charts (the solver's when it has one; else 80 %). */
const DEFAULT_SL_TARGET = 0.8;

/** The charts the results call for, in report order. */
export function chartsFor(res: Results): NamedChart[] {
  switch (res.kind) {
    case "run": {
      const r = res.run;
      const charts = scenarioCharts(r, "", DEFAULT_SL_TARGET);
      // a run without customers (a volume forecast, a single queue) has no funnel or retention to draw, one without costs no costs
      if (hasCustomers(r)) charts.push({ name: "funnel", title: "Demand funnel", spec: funnelChart([r]) });
      if (hasCosts(r)) {
        charts.push({ name: "costs", title: "Cost per month by category", spec: costBreakdownChart([r]) });
        charts.push({ name: "unit-costs", title: "Cost per contact and per resolved need", spec: unitCostChart([r]) });
      }
      const ret = hasCustomers(r) ? retentionChart([r]) : null;
      if (ret) charts.push({ name: "retention", title: "Churn and revenue over time", spec: ret });
      return charts;
    }
    case "compare": {
      const c = res.compare;
      const charts: NamedChart[] = [];
      const cmp = comparisonChart(c);
      if (cmp) charts.push({ name: "comparison", title: "What changes against the reference", spec: cmp });
      if (c.runs.some(hasCosts)) {
        charts.push({ name: "costs", title: "Cost per month by category", spec: costBreakdownChart(c.runs) });
        charts.push({ name: "unit-costs", title: "Cost per contact and per resolved need", spec: unitCostChart(c.runs) });
      }
      if (c.runs.some(hasCustomers)) charts.push({ name: "funnel", title: "Demand funnel", spec: funnelChart(c.runs) });
      const ret = c.runs.some(hasCustomers) ? retentionChart(c.runs) : null;
      if (ret) charts.push({ name: "retention", title: "Churn and revenue over time", spec: ret });
      c.runs.forEach((r, i) => charts.push(...scenarioCharts(r, `${i + 1}-${slug(r.scenario)}-`, DEFAULT_SL_TARGET)));
      return charts;
    }
    case "sweep": {
      const f = frontierChart(res.sweep);
      return f ? [{ name: "frontier", title: "Cost and service across the sweep", spec: f }] : [];
    }
    case "staff": {
      const s = res.staff;
      const charts: NamedChart[] = [];
      for (const p of s.pools) {
        const spec = staffingChart(s, p.pool);
        if (spec) charts.push({ name: `staffing-${slug(p.pool)}`, title: `${p.pool}: agents required and scheduled`, spec });
      }
      return charts;
    }
    case "plan": {
      const p = res.plan;
      const charts: NamedChart[] = [];
      const add = (name: string, title: string, spec: ChartSpec | null) => { if (spec) charts.push({ name, title, spec }); };
      for (const x of p.pools) add(`plan-capacity-${slug(x.pool)}`, `${x.pool}: required vs expected FTE by month`, planCapacityChart(p, x.pool));
      add("plan-hires", "Hires by month", planHiresChart(p));
      add("plan-cost", "Monthly cost by category", planCostChart(p));
      return charts;
    }
  }
}

/** The report around the charts: title, summary, narrative, KPI table. */
export function reportDocument(res: Results, charts: readonly NamedChart[], version: string): Omit<ReportDocument, "charts"> {
  switch (res.kind) {
    case "run": {
      const r = res.run;
      return {
        title: `Support plan: ${r.scenario}`,
        narrativeTitle: "In brief",
        subtitle: `${r.channels.map((c) => c.name).join(", ")} · ${r.tiers.join(" → ")} · ${measuredText(r)}`,
        generated: `supportsim ${version} · seed ${r.seed} · ${r.replications} replications · ${charts.length} charts`,
        summary: runSummary(r),
        narrative: runNarrative(r),
        kpis: runKpis(r),
      };
    }
    case "compare": {
      const c = res.compare;
      return {
        title: `Budget comparison: ${c.scenarios.join(" vs ")}`,
        subtitle: `Differences against ${c.scenarios[0]}, with 95% intervals from paired replications (common random numbers)${c.mode ? ` · ${c.mode.split(":")[0]}` : ""}`,
        generated: `supportsim ${version} · seed ${c.seed} · ${c.replications} replications per scenario · ${charts.length} charts`,
        summary: c.runs.map((r) => ({ label: r.scenario, value: runSummaryLine(r) })),
        narrative: compareNarrative(c),
        kpis: compareKpis(c),
      };
    }
    case "sweep": {
      const sw = res.sweep;
      return {
        title: `Sweep: ${sw.scenario}`,
        narrativeTitle: "In brief",
        subtitle: sw.vary.map((v) => `${v.path} = ${v.values.join(", ")}`).join(" · "),
        generated: `supportsim ${version} · seed ${sw.seed} · ${sw.replications} replications per point · ${sw.points.length} points`,
        summary: [
          { label: "Scenario", value: sw.scenario },
          { label: "Grid", value: `${sw.points.length} points over ${sw.vary.length} parameter${sw.vary.length === 1 ? "" : "s"}` },
        ],
        narrative: sweepNarrative(sw),
        kpis: sweepKpis(sw),
      };
    }
    case "staff": {
      const s = res.staff;
      return {
        title: `Staffing plan: ${s.scenario}`,
        narrativeTitle: "In brief",
        subtitle: `Service level ${formatTargetShare(s.targets.serviceLevel)} within ${s.targets.thresholdSeconds} s in every open interval${s.targets.maxAbandon !== undefined ? `, abandonment ≤ ${formatTargetShare(s.targets.maxAbandon)}` : ""}${s.targets.maxOccupancy !== undefined ? `, occupancy ≤ ${formatTargetShare(s.targets.maxOccupancy)}` : ""}`,
        generated: `supportsim ${version} · seed ${s.seed} · ${s.replications} replications · ${s.evaluations} simulation runs of the search + ${s.check?.runs ?? 1} check run`,
        summary: [
          { label: "Pools sized", value: s.pools.map((p) => p.pool).join(", ") },
          { label: "Week measured", value: `${s.intervalsPerWeek} intervals of ${s.intervalMinutes} min, over ${Math.round(s.weeksMeasured * 10) / 10} weeks` },
          { label: "Targets met", value: s.met ? "yes" : `no: ${s.unmet.join("; ")}` },
        ],
        narrative: staffNarrative(s),
        kpis: staffKpis(s),
      };
    }
    case "plan":
      return planReportDocument(res.plan, charts.length, version);
  }
}

/**
 * The measured window as the report's header says it: "28 days measured from 2027-01-11 00:00 to
 * 2027-02-08 00:00 (America/Chicago), after a warm-up of 7 days" — from the warm-up's end, not
 * the scenario's start.
 */
export function measuredText(r: Pick<ScenarioResult, "start" | "timeZone" | "horizonHours" | "warmupHours">): string {
  const from = localAfter(r.start, r.timeZone, r.warmupHours), to = localAfter(r.start, r.timeZone, r.horizonHours);
  return `${formatSpan(r.horizonHours - r.warmupHours)} measured from ${from} to ${to} (${r.timeZone}), ${r.warmupHours > 0 ? `after a warm-up of ${formatSpan(r.warmupHours)}` : "with no warm-up"}`;
}

function runSummaryLine(r: ScenarioResult): string {
  return `${r.channels.map((c) => c.name).join(", ")}; tiers ${r.tiers.join(" → ")}; ${r.pools.length} pools${r.pools.some((p) => p.vendor) ? " (with a vendor)" : ""}; ${formatSpan(r.horizonHours - r.warmupHours)} measured`;
}

function runSummary(r: ScenarioResult): { label: string; value: string }[] {
  return [
    { label: "Channels", value: r.channels.map((c) => `${c.name} (${c.kind === "realtime" ? "real-time" : "deferred"})`).join(", ") },
    { label: "Tiers", value: r.tiers.join(" → ") },
    { label: "Pools", value: r.pools.map((p) => `${p.name}${p.vendor ? " (vendor)" : ""}`).join(", ") },
    { label: "Customer segments", value: r.segments.join(", ") },
    { label: "Measured", value: measuredText(r) },
    { label: "Service-level threshold", value: `${r.thresholdSeconds} s` },
  ];
}

/**
 * Every file of the charts and the report: `charts/<name>.vl.json|.svg|.png` and `report.html`.
 * Throws when a chart renders with a warning (a chart to fix, not to ship).
 */
export async function reportFiles(res: Results, version: string): Promise<Record<string, string | Uint8Array>> {
  const charts = chartsFor(res);
  const files: Record<string, string | Uint8Array> = {};
  const rendered: ReportDocument["charts"] = [];
  for (const c of charts) {
    const r = await renderChart(c.name, c.spec);
    if (r.warnings.length > 0) throw new Error(`chart ${c.name}: ${r.warnings[0]}`);
    files[`charts/${c.name}.vl.json`] = JSON.stringify(c.spec, null, 2) + "\n";
    files[`charts/${c.name}.svg`] = r.svg;
    files[`charts/${c.name}.png`] = r.png;
    rendered.push({ name: c.name, title: c.title, spec: c.spec, svg: r.svg });
  }
  files["report.html"] = reportHtml({ ...reportDocument(res, charts, version), charts: rendered });
  return files;
}

