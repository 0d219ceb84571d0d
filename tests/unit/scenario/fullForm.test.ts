/**
 * Tests of the full scenario form (src/scenario/full/: schema, checks, build; and the
 * form-choosing loader in load.ts): a complete example builds into the SupportConfig whose
 * numbers are worked out by hand below; every rule on bad input gives a one-line problem at
 * the right path; forecast arrivals from a history file give positive rates.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { customersPerSegment } from "../../../src/scenario/full/build/customers.js";
import { runSettings } from "../../../src/scenario/full/runSettings.js";
import { InputError } from "../../../src/errors.js";
import { loadAnyScenarioFile, validateAnyScenario, validateSupportScenario } from "../../../src/scenario/load.js";
import { SUPPORT_DEFAULTS } from "../../../src/scenario/full/defaults.js";
import { supportScenarioJsonSchema, type SupportScenario } from "../../../src/scenario/full/schema.js";
import { problemsOf as validatorProblems } from "../../helpers/problems.js";

const tmp = mkdtempSync(join(tmpdir(), "supportsim-support-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A complete valid scenario: 2 segments, 3 need types, phone/chat/email, L1 → L2 → L3.
 * Chicago time; the horizon (28 days from Monday 1 March 2027) contains the spring-forward
 * change of Sunday 14 March 2027 (CST −06:00 → CDT −05:00).
 */
function example(): any {
  return {
    name: "B2B desk",
    seed: 3,
    start: "2027-03-01T00:00",
    timeZone: "America/Chicago",
    horizon: { days: 28, warmupDays: 1 },
    serviceLevel: { thresholdSeconds: 20 },
    seasonality: { intraday: "b2b-business-hours", weekly: "b2b-business-hours", annualGrowth: 0.1 },
    priorityClasses: ["enterprise", "standard"],
    customers: {
      count: 1000,
      salesPerMonth: 30,
      segments: [
        { name: "smb", share: 0.7, expertise: 0.3, churnPerYear: 0.2 },
        { name: "enterprise", share: 0.3, priority: "enterprise", plan: "contract", channels: ["phone", "email"], churnPerYear: 0 },
      ],
    },
    needTypes: [
      { name: "howto", perCustomerPerMonth: 0.6, driver: "expertise", channels: { phone: 0.5, chat: 0.3, email: 0.2 } },
      { name: "defect", perCustomerPerMonth: 0.4, driver: "quality", severity: "major", channels: { phone: 0.6, email: 0.4 } },
      { name: "billing", perCustomerPerMonth: 0.1, channels: { email: 1 }, kbCoverage: 0.5 },
    ],
    channels: [
      {
        name: "phone",
        kind: "realtime",
        hours: [{ days: "Mon-Fri", open: "08:00", close: "18:00" }],
        callback: { afterPredictedWaitMinutes: 5, acceptShare: 0.4 },
        redial: { share: 0.33, delay: { dist: "exponential", meanMinutes: 30 } },
      },
      { name: "chat", kind: "realtime", hours: [{ days: "weekdays", open: "08:00", close: "20:00" }] },
      { name: "email", kind: "deferred", responseTargetHours: 8 },
    ],
    quality: {
      releases: [
        {
          name: "3.2",
          date: "2027-03-20",
          spike: 0.5,
          halfLifeDays: 7,
          hotfix: { date: "2027-03-22T12:00", removes: 0.7 },
          notify: { date: "2027-03-21", deflect: 0.2, soften: 0.3 },
        },
      ],
      fixes: [
        { name: "installer", reduction: 0.1, date: "2027-03-08" },
        { name: "listening post", reduction: 0.1, afterRequests: 20, leadDays: 10 },
      ],
    },
    tiers: [
      {
        name: "L1",
        handleTime: { dist: "lognormal", meanMinutes: 8, cv: 1 },
        handleTimes: [
          { channel: "chat", handleTime: { dist: "lognormal", meanMinutes: 12, cv: 1 } },
          { needType: "billing", handleTime: { dist: "deterministic", minutes: 4 } },
          { needType: "billing", channel: "email", handleTime: { dist: "exponential", meanMinutes: 6 } },
          { channel: "email", handleTime: { dist: "lognormal", meanMinutes: 6, cv: 1 } },
        ],
        patience: { phone: { dist: "exponential", meanMinutes: 3 }, chat: { dist: "exponential", meanMinutes: 5 } },
        resolve: { howto: 0.8, defect: 0.5, billing: 0.95 },
        next: "L2",
        nextMode: "transfer",
      },
      { name: "L2", handleTime: { dist: "lognormal", meanMinutes: 25, cv: 1.2 }, resolve: { howto: 0.9, defect: 0.8, billing: 1 }, next: "L3" },
      { name: "L3", handleTime: { dist: "lognormal", meanMinutes: 120, cv: 1.5 }, resolve: 0.95 },
    ],
    pools: [
      { name: "L1 voice and mail", tier: "L1", agents: 12, channels: ["phone", "email"] },
      { name: "L1 chat", tier: "L1", agents: 5, channels: ["chat"], concurrency: 2, stretch: 0.25, hours: [{ days: "Mon-Fri", open: "08:00", close: "20:00" }] },
      { name: "L2", tier: "L2", agents: 4 },
      { name: "L3 engineering", tier: "L3", agents: 2, needTypes: ["howto", "defect"] },
    ],
  };
}

/** The problems reported for `input` (fails if it is accepted); each is one line. */
const problems = (input: unknown): string[] => validatorProblems(validateSupportScenario, input);

/** The problems of the example changed by `mutate`. */
function problemsOf(mutate: (s: any) => void): string[] {
  const s = example();
  mutate(s);
  return problems(s);
}

/** The one problem at `path` (exactly one there), for the example changed by `mutate`. */
function problemAt(path: string, mutate: (s: any) => void): string {
  const p = problemsOf(mutate);
  const at = p.filter((l) => l.startsWith(`${path}: `));
  expect(at, `expected one problem at ${path}, got ${JSON.stringify(p)}`).toHaveLength(1);
  return at[0].slice(path.length + 2);
}

describe("the complete example", () => {
  const s = validateSupportScenario(example());
  const cfg = buildSupport(s, { baseDir: "scenarios" });

  it("validates and keeps its values", () => {
    expect(s.name).toBe("B2B desk");
    expect(s.channels.map((c) => c.name)).toEqual(["phone", "chat", "email"]);
  });

  it("time: horizon, warm-up, interval, threshold in minutes", () => {
    expect(cfg.start).toBe("2027-03-01T00:00");
    expect(cfg.timeZone).toBe("America/Chicago");
    expect(cfg.horizon).toBe(28 * 1440);
    expect(cfg.warmup).toBe(1440);
    expect(cfg.intervalLength).toBe(30);
    expect(cfg.threshold).toBeCloseTo(1 / 3, 12);
    expect(cfg.seasonality).toEqual({ intraday: "b2b-business-hours", weekly: "b2b-business-hours", annualGrowth: 0.1 });
    expect(cfg.learning).toEqual({ noviceMultiplier: 2.5, timeConstant: 75 * 1440 });
    expect(cfg.causal).toBe(true);
    expect(cfg.forecastStreams).toEqual([]);
  });

  it("a need rate per month becomes per minute with a month of 525960 / 12 = 43830 minutes", () => {
    expect(cfg.needTypes[0].ratePerMinute).toBeCloseTo(0.6 / 43830, 15);
    expect(cfg.needTypes[0].ratePerMinute * 43830).toBeCloseTo(0.6, 12);
    expect(cfg.needTypes.map((n) => [n.driver, n.severity, n.kbCoverage])).toEqual([
      ["expertise", 0, 0.22],
      ["quality", 1, 0.22],
      ["none", 0, 0.5],
    ]);
    // missing channels are 0; order = channels' order (phone, chat, email)
    expect(cfg.needTypes.map((n) => n.channelPreference)).toEqual([
      [0.5, 0.3, 0.2],
      [0.6, 0, 0.4],
      [0, 0, 1],
    ]);
  });

  it("segments: customers, sales, churn hazard, tenure, class, channels", () => {
    const [smb, ent] = cfg.segments;
    expect(smb.customers).toBe(700);
    expect(ent.customers).toBe(300);
    expect(smb.salesPerMinute).toBeCloseTo((30 * 0.7) / 43830, 15);
    // 20 % a year leave: hazard −ln(0.8) per year
    expect(smb.churnPerMinute * 525960).toBeCloseTo(-Math.log(0.8), 12);
    expect(ent.churnPerMinute).toBe(0);
    // tenure: exponential with mean 1 / churn years; 730 days without churn
    expect(smb.tenureAtStart).toEqual({ type: "exponential", mean: (365.25 / 0.2) * 1440 });
    expect(ent.tenureAtStart).toEqual({ type: "exponential", mean: 730 * 1440 });
    expect(smb.priorityClass).toBe(1); // default: the last class
    expect(ent.priorityClass).toBe(0);
    expect(smb.channels).toEqual([0, 1, 2]);
    expect(ent.channels).toEqual([0, 2]);
    expect([smb.plan, ent.plan, smb.expertise, ent.expertise]).toEqual(["free", "contract", 0.3, 0.5]);
    expect([smb.startExpertise, ent.startExpertise]).toEqual([0, 0]); // new customers start as complete novices
    expect(cfg.classes).toEqual(["enterprise", "standard"]);
  });

  it("dates become minutes since the start in Chicago time, across the DST change of 14 March", () => {
    // start: 1 March 00:00 CST = 06:00Z; 20 March 00:00 CDT = 05:00Z: 19 days less one hour
    const r = cfg.quality.releases[0];
    expect(r.at).toBe(19 * 1440 - 60);
    expect(r.halfLife).toBe(7 * 1440);
    // 22 March 12:00 CDT = 17:00Z: 21 days and 11 hours after 1 March 06:00Z
    expect(r.hotfix).toEqual({ at: 21 * 1440 + 11 * 60, removes: 0.7 });
    expect(r.notify).toEqual({ at: 20 * 1440 - 60, deflect: 0.2, soften: 0.3 });
    // 8 March is before the change: whole days
    expect(cfg.quality.fixes[0]).toEqual({ name: "installer", reduction: 0.1, ramp: 14 * 1440, at: 7 * 1440 });
    expect(cfg.quality.fixes[1]).toEqual({ name: "listening post", reduction: 0.1, ramp: 14 * 1440, afterRequests: 20, lead: 10 * 1440 });
  });

  it("channels: entry tier, hours, targets, defaults", () => {
    const [phone, chat, email] = cfg.channels;
    expect(phone.entryTier).toBe(0);
    expect(phone.hours).toEqual({ spans: [{ days: [0, 1, 2, 3, 4], open: 480, close: 1080 }] });
    expect(chat.hours).toEqual({ spans: [{ days: [0, 1, 2, 3, 4], open: 480, close: 1200 }] });
    expect(email.hours).toBeUndefined();
    expect(phone.waitWeightPerMinute).toBe(0.1);
    expect(email.waitWeightPerMinute).toBeCloseTo(0.1 / 60, 15);
    expect(phone.initialExpectedWait).toBeCloseTo(20 / 60, 12);
    expect(phone.responseTarget).toBeUndefined();
    expect(email.responseTarget).toBe(8 * 60);
    expect(email.initialExpectedWait).toBe(8 * 60);
    expect(phone.callback).toEqual({ afterPredictedWait: 5, acceptShare: 0.4 });
    expect(phone.redial).toEqual({ share: 0.33, delay: { type: "exponential", mean: 30 } });
    expect(email.dissatisfactionWeight).toBe(1);
  });

  it("tiers: resolveByNeed, next, patience per channel", () => {
    expect(cfg.tiers.map((t) => t.resolveByNeed)).toEqual([
      [0.8, 0.5, 0.95],
      [0.9, 0.8, 1],
      [0.95, 0.95, 0.95],
    ]);
    expect(cfg.tiers.map((t) => [t.next, t.nextMode])).toEqual([
      [1, "transfer"],
      [2, "escalate"],
      [undefined, "escalate"],
    ]);
    expect(cfg.tiers[0].patienceByChannel).toEqual([{ type: "exponential", mean: 3 }, { type: "exponential", mean: 5 }, undefined]);
    expect(cfg.tiers[1].patienceByChannel).toEqual([undefined, undefined, undefined]);
  });

  it("handleTimeByWork (index need × 3 + channel): the most specific override wins", () => {
    const h = cfg.tiers[0].handleTimeByWork;
    expect(h).toHaveLength(9);
    expect(cfg.tiers[0].handleTime).toEqual({ type: "lognormal", mean: 8, cv: 1 });
    expect(h[0 * 3 + 0]).toBeUndefined(); // howto/phone: the tier's handleTime
    expect(h[0 * 3 + 1]).toEqual({ type: "lognormal", mean: 12, cv: 1 }); // channel chat
    expect(h[0 * 3 + 2]).toEqual({ type: "lognormal", mean: 6, cv: 1 }); // channel email
    expect(h[1 * 3 + 0]).toBeUndefined(); // defect/phone
    expect(h[2 * 3 + 0]).toEqual({ type: "deterministic", value: 4 }); // need type billing
    expect(h[2 * 3 + 1]).toEqual({ type: "deterministic", value: 4 }); // need type beats channel
    expect(h[2 * 3 + 2]).toEqual({ type: "exponential", mean: 6 }); // both beat either
    expect(cfg.tiers[1].handleTimeByWork).toEqual(new Array(9).fill(undefined));
  });

  it("pools: skills as work indices, concurrency, stretch, hours", () => {
    expect(cfg.pools.map((p) => [p.name, p.tier, p.agents])).toEqual([
      ["L1 voice and mail", 0, 12],
      ["L1 chat", 0, 5],
      ["L2", 1, 4],
      ["L3 engineering", 2, 2],
    ]);
    expect(cfg.pools[0].skills).toEqual([0, 2, 3, 5, 6, 8]); // phone (0) and email (2) of every need
    expect(cfg.pools[1].skills).toEqual([1, 4, 7]); // chat
    expect(cfg.pools[2].skills).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(cfg.pools[3].skills).toEqual([0, 1, 2, 3, 4, 5]); // howto and defect
    expect([cfg.pools[1].concurrency, cfg.pools[1].stretch]).toEqual([2, 0.25]);
    expect([cfg.pools[0].concurrency, cfg.pools[0].stretch, cfg.pools[0].hours]).toEqual([1, 0, undefined]);
    expect(cfg.pools[1].hours).toEqual({ spans: [{ days: [0, 1, 2, 3, 4], open: 480, close: 1200 }] });
  });

  it("access, self-service and repeat take the documented defaults", () => {
    expect(cfg.access).toEqual({
      askLogOdds: 0.53,
      severityWeight: 0.8,
      priceWeight: 0.02,
      accessWeight: 1,
      waitMemory: 0.3,
      outsideHours: "wait",
      retryShare: 0.2,
      retryDelay: { type: "exponential", mean: 1440 },
    });
    expect(cfg.selfService).toEqual({ tryShare: 0.7, successAtFullCoverage: 0.6, goOnShare: 0.75 });
    expect(cfg.repeat).toEqual({ share: 0.8, delay: { type: "exponential", mean: 1440 }, switchShare: 0.2 });
    expect(SUPPORT_DEFAULTS.access.askLogOdds).toBe(0.53);
  });

  it("runSettings has the simple form's RunSettings shape", () => {
    expect(runSettings(s)).toEqual({
      name: "B2B desk",
      seed: 3,
      replications: 10,
      horizonHours: 28 * 24,
      warmupHours: 24,
      intervalMinutes: 30,
      thresholdSeconds: 20,
    });
    expect(runSettings(s, { seed: 9, replications: 2 })).toMatchObject({ seed: 9, replications: 2 });
  });
});

describe("customers per segment", () => {
  it("round(count × share), the remainder to the largest segment, never below 0", () => {
    expect(customersPerSegment(1000, [0.7, 0.3])).toEqual([700, 300]);
    expect(customersPerSegment(10, [0.25, 0.5, 0.25])).toEqual([3, 4, 3]); // 2.5 → 3 twice: the largest gives back
    expect(customersPerSegment(7, [0.2, 0.8])).toEqual([1, 6]);
    const two = customersPerSegment(2, [0.25, 0.25, 0.25, 0.25]);
    expect(two.reduce((a, b) => a + b, 0)).toBe(2);
    expect(Math.min(...two)).toBeGreaterThanOrEqual(0);
  });
});

describe("bad input: one line per problem, at its path", () => {
  it("a misspelled tier name gets a did-you-mean", () => {
    // the only problem: checks of reachable work wait until every name is right
    expect(problemsOf((s) => (s.pools[2].tier = "L22"))).toEqual(['pools[2].tier: unknown tier "L22"; expected one of L1, L2, L3 (did you mean "L2"?)']);
    expect(problemAt("channels[0].entryTier", (s) => (s.channels[0].entryTier = "l1"))).toContain('(did you mean "L1"?)');
    expect(problemAt("tiers[0].next", (s) => (s.tiers[0].next = "Level2"))).toContain('unknown tier "Level2"');
  });

  it("other references by name", () => {
    expect(problemAt("customers.segments[1].priority", (s) => (s.customers.segments[1].priority = "enterprize"))).toContain('(did you mean "enterprise"?)');
    expect(problemAt("needTypes[0].channels.phnoe", (s) => {
      s.needTypes[0].channels = { phnoe: 0.5, chat: 0.3, email: 0.2 };
    })).toBe('unknown channel "phnoe"; expected one of phone, chat, email (did you mean "phone"?)');
    expect(problemAt("pools[3].needTypes[1]", (s) => (s.pools[3].needTypes = ["howto", "defects"]))).toContain('did you mean "defect"?');
    expect(problemAt("tiers[0].handleTimes[1].needType", (s) => (s.tiers[0].handleTimes[1].needType = "biling"))).toContain('did you mean "billing"?');
    expect(problemAt("tiers[0].resolve.howtoo", (s) => {
      s.tiers[0].resolve = { howtoo: 0.8, howto: 0.8, defect: 0.5, billing: 0.95 };
    })).toContain('unknown need type "howtoo"');
  });

  it("an unknown field, nested, with a did-you-mean and the allowed fields", () => {
    const m = problemAt("channels[2].kidn", (s) => (s.channels[2].kidn = "deferred"));
    expect(m).toMatch(/^unknown field \(did you mean "kind"\?\); expected one of name, kind, entryTier/);
    expect(problemAt("customers.segments[0].shar", (s) => (s.customers.segments[0].shar = 1))).toMatch(/^unknown field \(did you mean "share"\?\)/);
    expect(problemAt("horizon.warmupDay", (s) => (s.horizon.warmupDay = 1))).toMatch(/^unknown field \(did you mean "warmupDays"\?\)/);
    // inside a record of durations
    expect(problemAt("tiers[0].patience.phone.mean", (s) => (s.tiers[0].patience.phone.mean = 3))).toBe('unknown field (did you mean "meanMinutes"?); expected one of dist, meanMinutes');
  });

  it("segment shares summing to 0.9", () => {
    expect(problemAt("customers.segments", (s) => (s.customers.segments[1].share = 0.2))).toBe("expected segment shares summing to 1, got 0.9");
  });

  it("need-type channel weights not summing to 1", () => {
    expect(problemAt("needTypes[1].channels", (s) => (s.needTypes[1].channels = { phone: 0.6, email: 0.5 }))).toBe("expected channel weights summing to 1, got 1.1");
  });

  it("a date outside the horizon names the horizon's range", () => {
    // 28 days of 1440 minutes from 1 March 00:00 CST end at 29 March 01:00 CDT (the spring-forward hour)
    expect(problemAt("quality.releases[0].date", (s) => (s.quality.releases[0].date = "2027-05-01"))).toBe(
      'expected a date within the horizon, 2027-03-01T00:00 to 2027-03-29T01:00 (America/Chicago), got "2027-05-01"',
    );
    expect(problemAt("quality.fixes[0].date", (s) => (s.quality.fixes[0].date = "2027-02-28T23:59"))).toContain("within the horizon");
    expect(problemAt("quality.releases[0].hotfix.date", (s) => (s.quality.releases[0].hotfix.date = "2027-03-19"))).toBe(
      'expected a date on or after the release date (2027-03-20), got "2027-03-19"',
    );
    expect(problemAt("quality.releases[0].date", (s) => (s.quality.releases[0].date = "2027-02-30"))).toContain("expected an ISO date");
  });

  it("a routing loop names the cycle", () => {
    expect(problemAt("tiers[0].next", (s) => (s.tiers[2].next = "L1"))).toBe("expected escalation to end at a last tier, got a routing loop L1 → L2 → L3 → L1");
    expect(problemAt("tiers[1].next", (s) => (s.tiers[1].next = "L2"))).toContain("L2 → L2");
  });

  it("a pool with no eligible work", () => {
    const m = problemAt("pools[4]", (s) => s.pools.push({ name: "L3 billing", tier: "L3", agents: 1, needTypes: ["billing"] }));
    expect(m).toContain("expected work this pool can serve, got none");
    expect(m).toContain('tier "L3"');
    // L2 resolves all billing, so billing never reaches L3
    expect(m).not.toContain('need type "billing"');
  });

  it("reachable work that no pool serves names tier, need type and channel", () => {
    expect(problemAt("pools", (s) => s.pools.splice(1, 1))).toBe('expected a pool for all work reaching tier "L1", got none for need type "howto" on channel "chat"');
    // billing reaches L3 once L2 does not resolve all of it
    expect(problemAt("pools", (s) => (s.tiers[1].resolve.billing = 0.9))).toContain('tier "L3", got none for need type "billing" on channel "email"');
  });

  it("needs without a source: neither customers nor arrivals", () => {
    expect(problemsOf((s) => delete s.customers)).toEqual(["(top level): expected customers (causal demand), arrivals (a volume forecast) or both, got neither"]);
  });

  it("a resolve map must name every need type", () => {
    expect(problemAt("tiers[1].resolve", (s) => (s.tiers[1].resolve = { howto: 0.9 }))).toBe('expected a probability for every need type, missing "defect", "billing"');
  });

  it("channel-kind rules", () => {
    expect(problemAt("tiers[0].patience.email", (s) => (s.tiers[0].patience.email = { dist: "exponential", meanMinutes: 60 }))).toContain('"email" is deferred');
    expect(problemAt("channels[0].responseTargetHours", (s) => (s.channels[0].responseTargetHours = 4))).toContain("expected no response target on a real-time channel");
    expect(problemAt("channels[2].callback", (s) => (s.channels[2].callback = { afterPredictedWaitMinutes: 1, acceptShare: 1 }))).toContain("deferred");
  });

  it("plans and prices", () => {
    expect(problemAt("customers.segments[0].pricePerIncident", (s) => (s.customers.segments[0].plan = "perIncident"))).toBe(
      'missing: expected a price > 0 for plan "perIncident"',
    );
    expect(problemAt("customers.segments[1].pricePerIncident", (s) => (s.customers.segments[1].pricePerIncident = 25))).toContain('plan "contract"');
    expect(problemAt("customers.segments[0].plan", (s) => (s.customers.segments[0].plan = "perincident"))).toBe(
      'unknown value "perincident" (did you mean "perIncident"?); expected one of free, contract, perIncident',
    );
  });

  it("numbers: negative, out of range, wrong type", () => {
    expect(problemAt("needTypes[0].perCustomerPerMonth", (s) => (s.needTypes[0].perCustomerPerMonth = -1))).toBe(
      "expected a number >= 0 (needs per customer per month), got -1",
    );
    expect(problemAt("customers.segments[0].churnPerYear", (s) => (s.customers.segments[0].churnPerYear = 1))).toBe(
      "expected an annual churn probability >= 0 and < 1, got 1",
    );
    expect(problemAt("pools[1].concurrency", (s) => (s.pools[1].concurrency = 1.5))).toContain("got 1.5");
    expect(problemAt("customers.count", (s) => (s.customers.count = "many"))).toBe('expected a whole number of customers >= 1, got "many"');
    expect(problemAt("pools[0].agents", (s) => (s.pools[0].agents = Number.NaN))).toContain("got NaN");
    expect(problemAt("seasonality.intraday", (s) => (s.seasonality.intraday = "b2b"))).toContain('did you mean "b2b-business-hours"?');
    expect(problemAt("seasonality.intraday", (s) => (s.seasonality.intraday = [1, 2]))).toBe(
      "expected a list of exactly 48 numbers >= 0 (one per local 30-minute slot from 00:00), got 2 numbers",
    );
  });

  it("time zone, start, horizon", () => {
    expect(problemAt("timeZone", (s) => (s.timeZone = "America/Chicgo"))).toContain('unknown time zone "America/Chicgo"');
    expect(problemAt("start", (s) => (s.start = "2027-02-30T00:00"))).toContain("day 30 does not exist");
    expect(problemAt("horizon", (s) => (s.horizon.hours = 24))).toContain("expected exactly one of days or hours, got both");
    expect(problemAt("horizon.warmupDays", (s) => (s.horizon.warmupDays = 28))).toBe("expected less than the horizon (28 days), got 28");
  });

  it("opening hours", () => {
    expect(problemAt("channels[0].hours[0].close", (s) => (s.channels[0].hours[0].close = "07:00"))).toBe('expected a time after open ("08:00"), got "07:00"');
    expect(problemAt("channels[0].hours[0].days", (s) => (s.channels[0].hours[0].days = "Mon-Fry"))).toContain('"Fry" is not a day');
  });

  it("handle-time overrides need a need type or a channel; fixes exactly one trigger", () => {
    expect(problemAt("tiers[0].handleTimes[0]", (s) => delete s.tiers[0].handleTimes[0].channel)).toBe("expected needType, channel or both, got neither");
    expect(problemAt("quality.fixes[0]", (s) => (s.quality.fixes[0].afterRequests = 5))).toContain("got both");
  });

  it("repeated names", () => {
    expect(problemAt("tiers[2].name", (s) => (s.tiers[2].name = "L2"))).toBe('expected a unique tier name, "L2" is also tiers[1]');
  });
});

describe("forecast arrivals from a history file", () => {
  /** No customers: a direct volume forecast of phone calls from the sample history. */
  function forecastOnly(): any {
    const s = example();
    delete s.customers;
    delete s.quality;
    s.timeZone = "America/New_York";
    s.start = "2026-04-06T00:00";
    s.horizon = { days: 7 };
    s.pools.splice(1, 1); // no chat work without customers
    s.arrivals = [
      { channel: "phone", needType: "howto", history: { file: "data/sample-history.csv", channel: "phone" } },
      { channel: "email", needType: "billing", segment: "forecast", ratePerHour: 6 },
    ];
    return s;
  }

  it("builds positive piecewise rates over the horizon, on the t axis", () => {
    const cfg = buildSupport(validateSupportScenario(forecastOnly()), { baseDir: "scenarios" });
    expect(cfg.causal).toBe(false);
    expect(cfg.segments.map((g) => [g.name, g.customers])).toEqual([["forecast", 0]]);
    const [phone, email] = cfg.forecastStreams;
    expect([phone.channel, phone.needType, phone.segment]).toEqual([0, 0, 0]);
    expect(phone.starts[0]).toBe(0);
    expect(phone.starts).toHaveLength(7 * 48);
    for (let i = 1; i < phone.starts.length; i++) expect(phone.starts[i]).toBe(phone.starts[i - 1] + 30);
    expect(Math.min(...phone.ratesPerMinute)).toBeGreaterThanOrEqual(0);
    // a week of phone volume: about 4,554 × 1.01^9 calls (the README's first week, grown)
    const weekly = phone.ratesPerMinute.reduce((a, r) => a + r * 30, 0);
    expect(weekly).toBeGreaterThan(4000);
    expect(weekly).toBeLessThan(6000);
    // Monday 10:00 local is busier than Monday 03:00
    expect(phone.ratesPerMinute[20]).toBeGreaterThan(phone.ratesPerMinute[6]);
    expect(email).toEqual({ channel: 2, needType: 2, segment: 0, starts: [0], ratesPerMinute: [0.1] });
  });

  it("a history file that cannot be read is an InputError at arrivals[i].history.file", () => {
    const s = forecastOnly();
    s.arrivals[0].history.file = "data/no-such.csv";
    expect(() => buildSupport(validateSupportScenario(s), { baseDir: "scenarios" })).toThrow(/^arrivals\[0\]\.history\.file: .*no-such\.csv: cannot read: no such file$/);
    const bad = join(tmp, "bad.csv");
    writeFileSync(bad, "timestamp,channel,offered\n2026-04-06T00:00:00Z,phone,-3\n");
    s.arrivals[0].history.file = bad;
    try {
      buildSupport(validateSupportScenario(s), { baseDir: "scenarios", file: "x.json" });
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems).toEqual([{ path: "arrivals[0].history.file", message: `${bad}: line 2, column offered: expected an integer >= 0, got "-3"` }]);
      expect((e as InputError).source).toBe("x.json");
    }
  });

  it("a channel the history does not have gets a did-you-mean", () => {
    const s = forecastOnly();
    s.arrivals[0].history.channel = "phon";
    expect(() => buildSupport(validateSupportScenario(s), { baseDir: "scenarios" })).toThrow(
      'arrivals[0].history.channel: unknown channel "phon" in data/sample-history.csv; expected one of phone, chat, email (did you mean "phone"?)',
    );
  });

  it("arrival rules: exactly one source; segment names", () => {
    const replace = (s: any) => {
      for (const k of Object.keys(s)) delete s[k];
      Object.assign(s, forecastOnly());
    };
    expect(problemAt("arrivals[1]", (s) => {
      replace(s);
      s.arrivals[1].pattern = { stepMinutes: 60, ratesPerHour: [1, 2] };
    })).toBe("expected exactly one of ratePerHour, pattern or history, got ratePerHour and pattern");
    expect(problemAt("arrivals[1].segment", (s) => {
      replace(s);
      s.arrivals[1].segment = "smb";
    })).toBe('unknown segment "smb"; expected one of forecast');
  });
});

describe("loading either form", () => {
  it("chooses the form by a top-level channels field", () => {
    expect(loadAnyScenarioFile("scenarios/mmc-abandon.json").form).toBe("simple");
    const f = join(tmp, "full.json");
    writeFileSync(f, JSON.stringify(example(), null, 2));
    const any = loadAnyScenarioFile(f);
    expect(any.form).toBe("support");
    expect((any.scenario as SupportScenario).tiers).toHaveLength(3);
    expect(() => validateAnyScenario({ ...example(), tiers: [] }, "s.json")).toThrow("s.json: tiers: expected at least one tier, got none");
    expect(() => validateAnyScenario({ name: "x" }, "s.json")).toThrow("s.json: horizon: missing");
  });

  it("reports every problem, one per line, with the file name", () => {
    const s = example();
    s.pools[2].tier = "L4";
    s.customers.segments[0].share = 0.6;
    try {
      validateAnyScenario(s, "s.json");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const lines = (e as InputError).message.split("\n");
      expect(lines).toContain("s.json: customers.segments: expected segment shares summing to 1, got 0.9");
      expect(lines.some((l) => l.startsWith('s.json: pools[2].tier: unknown tier "L4"'))).toBe(true);
    }
  });

  it("a missing tier list", () => {
    const s = example();
    delete s.tiers;
    expect(problems(s)).toEqual(["tiers: missing: expected a list of tiers"]);
  });
});

describe("supportScenarioJsonSchema()", () => {
  it("is a JSON Schema of an object with the full form's fields", () => {
    const schema = supportScenarioJsonSchema() as any;
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual(["channels", "horizon", "name", "needTypes", "pools", "start", "tiers"]);
    expect(Object.keys(schema.properties)).toContain("customers");
    expect(schema.properties.channels.items.properties.kind.enum).toEqual(["realtime", "deferred"]);
  });
});
