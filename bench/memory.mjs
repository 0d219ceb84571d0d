// `npm run bench:memory`: peak memory of `supportsim run` against the number of replications.
// A run folds each replication into running sums as it finishes (analysis/experiments/
// replications.ts ReplicationCombiner) and keeps only its KPI values, so the peak should hardly
// grow with the replications. Every measurement is a fresh process running the command as a user
// does (`run FILE --replications N --threads 1 --json`, the output thrown away), its peak resident
// set read at exit (process.resourceUsage().maxRSS: the high-water mark of the whole process).
//
// Prints the peak RSS of 3 and of 24 replications of the year-long baseline and their ratio
// (target: at most 1.15), then the growth per replication on a short scenario measured over many
// replications (--many, default 200) and what it projects for 1,000 of the year-long baseline:
// the year's peak at 24 plus 976 × the larger of the two per-replication slopes (the year's own,
// 3 → 24, and the short scenario's; what a replication keeps, its KPI values, is about as large
// either way). Prints numbers and whether each target holds; asserts nothing.
//
// usage: node bench/memory.mjs [--scenario baseline-year.json] [--short baseline.json]
//                              [--few 3] [--more 24] [--many 200] [--target 1000]
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const year = opt("scenario", "baseline-year.json"), short = opt("short", "baseline.json");
const few = Number(opt("few", "3")), more = Number(opt("more", "24")), many = Number(opt("many", "200")), target = Number(opt("target", "1000"));

// printed by the measured process as it exits: its peak RSS (KiB) and CPU seconds
const AT_EXIT = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nMEMORY "+JSON.stringify({maxRSS:u.maxRSS,cpu:(u.userCPUTime+u.systemCPUTime)/1e6})+"\\n")})`;

/** Peak RSS (MiB) and CPU seconds of one `run` of a shipped scenario. */
function measure(scenario, replications) {
  const argv = ["--import", AT_EXIT, here("../bin/supportsim.js"), "run", here(`../scenarios/${scenario}`), "--replications", String(replications), "--threads", "1", "--json"];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, argv, { maxBuffer: 1 << 30 }, (err, _stdout, stderr) => {
      if (err) return reject(new Error(`${scenario} × ${replications}: ${err.message}\n${stderr}`));
      const m = /MEMORY (\{.*\})/.exec(stderr);
      if (m === null) return reject(new Error(`${scenario} × ${replications}: no measurement\n${stderr}`));
      const { maxRSS, cpu } = JSON.parse(m[1]);
      resolve({ mib: maxRSS / 1024, cpu });
    });
  });
}

const mib = (x) => `${x.toFixed(0)} MiB`;
const line = (scenario, n, m) => console.log(`  ${scenario} × ${String(n).padStart(4)} replications: peak RSS ${mib(m.mib).padStart(8)}   CPU ${m.cpu.toFixed(1)} s`);

console.log(`peak RSS of \`supportsim run --threads 1\`, one fresh process per line`);
const a = await measure(year, few); line(year, few, a);
const b = await measure(year, more); line(year, more, b);
const ratio = b.mib / a.mib;
console.log(`ratio ${more} / ${few} replications: ${ratio.toFixed(3)} (target ≤ 1.15: ${ratio <= 1.15 ? "met" : "NOT MET"})`);

const c = await measure(short, few); line(short, few, c);
const d = await measure(short, many); line(short, many, d);
const slopeYear = (b.mib - a.mib) / (more - few), slopeShort = (d.mib - c.mib) / (many - few);
const slope = Math.max(slopeYear, slopeShort, 0);
const projected = b.mib + slope * (target - more);
console.log(`growth per replication: ${(slopeYear * 1024).toFixed(0)} KiB (${year}, ${few} → ${more}), ${(slopeShort * 1024).toFixed(0)} KiB (${short}, ${few} → ${many})`);
console.log(`projected peak for ${target} replications of ${year}: ${mib(projected)} (target < 1024 MiB: ${projected < 1024 ? "met" : "NOT MET"})`);
