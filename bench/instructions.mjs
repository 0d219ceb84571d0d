// `npm run bench:instructions`: issue 14's speed line counted in instructions, which the machine's
// load does not change (CPU time on a shared machine moves ±15 % between runs of the same code).
// valgrind's callgrind counts every instruction a process executes; one replication of the
// reference model (M/M/50+M, λ = 9/min, AHT 5 min, patience 2 min) is the count of a process at
// --n arrivals less the same process at 1,000 (start-up and loading cancel out; the JIT's
// compiling does not), the steady state per arrival is the count from --n to 3 × --n arrivals, and
// the issue's 1M arrivals are projected from the two (`counts` below), for:
//   old engine      the single-queue engine before the one engine (bench/oldEngine.mjs, the
//                   worktree /work/before or --before DIR; skipped when it is not built there);
//   one engine      the reference as the simple form on the one engine, one replication
//                   (bench/mmc.mjs --replication-only): a single queue, it runs on the single-queue
//                   lane (src/model/simulation/singleQueue.ts);
//   general path    the same replication on the general path, as every other scenario runs
//                   (--general: the same result, number for number);
//   network alone   the one engine's contact network fed by a Poisson stream, without the support
//                   layer (bench/networkOnly.mjs): what the rest of the one engine's count is.
// Slow: callgrind runs a process some 50× slower: 28 processes of 30 s to 3 minutes at --n 100000,
// two at a time (about 15 minutes on two cores).
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
/**
 * A variant's counts: the process at BASE, N and 3N arrivals (medians of REPEAT runs at BASE and N,
 * one at 3N). The replication of N arrivals is count(N) − count(BASE): it includes the JIT's
 * compiling, which a process does while it warms up; the steady state per arrival is
 * (count(3N) − count(N)) / 2N, the JIT's work done; and the issue's 1M-arrival replication is
 * projected as the first plus (1M − N) arrivals at the second.
 */
async function counts(script, extra) {
  const jobs = [BASE, N].flatMap((n) => Array.from({ length: REPEAT }, () => () => instructions(script, [...extra, "--n", String(n)])));
  jobs.push(() => instructions(script, [...extra, "--n", String(3 * N)]));
  const runs = await pairwise(jobs);
  const base = median(runs.slice(0, REPEAT)), n = median(runs.slice(REPEAT, 2 * REPEAT)), n3 = runs[2 * REPEAT];
  const replication = n - base, steady = (n3 - n) / (2 * N);
  return { replication, steady, million: replication + (1_000_000 - N) * steady };
}

const variants = [
  ...(existsSync(join(beforeDir, "dist/model/contactCenter.js")) ? [["old engine (" + beforeDir + ")", here("./oldEngine.mjs"), ["--dir", beforeDir]]] : []),
  ["one engine, simple form", here("./mmc.mjs"), ["--replication-only"]],
  ["  the same on the general path", here("./mmc.mjs"), ["--replication-only", "--general"]],
  ["network alone (no support layer)", here("./networkOnly.mjs"), []],
];
const fmtN = (x) => x.toLocaleString("en-US");
console.log(`instructions of one replication of the M/M/50+M reference (callgrind): ${fmtN(N)} arrivals (the process at ${fmtN(N)} less the process at ${fmtN(BASE)}, the JIT's compiling included);
the steady state per arrival (${fmtN(N)} → ${fmtN(3 * N)}); 1M arrivals projected from the two
`);
const rows = [];
for (const [name, script, extra] of variants) rows.push([name, await counts(script, extra)]);
const old = rows.find(([name]) => name.startsWith("old engine"))?.[1];
const w = Math.max(...rows.map(([name]) => name.length));
const x = (v, o) => (o ? `${(v / o).toFixed(2)}×` : "");
console.log(`${"".padEnd(w)}  ${`${fmtN(N)} arrivals`.padStart(16)}  ${"× old".padStart(6)}  ${"steady/arrival".padStart(14)}  ${"× old".padStart(6)}  ${"1M projected".padStart(12)}  ${"× old".padStart(6)}`);
for (const [name, c] of rows) {
  console.log(`${name.padEnd(w)}  ${`${(c.replication / 1e6).toFixed(0)} M`.padStart(16)}  ${x(c.replication, old?.replication).padStart(6)}  ${c.steady.toFixed(0).padStart(14)}  ${x(c.steady, old?.steady).padStart(6)}  ${`${(c.million / 1e6).toFixed(0)} M`.padStart(12)}  ${x(c.million, old?.million).padStart(6)}`);
}
const ours = rows.find(([name]) => name.startsWith("one engine"))[1];
if (old) console.log(`\nissue 14, simple form no slower than the old engine on 1M arrivals, in instructions: ${ours.million <= old.million ? "met" : "missed"} (${(ours.million / old.million).toFixed(2)}×; at ${fmtN(N)} arrivals ${(ours.replication / old.replication).toFixed(2)}×, steady state ${(ours.steady / old.steady).toFixed(2)}×)`);
else console.log(`\n(${beforeDir} has no built old engine: no ratio)`);
