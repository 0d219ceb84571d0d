/**
 * Programmes in model units: KCS (names of need types and tiers → arrays by index; unnamed need
 * types keep their knowledge-base coverage, unnamed tiers get neutral values; months × 43830 →
 * minutes, money per month → per minute), problem management (its need types by index:
 * the quality-driven ones by default; days × 1440 → minutes) and customer training (its gap
 * closed by segment index, unnamed segments 0).
 */
import type { CustomerTrainingConfig, KcsConfig, NeedTypeConfig, ProblemManagementConfig } from "../../../model/config.js";
import { DAY_MINUTES, MONTH_MINUTES } from "../../../time/units.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import type { SupportScenario } from "../schema.js";
import { nameIndex, type BuildContext } from "./context.js";

/** Value of a name in an optional map, or the default. */
function named(map: Readonly<Record<string, number>> | undefined, key: string, fallback: number): number {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : fallback;
}

/** The KCS programme in model units: arrays by need type (coverage; unnamed keep their base) and by tier (unnamed: neutral). */
export function kcsConfig(k: NonNullable<SupportScenario["kcs"]>, needTypes: readonly NeedTypeConfig[], { tierNames, toT }: BuildContext): KcsConfig {
  const K = D.kcs;
  const cov = k.coverage;
  return {
    start: k.start === undefined ? 0 : toT(k.start),
    ramp: (k.rampMonths ?? K.rampMonths) * MONTH_MINUTES,
    shape: k.shape ?? K.shape,
    coverage: needTypes.map((n) => (typeof cov === "number" ? cov : named(cov, n.name, n.kbCoverage))),
    resolveGain: tierNames.map((t) => named(k.resolveGain, t, K.resolveGain)),
    handleTimeFactor: tierNames.map((t) => named(k.handleTimeFactor, t, K.handleTimeFactor)),
    articleTime: tierNames.map((t) => named(k.articleTime, t, K.articleTime)),
    complexityUplift: k.complexityUplift ?? K.complexityUplift,
    costPerMinute: (k.costPerMonth ?? K.costPerMonth) / MONTH_MINUTES,
  };
}

/** Problem management in model units (its need types by default: the quality-driven ones). */
export function problemManagementConfig(pm: NonNullable<SupportScenario["problemManagement"]>, needTypes: readonly NeedTypeConfig[], { needNames, toT }: BuildContext): ProblemManagementConfig {
  return {
    start: pm.start === undefined ? 0 : toT(pm.start),
    needTypes:
      pm.needTypes === undefined
        ? needTypes.flatMap((n, k) => (n.driver === "quality" ? [k] : []))
        : pm.needTypes.map((n) => nameIndex(needNames, n, "need type")),
    resolvedPerFix: pm.resolvedPerFix,
    lag: pm.lagDays * DAY_MINUTES,
    reductionPerFix: pm.reductionPerFix,
    maxReduction: pm.maxReduction ?? D.problemManagement.maxReduction,
    costPerFix: pm.costPerFix ?? D.problemManagement.costPerFix,
  };
}

/** Customer training in model units: the share of the gap closed per segment (a number: every segment; unnamed: 0). */
export function customerTrainingConfig(ct: NonNullable<SupportScenario["customerTraining"]>, segNames: readonly string[], { toT }: BuildContext): CustomerTrainingConfig {
  const gap = ct.gapClosed;
  return {
    start: ct.start === undefined ? 0 : toT(ct.start),
    ramp: (ct.rampMonths ?? D.customerTraining.rampMonths) * MONTH_MINUTES,
    gapClosed: segNames.map((g) => (typeof gap === "number" ? gap : named(gap, g, 0))),
    costPerMinute: (ct.costPerMonth ?? D.customerTraining.costPerMonth) / MONTH_MINUTES,
  };
}
