/**
 * Pools in model units: skills (work type indexes), the schedule (shifts and staffing tables
 * → the pool's `schedule`; its `agents` — the most on the floor at once — and `hours` — when
 * anyone is scheduled — come from `WeeklyPattern`; agents with optional hours keep agents and
 * hours as written), the factors, the loaded cost per hour (wagePerHour × (1 + benefits +
 * overhead)), and the workforce and vendor behind the pool.
 */
import type { SupportPoolConfig } from "../../../model/config.js";
import { WeeklyPattern } from "../../../model/staffing/weeklyPattern.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import { poolSchedule } from "../poolSchedule.js";
import type { SupportScenario } from "../schema.js";
import { nameIndex, type BuildContext } from "./context.js";
import { vendorConfig } from "./vendor.js";
import { workforceConfig } from "./workforce.js";

type PoolInput = SupportScenario["pools"][number];

/** Loaded cost per paid agent hour: costPerHour, or wagePerHour × (1 + benefits + overhead); 0 when neither is given. */
export function loadedCostPerHour(p: Pick<PoolInput, "costPerHour" | "cost">): number {
  if (p.costPerHour !== undefined) return p.costPerHour;
  if (p.cost !== undefined) return p.cost.wagePerHour * (1 + (p.cost.benefits ?? D.pool.cost.benefits) + (p.cost.overhead ?? D.pool.cost.overhead));
  return D.pool.costPerHour;
}

export function poolConfigs(s: SupportScenario, { needNames, chanNames, tierNames, timeZone, toT }: BuildContext): SupportPoolConfig[] {
  const C = chanNames.length;
  return s.pools.map((p) => {
    const needs = (p.needTypes ?? needNames).map((n) => nameIndex(needNames, n, "need type"));
    const chans = (p.channels ?? chanNames).map((c) => nameIndex(chanNames, c, "channel"));
    const skills = new Set<number>();
    for (const n of needs) for (const c of chans) skills.add(n * C + c);
    const schedule = poolSchedule(p);
    const pattern = new WeeklyPattern(schedule);
    const out: SupportPoolConfig = {
      name: p.name,
      tier: nameIndex(tierNames, p.tier, "tier"),
      agents: schedule.type === "hours" ? schedule.agents : pattern.maxFloor,
      skills: [...skills].sort((a, b) => a - b),
      concurrency: p.concurrency ?? D.pool.concurrency,
      stretch: p.stretch ?? D.pool.stretch,
      schedule,
      timeZone: p.timeZone ?? timeZone,
      shrinkage: p.shrinkage ?? D.pool.shrinkage,
      occupancyCap: p.occupancyCap ?? D.pool.occupancyCap,
      reserveForLive: p.reserveForLive ?? D.pool.reserveForLive,
      handleTimeFactor: p.handleTimeFactor ?? D.pool.handleTimeFactor,
      resolveFactor: p.resolveFactor ?? D.pool.resolveFactor,
      costPerHour: loadedCostPerHour(p),
      overtimeRate: p.overtimeRate ?? D.pool.overtimeRate,
    };
    const hours = schedule.type === "hours" ? schedule.hours : pattern.staffedHours();
    if (hours !== undefined) out.hours = hours;
    if (p.workforce !== undefined) out.workforce = workforceConfig(p.workforce, pattern.paidMinutesPerWeek, toT);
    if (p.vendor !== undefined) out.vendor = vendorConfig(p.vendor, toT);
    return out;
  });
}
