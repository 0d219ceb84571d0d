/**
 * Tests of the non-homogeneous Poisson arrival process (src/engine/arrivals.ts).
 *
 * Statistical checks use fixed-seed streams and a band of 4.5 standard errors:
 *  - a count with Poisson mean m: |count − m| ≤ 4.5·√m;
 *  - a sample mean of n i.i.d. values with sd σ: |x̄ − μ| ≤ 4.5·σ/√n;
 *  - an empirical CDF / proportion at a point with exact value F: |F̂ − F| ≤ 4.5·√(F(1−F)/n) + 1/n.
 * A correct generator leaves such a band with probability ≈ 7·10⁻⁶ per check; the seeds are
 * fixed, so runs are deterministic. Sample sizes (10⁵-ish arrivals) keep the file well under a
 * second while making the bands a few percent wide or narrower.
 */
import { describe, expect, it } from "vitest";
import { PiecewisePoissonArrivals } from "../../../src/engine/arrivals.js";
import { RandomStreams, type Rng } from "../../../src/engine/random.js";

const Z = 4.5;

function rngFor(name: string, rep = 0): Rng {
  return new RandomStreams(8675309, rep).stream(name);
}

/** All arrival times in [0, end), each drawn from the previous one as the model does. */
function arrivalsUntil(p: PiecewisePoissonArrivals, end: number): number[] {
  const out: number[] = [];
  for (let t = p.next(0); t < end; t = p.next(t)) out.push(t);
  return out;
}

function expectCountNear(count: number, mean: number, what: string): void {
  expect(Math.abs(count - mean), `${what}: count ${count} vs expected ${mean}`).toBeLessThanOrEqual(Z * Math.sqrt(mean));
}

function expectProportionNear(k: number, n: number, p: number, what: string): void {
  expect(Math.abs(k / n - p), `${what}: ${k}/${n} vs ${p}`).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / n) + 1 / n);
}

describe("rateAt and expectedCount (hand-computed)", () => {
  // rate 0.5 on [0, 60), 0 on [60, 150), 2 on [150, 240), repeating every 240
  const cyc = () => new PiecewisePoissonArrivals([0, 60, 150], [0.5, 0, 2], () => 0.5, 240);

  it("rateAt follows the pieces and wraps around the cycle", () => {
    const p = cyc();
    const cases: [number, number][] = [
      [0, 0.5], [59.999, 0.5], [60, 0], [149.5, 0], [150, 2], [239.999, 2],
      [240, 0.5], [300, 0], [390, 2], [1000, 0.5], // 1000 = 4·240 + 40
      [24_000 + 150, 2],
    ];
    for (const [t, r] of cases) expect(p.rateAt(t), `rateAt(${t})`).toBe(r);
  });

  it("expectedCount integrates the rate, across cycles too", () => {
    const p = cyc();
    expect(p.expectedCount(0, 240)).toBeCloseTo(30 + 180, 10);
    expect(p.expectedCount(0, 60)).toBeCloseTo(30, 10);
    expect(p.expectedCount(60, 150)).toBeCloseTo(0, 10);
    expect(p.expectedCount(30, 200)).toBeCloseTo(0.5 * 30 + 0 + 2 * 50, 10); // 115
    // 200..240: 80; 240..300: 30; 300..390: 0; 390..480: 180; 480..500: 10
    expect(p.expectedCount(200, 500)).toBeCloseTo(300, 10);
    expect(p.expectedCount(0, 2400)).toBeCloseTo(2100, 8);
    expect(p.expectedCount(100, 100)).toBe(0);
  });

  it("non-cyclic: the last piece runs forever", () => {
    const p = new PiecewisePoissonArrivals([0, 10], [3, 1], () => 0.5);
    expect(p.rateAt(0)).toBe(3);
    expect(p.rateAt(9.99)).toBe(3);
    expect(p.rateAt(10)).toBe(1);
    expect(p.rateAt(1e6)).toBe(1);
    expect(p.expectedCount(5, 20)).toBeCloseTo(3 * 5 + 1 * 10, 10);
    expect(p.expectedCount(0, 1000)).toBeCloseTo(30 + 990, 10);
  });

  it("constant(): one piece at the given rate", () => {
    const p = PiecewisePoissonArrivals.constant(4, () => 0.5);
    expect(p.rateAt(0)).toBe(4);
    expect(p.rateAt(123.4)).toBe(4);
    expect(p.expectedCount(1, 3.5)).toBeCloseTo(10, 12);
  });
});

describe("piecewise-constant rate, cyclic", () => {
  it("per-piece counts match the integrated rate over many cycles; none in the zero-rate piece", () => {
    const cycle = 240;
    const starts = [0, 60, 150];
    const rates = [0.5, 0, 2];
    const cycles = 500;
    const p = new PiecewisePoissonArrivals(starts, rates, rngFor("cyclic"), cycle);
    const ts = arrivalsUntil(p, cycles * cycle);
    const counts = [0, 0, 0];
    const perCycle0 = new Float64Array(cycles); // arrivals in piece 0 of each cycle
    const offsetsIn2: number[] = [];
    let prev = 0;
    for (const t of ts) {
      if (!(t >= prev)) throw new Error(`arrival times go backwards: ${t} after ${prev}`);
      prev = t;
      const k = Math.floor(t / cycle);
      const local = t - k * cycle;
      const piece = local < 60 ? 0 : local < 150 ? 1 : 2;
      counts[piece]++;
      if (piece === 0) perCycle0[k]++;
      if (piece === 2) offsetsIn2.push((local - 150) / 90);
    }
    expect(counts[1]).toBe(0);
    for (let i = 0; i < 3; i++) {
      const end = i + 1 < starts.length ? starts[i + 1] : cycle;
      let expected = 0;
      for (let k = 0; k < cycles; k++) expected += p.expectedCount(k * cycle + starts[i], k * cycle + end);
      expect(expected).toBeCloseTo(cycles * rates[i] * (end - starts[i]), 6); // 15000, 0, 90000
      if (expected > 0) expectCountNear(counts[i], expected, `piece ${i}`);
    }
    // within a piece of constant rate, arrival positions are uniform
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      expectProportionNear(offsetsIn2.filter((x) => x <= q).length, offsetsIn2.length, q, `position quantile ${q} in piece 2`);
    }
    // Poisson counts: per-cycle counts in piece 0 have variance = mean = 30.
    // Var(s²) for a Poisson(λ) sample of size C is (λ + 2λ²)/C, so the band is 4.5·√((30 + 1800)/500) ≈ 8.6.
    let m = 0;
    for (const c of perCycle0) m += c;
    m /= cycles;
    let v = 0;
    for (const c of perCycle0) v += (c - m) ** 2;
    v /= cycles - 1;
    expect(Math.abs(v - 30)).toBeLessThanOrEqual(Z * Math.sqrt((30 + 2 * 30 * 30) / cycles));
  });

  it("a very low rate (most cycles empty) still gives the right count, skipping whole cycles", () => {
    // cycle intensity 0.05: an arrival every ~20 cycles, exercising the skip of full cycles
    const cycle = 100;
    const p = new PiecewisePoissonArrivals([0, 50], [0, 0.001], rngFor("sparse"), cycle);
    const cycles = 100_000;
    const ts = arrivalsUntil(p, cycles * cycle);
    for (const t of ts) {
      const local = t - Math.floor(t / cycle) * cycle;
      if (local < 50) throw new Error(`arrival at ${t} falls in the zero-rate piece`);
    }
    expectCountNear(ts.length, p.expectedCount(0, cycles * cycle), "sparse cyclic");
    expect(p.expectedCount(0, cycles * cycle)).toBeCloseTo(5000, 6);
  });

  it("a pattern starting with a zero-rate piece puts nothing there", () => {
    const p = new PiecewisePoissonArrivals([0, 30, 45], [0, 1, 0], rngFor("leading-zero"), 60);
    const ts = arrivalsUntil(p, 60 * 1000);
    for (const t of ts) {
      const local = t % 60;
      if (!(local >= 30 && local < 45)) throw new Error(`arrival at ${t} (local ${local}) outside the only positive piece`);
    }
    expectCountNear(ts.length, 15 * 1000, "leading-zero pattern");
  });
});

describe("constant rate: exponential inter-arrival times", () => {
  it("gaps have mean 1/rate, variance 1/rate², and the exponential CDF", () => {
    const rate = 2;
    const n = 200_000;
    const p = PiecewisePoissonArrivals.constant(rate, rngFor("constant"));
    const gaps = new Float64Array(n);
    let t = 0;
    for (let i = 0; i < n; i++) {
      const next = p.next(t);
      gaps[i] = next - t;
      t = next;
    }
    let mean = 0;
    for (const g of gaps) mean += g;
    mean /= n;
    expect(Math.abs(mean - 1 / rate)).toBeLessThanOrEqual(Z * (1 / rate) / Math.sqrt(n));
    let v = 0;
    for (const g of gaps) v += (g - mean) ** 2;
    v /= n - 1;
    // exponential: μ₄ = 9/λ⁴, so Var(s²) ≈ (9 − 1)/(λ⁴ n)
    expect(Math.abs(v - 1 / rate ** 2)).toBeLessThanOrEqual(Z * Math.sqrt(8 / (rate ** 4 * n)));
    // Kolmogorov–Smirnov-style check at fixed points
    for (const x of [0.01, 0.1, 0.25, 0.5, 1, 1.5, 2.5]) {
      let c = 0;
      for (const g of gaps) if (g <= x) c++;
      expectProportionNear(c, n, 1 - Math.exp(-rate * x), `gap CDF at ${x}`);
    }
    for (const g of gaps) if (!(g >= 0)) throw new Error(`negative gap ${g}`);
  });

  it("the count over a long window is Poisson(rate · length)", () => {
    const p = PiecewisePoissonArrivals.constant(0.75, rngFor("count"));
    const ts = arrivalsUntil(p, 100_000);
    expectCountNear(ts.length, 75_000, "constant rate count");
  });
});

describe("non-cyclic patterns", () => {
  it("ends (returns Infinity) when the last rate is 0", () => {
    const runs = 2000;
    let total = 0;
    for (let r = 0; r < runs; r++) {
      const p = new PiecewisePoissonArrivals([0, 10], [1, 0], rngFor("ending", r));
      let t = p.next(0);
      let n = 0;
      while (t !== Infinity) {
        if (!(t < 10)) throw new Error(`arrival at ${t}, after the rate dropped to 0 at 10`);
        n++;
        if (n > 1000) throw new Error("does not end");
        t = p.next(t);
      }
      expect(p.next(10)).toBe(Infinity);
      expect(p.next(1e9)).toBe(Infinity);
      total += n;
    }
    // Poisson(10) per run: total over 2000 runs is Poisson(20000)
    expectCountNear(total, runs * 10, "arrivals before the rate drops to 0");
  });

  it("an all-zero non-cyclic pattern has no arrivals at all", () => {
    const p = new PiecewisePoissonArrivals([0, 5], [0, 0], rngFor("zero"));
    expect(p.next(0)).toBe(Infinity);
    expect(p.next(3)).toBe(Infinity);
  });

  it("a zero-rate first piece delays the first arrival past it", () => {
    for (let r = 0; r < 200; r++) {
      const p = new PiecewisePoissonArrivals([0, 60], [0, 1], rngFor("late-start", r));
      expect(p.next(0)).toBeGreaterThanOrEqual(60);
    }
  });

  it("next(t) after a rewind to an earlier time gives the first arrival after that t", () => {
    // the seek path: t below the previous call's t
    const p = new PiecewisePoissonArrivals([0, 60, 120], [1, 0, 1], rngFor("rewind"), 180);
    const far = p.next(500);
    expect(far).toBeGreaterThan(500);
    const back = p.next(61);
    expect(back).toBeGreaterThanOrEqual(120);
    expect(back).toBeLessThan(Infinity);
  });

  it("next(t) respects a zero-rate piece for a t earlier than the previous arrival", () => {
    // "The first arrival after time t": with rate 0 on [0, 60), no arrival can fall before 60,
    // whatever t the caller passes and whatever was asked before.
    for (let r = 0; r < 50; r++) {
      const p = new PiecewisePoissonArrivals([0, 60], [0, 1], rngFor("earlier-t", r));
      const first = p.next(0);
      expect(first).toBeGreaterThanOrEqual(60);
      const again = p.next(10); // 10 ≥ the previous t (0) but before the previous arrival
      expect(again, `next(10) after next(0) = ${first}`).toBeGreaterThanOrEqual(60);
      expect(p.rateAt(again)).toBeGreaterThan(0);
    }
  });
});

describe("determinism and validation", () => {
  it("the same stream gives the same arrival times", () => {
    const a = arrivalsUntil(new PiecewisePoissonArrivals([0, 60, 150], [0.5, 0, 2], rngFor("det"), 240), 5000);
    const b = arrivalsUntil(new PiecewisePoissonArrivals([0, 60, 150], [0.5, 0, 2], rngFor("det"), 240), 5000);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toEqual(b);
  });

  it("rejects bad patterns with RangeError", () => {
    const r: Rng = () => 0.5;
    const bad: [string, () => unknown][] = [
      ["empty", () => new PiecewisePoissonArrivals([], [], r)],
      ["length mismatch", () => new PiecewisePoissonArrivals([0, 1], [1], r)],
      ["first start not 0", () => new PiecewisePoissonArrivals([1], [1], r)],
      ["starts not increasing", () => new PiecewisePoissonArrivals([0, 5, 5], [1, 1, 1], r)],
      ["starts decreasing", () => new PiecewisePoissonArrivals([0, 5, 3], [1, 1, 1], r)],
      ["negative rate", () => new PiecewisePoissonArrivals([0, 5], [1, -1], r)],
      ["NaN rate", () => new PiecewisePoissonArrivals([0], [NaN], r)],
      ["infinite rate", () => new PiecewisePoissonArrivals([0], [Infinity], r)],
      ["cycle equal to the last start", () => new PiecewisePoissonArrivals([0, 5], [1, 1], r, 5)],
      ["cycle before the last start", () => new PiecewisePoissonArrivals([0, 5], [1, 1], r, 3)],
      ["constant with negative rate", () => PiecewisePoissonArrivals.constant(-2, r)],
    ];
    for (const [label, make] of bad) expect(make, label).toThrow(RangeError);
  });
});
