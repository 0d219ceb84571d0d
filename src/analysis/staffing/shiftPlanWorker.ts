/**
 * The worker thread of a shift plan (shiftPlanThread.ts): plans each input it is sent with
 * planShifts (HiGHS, WebAssembly, loaded once in this thread) and posts back the plan, or the
 * problems of an input the plan rejects, or the failure.
 */
import { parentPort } from "node:worker_threads";
import { InputError } from "../../errors.js";
import { planShifts, type ShiftPlanInput } from "./shiftPlan.js";
import type { PlanReply } from "./shiftPlanThread.js";

const port = parentPort;
if (port === null) throw new Error("shiftPlanWorker.js runs as a worker thread (shiftPlanThread.ts)");
port.on("message", (input: ShiftPlanInput) => {
  planShifts(input).then(
    (plan): void => port.postMessage({ plan } satisfies PlanReply),
    (e: unknown): void => {
      const reply: PlanReply = e instanceof InputError
        ? { problems: [...e.problems], source: e.source }
        : { failure: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(reply);
    },
  );
});
