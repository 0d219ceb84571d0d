/**
 * Student's t quantile (@stdlib's), loaded on its first call: its module tree costs 0.1–0.3 s of
 * CPU to load, which only the commands that compute intervals pay. (A few lines of our own would
 * not give @stdlib's values to the last bit, and the intervals, so results.json, would change.)
 */
import { createRequire } from "node:module";

let f: ((p: number, df: number) => number) | undefined;

/** The p-quantile of Student's t with `df` degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  return (f ??= createRequire(import.meta.url)("@stdlib/stats-base-dists-t-quantile") as (p: number, df: number) => number)(p, df);
}
