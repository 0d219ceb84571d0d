/**
 * Tests of Erlang X (src/analytic/erlangX.ts) and `supportsim erlang x` (execErlang).
 * Special cases are pinned against erlang.ts / erlangA.ts; the finite-line chain is cross-checked
 * against a direct log-space stationary law; the redial fixed point against hand computations.
 */
import { describe, expect, it } from "vitest";
import { erlangA, erlangB, erlangC, staffErlangA, staffErlangC, staffErlangX } from "../../src/analytic/index.js";
import { erlangX, erlangXAttempt, MAX_REDIAL_ITERATIONS } from "../../src/analytic/erlangX.js";
import { execErlang } from "../../src/cli/erlang.js";
import { InputError as UsageError } from "../../src/errors.js";

const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);

/** Direct stationary law of the M/M/c/N+M chain (products of birth/death ratios, log-sum-exp). */
function direct(lam: number, mu: number, c: number, theta: number, N: number): number[] {
  const logs = [0];
  let acc = 0;
  for (let n = 1; n <= N; n++) {
    acc += Math.log(lam / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta));
    logs.push(acc);
  }
  const m = Math.max(...logs);
  const z = m + Math.log(logs.reduce((s, l) => s + Math.exp(l - m), 0));
  return logs.map((l) => Math.exp(l - z));
}

describe("erlangX special cases", () => {
  it("N = ∞, r = 0 reproduces Erlang A to 1e-10", () => {
    for (const input of [
      { ratePerHour: 540, ahtMinutes: 5, agents: 50, patienceMinutes: 2, thresholdSeconds: 20 },
      { ratePerHour: 13200, ahtMinutes: 5, agents: 1000, patienceMinutes: 2, thresholdSeconds: 20 },
      { ratePerHour: 30, ahtMinutes: 4, agents: 1, patienceMinutes: 0.5, thresholdSeconds: 0 },
    ]) {
      const a = erlangA(input);
      const x = erlangX(input);
      expect(x.blocking).toBe(0);
      expect(x.iterations).toBe(0);
      for (const k of ["probWait", "serviceLevel", "abandonRate", "occupancy", "meanQueueLength"] as const) {
        expect(Math.abs(x[k] - a[k])).toBeLessThan(1e-10);
      }
      expect(rel(x.asaSeconds, a.asaSeconds)).toBeLessThan(1e-10);
      expect(rel(x.meanWaitSeconds, a.meanWaitSeconds)).toBeLessThan(1e-10);
      expect(x.freshServedProb).toBeCloseTo(1 - a.abandonRate, 12);
    }
  });

  it("N = ∞, θ = 0, r = 0 reproduces Erlang C (also c = 1000 at 98% load)", () => {
    for (const input of [
      { ratePerHour: 540, ahtMinutes: 5, agents: 48, thresholdSeconds: 20 },
      { ratePerHour: 11760, ahtMinutes: 5, agents: 1000, thresholdSeconds: 20 },
      { ratePerHour: 50, ahtMinutes: 1, agents: 1, thresholdSeconds: 30, redialBlocked: 1, redialAbandoned: 1 },
    ]) {
      const c = erlangC(input);
      const x = erlangX(input);
      expect(Math.abs(x.probWait - c.probWait)).toBeLessThan(1e-10);
      expect(Math.abs(x.serviceLevel - c.serviceLevel)).toBeLessThan(1e-10);
      expect(rel(x.asaSeconds, c.asaSeconds)).toBeLessThan(1e-10);
      expect(rel(x.meanQueueLength, c.meanQueueLength)).toBeLessThan(1e-10);
      expect(x.abandonRate).toBe(0);
      expect(x.freshServedProb).toBe(1);
    }
  });

  it("N = ∞, θ = 0 and λ ≥ cμ is unstable like Erlang C (never NaN)", () => {
    const x = erlangX({ ratePerHour: 600, ahtMinutes: 5, agents: 40 }); // a = 50 > 40
    expect(x.stable).toBe(false);
    expect(x.serviceLevel).toBe(0);
    expect(x.asaSeconds).toBe(Infinity);
    expect(x.freshServedProb).toBeCloseTo(0.8, 15); // cμ/λ = 8/10
  });

  it("N = c, r = 0 gives Erlang B blocking whatever θ", () => {
    for (const [c, rate, pat] of [
      [2, 90, 1],
      [50, 540 * 1.2, undefined],
      [1000, 12_000, 0.1],
    ] as const) {
      const input = { ratePerHour: rate, ahtMinutes: 5, agents: c, lines: c, patienceMinutes: pat };
      const b = erlangB(input);
      const x = erlangX(input);
      expect(rel(x.blocking, b.probWait)).toBeLessThan(1e-12);
      expect(x.probWait).toBe(0);
      expect(x.abandonRate).toBe(0);
      expect(x.serviceLevel).toBeCloseTo(1 - b.probWait, 12);
      expect(x.serviceLevelAdmitted).toBeCloseTo(1, 12);
      expect(x.occupancy).toBeCloseTo(b.occupancy, 12);
    }
  });
});

describe("erlangXAttempt: finite lines", () => {
  it("c = 1, N = 2, θ = 1, Λ = μ = 1: every measure by hand", () => {
    // Chain 0..2, births 1, deaths 1 (n=1) and μ+θ = 2 (n=2): π ∝ (1, 1, 1/2) ⇒ π = (0.4, 0.4, 0.2).
    // B = π_2 = 0.2; E[Q] = 0.2; P(ab) = θE[Q]/(Λ(1−B)) = 0.2/0.8 = 0.25; P(W>0) = 0.4/0.8 = 0.5.
    // Tagged caller finding n = 1 (k = 0): served w.p. μ/(μ+θ) = 1/2, served wait mean 1/(μ+θ) = 0.5 min;
    //   ASA = π_1·(1/2)·0.5 / ((1−B)(1−P(ab))) = 0.1/0.6 = 1/6 min = 10 s.
    //   P(served, W ≤ t | k=0) = (1/2)(1 − e^{−2t}); t = 30 s = 0.5 min ⇒ (1/2)(1 − e^{−1}).
    //   SL(attempts) = π_0 + π_1·(1/2)(1 − e^{−1}) = 0.4 + 0.2(1 − e^{−1}).
    // Occupancy = Λ(1−B)(1−P(ab))/(cμ) = 0.6. Mean wait (admitted) = E[Q]/(Λ(1−B)) = 0.25 min.
    const m = erlangXAttempt({ ratePerHour: 60, ahtMinutes: 1, agents: 1, lines: 2, patienceMinutes: 1, thresholdSeconds: 30 });
    expect(m.blocking).toBeCloseTo(0.2, 14);
    expect(m.meanQueueLength).toBeCloseTo(0.2, 14);
    expect(m.abandonRate).toBeCloseTo(0.25, 14);
    expect(m.probWait).toBeCloseTo(0.5, 14);
    expect(m.asaSeconds).toBeCloseTo(10, 12);
    expect(m.serviceLevel).toBeCloseTo(0.4 + 0.2 * (1 - Math.exp(-1)), 14);
    expect(m.serviceLevelAdmitted).toBeCloseTo((0.4 + 0.2 * (1 - Math.exp(-1))) / 0.8, 14);
    expect(m.occupancy).toBeCloseTo(0.6, 14);
    expect(m.meanWaitSeconds).toBeCloseTo(15, 12);
  });

  it("B, P(wait) and E[Q] agree with a direct stationary law (c = 10, N = 25, θ > 0 and θ = 0)", () => {
    for (const pat of [3, undefined]) {
      const theta = pat === undefined ? 0 : 1 / pat;
      const lam = 11 / 4; // per minute, a = 11 with AHT 4 min
      const pi = direct(lam, 1 / 4, 10, theta, 25);
      const m = erlangXAttempt({ ratePerHour: lam * 60, ahtMinutes: 4, agents: 10, lines: 25, patienceMinutes: pat });
      expect(rel(m.blocking, pi[25])).toBeLessThan(1e-12);
      const admitted = 1 - pi[25];
      const wait = pi.slice(10, 25).reduce((s, v) => s + v, 0) / admitted;
      expect(rel(m.probWait, wait)).toBeLessThan(1e-12);
      const eq = pi.reduce((s, v, n) => s + Math.max(0, n - 10) * v, 0);
      expect(rel(m.meanQueueLength, eq)).toBeLessThan(1e-12);
      // flow balance: served + abandoned = admitted (occupancy·cμ = Λ(1−B)(1−P(ab)))
      expect(m.occupancy * 10 * 0.25).toBeCloseTo(lam * admitted * (1 - m.abandonRate), 12);
    }
  });

  it("B decreases strictly as N grows; throughput (occupancy) rises, P(wait) among admitted rises", () => {
    // (SL within 20 s need NOT rise: at N = c every admitted caller is answered at once, extra
    // lines admit callers who then wait past the threshold — in overload SL falls with N.)
    let prevB = 2;
    let prevOcc = -1;
    let prevWait = -1;
    for (const N of [50, 52, 55, 60, 70, 90]) {
      const m = erlangXAttempt({ ratePerHour: 600, ahtMinutes: 5, agents: 50, lines: N, patienceMinutes: 2 });
      expect(m.blocking).toBeLessThan(prevB);
      expect(m.occupancy).toBeGreaterThan(prevOcc);
      expect(m.probWait).toBeGreaterThan(prevWait);
      prevB = m.blocking;
      prevOcc = m.occupancy;
      prevWait = m.probWait;
    }
  });

  it("is stable at c = 500, N = 600 and at c = 1000, N = 10,000 (θ = 0 and θ > 0)", () => {
    for (const [c, N, a] of [
      [500, 600, 480],
      [500, 600, 550],
      [1000, 10_000, 1100],
      [1000, 10_000, 999],
      [1000, 10_000, 1],
    ] as const) {
      for (const pat of [2, undefined]) {
        const m = erlangXAttempt({ ratePerHour: a * 12, ahtMinutes: 5, agents: c, lines: N, patienceMinutes: pat });
        for (const v of [m.blocking, m.probWait, m.abandonRate, m.serviceLevel, m.serviceLevelAdmitted, m.occupancy]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(Number.isFinite(m.asaSeconds)).toBe(true);
      }
    }
    // c = 500, N = 600, a = 550, θ = 0: a direct law of the 601-state chain
    const pi = direct(550 / 5, 1 / 5, 500, 0, 600);
    const m = erlangXAttempt({ ratePerHour: 550 * 12, ahtMinutes: 5, agents: 500, lines: 600 });
    expect(rel(m.blocking, pi[600])).toBeLessThan(1e-10);
  });
});

describe("erlangX redial fixed point", () => {
  it("c = 2, N = 2, λ = 1.5, μ = 1, θ = 0, r_b = 1: Λ = 1 + √7 in closed form", () => {
    // B(2, Λ) = Λ²/(2 + 2Λ + Λ²). Λ(1 − B) = λ ⇔ Λ(2 + 2Λ) = 1.5(2 + 2Λ + Λ²) ⇔ Λ² − 2Λ − 6 = 0
    // ⇒ Λ = 1 + √7 = 3.6457513110645906; every fresh caller is eventually served.
    const m = erlangX({ ratePerHour: 90, ahtMinutes: 1, agents: 2, lines: 2, redialBlocked: 1 });
    const L = 1 + Math.sqrt(7);
    expect(rel(m.attemptRatePerHour / 60, L)).toBeLessThan(1e-10);
    expect(m.blocking).toBeCloseTo((L * L) / (2 + 2 * L + L * L), 10);
    expect(m.freshServedProb).toBeCloseTo(1, 10);
    expect(m.redialBlockedRatePerHour).toBeCloseTo(m.attemptRatePerHour - 90, 8);
    expect(m.redialAbandonedRatePerHour).toBe(0);
    expect(m.attemptsPerCaller).toBeCloseTo(L / 1.5, 10);
  });

  it("c = 2, N = 2, λ = 1.5, μ = 1, θ = 0, r_b = 0.5: the iteration by hand", () => {
    // Λ_0 = 1.5: B = 2.25/(2 + 3 + 2.25) = 9/29; Λ_1 = 1.5/(1 − 9/58) = 87/49 = 1.7755102…
    // Λ_2: B(87/49) = 0.362205…, Λ_2 = 1.5/(1 − 0.181103) = 1.831731…; Λ_3 = 1.842787…, Λ_4 = 1.844944…
    // The limit solves Λ − 0.5·Λ·Λ²/(2+2Λ+Λ²) = 1.5 ⇔ Λ³ + Λ² − 2Λ − 6 = 0 ⇒ Λ = 1.8454660914…
    // (cubic: f(1.845) = −0.0028, f(1.846) = +0.0082). Fresh served = (1−B)/(1 − 0.5B) = 0.769689…
    const m = erlangX({ ratePerHour: 90, ahtMinutes: 1, agents: 2, lines: 2, redialBlocked: 0.5 });
    const L = m.attemptRatePerHour / 60;
    expect(L).toBeCloseTo(1.8454660914, 9);
    expect(L ** 3 + L ** 2 - 2 * L - 6).toBeCloseTo(0, 10);
    expect(m.blocking).toBeCloseTo(0.374394407, 8);
    expect(m.freshServedProb).toBeCloseTo(0.769689272, 8);
    expect(m.freshLostProb).toBeCloseTo(1 - 0.769689272, 8);
    expect(m.iterations).toBeGreaterThan(4);
  });

  it("the fixed point satisfies Λ = λ + r_b·Λ·B + r_a·Λ·(1 − B)·P(ab) with abandonment and lines", () => {
    const m = erlangX({ ratePerHour: 540, ahtMinutes: 5, agents: 50, lines: 60, patienceMinutes: 2, redialBlocked: 0.8, redialAbandoned: 0.3 });
    const L = m.attemptRatePerHour;
    const rhs = 540 + 0.8 * L * m.blocking + 0.3 * L * (1 - m.blocking) * m.abandonRate;
    expect(rel(L, rhs)).toBeLessThan(1e-10);
    expect(m.redialBlockedRatePerHour + m.redialAbandonedRatePerHour).toBeCloseTo(L - 540, 8);
    // eventually served fresh = answered attempts / fresh arrivals
    expect(m.freshServedProb * 540).toBeCloseTo(L * (1 - m.blocking) * (1 - m.abandonRate), 8);
  });

  it("larger r_a raises Λ and lowers the service level", () => {
    let prevL = 0;
    let prevSl = 2;
    for (const ra of [0, 0.25, 0.5, 0.75, 1]) {
      const m = erlangX({ ratePerHour: 600, ahtMinutes: 5, agents: 50, lines: 60, patienceMinutes: 2, redialAbandoned: ra });
      expect(m.attemptRatePerHour).toBeGreaterThan(prevL);
      expect(m.serviceLevel).toBeLessThan(prevSl);
      prevL = m.attemptRatePerHour;
      prevSl = m.serviceLevel;
    }
  });

  it("fails clearly when redials make the attempt rate grow without bound", () => {
    // r_b = r_a = 1 and λ/μ = 60 > c = 50: everybody retries until served, agents cannot keep up.
    expect(() =>
      erlangX({ ratePerHour: 720, ahtMinutes: 5, agents: 50, lines: 60, patienceMinutes: 2, redialBlocked: 1, redialAbandoned: 1 }),
    ).toThrow(/redial fixed point/);
    expect(MAX_REDIAL_ITERATIONS).toBe(10_000);
  });

  it("λ = 0 gives an empty system", () => {
    const m = erlangX({ ratePerHour: 0, ahtMinutes: 5, agents: 3, lines: 4, redialBlocked: 1 });
    expect(m.attemptRatePerHour).toBe(0);
    expect(m.blocking).toBe(0);
    expect(m.serviceLevel).toBe(1);
    expect(m.freshServedProb).toBe(1);
  });

  it("rejects bad input", () => {
    const base = { ratePerHour: 60, ahtMinutes: 5, agents: 5 };
    expect(() => erlangX({ ...base, lines: 4 })).toThrow(/lines/);
    expect(() => erlangX({ ...base, lines: 5.5 })).toThrow(/lines/);
    expect(() => erlangX({ ...base, redialBlocked: 1.1 })).toThrow(/redialBlocked/);
    expect(() => erlangX({ ...base, redialAbandoned: -0.1 })).toThrow(/redialAbandoned/);
    expect(() => erlangX({ ...base, patienceMinutes: 0 })).toThrow(/patienceMinutes/);
    expect(() => erlangX({ ...base, agents: 0 })).toThrow(/agents/);
    expect(() => erlangX({ ...base, ahtMinutes: 0 })).toThrow(/ahtMinutes/);
  });
});

describe("supportsim erlang x (execErlang)", () => {
  const args = (over: Record<string, unknown>) =>
    ({ model: "x", ratePerHour: 540, ahtMinutes: 5, agents: 50, thresholdSeconds: 20, json: true, ...over }) as Parameters<typeof execErlang>[0];

  it("--json prints the erlangX result", () => {
    const out = JSON.parse(execErlang(args({ lines: 60, patienceMinutes: 2, redialBlocked: 0.8, redialAbandoned: 0.3 })));
    const ref = erlangX({ ratePerHour: 540, ahtMinutes: 5, agents: 50, lines: 60, patienceMinutes: 2, redialBlocked: 0.8, redialAbandoned: 0.3, thresholdSeconds: 20 });
    expect(out).toEqual(JSON.parse(JSON.stringify(ref)));
    expect(out.model).toBe("erlang-x");
  });

  it("the table shows blocking, redials and the fresh outcome", () => {
    const out = execErlang(args({ json: false, lines: 55, patienceMinutes: 2, redialBlocked: 0.5 }));
    expect(out).toContain("Erlang X");
    expect(out).toContain("P(blocked)");
    expect(out).toContain("Redials (blocked)");
    expect(out).toContain("Fresh callers served");
    expect(execErlang(args({ json: false }))).toContain("unlimited");
  });

  it("bad or missing flags are one-line usage errors", () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ agents: undefined }, /--agents: missing/],
      [{ lines: 40 }, /--lines: expected a whole number of lines >= --agents \(50\)/],
      [{ lines: Number.NaN }, /--lines/],
      [{ redialBlocked: 2 }, /--redial-blocked: expected a fraction/],
      [{ redialAbandoned: -1 }, /--redial-abandoned: expected a fraction/],
      [{ patienceMinutes: 0 }, /--patience-minutes/],
      [{ ratePerHour: 720, lines: 60, patienceMinutes: 2, redialBlocked: 1, redialAbandoned: 1 }, /^erlang x: .*redial fixed point/],
    ];
    for (const [over, re] of bad) {
      let err: unknown;
      try {
        execErlang(args(over));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).toMatch(re);
      expect((err as Error).message).not.toContain("\n");
    }
  });

  it("the other models still work", () => {
    expect(JSON.parse(execErlang(args({ model: "c", agents: 48 }))).model).toBe("erlang-c");
    expect(JSON.parse(execErlang(args({ model: "a", patienceMinutes: 2 }))).model).toBe("erlang-a");
  });
});

describe("staffErlangX: the fewest agents under Erlang X", () => {
  const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
  it("is Erlang A's answer without lines or redials, and Erlang C's without patience too", () => {
    const load = { ratePerHour: 540, ahtMinutes: 5, patienceMinutes: 2 };
    expect(staffErlangX(load, target).agents).toBe(staffErlangA(load, target).agents);
    const c = { ratePerHour: 540, ahtMinutes: 5 };
    expect(staffErlangX(c, target).agents).toBe(staffErlangC(c, target).agents);
  });
  it("with redials: the target holds at c and not at c − 1 (attempt-level service level), and redials need more agents", () => {
    const load = { ratePerHour: 540, ahtMinutes: 5, patienceMinutes: 2, redialAbandoned: 0.5 };
    const r = staffErlangX(load, { ...target, maxAbandonRate: 0.03 });
    const at = (c: number) => erlangX({ ...load, agents: c, thresholdSeconds: 20 });
    expect(at(r.agents).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(at(r.agents).abandonRate).toBeLessThanOrEqual(0.03);
    const below = at(r.agents - 1);
    expect(below.serviceLevel < 0.8 || below.abandonRate > 0.03).toBe(true);
    expect(r.metrics.model).toBe("erlang-x");
    expect(r.agents).toBeGreaterThanOrEqual(staffErlangA({ ratePerHour: 540, ahtMinutes: 5, patienceMinutes: 2 }, { ...target, maxAbandonRate: 0.03 }).agents);
  });
  it("rejects a service level of 1 with finite lines (blocked callers are misses)", () => {
    expect(() => staffErlangX({ ratePerHour: 60, ahtMinutes: 5, lines: 20 }, { serviceLevel: 1, thresholdSeconds: Infinity })).toThrow(/finite lines/);
  });
});
