/**
 * The report around a budget-year plan's charts (supportsim plan --out): title, summary, a
 * short narrative in numbers, and per pool the year's totals with the end-to-end check.
 */
import type { PlanOutcome } from "../../analysis/plan/planYear.js";
import { formatFixed, formatMoney, formatShare, formatTargetShare } from "../numbers.js";
import type { ReportDocument } from "./reportHtml.js";
import { planTotals } from "../tables/planTable.js";

export function planReportDocument(p: PlanOutcome, charts: number, version: string): Omit<ReportDocument, "charts"> {
  const t = p.targets;
  const totals = planTotals(p);
  const failed = p.check.pools.flatMap((x) => x.months.filter((m) => !m.passed).map((m) => `${x.pool} ${m.month}`));
  const narrative = [
    `To keep the targets in every month of ${p.months[0]} to ${p.months[p.months.length - 1]}, the plan hires ${totals.hires} people (${p.pools.map((x) => `${x.pool}: ${x.rows.reduce((s, r) => s + r.hires, 0)}`).join(", ")}) against ${formatFixed(totals.leavers, 1)} expected leavers, for ${formatMoney(totals.salaries, p.currency)} in salaries and ${formatMoney(totals.hiring, p.currency)} in hiring costs (expected).`,
    p.check.passed
      ? `Simulated with these hires on fresh seeds (${p.check.replications} replications), every pool meets its targets in every month within the 95% interval.`
      : `Simulated with these hires on fresh seeds (${p.check.replications} replications), ${failed.length} pool-month(s) miss a target beyond the 95% interval: ${failed.join(", ")}.`,
    ...(p.shortMonths.length > 0 ? [`The calendar cannot cover the requirement in ${p.shortMonths.length} pool-month(s) (a cap, the lead time or the budget): ${p.shortMonths.map((s) => `${s.pool} ${s.month} short ${formatFixed(s.shortfall, 1)} FTE`).join(", ")}; the check above shows the service those months get.`] : []),
  ];
  return {
    title: `Budget year: ${p.scenario}`,
    narrativeTitle: "In brief",
    subtitle: `Per month: service level ${formatTargetShare(t.serviceLevel)} within ${t.thresholdSeconds} s, deferred work ${formatTargetShare(t.response)} within its response target${t.maxAbandon !== undefined ? `, abandonment ≤ ${formatTargetShare(t.maxAbandon)}` : ""}${t.maxOccupancy !== undefined ? `, occupancy ≤ ${formatTargetShare(t.maxOccupancy)}` : ""}`,
    generated: `supportsim ${version} · seed ${p.seed} · ${p.replications} replications · ${p.search.runs} runs of the requirement search · ${charts} charts`,
    summary: [
      { label: "Months", value: `${p.months.length}: ${p.months[0]} to ${p.months[p.months.length - 1]}` },
      { label: "Pools planned", value: p.pools.map((x) => `${x.pool}${x.defaultWorkforce ? " (default workforce)" : ""}`).join(", ") },
      { label: "Limits", value: [p.limits.maxHiresPerMonth !== null ? `at most ${p.limits.maxHiresPerMonth} hires per pool and month` : "", p.limits.maxHeadcount !== null ? `at most ${p.limits.maxHeadcount} employees per pool` : "", p.limits.budgetPerMonth !== null ? `budget ${formatMoney(p.limits.budgetPerMonth, p.currency)} per month` : ""].filter((s) => s !== "").join("; ") || "none" },
      { label: "End-to-end check", value: p.check.passed ? "every month meets its targets within the 95% interval" : `${failed.length} pool-month(s) miss` },
    ],
    narrative,
    kpis: {
      columns: ["Pool", "Hires", "Expected leavers", "Mean headcount", "Salaries", "Hiring", "Months passing the check", "Lowest monthly service"],
      rows: p.pools.map((x, k) => {
        const c = p.check.pools[k];
        const lows = c.months.map((m) => m.serviceLevel?.mean ?? m.response?.mean ?? null).filter((v): v is number => v !== null);
        return {
          cells: [
            x.pool, String(x.rows.reduce((s, r) => s + r.hires, 0)), formatFixed(x.rows.reduce((s, r) => s + r.leavers, 0), 1),
            formatFixed(x.rows.reduce((s, r) => s + r.headcount, 0) / x.rows.length, 1), formatMoney(x.rows.reduce((s, r) => s + r.salaries, 0), p.currency),
            formatMoney(x.rows.reduce((s, r) => s + r.hiring, 0), p.currency), `${c.months.filter((m) => m.passed).length} of ${c.months.length}`,
            lows.length > 0 ? formatShare(Math.min(...lows)) : "–",
          ],
        };
      }),
      note: "Hires, leavers, headcount and costs are the plan's expectations; the check's service figures are measured (mean of the replications; service level for real-time pools, else the share of deferred work within its response target).",
    },
  };
}
