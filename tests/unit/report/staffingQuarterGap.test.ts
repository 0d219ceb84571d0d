/**
 * The staffing chart's gap panel (src/report/charts/staffing.ts) for a pool planned per quarter
 * day (work that waits: staffDefaults.ts coverOf, shiftProgram.ts quarterDayGroups): the plan
 * covers each quarter's floor hours, so the panel shows each quarter's mean gap, red only where
 * the quarter as a whole is short. An interval below the requirement inside a covered quarter
 * drew a red bar, read at a budget meeting as under-staffing although the plan met every target.
 * A pool with live work keeps its gap interval by interval. Read from the rectangles Vega draws
 * (the scenegraph), with each one's data, as a planner would see the bars.
 */
import * as vega from "vega";
import { describe, expect, it } from "vitest";
import type { StaffResult } from "../../../src/report/charts/inputs.js";
import { staffingChart } from "../../../src/report/charts/staffing.js";
import { TARGET_COLOUR } from "../../../src/report/charts/theme.js";
import { compileChart, type ChartSpec } from "../../../src/report/render/render.js";

const M = 30, PER_DAY = 48, N = 7 * PER_DAY;
/** Monday 08:00 (interval 16): the baseline's Mon–Fri 08:00–18:00, 20 half-hours = 4 quarters of 5. */
const MON = 16;

/**
 * Pool "Q", open Mon–Fri 08:00–18:00, 6 agents required throughout, 6 scheduled but: Monday's
 * first quarter (08:00–10:30) 8, 8, 3, 8, 8 (the 09:00 interval 3 short, the quarter +1 on the
 * whole) and its second (10:30–13:00) 5, 5, 5, 5, 6 (short on the whole: −0.8 a half-hour).
 * `live`: a pool with real-time work (covered interval by interval), else deferred work alone.
 */
function answer(live: boolean): StaffResult {
  const intervals = Array.from({ length: N }, (_, i) => {
    const day = Math.floor(i / PER_DAY), minute = (i % PER_DAY) * M;
    const open = day < 5 && minute >= 8 * 60 && minute < 18 * 60;
    return {
      index: i, day, minute, open, erlang: open ? 5 : null, required: open ? 6 : 0, paid: open ? 6 / 0.7 : 0, offeredPerWeek: open && live ? 40 : 0,
      serviceLevel: open && live ? { mean: 0.82, ci95: [0.8, 0.84] as [number, number] } : null, abandonRate: null, occupancy: open ? 0.8 : null,
    };
  });
  const coverage = intervals.map((iv) => (iv.open ? 6 : 0));
  [8, 8, 3, 8, 8, 5, 5, 5, 5, 6].forEach((c, k) => (coverage[MON + k] = c));
  return {
    scenario: "gaps", seed: 1, fteHours: 40,
    targets: { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9, maxOccupancy: 0.9 },
    intervalMinutes: M, intervalsPerWeek: N, weeksMeasured: 4, replications: 2,
    pools: [{
      pool: "Q", tier: 1, timeZone: "America/Chicago", availability: 0.7, costPerHour: 40, intervals, floorHoursPerWeek: 300, paidHoursPerWeek: 429, costPerWeek: 17160,
      erlangPaidHoursPerWeek: 400, deferredPerWeek: live ? 0 : 500, deferredWithin: null, serviceLevel: live ? 0.82 : null, responseTargetHours: live ? [] : [24],
    }],
    evaluations: 3, met: true, unmet: [], complete: true, currency: "USD",
    shifts: [{ pool: "Q", plan: { shifts: [], coverage, paidHoursPerWeek: 440, lowerBoundHours: 430, gap: 0.02, optimal: true, solveSeconds: 0.1, ...(live ? {} : { cover: "quarterDay" as const }) } }],
  };
}

interface Bar { i: number; gap: number; fill: string; datum: Record<string, unknown> }
interface SceneNode { marktype?: string; items?: SceneNode[]; fill?: string; opacity?: number; datum?: Record<string, unknown> }

/** The gap panel's bars Vega draws: every visible rectangle with a gap, by interval. */
async function gapBars(spec: ChartSpec): Promise<Bar[]> {
  const view = new vega.View(vega.parse(compileChart(spec).vega), { renderer: "none" });
  await view.runAsync();
  const out: Bar[] = [];
  const walk = (n: SceneNode): void => {
    if (n.marktype === "rect") {
      for (const item of n.items ?? []) if (item.opacity !== 0 && typeof item.datum?.gap === "number") out.push({ i: item.datum.i as number, gap: item.datum.gap, fill: item.fill ?? "", datum: item.datum });
    } else for (const item of n.items ?? []) walk(item);
  };
  walk(view.scenegraph().root as unknown as SceneNode);
  view.finalize();
  return out.sort((a, b) => a.i - b.i);
}

const panelTitle = (spec: ChartSpec) => JSON.stringify((spec.vconcat as { title: unknown }[])[1].title);
const red = (bars: Bar[]) => bars.filter((b) => b.fill.toUpperCase() === TARGET_COLOUR.toUpperCase());

describe("staffing chart gap panel, pools covered per quarter day", () => {
  it("shows no red bar inside a quarter covered on the whole, though one interval in it is short", async () => {
    const bars = await gapBars(staffingChart(answer(false), "Q")!);
    expect(bars).toHaveLength(5 * 20);
    const first = bars.filter((b) => b.i >= MON && b.i < MON + 5);
    expect(first.map((b) => b.gap)).toEqual([1, 1, 1, 1, 1]);
    expect(red(first)).toEqual([]);
  });

  it("shows a quarter short on the whole as its mean gap, red over all its intervals, and only that quarter", async () => {
    const bars = await gapBars(staffingChart(answer(false), "Q")!);
    expect(red(bars).map((b) => [b.i, b.gap])).toEqual([0, 1, 2, 3, 4].map((k) => [MON + 5 + k, -0.8]));
  });

  it("keeps the interval's own scheduled and required values in the tooltip, beside the quarter's gap", async () => {
    const spec = staffingChart(answer(false), "Q")!;
    const short = (await gapBars(spec)).find((b) => b.i === MON + 2)!;
    expect(short.datum).toMatchObject({ covText: "3.0", reqText: "6", gapText: "+1.0", quarter: "Mon 08:00–10:30" });
    expect(JSON.stringify(spec)).toMatch(/quarter day/i);
    expect(panelTitle(spec)).toMatch(/quarter day/i);
  });
});

describe("staffing chart gap panel, pools with live work", () => {
  it("keeps the gap interval by interval: every short interval red with its own gap, under the old title", async () => {
    const spec = staffingChart(answer(true), "Q")!;
    const bars = await gapBars(spec);
    expect(red(bars).map((b) => [b.i, b.gap])).toEqual([[MON + 2, -3], [MON + 5, -1], [MON + 6, -1], [MON + 7, -1], [MON + 8, -1]]);
    expect(bars.find((b) => b.i === MON)!.gap).toBe(2);
    expect(panelTitle(spec)).toBe(JSON.stringify({ text: "Gap: scheduled − required agents on the floor, open hours (red: short)", fontSize: 15, fontWeight: 600, anchor: "start", offset: 6 }));
    expect(JSON.stringify(spec)).not.toMatch(/quarter/i);
  });
});
