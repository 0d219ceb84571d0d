/**
 * Staffing through the library: the fewest agents per pool and interval of the week that meet
 * the targets in simulation (common random numbers, from the Erlang start), the shifts that
 * cover them at the fewest paid hours, and the scenario with those shifts
 * (analysis/staffing/staffScenario.ts). A simple-form scenario is staffed as the full form it
 * stands for, and its staffed scenario is written in the full form (shifts need it).
 */
import { staffScenario, type StaffOutcome } from "../analysis/staffing/staffScenario.js";
import type { StaffOptions } from "../analysis/staffing/staffOptions.js";
import type { Scenario } from "./scenario.js";

export type { StaffOptions, StaffOutcome };

/** Size every pool (or `options.pools`) of a loaded scenario to the targets, and plan its shifts. */
export async function staff(scenario: Scenario, options: StaffOptions): Promise<StaffOutcome> {
  return staffScenario(scenario, options);
}
