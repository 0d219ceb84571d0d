/**
 * A worker thread's lane (piscina task; see lanes.ts): claim the next task index from the
 * batch's shared counter, run it, post the output on the batch's port, and again, until the
 * counter passes the end. No thread hands out work, so a worker never waits for another thread
 * (in particular not for the main thread, which runs tasks of its own between messages).
 */
import type { MessagePort } from "node:worker_threads";
import { laneTask, type LaneJob } from "./laneJobs.js";

export interface LaneTask {
  job: LaneJob;
  /** Int32Array over a SharedArrayBuffer: [0] is the next unclaimed task index. */
  counter: Int32Array;
  total: number;
  port: MessagePort;
}

/** Returns how many tasks this lane ran. */
export default function lane(task: LaneTask): number {
  const run = laneTask(task.job);
  let ran = 0;
  for (let k = Atomics.add(task.counter, 0, 1); k < task.total; k = Atomics.add(task.counter, 0, 1)) {
    task.port.postMessage({ k, output: run(k) });
    ran++;
  }
  return ran;
}
