/**
 * Staffing inverses: the fewest agents c whose Erlang C / Erlang A / Erlang X metrics meet every given target.
 *
 * Feasibility is monotone in c for every supported target (service level and occupancy improve,
 * ASA and abandonment fall as agents are added), so the search is: evaluate a first guess near
 * the offered load (a + √a), step outwards with doubling steps until the boundary is bracketed
 * (lo infeasible, hi feasible), then bisect. That is O(log c) model evaluations, each O(c + queue
 * terms), so thousands of agents take milliseconds. Erlang C additionally requires stability
 * (c > a), so its search never looks at c ≤ a.
 *
 * Upper cap: c ≤ ceil(a + 50·√a + 1000). A target not met at the cap throws. Targets that no
 * finite staffing can meet are rejected up front with an explanation (λ > 0):
 *   - serviceLevel ≥ 1 (P(wait > t) > 0 for every c when t is finite; Erlang A also always loses
 *     abandoners); Erlang C with thresholdSeconds = Infinity is the one exception (SL = 1);
 *   - maxAbandonRate ≤ 0 for Erlang A (every finite patience loses some callers);
 *   - maxAsaSeconds ≤ 0 (some callers always wait);
 *   - maxOccupancy ≤ 0.
 */

import {
  DEFAULT_THRESHOLD_SECONDS,
  type QueueInput,
  type QueueMetrics,
  erlangC,
  validateLoad,
} from "./erlang.js";
import { erlangA } from "./erlangA.js";
import { erlangX, type ErlangXInput, type ErlangXMetrics } from "./erlangX.js";

/** Targets for the staffing inverses; every given target must hold. */
export interface StaffingTarget {
  /** Minimum fraction answered within thresholdSeconds, of all offered (e.g. 0.8). */
  serviceLevel?: number;
  /** Threshold for serviceLevel, seconds (default: load.thresholdSeconds, else 20). */
  thresholdSeconds?: number;
  /** Maximum abandoned / offered (Erlang A only; trivially 0 under Erlang C). */
  maxAbandonRate?: number;
  /** Maximum mean wait of answered contacts, seconds. */
  maxAsaSeconds?: number;
  /** Maximum agent occupancy (e.g. 0.9). */
  maxOccupancy?: number;
}

/** Result of a staffing inverse. */
export interface StaffingResult {
  agents: number;
  metrics: QueueMetrics;
}

/** Result of the Erlang X staffing inverse. */
export interface ErlangXStaffingResult {
  agents: number;
  metrics: ErlangXMetrics;
}

type Model = "erlang-c" | "erlang-a" | "erlang-x";

function checkFraction(name: string, v: number | undefined): void {
  if (v === undefined) return;
  if (typeof v !== "number" || Number.isNaN(v) || v < 0 || v > 1) {
    throw new RangeError(`${name} must be a number in [0, 1] (got ${String(v)})`);
  }
}

function checkNonNegative(name: string, v: number | undefined): void {
  if (v === undefined) return;
  if (typeof v !== "number" || Number.isNaN(v) || v < 0) {
    throw new RangeError(`${name} must be a number >= 0 (got ${String(v)})`);
  }
}

/** Upper bound of the search: c ≤ ceil(a + 50√a + 1000). */
export function staffingCap(offeredLoad: number): number {
  return Math.ceil(offeredLoad + 50 * Math.sqrt(offeredLoad) + 1000);
}

function unreachable(fn: string, why: string): Error {
  return new Error(`${fn}: target unreachable: ${why}`);
}

function staff(model: Model, load: Omit<ErlangXInput, "agents">, target: StaffingTarget): { agents: number; metrics: QueueMetrics | ErlangXMetrics } {
  const fn = model === "erlang-c" ? "staffErlangC" : model === "erlang-a" ? "staffErlangA" : "staffErlangX";
  if (load === null || typeof load !== "object") throw new TypeError(`${fn}: load must be an object`);
  if (target === null || typeof target !== "object") throw new TypeError(`${fn}: target must be an object`);
  validateLoad(load);
  if (model === "erlang-a") {
    const p = load.patienceMinutes;
    if (typeof p !== "number" || !Number.isFinite(p) || p <= 0) {
      throw new RangeError(`${fn} requires a finite patienceMinutes > 0 (got ${String(p)}); use staffErlangC`);
    }
  }
  checkFraction("serviceLevel", target.serviceLevel);
  checkFraction("maxAbandonRate", target.maxAbandonRate);
  checkNonNegative("maxAsaSeconds", target.maxAsaSeconds);
  checkNonNegative("maxOccupancy", target.maxOccupancy);
  checkNonNegative("thresholdSeconds", target.thresholdSeconds);

  const thresholdSeconds = target.thresholdSeconds ?? load.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  const evaluate = (agents: number): QueueMetrics | ErlangXMetrics => {
    const input = { ...load, agents, thresholdSeconds };
    return model === "erlang-c" ? erlangC(input) : model === "erlang-a" ? erlangA(input) : erlangX(input);
  };
  // callers may abandon (Erlang A, or Erlang X with a finite patience); without that and with
  // unlimited lines the queue needs c > a to be stable (Erlang C, or Erlang X without patience)
  const patient = model === "erlang-a" || (model === "erlang-x" && Number.isFinite(load.patienceMinutes ?? Infinity));
  const needsStability = !patient && (model === "erlang-c" || !Number.isFinite(load.lines ?? Infinity));
  const a = (load.ratePerHour / 60) * load.ahtMinutes;

  if (load.ratePerHour === 0) {
    // No traffic: one agent meets every target (SL 1, no waits, no abandonment, occupancy 0).
    return { agents: 1, metrics: evaluate(1) };
  }

  // Targets that no finite staffing can meet.
  if (target.serviceLevel !== undefined && target.serviceLevel >= 1) {
    if (patient) {
      throw unreachable(fn, "serviceLevel 1 is impossible with abandonment (some callers always abandon)");
    }
    if (model === "erlang-x" && Number.isFinite(load.lines ?? Infinity)) {
      throw unreachable(fn, "serviceLevel 1 is impossible with finite lines (some callers are always blocked)");
    }
    if (Number.isFinite(thresholdSeconds)) {
      throw unreachable(
        fn,
        `serviceLevel 1 within ${thresholdSeconds} s is impossible: P(wait > t) = C·e^{-(cμ-λ)t} > 0 for every c`,
      );
    }
  }
  if (patient && target.maxAbandonRate !== undefined && target.maxAbandonRate <= 0) {
    throw unreachable(fn, "maxAbandonRate 0 is impossible with finite patience (P(ab) > 0 for every c)");
  }
  if (target.maxAsaSeconds !== undefined && target.maxAsaSeconds <= 0) {
    throw unreachable(fn, "maxAsaSeconds 0 is impossible: some callers always wait (P(wait) > 0)");
  }
  if (target.maxOccupancy !== undefined && target.maxOccupancy <= 0) {
    throw unreachable(fn, "maxOccupancy 0 is impossible with positive traffic");
  }

  const cache = new Map<number, QueueMetrics | ErlangXMetrics>();
  const metricsAt = (c: number): QueueMetrics | ErlangXMetrics => {
    let m = cache.get(c);
    if (m === undefined) {
      m = evaluate(c);
      cache.set(c, m);
    }
    return m;
  };
  const feasible = (c: number): boolean => {
    if (c < 1) return false;
    if (needsStability && !(a < c)) return false;
    const m = metricsAt(c);
    if (!m.stable) return false;
    if (target.serviceLevel !== undefined && !(m.serviceLevel >= target.serviceLevel)) return false;
    if (target.maxAbandonRate !== undefined && !(m.abandonRate <= target.maxAbandonRate)) return false;
    if (target.maxAsaSeconds !== undefined && !(m.asaSeconds <= target.maxAsaSeconds)) return false;
    if (target.maxOccupancy !== undefined && !(m.occupancy <= target.maxOccupancy)) return false;
    return true;
  };

  const cap = staffingCap(a);
  // lo: known infeasible (0 always; floor(a) without abandonment or blocking, since c ≤ a is unstable).
  let lo = needsStability ? Math.floor(a) : 0;
  let hi: number;
  const guess = Math.min(cap, Math.max(lo + 1, Math.ceil(a + Math.sqrt(a))));
  const step0 = Math.max(1, Math.ceil(Math.sqrt(a)));
  if (feasible(guess)) {
    hi = guess;
    let step = step0;
    for (;;) {
      const probe = Math.max(lo, hi - step);
      if (probe <= lo) break;
      if (feasible(probe)) {
        hi = probe;
        step *= 2;
      } else {
        lo = probe;
        break;
      }
    }
  } else {
    lo = guess;
    let step = step0;
    for (;;) {
      if (lo >= cap) {
        throw unreachable(fn, describeFailure(target, thresholdSeconds, cap, metricsAt(cap)));
      }
      const probe = Math.min(cap, lo + step);
      if (feasible(probe)) {
        hi = probe;
        break;
      }
      lo = probe;
      step *= 2;
    }
  }
  // Bisection: lo infeasible, hi feasible.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (feasible(mid)) hi = mid;
    else lo = mid;
  }
  return { agents: hi, metrics: metricsAt(hi) };
}

function describeFailure(target: StaffingTarget, thresholdSeconds: number, cap: number, m: QueueMetrics | ErlangXMetrics): string {
  const parts: string[] = [];
  if (target.serviceLevel !== undefined) {
    parts.push(`service level ${m.serviceLevel} (target ${target.serviceLevel} within ${thresholdSeconds} s)`);
  }
  if (target.maxAbandonRate !== undefined) parts.push(`abandonment ${m.abandonRate} (max ${target.maxAbandonRate})`);
  if (target.maxAsaSeconds !== undefined) parts.push(`ASA ${m.asaSeconds} s (max ${target.maxAsaSeconds} s)`);
  if (target.maxOccupancy !== undefined) parts.push(`occupancy ${m.occupancy} (max ${target.maxOccupancy})`);
  return `not met even with ${cap} agents (search cap a + 50·√a + 1000): ${parts.join(", ")}`;
}

/** Fewest agents meeting `target` under Erlang C (M/M/c); always a stable staffing (c > a). */
export function staffErlangC(load: Omit<QueueInput, "agents">, target: StaffingTarget): StaffingResult {
  return staff("erlang-c", load, target) as StaffingResult;
}

/** Fewest agents meeting `target` under Erlang A (M/M/c+M); requires finite patience > 0. */
export function staffErlangA(load: Omit<QueueInput, "agents">, target: StaffingTarget): StaffingResult {
  return staff("erlang-a", load, target) as StaffingResult;
}

/**
 * Fewest agents meeting `target` under Erlang X (erlangX.ts: finite lines, abandonment, redials
 * on the fresh rate). Service level, abandonment and occupancy are per attempt, as erlangX gives
 * them; feasibility is taken as monotone in c, as for Erlang A.
 */
export function staffErlangX(load: Omit<ErlangXInput, "agents">, target: StaffingTarget): ErlangXStaffingResult {
  return staff("erlang-x", load, target) as ErlangXStaffingResult;
}
