/**
 * The complementary error function (@stdlib's, accurate to a unit in the last place), loaded on
 * its first call: its module tree costs about 0.1 s of CPU to load, which a command that builds a
 * scenario without sampling it (`validate`) need not pay.
 */
import { createRequire } from "node:module";

let f: ((x: number) => number) | undefined;

/** erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  return (f ??= createRequire(import.meta.url)("@stdlib/math-base-special-erfc") as (x: number) => number)(x);
}
