/**
 * Issue 18 point 7, finding by finding, through the command line as the mutation run met them:
 * each case is one line `supportsim: FILE: FIELD: …` (or `supportsim: --FLAG: …`), exit 2, before
 * anything is simulated and with nothing written — never exit 1, a stack, a hang or an abort.
 * The scenario files are all given to one `validate` (it checks every file and reports each
 * problem once, with its file: one process for twenty cases); `run` is tried on those whose
 * failure used to come only when running, and on the flags and output paths.
 *
 * The table of findings and their tests is in the report of the audit (branch s18audit); the
 * cases checked in-process are in tests/unit/security/, tests/unit/scenario/desugar.test.ts,
 * tests/unit/report/resultsFile.test.ts and tests/unit/cli/sweep.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, cli, cliWithin, ROOT, type CliResult } from "../helpers/cli.js";
import { smallBaseline } from "../helpers/smallBaseline.js";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const tmp = mkdtempSync(join(tmpdir(), "supportsim-findings-"));
const scenario = (name: string) => join(ROOT, "scenarios", name);
const write = (name: string, json: unknown): string => {
  const p = join(tmp, name);
  writeFileSync(p, typeof json === "string" ? json : JSON.stringify(json));
  return p;
};
/** The small baseline (1 replication, 8 days), changed. */
const full = (change: (s: Json) => void): Json => {
  const s = smallBaseline(1);
  delete s.$schema;
  change(s);
  return s;
};
/** The shipped single queue (simple form), changed. */
const simple = (change: (s: Json) => void): Json => {
  const s = JSON.parse(readFileSync(scenario("mmc-abandon.json"), "utf8"));
  delete s.$schema;
  change(s);
  return s;
};
/** The shipped forecast-driven scenario with the history file of its first arrival stream set to `file` (every path absolute). */
const forecastFrom = (file: string): Json => {
  const s = JSON.parse(readFileSync(scenario("forecast-driven.json"), "utf8"));
  delete s.$schema;
  s.extends = scenario("baseline.json");
  for (const a of s.arrivals) if (a.history) a.history.file = scenario(a.history.file);
  if (s.calibration?.history) s.calibration.history.file = scenario(s.calibration.history.file);
  s.arrivals[0].history.file = file;
  return s;
};

const fifo = join(tmp, "fifo");
const deep = "[".repeat(20_000) + "1" + "]".repeat(20_000);

/** [case, file name, content, what its one line must say after `supportsim: FILE: `]. */
const CASES: [string, string, () => unknown, RegExp][] = [
  ["a 20,000-deep value in a what-if (stack overflow in the merge patch)", "deep.json", () => `{"extends": ${JSON.stringify(scenario("baseline.json"))}, "horizon": {"days": ${deep}}}`, /^horizon\.days(\[0\])+: .*nested more than \d+ levels deep/],
  ["1e308 in a rate (Array buffer allocation failed, cannot schedule at NaN)", "rate.json", () => simple((s) => (s.arrivals.ratePerHour = 1e308)), /^arrivals\.ratePerHour: expected a number of contacts per hour, at most 1,000,000, got 1e\+308$/],
  ["1e308 in a coefficient of variation", "cv.json", () => full((s) => (s.tiers[0].handleTime = { dist: "lognormal", meanMinutes: 5, cv: 1e308 })), /^tiers\[0\]\.handleTime\.cv: expected a coefficient of variation, at most 10, got 1e\+308$/],
  ["a horizon of 2^53 hours (invalid typed array length)", "hours.json", () => full((s) => (s.horizon = { hours: 2 ** 53 })), /^horizon\.hours: expected a number of hours, at most 87840 \(10 years\), got 9007199254740992$/],
  ["a horizon given as a huge integer (Invalid time value)", "huge-int.json", () => `{"extends": ${JSON.stringify(scenario("baseline.json"))}, "horizon": {"days": 123456789012345678901234567890}}`, /^horizon\.days: expected a number of days, at most 3660 \(10 years\), got 1\.2345678901234568e\+29$/],
  ["salesPerMonth 1e9 (ran on unbounded)", "sales.json", () => full((s) => (s.customers.salesPerMonth = 1e9)), /^customers\.salesPerMonth: expected new customers per month, at most 1,000,000, got 1000000000$/],
  ["a run too big as a whole: what to shrink", "too-big.json", () => full((s) => { s.horizon = { days: 3000 }; s.customers.salesPerMonth = 900_000; }), /^customers: the run would hold about .* customers .*: lower customers\.count or customers\.salesPerMonth, or shorten the horizon$/],
  ["extends naming /dev/zero (std::bad_alloc, exit 134)", "extends-zero.json", () => ({ extends: "/dev/zero" }), /^extends: "\/dev\/zero": is not a regular file/],
  ["extends naming a named pipe (hang)", "extends-fifo.json", () => ({ extends: fifo }), /^extends: ".*fifo": is not a regular file/],
  ["extends naming a folder", "extends-dir.json", () => ({ extends: tmp }), /^extends: ".*": is a directory, expected a scenario file$/],
  ["a calibration history naming /dev/zero", "history-zero.json", () => full((s) => (s.calibration = { history: { file: "/dev/zero" } })), /^calibration\.history\.file: \/dev\/zero: cannot read: is not a regular file/],
  ["a calibration history naming a named pipe", "history-fifo.json", () => full((s) => (s.calibration = { history: { file: fifo } })), /^calibration\.history\.file: .*fifo: cannot read: is not a regular file/],
  ["an arrival stream's history naming /dev/zero", "arrivals-zero.json", () => forecastFrom("/dev/zero"), /^arrivals\[0\]\.history\.file: .*is not a regular file/],
  ["an arrival stream's history naming a folder", "arrivals-dir.json", () => forecastFrom(tmp), /^arrivals\[0\]\.history\.file: .*directory/],
  ["an interval length that does not divide a day (passed validate, then exit 1)", "interval.json", () => full((s) => (s.horizon.intervalMinutes = 7)), /^horizon\.intervalMinutes: expected a whole number of minutes that divides 1440 \(e\.g\. 15, 30, 60\), got 7$/],
  ["the same in the simple form", "interval-simple.json", () => simple((s) => (s.horizon = { hours: 20, intervalMinutes: 7 })), /^horizon\.intervalMinutes: expected a whole number of minutes that divides 1440/],
  ["pool agents 1e9", "agents.json", () => full((s) => (s.pools[2].agents = 1e9)), /^pools\[2\]\.agents: expected a whole number of agents, at most 10000, got 1000000000$/],
  ["horizon.days 1e6", "days.json", () => full((s) => (s.horizon.days = 1e6)), /^horizon\.days: expected a number of days, at most 3660 \(10 years\), got 1000000$/],
  ["perCustomerPerMonth 1e15", "needs.json", () => full((s) => (s.needTypes[0].perCustomerPerMonth = 1e15)), /^needTypes\[0\]\.perCustomerPerMonth: expected needs per customer per month, at most 1000, got 1000000000000000$/],
  ["a release spike of 1e15", "spike.json", () => full((s) => (s.quality = { releases: [{ name: "v9", date: "2027-01-05T10:00", spike: 1e15, halfLifeDays: 7 }] })), /^quality\.releases\[0\]\.spike: expected times the baseline defect rate, at most 1000, got 1000000000000000$/],
  ["wagePerHour 1e308 (costs became null)", "wage.json", () => full((s) => (s.pools[2].cost.wagePerHour = 1e308)), /^pools\[2\]\.cost\.wagePerHour: expected a number of at most 10\^12 in size, got 1e\+308$/],
  ["replications 1e9 in the file", "replications.json", () => full((s) => (s.replications = 1e9)), /^replications: expected an integer, at most 100000, got 1000000000$/],
  ["a 1 MB value is not echoed back", "echo.json", () => full((s) => (s.pools[0].tier = "y".repeat(1_000_000))), /^pools\[0\]\.tier: unknown tier "y+… \(\d+ more characters\)/],
  ["a __proto__ key in a what-if (passed validate and changed the results)", "proto.json", () => `{"extends": ${JSON.stringify(scenario("baseline.json"))}, "__proto__": {"operatingModel": "call-center"}}`, /^__proto__: "__proto__" is not allowed as a name/],
];

let files: string[] = [];
let validated: CliResult;
beforeAll(() => {
  execFileSync("mkfifo", [fifo]);
  files = CASES.map(([, name, content]) => write(name, content()));
  files.push(write("bom.json", "\uFEFF" + JSON.stringify(full(() => {}))));
  validated = cliWithin(60_000, "validate", ...files);
});

describe("validate: one line per file naming the field, exit 2", () => {
  it("exits 2 with no stack, every line with the supportsim: prefix and under 600 characters", () => {
    expect(validated.status).toBe(2);
    expect(validated.stderr).not.toMatch(/internal error|\n\s+at |RangeError|TypeError/);
    for (const line of validated.stderr.trimEnd().split("\n")) {
      expect(line).toMatch(/^supportsim: /);
      expect(line.length).toBeLessThan(600);
    }
  });
  CASES.forEach(([label, name, , message], i) => {
    it(label, () => {
      const prefix = `supportsim: ${files[i]}: `;
      const lines = validated.stderr.split("\n").filter((l) => l.startsWith(prefix));
      expect(lines, name).toHaveLength(1);
      expect(lines[0].slice(prefix.length)).toMatch(message);
    });
  });
  it("a file starting with a UTF-8 byte-order mark is valid (it was \"not valid JSON\")", () => {
    expect(validated.stdout).toContain(`${files[files.length - 1]}: valid`);
  });
});

describe("run agrees with validate, and refuses bad flags and output paths before simulating", () => {
  /** `run ARGS` with --trace, --intervals and --out in a fresh folder: exit 2, one line matching `message`, nothing written. */
  const refused = (args: string[], message: RegExp, timeoutMs = 30_000) => {
    const out = join(tmp, `out-${readdirSync(tmp).length}`);
    mkdirSync(out);
    const r = cliWithin(timeoutMs, "run", ...args, "--trace", join(out, "trace.csv"), "--intervals", join(out, "intervals.csv"), "--out", join(out, "results"));
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(readdirSync(out)).toEqual([]);
  };
  it("an interval length that does not divide a day (exit 1 before), a calibration history naming /dev/zero (found after the simulation before)", () => {
    refused([files[CASES.findIndex((c) => c[1] === "interval.json")]], /: horizon\.intervalMinutes: expected a whole number of minutes that divides 1440/);
    // a year, 50 replications: minutes of simulation if it ran first; refused within seconds
    const year = write("year-history-zero.json", { extends: scenario("baseline-year.json"), calibration: { history: { file: "/dev/zero" } } });
    refused([year, "--replications", "50"], /: calibration\.history\.file: \/dev\/zero: cannot read: is not a regular file/);
  });
  it("--replications 1e9 and --threads 1000", () => {
    const small = write("small.json", full(() => {}));
    refused([small, "--replications", "1e9"], /^supportsim: --replications: expected an integer, at most 100000, got 1000000000$/);
    refused([small, "--threads", "1000"], /^supportsim: --threads: expected an integer, at most 256, got 1000$/);
  });
  it("--trace and --intervals under /proc, or under a file, are refused before the simulation (--intervals was found after it)", () => {
    const blocker = write("a-file", "x");
    for (const [flag, path, why] of [["--trace", "/proc/self/x.csv", "a system folder (/proc, /sys, /dev) cannot hold results"], ["--intervals", "/proc/self/x.csv", "a system folder (/proc, /sys, /dev) cannot hold results"], ["--intervals", join(blocker, "x.csv"), "a parent is not a directory"]]) {
      // a year, 50 replications: minutes of simulation if it ran first; refused within seconds
      const r = cliWithin(30_000, "run", scenario("baseline-year.json"), "--replications", "50", flag, path);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toBe(`supportsim: ${flag}: cannot write ${path}: ${why}\n`);
    }
  });
  it("an --out that cannot be written is found before the simulation, and leaves no --intervals file", () => {
    const blocker = write("a-file", "x");
    const intervals = join(tmp, "left-behind.csv");
    // a year, 50 replications: minutes of simulation if it ran first; refused within seconds
    const r = cliWithin(30_000, "run", scenario("baseline-year.json"), "--replications", "50", "--intervals", intervals, "--out", join(blocker, "sub"));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`supportsim: --out: cannot write to ${join(blocker, "sub")}: a parent is not a directory\n`);
    expect(existsSync(intervals)).toBe(false);
  });
  it("sweep --vary …=1..1000000:1 is one line at once (it validated for ~50 minutes on its way to 18 GB)", () => {
    // killed outright after 30 s: busy validating, the old code did not even stop on SIGTERM
    const r = spawnSync(process.execPath, [BIN, "sweep", scenario("baseline.json"), "--vary", "customers.count=1..1000000:1"], { encoding: "utf8", timeout: 30_000, killSignal: "SIGKILL" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`supportsim: --vary customers.count: "1..1000000:1": 1000000 values; at most 10000 points are allowed\n`);
  });
  it("init on an existing file is one line, exit 2 (it was exit 1 with a stack)", () => {
    const r = cli("init", write("existing.json", "{}"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^supportsim: init: cannot write to .*existing\.json: not a directory\n$/);
  });
});
