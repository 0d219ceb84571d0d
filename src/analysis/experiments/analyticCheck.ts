/**
 * The analytic answer beside the simulation: when a scenario is a model with an exact
 * solution (one tier, constant Poisson arrivals, exponential handle time, exponential or
 * no patience), Erlang A or Erlang C gives the steady-state values of the same metrics.
 * A planner sees at once whether the simulation and the formula agree, and how far a
 * non-exponential scenario is from its Erlang approximation.
 */
import { erlangA, erlangC, type QueueMetrics } from "../../analytic/index.js";
import type { ModelConfig } from "../../model/contactCenter.js";
import type { MetricName } from "../../model/network/counters.js";

export interface AnalyticCheck {
  model: QueueMetrics["model"];
  /** Steady-state values of the metrics the formula gives (rates, not counts). */
  metrics: Partial<Record<MetricName, number>>;
}

export function analyticCheck(config: ModelConfig): AnalyticCheck | null {
  if (config.tiers.length !== 1 || config.arrivals.ratesPerMinute.length !== 1) return null;
  const t = config.tiers[0];
  if (t.handleTime.type !== "exponential") return null;
  if (t.patience && t.patience.type !== "exponential") return null;
  const input = {
    ratePerHour: config.arrivals.ratesPerMinute[0] * 60,
    ahtMinutes: t.handleTime.mean,
    agents: t.agents,
    patienceMinutes: t.patience ? t.patience.mean : undefined,
    thresholdSeconds: config.threshold * 60,
  };
  const m = t.patience ? erlangA(input) : erlangC(input);
  if (!m.stable) return null;
  return {
    model: m.model,
    metrics: {
      abandonRate: m.abandonRate,
      serviceLevel: m.serviceLevel,
      asaSeconds: m.asaSeconds,
      meanWaitSeconds: m.meanWaitSeconds,
      occupancy: m.occupancy,
      probWait: m.probWait,
      meanQueueLength: m.meanQueueLength,
    },
  };
}
