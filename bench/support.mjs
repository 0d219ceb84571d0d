// `npm run bench:support` (also run at the end of `npm run bench`): the support-demand model
// on the shipped scenarios/baseline.json (about 20,000 customers, phone + chat + e-mail,
// L0–L3) over a simulated year and more. Prints numbers only, asserts nothing.
//
//   1. one year (365 days, warm-up 7 days): a cold run, then 3 warm runs in the same
//      process, median wall time; needs/s, contacts/s, events/s and peak memory;
//   2. memory as the horizon doubles: 91, 182, 365 and 730 days, one fresh process each;
//   3. 1,000,000 customers for 28 days (every pool's agents ×50), one fresh process;
//   4. one year of scenarios/shift-left-kcs.json (the baseline with a KCS program from
//      1 February; retention is always on: every need's outcome moves its customer's churn
//      multiplier) and of scenarios/hiring-freeze.json (attrition 40 %/year, nobody
//      replaced: workforce events), each as section 1 (cold + 3 warm runs, one process);
//   5. memory as the horizon doubles for shift-left-kcs: 182, 364 and 728 days (the KCS
//      start, 2027-02-01, stays inside every horizon), one fresh process each, with the
//      customers' columns, the per-interval series and what the result keeps after a GC;
//      then a one-line summary: did peak RSS grow by less than 1.5× from 364 to 728 days
//      (informational, not an assert).
//
// Every configuration runs in its own child process (`node bench/support.mjs --child ...`)
// so its peak memory is its own. The child samples process.memoryUsage() (rss,
// heapUsed + arrayBuffers) on a timer, from inside the run (a trace sink that samples every
// PROBE_EVERY counted tier visits: simulateSupport is synchronous, so a timer alone only
// fires before and after it), and once at the end; it reports the max of the samples and
// process.resourceUsage().maxRSS (the kernel's peak, KB) at the end.
//
// usage: node bench/support.mjs [--json]
//        node bench/support.mjs --child --days 365 [--scenario FILE] [--customers N] [--agents-x M] [--runs R] [--no-probe] [--retained]
//   (--scenario: a file name in scenarios/, default baseline.json; --retained, with node
//   --expose-gc: also measure heap + arrayBuffers kept by the result after a full GC)
import { spawnSync } from "node:child_process";
import os from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const SCENARIO = here(`../scenarios/${opt("scenario", "baseline.json")}`);
const PROBE_EVERY = 1024;
const MB = 2 ** 20;

if (args.includes("--child")) await child();
else parent();

// ---------------------------------------------------------------------------------------
// child: one configuration, one JSON line on stdout
async function child() {
  const { loadAnyScenarioFile } = await import("../dist/scenario/load.js");
  const { loadScenario } = await import("../dist/api/index.js");
  const { simulateSupport } = await import("../dist/model/simulation.js");
  const { RandomStreams } = await import("../dist/engine/random.js");
  const { FF, CF } = await import("../dist/model/counters.js");

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
  // as the commands run it: calibrated on the status quo (the baseline is its own), the pilot passes outside the timing
  const cfg = loadScenario(scenario, { baseDir: dirname(SCENARIO), file: SCENARIO }).config;

  // heap + arrayBuffers after a full GC (needs node --expose-gc), for --retained
  const retainedNow = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const retained = args.includes("--retained") && typeof globalThis.gc === "function";

  const out = [];
  for (let k = 0; k < runs; k++) {
    const before = retained ? retainedNow() : NaN;
    const t0 = process.hrtime.bigint();
    const r = simulateSupport(cfg, new RandomStreams(seed, 0), probe);
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    sample();
    const kept = retained ? retainedNow() - before : NaN; // r is still alive here
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
      result_typed_bytes: typedArrayBytes([r], intervals, 12, true).typed_bytes,
      retained_bytes: kept,
      months: r.costs.months.count,
      experienced: c.funnelSum(FF.experienced),
      churn_multiplier_sum: c.funnelSum(FF.churnMultiplier),
      service_churn: r.retention.serviceChurn,
      kcs_cost: r.costs.total("KCS program"),
      hires: r.pools.reduce((s, p) => s + p.hires, 0),
      leavers: r.pools.reduce((s, p) => s + p.leavers, 0),
      headcount_start: cfg.pools.reduce((s, p) => s + (p.workforce ? p.workforce.headcount : 0), 0),
      headcount_end: r.pools.reduce((s, p) => s + (Number.isNaN(p.headcountEnd) ? 0 : p.headcountEnd), 0),
      max_rss_after_mb: process.resourceUsage().maxRSS / 1024,
    });
  }
  clearInterval(timer);
  sample();
  console.log(JSON.stringify({
    scenario: opt("scenario", "baseline.json"), days, warmup_days: warmupDays, agents_x: agentsX,
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
 * and busy/staffed bins), which are what grows with the horizon. `maxDepth` bounds the walk;
 * `collections` also walks the values of Maps and Sets (used for the whole result).
 */
function typedArrayBytes(roots, intervals, maxDepth = 8, collections = false) {
  const seen = new Set();
  let all = 0, perInterval = 0, nPerInterval = 0;
  const walk = (x, depth) => {
    if (x === null || typeof x !== "object" || seen.has(x) || depth > maxDepth) return;
    seen.add(x);
    if (ArrayBuffer.isView(x)) {
      all += x.byteLength;
      if (x.length >= intervals && x.length % intervals === 0) { perInterval += x.byteLength; nPerInterval++; }
      return;
    }
    if (x instanceof ArrayBuffer || typeof x === "function") return;
    const vals = Array.isArray(x) ? x : collections && x instanceof Map ? [...x.values()] : collections && x instanceof Set ? [...x] : Object.values(x);
    for (const v of vals) walk(v, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return { typed_bytes: all, per_interval_bytes: perInterval, per_interval_arrays: nPerInterval };
}

// ---------------------------------------------------------------------------------------
// parent: run the children, print the tables
function parent() {
  const runChild = (extra, nodeFlags = []) => {
    const p = spawnSync(process.execPath, [...nodeFlags, here("./support.mjs"), "--child", ...extra], { encoding: "utf8", maxBuffer: 1 << 24 });
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

  // 4. one year of the issue-4 scenarios: KCS (with retention, always on) and a hiring freeze (workforce events)
  const yearOf = (file, days) => ({ file, days, c: runChild(["--scenario", file, "--days", String(days), "--runs", "4"]) });
  const issue4 = [yearOf("shift-left-kcs.json", 364), yearOf("hiring-freeze.json", 364)];
  console.log("4. one simulated year of the issue-4 scenarios (364 days as in the files, first 7 warm-up; cold + 3 warm runs in one process)");
  for (const { file, days, c: y } of issue4) {
    const [c0, ...w] = y.runs;
    const m = median(w.map((r) => r.wall_s));
    console.log(`   scenarios/${file} (${days} days)`);
    console.log(`     ${fmt(c0.needs)} needs, ${fmt(c0.requests)} contacts (${fmt(c0.offered)} tier visits offered), ${fmt(c0.events)} events, customers ${fmt(c0.customers_start)} → ${fmt(c0.active_end)} (${fmt(c0.sales)} sales, ${fmt(c0.churned)} churns)`);
    console.log(`     retention: ${fmt(c0.experienced)} counted needs moved a customer's churn multiplier (mean M ${(c0.churn_multiplier_sum / c0.experienced).toFixed(3)}), service-caused churn ${c0.service_churn.toFixed(1)}`
      + (c0.kcs_cost > 0 ? `; KCS program cost ${fmt(c0.kcs_cost)}` : "")
      + (c0.headcount_start > 0 ? `; workforce ${fmt(c0.headcount_start)} → ${fmt(c0.headcount_end)} employees (${fmt(c0.leavers)} leavers, ${fmt(c0.hires)} hires)` : ""));
    console.log(`     cold (1st run):       ${c0.wall_s.toFixed(2)} s — ${rate(c0, c0.wall_s)}`);
    console.log(`     warm (median of ${w.length}):   ${m.toFixed(2)} s — ${rate(c0, m)}   [runs ${w.map((r) => r.wall_s.toFixed(2)).join(", ")} s]`);
    console.log(`     peak memory: RSS ${f1(y.peak_rss_mb)} MB (maxRSS ${fmt(y.max_rss_kb)} KB; after the 1st run ${f1(c0.max_rss_after_mb)} MB), heap+arrayBuffers ${f1(y.peak_heap_ab_mb)} MB (${y.samples} samples)`);
    if (!y.runs.every((r) => r.needs === c0.needs && r.events === c0.events)) console.log("     NOTE: the repeated runs did not reproduce the same needs/events");
  }
  console.log();

  // 5. horizon doubling for shift-left-kcs (KCS starts 2027-02-01, day 28: inside every horizon)
  const kcsHorizons = [182, 364, 728];
  const ks = kcsHorizons.map((d) => ({ d, c: runChild(["--scenario", "shift-left-kcs.json", "--days", String(d), "--retained"], ["--expose-gc"]) }));
  console.log("5. scenarios/shift-left-kcs.json as the horizon doubles (one fresh process each; kept = heap+arrayBuffers still held after a full GC with the result alive, minus before the run)");
  table(
    ["days", "needs", "contacts", "events", "wall s", "events/s", "peak RSS MB", "× prev", "peak heap+AB MB", "kept MB", "customers", "per-interval arrays", "result typed arrays", "months"],
    ks.map(({ d, c }, i) => {
      const r = c.runs[0];
      return [String(d), fmt(r.needs), fmt(r.requests), fmt(r.events), r.wall_s.toFixed(2), fmt(r.events / r.wall_s),
        f1(c.peak_rss_mb), i === 0 ? "" : `${(c.peak_rss_mb / ks[i - 1].c.peak_rss_mb).toFixed(2)}×`, f1(c.peak_heap_ab_mb),
        r.retained_bytes == null || Number.isNaN(r.retained_bytes) ? "n/a" : f1(r.retained_bytes / MB),
        `${fmt(r.customers_bytes / 1024)} KB`, `${fmt(r.per_interval_bytes / 1024)} KB (${r.per_interval_arrays}× ${fmt(r.intervals)})`,
        `${fmt(r.result_typed_bytes / 1024)} KB`, String(r.months)];
    }),
  );
  const k364 = ks[1].c, k728 = ks[2].c;
  const kRatio = k728.peak_rss_mb / k364.peak_rss_mb;
  const perDay = (ks[2].c.runs[0].per_interval_bytes - ks[1].c.runs[0].per_interval_bytes) / (728 - 364);
  console.log(`   per-interval series grow ${fmt(perDay / 1024)} KB per simulated day; customers' columns ${fmt(ks[0].c.runs[0].customers_bytes / 1024)} → ${fmt(ks[2].c.runs[0].customers_bytes / 1024)} KB (ids only grow: one slot per customer ever added, capacity doubling)\n`);

  console.log(`target: 1,000,000 customers < 1 GB peak RSS — measured ${f1(big.peak_rss_mb)} MB`);
  console.log(`target: memory flat as horizon doubles (730 d / 91 d peak RSS ratio < 1.5) — measured ${rssRatio.toFixed(2)}`);
  console.log(`summary (informational): shift-left-kcs peak RSS 364 d ${f1(k364.peak_rss_mb)} MB → 728 d ${f1(k728.peak_rss_mb)} MB = ${kRatio.toFixed(2)}×, ${kRatio < 1.5 ? "grew by less than 1.5×" : "grew by 1.5× or more"}`);
  if (args.includes("--json")) console.log(JSON.stringify({ year, horizons: hs, million: big, issue4, kcsHorizons: ks }));
}
