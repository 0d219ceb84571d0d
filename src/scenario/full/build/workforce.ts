/**
 * The people behind a pool in model units: attritionPerYear a (leavers per employee-year) →
 * hazard a / 525960 per minute; days × 1440 → minutes; hiring-plan dates → minutes since the start.
 */
import type { WorkforceConfig } from "../../../model/config.js";
import { DAY_MINUTES, YEAR_MINUTES } from "../../../time/units.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import type { SupportScenario } from "../schema.js";

/**
 * The pool's workforce in model units. The target defaults to the FTE the schedule pays for,
 * ceil(paid agent-minutes per week / (hoursPerWeek · 60)) (a 1e-9 slack against rounding
 * noise), the headcount at the start to ceil(target).
 */
export function workforceConfig(w: NonNullable<SupportScenario["pools"][number]["workforce"]>, paidMinutesPerWeek: number, toT: (date: string) => number): WorkforceConfig {
  const W = D.workforce;
  const hoursPerWeek = w.hoursPerWeek ?? W.hoursPerWeek;
  const target = w.targetHeadcount ?? Math.max(0, Math.ceil(paidMinutesPerWeek / (hoursPerWeek * 60) - 1e-9));
  const hiring: WorkforceConfig["hiring"] = {
    mode: w.hiring?.mode ?? W.hiring.mode,
    leadTime: { type: "deterministic", value: (w.hiring?.leadTimeDays ?? W.hiring.leadTimeDays) * DAY_MINUTES },
    plan: (w.hiring?.plan ?? []).map((h) => ({ at: toT(h.date), hires: h.hires })),
  };
  if (w.hiring?.freezeFrom !== undefined) hiring.freezeFrom = toT(w.hiring.freezeFrom);
  return {
    headcount: w.headcount ?? Math.ceil(target - 1e-9),
    target,
    hoursPerWeek,
    attritionPerMinute: (w.attritionPerYear ?? W.attritionPerYear) / YEAR_MINUTES,
    hiring,
    training: (w.trainingDays ?? W.trainingDays) * DAY_MINUTES,
    ramp: (w.ramp ?? W.ramp).map((r) => ({ at: r.afterDays * DAY_MINUTES, proficiency: r.proficiency })),
    resolvePenalty: w.resolvePenalty ?? W.resolvePenalty,
    costPerHire: w.costPerHire ?? W.costPerHire,
  };
}
