/**
 * Running a full-form scenario (the support-demand model): replications, one set of named
 * numbers per replication, and every number as a mean with a Student-t 95% interval.
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
 * Replication k uses streams seeded by (seed, k); results are combined in replication
 * order, so the output is identical whatever the order replications ran in.
 */
import { RandomStreams } from "../engine/random.js";
import type { NetworkTraceSink } from "../model/network.js";
import { MINUTES_PER_MONTH } from "../model/kcs.js";
import { CHURN_MONTH_FIELDS } from "../model/customers.js";
import { CF, FF, FUNNEL_FIELDS, IF, INTERVAL_FIELDS } from "../model/supportKpis.js";
import type { SupportConfig } from "../model/supportConfig.js";
import { simulateSupport, type SupportResult } from "../model/supportModel.js";
import { clampEstimate, estimate, type Estimate } from "./confidence.js";
import { SeriesAccumulator } from "./replications.js";
import { WeekProfileAccumulator, type WeekProfile } from "./weekProfile.js";
import { weeklyTrend, type WeeklyTrend } from "./weeklyTrend.js";

export type Values = Record<string, number | null>;

/** Metrics that are shares in [0, 1] (their intervals are clipped to it). */
export function isFraction(key: string): boolean {
  return /(Rate|Level|occupancy|withinTargetShare|Share|csat)$/.test(key);
}

/** Metrics that can be negative (experience can keep customers as well as lose them): their intervals are not clipped at 0. */
export function isSigned(key: string): boolean {
  return /^retention\.((byMonth\.[^.]+\.)?serviceChurn|(byMonth\.[^.]+\.)?serviceChurnRevenue|excessChurnNextYear)$/.test(key);
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** One replication's counters as named numbers. */
export function supportValues(r: SupportResult, cfg: SupportConfig): Values {
  const v: Values = {};
  const k = r.counters;
  const days = (cfg.horizon - cfg.warmup) / 1440;
  // funnel
  FUNNEL_FIELDS.forEach((f, i) => { v[`funnel.${f}`] = k.funnelSum(i); });
  const needs = k.funnelSum(FF.needs), asked = k.funnelSum(FF.asked);
  v["funnel.requestRate"] = ratio(asked, needs);
  v["funnel.selfServiceRate"] = ratio(k.funnelSum(FF.selfServed), needs);
  v["funnel.containmentRate"] = ratio(k.funnelSum(FF.selfServed), k.funnelSum(FF.triedSelfService));
  v["funnel.unservedRate"] = ratio(k.funnelSum(FF.unserved), needs);
  v["funnel.resolvedRate"] = ratio(k.funnelSum(FF.resolved), needs);
  v["funnel.fcrRate"] = ratio(k.funnelSum(FF.resolvedFirstContact), asked);
  v["funnel.contactsPerResolved"] = ratio(k.funnelSum(FF.requests), k.funnelSum(FF.resolved));
  v["funnel.needsPerDay"] = needs / days;
  v["funnel.requestsPerDay"] = k.funnelSum(FF.requests) / days;
  // channels, at their entry tier
  cfg.channels.forEach((ch, c) => {
    const t = ch.entryTier;
    const g = (f: number) => k.contactSum(f, t, c);
    const p = `channel.${ch.name}.`;
    const offered = g(CF.offered), answered = g(CF.answered);
    v[p + "offered"] = offered;
    v[p + "answered"] = answered;
    v[p + "abandoned"] = g(CF.abandoned);
    v[p + "abandonRate"] = ratio(g(CF.abandoned), offered);
    if (ch.kind === "realtime") {
      v[p + "serviceLevel"] = ratio(g(CF.withinTarget), offered);
      const asa = ratio(g(CF.waitAnswered), answered);
      v[p + "asaSeconds"] = asa === null ? null : asa * 60;
      let cb = 0;
      for (let n = 0; n < cfg.needTypes.length; n++) cb += r.network.callbacksByWork[n * cfg.channels.length + c];
      v[p + "callbacks"] = cb;
    } else {
      v[p + "withinTargetShare"] = ratio(g(CF.withinTarget), offered);
      const resp = ratio(g(CF.waitAnswered), answered);
      v[p + "meanResponseHours"] = resp === null ? null : resp / 60;
    }
    v[p + "meanBacklog"] = k.backlog[c].average;
  });
  // tiers, every visit
  cfg.tiers.forEach((tier, t) => {
    const g = (f: number) => k.contactSum(f, t, -1);
    const p = `tier.${tier.name}.`;
    const answered = g(CF.answered);
    v[p + "offered"] = g(CF.offered);
    v[p + "answered"] = answered;
    v[p + "abandoned"] = g(CF.abandoned);
    v[p + "resolved"] = g(CF.resolved);
    v[p + "transferred"] = g(CF.transferred);
    v[p + "escalated"] = g(CF.escalated);
    v[p + "resolutionRate"] = ratio(g(CF.resolved), answered);
    // real-time waits (seconds) and ticket/e-mail waits (hours) are reported apart: one mean would mix them
    const ad = g(CF.answeredDeferred), wd = g(CF.waitAnsweredDeferred);
    const rt = ratio(g(CF.waitAnswered) - wd, answered - ad);
    const dd = ratio(wd, ad);
    v[p + "realtimeAnswered"] = answered - ad;
    v[p + "realtimeAsaSeconds"] = rt === null ? null : rt * 60;
    v[p + "deferredAnswered"] = ad;
    v[p + "deferredMeanWaitHours"] = dd === null ? null : dd / 60;
    v[p + "occupancy"] = ratio(r.network.tierBusy[t].total, r.network.tierStaffed[t].total);
    v[p + "agentHours"] = r.network.tierStaffed[t].total / 60;
  });
  // segments and need types
  // the funnel split by segment and by need type
  const breakdown = ["needs", "deflected", "selfServed", "asked", "unserved", "resolved", "abandoned", "supportRevenue", "dissatisfaction"] as const;
  const split = (prefix: string, segment: number, need: number) => {
    const f = (field: number) => k.funnelSum(field, segment, need);
    for (const name of breakdown) v[prefix + name] = f(FF[name]);
    v[prefix + "unservedRate"] = ratio(f(FF.unserved), f(FF.needs));
    v[prefix + "fcrRate"] = ratio(f(FF.resolvedFirstContact), f(FF.asked));
  };
  cfg.segments.forEach((s, g) => {
    split(`segment.${s.name}.`, g, -1);
    v[`segment.${s.name}.activeAtEnd`] = r.activeBySegment[g];
  });
  cfg.needTypes.forEach((n, kk) => split(`needType.${n.name}.`, -1, kk));
  v["customers.activeAtEnd"] = r.activeBySegment.reduce((a, b) => a + b, 0);
  v["customers.sales"] = r.sales;
  v["customers.churned"] = r.churned;

  // pools: paid time, floor time, occupancy, handle time, headcount
  const net = r.network;
  cfg.pools.forEach((p, q) => {
    const s = r.pools[q];
    const pre = `pool.${p.name}.`;
    v[pre + "paidHours"] = s.paidMinutes / 60;
    v[pre + "floorHours"] = net.poolStaffed[q] / 60;
    // realised shrinkage: the share of scheduled floor time not available (shrinkage, article time, vacancies)
    v[pre + "lostShare"] = ratio(s.scheduledFloorMinutes - net.poolStaffed[q], s.scheduledFloorMinutes);
    v[pre + "occupancy"] = ratio(net.poolBusy[q], net.poolStaffed[q]);
    v[pre + "served"] = net.servedByPool[q];
    const aht = ratio(net.poolHandleTime[q], net.servedByPool[q]);
    v[pre + "ahtMinutes"] = aht;
    v[pre + "cost"] = r.costs.total(q);
    v[pre + "costPerPaidHour"] = ratio(r.costs.total(q), s.paidMinutes / 60);
    if (p.workforce) {
      v[pre + "headcountEnd"] = s.headcountEnd;
      v[pre + "headcountMin"] = s.headcountMin;
      v[pre + "hires"] = s.hires;
      v[pre + "leavers"] = s.leavers;
    }
  });
  cfg.tiers.forEach((tier, t) => {
    let h = 0, n = 0;
    cfg.pools.forEach((p, q) => { if (p.tier === t) { h += net.poolHandleTime[q]; n += net.servedByPool[q]; } });
    v[`tier.${tier.name}.ahtMinutes`] = ratio(h, n);
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
  v["cost.perContact"] = ratio(total, answeredAtEntry);
  v["cost.perResolvedNeed"] = ratio(total, k.funnelSum(FF.resolved) + k.funnelSum(FF.selfServed));
  v["cost.perCustomerMonth"] = r.retention.meanCustomers > 0 && months > 0 ? total / r.retention.meanCustomers / months : null;
  v["cost.perNeed"] = ratio(total, needs);

  // experience and retention
  const ret = r.retention;
  v["retention.csat"] = ratio(k.funnelSum(FF.satisfied), k.funnelSum(FF.rated));
  v["retention.meanExperienceRow"] = ratio(k.funnelSum(FF.experienceRows), k.funnelSum(FF.rated));
  v["retention.meanChurnMultiplier"] = ratio(k.funnelSum(FF.churnMultiplier), k.funnelSum(FF.experienced));
  v["retention.churned"] = ret.churned;
  v["retention.churnedRevenue"] = ret.churnedRevenue;
  v["retention.serviceChurn"] = ret.serviceChurn;
  v["retention.serviceChurnRevenue"] = ret.serviceChurnRevenue;
  v["retention.revenueEarned"] = ret.revenueEarned;
  v["retention.netRecurringRevenue"] = ret.arrEnd;
  v["retention.revenueAtRisk"] = ret.revenueAtRisk;
  v["retention.revenueProtected"] = ret.revenueProtected;
  v["retention.excessChurnNextYear"] = ret.excessChurnNextYear;
  // churn by calendar month (the months the cost ledger reports)
  ledger.months.labels.forEach((label, m) => {
    if (!(ledger.months.end(m) > cfg.warmup && ledger.months.start(m) < cfg.horizon)) return;
    CHURN_MONTH_FIELDS.forEach((f, j) => { v[`retention.byMonth.${label}.${f}`] = ret.byMonth[m * CHURN_MONTH_FIELDS.length + j]; });
  });
  return v;
}

/** Per-interval series: per channel (entry tier) and the needs per interval. */
export const SERIES_METRICS = ["offered", "serviceLevel", "meanWaitSeconds", "abandonRate", "needs", "occupancy", "agents"] as const;

export interface SupportRun {
  replications: Values[];
  estimates: Record<string, Estimate>;
  /** Per interval, metrics SERIES_METRICS of the series `seriesNames`: one per channel, then one per tier, then "needs". */
  intervals: SeriesAccumulator;
  seriesNames: string[];
  firstInterval: number;
  /** The average week, interval by interval (weekProfile.ts). */
  profile: WeekProfile;
  /** Week by week over the measured window (weeklyTrend.ts). */
  trend: WeeklyTrend;
  eventsPerReplication: number;
  customersBytes: number;
}

export interface SupportRunOptions {
  seed: number | string;
  replications: number;
  trace?: (replication: number) => NetworkTraceSink | null;
  onReplication?: (done: number, total: number) => void;
}

/**
 * What one replication hands back: its named values and the per-interval arrays the series
 * are made from. Plain data (typed arrays), so a worker thread can send it back.
 */
export interface ReplicationOutput {
  values: Values;
  events: number;
  customersBytes: number;
  byInterval: Float64Array;
  needsByInterval: Float64Array;
  tierBusy: Float64Array[];
  tierStaffed: Float64Array[];
  /** Per channel, ∫ contacts waiting at the entry tier per interval (weekProfile.ts). */
  backlog: Float64Array[];
}

/** Run replication `rep` (streams seeded by (seed, rep)): the same numbers on any thread. */
export function simulateReplication(cfg: SupportConfig, seed: number | string, rep: number, trace: NetworkTraceSink | null = null): ReplicationOutput {
  const r = simulateSupport(cfg, new RandomStreams(seed, rep), trace);
  return {
    values: supportValues(r, cfg),
    events: r.events,
    customersBytes: r.customersBytes,
    byInterval: r.counters.byInterval,
    needsByInterval: r.counters.needsByInterval,
    tierBusy: r.network.tierBusy.map((b) => b.bins),
    tierStaffed: r.network.tierStaffed.map((b) => b.bins),
    backlog: r.counters.backlog.map((b) => b.bins),
  };
}

/** Combine replication outputs, in replication order, into estimates and per-interval series. */
export function combineReplications(cfg: SupportConfig, outputs: readonly ReplicationOutput[]): SupportRun {
  const nIntervals = Math.ceil(cfg.horizon / cfg.intervalLength);
  const firstInterval = Math.floor(cfg.warmup / cfg.intervalLength);
  const series = [...cfg.channels.map((c) => c.name), ...cfg.tiers.map((t) => t.name), "needs"];
  const acc = new SeriesAccumulator(nIntervals, series.length, SERIES_METRICS, isFraction);
  const C = cfg.channels.length, T = cfg.tiers.length, F = INTERVAL_FIELDS.length;
  const profile = new WeekProfileAccumulator(cfg);
  let events = 0, bytes = 0;
  for (const r of outputs) {
    profile.add(r);
    events += r.events;
    bytes = Math.max(bytes, r.customersBytes);
    const b = r.byInterval;
    for (let i = firstInterval; i < nIntervals; i++) {
      for (let c = 0; c < C; c++) {
        const at = (i * C + c) * F;
        const offered = b[at + IF.offered], answered = b[at + IF.answered];
        acc.add(i, c, 0, offered);
        acc.add(i, c, 1, ratio(b[at + IF.withinTarget], offered)); // real-time: service level; deferred: within the response target
        acc.add(i, c, 2, answered + b[at + IF.abandoned] > 0 ? (b[at + IF.waitAll] / (answered + b[at + IF.abandoned])) * 60 : null);
        acc.add(i, c, 3, ratio(b[at + IF.abandoned], offered));
      }
      for (let t = 0; t < T; t++) {
        acc.add(i, C + t, 5, ratio(r.tierBusy[t][i], r.tierStaffed[t][i]));
        acc.add(i, C + t, 6, r.tierStaffed[t][i] / cfg.intervalLength); // mean agents on the floor
      }
      acc.add(i, C + T, 4, r.needsByInterval[i]);
    }
  }
  const reps = outputs.map((o) => o.values);
  const estimates: Record<string, Estimate> = {};
  for (const key of Object.keys(reps[0])) {
    estimates[key] = clampEstimate(estimate(reps.map((v) => v[key] ?? null)), isFraction(key), isSigned(key));
  }
  return { replications: reps, estimates, intervals: acc, seriesNames: series, firstInterval, profile: profile.result(), trend: weeklyTrend(cfg, outputs), eventsPerReplication: events / outputs.length, customersBytes: bytes };
}

function checkReplications(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`replications must be an integer >= 1, got ${n}`);
}

/** The replications one after another on this thread. */
export function runSupportReplications(cfg: SupportConfig, opts: SupportRunOptions): SupportRun {
  checkReplications(opts.replications);
  const outputs: ReplicationOutput[] = [];
  for (let rep = 0; rep < opts.replications; rep++) {
    outputs.push(simulateReplication(cfg, opts.seed, rep, opts.trace ? opts.trace(rep) : null));
    opts.onReplication?.(rep + 1, opts.replications);
  }
  return combineReplications(cfg, outputs);
}

/**
 * The replications on `threads` threads (this one and worker threads, see runManyParallel): each replication is the same
 * function of (configuration, seed, index) as on one thread, and the outputs are combined in
 * replication order, so the results are byte-identical whatever the thread count. With one
 * thread, or a trace (a file written as contacts leave), it runs on this thread.
 */
export async function runSupportReplicationsParallel(cfg: SupportConfig, opts: SupportRunOptions & { threads: number }): Promise<SupportRun> {
  checkReplications(opts.replications);
  if (Math.min(opts.threads, opts.replications) <= 1 || opts.trace) return runSupportReplications(cfg, opts);
  const [run] = await runManyParallel([cfg], { ...opts, onReplication: opts.onReplication ? (_c, done, total) => opts.onReplication!(done, total) : undefined });
  return run;
}

/**
 * Several configurations (a sweep's points), each with the same seed and replications, on
 * `threads` threads: this one and a pool of `threads − 1` workers (piscina), all taking tasks
 * from one queue. The configurations go to each worker once (workerData); a task is
 * (configuration, replication); each configuration's outputs are combined in replication order —
 * the same results as running each alone, on any number of threads.
 *
 * This thread works too rather than wait: a worker starts cold (loading the model, compiling it
 * again, about a second), so on a short run the workers join late and this thread does most of
 * the work, while a long run keeps every thread busy. Between its replications it yields, so the
 * workers' results are collected and they are given their next task.
 * `onReplication(done, total)` counts tasks over all configurations.
 */
export async function runManyParallel(
  cfgs: readonly SupportConfig[],
  opts: { seed: number | string; replications: number; threads: number; onReplication?: (config: number, done: number, total: number) => void },
): Promise<SupportRun[]> {
  checkReplications(opts.replications);
  const R = opts.replications, total = cfgs.length * R;
  const threads = Math.max(1, Math.min(opts.threads, total));
  if (threads === 1) {
    let done = 0;
    return cfgs.map((cfg, c) => runSupportReplications(cfg, { seed: opts.seed, replications: R, onReplication: () => opts.onReplication?.(c, ++done, total) }));
  }
  const { Piscina } = await import("piscina");
  const workers = threads - 1;
  const pool = new Piscina({ filename: workerModuleUrl("replicationWorker").href, minThreads: workers, maxThreads: workers, idleTimeout: 1000, workerData: { cfgs, seed: opts.seed } });
  const outputs: ReplicationOutput[] = new Array(total);
  let next = 0, done = 0;
  const task = (k: number) => ({ config: Math.floor(k / R), replication: k % R });
  const finished = (k: number, out: ReplicationOutput) => {
    outputs[k] = out;
    opts.onReplication?.(task(k).config, ++done, total);
  };
  const workerLane = async () => {
    while (next < total) {
      const k = next++;
      finished(k, (await pool.run(task(k))) as ReplicationOutput);
    }
  };
  const thisThread = async () => {
    while (next < total) {
      const k = next++;
      const t = task(k);
      finished(k, simulateReplication(cfgs[t.config], opts.seed, t.replication));
      await new Promise<void>((resolve) => setImmediate(resolve)); // let the workers' results in
    }
  };
  try {
    // the workers get their first tasks before this thread starts on its own
    await Promise.all([...Array.from({ length: workers }, workerLane), thisThread()]);
    return cfgs.map((cfg, c) => combineReplications(cfg, outputs.slice(c * R, (c + 1) * R)));
  } finally {
    await pool.destroy();
  }
}

/**
 * A worker module of this folder (e.g. "replicationWorker"): the compiled JavaScript next to this
 * file (under tests, which run the TypeScript sources, the built copy in dist/).
 */
export function workerModuleUrl(name: string): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL(`../../dist/analysis/${name}.js`, here) : new URL(`./${name}.js`, here);
}

/** Nest dotted keys: {"a.b.c": x} → {a: {b: {c: x}}}. */
export function nest<T>(flat: Record<string, T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let o = out;
    for (let i = 0; i < parts.length - 1; i++) o = (o[parts[i]] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = value;
  }
  return out;
}
