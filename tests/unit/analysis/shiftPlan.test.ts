/**
 * Tests of shift planning (src/analysis/staffing/: shiftPlan.ts and the files it uses): the integer program solved by HiGHS
 * on cases computed by hand (one Monday shift, rotations of 5 days on, availability, lunch
 * alternatives cutting intervals, a shift edge inside an interval, a night shift from Sunday
 * into Monday, no requirement), the LP bound, the uncovered-interval error, input errors,
 * the default patterns, the planners' JSON (parsePatterns) and its errors, the ShiftConfig
 * export, and the coverage recomputed independently by the model's WeeklyPattern.
 */
import { describe, expect, it } from "vitest";
import { formatDays, parseDaySet } from "../../../src/analysis/staffing/daySets.js";
import { InputError, problemLine } from "../../../src/errors.js";
import { defaultPatterns } from "../../../src/analysis/staffing/defaultPatterns.js";
import { fitPatterns } from "../../../src/analysis/staffing/fitPatterns.js";
import { parsePatterns } from "../../../src/analysis/staffing/patternFile.js";
import { toShiftConfigs } from "../../../src/analysis/staffing/shiftConfigs.js";
import type { ShiftPattern } from "../../../src/analysis/staffing/shiftPattern.js";
import { planShifts, type ShiftPlanInput } from "../../../src/analysis/staffing/shiftPlan.js";
import { WeeklyPattern } from "../../../src/model/staffing/weeklyPattern.js";
import { coverageRows, quarterDayGroups } from "../../../src/analysis/staffing/shiftProgram.js";

/** A requirement of `value` on weekday `day` from hour `from` to hour `to` (L = 60), 0 elsewhere. */
function hourly(cells: { day: number; from: number; to: number; value: number }[]): number[] {
  const r = new Array<number>(168).fill(0);
  for (const c of cells) for (let h = c.from; h < c.to; h++) r[c.day * 24 + h] = c.value;
  return r;
}

/** A pattern of one fixed start (minutes), no breaks unless given. */
function fixed(name: string, start: number, length: number, days: { daysOn: number } | { daySets: number[][] }, breaks: ShiftPattern["breaks"] = []): ShiftPattern {
  return { name, length, earliestStart: start, latestStart: start, step: 60, ...days, breaks };
}

/** The message of the error thrown (or the promise rejected with), or "no error". */
async function messageOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
}

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

describe("planShifts: hand-computed plans", () => {
  it("covers 2 agents Mon 08:00–16:00 with two 8-hour shifts starting 08:00: 16 paid hours", async () => {
    // Starts 06:00..10:00 hourly, Monday only. Hour 08 is covered only by starts 06, 07, 08 and
    // hour 15 only by starts 08, 09, 10: x6+x7+x8 ≥ 2 and x8+x9+x10 ≥ 2 with Σx = 2 force x8 = 2
    // (the LP too), so 2 agents × 8 h = 16 h, bound 16.
    const plan = await planShifts({
      intervalMinutes: 60,
      requirement: hourly([{ day: 0, from: 8, to: 16, value: 2 }]),
      availability: 1,
      patterns: [{ name: "day", length: 480, earliestStart: 360, latestStart: 600, step: 60, daySets: [[0]], breaks: [] }],
    });
    expect(plan.shifts).toEqual([{ pattern: "day", days: [0], start: 480, length: 480, agents: 2, breaks: [] }]);
    expect(plan.paidHoursPerWeek).toBe(16);
    expect(plan.lowerBoundHours).toBeCloseTo(16, 6);
    expect(plan.optimal).toBe(true);
    // coverage: 2 in hours 8..15 of Monday, 0 elsewhere (a_ij = 1 there)
    expect(plan.coverage).toEqual(hourly([{ day: 0, from: 8, to: 16, value: 2 }]));
    expect(plan.solveSeconds).toBeGreaterThanOrEqual(0);
  });

  it("needs 2 agents (10 agent-days, 80 h) for 1 agent every day with 5 days on, against an LP bound of 56 h", async () => {
    // 08:00–16:00 every day, one start, 7 rotations of 5 consecutive days. Each agent covers 5
    // of the 7 days: 1 agent leaves 2 days bare, so the integer optimum is 2 agents = 2·5·8 = 80 h.
    // LP: summing the 7 day constraints, 5·Σn ≥ 7, so Σn ≥ 7/5, reached by n = 1/5 on every
    // rotation: 7/5 agents × 40 h = 56 h.
    const plan = await planShifts({
      intervalMinutes: 60,
      requirement: hourly([0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from: 8, to: 16, value: 1 }))),
      availability: 1,
      patterns: [fixed("five", 480, 480, { daysOn: 5 })],
    });
    expect(sum(plan.shifts.map((s) => s.agents))).toBe(2);
    expect(plan.paidHoursPerWeek).toBe(80);
    expect(plan.lowerBoundHours).toBeCloseTo(56, 6);
    expect(plan.optimal).toBe(true);
    for (const s of plan.shifts) {
      expect(s.days).toHaveLength(5);
      expect(s.start).toBe(480);
      // 5 consecutive days, cyclically: exactly one day starts a run
      expect(s.days.filter((d) => !s.days.includes((d + 6) % 7))).toHaveLength(1);
    }
    for (let day = 0; day < 7; day++) {
      for (let h = 8; h < 16; h++) expect(plan.coverage[day * 24 + h]).toBeGreaterThanOrEqual(1);
    }
  });

  it("covers a quarter day's floor hours wherever they fall with cover \"quarterDay\" (work that waits), where interval by interval pays for each interval's peak", async () => {
    // Mon 08:00–16:00 of 2-hour shifts starting on the hour: 2 1 | 1 1 | 1 1 | 1 2 agents
    const requirement = hourly([{ day: 0, from: 8, to: 16, value: 1 }]);
    requirement[8] = requirement[15] = 2;
    const base: ShiftPlanInput = { intervalMinutes: 60, requirement, availability: 1, patterns: [{ name: "2h", length: 120, earliestStart: 480, latestStart: 840, step: 60, daySets: [[0]], breaks: [] }], maxNodes: 100 };
    // interval by interval: 08:00 and 15:00 need two 2-hour shifts each (08–10, 14–16: nothing else covers them), 10–14 two more
    const byInterval = await planShifts(base);
    expect(byInterval.paidHoursPerWeek).toBe(12);
    expect(byInterval.cover).toBeUndefined();
    // per quarter (floor hours 3, 2, 2, 3): 08–10, 09–11, 11–13, 13–15, 14–16
    const quarters = await planShifts({ ...base, cover: "quarterDay" });
    expect(quarters.paidHoursPerWeek).toBe(10);
    expect(quarters.cover).toBe("quarterDay");
    const sum = (from: number, to: number) => quarters.coverage.slice(from, to).reduce((a, b) => a + b, 0);
    expect([sum(8, 10), sum(10, 12), sum(12, 14), sum(14, 16)]).toEqual([3, 2, 2, 3]);
    await expect(planShifts({ ...base, cover: "day" as "quarterDay" })).rejects.toThrow('cover: expected "interval" or "quarterDay", got "day"');
  });

  it("splits each day's span with a requirement into four equal parts (quarterDayGroups), one coverage row each", () => {
    const r = [0, 1, 1, 2, 2, 1, 1, 0, 0, 0, 3, 0, 0, 0, 0, 0]; // 2 days of 8 intervals
    expect([...quarterDayGroups(r, 8)]).toEqual([-1, 0, 0, 1, 2, 2, 3, -1, -1, -1, 4, -1, -1, -1, -1, -1]);
    // rows: one per group with a positive requirement, named after its first interval, Σ r / α
    const rows = coverageRows(r, 0.5, quarterDayGroups(r, 8));
    expect(rows.intervals).toEqual([1, 3, 4, 6, 10]);
    expect(rows.rhs).toEqual([4, 4, 6, 2, 6]);
    expect([...rows.rowOf]).toEqual([-1, 0, 0, 1, 2, 2, 3, -1, -1, -1, 4, -1, -1, -1, -1, -1]);
  });

  it("divides by availability: 7 on the floor at 0.7 needs 10 agents, 7.1 needs 11 (bound 7.1/0.7 × 8 h)", async () => {
    const input = (value: number): ShiftPlanInput => ({
      intervalMinutes: 60,
      requirement: hourly([{ day: 0, from: 8, to: 16, value }]),
      availability: 0.7,
      patterns: [fixed("day", 480, 480, { daySets: [[0]] })],
    });
    // 0.7·n ≥ 7 ⇒ n ≥ 10: 10 × 8 h = 80 h; coverage 0.7 × 10 = 7
    const seven = await planShifts(input(7));
    expect(seven.shifts.map((s) => s.agents)).toEqual([10]);
    expect(seven.paidHoursPerWeek).toBe(80);
    expect(seven.lowerBoundHours).toBeCloseTo(80, 6);
    expect(seven.coverage[8]).toBeCloseTo(7, 12);
    // 0.7·n ≥ 7.1 ⇒ n ≥ 71/7 = 10.14…: 11 agents = 88 h; LP n = 71/7 ⇒ 568/7 = 81.142857… h
    const more = await planShifts(input(7.1));
    expect(more.shifts.map((s) => s.agents)).toEqual([11]);
    expect(more.paidHoursPerWeek).toBe(88);
    expect(more.lowerBoundHours).toBeCloseTo(568 / 7, 6);
    expect(more.coverage[15]).toBeCloseTo(7.7, 12);
  });

  it("staggers lunches across offsets so 3 agents keep 2 on the floor; one lunch offset needs 4", async () => {
    // Mon 08:00–16:00, need 2, hourly intervals; a 30-minute lunch 3:30 or 4:00 into the shift:
    // x = agents lunching 11:30–12:00 (a = 0.5 in hour 11), y = lunching 12:00–12:30 (a = 0.5 in hour 12).
    // Hour 11: 0.5x + y ≥ 2; hour 12: x + 0.5y ≥ 2; other hours: x + y ≥ 2.
    // 2 agents fail (each lunch hour has a 0.5); 3 work as (x, y) = (1, 2) or (2, 1): 24 h.
    // LP: adding hours 11 and 12, 1.5(x + y) ≥ 4 ⇒ x + y ≥ 8/3 (x = y = 4/3): 8/3 × 8 = 64/3 h.
    const requirement = hourly([{ day: 0, from: 8, to: 16, value: 2 }]);
    const lunch = (after: number[]): ShiftPattern => fixed("lunch", 480, 480, { daySets: [[0]] }, [{ length: 30, after }]);
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [lunch([210, 240])] });
    expect(plan.paidHoursPerWeek).toBe(24);
    expect(plan.lowerBoundHours).toBeCloseTo(64 / 3, 6);
    expect(plan.optimal).toBe(true);
    expect(plan.shifts.map((s) => s.breaks[0].after)).toEqual([210, 240]); // stable order: by offset
    const [x, y] = plan.shifts.map((s) => s.agents);
    expect(x + y).toBe(3);
    expect([1, 2]).toContain(x);
    expect(plan.coverage[11]).toBeCloseTo(0.5 * x + y, 12);
    expect(plan.coverage[12]).toBeCloseTo(x + 0.5 * y, 12);
    expect(Math.min(plan.coverage[11], plan.coverage[12])).toBeCloseTo(2, 12);
    expect(plan.coverage[10]).toBe(3);
    // one offset (4:00): hour 12 gives 0.5n ≥ 2 ⇒ n = 4, 32 h, and so does the LP
    const single = await planShifts({ intervalMinutes: 60, requirement, availability: 1, patterns: [lunch([240])] });
    expect(single.shifts.map((s) => s.agents)).toEqual([4]);
    expect(single.paidHoursPerWeek).toBe(32);
    expect(single.lowerBoundHours).toBeCloseTo(32, 6);
    expect(single.coverage[12]).toBe(2);
  });

  it("without time for the integer solve, rounds the LP optimum up and trims it (not optimal)", async () => {
    // The lunch case: the LP optimum is unique, x = y = 4/3 (see above). Rounded up: (2, 2).
    // Trimming, costliest first then in order (equal costs: x first): x = 1 keeps hour 11 at
    // 0.5 + 2 = 2.5 and hour 12 at 1 + 1 = 2; x = 0 would leave hour 12 at 1. y = 1 would leave
    // hour 11 at 0.5 + 1 = 1.5. So (1, 2): 24 h, not proved optimal. The LP always runs to the
    // end, and a budget of 1e-9 s leaves the integer solve no time at all.
    const plan = await planShifts({
      intervalMinutes: 60,
      requirement: hourly([{ day: 0, from: 8, to: 16, value: 2 }]),
      availability: 1,
      patterns: [fixed("lunch", 480, 480, { daySets: [[0]] }, [{ length: 30, after: [210, 240] }])],
      timeLimitSeconds: 1e-9,
    });
    expect(plan.optimal).toBe(false);
    expect(plan.shifts.map((s) => [s.breaks[0].after, s.agents])).toEqual([
      [210, 1],
      [240, 2],
    ]);
    expect(plan.paidHoursPerWeek).toBe(24);
    expect(plan.lowerBoundHours).toBeCloseTo(64 / 3, 6);
    expect(plan.coverage[11]).toBe(2.5);
    expect(plan.coverage[12]).toBe(2);
  });

  it("counts a shift edge inside an interval as the share of it worked", async () => {
    // 30-minute intervals; one start 08:15 for 8 h (to 16:15). Interval 08:00–08:30 (index 16)
    // gets a = 15/30 = 0.5 per agent, so a need of 1 there takes 2 agents (16 h).
    const requirement = new Array<number>(336).fill(0);
    requirement[16] = 1;
    const plan = await planShifts({
      intervalMinutes: 30,
      requirement,
      availability: 1,
      patterns: [{ name: "late", length: 480, earliestStart: 495, latestStart: 495, step: 15, daySets: [[0]], breaks: [] }],
    });
    expect(plan.shifts).toEqual([{ pattern: "late", days: [0], start: 495, length: 480, agents: 2, breaks: [] }]);
    expect(plan.paidHoursPerWeek).toBe(16);
    expect(plan.coverage[15]).toBe(0);
    expect(plan.coverage[16]).toBe(1); // 2 × 0.5
    expect(plan.coverage[17]).toBe(2);
    expect(plan.coverage[32]).toBe(1); // 16:00–16:30: 15 minutes of 30
    expect(plan.coverage[33]).toBe(0);
  });

  it("runs a Sunday night shift into Monday 00:00 (the week is cyclic)", async () => {
    // Need 1 on Mon 00:00–02:00. Night shifts 22:00 + 8 h on Saturday or Sunday: only Sunday's
    // (Sun 22:00 – Mon 06:00) reaches Monday, so 1 agent, 8 h; it covers Sun 22–24 and Mon 0–6.
    const plan = await planShifts({
      intervalMinutes: 60,
      requirement: hourly([{ day: 0, from: 0, to: 2, value: 1 }]),
      availability: 1,
      patterns: [fixed("night", 1320, 480, { daySets: [[5], [6]] })],
    });
    expect(plan.shifts).toEqual([{ pattern: "night", days: [6], start: 1320, length: 480, agents: 1, breaks: [] }]);
    expect(plan.paidHoursPerWeek).toBe(8);
    const expected = hourly([
      { day: 6, from: 22, to: 24, value: 1 },
      { day: 0, from: 0, to: 6, value: 1 },
    ]);
    expect(plan.coverage).toEqual(expected);
    expect(toShiftConfigs(plan)[0].name).toBe("night Sun 22:00");
  });

  it("plans nothing for a zero requirement: no shifts, 0 hours, 0 bound", async () => {
    const plan = await planShifts({ intervalMinutes: 30, requirement: new Array<number>(336).fill(0), availability: 0.8, patterns: defaultPatterns(30) });
    expect(plan.shifts).toEqual([]);
    expect(plan.paidHoursPerWeek).toBe(0);
    expect(plan.lowerBoundHours).toBe(0);
    expect(plan.optimal).toBe(true);
    expect(plan.coverage).toEqual(new Array<number>(336).fill(0));
  });
});

describe("planShifts: a realistic week, checked against the simulation model", () => {
  /** Mon–Fri 08:00–18:00, a day curve peaking at 12 on the floor around 11:00, hourly. */
  function dayCurve(): number[] {
    const curve = [4, 7, 10, 12, 11, 9, 10, 9, 6, 3]; // hours 8..17
    return hourly([0, 1, 2, 3, 4].flatMap((day) => curve.map((value, k) => ({ day, from: 8 + k, to: 9 + k, value }))));
  }

  it("covers the requirement, and its coverage equals the floor of WeeklyPattern(toShiftConfigs(plan)) × availability", async () => {
    const requirement = dayCurve();
    // the default patterns' integer program is large: a budget of 100 branch-and-bound nodes per
    // solve gives a plan, not its proof — the same plan on any machine (a budget of seconds gave
    // 1.12× the bound on a loaded one, 1.05× on a quiet one); the time limit does not bind
    const input: ShiftPlanInput = { intervalMinutes: 60, requirement, availability: 0.8, patterns: defaultPatterns(60), timeLimitSeconds: 300, maxNodes: 100 };
    const plan = await planShifts(input);
    expect(plan.shifts.length).toBeGreaterThan(0);
    requirement.forEach((r, i) => expect(plan.coverage[i]).toBeGreaterThanOrEqual(r - 1e-9));
    expect(plan.lowerBoundHours).toBeLessThanOrEqual(plan.paidHoursPerWeek);
    // the floor-hours bound: Σ r / α = 81·5 / 0.8 = 506.25 h on the floor, and paid ≥ floor
    expect(plan.lowerBoundHours).toBeGreaterThanOrEqual(506.25 - 1e-6);

    const configs = toShiftConfigs(plan);
    expect(new Set(configs.map((c) => c.name)).size).toBe(configs.length);
    const week = new WeeklyPattern({ type: "shifts", shifts: configs });
    expect(week.paidMinutesPerWeek / 60).toBeCloseTo(plan.paidHoursPerWeek, 9);
    const floorMinutes = new Array<number>(168).fill(0);
    for (const seg of week.segments()) {
      for (let m = seg.start; m < seg.end; ) {
        const i = Math.floor(m / 60);
        const to = Math.min(seg.end, (i + 1) * 60);
        floorMinutes[i] += seg.floor * (to - m);
        m = to;
      }
    }
    floorMinutes.forEach((fm, i) => expect(plan.coverage[i]).toBeCloseTo((0.8 * fm) / 60, 9));

    // within 10% of the bound
    expect(plan.paidHoursPerWeek).toBeLessThan(1.1 * plan.lowerBoundHours);
    // without time for the integer solve, the rounded LP plan still covers everything, at a cost
    const rounded = await planShifts({ ...input, timeLimitSeconds: 1e-9 });
    expect(rounded.optimal).toBe(false);
    requirement.forEach((r, i) => expect(rounded.coverage[i]).toBeGreaterThanOrEqual(r - 1e-9));
    expect(rounded.paidHoursPerWeek).toBeGreaterThanOrEqual(plan.paidHoursPerWeek);
    expect(rounded.lowerBoundHours).toBeCloseTo(plan.lowerBoundHours, 6);
  });
});

describe("planShifts: errors", () => {
  const base = (): ShiftPlanInput => ({
    intervalMinutes: 30,
    requirement: new Array<number>(336).fill(0),
    availability: 1,
    patterns: [{ name: "day", length: 480, earliestStart: 480, latestStart: 480, step: 30, daySets: [[0]], breaks: [] }],
  });

  it("names the first interval with a requirement no allowed shift covers, in local time", async () => {
    const input = base();
    input.requirement[6] = 2.4; // Mon 03:00–03:30
    expect(await messageOf(() => planShifts(input))).toBe("Mon 03:00–03:30 needs 2.4 agents on the floor, but no allowed shift covers it");
    input.requirement[335] = 1; // Sun 23:30–24:00
    expect(await messageOf(() => planShifts(input))).toBe(
      "Mon 03:00–03:30 needs 2.4 agents on the floor, but no allowed shift covers it (nor 1 other interval with a requirement)",
    );
    input.requirement[6] = 0;
    expect(await messageOf(() => planShifts(input))).toBe("Sun 23:30–24:00 needs 1 agent on the floor, but no allowed shift covers it");
  });

  it("rejects malformed input with an InputError naming the field", async () => {
    const cases: [string, (i: ShiftPlanInput) => void][] = [
      ["intervalMinutes: expected a whole number of minutes that divides 1440 (e.g. 15, 30, 60), got 7", (i) => (i.intervalMinutes = 7)],
      ["requirement: expected 336 values (7 days × 1440 / 30 minutes, Monday 00:00 first), got a list of 100", (i) => (i.requirement = new Array<number>(100).fill(0))],
      ["requirement[3]: expected floor agents >= 0 (Mon 01:30–02:00), got -1", (i) => (i.requirement[3] = -1)],
      ["availability: expected a share in (0, 1] (1 − shrinkage), got 0", (i) => (i.availability = 0)],
      ["availability: expected a share in (0, 1] (1 − shrinkage), got 1.2", (i) => (i.availability = 1.2)],
      ["timeLimitSeconds: expected seconds > 0, got 0", (i) => (i.timeLimitSeconds = 0)],
      ["maxNodes: expected a whole number of nodes > 0, got 2.5", (i) => (i.maxNodes = 2.5)],
      ["patterns: expected a non-empty list of shift patterns, got a list of 0", (i) => (i.patterns = [])],
      ["patterns[0].length: expected paid minutes in (0, 1440], got 1500", (i) => (i.patterns[0].length = 1500)],
      ["patterns[0].latestStart: 08:10 is not on the 30-minute grid of starts from 08:00", (i) => (i.patterns[0].latestStart = 490)],
      ["patterns[0].latestStart: expected a start at or after the earliest (08:00), got 07:00", (i) => (i.patterns[0].latestStart = 420)],
      ["patterns[0].earliestStart: expected minutes after local midnight in [0, 1440), got -10", (i) => (i.patterns[0].earliestStart = -10)],
      ["patterns[0]: expected exactly one of daysOn (consecutive days) or daySets (explicit day lists), got both", (i) => (i.patterns[0].daysOn = 5)],
      ["patterns[0].daysOn: expected a whole number of consecutive days 1..7, got 8", (i) => {
        delete i.patterns[0].daySets;
        i.patterns[0].daysOn = 8;
      }],
      ["patterns[0].daySets[0][1]: expected a day 0..6 (0 = Monday, 6 = Sunday), got 7", (i) => (i.patterns[0].daySets = [[0, 7]])],
      ["patterns[0].daySets[0]: day 2 (Wed) is listed twice", (i) => (i.patterns[0].daySets = [[2, 2]])],
      ["patterns[0].breaks[0]: a break taken 7:45 into the shift ends 8:15 into it, after the shift's end (8:00)", (i) => (i.patterns[0].breaks = [{ length: 30, after: [240, 465] }])],
      ["patterns[0].breaks[0].after: the offset 4:00 is listed twice", (i) => (i.patterns[0].breaks = [{ length: 30, after: [240, 240] }])],
      [
        "patterns[0]: breaks[0] taken 2:00 into the shift (2:00–2:15) and breaks[1] taken 1:50 in (1:50–2:20) overlap; every combination of break offsets must be possible",
        (i) => (i.patterns[0].breaks = [{ length: 15, after: [120] }, { length: 30, after: [240, 110] }]),
      ],
      ['patterns[1].name: "day" is already the name of patterns[0]', (i) => i.patterns.push({ ...i.patterns[0] })],
      [
        "patterns: 30240 candidate shifts (starts × day sets × break choices) is more than 20000; use a coarser start step, narrower start windows or fewer break alternatives",
        (i) => (i.patterns = [{ name: "fine", length: 480, earliestStart: 0, latestStart: 1439, step: 1, daysOn: 5, breaks: [{ length: 30, after: [210, 240, 270] }] }]),
      ],
    ];
    for (const [message, change] of cases) {
      const input = base();
      change(input);
      expect(await messageOf(() => planShifts(input))).toBe(message);
    }
  });

  it("reports every problem, each with its path", async () => {
    const input = base();
    input.availability = 0;
    input.patterns[0].length = 0;
    const err = await planShifts(input).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([
      { path: "availability", message: "expected a share in (0, 1] (1 − shrinkage), got 0" },
      { path: "patterns[0].length", message: "expected paid minutes in (0, 1440], got 0" },
    ]);
  });

  it("says an uncovered requirement is a problem of the input as a whole (path \"\")", async () => {
    const input = base();
    input.requirement[6] = 1;
    const err = await planShifts(input).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.path)).toEqual([""]);
  });
});

describe("defaultPatterns", () => {
  it("is full-time 8 h (5 consecutive days, 15-minute break 1.5–2.5 h in, lunch 3–5 h in), full-time 4×10 (4 consecutive days) and part-time 4 h and 6 h on any 3 days, any start, starts within 2 h", () => {
    const anyStart = { earliestStart: 0, latestStart: 1410, step: 30, startBand: 120 };
    expect(defaultPatterns(30)).toEqual([
      {
        name: "full-time",
        length: 480,
        ...anyStart,
        daysOn: 5,
        breaks: [
          { length: 15, after: [90, 120, 150] },
          { length: 30, after: [180, 210, 240, 270, 300] },
        ],
      },
      {
        name: "full-time 4x10",
        length: 600,
        ...anyStart,
        daysOn: 4,
        breaks: [
          { length: 15, after: [120] },
          { length: 30, after: [240, 270, 300] },
          { length: 15, after: [450] },
        ],
      },
      { name: "part-time 4h", length: 240, ...anyStart, daysOn: 3, anyDaysOff: true, partTime: true, breaks: [] },
      { name: "part-time 6h", length: 360, ...anyStart, daysOn: 3, anyDaysOff: true, partTime: true, breaks: [{ length: 15, after: [120, 150, 180, 210, 240] }] },
    ]);
    expect(defaultPatterns(60)[0].latestStart).toBe(1380);
    expect(() => defaultPatterns(7)).toThrow(InputError);
    expect(() => defaultPatterns(7)).toThrow("intervalMinutes: expected a whole number of minutes that divides 1440 (e.g. 15, 30, 60), got 7");
  });
});

describe("fitPatterns", () => {
  /** Open (1) on Mon–Fri from hour `from` to hour `to`, hourly intervals. */
  const weekdays = (from: number, to: number) => hourly([0, 1, 2, 3, 4].map((day) => ({ day, from, to, value: 1 })));

  it("keeps starts between the earliest opening and the latest closing minus the length, on each pattern's grid; drops what no longer fits", () => {
    // open 09:00–13:00: the 8- and 10-hour full-time shifts cannot fit, the 4-hour part-time starts at 09:00 only
    // (on Mon–Fri only: any 3 of the 5 weekdays)
    const { daysOn: _on, anyDaysOff: _any, ...partTime } = defaultPatterns(60)[2];
    const threeWeekdays = [[0, 1, 2], [0, 1, 3], [0, 1, 4], [0, 2, 3], [0, 2, 4], [0, 3, 4], [1, 2, 3], [1, 2, 4], [1, 3, 4], [2, 3, 4]];
    expect(fitPatterns(defaultPatterns(60), weekdays(9, 13), 60)).toEqual([{ ...partTime, earliestStart: 540, latestStart: 540, daySets: threeWeekdays }]);
    // open 08:00–18:00, 8 hours every 45 minutes from 00:00: starts 08:15 (the first on the grid at or after 08:00) … 09:45 (the last ending by 18:00)
    const every45: ShiftPattern = { name: "x", length: 480, earliestStart: 0, latestStart: 1395, step: 45, daysOn: 5, breaks: [] };
    const { daysOn: _five, ...every45Sets } = every45;
    expect(fitPatterns([every45], weekdays(8, 18), 60)).toEqual([{ ...every45Sets, earliestStart: 495, latestStart: 585, daySets: [[0, 1, 2, 3, 4]] }]);
  });

  it("keeps shifts to the days the pool opens, the closed days being the shared rest: a 4x10 in a Mon–Fri team has any weekday off", async () => {
    const [fullTime, fourTen] = fitPatterns(defaultPatterns(60), weekdays(8, 18), 60);
    expect(fullTime.daySets).toEqual([[0, 1, 2, 3, 4]]);
    expect(fourTen.daySets).toEqual([[0, 1, 2, 3], [0, 1, 2, 4], [0, 1, 3, 4], [0, 2, 3, 4], [1, 2, 3, 4]]);
    expect(fourTen.daysOn).toBeUndefined();
    // a pool open around the clock on some days keeps its hours but not its closed days
    const weekendClosed = hourly([0, 1, 2, 3, 4].map((day) => ({ day, from: 0, to: 24, value: 1 })));
    expect(fitPatterns(defaultPatterns(60), weekendClosed, 60)[0]).toMatchObject({ earliestStart: 0, latestStart: 1380, daySets: [[0, 1, 2, 3, 4]] });
    // explicit day sets that need a closed day are dropped, and a pattern left with none
    const sets = fixed("sets", 480, 600, { daySets: [[0, 1, 2, 3], [4, 5, 6, 0]] });
    expect(fitPatterns([sets], weekdays(8, 18), 60)).toEqual([{ ...sets, daySets: [[0, 1, 2, 3]] }]);
    const six = fixed("six", 480, 480, { daysOn: 6 });
    expect(fitPatterns([six, sets], weekdays(8, 18), 60).map((p) => p.name)).toEqual(["sets"]);
    // the plan: one agent needed Mon, Wed and Fri 08:00–18:00 is one 4x10 with a weekday off
    // (40 paid hours), not a Fri–Mon shift paid for the weekend and a second for Wednesday (80)
    const need = hourly([0, 2, 4].map((day) => ({ day, from: 8, to: 18, value: 1 })));
    const tens = [fixed("4x10", 480, 600, { daysOn: 4 })];
    const plan = await planShifts({ intervalMinutes: 60, requirement: need, availability: 1, patterns: fitPatterns(tens, weekdays(8, 18), 60) });
    expect(plan.paidHoursPerWeek).toBe(40);
    expect(plan.shifts.every((s) => s.days.every((d) => d < 5))).toBe(true);
  });

  it("leaves the patterns as they are when the pool is open around the clock, closed all week, or nothing would fit", () => {
    const patterns = defaultPatterns(60);
    const allDay = hourly([{ day: 2, from: 0, to: 24, value: 1 }]);
    expect(fitPatterns(patterns, allDay, 60)).toEqual(patterns);
    expect(fitPatterns(patterns, new Array<number>(168).fill(0), 60)).toEqual(patterns);
    expect(fitPatterns(patterns, weekdays(9, 11), 60)).toEqual(patterns);
  });
});

describe("parsePatterns", () => {
  it("converts planners' units: hours, HH:MM starts, day names and ranges (wrapping), defaults", () => {
    const patterns = parsePatterns(
      [
        {
          name: "early",
          lengthHours: 8.5,
          starts: { earliest: "06:00", latest: "14:00", stepMinutes: 60 },
          days: ["Mon-Fri", "Sat-Mon", "mon,wed,fri", "daily"],
          breaks: [{ minutes: 30, afterHours: [3.5, 4, 4.5] }],
        },
        { name: "any", lengthHours: 4, daysOn: 3 },
        { name: "fixed", lengthHours: 6, starts: { earliest: "9:30" }, days: ["Sun"] },
      ],
      30,
    );
    expect(patterns).toEqual([
      {
        name: "early",
        length: 510,
        earliestStart: 360,
        latestStart: 840,
        step: 60,
        daySets: [[0, 1, 2, 3, 4], [0, 5, 6], [0, 2, 4], [0, 1, 2, 3, 4, 5, 6]],
        breaks: [{ length: 30, after: [210, 240, 270] }],
      },
      { name: "any", length: 240, earliestStart: 0, latestStart: 1410, step: 30, daysOn: 3, breaks: [] },
      { name: "fixed", length: 360, earliestStart: 570, latestStart: 570, step: 30, daySets: [[6]], breaks: [] },
    ]);
  });

  it("throws an InputError whose problems name their paths below the option shiftPatterns", () => {
    const ok = { name: "p", lengthHours: 8, daysOn: 5 };
    // [json, the first problem's line, how many problems]
    const cases: [unknown, string, number][] = [
      [{}, "shiftPatterns: expected a list of shift patterns, got an object", 1],
      [[], "shiftPatterns: expected a non-empty list of shift patterns, got a list of 0", 1],
      [[{ ...ok, lengthHours: 30 }], "shiftPatterns[0].lengthHours: expected a number in (0, 24], got 30", 1],
      [[ok, { ...ok, name: "q", lengthHours: "8" }], 'shiftPatterns[1].lengthHours: expected a number in (0, 24], got "8"', 1],
      [[{ lengthHours: 8, daysOn: 5 }], "shiftPatterns[0].name: missing: expected a non-empty name", 1],
      [[{ ...ok, color: "red" }], "shiftPatterns[0].color: unknown field; expected one of name, lengthHours, starts, daysOn, daysOff, partTime, days, breaks", 1],
      [[{ ...ok, daysOn: 8 }], "shiftPatterns[0].daysOn: expected a whole number of days 1..7, got 8", 1],
      [[{ ...ok, daysOn: undefined }], 'shiftPatterns[0]: expected exactly one of "daysOn" or "days", got neither', 1],
      [[{ ...ok, days: ["Mon-Fri"] }], 'shiftPatterns[0]: expected exactly one of "daysOn" or "days", got both', 1],
      [[{ name: "p", lengthHours: 8, days: ["Mon-Fri", "Mon-Fry"] }], 'shiftPatterns[0].days[1]: expected days like "Mon-Fri", "Sat-Mon", "Mon,Wed,Fri" or "daily", got "Mon-Fry"', 1],
      [[{ ...ok, starts: { earliest: "25:00" } }], 'shiftPatterns[0].starts.earliest: expected a time "HH:MM" from 00:00 to 23:59, got "25:00"', 1],
      [[{ ...ok, starts: { earliest: "06:00", latest: "14:10", stepMinutes: 30 } }], "shiftPatterns[0].starts.latest: 14:10 is not on the 30-minute grid of starts from 06:00", 1],
      [[{ ...ok, starts: { earliest: "06:00", step: 30 } }], 'shiftPatterns[0].starts.step: unknown field; expected one of earliest, latest, stepMinutes, bandHours', 1],
      [[{ ...ok, breaks: [{ minutes: 30, afterHours: [] }] }], "shiftPatterns[0].breaks[0].afterHours: expected a non-empty list of hours into the shift, got a list of 0", 1],
      [[{ ...ok, breaks: [{ minutes: 30, afterHours: [7.75] }] }], "shiftPatterns[0].breaks[0]: a break taken 7:45 into the shift ends 8:15 into it, after the shift's end (8:00)", 1],
      [[ok, ok], 'shiftPatterns[1].name: "p" is already the name of shiftPatterns[0]', 1],
      [[{ ...ok, lengthHours: 30, daysOn: 9 }, { ...ok, name: 7 }], "shiftPatterns[0].lengthHours: expected a number in (0, 24], got 30", 3],
    ];
    for (const [json, line, count] of cases) {
      let err: unknown = "no error";
      try {
        parsePatterns(json, 30);
      } catch (e) {
        err = e;
      }
      expect(err, line).toBeInstanceOf(InputError);
      const problems = (err as InputError).problems;
      expect(problemLine(problems[0])).toBe(line);
      expect(problems).toHaveLength(count);
    }
    expect(() => parsePatterns([ok], 7)).toThrow("intervalMinutes: expected a whole number of minutes that divides 1440 (e.g. 15, 30, 60), got 7");
  });
});

describe("day sets and ShiftConfig export", () => {
  it("writes and reads day sets as planners do", () => {
    expect(formatDays([0, 1, 2, 3, 4])).toBe("Mon-Fri");
    expect(formatDays([0, 1, 2, 5, 6])).toBe("Sat-Wed");
    expect(formatDays([0, 2, 4])).toBe("Mon,Wed,Fri");
    expect(formatDays([0, 1, 3, 6])).toBe("Sun-Tue,Thu");
    expect(formatDays([6])).toBe("Sun");
    expect(formatDays([0, 1, 2, 3, 4, 5, 6])).toBe("daily");
    for (const days of [[0, 1, 2, 5, 6], [0, 1, 3, 6], [3]]) expect(parseDaySet(formatDays(days))).toEqual(days);
    expect(parseDaySet("Fri-Fri")).toEqual([4]);
    expect(parseDaySet("Mon-Tue-Wed")).toBeUndefined();
  });

  it("names shifts `${pattern} ${days} ${HH:MM}`, with the break offsets when that is not unique; stagger 0", async () => {
    // the lunch case above: the two break choices share pattern, days and start
    const plan = await planShifts({
      intervalMinutes: 60,
      requirement: hourly([{ day: 0, from: 8, to: 16, value: 2 }]),
      availability: 1,
      patterns: [fixed("lunch", 480, 480, { daySets: [[0]] }, [{ length: 30, after: [210, 240] }])],
    });
    const configs = toShiftConfigs(plan);
    expect(configs.map((c) => c.name)).toEqual(["lunch Mon 08:00 (break after 3:30)", "lunch Mon 08:00 (break after 4:00)"]);
    expect(configs[0]).toEqual({ name: configs[0].name, days: [0], start: 480, length: 480, agents: plan.shifts[0].agents, breaks: [{ after: 210, length: 30, stagger: 0 }] });
    const single = toShiftConfigs({ ...plan, shifts: [{ pattern: "full-time", days: [0, 1, 2, 5, 6], start: 450, length: 480, agents: 3, breaks: [] }] });
    expect(single.map((c) => c.name)).toEqual(["full-time Sat-Wed 07:30"]);
  });
});
