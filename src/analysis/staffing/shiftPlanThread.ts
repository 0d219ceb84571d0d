/**
 * planShifts (shiftPlan.ts) on a worker thread. A HiGHS solve is synchronous WebAssembly that
 * may run for its whole time limit (30 s by default) per pool: on this thread no signal would be
 * handled until it returned, so Ctrl-C or SIGTERM during `staff`'s shift plans waited for it.
 * Here this thread only awaits the worker's answer, its event loop free: a signal is handled at
 * once (cli/exitHandling.ts ends the process, and the worker with it).
 *
 * The plan is the same as planShifts' on this thread (the same code on the same input; the
 * solve's time limit is counted in the worker). One worker is started on the first plan and kept
 * for the next (HiGHS is loaded once: about 0.15 s of CPU time); it does not keep the process
 * alive between plans. Only the commands that plan shifts load it.
 */
import { Worker } from "node:worker_threads";
import { InputError, type Problem } from "../../errors.js";
import type { ShiftPlan, ShiftPlanInput } from "./shiftPlan.js";

/** The worker's answer to one input: the plan, the problems of the input, or a failure (its stack). */
export type PlanReply = { plan: ShiftPlan } | { problems: Problem[]; source?: string } | { failure: string };

let worker: Worker | undefined;
/** Plans are made one at a time: each waits for the one before. */
let queue: Promise<unknown> = Promise.resolve();

/** The worker module: the compiled JavaScript next to this file (under tests, which run the TypeScript sources, the built copy in dist/). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../../dist/analysis/staffing/shiftPlanWorker.js", here) : new URL("./shiftPlanWorker.js", here);
}

/** planShifts(input), solved on the worker thread: the same plan, or the same InputError. */
export function planShiftsInThread(input: ShiftPlanInput): Promise<ShiftPlan> {
  const next = queue.then(() => solveOnWorker(input));
  queue = next.catch(() => undefined);
  return next;
}

function solveOnWorker(input: ShiftPlanInput): Promise<ShiftPlan> {
  const w = (worker ??= new Worker(workerUrl()));
  return new Promise<ShiftPlan>((resolve, reject) => {
    const done = (): void => {
      w.off("message", onMessage).off("error", onError).off("exit", onExit);
      w.unref();
    };
    const onMessage = (reply: PlanReply): void => {
      done();
      if ("plan" in reply) resolve(reply.plan);
      else if ("problems" in reply) reject(new InputError(reply.problems, reply.source));
      else reject(new Error(`shift plan (worker thread): ${reply.failure}`));
    };
    const onError = (e: Error): void => {
      done();
      worker = undefined;
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      worker = undefined;
      reject(new Error(`shift plan: the worker thread ended (exit code ${code}) before its plan`));
    };
    w.on("message", onMessage).on("error", onError).on("exit", onExit);
    w.ref(); // the process waits for the plan
    w.postMessage(input);
  });
}
