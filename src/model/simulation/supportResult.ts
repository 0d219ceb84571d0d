/**
 * What one replication of the support model hands back (simulation.ts): the configuration
 * simulated, its counters, the network with its statistics, the cost ledger, and per pool and
 * for the customer base what the run booked.
 */
import type { SupportConfig } from "../config.js";
import type { CostLedger } from "../costs.js";
import type { SupportCounters } from "../counters.js";
import type { ChurnExposure } from "../customers/churnExposure.js";
import type { Network } from "../network/network.js";

/** Per pool, over [warm-up, horizon). */
export interface PoolStats {
  /** Paid agent-minutes (schedule × fill, breaks included, plus trainees and surplus staff). */
  paidMinutes: number;
  /** Scheduled agent-minutes on the floor (before shrinkage, vacancies and article time). */
  scheduledFloorMinutes: number;
  /** Agent-minutes worked past a shift's end (finishing the contacts in hand), and what they cost at the overtime rate. */
  overtimeMinutes: number;
  overtimeCost: number;
  /** Employees at the horizon; fewest employed, hires and leavers after the warm-up (pools with a workforce; else NaN / 0). */
  headcountEnd: number;
  headcountMin: number;
  hires: number;
  leavers: number;
}

export interface RetentionStats {
  /** Churns after the warm-up (hazard and renewals), their annual revenue, and the part the service experience caused: Σ (1 − 1/M). */
  churned: number;
  churnedRevenue: number;
  serviceChurn: number;
  serviceChurnRevenue: number;
  /** The band beside the central figures (churnBand.ts): [optimistic, pessimistic] churns, their annual revenue and the revenue at risk. */
  churnedBand: [number, number];
  churnedRevenueBand: [number, number];
  revenueAtRiskBand: number[];
  /** Per segment: churns after the warm-up, and the churns its input rates state over the same exposure (h_in · E or ℓ_in · A). */
  churnedBySegment: number[];
  churnAtInputBySegment: number[];
  /** The exposure sums the calibration of the base rates reads (churnExposure.ts). */
  exposure: ChurnExposure;
  /** Per segment, quantiles of the active customers' remembered ln M at the horizon (what the next pilot pass starts from: initialExperience.ts). */
  experienceQuantiles: number[][];
  /** The same four per calendar month of `r.costs.months` (customers.ts CHURN_MONTH_FIELDS): month · 4 + field. */
  byMonth: Float64Array;
  /** Recurring revenue earned over [warm-up, horizon), and the annual recurring revenue of the base at the horizon. */
  revenueEarned: number;
  arrEnd: number;
  /**
   * Over the year after the horizon, the expected annual revenue lost through customers whose
   * experience raised their churn (at risk), and kept through those whose experience lowered it
   * (protected), against a neutral experience (retention.ts revenueAtRisk).
   */
  revenueAtRisk: number;
  revenueProtected: number;
  /** Customers expected to churn within the year after the horizon because of their experience, net (Σ P(M) − P(1)). */
  excessChurnNextYear: number;
  /** Active customers averaged over [warm-up, horizon) (for cost per customer). */
  meanCustomers: number;
}

export interface SupportResult {
  /** The configuration simulated (with its operating-model preset applied). */
  config: SupportConfig;
  counters: SupportCounters;
  network: Network;
  costs: CostLedger;
  pools: PoolStats[];
  retention: RetentionStats;
  /** Active customers per segment at the end of the horizon, sales and churn over it. */
  activeBySegment: number[];
  sales: number;
  churned: number;
  customersBytes: number;
  events: number;
  /** Needs counted (after the warm-up) that were still open when the run ended, found by scanning the store. */
  openAtEnd: number;
}
