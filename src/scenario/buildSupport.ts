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
import { parseClock, parseDays, parseStartEpochMs } from "../model/coverage.js";
import { fitForecast, toPiecewiseRates, type Forecast } from "../model/forecast.js";
import { HistoryError, readHistoryFile } from "../model/history.js";
import type {
  ChannelConfig,
  Duration,
  NeedTypeConfig,
  QualityFixConfig,
  ReleaseConfig,
  SegmentConfig,
  SupportConfig,
  SupportPoolConfig,
  SupportTierConfig,
  WeeklyHours,
} from "../model/supportConfig.js";
import { durationSpec, type RunSettings } from "./build.js";
import { closest, ScenarioError } from "./load.js";
import type { DurationInput } from "./schema.js";
import {
  FORECAST_SEGMENT,
  horizonMinutes,
  MINUTES_PER_DAY,
  MINUTES_PER_MONTH,
  MINUTES_PER_YEAR,
  SEVERITIES,
  SUPPORT_DEFAULTS as D,
  warmupMinutes,
  type SupportScenario,
} from "./supportSchema.js";

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
      const churn = g.churnPerYear ?? D.segment.churnPerYear;
      segments.push({
        name: g.name,
        customers: counts[i],
        expertise: g.expertise ?? D.segment.expertise,
        revenuePerYear: g.revenuePerYear ?? D.segment.revenuePerYear,
        tenureAtStart: tenure(g.tenureAtStartDays, churn),
        salesPerMinute: (sales * g.share) / MINUTES_PER_MONTH,
        churnPerMinute: churnHazardPerMinute(churn),
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
    const out: SupportPoolConfig = {
      name: p.name,
      tier: idx(tierNames, p.tier, "tier"),
      agents: p.agents,
      skills: [...skills].sort((a, b) => a - b),
      concurrency: p.concurrency ?? D.pool.concurrency,
      stretch: p.stretch ?? D.pool.stretch,
    };
    const hours = weeklyHours(p.hours);
    if (hours !== undefined) out.hours = hours;
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

  return {
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
  };
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

/** Tenure at start, minutes; default exponential with mean 1 / churn years (730 days without churn). */
function tenure(t: NonNullable<SupportScenario["customers"]>["segments"][number]["tenureAtStartDays"], churnPerYear: number): Duration {
  if (t === undefined) {
    const meanDays = churnPerYear > 0 ? (MINUTES_PER_YEAR / MINUTES_PER_DAY) / churnPerYear : D.segment.tenureMeanDaysWithoutChurn;
    return { type: "exponential", mean: meanDays * MINUTES_PER_DAY };
  }
  if (t.dist === "exponential") return { type: "exponential", mean: t.meanDays * MINUTES_PER_DAY };
  return { type: "uniform", min: t.minDays * MINUTES_PER_DAY, max: t.maxDays * MINUTES_PER_DAY };
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
