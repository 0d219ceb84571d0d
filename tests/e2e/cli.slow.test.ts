/**
 * End-to-end tests of the command line (bin/supportsim.js → dist/bundle): `run` with --json, the
 * table, --seed/--replications overrides, --trace and --intervals CSVs, determinism, the
 * bad-input contract (exit 2, one line on stderr, nothing on stdout, no output files left
 * behind), `erlang a|c|staff`, `schema` and `--help`.
 *
 * The package is built once in beforeAll (tsc → dist/, then bundled into dist/bundle/). Fixture
 * scenarios are written to a temporary folder; runs are small (50 h, 60 contacts/h, 3
 * replications) so each spawn costs little more than Node's start-up.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/scenario/simple/schema.js";
import { BIN, cli, ROOT, type CliResult } from "../helpers/cli.js";
import { withInputs } from "../../src/scenario/inputs/inputsJsonSchema.js";

let tmp = "";

/** The same as `cli`, asynchronously (independent runs are started together to save time). */
function cliAsync(...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Run and require success with nothing on stderr. */
function ok(...args: string[]): string {
  const r = cli(...args);
  expect(r.stderr, `stderr of ${args.join(" ")}`).toBe("");
  expect(r.status, `exit code of ${args.join(" ")}`).toBe(0);
  return r.stdout;
}

/** The bad-input contract: exit 2, exactly one line on stderr, no stack, nothing on stdout. */
function expectUsageFailure(r: CliResult, mustContain: string[]): void {
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^supportsim: [^\n]*\n$/);
  expect(r.stderr).not.toContain("    at ");
  expect(r.stderr).not.toContain("internal error");
  for (const s of mustContain) expect(r.stderr).toContain(s);
  expect(r.status).toBe(2);
}

const SMALL = {
  name: "small cli scenario",
  seed: 11,
  replications: 3,
  horizon: { hours: 50, warmupHours: 5 },
  serviceLevel: { thresholdSeconds: 20 },
  arrivals: { ratePerHour: 60 },
  tiers: [
    {
      name: "L1",
      agents: 2,
      handleTime: { dist: "exponential", meanMinutes: 1.5 },
      patience: { dist: "exponential", meanMinutes: 2 },
    },
  ],
};

function fixture(name: string, content: unknown): string {
  const f = join(tmp, name);
  writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return f;
}

function withChange(change: (s: any) => void): any {
  const s = structuredClone(SMALL) as any;
  change(s);
  return s;
}

let smallFile = "";

beforeAll(() => {
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: ROOT, stdio: "pipe" });
  } catch (e) {
    // other work in progress may not type-check; tsc still emits, so go on if dist/ is there
    if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) throw e;
    console.warn(`tsc reported errors; testing the existing dist/:\n${String((e as { stdout?: Buffer }).stdout ?? e)}`);
  }
  // the command line runs from the bundle of tsc's output (npm run build's second step)
  execFileSync(process.execPath, [join(ROOT, "bin", "bundleCli.mjs")], { cwd: ROOT, stdio: "pipe" });
  tmp = mkdtempSync(join(tmpdir(), "supportsim-cli-test-"));
  smallFile = fixture("small.json", SMALL);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The channel's KPIs (occupancy: the tier's) every run reports with an interval. */
const METRICS = ["offered", "answered", "abandoned", "abandonRate", "serviceLevel", "asaSeconds", "occupancy"] as const;

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  expect(text.endsWith("\n")).toBe(true);
  const lines = text.slice(0, -1).split("\n");
  return { header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}

/** An integer that a mean over `reps` replications times `reps` must be. */
function timesReps(mean: number, reps: number): number {
  const x = mean * reps;
  expect(Math.abs(x - Math.round(x))).toBeLessThan(1e-6);
  return Math.round(x);
}

describe("supportsim run", () => {
  let jsonOut = "";
  let result: any;
  let traceFile = "";
  let intervalsFile = "";

  beforeAll(() => {
    jsonOut = ok("run", smallFile, "--json");
    result = JSON.parse(jsonOut);
    const out = join(tmp, "outputs");
    traceFile = join(out, "trace.csv");
    intervalsFile = join(out, "intervals.csv");
  });

  it("--json prints one JSON object: the full form's KPIs of the simple scenario's queue, each {mean, ci95:[low, high]}, and the exact answer beside them", () => {
    expect(jsonOut.trimEnd().split("\n")[0]).toBe("{");
    expect(jsonOut.endsWith("}\n")).toBe(true);
    expect(result.scenario).toBe("small cli scenario");
    expect(result.seed).toBe(11);
    expect(result.replications).toBe(3);
    expect(result.horizonHours).toBe(50);
    expect(result.warmupHours).toBe(5);
    // the simple form runs as the full-form scenario it stands for: one channel "contacts", its tier
    expect(result.channels).toEqual([{ name: "contacts", kind: "realtime" }]);
    expect(result.tiers).toEqual(["L1"]);
    const c = result.channel.contacts;
    for (const m of METRICS) {
      const e = m === "occupancy" ? result.tier.L1.occupancy : c[m];
      expect(typeof e.mean, m).toBe("number");
      expect(e.ci95, m).toHaveLength(2);
      const [lo, hi] = e.ci95;
      expect(lo, m).toBeLessThanOrEqual(e.mean);
      expect(hi, m).toBeGreaterThanOrEqual(e.mean);
      expect(hi, m).toBeGreaterThan(lo); // 3 replications of a random model: the spread is not 0
    }
    // 45 h observed at 60/h: offered ≈ 2700 (Poisson sd ≈ 52 per replication)
    expect(c.offered.mean).toBeGreaterThan(2400);
    expect(c.offered.mean).toBeLessThan(3000);
    expect(c.answered.mean + c.abandoned.mean).toBeCloseTo(c.offered.mean, 9);
    expect(result.funnel.needs.mean).toBe(c.offered.mean);
    expect(c.abandonRate.mean).toBeGreaterThan(0);
    expect(c.abandonRate.mean).toBeLessThan(1);
    expect(result.tier.L1.occupancy.mean).toBeGreaterThan(0.3);
    expect(result.tier.L1.occupancy.mean).toBeLessThan(1);
    // exponential times and patience, a constant rate: Erlang A beside the simulated queue
    expect(result.analytic.model).toBe("erlang-a");
    expect(result.analytic.rows.map((r: { metric: string }) => r.metric)).toEqual(["probWait", "serviceLevel", "asaSeconds", "meanWaitSeconds", "abandonRate", "occupancy", "meanQueueLength"]);
    const sl = result.analytic.rows[1];
    expect(sl.simulated.mean).toBe(c.serviceLevel.mean);
  });

  it("same seed ⇒ byte-identical stdout; --trace/--intervals do not change the results; --seed equal to the file's changes nothing", () => {
    const again = ok("run", smallFile, "--json", "--trace", traceFile, "--intervals", intervalsFile);
    expect(again).toBe(jsonOut);
    expect(ok("run", smallFile, "--json", "--seed", "11")).toBe(jsonOut);
  });

  it("--trace writes one CSV row per counted contact's tier visit, consistent with the JSON counts", () => {
    expect(existsSync(traceFile)).toBe(true);
    const { header, rows } = parseCsv(readFileSync(traceFile, "utf8"));
    expect(header.join(",")).toBe("replication,arrival_min,tier,work,class,wait_s,outcome,pool,agent,leave_min");
    const reps = result.replications;
    const perRep = new Array(reps).fill(0);
    let resolved = 0;
    let abandoned = 0;
    for (const r of rows) {
      expect(r).toHaveLength(10);
      const [rep, arrival, tier, work, , waitS, outcome, pool, agent, leave] = r;
      perRep[Number(rep)]++;
      if (tier !== "L1" || work !== "contact/contacts") throw new Error(`tier ${tier}, work ${work}`);
      const a = Number(arrival), w = Number(waitS) / 60, d = Number(leave);
      // counted contacts arrived in the observation window [5 h, 50 h) = [300, 3000) minutes
      if (!(a >= 300 && a <= 3000)) throw new Error(`arrival ${a} outside the window`);
      if (!(w >= 0)) throw new Error(`wait ${waitS}`);
      if (outcome === "resolved") {
        resolved++;
        if (pool !== "L1" || !(agent === "0" || agent === "1")) throw new Error(`pool ${pool}, agent ${agent}`);
        if (!(d >= a + w - 2e-5)) throw new Error(`resolved row inconsistent: ${r.join(",")}`);
      } else if (outcome === "abandoned") {
        abandoned++;
        if (agent !== "" || pool !== "") throw new Error(`abandoned row with pool/agent: ${r.join(",")}`);
        if (Math.abs(a + w - d) > 2e-5) throw new Error(`abandoned row inconsistent: ${r.join(",")}`);
      } else {
        throw new Error(`outcome ${outcome}`);
      }
    }
    const c = result.channel.contacts;
    expect(rows.length).toBe(timesReps(c.offered.mean, reps));
    expect(resolved).toBe(timesReps(c.answered.mean, reps));
    expect(abandoned).toBe(timesReps(c.abandoned.mean, reps));
    for (const n of perRep) expect(n).toBeGreaterThan(2000);

    // replication k depends only on (seed, k): two replications are the first two of three
    const two = JSON.parse(ok("run", smallFile, "--json", "--replications", "2"));
    expect(two.replications).toBe(2);
    expect(two.seed).toBe(11);
    expect(two.channel.contacts.offered.mean).toBe((perRep[0] + perRep[1]) / 2);
  });

  it("--intervals writes a CSV of per-interval KPIs that add up to the totals", () => {
    expect(existsSync(intervalsFile)).toBe(true);
    const { header, rows } = parseCsv(readFileSync(intervalsFile, "utf8"));
    expect(header.slice(0, 6)).toEqual(["interval", "start", "series", "offered", "offered_ci_low", "offered_ci_high"]);
    for (const m of ["serviceLevel", "meanWaitSeconds", "abandonRate", "needs", "occupancy", "agents"]) expect(header).toContain(m);
    // 30-minute intervals from the end of warm-up (interval 10) to the horizon (interval 99): the channel, the tier and the needs
    expect(rows).toHaveLength(90 * 3);
    const col = (name: string) => header.indexOf(name);
    const ch = rows.filter((r) => r[col("series")] === "contacts");
    expect(ch.map((r) => Number(r[col("interval")]))).toEqual(Array.from({ length: 90 }, (_, i) => 10 + i));
    // hour 0 is Monday 2027-01-04 00:00 UTC
    expect(ch[0][col("start")]).toBe("2027-01-04T05:00:00Z");
    const sumOffered = ch.reduce((s, r) => s + Number(r[col("offered")]), 0);
    expect(sumOffered).toBeCloseTo(result.channel.contacts.offered.mean, 6);
    const needs = rows.filter((r) => r[col("series")] === "needs").reduce((s, r) => s + Number(r[col("needs")]), 0);
    expect(needs).toBeCloseTo(result.funnel.needs.mean, 6);
    for (const r of rows.filter((x) => x[col("series")] === "L1")) expect(Number(r[col("agents")])).toBe(2);
    // no leftover temporary files beside the outputs
    expect(readdirSync(join(tmp, "outputs")).sort()).toEqual(["intervals.csv", "trace.csv"]);
  });

  it("--seed and --replications override the file", () => {
    const other = JSON.parse(ok("run", smallFile, "--json", "--seed", "12", "--replications", "4"));
    expect(other.seed).toBe(12);
    expect(other.replications).toBe(4);
    expect(other.channel.contacts.offered.mean).not.toBe(result.channel.contacts.offered.mean);
  });

  it("without --json prints the queue beside Erlang A, then the channel, tier and pool tables", () => {
    const table = ok("run", smallFile);
    expect(table.startsWith("small cli scenario\n")).toBe(true);
    expect(table).toContain("3 replications · seed 11 · 50 h horizon (warm-up 5 h)");
    for (const label of ["Erlang A", "Had to wait", "Service level", "ASA (answered)", "Mean wait (all)", "Abandon rate", "Occupancy", "Mean queue length", "Real-time channels", "Offered", "Answered", "Tiers", "Pools"]) {
      expect(table).toContain(label);
    }
    // no customers and no costs: no funnel, segments, retention or cost table
    for (const absent of ["Demand funnel", "Segments", "Experience and retention", "Costs (after the warm-up)"]) expect(table).not.toContain(absent);
    const offeredRow = table.split("\n").find((l) => l.startsWith("Offered"))!;
    expect(offeredRow).toContain(Math.round(result.channel.contacts.offered.mean).toLocaleString("en-US"));
    expect(table).toMatch(/Abandon rate\s+\d+\.\d\d%/);
  });
});

describe("supportsim run: bad input", () => {
  const cases: [string, () => string[], string[]][] = [
    ["not-JSON file", () => [fixture("notjson.json", '{\n  "name": "x",\n  "horizon": { "hours": 5, }\n}\n')], ["notjson.json", "not valid JSON at line 3"]],
    ["negative rate", () => [fixture("negrate.json", withChange((s) => (s.arrivals.ratePerHour = -60)))], ["negrate.json", "arrivals.ratePerHour", "got -60"]],
    ["misspelled field", () => [fixture("typo.json", withChange((s) => (s.replicatons = 3)))], ["replicatons", 'did you mean "replications"']],
    ["unknown distribution", () => [fixture("dist.json", withChange((s) => (s.tiers[0].handleTime.dist = "expo")))], ["tiers[0].handleTime.dist", "exponential"]],
    ["missing file", () => [join(tmp, "no-such-scenario.json")], ["no-such-scenario.json", "no such file"]],
    ["top-level array", () => [fixture("array.json", "[]")], ["array.json", "expected a JSON object"]],
    ["--replications 0", () => [smallFile, "--replications", "0"], ["--replications"]],
    ["--seed -1", () => [smallFile, "--seed", "-1"], ["--seed"]],
    ["unknown flag", () => [smallFile, "--bogus-flag"], ["bogus-flag"]],
    ["not-JSON file (misspelled literal)", () => [fixture("tru.json", '{\n  "name": "x",\n  "seed": tru\n}\n')], ["tru.json", "not valid JSON at line 3"]],
  ];
  const results: CliResult[] = [];
  beforeAll(async () => {
    const runs = cases.map(([, args], i) => {
      const out = join(tmp, `bad-${i}`);
      mkdirSync(out);
      return cliAsync("run", ...args(), "--json", "--trace", join(out, "trace.csv"), "--intervals", join(out, "intervals.csv"));
    });
    results.push(...(await Promise.all(runs)));
  });
  cases.forEach(([label, , mustContain], i) => {
    it(`${label}: exit 2, one line naming the problem, no output files`, () => {
      expectUsageFailure(results[i], mustContain);
      expect(readdirSync(join(tmp, `bad-${i}`))).toEqual([]); // no trace, no intervals, no .tmp
    });
  });

  it("an unwritable --intervals path (a directory) is reported as one line, exit 2, and leaves no trace file", () => {
    const out = join(tmp, "bad-intervals");
    mkdirSync(join(out, "intervals.csv"), { recursive: true });
    const r = cli("run", smallFile, "--json", "--trace", join(out, "trace.csv"), "--intervals", join(out, "intervals.csv"));
    // the trace is aborted whatever happens
    expect(readdirSync(out)).toEqual(["intervals.csv"]);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expectUsageFailure(r, ["intervals.csv"]);
  });
});

describe("supportsim erlang", () => {
  it("erlang a --json gives the Erlang A metrics", () => {
    const m = JSON.parse(ok("erlang", "a", "--rate-per-hour", "540", "--aht-minutes", "5", "--agents", "50", "--patience-minutes", "2", "--json"));
    expect(m.model).toBe("erlang-a");
    expect(m.agents).toBe(50);
    const sig4 = (x: number) => Number(x.toPrecision(4));
    // reference values (4 significant digits)
    expect(sig4(m.probWait)).toBe(sig4(0.20013));
    expect(sig4(m.abandonRate)).toBe(sig4(0.028599));
    expect(sig4(m.serviceLevel)).toBe(sig4(0.912));
    expect(sig4(m.asaSeconds)).toBe(sig4(3.097));
    expect(sig4(m.occupancy)).toBe(sig4(0.87426));
  });

  it("erlang staff finds 51 agents for 80% in 20 s at 540/h, AHT 5 min", () => {
    const out = ok("erlang", "staff", "--target-sl", "0.8", "--threshold-seconds", "20", "--rate-per-hour", "540", "--aht-minutes", "5");
    expect(out).toMatch(/^Agents needed: 51\b/);
  });

  it("erlang x gives blocking, abandonment and the redial fixed point; --lines below --agents is a usage error", () => {
    const x = JSON.parse(ok("erlang", "x", "--rate-per-hour", "540", "--aht-minutes", "5", "--agents", "50", "--lines", "60", "--patience-minutes", "2", "--redial-blocked", "0.8", "--redial-abandoned", "0.3", "--json"));
    expect(x.model).toBe("erlang-x");
    expect(x.blocking).toBeGreaterThan(0);
    expect(x.attemptsPerCaller).toBeGreaterThan(1);
    expect(x.freshServedProb).toBeLessThan(1);
    const r = cli("erlang", "x", "--rate-per-hour", "540", "--aht-minutes", "5", "--agents", "50", "--lines", "40");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("erlang c without --agents exits 2 with a one-line message", () => {
    expectUsageFailure(cli("erlang", "c", "--rate-per-hour", "540", "--aht-minutes", "5"), ["--agents", "missing"]);
  });
});

describe("schema and help", () => {
  it("schema prints the JSON Schema of every form (what-if, full, simple); --form picks one", () => {
    const any = JSON.parse(ok("schema"));
    expect(any.anyOf).toHaveLength(3);
    const whatIf = JSON.parse(ok("schema", "--form", "what-if"));
    expect(whatIf.required).toEqual(["extends"]);
    // each form alone carries the definitions of ranges and expressions; the any-form schema holds them once, at its root
    const { $defs, ...whatIfBody } = whatIf;
    expect(any.anyOf[0]).toEqual(whatIfBody);
    expect(any.$defs).toEqual($defs);
    const simple = JSON.parse(ok("schema", "--form", "simple"));
    expect(simple.properties.tiers.type).toBe("array");
    expect(simple).toEqual(withInputs(scenarioJsonSchema()));
    expect(simple.properties.variables).toBeDefined();
    const full = JSON.parse(ok("schema", "--form", "full"));
    expect(full.required).toContain("channels");
    expect(full.properties.customers).toBeDefined();
  });

  for (const [cmd, usage] of [
    ["run", "supportsim run [file]"],
    ["erlang", "supportsim erlang <model>"],
    ["schema", "supportsim schema"],
  ] as const) {
    it(`${cmd} --help prints usage and exits 0`, () => {
      const out = ok(cmd, "--help");
      expect(out).toContain(usage);
      expect(out).toContain("--help");
    });
  }
});

describe("supportsim run on the full (support-demand) form", () => {
  const BASELINE = JSON.parse(readFileSync(join(ROOT, "scenarios", "baseline.json"), "utf8"));
  const small = () => {
    const s = structuredClone(BASELINE);
    s.horizon = { days: 8, warmupDays: 1, intervalMinutes: 60 };
    s.customers.count = 3000;
    return s;
  };
  const change = (f: (s: any) => void) => { const s = small(); f(s); return s; };

  it("with no file runs the default scenario (baseline.json) and prints the demand funnel", () => {
    const out = ok("run", "--replications", "2");
    expect(out).toMatch(/^baseline\n/);
    expect(out).toContain("Demand funnel");
    expect(out).toContain("Real-time channels");
    expect(out).toContain("Deferred channels");
    expect(out).toMatch(/L3/);
  });

  it("--json nests the estimates; --intervals and --trace write CSVs; the same seed gives the same bytes", () => {
    const file = fixture("full-small.json", small());
    const intervals = join(tmp, "full-intervals.csv"), trace = join(tmp, "full-trace.csv");
    const json = ok("run", file, "--json", "--replications", "2", "--intervals", intervals, "--trace", trace);
    const r = JSON.parse(json);
    expect(r.form).toBe("support");
    expect(r.funnel.needs.mean).toBeGreaterThan(0);
    expect(r.channel.phone.serviceLevel.mean).toBeGreaterThan(0);
    expect(r.tier.L2.offered.mean).toBeGreaterThan(0);
    expect(r.segment.smb.needs.mean).toBeGreaterThan(r.segment.enterprise.needs.mean);
    const csv = readFileSync(intervals, "utf8").split("\n");
    expect(csv[0]).toMatch(/^interval,start,series,offered,offered_ci_low/);
    expect(csv[1]).toMatch(/^24,2027-01-05T00:00:00-06:00,phone,/);
    const tr = readFileSync(trace, "utf8").split("\n");
    expect(tr[0]).toBe("replication,arrival_min,tier,work,class,wait_s,outcome,pool,agent,leave_min");
    expect(tr.length).toBeGreaterThan(100);
    expect(ok("run", file, "--json", "--replications", "2")).toBe(json);
  });

  it("calibration compares the simulated volumes with a history file", () => {
    const s = small();
    s.horizon = { days: 15, warmupDays: 1, intervalMinutes: 30 };
    s.calibration = { history: { file: join(ROOT, "scenarios", "data", "sample-history.csv") } };
    const r = JSON.parse(ok("run", fixture("full-cal.json", s), "--json", "--replications", "2"));
    const phone = r.calibration.channels.phone;
    // the sample history is a bigger desk (about 4,700 phone contacts a week) than 3,000 customers make
    expect(phone.observedPerWeek).toBeGreaterThan(4000);
    expect(phone.relativeError).toBeLessThan(-0.5);
    // the simulated weekly volume is the run's own phone volume per week (two full weeks observed)
    expect(phone.simulatedPerWeek / (r.channel.phone.offered.mean / 2)).toBeGreaterThan(0.9);
    expect(phone.simulatedPerWeek / (r.channel.phone.offered.mean / 2)).toBeLessThan(1.1);
    const table = ok("run", fixture("full-cal.json", s), "--replications", "2");
    expect(table).toContain("Calibration against");
  });

  it("prints costs and retention, and warns on stderr (without stopping) about a pool with no cost and an uncovered lunch hour", () => {
    const s = change((x) => {
      delete x.pools[3].cost;
      delete x.pools[0].agents; delete x.pools[0].hours;
      x.pools[0].shifts = [
        { name: "morning", days: "Mon-Fri", start: "08:00", lengthHours: 4, agents: 8 },
        { name: "afternoon", days: "Mon-Fri", start: "13:00", lengthHours: 5, agents: 8 },
      ];
    });
    const r = cli("run", fixture("full-warn.json", s), "--replications", "2");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Costs (after the warm-up)");
    expect(r.stdout).toContain("Experience and retention");
    expect(r.stdout).toContain("Cost per resolved need");
    expect(r.stderr).toMatch(/^warning: pools\[3\]/m);
    expect(r.stderr).toMatch(/^warning: .*phone.*12:00–13:00/m);
    for (const line of r.stderr.trim().split("\n")) expect(line).toMatch(/^warning: /);
  });

  it("--out writes results.json, intervals.csv, scenario.resolved.json, the charts and report.html; the resolved scenario runs to the same results", () => {
    fixture("out-base.json", small()); // the base the what-if extends
    const whatIf = fixture("out-whatif.json", { extends: "out-base.json", name: "more-l2", pools: { L2: { agents: 12 } } });
    const dir = join(tmp, "out-run");
    const table = ok("run", whatIf, "--replications", "2", "--out", dir);
    expect(table).toMatch(/^more-l2\n/);
    expect(readdirSync(dir).filter((n) => n !== ".supportsim-files").sort()).toEqual(["charts", "intervals.csv", "report.html", "results.json", "scenario.resolved.json"]);
    const charts = readdirSync(join(dir, "charts"));
    for (const name of ["intraday-phone", "volumes", "funnel", "costs", "unit-costs", "retention"]) {
      for (const ext of [".vl.json", ".svg", ".png"]) expect(charts).toContain(name + ext);
    }
    const resolved = JSON.parse(readFileSync(join(dir, "scenario.resolved.json"), "utf8"));
    expect(resolved.extends).toBeUndefined();
    expect(resolved.pools.find((p: { name: string }) => p.name === "L2").agents).toBe(12);
    expect(resolved.customers.count).toBe(3000);
    const again = join(tmp, "out-again");
    ok("run", join(dir, "scenario.resolved.json"), "--replications", "2", "--out", again, "--no-charts");
    expect(readdirSync(again).filter((n) => n !== ".supportsim-files").sort()).toEqual(["intervals.csv", "results.json", "scenario.resolved.json"]);
    expect(readFileSync(join(again, "results.json"), "utf8")).toBe(readFileSync(join(dir, "results.json"), "utf8"));
    expect(readFileSync(join(dir, "intervals.csv"), "utf8").split("\n")[0]).toMatch(/^interval,start,series,offered/);
  });

  it("the budget reader's numbers: cost per contact per tier and channel, resolution rates, revenue at risk with protected and net — in the table, --json, results.json, the unit-costs chart and compare", () => {
    const file = fixture("budget.json", small());
    const table = ok("run", file, "--replications", "2", "--wide"); // whole rows (off a terminal the labels wrap at 100 columns)
    for (const row of ["End-to-end resolution (resolved, of askers)", "Resolved at any tier", "Cost per contact, end to end (USD)", "of which at the entry tier (USD)",
      "Cost per contact handled (USD)", "Cost: its pools and contact charges (USD)", "of no tier or channel (self-service, programmes)",
      "Revenue at risk next year", "Revenue protected next year", "Net revenue at risk next year: at risk − protected (USD)"]) expect(table).toContain(row);
    const r = JSON.parse(ok("run", file, "--json", "--replications", "2"));
    for (const t of ["L1", "L2", "L3"]) {
      expect(r.tier[t].costPerContact.mean).toBeGreaterThan(0);
      expect(r.tier[t].costPerContact.ci95).toHaveLength(2);
      expect(r.tier[t].resolutionRate.mean).toBeLessThanOrEqual(1);
    }
    for (const c of ["phone", "chat", "email"]) {
      expect(r.channel[c].costPerContact.mean).toBeGreaterThan(r.channel[c].entryCostPerContact.mean);
      expect(r.channel[c].resolutionRate.ci95).toHaveLength(2);
    }
    expect(r.funnel.resolutionRate.mean).toBeGreaterThan(0.5);
    const ret = r.retention;
    expect(ret.netRevenueAtRisk.mean).toBeCloseTo(ret.revenueAtRisk.mean - ret.revenueProtected.mean, 6);
    expect(ret.netRevenueAtRisk.ci95).toHaveLength(2);
    // the chart draws the tiers and channels
    const dir = join(tmp, "budget-out");
    ok("run", file, "--replications", "2", "--out", dir);
    expect(JSON.parse(readFileSync(join(dir, "results.json"), "utf8")).tier.L2.costPerContact.mean).toBe(r.tier.L2.costPerContact.mean);
    const spec = readFileSync(join(dir, "charts", "unit-costs.vl.json"), "utf8");
    for (const x of ["Per contact handled, by tier", "Per contact, by channel, end to end", "\"element\": \"L3\"", "\"element\": \"email\""]) expect(spec).toContain(x);
    // and compare shows them, with paired differences
    const more = fixture("budget-more.json", { extends: "budget.json", name: "more-l2", pools: { L2: { agents: 12 } } });
    const cmp = JSON.parse(ok("compare", file, more, "--replications", "2", "--json"));
    for (const k of ["tier.L1.costPerContact", "channel.phone.costPerContact", "tier.L2.resolutionRate", "funnel.resolutionRate", "retention.revenueProtected", "retention.netRevenueAtRisk"]) {
      expect(cmp.metrics[k]?.differences?.[0]?.against, k).toBe("baseline");
    }
  });

  it("--threads changes nothing in the output; a bad --threads is a usage error", () => {
    const file = fixture("threads.json", small());
    expect(ok("run", file, "--json", "--replications", "3", "--threads", "2")).toBe(ok("run", file, "--json", "--replications", "3", "--threads", "1"));
    const r = cli("run", file, "--threads", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--threads: expected an integer >= 1, got 0");
  });

  it("compare runs two scenarios with the same seeds and prints paired differences; --out writes results.json and comparison.csv", () => {
    fixture("cmp-base.json", change((s) => { s.pools[0].agents = 2; }));
    const more = fixture("cmp-more.json", { extends: "cmp-base.json", name: "more-l1", pools: { "L1 phone and e-mail": { agents: 4 } } });
    const dir = join(tmp, "cmp-out");
    const table = ok("compare", join(tmp, "cmp-base.json"), more, "--replications", "3", "--out", dir, "--no-charts");
    expect(table).toContain("more-l1");
    expect(table).toMatch(/baseline/);
    expect(readdirSync(dir).filter((n) => n !== ".supportsim-files").sort()).toEqual(["comparison.csv", "results.json"]);
    const json = JSON.parse(ok("compare", join(tmp, "cmp-base.json"), more, "--replications", "3", "--json"));
    expect(json.scenarios).toEqual(["baseline", "more-l1"]);
    const sl = json.metrics["channel.phone.serviceLevel"];
    expect(sl.differences[0].against).toBe("baseline");
    expect(sl.differences[0].mean).toBeGreaterThan(0);
    const r = cli("compare", more);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("init writes a starter scenario, a what-if extending it and a README; both validate and run; no overwriting without --force", () => {
    const dir = join(tmp, "init");
    const out = ok("init", dir);
    expect(out.trim().split("\n")).toEqual(["scenario.json", "what-if.json", "README.md"].map((f) => `wrote ${join(dir, f)}`));
    expect(ok("validate", join(dir, "scenario.json"), join(dir, "what-if.json"))).toContain("what-if.json: valid");
    const s = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8"));
    expect(s.name).toBe("my-support");
    expect(existsSync(join(dir, s.$schema))).toBe(true); // the schema path works from the new folder
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain("extends");
    const again = cli("init", dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("already exist");
    expect(cli("init", dir, "--force").status).toBe(0);
  });

  it("sweep runs a grid and writes sweep.csv; two shards merged give the same bytes; a typo in a path is one line, exit 2", () => {
    const file = fixture("sweep-base.json", change((s) => { s.pools[2].agents = 2; }));
    const whole = join(tmp, "sweep-whole"), shards = join(tmp, "sweep-shards"), merged = join(tmp, "sweep-merged");
    ok("sweep", file, "--vary", "pools.L2.agents=2..3:1", "--replications", "2", "--out", whole);
    ok("sweep", file, "--vary", "pools.L2.agents=2..3:1", "--replications", "2", "--shard", "1/2", "--out", shards);
    ok("sweep", file, "--vary", "pools.L2.agents=2..3:1", "--replications", "2", "--shard", "2/2", "--out", shards);
    ok("merge", shards, "--out", merged);
    for (const f of ["sweep.csv", "sweep.json"]) expect(readFileSync(join(merged, f), "utf8")).toBe(readFileSync(join(whole, f), "utf8"));
    expect(readFileSync(join(whole, "sweep.csv"), "utf8").trim().split("\n")).toHaveLength(3);
    const bad = cli("sweep", file, "--vary", "pools.L9.agents=1,2");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('did you mean "L2"?');
  });

  it("validate checks every file and lists each problem with its path; exit 2 when one is invalid", () => {
    const good = fixture("val-good.json", small());
    const bad = fixture("val-bad.json", change((s) => { s.pools[1].shrinkage = 1.2; s.kcs = { start: "2027-01-05", rampMonths: -2 }; }));
    const r = cli("validate", good, bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`${good}: valid (full form`);
    expect(r.stderr).toContain(`supportsim: ${bad}: pools[1].shrinkage: expected a share of scheduled time >= 0 and < 1, got 1.2`);
    expect(r.stderr).toContain(`${bad}: kcs.rampMonths: expected a number >= 0 (months), got -2`);
    expect(cli("validate", good).status).toBe(0);
  });

  const cases: [string, () => unknown, string[]][] = [
    ["a pool names an unknown tier", () => change((s) => (s.pools[2].tier = "L4")), ["pools[2].tier", "L4", 'did you mean']],
    ["segment shares do not sum to 1", () => change((s) => (s.customers.segments[0].share = 0.1)), ["customers.segments", "sum"]],
    ["a routing loop", () => change((s) => (s.tiers[2].next = "L1")), ["routing loop", "L1 → L2 → L3 → L1"]],
    ["a release date outside the horizon", () => change((s) => (s.quality = { releases: [{ name: "v9", date: "2027-03-01", spike: 1, halfLifeDays: 7 }] })), ["quality.releases[0].date"]],
    ["a negative rate", () => change((s) => (s.needTypes[0].perCustomerPerMonth = -1)), ["needTypes[0].perCustomerPerMonth", "got -1"]],
    ["channel weights do not sum to 1", () => change((s) => (s.needTypes[1].channels.phone = 0.9)), ["needTypes[1].channels", "sum"]],
    ["a calibration file that does not exist", () => change((s) => (s.calibration = { history: { file: "no-such-history.csv" } })), ["calibration.history.file"]],
    ["a shift longer than a day", () => change((s) => { delete s.pools[0].agents; delete s.pools[0].hours; s.pools[0].shifts = [{ name: "long", days: "Mon-Fri", start: "08:00", lengthHours: 25, agents: 3 }]; }), ["pools[0].shifts[0].lengthHours"]],
    ["a vendor share above 1", () => change((s) => { delete s.pools[0].cost; s.pools[0].vendor = { costPerHour: 18, routing: "share", share: 1.5 }; }), ["pools[0].vendor.share", "got 1.5"]],
    ["an unknown pool time zone", () => change((s) => (s.pools[1].timeZone = "Asia/Manilla")), ["pools[1].timeZone", "Asia/Manila"]],
    ["an unknown tier in a KCS program", () => change((s) => (s.kcs = { start: "2027-01-05", rampMonths: 3, resolveGain: { L9: 0.3 } })), ["kcs.resolveGain", "L9"]],
  ];
  cases.forEach(([label, content, mustContain], i) => {
    it(`${label}: exit 2 naming the field, no output files`, () => {
      const out = join(tmp, `full-bad-${i}`);
      mkdirSync(out);
      const r = cli("run", fixture(`full-bad-${i}.json`, content()), "--json", "--trace", join(out, "trace.csv"), "--intervals", join(out, "intervals.csv"));
      expect(r.stdout).toBe("");
      expect(r.status).toBe(2);
      expect(r.stderr).not.toContain("    at ");
      for (const s of mustContain) expect(r.stderr).toContain(s);
      expect(readdirSync(out)).toEqual([]);
    });
  });
});
