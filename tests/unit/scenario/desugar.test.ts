/**
 * Tests of the simple form as sugar for the full form (src/scenario/simple/desugar.ts and
 * `loadAsFullForm` in src/scenario/load.ts): the shipped simple scenarios desugar into full-form
 * scenarios that validate, build without warnings and run; a fast-check property over random
 * valid simple scenarios checks that the full-form scenario describes the same single queue
 * (rates, pattern, handle time, patience, agents, run settings); and what the full form cannot
 * run is an InputError at the simple file's field.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { simulateReplication } from "../../../src/kpi/values.js";
import { durationSpec } from "../../../src/scenario/duration.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { runSettings } from "../../../src/scenario/full/runSettings.js";
import { scenarioWarnings } from "../../../src/scenario/full/warnings.js";
import { loadAnyScenarioFile, loadAsFullForm, validateAsFullForm, validateScenario, validateSupportScenario } from "../../../src/scenario/load.js";
import { fullFormOf, SIMPLE_CHANNEL, SIMPLE_START } from "../../../src/scenario/simple/desugar.js";
import { DEFAULTS, type Scenario } from "../../../src/scenario/simple/schema.js";

const tmp = mkdtempSync(join(tmpdir(), "supportsim-desugar-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SHIPPED = ["scenarios/mmc-abandon.json", "scenarios/intraday-lognormal.json"];

/** A valid simple scenario, as plain JSON data. */
function simple(change: (s: any) => void = () => {}): any {
  const s = {
    name: "one queue",
    horizon: { hours: 10, warmupHours: 1 },
    arrivals: { ratePerHour: 60 },
    tiers: [{ name: "L1", agents: 3, handleTime: { dist: "exponential", meanMinutes: 2 } }],
  };
  change(s);
  return s;
}

/**
 * That the full form `full` of the validated simple scenario `s` is valid and builds into the
 * same single queue: one always-open real-time channel, one forecast stream with the simple
 * arrivals' rates, one tier resolving everything with the simple tier's handle time and
 * patience, one pool with its agents on the floor around the clock, no costs, no warnings,
 * and the simple form's run settings.
 */
function expectSameQueue(s: Scenario, full: unknown): void {
  expect(JSON.parse(JSON.stringify(full))).toEqual(full); // plain JSON data
  const v = validateSupportScenario(full);
  const cfg = buildSupport(v, { baseDir: tmp });
  expect(scenarioWarnings(v, cfg)).toEqual([]);
  const tier = s.tiers[0];

  expect(cfg.start).toBe(SIMPLE_START);
  expect(cfg.timeZone).toBe("UTC");
  expect(cfg.horizon).toBe(s.horizon.hours * 60);
  expect(cfg.warmup).toBe((s.horizon.warmupHours ?? 0) * 60);
  expect(cfg.intervalLength).toBe(s.horizon.intervalMinutes ?? DEFAULTS.intervalMinutes);
  expect(cfg.threshold).toBe((s.serviceLevel?.thresholdSeconds ?? DEFAULTS.thresholdSeconds) / 60);

  // no customers: the forecast segment, no causal demand
  expect(cfg.causal).toBe(false);
  expect(cfg.segments.map((g) => g.customers)).toEqual([0]);
  expect(cfg.needTypes).toHaveLength(1);

  // one real-time channel, always open, no callbacks or redials, no cost per contact
  expect(cfg.channels).toHaveLength(1);
  const ch = cfg.channels[0];
  expect([ch.name, ch.kind, ch.entryTier]).toEqual([SIMPLE_CHANNEL, "realtime", 0]);
  expect([ch.hours, ch.callback, ch.redial]).toEqual([undefined, undefined, undefined]);
  expect(cfg.costs.perContactByChannel).toEqual([0]);

  // the arrivals: the same piecewise rates per minute from t = 0
  expect(cfg.forecastStreams).toHaveLength(1);
  const f = cfg.forecastStreams[0];
  expect([f.channel, f.needType, f.segment]).toEqual([0, 0, 0]);
  const a = s.arrivals;
  if (a.pattern === undefined) {
    expect(f.starts).toEqual([0]);
    expect(f.ratesPerMinute).toEqual([(a.ratePerHour as number) / 60]);
    expect(f.cycle).toBeUndefined();
  } else {
    const step = a.pattern.stepMinutes;
    expect(f.starts).toEqual(a.pattern.ratesPerHour.map((_, k) => k * step));
    expect(f.ratesPerMinute).toEqual(a.pattern.ratesPerHour.map((r) => r / 60));
    expect(f.cycle).toBe(a.pattern.repeat ? a.pattern.ratesPerHour.length * step : undefined);
  }

  // one tier: the handle time, the patience on the channel, every contact resolved
  expect(cfg.tiers).toHaveLength(1);
  const t = cfg.tiers[0];
  expect(t.name).toBe(tier.name);
  expect(t.handleTime).toEqual(durationSpec(tier.handleTime));
  expect(t.handleTimeByWork).toEqual([undefined]);
  expect(t.patienceByChannel).toEqual([tier.patience === undefined ? undefined : durationSpec(tier.patience)]);
  expect(t.resolveByNeed).toEqual([1]);
  expect(t.next).toBeUndefined();

  // one pool: the agents around the clock, nothing taken off the floor, no cost
  expect(cfg.pools).toHaveLength(1);
  const p = cfg.pools[0];
  expect([p.name, p.tier, p.agents, p.skills]).toEqual([tier.name, 0, tier.agents, [0]]);
  expect(p.schedule).toEqual({ type: "hours", agents: tier.agents });
  expect(p.hours).toBeUndefined();
  expect([p.shrinkage, p.occupancyCap, p.handleTimeFactor, p.resolveFactor, p.costPerHour, p.concurrency]).toEqual([0, 1, 1, 1, 0, 1]);
  expect([p.workforce, p.vendor]).toEqual([undefined, undefined]);

  // no self-service, no repeat contacts, no programmes
  expect(cfg.selfService.tryShare).toBe(0);
  expect(cfg.repeat.share).toBe(0);
  expect([cfg.kcs, cfg.problemManagement, cfg.operatingModel]).toEqual([undefined, undefined, undefined]);

  // the run settings of the simple form (hours → minutes → hours: equal up to rounding)
  const r = runSettings(v);
  expect([r.name, r.seed, r.replications, r.intervalMinutes, r.thresholdSeconds]).toEqual([
    s.name,
    s.seed ?? DEFAULTS.seed,
    s.replications ?? DEFAULTS.replications,
    s.horizon.intervalMinutes ?? DEFAULTS.intervalMinutes,
    s.serviceLevel?.thresholdSeconds ?? DEFAULTS.thresholdSeconds,
  ]);
  expect(r.horizonHours).toBeCloseTo(s.horizon.hours, 9);
  expect(r.warmupHours).toBeCloseTo(s.horizon.warmupHours ?? 0, 9);
}

describe("the shipped simple scenarios", () => {
  for (const file of SHIPPED) {
    it(`${file} desugars into a full-form scenario that validates, builds without warnings and runs`, () => {
      const loaded = loadAnyScenarioFile(file);
      if (loaded.form !== "simple") throw new Error(`${file}: expected the simple form`);
      const full = fullFormOf(loaded.scenario);
      expectSameQueue(loaded.scenario, full);
      // a short run of the built model: the queue answers contacts
      const cfg = buildSupport(validateSupportScenario({ ...full, horizon: { hours: 24, warmupHours: 2 } }), { baseDir: tmp });
      const out = simulateReplication(cfg, 1, 0);
      expect(out.events).toBeGreaterThan(0);
      expect(out.values["channel.contacts.serviceLevel"]).toBeGreaterThan(0);
    });
  }

  it("mmc-abandon: the full form of docs/scenario-format.md §13", () => {
    const loaded = loadAnyScenarioFile("scenarios/mmc-abandon.json");
    if (loaded.form !== "simple") throw new Error("expected the simple form");
    expect(fullFormOf(loaded.scenario)).toEqual({
      name: "M/M/50 with abandonment",
      seed: 7,
      replications: 20,
      start: "2027-01-04T00:00",
      timeZone: "UTC",
      horizon: { hours: 2000, warmupHours: 50, intervalMinutes: 30 },
      serviceLevel: { thresholdSeconds: 20 },
      needTypes: [{ name: "contact", perCustomerPerMonth: 0, channels: { contacts: 1 } }],
      channels: [{ name: "contacts", kind: "realtime" }],
      selfService: { tryShare: 0 },
      repeat: { share: 0 },
      tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { contacts: { dist: "exponential", meanMinutes: 2 } }, resolve: 1 }],
      pools: [{ name: "L1", tier: "L1", agents: 50, costPerHour: 0 }],
      arrivals: [{ channel: "contacts", ratePerHour: 540 }],
    });
  });

  it("intraday-lognormal: the pattern with its step and repeat, the description", () => {
    const loaded = loadAnyScenarioFile("scenarios/intraday-lognormal.json");
    if (loaded.form !== "simple") throw new Error("expected the simple form");
    const full = fullFormOf(loaded.scenario);
    expect(full.description).toBe(loaded.scenario.description);
    expect(full.arrivals?.[0].pattern?.stepMinutes).toBe(30);
    expect(full.arrivals?.[0].pattern?.repeat).toBe(true);
    expect(full.arrivals?.[0].pattern?.ratesPerHour).toHaveLength(48);
  });
});

describe("loadAsFullForm", () => {
  it("reads a simple-form file as the full form and says it was simple", () => {
    const r = loadAsFullForm("scenarios/mmc-abandon.json");
    expect(r.form).toBe("simple");
    if (r.form !== "simple") return;
    expect(r.simple.tiers[0].agents).toBe(50);
    expect(r.scenario).toEqual(validateSupportScenario(fullFormOf(r.simple)));
  });

  it("reads a full-form file as it is and says it was full", () => {
    const r = loadAsFullForm("scenarios/baseline.json");
    expect(r.form).toBe("full");
    const any = loadAnyScenarioFile("scenarios/baseline.json");
    expect(r.scenario).toEqual(any.scenario);
  });

  it("reports a simple file's problems as the simple form does", () => {
    const f = join(tmp, "bad.json");
    writeFileSync(f, JSON.stringify(simple((s) => (s.tiers[0].agents = 0))));
    expect(() => loadAsFullForm(f)).toThrow(`${f}: tiers[0].agents: expected a whole number of agents >= 1, got 0`);
  });

  it("a horizon longer than the full model's calendar (12,000 months) is an InputError at horizon.hours", () => {
    for (const hours of [8_800_000, 1e12]) {
      const s = validateScenario(simple((x) => (x.horizon = { hours, intervalMinutes: 1440 })));
      let e: unknown;
      try {
        validateAsFullForm(s, "long.json");
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems).toEqual([{ path: "horizon.hours", message: `expected a horizon the full model can run (at most 12000 calendar months, about 1000 years), got ${hours}` }]);
      expect((e as InputError).source).toBe("long.json");
    }
    // 990 years fit
    expect(() => fullFormOf(validateScenario(simple((x) => (x.horizon = { hours: 990 * 8766 }))))).not.toThrow();
  });

  it("a warm-up one rounding step short of the horizon (equal in minutes) is an InputError at horizon.warmupHours", () => {
    // 1.6333837700554863 hours and the float below it are the same number of minutes
    const hours = 1.6333837700554863, warmupHours = 1.633383770055486;
    expect(warmupHours < hours && warmupHours * 60 === hours * 60).toBe(true);
    const s = validateScenario(simple((x) => (x.horizon = { hours, warmupHours })));
    expect(() => validateAsFullForm(s, "w.json")).toThrow(`w.json: horizon.warmupHours: expected less than the horizon (${hours} hours), got ${warmupHours}`);
  });

  it("reporting intervals must tile a day, in either form (the simple form used to run any length; the week profile cannot)", () => {
    for (const intervalMinutes of [7, 13.5, 0.5, 7.5, 2880]) {
      const s = validateScenario(simple((x) => (x.horizon = { hours: 48, intervalMinutes })));
      expect(() => validateAsFullForm(s, "i.json")).toThrow(`i.json: horizon.intervalMinutes: expected a whole number of minutes that divides 1440 (e.g. 15, 30, 60), got ${intervalMinutes}`);
    }
    for (const intervalMinutes of [1, 45, 96, 1440]) {
      const s = validateScenario(simple((x) => (x.horizon = { hours: 48, intervalMinutes })));
      expect(validateAsFullForm(s, "i.json").scenario.horizon.intervalMinutes).toBe(intervalMinutes);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Random valid simple scenarios

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const pos = (max: number) => num(1e-3, max);
const nonNeg = (max: number) => fc.oneof(fc.constant(0), num(0, max));

const durationArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ dist: fc.constant("exponential"), meanMinutes: pos(600) }),
  fc.record({ dist: fc.constant("deterministic"), minutes: nonNeg(600) }),
  fc.tuple(nonNeg(60), pos(60)).map(([a, w]) => ({ dist: "uniform", minMinutes: a, maxMinutes: a + w })),
  fc.record({ dist: fc.constant("normal"), meanMinutes: pos(60), sdMinutes: nonNeg(30) }),
  fc.record({ dist: fc.constant("lognormal"), meanMinutes: pos(60), cv: pos(5) }),
  fc.record({ dist: fc.constant("gamma"), meanMinutes: pos(60), cv: pos(5) }),
  fc.record({ dist: fc.constant("erlang"), meanMinutes: pos(60), k: fc.integer({ min: 1, max: 50 }) }),
  fc.record(
    { dist: fc.constant("empirical"), samplesMinutes: fc.array(nonNeg(60), { minLength: 1, maxLength: 8 }), interpolate: fc.boolean() },
    { requiredKeys: ["dist", "samplesMinutes"] },
  ),
);

/** Any non-blank name (the schema trims it), including names the full form also uses ("contacts", "forecast"). */
const nameArb = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ""), fc.constantFrom("contacts", "contact", "forecast", " L1 ", "__proto__"));

const arrivalsArb = fc.oneof(
  fc.record({ ratePerHour: pos(5000) }),
  fc.record({
    pattern: fc.record(
      {
        stepMinutes: pos(10_000),
        ratesPerHour: fc.array(nonNeg(500), { minLength: 1, maxLength: 60 }).filter((rs) => rs.some((r) => r > 0)),
        repeat: fc.boolean(),
      },
      { requiredKeys: ["stepMinutes", "ratesPerHour"] },
    ),
  }),
);

/** Horizons from minutes to centuries, warm-ups below them, intervals that tile a day (1 minute to a whole day). */
const horizonArb = fc
  .record({ hours: fc.oneof(pos(48), num(1, 10_000), fc.constantFrom(2000, 336, 8_760)), warm: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: undefined }), intervalMinutes: fc.option(fc.constantFrom(1, 5, 15, 30, 45, 60, 90, 480, 1440), { nil: undefined }) })
  .map(({ hours, warm, intervalMinutes }) => {
    const h: Record<string, number> = { hours };
    if (warm !== undefined) h.warmupHours = hours * warm;
    if (intervalMinutes !== undefined) h.intervalMinutes = intervalMinutes;
    return h;
  });

const simpleArb: fc.Arbitrary<Record<string, any>> = fc.record(
  {
    $schema: fc.constant("../docs/scenario.schema.json"),
    name: nameArb,
    description: fc.string({ maxLength: 30 }),
    seed: fc.nat(),
    replications: fc.integer({ min: 1, max: 1000 }),
    horizon: horizonArb,
    serviceLevel: fc.record({ thresholdSeconds: pos(3600) }),
    arrivals: arrivalsArb,
    tiers: fc.tuple(
      fc.record({ name: nameArb, agents: fc.integer({ min: 1, max: 10_000 }), handleTime: durationArb, patience: durationArb }, { requiredKeys: ["name", "agents", "handleTime"] }),
    ),
  },
  { requiredKeys: ["name", "horizon", "arrivals", "tiers"] },
);

describe("random valid simple scenarios", () => {
  it("desugar into valid full-form scenarios of the same queue: rates, pattern, handle time, patience, agents, run settings; no warnings", () => {
    fc.assert(
      fc.property(simpleArb, (input) => {
        const s = validateScenario(input);
        // a warm-up one rounding step short of the horizon is the only simple scenario the full form refuses
        fc.pre(!(((s.horizon.warmupHours ?? 0) * 60) >= s.horizon.hours * 60));
        expectSameQueue(s, fullFormOf(s));
        const r = validateAsFullForm(input, "x.json");
        expect(r.form).toBe("simple");
      }),
      { seed: 20270104, numRuns: 400 },
    );
  });

  it("does not change the simple scenario it is given", () => {
    fc.assert(
      fc.property(simpleArb, (input) => {
        const s = validateScenario(input);
        const before = structuredClone(s);
        const full = fullFormOf(s);
        expect(s).toEqual(before);
        // and shares nothing with it: changing the full form leaves the simple one alone
        full.tiers[0].handleTime = { dist: "deterministic", minutes: 1 };
        full.arrivals![0].pattern?.ratesPerHour.push(1);
        expect(s).toEqual(before);
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
