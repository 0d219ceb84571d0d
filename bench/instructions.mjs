// `npm run bench:instructions`: issue 14's speed line counted in instructions, which the machine's
// load does not change (CPU time on a shared machine moves ±15 % between runs of the same code).
// valgrind's callgrind counts every instruction a process executes; one replication of the
// reference model (M/M/50+M, λ = 9/min, AHT 5 min, patience 2 min) is the count of a process at
// --n arrivals less the same process at 1,000 (start-up, loading and the JIT's first compiles
// cancel out), for:
//   old engine      the single-queue engine before the one engine (bench/oldEngine.mjs, the
//                   worktree /work/before or --before DIR; skipped when it is not built there);
//   one engine      the reference as the simple form on the one engine, one replication
//                   (bench/mmc.mjs --replication-only);
//   network alone   the one engine's contact network fed by a Poisson stream, without the support
//                   layer (bench/networkOnly.mjs): what the rest of the one engine's count is.
// Slow: callgrind runs a process some 50× slower (about 6 processes of 30–90 s at --n 100000).
// Needs valgrind (Debian's package); prints numbers, asserts nothing.
// usage: node bench/instructions.mjs [--n 100000] [--before DIR]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const N = Number(opt("n", 100_000)), BASE = 1_000;
const beforeDir = opt("before", "/work/before");

if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.log("valgrind not found (Debian: apt-get install valgrind): nothing counted");
  process.exit(0);
}

/** Instructions callgrind counts for `node script …args`. */
function instructions(script, extra) {
  const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, script, ...extra], { encoding: "utf8", maxBuffer: 1 << 26 });
  const m = /Collected\s*:\s*(\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`callgrind of ${script} ${extra.join(" ")} failed (exit ${r.status}): ${r.stderr.slice(-500)}`);
  return Number(m[1]);
}
/** One replication's instructions: the process at N arrivals less the process at BASE. */
const replication = (script, extra) => instructions(script, [...extra, "--n", String(N)]) - instructions(script, [...extra, "--n", String(BASE)]);

const variants = [
  ...(existsSync(join(beforeDir, "dist/model/contactCenter.js")) ? [["old engine (" + beforeDir + ")", here("./oldEngine.mjs"), ["--dir", beforeDir]]] : []),
  ["one engine, simple form", here("./mmc.mjs"), ["--replication-only"]],
  ["network alone (no support layer)", here("./networkOnly.mjs"), []],
];
console.log(`instructions of one replication of the M/M/50+M reference, ${N.toLocaleString("en-US")} arrivals (callgrind; the process at ${N.toLocaleString("en-US")} less the process at ${BASE.toLocaleString("en-US")})\n`);
const counts = variants.map(([name, script, extra]) => [name, replication(script, extra)]);
const old = counts.find(([name]) => name.startsWith("old engine"))?.[1];
const w = Math.max(...counts.map(([name]) => name.length));
for (const [name, n] of counts) {
  console.log(`${name.padEnd(w)}  ${(n / 1e6).toFixed(0).padStart(6)} M instructions  ${(n / N).toFixed(0).padStart(6)} per arrival${old ? `  ${(n / old).toFixed(2)}× the old engine` : ""}`);
}
const ours = counts.find(([name]) => name.startsWith("one engine"))[1];
if (old) console.log(`\nissue 14, simple form no slower than the old engine, in instructions: ${ours <= old ? "met" : "missed"} (${(ours / old).toFixed(2)}×)`);
else console.log(`\n(${beforeDir} has no built old engine: no ratio)`);
