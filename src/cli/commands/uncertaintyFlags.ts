/**
 * The flags of a Monte Carlo over the inputs (`--uncertainty N` and its targets), on run and
 * compare; the work is ../uncertainty.ts, loaded when a command runs.
 */
import type { Argv } from "yargs";

/** The flags of a Monte Carlo over the inputs, on run and compare. */
export interface UncertaintyArgs {
  uncertainty?: number;
  "target-sl"?: number;
  "target-abandon"?: number;
  budget?: number;
}

/** Add the flags to a command. */
export function uncertaintyOptions<T>(a: Argv<T>): Argv<T & UncertaintyArgs> {
  return a
    .option("uncertainty", { type: "number", describe: "draw this many input sets from the scenario's ranges (Latin hypercube) and run the replications for each: P10/P50/P90 per KPI, the share of variance due to the inputs, the probability of each target" })
    .option("target-sl", { type: "number", describe: "with --uncertainty: the service-level target of every real-time channel whose probability is reported (default 0.8)" })
    .option("target-abandon", { type: "number", describe: "with --uncertainty: the abandon-rate target of every real-time channel (at most; default 0.05)" })
    .option("budget", { type: "number", describe: "with --uncertainty: report the probability that the total cost stays at or under this amount" }) as unknown as Argv<T & UncertaintyArgs>;
}
