/**
 * The command line of issue 17 as a user meets it: `run --uncertainty`, `sensitivity`, `--metric`
 * and `sweep --vary` of a variable on a small ranged queue; bad input (a range, an expression, a
 * flag) is one line `supportsim: …`, exit 2, and no output folder.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

let dir: string;
const file = (name: string) => join(dir, name);
const queue = (patch: Record<string, unknown> = {}) => ({
  name: "ranged queue", seed: 3, replications: 2,
  horizon: { hours: 40, warmupHours: 1 }, serviceLevel: { thresholdSeconds: 20 },
  variables: { load: { low: 50, expected: 60, high: 70 } },
  arrivals: { ratePerHour: "=load" },
  tiers: [{ name: "L1", agents: "=ceil(load / 10) + 1", handleTime: { dist: "exponential", meanMinutes: { low: 4, expected: 5, high: 6 } }, patience: { dist: "exponential", meanMinutes: 2 } }],
  ...patch,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-i17-"));
  writeFileSync(file("q.json"), JSON.stringify(queue()));
  writeFileSync(file("plain.json"), JSON.stringify({ ...queue(), variables: undefined, arrivals: { ratePerHour: 60 }, tiers: [{ name: "L1", agents: 7, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 2 } }] }));
  writeFileSync(file("bad-range.json"), JSON.stringify(queue({ variables: { load: { low: 70, expected: 60, high: 50 } } })));
  writeFileSync(file("bad-expr.json"), JSON.stringify(queue({ arrivals: { ratePerHour: "=lod * 2" } })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ranges and expressions on the command line", () => {
  it("run uses the expected values: the same output as the plain file", () => {
    const a = cli("run", file("q.json"), "--json", "--threads", "1"), b = cli("run", file("plain.json"), "--json", "--threads", "1");
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout).channel).toEqual(JSON.parse(b.stdout).channel);
  });

  it("run --uncertainty prints P10/P50/P90 and target probabilities; --out writes results.json", () => {
    const out = file("mc");
    const r = cli("run", file("q.json"), "--uncertainty", "4", "--threads", "1", "--out", out, "--no-charts", "--metric", "perAgent = tier.L1.answered / 7");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("4 input sets (Latin hypercube, seed 3) × 2 replications each");
    expect(r.stdout).toMatch(/Contacts service level\s+[\d.]+%\s+[\d.]+%\s+[\d.]+%/);
    expect(r.stdout).toContain("contacts service level >= 80%");
    expect(r.stdout).toContain("PerAgent (your metric)");
    expect(existsSync(join(out, "results.json"))).toBe(true);
  });

  it("sensitivity ranks the ranged inputs", () => {
    const r = cli("sensitivity", file("q.json"), "--metric", "channel.contacts.serviceLevel", "--threads", "1", "--json");
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout).sensitivity;
    expect(s.kpis[0].inputs.map((e: { key: string }) => e.key).sort()).toEqual(["tiers.L1.handleTime.meanMinutes", "variables.load"]);
  });

  it("sweep --vary varies a variable", () => {
    const r = cli("sweep", file("q.json"), "--vary", "variables.load=50,70", "--threads", "1", "--json");
    expect(r.status, r.stderr).toBe(0);
    // load 50 on ceil(50/10) + 1 = 6 agents (4.2 erlangs), load 70 on 8 (5.8 erlangs): occupancy 69% → 73%
    const occupancy = JSON.parse(r.stdout).points.map((p: { estimates: Record<string, { mean: number }> }) => p.estimates["tier.L1.occupancy"].mean);
    expect(occupancy[0]).toBeGreaterThan(0.55); // a little under 69%: some abandon
    expect(occupancy[0]).toBeLessThan(0.74);
    expect(occupancy[1]).toBeGreaterThan(occupancy[0]);
  });

  it.each([
    [["run", "bad-range.json"], "bad-range.json: variables.load.low: expected low <= high, got low 70 > high 50"],
    [["run", "bad-expr.json"], 'bad-expr.json: arrivals.ratePerHour: bad expression "=lod * 2": unknown variable "lod" at character 2; expected one of load'],
    [["run", "q.json", "--uncertainty", "1"], "--uncertainty: expected an integer >= 2 (input sets), got 1"],
    [["run", "q.json", "--uncertainty", "3", "--trace", "t.csv"], "--trace: not with --uncertainty"],
    [["run", "plain.json", "--uncertainty", "3"], "--uncertainty: the scenario has no ranged inputs to draw"],
    [["run", "q.json", "--metric", "x = cost.totl"], '--metric: bad formula "x = cost.totl": unknown KPI "cost.totl"'],
    [["sensitivity", "q.json", "--metric", "cost.totl"], '--metric: unknown KPI "cost.totl" (did you mean "cost.total"?)'],
  ])("%j: one line, exit 2, nothing written", (args, line) => {
    const out = file(`never-${args.join("-").replace(/[^a-z0-9]+/gi, "")}`);
    const r = cli(...args.map((a) => (a.endsWith(".json") ? file(a) : a)), "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`supportsim: `);
    expect(r.stderr).toContain(line);
    expect(existsSync(out)).toBe(false);
  });
});
