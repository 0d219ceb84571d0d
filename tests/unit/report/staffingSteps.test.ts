/**
 * The staffing chart's steps (src/report/charts/staffing.ts): the scheduled area and the
 * required and Erlang lines hold each interval's value across the interval and go straight up
 * or down at its edges, and every interval stays inside its own day on the week axis. Read from
 * the points Vega draws (the scenegraph), so a diagonal a planner would see fails the test
 * whatever the spec's data look like.
 *
 * The case that drew diagonals: hourly intervals. The interval that starts at the hour the axis
 * closes a day (Mon 13:00 on a 09:00–13:00 axis; closed, nobody scheduled) was placed at the
 * day's end and reached an hour on, past the break between days, so the scheduled area resumed
 * after the break at 0 and ran in a slant up to the next day's first step, and the lines lost
 * part of that first interval.
 */
import * as vega from "vega";
import { describe, expect, it } from "vitest";
import type { StaffResult } from "../../../src/report/charts/inputs.js";
import { staffingChart } from "../../../src/report/charts/staffing.js";
import { placeRows, weekAxis } from "../../../src/report/charts/weekAxis.js";
import { compileChart, type ChartSpec } from "../../../src/report/render/render.js";

/**
 * A staffing answer for pool "P" with `m`-minute intervals, open on `days` from hour `from` to
 * `to`: required 3–6 agents, Erlang 2–4, a plan 0.5–1.5 above the requirement, nobody scheduled
 * while closed.
 */
function staffAnswer(m: number, from: number, to: number, days: readonly number[]): StaffResult {
  const perDay = 1440 / m, n = 7 * perDay;
  const intervals = Array.from({ length: n }, (_, i) => {
    const day = Math.floor(i / perDay), minute = (i % perDay) * m;
    const open = days.includes(day) && minute >= from * 60 && minute < to * 60;
    return {
      index: i, day, minute, open,
      erlang: open ? 2 + (i % 3) : null,
      required: open ? 3 + (i % 4) : 0,
      paid: open ? 5 : 0,
      offeredPerWeek: open ? 40 : 0,
      serviceLevel: open ? { mean: 0.82, ci95: [0.8, 0.84] as [number, number] } : null,
      abandonRate: open ? 0.03 : null,
      occupancy: open ? 0.8 : null,
    };
  });
  const coverage = intervals.map((iv) => (iv.open ? iv.required + 0.5 + (iv.index % 2) : 0));
  return {
    scenario: "steps",
    seed: 1,
    fteHours: 40,
    targets: { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9, maxOccupancy: 0.9 },
    intervalMinutes: m,
    intervalsPerWeek: n,
    weeksMeasured: 4,
    replications: 2,
    pools: [
      { pool: "P", tier: 0, timeZone: "America/Chicago", availability: 0.7, costPerHour: 40, intervals, floorHoursPerWeek: 100, paidHoursPerWeek: 143, costPerWeek: 5720, erlangPaidHoursPerWeek: 120, deferredPerWeek: 0, deferredWithin: null, serviceLevel: 0.82 },
    ],
    evaluations: 3,
    met: true,
    unmet: [],
    complete: true,
    currency: "USD",
    shifts: [{ pool: "P", plan: { shifts: [], coverage, paidHoursPerWeek: 160, lowerBoundHours: 150, gap: 0.05, optimal: true, solveSeconds: 0.1 } }],
  };
}

interface Point { x: number; y: number; defined?: boolean }
interface SceneNode { marktype?: string; role?: string; name?: string; items?: SceneNode[] }

/** The points of each area and line Vega draws (pixels, in drawing order), with its mark's name. */
async function drawnPaths(spec: ChartSpec): Promise<{ name: string; points: Point[] }[]> {
  const view = new vega.View(vega.parse(compileChart(spec).vega), { renderer: "none" });
  await view.runAsync();
  const out: { name: string; points: Point[] }[] = [];
  const walk = (n: SceneNode): void => {
    if ((n.marktype === "area" || n.marktype === "line") && n.role === "mark") out.push({ name: n.name ?? "", points: (n.items ?? []) as unknown as Point[] });
    else for (const item of n.items ?? []) walk(item);
  };
  walk(view.scenegraph().root as unknown as SceneNode);
  view.finalize();
  return out;
}

/** Segments of a drawn path that move across and up or down at once (more than a tenth of a pixel each way). */
function slants(points: readonly Point[]): string[] {
  const out: string[] = [];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1], b = points[k];
    if (a.defined === false || b.defined === false) continue;
    if (Math.abs(b.x - a.x) > 0.1 && Math.abs(b.y - a.y) > 0.1) out.push(`(${a.x.toFixed(1)}, ${a.y.toFixed(1)}) → (${b.x.toFixed(1)}, ${b.y.toFixed(1)})`);
  }
  return out;
}

// [interval minutes, open from, to, days]: hourly short days (half-hour gaps between days), hourly
// every day (1.5-hour gaps), two-hour intervals, and the half-hour Mon–Fri 08:00–18:00 of the baseline
const CASES: [number, number, number, number[]][] = [
  [60, 9, 13, [0, 1, 2, 3, 4]],
  [60, 8, 18, [0, 1, 2, 3, 4, 5, 6]],
  [120, 8, 18, [0, 1, 2, 3, 4]],
  [30, 8, 18, [0, 1, 2, 3, 4]],
];

describe("staffing chart steps", () => {
  it.each(CASES)("draws every series as steps, no slant anywhere (%i-min intervals, %i:00–%i:00, days %j)", async (m, from, to, days) => {
    const paths = await drawnPaths(staffingChart(staffAnswer(m, from, to, days), "P")!);
    // the scheduled area and the required and Erlang lines
    expect(paths.map((p) => p.points.length > 0)).toEqual([true, true, true]);
    for (const { name, points } of paths) expect(slants(points), name).toEqual([]);
  });

  it.each(CASES)("keeps every interval inside its own day on the axis, after the one before it (%i-min intervals, %i:00–%i:00, days %j)", (m, from, to, days) => {
    const spec = staffingChart(staffAnswer(m, from, to, days), "P")!;
    const main = (spec.vconcat as { layer: { data: { values: Record<string, number | null>[] } }[] }[])[0];
    const rows = main.layer[3].data.values;
    let lastEnd = -Infinity;
    for (const r of rows) {
      // a break between days: past the day before it
      if (r.i === null) expect(r.x!).toBeGreaterThanOrEqual(lastEnd);
      if (r.i === null) continue;
      // where the interval's day closes on the axis
      const dayEnd = r.x0! - ((r.start! % 24) - from) + (to - from);
      expect(r.x0!, `interval ${r.i}`).toBeGreaterThanOrEqual(lastEnd - 1e-9);
      expect(r.x1!, `interval ${r.i}`).toBeLessThanOrEqual(dayEnd + 1e-9);
      lastEnd = r.x1!;
    }
  });
});

describe("placeRows with interval spans", () => {
  it("leaves out the interval that starts at the hour the axis closes the day (it would reach past the day's end)", () => {
    // hourly, open Mon–Fri 09:00–13:00: the axis shows 09:00–13:00, the 13:00–14:00 intervals are closed
    const a = weekAxis(168, 60, (i) => Math.floor(i / 24) < 5 && i % 24 >= 9 && i % 24 < 13);
    expect(a).toMatchObject({ from: 9, to: 13 });
    const rows = Array.from({ length: 168 }, (_, i) => ({ i, start: i, end: i + 1 }));
    const placed = placeRows(a, rows, "start", ["start", "end"]).filter((r) => r.i !== null);
    expect(placed.map((r) => r.start % 24)).toEqual(Array.from({ length: 5 }, () => [9, 10, 11, 12]).flat());
    // the day's last interval ends where the day does on the axis
    expect(placed[3]).toMatchObject({ start: 12, x0: 3, x1: 4 });
    // round the clock every interval is shown, Sunday 23:00–24:00 too
    expect(placeRows(weekAxis(168, 60, () => true), rows, "start", ["start", "end"])).toHaveLength(168);
  });
});
