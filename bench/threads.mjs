// `npm run bench:threads` (also run at the end of `npm run bench`): replications of the
// support-demand model on worker threads. Runs scenarios/baseline.json (35 days, ~20,000
// customers) with R replications on 1 and on 2 threads (or --threads "1,2,4"; n threads are this
// one and n − 1 workers, as `run --threads n` uses them: cold, as a command sees them), prints
// replications per second, the speed-up and whether the results were identical (they must be:
// the same replications, combined in order). Prints numbers only, asserts nothing; the machine's
// other load shows in the numbers (run it on a quiet machine).
//
// Then the same on warm pools of n workers (that already ran a batch): the scaling without
// worker start-up.
//
// usage: node bench/threads.mjs [--replications 8] [--threads 1,2] [--scenario baseline.json]
import { fileURLToPath } from "node:url";
import os from "node:os";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const R = Number(opt("replications", "8"));
const counts = opt("threads", "1,2").split(",").map(Number);
const scenario = here(`../scenarios/${opt("scenario", "baseline.json")}`);

const { loadAnyScenarioFile } = await import(here("../dist/scenario/load.js"));
const { buildSupport } = await import(here("../dist/scenario/buildSupport.js"));
const { runSupportReplicationsParallel } = await import(here("../dist/analysis/supportRun.js"));
const any = loadAnyScenarioFile(scenario);
const cfg = buildSupport(any.scenario, { baseDir: here("../scenarios"), file: scenario });

// Calibration: the same pure arithmetic loop on 1 and on n workers at once. On an idle machine
// with n free cores the n workers take as long as the one; the ratio is the most any parallel
// code can gain here right now (other processes, CPU quotas and shared cores show in it).
const { Worker } = await import("node:worker_threads");
const SPIN = `const { parentPort } = require("node:worker_threads"); parentPort.on("message", (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i); parentPort.postMessage(x); });`;
async function spin(n) {
  const ws = Array.from({ length: n }, () => new Worker(SPIN, { eval: true }));
  await Promise.all(ws.map((w) => new Promise((r) => { w.once("message", r); w.postMessage(1e6); }))); // started and compiled
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

console.log(`replications on worker threads: ${opt("scenario", "baseline.json")}, ${cfg.horizon / 1440} days, ${R} replications; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
let base = null, first = null;
for (const n of counts) {
  const t0 = performance.now();
  const run = await runSupportReplicationsParallel(cfg, { seed: 7, replications: R, threads: n });
  const s = (performance.now() - t0) / 1000;
  const text = JSON.stringify({ e: run.estimates, r: run.replications });
  first ??= text;
  base ??= s;
  console.log(`  ${n} thread${n === 1 ? " " : "s"}: ${s.toFixed(2)} s — ${(R / s).toFixed(2)} replications/s, speed-up ${(base / s).toFixed(2)}× (ideal ${n}×)${text === first ? ", results identical" : ", RESULTS DIFFER"}`);
}

// Warm: the same replications on a pool whose workers have already run a batch (module loading
// and JIT warm-up done), so the numbers show the engine's scaling apart from worker start-up.
// One thread here is one worker too, so both counts pay the same structured-clone costs.
const { Piscina } = await import("piscina");
const { combineReplications } = await import(here("../dist/analysis/supportRun.js"));
console.log(`warm pools of n workers (each ran a batch of ${R} first):`);
let warmBase = null;
for (const n of counts) {
  const pool = new Piscina({ filename: here("../dist/analysis/replicationWorker.js"), minThreads: n, maxThreads: n, workerData: { cfgs: [cfg], seed: 7 } });
  const batch = () => Promise.all(Array.from({ length: R }, (_, k) => pool.run({ config: 0, replication: k })));
  await batch();
  const t0 = performance.now();
  const outs = await batch();
  const s = (performance.now() - t0) / 1000;
  const text = JSON.stringify({ e: combineReplications(cfg, outs).estimates, r: outs.map((o) => o.values) });
  warmBase ??= s;
  console.log(`  ${n} thread${n === 1 ? " " : "s"}: ${s.toFixed(2)} s — ${(R / s).toFixed(2)} replications/s, speed-up ${(warmBase / s).toFixed(2)}× (ideal ${n}×)${text === first ? ", results identical" : ", RESULTS DIFFER"}`);
  await pool.destroy();
}
