/**
 * A fractional number of available agents (floor × (1 − shrinkage) × …) realised as whole
 * agents by time-sharing within intervals: `timeShared` gives the whole agents at a time,
 * `nextTimeShareChange` when that count may change next.
 */
import { describeValue as describe } from "./describeValue.js";

/** Values within this of an integer are that integer (floating-point noise such as 10 × 0.7). */
const SNAP = 1e-9;

function snapCount(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= SNAP ? r + 0 : x; // + 0: −0 → 0
}

function checkShare(x: number, t: number, L: number): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`time share: agents: expected a finite number >= 0, got ${describe(x)}`);
  const v = snapCount(x);
  if (v < 0) throw new RangeError(`time share: agents: expected a number >= 0, got ${x}`);
  if (typeof L !== "number" || !Number.isFinite(L) || L <= 0) throw new RangeError(`time share: interval: expected a length in minutes > 0, got ${describe(L)}`);
  if (typeof t !== "number" || !Number.isFinite(t)) throw new RangeError(`time share: expected a finite time in minutes, got ${describe(t)}`);
  return v;
}

/** The minutes into each interval during which the extra agent works: x·L − ⌊x⌋·L, snapped to a whole minute within 1e-9·L. */
function sharePoint(x: number, n: number, L: number): number {
  const b = x * L - n * L;
  const r = Math.round(b);
  return Math.abs(b - r) <= SNAP * L ? r : b;
}

/** Start of the interval [kL, (k+1)L) containing t (guarded against rounding of t/L). */
function intervalStart(t: number, L: number): number {
  let s = Math.floor(t / L) * L;
  if (s > t) s -= L;
  else if (s + L <= t) s += L;
  return s;
}

/**
 * Whole agents available at t when x (fractional) are available on average: ⌊x⌋, plus one
 * during the first frac(x)·L minutes of each interval [kL, (k+1)L) (t = 0 starts one), so an
 * interval with constant x gets exactly x·L agent-minutes. x within 1e-9 of an integer is
 * that integer (10 × 0.7 gives 7, and −1e-12 gives 0); the share point frac(x)·L, computed as
 * x·L − ⌊x⌋·L, is snapped to a whole minute when within 1e-9·L of one (5.6 × 30 → 18).
 * @throws RangeError for x < 0, NaN or infinite x, L <= 0, or a non-finite t.
 */
export function timeShared(x: number, t: number, L: number): number {
  const v = checkShare(x, t, L);
  const n = Math.floor(v);
  if (v === n) return n;
  // the share point as the time nextTimeShareChange gives (s + b, rounded), not as an offset
  // t − s < b: at t = s + b rounded down, t − s < b would keep the extra agent to the interval's end
  return t < intervalStart(t, L) + sharePoint(v, n, L) ? n + 1 : n;
}

/**
 * The next time > t at which timeShared(x, ·, L) may change for constant x: the share point
 * of t's interval if still ahead, else the next interval start. For a whole x (after
 * snapping) the count never changes: Infinity (the caller re-asks when x changes anyway).
 * @throws RangeError as timeShared.
 */
export function nextTimeShareChange(x: number, t: number, L: number): number {
  const v = checkShare(x, t, L);
  const n = Math.floor(v);
  if (v === n) return Infinity;
  const s = intervalStart(t, L);
  const b = s + sharePoint(v, n, L);
  return b > t ? b : s + L;
}
