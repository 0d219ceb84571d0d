/**
 * Filling in the issue-4 parts of a hand-made SupportConfig (staffing, costs, retention) with
 * neutral values, so tests of other mechanisms stay exact: a pool staffed by `agents` during
 * `hours` (or always), no shrinkage, no cap, factors 1, no costs, and a retention ladder whose
 * multipliers are all 1 (experience does not move churn).
 */
import { defaultRetentionConfig } from "../../src/model/customers/retention.js";
import type { SupportConfig, SupportPoolConfig } from "../../src/model/config.js";

export type SimplePool = Pick<SupportPoolConfig, "name" | "tier" | "agents" | "skills"> & Partial<SupportPoolConfig>;

/** A pool in the "agents during hours" form with neutral issue-4 fields. */
export function pool(p: SimplePool, timeZone = "UTC"): SupportPoolConfig {
  return {
    concurrency: 1, stretch: 0,
    schedule: { type: "hours", agents: p.agents, hours: p.hours },
    timeZone, shrinkage: 0, occupancyCap: 1, handleTimeFactor: 1, resolveFactor: 1, costPerHour: 0, overtimeRate: 1.5,
    ...p,
  };
}

/** Segment fields for hazard churn. */
export const HAZARD = { churnMode: "hazard", renewalRate: 1, term: 525_960 } as const;

/** Costs of nothing, and a neutral retention ladder (M = 1 on every row). */
export function neutralEconomics(channels: number): Pick<SupportConfig, "costs" | "retention"> {
  return {
    costs: { currency: "USD", perContactByChannel: new Array<number>(channels).fill(0), perSelfServiceSession: 0 },
    retention: { ...defaultRetentionConfig(), calibration: "neutral", multipliers: { minor: [1, 1, 1, 1], major: [1, 1, 1, 1] } },
  };
}
