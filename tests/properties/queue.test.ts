/**
 * Properties of the single queue that hold for every valid simple-form scenario (fast-check
 * generates them), run as the full-form scenario it stands for through the library:
 * conservation (every counted contact is answered or abandoned once the run drains), metrics
 * within their ranges, determinism by seed, common random numbers across staffing; and
 * Little's law on long runs, including non-exponential distributions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/api/scenario.js";
import { resultJson, simulate, type RunResult } from "../../src/api/simulate.js";
import { scenarioArb } from "../helpers/simpleScenarios.js";

const est = (r: RunResult, key: string): number => r.estimates[key].mean as number;

describe("conservation and ranges (fast-check)", () => {
  it("every counted contact is answered or abandoned; nothing is left in the system; metrics stay in range", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (json) => {
        const r = await simulate(loadScenario(json), { replications: 1 });
        const offered = est(r, "channel.contacts.offered");
        expect(est(r, "channel.contacts.answered") + est(r, "channel.contacts.abandoned")).toBe(offered);
        expect(est(r, "funnel.openAtEnd")).toBe(0);
        expect(est(r, "funnel.needs")).toBe(offered);
        for (const key of ["channel.contacts.abandonRate", "channel.contacts.serviceLevel", "tier.L1.occupancy"]) {
          const v = r.estimates[key].mean;
          if (v !== null) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
        const q = r.queue!.L1;
        if (q.probWait.mean !== null) expect(q.probWait.mean).toBeLessThanOrEqual(1 + 1e-12);
        const sl = r.estimates["channel.contacts.serviceLevel"].mean, ab = r.estimates["channel.contacts.abandonRate"].mean;
        if (sl !== null && ab !== null) expect(sl).toBeLessThanOrEqual(1 - ab + 1e-12);
        if (!json.tiers[0].patience) expect(est(r, "channel.contacts.abandoned")).toBe(0);
        const asa = r.estimates["channel.contacts.asaSeconds"].mean;
        if (asa !== null) expect(asa).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it("the same seed gives byte-identical JSON; another seed gives different numbers", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (json) => {
        const a = JSON.stringify(resultJson(await simulate(loadScenario(json))));
        const b = JSON.stringify(resultJson(await simulate(loadScenario(structuredClone(json)))));
        expect(a).toBe(b);
        const other = JSON.stringify(resultJson(await simulate(loadScenario(json), { seed: json.seed + 1 })));
        if (JSON.parse(a).channel.contacts.offered.mean > 50) expect(other).not.toBe(a);
      }),
      { numRuns: 25, seed: 99 },
    );
  });
});

describe("common random numbers", () => {
  it("changing staffing does not change the arrivals or the contacts' handle times", async () => {
    const scenario = (agents: number) => ({
      name: "crn", seed: 5, replications: 1,
      horizon: { hours: 10 }, serviceLevel: { thresholdSeconds: 20 },
      arrivals: { ratePerHour: 120 },
      tiers: [{ name: "L1", agents, handleTime: { dist: "lognormal", meanMinutes: 4, cv: 1 }, patience: { dist: "exponential", meanMinutes: 2 } }],
    });
    const traceOf = async (agents: number) => {
      const rows: string[] = [];
      await simulate(loadScenario(scenario(agents)), {
        trace: () => ({
          visit(arrival, _tier, _work, _class, wait, outcome, _pool, _agent, leave, joined) {
            // a served visit lasts its handle time after the wait
            rows.push(`${arrival}|${outcome === "resolved" ? leave - (joined + wait) : ""}`);
          },
        }),
      });
      return rows;
    };
    const few = await traceOf(6), many = await traceOf(12);
    const arrivals = (rows: string[]) => rows.map((r) => r.split("|")[0]).sort();
    expect(arrivals(few)).toEqual(arrivals(many));
    expect(few.length).toBeGreaterThan(1000);
    // a contact answered in both scenarios has the same handle time in both
    const handles = new Map(many.map((r) => r.split("|") as [string, string]));
    let same = 0;
    for (const r of few) {
      const [t, h] = r.split("|");
      if (h !== "" && handles.get(t) !== "") {
        expect(Number(handles.get(t))).toBeCloseTo(Number(h), 9);
        same++;
      }
    }
    expect(same).toBeGreaterThan(500);
  });
});

describe("Little's law", () => {
  // Time-average number waiting L must equal arrival rate × mean wait of all contacts W
  // (both measured over the observation window). Long runs keep the edge effects of the
  // window (contacts waiting across its ends) below the 1% tolerance.
  const cases: [string, object][] = [
    ["M/M/20 (ρ = 0.9)", {
      name: "mm20", seed: 11, horizon: { hours: 300, warmupHours: 10, intervalMinutes: 60 },
      arrivals: { ratePerHour: 216 },
      tiers: [{ name: "L1", agents: 20, handleTime: { dist: "exponential", meanMinutes: 5 } }],
    }],
    ["lognormal service, gamma patience, intraday pattern", {
      name: "intraday", seed: 11, horizon: { hours: 24 * 14, warmupHours: 24 },
      arrivals: { pattern: { stepMinutes: 60, ratesPerHour: [...Array(8).fill(30), 240, 240, 240, 240, 180, 180, 180, 180, 180, 60, 60, 60, 60, 60, 60, 60], repeat: true } },
      tiers: [{ name: "L1", agents: 14, handleTime: { dist: "lognormal", meanMinutes: 4, cv: 1.5 }, patience: { dist: "gamma", meanMinutes: 3, cv: 0.5 } }],
    }],
  ];
  for (const [label, json] of cases) {
    it(label, async () => {
      const s = loadScenario(json);
      const window = s.config.horizon - s.config.warmup;
      for (let seed = 11; seed < 15; seed++) {
        const q = (await simulate(s, { seed, replications: 1 })).queue!.L1;
        const lambda = (q.offered.mean as number) / window;
        const W = (q.meanWaitSeconds.mean as number) / 60;
        const L = q.meanQueueLength.mean as number;
        expect(L).toBeGreaterThan(0.05);
        expect(Math.abs(L - lambda * W) / L).toBeLessThan(0.01);
      }
    });
  }
});
