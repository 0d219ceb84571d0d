import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "vitest";
import { runCompare } from "../src/cli/compare.js";

const base = JSON.parse(readFileSync(join(import.meta.dirname, "..", "scenarios", "baseline.json"), "utf8"));
it("explore", () => {
  const dir = mkdtempSync(join(tmpdir(), "cmp-"));
  for (const [l1, l1c] of [[2, 1], [3, 1], [2, 2]]) {
    const s = structuredClone(base);
    s.name = `a${l1}${l1c}`;
    s.customers.count = 3000;
    s.horizon = { days: 8, warmupDays: 1, intervalMinutes: 30 };
    s.replications = 4;
    s.pools[0].agents = l1; s.pools[1].agents = l1c; s.pools[2].agents = 2; s.pools[3].agents = 1;
    writeFileSync(join(dir, `${s.name}.json`), JSON.stringify(s));
  }
  const t0 = Date.now();
  runCompare([join(dir, "a21.json"), join(dir, "a31.json"), join(dir, "a22.json")], { stdout: (s) => console.log(s), stderr: (s) => console.log(s) });
  console.log(Date.now() - t0, "ms");
  const r = runCompare([join(dir, "a21.json"), join(dir, "a31.json")], { json: true, stdout: () => {} });
  console.log(JSON.stringify(r.metrics["channel.phone.serviceLevel"]), JSON.stringify(r.metrics["channel.chat.serviceLevel"]));
});
