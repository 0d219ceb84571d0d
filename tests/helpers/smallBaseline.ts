/** A small, quick version of scenarios/baseline.json (3,000 customers, 8 days, few agents) for command tests, its ranges at their expected values. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { plainScenario, scenarioInputs } from "../../src/scenario/inputs/inputs.js";

const WRITTEN = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "scenarios", "baseline.json"), "utf8"));
/** The baseline as it runs: its ranges (the loyalty calibration) at their expected values. */
const BASELINE = plainScenario(WRITTEN, scenarioInputs(WRITTEN));

/** The small baseline with `replications`, then `change` applied to the parsed object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function smallBaseline(replications: number, change: (s: any) => void = () => {}): any {
  const s = structuredClone(BASELINE);
  s.name = "small";
  s.seed = 7;
  s.replications = replications;
  s.customers.count = 3000;
  s.horizon = { days: 8, warmupDays: 1, intervalMinutes: 30 };
  s.pools[0].agents = 2; // L1 phone and e-mail
  s.pools[1].agents = 1; // L1 chat
  s.pools[2].agents = 2; // L2
  s.pools[3].agents = 1; // L3
  change(s);
  return s;
}
