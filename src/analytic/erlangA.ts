/**
 * Erlang A (Palm's M/M/c+M): Poisson arrivals λ, c agents with exponential service μ, FCFS queue,
 * every waiting customer abandons after an independent Exp(θ) patience. Units: see ./erlang.ts
 * (internally minutes and per-minute rates; a = λ/μ).
 *
 * ## 1. Stationary distribution (number in system N)
 * Birth–death chain with birth rate λ and death rate min(n, c)μ + max(n − c, 0)θ. Normalising
 * relative to π_c:
 *   n ≤ c:      π_n / π_c = c! / (n! a^{c−n}),   and   Σ_{n<c} π_n/π_c = (c/a) / B(c−1, a)
 *               (Erlang B identity 1/B(c) = 1 + (c/a)/B(c−1); no cancellation, no factorials);
 *   n = c + k:  π_{c+k} / π_c = t_k = Π_{j=1}^{k} λ / (cμ + jθ)            (t_0 = 1).
 * Everything is kept in log space:  L = ln(c/a) − ln B(c−1, a),  ln t_k = Σ_j ln(λ/(cμ + jθ)),
 *   ln Z = logaddexp(L, ln Σ_k t_k),   w_k = P(N = c + k) = exp(ln t_k − ln Z),
 *   P(N < c) = exp(L − ln Z).
 * The tail is truncated at the first k past the mode (r = λ/(cμ+(k+1)θ) < 1) whose geometric
 * tail bound t_k·r/(1−r)·(k + 2 + 1/(1−r)) is below e^−40 ≈ 4e−18 relative to Z (the extra factor
 * also covers the k-weighted sum E[Q]). ln t_k never overflows (loads of 1000+ Erlangs, patience
 * ≫ handle time are fine); at most MAX_QUEUE_TERMS terms are summed.
 *
 * ## 2. System measures (PASTA + Little)
 *   P(W > 0) = Σ_k w_k,   E[Q] = Σ_k k·w_k,   P(ab) = θ·E[Q]/λ   (abandonment flow balance),
 *   E[W] (all offered) = E[Q]/λ (Little),   occupancy = a(1 − P(ab))/c.
 *
 * ## 3. Tagged customer (service level and ASA)
 * An arrival that finds N = c + k (k ≥ 0 waiting ahead) enters an absorbing CTMC: with j ahead
 * the queue ahead shrinks at rate cμ + jθ (a service completion or an abandonment ahead), at
 * j = 0 it is served at rate cμ, and throughout it abandons at its own rate θ. Because its own
 * abandonment clock is independent of the queue ahead, W = min(V, T) where T ~ Exp(θ) and the
 * "virtual wait" V = Σ_{j=0}^{k} Exp(cμ + jθ) (independent stages); it is served iff V < T.
 * Tilting by e^{−θV} shifts every stage rate by θ:
 *   P(served | k)               = E[e^{−θV}] = Π_{j=0}^{k} (cμ+jθ)/(cμ+(j+1)θ) = cμ / (cμ + (k+1)θ),
 *   P(served, W ≤ t | k)        = P(served | k) · P(Ṽ_k ≤ t),   Ṽ_k = Σ_{j=1}^{k+1} Exp(cμ + jθ),
 *   E[W·1{served} | k]          = −d/ds E[e^{−sV}] at s = θ = P(served | k) · Σ_{j=1}^{k+1} 1/(cμ + jθ).
 * Ṽ_k has rates θ(x + j), j = 1..k+1, with x = cμ/θ: an arithmetic progression, whose density is
 *   f(v) = θ (x+1)_{m} / (m−1)! · e^{−θ(x+1)v} (1 − e^{−θv})^{m−1},   m = k + 1,
 * i.e. e^{−θṼ} ~ Beta(x+1, m). For integer m the Beta tail is a negative-binomial CDF:
 *   P(Ṽ_k > t) = Σ_{i=0}^{k} p_i,   p_i = (x+1)_i / i! · y^{x+1} q^i,   y = e^{−θt}, q = 1 − y,
 * (p_0 = e^{−(cμ+θ)t}, p_i = p_{i−1}·(x+i)/i·q, evaluated in log space). As θ → 0 this tends to
 * the Erlang(k+1, cμ) tail of Erlang C. Summing over k with the weights w_k (PASTA):
 *   SL  = P(N < c) + Σ_k w_k · P(served | k) · (1 − Σ_{i≤k} p_i)        (answered within t / offered)
 *   ASA = Σ_k w_k · P(served | k) · Σ_{j=1}^{k+1} 1/(cμ + jθ)  /  (1 − P(ab)).
 * These are the finite-sum forms of the Mandelbaum–Zeltyn incomplete-gamma expressions for
 * M/M/n+M; they are exact up to the e^−40 tail truncation. Consistency:
 *   Σ_k w_k (1 − P(served | k)) = θE[Q]/λ  (balance π_{c+k} λ = π_{c+k+1}(cμ + (k+1)θ)).
 * The tests cross-check SL against uniformization of the tagged-customer chain and ASA against
 * a first-step analysis of the same chain, with π obtained by a separate direct computation.
 */

import {
  type QueueInput,
  type QueueMetrics,
  erlangBlockingWithLog,
  toInternal,
} from "./erlang.js";

/** Hard cap on the number of queue states summed (guards absurd patience/overload ratios). */
export const MAX_QUEUE_TERMS = 20_000_000;

/** ln(e^x + e^y) without overflow. */
function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  const m = Math.max(x, y);
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
}

function tooManyTerms(patience: number, a: number, c: number): RangeError {
  return new RangeError(
    `erlangA: more than ${MAX_QUEUE_TERMS} queue states needed (patience ${patience} min is too long ` +
      `for offered load ${a} on ${c} agents); use erlangC or a shorter patience`,
  );
}

/**
 * M/M/c+M (Erlang A). Requires a finite patience > 0 (use erlangC for infinite patience).
 * Always stable (abandonment bounds the queue), also for a ≥ c.
 */
export function erlangA(input: QueueInput): QueueMetrics {
  const p = toInternal(input);
  const patience = input.patienceMinutes;
  if (typeof patience !== "number" || !Number.isFinite(patience) || patience <= 0) {
    throw new RangeError(
      `erlangA requires a finite patienceMinutes > 0 (got ${String(patience)}); use erlangC for no abandonment`,
    );
  }
  const { lambda, mu, c, a, tMin } = p;
  const theta = 1 / patience;

  if (lambda === 0) {
    return {
      model: "erlang-a",
      offeredLoadErlangs: 0,
      agents: c,
      stable: true,
      probWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      abandonRate: 0,
      occupancy: 0,
      meanQueueLength: 0,
    };
  }

  const cmu = c * mu;
  // ln Σ_{n<c} π_n/π_c = ln(c/a) − ln B(c−1, a)
  const logBelow = Math.log(c) - Math.log(a) - erlangBlockingWithLog(c - 1, a).logB;
  const logLambda = Math.log(lambda);

  // The terms t_k increase up to the mode k* ≈ (λ − cμ)/θ; refuse at once if even the mode is
  // beyond the cap (e.g. an overloaded system with a patience of years).
  if ((lambda - cmu) / theta > MAX_QUEUE_TERMS) throw tooManyTerms(patience, a, c);

  // Pass 1: ln Σ_k t_k (online log-sum-exp) and the truncation point K.
  let lt = 0; // ln t_k
  let m = 0; // running max of ln t_k
  let s = 1; // Σ exp(ln t_k − m)
  let k = 0;
  for (;;) {
    const denNext = cmu + (k + 1) * theta;
    const rn = lambda / denNext;
    if (rn < 1) {
      const ref = Math.max(m, logBelow);
      const bound = lt + Math.log(rn) - Math.log1p(-rn) + Math.log(k + 2 + 1 / (1 - rn));
      if (bound < ref - 40) break;
    }
    if (k >= MAX_QUEUE_TERMS) throw tooManyTerms(patience, a, c);
    k++;
    lt += logLambda - Math.log(denNext);
    if (lt > m) {
      s = s * Math.exp(m - lt) + 1;
      m = lt;
    } else {
      s += Math.exp(lt - m);
    }
  }
  const K = k;
  const logZ = logAddExp(logBelow, m + Math.log(s));
  const pBelow = Math.exp(logBelow - logZ);

  // Pass 2: weights and tagged-customer quantities.
  const x = cmu / theta;
  const finiteT = Number.isFinite(tMin);
  const logQ = finiteT ? Math.log(-Math.expm1(-theta * tMin)) : 0; // ln(1 − e^{−θt})
  let logP = finiteT ? -(cmu + theta) * tMin : -Infinity; // ln p_0
  let cdf = 0; // Σ_{i≤k} p_i = P(Ṽ_k > t)
  let probWait = 0;
  let eq = 0;
  let servedWait = 0; // E[W·1{served}] (minutes)
  let slQueue = 0; // P(queued, served within t)
  let harmonic = 0; // Σ_{j=1}^{k+1} 1/(cμ + jθ)
  lt = 0;
  for (k = 0; k <= K; k++) {
    if (k > 0) {
      lt += logLambda - Math.log(cmu + k * theta);
      logP += Math.log((x + k) / k) + logQ;
    }
    const w = Math.exp(lt - logZ);
    const den = cmu + (k + 1) * theta;
    const pServed = cmu / den;
    harmonic += 1 / den;
    cdf += Math.exp(logP);
    probWait += w;
    eq += k * w;
    servedWait += w * pServed * harmonic;
    slQueue += w * pServed * Math.max(0, 1 - cdf);
  }

  const abandonRate = Math.min(1, (theta * eq) / lambda);
  const served = 1 - abandonRate;
  const asaMin = served > 0 ? servedWait / served : 0;
  const sl = Math.min(1, Math.max(0, pBelow + slQueue));
  return {
    model: "erlang-a",
    offeredLoadErlangs: a,
    agents: c,
    stable: true,
    probWait: Math.min(1, probWait),
    serviceLevel: sl,
    asaSeconds: asaMin * 60,
    meanWaitSeconds: (eq / lambda) * 60,
    abandonRate,
    occupancy: Math.min(1, (a * served) / c),
    meanQueueLength: eq,
  };
}
