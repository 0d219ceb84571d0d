/**
 * Comparing scenarios through the library (src/api/compare.ts): common random numbers on a small
 * baseline (paired intervals narrower than unpaired ones; a scenario against itself differs by
 * exactly 0), seed and replications from the first scenario unless the options say otherwise,
 * different horizons, simple-form scenarios, each scenario's full run beside the comparison, and
 * bad options as an InputError from OPTIONS naming the option, before anything runs.
 *
 * The fixtures (tests/helpers/workflowScenarios.ts) are scenarios/baseline.json made small:
 * 3,000 customers, 8 days (1 of warm-up), 4 replications, L1 phone/e-mail 2 agents, L1 chat 1,
 * L2 2, L3 1; "more-l1" has 3 L1 phone/e-mail agents. A comparison of the two takes well under a
 * second.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare, comparisonJson, type CompareResult } from "../../../src/api/compare.js";
import { OPTIONS } from "../../../src/api/options.js";
import { loadScenario, type Scenario } from "../../../src/api/scenario.js";
import { InputError } from "../../../src/errors.js";
import { thrown } from "../../helpers/thrown.js";
import { compareScenarios, type ScenarioFolder } from "../../helpers/workflowScenarios.js";

let files: ScenarioFolder;
const load = (name: string): Scenario => loadScenario(files.path(name));
let ab: CompareResult;

beforeAll(async () => {
  files = compareScenarios();
  ab = await compare([load("a.json"), load("b.json")]);
});

afterAll(() => files?.remove());

describe("common random numbers on the small baseline", () => {
  it("more L1 agents: the paired intervals are narrower than the unpaired ones", () => {
    const c = ab.comparison;
    expect(c.scenarios.map((s) => s.label)).toEqual(["small", "more-l1"]);
    expect(c.seed).toBe(7);
    expect(c.replications).toBe(4);
    const width = (ci: [number, number] | null) => ci![1] - ci![0];
    for (const key of ["channel.phone.serviceLevel", "channel.chat.serviceLevel"]) {
      const d = c.metrics[key].differences[0];
      expect(width(d.ci95), key).toBeLessThan(width(d.ci95Unpaired));
    }
    // the third L1 phone agent raises the phone service level, significantly
    const phone = c.metrics["channel.phone.serviceLevel"].differences[0];
    expect(phone.mean!).toBeGreaterThan(0.05);
    expect(phone.significant).toBe(true);
    expect(phone.ci95![0]).toBeGreaterThan(0);
  });

  it("the headline metrics present in both, channel by channel", () => {
    const keys = Object.keys(ab.comparison.metrics);
    expect(keys.slice(0, 3)).toEqual(["channel.phone.serviceLevel", "channel.phone.asaSeconds", "channel.phone.abandonRate"]);
    for (const k of ["funnel.fcrRate", "funnel.unservedRate", "tier.L1.occupancy", "tier.L3.occupancy", "cost.total", "cost.perMonth", "cost.perContact", "cost.perResolvedNeed", "retention.csat", "retention.churned", "retention.revenueAtRisk", "retention.netRecurringRevenue", "channel.email.withinTargetShare"]) {
      expect(keys, k).toContain(k);
    }
    expect(keys).not.toContain("channel.email.serviceLevel"); // e-mail is deferred: no service level
    for (const m of Object.values(ab.comparison.metrics)) {
      expect(m.values).toHaveLength(2);
      expect(m.differences).toHaveLength(1);
    }
  });

  it("each scenario's full run, labelled as in the comparison, with the compared values", () => {
    expect(ab.runs.map((r) => r.scenario)).toEqual(["small", "more-l1"]);
    expect(ab.runs.map((r) => [r.seed, r.replications])).toEqual([[7, 4], [7, 4]]);
    for (const [key, m] of Object.entries(ab.comparison.metrics)) {
      ab.runs.forEach((r, i) => expect(r.estimates[key], `${r.scenario} ${key}`).toEqual(m.values[i]));
    }
    expect(ab.runs[1].profile!.channels[0].name).toBe("phone");
    // the comparison's JSON form: labels, run settings, metrics
    const j = comparisonJson(ab.comparison);
    expect(Object.keys(j)).toEqual(["scenarios", "seed", "replications", "mode", "metrics"]);
    expect([j.scenarios, j.seed, j.replications]).toEqual([["small", "more-l1"], 7, 4]);
  });

  it("a scenario against itself: every difference exactly 0, zero width, not significant", async () => {
    const a = load("a.json");
    for (const [scenarios, labels] of [[[a, a], ["small", "small #2"]], [[a, load("copy.json")], ["a", "copy"]]] as const) {
      const { comparison: c, runs } = await compare(scenarios);
      expect(c.scenarios.map((s) => s.label)).toEqual(labels);
      for (const [key, m] of Object.entries(c.metrics)) {
        const d = m.differences[0];
        expect(d.mean, key).toBe(0);
        expect(d.ci95, key).toEqual([0, 0]);
        expect(d.significant, key).toBe(false);
        expect(m.values[1], key).toEqual(m.values[0]);
      }
      // the Welch interval ignores the pairing: it is wide although the runs are identical
      const u = c.metrics["channel.phone.serviceLevel"].differences[0].ci95Unpaired!;
      expect(u[1] - u[0]).toBeGreaterThan(0.01);
      expect(runs[1].estimates).toEqual(runs[0].estimates);
    }
  });

  it("seed and replications come from the first scenario; the options override them for all", async () => {
    const d = (await compare([load("a.json"), load("other-settings.json")])).comparison;
    expect([d.seed, d.replications]).toEqual([7, 4]);
    const e = (await compare([load("other-settings.json"), load("a.json")])).comparison;
    expect([e.seed, e.replications]).toEqual([99, 2]);
    const g = await compare([load("a.json"), load("b.json")], { seed: 3, replications: 2 });
    expect([g.comparison.seed, g.comparison.replications]).toEqual([3, 2]);
    expect(g.runs.map((r) => [r.seed, r.replications])).toEqual([[3, 2], [3, 2]]);
    expect(g.comparison.metrics["cost.total"].values[0].mean).not.toBe(ab.comparison.metrics["cost.total"].values[0].mean);
    // one replication: means but no intervals, nothing marked significant
    const one = (await compare([load("a.json"), load("b.json")], { replications: 1 })).comparison;
    for (const m of Object.values(one.metrics)) {
      expect(m.differences[0].ci95).toBeNull();
      expect(m.differences[0].significant).toBe(false);
    }
  });

  it("different horizons are allowed", async () => {
    const { comparison } = await compare([load("a.json"), load("longer.json")]);
    expect(comparison.scenarios.map((s) => s.label)).toEqual(["small", "longer"]);
    expect(comparison.scenarios.map((s) => s.horizonHours)).toEqual([192, 216]);
    expect(comparison.scenarios.map((s) => s.warmupHours)).toEqual([24, 24]);
    expect(ab.comparison.scenarios.map((s) => s.horizonHours)).toEqual([192, 192]);
  });

  it("compares simple-form scenarios too (each run as the full form it stands for)", async () => {
    const { comparison } = await compare([load("simple.json"), load("simple3.json")], { replications: 4 });
    expect(comparison.scenarios.map((s) => s.label)).toEqual(["mm1", "mm1 three agents"]);
    // the third agent shortens the wait and raises the service level
    expect(comparison.metrics["channel.contacts.asaSeconds"].differences[0].mean).toBeLessThan(0);
    expect(comparison.metrics["channel.contacts.serviceLevel"].differences[0].mean).toBeGreaterThan(0);
  });
});

describe("bad input: an InputError, before anything runs", () => {
  const cases: [string, () => Scenario[], object, string, string][] = [
    ["one scenario only", () => [load("a.json")], {}, "scenarios", "options: scenarios: expected at least two scenarios, got 1"],
    ["no scenario", () => [], {}, "scenarios", "options: scenarios: expected at least two scenarios, got 0"],
    ["replications 0", () => [load("a.json"), load("b.json")], { replications: 0 }, "replications", "options: replications: expected an integer >= 1, got 0"],
    ["replications 1.5", () => [load("a.json"), load("b.json")], { replications: 1.5 }, "replications", "options: replications: expected an integer >= 1, got 1.5"],
    ["seed -1", () => [load("a.json"), load("b.json")], { seed: -1 }, "seed", "options: seed: expected an integer >= 0, got -1"],
    ["threads 0", () => [load("a.json"), load("b.json")], { threads: 0 }, "threads", "options: threads: expected an integer >= 1, got 0"],
  ];
  for (const [what, scenarios, options, path, message] of cases) {
    it(`${what}: from the options, named by the option`, async () => {
      let progress = 0;
      const e = await thrown(() => compare(scenarios(), { ...options, onProgress: () => progress++ }));
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).source).toBe(OPTIONS);
      expect((e as InputError).problems.map((p) => p.path)).toEqual([path]);
      expect(e.message).toBe(message);
      expect(progress).toBe(0); // nothing ran
    });
  }

  it("every bad option at once", async () => {
    const e = (await thrown(() => compare([load("a.json"), load("b.json")], { replications: 0, seed: -1, threads: 0 }))) as InputError;
    expect(e.problems.map((p) => p.path)).toEqual(["replications", "seed", "threads"]);
  });

  it("a scenario that is invalid, or cannot be built, fails as it is loaded, naming its file and field", async () => {
    const cases: [string, RegExp][] = [
      ["bad.json", /^pools\[0\]\.agents$/],
      ["badbuild.json", /^arrivals\[0\]\.history\.file$/],
    ];
    for (const [name, path] of cases) {
      const e = (await thrown(() => load(name))) as InputError;
      expect(e, name).toBeInstanceOf(InputError);
      expect(e.source).toBe(files.path(name));
      expect(e.problems[0].path).toMatch(path);
    }
    expect((await thrown(() => load("nope.json"))).message).toMatch(/nope\.json: no such file$/);
  });
});
