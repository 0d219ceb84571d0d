// A year of the baseline on the engine as it was before the one engine (the worktree
// /work/before, commit 13e29fc: src/model/supportModel.ts): the CPU time of replications 0 and 1
// (the first pays the JIT's warm-up), for bench/run.mjs to print beside the one engine.
// The old model had no calibration on the status quo, so it has no pilot passes to time.
// usage: node bench/oldYear.mjs --dir /work/before [--scenario scenarios/baseline-year.json]
import { pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const dir = opt("dir", "/work/before");
const file = resolve(dir, opt("scenario", "scenarios/baseline-year.json"));
const mod = (p) => import(pathToFileURL(join(dir, "dist", p)).href);
const { loadAnyScenarioFile } = await mod("scenario/load.js");
const { buildSupport } = await mod("scenario/buildSupport.js");
const { simulateSupport } = await mod("model/supportModel.js");
const { RandomStreams } = await mod("engine/random.js");
const { scenario } = loadAnyScenarioFile(file);
const config = buildSupport(scenario, { baseDir: dirname(file), file });
const seed = scenario.seed ?? 1;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const reps = [];
let events = 0;
for (let r = 0; r < 2; r++) { const t = cpu(); events = simulateSupport(config, new RandomStreams(seed, r)).events; reps.push(cpu() - t); }
console.log(JSON.stringify({ replication0_cpu_s: reps[0], replication1_cpu_s: reps[1], events }));
