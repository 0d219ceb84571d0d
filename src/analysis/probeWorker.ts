/**
 * A worker thread's task (piscina) for the staffing solver: one replication of a staffing under
 * evaluation, measured by the solver's probe (staffingProbe.ts), returned as its counts (typed
 * arrays). The configuration travels with each task, since every evaluation changes it; the
 * probe's layout depends only on what the solver never changes (horizon, pools' time zones,
 * channels), so each worker builds it once per solve (`layoutKey`).
 */
import { RandomStreams } from "../engine/random.js";
import type { SupportConfig } from "../model/supportConfig.js";
import { simulateSupport } from "../model/supportModel.js";
import { ProbeLayout, staffingProbe, type ProbeCounts } from "./staffingProbe.js";

export interface ProbeTask {
  cfg: SupportConfig;
  thresholdMinutes: number;
  /** Identifies the solve: the layout is built again only when it changes. */
  layoutKey: string;
  seed: number | string;
  replication: number;
}

let cached: { key: string; layout: ProbeLayout } | null = null;

export default function probeReplication(task: ProbeTask): ProbeCounts {
  if (cached?.key !== task.layoutKey) cached = { key: task.layoutKey, layout: new ProbeLayout(task.cfg, task.thresholdMinutes) };
  const counts = cached.layout.newCounts();
  simulateSupport(task.cfg, new RandomStreams(task.seed, task.replication), staffingProbe(cached.layout, counts));
  return counts;
}
