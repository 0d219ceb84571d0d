/**
 * The report's generated narrative: a few short paragraphs a leader reads before the charts,
 * saying what the numbers are, what changed against the reference scenario and what it costs.
 * Pure functions from the results the charts read (./charts/inputs.ts) to plain-text paragraphs
 * (reportHtml escapes them).
 *
 * Rules the text keeps, so it never says more than the results support:
 *   - a difference between scenarios is described as a rise or a fall only when its paired 95%
 *     interval excludes zero (`significant`, and the interval agrees); any other difference is
 *     named as not significant, and one without an interval (a single replication) as one that
 *     cannot be judged;
 *   - totals over the run (total cost, customers churned, recurring revenue at the end) are
 *     compared only when every scenario covers the same span; otherwise the monthly rate is used;
 *   - sweep points are separate runs with their own intervals and no paired difference here, so
 *     the sweep text calls two points different only when their intervals do not overlap.
 * Numbers are written by src/report/numbers.ts, as the charts and the KPI tables write them: money
 * with the currency's symbol and K/M/B at three significant digits, shares in %, differences of
 * shares in points, waits in s/min/h. Metric names and which way is better: src/report/metrics.ts.
 */
import type { CompareResult, ScenarioResult, StaffResult, SweepResult } from "../charts/inputs.js";
import { metricInfo, type MetricInfo } from "../metrics.js";
import {
  formatChange, formatCount, formatDuration, formatFixed, formatMagnitude, formatMoney, formatNumber, formatPoints, formatShare, formatShareRange, formatSpan,
  formatTargetShare, formatValue,
} from "../numbers.js";
import { meanOf as mean, measuredHours, sameSpans, windowsDiffer } from "../runs.js";
import { HOURS_PER_MONTH, HOURS_PER_WEEK } from "../../time/units.js";
import { intervalsOverlap, verdict, type Verdict } from "../significance.js";
import { clearlyDominated, frontierPoints, sweepAxes, type SweepPoint } from "../sweepFrontier.js";
import { listText as list, plural, titleCase as cap } from "../words.js";

// What the narrative was first written with, now at home elsewhere (kept importable from here).
export { formatCount, formatDuration, formatMoney, formatShare } from "../numbers.js";
export { metricDirection, metricLabel } from "../metrics.js";
export { verdict } from "../significance.js";
export { paretoFront as sweepFrontier, sweepAxes } from "../sweepFrontier.js";
export { compareKpis, runKpis } from "./kpiTables.js";

/**
 * A metric as the narrative first described it: src/report/metrics.ts's description plus `kind`,
 * its unit with money split by cents ("money2"). ("number" is no longer produced: a metric
 * nobody described is a count.) New code reads metricInfo's `unit` and `cents`.
 */
export type MetricWords = MetricInfo & { kind: MetricInfo["unit"] | "money2" | "number" };

/** metricInfo with the narrative's first `kind` (see MetricWords). */
export function metricWords(key: string): MetricWords {
  const m = metricInfo(key);
  return { ...m, kind: m.unit === "money" && m.cents ? "money2" : m.unit };
}

// ---------------------------------------------------------------------------------------
// Numbers in sentences (src/report/numbers.ts, by the metric's unit)

/** "7-day" or "36-hour". */
function spanAdjective(hours: number): string {
  return hours % 24 === 0 ? `${formatNumber(hours / 24)}-day` : `${formatNumber(hours)}-hour`;
}

/** A metric's value, for a sentence. */
const value = (x: number, m: MetricInfo, currency: string) => formatValue(x, m.unit, currency, m);

/** The size of a change (no sign): points for shares. */
const amount = (x: number, m: MetricInfo, currency: string) => formatMagnitude(x, m.unit, currency, m);

/** A signed change: "+1.2 points", "−$300". */
const signed = (x: number, m: MetricInfo, currency: string) => formatChange(x, m.unit, currency, m);

/** "$14.7K–$14.8K" for the magnitudes of a one-signed interval ("0.6–1.2 points" for shares). */
function magnitudeRange(ci: [number, number], m: MetricInfo, currency: string): string {
  const [a, b] = [Math.abs(ci[0]), Math.abs(ci[1])].sort((x, y) => x - y);
  if (m.unit === "share") return `${formatPoints(a, "")}–${formatPoints(b)}`;
  return `${amount(a, m, currency)}–${amount(b, m, currency)}`;
}

// ---------------------------------------------------------------------------------------
// A scenario's run

/**
 * What one run says: the span and replications, the demand funnel, service per channel, the
 * cost (per month, per contact, per resolved need, the largest items) and retention.
 * Sentences whose metrics are missing are left out.
 */
export function runNarrative(r: ScenarioResult): string[] {
  const e = r.estimates;
  const cur = r.currency;
  const get = (k: string) => mean(e[k]);
  const out: string[] = [];
  const measured = measuredHours(r);
  const reps = plural(r.replications, "replication");
  out.push(
    `${r.scenario}: ${reps} (seed ${r.seed}) of ${formatSpan(measured)} measured after ${r.warmupHours > 0 ? `a ${spanAdjective(r.warmupHours)} warm-up` : "no warm-up"}, ` +
      `starting ${r.start.slice(0, 10)} (${r.timeZone}). Figures are means over the replications; ranges are 95% intervals.`,
  );

  // demand
  const needs = get("funnel.needs");
  if (needs !== null && needs > 0) {
    const s: string[] = [];
    const perDay = get("funnel.needsPerDay");
    s.push(`Customers had ${formatCount(needs)} needs${perDay !== null ? ` (${formatCount(perDay)} a day)` : ""}.`);
    const self = get("funnel.selfServiceRate"), asked = get("funnel.requestRate"), unserved = get("funnel.unservedRate");
    const parts: string[] = [];
    if (self !== null) parts.push(`${formatShare(self)} were solved by self-service`);
    if (asked !== null) parts.push(`${formatShare(asked)} asked support`);
    if (unserved !== null) parts.push(`${formatShare(unserved)} were left unserved`);
    if (parts.length > 0) s.push(`${cap(list(parts))}.`);
    const nAsked = get("funnel.asked"), resolved = get("funnel.resolved"), fcr = get("funnel.fcrRate");
    if (nAsked !== null && nAsked > 0 && resolved !== null) {
      s.push(`Support resolved ${formatShare(resolved / nAsked)} of the ${formatCount(nAsked)} needs it was asked about${fcr !== null ? `, ${formatShare(fcr)} at the first contact` : ""}.`);
    }
    out.push(s.join(" "));
  }

  // service per channel
  const service: string[] = [];
  for (const ch of r.channels) {
    const p = `channel.${ch.name}.`;
    if (ch.kind === "realtime") {
      const sl = e[p + "serviceLevel"], asa = get(p + "asaSeconds"), ab = get(p + "abandonRate");
      if (mean(sl) === null) {
        if (e[p + "offered"] !== undefined) service.push(`${cap(ch.name)}: no contact offered.`);
        continue;
      }
      const ci = sl.ci95 ? ` (${formatShareRange(sl.ci95[0], sl.ci95[1])})` : "";
      const more: string[] = [];
      if (asa !== null) more.push(`average speed of answer ${formatDuration(asa)}`);
      if (ab !== null) more.push(`${formatShare(ab)} abandoned`);
      service.push(`${cap(ch.name)}: ${formatShare(sl.mean as number)} answered within ${r.thresholdSeconds} s${ci}${more.length ? `; ${more.join(", ")}` : ""}.`);
    } else {
      const w = get(p + "withinTargetShare"), h = get(p + "meanResponseHours");
      if (w === null && h === null) continue;
      const parts: string[] = [];
      if (w !== null) parts.push(`${formatShare(w)} answered within its response target`);
      if (h !== null) parts.push(`mean response ${formatDuration(h * 3600)}`);
      service.push(`${cap(ch.name)}: ${parts.join("; ")}.`);
    }
  }
  if (service.length > 0) out.push(service.join(" "));

  // cost
  const perMonth = get("cost.perMonth"), total = get("cost.total");
  if (perMonth !== null || total !== null) {
    const s: string[] = [];
    const head = perMonth !== null
      ? `Support costs ${formatMoney(perMonth, cur)} a month${total !== null ? ` (${formatMoney(total, cur)} over the ${formatSpan(measured)} measured)` : ""}`
      : `Support costs ${formatMoney(total as number, cur)} over the ${formatSpan(measured)} measured`;
    const unit: string[] = [];
    const pc = get("cost.perContact"), pr = get("cost.perResolvedNeed");
    if (pc !== null) unit.push(`${formatMoney(pc, cur, 2)} per contact answered`);
    if (pr !== null) unit.push(`${formatMoney(pr, cur, 2)} per resolved need`);
    s.push(`${head}${unit.length ? `: ${list(unit)}` : ""}.`);
    const items = r.costCategories
      .map((c) => ({ c, v: get(`cost.byCategory.${c}`) }))
      .filter((x): x is { c: string; v: number } => x.v !== null && x.v > 0)
      .sort((a, b) => b.v - a.v);
    const sum = items.reduce((a, x) => a + x.v, 0);
    if (items.length > 1 && sum > 0) {
      const top = items.slice(0, 3).map((x) => `${x.c} (${formatShare(x.v / sum, 0)})`);
      s.push(`The largest items are ${list(top)}.`);
    } else if (items.length === 1) {
      s.push(`All of it is ${items[0].c}.`);
    }
    out.push(s.join(" "));
  }

  // retention
  const csat = get("retention.csat"), churned = get("retention.churned"), risk = get("retention.revenueAtRisk"), prot = get("retention.revenueProtected");
  const ret: string[] = [];
  if (csat !== null) ret.push(`The CSAT proxy is ${formatShare(csat)}.`);
  if (churned !== null) ret.push(`${cap(plural(Math.round(churned), "customer"))} churned over the ${formatSpan(measured)} measured.`);
  if (risk !== null) {
    ret.push(`Service experience puts ${formatMoney(risk, cur)} of revenue at risk over the next year${prot !== null ? ` and protects ${formatMoney(prot, cur)}` : ""}.`);
  }
  if (ret.length > 0) out.push(ret.join(" "));
  return out;
}

// ---------------------------------------------------------------------------------------
// Comparing scenarios

interface Change {
  key: string;
  words: MetricInfo;
  d: number;
  to: number | null;
  ci: [number, number] | null;
  verdict: Verdict;
}

/** "phone service level falls 8.0 points to 81.9%". */
function clause(c: Change, currency: string): string {
  const up = c.d > 0;
  const m = c.words;
  const noun = m.noun;
  const to = c.to !== null ? ` to ${value(c.to, m, currency)}` : "";
  if (c.key === "retention.churned") return `${noun} ${up ? "rises" : "falls"} by ${plural(Math.round(Math.abs(c.d)), "customer")}`;
  if (m.unit === "share") return `${noun} ${up ? "rises" : "falls"} ${amount(c.d, m, currency)}${to}`;
  if (m.unit === "money") return `${noun} ${up ? "rises" : "falls"} by ${amount(c.d, m, currency)}`;
  return `${noun} ${up ? "rises" : "falls"} by ${amount(c.d, m, currency)}${to}`;
}

/**
 * What each scenario changes against the first and what it costs: the monthly cost difference
 * with its 95% interval, then the significant consequences (worse first when it saves money,
 * better first when it costs more), then what is not significant. One paragraph of method,
 * then one per later scenario.
 */
export function compareNarrative(c: CompareResult): string[] {
  const [ref, ...others] = c.scenarios;
  if (ref === undefined) return [];
  const currency = c.runs?.[0]?.currency ?? "USD";
  if (others.length === 0) return [`Only ${ref} was run, so there is nothing to compare it with.`];
  const same = sameSpans(c);
  const out: string[] = [];
  out.push(
    `Each scenario is compared with ${ref} over ${plural(c.replications, "replication")} that share their random numbers (seed ${c.seed}), ` +
      `so each difference is measured on the same customers and needs. A change is called a rise or a fall only where its paired 95% interval excludes zero; ` +
      `anything else is reported as not significant.`,
  );
  if (c.replications < 2) {
    out.push(`With a single replication there are no intervals, so no difference below is shown to be real: run at least two (ten is better) before taking this into a budget.`);
  }
  const runs = c.runs ?? [];
  if (runs.length === c.scenarios.length && !same) {
    out.push(
      // as long measured but ending at different times: say when each starts measuring
      `The scenarios cover different spans (${runs.map((r) => `${r.scenario} ${formatSpan(measuredHours(r))}${windowsDiffer(runs) ? "" : r.warmupHours > 0 ? ` after a ${spanAdjective(r.warmupHours)} warm-up` : " with no warm-up"}`).join(", ")}), ` +
        `so totals over the run (total cost, customers churned, recurring revenue at the end) are not compared; the monthly cost is.`,
    );
  }
  others.forEach((alt, j) => {
    const changes: Change[] = [];
    for (const [key, m] of Object.entries(c.metrics)) {
      const d = m.differences[j];
      if (!d || d.mean === null || !Number.isFinite(d.mean)) continue;
      const words = metricInfo(key);
      if (words.total && !same) continue;
      changes.push({ key, words, d: d.mean, to: mean(m.values[j + 1]), ci: d.ci95, verdict: verdict(d) });
    }
    out.push(scenarioParagraph(ref, alt, changes, currency));
  });
  return out;
}

function scenarioParagraph(ref: string, alt: string, changes: Change[], currency: string): string {
  const costKey = changes.some((x) => x.key === "cost.perMonth") ? "cost.perMonth" : changes.some((x) => x.key === "cost.total") ? "cost.total" : null;
  const cost = costKey ? changes.find((x) => x.key === costKey) ?? null : null;
  const rest = changes.filter((x) => x.key !== "cost.perMonth" && x.key !== "cost.total").sort((a, b) => a.words.rank - b.words.rank);
  const sig = rest.filter((x) => x.verdict === "significant");
  const worse = sig.filter((x) => x.words.better !== 0 && Math.sign(x.d) !== x.words.better);
  const better = sig.filter((x) => x.words.better !== 0 && Math.sign(x.d) === x.words.better);
  const neutral = sig.filter((x) => x.words.better === 0);
  const notSig = rest.filter((x) => x.verdict === "not significant" || x.verdict === "unchanged");
  const noInterval = rest.filter((x) => x.verdict === "no interval");

  const sentences: string[] = [];
  const lead = `Against ${ref}, ${alt}`;
  let first: Change[] = [];
  let firstIs: "worse" | "better" | null = null;
  if (cost === null) {
    sentences.push(`${lead} has no cost figure to compare.`);
  } else {
    const noun = cost.words.noun;
    const k = cost.words;
    if (cost.verdict === "significant" && cost.ci) {
      const saves = cost.d < 0;
      const ci = magnitudeRange(cost.ci, k, currency);
      const range = ci.split("–")[0] === ci.split("–")[1] ? "the same in every replication" : `95% interval ${ci}`;
      let s = `${lead} ${saves ? "lowers" : "raises"} ${noun} by ${amount(cost.d, k, currency)} (${range})`;
      if (saves) {
        if (worse.length > 0) { first = worse.slice(0, 3); firstIs = "worse"; s += ` but ${list(first.map((x) => clause(x, currency)))}`; }
        else if (better.length > 0) { first = better.slice(0, 3); firstIs = "better"; s += `, and ${list(first.map((x) => clause(x, currency)))}`; }
      } else {
        if (better.length > 0) { first = better.slice(0, 3); firstIs = "better"; s += `; in return ${list(first.map((x) => clause(x, currency)))}`; }
        else if (worse.length > 0) { first = worse.slice(0, 3); firstIs = "worse"; s += `, and ${list(first.map((x) => clause(x, currency)))}`; }
      }
      sentences.push(s + ".");
    } else if (cost.verdict === "unchanged") {
      sentences.push(`${lead} leaves ${noun} unchanged.`);
    } else if (cost.verdict === "no interval") {
      sentences.push(`${lead} changes ${noun} by ${signed(cost.d, k, currency)} in its only replication, too few to tell whether that is real.`);
    } else {
      const ci = cost.ci as [number, number];
      sentences.push(`${lead} does not change ${noun} significantly (difference ${signed(cost.d, k, currency)}; 95% interval ${signed(ci[0], k, currency)} to ${signed(ci[1], k, currency)}).`);
    }
  }
  const restOf = (xs: Change[]) => xs.filter((x) => !first.includes(x));
  const rw = restOf(worse), rb = restOf(better);
  const groups: [Change[], "worse" | "better"][] = firstIs === "better" ? [[rb, "better"], [rw, "worse"]] : [[rw, "worse"], [rb, "better"]];
  let told = firstIs;
  for (const [xs, kind] of groups) {
    if (xs.length === 0) continue;
    const text = list(xs.map((x) => clause(x, currency)));
    const opener = told === null ? "" : told === kind ? "In addition, " : "On the other hand, ";
    sentences.push(`${opener === "" ? cap(text) : opener + text}.`);
    told = kind;
  }
  if (neutral.length > 0) {
    const told = neutral.map((x) => `${x.words.noun} ${x.to !== null ? `${value(x.to, x.words, currency)} (${signed(x.d, x.words, currency)})` : signed(x.d, x.words, currency)}`);
    sentences.push(`Also changed: ${list(told)}.`);
  }
  if (notSig.length > 0) sentences.push(`No significant difference in ${list(notSig.map((x) => x.words.noun.replace(/^the /, "")))}.`);
  if (noInterval.length > 0) sentences.push(`${cap(list(noInterval.map((x) => x.words.noun)))} cannot be judged without an interval.`);
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------
// Staffing

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
    `${s.scenario}: staffing for ${list(targets)}, found in simulation (${plural(s.replications, "replication")}${s.seed !== undefined ? `, seed ${s.seed}` : ""}, ${formatNumber(s.weeksMeasured, 1)} weeks measured, ${plural(s.evaluations, "run")}).`,
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

// ---------------------------------------------------------------------------------------
// Sweeps

/**
 * What a sweep shows, on the frontier chart's axes (src/report/sweepFrontier.ts): what was
 * varied; for a single parameter, how cost and service move from its first value to its last; the
 * cheapest point, the best-served one and whether their service intervals overlap; and which
 * points are dominated beyond the 95% intervals (another point is cheaper and serves better, both
 * by more than the intervals allow — stricter than the chart's "dominated", which is by the means).
 */
export function sweepNarrative(sw: SweepResult): string[] {
  const out: string[] = [];
  const cur = sw.currency;
  const varied = sw.vary.map((v) => `${v.path} over ${list(v.values.map((x) => String(x)))}`);
  out.push(
    `The sweep varies ${list(varied)} in ${plural(sw.points.length, "run")} of ${sw.scenario} (${plural(sw.replications, "replication")} each, seed ${sw.seed}, ` +
      `the same random numbers at every point).`,
  );
  const { cost, service } = sweepAxes(sw);
  if (cost === null || service === null) {
    out.push(`The sweep has no ${cost === null ? "cost" : "service-level"} metric, so no cost/service trade-off can be read from it.`);
    return out;
  }
  const cw = metricInfo(cost), sv = metricInfo(service);
  const costText = (v: number) => value(v, cw, cur), serviceText = (v: number) => value(v, sv, cur);
  const label = (p: SweepPoint) => Object.entries(p.parameters).map(([k, v]) => `${k} = ${v}`).join(", ");
  const rows = frontierPoints(sw, cost, service);
  if (rows.length === 0) {
    out.push(`No point has both ${cw.noun.replace(/^the /, "")} and ${sv.noun}.`);
    return out;
  }
  const s: string[] = [];
  if (sw.vary.length === 1 && rows.length > 1) {
    const path = sw.vary[0].path;
    const byValue = [...rows].sort((a, b) => a.point.parameters[path] - b.point.parameters[path]);
    const a = byValue[0], b = byValue[byValue.length - 1];
    const moves = (k: "cost" | "service", fmt: (v: number) => string, noun: string) =>
      intervalsOverlap(a[k], b[k]) ? `${noun} shows no clear change (${fmt(a[k].mean)} and ${fmt(b[k].mean)}; their 95% intervals overlap)` : `${noun} goes from ${fmt(a[k].mean)} to ${fmt(b[k].mean)}`;
    s.push(`From ${path} = ${a.point.parameters[path]} to ${b.point.parameters[path]}, ${moves("cost", costText, cw.noun)}, while ${moves("service", serviceText, sv.noun)}.`);
  }
  const better = (x: number, y: number) => (sv.better === -1 ? x < y : x > y);
  const cheapest = rows.reduce((m, x) => (x.cost.mean < m.cost.mean ? x : m));
  const bestServed = rows.reduce((m, x) => (better(x.service.mean, m.service.mean) ? x : m));
  if (cheapest === bestServed) {
    s.push(`${label(cheapest.point)} is both the cheapest point (${costText(cheapest.cost.mean)}) and the best served (${serviceText(cheapest.service.mean)}).`);
  } else {
    s.push(`The cheapest point is ${label(cheapest.point)} at ${costText(cheapest.cost.mean)} with ${sv.noun} ${serviceText(cheapest.service.mean)}; the best served is ${label(bestServed.point)} at ${serviceText(bestServed.service.mean)} for ${costText(bestServed.cost.mean)}.`);
    const extra = costText(bestServed.cost.mean - cheapest.cost.mean);
    s.push(
      intervalsOverlap(cheapest.service, bestServed.service)
        ? `Their ${sv.noun} intervals overlap, so this sweep does not show that the extra ${extra} buys better service.`
        : `Their ${sv.noun} intervals do not overlap: the extra ${extra} buys ${amount(bestServed.service.mean - cheapest.service.mean, sv, cur)} of ${sv.noun}.`,
    );
  }
  const dominated = clearlyDominated(rows, service);
  if (dominated.length > 0) {
    const n = dominated.length;
    s.push(`Beyond their 95% intervals, ${n === 1 ? "one point is" : `${formatCount(n)} points are`} both dearer and worse served than another (${list(dominated.slice(0, 4).map((x) => label(x.point)))}${n > 4 ? ", …" : ""}).`);
  }
  out.push(s.join(" "));
  return out;
}
