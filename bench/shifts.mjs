// `npm run bench:shifts`: how close the shift plans of `supportsim staff` come to the
// requirement they cover, and whether the plan, run, meets the targets, per shipped full-form
// scenario:
//   - per pool and scenario: requirement paid hours (floor agents per interval / availability,
//     interval by interval; whole floor agents from the search, no whole shifts), the plan's
//     paid hours, plan / requirement (aim under 1.15), the LP bound of the patterns / the
//     requirement (no plan of these patterns can pay less), the integer solve's gap to that
//     bound, and the current schedule's paid hours;
//   - with --check: the staffed scenario (`staff --out` writes it as scenario.staffed.json) run
//     on fresh seeds (the scenario's seed + 1), and per channel the target figure
//     with its 95% interval: service level (real-time) against the target, within the response
//     target (deferred) against --response 0.9; "ok" when the interval reaches the target (not
//     significantly below it), "MISS" otherwise; and per sized pool, on the same seeds, its
//     deferred work (escalations included) within the response target against 0.9, and all
//     work's occupancy over each day against --max-occupancy (the worst day shown).
// Targets as the README's example: "sl=0.8@20s", --max-occupancy 0.9, default patterns and
// --max-runs. Prints numbers only, asserts nothing.
//
// The requirement search simulates the scenario's horizon over and over (minutes for the
// 5-week scenarios, much longer for the year-long ones): `--requirements DIR` plans shifts for
// answers saved before (`--save DIR` saves the answers this run finds there) instead, which
// takes seconds per scenario. A year-long scenario is staffed to one weekly requirement for the
// whole year (every week after the warm-up pooled): one of its replications simulates 52 weeks,
// so its search runs with --replications 2 (2 × 52 weeks pooled per interval of the week, more
// weeks than the 5-week scenarios' 10 × 4; 6–9 minutes a scenario on the loaded 2-core VM, where
// the scenario's own 10 would take about five times that). Run the year-long ones apart:
//   node bench/shifts.mjs --scenarios baseline-year,budget-2027,... --replications 2 --save DIR
// (--replications also sets the check's replications; a saved answer keeps its own).
//
// usage: node bench/shifts.mjs [--scenarios baseline,follow-the-sun] [--requirements DIR] [--save DIR]
//        [--patterns FILE] [--max-part-time-share S] [--check] [--replications N] [--max-runs N]
//        [--by-interval] (every pool covered interval by interval, as before pools with no live work
//        were covered per quarter day)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const { loadScenario, staff } = await import(here("../dist/api/index.js"));
const { planShifts } = await import(here("../dist/analysis/staffing/shiftPlan.js"));
const { fitPatterns } = await import(here("../dist/analysis/staffing/fitPatterns.js"));
const { defaultPatterns } = await import(here("../dist/analysis/staffing/defaultPatterns.js"));
const { parsePatterns } = await import(here("../dist/analysis/staffing/patternFile.js"));
const { staffedScenario } = await import(here("../dist/analysis/staffing/staffedScenario.js"));
const { coverOf, partTimeShareOf } = await import(here("../dist/analysis/staffing/staffDefaults.js"));
const { resolvedScenarioIn } = await import(here("../dist/scenario/extends.js"));
const { loadScenario: loadFile, simulate } = await import(here("../dist/api/index.js"));
const { ProbeLayout, probeReplications } = await import(here("../dist/analysis/staffing/probe.js"));
const { pooledStats } = await import(here("../dist/analysis/staffing/evaluation.js"));

const dir = here("../scenarios");
const only = opt("scenarios")?.split(",");
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && (only === undefined || only.includes(basename(f, ".json")))).sort();
const saved = opt("requirements"), save = opt("save");
const patternsJson = opt("patterns") === undefined ? undefined : JSON.parse(readFileSync(opt("patterns"), "utf8"));
const share = opt("max-part-time-share") === undefined ? undefined : Number(opt("max-part-time-share"));
const check = args.includes("--check");
const byInterval = args.includes("--by-interval"); // every pool covered interval by interval (before deferred-only pools were covered per day)
const replications = opt("replications") === undefined ? undefined : Number(opt("replications"));
const maxRuns = opt("max-runs") === undefined ? undefined : Number(opt("max-runs"));
const RESPONSE = 0.9;
const f1 = (x) => x.toFixed(1), f2 = (x) => x.toFixed(2), f3 = (x) => x.toFixed(3);

/** Shift plans for a saved answer (the `staff --json` document). */
async function replan(doc) {
  const L = doc.intervalMinutes;
  const patterns = patternsJson === undefined ? defaultPatterns(L) : parsePatterns(patternsJson, L);
  const plans = [];
  for (const p of doc.pools) {
    const open = p.intervals.map((iv) => (iv.open ? 1 : 0));
    const limits = { maxPartTimeShare: partTimeShareOf(share, p) }; // as `staff` plans it
    plans.push(await planShifts({ intervalMinutes: L, requirement: p.intervals.map((iv) => iv.required), availability: p.availability, patterns: fitPatterns(patterns, open, L), cover: byInterval ? undefined : coverOf(p), limits, fteHours: doc.fteHours }));
  }
  return plans;
}

/** The staffed scenario run on fresh seeds: per channel its target figure with the 95% interval, and whether the interval reaches the target. */
async function checkPlan(file, doc, plans) {
  const dir = join(tmpdir(), `bench-shifts-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const staffed = staffedScenario(resolvedScenarioIn(file, dir), doc, plans);
  const path = join(dir, `${basename(file, ".json")}.staffed.json`);
  writeFileSync(path, JSON.stringify(staffed));
  const loaded = loadFile(path);
  const seed = doc.seed + 1; // fresh seeds: streams are hashed from (seed, replication, name), so no replication of the search repeats
  const result = await simulate(loaded, { seed, replications: replications ?? doc.replications, threads: availableParallelism() });
  const out = [];
  for (const ch of result.channels) {
    const realtime = ch.kind === "realtime";
    const e = result.estimates[`channel.${ch.name}.${realtime ? "serviceLevel" : "withinTargetShare"}`];
    const offered = result.estimates[`channel.${ch.name}.offered`]?.mean ?? 0;
    if (e === undefined || !(offered > 0)) continue;
    const target = realtime ? doc.targets.serviceLevel : RESPONSE;
    const ok = e.ci95 === undefined ? e.mean >= target : e.ci95[1] >= target;
    out.push({ text: `${ch.name} ${realtime ? "SL" : "within"} ${f3(e.mean)} [${e.ci95 ? `${f3(e.ci95[0])}, ${f3(e.ci95[1])}` : "-"}] vs ${target} ${ok ? "ok" : "MISS"}`, ok });
  }
  out.push(...poolFigures(loaded.config, doc, plans, seed, replications ?? doc.replications));
  return out;
}

/**
 * The pool targets the channel figures do not show, on the same fresh seeds (the staffing probe):
 * per sized pool with deferred work, the share answered within its response target against
 * --response 0.9 (pooled over the replications: escalations to L2 and L3 are no channel's);
 * with an occupancy cap, all work's occupancy over each day of the week against it (the search's
 * rule, occupancyRule.ts), the worst day shown.
 */
function poolFigures(cfg, doc, plans, seed, R) {
  const layout = new ProbeLayout(cfg, doc.targets.thresholdSeconds / 60);
  const s = pooledStats(probeReplications(cfg, layout, seed, R));
  const I = layout.intervalsPerWeek, L = layout.intervalLength, perDay = I / 7;
  const out = [];
  doc.pools.forEach((p, k) => {
    const q = cfg.pools.findIndex((x) => x.name === p.pool);
    if (q < 0 || plans[k] === null) return;
    const parts = [];
    let ok = true;
    if (s.deferredOffered[q] > 0) {
      const w = s.deferredWithin[q] / s.deferredOffered[q];
      ok &&= w >= RESPONSE;
      parts.push(`within ${f3(w)} vs ${RESPONSE}`);
    }
    const cap = doc.targets.maxOccupancy;
    if (cap !== undefined && cap !== null) {
      let worst = 0, worstDay = -1;
      for (let d = 0; d < 7; d++) {
        let busy = 0, floor = 0;
        for (let i = d * perDay; i < (d + 1) * perDay; i++) {
          if (!p.intervals[i].open) continue;
          busy += s.busy[q * I + i];
          floor += plans[k].coverage[i] * L * layout.occurrences[q * I + i] * R;
        }
        if (floor > 0 && busy / floor > worst) { worst = busy / floor; worstDay = d; }
      }
      ok &&= worst <= cap + 1e-9;
      parts.push(`day occupancy ≤ ${f3(worst)} (day ${worstDay}) vs ${cap}`);
    }
    if (parts.length > 0) out.push({ text: `${p.pool}: ${parts.join(", ")} ${ok ? "ok" : "MISS"}`, ok });
  });
  return out;
}

console.log("scenario / pool                      requirement h   plan h   plan/req   LP bound/req   gap   current h   seconds");
let allReq = 0, allPlan = 0;
for (const f of files) {
  const loaded = loadScenario(join(dir, f));
  if (loaded.form !== "full") continue;
  const name = basename(f, ".json");
  const t0 = performance.now();
  let doc, plans;
  if (saved !== undefined) {
    const file = join(saved, `${name}.json`);
    if (!existsSync(file)) { console.log(`${name}: no ${file}, skipped`); continue; }
    doc = JSON.parse(readFileSync(file, "utf8"));
    plans = await replan(doc);
  } else {
    const out = await staff(loaded, { targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.9, response: RESPONSE }, threads: availableParallelism(), shiftPatterns: patternsJson, maxPartTimeShare: share, replications, maxRuns });
    doc = out.document;
    plans = out.plans;
    if (save !== undefined) { mkdirSync(save, { recursive: true }); writeFileSync(join(save, `${name}.json`), JSON.stringify(doc)); }
  }
  const sec = (performance.now() - t0) / 1000;
  let req = 0, plan = 0, bound = 0, current = 0;
  doc.pools.forEach((p, k) => {
    const pl = plans[k];
    req += p.paidHoursPerWeek; plan += pl.paidHoursPerWeek; bound += pl.lowerBoundHours;
    const cur = doc.summary?.find((r) => r.pool === p.pool)?.current.paidHoursPerWeek;
    current += cur ?? Number.NaN;
    const gap = pl.gap ?? 1 - pl.lowerBoundHours / pl.paidHoursPerWeek;
    console.log(`  ${p.pool.padEnd(34)} ${f1(p.paidHoursPerWeek).padStart(11)} ${f1(pl.paidHoursPerWeek).padStart(8)} ${f2(pl.paidHoursPerWeek / p.paidHoursPerWeek).padStart(10)} ${f2(pl.lowerBoundHours / p.paidHoursPerWeek).padStart(14)} ${f2(gap).padStart(5)} ${(cur === undefined ? "" : f1(cur)).padStart(11)}`);
  });
  allReq += req; allPlan += plan;
  const runs = saved === undefined ? `, ${doc.evaluations} runs × ${doc.replications} replications${doc.complete ? "" : " (run cap)"}` : "";
  console.log(`${name.padEnd(36)} ${f1(req).padStart(11)} ${f1(plan).padStart(8)} ${f2(plan / req).padStart(10)} ${f2(bound / req).padStart(14)} ${"".padStart(5)} ${f1(current).padStart(11)} ${f1(sec).padStart(9)}${runs}`);
  if (check) {
    const t1 = performance.now();
    const figures = await checkPlan(join(dir, f), doc, plans);
    const missed = figures.filter((x) => !x.ok).length;
    console.log(`    plan run: ${figures.map((x) => x.text).join("; ")} — ${missed === 0 ? "targets met" : `${missed} missed`} (${f1((performance.now() - t1) / 1000)} s)`);
  }
}
if (allReq > 0) console.log(`all scenarios: plan / requirement ${f2(allPlan / allReq)} (aim: under 1.15)`);
