/**
 * The report's KPI tables — one per kind of results: a run's headline metrics, a comparison's
 * means and differences, a sweep's grid points, a staffing plan's pools. Every label comes from
 * src/report/metrics.ts and every number from src/report/numbers.ts, so a value reads the same in
 * the table, the charts and the narrative ($4.45M, 81.9%, −8.1 points, 42 s).
 */
import { headlineKeys } from "../../analysis/experiments/compare.js";
import type { CompareResult, ScenarioResult, StaffResult, SweepResult } from "../charts/inputs.js";
import { metricInfo, metricLabel } from "../metrics.js";
import { formatChange, formatCount, formatFixed, formatMoney, formatRange, formatShare, formatSpan, formatValue } from "../numbers.js";
import type { Emphasis, ReportDocument } from "./reportHtml.js";
import { measuredHours, sameSpans } from "../runs.js";
import { verdict } from "../significance.js";
import { plural } from "../words.js";

/** A KPI table of the report. */
export type KpiTable = ReportDocument["kpis"];

/** A metric's value for a cell ("–" when there is none). */
function cell(key: string, x: number | null | undefined, currency: string): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  const m = metricInfo(key);
  return formatValue(x, m.unit, currency, m);
}

/** A metric's 95% interval for a cell, "low – high", its ends told apart (numbers.ts formatRange). */
function interval(key: string, ci: [number, number], currency: string): string {
  const m = metricInfo(key);
  return formatRange(ci[0], ci[1], m.unit, currency, m);
}

/** "mean (low – high)", or the mean alone without an interval. */
function withInterval(key: string, e: { mean: number | null; ci95: [number, number] | null } | undefined, currency: string): string {
  if (!e || e.mean === null) return "–";
  return `${cell(key, e.mean, currency)}${e.ci95 ? ` (${interval(key, e.ci95, currency)})` : ""}`;
}

/** One run: its headline metrics present (compare.ts order) with mean and 95% interval. */
export function runKpis(r: ScenarioResult): KpiTable {
  const keys = headlineKeys([Object.keys(r.estimates)]);
  const rows = keys.map((k) => {
    const e = r.estimates[k];
    const ci = e.ci95 ? interval(k, e.ci95, r.currency) : "–";
    return { cells: [metricLabel(k), cell(k, e.mean, r.currency), ci] };
  });
  return { columns: ["Metric", "Mean", "95% interval"], rows, note: `Means over ${plural(r.replications, "replication")} with Student-t 95% intervals; totals cover the ${formatSpan(measuredHours(r))} measured.` };
}

/**
 * A comparison: each scenario's mean, then each later scenario's difference against the first,
 * marked better or worse when its paired 95% interval excludes zero and "n.s." (grey) when it
 * does not. Totals over the run are left out when the scenarios cover different spans.
 */
export function compareKpis(c: CompareResult): KpiTable {
  const [ref, ...others] = c.scenarios;
  const currency = c.runs?.[0]?.currency ?? "USD";
  const runs = c.runs ?? [];
  const differ = runs.length === c.scenarios.length && runs.length > 0 && !sameSpans(c);
  const columns = ["Metric", ...c.scenarios, ...others.map((o) => `${o} − ${ref}`)];
  const rows: KpiTable["rows"] = [];
  for (const [key, m] of Object.entries(c.metrics)) {
    const info = metricInfo(key);
    if (info.total && differ) continue;
    const cells = [info.label, ...m.values.map((e) => cell(key, e.mean, currency))];
    const emphasis: Emphasis[] = cells.map(() => null);
    m.differences.forEach((d) => {
      if (d.mean === null || !Number.isFinite(d.mean)) { cells.push("–"); emphasis.push(null); return; }
      const v = verdict(d);
      // a duration's difference in the unit of the reference's value (an e-mail response of 2.1 h changes by 0.02 h, not by 80 s)
      const text = formatChange(d.mean, info.unit, currency, { ...info, durationOf: m.values[0]?.mean ?? undefined });
      if (v === "significant") {
        cells.push(text);
        emphasis.push(info.better === 0 ? null : Math.sign(d.mean) === info.better ? "better" : "worse");
      } else if (v === "no interval") {
        cells.push(text);
        emphasis.push(null);
      } else {
        cells.push(v === "unchanged" ? "no change" : `${text} n.s.`);
        emphasis.push("ns");
      }
    });
    rows.push({ cells, emphasis });
  }
  const notes = [`Differences against ${ref} from paired replications (common random numbers); shares differ in points; n.s.: the 95% interval includes no change.`];
  if (differ) notes.push("The scenarios cover different spans, so totals over the run are left out.");
  return { columns, rows, note: notes.join(" ") };
}

/**
 * A sweep: one row per grid point, its parameters, then its service levels, monthly cost, cost
 * per resolved need and revenue at risk with the revenue protected and the net (those the sweep has), each with its 95% interval.
 * (Meant to replace budgetReport.ts's own sweepKpis, which writes money without K/M and labels
 * metrics as the compare text table does.)
 */
export function sweepKpis(sw: SweepResult): KpiTable {
  const wanted = sw.metrics.filter((m) => /^channel\.[^.]+\.serviceLevel$/.test(m) || ["cost.perMonth", "cost.perResolvedNeed", "retention.revenueAtRisk", "retention.revenueProtected", "retention.netRevenueAtRisk"].includes(m));
  const columns = [...sw.vary.map((v) => v.path), ...wanted.map(metricLabel)];
  const rows = sw.points.map((p) => ({
    cells: [...sw.vary.map((v) => String(p.parameters[v.path])), ...wanted.map((m) => withInterval(m, p.estimates[m], sw.currency))],
  }));
  return { columns, rows, note: `Means over ${plural(sw.replications, "replication")} per point, with 95% intervals; every point uses the same seeds (common random numbers).` };
}

/**
 * A staffing plan: per pool, floor and paid hours a week, FTE, cost a week, against the Erlang
 * start and the shift plan. (Meant to replace budgetReport.ts's own staffKpis, which writes the
 * cost as $36,800 where the chart and the narrative say $36.8K.)
 */
export function staffKpis(s: StaffResult): KpiTable {
  const currency = s.currency ?? "USD";
  const rows = s.pools.map((p) => {
    const plan = s.shifts.find((x) => x.pool === p.pool)?.plan ?? null;
    const floorRequired = p.intervals.reduce((a, iv) => a + iv.required, 0) * (s.intervalMinutes / 60);
    const covered = plan ? plan.coverage.reduce((a, c) => a + c, 0) * (s.intervalMinutes / 60) : null;
    return {
      cells: [
        p.pool,
        formatCount(p.floorHoursPerWeek),
        formatCount(p.paidHoursPerWeek),
        formatFixed(p.paidHoursPerWeek / s.fteHours, 1),
        formatMoney(p.costPerWeek, currency),
        formatCount(p.erlangPaidHoursPerWeek),
        plan ? formatCount(plan.paidHoursPerWeek) : "–",
        plan && covered !== null && floorRequired > 0 ? formatShare(covered / floorRequired - 1, 0) : "–",
      ],
    };
  });
  return {
    columns: ["Pool", "Floor h/week", "Paid h/week", `FTE (${s.fteHours} h)`, "Cost/week", "Erlang paid h/week", "Shift plan paid h/week", "Shift surplus"],
    rows,
    note: "Floor hours are agents needed on the floor; paid hours add shrinkage (and KCS article time). The shift plan covers the requirement with whole shifts; its surplus is floor coverage above the requirement.",
  };
}
