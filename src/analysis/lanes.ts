/**
 * Lanes: a batch of numbered tasks (a job of laneJobs.ts, tasks 0 … total − 1) run by `threads`
 * threads at once: this one and a pool of threads − 1 workers (piscina, laneWorker.ts). Every
 * lane claims the next index from one shared counter (Atomics on a SharedArrayBuffer) until
 * none is left, so no thread hands out work and none waits on another:
 *
 * - this thread runs tasks too, rather than wait while a worker starts cold (it loads and
 *   compiles the model again, for a fraction of a second);
 * - a worker that finishes a task takes the next at once, even while this thread is deep in a
 *   task of its own (when this thread handed out the tasks, a worker sat idle until it was done,
 *   which held two threads to little more than one on long replications);
 * - the outputs come back by index, so they are the same, in the same order, whichever thread
 *   ran which task.
 *
 * The pool is made once and kept for every batch (a solve's evaluations, say), so only the
 * first batch pays for starting the workers. `destroy()` when done.
 */
import { MessageChannel } from "node:worker_threads";
import { laneTask, type LaneJob, type LaneOutput } from "./laneJobs.js";
import type { LaneTask } from "./laneWorker.js";

export class Lanes {
  private pool: import("piscina").Piscina | null = null;
  private starting: Promise<import("piscina").Piscina> | null = null;
  /** Worker threads: threads − 1. */
  readonly workers: number;

  /** `threads`: this thread and threads − 1 workers (at least 1 in all). */
  constructor(threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be an integer >= 1, got ${threads}`);
    this.workers = threads - 1;
  }

  /** Start the workers now (they are started by the first batch otherwise). */
  start(): Promise<import("piscina").Piscina> | null {
    if (this.workers === 0) return null;
    this.starting ??= import("piscina").then(({ Piscina }) => {
      this.pool = new Piscina({ filename: workerModuleUrl("laneWorker").href, minThreads: this.workers, maxThreads: this.workers, idleTimeout: 1000 });
      return this.pool;
    });
    return this.starting;
  }

  /**
   * Run tasks 0 … total − 1 of `job`; the outputs in index order. `onOutput(done, total)` after
   * each task (on this thread, as the outputs arrive).
   */
  async run<J extends LaneJob>(job: J, total: number, onOutput?: (done: number, total: number) => void): Promise<LaneOutput<J>[]> {
    const outputs: LaneOutput<J>[] = new Array(total);
    let done = 0;
    const finished = (k: number, out: LaneOutput<J>) => {
      outputs[k] = out;
      done++; // not inside onOutput?.(…): an absent callback would skip the count
      onOutput?.(done, total);
    };
    const workers = Math.min(this.workers, total - 1);
    if (workers <= 0) {
      const run = laneTask(job);
      for (let k = 0; k < total; k++) finished(k, run(k));
      return outputs;
    }
    const pool = (await this.start())!;
    const counter = new Int32Array(new SharedArrayBuffer(4));
    let allArrived!: () => void;
    const arrived = new Promise<void>((resolve) => { allArrived = resolve; });
    // one channel per worker lane (a port can be transferred only once)
    const channels = Array.from({ length: workers }, () => new MessageChannel());
    const stop = (e: unknown): never => { Atomics.store(counter, 0, total); throw e; }; // the other lanes stop after their current task
    try {
      const lanes = channels.map((ch) => {
        ch.port1.on("message", ({ k, output }: { k: number; output: LaneOutput<J> }) => {
          finished(k, output);
          if (done === total) allArrived();
        });
        const task: LaneTask = { job, counter, total, port: ch.port2 };
        return pool.run(task, { transferList: [ch.port2] }).catch(stop);
      });
      lanes.push(this.localLane(job, counter, total, finished).catch(stop));
      await Promise.all(lanes);
      if (done < total) await arrived; // a worker's last outputs may arrive after its lane returned
      return outputs;
    } finally {
      for (const ch of channels) ch.port1.close();
    }
  }

  /** This thread's lane: like a worker's, yielding between tasks so the workers' outputs come in. */
  private async localLane<J extends LaneJob>(job: J, counter: Int32Array, total: number, finished: (k: number, out: LaneOutput<J>) => void): Promise<void> {
    const run = laneTask(job);
    for (let k = Atomics.add(counter, 0, 1); k < total; k = Atomics.add(counter, 0, 1)) {
      finished(k, run(k));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async destroy(): Promise<void> {
    const pool = this.starting ? await this.starting : null;
    this.starting = null;
    this.pool = null;
    await pool?.destroy();
  }
}

/**
 * A worker module of this folder (e.g. "laneWorker"): the compiled JavaScript next to this
 * file (under tests, which run the TypeScript sources, the built copy in dist/).
 */
export function workerModuleUrl(name: string): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL(`../../dist/analysis/${name}.js`, here) : new URL(`./${name}.js`, here);
}
