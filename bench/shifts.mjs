// `npm run bench:shifts`: how close the shift plans of `supportsim staff` come to the
// requirement they cover, per shipped full-form scenario: plan paid hours / requirement paid
// hours (the requirement: floor agents per interval / availability, interval by interval; aim
// under 1.15), with the LP bound of the patterns beside it and the current schedule's paid
// hours. Targets as the README's example: "sl=0.8@20s", --max-occupancy 0.9, default patterns
// and --max-runs. Prints numbers only, asserts nothing.
//
// The requirement search simulates the scenario's horizon over and over (minutes for the
// 5-week baseline, much longer for the year-long scenarios): `--requirements DIR` plans shifts
// for answers saved before (`supportsim staff FILE ... --json > DIR/<scenario>.json`) instead,
// which takes seconds per scenario; `--save DIR` saves the answers this run finds there.
//
// usage: node bench/shifts.mjs [--scenarios baseline,follow-the-sun] [--requirements DIR] [--save DIR]
//        [--patterns FILE] [--max-part-time-share S]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
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

const dir = here("../scenarios");
const only = opt("scenarios")?.split(",");
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && (only === undefined || only.includes(basename(f, ".json")))).sort();
const saved = opt("requirements"), save = opt("save");
const patternsJson = opt("patterns") === undefined ? undefined : JSON.parse(readFileSync(opt("patterns"), "utf8"));
const share = opt("max-part-time-share") === undefined ? undefined : Number(opt("max-part-time-share"));
const limits = share === undefined ? undefined : { maxPartTimeShare: share };
const f1 = (x) => x.toFixed(1), f2 = (x) => x.toFixed(2);

/** Shift plans for a saved answer (the `staff --json` document). */
async function replan(doc) {
  const L = doc.intervalMinutes;
  const patterns = patternsJson === undefined ? defaultPatterns(L) : parsePatterns(patternsJson, L);
  const plans = [];
  for (const p of doc.pools) {
    const open = p.intervals.map((iv) => (iv.open ? 1 : 0));
    plans.push(await planShifts({ intervalMinutes: L, requirement: p.intervals.map((iv) => iv.required), availability: p.availability, patterns: fitPatterns(patterns, open, L), limits, fteHours: doc.fteHours }));
  }
  return plans;
}

console.log("scenario / pool                      requirement h   plan h   plan/req   LP bound/req   current h   seconds");
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
    const out = await staff(loaded, { targets: { serviceLevel: 0.8, thresholdSeconds: 20, maxOccupancy: 0.9 }, threads: availableParallelism(), shiftPatterns: patternsJson, maxPartTimeShare: share });
    doc = out.document;
    plans = out.plans;
    if (save !== undefined) { mkdirSync(save, { recursive: true }); writeFileSync(join(save, `${name}.json`), JSON.stringify(doc)); }
  }
  const sec = (performance.now() - t0) / 1000;
  let req = 0, plan = 0, bound = 0;
  doc.pools.forEach((p, k) => {
    const pl = plans[k];
    req += p.paidHoursPerWeek; plan += pl.paidHoursPerWeek; bound += pl.lowerBoundHours;
    const current = doc.summary?.find((r) => r.pool === p.pool)?.current.paidHoursPerWeek;
    console.log(`  ${p.pool.padEnd(34)} ${f1(p.paidHoursPerWeek).padStart(11)} ${f1(pl.paidHoursPerWeek).padStart(8)} ${f2(pl.paidHoursPerWeek / p.paidHoursPerWeek).padStart(10)} ${f2(pl.lowerBoundHours / p.paidHoursPerWeek).padStart(14)} ${(current === undefined ? "" : f1(current)).padStart(11)}`);
  });
  allReq += req; allPlan += plan;
  console.log(`${name.padEnd(36)} ${f1(req).padStart(11)} ${f1(plan).padStart(8)} ${f2(plan / req).padStart(10)} ${f2(bound / req).padStart(14)} ${"".padStart(11)} ${f1(sec).padStart(9)}`);
}
if (allReq > 0) console.log(`all scenarios: plan / requirement ${f2(allPlan / allReq)} (aim: under 1.15)`);
