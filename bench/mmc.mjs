// One benchmark run of supportsim on the M/M/c+M reference model (c = 50, 9 arrivals/min,
// exponential handle time mean 5 min, exponential patience mean 2 min), written as the simple
// single-queue form and run as every scenario is, on the one engine: one replication, in its own
// process so peak memory is its own. CPU time (user + sys) of the replication alone and of the
// whole library call (the replication, its estimates, the average week and the weekly trend).
// It runs on the single-queue lane (src/model/simulation/singleQueue.ts), as a single queue does;
// --general runs the replication on the general path instead (the same result, number for number).
// usage: node bench/mmc.mjs --n 1000000 [--seed 1] [--no-patience] [--replication-only [--general]]
import { loadScenario, simulate } from "../dist/api/index.js";
import { simulateReplication, supportValues } from "../dist/kpi/values.js";
import { simulateSupport } from "../dist/model/simulation.js";
import { RandomStreams } from "../dist/engine/random.js";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const N = Number(opt("n", 1_000_000));
const SEED = Number(opt("seed", 1));
const patience = !args.includes("--no-patience");
const RATE_PER_HOUR = 540;

const scenario = loadScenario({
  name: "M/M/50+M reference",
  seed: SEED,
  replications: 1,
  horizon: { hours: N / RATE_PER_HOUR }, // N arrivals expected
  arrivals: { ratePerHour: RATE_PER_HOUR },
  tiers: [{
    name: "L1", agents: 50,
    handleTime: { dist: "exponential", meanMinutes: 5 },
    ...(patience ? { patience: { dist: "exponential", meanMinutes: 2 } } : {}),
  }],
});

const cpu = (f) => { const t0 = process.cpuUsage(); const w0 = process.hrtime.bigint(); const r = f(); const u = process.cpuUsage(t0); return { r, cpu: (u.user + u.system) / 1e6, wall: Number(process.hrtime.bigint() - w0) / 1e9 }; };
// the replication as `simulate` runs it (kpi/values.ts simulateReplication), or on the general path
const general = (cfg) => { const r = simulateSupport(cfg, new RandomStreams(SEED, 0), null, { lane: false }); supportValues(r, cfg, {}); return r; };
const rep = cpu(() => (args.includes("--general") ? general(scenario.config) : simulateReplication(scenario.config, SEED, 0)));
// --replication-only: the replication alone (bench/instructions.mjs counts its instructions)
if (args.includes("--replication-only")) {
  console.log(JSON.stringify({ events: rep.r.events, replication_cpu_s: rep.cpu }));
  process.exit(0);
}
const t0 = process.cpuUsage();
const result = await simulate(scenario, { replications: 1, seed: SEED });
const u = process.cpuUsage(t0);
const arrivals = result.estimates["channel.contacts.offered"].mean;
const q = result.queue.L1;
console.log(JSON.stringify({
  arrivals,
  events: rep.r.events,
  replication_cpu_s: rep.cpu,
  simulate_cpu_s: (u.user + u.system) / 1e6,
  arrivals_per_cpu_s: arrivals / rep.cpu,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  abandon: q.abandonRate.mean,
  sl20: q.serviceLevel.mean,
  occupancy: q.occupancy.mean,
}));
