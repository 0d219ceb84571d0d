/**
 * Unit tests of the small parts of the scenario folder that the format tests reach only through
 * a whole file: zod issues → problems with their own path (issues.ts), horizon and warm-up in
 * minutes (full/horizon.ts), opening hours (full/hours.ts), the checks' report (references,
 * repeated names, uniform ranges) and message formatting (full/checks/report.ts, format.ts),
 * the duration spec (duration.ts), and the run settings (full/runSettings.ts).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { durationSpec, DISTRIBUTIONS } from "../../../src/scenario/duration.js";
import { listing, showSum, sumOf } from "../../../src/scenario/full/checks/format.js";
import { Report, type Path } from "../../../src/scenario/full/checks/report.js";
import { horizonMinutes, warmupMinutes } from "../../../src/scenario/full/horizon.js";
import { weeklyHours } from "../../../src/scenario/full/hours.js";
import { runSettings } from "../../../src/scenario/full/runSettings.js";
import { describeIssues } from "../../../src/scenario/issues.js";
import { validateScenario, validateSupportScenario } from "../../../src/scenario/load.js";
import { fullFormOf } from "../../../src/scenario/simple/desugar.js";
import { object, positive } from "../../../src/scenario/fields.js";

/** The issues a Report gives its sink. */
function reported(f: (r: Report) => void): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  f(new Report({ addIssue: (i) => out.push({ path: i.path, message: i.message }) }));
  return out;
}

describe("issues.ts: zod issues → problems", () => {
  const schema = object({ tiers: z.array(object({ name: z.string(), meanMinutes: positive("minutes") })) });

  it("the path is the problem's path, not part of its message", () => {
    const input = { tiers: [{ name: "L1", meanMinutes: -5 }] };
    const r = schema.safeParse(input);
    if (r.success) throw new Error("accepted");
    expect(describeIssues(schema, r.error.issues, input)).toEqual([{ path: "tiers[0].meanMinutes", message: "expected a positive number (minutes), got -5" }]);
  });

  it("an unknown field: one problem per field, at its own path, with the allowed fields and a did-you-mean", () => {
    const input = { tiers: [{ name: "L1", meanMinutes: 5, meanMinute: 3, zzz: 1 }] };
    const r = schema.safeParse(input);
    if (r.success) throw new Error("accepted");
    expect(describeIssues(schema, r.error.issues, input)).toEqual([
      { path: "tiers[0].meanMinute", message: 'unknown field (did you mean "meanMinutes"?); expected one of name, meanMinutes' },
      { path: "tiers[0].zzz", message: "unknown field; expected one of name, meanMinutes" },
    ]);
  });
});

describe("full/horizon.ts, full/hours.ts", () => {
  it("the horizon is exactly one of days or hours, in minutes", () => {
    expect(horizonMinutes({ days: 2 })).toBe(2880);
    expect(horizonMinutes({ hours: 1.5 })).toBe(90);
    expect(horizonMinutes({ days: 1, hours: 1 })).toBeUndefined();
    expect(horizonMinutes({})).toBeUndefined();
    expect(horizonMinutes({ hours: -1 })).toBeUndefined();
    expect(horizonMinutes(undefined)).toBeUndefined();
  });

  it("the warm-up in minutes, 0 by default", () => {
    expect(warmupMinutes({ warmupDays: 1 })).toBe(1440);
    expect(warmupMinutes({ warmupHours: 2 })).toBe(120);
    expect(warmupMinutes({})).toBe(0);
  });

  it("opening spans → WeeklyHours (Monday = 0, minutes after midnight); none: always open", () => {
    expect(weeklyHours([{ days: "Sat", open: "08:00", close: "12:30" }])).toEqual({ spans: [{ days: [5], open: 480, close: 750 }] });
    expect(weeklyHours(undefined)).toBeUndefined();
  });
});

describe("full/checks: the report and its formatting", () => {
  it("a reference by name: found, or a problem with a did-you-mean, counted as broken", () => {
    let broken = -1;
    const issues = reported((r) => {
      expect(r.ref("L1", ["L1", "L2"], "tier", ["x"])).toBe(true);
      expect(r.ref("L3", ["L1", "L2"], "tier", ["pools", 0, "tier"])).toBe(false);
      expect(r.ref("x", [], "segment", ["y"])).toBe(false);
      broken = r.brokenRefs;
    });
    expect(broken).toBe(2);
    expect(issues).toEqual([
      { path: ["pools", 0, "tier"], message: 'unknown tier "L3"; expected one of L1, L2 (did you mean "L1"?)' },
      { path: ["y"], message: 'unknown segment "x"; there are none' },
    ]);
  });

  it("repeated names and a uniform whose max is not above its min", () => {
    const issues = reported((r) => {
      expect(r.uniqueNames([{ name: "a" }, { name: "b" }, { name: "a" }], ["pools"], "pool")).toEqual(["a", "b", "a"]);
      r.duration({ dist: "uniform", minMinutes: 5, maxMinutes: 5 }, ["d"]);
      r.duration({ dist: "uniform", minMinutes: 4, maxMinutes: 5 }, ["ok"]);
      r.duration(undefined, ["none"]);
    });
    expect(issues).toEqual([
      { path: ["pools", 2, "name"], message: 'expected a unique pool name, "a" is also pools[0]' },
      { path: ["d", "maxMinutes"], message: "expected more than minMinutes (5), got 5" },
    ]);
  });

  it("lists are cut after 8 entries; sums are shown without float noise", () => {
    expect(listing(["a", "b"])).toBe("a, b");
    expect(listing("abcdefghij".split(""))).toBe("a, b, c, d, e, f, g, h, … (2 more)");
    expect(showSum(sumOf([0.6, 0.3]))).toBe("0.9");
  });
});

describe("duration.ts", () => {
  it("every distribution of the file has its engine spec", () => {
    const examples: Record<(typeof DISTRIBUTIONS)[number], unknown> = {
      exponential: { dist: "exponential", meanMinutes: 5 },
      deterministic: { dist: "deterministic", minutes: 5 },
      uniform: { dist: "uniform", minMinutes: 1, maxMinutes: 5 },
      normal: { dist: "normal", meanMinutes: 5, sdMinutes: 1 },
      lognormal: { dist: "lognormal", meanMinutes: 5, cv: 1 },
      gamma: { dist: "gamma", meanMinutes: 5, cv: 1 },
      erlang: { dist: "erlang", meanMinutes: 5, k: 3 },
      empirical: { dist: "empirical", samplesMinutes: [1, 2], interpolate: true },
    };
    const specs = DISTRIBUTIONS.map((d) => durationSpec(examples[d] as Parameters<typeof durationSpec>[0]));
    expect(specs.map((s) => s.type)).toEqual([...DISTRIBUTIONS]);
    expect(specs[2]).toEqual({ type: "uniform", min: 1, max: 5 });
    expect(specs[7]).toEqual({ type: "empirical", samples: [1, 2], interpolate: true });
  });
});

describe("full/runSettings.ts", () => {
  it("after the defaults, the command line's seed and replications first (a simple scenario through its full form)", () => {
    const s = validateScenario({ name: "q", seed: 3, horizon: { hours: 12, warmupHours: 2 }, arrivals: { ratePerHour: 5 }, tiers: [{ name: "L1", agents: 2, handleTime: { dist: "exponential", meanMinutes: 4 } }] });
    const full = validateSupportScenario(fullFormOf(s));
    const expected = { name: "q", seed: 3, replications: 10, horizonHours: 12, warmupHours: 2, intervalMinutes: 30, thresholdSeconds: 20 };
    expect(runSettings(full)).toEqual(expected);
    expect(runSettings(full, { seed: 9, replications: 2 })).toEqual({ ...expected, seed: 9, replications: 2 });
    expect(() => runSettings({ ...full, horizon: {} })).toThrow(/expected a validated scenario/);
  });
});
