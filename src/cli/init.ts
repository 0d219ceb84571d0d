/**
 * `supportsim init [DIR]`: start a scenario of your own. Writes DIR/scenario.json (a copy of the
 * shipped baseline, renamed, with `$schema` pointing at the installed JSON Schema so editors
 * complete fields), DIR/what-if.json (a few lines extending it) and DIR/README.md explaining
 * each part (JSON has no comments, so the explanations live beside it). Existing files are
 * never overwritten (exit 2) unless --force.
 */
import { checkOutputFolder, OutputFolderError } from "../report/outputFolder.js";
import { asUsage } from "./outputs.js";
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { writeFileAtomic } from "../report/files.js";
import { InputError, problem } from "../errors.js";
import { DEFAULT_SCENARIO, PACKAGE_ROOT } from "./paths.js";

export interface InitArgs {
  dir?: string;
  force: boolean;
}

const README = (schema: string, docs: string) => `# A supportsim scenario

\`scenario.json\` describes a support organisation; \`what-if.json\` changes it. Run them and compare
(with supportsim installed, e.g. \`npm install -g ./supportsim-<version>.tgz\`; installed in a
project instead, put \`npx\` before each command):

\`\`\`sh
supportsim validate scenario.json what-if.json     # every problem at once, with its path
supportsim run scenario.json                       # the funnel, KPIs, costs and retention with 95% intervals
supportsim compare scenario.json what-if.json      # side by side, differences with paired intervals
supportsim run what-if.json --out results          # results.json, intervals.csv, scenario.resolved.json, charts, report.html
\`\`\`

JSON has no comments, so here is what each part of \`scenario.json\` is (every field, its unit,
default and source: \`scenario-format.md\` and \`model.md\` in the supportsim package's docs,
${docs}).
Editors that read \`$schema\` (${schema}) complete and check fields as you type.

- **name, seed, replications, start, timeZone, horizon** — what the run is called, its random
  seed and number of replications; the start (local wall-clock time in \`timeZone\`); the horizon
  in days, the warm-up (not counted) and the reporting interval.
- **serviceLevel.thresholdSeconds** — "answered within" for the service level.
- **seasonality** — intraday and weekly shape of demand (presets or 48 / 7 weights).
- **customers** — how many, sales per month, how fast they learn the product, and segments
  (share, expertise, revenue, churn per year or contract renewal rate, priority, plan and price).
- **needTypes** — what customers need help with: needs per customer per month, what drives them
  (expertise, product quality or nothing), severity, preferred channels, knowledge-base coverage.
- **selfService, retention** — the knowledge base's cost per session; how experiences move churn.
- **channels** — phone, chat, e-mail…: real-time or deferred, hours, entry tier, callbacks,
  redials, cost per contact.
- **tiers** — L1, L2, L3: handle times, patience, resolution per need type, where unresolved work
  goes (escalate as a ticket, or warm transfer).
- **pools** — agents per tier and channel: \`agents\` + \`hours\`, or \`shifts\` with breaks, or a
  weekly \`staffingTable\`; shrinkage, time zone, loaded cost per hour; optionally a \`workforce\`
  (attrition, hiring, ramp-up) or a \`vendor\` (outsourcing).
- Optional blocks: **quality** (releases, fixes), **kcs** (a shift-left program),
  **problemManagement**, **operatingModel**, **arrivals** (a volume forecast), **calibration**.

\`what-if.json\` shows the what-if form: \`"extends"\` names the base, and the rest is a JSON Merge
Patch applied to it — objects patch field by field, \`null\` removes, and lists of named things
(pools, tiers, channels…) are patched by name: \`"pools": { "L2": { "agents": 14 } }\`.
`;

/** Write the starter files; returns what was written (one line each). */
export function initScenario(dir: string, force = false): string[] {
  // a folder that cannot hold files (a file, /proc, no permission) is found before anything is written
  try {
    checkOutputFolder(dir);
  } catch (e) {
    if (e instanceof OutputFolderError) throw new InputError(problem("init", `cannot write to ${dir}: ${e.message}`));
    throw e;
  }
  const files = ["scenario.json", "what-if.json", "README.md"].map((f) => join(dir, f));
  const existing = files.filter((f) => existsSync(f));
  if (existing.length > 0 && !force) throw new InputError(problem("init", `${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; use --force to overwrite`));
  const schema = relative(resolve(dir), join(PACKAGE_ROOT, "docs", "scenario.schema.json")).split("\\").join("/");
  const base = readFileSync(DEFAULT_SCENARIO, "utf8")
    .replace(/"\$schema": "[^"]*"/, `"$schema": ${JSON.stringify(schema)}`)
    .replace(/"name": "baseline"/, '"name": "my-support"');
  const whatIf = {
    $schema: schema,
    extends: "scenario.json",
    name: "my-support-more-l2",
    description: "The same organisation with 4 more L2 agents and a KCS program from 1 February 2027 (a what-if: only the changes).",
    pools: { L2: { agents: 14 } },
    kcs: { start: "2027-02-01", rampMonths: 1, coverage: { "how-to": 0.6 }, resolveGain: { L1: 0.2 }, costPerMonth: 5000 },
  };
  asUsage("init", dir, () => {
    writeFileAtomic(files[0], base);
    writeFileAtomic(files[1], JSON.stringify(whatIf, null, 2) + "\n");
    writeFileAtomic(files[2], README(schema, join(PACKAGE_ROOT, "docs")));
  });
  return files.map((f) => `wrote ${f}`);
}
