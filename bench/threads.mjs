// `npm run bench:threads` (also run at the end of `npm run bench`): replications of the
// support-demand model on 1 and 2 threads, as a command sees them. Every measurement is a fresh
// process (so each thread starts cold, loads the model and has the JIT compile it, as `run
// --threads n` does), timed from the call that runs the replications to its result; each is
// repeated and the median kept. n threads are this one and n − 1 workers (lanes.ts).
//
// Prints, per replication count: replications per second on each thread count, the speed-up (and
// what share it is of the machine's measured ceiling: the arithmetic loop below), the
// CPU time the run used (all threads of the process: the JIT compiles on background threads, so
// a single thread already uses more than one core) and whether the results were identical (they
// must be: the same replications, combined in order). First, the machine's own ceiling: the same
// arithmetic loop on 1 and on n workers at once (other load and shared cores show in it).
// Prints numbers only and asserts nothing; run it on a quiet machine.
//
// usage: node bench/threads.mjs [--scenario baseline.json] [--replications 10,40,160]
//                               [--threads 1,2] [--repeat 3]
import { execFile } from "node:child_process";
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
  const { loadScenario } = await import(here("../dist/api/index.js"));
  const { runReplicationsParallel } = await import(here("../dist/analysis/experiments/replications.js"));
  // as the commands run it: calibrated on its status quo (pilot passes before the timing starts)
  const cfg = loadScenario(scenario).config;
  const cpu0 = process.cpuUsage(), t0 = performance.now();
  const run = await runReplicationsParallel(cfg, { seed: 7, replications: R, threads: n });
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
// The same for memory-bound work: random reads and writes over 16 MB per worker (a replication's
// arrays are of that order), where the cores share the cache and the memory bus.
const MEM = `const { parentPort } = require("node:worker_threads"); const n = 2097152, a = new Float64Array(n); let s = 12345;
parentPort.on("message", (iters) => { let x = 0; for (let i = 0; i < iters; i++) { s = (s * 1103515245 + 12345) >>> 0; const j = s % n; x += a[j]; a[j] = x * 0.5; } parentPort.postMessage(x); });`;
async function timed(src, n, warm, work) {
  const ws = Array.from({ length: n }, () => new Worker(src, { eval: true }));
  await Promise.all(ws.map((w) => new Promise((r) => { w.once("message", r); w.postMessage(warm); }))); // started and compiled
  const t0 = performance.now();
  await Promise.all(ws.map((w) => new Promise((r) => { w.once("message", r); w.postMessage(work); })));
  const s = (performance.now() - t0) / 1000;
  await Promise.all(ws.map((w) => w.terminate()));
  return s;
}
const ceiling = async (src, n, warm, work) => {
  const ratios = [];
  for (let i = 0; i < 3; i++) ratios.push((n * (await timed(src, 1, warm, work))) / (await timed(src, n, warm, work)));
  return ratios.sort((a, b) => a - b)[1];
};
const ceilings = new Map([[1, 1]]);
for (const n of counts.filter((c) => c > 1)) {
  const arithmetic = await ceiling(SPIN, n, 1e6, 1e8);
  ceilings.set(n, arithmetic);
  console.log(`machine: ${n} workers each running the same loop finish, in the time of one (ideal ${n}×; median of 3) — arithmetic: ${arithmetic.toFixed(2)}×, random access over 16 MB: ${(await ceiling(MEM, n, 1e6, 2e7)).toFixed(2)}×: the ceilings for any speed-up below`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// one measurement in a fresh process (below, several may run at once)
const measure = (R, n) => new Promise((resolve, reject) => execFile(process.execPath, [fileURLToPath(import.meta.url), "--child", "--scenario", scenarioName, "--replications", String(R), "--threads", String(n)], { encoding: "utf8" }, (e, out) => (e ? reject(e) : resolve(JSON.parse(out)))));

let days = null;
const medians = new Map();
for (const R of reps) {
  // interleaved (1, 2, 1, 2, …) so a change in the machine's load hits every count alike
  const runs = new Map(counts.map((n) => [n, []]));
  for (let i = 0; i < repeat; i++) for (const n of counts) runs.get(n).push(await measure(R, n));
  days ??= runs.get(counts[0])[0].days;
  if (R === reps[0]) console.log(`replications on threads, each measurement a fresh process: ${scenarioName} (${days} days), median of ${repeat}; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
  const first = runs.get(counts[0])[0].hash;
  let base = null;
  for (const n of counts) {
    const ms = runs.get(n), s = median(ms.map((m) => m.seconds)), cpu = median(ms.map((m) => m.cpu));
    base ??= s;
    const same = ms.every((m) => m.hash === first);
    const ofCeiling = n > 1 ? `; the machine's ceiling now ${ceilings.get(n).toFixed(2)}×: ${((100 * base) / s / ceilings.get(n)).toFixed(0)} % of it` : "";
    console.log(`  ${String(R).padStart(4)} replications, ${n} thread${n === 1 ? " " : "s"}: ${s.toFixed(2)} s — ${(R / s).toFixed(1)} replications/s, speed-up ${(base / s).toFixed(2)}× (ideal ${n}×${ofCeiling}), CPU ${cpu.toFixed(1)} s${same ? ", results identical" : ", RESULTS DIFFER"}`);
    medians.set(`${R}/${n}`, s);
  }
}
// The ceiling for this very work: the largest run in n separate processes at once (each on one
// thread; they share nothing but the machine), against one alone. Cores that slow each other
// down (a shared cache, memory bus, a hypervisor's scheduling) show here as they do for threads.
const Rmax = reps[reps.length - 1];
for (const n of counts.filter((c) => c > 1)) {
  const ratios = [];
  for (let i = 0; i < Math.max(1, Math.ceil(repeat / 2)); i++) {
    const alone = (await measure(Rmax, 1)).seconds;
    const together = await Promise.all(Array.from({ length: n }, () => measure(Rmax, 1)));
    ratios.push((n * alone) / Math.max(...together.map((t) => t.seconds)));
  }
  const work = ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
  const speedup = medians.get(`${Rmax}/1`) / medians.get(`${Rmax}/${n}`);
  console.log(`  ceiling for this work: ${n} separate processes of ${Rmax} replications at once do ${work.toFixed(2)}× the work of one alone in the same time (ideal ${n}×); ${n} threads' ${speedup.toFixed(2)}× is ${((100 * speedup) / work).toFixed(0)} % of it`);
}

// Once the threads are warm: the replications between the two largest counts over the time they
// added (start-up, loading and the JIT's warm-up cancel out)
if (reps.length >= 2) {
  const [r0, r1] = reps.slice(-2);
  let base = null;
  const parts = counts.map((n) => {
    const rate = (r1 - r0) / (medians.get(`${r1}/${n}`) - medians.get(`${r0}/${n}`));
    base ??= rate;
    return `${n} thread${n === 1 ? "" : "s"} ${rate.toFixed(1)}/s (${(rate / base).toFixed(2)}×)`;
  });
  console.log(`  warm (replications ${r0} → ${r1}, over the time they added): ${parts.join(", ")}`);
}
