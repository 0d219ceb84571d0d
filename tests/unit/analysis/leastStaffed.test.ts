/**
 * Where the staffing search puts the agents a whole-day or whole-week target asks for (a day's
 * all-work occupancy over the cap, deferred work missing its response target): in the quarter of
 * the open intervals with the fewest agents, the busiest first among equals (evaluation.ts
 * leastStaffed). That work waits for an agent, so the hours count, not where they fall; put on
 * the busiest intervals (as before) they raised a Monday-morning peak on the baseline's L2 that
 * shifts could only follow with part-timers (plan 1.72× the requirement's paid hours, 1.50× now).
 */
import { describe, expect, it } from "vitest";
import { leastStaffed } from "../../../src/analysis/staffing/evaluation.js";

describe("leastStaffed", () => {
  // eight open intervals (the last two closed), a morning peak of agents and of occupancy
  const open = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
  const x = Int32Array.from([9, 8, 6, 5, 5, 5, 6, 7, 0, 0]);
  const occupancy = Float64Array.from([0.99, 0.97, 0.9, 0.8, 0.85, 0.7, 0.6, 0.5, 0, 0]);

  it("takes the quarter of the open intervals with the fewest agents, the busiest first among equals, never a closed one", () => {
    expect(leastStaffed(open, x, occupancy, 0.25)).toEqual([4, 3]);
    expect(leastStaffed(open, x, occupancy, 0.5)).toEqual([4, 3, 5, 2]);
  });

  it("repeated, flattens the pool instead of raising its peak", () => {
    const y = Int32Array.from(x);
    for (let step = 0; step < 6; step++) for (const i of leastStaffed(open, y, occupancy, 0.25)) y[i]++;
    const staffed = [...y].slice(0, 8);
    // 12 agent-intervals added to the thinnest (51 → 63): the peak of 9 stays, the rest fills up towards it
    // (on the busiest intervals they went to the peak: 9 → 15)
    expect(Math.max(...staffed)).toBe(9);
    expect(Math.min(...staffed)).toBeGreaterThanOrEqual(7);
  });

  it("takes at least one interval", () => {
    expect(leastStaffed(Uint8Array.from([0, 1, 0]), Int32Array.from([0, 3, 0]), Float64Array.from([0, 0.9, 0]), 0.01)).toEqual([1]);
  });
});
