/**
 * Running a full-form scenario file: build the model, run the replications and shape the
 * result that `supportsim run` prints (as tables, or as JSON with --json).
 */
import { parseStartEpochMs } from "../../time/iso.js";
import { compareToHistory } from "../../forecast/compare.js";
import { fitForecast } from "../../forecast/fit.js";
import type { HistoryRow } from "../../forecast/history.js";
import { readCalibrationHistory } from "../../scenario/full/calibrationHistory.js";
import { TimeZoneClock } from "../../time/zone.js";
import { MINUTE_MS, WEEK_MS } from "../../time/units.js";
import { InputError, problem } from "../../errors.js";
import type { NetworkTraceSink } from "../../model/network/networkConfig.js";
import { analyticCheck, type AnalyticCheck } from "./analyticCheck.js";
import type { SupportConfig } from "../../model/config.js";
import { routingOrder } from "../../model/routingOrder.js";
import { runSettings, type RunSettings } from "../../scenario/full/runSettings.js";
import { buildSupport } from "../../scenario/full/build.js";
import { scenarioWarnings } from "../../scenario/full/warnings.js";
import { COST_CATEGORIES } from "../../model/simulation/costBook.js";
import type { SupportScenario } from "../../scenario/full/schema.js";
import type { Estimate } from "../confidence.js";
import type { WeekProfile } from "./weekProfile.js";
import type { WeeklyTrend } from "./weeklyTrend.js";
import { nest, runReplications, runReplicationsParallel, SERIES_METRICS, type RunStatistics } from "./replications.js";

export interface RunReport extends Omit<RunSettings, "name"> {
  scenario: string;
  form: "support";
  start: string;
  timeZone: string;
  channels: { name: string; kind: "realtime" | "deferred" }[];
  tiers: string[];
  segments: string[];
  needTypes: string[];
  pools: { name: string; tier: string; vendor: boolean }[];
  /** Cost categories (one per pool, then contacts, self-service, programs, hiring) and the currency label. */
  costCategories: string[];
  currency: string;
  /** Problems that do not stop a run (a pool without a cost, a channel open with nobody on the floor), one line each. */
  warnings: string[];
  /** Every metric by dotted name (see kpi/values.ts), mean and 95% interval. */
  estimates: Record<string, Estimate>;
  /** The simulated volumes against a history file (when the scenario asks for it). */
  calibration?: Calibration;
  /** How the status quo calibrated the customers' expected waits and the base churn rates (analysis/experiments/statusQuo.ts), when it did. */
  statusQuoCalibration?: string;
  /** The exact Erlang answer beside the simulated queueing metrics, when the scenario is a single queue that has one (analyticCheck.ts). */
  analytic?: AnalyticCheck;
  engine: { eventsPerReplication: number; customerBytes: number };
  /** The average week, interval by interval (weekProfile.ts): what the intraday charts draw. */
  profile: WeekProfile;
  /** Week by week over the measured window (weeklyTrend.ts): what the average week hides. */
  trend: WeeklyTrend;
}

/**
 * How far the simulated volumes are from a history of interval data. The simulated mean
 * offered per interval (entry tier, mean over replications) is fitted with the same weekly ×
 * intraday profile model as a history forecast (no trend), then evaluated at every interval
 * of the history and compared with what was observed there.
 */
export interface Calibration {
  file: string;
  channels: Record<string, { historyChannel: string; observed: number; simulated: number; relativeError: number; wape: number; observedPerWeek: number; simulatedPerWeek: number }>;
  total: { observed: number; simulated: number; relativeError: number; wape: number };
  unmatched: string[];
}

export interface RunOutput {
  settings: RunSettings;
  config: SupportConfig;
  result: RunReport;
  run: RunStatistics;
}

export interface ScenarioRunOptions {
  seed?: number;
  replications?: number;
  baseDir: string;
  file?: string;
  trace?: (replication: number) => NetworkTraceSink | null;
  onReplication?: (done: number, total: number) => void;
  /** The model configuration, when the caller has already built it from `s` (not built again). */
  config?: SupportConfig;
}

export function runScenario(s: SupportScenario, opts: ScenarioRunOptions): RunOutput {
  const settings = runSettings(s, { seed: opts.seed, replications: opts.replications });
  const config = opts.config ?? buildSupport(s, { baseDir: opts.baseDir, file: opts.file });
  const run = runReplications(config, { seed: settings.seed, replications: settings.replications, trace: opts.trace, onReplication: opts.onReplication });
  return runOutputOf(s, settings, config, run, opts);
}

/** The same on `threads` worker threads: identical results whatever the thread count (replications.ts). */
export async function runScenarioParallel(s: SupportScenario, opts: ScenarioRunOptions & { threads: number }): Promise<RunOutput> {
  const settings = runSettings(s, { seed: opts.seed, replications: opts.replications });
  const config = opts.config ?? buildSupport(s, { baseDir: opts.baseDir, file: opts.file });
  const run = await runReplicationsParallel(config, { seed: settings.seed, replications: settings.replications, trace: opts.trace, onReplication: opts.onReplication, threads: opts.threads });
  return runOutputOf(s, settings, config, run, opts);
}

/** The result of a run made elsewhere (compare's pool, say), shaped as `run` reports it. */
export function runOutputOf(s: SupportScenario, settings: RunSettings, config: SupportConfig, run: RunStatistics, opts: Pick<ScenarioRunOptions, "baseDir" | "file">): RunOutput {
  const { name, ...rest } = settings;
  const result: RunReport = {
    scenario: name,
    form: "support",
    ...rest,
    start: config.start,
    timeZone: config.timeZone,
    channels: config.channels.map((c) => ({ name: c.name, kind: c.kind })),
    tiers: routingOrder(config).map((t) => config.tiers[t].name),
    segments: config.segments.map((g) => g.name),
    needTypes: config.needTypes.map((n) => n.name),
    pools: config.pools.map((p) => ({ name: p.name, tier: config.tiers[p.tier].name, vendor: p.vendor !== undefined })),
    costCategories: [...config.pools.map((p) => p.name), ...COST_CATEGORIES],
    currency: config.costs.currency,
    warnings: [...scenarioWarnings(s, config), ...run.drift],
    estimates: run.estimates,
    ...(s.calibration ? { calibration: calibrate(s, config, run, opts) } : {}),
    ...(config.calibratedBy ? { statusQuoCalibration: config.calibratedBy } : {}),
    ...withAnalytic(analyticCheck(config, run.queue)),
    engine: { eventsPerReplication: run.eventsPerReplication, customerBytes: run.customersBytes },
    profile: run.profile,
    trend: run.trend,
  };
  return { settings, config, result, run };
}

const withAnalytic = (a: AnalyticCheck | null): { analytic?: AnalyticCheck } => (a === null ? {} : { analytic: a });

/** The JSON form of a result: estimates nested by their dotted names. */
export function nestedResultJson(r: RunReport): Record<string, unknown> {
  const { estimates, ...rest } = r;
  return { ...rest, ...nest(estimates) };
}

/** Per-interval rows (from the end of the warm-up): one per interval and series. */
export function intervalRows(out: RunOutput): { interval: number; start: string; series: string; metrics: Record<string, Estimate> }[] {
  const { run, settings, config } = out;
  const startMs = parseStartEpochMs(config.start, config.timeZone);
  const clock = new TimeZoneClock(config.timeZone);
  const rows = [];
  const acc = run.intervals;
  const channelCount = config.channels.length, tierCount = config.tiers.length;
  for (let i = run.firstInterval; i < acc.intervals; i++) {
    for (let s = 0; s < run.seriesNames.length; s++) {
      const metrics: Record<string, Estimate> = {};
      // channels: offered, SL, ASA, abandon; tiers: occupancy, agents on the floor; "needs": needs
      const wanted = s < channelCount ? [0, 1, 2, 3] : s < channelCount + tierCount ? [5, 6] : [4];
      for (const m of wanted) metrics[SERIES_METRICS[m]] = acc.get(i, s, m);
      rows.push({ interval: i, start: clock.formatIso(startMs + i * settings.intervalMinutes * MINUTE_MS), series: run.seriesNames[s], metrics });
    }
  }
  return rows;
}

function calibrate(s: SupportScenario, config: SupportConfig, run: RunStatistics, opts: Pick<ScenarioRunOptions, "baseDir" | "file">): Calibration {
  const spec = s.calibration!.history;
  const history = readCalibrationHistory(spec.file, opts.baseDir, opts.file);
  const historyChannels = new Set(history.map((r) => r.channel));
  const map = new Map<string, string>(); // CSV channel → scenario channel
  for (const c of config.channels) {
    const h = spec.channels?.[c.name] ?? c.name;
    if (spec.channels?.[c.name] !== undefined && !historyChannels.has(h)) {
      throw new InputError(problem(`calibration.history.channels.${c.name}`, `unknown channel ${JSON.stringify(h)} in ${spec.file}; expected one of ${[...historyChannels].join(", ")}`), opts.file);
    }
    if (historyChannels.has(h)) map.set(h, c.name);
  }
  for (const key of Object.keys(spec.channels ?? {})) {
    if (!config.channels.some((c) => c.name === key)) throw new InputError(problem("calibration.history.channels", `unknown scenario channel ${JSON.stringify(key)}; expected one of ${config.channels.map((c) => c.name).join(", ")}`), opts.file);
  }
  // the simulated mean volume per interval, as history rows, fitted like a forecast
  const startMs = parseStartEpochMs(config.start, config.timeZone);
  const len = config.intervalLength;
  const simRows: HistoryRow[] = [];
  config.channels.forEach((c, ci) => {
    for (let i = run.firstInterval; i < run.intervals.intervals; i++) {
      const m = run.intervals.get(i, ci, 0).mean ?? 0;
      simRows.push({ start: new Date(startMs + i * len * MINUTE_MS), channel: c.name, offered: m });
    }
  });
  const simForecast = fitForecast(simRows, { timeZone: config.timeZone, intervalMinutes: len, trend: false });
  const renamed = history.filter((r) => map.has(r.channel)).map((r) => ({ ...r, channel: map.get(r.channel)! }));
  const cmp = compareToHistory(simForecast, renamed);
  const weeks = (history.length > 0 ? (Math.max(...history.map((r) => r.start.getTime())) - Math.min(...history.map((r) => r.start.getTime())) + cmp.intervalMinutes * MINUTE_MS) / WEEK_MS : 1) || 1;
  const channels: Calibration["channels"] = {};
  for (const [name, e] of Object.entries(cmp.channels)) {
    const hc = [...map.entries()].find(([, v]) => v === name)![0];
    channels[name] = { historyChannel: hc, observed: e.observed, simulated: e.expected, relativeError: e.totalRelativeError, wape: e.wape, observedPerWeek: e.observed / weeks, simulatedPerWeek: e.expected / weeks };
  }
  return {
    file: spec.file,
    channels,
    total: { observed: cmp.total.observed, simulated: cmp.total.expected, relativeError: cmp.total.totalRelativeError, wape: cmp.total.wape },
    unmatched: [...historyChannels].filter((h) => !map.has(h)),
  };
}
