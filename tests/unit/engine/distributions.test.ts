/**
 * Tests of the probability distributions (src/engine/distributions.ts) and the named random
 * streams (src/engine/random.ts).
 *
 * Statistical checks. Every distribution is sampled n = 200 000 times from a fixed-seed stream.
 *  - sample mean vs the exact mean: |x̄ − μ| ≤ 4.5 · σ/√n;
 *  - sample variance vs the exact variance: |s² − σ²| ≤ 4.5 · √((μ₄ − σ⁴)/n), the asymptotic
 *    standard error of s² (μ₄ the exact 4th central moment);
 *  - empirical CDF vs the exact CDF at a few points: |F̂(x) − F(x)| ≤ 4.5 · √(F(1−F)/n) + 1/n.
 * A 4.5-standard-error band is exceeded by a correct generator with probability ≈ 7·10⁻⁶ per
 * check, so with the ~100 checks below a correct implementation fails with probability < 10⁻³
 * for a random seed; the seeds are fixed, so the run is deterministic anyway. A wrong formula
 * (e.g. a mean off by a few percent, a wrong shape) misses by dozens of standard errors.
 *
 * Exact moments are computed independently in this file (closed-form raw moments, or numeric
 * integration for the truncated normal), not taken from the module.
 */
import erfc from "@stdlib/math-base-special-erfc";
import gammainc from "@stdlib/math-base-special-gammainc";
import { describe, expect, it } from "vitest";
import {
  Deterministic,
  Empirical,
  Exponential,
  Gamma,
  LogNormal,
  TruncatedNormal,
  Uniform,
  makeDistribution,
  specMean,
  type Distribution,
  type DistributionSpec,
} from "../../../src/engine/distributions.js";
import { RandomStreams, type Rng } from "../../../src/engine/random.js";

const N = 200_000;
const Z = 4.5;

/** A fresh fixed-seed stream per test (named so that tests do not share draws). */
function rngFor(name: string, rep = 0): Rng {
  return new RandomStreams(20240601, rep).stream(name);
}

function draw(d: Distribution, n = N): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = d.sample();
  return xs;
}

interface Summary {
  mean: number;
  variance: number;
  min: number;
  max: number;
}

function summarize(xs: Float64Array): Summary {
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    s += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = s / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / (xs.length - 1), min, max };
}

/** Exact mean, variance and 4th central moment from the first four raw moments. */
function centralFromRaw([m1, m2, m3, m4]: readonly number[]): { mean: number; variance: number; mu4: number } {
  return {
    mean: m1,
    variance: m2 - m1 * m1,
    mu4: m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4,
  };
}

/** Check sample mean and variance against exact values (see the header for the bands). */
function expectMoments(xs: Float64Array, exact: { mean: number; variance: number; mu4: number }): void {
  const s = summarize(xs);
  const n = xs.length;
  const seMean = Math.sqrt(exact.variance / n);
  const seVar = Math.sqrt((exact.mu4 - exact.variance ** 2) / n);
  expect(Math.abs(s.mean - exact.mean), `sample mean ${s.mean} vs exact ${exact.mean} (se ${seMean})`).toBeLessThanOrEqual(Z * seMean);
  expect(Math.abs(s.variance - exact.variance), `sample variance ${s.variance} vs exact ${exact.variance} (se ${seVar})`).toBeLessThanOrEqual(Z * seVar);
}

/** Check the empirical CDF at the given points. */
function expectCdf(xs: Float64Array, cdf: (x: number) => number, points: readonly number[]): void {
  const n = xs.length;
  for (const x of points) {
    let c = 0;
    for (const v of xs) if (v <= x) c++;
    const F = cdf(x);
    const tol = Z * Math.sqrt((F * (1 - F)) / n) + 1 / n;
    expect(Math.abs(c / n - F), `CDF at ${x}: empirical ${c / n} vs exact ${F}`).toBeLessThanOrEqual(tol);
  }
}

function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Raw moments of Gamma(shape, scale): θ^k · shape·(shape+1)···(shape+k−1). */
function gammaRaw(shape: number, scale: number): number[] {
  const out: number[] = [];
  let p = 1;
  for (let k = 1; k <= 4; k++) {
    p *= (shape + k - 1) * scale;
    out.push(p);
  }
  return out;
}

/** Raw moments of the lognormal with log-mean mu and log-sd sigma: exp(kμ + k²σ²/2). */
function lognormalRaw(mu: number, sigma: number): number[] {
  return [1, 2, 3, 4].map((k) => Math.exp(k * mu + (k * k * sigma * sigma) / 2));
}

/**
 * Moments of Normal(mu, sd) conditioned on X ≥ 0, by composite Simpson integration of the
 * density over [0, mu + 40 sd] (independent of the module's closed form).
 */
function truncatedNormalMoments(mu: number, sd: number): { mean: number; variance: number; mu4: number } {
  const steps = 200_000;
  const hi = mu + 40 * sd;
  const h = hi / steps;
  const raw = [0, 0, 0, 0, 0];
  for (let i = 0; i <= steps; i++) {
    const x = i * h;
    const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    const z = (x - mu) / sd;
    const f = (w * Math.exp(-0.5 * z * z)) / (sd * Math.sqrt(2 * Math.PI));
    let p = 1;
    for (let k = 0; k <= 4; k++) {
      raw[k] += p * f;
      p *= x;
    }
  }
  const mass = raw[0];
  return centralFromRaw([raw[1] / mass, raw[2] / mass, raw[3] / mass, raw[4] / mass]);
}

describe("Exponential", () => {
  it("has the exact mean, variance and CDF", () => {
    const mean = 3;
    const d = new Exponential(mean, rngFor("exp"));
    expect(d.mean).toBe(3);
    const xs = draw(d);
    expectMoments(xs, centralFromRaw([1, 2, 6, 24].map((f, i) => f * mean ** (i + 1))));
    expectCdf(xs, (x) => 1 - Math.exp(-x / mean), [0.1, 0.5, 1, 2, 3, 5, 8, 15]);
    expect(summarize(xs).min).toBeGreaterThanOrEqual(0);
  });
});

describe("Deterministic", () => {
  it("always returns its value, which is its mean (0 allowed)", () => {
    for (const v of [0, 2.5, 1e6]) {
      const d = new Deterministic(v);
      expect(d.mean).toBe(v);
      for (let i = 0; i < 100; i++) expect(d.sample()).toBe(v);
    }
  });
});

describe("Uniform", () => {
  it("has the exact mean, variance and CDF, and stays in [min, max)", () => {
    const a = 1, b = 4;
    const d = new Uniform(a, b, rngFor("uniform"));
    expect(d.mean).toBe(2.5);
    const xs = draw(d);
    const raw = [1, 2, 3, 4].map((k) => (b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a)));
    expectMoments(xs, centralFromRaw(raw));
    expectCdf(xs, (x) => (x - a) / (b - a), [1.1, 1.75, 2.5, 3.2, 3.9]);
    const s = summarize(xs);
    expect(s.min).toBeGreaterThanOrEqual(a);
    expect(s.max).toBeLessThan(b);
  });

  it("min 0 is allowed", () => {
    const d = new Uniform(0, 2, rngFor("uniform0"));
    expect(d.mean).toBe(1);
    expectMoments(draw(d), centralFromRaw([1, 4 / 3, 2, 16 / 5]));
  });
});

describe("TruncatedNormal", () => {
  it("mu = 1, sd = 2: mean is the mean after truncation (formula, numeric integral and sample agree)", () => {
    const mu = 1, sd = 2;
    const d = new TruncatedNormal(mu, sd, rngFor("tnormal"));
    // closed form: mu + sd·φ(α)/(1 − Φ(α)), α = −mu/sd = −0.5 → 1 + 2·0.3520653/0.6914625 = 2.0183209
    const alpha = -mu / sd;
    const phi = Math.exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI);
    const formula = mu + (sd * phi) / (1 - normalCdf(alpha));
    expect(formula).toBeCloseTo(2.0183209, 6);
    expect(d.mean).toBeCloseTo(formula, 10);
    const exact = truncatedNormalMoments(mu, sd);
    expect(exact.mean).toBeCloseTo(formula, 8);
    expect(d.mean).toBeCloseTo(exact.mean, 8);
    // and not the untruncated mean
    expect(Math.abs(d.mean - mu)).toBeGreaterThan(1);
    const xs = draw(d);
    expectMoments(xs, exact);
    // CDF of the truncated normal: (Φ((x−mu)/sd) − Φ(α)) / (1 − Φ(α))
    const tail = 1 - normalCdf(alpha);
    expectCdf(xs, (x) => (normalCdf((x - mu) / sd) - normalCdf(alpha)) / tail, [0.2, 0.5, 1, 2, 3, 5]);
    expect(summarize(xs).min).toBeGreaterThanOrEqual(0);
  });

  it("heavy truncation (mu = 0.1, sd = 5) still gives no negative samples and the right mean", () => {
    const d = new TruncatedNormal(0.1, 5, rngFor("tnormal-heavy"));
    const exact = truncatedNormalMoments(0.1, 5);
    expect(d.mean).toBeCloseTo(exact.mean, 8);
    const xs = draw(d);
    expect(summarize(xs).min).toBeGreaterThanOrEqual(0);
    expectMoments(xs, exact);
  });

  it("little truncation (mu = 10, sd = 1) is the plain normal; sd = 0 is the constant mu", () => {
    const d = new TruncatedNormal(10, 1, rngFor("tnormal-light"));
    expect(d.mean).toBeCloseTo(10, 12);
    expectMoments(draw(d), { mean: 10, variance: 1, mu4: 3 });
    const c = new TruncatedNormal(4, 0, rngFor("tnormal-0"));
    expect(c.mean).toBe(4);
    for (let i = 0; i < 100; i++) expect(c.sample()).toBe(4);
  });
});

describe("LogNormal (from mean and cv)", () => {
  for (const [mean, cv] of [
    [4, 0.5],
    [2, 1],
  ] as const) {
    it(`mean ${mean}, cv ${cv}: exact mean, variance (= (cv·mean)²) and CDF`, () => {
      const d = new LogNormal(mean, cv, rngFor(`lognormal-${mean}-${cv}`));
      expect(d.mean).toBe(mean);
      const s2 = Math.log(1 + cv * cv);
      const mu = Math.log(mean) - s2 / 2;
      const exact = centralFromRaw(lognormalRaw(mu, Math.sqrt(s2)));
      expect(exact.mean).toBeCloseTo(mean, 10);
      expect(exact.variance).toBeCloseTo((cv * mean) ** 2, 10);
      const xs = draw(d);
      expectMoments(xs, exact);
      expectCdf(xs, (x) => normalCdf((Math.log(x) - mu) / Math.sqrt(s2)), [0.25 * mean, 0.5 * mean, mean, 1.5 * mean, 3 * mean]);
      expect(summarize(xs).min).toBeGreaterThan(0);
    });
  }
});

describe("Gamma (from mean and cv)", () => {
  for (const [mean, cv] of [
    [3, 0.5], // shape 4
    [3, 1], // shape 1: exponential
    [3, 1.2], // shape 0.694…: the shape < 1 boost
    [2, 2], // shape 0.25
  ] as const) {
    it(`mean ${mean}, cv ${cv} (shape ${(1 / (cv * cv)).toFixed(3)}): exact mean, variance and CDF`, () => {
      const d = Gamma.fromMeanCv(mean, cv, rngFor(`gamma-${mean}-${cv}`));
      const shape = 1 / (cv * cv);
      const scale = mean * cv * cv;
      expect(d.shape).toBeCloseTo(shape, 12);
      expect(d.scale).toBeCloseTo(scale, 12);
      expect(d.mean).toBeCloseTo(mean, 12);
      const exact = centralFromRaw(gammaRaw(shape, scale));
      expect(exact.variance).toBeCloseTo((cv * mean) ** 2, 10);
      const xs = draw(d);
      expectMoments(xs, exact);
      expectCdf(xs, (x) => gammainc(x / scale, shape), [0.01 * mean, 0.1 * mean, 0.5 * mean, mean, 2 * mean, 4 * mean]);
      expect(summarize(xs).min).toBeGreaterThanOrEqual(0);
    });
  }
});

describe("Erlang-k", () => {
  for (const [k, mean] of [
    [1, 2],
    [3, 6],
    [10, 5],
  ] as const) {
    it(`k = ${k}, mean ${mean}: Gamma(k, mean/k) moments and CDF`, () => {
      const d = Gamma.erlang(k, mean, rngFor(`erlang-${k}`));
      expect(d.mean).toBeCloseTo(mean, 12);
      expect(d.shape).toBe(k);
      const xs = draw(d);
      expectMoments(xs, centralFromRaw(gammaRaw(k, mean / k)));
      expectCdf(xs, (x) => gammainc((x * k) / mean, k), [0.2 * mean, 0.5 * mean, mean, 1.5 * mean, 3 * mean]);
      expect(summarize(xs).min).toBeGreaterThanOrEqual(0);
    });
  }
});

describe("Empirical", () => {
  // unsorted on purpose, with 10 > 9 > 2 so a lexicographic sort ([1,10,2,2,7,9]) would differ
  const data = [7, 2, 10, 1, 2, 9];

  it("without interpolate: resamples the observations with equal weight", () => {
    const d = new Empirical(data, rngFor("empirical"));
    const exactMean = data.reduce((a, b) => a + b, 0) / data.length;
    expect(d.mean).toBeCloseTo(exactMean, 12);
    const xs = draw(d);
    const raw = [1, 2, 3, 4].map((k) => data.reduce((a, v) => a + v ** k, 0) / data.length);
    expectMoments(xs, centralFromRaw(raw));
    // every draw is one of the observations, each with probability multiplicity/n
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1, 2, 7, 9, 10]);
    for (const [v, c] of counts) {
      const p = data.filter((x) => x === v).length / data.length;
      expect(Math.abs(c / N - p)).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it("with interpolate: piecewise-linear quantiles between the sorted observations", () => {
    const d = new Empirical(data, rngFor("empirical-interp"), true);
    // sorted: 1, 2, 2, 7, 9, 10; Q(p) linear between them at p = 0, 1/5, …, 1
    const v = [...data].sort((a, b) => a - b);
    const m = v.length - 1;
    // mean = average of segment midpoints = (1.5 + 2 + 4.5 + 8 + 9.5) / 5 = 5.1
    expect(d.mean).toBeCloseTo(5.1, 12);
    // raw moments: (1/m) Σ ∫₀¹ (a + (b−a)s)^k ds = (1/m) Σ (b^{k+1} − a^{k+1}) / ((k+1)(b−a)), or a^k if a = b
    const raw = [1, 2, 3, 4].map((k) => {
      let s = 0;
      for (let i = 0; i < m; i++) {
        const a = v[i], b = v[i + 1];
        s += a === b ? a ** k : (b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a));
      }
      return s / m;
    });
    expect(raw[0]).toBeCloseTo(5.1, 12);
    const xs = draw(d);
    expectMoments(xs, centralFromRaw(raw));
    // CDF: inverse of the piecewise-linear quantile function
    const cdf = (x: number): number => {
      if (x < v[0]) return 0;
      if (x >= v[m]) return 1;
      let best = 0;
      for (let i = 0; i < m; i++) {
        const a = v[i], b = v[i + 1];
        if (x >= b) best = Math.max(best, (i + 1) / m);
        else if (x >= a && b > a) best = Math.max(best, (i + (x - a) / (b - a)) / m);
      }
      return best;
    };
    expectCdf(xs, cdf, [1.5, 2.5, 4, 6.9, 8, 9.5]);
    const s = summarize(xs);
    expect(s.min).toBeGreaterThanOrEqual(1);
    expect(s.max).toBeLessThanOrEqual(10);
    // continuous: draws between observations occur
    expect(xs.some((x) => x > 2 && x < 7)).toBe(true);
  });

  it("a single observation is a constant, with or without interpolate", () => {
    for (const interp of [false, true]) {
      const d = new Empirical([3.5], rngFor(`empirical-1-${interp}`), interp);
      expect(d.mean).toBe(3.5);
      for (let i = 0; i < 100; i++) expect(d.sample()).toBe(3.5);
    }
  });

  it("does not depend on (or modify) the order of the input array", () => {
    const input = [5, 1, 3];
    const a = new Empirical(input, rngFor("emp-order"), true);
    const b = new Empirical([1, 3, 5], rngFor("emp-order"), true);
    expect(input).toEqual([5, 1, 3]);
    expect(Array.from(draw(a, 100))).toEqual(Array.from(draw(b, 100)));
  });
});

describe("no negative samples", () => {
  it("no distribution ever returns a negative or non-finite value", () => {
    const dists: Distribution[] = [
      new Exponential(0.01, rngFor("nn-exp")),
      new Uniform(0, 0.001, rngFor("nn-unif")),
      new TruncatedNormal(0.01, 10, rngFor("nn-tn")),
      new LogNormal(0.5, 3, rngFor("nn-ln")),
      Gamma.fromMeanCv(0.5, 3, rngFor("nn-gamma")),
      Gamma.erlang(2, 0.01, rngFor("nn-erl")),
      new Empirical([0, 0, 1], rngFor("nn-emp"), true),
      new Empirical([0, 4], rngFor("nn-emp2")),
    ];
    for (const d of dists) {
      const xs = draw(d, 50_000);
      const s = summarize(xs);
      expect(s.min).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(s.max)).toBe(true);
    }
  });
});

describe("invalid parameters throw RangeError", () => {
  const r: Rng = () => 0.5;
  const cases: [string, () => unknown][] = [
    ["exponential mean 0", () => new Exponential(0, r)],
    ["exponential mean -1", () => new Exponential(-1, r)],
    ["exponential mean NaN", () => new Exponential(NaN, r)],
    ["exponential mean Infinity", () => new Exponential(Infinity, r)],
    ["deterministic -1", () => new Deterministic(-1)],
    ["deterministic NaN", () => new Deterministic(NaN)],
    ["deterministic Infinity", () => new Deterministic(Infinity)],
    ["uniform min -1", () => new Uniform(-1, 2, r)],
    ["uniform max = min", () => new Uniform(2, 2, r)],
    ["uniform max < min", () => new Uniform(3, 2, r)],
    ["uniform max NaN", () => new Uniform(0, NaN, r)],
    ["uniform max Infinity", () => new Uniform(0, Infinity, r)],
    ["normal mean 0", () => new TruncatedNormal(0, 1, r)],
    ["normal mean -1", () => new TruncatedNormal(-1, 1, r)],
    ["normal sd -1", () => new TruncatedNormal(1, -1, r)],
    ["normal sd NaN", () => new TruncatedNormal(1, NaN, r)],
    ["lognormal mean 0", () => new LogNormal(0, 1, r)],
    ["lognormal cv 0", () => new LogNormal(1, 0, r)],
    ["lognormal cv -1", () => new LogNormal(1, -1, r)],
    ["gamma shape 0", () => new Gamma(0, 1, r)],
    ["gamma scale -1", () => new Gamma(1, -1, r)],
    ["gamma mean 0 (fromMeanCv)", () => Gamma.fromMeanCv(0, 1, r)],
    ["gamma cv 0 (fromMeanCv)", () => Gamma.fromMeanCv(1, 0, r)],
    ["gamma cv NaN (fromMeanCv)", () => Gamma.fromMeanCv(1, NaN, r)],
    ["erlang k 0", () => Gamma.erlang(0, 1, r)],
    ["erlang k 1.5", () => Gamma.erlang(1.5, 1, r)],
    ["erlang k Infinity", () => Gamma.erlang(Infinity, 1, r)],
    ["erlang mean 0", () => Gamma.erlang(2, 0, r)],
    ["erlang mean -3", () => Gamma.erlang(2, -3, r)],
    ["empirical no samples", () => new Empirical([], r)],
    ["empirical negative sample", () => new Empirical([1, -1], r)],
    ["empirical NaN sample", () => new Empirical([NaN], r)],
    ["empirical Infinity sample", () => new Empirical([1, Infinity], r, true)],
  ];
  for (const [label, make] of cases) {
    it(label, () => {
      expect(make).toThrow(RangeError);
    });
  }
});

describe("makeDistribution and specMean", () => {
  const specs: [DistributionSpec, Function, number][] = [
    [{ type: "exponential", mean: 3 }, Exponential, 3],
    [{ type: "deterministic", value: 2 }, Deterministic, 2],
    [{ type: "uniform", min: 1, max: 5 }, Uniform, 3],
    [{ type: "normal", mean: 1, sd: 2 }, TruncatedNormal, 2.0183208676740],
    [{ type: "lognormal", mean: 4, cv: 0.5 }, LogNormal, 4],
    [{ type: "gamma", mean: 3, cv: 2 }, Gamma, 3],
    [{ type: "erlang", mean: 6, k: 3 }, Gamma, 6],
    [{ type: "empirical", samples: [1, 2, 6] }, Empirical, 3],
    [{ type: "empirical", samples: [1, 2, 6], interpolate: true }, Empirical, 2.75],
  ];
  for (const [spec, cls, mean] of specs) {
    it(`builds ${JSON.stringify(spec)}`, () => {
      const d = makeDistribution(spec, rngFor("spec"));
      expect(d).toBeInstanceOf(cls);
      expect(d.mean).toBeCloseTo(mean, 9);
      expect(specMean(spec)).toBeCloseTo(mean, 9);
      // it draws from the stream it was given: same stream state ⇒ same draws
      const a = makeDistribution(spec, rngFor("spec-same"));
      const b = makeDistribution(spec, rngFor("spec-same"));
      const xa = Array.from(draw(a, 50)), xb = Array.from(draw(b, 50));
      expect(xa).toEqual(xb);
      if (spec.type !== "deterministic") expect(new Set(xa).size).toBeGreaterThan(1);
    });
  }

  it("the gamma and erlang specs get the right shape", () => {
    const g = makeDistribution({ type: "gamma", mean: 3, cv: 2 }, rngFor("s")) as Gamma;
    expect(g.shape).toBeCloseTo(0.25, 12);
    expect(g.scale).toBeCloseTo(12, 12);
    const e = makeDistribution({ type: "erlang", mean: 6, k: 3 }, rngFor("s")) as Gamma;
    expect(e.shape).toBe(3);
    expect(e.scale).toBeCloseTo(2, 12);
  });

  it("invalid specs throw RangeError", () => {
    const r = rngFor("bad");
    expect(() => makeDistribution({ type: "exponential", mean: -5 }, r)).toThrow(RangeError);
    expect(() => makeDistribution({ type: "uniform", min: 4, max: 4 }, r)).toThrow(RangeError);
    expect(() => makeDistribution({ type: "erlang", mean: 4, k: 0 }, r)).toThrow(RangeError);
    expect(() => makeDistribution({ type: "empirical", samples: [] }, r)).toThrow(RangeError);
    expect(() => specMean({ type: "gamma", mean: 1, cv: 0 })).toThrow(RangeError);
  });
});

describe("RandomStreams", () => {
  const take = (rng: Rng, n: number) => Array.from({ length: n }, () => rng());

  it("draws uniform numbers in [0, 1) with mean 1/2 and variance 1/12", () => {
    const xs = Float64Array.from(take(new RandomStreams(1, 0).stream("u"), N));
    const s = summarize(xs);
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThan(1);
    expectMoments(xs, centralFromRaw([1 / 2, 1 / 3, 1 / 4, 1 / 5]));
    expectCdf(xs, (x) => x, [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]);
  });

  it("same (seed, replication, name) gives the same sequence", () => {
    const a = take(new RandomStreams(42, 3).stream("arrivals"), 1000);
    const b = take(new RandomStreams(42, 3).stream("arrivals"), 1000);
    expect(a).toEqual(b);
  });

  it("stream(name) returns the same generator object on later calls (it continues, not restarts)", () => {
    const rs = new RandomStreams(42, 0);
    const s1 = rs.stream("x");
    const first = s1();
    const s2 = rs.stream("x");
    expect(s2).toBe(s1);
    expect(s2()).not.toBe(first);
    expect([first, ...take(new RandomStreams(42, 0).stream("x"), 1)]).toEqual([first, first]);
  });

  it("different names, replications or seeds give different sequences", () => {
    const base = take(new RandomStreams(42, 0).stream("a"), 20);
    const variants = [
      take(new RandomStreams(42, 0).stream("b"), 20),
      take(new RandomStreams(42, 1).stream("a"), 20),
      take(new RandomStreams(43, 0).stream("a"), 20),
      take(new RandomStreams("42x", 0).stream("a"), 20),
    ];
    for (const v of variants) {
      expect(v).not.toEqual(base);
      // not merely shifted copies either: no shared values at all
      expect(v.filter((x) => base.includes(x))).toEqual([]);
    }
  });

  it("creating or drawing from other streams does not change a stream's sequence (common random numbers)", () => {
    const alone = take(new RandomStreams(9, 2).stream("handle"), 500);

    const rs = new RandomStreams(9, 2);
    const other1 = rs.stream("arrivals"); // created before
    for (let i = 0; i < 37; i++) other1();
    const h = rs.stream("handle");
    const other2 = rs.stream("patience"); // created after
    const interleaved: number[] = [];
    for (let i = 0; i < 500; i++) {
      interleaved.push(h());
      for (let j = 0; j < i % 4; j++) other1();
      if (i % 3 === 0) other2();
    }
    expect(interleaved).toEqual(alone);
  });

  it("distributions on separate streams do not disturb each other", () => {
    const alone = Array.from(draw(new LogNormal(5, 1, new RandomStreams(5, 0).stream("svc")), 300));
    const rs = new RandomStreams(5, 0);
    const svc = new LogNormal(5, 1, rs.stream("svc"));
    const pat = Gamma.fromMeanCv(2, 1.5, rs.stream("pat"));
    const mixed: number[] = [];
    for (let i = 0; i < 300; i++) {
      pat.sample();
      mixed.push(svc.sample());
      if (i % 2) pat.sample();
    }
    expect(mixed).toEqual(alone);
  });
});
