/**
 * Erlang X (after Koole's "Erlang X" calculator): M/M/c/N+M with redials. c agents, N ≥ c lines
 * (trunks; N = Infinity allowed), fresh Poisson arrivals λ, exponential handle time (mean 1/μ),
 * exponential patience (mean 1/θ; θ = 0 ⇔ no abandonment), and a share r_b of blocked and r_a of
 * abandoned callers who redial. Units as in ./erlang.ts: rates per hour, handle time and patience
 * in minutes, thresholds and reported waits in seconds at the API; minutes and per-minute rates
 * internally.
 *
 * Redials happen "long enough later" that the total attempt stream is again Poisson with rate Λ
 * (Koole's approximation: the orbit of callers who will redial is not a state of the chain).
 *
 * ## 1. One attempt stream of rate Λ (erlangXAttempt)
 * Number in system: birth–death chain on 0..N, birth Λ while n < N, death min(n,c)μ + max(0,n−c)θ.
 * As in ./erlangA.ts everything is normalised relative to π_c, in log space (a = Λ/μ):
 *   Σ_{n<c} π_n/π_c = (c/a) / B(c−1, a)                    (Erlang B identity, no factorials),
 *   π_{c+k}/π_c = t_k = Π_{j=1}^{k} Λ/(cμ + jθ),  k = 0..N−c,
 *   ln Z = logaddexp(ln(c/a) − ln B(c−1,a), ln Σ_k t_k),   w_k = π_{c+k} = exp(ln t_k − ln Z).
 * For N = ∞ (or N − c beyond the point where it matters) the tail is cut at the first k past the
 * mode whose geometric tail bound is below e^−40 relative to Z (exactly erlangA's rule); B is then
 * reported as 0 (it is < 4e−18). N = ∞ with θ = 0 needs Λ < cμ (else `stable: false`, as erlangC).
 *
 * Measures (PASTA for arrivals, Little for waits):
 *   B      = π_N = w_{N−c}                         blocked attempts / attempts,
 *   E[Q]   = Σ_k k·w_k                              time-average number waiting,
 *   P(ab)  = θ·E[Q] / (Λ(1 − B))                   abandoned / admitted (flow balance),
 *   P(W>0) = Σ_{k<N−c} w_k / (1 − B)               among admitted,
 *   E[W]   = E[Q] / (Λ(1 − B))                     mean wait of admitted (abandoners until they go),
 *   occupancy = Λ(1 − B)(1 − P(ab)) / (cμ).
 * Tagged admitted caller finding c + k (k < N − c waiting ahead): exactly erlangA's §3 —
 *   P(served | k) = cμ/(cμ + (k+1)θ),   P(served, W ≤ t | k) = P(served | k)·P(Ṽ_k ≤ t),
 *   Ṽ_k = Σ_{j=1}^{k+1} Exp(cμ + jθ),   P(Ṽ_k > t) = Σ_{i≤k} p_i,
 *   θ > 0:  p_0 = e^{−(cμ+θ)t},  p_i = p_{i−1}·(cμ/θ + i)/i·(1 − e^{−θt})   (negative binomial),
 *   θ = 0:  p_0 = e^{−cμt},      p_i = p_{i−1}·cμt/i                         (Poisson; Ṽ_k ~ Erlang(k+1, cμ)),
 *   E[W·1{served} | k] = P(served | k)·Σ_{j=1}^{k+1} 1/(cμ + jθ).
 * Hence (lines are never reached by the tagged caller's own queue: N bounds only arrivals)
 *   SL (attempts)  = [P(n < c) + Σ_{k<N−c} w_k P(served|k) P(Ṽ_k ≤ t)]   answered within t / attempts,
 *   SL (admitted)  = SL (attempts) / (1 − B),
 *   ASA            = Σ_{k<N−c} w_k P(served|k) Σ_{j≤k+1} 1/(cμ+jθ) / ((1 − B)(1 − P(ab))).
 * Consistency (balance π_{c+k}Λ = π_{c+k+1}(cμ + (k+1)θ)):  Σ_{k<N−c} w_k (1 − P(served|k)) = θE[Q]/Λ.
 * Special cases: N = c gives B = Erlang B(c, a); N = ∞, θ > 0 gives Erlang A; N = ∞, θ = 0 gives
 * Erlang C.
 *
 * ## 2. Redials (erlangX): fixed point on the total attempt rate
 * Each attempt is independently: served with s = (1 − B)(1 − P(ab)); redialled with
 *   R(Λ) = r_b·B(Λ) + r_a·(1 − B(Λ))·P(ab)(Λ);   otherwise lost.
 *   Λ = λ + Λ·R(Λ)   ⇔   Λ = λ / (1 − R(Λ)),
 * solved by the monotone iteration Λ_0 = λ, Λ_{i+1} = λ / (1 − R(Λ_i)) (R increases with Λ, so
 * the sequence increases to the smallest fixed point). Stops when |Λ_{i+1} − Λ_i| ≤ 1e−12·Λ_{i+1};
 * throws (RangeError) after MAX_REDIAL_ITERATIONS, when R ≥ 1, or when Λ exceeds 1e6·λ — i.e.
 * when redials make the attempt rate grow without bound (e.g. r_b = r_a = 1 and λ ≥ cμ: every
 * caller retries until served, but the agents cannot serve the fresh load).
 * Fresh callers (geometric number of attempts, mean Λ/λ = 1/(1 − R)):
 *   P(eventually served) = s / (1 − R),
 *   P(finally lost)      = [B(1 − r_b) + (1 − B)P(ab)(1 − r_a)] / (1 − R) = 1 − P(eventually served).
 */

import { DEFAULT_THRESHOLD_SECONDS, erlangBlockingWithLog, validateLoad } from "./erlang.js";
import { MAX_QUEUE_TERMS } from "./erlangA.js";

/** Inputs of Erlang X (units at the API boundary, as QueueInput). */
export interface ErlangXInput {
  /** Fresh Poisson arrival rate λ, per hour (for erlangXAttempt: the TOTAL attempt rate Λ). */
  ratePerHour: number;
  /** Mean exponential handle time 1/μ, minutes. */
  ahtMinutes: number;
  /** Number of agents c (integer ≥ 1). */
  agents: number;
  /** Number of lines N (integer ≥ agents, or Infinity = unlimited; default Infinity). */
  lines?: number;
  /** Mean exponential patience 1/θ, minutes; undefined or Infinity ⇒ no abandonment (θ = 0). */
  patienceMinutes?: number;
  /** Share of blocked attempts that redial, in [0, 1] (default 0). Ignored by erlangXAttempt. */
  redialBlocked?: number;
  /** Share of abandoned attempts that redial, in [0, 1] (default 0). Ignored by erlangXAttempt. */
  redialAbandoned?: number;
  /** Service-level threshold, seconds (default 20). */
  thresholdSeconds?: number;
}

/** Steady-state measures for one Poisson attempt stream. Probabilities in [0, 1]; waits in seconds. */
export interface ErlangXAttemptMetrics {
  /** Attempt rate Λ, per hour. */
  attemptRatePerHour: number;
  /** Λ/μ, Erlangs. */
  offeredLoadErlangs: number;
  agents: number;
  /** N (may be Infinity). */
  lines: number;
  /** false only for N = ∞, θ = 0 and Λ ≥ cμ (waits and queue Infinity, never NaN). */
  stable: boolean;
  /** B: blocked attempts / attempts (all lines busy). */
  blocking: number;
  /** P(wait > 0) among admitted attempts. */
  probWait: number;
  /** Abandoned / admitted attempts. */
  abandonRate: number;
  /** Answered within the threshold / ALL attempts (blocked and abandoned are misses). */
  serviceLevel: number;
  /** Answered within the threshold / admitted attempts. */
  serviceLevelAdmitted: number;
  /** Mean wait of answered attempts, seconds. */
  asaSeconds: number;
  /** Mean wait of admitted attempts (abandoners until they leave), seconds. */
  meanWaitSeconds: number;
  /** Busy agent time / staffed agent time = Λ(1 − B)(1 − P(ab))/(cμ). */
  occupancy: number;
  /** Time-average number waiting. */
  meanQueueLength: number;
}

/** Erlang X result: the attempt-level metrics at the fixed point plus the redial decomposition. */
export interface ErlangXMetrics extends ErlangXAttemptMetrics {
  model: "erlang-x";
  /** Fresh arrival rate λ, per hour. */
  freshRatePerHour: number;
  /** Redials of blocked attempts, per hour (r_b·Λ·B). */
  redialBlockedRatePerHour: number;
  /** Redials of abandoned attempts, per hour (r_a·Λ·(1 − B)·P(ab)). */
  redialAbandonedRatePerHour: number;
  /** Mean attempts per fresh caller, Λ/λ (1 when λ = 0). */
  attemptsPerCaller: number;
  /** P(a fresh caller is eventually served) = 1 − final loss (unstable: the served share cμ/λ). */
  freshServedProb: number;
  /** P(a fresh caller finally gives up: blocked or abandoned and not redialling). */
  freshLostProb: number;
  /** Fixed-point iterations used (0 without redials). */
  iterations: number;
}

/** Cap on the redial fixed-point iterations. */
export const MAX_REDIAL_ITERATIONS = 10_000;
/** Relative convergence tolerance of the redial fixed point. */
const REDIAL_TOL = 1e-12;

/** ln(e^x + e^y) without overflow. */
function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const m = Math.max(x, y);
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
}

/** Validated parameters in internal units (minutes, per minute). */
interface XParams {
  /** fresh (or total, for erlangXAttempt) arrivals per minute */
  lambda: number;
  mu: number;
  c: number;
  N: number;
  theta: number;
  tMin: number;
  rb: number;
  ra: number;
}

function validate(input: ErlangXInput): XParams {
  if (input === null || typeof input !== "object") throw new TypeError("input must be an object");
  validateLoad(input);
  const c = input.agents;
  if (typeof c !== "number" || !Number.isInteger(c) || c < 1) {
    throw new RangeError(`agents must be an integer >= 1 (got ${String(c)})`);
  }
  const N = input.lines ?? Infinity;
  if (typeof N !== "number" || !(N === Infinity || (Number.isInteger(N) && N >= c))) {
    throw new RangeError(`lines must be an integer >= agents (${c}) or Infinity (got ${String(N)})`);
  }
  const pat = input.patienceMinutes;
  let theta = 0;
  if (pat !== undefined && pat !== Infinity) {
    if (typeof pat !== "number" || !Number.isFinite(pat) || pat <= 0) {
      throw new RangeError(`patienceMinutes must be > 0 or Infinity (got ${String(pat)})`);
    }
    theta = 1 / pat;
  }
  const frac = (name: string, v: unknown): number => {
    if (v === undefined) return 0;
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      throw new RangeError(`${name} must be a fraction in [0, 1] (got ${String(v)})`);
    }
    return v;
  };
  return {
    lambda: input.ratePerHour / 60,
    mu: 1 / input.ahtMinutes,
    c,
    N,
    theta,
    tMin: (input.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS) / 60,
    rb: frac("redialBlocked", input.redialBlocked),
    ra: frac("redialAbandoned", input.redialAbandoned),
  };
}

/** Raw per-attempt results, internal units (minutes). */
interface AttemptRaw {
  stable: boolean;
  B: number;
  probWait: number; // among admitted
  pab: number; // among admitted
  slAll: number; // answered within t / attempts
  asaMin: number;
  meanWaitMin: number; // admitted
  eq: number;
  occupancy: number;
}

/** Steady state of the M/M/c/N+M chain at attempt rate `lam` (per minute). See header §1. */
function attemptRaw(lam: number, p: XParams): AttemptRaw {
  const { mu, c, N, theta, tMin } = p;
  const cmu = c * mu;
  if (lam === 0) {
    return { stable: true, B: 0, probWait: 0, pab: 0, slAll: 1, asaMin: 0, meanWaitMin: 0, eq: 0, occupancy: 0 };
  }
  if (N === Infinity && theta === 0 && lam >= cmu) {
    return { stable: false, B: 0, probWait: 1, pab: 0, slAll: 0, asaMin: Infinity, meanWaitMin: Infinity, eq: Infinity, occupancy: 1 };
  }
  const a = lam / mu;
  const kMax = N - c; // may be Infinity
  const logBelow = Math.log(c) - Math.log(a) - erlangBlockingWithLog(c - 1, a).logB;
  const logLam = Math.log(lam);
  const tooMany = () =>
    new RangeError(
      `erlangX: more than ${MAX_QUEUE_TERMS} queue states needed (load ${a} on ${c} agents, patience ` +
        `${theta > 0 ? 1 / theta : Infinity} min, ${N} lines); use fewer lines or a shorter patience`,
    );
  if (theta > 0 && Math.min(kMax, (lam - cmu) / theta) > MAX_QUEUE_TERMS) throw tooMany();

  // Pass 1: ln Σ_k t_k (online log-sum-exp) up to K = N − c or the e^−40 truncation point.
  let lt = 0;
  let m = 0;
  let s = 1;
  let k = 0;
  let truncated = false;
  while (k < kMax) {
    const denNext = cmu + (k + 1) * theta;
    const rn = lam / denNext;
    if (rn < 1) {
      const ref = Math.max(m, logBelow);
      const bound = lt + Math.log(rn) - Math.log1p(-rn) + Math.log(k + 2 + 1 / (1 - rn));
      if (bound < ref - 40) {
        truncated = true;
        break;
      }
    }
    if (k >= MAX_QUEUE_TERMS) throw tooMany();
    k++;
    lt += logLam - Math.log(denNext);
    if (lt > m) {
      s = s * Math.exp(m - lt) + 1;
      m = lt;
    } else {
      s += Math.exp(lt - m);
    }
  }
  const K = k;
  const blockState = truncated ? -1 : K; // k index of n = N (none if the tail was cut)
  const logZ = logAddExp(logBelow, m + Math.log(s));
  const pBelow = Math.exp(logBelow - logZ);
  const B = blockState < 0 ? 0 : Math.exp(lt - logZ);

  // Pass 2: weights and tagged-customer sums over admitted states.
  const finiteT = Number.isFinite(tMin);
  let logP: number; // ln p_k
  let logStep: (i: number) => number; // ln(p_i / p_{i−1})
  if (!finiteT) {
    logP = -Infinity;
    logStep = () => 0;
  } else if (theta > 0) {
    const x = cmu / theta;
    const logQ = Math.log(-Math.expm1(-theta * tMin));
    logP = -(cmu + theta) * tMin;
    logStep = (i) => Math.log((x + i) / i) + logQ;
  } else {
    const logCmuT = Math.log(cmu * tMin);
    logP = -cmu * tMin;
    logStep = (i) => logCmuT - Math.log(i);
  }
  let cdf = 0; // P(Ṽ_k > t)
  let waitMass = 0;
  let eq = 0;
  let servedWait = 0;
  let slQueue = 0;
  let harmonic = 0;
  lt = 0;
  for (k = 0; k <= K; k++) {
    if (k > 0) {
      lt += logLam - Math.log(cmu + k * theta);
      if (logP !== -Infinity) logP += logStep(k);
    }
    const w = Math.exp(lt - logZ);
    eq += k * w;
    if (k === blockState) break; // arrivals here are blocked
    const den = cmu + (k + 1) * theta;
    const pServed = cmu / den;
    harmonic += 1 / den;
    cdf += Math.exp(logP);
    waitMass += w;
    servedWait += w * pServed * harmonic;
    slQueue += w * pServed * Math.max(0, 1 - cdf);
  }

  const admitted = Math.max(1 - B, Number.MIN_VALUE);
  const pab = Math.min(1, (theta * eq) / (lam * admitted));
  const servedShare = admitted * (1 - pab);
  return {
    stable: true,
    B,
    probWait: Math.min(1, waitMass / admitted),
    pab,
    slAll: Math.min(1, Math.max(0, pBelow + slQueue)),
    asaMin: servedShare > 0 ? servedWait / servedShare : 0,
    meanWaitMin: eq / (lam * admitted),
    eq,
    occupancy: Math.min(1, (a * servedShare) / c),
  };
}

function toAttemptMetrics(lam: number, p: XParams, r: AttemptRaw): ErlangXAttemptMetrics {
  const admitted = 1 - r.B;
  return {
    attemptRatePerHour: lam * 60,
    offeredLoadErlangs: lam / p.mu,
    agents: p.c,
    lines: p.N,
    stable: r.stable,
    blocking: r.B,
    probWait: r.probWait,
    abandonRate: r.pab,
    serviceLevel: r.slAll,
    serviceLevelAdmitted: admitted > 0 ? Math.min(1, r.slAll / admitted) : 0,
    asaSeconds: r.asaMin * 60,
    meanWaitSeconds: r.meanWaitMin * 60,
    occupancy: r.occupancy,
    meanQueueLength: r.eq,
  };
}

/**
 * M/M/c/N+M for ONE Poisson attempt stream: `ratePerHour` is the total attempt rate Λ; the redial
 * shares are ignored. N = c is Erlang B, N = ∞ is Erlang A (θ > 0) or Erlang C (θ = 0).
 */
export function erlangXAttempt(input: ErlangXInput): ErlangXAttemptMetrics {
  const p = validate(input);
  return toAttemptMetrics(p.lambda, p, attemptRaw(p.lambda, p));
}

/**
 * Erlang X with redials: solves Λ = λ + r_b·Λ·B(Λ) + r_a·Λ·(1 − B(Λ))·P(ab)(Λ) by monotone
 * iteration (header §2) and reports the attempt metrics at Λ plus the fresh-caller outcome.
 * Throws RangeError on invalid input or when the fixed point does not exist / converge.
 */
export function erlangX(input: ErlangXInput): ErlangXMetrics {
  const p = validate(input);
  const { lambda, rb, ra } = p;
  const redialShare = (r: AttemptRaw) => rb * r.B + ra * (1 - r.B) * r.pab;
  let lam = lambda;
  let raw = attemptRaw(lam, p);
  let iterations = 0;
  if (lambda > 0 && (rb > 0 || ra > 0)) {
    for (;;) {
      const R = redialShare(raw);
      const fail = (why: string) =>
        new RangeError(
          `erlangX: the redial fixed point ${why} (fresh load ${lambda / p.mu} E on ${p.c} agents, ${p.N} lines, ` +
            `redial shares blocked ${rb}, abandoned ${ra}); redials make the attempt rate grow without bound`,
        );
      if (!(R < 1)) throw fail("does not exist (every attempt redials)");
      const next = lambda / (1 - R);
      if (next > lambda * 1e6) throw fail("diverges");
      iterations++;
      if (iterations > MAX_REDIAL_ITERATIONS) throw fail(`did not converge in ${MAX_REDIAL_ITERATIONS} iterations`);
      const done = Math.abs(next - lam) <= REDIAL_TOL * next;
      lam = next;
      raw = attemptRaw(lam, p);
      if (done) break;
    }
  }
  const att = toAttemptMetrics(lam, p, raw);
  const R = redialShare(raw);
  const served = (1 - raw.B) * (1 - raw.pab);
  // Unstable (N = ∞, θ = 0, λ ≥ cμ): the agents serve cμ of the λ arriving per minute.
  const freshServed = raw.stable ? Math.min(1, served / (1 - R)) : Math.min(1, (p.c * p.mu) / lambda);
  return {
    model: "erlang-x",
    ...att,
    freshRatePerHour: lambda * 60,
    redialBlockedRatePerHour: rb * lam * raw.B * 60,
    redialAbandonedRatePerHour: ra * lam * (1 - raw.B) * raw.pab * 60,
    attemptsPerCaller: lambda > 0 ? lam / lambda : 1,
    freshServedProb: freshServed,
    freshLostProb: 1 - freshServed,
    iterations,
  };
}
