// `npm run bench:threads` (also run at the end of `npm run bench`): replications of the
// support-demand model on 1 and 2 threads, as a command sees them. Every measurement is a fresh
// process (so each thread starts cold, loads the model and has the JIT compile it, as `run
// --threads n` does), timed from the call that runs the replications to its result; each is
// repeated and the median kept. n threads are this one and n − 1 workers (lanes.ts).
//
// Prints, per replication count: replications per second on each thread count, the speed-up, the
// CPU time the run used (all threads of the process: the JIT compiles on background threads, so
// a single thread already uses more than one core) and whether the results were identical (they
// must be: the same replications, combined in order). First, the machine's own ceiling: the same
// arithmetic loop on 1 and on n workers at once (other load and shared cores show in it).
// Prints numbers only and asserts nothing; run it on a quiet machine.
//
// usage: node bench/threads.mjs [--scenario baseline.json] [--replications 10,40,160]
//                               [--threads 1,2] [--repeat 3]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const scenarioName = opt("scenario", "baseline.json");
const scenario = here(`../scenarios/${scenarioName}`);

if (args.includes("--child")) {
  // one measurement: load, build, run the replications on n threads; print what it took
  const R = Number(opt("replications", "10")), n = Number(opt("threads", "1"));
  const { loadAnyScenarioFile } = await import(here("../dist/scenario/load.js"));
  const { buildSupport } = await import(here("../dist/scenario/buildSupport.js"));
  const { runSupportReplicationsParallel } = await import(here("../dist/analysis/supportRun.js"));
  const any = loadAnyScenarioFile(scenario);
  const cfg = buildSupport(any.scenario, { baseDir: here("../scenarios"), file: scenario });
  const cpu0 = process.cpuUsage(), t0 = performance.now();
  const run = await runSupportReplicationsParallel(cfg, { seed: 7, replications: R, threads: n });
  const seconds = (performance.now() - t0) / 1000, cpu = process.cpuUsage(cpu0);
  const hash = createHash("sha256").update(JSON.stringify({ e: run.estimates, r: run.replications })).digest("hex").slice(0, 12);
  console.log(JSON.stringify({ seconds, cpu: (cpu.user + cpu.system) / 1e6, hash, days: cfg.horizon / 1440 }));
  process.exit(0);
}

const counts = opt("threads", "1,2").split(",").map(Number);
const reps = opt("replications", "10,40,160").split(",").map(Number);
const repeat = Number(opt("repeat", "3"));

// Calibration: the same pure arithmetic loop on 1 and on n workers at once. On an idle machine
// with n free cores the n workers take as long as the one; the ratio is the most any parallel
// code can gain here right now.
const { Worker } = await import("node:worker_threads");
const SPIN = `const { parentPort } = require("node:worker_threads"); parentPort.on("message", (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i); parentPort.postMessage(x); });`;
async function spin(n) {
  const ws = Array.from({ length: n }, () => new Worker(SPIN, { eval: true }));
  await Promise.all(ws.map((w) => new Promise((r) => { w.once("message", r); w.postMessage(1e6); })));
  const t0 = performance.now();
  await Promise.all(ws.map((w) => new Promise((r) => { w.once("message", r); w.postMessage(2e8); })));
  const s = (performance.now() - t0) / 1000;
  await Promise.all(ws.map((w) => w.terminate()));
  return s;
}
const spin1 = await spin(1);
for (const n of counts.filter((c) => c > 1)) {
  const sn = await spin(n);
  console.log(`machine: ${n} workers each running the same arithmetic loop finish ${(n * spin1 / sn).toFixed(2)}× the work of one in the same time (ideal ${n}×): the ceiling for any speed-up below`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const measure = (R, n) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", "--scenario", scenarioName, "--replications", String(R), "--threads", String(n)], { encoding: "utf8" }));

let days = null;
for (const R of reps) {
  // interleaved (1, 2, 1, 2, …) so a change in the machine's load hits every count alike
  const runs = new Map(counts.map((n) => [n, []]));
  for (let i = 0; i < repeat; i++) for (const n of counts) runs.get(n).push(measure(R, n));
  days ??= runs.get(counts[0])[0].days;
  if (R === reps[0]) console.log(`replications on threads, each measurement a fresh process: ${scenarioName} (${days} days), median of ${repeat}; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
  const first = runs.get(counts[0])[0].hash;
  let base = null;
  for (const n of counts) {
    const ms = runs.get(n), s = median(ms.map((m) => m.seconds)), cpu = median(ms.map((m) => m.cpu));
    base ??= s;
    const same = ms.every((m) => m.hash === first);
    console.log(`  ${String(R).padStart(4)} replications, ${n} thread${n === 1 ? " " : "s"}: ${s.toFixed(2)} s — ${(R / s).toFixed(1)} replications/s, speed-up ${(base / s).toFixed(2)}× (ideal ${n}×), CPU ${cpu.toFixed(1)} s${same ? ", results identical" : ", RESULTS DIFFER"}`);
  }
}
