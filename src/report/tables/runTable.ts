/**
 * The text report of a run: the demand funnel, then KPIs per channel, tier, segment and need
 * type, each number with its 95% interval over replications. A run without customers (a volume
 * forecast, the simple single-queue form) leaves out what only customers have (funnel, segments,
 * retention) and costs that are all zero; a single queue with an exact solution gets the Erlang
 * answer beside its simulated queueing metrics.
 */
import { daysInMonth, measuredMonthShares } from "../../time/months.js";
import type { Estimate } from "../../analysis/confidence.js";
import type { RunReport } from "../../analysis/experiments/run.js";
import type { AnalyticCheck } from "../../analysis/experiments/analyticCheck.js";
import { formatEstimate, formatValue, METRIC_INFO, type MetricInfo } from "../format.js";
import { hasCosts, hasCustomers } from "../runs.js";
import { fitLines, layout } from "./layout.js";

type Unit = MetricInfo["unit"] | "hours" | "minutes" | "money" | "money2";

function fmt(e: Estimate | undefined, unit: Unit): { mean: string; ci: string } {
  if (!e) return { mean: "–", ci: "" };
  const scale = (x: number | null) => x;
  switch (unit) {
    case "hours":
    case "minutes": {
      const f = (x: number | null) => (x === null || !Number.isFinite(x) ? "–" : `${x.toFixed(x < 10 ? 2 : 1)} ${unit === "hours" ? "h" : "min"}`);
      return { mean: f(scale(e.mean)), ci: e.ci95 ? `${f(e.ci95[0])} – ${f(e.ci95[1])}` : "–" };
    }
    case "money":
    case "money2": {
      const m = new Intl.NumberFormat("en-US", { minimumFractionDigits: unit === "money2" ? 2 : 0, maximumFractionDigits: unit === "money2" ? 2 : 0 });
      const f = (x: number | null) => (x === null || !Number.isFinite(x) ? "–" : m.format(x));
      return { mean: f(e.mean), ci: e.ci95 ? `${f(e.ci95[0])} – ${f(e.ci95[1])}` : "–" };
    }
    default:
      return formatEstimate(e, unit);
  }
}

interface Row { key: string; label: string; unit: Unit }

/** A table with one column pair (mean, 95% CI) per entity and one row per metric. */
function grid(title: string, prefix: string, names: string[], rows: Row[], est: Record<string, Estimate>, width: number): string {
  const header = ["", ...names.flatMap((n) => [n, "95% CI"])];
  const body = rows
    .filter((r) => names.some((n) => est[`${prefix}.${n}.${r.key}`] !== undefined))
    .map((r) => [r.label, ...names.flatMap((n) => { const f = fmt(est[`${prefix}.${n}.${r.key}`], r.unit); return [f.mean, f.ci]; })]);
  return `${title}\n${layout(body, header, { width, groups: names.map(() => 2) })}\n`;
}

/** A channel's end-to-end rows (docs/model.md §8.4), beside its first-answer ones (a deferred channel's hold is its response time: not repeated). */
const END_TO_END = [
  { key: "meanHoldMinutes", label: "End to end: time on hold, all tiers", unit: "minutes" },
  { key: "resolvedFirstLineShare", label: "End to end: resolved in the first line", unit: "percent" },
  { key: "meanHoursToResolution", label: "End to end: time to resolution", unit: "hours" },
  { key: "choiceShare", label: "Share of askers choosing it first", unit: "percent" },
] as const;

/** The report in lines of at most `width` characters (layout.ts; default: the full table). */
export function runTable(r: RunReport, width = Infinity): string {
  const e = r.estimates;
  const needs = e["funnel.needs"]?.mean ?? 0;
  const share = (key: string) => {
    const m = e[key]?.mean;
    return m === null || m === undefined || !(needs > 0) ? "" : `${((m / needs) * 100).toFixed(1)}%`;
  };
  const funnelRows: [string, string, Unit][] = [
    ["Needs (latent demand)", "funnel.needs", "count"],
    ["  deflected by a known-issue notice", "funnel.deflected", "count"],
    ["  tried self-service (L0)", "funnel.triedSelfService", "count"],
    ["  self-served (L0)", "funnel.selfServed", "count"],
    ["  asked for help (requests)", "funnel.asked", "count"],
    ["  unserved (never asked or gave up)", "funnel.unserved", "count"],
    ["  resolved", "funnel.resolved", "count"],
    ["    on first contact", "funnel.resolvedFirstContact", "count"],
    ["  gave up unresolved", "funnel.unresolved", "count"],
    ["  gave up after abandoning", "funnel.abandoned", "count"],
    ["  still open at the end", "funnel.openAtEnd", "count"],
    ["Contacts made (incl. repeats, redials)", "funnel.requests", "count"],
    ["  repeat contacts", "funnel.repeats", "count"],
    ["  redials", "funnel.redials", "count"],
    ["  waited for opening hours", "funnel.waitedForOpening", "count"],
    ["First-contact resolution (of askers)", "funnel.fcrRate", "percent"],
    ["End-to-end resolution (resolved, of askers)", "funnel.resolutionRate", "percent"],
    ["Contacts per resolved need", "funnel.contactsPerResolved", "number"],
    ["Support revenue (per-incident fees)", "funnel.supportRevenue", "money"],
  ];
  const funnel = layout(
    funnelRows.map(([label, key, unit]) => { const f = fmt(e[key], unit); return [label, f.mean, f.ci, unit === "count" && key !== "funnel.requests" && !key.includes("repeats") && !key.includes("redials") && !key.includes("waited") ? share(key) : ""]; }),
    ["Demand funnel", "mean", "95% CI", "of needs"],
    { width },
  );
  const channels = r.channels;
  const realtime = channels.filter((c) => c.kind === "realtime").map((c) => c.name);
  const deferred = channels.filter((c) => c.kind === "deferred").map((c) => c.name);
  const customers = hasCustomers(r);
  const parts = [
    `${r.scenario}`,
    `${r.replications} replication${r.replications === 1 ? "" : "s"} · seed ${r.seed} · ${fmtDays(r.horizonHours)} horizon (warm-up ${fmtDays(r.warmupHours)}) from ${r.start} ${r.timeZone}${customers ? ` · ${Math.round(e["customers.activeAtEnd"]?.mean ?? 0).toLocaleString("en-US")} customers at the end` : " · no customers: a volume forecast"}`,
    "",
    ...(customers ? [funnel, ""] : []),
  ];
  if (r.analytic) parts.push(analyticTable(r.analytic, width));
  if (realtime.length) {
    parts.push(grid(`Real-time channels (service level = answered within ${r.thresholdSeconds} s / offered)`, "channel", realtime, [
      { key: "offered", label: "Offered", unit: "count" },
      { key: "answered", label: "Answered", unit: "count" },
      { key: "serviceLevel", label: "Service level", unit: "percent" },
      { key: "asaSeconds", label: "ASA (answered)", unit: "seconds" },
      { key: "abandonRate", label: "Abandon rate", unit: "percent" },
      { key: "callbacks", label: "Callbacks accepted", unit: "count" },
      ...END_TO_END,
      ...channelCostRows(r.currency),
    ], e, width));
  }
  if (deferred.length) {
    parts.push(grid("Deferred channels (response = time until an agent starts it)", "channel", deferred, [
      { key: "offered", label: "Offered", unit: "count" },
      { key: "answered", label: "Answered", unit: "count" },
      { key: "withinTargetShare", label: "Within response target", unit: "percent" },
      { key: "meanResponseHours", label: "Mean response time", unit: "hours" },
      { key: "meanBacklog", label: "Mean backlog", unit: "number" },
      ...END_TO_END.slice(1),
      ...channelCostRows(r.currency),
    ], e, width));
  }
  parts.push(grid("Tiers (every visit, after transfers and escalations)", "tier", r.tiers, [
    { key: "offered", label: "Offered", unit: "count" },
    { key: "answered", label: "Answered", unit: "count" },
    { key: "resolved", label: "Resolved", unit: "count" },
    { key: "resolutionRate", label: "Resolution rate", unit: "percent" },
    { key: "escalated", label: "Escalated", unit: "count" },
    { key: "transferred", label: "Warm transfers", unit: "count" },
    { key: "heldToLimit", label: "Warm transfers held to the hold limit", unit: "count" },
    { key: "abandoned", label: "Abandoned", unit: "count" },
    { key: "realtimeAsaSeconds", label: "ASA, real-time work", unit: "seconds" },
    { key: "deferredAnswered", label: "Tickets/e-mails/callbacks answered", unit: "count" },
    { key: "deferredMeanWaitHours", label: "Mean wait, tickets/e-mails/callbacks", unit: "hours" },
    { key: "occupancy", label: "Occupancy", unit: "percent" },
    { key: "ahtMinutes", label: "Average handle time", unit: "minutes" },
    { key: "agentHours", label: "Agent hours on the floor", unit: "count" },
    { key: "cost", label: `Cost: its pools and contact charges (${r.currency})`, unit: "money" },
    { key: "costPerContact", label: `Cost per contact handled (${r.currency})`, unit: "money2" },
  ], e, width));
  parts.push(grid("Pools (paid time, breaks included; floor time after shrinkage, vacancies and article time)", "pool", r.pools.map((p) => p.name), [
    { key: "paidHours", label: "Paid hours", unit: "count" },
    { key: "floorHours", label: "Hours on the floor", unit: "count" },
    { key: "lostShare", label: "Scheduled floor time lost", unit: "percent" },
    { key: "occupancy", label: "Occupancy", unit: "percent" },
    { key: "served", label: "Contacts handled", unit: "count" },
    { key: "ahtMinutes", label: "Average handle time", unit: "minutes" },
    { key: "cost", label: `Cost (${r.currency})`, unit: "money" },
    { key: "costPerPaidHour", label: `Cost per paid hour (${r.currency})`, unit: "money2" },
    { key: "headcountEnd", label: "Employees at the end", unit: "number" },
    { key: "headcountMin", label: "Fewest employees", unit: "number" },
    { key: "hires", label: "Hires", unit: "number" },
    { key: "leavers", label: "Leavers", unit: "number" },
  ], e, width));
  if (customers || hasCosts(r)) parts.push(costTable(r, width));
  if (customers) parts.push(retentionTable(r, width));
  if (customers) parts.push(grid("Segments", "segment", r.segments, [
    { key: "needs", label: "Needs", unit: "count" },
    { key: "asked", label: "Asked", unit: "count" },
    { key: "selfServed", label: "Self-served", unit: "count" },
    { key: "unserved", label: "Unserved", unit: "count" },
    { key: "unservedRate", label: "Unserved share", unit: "percent" },
    { key: "resolved", label: "Resolved", unit: "count" },
    { key: "supportRevenue", label: "Support revenue", unit: "money" },
    { key: "dissatisfaction", label: "Wait dissatisfaction", unit: "number" },
    { key: "activeAtEnd", label: "Customers at the end", unit: "count" },
  ], e, width));
  if (customers || r.needTypes.length > 1) parts.push(grid("Need types", "needType", r.needTypes, [
    { key: "needs", label: "Needs", unit: "count" },
    { key: "deflected", label: "Deflected", unit: "count" },
    { key: "selfServed", label: "Self-served", unit: "count" },
    { key: "asked", label: "Asked", unit: "count" },
    { key: "unserved", label: "Unserved", unit: "count" },
    { key: "resolved", label: "Resolved", unit: "count" },
    { key: "fcrRate", label: "First-contact resolution", unit: "percent" },
  ], e, width));
  if (r.calibration) {
    const cal = r.calibration;
    const share = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "–");
    const pct = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%` : "–");
    const n = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    const rows = Object.entries(cal.channels).map(([name, c]) => [name === c.historyChannel ? name : `${name} (${c.historyChannel})`, n.format(c.observedPerWeek), n.format(c.simulatedPerWeek), pct(c.relativeError), share(c.wape)]);
    rows.push(["Total", "", "", pct(cal.total.relativeError), share(cal.total.wape)]);
    parts.push(`Calibration against ${cal.file} (simulated weekly × intraday profile, evaluated at the history's intervals)\n${layout(rows, ["Channel", "history / week", "simulated / week", "volume error", "WAPE"], { width })}${cal.unmatched.length ? `\nNot in the scenario: ${cal.unmatched.join(", ")}` : ""}\n`);
  }
  const mine = Object.keys(e).filter((k) => k.startsWith("metric."));
  if (mine.length > 0) parts.push(meanTable("Your metrics (--metric: a mean over replications of the formula in each)", mine.map((k): [string, string, Unit] => [k.slice("metric.".length), k, "number"]), e, width));
  parts.push(`Counts are per run over the observation window (after the warm-up); needs count from when they arose.`);
  return fitLines(parts.join("\n") + "\n", width);
}

/** The exact Erlang answer beside the simulated queueing metrics of the queue's tier. */
function analyticTable(a: AnalyticCheck, width: number): string {
  const name = a.model === "erlang-a" ? "Erlang A" : "Erlang C";
  const rows = a.rows.map((row) => {
    const info = METRIC_INFO[row.metric];
    const f = formatEstimate(row.simulated, info.unit);
    return [info.label, f.mean, f.ci, formatValue(row.exact, info.unit)];
  });
  const i = a.input;
  const what = `${i.ratePerHour}/h, AHT ${i.ahtMinutes} min, ${i.agents} agents${i.patienceMinutes !== undefined ? `, patience ${i.patienceMinutes} min` : ""}`;
  return `The queue (${a.channel} at ${a.tier}) beside ${name}, the exact steady-state answer of the same model (${what})\n${layout(rows, ["", "simulated", "95% CI", name], { width })}\n`;
}

/** A table of (label, metric key, unit) rows, each with its mean and 95% interval; rows without an estimate are left out. */
function meanTable(title: string, rows: readonly [string, string, Unit][], e: Record<string, Estimate>, width: number): string {
  // "a|b|…": a range over several keys' means, lowest – highest, without an interval of its own
  const body = rows.filter(([, key]) => key.split("|").every((k) => e[k] !== undefined)).map(([label, key, unit]) => {
    const keys = key.split("|");
    if (keys.length > 1) {
      const means = keys.map((k) => e[k].mean).filter((m): m is number => m !== null);
      if (means.length === 0) return [label, "–", ""];
      const lo = Math.min(...means), hi = Math.max(...means);
      return [label, `${fmt({ mean: lo, ci95: null }, unit).mean} – ${fmt({ mean: hi, ci95: null }, unit).mean}`, ""];
    }
    const f = fmt(e[key], unit);
    return [label, f.mean, f.ci];
  });
  return `${layout(body, [title, "mean", "95% CI"], { width })}\n`;
}

/** Costs: totals by category, per month, per unit of work. */
export function costTable(r: RunReport, width: number): string {
  const e = r.estimates;
  const cur = r.currency;
  const rows: [string, string, Unit][] = [
    [`Total cost (${cur})`, "cost.total", "money"],
    ["  per month", "cost.perMonth", "money"],
    ...r.costCategories.map((c): [string, string, Unit] => [`  ${c}`, `cost.byCategory.${c}`, "money"]),
    ["  of no tier or channel (self-service, programmes)", "cost.unallocated", "money"],
    ["Cost per contact answered", "cost.perContact", "money2"],
    ["Cost per resolved need (agent or self-service)", "cost.perResolvedNeed", "money2"],
    ["Cost per customer per month", "cost.perCustomerMonth", "money2"],
  ];
  const months = Object.keys(e).filter((k) => k.startsWith("cost.byMonth.")).sort();
  // a month the warm-up or the horizon cuts says so: its cost is a part-month's, not a dip
  const shares = measuredMonthShares(r.start, r.timeZone, r.horizonHours * 60, r.warmupHours * 60);
  for (const m of months) {
    const label = m.slice("cost.byMonth.".length), share = shares[label] ?? 1;
    const partial = share < 0.999 ? ` (partial: ${Math.round(share * daysInMonth(label))} of ${daysInMonth(label)} days)` : "";
    rows.push([`  month ${label}${partial}`, m, "money"]);
  }
  return meanTable("Costs (after the warm-up)", rows, e, width);
}

/** Experience and retention: the CSAT proxy, churn and revenue. */
function retentionTable(r: RunReport, width: number): string {
  const e = r.estimates;
  const cur = r.currency;
  const rows: [string, string, Unit][] = [
    ["CSAT proxy (closed requests rated above 'resolved slowly')", "retention.csat", "percent"],
    ["Mean experience row (0 quick … 3 never contacted)", "retention.meanExperienceRow", "number"],
    ["Mean churn multiplier of closed needs", "retention.meanChurnMultiplier", "number"],
    ["Customers churned", "retention.churned", "count"],
    ["  range over the loyalty calibrations (optimistic, central, pessimistic)", "retention.churnedOptimistic|retention.churned|retention.churnedPessimistic", "count"],
    ["  of which caused by service experience", "retention.serviceChurn", "number"],
    [`Annual revenue churned (${cur})`, "retention.churnedRevenue", "money"],
    ["  range over the loyalty calibrations (optimistic, central, pessimistic)", "retention.churnedRevenueOptimistic|retention.churnedRevenue|retention.churnedRevenuePessimistic", "money"],
    [`  of which caused by service experience`, "retention.serviceChurnRevenue", "money"],
    [`Recurring revenue earned (${cur})`, "retention.revenueEarned", "money"],
    [`Net recurring revenue at the end, per year (${cur})`, "retention.netRecurringRevenue", "money"],
    ["Customers expected to churn next year because of their experience (net)", "retention.excessChurnNextYear", "number"],
    [`Revenue at risk next year: experience raised churn (${cur})`, "retention.revenueAtRisk", "money"],
    ["  range over the loyalty calibrations (optimistic, central, pessimistic)", "retention.revenueAtRiskOptimistic|retention.revenueAtRisk|retention.revenueAtRiskPessimistic", "money"],
    [`Revenue protected next year: experience lowered churn (${cur})`, "retention.revenueProtected", "money"],
    [`Net revenue at risk next year: at risk − protected (${cur})`, "retention.netRevenueAtRisk", "money"],
  ];
  const table = meanTable("Experience and retention", rows, e, width);
  return r.statusQuoCalibration ? `${table}Calibrated on the status quo: ${r.statusQuoCalibration}.\n` : table;
}

/** A channel's resolution and unit costs (kpi/unitCostValues.ts): end to end, and at its entry tier alone. */
function channelCostRows(currency: string): Row[] {
  return [
    { key: "resolutionRate", label: "Resolved at any tier", unit: "percent" },
    { key: "costPerContact", label: `Cost per contact, end to end (${currency})`, unit: "money2" },
    { key: "entryCostPerContact", label: `  of which at the entry tier (${currency})`, unit: "money2" },
  ];
}

function fmtDays(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} d` : `${hours} h`;
}
