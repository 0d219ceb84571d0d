// `npm run bench:sweep` (also run at the end of `npm run bench`): the time for a 100-point
// sweep — scenarios/baseline.json cut to 3,000 customers and 8 days (1 warm-up), 2
// replications a point, a 10 × 10 grid of L1 phone/e-mail and L2 agents — on the machine's cores.
// Prints numbers only, asserts nothing.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const { execSweep } = await import(here("../dist/cli/sweep.js"));
const s = JSON.parse(readFileSync(here("../scenarios/baseline.json"), "utf8"));
delete s.$schema;
s.customers.count = 3000;
s.horizon = { days: 8, warmupDays: 1, intervalMinutes: 30 };
const dir = mkdtempSync(join(tmpdir(), "supportsim-sweep-bench-"));
const file = join(dir, "small.json");
writeFileSync(file, JSON.stringify(s));
const threads = availableParallelism();
const t0 = performance.now();
await execSweep(file, { vary: ["pools.L1 phone and e-mail.agents=2..11:1", "pools.L2.agents=2..11:1"], replications: 2, threads, out: join(dir, "out"), stdout: () => {}, stderr: () => {}, progress: false });
const sec = (performance.now() - t0) / 1000;
console.log(`100-point sweep (10 × 10 grid, 2 replications each, 3,000 customers, 8 days) on ${threads} thread(s): ${sec.toFixed(1)} s — ${(100 / sec).toFixed(1)} points/s, ${(200 / sec).toFixed(1)} replications/s`);
