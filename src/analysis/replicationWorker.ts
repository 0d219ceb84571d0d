/**
 * A worker thread's task (piscina): one replication of the support-demand model, returned as
 * plain data (runSupportReplicationsParallel in ./supportRun.ts combines them in order). The
 * configuration comes once per worker, as the pool's workerData; a task is only its
 * replication index.
 */
import { workerData } from "piscina";
import type { SupportConfig } from "../model/supportConfig.js";
import { simulateReplication, type ReplicationOutput } from "./supportRun.js";

export interface ReplicationWorkerData {
  cfgs: SupportConfig[];
  seed: number | string;
}

const data = workerData as ReplicationWorkerData;

export default function runReplication(task: { config: number; replication: number }): ReplicationOutput {
  return simulateReplication(data.cfgs[task.config], data.seed, task.replication);
}
