/**
 * Upper bounds of what a scenario may ask for (issue 18): beyond them a run would not finish,
 * would exhaust memory, or would overflow its sums, so `validate` refuses what `run` cannot do.
 * Each is far above any real support operation. (A module without zod: option checks read it too.)
 */
export const LIMITS = {
  /** The horizon: 10 years. */
  horizonDays: 3660,
  /** A duration (handle time, patience, lead time …): one year of minutes. */
  durationMinutes: 525_960,
  /** A coefficient of variation. */
  cv: 10,
  /** Agents (a pool, a schedule row, a shift pattern) and employees. */
  agents: 10_000,
  /** Replications of one scenario. */
  replications: 100_000,
  /** Threads a run may ask for (more than any machine uses only costs memory, a worker each). */
  threads: 256,
  /** Customers at the start. */
  customers: 10_000_000,
  /** New customers a month. */
  salesPerMonth: 1_000_000,
  /** Needs per customer per month, of one need type. */
  needsPerCustomerPerMonth: 1000,
  /** Requests per hour of one forecast stream. */
  ratePerHour: 1_000_000,
  /** A release's defect spike, times the baseline rate. */
  spike: 1000,
} as const;
