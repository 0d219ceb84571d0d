/**
 * Equal-service comparisons (docs/model.md §14.6): before scenarios are compared, each is sized
 * to the same service targets by the staffing search (analysis/staffing/solver.ts: the fewest
 * agents on the floor per pool and interval of the week that meet the targets in simulation,
 * with the comparison's seed and replications), so that a what-if that removes demand shows its
 * saving as paid hours and money, and one that adds demand shows what keeping service costs.
 *
 * Each sized pool then works a weekly staffing table of paid agents per interval,
 *
 *   paid_i = floor_i / (1 − shrinkage − article time)      (fractional: solution.ts `paid`)
 *
 * so that its floor is exactly the floor the search measured, with its shrinkage, article time,
 * costs and overtime as in the scenario. Its workforce model (attrition, hiring) is left out: the
 * sized floor is the staffing a planner would keep filled [A]. Pools the search does not size
 * (`pools`) keep their schedules. Shift plans are not made: the comparison is of the
 * requirement, not of how well shifts cover it (`staff` plans those).
 */
import type { SupportConfig, SupportPoolConfig } from "../../model/config.js";
import type { StaffingSolution } from "../staffing/solution.js";
import { solveStaffing } from "../staffing/solver.js";
import { onTable } from "../staffing/staffedConfig.js";
import type { StaffingTargets } from "../staffing/targets.js";

export interface EqualServiceOptions {
  targets: StaffingTargets;
  seed: number;
  replications: number;
  /** Pools to size (default: every pool). */
  pools?: readonly string[];
  /** Simulation runs of each scenario's search (default: the search's). */
  maxRuns?: number;
  threads?: number;
  /** Called as each scenario's search runs (scenario index, evaluations so far). */
  onEvaluation?: (scenario: number, n: number) => void;
}

export interface SizedScenario {
  /** The configuration with its sized pools on the requirement's staffing tables. */
  config: SupportConfig;
  solution: StaffingSolution;
}

/** Size each configuration to the targets (one search each, one after another), and staff its pools so. */
export async function sizeToTargets(configs: readonly SupportConfig[], o: EqualServiceOptions): Promise<SizedScenario[]> {
  const out: SizedScenario[] = [];
  for (let s = 0; s < configs.length; s++) {
    const solution = await solveStaffing(configs[s], {
      targets: o.targets, seed: o.seed, replications: o.replications, pools: o.pools, maxEvaluations: o.maxRuns, threads: o.threads,
      onEvaluation: o.onEvaluation ? (n) => o.onEvaluation!(s, n) : undefined,
    });
    out.push({ config: staffedAt(configs[s], solution), solution });
  }
  return out;
}

/** The configuration with each sized pool on a weekly table of its paid agents per interval (see the header). */
export function staffedAt(cfg: SupportConfig, solution: StaffingSolution): SupportConfig {
  const L = solution.intervalMinutes;
  const pools = cfg.pools.map((p): SupportPoolConfig => {
    const req = solution.pools.find((r) => r.pool === p.name);
    return req === undefined ? p : onTable(p, req.intervals.map((iv) => iv.paid), L);
  });
  return { ...cfg, pools };
}

/** One line naming the targets, for tables, JSON and narratives. */
export function equalServiceLabel(t: StaffingTargets): string {
  const parts = [`service level ≥ ${Math.round(t.serviceLevel * 100)}% within ${t.thresholdSeconds} s in every interval`];
  if (t.maxAbandon !== undefined) parts.push(`abandonment ≤ ${Math.round(t.maxAbandon * 1000) / 10}%`);
  if (t.maxOccupancy !== undefined) parts.push(`occupancy ≤ ${Math.round(t.maxOccupancy * 100)}%`);
  parts.push(`deferred work ≥ ${Math.round(t.response * 100)}% within its response target`);
  return `equal service: every scenario sized to ${parts.join(", ")}`;
}
