// Where a whole `supportsim run` of a scenario file spends its CPU time, by part of the code: a V8
// CPU profile (node --cpu-prof, sampling every 100 µs) of the run from tsc's separate modules
// (dist/cli/main.js, so that every sample names its source module; the bundle runs the same code),
// its self time summed by the parts below. bench/startup.mjs prints it for the 1M-arrival
// reference, to explain the gap to the plain event loop (issue 18: "the honest gap, with the
// profile that explains it").
//
// usage: node bench/profileRun.mjs FILE [--json]   (prints one JSON line with --json)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The parts, in the order printed: the first whose test matches a sample's module takes it. */
export const PARTS = [
  ["the single-queue lane: its event loop, each contact's work and counters", (u) => /\/dist\/model\/simulation\/singleQueue\.js$/.test(u)],
  ["the event loop and the calendar", (u) => /\/dist\/(engine\/calendar|model\/simulation)\.js$/.test(u)],
  ["random numbers and distributions", (u) => /\/dist\/engine\/(alea|random|distributions|arrivals|erfc)\.js$/.test(u)],
  ["the network: lines, routing, agents", (u) => /\/dist\/model\/network\/(network|agentFloor|lineSet|routingTables|tierDraws|contacts|handover|holdLimits|callbackOffers)\.js$/.test(u)],
  ["each contact's bookkeeping: its need, funnel and outcome counters", (u) => /\/dist\/model\/(simulation\/|counters\.js|network\/counters\.js|network\/levelTotals\.js)/.test(u)],
  ["time-weighted statistics", (u) => /\/dist\/engine\/statistics\.js$/.test(u)],
  ["garbage collection", (u, name) => name === "(garbage collector)"],
  ["start-up, loading, validation, estimates, output", () => true],
];

/** Self time (ms) per part of a CPU profile. */
export function partsOf(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const ms = PARTS.map(() => 0);
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    const k = PARTS.findIndex(([, test]) => test(f.url, f.functionName));
    ms[k] += us / 1000;
  }
  return PARTS.map(([part], k) => ({ part, ms: ms[k] }));
}

/** Profile `supportsim run FILE --replications 1 --threads 1 --json` from tsc's output; the parts' self times. */
export function profileRun(file) {
  const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
  const dir = mkdtempSync(join(os.tmpdir(), "supportsim-profile-"));
  try {
    const runner = join(dir, "run.mjs");
    writeFileSync(runner, `import { main } from ${JSON.stringify(main)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, runner, "run", file, "--replications", "1", "--threads", "1", "--json"], { stdio: ["ignore", "ignore", "inherit"] });
    const prof = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    return partsOf(JSON.parse(readFileSync(join(dir, prof), "utf8")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const parts = profileRun(process.argv[2]);
  if (process.argv.includes("--json")) console.log(JSON.stringify(parts));
  else {
    const total = parts.reduce((s, p) => s + p.ms, 0);
    for (const p of parts) console.log(`${p.part.padEnd(68)} ${(p.ms / 1000).toFixed(3)} s  ${((100 * p.ms) / total).toFixed(1).padStart(5)} %`);
  }
}
