/**
 * The analytic answer beside the simulation. When a scenario is a single queue with an exact
 * solution — one real-time channel open around the clock fed by one constant Poisson stream,
 * one tier resolving every contact with an exponential handle time, exponential or no patience,
 * one pool of agents always on the floor (no shrinkage, cap, concurrency, vendor, workforce or
 * program), no callbacks, redials or repeats — Erlang A (with patience) or Erlang C gives the
 * steady-state value of each queueing metric. A planner sees at once whether the simulation and
 * the formula agree; the validation tests require it.
 *
 * The simulated side is the tier's queueing metrics (kpi/values.ts queueMetrics: P(wait), the
 * time-average queue counting every waiting contact …), the same definitions as the formula's.
 */
import { erlangA, erlangC, type QueueInput, type QueueMetrics } from "../../analytic/index.js";
import type { Duration, SupportConfig } from "../../model/config.js";
import type { MetricName } from "../../model/network/counters.js";
import type { Estimate } from "../confidence.js";

/** The metrics the formulas give (rates and means, not counts), in table order. */
export const EXACT_METRICS = ["probWait", "serviceLevel", "asaSeconds", "meanWaitSeconds", "abandonRate", "occupancy", "meanQueueLength"] as const satisfies readonly MetricName[];

export interface AnalyticRow {
  metric: (typeof EXACT_METRICS)[number];
  exact: number;
  simulated: Estimate;
}

export interface AnalyticCheck {
  model: QueueMetrics["model"];
  /** The queue: the channel, its tier and pool, and the formula's inputs. */
  channel: string;
  tier: string;
  input: QueueInput;
  rows: AnalyticRow[];
}

const exponentialMean = (d: Duration | undefined): number | undefined => (d !== undefined && d.type === "exponential" ? d.mean : undefined);

/** The Erlang inputs of a configuration that is a single queue with an exact solution, else null. */
export function exactQueueOf(cfg: SupportConfig): QueueInput | null {
  if (cfg.causal || cfg.operatingModel !== undefined || cfg.kcs !== undefined || cfg.problemManagement !== undefined) return null;
  if (cfg.channels.length !== 1 || cfg.tiers.length !== 1 || cfg.pools.length !== 1 || cfg.forecastStreams.length !== 1) return null;
  const [ch] = cfg.channels, [tier] = cfg.tiers, [pool] = cfg.pools, [stream] = cfg.forecastStreams;
  if (ch.kind !== "realtime" || ch.hours !== undefined || ch.callback !== undefined || ch.redial !== undefined) return null;
  const rates = new Set(stream.ratesPerMinute);
  if (rates.size !== 1) return null;
  const aht = exponentialMean(tier.handleTime);
  if (aht === undefined || tier.handleTimeByWork.some((d) => d !== undefined) || tier.next !== undefined || tier.resolveByNeed.some((r) => r < 1)) return null;
  const patience = tier.patienceByChannel[0];
  if (patience !== undefined && exponentialMean(patience) === undefined) return null;
  const s = pool.schedule;
  if (s.type !== "hours" || s.hours !== undefined || pool.hours !== undefined) return null;
  if (pool.shrinkage !== 0 || pool.occupancyCap < 1 || pool.concurrency !== 1 || pool.handleTimeFactor !== 1 || pool.resolveFactor < 1 || pool.workforce || pool.vendor) return null;
  return {
    ratePerHour: [...rates][0] * 60,
    ahtMinutes: aht,
    agents: s.agents,
    patienceMinutes: exponentialMean(patience),
    thresholdSeconds: cfg.threshold * 60,
  };
}

/** The exact values beside the simulated queueing metrics of the tier, when the configuration has an exact solution (and it is stable). */
export function analyticCheck(cfg: SupportConfig, queue: readonly Record<MetricName, Estimate>[] | undefined): AnalyticCheck | null {
  const input = exactQueueOf(cfg);
  if (input === null || queue === undefined) return null;
  const m = input.patienceMinutes === undefined ? erlangC(input) : erlangA(input);
  if (!m.stable) return null;
  return {
    model: m.model,
    channel: cfg.channels[0].name,
    tier: cfg.tiers[0].name,
    input,
    rows: EXACT_METRICS.map((metric) => ({ metric, exact: m[metric], simulated: queue[0][metric] })),
  };
}
