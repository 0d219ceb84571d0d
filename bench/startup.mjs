// `npm run bench:startup`: what a command costs before it does its work (issue 18, point 1). The
// CPU time (user + sys) of whole processes: bare `node -e 0`; `supportsim --version`, `--help`,
// `erlang c` and `validate scenarios/baseline.json`; and the whole `run` of the 1M-arrival
// single-queue reference (M/M/50+M, 540/h, exponential handle time 5 min and patience 2 min: the
// model of bench/mmc.mjs, as a scenario file) beside the plain event loop
// (../shared/bench/js_baseline.mjs, the same model and number of arrivals).
//
// CPU time, not wall time: on a machine shared with other work, wall time measures the others
// too. Each child's CPU time is what the shell that waited for it reports (`times`, POSIX: the
// user and system time of its waited-for children, all threads included). The commands are run
// in turn, round after round (so a change in the machine's load hits every one alike), and the
// median of the rounds is kept.
//
// The run's CPU time splits in two: its fixed part (loading, validating, building, the estimates:
// the same `run` on a one-hour horizon) and the simulation (the rest). The engine's speed is
// the simulation part against the plain loop's own (its process less bare Node).
//
// Where `validate`'s time goes: its process runs with SUPPORTSIM_PROFILE_STARTUP=1, so the
// command line writes the CPU time of each phase of its start-up to standard error
// (src/startupPhases.ts: Node and the command line's code, yargs, validate's code with zod and the
// schemas, reading, validating, building, warnings); the median of each phase over the rounds is
// printed beside bare Node, and what follows the last phase (printing, exit) as the rest.
//
// Where the 1M-arrival run's time goes: a CPU profile of one such run (bench/profileRun.mjs), its
// self time by part of the code (event loop and calendar, random numbers, the network, each
// contact's bookkeeping, statistics, garbage collection, the fixed part).
//
// Targets: `erlang` and `validate` within 0.15 s CPU of bare Node; the whole 1M-arrival run at
// ≥ 0.8× the plain loop's speed (the loop's CPU time over the run's).
//
// bin/supportsim.js runs the bundle (dist/bundle/, bin/bundleCli.mjs); with --unbundled the
// same commands also run from tsc's separate modules (dist/cli/main.js), side by side, to show
// what the bundle buys.
//
// usage: node bench/startup.mjs [--repeat 5] [--baseline PATH/js_baseline.mjs] [--unbundled]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { profileRun } from "./profileRun.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const REPEAT = Number(opt("repeat", "5"));
const N = 1_000_000, RATE_PER_HOUR = 540;
const bin = here("../bin/supportsim.js");
// the plain loop lives beside the repository (../shared/bench/), which a git worktree has one folder further up
const baseline = opt("baseline", [here("../../shared/bench/js_baseline.mjs"), here("../../../shared/bench/js_baseline.mjs")].find((p) => existsSync(p)) ?? here("../../shared/bench/js_baseline.mjs"));

const dir = mkdtempSync(join(os.tmpdir(), "supportsim-startup-"));
const reference = (hours) => ({
  name: "M/M/50+M reference", seed: 1, replications: 1,
  horizon: { hours },
  arrivals: { ratePerHour: RATE_PER_HOUR },
  tiers: [{ name: "L1", agents: 50, handleTime: { dist: "exponential", meanMinutes: 5 }, patience: { dist: "exponential", meanMinutes: 2 } }],
});
const big = join(dir, "mmc-1M.json"), small = join(dir, "mmc-1h.json");
writeFileSync(big, JSON.stringify(reference(N / RATE_PER_HOUR))); // N arrivals expected
writeFileSync(small, JSON.stringify(reference(1)));

const phaseFile = join(dir, "phases.txt");
/**
 * The CPU seconds (user + sys, every thread) of `node ...argv`, as the shell that waited for it
 * counts them; with `phases`, its start-up phases too (SUPPORTSIM_PROFILE_STARTUP=1: name → seconds).
 */
function cpu(argv, phases) {
  // `times` prints the shell's own times, then its children's: "0m0.120s 0m0.031s"
  const env = phases ? { ...process.env, SUPPORTSIM_PROFILE_STARTUP: "1" } : process.env;
  const errTo = phases ? `"${phaseFile}"` : "&1";
  const out = execFileSync("sh", ["-c", `"$@" >/dev/null 2>${errTo} || echo "failed: $?"; times`, "sh", process.execPath, ...argv], { encoding: "utf8", env });
  if (out.startsWith("failed")) throw new Error(`node ${argv.join(" ")}: ${out.split("\n")[0]}`);
  const seconds = (s) => { const m = /^(\d+)m([\d.]+)s$/.exec(s); if (!m) throw new Error(`cannot read times: ${out}`); return Number(m[1]) * 60 + Number(m[2]); };
  const [user, sys] = out.trim().split("\n").pop().trim().split(/\s+/);
  if (phases) {
    for (const m of readFileSync(phaseFile, "utf8").matchAll(/^supportsim-startup: ([\d.]+) s  (.*)$/gm)) {
      if (!phases.has(m[2])) phases.set(m[2], []);
      phases.get(m[2]).push(Number(m[1]));
    }
  }
  return seconds(user) + seconds(sys);
}

const tasks = [
  { key: "bare", label: "node -e 0 (bare Node)", argv: ["-e", "0"] },
  { key: "version", label: "supportsim --version", argv: [bin, "--version"] },
  { key: "help", label: "supportsim --help", argv: [bin, "--help"] },
  { key: "erlang", label: "supportsim erlang c --rate-per-hour 540 --aht-minutes 5 --agents 48", argv: [bin, "erlang", "c", "--rate-per-hour", "540", "--aht-minutes", "5", "--agents", "48"] },
  { key: "validate", label: "supportsim validate scenarios/baseline.json", argv: [bin, "validate", here("../scenarios/baseline.json")] },
  { key: "small", label: "supportsim run (the reference, 1 hour: fixed costs)", argv: [bin, "run", small] },
  { key: "run", label: `supportsim run (the reference, ${N.toLocaleString("en-US")} arrivals)`, argv: [bin, "run", big] },
];
if (args.includes("--unbundled")) {
  // the command line from tsc's modules, launched as bin/supportsim.js launches the bundle
  const unbundled = (argv) => ["--input-type=module", "-e", `const { main } = await import(${JSON.stringify(new URL("../dist/cli/main.js", import.meta.url).href)}); process.exitCode = await main(process.argv.slice(1));`, "--", ...argv];
  for (const key of ["version", "erlang", "validate"]) {
    const t = tasks.find((x) => x.key === key);
    tasks.splice(tasks.indexOf(t) + 1, 0, { key: `${key}Unbundled`, label: `${t.label} (unbundled)`, argv: unbundled(t.argv.slice(1)) });
  }
}
if (existsSync(baseline)) tasks.push({ key: "loop", label: `plain loop js_baseline.mjs (${N.toLocaleString("en-US")} arrivals)`, argv: [baseline, "--model", "mmc_abandon", "--n", String(N), "--json"] });

const runs = new Map(tasks.map((t) => [t.key, []]));
/** validate's start-up phases, in the order the command line reports them: name → CPU seconds per round. */
const phases = new Map();
try {
  for (let r = 0; r < REPEAT; r++) for (const t of tasks) runs.get(t.key).push(cpu(t.argv, t.key === "validate" ? phases : undefined));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const m = Object.fromEntries([...runs].map(([k, xs]) => [k, median(xs)]));

console.log(`supportsim start-up — CPU time (user + sys) of whole processes, median of ${REPEAT} interleaved rounds`);
console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}\n`);
const width = Math.max(...tasks.map((t) => t.label.length));
for (const t of tasks) {
  const over = t.key === "bare" ? "" : `   ${(m[t.key] - m.bare >= 0 ? "+" : "")}${(m[t.key] - m.bare).toFixed(3)} s over bare Node`;
  console.log(`${t.label.padEnd(width)}  ${m[t.key].toFixed(3)} s${over}   (${runs.get(t.key).map((x) => x.toFixed(2)).join(" ")})`);
}

const verdict = (ok) => (ok ? "met" : "NOT met");
console.log();
for (const k of ["erlang", "validate"]) {
  const over = m[k] - m.bare;
  console.log(`target: ${k} within 0.15 s CPU of bare Node: +${over.toFixed(3)} s — ${verdict(over <= 0.15)}`);
}
if (phases.size > 0) {
  // the first phase runs from the process's start: Node's own start-up (bare Node) is taken out of it
  const names = [...phases.keys()];
  const med = names.map((n) => median(phases.get(n)));
  const rows = [["Node itself (bare node -e 0)", m.bare], [`${names[0]}, less bare Node`, med[0] - m.bare], ...names.slice(1).map((n, i) => [n, med[i + 1]])];
  rows.push(["the rest: printing, exit (the process's CPU time less the phases)", m.validate - med.reduce((a, b) => a + b, 0)]);
  const w = Math.max(...rows.map(([n]) => n.length));
  console.log(`  where validate's time goes (the command line's own phase timings, SUPPORTSIM_PROFILE_STARTUP=1; medians of ${REPEAT}):`);
  for (const [n, sec] of rows) console.log(`    ${n.padEnd(w)}  ${sec.toFixed(3)} s`);
}
if (m.loop !== undefined) {
  const whole = m.loop / m.run;
  console.log(`target: the whole ${N.toLocaleString("en-US")}-arrival run at ≥ 0.8× the plain loop: ${whole.toFixed(2)}× (loop ${m.loop.toFixed(2)} s, run ${m.run.toFixed(2)} s) — ${verdict(whole >= 0.8)}`);
  const fixed = m.small - m.bare, sim = m.run - m.small, loopSim = m.loop - m.bare;
  console.log(`  where the run's time goes: Node ${m.bare.toFixed(2)} s, supportsim's fixed part ${fixed.toFixed(2)} s (load, validate, build, estimates: the 1-hour run less bare Node), the simulation ${sim.toFixed(2)} s`);
  console.log(`  the simulation alone against the plain loop's (its process less bare Node, ${loopSim.toFixed(2)} s): ${(loopSim / sim).toFixed(2)}×; without supportsim's fixed part the whole run would be at ${(m.loop / (m.run - fixed)).toFixed(2)}×`);
} else console.log(`(${baseline} not found: no comparison with the plain loop)`);
// the profile that explains the gap: where the 1M-arrival run's CPU time goes, by part of the code
const pdir = mkdtempSync(join(os.tmpdir(), "supportsim-startup-")), pfile = join(pdir, "mmc-1M.json");
writeFileSync(pfile, JSON.stringify(reference(N / RATE_PER_HOUR)));
const parts = profileRun(pfile), profiled = parts.reduce((t, p) => t + p.ms, 0);
rmSync(pdir, { recursive: true, force: true });
console.log(`\nwhere the ${N.toLocaleString("en-US")}-arrival run's CPU time goes (one process, V8's sampling profile of tsc's modules, self time by part; ${(profiled / 1000).toFixed(2)} s sampled):`);
for (const p of parts) console.log(`  ${p.part.padEnd(68)} ${(p.ms / 1000).toFixed(3)} s  ${((100 * p.ms) / profiled).toFixed(1).padStart(5)} %`);
console.log("  the plain loop has the first two (a heap, one random stream, three event kinds) and a line and agent count in place of the network; each contact's need, funnel and outcome counters are the full model's statistics, which it does not keep");
