/**
 * One replication of a full-form scenario (the support-demand model) and its named numbers:
 * what a worker thread runs (lanes.ts), so this module loads the model and nothing of the
 * statistics (analysis/experiments/replications.ts combines replications into estimates).
 *
 * Names are dotted paths, grouped as the report shows them:
 *   funnel.<what>                     the demand funnel over all needs
 *   channel.<channel>.<metric>        contacts on the channel's entry tier (what the customer sees)
 *   tier.<tier>.<metric>              every visit of a tier (after transfers and escalations)
 *   segment.<segment>.<metric>, needType.<need type>.<metric>
 *   customers.<metric>
 *   pool.<pool>.<metric>              paid and floor hours, occupancy, AHT, cost, headcount
 *   cost.<metric>, cost.byCategory.<category>, cost.byMonth.<yyyy-mm>
 *   retention.<metric>                CSAT proxy, churn and revenue (retention.ts)
 *   retention.byMonth.<yyyy-mm>.<f>   churned, churnedRevenue, serviceChurn, serviceChurnRevenue per local month
 * Each key's label, unit, bounds and better direction: ./catalogue.ts.
 * Replication k uses streams seeded by (seed, k), on whichever thread runs it.
 */
import { RandomStreams } from "../engine/random.js";
import type { NetworkTraceSink } from "../model/network/networkConfig.js";
import { MONTH_MINUTES as MINUTES_PER_MONTH, WEEK_MINUTES } from "../time/units.js";
import { CHURN_MONTH_FIELDS } from "../model/customers/churnBook.js";
import { AF, ATTEMPT_FIELDS, CF, FF, FUNNEL_FIELDS } from "../model/counters.js";
import type { RawCounts } from "../model/network/counters.js";
import { isSingleQueue } from "../model/simulation/networkOf.js";
import type { SupportConfig } from "../model/config.js";
import { routingOrder } from "../model/routingOrder.js";
import { unitCostValues } from "./unitCostValues.js";
import { FTE_HOURS_PER_WEEK } from "./fteHours.js";
import { simulateSupport } from "../model/simulation.js";
import type { SupportResult } from "../model/simulation/supportResult.js";

export type Values = Record<string, number | null>;

/** a / b, or null when b is 0 (a share of nothing is unknown, not 0). */
export const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** A rate's numerator and denominator, by its key (what the estimates combine as a ratio of sums: analysis/confidence.ts RatioSums). */
export type RatioParts = Record<string, [number, number]>;

export { FTE_HOURS_PER_WEEK };

/**
 * One replication's counters as named numbers. Each rate (a share, a mean per contact, a cost
 * per unit) is also given to `parts` as its numerator and denominator, so that replications are
 * combined as a ratio of sums (unbiased where a mean of ratios is not).
 */
export function supportValues(r: SupportResult, cfg: SupportConfig, parts?: RatioParts): Values {
  const v: Values = {};
  // v[key] = num / den (null when den is 0), and its parts
  const rate = (key: string, num: number, den: number): void => {
    v[key] = den > 0 ? num / den : null;
    if (parts) parts[key] = [num, den];
  };
  const k = r.counters;
  const days = (cfg.horizon - cfg.warmup) / 1440;
  // funnel
  FUNNEL_FIELDS.forEach((f, i) => { v[`funnel.${f}`] = k.funnelSum(i); });
  const needs = k.funnelSum(FF.needs), asked = k.funnelSum(FF.asked);
  rate("funnel.requestRate", asked, needs);
  rate("funnel.selfServiceRate", k.funnelSum(FF.selfServed), needs);
  rate("funnel.containmentRate", k.funnelSum(FF.selfServed), k.funnelSum(FF.triedSelfService));
  rate("funnel.unservedRate", k.funnelSum(FF.unserved), needs);
  rate("funnel.resolvedRate", k.funnelSum(FF.resolved), needs);
  rate("funnel.fcrRate", k.funnelSum(FF.resolvedFirstContact), asked);
  rate("funnel.resolutionRate", k.funnelSum(FF.resolved), asked);
  rate("funnel.contactsPerResolved", k.funnelSum(FF.requests), k.funnelSum(FF.resolved));
  v["funnel.needsPerDay"] = needs / days;
  v["funnel.requestsPerDay"] = k.funnelSum(FF.requests) / days;
  // channels, at their entry tier
  let chosen = 0;
  cfg.channels.forEach((_, c) => { chosen += k.attempt[c * ATTEMPT_FIELDS.length + AF.chosen]; });
  cfg.channels.forEach((ch, c) => {
    const t = ch.entryTier;
    const g = (f: number) => k.contactSum(f, t, c);
    const p = `channel.${ch.name}.`;
    const offered = g(CF.offered), answered = g(CF.answered);
    v[p + "offered"] = offered;
    v[p + "answered"] = answered;
    v[p + "abandoned"] = g(CF.abandoned);
    rate(p + "abandonRate", g(CF.abandoned), offered);
    // end to end: the channel's contacts resolved at any tier
    rate(p + "resolutionRate", k.contactSum(CF.resolved, -1, c), offered);
    if (ch.kind === "realtime") {
      rate(p + "serviceLevel", g(CF.withinTarget), offered);
      rate(p + "asaSeconds", g(CF.waitAnswered) * 60, answered);
      let cb = 0;
      for (let n = 0; n < cfg.needTypes.length; n++) cb += r.network.callbacksByWork[n * cfg.channels.length + c];
      v[p + "callbacks"] = cb;
    } else {
      rate(p + "withinTargetShare", g(CF.withinTarget), offered);
      rate(p + "meanResponseHours", g(CF.waitAnswered) / 60, answered);
    }
    v[p + "meanBacklog"] = k.backlog[c].average;
    // end to end, over the tiers a contact passed (§5.2): what its customer remembers of the channel
    const a = k.attempt, row = c * ATTEMPT_FIELDS.length;
    rate(p + "choiceShare", a[row + AF.chosen], chosen);
    rate(p + "meanHoldMinutes", a[row + AF.held], a[row + AF.ended]);
    rate(p + "resolvedFirstLineShare", a[row + AF.firstLine], a[row + AF.ended]);
    rate(p + "meanHoursToResolution", a[row + AF.toResolution] / 60, a[row + AF.resolved]);
  });
  // tiers, every visit
  // in routing order (the JSON lists them so: a tier L1.5 added at the end of a file comes after L1)
  const tiersInOrder = routingOrder(cfg);
  tiersInOrder.forEach((t) => {
    const tier = cfg.tiers[t];
    const g = (f: number) => k.contactSum(f, t, -1);
    const p = `tier.${tier.name}.`;
    const answered = g(CF.answered);
    v[p + "offered"] = g(CF.offered);
    v[p + "answered"] = answered;
    v[p + "abandoned"] = g(CF.abandoned);
    v[p + "resolved"] = g(CF.resolved);
    v[p + "resolvedNeeds"] = k.resolvedNeeds[t];
    v[p + "transferred"] = g(CF.transferred);
    v[p + "escalated"] = g(CF.escalated);
    v[p + "heldToLimit"] = r.network.holdLimited[t];
    rate(p + "resolutionRate", g(CF.resolved), answered);
    // real-time waits (seconds) and ticket/e-mail waits (hours) are reported apart: one mean would mix them
    const ad = g(CF.answeredDeferred), wd = g(CF.waitAnsweredDeferred);
    v[p + "realtimeAnswered"] = answered - ad;
    rate(p + "realtimeAsaSeconds", (g(CF.waitAnswered) - wd) * 60, answered - ad);
    v[p + "deferredAnswered"] = ad;
    rate(p + "deferredMeanWaitHours", wd / 60, ad);
    rate(p + "occupancy", r.network.tierBusy[t].total, r.network.tierStaffed[t].total);
    v[p + "agentHours"] = r.network.tierStaffed[t].total / 60;
  });
  // segments and need types
  // the funnel split by segment and by need type
  const breakdown = ["needs", "deflected", "selfServed", "asked", "unserved", "resolved", "abandoned", "supportRevenue", "dissatisfaction"] as const;
  const split = (prefix: string, segment: number, need: number) => {
    const f = (field: number) => k.funnelSum(field, segment, need);
    for (const name of breakdown) v[prefix + name] = f(FF[name]);
    rate(prefix + "unservedRate", f(FF.unserved), f(FF.needs));
    rate(prefix + "fcrRate", f(FF.resolvedFirstContact), f(FF.asked));
  };
  cfg.segments.forEach((s, g) => {
    split(`segment.${s.name}.`, g, -1);
    v[`segment.${s.name}.activeAtEnd`] = r.activeBySegment[g];
    // churns against the churns the input rate states over the same exposure (1: the input reproduced)
    rate(`segment.${s.name}.churnVsInput`, r.retention.churnedBySegment[g], r.retention.churnAtInputBySegment[g]);
  });
  cfg.needTypes.forEach((n, kk) => split(`needType.${n.name}.`, -1, kk));
  v["customers.activeAtEnd"] = r.activeBySegment.reduce((a, b) => a + b, 0);
  v["customers.sales"] = r.sales;
  v["customers.churned"] = r.churned;

  // pools: paid time, floor time, occupancy, handle time, headcount; and the paid staff over them all
  const net = r.network;
  const weeks = (cfg.horizon - cfg.warmup) / WEEK_MINUTES;
  if (weeks > 0) v["cost.paidFte"] = r.pools.reduce((a, s) => a + s.paidMinutes, 0) / 60 / weeks / FTE_HOURS_PER_WEEK;
  cfg.pools.forEach((p, q) => {
    const s = r.pools[q];
    const pre = `pool.${p.name}.`;
    v[pre + "paidHours"] = s.paidMinutes / 60;
    v[pre + "floorHours"] = net.poolStaffed[q] / 60;
    // realised shrinkage: the share of scheduled floor time not available (shrinkage, article time, vacancies),
    // and of paid time (breaks too) — both from the time on shift: work after the shift's end is overtime, not floor time regained
    const onShift = net.poolStaffed[q] - s.overtimeMinutes;
    rate(pre + "lostShare", s.scheduledFloorMinutes - onShift, s.scheduledFloorMinutes);
    rate(pre + "paidShrinkage", s.paidMinutes - onShift, s.paidMinutes);
    v[pre + "overtimeHours"] = s.overtimeMinutes / 60;
    v[pre + "overtimeCost"] = s.overtimeCost;
    rate(pre + "occupancy", net.poolBusy[q], net.poolStaffed[q]);
    v[pre + "served"] = net.servedByPool[q];
    rate(pre + "ahtMinutes", net.poolHandleTime[q], net.servedByPool[q]);
    v[pre + "cost"] = r.costs.total(q);
    rate(pre + "costPerPaidHour", r.costs.total(q), s.paidMinutes / 60);
    if (p.workforce) {
      v[pre + "headcountEnd"] = s.headcountEnd;
      v[pre + "headcountMin"] = s.headcountMin;
      v[pre + "hires"] = s.hires;
      v[pre + "leavers"] = s.leavers;
    }
  });
  tiersInOrder.forEach((t) => {
    const tier = cfg.tiers[t];
    let h = 0, n = 0;
    cfg.pools.forEach((p, q) => { if (p.tier === t) { h += net.poolHandleTime[q]; n += net.servedByPool[q]; } });
    rate(`tier.${tier.name}.ahtMinutes`, h, n);
  });

  // costs: by category, per month, and per unit of work
  const ledger = r.costs;
  const total = ledger.total();
  const months = (cfg.horizon - cfg.warmup) / MINUTES_PER_MONTH;
  v["cost.total"] = total;
  v["cost.perMonth"] = months > 0 ? total / months : null;
  ledger.categories.forEach((c, i) => { v[`cost.byCategory.${c}`] = ledger.total(i); });
  const monthTotals = ledger.monthTotals();
  ledger.months.labels.forEach((label, m) => {
    // months wholly before the warm-up or after the horizon have nothing to show
    if (ledger.months.end(m) > cfg.warmup && ledger.months.start(m) < cfg.horizon) v[`cost.byMonth.${label}`] = monthTotals[m];
  });
  let answeredAtEntry = 0;
  cfg.channels.forEach((ch, c) => { answeredAtEntry += k.contactSum(CF.answered, ch.entryTier, c); });
  rate("cost.perContact", total, answeredAtEntry);
  rate("cost.perResolvedNeed", total, k.funnelSum(FF.resolved) + k.funnelSum(FF.selfServed));
  rate("cost.perCustomerMonth", total, months > 0 ? r.retention.meanCustomers * months : 0);
  rate("cost.perNeed", total, needs);
  unitCostValues(r, cfg, rate, v);

  // experience and retention
  const ret = r.retention;
  rate("retention.csat", k.funnelSum(FF.satisfied), k.funnelSum(FF.rated));
  rate("retention.meanExperienceRow", k.funnelSum(FF.experienceRows), k.funnelSum(FF.rated));
  rate("retention.meanChurnMultiplier", k.funnelSum(FF.churnMultiplier), k.funnelSum(FF.experienced));
  v["retention.churned"] = ret.churned;
  v["retention.churnedRevenue"] = ret.churnedRevenue;
  v["retention.serviceChurn"] = ret.serviceChurn;
  v["retention.serviceChurnRevenue"] = ret.serviceChurnRevenue;
  v["retention.revenueEarned"] = ret.revenueEarned;
  v["retention.netRecurringRevenue"] = ret.arrEnd;
  v["retention.revenueAtRisk"] = ret.revenueAtRisk;
  // the band of the loyalty calibration beside the central figures (model/customers/churnBand.ts)
  [v["retention.churnedOptimistic"], v["retention.churnedPessimistic"]] = ret.churnedBand;
  [v["retention.churnedRevenueOptimistic"], v["retention.churnedRevenuePessimistic"]] = ret.churnedRevenueBand;
  [v["retention.revenueAtRiskOptimistic"], v["retention.revenueAtRiskPessimistic"]] = ret.revenueAtRiskBand;
  v["retention.revenueProtected"] = ret.revenueProtected;
  v["retention.netRevenueAtRisk"] = ret.revenueAtRisk - ret.revenueProtected;
  v["retention.excessChurnNextYear"] = ret.excessChurnNextYear;
  // churn by calendar month (the months the cost ledger reports)
  ledger.months.labels.forEach((label, m) => {
    if (!(ledger.months.end(m) > cfg.warmup && ledger.months.start(m) < cfg.horizon)) return;
    CHURN_MONTH_FIELDS.forEach((f, j) => { v[`retention.byMonth.${label}.${f}`] = ret.byMonth[m * CHURN_MONTH_FIELDS.length + j]; });
  });
  return v;
}

/**
 * What one replication hands back: its named values and the per-interval arrays the series
 * are made from. Plain data (typed arrays), so a worker thread can send it back.
 */
export interface ReplicationOutput {
  values: Values;
  /** The rates among `values` as numerator and denominator (combined as ratios of sums). */
  ratios: RatioParts;
  events: number;
  customersBytes: number;
  byInterval: Float64Array;
  needsByInterval: Float64Array;
  tierBusy: Float64Array[];
  tierStaffed: Float64Array[];
  /** Per channel, ∫ contacts waiting at the entry tier per interval (weekProfile.ts). */
  backlog: Float64Array[];
  /**
   * Per tier, the queueing counts of every visit (its metrics by metricsFrom, as an Erlang model defines them:
   * P(wait), the time-average queue counting every waiting contact …), for a single queue (null
   * otherwise): what its exact answer is compared with (analysis/experiments/analyticCheck.ts).
   */
  queue: RawCounts[] | null;
}

/**
 * Per tier, the queueing counts of one replication, for a single queue (null otherwise:
 * model/simulation/networkOf.ts isSingleQueue); metricsFrom gives its metrics. Its one tier is its
 * channel's entry tier, so every visit is a contact of the support counters (offered, answered,
 * abandoned, waits, answered within the threshold), the queue is the channel's backlog (every
 * contact waiting, time-weighted over the window) and P(wait)'s numerator the network's `delayed`.
 */
export function queueMetrics(r: SupportResult, cfg: SupportConfig): RawCounts[] | null {
  if (!isSingleQueue(cfg)) return null;
  const k = r.counters, n = k.contact, row = k.contactRow(0, 0);
  return [{
    offered: n[row + CF.offered],
    answered: n[row + CF.answered],
    abandoned: n[row + CF.abandoned],
    delayed: r.network.delayed[0],
    answeredWithinThreshold: n[row + CF.withinTarget],
    waitAnswered: n[row + CF.waitAnswered],
    waitAll: n[row + CF.waitAll],
    busyTime: r.network.tierBusy[0].total,
    staffedTime: r.network.tierStaffed[0].total,
    queueTime: k.backlog[0].total,
    windowTime: cfg.horizon - cfg.warmup,
  }];
}

/** Run replication `rep` (streams seeded by (seed, rep)): the same numbers on any thread. */
export function simulateReplication(cfg: SupportConfig, seed: number | string, rep: number, trace: NetworkTraceSink | null = null): ReplicationOutput {
  const r = simulateSupport(cfg, new RandomStreams(seed, rep), trace);
  const ratios: RatioParts = {};
  return {
    values: supportValues(r, cfg, ratios),
    ratios,
    events: r.events,
    customersBytes: r.customersBytes,
    byInterval: r.counters.byInterval,
    needsByInterval: r.counters.needsByInterval,
    tierBusy: r.network.tierBusy.map((b) => b.bins),
    tierStaffed: r.network.tierStaffed.map((b) => b.bins),
    backlog: r.counters.backlog.map((b) => b.bins),
    queue: queueMetrics(r, cfg),
  };
}
