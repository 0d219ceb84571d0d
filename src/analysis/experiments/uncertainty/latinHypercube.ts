/**
 * Input sets for a Monte Carlo over a scenario's ranged inputs (docs/model.md §24.1): a Latin
 * hypercube of n sets. For each input its own stream (seeded by the run's seed and the input's
 * key, so the draws do not depend on which other inputs the scenario has) shuffles the n strata
 * [k/n, (k + 1)/n) among the sets and draws a point in each: set k takes
 *
 *   u_k = (π(k) + v_k) / n,    value_k = Q(u_k)          (Q: the range's quantile function)
 *
 * so every input's n values cover its distribution evenly, one per stratum, and the pairing of
 * inputs across sets is random. The same seed and n give the same sets for every scenario that
 * has the input, whatever else it has: the sets of a comparison are shared.
 */
import { aleaDouble } from "../../../engine/alea.js";
import { rangeQuantile, type Range } from "../../../scenario/inputs/range.js";

/** An input to draw: its key and its range. */
export interface DrawnInput {
  readonly key: string;
  readonly range: Range;
}

/** n input sets: per set, each input's value by key. */
export function latinHypercube(inputs: readonly DrawnInput[], n: number, seed: number | string): Map<string, number>[] {
  const sets = Array.from({ length: n }, () => new Map<string, number>());
  for (const input of inputs) {
    const rng = aleaDouble(`supportsim|${seed}|inputs|${input.key}`);
    const strata = Array.from({ length: n }, (_, k) => k);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let k = 0; k < n; k++) sets[k].set(input.key, rangeQuantile(input.range, (strata[k] + rng()) / n));
  }
  return sets;
}

/** The inputs of several scenarios, each key once (the first scenario's range where two have the key). */
export function unionOfInputs<T extends DrawnInput>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const list of lists) for (const i of list) if (!out.some((o) => o.key === i.key)) out.push(i);
  return out;
}
