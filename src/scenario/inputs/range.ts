/**
 * A range on a numeric scenario field (docs/scenario-format.md "Ranges"): an object with `low`
 * and `high` (and `expected`, and a `dist`), standing for an uncertain input.
 *
 *   {"low": 0.04, "expected": 0.08, "high": 0.15}                     triangular (default): mode `expected`
 *   {"low": 4, "high": 6, "dist": "uniform"}                          uniform on [low, high]
 *   {"low": 4, "high": 6, "dist": "normal"}                           low and high are the 10th and 90th percentiles
 *   {"low": 4, "high": 9, "dist": "lognormal"}                        the same, of a lognormal (low > 0)
 *   {"low": 0.2, "expected": 0.3, "high": 0.5, "dist": "beta"}        beta-PERT on [low, high] ⊂ [0, 1], mode `expected`
 *
 * A run without `--uncertainty` uses `expected` (required for triangular and beta, whose mode it
 * is; otherwise the median when left out). Draws of a normal or lognormal are truncated to its
 * 1st and 99th percentiles, so that a draw stays a value the field can take; their `support` is
 * that interval, the others' [low, high]. A handle-time distribution spec
 * (`{"dist": "lognormal", "meanMinutes": 5, "cv": 0.6}`) has neither `low` nor `high`, so the two
 * are never confused.
 */
import { normalQuantile } from "../../engine/normalQuantile.js";
import { closest, problem, type Problem } from "../../errors.js";
import { show } from "../fields.js";

export const RANGE_DISTS = ["triangular", "uniform", "normal", "lognormal", "beta"] as const;
export type RangeDist = (typeof RANGE_DISTS)[number];

const RANGE_KEYS = ["low", "expected", "high", "dist"] as const;

let z90: number | undefined;
/** z of the 90th percentile: low and high of a normal or lognormal range are μ ∓ z90·σ (computed on first use: a scenario without such a range never needs it). */
const Z90 = (): number => (z90 ??= normalQuantile(0.9));
/** The share of a normal or lognormal range's tails cut off on each side. */
export const TAIL = 0.01;

/** A range, checked. */
export interface Range {
  readonly low: number;
  readonly high: number;
  /** The value a run without `--uncertainty` uses. */
  readonly expected: number;
  readonly dist: RangeDist;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a JSON value is written as a range: an object with a `low` or a `high` (no field of the scenario format has either). */
export function isRangeObject(v: unknown): v is Record<string, unknown> {
  return isObject(v) && (Object.hasOwn(v, "low") || Object.hasOwn(v, "high"));
}

/** The range written at `path`, or its problems (one line each, naming the field). */
export function parseRange(v: Record<string, unknown>, path: string): Range | Problem[] {
  const out: Problem[] = [];
  for (const k of Object.keys(v)) {
    if (!(RANGE_KEYS as readonly string[]).includes(k)) {
      const guess = closest(k, RANGE_KEYS);
      out.push(problem(`${path}.${k}`, `unknown field in a range${guess ? ` (did you mean "${guess}"?)` : ""}; expected low, expected, high, dist`));
    }
  }
  const dist = v.dist === undefined ? "triangular" : v.dist;
  if (typeof dist !== "string" || !(RANGE_DISTS as readonly string[]).includes(dist)) {
    const guess = typeof dist === "string" ? closest(dist, RANGE_DISTS) : undefined;
    out.push(problem(`${path}.dist`, `unknown range distribution ${show(dist)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${RANGE_DISTS.join(", ")}`));
  }
  const num = (k: "low" | "high" | "expected", required: boolean): number | undefined => {
    const x = v[k];
    if (x === undefined) {
      if (required) out.push(problem(`${path}.${k}`, `missing: a range needs low and high${k === "expected" ? `, and expected (the most likely value) for a ${String(dist)} range` : ""}`));
      return undefined;
    }
    if (typeof x !== "number" || !Number.isFinite(x)) {
      out.push(problem(`${path}.${k}`, `expected a number, got ${show(x)}`));
      return undefined;
    }
    return x;
  };
  const low = num("low", true), high = num("high", true), expected = num("expected", dist === "triangular" || dist === "beta");
  if (out.length > 0 || low === undefined || high === undefined) return out;
  const d = dist as RangeDist;
  if (!(low <= high)) return [problem(`${path}.low`, `expected low <= high, got low ${low} > high ${high}`)];
  if (expected !== undefined && !(expected >= low && expected <= high)) return [problem(`${path}.expected`, `expected a value between low ${low} and high ${high}, got ${expected}`)];
  if (d === "lognormal" && !(low > 0)) return [problem(`${path}.low`, `expected a number > 0 for a lognormal range, got ${low}`)];
  if (d === "beta" && !(low >= 0 && high <= 1)) return [problem(`${path}.${low >= 0 ? "high" : "low"}`, `expected a share in [0, 1] for a beta range, got ${low >= 0 ? high : low}`)];
  const median = d === "lognormal" ? Math.sqrt(low * high) : (low + high) / 2;
  return { low, high, expected: expected ?? median, dist: d };
}

/** The interval a range's draws fall in: [low, high], or a normal's or lognormal's 1st to 99th percentile. */
export function support(r: Range): [number, number] {
  if (r.dist !== "normal" && r.dist !== "lognormal") return [r.low, r.high];
  return [rangeQuantile(r, 0), rangeQuantile(r, 1)];
}

/**
 * The range's quantile at u in [0, 1] (its inverse distribution function; a normal's and a
 * lognormal's truncated to their 1st and 99th percentiles). A degenerate range (low = high) is
 * that value.
 */
export function rangeQuantile(r: Range, u: number): number {
  const { low: a, high: b } = r;
  if (a === b) return a;
  switch (r.dist) {
    case "uniform":
      return a + u * (b - a);
    case "triangular": {
      const c = r.expected, fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case "normal": {
      const z = normalQuantile(TAIL + u * (1 - 2 * TAIL));
      return (a + b) / 2 + (z * (b - a)) / (2 * Z90());
    }
    case "lognormal": {
      const z = normalQuantile(TAIL + u * (1 - 2 * TAIL)), la = Math.log(a), lb = Math.log(b);
      return Math.exp((la + lb) / 2 + (z * (lb - la)) / (2 * Z90()));
    }
    case "beta":
      return pertQuantile(a, r.expected, b, u);
  }
}

/** The mean of a range's distribution (as drawn: truncated where it is). */
export function rangeMean(r: Range): number {
  const n = 2000;
  let s = 0;
  for (let i = 0; i < n; i++) s += rangeQuantile(r, (i + 0.5) / n);
  return s / n;
}

const PERT_GRID = 400;
const pertTables = new Map<string, Float64Array>();

/**
 * The beta-PERT distribution on [a, b] with mode c: Beta(α, β) scaled to [a, b], α = 1 + 4(c − a)/(b − a),
 * β = 1 + 4(b − c)/(b − a) (so its mean is (a + 4c + b)/6). Its quantile by inverting the
 * distribution function, tabulated on a grid (Simpson's rule on the density, whose shapes α, β ≥ 1 keep it bounded).
 */
function pertQuantile(a: number, c: number, b: number, u: number): number {
  const alpha = 1 + (4 * (c - a)) / (b - a), beta = 1 + (4 * (b - c)) / (b - a);
  const key = `${alpha}|${beta}`;
  let cdf = pertTables.get(key);
  if (cdf === undefined) {
    cdf = new Float64Array(PERT_GRID + 1);
    const dens = (x: number) => Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1);
    const h = 1 / PERT_GRID;
    for (let i = 1; i <= PERT_GRID; i++) {
      const x0 = (i - 1) * h;
      cdf[i] = cdf[i - 1] + (h / 6) * (dens(x0) + 4 * dens(x0 + h / 2) + dens(x0 + h));
    }
    const total = cdf[PERT_GRID];
    for (let i = 0; i <= PERT_GRID; i++) cdf[i] /= total;
    pertTables.set(key, cdf);
  }
  // the grid cell holding u, then linear within it
  let lo = 0, hi = PERT_GRID;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] <= u) lo = mid;
    else hi = mid;
  }
  const span = cdf[hi] - cdf[lo];
  const x = (lo + (span > 0 ? (u - cdf[lo]) / span : 0)) / PERT_GRID;
  return a + Math.min(1, Math.max(0, x)) * (b - a);
}
