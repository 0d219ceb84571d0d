/**
 * LevelTotals (src/model/network/levelTotals.ts) integrates a level exactly as TimeWeighted does:
 * the agent floor gives a pool alone in its tier its tier's integral instead of integrating the
 * same changes twice (agentFloor.ts), which is only right if the two totals are bitwise equal.
 */
import { describe, expect, it } from "vitest";
import { aleaDouble } from "../../../src/engine/alea.js";
import { TimeWeighted } from "../../../src/engine/statistics.js";
import { LevelTotals } from "../../../src/model/network/levelTotals.js";

describe("LevelTotals", () => {
  it("gives TimeWeighted's total, bit for bit, for random changes inside, before and after the window", () => {
    for (let run = 0; run < 50; run++) {
      const u = aleaDouble(`levels ${run}`);
      const start = u() * 100, end = start + 50 + u() * 5000;
      const tw = new TimeWeighted(start, end, 30), lt = new LevelTotals(1, start, end);
      let t = 0, level = 0;
      for (let i = 0; i < 2000; i++) {
        t += u() < 0.2 ? 0 : u() * 4; // some changes at the same instant
        const d = level > 0 && u() < 0.5 ? -1 : 1;
        level += d;
        tw.add(t, d);
        lt.add(0, t, d);
      }
      tw.close();
      lt.close();
      expect(lt.total[0]).toBe(tw.total);
    }
  });

  it("keeps one total per item and ignores time outside [start, end)", () => {
    const lt = new LevelTotals(2, 10, 20);
    lt.add(0, 0, 2); // 2 from t = 0: counts from 10
    lt.add(1, 15, 1);
    lt.add(0, 25, -2); // after the end
    lt.close();
    expect(Array.from(lt.total)).toEqual([20, 5]);
  });
});
