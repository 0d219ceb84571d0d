// The single-queue engine as it was before the one engine (the worktree /work/before, commit
// 13e29fc: src/model/contactCenter.ts, its own event loop) on the reference model of
// bench/mmc.mjs (c = 50, 540 arrivals/h, exponential handle time mean 5 min and patience mean
// 2 min): the CPU time of one replication, for bench/run.mjs to print beside the one engine.
// usage: node bench/oldEngine.mjs --dir /work/before [--n 1000000] [--seed 1]
// (run.mjs skips it when the directory or its build is missing, e.g. on a clean clone)
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const dir = opt("dir", "/work/before");
const N = Number(opt("n", 1_000_000)), SEED = Number(opt("seed", 1)), LAMBDA = 9;
const { simulateReplication } = await import(pathToFileURL(join(dir, "dist/model/contactCenter.js")).href);
const { RandomStreams } = await import(pathToFileURL(join(dir, "dist/engine/random.js")).href);
const config = {
  horizon: N / LAMBDA, warmup: 0, intervalLength: 30, threshold: 20 / 60,
  arrivals: { starts: [0], ratesPerMinute: [LAMBDA] },
  tiers: [{ name: "L1", agents: 50, handleTime: { type: "exponential", mean: 5 }, patience: { type: "exponential", mean: 2 } }],
};
const t0 = process.cpuUsage();
const r = simulateReplication(config, new RandomStreams(SEED, 0));
const u = process.cpuUsage(t0);
console.log(JSON.stringify({ replication_cpu_s: (u.user + u.system) / 1e6, events: r.events }));
