// One benchmark run of supportsim's engine on the M/M/c+M reference model
// (c = 50, 9 arrivals/min, exponential handle time mean 5 min, exponential patience
// mean 2 min, full statistics on), in its own process so peak memory is its own.
// usage: node bench/mmc.mjs --n 1000000 [--seed 1] [--no-patience]
import { simulateReplication } from "../dist/model/contactCenter.js";
import { RandomStreams } from "../dist/engine/random.js";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const N = Number(opt("n", 1_000_000));
const SEED = Number(opt("seed", 1));
const patience = !args.includes("--no-patience");

const LAMBDA = 9; // per minute
const config = {
  horizon: N / LAMBDA, // minutes: N arrivals expected
  warmup: 0,
  intervalLength: 30,
  threshold: 20 / 60,
  arrivals: { starts: [0], ratesPerMinute: [LAMBDA] },
  tiers: [{
    name: "L1", agents: 50,
    handleTime: { type: "exponential", mean: 5 },
    patience: patience ? { type: "exponential", mean: 2 } : undefined,
  }],
};

const t0 = process.hrtime.bigint();
const r = simulateReplication(config, new RandomStreams(SEED, 0));
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const c = r.tiers[0].total;
console.log(JSON.stringify({
  arrivals: r.arrivals,
  events: r.events,
  wall_s: wall,
  arrivals_per_s: r.arrivals / wall,
  events_per_s: r.events / wall,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  heap_used_mb: process.memoryUsage().heapUsed / 2 ** 20,
  peak_in_system: r.peakInSystem,
  abandon: c.abandoned / c.offered,
  sl20: c.answeredWithinThreshold / c.offered,
  occupancy: c.busyTime / c.staffedTime,
}));
