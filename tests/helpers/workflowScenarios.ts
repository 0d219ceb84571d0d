/**
 * Scenario files for the workflow tests of compare and sweep, shared by the library's tests
 * (tests/unit/api/) and the command's (tests/unit/cli/): the small baseline (smallBaseline.ts)
 * and variants of it, written to a temporary folder. Each call makes its own folder; remove it
 * in `afterAll`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { smallBaseline } from "./smallBaseline.js";

export interface ScenarioFolder {
  readonly dir: string;
  /** The path of `name` in the folder. */
  path(name: string): string;
  /** Write `content` to `name` in the folder (a string as it is, anything else as JSON); its path. */
  write(name: string, content: unknown): string;
  /** Remove the folder and everything in it. */
  remove(): void;
}

/** An empty temporary folder. */
export function scenarioFolder(prefix = "supportsim-"): ScenarioFolder {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = (name: string) => join(dir, name);
  return {
    dir,
    path,
    write(name, content) {
      writeFileSync(path(name), typeof content === "string" ? content : JSON.stringify(content, null, 2));
      return path(name);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A single queue in the simple form: 10 contacts an hour, `agents` agents, 5 minutes each. */
const simpleQueue = (name: string, agents: number) => ({
  name,
  horizon: { hours: 10 },
  arrivals: { ratePerHour: 10 },
  tiers: [{ name: "L1", agents, handleTime: { dist: "exponential", meanMinutes: 5 } }],
});

/**
 * The files of the compare tests; the small baseline has 4 replications (seed 7):
 *   a.json "small"; b.json "more-l1" (extends a.json: 3 L1 phone/e-mail agents); copy.json (a.json again, same
 *   name); other-settings.json "other" (seed 99, 2 replications); longer.json "longer" (9 days);
 *   simple.json "mm1" and simple3.json "mm1 three agents" (simple form, 2 and 3 agents);
 *   bad.json (an invalid field), syntax.json (not JSON), badbuild.json (valid, but its history
 *   file is missing).
 */
export function compareScenarios(): ScenarioFolder {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const small = (change: (s: any) => void = () => {}) => smallBaseline(4, change);
  const files = scenarioFolder("supportsim-compare-");
  files.write("a.json", small());
  // a what-if of a.json (so both are calibrated on the same status quo, and keep their common random numbers)
  files.write("b.json", { extends: "a.json", name: "more-l1", pools: { "L1 phone and e-mail": { agents: 3 } } });
  files.write("copy.json", small()); // same name "small" as a.json
  files.write("other-settings.json", small((s) => { s.name = "other"; s.seed = 99; s.replications = 2; }));
  files.write("longer.json", small((s) => { s.name = "longer"; s.horizon = { days: 9, warmupDays: 1, intervalMinutes: 30 }; }));
  files.write("simple.json", simpleQueue("mm1", 2));
  files.write("simple3.json", simpleQueue("mm1 three agents", 3));
  files.write("bad.json", small((s) => { s.pools[0].agents = -1; }));
  files.write("syntax.json", "{ \"name\": \"x\", }");
  // valid against the schema, but the model cannot be built: the history file is missing
  files.write("badbuild.json", small((s) => { s.name = "badbuild"; s.arrivals = [{ channel: "phone", history: { file: "missing.csv", channel: "phone" } }]; }));
  return files;
}

/** The varied parameters of the sweep tests. */
export const L1 = "pools.L1 phone and e-mail.agents";
export const L2 = "pools.L2.agents";
/** The 2 × 2 grid of the sweep tests: L2 1, 2 (slowest), L1 2, 3 — as the library takes it … */
export const GRID_VARY = [{ path: L2, values: [1, 2] }, { path: L1, values: [2, 3] }];
/** … and as `--vary` flags. */
export const GRID = [`${L2}=1,2`, `${L1}=2,3`];

/**
 * The files of the sweep tests: base.json, the small baseline with 2 replications ("small",
 * seed 7); what-if.json extending it (L3 engineering 2 agents), so the sweeps also go through
 * `extends`; simple.json "mm1", a simple-form single queue with 2 agents.
 */
export function sweepScenarios(): ScenarioFolder {
  const files = scenarioFolder("supportsim-sweep-");
  files.write("base.json", smallBaseline(2));
  files.write("what-if.json", { extends: "base.json", name: "what-if", pools: { "L3 engineering": { agents: 2 } } });
  files.write("simple.json", simpleQueue("mm1", 2));
  return files;
}
