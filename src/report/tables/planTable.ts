/**
 * The budget-year plan as a terminal table and as plan.csv: one row per pool and month (then
 * the total per month), with the requirement, the expected capacity, hires, leavers,
 * headcount, paid FTE, the shortfall, the expected salaries and hiring cost, and the end-to-end
 * check's figure (service level, or deferred work within its response target) with its 95%
 * interval and verdict.
 */
import type { PlanOutcome } from "../../analysis/plan/planYear.js";
import type { CheckedMonth } from "../../analysis/plan/planCheck.js";
import { csvCell } from "../csv.js";
import { fitLines, layout } from "./layout.js";
import { formatFixed, formatMoney } from "../numbers.js";

/** The year's totals over every pool (expected). */
export function planTotals(p: PlanOutcome) {
  const rows = p.pools.flatMap((x) => x.rows);
  return {
    hires: rows.reduce((s, r) => s + r.hires, 0),
    leavers: rows.reduce((s, r) => s + r.leavers, 0),
    salaries: rows.reduce((s, r) => s + r.salaries, 0),
    hiring: rows.reduce((s, r) => s + r.hiring, 0),
  };
}

/** The figure the check reports for a month: service level where real-time work was offered, else the response share. */
function checkFigure(m: CheckedMonth): { name: string; mean: number; low: number | null; high: number | null } | null {
  const f = m.serviceLevel ?? m.response;
  if (f === null) return null;
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return { name: m.serviceLevel !== null ? "service level" : "response", mean: f.mean, low: f.ci95 ? clip(f.ci95[0]) : null, high: f.ci95 ? clip(f.ci95[1]) : null };
}

const pct = (v: number | null) => (v === null ? "" : `${(v * 100).toFixed(1)}%`);

const COLUMNS = ["pool", "month", "required_fte", "capacity_fte", "shortfall_fte", "hires", "leavers", "headcount", "paid_fte", "salaries", "hiring_cost", "check_figure", "check_mean", "check_low95", "check_high95", "check_passed"];

/** plan.csv: a header row, then one row per pool and month, plain numbers (shares as fractions), ISO months. */
export function planCsv(p: PlanOutcome): string {
  const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(",");
  const lines = [csvLine(COLUMNS)];
  p.pools.forEach((x, k) => x.rows.forEach((r, m) => {
    const f = checkFigure(p.check.pools[k].months[m]);
    const n = (v: number, d = 3) => Number(v.toFixed(d));
    lines.push(csvLine([x.pool, r.month, n(r.requirement), n(r.capacity), n(r.shortfall), r.hires, n(r.leavers), n(r.headcount), n(r.paidFte), n(r.salaries, 2), n(r.hiring, 2), f?.name ?? "", f ? n(f.mean, 4) : "", f?.low != null ? n(f.low, 4) : "", f?.high != null ? n(f.high, 4) : "", p.check.pools[k].months[m].passed ? "yes" : "no"]));
  }));
  return lines.join("\n") + "\n";
}

/** The terminal text: per pool a table of months, then the totals per month and the verdict. */
export function planText(p: PlanOutcome, width = Infinity): string {
  const out: string[] = [];
  const t = p.targets;
  out.push(`Budget year for ${p.scenario}: ${p.months[0]} to ${p.months[p.months.length - 1]}; targets per month: service level ${(t.serviceLevel * 100).toFixed(0)}% within ${t.thresholdSeconds} s, deferred work ${(t.response * 100).toFixed(0)}% within its response target${t.maxAbandon !== undefined ? `, abandonment <= ${(t.maxAbandon * 100).toFixed(1)}%` : ""}${t.maxOccupancy !== undefined ? `, occupancy <= ${(t.maxOccupancy * 100).toFixed(0)}%` : ""}`);
  out.push(`Required FTE: measured (${p.search.runs} simulation runs of ${p.replications} replications${p.search.confirmed ? "" : `, STOPPED at the run cap before a confirming run`}); capacity, hires, leavers, headcount and costs: expected; check: simulated with the hires on fresh seeds (mean [95% interval]).`);
  const head = ["month", "required", "capacity", "short", "hires", "leavers", "headcount", "paid FTE", "salaries", "hiring", "check", "", "ok"];
  p.pools.forEach((x, k) => {
    out.push("");
    out.push(`${x.pool}${x.defaultWorkforce ? " (default workforce)" : ""}: ${x.headcountStart} employees at the start, target ${formatFixed(x.target, 1)} FTE fills the schedule${x.growth > 1 ? `; schedule grown x${x.growth.toFixed(2)} for the peak month` : ""}`);
    const rows = x.rows.map((r, m) => {
      const cm = p.check.pools[k].months[m];
      const f = checkFigure(cm);
      return [r.month, formatFixed(r.requirement, 1), formatFixed(r.capacity, 1), r.shortfall > 1e-6 ? formatFixed(r.shortfall, 1) : "", String(r.hires), formatFixed(r.leavers, 1), formatFixed(r.headcount, 1), formatFixed(r.paidFte, 1), formatMoney(r.salaries, p.currency), formatMoney(r.hiring, p.currency), f ? `${f.name === "response" ? "resp " : "SL "}${pct(f.mean)}` : "–", f && f.low !== null ? `[${pct(f.low)}, ${pct(f.high)}]` : "", cm.passed ? (cm.meanMet ? "yes" : "CI") : "NO"];
    });
    out.push(indent(layout(rows, head, { width: width - 2, groups: [1, 1, 1, 1, 1, 1, 1, 1, 1, 3] })));
  });
  out.push("");
  out.push("All pools");
  const cost = (m: number) => p.check.costs.reduce((s, c) => s + c.byMonth[m], 0);
  const totalRows = p.months.map((month, m) => {
    const sum = (f: (r: PlanOutcome["pools"][number]["rows"][number]) => number) => p.pools.reduce((s, x) => s + f(x.rows[m]), 0);
    return [month, formatFixed(sum((r) => r.requirement), 1), formatFixed(sum((r) => r.capacity), 1), String(sum((r) => r.hires)), formatFixed(sum((r) => r.leavers), 1), formatFixed(sum((r) => r.headcount), 1), formatMoney(sum((r) => r.salaries), p.currency), formatMoney(sum((r) => r.hiring), p.currency), formatMoney(cost(m), p.currency)];
  });
  out.push(indent(layout(totalRows, ["month", "required", "capacity", "hires", "leavers", "headcount", "salaries", "hiring", "measured cost, all categories"], { width: width - 2, groups: [1, 1, 1, 1, 1, 1, 1, 1] })));
  const tot = planTotals(p);
  out.push("");
  out.push(`Year: ${tot.hires} hires, ${formatFixed(tot.leavers, 1)} expected leavers, ${formatMoney(tot.salaries, p.currency)} salaries + ${formatMoney(tot.hiring, p.currency)} hiring (expected); measured cost of everything: ${formatMoney(p.months.reduce((s, _, m) => s + cost(m), 0), p.currency)}.`);
  for (const s of p.shortMonths) out.push(`Short: ${s.pool} ${s.month} by ${formatFixed(s.shortfall, 1)} FTE (the calendar cannot cover it within the limits); the check shows the service it gets.`);
  for (const r of p.rounds) if (r.raised.length > 0) out.push(`Round ${r.round + 1}: ${r.raised.length} pool-month(s) failed the check and were raised: ${r.raised.map((x) => `${x.pool} ${x.month} ${formatFixed(x.from, 1)} -> ${formatFixed(x.to, 1)}`).join(", ")}.`);
  const byWidth = p.check.pools.reduce((s, x) => s + x.months.filter((m) => m.passed && !m.meanMet).length, 0);
  if (byWidth > 0) out.push(`CI: ${byWidth} pool-month(s) pass only because their 95% interval is wide (the mean misses the target): a replication ran short of staff (attrition is random; the plan covers the expected leavers). More --replications narrow it; a larger --max-rounds re-plans them.`);
  out.push(p.check.passed ? "Check: every pool meets its targets in every month within the 95% interval." : `Check: ${p.check.pools.reduce((s, x) => s + x.months.filter((m) => !m.passed).length, 0)} pool-month(s) miss a target beyond the 95% interval (marked NO).`);
  return fitLines(out.join("\n") + "\n", width);
}

const indent = (text: string) => text.split("\n").map((l) => (l === "" ? l : `  ${l}`)).join("\n");
