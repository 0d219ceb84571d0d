/**
 * Analytic (closed-form / exact-sum) queueing models: Erlang B, Erlang C, Erlang A, Erlang X
 * (finite lines, abandonment, redials) and the staffing inverses. Pure functions, no simulation. See the header comments of erlang.ts,
 * erlangA.ts and staffing.ts for units, equations and numerical methods.
 */
export {
  type QueueInput,
  type QueueMetrics,
  DEFAULT_THRESHOLD_SECONDS,
  erlangB,
  erlangC,
  erlangBlocking,
  logErlangBlocking,
  erlangCProb,
} from "./erlang.js";
export { erlangA, MAX_QUEUE_TERMS } from "./erlangA.js";
export { erlangX, erlangXAttempt, MAX_REDIAL_ITERATIONS, type ErlangXInput, type ErlangXMetrics, type ErlangXAttemptMetrics } from "./erlangX.js";
export {
  type StaffingTarget,
  type StaffingResult,
  type ErlangXStaffingResult,
  staffErlangC,
  staffErlangA,
  staffErlangX,
  staffingCap,
} from "./staffingInverses.js";

import { type QueueInput, type QueueMetrics, erlangC } from "./erlang.js";
import { erlangA } from "./erlangA.js";

/**
 * Convenience dispatcher: Erlang A when `patienceMinutes` is finite, Erlang C when it is
 * undefined or Infinity.
 */
export function analyzeQueue(input: QueueInput): QueueMetrics {
  const p = input.patienceMinutes;
  return p === undefined || p === Infinity ? erlangC(input) : erlangA(input);
}
