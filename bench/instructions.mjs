// `npm run bench:instructions`: issue 14's speed line counted in instructions, which the machine's
// load does not change (CPU time on a shared machine moves ±15 % between runs of the same code).
// valgrind's callgrind counts every instruction a process executes; one replication of the
// reference model (M/M/50+M, λ = 9/min, AHT 5 min, patience 2 min) is the count of a process at
// --n arrivals less the same process at 1,000 (start-up, loading and the JIT's first compiles
// cancel out), for:
//   old engine      the single-queue engine before the one engine (bench/oldEngine.mjs, the
//                   worktree /work/before or --before DIR; skipped when it is not built there);
//   one engine      the reference as the simple form on the one engine, one replication
//                   (bench/mmc.mjs --replication-only): a single queue, it runs on the single-queue
//                   lane (src/model/simulation/singleQueue.ts);
//   general path    the same replication on the general path, as every other scenario runs
//                   (--general: the same result, number for number);
//   network alone   the one engine's contact network fed by a Poisson stream, without the support
//                   layer (bench/networkOnly.mjs): what the rest of the one engine's count is.
// Slow: callgrind runs a process some 50× slower: 24 processes of 30–90 s at --n 100000, two at a
// time (about 8 minutes on two cores).
// Needs valgrind (Debian's package); prints numbers, asserts nothing.
// usage: node bench/instructions.mjs [--n 100000] [--repeat 3] [--before DIR]
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const N = Number(opt("n", 100_000)), BASE = 1_000, REPEAT = Number(opt("repeat", 3));
const beforeDir = opt("before", "/work/before");

if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.log("valgrind not found (Debian: apt-get install valgrind): nothing counted");
  process.exit(0);
}
// without address-space randomisation where setarch can turn it off
const noAslr = spawnSync("setarch", ["-R", "true"]).status === 0;

/**
 * Instructions callgrind counts for `node script …args`. Node runs with:
 *  --single-threaded  V8 compiles and collects on the main thread. Its background threads wait for
 *                     each other by spinning, which under valgrind (one thread at a time) burns a
 *                     varying number of instructions: the same old-engine run counted 2.3 G and
 *                     6.2 G; single-threaded, 1,511.9 M and 1,510.6 M. The JIT's compiling is then
 *                     counted in full, for every engine alike.
 *  --hash-seed, --random-seed  fixed, and no address-space randomisation: V8's hash tables are laid
 *                     out the same way in every run.
 * What is left moves by about 1 % between runs of the same process (the GC's heuristics read the
 * clock), a few per cent of the difference below: each count is the median of --repeat runs.
 */
function instructions(script, extra) {
  const argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, "--single-threaded", "--hash-seed=1", "--random-seed=1", script, ...extra];
  const [cmd, ...rest] = noAslr ? ["setarch", "-R", ...argv] : argv;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, rest, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => { err += d; });
    child.on("close", (code) => {
      const m = /Collected\s*:\s*(\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`callgrind of ${script} ${extra.join(" ")} failed (exit ${code}): ${err.slice(-500)}`));
      else resolve(Number(m[1]));
    });
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** Run the jobs two at a time (callgrind counts a process's own instructions, whatever runs beside it). */
async function pairwise(jobs) {
  const out = new Array(jobs.length);
  let next = 0;
  const worker = async () => { while (next < jobs.length) { const i = next++; out[i] = await jobs[i](); } };
  await Promise.all([worker(), worker()]);
  return out;
}
/** One replication's instructions: the process at N arrivals less the process at BASE, each the median of REPEAT runs. */
async function replication(script, extra) {
  const runs = await pairwise([N, BASE].flatMap((n) => Array.from({ length: REPEAT }, () => () => instructions(script, [...extra, "--n", String(n)]))));
  return median(runs.slice(0, REPEAT)) - median(runs.slice(REPEAT));
}

const variants = [
  ...(existsSync(join(beforeDir, "dist/model/contactCenter.js")) ? [["old engine (" + beforeDir + ")", here("./oldEngine.mjs"), ["--dir", beforeDir]]] : []),
  ["one engine, simple form", here("./mmc.mjs"), ["--replication-only"]],
  ["  the same on the general path", here("./mmc.mjs"), ["--replication-only", "--general"]],
  ["network alone (no support layer)", here("./networkOnly.mjs"), []],
];
console.log(`instructions of one replication of the M/M/50+M reference, ${N.toLocaleString("en-US")} arrivals (callgrind; the process at ${N.toLocaleString("en-US")} less the process at ${BASE.toLocaleString("en-US")})\n`);
const counts = [];
for (const [name, script, extra] of variants) counts.push([name, await replication(script, extra)]);
const old = counts.find(([name]) => name.startsWith("old engine"))?.[1];
const w = Math.max(...counts.map(([name]) => name.length));
for (const [name, n] of counts) {
  console.log(`${name.padEnd(w)}  ${(n / 1e6).toFixed(0).padStart(6)} M instructions  ${(n / N).toFixed(0).padStart(6)} per arrival${old ? `  ${(n / old).toFixed(2)}× the old engine` : ""}`);
}
const ours = counts.find(([name]) => name.startsWith("one engine"))[1];
if (old) console.log(`\nissue 14, simple form no slower than the old engine, in instructions: ${ours <= old ? "met" : "missed"} (${(ours / old).toFixed(2)}×)`);
else console.log(`\n(${beforeDir} has no built old engine: no ratio)`);
