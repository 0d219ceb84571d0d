// `npm run bench`: supportsim against the plain event loop yardstick
// (bench/js_baseline.mjs) on the same M/M/c+M model (c = 50, 540 arrivals/h,
// exponential handle time mean 5 min and patience mean 2 min), side by side in one run:
//
//   plain loop        js_baseline.mjs: the CPU of the script (its loop; Node's start-up aside) and
//                     of its whole process (its own timer is wall time: misleading on a loaded machine);
//   old engine        the single-queue engine before the one engine (/work/before, --before DIR;
//                     skipped when it is not there, e.g. on a clean clone): one replication's CPU;
//   one engine        the reference model written as the simple single-queue form and run on the
//                     one engine as every scenario is (a single queue: on the single-queue lane,
//                     src/model/simulation/singleQueue.ts): one replication's CPU in
//                     process (bench/mmc.mjs), and the whole CLI process (`supportsim run FILE
//                     --replications 1 --threads 1 --json`: start-up, loading, the run, its
//                     estimates and the output; bench/processCpu.mjs);
//
// with the ratio to the plain loop (its time / ours: 1 = as fast) and the target of issue 18
// (the whole run at ≥ 0.8× the plain loop). The four run interleaved, --repeat times each, each
// in a fresh process; medians of CPU time (user + sys). Then
// a year of the baseline on both engines (bench/year.mjs, bench/oldYear.mjs), and memory as arrivals
// grow (1M → 10M, bench/mmc.mjs) must not grow with them.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const REPEAT = Number(opt("repeat", 5));
const N = Number(opt("n", 1_000_000));
const sizes = (opt("sizes", `${N},10000000`)).split(",").map(Number);
// the plain loop: --baseline FILE, else the copy shipped in bench/
const baselinePath = opt("baseline", here("./js_baseline.mjs"));
const beforeDir = opt("before", "/work/before");
const TARGET = 0.8;

const lastJson = (text) => JSON.parse(text.trim().split("\n").pop());
const runJson = (file, extra) => lastJson(execFileSync(process.execPath, [file, ...extra], { encoding: "utf8", maxBuffer: 1 << 24 }));
/** A whole process under bench/processCpu.mjs: its stdout's last JSON line (if any) and its CPU time. */
const processRun = (script, extra) => {
  const r = spawnSync(process.execPath, [here("./processCpu.mjs"), script, ...extra], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} ${extra.join(" ")} failed (exit ${r.status}): ${r.stderr}`);
  const u = lastJson(r.stderr);
  return { out: r.stdout, cpu: u.process_cpu_s, scriptCpu: u.script_cpu_s };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const fmt = (x) => Math.round(x).toLocaleString("en-US");
console.log(`supportsim benchmark — M/M/50+M, λ = 9/min, AHT 5 min, patience 2 min, ${fmt(N)} arrivals, one replication on one thread`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}; median of ${REPEAT} interleaved runs, CPU time (user + sys)\n`);

// the reference model as a simple-form file, for the CLI
const dir = mkdtempSync(join(tmpdir(), "supportsim-bench-"));
const scenarioFile = join(dir, "mmc.json");
writeFileSync(scenarioFile, JSON.stringify({
  name: "M/M/50+M reference", seed: 1, replications: 1, horizon: { hours: N / 540 },
  arrivals: { ratePerHour: 540 },
  tiers: [{ name: "L1", agents: 50, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 2 } }],
}));
const hasBaseline = existsSync(baselinePath);
const hasBefore = existsSync(join(beforeDir, "dist/model/contactCenter.js"));
const m = { plainSim: [], plainProcess: [], before: [], ours: [], oursSimulate: [], cli: [] };
let check = null;
try {
  for (let i = 0; i < REPEAT; i++) {
    if (hasBaseline) {
      const p = processRun(baselinePath, ["--model", "mmc_abandon", "--n", String(N), "--json"]);
      m.plainSim.push(p.scriptCpu);
      m.plainProcess.push(p.cpu);
    }
    if (hasBefore) m.before.push(runJson(here("./oldEngine.mjs"), ["--dir", beforeDir, "--n", String(N)]).replication_cpu_s);
    const o = runJson(here("./mmc.mjs"), ["--n", String(N)]);
    m.ours.push(o.replication_cpu_s);
    m.oursSimulate.push(o.simulate_cpu_s);
    check = o;
    m.cli.push(processRun(here("../bin/supportsim.js"), ["run", scenarioFile, "--replications", "1", "--threads", "1", "--seed", "1", "--json"]).cpu);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const plainSim = hasBaseline ? median(m.plainSim) : NaN, plainProcess = hasBaseline ? median(m.plainProcess) : NaN;
const ratio = (plain, ours) => (hasBaseline ? `${(plain / ours).toFixed(2)}×` : "n/a");
const rows = [
  ["plain loop: the script (its loop)", hasBaseline ? plainSim : NaN, hasBaseline ? "1.00×" : "n/a", ""],
  ["plain loop: whole process", hasBaseline ? plainProcess : NaN, hasBaseline ? "1.00×" : "n/a", ""],
  ...(hasBefore ? [["old engine (/work/before): one replication", median(m.before), ratio(plainSim, median(m.before)), ""]] : []),
  ["one engine, simple form: one replication", median(m.ours), ratio(plainSim, median(m.ours)), hasBaseline ? (plainSim / median(m.ours) >= TARGET ? "met" : "missed") : ""],
  ["one engine: simulate() (replication + estimates)", median(m.oursSimulate), ratio(plainSim, median(m.oursSimulate)), ""],
  ["one engine: whole CLI process (supportsim run)", median(m.cli), ratio(plainProcess, median(m.cli)), hasBaseline ? (plainProcess / median(m.cli) >= TARGET ? "met" : "missed") : ""],
];
const header = ["", "CPU", "plain/ours", `target ≥ ${TARGET}×`];
const table = rows.map(([name, s, r, t]) => [name, Number.isNaN(s) ? "n/a" : `${s.toFixed(3)} s`, r, t]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of table) console.log(line(r));
console.log("(in-process rows are compared with the plain loop's script, the whole CLI process with the plain loop's whole process)");
if (!hasBaseline) console.log(`(${baselinePath} not found: no plain loop, no ratio)`);
if (!hasBefore) console.log(`(${beforeDir} has no built old engine: its row is skipped)`);
console.log(`check (exact Erlang A: abandon 2.860%, SL20 91.200%, occupancy 87.426%): abandon ${(check.abandon * 100).toFixed(3)}%, SL20 ${(check.sl20 * 100).toFixed(3)}%, occupancy ${(check.occupancy * 100).toFixed(3)}%`);

// issue 14's line: the one engine no slower than the old one, on the reference model (above) and on a
// year of the baseline (bench/year.mjs beside bench/oldYear.mjs, interleaved, --year-repeat times).
// Like with like: a replication of the year after the JIT's warm-up (replication 1) on both; the
// one engine's calibration on the status quo (pilot passes the old model did not have, paid once
// per status quo and process) and the old engine's cold first replication printed beside it.
if (hasBefore) console.log(`issue 14, simple form no slower than the old engine: ${median(m.ours) <= median(m.before) ? "met" : "missed"} (${(median(m.ours) / median(m.before)).toFixed(2)}× its CPU)`);
const YEAR_REPEAT = Number(opt("year-repeat", 3));
const hasOldYear = existsSync(join(beforeDir, "dist/model/supportModel.js"));
if (YEAR_REPEAT > 0) {
  const y = { old0: [], old1: [], cal: [], new0: [], new1: [] };
  let passes = 0, oldEvents = 0, newEvents = 0;
  for (let i = 0; i < YEAR_REPEAT; i++) {
    if (hasOldYear) { const o = runJson(here("./oldYear.mjs"), ["--dir", beforeDir]); y.old0.push(o.replication0_cpu_s); y.old1.push(o.replication1_cpu_s); oldEvents = o.events; }
    const n = runJson(here("./year.mjs"), []);
    y.cal.push(n.calibration_cpu_s); y.new0.push(n.replication0_cpu_s); y.new1.push(n.replication1_cpu_s); passes = n.passes; newEvents = n.events;
  }
  console.log(`
a year of the baseline (scenarios/baseline-year.json), median of ${YEAR_REPEAT} interleaved runs, CPU time`);
  const yr = [
    ...(hasOldYear ? [["old engine: replication 0 (cold: pays the JIT's warm-up)", median(y.old0)], [`old engine: replication 1 (${fmt(oldEvents)} events)`, median(y.old1)]] : []),
    [`one engine: calibration on the status quo (${passes} pilot passes, once per process)`, median(y.cal)],
    ["one engine: replication 0 (after the pilot)", median(y.new0)],
    [`one engine: replication 1 (${fmt(newEvents)} events)`, median(y.new1)],
  ];
  const w = Math.max(...yr.map((r) => r[0].length));
  for (const [name, s] of yr) console.log(`${name.padEnd(w)}  ${s.toFixed(3)} s`);
  if (hasOldYear) console.log(`issue 14, a year of the baseline no slower, per replication: ${median(y.new1) <= median(y.old1) ? "met" : "missed"} (${(median(y.new1) / median(y.old1)).toFixed(2)}× the old engine's CPU); a one-replication run also pays the calibration: ${(median(y.cal) + median(y.new0)).toFixed(2)} s against the old engine's ${median(y.old0).toFixed(2)} s`);
  else console.log(`(${beforeDir} has no built old engine: the year is printed for the one engine only)`);
}

// memory as arrivals grow (one process per size; the first size's run above is not reused)
if (sizes.length > 1) {
  const mem = sizes.map((n) => ({ n, r: runJson(here("./mmc.mjs"), ["--n", String(n)]) }));
  console.log(`\npeak memory ${mem.map(({ r }) => r.peak_rss_mb.toFixed(0) + " MB").join(" → ")} as arrivals grow ${mem.map(({ n }) => fmt(n)).join(" → ")}; arrivals per CPU second ${mem.map(({ r }) => fmt(r.arrivals / r.replication_cpu_s)).join(" → ")}`);
}
if (args.includes("--json")) console.log(JSON.stringify({ n: N, medians: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.length ? median(v) : null])), runs: m }));
if (args.includes("--only-mmc")) process.exit(0);

// Then the support-demand model on scenarios/baseline.json over a simulated year and more
// (bench/support.mjs, its own children and its own output).
console.log();
execFileSync(process.execPath, [here("./support.mjs")], { stdio: "inherit" });
console.log();
execFileSync(process.execPath, [here("./threads.mjs")], { stdio: "inherit" });
console.log();
execFileSync(process.execPath, [here("./sweep.mjs")], { stdio: "inherit" });
