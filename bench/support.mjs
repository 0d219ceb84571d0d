// `npm run bench:support` (also run at the end of `npm run bench`): the support-demand model
// on the shipped scenarios/baseline.json (about 20,000 customers, phone + chat + e-mail,
// L0–L3) over a simulated year and more. Prints numbers only, asserts nothing.
//
//   1. one year (365 days, warm-up 7 days): a cold run, then 3 warm runs in the same
//      process, median wall time; needs/s, contacts/s, events/s and peak memory;
//   2. memory as the horizon doubles: 91, 182, 365 and 730 days, one fresh process each;
//   3. 1,000,000 customers for 28 days (every pool's agents ×50), one fresh process.
//
// Every configuration runs in its own child process (`node bench/support.mjs --child ...`)
// so its peak memory is its own. The child samples process.memoryUsage() (rss,
// heapUsed + arrayBuffers) on a timer, from inside the run (a trace sink that samples every
// PROBE_EVERY counted tier visits: simulateSupport is synchronous, so a timer alone only
// fires before and after it), and once at the end; it reports the max of the samples and
// process.resourceUsage().maxRSS (the kernel's peak, KB) at the end.
//
// usage: node bench/support.mjs [--json]
//        node bench/support.mjs --child --days 365 [--customers N] [--agents-x M] [--runs R] [--no-probe]
import { spawnSync } from "node:child_process";
import os from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const SCENARIO = here("../scenarios/baseline.json");
const PROBE_EVERY = 1024;
const MB = 2 ** 20;

if (args.includes("--child")) await child();
else parent();

// ---------------------------------------------------------------------------------------
// child: one configuration, one JSON line on stdout
async function child() {
  const { loadAnyScenarioFile } = await import("../dist/scenario/load.js");
  const { buildSupport } = await import("../dist/scenario/buildSupport.js");
  const { simulateSupport } = await import("../dist/model/supportModel.js");
  const { RandomStreams } = await import("../dist/engine/random.js");
  const { FF, CF } = await import("../dist/model/supportKpis.js");

  const days = Number(opt("days", 365));
  const warmupDays = Number(opt("warmup-days", 7));
  const customers = opt("customers", null);
  const agentsX = Number(opt("agents-x", 1));
  const runs = Number(opt("runs", 1));
  const seed = Number(opt("seed", 7));

  const peak = { rss: 0, heapAb: 0, samples: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak.rss = m.rss;
    const h = m.heapUsed + m.arrayBuffers;
    if (h > peak.heapAb) peak.heapAb = h;
    peak.samples++;
  };
  sample();
  const timer = setInterval(sample, 20);
  let visits = 0;
  const probe = args.includes("--no-probe") ? null : { visit() { if (++visits % PROBE_EVERY === 0) sample(); } };

  const loaded = loadAnyScenarioFile(SCENARIO);
  if (loaded.form !== "support") throw new Error(`${SCENARIO}: expected a support scenario, got ${loaded.form}`);
  const scenario = loaded.scenario;
  scenario.horizon = { ...scenario.horizon, days, warmupDays };
  delete scenario.horizon.hours; delete scenario.horizon.warmupHours;
  if (customers !== null) scenario.customers.count = Number(customers);
  if (agentsX !== 1) for (const p of scenario.pools) p.agents *= agentsX;
  const cfg = buildSupport(scenario, { baseDir: dirname(SCENARIO), file: SCENARIO });

  const out = [];
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    const r = simulateSupport(cfg, new RandomStreams(seed, 0), probe);
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    sample();
    const c = r.counters;
    const intervals = c.needsByInterval.length;
    out.push({
      wall_s: wall,
      needs: c.funnelSum(FF.needs),
      requests: c.funnelSum(FF.requests),
      offered: c.contactSum(CF.offered),
      offered_entry: c.contactSum(CF.offered, 0),
      events: r.events,
      customers_bytes: r.customersBytes,
      customers_start: cfg.segments.reduce((s, g) => s + g.customers, 0),
      active_end: r.activeBySegment.reduce((a, b) => a + b, 0),
      sales: r.sales, churned: r.churned, open_at_end: r.openAtEnd,
      intervals,
      ...typedArrayBytes([c, r.network], intervals),
      max_rss_after_mb: process.resourceUsage().maxRSS / 1024,
    });
  }
  clearInterval(timer);
  sample();
  console.log(JSON.stringify({
    days, warmup_days: warmupDays, agents_x: agentsX,
    runs: out,
    peak_rss_mb: Math.max(peak.rss / MB, process.resourceUsage().maxRSS / 1024),
    peak_rss_sampled_mb: peak.rss / MB,
    max_rss_kb: process.resourceUsage().maxRSS,
    peak_heap_ab_mb: peak.heapAb / MB,
    samples: peak.samples,
  }));
}

/**
 * Bytes of the typed arrays reachable from `roots` (the counters and the network): all of
 * them, and those whose length is a multiple of the number of intervals (the per-interval
 * series: counters.byInterval, needsByInterval, backlog bins, the network's per-tier series
 * and busy/staffed bins), which are what grows with the horizon.
 */
function typedArrayBytes(roots, intervals) {
  const seen = new Set();
  let all = 0, perInterval = 0, nPerInterval = 0;
  const walk = (x, depth) => {
    if (x === null || typeof x !== "object" || seen.has(x) || depth > 8) return;
    seen.add(x);
    if (ArrayBuffer.isView(x)) {
      all += x.byteLength;
      if (x.length >= intervals && x.length % intervals === 0) { perInterval += x.byteLength; nPerInterval++; }
      return;
    }
    if (x instanceof ArrayBuffer || typeof x === "function") return;
    for (const v of Array.isArray(x) ? x : Object.values(x)) walk(v, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return { typed_bytes: all, per_interval_bytes: perInterval, per_interval_arrays: nPerInterval };
}

// ---------------------------------------------------------------------------------------
// parent: run the children, print the tables
function parent() {
  const runChild = (extra) => {
    const p = spawnSync(process.execPath, [here("./support.mjs"), "--child", ...extra], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (p.status !== 0) {
      process.stderr.write(p.stderr);
      throw new Error(`child ${extra.join(" ")} failed with status ${p.status}${p.signal ? ` (${p.signal})` : ""}`);
    }
    return JSON.parse(p.stdout.trim().split("\n").pop());
  };
  const fmt = (x) => Math.round(x).toLocaleString("en-US");
  const f1 = (x) => x.toFixed(1);
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const table = (header, rows) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of rows) console.log(line(r));
  };
  const cpus = os.cpus();

  console.log("supportsim support-model benchmark — scenarios/baseline.json (≈20,000 customers, phone + chat + e-mail, L0–L3), seed 7, replication 0, one thread");
  console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${cpus.length} × ${cpus[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM`);
  console.log("wall time = simulateSupport only (not loading/building the scenario); contacts = requests made (funnel); each configuration in a fresh process\n");

  // 1. one year: cold + 3 warm runs in one child
  const year = runChild(["--days", "365", "--runs", "4"]);
  const [cold, ...warm] = year.runs;
  const med = median(warm.map((r) => r.wall_s));
  const rate = (r, wall) => `${fmt(r.needs / wall)} needs/s, ${fmt(r.requests / wall)} contacts/s, ${fmt(r.events / wall)} events/s`;
  console.log("1. one simulated year (365 days, first 7 warm-up)");
  console.log(`   ${fmt(cold.needs)} needs, ${fmt(cold.requests)} contacts (${fmt(cold.offered)} tier visits offered), ${fmt(cold.events)} events, customers ${fmt(cold.customers_start)} → ${fmt(cold.active_end)}`);
  console.log(`   cold (1st run):       ${cold.wall_s.toFixed(2)} s — ${rate(cold, cold.wall_s)}`);
  console.log(`   warm (median of ${warm.length}):   ${med.toFixed(2)} s — ${rate(cold, med)}   [runs ${warm.map((r) => r.wall_s.toFixed(2)).join(", ")} s]`);
  console.log(`   peak memory: RSS ${f1(year.peak_rss_mb)} MB (maxRSS ${fmt(year.max_rss_kb)} KB; after the 1st run ${f1(cold.max_rss_after_mb)} MB), heap+arrayBuffers ${f1(year.peak_heap_ab_mb)} MB (${year.samples} samples)`);
  const same = year.runs.every((r) => r.needs === cold.needs && r.events === cold.events);
  if (!same) console.log("   NOTE: the repeated runs did not reproduce the same needs/events");
  console.log();

  // 2. horizon doubling
  const horizons = [91, 182, 365, 730];
  const hs = horizons.map((d) => ({ d, c: runChild(["--days", String(d)]) }));
  console.log("2. memory as the horizon doubles (one fresh process each; needs/day over the counted days = horizon − 7)");
  table(
    ["days", "needs", "needs/day", "contacts", "events", "wall s", "contacts/s", "peak RSS MB", "peak heap+AB MB", "per-interval arrays", "all typed arrays"],
    hs.map(({ d, c }) => {
      const r = c.runs[0];
      return [String(d), fmt(r.needs), f1(r.needs / (d - 7)), fmt(r.requests), fmt(r.events), r.wall_s.toFixed(2), fmt(r.requests / r.wall_s),
        f1(c.peak_rss_mb), f1(c.peak_heap_ab_mb), `${fmt(r.per_interval_bytes / 1024)} KB (${r.per_interval_arrays}× ${fmt(r.intervals)})`, `${fmt(r.typed_bytes / 1024)} KB`];
    }),
  );
  const first = hs[0].c, last = hs[hs.length - 1].c;
  const rssRatio = last.peak_rss_mb / first.peak_rss_mb;
  const heapRatio = last.peak_heap_ab_mb / first.peak_heap_ab_mb;
  console.log(`   730 d / 91 d: peak RSS ${rssRatio.toFixed(2)}×, peak heap+arrayBuffers ${heapRatio.toFixed(2)}×; per-interval arrays grow ${fmt(hs[0].c.runs[0].per_interval_bytes / 1024)} → ${fmt(last.runs[0].per_interval_bytes / 1024)} KB\n`);

  // 3. one million customers
  const big = runChild(["--days", "28", "--customers", "1000000", "--agents-x", "50"]);
  const b = big.runs[0];
  console.log("3. 1,000,000 customers, 28 days (first 7 warm-up), every pool's agents ×50 (sales/month unchanged)");
  console.log(`   customers memory ${f1(b.customers_bytes / MB)} MB (${fmt(b.customers_bytes)} bytes, ${f1(b.customers_bytes / b.customers_start)} bytes/customer for ${fmt(b.customers_start)} customers)`);
  console.log(`   ${fmt(b.needs)} needs, ${fmt(b.requests)} contacts, ${fmt(b.events)} events in ${b.wall_s.toFixed(2)} s — ${rate(b, b.wall_s)}`);
  console.log(`   peak RSS ${f1(big.peak_rss_mb)} MB (maxRSS ${fmt(big.max_rss_kb)} KB), peak heap+arrayBuffers ${f1(big.peak_heap_ab_mb)} MB\n`);

  console.log(`target: 1,000,000 customers < 1 GB peak RSS — measured ${f1(big.peak_rss_mb)} MB`);
  console.log(`target: memory flat as horizon doubles (730 d / 91 d peak RSS ratio < 1.5) — measured ${rssRatio.toFixed(2)}`);
  if (args.includes("--json")) console.log(JSON.stringify({ year, horizons: hs, million: big }));
}
