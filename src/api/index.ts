/**
 * supportsim as a library:
 *
 *   import { loadScenario, simulate, compare, sweep, staff, plan, erlang } from "supportsim";
 *
 *   const baseline = loadScenario("scenarios/baseline.json");
 *   const run = await simulate(baseline, { replications: 5 });
 *   run.estimates["channel.phone.serviceLevel"];   // { mean, ci95: [low, high] }
 *
 * Bad input of any kind is an `InputError` listing each problem with its field path (a scenario
 * field, or an option's name); anything else thrown is a bug.
 */
export { InputError, type Problem } from "../errors.js";
export { loadScenario, scenarioAtInputs, type Scenario, type LoadOptions } from "./scenario.js";
export { simulateUncertainty, type UncertaintyOptions, type UncertaintyResult } from "./uncertainty.js";
export { sensitivity, type SensitivityOptions, type SensitivityResult } from "./sensitivity.js";
export { simulate, resultJson, type RunResult, type IntervalRow, type SimulateOptions } from "./simulate.js";
export { compare, comparisonJson, type CompareOptions, type CompareResult, type Comparison, type EqualService } from "./compare.js";
export { sweep, mergeSweep, withAxes, type SweepOptions, type SweepResult, type SweepDocument, type ShardDocument, type Shard, type Vary } from "./sweep.js";
export { staff, type StaffOptions, type StaffOutcome } from "./staff.js";
export { plan, type PlanOptions, type PlanOutcome, type PlanDocument } from "./plan.js";
export { erlang, type QueueLoad, type QueueInput, type QueueMetrics, type StaffingTarget, type StaffingResult, type ErlangXInput, type ErlangXMetrics } from "./erlang.js";
export { reportFiles, readResults, VERSION, type Results } from "./report.js";
export type { Estimate } from "../analysis/confidence.js";
