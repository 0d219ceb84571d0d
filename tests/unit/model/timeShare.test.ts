/** Tests of time-sharing fractional agents (src/model/staffing/timeShare.ts). */
import { messageOf } from "../../helpers/problems.js";
import { describe, expect, it } from "vitest";
import { nextTimeShareChange, timeShared } from "../../../src/model/staffing/timeShare.js";

/** ∫ timeShared(x, ·, L) over [a, b), by its change points. */
function shareIntegral(x: number, L: number, a: number, b: number): number {
  let sum = 0;
  let t = a;
  while (t < b) {
    const n = Math.min(nextTimeShareChange(x, t, L), b);
    sum += timeShared(x, t, L) * (n - t);
    t = n;
  }
  return sum;
}

describe("time-sharing fractional agents", () => {
  it("5.6 agents in 30-minute intervals: 6 for the first 18 minutes, 5 for the last 12", () => {
    expect(timeShared(5.6, 0, 30)).toBe(6);
    expect(timeShared(5.6, 17.99, 30)).toBe(6);
    expect(timeShared(5.6, 18, 30)).toBe(5);
    expect(timeShared(5.6, 29.99, 30)).toBe(5);
    expect(timeShared(5.6, 30, 30)).toBe(6);
    expect(nextTimeShareChange(5.6, 0, 30)).toBe(18);
    expect(nextTimeShareChange(5.6, 10, 30)).toBe(18);
    expect(nextTimeShareChange(5.6, 18, 30)).toBe(30);
    expect(nextTimeShareChange(5.6, 25, 30)).toBe(30);
    expect(nextTimeShareChange(5.6, 3e6 + 5, 30)).toBe(3e6 + 18);
    // 6·18 + 5·12 = 168 = 5.6·30 agent-minutes per interval, exactly, early or late
    expect(shareIntegral(5.6, 30, 0, 30)).toBe(168);
    expect(shareIntegral(5.6, 30, 30 * 100_000, 30 * 100_001)).toBe(168);
    expect(shareIntegral(5.6, 30, 0, 300)).toBe(1680);
  });

  it("snaps the share point to a whole minute: 4.1 agents get the fifth for exactly 3 minutes", () => {
    // 4.1·30 − 4·30 = 2.999999999999986 in floating point, snapped to 3: 5·3 + 4·27 = 123
    expect(4.1 * 30 - 4 * 30).not.toBe(3);
    expect(nextTimeShareChange(4.1, 0, 30)).toBe(3);
    expect(timeShared(4.1, 2.9999, 30)).toBe(5);
    expect(timeShared(4.1, 3, 30)).toBe(4);
    expect(shareIntegral(4.1, 30, 0, 30)).toBe(123);
  });

  it("whole numbers of agents with floating-point noise are whole, without a blip", () => {
    expect(timeShared(10 * 0.7, 0, 30)).toBe(7); // exact in binary floating point
    expect(nextTimeShareChange(10 * 0.7, 0, 30)).toBe(Infinity);
    expect(shareIntegral(10 * 0.7, 30, 0, 30)).toBe(210);
    // 10 agents at 70 % shrinkage: 10 × (1 − 0.7) = 3.0000000000000004, which would give a
    // fourth agent for 1.3e-14 minutes of each interval
    const above = 10 * (1 - 0.7);
    expect(above).not.toBe(3);
    expect(timeShared(above, 0, 30)).toBe(3);
    expect(nextTimeShareChange(above, 0, 30)).toBe(Infinity);
    expect(shareIntegral(above, 30, 0, 30)).toBe(90);
    // 15 × (1 − 0.8) = 2.999999999999999: 3, not 2 for a moment at each interval end
    const below = 15 * (1 - 0.8);
    expect(below).not.toBe(3);
    expect(timeShared(below, 29.999999, 30)).toBe(3);
    expect(nextTimeShareChange(below, 0, 30)).toBe(Infinity);
    expect(timeShared(3 - 1e-12, 0, 30)).toBe(3);
    expect(timeShared(-1e-12, 0, 30)).toBe(0); // noise below zero reads as 0
  });

  it("0.25 agents: one agent for the first 7.5 minutes of each interval", () => {
    expect(timeShared(0.25, 0, 30)).toBe(1);
    expect(timeShared(0.25, 7.4, 30)).toBe(1);
    expect(timeShared(0.25, 7.5, 30)).toBe(0);
    expect(timeShared(0.25, 67, 30)).toBe(1); // interval [60, 90)
    expect(timeShared(0.25, 67.5, 30)).toBe(0);
    expect(nextTimeShareChange(0.25, 67, 30)).toBe(67.5);
    expect(nextTimeShareChange(0.25, 67.5, 30)).toBe(90);
    expect(shareIntegral(0.25, 30, 0, 30)).toBe(7.5);
  });

  it("does not snap a share beyond 1e-9", () => {
    const x = 2 + 1e-6;
    expect(timeShared(x, 0, 30)).toBe(3);
    expect(timeShared(x, 1e-4, 30)).toBe(2);
    expect(nextTimeShareChange(x, 0, 30)).toBeCloseTo(3e-5, 12);
  });

  it("rejects negative, NaN or infinite agents and a bad interval", () => {
    expect(messageOf(() => timeShared(-0.01, 0, 30))).toBe("time share: agents: expected a number >= 0, got -0.01");
    expect(messageOf(() => timeShared(NaN, 0, 30))).toBe("time share: agents: expected a finite number >= 0, got NaN");
    expect(messageOf(() => nextTimeShareChange(Infinity, 0, 30))).toBe("time share: agents: expected a finite number >= 0, got Infinity");
    expect(messageOf(() => timeShared(1.5, 0, 0))).toBe("time share: interval: expected a length in minutes > 0, got 0");
    expect(messageOf(() => timeShared(1.5, NaN, 30))).toBe("time share: expected a finite time in minutes, got NaN");
  });
});

describe("the extra agent leaves at the share point however the clock rounds", () => {
  it("a share point that is not a whole minute, late in the year: each interval gets x·L agent-minutes, not ⌈x⌉·L", () => {
    // s + frac(x)·L is rounded; the pool is re-staffed at that rounded time, and must then get ⌊x⌋
    // (a share point read as t − s < frac(x)·L kept the extra agent for the whole interval when
    // the rounding went down: L2 in hiring-freeze.json got 7 agents for 10 × 8/13 = 6.15, 2.3 % more time on shift than paid)
    const L = 30;
    const x = (10 * 8) / 13;
    const s = 268260; // day 186, 08:00
    expect(timeShared(x, nextTimeShareChange(x, s, L), L)).toBe(6);
    let worst = 0;
    for (let k = 1; k <= 13; k++) {
      for (const agents of [4, 6, 10, 11]) {
        const y = (agents * k) / 13;
        for (let day = 0; day < 364; day += 7) {
          const a = day * 1440 + 8 * 60;
          worst = Math.max(worst, Math.abs(shareIntegral(y, L, a, a + 600) - y * 600));
        }
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });
});
