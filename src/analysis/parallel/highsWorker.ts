/**
 * The worker thread of the HiGHS solves (highsThread.ts): solves each job it is sent, a shift
 * plan with planShifts or a hiring program with solveHiring (HiGHS, WebAssembly, loaded once in
 * this thread), and posts back the answer, or the problems of an input the plan rejects, or the
 * failure.
 */
import { parentPort } from "node:worker_threads";
import { InputError } from "../../errors.js";
import { solveHiring } from "../plan/hiringProgram.js";
import { planShifts } from "../staffing/shiftPlan.js";
import type { HighsJob, HighsReply } from "./highsThread.js";

const port = parentPort;
if (port === null) throw new Error("highsWorker.js runs as a worker thread (highsThread.ts)");
port.on("message", (job: HighsJob) => {
  (job.kind === "shifts" ? planShifts(job.input) : solveHiring(...job.args)).then(
    (value): void => port.postMessage({ value } satisfies HighsReply),
    (e: unknown): void => {
      const reply: HighsReply = e instanceof InputError
        ? { problems: [...e.problems], source: e.source }
        : { failure: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(reply);
    },
  );
});
