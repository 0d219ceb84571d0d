// The contact network alone on the reference model of bench/mmc.mjs (c = 50, 9 arrivals/min,
// exponential handle time mean 5 min and patience mean 2 min): simulateNetwork, fed by one Poisson
// stream, without the support layer above it (no need's slot, funnel, channel, interval or attempt
// counters, costs). One replication's CPU time; bench/instructions.mjs counts its instructions to
// show how the one engine's cost splits between the network and the support layer.
// usage: node bench/networkOnly.mjs [--n 1000000] [--seed 1]
import { simulateNetwork } from "../dist/model/network/simulateNetwork.js";
import { RandomStreams } from "../dist/engine/random.js";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const N = Number(opt("n", 1_000_000)), SEED = Number(opt("seed", 1)), LAMBDA = 9;
const cfg = {
  horizon: N / LAMBDA, warmup: 0, intervalLength: 30, threshold: 20 / 60, workTypes: ["contact"], classes: ["all"],
  tiers: [{ name: "L1", handleTime: { type: "exponential", mean: 5 }, patience: { type: "exponential", mean: 2 }, resolve: 1 }],
  pools: [{ name: "L1", tier: 0, agents: 50, skills: [0] }],
  streams: [{ name: "contacts", tier: 0, workType: 0, priorityClass: 0, arrivals: { starts: [0], ratesPerMinute: [LAMBDA] } }],
  // as the support model runs it: no per-class series (kpi/values.ts queueMetrics counts a single queue from its own counters)
  classSeries: false,
};
const t0 = process.cpuUsage();
const r = simulateNetwork(cfg, new RandomStreams(SEED, 0));
const u = process.cpuUsage(t0);
console.log(JSON.stringify({ replication_cpu_s: (u.user + u.system) / 1e6, events: r.events }));
