/**
 * The narrative of a staffing plan (the rules every narrative keeps: ./sentences.ts).
 */
import type { StaffResult } from "../../charts/inputs.js";
import { formatCount, formatFixed, formatMoney, formatNumber, formatShare, formatTargetShare } from "../../numbers.js";
import { HOURS_PER_MONTH, HOURS_PER_WEEK } from "../../../time/units.js";
import { listText as list, plural } from "../../words.js";

/** Weeks in an average month (730.5 h / 168 h). */
const WEEKS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_WEEK;

/**
 * What the staffing solver found: the targets, the paid hours, FTE and cost a week and a month
 * for the sized pools, how far the simulation's answer is from the Erlang start, the pools
 * that need the most, the whole-shift plan, and whether every target was met.
 */
export function staffNarrative(s: StaffResult): string[] {
  const cur = s.currency ?? "USD";
  const T = s.targets;
  const out: string[] = [];
  // targets are set, not measured: as many decimals as they have (80%, 82.5%)
  const targets = [`${formatTargetShare(T.serviceLevel)} of real-time contacts answered within ${T.thresholdSeconds} s in every interval`];
  if (T.maxAbandon !== undefined) targets.push(`at most ${formatTargetShare(T.maxAbandon)} abandoned`);
  if (T.maxOccupancy !== undefined) targets.push(`occupancy at most ${formatTargetShare(T.maxOccupancy)}`);
  targets.push(`${formatTargetShare(T.response)} of deferred work within its response target`);
  const pools = s.pools;
  const paid = pools.reduce((a, p) => a + p.paidHoursPerWeek, 0);
  const cost = pools.reduce((a, p) => a + p.costPerWeek, 0);
  const erlang = pools.reduce((a, p) => a + p.erlangPaidHoursPerWeek, 0);
  const fte = (h: number) => formatFixed(h / s.fteHours, 1);
  out.push(
    `${s.scenario}: staffing for ${list(targets)}, found in simulation (${plural(s.replications, "replication")}${s.seed !== undefined ? `, seed ${s.seed}` : ""}, ${formatNumber(s.weeksMeasured, 1)} weeks measured, ${plural(s.evaluations, "run")} of the search and ${plural(s.check?.runs ?? 1, "check run")} on fresh seeds).`,
  );
  if (pools.length === 0) {
    out.push("No pool was sized.");
    return out;
  }
  const s2: string[] = [];
  s2.push(
    `The ${pools.length === 1 ? "pool" : `${pools.length} pools`} sized need ${formatCount(paid)} paid agent-hours a week (${fte(paid)} FTE of ${s.fteHours} h), ` +
      `${formatMoney(cost, cur)} a week or about ${formatMoney(cost * WEEKS_PER_MONTH, cur)} a month.`,
  );
  if (erlang > 0) {
    const gap = paid / erlang - 1;
    s2.push(
      Math.abs(gap) < 0.005
        ? `That is what an Erlang calculation alone gives.`
        : `That is ${formatShare(Math.abs(gap), 0)} ${gap > 0 ? "more" : "less"} than an Erlang calculation alone (${formatCount(erlang)} hours); the simulation also accounts for what Erlang formulas leave out, such as escalations, redials and pools shared between channels.`,
    );
  }
  if (pools.length > 1) {
    const top = [...pools].sort((a, b) => b.costPerWeek - a.costPerWeek).slice(0, 2);
    s2.push(`The largest ${top.length === 1 ? "is" : "are"} ${list(top.map((p) => `${p.pool} (${fte(p.paidHoursPerWeek)} FTE, ${formatMoney(p.costPerWeek, cur)} a week)`))}.`);
  }
  out.push(s2.join(" "));
  const plans = s.shifts ?? [];
  if (plans.length > 0) {
    const planned = plans.reduce((a, x) => a + x.plan.paidHoursPerWeek, 0);
    const bound = plans.reduce((a, x) => a + x.plan.lowerBoundHours, 0);
    const optimal = plans.every((x) => x.plan.optimal);
    const sized = pools.filter((p) => plans.some((x) => x.pool === p.pool)).reduce((a, p) => a + p.paidHoursPerWeek, 0);
    const extra = sized > 0 ? planned / sized - 1 : 0;
    out.push(
      `Covering ${plans.length >= pools.length ? "every interval" : `the intervals of ${list(plans.map((x) => x.pool))}`} with whole shifts takes ${formatCount(planned)} paid hours a week (${fte(planned)} FTE)` +
        `${sized > 0 && extra > 0.005 ? `, ${formatShare(extra, 0)} more than the interval-by-interval requirement (whole shifts cannot follow every peak and trough)` : ""}; ` +
        `${optimal ? "the plans are optimal for the shift patterns allowed" : `no plan from these patterns needs fewer than ${formatCount(bound)} hours`}.`,
    );
  }
  if (!s.met) {
    const n = s.unmet.length;
    out.push(
      `Not every target is met: ${n === 1 ? "one target is" : `${n} targets are`} still missed${n > 0 ? `, for example “${s.unmet[0]}”` : ""}. ` +
        `Treat these figures as a floor, and allow more runs (--max-runs) or review those intervals.`,
    );
  } else if (!s.complete) {
    out.push(`Every target is met, but the search stopped at its run cap before trying every removal, so slightly fewer agents might do.`);
  } else {
    out.push(`Every target is met in simulation, and no interval can lose an agent without missing one.`);
  }
  return out;
}
