// `npm run bench`: supportsim's engine against the plain event loop yardstick
// (../shared/bench/js_baseline.mjs) on the same M/M/c+M model, in the same run.
// Prints arrivals/s, events/s, peak memory, and the ratio to the plain loop, for
// 1M and 10M arrivals (memory must not grow with the number of arrivals).
// Each measurement runs in a fresh process; the best of --repeat runs is kept.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const REPEAT = Number(opt("repeat", 3));
const sizes = (opt("sizes", "1000000,10000000")).split(",").map(Number);
const baselinePath = here("../../shared/bench/js_baseline.mjs");

const runJson = (file, extra) => JSON.parse(execFileSync(process.execPath, [file, ...extra], { encoding: "utf8", maxBuffer: 1 << 20 }).trim().split("\n").pop());
const best = (file, extra, key) => {
  let top = null;
  for (let i = 0; i < REPEAT; i++) {
    const r = runJson(file, extra);
    if (top === null || r[key] > top[key]) top = r;
  }
  return top;
};

const fmt = (x) => Math.round(x).toLocaleString("en-US");
console.log(`supportsim engine benchmark — M/M/50+M, λ = 9/min, AHT 5 min, patience 2 min, one thread, best of ${REPEAT}`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);

const rows = [];
for (const n of sizes) {
  const ours = best(here("./mmc.mjs"), ["--n", String(n)], "arrivals_per_s");
  let base = null;
  if (existsSync(baselinePath)) base = best(baselinePath, ["--model", "mmc_abandon", "--n", String(n), "--json"], "arrivals_per_s_sim");
  rows.push({ n, ours, base });
}

const header = ["arrivals", "supportsim arr/s", "events/s", "peak RSS", "plain loop arr/s", "ratio"];
const table = rows.map(({ n, ours, base }) => [
  fmt(n),
  fmt(ours.arrivals_per_s),
  fmt(ours.events_per_s),
  `${ours.peak_rss_mb.toFixed(0)} MB`,
  base ? fmt(base.arrivals_per_s_sim) : "n/a",
  base ? `${(ours.arrivals_per_s / base.arrivals_per_s_sim).toFixed(2)}×` : "n/a",
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of table) console.log(line(r));
if (!rows[0].base) console.log("\n(../shared/bench/js_baseline.mjs not found: no ratio)");
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
