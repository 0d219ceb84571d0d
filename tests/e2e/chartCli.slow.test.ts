/**
 * Charts and the report from the command line:
 *   - `run --out` and `sweep --out` write charts/<name>.vl.json|.svg|.png and report.html;
 *   - `supportsim chart DIR --out OTHER` renders the same files from the saved results, byte for
 *     byte (the rendering is deterministic), and each PNG is a real image of the SVG's size × 2;
 *   - bad input (no results, not JSON, a shard, a simple-form run, --out naming a file): one
 *     line, exit 2, nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "../../src/report/render/render.js";
import { smallBaseline } from "../helpers/smallBaseline.js";
import { cliWithin } from "../helpers/cli.js";

let tmp = "";

/** The command line, with two minutes for the runs that render charts. */
const cli = (...args: string[]) => cliWithin(120_000, ...args);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "supportsim-charts-"));
  const s = smallBaseline(2);
  delete s.$schema;
  writeFileSync(join(tmp, "small.json"), JSON.stringify(s));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("supportsim chart", () => {
  it("renders from run --out's results exactly what --out wrote", () => {
    const a = join(tmp, "a"), b = join(tmp, "b");
    const r = cli("run", join(tmp, "small.json"), "--out", a);
    expect(r.status, r.stderr).toBe(0);
    const charts = readdirSync(join(a, "charts")).sort();
    expect(charts.length).toBeGreaterThanOrEqual(3 * 6);
    const c = cli("chart", a, "--out", b);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toBe(`wrote ${charts.length + 1} files to ${b} (report: ${join(b, "report.html")})\n`);
    // run --out ended with the same line: its table, then the folder, the files and the report
    expect(r.stdout.endsWith(` files to ${a} (report: ${join(a, "report.html")})\n`)).toBe(true);
    expect(readdirSync(join(b, "charts")).sort()).toEqual(charts);
    for (const f of charts) expect(readFileSync(join(b, "charts", f)).equals(readFileSync(join(a, "charts", f))), f).toBe(true);
    expect(readFileSync(join(b, "report.html"), "utf8")).toBe(readFileSync(join(a, "report.html"), "utf8"));
    // every PNG is the SVG's size at scale 2
    for (const f of charts.filter((x) => x.endsWith(".png"))) {
      const svg = readFileSync(join(a, "charts", f.replace(/\.png$/, ".svg")), "utf8");
      const m = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg)!;
      expect(pngSize(readFileSync(join(a, "charts", f)))).toEqual({ width: Math.round(Number(m[1]) * 2), height: Math.round(Number(m[2]) * 2) });
    }
    // the report is self-contained: the specs and the Vega runtime inline, nothing fetched
    const html = readFileSync(join(a, "report.html"), "utf8");
    expect(html).toContain("<title>");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
  }, 120_000);

  it("the simple form charts too: its queue through the week, volumes and weeks; no funnel, costs or retention it has not got", () => {
    const f = join(tmp, "queue.json"), out = join(tmp, "queue");
    writeFileSync(f, JSON.stringify({ name: "one queue", seed: 3, replications: 2, horizon: { hours: 24 * 15, warmupHours: 24 }, arrivals: { ratePerHour: 120 }, tiers: [{ name: "L1", agents: 11, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 3 } }] }));
    const r = cli("run", f, "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const names = [...new Set(readdirSync(join(out, "charts")).map((x) => x.replace(/\.(vl\.json|svg|png)$/, "")))].sort();
    expect(names).toEqual(["intraday-contacts", "volumes", "weeks"]);
    const spec = JSON.parse(readFileSync(join(out, "charts", "intraday-contacts.vl.json"), "utf8"));
    expect(JSON.stringify(spec)).toContain("service level");
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(results.analytic.model).toBe("erlang-a");
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("one queue");
  }, 120_000);

  it("the results file itself works as well as its folder; the default output is that folder", () => {
    const a = join(tmp, "a");
    const c = cli("chart", join(a, "results.json"));
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toContain(`to ${a} `);
    expect(existsSync(join(a, "results.json"))).toBe(true); // charts are added to the run's folder, which keeps its files
  }, 120_000);

  it("sweep --out draws the cost/service frontier", () => {
    const dir = join(tmp, "sw");
    const r = cli("sweep", join(tmp, "small.json"), "--vary", "pools.L2.agents=1..3:1", "--replications", "2", "--out", dir);
    expect(r.status, r.stderr).toBe(0);
    for (const ext of [".vl.json", ".svg", ".png"]) expect(existsSync(join(dir, "charts", "frontier" + ext))).toBe(true);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain("frontier");
  }, 120_000);

  describe("bad input: one line, exit 2, nothing written", () => {
    const cases: [string, () => string, RegExp][] = [
      ["a folder without results", () => { const d = join(tmp, "empty"); rmSync(d, { recursive: true, force: true }); mkdirSync(d); return d; }, /no results\.json or sweep\.json in this folder$/],
      ["a missing path", () => join(tmp, "nope"), /nope: no such file or folder$/],
      ["a file that is not JSON", () => { const f = join(tmp, "bad", "results.json"); rmSync(join(tmp, "bad"), { recursive: true, force: true }); mkdirSync(join(tmp, "bad")); writeFileSync(f, "{ not json"); return f; }, /results\.json: not valid JSON/],
      ["a scenario rather than results", () => join(tmp, "small.json"), /^supportsim: .*small\.json: not supportsim results; expected the results\.json of run, compare, staff or plan, or a sweep\.json$/],
      ["sensitivity's results", () => { const f = join(tmp, "sens.json"); writeFileSync(f, JSON.stringify({ sensitivity: { scenario: "x", kpis: [] } })); return f; }, /sens\.json: the results of sensitivity \(its tornado charts are written by sensitivity --out\); chart draws the results of run, compare, staff or plan, or a sweep\.json$/],
      ["a Monte Carlo's results", () => { const f = join(tmp, "unc.json"); writeFileSync(f, JSON.stringify({ uncertainty: { scenarios: ["x"] } })); return f; }, /unc\.json: the results of a Monte Carlo over the inputs \(its charts are written by run or compare --uncertainty --out\)/],
      ["a sweep shard", () => { const f = join(tmp, "shard.json"); writeFileSync(f, JSON.stringify({ format: "supportsim-sweep-shard" })); return f; }, /a sweep shard; join the shards with "supportsim merge" first$/],
      ["an earlier version's single-queue results", () => { const f = join(tmp, "simple.json"); writeFileSync(f, JSON.stringify({ scenario: "x", tiers: { L1: {} }, total: {} })); return f; }, /single-queue run written by an earlier supportsim .*run its scenario again with "supportsim run FILE --out DIR"/],
      ["a comparison without its runs", () => { const f = join(tmp, "oldcmp.json"); writeFileSync(f, JSON.stringify({ scenarios: ["a", "b"], metrics: {} })); return f; }, /a comparison without its runs/],
    ];
    for (const [what, path, message] of cases) {
      it(what, () => {
        const p = path();
        const out = join(tmp, `out-${what.replace(/\W+/g, "-")}`);
        const r = cli("chart", p, "--out", out);
        expect(r.status).toBe(2);
        expect(r.stderr.trim()).toMatch(message);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(existsSync(out)).toBe(false);
      });
    }
    it("--out naming a file", () => {
      const r = cli("chart", join(tmp, "a"), "--out", join(tmp, "small.json"));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--out: cannot write to .*small\.json: not a directory/);
    });
  });
});
