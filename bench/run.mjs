// `npm run bench`: supportsim against the plain event loop yardstick
// (bench/js_baseline.mjs) on the same M/M/c+M model, in the same run: the reference
// model written as the simple single-queue form, run on the one engine (the full model) as
// every scenario is. Prints arrivals per CPU second of the replication, the CPU time of the whole
// library call, peak memory, and the ratio to the plain loop's simulation time, for 1M and 10M
// arrivals (memory must not grow with the number of arrivals). Each measurement runs in a fresh
// process; the median of --repeat runs is kept.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const REPEAT = Number(opt("repeat", 3));
const sizes = (opt("sizes", "1000000,10000000")).split(",").map(Number);
const baselinePath = here("./js_baseline.mjs");

const runJson = (file, extra) => JSON.parse(execFileSync(process.execPath, [file, ...extra], { encoding: "utf8", maxBuffer: 1 << 20 }).trim().split("\n").pop());
const median = (file, extra, key) => {
  const runs = Array.from({ length: REPEAT }, () => runJson(file, extra)).sort((a, b) => a[key] - b[key]);
  return runs[Math.floor(runs.length / 2)];
};

const fmt = (x) => Math.round(x).toLocaleString("en-US");
console.log(`supportsim benchmark — M/M/50+M, λ = 9/min, AHT 5 min, patience 2 min, one replication on one thread, median of ${REPEAT}`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);

const rows = [];
for (const n of sizes) {
  const ours = median(here("./mmc.mjs"), ["--n", String(n)], "replication_cpu_s");
  let base = null;
  if (existsSync(baselinePath)) base = median(baselinePath, ["--model", "mmc_abandon", "--n", String(n), "--json"], "sim_wall_s");
  rows.push({ n, ours, base });
}

const header = ["arrivals", "replication CPU", "arr/CPU s", "simulate() CPU", "peak RSS", "plain loop", "ratio"];
const table = rows.map(({ n, ours, base }) => [
  fmt(n),
  `${ours.replication_cpu_s.toFixed(3)} s`,
  fmt(ours.arrivals / ours.replication_cpu_s),
  `${ours.simulate_cpu_s.toFixed(3)} s`,
  `${ours.peak_rss_mb.toFixed(0)} MB`,
  base ? `${base.sim_wall_s.toFixed(3)} s` : "n/a",
  base ? `${(base.sim_wall_s / ours.replication_cpu_s).toFixed(2)}×` : "n/a",
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of table) console.log(line(r));
if (!rows[0].base) console.log("\n(bench/js_baseline.mjs not found: no ratio)");
const m = rows.map((r) => r.ours.peak_rss_mb);
if (rows.length > 1) console.log(`\npeak memory ${m.map((x) => x.toFixed(0) + " MB").join(" → ")} as arrivals grow ${fmt(rows[0].n)} → ${fmt(rows[rows.length - 1].n)}`);
const o = rows[0].ours;
console.log(`check (exact Erlang A: abandon 2.860%, SL20 91.200%, occupancy 87.426%): abandon ${(o.abandon * 100).toFixed(3)}%, SL20 ${(o.sl20 * 100).toFixed(3)}%, occupancy ${(o.occupancy * 100).toFixed(3)}%`);
if (args.includes("--json")) console.log(JSON.stringify(rows));

// Then the support-demand model on scenarios/baseline.json over a simulated year and more
// (bench/support.mjs, its own children and its own output).
console.log();
execFileSync(process.execPath, [here("./support.mjs")], { stdio: "inherit" });
console.log();
execFileSync(process.execPath, [here("./threads.mjs")], { stdio: "inherit" });
console.log();
execFileSync(process.execPath, [here("./sweep.mjs")], { stdio: "inherit" });
