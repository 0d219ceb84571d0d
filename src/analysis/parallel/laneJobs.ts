/**
 * The jobs lanes.ts runs on several threads: each is plain data (it is sent to every worker once
 * per batch) naming a function of a task index k. This thread and the workers build the same
 * function from the same data here, so task k gives the same output on any thread.
 *
 *   replication  task k = replication k % R of configuration ⌊k / R⌋ (kpi/values.ts)
 *   probe        task k = replication k of one staffing under evaluation, measured by the
 *                staffing solver's probe (staffing/probe.ts)
 *   months       task k = replication k of one configuration, measured by month by the
 *                budget-year plan's probe (plan/monthProbe.ts)
 *
 * This module loads the model and no statistics, so a worker starts quickly.
 */
import type { SupportConfig } from "../../model/config.js";
import { probeReplication, ProbeLayout, type ProbeCounts } from "../staffing/probe.js";
import { simulateReplication, type ReplicationOutput } from "../../kpi/values.js";
import { monthReplication, type MonthCounts } from "../plan/monthProbe.js";
import type { PlanMonths } from "../plan/planMonths.js";

export interface ReplicationJob {
  kind: "replication";
  cfgs: readonly SupportConfig[];
  seed: number | string;
  /** Replications per configuration. */
  replications: number;
}

export interface ProbeJob {
  kind: "probe";
  cfg: SupportConfig;
  thresholdMinutes: number;
  /**
   * Identifies the solve: the probe's layout depends only on what the solver never changes
   * (horizon, pools' time zones, channels), so each thread builds it once per solve.
   */
  layoutKey: string;
  seed: number | string;
}

export interface MonthJob {
  kind: "months";
  cfg: SupportConfig;
  thresholdMinutes: number;
  months: PlanMonths;
  seed: number | string;
}

export type LaneJob = ReplicationJob | ProbeJob | MonthJob;

/** What task k of a job gives. */
export type LaneOutput<J extends LaneJob> = J extends ReplicationJob ? ReplicationOutput : J extends MonthJob ? MonthCounts : ProbeCounts;

let layoutCache: { key: string; layout: ProbeLayout } | null = null;

/** The function of the task index that a job names. */
export function laneTask<J extends LaneJob>(job: J): (k: number) => LaneOutput<J> {
  if (job.kind === "replication") {
    const { cfgs, seed, replications: R } = job;
    return ((k: number) => simulateReplication(cfgs[Math.floor(k / R)], seed, k % R)) as (k: number) => LaneOutput<J>;
  }
  if (job.kind === "months") {
    const { cfg, thresholdMinutes, months, seed } = job;
    const layout = new ProbeLayout(cfg, thresholdMinutes);
    return ((k: number) => monthReplication(cfg, layout, months, seed, k)) as (k: number) => LaneOutput<J>;
  }
  const { cfg, thresholdMinutes, layoutKey, seed } = job;
  if (layoutCache?.key !== layoutKey) layoutCache = { key: layoutKey, layout: new ProbeLayout(cfg, thresholdMinutes) };
  const layout = layoutCache.layout;
  return ((k: number) => probeReplication(cfg, layout, seed, k)) as (k: number) => LaneOutput<J>;
}
