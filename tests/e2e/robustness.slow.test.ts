/**
 * Issue 18, points 5 and 6, through the command line as a user meets them: prototype keys in a
 * what-if and in a sweep path, names that look like markup, closed pipes, signals, devices and
 * pipes given as input files, CSV cells a spreadsheet would run. Each case was an internal error,
 * a wrong result or a stack trace before.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, cli, ROOT } from "../helpers/cli.js";
import { smallBaseline } from "../helpers/smallBaseline.js";

const tmp = mkdtempSync(join(tmpdir(), "supportsim-robust-"));
const baseline = join(ROOT, "scenarios", "baseline.json");
const file = (name: string, json: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof json === "string" ? json : JSON.stringify(json));
  return p;
};

describe("prototype keys", () => {
  it("a what-if with a __proto__ key is refused by validate and run (it used to pass and change the results)", () => {
    const f = file("proto.json", `{"extends": ${JSON.stringify(baseline)}, "__proto__": {"operatingModel": "call-center"}}`);
    for (const cmd of ["validate", "run"]) {
      const r = cli(cmd, f);
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe(`supportsim: ${f}: __proto__: "__proto__" is not allowed as a name (it would reach JavaScript's object prototype)`);
    }
  });
  it("sweep --vary through __proto__ or constructor.prototype is one line, exit 2", () => {
    for (const path of ["__proto__.polluted", "constructor.prototype.x", "pools.__proto__.agents"]) {
      const r = cli("sweep", baseline, "--vary", `${path}=1`, "--replications", "1");
      expect(r.status).toBe(2);
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toMatch(/is not allowed as a name/);
    }
  });
});

describe("names that look like markup or formulas", () => {
  it("run --out writes the report and CSV for a scenario named with @import, on…= and src=, and neutralises formula cells", () => {
    const text = readFileSync(baseline, "utf8")
      .replaceAll('"phone"', '"phone online=yes"')
      .replaceAll('"L2"', '"=L2 src=http://intranet"')
      .replace('"name": "baseline"', '"name": "Support @import team"')
      .replace('"$schema": "../docs/scenario.schema.json",', "");
    const f = file("names.json", text);
    const out = join(tmp, "names-out");
    const r = cli("run", f, "--replications", "2", "--out", out);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("Support @import team");
    const csv = readFileSync(join(out, "intervals.csv"), "utf8");
    expect(csv).toContain(",'=L2 src=http://intranet,");
    expect(csv).not.toMatch(/(^|,)=L2/m);
  }, 240_000);
});

describe("pipes, signals, devices", () => {
  it("output into a closed pipe ends quietly with exit 0", () => {
    for (const args of [["schema"], ["erlang", "c", "--rate-per-hour", "100", "--aht-minutes", "5", "--agents", "10", "--json"]]) {
      const out = execFileSync("bash", ["-c", `node ${JSON.stringify(BIN)} ${args.join(" ")} | head -c 1 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(out.trim()).toBe("0");
    }
    const r = spawnSync("bash", ["-c", `node ${JSON.stringify(BIN)} run ${JSON.stringify(baseline)} --replications 2 --json | head -1 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: "utf8" });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.stdout.trim()).toBe("0");
  }, 120_000);

  it("SIGTERM during a run with --out and --trace leaves no temporary file and no folder; exit 143", async () => {
    const out = join(tmp, "sig-out"), trace = join(tmp, "sig-trace.csv");
    const child = spawn(process.execPath, [BIN, "run", join(ROOT, "scenarios", "baseline-year.json"), "--replications", "6", "--threads", "1", "--out", out, "--trace", trace]);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 5000));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(143);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.includes("sig-trace"))).toEqual([]);
  }, 120_000);

  /** The CPU seconds process `pid` has used (Linux /proc: utime + stime in clock ticks of 1/100 s). */
  const cpuSeconds = (pid: number): number => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return Infinity; // gone
    }
  };
  /**
   * Start `supportsim ARGS`, send `signal` once it has used `cpu` seconds (past start-up, mid-work
   * on any machine load); its exit code, and the wall seconds from the signal to its end.
   */
  const interrupted = async (args: string[], signal: "SIGINT" | "SIGTERM", cpu: number, pollMs = 50): Promise<{ code: number | null; stderr: string; endedAfter: number }> => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const closed = new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    while (cpuSeconds(child.pid!) < cpu) await new Promise((r) => setTimeout(r, pollMs));
    const sent = performance.now();
    child.kill(signal);
    const code = await closed;
    return { code, stderr, endedAfter: (performance.now() - sent) / 1000 };
  };

  it("SIGINT or SIGTERM during compare, sweep, staff and chart --out: exit 130/143, no temporary file, the folder as it was", async () => {
    // small scenarios with many replications: mid-work after 1.5 s of CPU on any machine load, and a signal is handled between replications
    const small = file("signals-small.json", smallBaseline(40, (s) => { delete s.$schema; s.horizon = { days: 15, warmupDays: 1, intervalMinutes: 30 }; }));
    const more = file("signals-more.json", smallBaseline(40, (s) => { delete s.$schema; s.name = "more L2"; s.pools[2].agents = 3; s.horizon = { days: 15, warmupDays: 1, intervalMinutes: 30 }; }));
    const dir = join(tmp, "signals");
    mkdirSync(dir);
    const cases: [string, string[], "SIGINT" | "SIGTERM"][] = [
      ["compare", ["compare", small, more, "--threads", "1", "--out", join(dir, "compare")], "SIGINT"],
      ["sweep", ["sweep", small, "--vary", "pools.L2.agents=2,3", "--threads", "1", "--out", join(dir, "sweep")], "SIGTERM"],
      // the staffing search on one thread, interrupted in its search (its shift plans: the next test)
      ["staff", ["staff", small, "--target", "sl=0.8@20s", "--replications", "2", "--threads", "1", "--out", join(dir, "staff")], "SIGTERM"],
    ];
    for (const [name, args, signal] of cases) {
      const r = await interrupted(args, signal, 1.5);
      expect(r.stderr, name).not.toMatch(/internal error/);
      expect(r.code, name).toBe(signal === "SIGINT" ? 130 : 143);
      expect(readdirSync(dir), name).toEqual([]); // no folder, no .tmp, no staging
    }
    // chart --out into a run's folder, interrupted while it draws: the run's set stays as it was
    const run = join(dir, "run");
    expect(cli("run", small, "--replications", "2", "--threads", "1", "--out", run, "--no-charts").status).toBe(0);
    const before = readdirSync(run, { recursive: true }).sort();
    const r = await interrupted(["chart", run, "--out", run], "SIGINT", 1.0);
    expect(r.code).toBe(130);
    expect(readdirSync(run, { recursive: true }).sort()).toEqual(before);
  }, 240_000);

  it("SIGTERM while staff plans shifts (HiGHS, on its worker thread) ends it within seconds: exit 143, no folder", async () => {
    // one pool sized with three runs of one replication: the search is over after about 1.7 s of
    // CPU; L1 chat's shift plan then takes about 18 s. At 3 s of CPU the plan is being solved. The
    // solve used to run on the main thread, which handled the signal only when it returned (exit
    // 143 some 15 s later).
    const small = file("signals-plan.json", smallBaseline(1, (s) => { delete s.$schema; }));
    const out = join(tmp, "signals-plan");
    const r = await interrupted(["staff", small, "--target", "sl=0.8@20s", "--pools", "L1 chat", "--max-runs", "3", "--threads", "1", "--out", out], "SIGTERM", 3.0);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(143);
    expect(r.endedAfter).toBeLessThan(3);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it("SIGTERM while plan solves its hiring program (HiGHS, on its worker thread) ends it within seconds: exit 143, no files", async () => {
    // the four pools of the small baseline over 18 months, a requirement search of three runs of
    // one replication (over after about 3.1 s of CPU), and a budget that binds: the hiring
    // program then runs to its time limit (30 s of wall time; some 20 s of CPU on the 2-core
    // machine). At 5 s of CPU it is being solved. The solve used to run on the main thread, which
    // handled the signal only when it returned (exit 143 some 25 s later).
    const small = file("signals-hiring.json", smallBaseline(1, (s) => { delete s.$schema; }));
    const dir = join(tmp, "signals-hiring");
    mkdirSync(dir);
    const r = await interrupted(["plan", small, "--months", "18", "--budget-per-month", "160000", "--max-runs", "3", "--max-rounds", "0", "--threads", "1", "--out", join(dir, "plan")], "SIGTERM", 5.0);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(143);
    expect(r.endedAfter).toBeLessThan(3);
    expect(readdirSync(dir)).toEqual([]); // no folder, no .tmp, no staging
  }, 120_000);

  /** The CPU seconds of the whole process `node BIN ...args` (the shell's `times` for its children), and its exit code. */
  const cpuOf = (...args: string[]): { seconds: number; code: number } => {
    const out = execFileSync("sh", ["-c", '"$@" >/dev/null 2>&1; echo "$?"; times', "sh", process.execPath, BIN, ...args], { cwd: ROOT, encoding: "utf8" }).trim().split("\n");
    const sec = (t: string) => { const m = /^(\d+)m([\d.]+)s$/.exec(t)!; return Number(m[1]) * 60 + Number(m[2]); };
    const [user, sys] = out[out.length - 1].trim().split(/\s+/);
    return { seconds: sec(user) + sec(sys), code: Number(out[0]) };
  };

  it("SIGINT while merge reads and joins the shards: exit 130, the --out folder as it was (it used to be replaced by the new set first)", async () => {
    // a sweep of 120 points of a one-day scenario, one shard: merge reads and checks it for about 0.2 s of CPU
    const tiny = file("merge-tiny.json", smallBaseline(1, (s) => { delete s.$schema; s.customers.count = 100; s.horizon = { days: 1, warmupDays: 0, intervalMinutes: 60 }; }));
    const shards = join(tmp, "merge-shards"), out = join(tmp, "merge-out");
    expect(cli("sweep", tiny, "--vary", "pools.L2.agents=1..120:1", "--threads", "1", "--shard", "1/1", "--out", shards).status).toBe(0);
    // the folder holds an earlier merge (another x axis: another sweep.json)
    expect(cli("merge", shards, "-x", "cost.total", "--out", out).status).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((n) => [n, readFileSync(join(out, n), "utf8")]));
    // start-up: a merge that stops at its missing input, after the command's code is loaded
    const startup = cpuOf("merge", join(tmp, "no-such-shards"), "--out", join(tmp, "merge-none"));
    expect(startup.code).toBe(2);
    // the signal 0.05 s of CPU into the reading and joining (the new set is written from about 0.2 s on)
    const r = await interrupted(["merge", shards, "--out", out], "SIGINT", startup.seconds + 0.05, 5);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(130);
    expect(Object.fromEntries(readdirSync(out).map((n) => [n, readFileSync(join(out, n), "utf8")]))).toEqual(before);
  }, 120_000);

  it("a second command on a folder whose lock a live process holds waits, then gives up: one line, exit 2, the folder as it was", () => {
    const tiny = file("lock-tiny.json", smallBaseline(1, (s) => { delete s.$schema; s.customers.count = 100; s.horizon = { days: 1, warmupDays: 0, intervalMinutes: 60 }; }));
    const out = join(tmp, "locked-out");
    mkdirSync(out);
    writeFileSync(join(out, ".supportsim.lock"), String(process.pid)); // this test's process: alive, and never releasing it
    const began = performance.now();
    const r = spawnSync(process.execPath, [BIN, "run", tiny, "--threads", "1", "--no-charts", "--out", out], { cwd: ROOT, encoding: "utf8", env: { ...process.env, SUPPORTSIM_LOCK_WAIT_SECONDS: "1" }, timeout: 60_000 });
    const seconds = (performance.now() - began) / 1000;
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([`supportsim: --out: cannot write to ${out}: another supportsim (process ${process.pid}) has been writing this folder for 1 s; wait for it, or choose another folder`]);
    expect(seconds).toBeGreaterThan(1);
    expect(readdirSync(out)).toEqual([".supportsim.lock"]);
    // a wait that is not a number of seconds is refused before the run
    const bad = spawnSync(process.execPath, [BIN, "run", tiny, "--out", join(tmp, "lock-bad")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, SUPPORTSIM_LOCK_WAIT_SECONDS: "soon" } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^supportsim: --out: .*SUPPORTSIM_LOCK_WAIT_SECONDS: expected seconds from 0 to 86400, got "soon"\n$/);
  }, 120_000);

  it("extends naming /dev/zero, a named pipe or a folder is one line, exit 2, at once", () => {
    const fifo = join(tmp, "fifo");
    execFileSync("mkfifo", [fifo]);
    for (const base of ["/dev/zero", fifo, tmp]) {
      const f = file("dev.json", { extends: base });
      const r = cli("validate", f);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(base === tmp ? /is a directory/ : /is not a regular file/);
    }
  });

  it("init and --out under /proc are refused at once (they used to hang)", () => {
    for (const args of [["init", "/proc/self/starter"], ["run", baseline, "--replications", "1", "--out", "/proc/self/results"]]) {
      const r = cli(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/system folder/);
    }
  });

  it("a scenario file starting with a UTF-8 byte-order mark is read", () => {
    const f = file("bom.json", "\uFEFF" + readFileSync(baseline, "utf8").replace('"$schema": "../docs/scenario.schema.json",', ""));
    expect(cli("validate", f).status).toBe(0);
  });

  it("an error about a huge value is one short line", () => {
    const f = file("huge.json", { extends: baseline, timeZone: "x".repeat(1_000_000) }); // the message used to quote the whole value
    const r = cli("validate", f);
    expect(r.status).toBe(2);
    for (const line of r.stderr.split("\n").filter(Boolean)) expect(line.length).toBeLessThan(600);
  });
});
