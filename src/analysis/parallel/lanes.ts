/**
 * Lanes: a batch of numbered tasks (a job of laneJobs.ts, tasks 0 … total − 1) run by `threads`
 * threads at once: this one and a pool of threads − 1 workers (piscina, laneWorker.ts). Every
 * lane claims the next index from one shared counter (Atomics on a SharedArrayBuffer) until
 * none is left, so no thread hands out work and none waits on another:
 *
 * - this thread runs tasks too, rather than wait while a worker starts cold (it loads the model
 *   and the JIT compiles it again: about a second of CPU time);
 * - so the workers start only when the work left is worth that (workersWorthIt), unless asked
 *   to start at once: a short run stays on this thread, where it is fastest. The work is measured
 *   in CPU time, not wall time: on a loaded machine a task's wall time counts the other
 *   processes' turns on the core too, which would start workers for work a worker cannot speed up;
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
// imported here, not when the workers start: a dynamic import resolves over several turns of the
// event loop, which this thread, busy with its own tasks, takes only between them (a year-long
// replication apart), so the workers had started seconds late
import { Piscina } from "piscina";
import { laneTask, type LaneJob, type LaneOutput } from "./laneJobs.js";
import type { LaneTask } from "./laneWorker.js";

/**
 * CPU seconds of work left, on this thread alone, from which starting the workers pays. A worker
 * starts cold: it loads the model and the JIT compiles it again, about a second of CPU time on
 * a core this thread's own compiling would otherwise use; on shorter work the workers made the
 * run slower, not faster (measured: `npm run bench:threads`).
 */
export const WORKERS_WORTH_SECONDS = 2;

/**
 * Whether to start the workers, after this thread has run `tasksDone` tasks of a batch, the last
 * in `lastSeconds` of CPU time, with `remaining` tasks left: when remaining × lastSeconds is more than
 * WORKERS_WORTH_SECONDS, the first task counted at half its time (it runs while the JIT is still
 * compiling, two to four times slower than the tasks after it).
 */
export function workersWorthIt(remaining: number, lastSeconds: number, tasksDone: number): boolean {
  const perTask = tasksDone <= 1 ? lastSeconds / 2 : lastSeconds;
  return remaining * perTask > WORKERS_WORTH_SECONDS;
}

const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;

export class Lanes {
  private pool: Piscina | null = null;
  /** Worker threads: threads − 1. */
  readonly workers: number;

  /**
   * `threads`: this thread and threads − 1 workers (at least 1 in all). `policy`: when the
   * workers start: "now", or "whenWorthIt" (the default): once the work left in a batch is
   * worth a worker's cold start (workersWorthIt); then they stay for later batches.
   */
  constructor(threads: number, private readonly policy: "now" | "whenWorthIt" = "whenWorthIt") {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be an integer >= 1, got ${threads}`);
    this.workers = threads - 1;
  }

  /** Whether the workers have been started (by start() or by a batch worth it). */
  get started(): boolean {
    return this.pool !== null;
  }

  /** Start the workers now (a batch starts them otherwise, per the policy). */
  start(): Piscina | null {
    if (this.workers === 0) return null;
    this.pool ??= new Piscina({ filename: workerModuleUrl("laneWorker").href, minThreads: this.workers, maxThreads: this.workers, idleTimeout: 1000 });
    return this.pool;
  }

  /**
   * Run tasks 0 … total − 1 of `job`; the outputs in index order. `onOutput(done, total)` after
   * each task (on this thread, as the outputs arrive).
   */
  async run<J extends LaneJob>(job: J, total: number, onOutput?: (done: number, total: number) => void): Promise<LaneOutput<J>[]> {
    const outputs: LaneOutput<J>[] = new Array(total);
    await this.each(job, total, (k, out) => { outputs[k] = out; }, onOutput);
    return outputs;
  }

  /**
   * Run tasks 0 … total − 1 of `job`, handing each output to `consume` in index order, on this
   * thread, as soon as it and every one before it have arrived: an output that comes early (a
   * worker ahead of this thread's task) waits until those before it have been consumed, then
   * is let go, so a batch keeps only the outputs that arrived out of order, not all of them.
   * `onOutput(done, total)` after each task, as the outputs arrive.
   */
  async each<J extends LaneJob>(job: J, total: number, consume: (k: number, output: LaneOutput<J>) => void, onOutput?: (done: number, total: number) => void): Promise<void> {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const early = new Map<number, LaneOutput<J>>();
    let next = 0, done = 0;
    let failed = null as { error: unknown } | null; // set by `finished`, which TypeScript's narrowing does not follow
    let allArrived!: () => void;
    const arrived = new Promise<void>((resolve) => { allArrived = resolve; });
    const finished = (k: number, out: LaneOutput<J>) => {
      if (failed !== null) return;
      early.set(k, out);
      try {
        for (let o = early.get(next); o !== undefined; o = early.get(next)) {
          early.delete(next);
          consume(next++, o);
        }
      } catch (error) {
        // a worker's output arrives in a message handler, where a throw would escape the batch: stop, and throw below
        failed = { error };
        Atomics.store(counter, 0, total);
        allArrived();
        return;
      }
      done++; // not inside onOutput?.(…): an absent callback would skip the count
      onOutput?.(done, total);
      if (done === total) allArrived();
    };
    const channels: MessageChannel[] = [];
    const workerLanes: Promise<unknown>[] = [];
    const stop = (e: unknown): never => { Atomics.store(counter, 0, total); throw e; }; // the other lanes stop after their current task
    const startWorkers = () => {
      const pool = this.start()!;
      for (let w = 0; w < this.workers; w++) {
        const ch = new MessageChannel(); // one per worker lane: a port can be transferred only once
        channels.push(ch);
        ch.port1.on("message", ({ k, output }: { k: number; output: LaneOutput<J> }) => finished(k, output));
        const task: LaneTask = { job, counter, total, port: ch.port2 };
        const lane = pool.run(task, { transferList: [ch.port2] }).catch(stop);
        lane.catch(() => undefined); // observed below (Promise.all); until then a failure must not count as unhandled
        workerLanes.push(lane);
      }
    };
    const started = () => workerLanes.length > 0;
    try {
      if (this.workers > 0 && (this.policy === "now" || this.pool !== null)) startWorkers();
      // this thread's lane: like a worker's, yielding between tasks so the workers' outputs come in
      const run = laneTask(job);
      let tasks = 0;
      for (let k = Atomics.add(counter, 0, 1); k < total; k = Atomics.add(counter, 0, 1)) {
        if (failed !== null) break;
        const cpu0 = process.cpuUsage();
        finished(k, run(k));
        tasks++;
        // the task's CPU time: the process's, which before the workers start is this thread's and the JIT's compiling for it
        if (this.workers > 0 && !started() && workersWorthIt(total - k - 1, cpuSeconds(process.cpuUsage(cpu0)), tasks)) startWorkers();
        // yield between tasks: the workers' outputs come in, and a signal (Ctrl-C) is handled within a task's time
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await Promise.all(workerLanes);
      if (done < total && failed === null) await arrived; // a worker's last outputs may arrive after its lane returned
      if (failed !== null) throw failed.error;
    } catch (e) {
      // stop every lane after its current task, and let them settle before giving up the batch
      Atomics.store(counter, 0, total);
      await Promise.allSettled(workerLanes);
      throw e;
    } finally {
      for (const ch of channels) ch.port1.close();
    }
  }

  async destroy(): Promise<void> {
    const pool = this.pool;
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
  return here.endsWith(".ts") ? new URL(`../../../dist/analysis/parallel/${name}.js`, here) : new URL(`./${name}.js`, here);
}
