// `npm run bench:threads` (also run at the end of `npm run bench`): replications of the
// support-demand model on worker threads. Runs scenarios/baseline.json (35 days, ~20,000
// customers) with R replications on 1 and on 2 threads (or --threads "1,2,4"), prints
// replications per second, the speed-up and whether the results were identical (they must be:
// the same replications, combined in order). Prints numbers only, asserts nothing; the machine's
// other load shows in the numbers (run it on a quiet machine).
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
