/**
 * Turning a validated full-form scenario (src/scenario/supportSchema.ts: planners' units —
 * dates, days, hours, per month, per year) into the support-demand model's configuration
 * (src/model/supportConfig.ts: minutes since the scenario start t = 0, rates per minute,
 * work index = needType × channels + channel).
 *
 * Conversions:
 *  - days × 1440, hours × 60 → minutes; seconds / 60 → minutes;
 *  - per month: / (525960 / 12); per year: / 525960;
 *  - churnPerYear p (an annual probability) → hazard −ln(1 − p) / 525960 per minute;
 *    renewalRate r with termMonths m → churn mode "renewal", term m × 43830 minutes (no hazard);
 *  - attritionPerYear a (leavers per employee-year) → hazard a / 525960 per minute;
 *  - …PerMonth money (fees, programme costs) → per minute: / 43830;
 *  - shifts and staffing tables → the pool's `schedule`; its `agents` (the most on the floor at
 *    once) and `hours` (when anyone is scheduled) come from `WeeklyPattern` (staffing.ts); the
 *    simple form (agents with optional hours) keeps agents and hours as written;
 *  - a loaded cost per hour = wagePerHour × (1 + benefits + overhead);
 *  - names of need types and tiers in KCS maps → arrays by index (unnamed: neutral values);
 *  - dates → minutes since the start epoch (`parseStartEpochMs`: a date alone is local
 *    midnight in the scenario's zone, a date-time without offset is local wall time);
 *  - opening hours → WeeklyHours spans (`parseDays`, `parseClock`).
 *
 * Customers per segment are round(count × share), the rounding remainder going to the
 * largest segment (by share; if the rounding overshoots so that the largest would go below
 * 0, the excess is taken one by one from the segments with most customers).
 *
 * Without `customers` (a pure volume forecast), the model gets one synthetic segment named
 * "forecast" with 0 customers, no sales and no churn, the lowest priority class, the free plan
 * and every channel; forecast arrivals belong to it (`arrivals[i].segment` may only name it).
 */
import { resolve as resolvePath } from "node:path";
import { parseClock, parseDays, parseStartEpochMs } from "../../model/staffing/openingHours.js";
import { fitForecast, toPiecewiseRates, type Forecast } from "../../forecast/forecast.js";
import { HistoryError, readHistoryFile } from "../../forecast/history.js";
import { CALIBRATIONS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_RETENTION_WEIGHTS } from "../../model/customers/retention.js";
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import { WEEK_MINUTES } from "../../time/units.js";
import { TimeZoneClock } from "../../forecast/history.js";
import type {
  ChannelConfig,
  Duration,
  KcsConfig,
  NeedTypeConfig,
  ProblemManagementConfig,
  QualityFixConfig,
  ReleaseConfig,
  RetentionConfig,
  SegmentConfig,
  SupportConfig,
  SupportPoolConfig,
  SupportTierConfig,
  VendorConfig,
  WeeklyHours,
  WorkforceConfig,
} from "../../model/config.js";
import { durationSpec, type RunSettings } from "../simple/build.js";

export { poolSchedule } from "./schema.js";
import { closest, ScenarioError } from "../load.js";
import type { DurationInput } from "../simple/schema.js";
import {
  FORECAST_SEGMENT,
  horizonMinutes,
  MINUTES_PER_DAY,
  MINUTES_PER_MONTH,
  MINUTES_PER_YEAR,
  poolSchedule,
  SEVERITIES,
  SUPPORT_DEFAULTS as D,
  warmupMinutes,
  type SupportScenario,
} from "./schema.js";

type Hours = NonNullable<SupportScenario["channels"][number]["hours"]>;

/** Opening spans in the file's notation → the model's WeeklyHours (undefined = always open). */
export function weeklyHours(hours: Hours | undefined): WeeklyHours | undefined {
  if (hours === undefined) return undefined;
  return { spans: hours.map((h) => ({ days: parseDays(h.days), open: parseClock(h.open), close: parseClock(h.close) })) };
}

/** Hazard per minute of an annual leaving probability p (0 <= p < 1). */
export function churnHazardPerMinute(p: number): number {
  return -Math.log1p(-p) / MINUTES_PER_YEAR;
}

/** Customers per segment: round(count × share), the remainder to the largest segment. */
export function customersPerSegment(count: number, shares: readonly number[]): number[] {
  const out = shares.map((sh) => Math.round(count * sh));
  let largest = 0;
  shares.forEach((sh, i) => {
    if (sh > shares[largest]) largest = i;
  });
  let diff = count - out.reduce((a, b) => a + b, 0);
  if (diff >= 0 || out[largest] + diff >= 0) {
    out[largest] += diff;
    return out;
  }
  // rounding overshot by more than the largest segment holds: take from the biggest counts
  while (diff < 0) {
    let k = 0;
    out.forEach((v, i) => {
      if (v > out[k] || (v === out[k] && shares[i] > shares[k])) k = i;
    });
    out[k]--;
    diff++;
  }
  return out;
}

/**
 * The model configuration of a validated full-form scenario.
 * @param options.baseDir the directory history files are relative to (the scenario file's).
 * @param options.file the scenario file, for error messages.
 * @throws ScenarioError when a history file cannot be read or fitted (path `arrivals[i].history.file`)
 *   or does not have the named channel (`arrivals[i].history.channel`).
 */
export function buildSupport(s: SupportScenario, options: { baseDir: string; file?: string }): SupportConfig {
  const timeZone = s.timeZone ?? D.timeZone;
  const startMs = parseStartEpochMs(s.start, timeZone);
  const horizon = horizonMinutes(s.horizon);
  if (horizon === undefined) throw new RangeError("buildSupport: expected a validated scenario (horizon: exactly one of days or hours)");
  const toT = (date: string): number => (parseStartEpochMs(date, timeZone) - startMs) / 60_000;
  const threshold = (s.serviceLevel?.thresholdSeconds ?? D.serviceLevel.thresholdSeconds) / 60;

  const classes = [...(s.priorityClasses ?? D.priorityClasses)];
  const needNames = s.needTypes.map((n) => n.name);
  const chanNames = s.channels.map((c) => c.name);
  const tierNames = s.tiers.map((t) => t.name);
  const C = chanNames.length;
  const idx = (names: readonly string[], name: string, what: string): number => {
    const i = names.indexOf(name);
    if (i < 0) throw new RangeError(`buildSupport: unknown ${what} "${name}" (expected a validated scenario)`);
    return i;
  };
  const allChannels = chanNames.map((_, i) => i);

  // ---- customers -------------------------------------------------------------------------
  const segments: SegmentConfig[] = [];
  if (s.customers !== undefined) {
    const cu = s.customers;
    const counts = customersPerSegment(cu.count, cu.segments.map((g) => g.share));
    const sales = cu.salesPerMonth ?? D.customers.salesPerMonth;
    cu.segments.forEach((g, i) => {
      const renewal = g.renewalRate !== undefined;
      const termMonths = g.termMonths ?? D.segment.termMonths;
      const churn = renewal ? 0 : (g.churnPerYear ?? D.segment.churnPerYear);
      segments.push({
        name: g.name,
        customers: counts[i],
        expertise: g.expertise ?? D.segment.expertise,
        revenuePerYear: g.revenuePerYear ?? D.segment.revenuePerYear,
        tenureAtStart: tenure(g.tenureAtStartDays, renewal ? renewalChurnPerYear(g.renewalRate as number, termMonths) : churn),
        salesPerMinute: (sales * g.share) / MINUTES_PER_MONTH,
        churnPerMinute: churnHazardPerMinute(churn),
        churnMode: renewal ? "renewal" : "hazard",
        renewalRate: g.renewalRate ?? 1,
        term: termMonths * MINUTES_PER_MONTH,
        priorityClass: g.priority === undefined ? classes.length - 1 : idx(classes, g.priority, "priority class"),
        plan: g.plan ?? D.segment.plan,
        pricePerIncident: g.pricePerIncident ?? D.segment.pricePerIncident,
        channels: g.channels === undefined ? [...allChannels] : g.channels.map((c) => idx(chanNames, c, "channel")),
      });
    });
  } else {
    segments.push({
      name: FORECAST_SEGMENT,
      customers: 0,
      expertise: D.segment.expertise,
      revenuePerYear: D.segment.revenuePerYear,
      tenureAtStart: { type: "exponential", mean: D.segment.tenureMeanDaysWithoutChurn * MINUTES_PER_DAY },
      salesPerMinute: 0,
      churnPerMinute: 0,
      churnMode: "hazard",
      renewalRate: 1,
      term: D.segment.termMonths * MINUTES_PER_MONTH,
      priorityClass: classes.length - 1,
      plan: "free",
      pricePerIncident: 0,
      channels: [...allChannels],
    });
  }
  const segNames = segments.map((g) => g.name);
  const learning = s.customers?.learning;

  // ---- need types and channels -----------------------------------------------------------
  const needTypes: NeedTypeConfig[] = s.needTypes.map((n) => ({
    name: n.name,
    ratePerMinute: n.perCustomerPerMonth / MINUTES_PER_MONTH,
    driver: n.driver ?? D.needType.driver,
    severity: SEVERITIES.indexOf(n.severity ?? D.needType.severity),
    channelPreference: chanNames.map((c) => (Object.hasOwn(n.channels, c) ? n.channels[c] : 0)),
    kbCoverage: n.kbCoverage ?? D.needType.kbCoverage,
  }));

  const channels: ChannelConfig[] = s.channels.map((c) => {
    const realtime = c.kind === "realtime";
    const responseTarget = realtime ? undefined : (c.responseTargetHours ?? D.channel.responseTargetHours) * 60;
    const out: ChannelConfig = {
      name: c.name,
      kind: c.kind,
      entryTier: c.entryTier === undefined ? 0 : idx(tierNames, c.entryTier, "tier"),
      waitWeightPerMinute: c.waitWeightPerMinute ?? D.channel.waitWeightPerMinute[c.kind],
      initialExpectedWait: c.expectedWaitMinutes ?? (realtime ? threshold : (responseTarget as number)),
      dissatisfactionWeight: c.dissatisfactionWeight ?? D.channel.dissatisfactionWeight,
    };
    const hours = weeklyHours(c.hours);
    if (hours !== undefined) out.hours = hours;
    if (responseTarget !== undefined) out.responseTarget = responseTarget;
    if (c.callback !== undefined) out.callback = { afterPredictedWait: c.callback.afterPredictedWaitMinutes, acceptShare: c.callback.acceptShare };
    if (c.redial !== undefined) out.redial = { share: c.redial.share, delay: durationSpec(c.redial.delay) };
    return out;
  });

  // ---- quality ---------------------------------------------------------------------------
  const releases: ReleaseConfig[] = (s.quality?.releases ?? []).map((r) => {
    const out: ReleaseConfig = { name: r.name, at: toT(r.date), spike: r.spike, halfLife: r.halfLifeDays * MINUTES_PER_DAY };
    if (r.hotfix !== undefined) out.hotfix = { at: toT(r.hotfix.date), removes: r.hotfix.removes };
    if (r.notify !== undefined) out.notify = { at: toT(r.notify.date), deflect: r.notify.deflect, soften: r.notify.soften };
    return out;
  });
  const fixes: QualityFixConfig[] = (s.quality?.fixes ?? []).map((f) => {
    const out: QualityFixConfig = { name: f.name, reduction: f.reduction, ramp: (f.rampDays ?? D.fix.rampDays) * MINUTES_PER_DAY };
    if (f.date !== undefined) out.at = toT(f.date);
    else {
      out.afterRequests = f.afterRequests;
      out.lead = (f.leadDays ?? D.fix.leadDays) * MINUTES_PER_DAY;
    }
    return out;
  });

  // ---- tiers and pools -------------------------------------------------------------------
  const tiers: SupportTierConfig[] = s.tiers.map((t) => {
    const handleTimeByWork: (Duration | undefined)[] = [];
    for (let n = 0; n < needNames.length; n++) {
      for (let c = 0; c < C; c++) {
        const o = handleTimeOverride(t.handleTimes ?? [], needNames[n], chanNames[c]);
        handleTimeByWork.push(o === undefined ? undefined : durationSpec(o));
      }
    }
    const patience = t.patience ?? {};
    const out: SupportTierConfig = {
      name: t.name,
      handleTimeByWork,
      handleTime: durationSpec(t.handleTime),
      patienceByChannel: chanNames.map((c) => (Object.hasOwn(patience, c) ? durationSpec(patience[c]) : undefined)),
      resolveByNeed: needNames.map((n) => (typeof t.resolve === "number" ? t.resolve : t.resolve[n])),
      nextMode: t.nextMode ?? D.tier.nextMode,
    };
    if (t.next !== undefined) out.next = idx(tierNames, t.next, "tier");
    return out;
  });

  const pools: SupportPoolConfig[] = s.pools.map((p) => {
    const needs = (p.needTypes ?? needNames).map((n) => idx(needNames, n, "need type"));
    const chans = (p.channels ?? chanNames).map((c) => idx(chanNames, c, "channel"));
    const skills = new Set<number>();
    for (const n of needs) for (const c of chans) skills.add(n * C + c);
    const schedule = poolSchedule(p);
    const pattern = new WeeklyPattern(schedule);
    const out: SupportPoolConfig = {
      name: p.name,
      tier: idx(tierNames, p.tier, "tier"),
      agents: schedule.type === "hours" ? schedule.agents : pattern.maxFloor,
      skills: [...skills].sort((a, b) => a - b),
      concurrency: p.concurrency ?? D.pool.concurrency,
      stretch: p.stretch ?? D.pool.stretch,
      schedule,
      timeZone: p.timeZone ?? timeZone,
      shrinkage: p.shrinkage ?? D.pool.shrinkage,
      occupancyCap: p.occupancyCap ?? D.pool.occupancyCap,
      handleTimeFactor: p.handleTimeFactor ?? D.pool.handleTimeFactor,
      resolveFactor: p.resolveFactor ?? D.pool.resolveFactor,
      costPerHour: loadedCostPerHour(p),
    };
    const hours = schedule.type === "hours" ? schedule.hours : pattern.staffedHours();
    if (hours !== undefined) out.hours = hours;
    if (p.workforce !== undefined) out.workforce = workforceConfig(p.workforce, pattern.paidMinutesPerWeek, toT);
    if (p.vendor !== undefined) out.vendor = vendorConfig(p.vendor, toT);
    return out;
  });

  // ---- forecast arrivals -----------------------------------------------------------------
  const forecasts = new Map<string, Forecast>();
  const forecastStreams: SupportConfig["forecastStreams"] = (s.arrivals ?? []).map((a, i) => {
    const head = {
      channel: idx(chanNames, a.channel, "channel"),
      needType: a.needType === undefined ? 0 : idx(needNames, a.needType, "need type"),
      segment: a.segment === undefined ? 0 : idx(segNames, a.segment, "segment"),
    };
    if (a.pattern !== undefined) {
      const step = a.pattern.stepMinutes;
      const stream: SupportConfig["forecastStreams"][number] = {
        ...head,
        starts: a.pattern.ratesPerHour.map((_, k) => k * step),
        ratesPerMinute: a.pattern.ratesPerHour.map((r) => r / 60),
      };
      if (a.pattern.repeat) stream.cycle = a.pattern.ratesPerHour.length * step;
      return stream;
    }
    if (a.history !== undefined) {
      const file = resolvePath(options.baseDir, a.history.file);
      let forecast = forecasts.get(file);
      if (forecast === undefined) {
        try {
          forecast = fitForecast(readHistoryFile(file), { timeZone });
        } catch (e) {
          if (e instanceof HistoryError || e instanceof RangeError) throw new ScenarioError([`arrivals[${i}].history.file: ${e.message}`], options.file);
          throw e;
        }
        forecasts.set(file, forecast);
      }
      const names = Object.keys(forecast.channels);
      if (!names.includes(a.history.channel)) {
        const guess = closest(a.history.channel, names);
        throw new ScenarioError(
          [`arrivals[${i}].history.channel: unknown channel ${JSON.stringify(a.history.channel)} in ${a.history.file}; expected one of ${names.join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`],
          options.file,
        );
      }
      const r = toPiecewiseRates(forecast, a.history.channel, new Date(startMs), new Date(startMs + horizon * 60_000));
      return { ...head, starts: r.starts, ratesPerMinute: r.ratesPerMinute };
    }
    return { ...head, starts: [0], ratesPerMinute: [(a.ratePerHour as number) / 60] };
  });

  // ---- programmes, costs, retention -----------------------------------------------------
  const kcs = s.kcs === undefined ? undefined : kcsConfig(s.kcs, needTypes, tierNames, toT);
  let problemManagement: ProblemManagementConfig | undefined;
  if (s.problemManagement !== undefined) {
    const pm = s.problemManagement;
    problemManagement = {
      start: pm.start === undefined ? 0 : toT(pm.start),
      needTypes:
        pm.needTypes === undefined
          ? needTypes.flatMap((n, k) => (n.driver === "quality" ? [k] : []))
          : pm.needTypes.map((n) => idx(needNames, n, "need type")),
      resolvedPerFix: pm.resolvedPerFix,
      lag: pm.lagDays * MINUTES_PER_DAY,
      reductionPerFix: pm.reductionPerFix,
      maxReduction: pm.maxReduction ?? D.problemManagement.maxReduction,
      costPerFix: pm.costPerFix ?? D.problemManagement.costPerFix,
    };
  }

  const config: SupportConfig = {
    start: s.start,
    timeZone,
    horizon,
    warmup: warmupMinutes(s.horizon),
    intervalLength: s.horizon.intervalMinutes ?? D.horizon.intervalMinutes,
    threshold,
    seasonality: structuredClone(s.seasonality ?? {}),
    learning: {
      noviceMultiplier: learning?.noviceMultiplier ?? D.customers.learning.noviceMultiplier,
      timeConstant: (learning?.timeConstantDays ?? D.customers.learning.timeConstantDays) * MINUTES_PER_DAY,
    },
    segments,
    classes,
    needTypes,
    channels,
    quality: { releases, fixes },
    access: {
      askLogOdds: s.access?.askLogOdds ?? D.access.askLogOdds,
      severityWeight: s.access?.severityWeight ?? D.access.severityWeight,
      priceWeight: s.access?.priceWeight ?? D.access.priceWeight,
      accessWeight: s.access?.accessWeight ?? D.access.accessWeight,
      waitMemory: s.access?.waitMemory ?? D.access.waitMemory,
      outsideHours: s.access?.outsideHours ?? D.access.outsideHours,
      retryShare: s.access?.retry?.share ?? D.access.retry.share,
      retryDelay: durationSpec(s.access?.retry?.delay ?? D.access.retry.delay),
    },
    selfService: {
      tryShare: s.selfService?.tryShare ?? D.selfService.tryShare,
      successAtFullCoverage: s.selfService?.successAtFullCoverage ?? D.selfService.successAtFullCoverage,
      goOnShare: s.selfService?.goOnShare ?? D.selfService.goOnShare,
    },
    repeat: {
      share: s.repeat?.share ?? D.repeat.share,
      delay: durationSpec(s.repeat?.delay ?? D.repeat.delay),
      switchShare: s.repeat?.switchShare ?? D.repeat.switchShare,
    },
    tiers,
    pools,
    forecastStreams,
    causal: s.customers !== undefined,
    costs: {
      currency: s.currency ?? D.currency,
      perContactByChannel: s.channels.map((c) => c.costPerContact ?? D.costs.costPerContact),
      perSelfServiceSession: s.selfService?.costPerSession ?? D.costs.costPerSession,
    },
    retention: retentionConfig(s.retention),
  };
  if (s.operatingModel !== undefined) config.operatingModel = s.operatingModel;
  if (kcs !== undefined) config.kcs = kcs;
  if (problemManagement !== undefined) config.problemManagement = problemManagement;
  return config;
}

type PoolInput = SupportScenario["pools"][number];

/** Loaded cost per paid agent hour: costPerHour, or wagePerHour × (1 + benefits + overhead); 0 when neither is given. */
export function loadedCostPerHour(p: Pick<PoolInput, "costPerHour" | "cost">): number {
  if (p.costPerHour !== undefined) return p.costPerHour;
  if (p.cost !== undefined) return p.cost.wagePerHour * (1 + (p.cost.benefits ?? D.pool.cost.benefits) + (p.cost.overhead ?? D.pool.cost.overhead));
  return D.pool.costPerHour;
}

/**
 * The pool's workforce in model units. The target defaults to the FTE the schedule pays for,
 * ceil(paid agent-minutes per week / (hoursPerWeek · 60)) (a 1e-9 slack against rounding
 * noise), the headcount at the start to ceil(target).
 */
function workforceConfig(w: NonNullable<PoolInput["workforce"]>, paidMinutesPerWeek: number, toT: (date: string) => number): WorkforceConfig {
  const W = D.workforce;
  const hoursPerWeek = w.hoursPerWeek ?? W.hoursPerWeek;
  const target = w.targetHeadcount ?? Math.max(0, Math.ceil(paidMinutesPerWeek / (hoursPerWeek * 60) - 1e-9));
  const hiring: WorkforceConfig["hiring"] = {
    mode: w.hiring?.mode ?? W.hiring.mode,
    leadTime: { type: "deterministic", value: (w.hiring?.leadTimeDays ?? W.hiring.leadTimeDays) * MINUTES_PER_DAY },
    plan: (w.hiring?.plan ?? []).map((h) => ({ at: toT(h.date), hires: h.hires })),
  };
  if (w.hiring?.freezeFrom !== undefined) hiring.freezeFrom = toT(w.hiring.freezeFrom);
  return {
    headcount: w.headcount ?? Math.ceil(target - 1e-9),
    target,
    hoursPerWeek,
    attritionPerMinute: (w.attritionPerYear ?? W.attritionPerYear) / MINUTES_PER_YEAR,
    hiring,
    training: (w.trainingDays ?? W.trainingDays) * MINUTES_PER_DAY,
    ramp: (w.ramp ?? W.ramp).map((r) => ({ at: r.afterDays * MINUTES_PER_DAY, proficiency: r.proficiency })),
    resolvePenalty: w.resolvePenalty ?? W.resolvePenalty,
    costPerHire: w.costPerHire ?? W.costPerHire,
  };
}

/** The vendor in model units: fee per month / 43830 per minute, seconds and days to minutes, start 0 by default. */
function vendorConfig(v: NonNullable<PoolInput["vendor"]>, toT: (date: string) => number): VendorConfig {
  const V = D.vendor;
  return {
    costPerHour: v.costPerHour ?? V.costPerHour,
    costPerContact: v.costPerContact ?? V.costPerContact,
    feePerMinute: (v.feePerMonth ?? V.feePerMonth) / MINUTES_PER_MONTH,
    routing: v.routing ?? V.routing,
    share: v.share ?? 0,
    overflowAfter: (v.overflowAfterSeconds ?? 0) / 60,
    start: v.start === undefined ? 0 : toT(v.start),
    transition: (v.transitionDays ?? V.transitionDays) * MINUTES_PER_DAY,
    initialProficiency: v.initialProficiency ?? V.initialProficiency,
    experiencePenalty: v.experiencePenalty ?? V.experiencePenalty,
  };
}

/** Value of a name in an optional map, or the default. */
function named(map: Readonly<Record<string, number>> | undefined, key: string, fallback: number): number {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : fallback;
}

/** The KCS programme in model units: arrays by need type (coverage; unnamed keep their base) and by tier (unnamed: neutral). */
function kcsConfig(k: NonNullable<SupportScenario["kcs"]>, needTypes: readonly NeedTypeConfig[], tierNames: readonly string[], toT: (date: string) => number): KcsConfig {
  const K = D.kcs;
  const cov = k.coverage;
  return {
    start: k.start === undefined ? 0 : toT(k.start),
    ramp: (k.rampMonths ?? K.rampMonths) * MINUTES_PER_MONTH,
    shape: k.shape ?? K.shape,
    coverage: needTypes.map((n) => (typeof cov === "number" ? cov : named(cov, n.name, n.kbCoverage))),
    resolveGain: tierNames.map((t) => named(k.resolveGain, t, K.resolveGain)),
    handleTimeFactor: tierNames.map((t) => named(k.handleTimeFactor, t, K.handleTimeFactor)),
    articleTime: tierNames.map((t) => named(k.articleTime, t, K.articleTime)),
    complexityUplift: k.complexityUplift ?? K.complexityUplift,
    costPerMinute: (k.costPerMonth ?? K.costPerMonth) / MINUTES_PER_MONTH,
  };
}

/** Retention: the calibration's tables (rows overridden by `multipliers`), default weights overridden one by one, half-life in minutes. */
function retentionConfig(r: SupportScenario["retention"]): RetentionConfig {
  const calibration = r?.calibration ?? D.retention.calibration;
  const table = CALIBRATIONS[calibration];
  const weights: RetentionConfig["weights"] = { ...DEFAULT_RETENTION_WEIGHTS };
  for (const [key, value] of Object.entries(r?.weights ?? {}) as [keyof RetentionConfig["weights"], number | undefined][]) {
    if (value !== undefined) weights[key] = value;
  }
  return {
    calibration,
    multipliers: { minor: [...(r?.multipliers?.minor ?? table.minor)], major: [...(r?.multipliers?.major ?? table.major)] },
    weights,
    halfLife: (r?.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS) * MINUTES_PER_DAY,
  };
}

/** The annual leaving probability of renewals every `termMonths` with probability r: 1 − r^(12 / termMonths). */
export function renewalChurnPerYear(renewalRate: number, termMonths: number): number {
  return 1 - Math.pow(renewalRate, 12 / termMonths);
}

/**
 * The handle-time override of a tier for (need type, channel): an entry naming both wins,
 * then one naming only the need type, then one naming only the channel; undefined → the
 * tier's handleTime.
 */
function handleTimeOverride(
  entries: readonly { needType?: string; channel?: string; handleTime: DurationInput }[],
  need: string,
  channel: string,
): DurationInput | undefined {
  return (
    entries.find((e) => e.needType === need && e.channel === channel)?.handleTime ??
    entries.find((e) => e.needType === need && e.channel === undefined)?.handleTime ??
    entries.find((e) => e.needType === undefined && e.channel === channel)?.handleTime
  );
}

/** Tenure at start, minutes; default exponential with mean 1 / churn years (730 days without churn; with renewals, the annual churn 1 − r^(12 / termMonths)). */
function tenure(t: NonNullable<SupportScenario["customers"]>["segments"][number]["tenureAtStartDays"], churnPerYear: number): Duration {
  if (t === undefined) {
    const meanDays = churnPerYear > 0 ? (MINUTES_PER_YEAR / MINUTES_PER_DAY) / churnPerYear : D.segment.tenureMeanDaysWithoutChurn;
    return { type: "exponential", mean: meanDays * MINUTES_PER_DAY };
  }
  if (t.dist === "exponential") return { type: "exponential", mean: t.meanDays * MINUTES_PER_DAY };
  return { type: "uniform", min: t.minDays * MINUTES_PER_DAY, max: t.maxDays * MINUTES_PER_DAY };
}

// ---------------------------------------------------------------------------------------
// Warnings: problems that do not stop a run

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** "Mon 12:00" of a minute of the week; the end of a run that stops at midnight is "24:00" of its day. */
function weekTime(m: number, end = false): string {
  let day = Math.floor(m / MINUTES_PER_DAY);
  let minute = m - day * MINUTES_PER_DAY;
  if (end && minute === 0) {
    day = (day + 6) % 7;
    minute = MINUTES_PER_DAY;
  }
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return `${DAY_NAMES[day % 7]} ${hh}:${mm}`;
}

/** "Mon 12:00–12:30", or "Fri 22:00–Sat 02:00" across midnight. */
function weekInterval(a: number, b: number): string {
  const from = weekTime(a);
  const to = weekTime(b, true);
  return from.slice(0, 3) === to.slice(0, 3) ? `${from}–${to.slice(4)}` : `${from}–${to}`;
}

/**
 * Problems of a valid scenario that should not stop a run, one line each, "path: message":
 * - a pool without a cost (`costPerHour` or `cost`): the costs leave it out;
 * - a vendor with no cost at all (costPerHour, costPerContact and feePerMonth all 0);
 * - a real-time channel with opening hours that is open while no pool serving it at its entry
 *   tier has an agent on the floor (lunch breaks, a gap between shifts), over one week.
 *
 * The coverage check compares the channel's hours (local time of the scenario's zone) with
 * each pool's weekly floor (`WeeklyPattern.floorAt`, local time of the pool's zone) minute by
 * minute over the local week Mon 00:00 … Sun 24:00, shifting each pool's pattern by the
 * difference of UTC offsets AT THE START (the start week is the representative week: a
 * daylight-saving change later, or on a different date in the two zones, moves it). It looks
 * at schedules only: shrinkage, a vendor's start and a workforce's hiring are not counted.
 */
export function supportWarnings(s: SupportScenario, cfg: SupportConfig): string[] {
  const out: string[] = [];
  s.pools.forEach((p, i) => {
    if (p.vendor === undefined) {
      if (p.costPerHour === undefined && p.cost === undefined) out.push(`pools[${i}].costPerHour: missing: costs leave out pool "${p.name}"`);
      return;
    }
    const v = p.vendor;
    if (!((v.costPerHour ?? 0) > 0 || (v.costPerContact ?? 0) > 0 || (v.feePerMonth ?? 0) > 0)) {
      out.push(`pools[${i}].vendor: expected a cost (costPerHour, costPerContact or feePerMonth > 0), got none: costs leave out vendor pool "${p.name}"`);
    }
  });

  const C = cfg.channels.length;
  const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
  const offsetAtStart = (zone: string): number => new TimeZoneClock(zone).offsetMinutes(startMs);
  const baseOffset = offsetAtStart(cfg.timeZone);
  cfg.channels.forEach((ch, c) => {
    if (ch.kind !== "realtime" || ch.hours === undefined) return;
    const serving = cfg.pools.filter((p) => p.tier === ch.entryTier && p.skills.some((w) => w % C === c));
    if (serving.length === 0) return;
    const floors = serving.map((p) => ({ pattern: new WeeklyPattern(p.schedule), shift: offsetAtStart(p.timeZone) - baseOffset }));
    const open = new Uint8Array(WEEK_MINUTES);
    for (const span of ch.hours.spans) for (const d of span.days) open.fill(1, d * MINUTES_PER_DAY + span.open, d * MINUTES_PER_DAY + span.close);
    const gaps: string[] = [];
    let from = -1;
    for (let m = 0; m <= WEEK_MINUTES; m++) {
      const uncovered = m < WEEK_MINUTES && open[m] === 1 && floors.every((f) => !(f.pattern.floorAt(m + f.shift) > 0));
      if (uncovered && from < 0) from = m;
      else if (!uncovered && from >= 0) {
        gaps.push(weekInterval(from, m));
        from = -1;
      }
    }
    if (gaps.length === 0) return;
    const MAX = 10;
    const shown = gaps.length <= MAX ? gaps.join(", ") : `${gaps.slice(0, MAX).join(", ")}, … (${gaps.length - MAX} more)`;
    const names = serving.map((p) => JSON.stringify(p.name)).join(", ");
    out.push(`channels[${c}] (${ch.name}): open but no agent on the floor ${shown} (pool${serving.length > 1 ? "s" : ""} ${names}; ${cfg.timeZone} time, the week of the start)`);
  });
  return out;
}

/** Run settings after defaults (the shape `runSettings` gives for the simple form). */
export function supportRunSettings(s: SupportScenario, overrides: { seed?: number; replications?: number } = {}): RunSettings {
  const horizon = horizonMinutes(s.horizon);
  if (horizon === undefined) throw new RangeError("supportRunSettings: expected a validated scenario (horizon: exactly one of days or hours)");
  return {
    name: s.name,
    seed: overrides.seed ?? s.seed ?? D.seed,
    replications: overrides.replications ?? s.replications ?? D.replications,
    horizonHours: horizon / 60,
    warmupHours: warmupMinutes(s.horizon) / 60,
    intervalMinutes: s.horizon.intervalMinutes ?? D.horizon.intervalMinutes,
    thresholdSeconds: s.serviceLevel?.thresholdSeconds ?? D.serviceLevel.thresholdSeconds,
  };
}
