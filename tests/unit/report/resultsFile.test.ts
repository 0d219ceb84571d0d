/**
 * `supportsim chart` on a hand-edited results file (issue 18 point 7: 18 of 47 edits crashed —
 * `channels` a string, `currency` null, an empty comparison): a results file is checked like a
 * scenario file (src/report/resultsSchema.ts, analysis/experiments/sweep/sweepFiles.ts), each
 * problem one line with its JSON path, nothing written; an edit it accepts is charted.
 *
 * The files are real: a run, a comparison and a sweep (L2 at 2 and 3 agents) of a small baseline
 * (2 days, 2 replications), written as `run --out`, `compare --out` and `sweep --out` write them. Named edits through `writeCharts` (what the
 * command runs: read, check, render, write); fast-check's deletions and retypings of any field
 * through `readResults`, then — when accepted — every chart's spec and the report's text
 * (`chartsFor`, `reportDocument`: what reads the results; the SVG/PNG rendering of an accepted
 * spec and the page around it are the chart tests' concern, and seconds a file).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare, comparisonJson, InputError, loadScenario, resultJson, simulate, sweep } from "../../../src/api/index.js";
import { sweepJsonText } from "../../../src/report/tables/sweepTable.js";
import { readResults } from "../../../src/report/results.js";
import { chartsFor, reportDocument } from "../../../src/report/html/budgetReport.js";
import { writeCharts } from "../../../src/cli/chart.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Cases of the fast-check property: 60 in `npm test`; the nightly count as the scenario fuzz suite's (tests/properties/badInput.fuzz.test.ts). */
const RUNS = Math.ceil(Number(process.env.SUPPORTSIM_FUZZ_RUNS ?? 200) * 0.3);
const SEED = Number(process.env.SUPPORTSIM_FUZZ_SEED ?? 18);

let dir: string;
let run: Json, cmp: Json, swp: Json;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-results-"));
  const base = smallBaseline(2, (s) => (s.horizon = { days: 2, warmupDays: 1, intervalMinutes: 60 }));
  const what = smallBaseline(2, (s) => { s.horizon = { days: 2, warmupDays: 1, intervalMinutes: 60 }; s.name = "more L2"; s.pools[2].agents = 3; });
  const a = loadScenario(base, { baseDir: "scenarios" }), b = loadScenario(what, { baseDir: "scenarios" });
  run = JSON.parse(JSON.stringify(resultJson(await simulate(a, { replications: 2 }))));
  const c = await compare([a, b], { replications: 2, threads: 1 });
  cmp = JSON.parse(JSON.stringify({ ...comparisonJson(c.comparison), runs: c.runs.map((r) => resultJson(r)) }));
  swp = JSON.parse(sweepJsonText((await sweep(a, { vary: [{ path: "pools.L2.agents", values: [2, 3] }], replications: 2 })).document!));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** `json` written as DIR/k/results.json; its path. */
function written(json: unknown): string {
  const d = join(dir, String(n++));
  mkdirSync(d);
  writeFileSync(join(d, "results.json"), JSON.stringify(json));
  return join(d, "results.json");
}

const edited = (json: Json, edit: (d: Json) => void): Json => {
  const d = structuredClone(json);
  edit(d);
  return d;
};

describe("chart on hand-edited results", () => {
  it("the issue's edits and a dozen more: one line per problem with the file and the field, nothing written", async () => {
    const cases: [string, Json, RegExp][] = [
      ["channels a string", edited(run, (d) => (d.channels = "phone")), /results\.json: channels: expected a list of channels, got "phone"$/],
      ["currency null", edited(run, (d) => (d.currency = null)), /results\.json: currency: expected a text, got null$/],
      ["an empty comparison", edited(cmp, (d) => { d.scenarios = []; d.runs = []; d.metrics = {}; }), /results\.json: scenarios: expected a non-empty list of scenarios/],
      ["a comparison's run edited", edited(cmp, (d) => (d.runs[1].tiers = 3)), /results\.json: runs\[1\]: tiers: expected a list of texts, got 3$/],
      ["a comparison missing a run", edited(cmp, (d) => d.runs.pop()), /results\.json: runs: expected one run per scenario \(2\), got 1$/],
      ["a metric's values short", edited(cmp, (d) => Object.values(d.metrics)[0] && (Object.values(d.metrics)[0] as Json).values.pop()), /results\.json: metrics\.[^:]+\.values: expected one estimate per scenario \(2\), got 1$/],
      ["a difference retyped", edited(cmp, (d) => ((Object.values(d.metrics)[0] as Json).differences[0].significant = "yes")), /differences\[0\]\.significant: expected true or false, got "yes"$/],
      ["a tier a number", edited(run, (d) => (d.tiers[0] = 7)), /results\.json: tiers\[0\]: expected a text, got 7$/],
      ["a pool without a name", edited(run, (d) => delete d.pools[0].name), /results\.json: pools\[0\]\.name: missing: expected a text$/],
      ["a channel of another kind", edited(run, (d) => (d.channels[0].kind = "fax")), /results\.json: channels\[0\]\.kind: expected "realtime" or "deferred", got "fax"$/],
      ["a service level of 1.5", edited(run, (d) => (d.channel.phone.serviceLevel = { mean: 1.5, ci95: [1.2, 1.8] })), /channel\.phone\.serviceLevel\.mean: expected a share between 0 and 1, got 1\.5$/],
      ["a negative cost", edited(run, (d) => (d.cost.total = { mean: -5, ci95: [-6, -4] })), /cost\.total\.mean: expected a number >= 0, got -5$/],
      ["an estimate as text", edited(run, (d) => (d.funnel.needs = "many")), /funnel\.needs: expected an estimate \{ "mean", "ci95" \} or an object of them, got "many"$/],
      ["an interval reversed", edited(run, (d) => (d.funnel.needs.ci95 = [9, 1])), /funnel\.needs\.ci95: expected low <= high, got \[9, 1\]$/],
      ["the week's bands cut", edited(run, (d) => (d.profile.tiers[0].agents.mean = [1])), /profile\.tiers\[0\]\.agents\.mean: expected 168 values \(one per interval of the week\), got 1$/],
      ["a horizon of text", edited(run, (d) => (d.horizonHours = "48")), /horizonHours: expected a number > 0, got "48"$/],
      ["replications 0", edited(run, (d) => (d.replications = 0)), /replications: expected an integer >= 1, got 0$/],
      ["a sweep missing a point", edited(swp, (d) => d.points.pop()), /results\.json: points: expected the grid's 2 points, got 1$/],
      ["a sweep's axis not a metric", edited(swp, (d) => (d.axes = { x: "cost.total", y: "nothing" })), /results\.json: axes\.y: expected one of the sweep's metrics, got "nothing"$/],
    ];
    for (const [name, json, re] of cases) {
      const file = written(json);
      const out = join(dir, `out-${n}`);
      let e: unknown;
      try {
        await writeCharts(file, out);
      } catch (x) {
        e = x;
      }
      expect(e, name).toBeInstanceOf(InputError);
      const lines = (e as InputError).lines();
      expect(lines.some((l) => re.test(l)), `${name}: ${lines.join(" | ")}`).toBe(true);
      for (const l of lines) expect(l, name).toMatch(/results\.json: \S/);
      expect(existsSync(out), name).toBe(false);
    }
  });

  it("any field deleted or retyped (fast-check): one line per problem, or results every chart and the report read", () => {
    const paths = (j: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] => {
      if (at.length > 0) out.push(at);
      // the week's bands are long lists of numbers: their first element stands for the others
      if (typeof j === "object" && j !== null && at.length < 6) for (const [k, v] of Object.entries(j).slice(0, Array.isArray(j) ? 2 : undefined)) paths(v, [...at, Array.isArray(j) ? Number(k) : k], out);
      return out;
    };
    const sources = { run: { json: run, paths: paths(run) }, compare: { json: cmp, paths: paths(cmp) }, sweep: { json: swp, paths: paths(swp) } };
    const values = [undefined, null, "x", -1, 0, 1e308, [], {}, true, 2.5];
    fc.assert(
      fc.property(fc.constantFrom<"run" | "compare" | "sweep">("run", "compare", "sweep"), fc.nat(), fc.constantFrom(...values), (which, pick, value) => {
        const src = sources[which];
        const path = src.paths[pick % src.paths.length];
        const json = edited(src.json, (d) => {
          const parent = path.slice(0, -1).reduce((o: Json, k) => o[k], d);
          if (value === undefined) delete parent[path[path.length - 1]];
          else parent[path[path.length - 1]] = structuredClone(value);
        });
        const file = written(json);
        let res;
        try {
          res = readResults(file);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          for (const l of e.lines()) expect(l).toMatch(/results\.json(: runs\[\d+\])?: \S/);
          return;
        }
        const charts = chartsFor(res);
        const doc = reportDocument(res, charts, "test");
        expect(doc.summary.length + doc.kpis.rows.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(readdirSync(dir).length).toBeGreaterThanOrEqual(RUNS);
  }, 60_000 + RUNS * 1_000);
});
