/**
 * The HiGHS solves of the command line on a worker thread (highsWorker.ts): `staff`'s shift
 * plans (planShifts, staffing/shiftPlan.ts) and `plan`'s hiring program (solveHiring,
 * plan/hiringProgram.ts). A HiGHS solve is synchronous WebAssembly that may run for its whole
 * time limit (30 s by default): on this thread no signal would be handled until it returned, so
 * Ctrl-C or SIGTERM during a shift plan or the hiring program waited for it. Here this thread
 * only awaits the worker's answer, its event loop free: a signal is handled at once
 * (cli/exitHandling.ts ends the process, and the worker with it).
 *
 * The answer is the same as on this thread (the same code on the same input, sent as structured
 * clones, which keep every number exactly; a solve's time limit is counted in the worker). One
 * worker is started on the first solve and kept for the next (HiGHS is loaded once: about 0.15 s
 * of CPU time); it does not keep the process alive between solves. Only the commands that solve
 * load it.
 */
import { Worker } from "node:worker_threads";
import { InputError, type Problem } from "../../errors.js";
import type { HiringSolution, solveHiring } from "../plan/hiringProgram.js";
import type { ShiftPlan, ShiftPlanInput } from "../staffing/shiftPlan.js";

/** One solve: a shift plan's input, or solveHiring's arguments. */
export type HighsJob = { kind: "shifts"; input: ShiftPlanInput } | { kind: "hiring"; args: Parameters<typeof solveHiring> };

/** The worker's answer to one job: its value, the problems of the input, or a failure (its stack). */
export type HighsReply = { value: ShiftPlan | HiringSolution } | { problems: Problem[]; source?: string } | { failure: string };

/** What each kind of job is called in a failure's message. */
const JOB_NAME: Record<HighsJob["kind"], string> = { shifts: "shift plan", hiring: "hiring plan" };

let worker: Worker | undefined;
/** Solves are made one at a time: each waits for the one before. */
let queue: Promise<unknown> = Promise.resolve();

/** The worker module: the compiled JavaScript next to this file (under tests, which run the TypeScript sources, the built copy in dist/). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../../dist/analysis/parallel/highsWorker.js", here) : new URL("./highsWorker.js", here);
}

/** planShifts(input), solved on the worker thread: the same plan, or the same InputError. */
export function planShiftsInThread(input: ShiftPlanInput): Promise<ShiftPlan> {
  return inThread({ kind: "shifts", input }) as Promise<ShiftPlan>;
}

/** solveHiring(...args), solved on the worker thread: the same calendar. */
export function solveHiringInThread(...args: Parameters<typeof solveHiring>): Promise<HiringSolution> {
  return inThread({ kind: "hiring", args }) as Promise<HiringSolution>;
}

function inThread(job: HighsJob): Promise<ShiftPlan | HiringSolution> {
  const next = queue.then(() => solveOnWorker(job));
  queue = next.catch(() => undefined);
  return next;
}

function solveOnWorker(job: HighsJob): Promise<ShiftPlan | HiringSolution> {
  const w = (worker ??= new Worker(workerUrl()));
  const name = JOB_NAME[job.kind];
  return new Promise<ShiftPlan | HiringSolution>((resolve, reject) => {
    const done = (): void => {
      w.off("message", onMessage).off("error", onError).off("exit", onExit);
      w.unref();
    };
    const onMessage = (reply: HighsReply): void => {
      done();
      if ("value" in reply) resolve(reply.value);
      else if ("problems" in reply) reject(new InputError(reply.problems, reply.source));
      else reject(new Error(`${name} (worker thread): ${reply.failure}`));
    };
    const onError = (e: Error): void => {
      done();
      worker = undefined;
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      worker = undefined;
      reject(new Error(`${name}: the worker thread ended (exit code ${code}) before its answer`));
    };
    w.on("message", onMessage).on("error", onError).on("exit", onExit);
    w.ref(); // the process waits for the answer
    w.postMessage(job);
  });
}
