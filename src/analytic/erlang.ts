/**
 * Analytic queueing formulas: Erlang B (M/M/c/c), Erlang C (M/M/c).
 * Erlang A (M/M/c+M) lives in ./erlangA.ts and shares the types and helpers defined here.
 *
 * ## Units
 * At the API boundary: rates per hour, handle time and patience in minutes, thresholds and
 * reported waits in seconds. Internally every time is in MINUTES and every rate is PER MINUTE:
 *   λ = ratePerHour / 60,  μ = 1 / ahtMinutes,  θ = 1 / patienceMinutes,  t = thresholdSeconds / 60,
 * and the offered load is a = λ/μ (Erlangs, dimensionless).
 *
 * ## Erlang B — blocking probability B(c, a)
 *   B(c, a) = (a^c / c!) / Σ_{n=0}^{c} a^n / n!
 * evaluated with the classical recursion (no factorials, no powers):
 *   B(0, a) = 1,   B(k, a) = a·B(k−1, a) / (k + a·B(k−1, a)).
 * Every step is a ratio of positive numbers, so it is forward-stable with relative error O(k·ε).
 * B decreases in k; when it would drop below ~1e−280 (a ≪ c, e.g. c = 1000, a = 1) the
 * recursion continues in log space,
 *   ln B(k) = ln a + ln B(k−1) − ln(k + a·B(k−1)),
 * so ln B is always available (logErlangBlocking) even where B itself underflows to 0.
 *
 * ## Erlang C — probability of waiting C(c, a), valid for a < c
 *   C(c, a) = c·B(c, a) / (c − a·(1 − B(c, a)))          (= B / (1 − ρ(1 − B)), ρ = a/c)
 * For a ≥ c the queue is unstable; C is then reported as 1 (every arrival eventually queues;
 * this is also the limit of the formula as a ↑ c).
 * With FCFS and exponential service, the wait of a delayed customer is Exp(cμ − λ), hence
 *   P(W > t) = C · exp(−(cμ − λ)·t),   E[W] = C / (cμ − λ),   E[Lq] = λ·E[W] = C·a/(c − a).
 * Everybody is eventually served, so ASA (answered) = mean wait (all offered).
 */

/** Inputs of the analytic models (units at the API boundary). */
export interface QueueInput {
  /** Poisson arrival rate λ, per hour. */
  ratePerHour: number;
  /** Mean exponential handle time 1/μ, minutes. */
  ahtMinutes: number;
  /** Number of agents c (integer ≥ 1). */
  agents: number;
  /** Mean exponential patience 1/θ, minutes; undefined or Infinity ⇒ no abandonment (Erlang C). */
  patienceMinutes?: number;
  /** Service-level threshold, seconds (default 20). */
  thresholdSeconds?: number;
}

/** Steady-state performance measures. Probabilities are fractions in [0, 1]; waits in seconds. */
export interface QueueMetrics {
  model: "erlang-b" | "erlang-c" | "erlang-a";
  /** a = λ/μ. */
  offeredLoadErlangs: number;
  agents: number;
  /** false only for Erlang C with a ≥ c (then waits are Infinity, probWait 1, serviceLevel 0). */
  stable: boolean;
  /** P(an arrival must queue); Erlang B: blocking probability. */
  probWait: number;
  /** P(answered within threshold) / offered (abandoners are misses); Erlang B: P(not blocked). */
  serviceLevel: number;
  /** Mean wait of answered contacts, seconds. */
  asaSeconds: number;
  /** Mean wait of all offered contacts (abandoners until they leave), seconds. */
  meanWaitSeconds: number;
  /** Abandoned / offered (0 for Erlang C); Erlang B: blocking probability. */
  abandonRate: number;
  /** Busy agent time / staffed agent time = λ(1 − P(ab))/(cμ) (capped at 1 if unstable). */
  occupancy: number;
  /** Time-average number waiting. */
  meanQueueLength: number;
}

/** Default service-level threshold, seconds. */
export const DEFAULT_THRESHOLD_SECONDS = 20;

/** Rates and times converted to the internal unit (minutes). @internal */
export interface InternalParams {
  /** arrivals per minute */
  lambda: number;
  /** services per minute per agent */
  mu: number;
  /** agents */
  c: number;
  /** offered load λ/μ */
  a: number;
  /** threshold in minutes (may be Infinity) */
  tMin: number;
}

function assertFiniteNonNegative(name: string, v: unknown): asserts v is number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new RangeError(`${name} must be a finite number >= 0 (got ${String(v)})`);
  }
}

/** Validates the load part of an input (shared by the staffing inverses). @internal */
export function validateLoad(load: { ratePerHour: number; ahtMinutes: number; thresholdSeconds?: number }): void {
  assertFiniteNonNegative("ratePerHour", load.ratePerHour);
  if (typeof load.ahtMinutes !== "number" || !Number.isFinite(load.ahtMinutes) || load.ahtMinutes <= 0) {
    throw new RangeError(`ahtMinutes must be a finite number > 0 (got ${String(load.ahtMinutes)})`);
  }
  if (load.thresholdSeconds !== undefined) {
    const t = load.thresholdSeconds;
    if (typeof t !== "number" || Number.isNaN(t) || t < 0) {
      throw new RangeError(`thresholdSeconds must be a number >= 0 (got ${String(t)})`);
    }
  }
}

/** Validates and converts an input to internal units. @internal */
export function toInternal(input: QueueInput): InternalParams {
  if (input === null || typeof input !== "object") throw new TypeError("input must be an object");
  validateLoad(input);
  const c = input.agents;
  if (typeof c !== "number" || !Number.isInteger(c) || c < 1) {
    throw new RangeError(`agents must be an integer >= 1 (got ${String(c)})`);
  }
  const lambda = input.ratePerHour / 60;
  const mu = 1 / input.ahtMinutes;
  const tSec = input.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  return { lambda, mu, c, a: lambda / mu, tMin: tSec / 60 };
}

function assertServers(name: string, c: number, min: number): void {
  if (typeof c !== "number" || !Number.isInteger(c) || c < min) {
    throw new RangeError(`${name}: c must be an integer >= ${min} (got ${String(c)})`);
  }
}

function assertLoad(name: string, a: number): void {
  if (typeof a !== "number" || !Number.isFinite(a) || a < 0) {
    throw new RangeError(`${name}: offered load a must be a finite number >= 0 (got ${String(a)})`);
  }
}

/** Below this, the Erlang B recursion switches to log space. */
const LOG_SWITCH = 1e-280;

/**
 * B(c, a) and ln B(c, a) together. `b` may underflow to 0 while `logB` stays exact.
 * @internal
 */
export function erlangBlockingWithLog(c: number, a: number): { b: number; logB: number } {
  if (c === 0) return { b: 1, logB: 0 };
  if (a === 0) return { b: 0, logB: -Infinity };
  let b = 1;
  let k = 1;
  for (; k <= c; k++) {
    const ab = a * b;
    b = ab / (k + ab);
    if (b < LOG_SWITCH) break;
  }
  if (k >= c) return { b, logB: Math.log(b) };
  // Continue in log space from k + 1 (B(k) already computed and tiny).
  const logA = Math.log(a);
  let logB = Math.log(b);
  for (k = k + 1; k <= c; k++) {
    logB += logA - Math.log(k + a * Math.exp(logB));
  }
  return { b: Math.exp(logB), logB };
}

/** Erlang B blocking probability B(c, a) of the M/M/c/c loss system (c integer >= 0, a >= 0). */
export function erlangBlocking(c: number, a: number): number {
  assertServers("erlangBlocking", c, 0);
  assertLoad("erlangBlocking", a);
  return erlangBlockingWithLog(c, a).b;
}

/** ln B(c, a), finite even where B(c, a) underflows (−Infinity only for a = 0, c >= 1). */
export function logErlangBlocking(c: number, a: number): number {
  assertServers("logErlangBlocking", c, 0);
  assertLoad("logErlangBlocking", a);
  return erlangBlockingWithLog(c, a).logB;
}

/** Erlang C probability of waiting C(c, a) of the M/M/c queue (c integer >= 1); 1 when a >= c. */
export function erlangCProb(c: number, a: number): number {
  assertServers("erlangCProb", c, 1);
  assertLoad("erlangCProb", a);
  if (a >= c) return 1;
  if (a === 0) return 0;
  const b = erlangBlockingWithLog(c, a).b;
  const rho = a / c;
  const pw = b / (1 - rho * (1 - b));
  return Math.min(1, pw);
}

/** M/M/c/c (Erlang B) loss system: nobody waits; blocked calls are lost (reported as abandonment). */
export function erlangB(input: QueueInput): QueueMetrics {
  const p = toInternal(input);
  const b = p.a === 0 ? 0 : erlangBlockingWithLog(p.c, p.a).b;
  return {
    model: "erlang-b",
    offeredLoadErlangs: p.a,
    agents: p.c,
    stable: true,
    probWait: b,
    serviceLevel: 1 - b,
    asaSeconds: 0,
    meanWaitSeconds: 0,
    abandonRate: b,
    occupancy: (p.a * (1 - b)) / p.c,
    meanQueueLength: 0,
  };
}

/**
 * M/M/c (Erlang C). `patienceMinutes` is ignored (no abandonment by definition of the model).
 * Unstable inputs (a >= c) return stable=false, probWait 1, serviceLevel 0, infinite waits and
 * queue length, occupancy 1 — never NaN.
 */
export function erlangC(input: QueueInput): QueueMetrics {
  const p = toInternal(input);
  const { lambda, mu, c, a, tMin } = p;
  if (!(a < c)) {
    return {
      model: "erlang-c",
      offeredLoadErlangs: a,
      agents: c,
      stable: false,
      probWait: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      meanWaitSeconds: Infinity,
      abandonRate: 0,
      occupancy: 1,
      meanQueueLength: Infinity,
    };
  }
  const pw = erlangCProb(c, a);
  const drain = c * mu - lambda; // per minute, > 0
  const sl = tMin === Infinity ? 1 : 1 - pw * Math.exp(-drain * tMin);
  const waitMin = pw / drain;
  return {
    model: "erlang-c",
    offeredLoadErlangs: a,
    agents: c,
    stable: true,
    probWait: pw,
    serviceLevel: Math.min(1, Math.max(0, sl)),
    asaSeconds: waitMin * 60,
    meanWaitSeconds: waitMin * 60,
    abandonRate: 0,
    occupancy: a / c,
    meanQueueLength: (pw * a) / (c - a),
  };
}
