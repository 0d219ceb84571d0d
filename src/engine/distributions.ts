/**
 * Probability distributions, each bound to a random stream.
 *
 * A distribution is an object with `sample()` and its true `mean`; it draws from the
 * stream it was built with, so a model that builds one distribution per purpose
 * (handle time of tier L1, patience of phone callers, ...) keeps its random numbers
 * separate per purpose. Sampling allocates nothing.
 *
 * The engine is unit-free: a "mean" is in whatever time unit the model uses.
 */
import { erfc } from "./erfc.js";
import type { Rng } from "./random.js";

export interface Distribution {
  /** The distribution's mean (exact, after any truncation). */
  readonly mean: number;
  /** One draw. */
  sample(): number;
}

function checkPositive(name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a positive finite number, got ${v}`);
}
function checkNonNegative(name: string, v: number): void {
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number >= 0, got ${v}`);
}

/** Exponential with the given mean, by inversion. */
export class Exponential implements Distribution {
  constructor(readonly mean: number, private readonly rng: Rng) {
    checkPositive("exponential mean", mean);
  }
  sample(): number {
    return -Math.log(1 - this.rng()) * this.mean;
  }
}

/** A constant. */
export class Deterministic implements Distribution {
  constructor(readonly mean: number) {
    checkNonNegative("deterministic value", mean);
  }
  sample(): number {
    return this.mean;
  }
}

/** Uniform on [min, max). */
export class Uniform implements Distribution {
  readonly mean: number;
  private readonly width: number;
  constructor(private readonly min: number, max: number, private readonly rng: Rng) {
    checkNonNegative("uniform min", min);
    if (!(max > min) || !Number.isFinite(max)) throw new RangeError(`uniform max must be finite and exceed min (${min}), got ${max}`);
    this.width = max - min;
    this.mean = (min + max) / 2;
  }
  sample(): number {
    return this.min + this.width * this.rng();
  }
}

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Standard normal deviates by the polar Box–Muller method; keeps the spare deviate. */
class StandardNormal {
  private spare = 0;
  private hasSpare = false;
  constructor(private readonly rng: Rng) {}
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.rng() - 1;
      v = 2 * this.rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/**
 * Normal(mu, sd) truncated at 0 (negative draws are rejected and redrawn), as
 * durations cannot be negative. `mean` is the mean after truncation:
 * mu + sd·φ(α)/(1 − Φ(α)) with α = −mu/sd. Requires mu > 0, so at least half of
 * the draws are accepted.
 */
export class TruncatedNormal implements Distribution {
  readonly mean: number;
  private readonly z: StandardNormal;
  constructor(private readonly mu: number, private readonly sd: number, rng: Rng) {
    checkPositive("normal mean", mu);
    checkNonNegative("normal sd", sd);
    this.z = new StandardNormal(rng);
    if (sd === 0) {
      this.mean = mu;
    } else {
      const alpha = -mu / sd;
      const phi = INV_SQRT_2PI * Math.exp(-0.5 * alpha * alpha);
      const tail = 0.5 * erfc(alpha / SQRT2); // 1 − Φ(α)
      this.mean = mu + (sd * phi) / tail;
    }
  }
  sample(): number {
    for (;;) {
      const x = this.mu + this.sd * this.z.next();
      if (x >= 0) return x;
    }
  }
}

/** Lognormal given its mean and coefficient of variation (sd / mean). */
export class LogNormal implements Distribution {
  private readonly mu: number;
  private readonly sigma: number;
  private readonly z: StandardNormal;
  constructor(readonly mean: number, cv: number, rng: Rng) {
    checkPositive("lognormal mean", mean);
    checkPositive("lognormal cv", cv);
    const s2 = Math.log(1 + cv * cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(mean) - s2 / 2;
    this.z = new StandardNormal(rng);
  }
  sample(): number {
    return Math.exp(this.mu + this.sigma * this.z.next());
  }
}

/**
 * Gamma(shape k, scale θ), mean kθ, by Marsaglia & Tsang (2000); shape < 1 by the
 * boost X·U^(1/k). Erlang-k is the integer-shape case (`Gamma.erlang`).
 */
export class Gamma implements Distribution {
  readonly mean: number;
  private readonly d: number;
  private readonly c: number;
  private readonly boost: number; // 1/shape when shape < 1, else 0
  private readonly z: StandardNormal;
  constructor(readonly shape: number, readonly scale: number, private readonly rng: Rng) {
    checkPositive("gamma shape", shape);
    checkPositive("gamma scale", scale);
    this.mean = shape * scale;
    const a = shape < 1 ? shape + 1 : shape;
    this.boost = shape < 1 ? 1 / shape : 0;
    this.d = a - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.z = new StandardNormal(rng);
  }
  /** Gamma with the given mean and coefficient of variation: shape 1/cv², scale mean·cv². */
  static fromMeanCv(mean: number, cv: number, rng: Rng): Gamma {
    checkPositive("gamma mean", mean);
    checkPositive("gamma cv", cv);
    return new Gamma(1 / (cv * cv), mean * cv * cv, rng);
  }
  /** Erlang-k with the given mean (sum of k exponentials of mean mean/k). */
  static erlang(k: number, mean: number, rng: Rng): Gamma {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`erlang k must be an integer >= 1, got ${k}`);
    return new Gamma(k, mean / k, rng);
  }
  sample(): number {
    const d = this.d, c = this.c;
    let x: number, v: number, u: number;
    for (;;) {
      do {
        x = this.z.next();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      u = this.rng();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    let g = d * v * this.scale;
    if (this.boost !== 0) g *= Math.pow(this.rng(), this.boost);
    return g;
  }
}

/**
 * Empirical: resamples the given observations with equal weight (the bootstrap
 * distribution of the sample), or, with `interpolate`, draws from the piecewise-linear
 * interpolation of the sorted sample's quantiles (a continuous distribution between
 * the smallest and largest observation).
 */
export class Empirical implements Distribution {
  readonly mean: number;
  private readonly values: Float64Array;
  constructor(samples: readonly number[], private readonly rng: Rng, private readonly interpolate = false) {
    if (samples.length === 0) throw new RangeError("empirical distribution needs at least one sample");
    let sum = 0;
    for (const s of samples) {
      checkNonNegative("empirical sample", s);
      sum += s;
    }
    this.values = Float64Array.from(samples).sort();
    if (interpolate && samples.length > 1) {
      // mean of the piecewise-linear quantile function: average of segment midpoints
      const v = this.values;
      let m = 0;
      for (let i = 0; i + 1 < v.length; i++) m += (v[i] + v[i + 1]) / 2;
      this.mean = m / (v.length - 1);
    } else {
      this.mean = sum / samples.length;
    }
  }
  sample(): number {
    const v = this.values;
    const n = v.length;
    if (!this.interpolate || n === 1) return v[Math.floor(this.rng() * n)];
    const pos = this.rng() * (n - 1);
    const i = Math.floor(pos);
    return v[i] + (v[i + 1] - v[i]) * (pos - i);
  }
}

/** A distribution described as data (what scenario files are turned into). */
export type DistributionSpec =
  | { type: "exponential"; mean: number }
  | { type: "deterministic"; value: number }
  | { type: "uniform"; min: number; max: number }
  | { type: "normal"; mean: number; sd: number }
  | { type: "lognormal"; mean: number; cv: number }
  | { type: "gamma"; mean: number; cv: number }
  | { type: "erlang"; mean: number; k: number }
  | { type: "empirical"; samples: readonly number[]; interpolate?: boolean };

/** Build the distribution a spec describes, drawing from `rng`. */
export function makeDistribution(spec: DistributionSpec, rng: Rng): Distribution {
  switch (spec.type) {
    case "exponential": return new Exponential(spec.mean, rng);
    case "deterministic": return new Deterministic(spec.value);
    case "uniform": return new Uniform(spec.min, spec.max, rng);
    case "normal": return new TruncatedNormal(spec.mean, spec.sd, rng);
    case "lognormal": return new LogNormal(spec.mean, spec.cv, rng);
    case "gamma": return Gamma.fromMeanCv(spec.mean, spec.cv, rng);
    case "erlang": return Gamma.erlang(spec.k, spec.mean, rng);
    case "empirical": return new Empirical(spec.samples, rng, spec.interpolate ?? false);
  }
}

/** The mean a spec describes, without building it (for analytic checks and reports). */
export function specMean(spec: DistributionSpec): number {
  return makeDistribution(spec, () => 0.5).mean;
}
