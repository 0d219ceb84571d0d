/**
 * Tests of the issue-4 fields of the full scenario form (src/scenario/full/schema/, checks/,
 * build/, warnings.ts): shifts and staffing tables, pool time zones, shrinkage, occupancy cap,
 * factors, costs, workforce, vendors, renewals, KCS, problem management, retention, and the
 * warnings of `scenarioWarnings`. Each valid form builds the config values worked out by hand
 * in the comments; each rule gives its exact one-line message at its path.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CALIBRATIONS, DEFAULT_RETENTION_WEIGHTS } from "../../../src/model/customers/retention.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { renewalChurnPerYear } from "../../../src/scenario/full/build/customers.js";
import { loadedCostPerHour } from "../../../src/scenario/full/build/pools.js";
import { scenarioWarnings } from "../../../src/scenario/full/warnings.js";
import { loadAnyScenarioFile, validateSupportScenario } from "../../../src/scenario/load.js";
import { SUPPORT_DEFAULTS } from "../../../src/scenario/full/defaults.js";
import { supportScenarioJsonSchema } from "../../../src/scenario/full/schema.js";
import { problemsOf as validatorProblems } from "../../helpers/problems.js";

const DAY = 1440;
const MONTH = 43_830;
const YEAR = 525_960;
const WEEKDAYS = [0, 1, 2, 3, 4];

/**
 * A valid scenario using every new field. Chicago time (CST, UTC−6, all of January), from
 * Monday 4 January 2027, 28 days. Two L1 pools: "L1 early" on a shift 08:00–16:30 whose lunch
 * (12:00–12:30) all four agents take together, and "L1 late" from a staffing table with a gap
 * 12:00–12:30; phone and chat are open Mon–Fri 08:00–18:00, so the lunch half hour is open
 * but unstaffed. L2 in house and an offshore vendor in Manila.
 */
function example(): any {
  return {
    name: "issue 4",
    start: "2027-01-04T00:00",
    timeZone: "America/Chicago",
    horizon: { days: 28 },
    currency: "EUR",
    operatingModel: "service-desk",
    customers: {
      count: 1000,
      segments: [
        { name: "smb", share: 0.7, churnPerYear: 0.2 },
        { name: "enterprise", share: 0.3, renewalRate: 0.9, termMonths: 6 },
      ],
    },
    needTypes: [
      { name: "howto", perCustomerPerMonth: 0.5, driver: "expertise", channels: { phone: 0.5, chat: 0.3, email: 0.2 } },
      { name: "defect", perCustomerPerMonth: 0.3, driver: "quality", channels: { phone: 0.6, email: 0.4 } },
      { name: "billing", perCustomerPerMonth: 0.1, channels: { email: 1 }, kbCoverage: 0.5 },
    ],
    channels: [
      { name: "phone", kind: "realtime", hours: [{ days: "Mon-Fri", open: "08:00", close: "18:00" }], costPerContact: 1.5 },
      { name: "chat", kind: "realtime", hours: [{ days: "Mon-Fri", open: "08:00", close: "18:00" }] },
      { name: "email", kind: "deferred", costPerContact: 0.25 },
    ],
    selfService: { costPerSession: 0.1 },
    tiers: [
      { name: "L1", handleTime: { dist: "exponential", meanMinutes: 8 }, resolve: 0.7, next: "L2" },
      { name: "L2", handleTime: { dist: "exponential", meanMinutes: 25 }, resolve: 0.9 },
    ],
    pools: [
      {
        name: "L1 early",
        tier: "L1",
        shifts: [
          {
            name: "early",
            days: "Mon-Fri",
            start: "08:00",
            lengthHours: 8.5,
            agents: 4,
            breaks: [
              { afterHours: 2, minutes: 15 },
              { afterHours: 4, minutes: 30, staggerMinutes: 0 },
            ],
          },
        ],
        cost: { wagePerHour: 25, benefits: 0.3, overhead: 0.2 },
        shrinkage: 0.3,
        occupancyCap: 0.85,
        workforce: {
          attritionPerYear: 0.4,
          hiring: { leadTimeDays: 30 },
          ramp: [
            { afterDays: 0, proficiency: 0.5 },
            { afterDays: 90, proficiency: 0.8 },
            { afterDays: 180, proficiency: 1 },
          ],
        },
      },
      {
        name: "L1 late",
        tier: "L1",
        staffingTable: [
          { days: "Mon-Fri", open: "09:30", close: "12:00", agents: 2 },
          { days: "Mon-Fri", open: "12:30", close: "18:00", agents: 3 },
        ],
      },
      { name: "L2", tier: "L2", agents: 3, hours: [{ days: "Mon-Fri", open: "08:00", close: "18:00" }], costPerHour: 60 },
      {
        name: "L2 vendor",
        tier: "L2",
        agents: 5,
        timeZone: "Asia/Manila",
        handleTimeFactor: 1.2,
        resolveFactor: 0.9,
        vendor: { costPerHour: 15, feePerMonth: 4383, routing: "share", share: 0.4, start: "2027-01-18", transitionDays: 14, initialProficiency: 0.7 },
      },
    ],
    kcs: {
      start: "2027-01-11",
      rampMonths: 6,
      shape: "linear",
      coverage: { howto: 0.6 },
      resolveGain: { L1: 0.3 },
      handleTimeFactor: { L1: 0.8 },
      articleTime: { L1: 0.05 },
      costPerMonth: 8766,
    },
    problemManagement: { resolvedPerFix: 50, lagDays: 21, reductionPerFix: 0.05, costPerFix: 20000 },
    retention: { calibration: "pessimistic", multipliers: { minor: [0.2, 1, 2, 3] }, weights: { transfer: 0.5 }, halfLifeDays: 180 },
  };
}

const build = (input: unknown) => buildSupport(validateSupportScenario(input), { baseDir: "scenarios" });

/** The problems of the example changed by `mutate` (fails if it is accepted). */
function problemsOf(mutate: (s: any) => void): string[] {
  const s = example();
  mutate(s);
  return validatorProblems(validateSupportScenario, s);
}

/** The one problem of the changed example, as "path: message". */
function onlyProblem(mutate: (s: any) => void): string {
  const p = problemsOf(mutate);
  expect(p, JSON.stringify(p)).toHaveLength(1);
  return p[0];
}

describe("the example builds the model's values", () => {
  const s = validateSupportScenario(example());
  const cfg = buildSupport(s, { baseDir: "scenarios" });
  const [early, late, l2, vendor] = cfg.pools;

  it("shifts: minutes, days, breaks (stagger default 60); agents = most on the floor; hours = when someone is on the floor", () => {
    expect(early.schedule).toEqual({
      type: "shifts",
      shifts: [
        {
          name: "early",
          days: WEEKDAYS,
          start: 8 * 60,
          length: 8.5 * 60,
          agents: 4,
          breaks: [
            { after: 120, length: 15, stagger: 60 },
            { after: 240, length: 30, stagger: 0 },
          ],
        },
      ],
    });
    // 4 on the floor 08:00–10:00; agent i's first break at 10:00 + 15i min: 3 on the floor
    // 10:00–11:00; 4 until the lunch 12:00–12:30 (all four: 0); 4 from 12:30 to 16:30
    expect(early.agents).toBe(4);
    expect(early.hours).toEqual({
      spans: [
        { days: WEEKDAYS, open: 8 * 60, close: 12 * 60 },
        { days: WEEKDAYS, open: 12 * 60 + 30, close: 16 * 60 + 30 },
      ],
    });
  });

  it("a staffing table: rows in minutes; agents = the largest row sum, hours = the rows' spans", () => {
    expect(late.schedule).toEqual({
      type: "table",
      rows: [
        { days: WEEKDAYS, open: 570, close: 720, agents: 2 },
        { days: WEEKDAYS, open: 750, close: 1080, agents: 3 },
      ],
    });
    expect(late.agents).toBe(3);
    expect(late.hours).toEqual({
      spans: [
        { days: WEEKDAYS, open: 570, close: 720 },
        { days: WEEKDAYS, open: 750, close: 1080 },
      ],
    });
  });

  it("agents with hours keep the simple form: the same agents and hours, schedule type hours", () => {
    const hours = { spans: [{ days: WEEKDAYS, open: 480, close: 1080 }] };
    expect([l2.agents, l2.hours]).toEqual([3, hours]);
    expect(l2.schedule).toEqual({ type: "hours", agents: 3, hours });
    // no hours: around the clock, and no `hours` key at all
    expect(vendor.schedule).toEqual({ type: "hours", agents: 5 });
    expect("hours" in vendor).toBe(false);
  });

  it("time zone (default: the scenario's), shrinkage, occupancy cap, factors", () => {
    expect(cfg.pools.map((p) => p.timeZone)).toEqual(["America/Chicago", "America/Chicago", "America/Chicago", "Asia/Manila"]);
    expect(cfg.pools.map((p) => [p.shrinkage, p.occupancyCap, p.handleTimeFactor, p.resolveFactor])).toEqual([
      [0.3, 0.85, 1, 1],
      [0, 1, 1, 1],
      [0, 1, 1, 1],
      [0, 1, 1.2, 0.9],
    ]);
  });

  it("cost per hour: costPerHour as given, or wage × (1 + benefits + overhead), else 0", () => {
    // 25 × (1 + 0.3 + 0.2) = 37.5
    expect(cfg.pools.map((p) => p.costPerHour)).toEqual([37.5, 0, 60, 0]);
    expect(loadedCostPerHour({ cost: { wagePerHour: 20 } })).toBe(20);
    expect(loadedCostPerHour({})).toBe(0);
  });

  it("workforce: hazard per minute, days to minutes, target from the paid minutes of the schedule", () => {
    // paid: 4 agents × 510 min × 5 days = 10,200 agent-min a week; 40 h = 2,400 min:
    // 10,200 / 2,400 = 4.25 → target 5, and the headcount at the start = the target
    expect(early.workforce).toEqual({
      headcount: 5,
      target: 5,
      hoursPerWeek: 40,
      attritionPerMinute: 0.4 / YEAR,
      hiring: { mode: "replace", leadTime: { type: "deterministic", value: 30 * DAY }, plan: [] },
      training: 40 * DAY,
      ramp: [
        { at: 0, proficiency: 0.5 },
        { at: 90 * DAY, proficiency: 0.8 },
        { at: 180 * DAY, proficiency: 1 },
      ],
      resolvePenalty: 0.5,
      costPerHire: 12_500,
    });
    expect(late.workforce).toBeUndefined();
  });

  it("workforce defaults, a hiring plan and a freeze", () => {
    const x = example();
    x.pools[2].workforce = {
      headcount: 2,
      hoursPerWeek: 37.5,
      hiring: { mode: "plan", plan: [{ date: "2027-01-11T08:00", hires: 2 }], freezeFrom: "2027-01-25" },
    };
    const w = build(x).pools[2].workforce!;
    // paid: 3 × 600 min × 5 = 9,000 agent-min; / (37.5 × 60 = 2,250) = exactly 4 (no rounding up)
    expect([w.headcount, w.target, w.hoursPerWeek]).toEqual([2, 4, 37.5]);
    expect(w.attritionPerMinute).toBeCloseTo(0.35 / YEAR, 18);
    expect(w.hiring).toEqual({
      mode: "plan",
      leadTime: { type: "deterministic", value: 34 * DAY },
      plan: [{ at: 7 * DAY + 8 * 60, hires: 2 }],
      freezeFrom: 21 * DAY,
    });
    expect(w.training).toBe(40 * DAY);
    expect(w.ramp).toEqual([
      { at: 0, proficiency: 0.53 },
      { at: 10 * 43_830, proficiency: 1 }, // workforce.ts DEFAULT_RAMP: ten mean months
    ]);
    expect([w.resolvePenalty, w.costPerHire]).toEqual([0.5, 12_500]);
  });

  it("vendor: fee per month / 43830 per minute, start as minutes since the start, days to minutes", () => {
    // 18 January is 14 days after 4 January (CST all along)
    expect(vendor.vendor).toEqual({
      costPerHour: 15,
      costPerContact: 0,
      feePerMinute: 0.1,
      routing: "share",
      share: 0.4,
      overflowAfter: 0,
      start: 14 * DAY,
      transition: 14 * DAY,
      initialProficiency: 0.7,
      experiencePenalty: 0.4,
    });
    const x = example();
    x.pools[3].vendor = { costPerContact: 4, routing: "overflow", overflowAfterSeconds: 90 };
    expect(build(x).pools[3].vendor).toEqual({
      costPerHour: 0,
      costPerContact: 4,
      feePerMinute: 0,
      routing: "overflow",
      share: 0,
      overflowAfter: 1.5,
      start: 0,
      transition: 0,
      initialProficiency: 1,
      experiencePenalty: 0.4,
    });
  });

  it("segments: churn at renewals with a term, or a hazard as before", () => {
    const [smb, ent] = cfg.segments;
    expect([smb.churnMode, smb.renewalRate, smb.term]).toEqual(["hazard", 1, 12 * MONTH]);
    expect(smb.churnPerMinute * YEAR).toBeCloseTo(-Math.log(0.8), 12);
    expect([ent.churnMode, ent.renewalRate, ent.term, ent.churnPerMinute]).toEqual(["renewal", 0.9, 6 * MONTH, 0]);
    // tenure at start: 2 renewals a year at 0.9 leave 1 − 0.81 = 0.19 a year: mean 365.25 / 0.19 days
    expect(renewalChurnPerYear(0.9, 6)).toBeCloseTo(0.19, 12);
    expect(ent.tenureAtStart.type).toBe("exponential");
    expect((ent.tenureAtStart as { mean: number }).mean).toBeCloseTo((365.25 / 0.19) * DAY, 6);
  });

  it("costs: currency, per contact by channel (0 when not given), per self-service session", () => {
    expect(cfg.costs).toEqual({ currency: "EUR", perContactByChannel: [1.5, 0, 0.25], perSelfServiceSession: 0.1 });
    expect(cfg.operatingModel).toBe("service-desk");
  });

  it("kcs: arrays by need type and tier; unnamed need types keep their base coverage, unnamed tiers are neutral", () => {
    // start 11 January = 7 days; 6 months × 43,830; 8,766 a month / 43,830 = 0.2 a minute
    expect(cfg.kcs).toEqual({
      start: 7 * DAY,
      ramp: 6 * MONTH,
      shape: "linear",
      coverage: [0.6, 0.22, 0.5],
      resolveGain: [0.3, 0],
      handleTimeFactor: [0.8, 1],
      articleTime: [0.05, 0],
      complexityUplift: 0.5,
      costPerMinute: 0.2,
    });
    const x = example();
    x.kcs = { coverage: 0.4 };
    expect(build(x).kcs).toEqual({
      start: 0,
      ramp: 9 * MONTH,
      shape: "s-curve",
      coverage: [0.4, 0.4, 0.4],
      resolveGain: [0, 0],
      handleTimeFactor: [1, 1],
      articleTime: [0, 0],
      complexityUplift: 0.5,
      costPerMinute: 0,
    });
  });

  it("problem management: the quality-driven need types by default, days to minutes", () => {
    expect(cfg.problemManagement).toEqual({
      start: 0,
      needTypes: [1],
      resolvedPerFix: 50,
      lag: 21 * DAY,
      reductionPerFix: 0.05,
      maxReduction: 0.5,
      costPerFix: 20_000,
    });
  });

  it("retention: the calibration's table, a row overridden, weights merged, half-life in minutes", () => {
    expect(cfg.retention).toEqual({
      calibration: "pessimistic",
      multipliers: { minor: [0.2, 1, 2, 3], major: [...CALIBRATIONS.pessimistic.major] },
      weights: { ...DEFAULT_RETENTION_WEIGHTS, transfer: 0.5 },
      halfLife: 180 * DAY,
      bandScales: [0.5, 1, 1.5],
      baseFactors: [], // calibrated when the library loads a scenario (tests/properties/retention.slow.test.ts)
      initialExperience: [],
    });
  });

  it("defaults without the new fields: USD, no programmes, TARP, costs 0", () => {
    const x = example();
    for (const k of ["currency", "operatingModel", "kcs", "problemManagement", "retention"]) delete x[k];
    delete x.selfService;
    const c = build(x);
    expect(c.costs).toEqual({ currency: "USD", perContactByChannel: [1.5, 0, 0.25], perSelfServiceSession: 0 });
    expect([c.operatingModel, c.kcs, c.problemManagement]).toEqual([undefined, undefined, undefined]);
    expect(c.retention).toEqual({
      calibration: "tarp",
      multipliers: { minor: [...CALIBRATIONS.tarp.minor], major: [...CALIBRATIONS.tarp.major] },
      weights: { ...DEFAULT_RETENTION_WEIGHTS },
      halfLife: 365 * DAY,
      bandScales: [0.5, 1, 1.5],
      baseFactors: [],
      initialExperience: [],
    });
    expect(SUPPORT_DEFAULTS.workforce.attritionPerYear).toBe(0.35);
  });
});

describe("errors: one line each, at the path", () => {
  it("a break that ends after the shift", () => {
    expect(onlyProblem((s) => (s.pools[0].shifts[0].breaks = [{ afterHours: 8.4, minutes: 15, staggerMinutes: 0 }]))).toBe(
      "pools[0].shifts[0].breaks[0]: expected a break within the shift (lengthHours 8.5), got afterHours 8.4 + 15 minutes = 8.65 hours into it",
    );
    // staggered over 60 min: the last of 4 agents starts 45 min later, 8 h + 45 + 15 min = 9 h
    expect(onlyProblem((s) => (s.pools[0].shifts[0].breaks = [{ afterHours: 8, minutes: 15 }]))).toBe(
      "pools[0].shifts[0].breaks[0]: expected a break within the shift (lengthHours 8.5) for every agent, got the last of 4 agents' break ending 9 hours into it (staggerMinutes 60)",
    );
  });

  it("a shift longer than a day, one starting at 24:00, repeated shift names", () => {
    expect(onlyProblem((s) => (s.pools[0].shifts[0].lengthHours = 25))).toBe(
      "pools[0].shifts[0].lengthHours: expected a shift length > 0 and <= 24 (hours, breaks included), got 25",
    );
    expect(onlyProblem((s) => (s.pools[0].shifts[0].start = "24:00"))).toBe('pools[0].shifts[0].start: expected a start time from 00:00 to 23:59, got "24:00"');
    expect(onlyProblem((s) => s.pools[0].shifts.push({ ...s.pools[0].shifts[0] }))).toBe(
      'pools[0].shifts[1].name: expected a unique shift name, "early" is also pools[0].shifts[0]',
    );
  });

  it("breaks that overlap: for the first agent, or only for the last because of a different stagger", () => {
    expect(
      onlyProblem((s) => (s.pools[0].shifts[0].breaks = [{ afterHours: 2, minutes: 15 }, { afterHours: 2.1, minutes: 30, staggerMinutes: 0 }])),
    ).toBe("pools[0].shifts[0].breaks[1]: expected a break after the end of breaks[0] (2.25 hours into the shift), got afterHours 2.1");
    // agent 3 of 4: breaks[0] from 2 h + 45 min to 3 h; breaks[1] (not staggered) from 2.5 h
    expect(
      onlyProblem((s) => (s.pools[0].shifts[0].breaks = [{ afterHours: 2, minutes: 15 }, { afterHours: 2.5, minutes: 30, staggerMinutes: 0 }])),
    ).toBe(
      "pools[0].shifts[0].breaks[1]: expected a break after the end of breaks[0] for every agent, got an overlap for the last of 4 agents (its breaks[0] ends 3 hours into the shift, this one starts at 2.5)",
    );
  });

  it("a schedule: exactly one of agents, shifts, staffingTable; hours only with agents", () => {
    expect(onlyProblem((s) => (s.pools[0].agents = 4))).toBe(
      'pools[0]: expected exactly one schedule for pool "L1 early": agents (with optional hours), shifts or staffingTable, got agents and shifts',
    );
    expect(onlyProblem((s) => delete s.pools[2].agents)).toBe(
      'pools[2]: expected exactly one schedule for pool "L2": agents (with optional hours), shifts or staffingTable, got none',
    );
    expect(onlyProblem((s) => (s.pools[1].hours = [{ days: "Mon-Fri", open: "08:00", close: "18:00" }]))).toBe(
      "pools[1].hours: expected hours only with agents (staffing rows carry their own times), got a list",
    );
    expect(onlyProblem((s) => (s.pools[0].hours = [{ days: "Mon-Fri", open: "08:00", close: "18:00" }]))).toBe(
      "pools[0].hours: expected hours only with agents (shifts carry their own times), got a list",
    );
    // a bad field is reported once (the staffing model's own check runs only on valid fields)
    expect(onlyProblem((s) => (s.pools[0].shifts[0].days = "Mon-Fry"))).toBe(
      'pools[0].shifts[0].days: expected days such as "Mon-Fri", "Sat", "Mon,Wed,Fri", "Fri-Mon", "daily", "weekdays" or "weekends" (three-letter English day names), got "Mon-Fry" ("Fry" is not a day)',
    );
    expect(onlyProblem((s) => (s.pools[1].staffingTable[0].close = "09:00"))).toBe('pools[1].staffingTable[0].close: expected a time after open ("09:30"), got "09:00"');
  });

  it("an unknown time zone on a pool, with a did-you-mean", () => {
    expect(onlyProblem((s) => (s.pools[3].timeZone = "Asia/Manilla"))).toBe(
      'pools[3].timeZone: unknown time zone "Asia/Manilla": expected an IANA name such as "UTC", "Europe/Berlin" or "America/New_York" (did you mean "Asia/Manila"?)',
    );
  });

  it("ranges of the pool's factors", () => {
    expect(onlyProblem((s) => (s.pools[0].shrinkage = 1))).toBe("pools[0].shrinkage: expected a share of scheduled time >= 0 and < 1, got 1");
    expect(onlyProblem((s) => (s.pools[0].occupancyCap = 0))).toBe("pools[0].occupancyCap: expected an occupancy > 0 and <= 1, got 0");
    expect(onlyProblem((s) => (s.pools[3].handleTimeFactor = 0))).toBe("pools[3].handleTimeFactor: expected a positive number (times the tier's handle time), got 0");
  });

  it("cost in one form, and none on a vendor pool", () => {
    expect(onlyProblem((s) => (s.pools[0].costPerHour = 30))).toBe("pools[0]: expected at most one of costPerHour or cost (wagePerHour, benefits, overhead), got both");
    expect(onlyProblem((s) => (s.pools[3].costPerHour = 30))).toBe(
      "pools[3].costPerHour: expected no pool cost on a vendor pool (its cost is vendor.costPerHour, costPerContact and feePerMonth), got 30",
    );
  });

  it("a workforce ramp whose afterDays do not increase", () => {
    expect(onlyProblem((s) => (s.pools[0].workforce.ramp[2].afterDays = 60))).toBe(
      "pools[0].workforce.ramp[2].afterDays: expected more than the previous point's afterDays (90), got 60",
    );
    expect(onlyProblem((s) => (s.pools[0].workforce.ramp[1].proficiency = 0))).toBe("pools[0].workforce.ramp[1].proficiency: expected a proficiency > 0 and <= 1, got 0");
  });

  it("a hiring plan exactly with mode plan; its dates within the horizon", () => {
    expect(onlyProblem((s) => (s.pools[0].workforce.hiring.plan = [{ date: "2027-01-11", hires: 1 }]))).toBe(
      'pools[0].workforce.hiring.plan: expected plan only with mode "plan", got a list with mode "replace"',
    );
    expect(onlyProblem((s) => (s.pools[0].workforce.hiring.mode = "plan"))).toBe(
      'pools[0].workforce.hiring.plan: missing: expected a list of hires such as { "date": "2027-03-01", "hires": 4 } for mode "plan"',
    );
    expect(onlyProblem((s) => (s.pools[0].workforce.hiring = { mode: "plan", plan: [{ date: "2027-03-01", hires: 1 }] }))).toBe(
      'pools[0].workforce.hiring.plan[0].date: expected a date within the horizon, 2027-01-04T00:00 to 2027-02-01T00:00 (America/Chicago), got "2027-03-01"',
    );
  });

  it("a vendor share above 1, and share / overflow exactly with their routing", () => {
    expect(onlyProblem((s) => (s.pools[3].vendor.share = 1.5))).toBe("pools[3].vendor.share: expected a probability between 0 and 1, got 1.5");
    expect(onlyProblem((s) => delete s.pools[3].vendor.share)).toBe(
      "pools[3].vendor.share: missing: expected a probability between 0 and 1 (the share of the tier's contacts routed to the vendor) for routing \"share\"",
    );
    expect(onlyProblem((s) => (s.pools[3].vendor.routing = "pool"))).toBe('pools[3].vendor.share: expected share only with routing "share", got 0.4 with routing "pool"');
    expect(
      onlyProblem((s) => {
        s.pools[3].vendor.routing = "overflow";
        delete s.pools[3].vendor.share;
      }),
    ).toBe('pools[3].vendor.overflowAfterSeconds: missing: expected a number >= 0 (seconds a contact waits before the vendor may take it) for routing "overflow"');
    expect(onlyProblem((s) => (s.pools[3].vendor.routing = "ovreflow"))).toBe(
      'pools[3].vendor.routing: unknown value "ovreflow" (did you mean "overflow"?); expected one of pool, share, overflow',
    );
    expect(onlyProblem((s) => (s.pools[3].vendor.start = "2026-12-01"))).toBe(
      'pools[3].vendor.start: expected a date within the horizon, 2027-01-04T00:00 to 2027-02-01T00:00 (America/Chicago), got "2026-12-01"',
    );
  });

  it("renewalRate with churnPerYear; termMonths without renewalRate", () => {
    expect(onlyProblem((s) => (s.customers.segments[1].churnPerYear = 0.1))).toBe(
      "customers.segments[1].renewalRate: expected at most one of churnPerYear (a constant hazard) or renewalRate (churn at contract renewals), got both (churnPerYear 0.1, renewalRate 0.9)",
    );
    expect(onlyProblem((s) => (s.customers.segments[0].termMonths = 12))).toBe(
      "customers.segments[0].termMonths: expected termMonths only with renewalRate (the contract term between renewals), got 12",
    );
  });

  it("an unknown tier in kcs.resolveGain, with a did-you-mean; other KCS names and ranges", () => {
    expect(onlyProblem((s) => (s.kcs.resolveGain = { L11: 0.3 }))).toBe('kcs.resolveGain.L11: unknown tier "L11"; expected one of L1, L2 (did you mean "L1"?)');
    expect(onlyProblem((s) => (s.kcs.coverage = { howto: 0.6, defekt: 0.3 }))).toBe(
      'kcs.coverage.defekt: unknown need type "defekt"; expected one of howto, defect, billing (did you mean "defect"?)',
    );
    expect(onlyProblem((s) => (s.kcs.rampMonths = -3))).toBe("kcs.rampMonths: expected a number >= 0 (months), got -3");
    expect(onlyProblem((s) => (s.kcs.shape = "scurve"))).toBe('kcs.shape: unknown value "scurve" (did you mean "s-curve"?); expected one of linear, s-curve');
  });

  it("problem management: one fix at most the whole reduction", () => {
    expect(onlyProblem((s) => (s.problemManagement.reductionPerFix = 0.6))).toBe("problemManagement.reductionPerFix: expected at most maxReduction (0.5, the default), got 0.6");
    expect(onlyProblem((s) => Object.assign(s.problemManagement, { reductionPerFix: 0.3, maxReduction: 0.2 }))).toBe(
      "problemManagement.reductionPerFix: expected at most maxReduction (0.2), got 0.3",
    );
  });

  it("problem management: need types that exist, of any driver; quality-driven ones by default", () => {
    expect(onlyProblem((s) => (s.problemManagement.needTypes = ["biling"]))).toBe(
      'problemManagement.needTypes[0]: unknown need type "biling"; expected one of howto, defect, billing (did you mean "billing"?)',
    );
    expect(
      onlyProblem((s) => {
        s.needTypes[1].driver = "none";
      }),
    ).toBe('problemManagement: expected a need type with driver "quality" to fix, got none (no need type is quality-driven)');
  });

  it("retention: multipliers non-decreasing, four of them; a known calibration", () => {
    expect(onlyProblem((s) => (s.retention.multipliers.minor = [0.2, 1, 0.9, 3]))).toBe(
      "retention.multipliers.minor: expected non-decreasing multipliers (resolved quickly <= resolved <= unresolved <= unserved), got 0.2, 1, 0.9, 3",
    );
    expect(onlyProblem((s) => (s.retention.multipliers.major = [1, 2]))).toBe(
      "retention.multipliers.major: expected a list of exactly 4 numbers > 0 (resolved quickly, resolved, unresolved, unserved), got 2 numbers",
    );
    expect(onlyProblem((s) => (s.retention.calibration = "tarpp"))).toBe(
      'retention.calibration: unknown value "tarpp" (did you mean "tarp"?); expected one of tarp, optimistic, pessimistic',
    );
  });

  it("unknown fields in the new parts get a did-you-mean", () => {
    expect(onlyProblem((s) => (s.pools[0].shifts[0].lenghtHours = 8))).toBe(
      'pools[0].shifts[0].lenghtHours: unknown field (did you mean "lengthHours"?); expected one of name, days, start, lengthHours, agents, breaks',
    );
    expect(onlyProblem((s) => (s.operatingModel = "service desk"))).toBe(
      'operatingModel: unknown value "service desk" (did you mean "service-desk"?); expected one of call-center, help-desk, support-desk, service-desk',
    );
  });
});

describe("warnings", () => {
  // the example with a patience at L1 for phone and chat (without, its real-time waits are unbounded: warned below)
  const patientExample = () => {
    const x = example();
    x.tiers[0].patience = { phone: { dist: "exponential", meanMinutes: 3 }, chat: { dist: "exponential", meanMinutes: 5 } };
    return x;
  };

  it("an uncovered lunch half-hour on phone and chat, and a pool without a cost", () => {
    const s = validateSupportScenario(patientExample());
    expect(scenarioWarnings(s, buildSupport(s, { baseDir: "scenarios" }))).toEqual([
      'pools[1].costPerHour: missing: costs leave out pool "L1 late"',
      'channels[0] (phone): open but no agent on the floor Mon 12:00–12:30, Tue 12:00–12:30, Wed 12:00–12:30, Thu 12:00–12:30, Fri 12:00–12:30 (pools "L1 early", "L1 late"; America/Chicago time, the week of the start)',
      'channels[1] (chat): open but no agent on the floor Mon 12:00–12:30, Tue 12:00–12:30, Wed 12:00–12:30, Thu 12:00–12:30, Fri 12:00–12:30 (pools "L1 early", "L1 late"; America/Chicago time, the week of the start)',
    ]);
  });

  it("a real-time wait with no bound: no patience at the entry tier, or a warm transfer with neither patience nor hold limit; said once per channel and tier", () => {
    const x = example();
    x.pools[1].costPerHour = 30;
    x.tiers[0].nextMode = "transfer"; // L1 → L2 as a warm transfer: phone and chat keep waiting at L2
    const unbounded = (y: typeof x) => {
      const s = validateSupportScenario(y);
      return scenarioWarnings(s, buildSupport(s, { baseDir: "scenarios" })).filter((l) => l.includes("unbounded"));
    };
    expect(unbounded(x)).toEqual([
      'tiers[0].patience.phone: missing: a phone contact waits at its entry tier "L1" without patience, so its wait is unbounded (nobody abandons)',
      'tiers[1].holdLimit: missing: a phone contact warm-transferred to "L2" waits there without patience or hold limit, so its hold is unbounded (give the tier a patience for phone or a holdLimit, or escalate as a ticket)',
      'tiers[0].patience.chat: missing: a chat contact waits at its entry tier "L1" without patience, so its wait is unbounded (nobody abandons)',
      'tiers[1].holdLimit: missing: a chat contact warm-transferred to "L2" waits there without patience or hold limit, so its hold is unbounded (give the tier a patience for chat or a holdLimit, or escalate as a ticket)',
    ]);
    // a hold limit at L2 bounds the transfers' hold
    x.tiers[1].holdLimit = { minutes: 10, then: "callback" };
    expect(unbounded(x).filter((l) => l.includes("holdLimit"))).toEqual([]);
    // a patience at L1 bounds both: the warm transfer keeps it at L2
    const y = patientExample();
    y.pools[1].costPerHour = 30;
    y.tiers[0].nextMode = "transfer";
    expect(unbounded(y)).toEqual([]);
  });

  it("a pool in another time zone covers the gap: Manila (UTC+8) Tue–Sat 02:00 is Chicago (UTC−6) Mon–Fri 12:00", () => {
    const x = patientExample();
    x.pools[1].costPerHour = 30;
    x.pools.push({ name: "L1 Manila", tier: "L1", channels: ["phone", "chat"], agents: 1, timeZone: "Asia/Manila", hours: [{ days: "Tue-Sat", open: "02:00", close: "02:30" }], costPerHour: 8 });
    const s = validateSupportScenario(x);
    expect(scenarioWarnings(s, buildSupport(s, { baseDir: "scenarios" }))).toEqual([]);
    // 10 minutes short: only 12:20–12:30 stays uncovered
    x.pools[4].hours[0].close = "02:20";
    const s2 = validateSupportScenario(x);
    const w = scenarioWarnings(s2, buildSupport(s2, { baseDir: "scenarios" }));
    expect(w).toHaveLength(2);
    expect(w[0]).toBe(
      'channels[0] (phone): open but no agent on the floor Mon 12:20–12:30, Tue 12:20–12:30, Wed 12:20–12:30, Thu 12:20–12:30, Fri 12:20–12:30 (pools "L1 early", "L1 late", "L1 Manila"; America/Chicago time, the week of the start)',
    );
  });

  it("a gap across midnight is one interval; a vendor with no cost", () => {
    const x = patientExample();
    x.channels[1].hours = [{ days: "daily", open: "00:00", close: "24:00" }];
    x.channels[0].hours = [{ days: "Mon-Fri", open: "09:00", close: "10:00" }];
    x.pools[1].costPerHour = 30;
    x.pools[1].staffingTable = [{ days: "daily", open: "06:00", close: "22:00", agents: 2 }];
    x.pools[3].vendor = { routing: "pool" };
    const s = validateSupportScenario(x);
    const w = scenarioWarnings(s, buildSupport(s, { baseDir: "scenarios" }));
    expect(w).toEqual([
      'pools[3].vendor: expected a cost (costPerHour, costPerContact or feePerMonth > 0), got none: costs leave out vendor pool "L2 vendor"',
      'channels[1] (chat): open but no agent on the floor Mon 00:00–06:00, Mon 22:00–Tue 06:00, Tue 22:00–Wed 06:00, Wed 22:00–Thu 06:00, Thu 22:00–Fri 06:00, Fri 22:00–Sat 06:00, Sat 22:00–Sun 06:00, Sun 22:00–24:00 (pools "L1 early", "L1 late"; America/Chicago time, the week of the start)',
    ]);
  });
});

describe("existing scenarios and the JSON Schema", () => {
  it("every full-form file in scenarios/ validates and builds; agents-with-hours pools keep agents and hours", () => {
    const dir = "scenarios";
    let full = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
      const any = loadAnyScenarioFile(join(dir, f));
      if (any.form !== "support") continue;
      full++;
      const cfg = buildSupport(any.scenario, { baseDir: dir });
      any.scenario.pools.forEach((p, i) => {
        if (p.agents === undefined) return;
        expect(cfg.pools[i].schedule).toEqual(p.hours === undefined ? { type: "hours", agents: p.agents } : { type: "hours", agents: p.agents, hours: cfg.pools[i].hours });
        expect(cfg.pools[i].agents).toBe(p.agents);
      });
      expect(cfg.retention.multipliers.minor).toHaveLength(4);
      scenarioWarnings(any.scenario, cfg);
    }
    expect(full).toBeGreaterThanOrEqual(4);
  });

  it("the JSON Schema describes the new fields", () => {
    const schema = supportScenarioJsonSchema() as any;
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    const pool = schema.properties.pools.items;
    expect(pool.required).toEqual(["name", "tier"]);
    expect(Object.keys(pool.properties)).toEqual(
      expect.arrayContaining(["shifts", "staffingTable", "timeZone", "shrinkage", "occupancyCap", "costPerHour", "cost", "workforce", "vendor"]),
    );
    expect(pool.properties.vendor.properties.routing.enum).toEqual(["pool", "share", "overflow"]);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["currency", "operatingModel", "kcs", "problemManagement", "retention"]));
    expect(schema.properties.retention.properties.calibration.enum).toEqual(["tarp", "optimistic", "pessimistic"]);
  });
});
