/**
 * The budget year through the library: per pool and month the required FTE (measured in
 * simulation), the hiring calendar covering it at the least expected cost (HiGHS), and the
 * end-to-end check of the planned scenario on fresh seeds (analysis/plan/planYear.ts).
 */
import { scenarioSha256 } from "../analysis/experiments/sweep/document.js";
import { planYear, type PlanOutcome } from "../analysis/plan/planYear.js";
import type { PlanOptions } from "../analysis/plan/planOptions.js";
import type { Scenario } from "./scenario.js";

export type { PlanOptions, PlanOutcome };

/** What `supportsim plan --json` prints and saves as results.json. */
export type PlanDocument = { format: "supportsim-plan"; version: 1; scenarioSha256: string; options: Record<string, unknown> } & PlanOutcome;

/**
 * Plan the hiring of every pool without a vendor of a loaded scenario over `options.months`
 * months. `plannedScenarioDir`: where the planned scenario will be saved (its data paths are
 * made relative to it). @throws InputError for bad options (paths named after the options).
 */
export async function plan(scenario: Scenario, options: PlanOptions & { plannedScenarioDir?: string }): Promise<PlanDocument> {
  const outcome = await planYear(scenario, options);
  const { onRun: _r, onWarning: _w, plannedScenarioDir: _d, ...given } = options;
  return { format: "supportsim-plan", version: 1, scenarioSha256: scenarioSha256(scenario.resolved), options: given as Record<string, unknown>, ...outcome };
}
