// A year of the baseline on the one engine, as every command runs it: the calibration on the
// status quo (its pilot passes, paid once per status quo and process, on the first read of
// `scenario.config`), then replications 0 and 1 (CPU time of each), for bench/run.mjs to print
// beside the old engine.
// usage: node bench/year.mjs [--scenario scenarios/baseline-year.json]
import { fileURLToPath } from "node:url";
import { loadScenario } from "../dist/api/index.js";
import { simulateReplication } from "../dist/kpi/values.js";
import { calibrationPasses } from "../dist/analysis/experiments/statusQuo.js";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const file = opt("scenario", fileURLToPath(new URL("../scenarios/baseline-year.json", import.meta.url)));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const scenario = loadScenario(file);
let t = cpu();
const config = scenario.config; // the calibration's pilot passes run here
const calibration = cpu() - t;
const reps = [];
let events = 0;
for (let r = 0; r < 2; r++) { t = cpu(); events = simulateReplication(config, config.seed ?? 1, r).events; reps.push(cpu() - t); }
console.log(JSON.stringify({ calibration_cpu_s: calibration, passes: calibrationPasses(config.horizon), replication0_cpu_s: reps[0], replication1_cpu_s: reps[1], events }));
