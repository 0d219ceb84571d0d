/**
 * Running a full-form scenario file: build the model, run the replications and shape the
 * result that `supportsim run` prints (as tables, or as JSON with --json).
 */
import { parseStartEpochMs } from "../model/coverage.js";
import { TimeZoneClock } from "../model/history.js";
import type { NetworkTraceSink } from "../model/network.js";
import type { SupportConfig } from "../model/supportConfig.js";
import type { RunSettings } from "../scenario/build.js";
import { buildSupport, supportRunSettings } from "../scenario/buildSupport.js";
import type { SupportScenario } from "../scenario/supportSchema.js";
import type { Estimate } from "./confidence.js";
import { nest, runSupportReplications, SERIES_METRICS, type SupportRun } from "./supportRun.js";

export interface SupportRunResult extends Omit<RunSettings, "name"> {
  scenario: string;
  form: "support";
  start: string;
  timeZone: string;
  channels: { name: string; kind: "realtime" | "deferred" }[];
  tiers: string[];
  segments: string[];
  needTypes: string[];
  /** Every metric by dotted name (see supportRun.ts), mean and 95% interval. */
  estimates: Record<string, Estimate>;
  engine: { eventsPerReplication: number; customerBytes: number };
}

export interface SupportRunOutput {
  settings: RunSettings;
  config: SupportConfig;
  result: SupportRunResult;
  run: SupportRun;
}

export interface SupportRunOptions {
  seed?: number;
  replications?: number;
  baseDir: string;
  file?: string;
  trace?: (replication: number) => NetworkTraceSink | null;
  onReplication?: (done: number, total: number) => void;
}

export function runSupportScenario(s: SupportScenario, opts: SupportRunOptions): SupportRunOutput {
  const settings = supportRunSettings(s, { seed: opts.seed, replications: opts.replications });
  const config = buildSupport(s, { baseDir: opts.baseDir, file: opts.file });
  const run = runSupportReplications(config, { seed: settings.seed, replications: settings.replications, trace: opts.trace, onReplication: opts.onReplication });
  const { name, ...rest } = settings;
  const result: SupportRunResult = {
    scenario: name,
    form: "support",
    ...rest,
    start: config.start,
    timeZone: config.timeZone,
    channels: config.channels.map((c) => ({ name: c.name, kind: c.kind })),
    tiers: config.tiers.map((t) => t.name),
    segments: config.segments.map((g) => g.name),
    needTypes: config.needTypes.map((n) => n.name),
    estimates: run.estimates,
    engine: { eventsPerReplication: run.eventsPerReplication, customerBytes: run.customersBytes },
  };
  return { settings, config, result, run };
}

/** The JSON form of a result: estimates nested by their dotted names. */
export function supportResultJson(r: SupportRunResult): Record<string, unknown> {
  const { estimates, ...rest } = r;
  return { ...rest, ...nest(estimates) };
}

/** Per-interval rows (from the end of the warm-up): one per interval and series. */
export function supportIntervalRows(out: SupportRunOutput): { interval: number; start: string; series: string; metrics: Record<string, Estimate> }[] {
  const { run, settings, config } = out;
  const startMs = parseStartEpochMs(config.start, config.timeZone);
  const clock = new TimeZoneClock(config.timeZone);
  const rows = [];
  const acc = run.intervals;
  const channelCount = config.channels.length, tierCount = config.tiers.length;
  for (let i = run.firstInterval; i < acc.intervals; i++) {
    for (let s = 0; s < acc.series.length; s++) {
      const metrics: Record<string, Estimate> = {};
      // channels: offered, SL, ASA, abandon; tiers: occupancy; "needs": needs
      const wanted = s < channelCount ? [0, 1, 2, 3] : s < channelCount + tierCount ? [5] : [4];
      for (const m of wanted) metrics[SERIES_METRICS[m]] = acc.get(i, s, m);
      rows.push({ interval: i, start: clock.formatIso(startMs + i * settings.intervalMinutes * 60_000), series: acc.series[s], metrics });
    }
  }
  return rows;
}
