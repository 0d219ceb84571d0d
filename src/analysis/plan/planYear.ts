/**
 * The budget year, start to end (docs/model.md §23): for every planned pool and month the
 * required FTE (requirementSearch.ts), the hiring calendar that covers it at the least cost in
 * expectation (hiringProgram.ts over workforceCurves.ts, solved on a worker thread so that a
 * signal is handled during the solve: parallel/highsThread.ts), and the end-to-end check of the
 * planned scenario on fresh seeds (planCheck.ts). A month that fails the check has its
 * requirement raised by its gap (at least 5 %) and the calendar is solved and checked again,
 * up to `maxRounds` times; the rounds are reported.
 *
 * Planned pools: every pool without a vendor (a vendor staffs itself). A pool without a
 * workforce in the scenario is planned with the default workforce (§15: 35 %/yr attrition,
 * 34 days to hire, 40 days of training, the ramp), said in a warning.
 */
import { dirname, resolve } from "node:path";
import { resolvedScenarioIn } from "../../scenario/extends.js";
import { buildSupport } from "../../scenario/full/build.js";
import { workforceConfig } from "../../scenario/full/build/workforce.js";
import { runSettings } from "../../scenario/full/runSettings.js";
import type { SupportScenario } from "../../scenario/full/schema.js";
import { validateWithInputs } from "../../scenario/load.js";
import type { SupportConfig, WorkforceConfig } from "../../model/config.js";
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import { InputError, problem } from "../../errors.js";
import { TimeZoneClock } from "../../time/zone.js";
import { parseStartEpochMs } from "../../time/iso.js";
import { localText } from "../../time/localText.js";
import { MINUTE_MS } from "../../time/units.js";
import { calibrated, calibrationOf } from "../experiments/statusQuo.js";
import { solveHiringInThread } from "../parallel/highsThread.js";
import { laneTask } from "../parallel/laneJobs.js";
import { Lanes } from "../parallel/lanes.js";
import { checkSeed } from "../staffing/checkSeed.js";
import type { StaffingTargets } from "../staffing/targets.js";
import type { HiringSolution } from "./hiringProgram.js";
import { relativeGap } from "./monthFigures.js";
import type { MonthCounts } from "./monthProbe.js";
import { judgeCheck, type PlanCheck } from "./planCheck.js";
import { poolMonths, type PoolMonth } from "./planFigures.js";
import { planMonths, type PlanMonths } from "./planMonths.js";
import { checkPlanOptions, PLAN_DEFAULTS, type PlanOptions } from "./planOptions.js";
import { plannedScenario, type PlannedPool } from "./plannedScenario.js";
import { poolCurves, type PoolCurves } from "./poolCurves.js";
import { searchRequirement, type Requirement } from "./requirementSearch.js";
import { scheduledFloorByMonth } from "./scheduleFloor.js";

/** A loaded scenario (the library's loadScenario gives one). */
export interface PlanScenario {
  readonly definition: SupportScenario;
  readonly config: SupportConfig;
  readonly resolved: unknown;
  readonly form?: "full" | "simple";
  readonly file?: string;
  readonly baseDir: string;
  readonly warnings: readonly string[];
}

export interface PlanRound {
  round: number;
  /** Pool-months that failed the check and had their requirement raised for the next round. */
  raised: { pool: string; month: string; from: number; to: number }[];
  passed: boolean;
}

export interface PlanOutcome {
  scenario: string;
  file?: string;
  seed: number;
  replications: number;
  currency: string;
  months: string[];
  targets: StaffingTargets;
  limits: { maxHiresPerMonth: number | null; maxHeadcount: number | null; budgetPerMonth: number | null };
  /** The requirement search: runs, whether a run confirmed it. */
  search: { runs: number; maxRuns: number; confirmed: boolean };
  /** Per planned pool: the workforce it was planned with, its schedule growth, and the month rows (expected figures). */
  pools: { pool: string; defaultWorkforce: boolean; target: number; growth: number; headcountStart: number; rows: PoolMonth[] }[];
  /** Months in which the calendar could not cover the requirement (a cap, a lead time or the budget), per pool. */
  shortMonths: { pool: string; month: string; shortfall: number }[];
  hiringStatus: string;
  check: PlanCheck;
  rounds: PlanRound[];
  /** The scenario with the planned hires, in file form (runnable with `supportsim run`). */
  plannedScenario: Record<string, unknown>;
  warnings: string[];
}

export async function planYear(loaded: PlanScenario, options: PlanOptions & { plannedScenarioDir?: string }): Promise<PlanOutcome> {
  checkPlanOptions(options);
  const { definition, config } = loaded;
  const settings = runSettings(definition, { seed: options.seed, replications: options.replications });
  const targets: StaffingTargets = { serviceLevel: options.targets.serviceLevel, thresholdSeconds: options.targets.thresholdSeconds, response: options.targets.response ?? PLAN_DEFAULTS.response };
  if (options.targets.maxAbandon !== undefined) targets.maxAbandon = options.targets.maxAbandon;
  if (options.targets.maxOccupancy !== undefined) targets.maxOccupancy = options.targets.maxOccupancy;
  const months = planMonths(config.start, config.timeZone, options.months);
  const warnings = [...loaded.warnings];
  const planned = config.pools.flatMap((p, q) => (p.vendor === undefined ? [q] : []));
  if (planned.length === 0) throw new InputError(problem("pools", "expected a pool without a vendor to plan, got none"), loaded.file);
  const startMs = parseStartEpochMs(config.start, config.timeZone);
  const workforces: WorkforceConfig[] = planned.map((q) => {
    const p = config.pools[q];
    return p.workforce ?? workforceConfig({}, new WeeklyPattern(p.schedule).paidMinutesPerWeek, () => 0);
  });
  const defaults = planned.filter((q) => config.pools[q].workforce === undefined).map((q) => config.pools[q].name);
  if (defaults.length > 0) warnings.push(`${defaults.join(", ")}: no workforce in the scenario; planned with the default one (35 %/yr attrition, 34 days to hire, 40 days of training, the ramp; docs/model.md §15)`);
  for (const w of warnings) options.onWarning?.(w);

  // the scenario over the plan's months
  const written = writtenForm(loaded);
  const build = (json: Record<string, unknown>): SupportConfig => {
    // ranges and expressions (the baseline's loyalty calibration is a range) at their expected values, as `run` reads them
    const { scenario } = validateWithInputs(json, loaded.file);
    return calibrated(buildSupport(scenario, { baseDir: loaded.baseDir, file: loaded.file }), calibrationOf(config));
  };
  const base = build(plannedScenario(written, [], months.horizon));

  const threads = Math.min(options.threads ?? 1, settings.replications);
  const lanes = threads > 1 ? new Lanes(threads, "now") : null;
  lanes?.start();
  const thresholdMinutes = targets.thresholdSeconds / 60;
  const runWith = async (cfg: SupportConfig, seed: number | string): Promise<MonthCounts[]> => {
    if (lanes !== null) return lanes.run({ kind: "months", cfg, thresholdMinutes, months, seed }, settings.replications);
    const task = laneTask({ kind: "months", cfg, thresholdMinutes, months, seed });
    return Array.from({ length: settings.replications }, (_, k) => task(k));
  };
  try {
    const maxRuns = options.maxRuns ?? PLAN_DEFAULTS.maxRuns;
    const requirement: Requirement = await searchRequirement({
      cfg: base, months, planned, target: workforces.map((w) => w.target),
      scheduledFloor: planned.map((q) => scheduledFloorByMonth(base, q, months)), targets, maxRuns,
      run: (cfg) => runWith(cfg, settings.seed), onRun: (n) => options.onRun?.(n, "requirement"),
    });
    const curves = planned.map((q, k) => poolCurves(config.pools[q].name, workforces[k], config.pools[q].costPerHour, months));
    const need = requirement.fte.map((r) => [...r]);
    const rounds: PlanRound[] = [];
    const limits = { maxHiresPerMonth: options.maxHiresPerMonth, maxHeadcount: options.maxHeadcount, budgetPerMonth: options.budgetPerMonth };
    let result: { hiring: HiringSolution; pools: PlannedPool[]; check: PlanCheck; json: Record<string, unknown> };
    for (let round = 0; ; round++) {
      const hiring = await solveHiringInThread(curves, need, months, limits);
      const pools = plannedPools(curves, hiring, need, months, startMs, config.timeZone);
      const cfg = build(plannedScenario(written, pools, months.horizon));
      const seed = checkSeed(settings.seed);
      const counts = await runWith(cfg, seed);
      options.onRun?.(requirement.runs + round + 1, "check");
      const check = judgeCheck(cfg, counts, planned, months, targets, seed, (k, m) => expectedFloor(cfg, planned[k], curves[k], hiring.hires[k], need[k], pools[k], months, m));
      result = { hiring, pools, check, json: plannedScenario(writtenForm(loaded, options.plannedScenarioDir), pools, months.horizon) };
      const raised: PlanRound["raised"] = [];
      check.pools.forEach((p, k) => p.months.forEach((row, m) => {
        if ((row.passed && row.meanMet) || hiring.shortfall[k][m] > 1e-6) return;
        const to = need[k][m] * (1 + Math.max(0.05, relativeGap(row, targets)));
        raised.push({ pool: p.pool, month: row.month, from: need[k][m], to });
        need[k][m] = to;
      }));
      rounds.push({ round, raised, passed: check.passed });
      if (raised.length === 0 || round >= (options.maxRounds ?? PLAN_DEFAULTS.maxRounds)) break;
    }
    const { hiring, pools, check, json } = result;
    return {
      scenario: definition.name, file: loaded.file, seed: settings.seed, replications: settings.replications, currency: config.costs.currency,
      months: months.labels, targets,
      limits: { maxHiresPerMonth: options.maxHiresPerMonth ?? null, maxHeadcount: options.maxHeadcount ?? null, budgetPerMonth: options.budgetPerMonth ?? null },
      search: { runs: requirement.runs, maxRuns, confirmed: requirement.confirmed },
      pools: curves.map((c, k) => ({ pool: c.pool, defaultWorkforce: defaults.includes(c.pool), target: c.wf.target, growth: pools[k].growth, headcountStart: c.wf.headcount, rows: poolMonths(c, hiring.hires[k], need[k], months) })),
      shortMonths: curves.flatMap((c, k) => hiring.shortfall[k].flatMap((s, m) => (s > 1e-6 ? [{ pool: c.pool, month: months.labels[m], shortfall: s }] : []))),
      hiringStatus: hiring.status, check, rounds, plannedScenario: json, warnings,
    };
  } finally {
    await lanes?.destroy();
  }
}

/** The scenario as written (resolved; a simple-form one as its full form), its data paths relative to `dir` when given. */
function writtenForm(loaded: PlanScenario, dir?: string): Record<string, unknown> {
  if (loaded.form === "simple") {
    const { $schema: _schema, ...full } = loaded.definition as SupportScenario & { $schema?: string };
    return full as Record<string, unknown>;
  }
  if (dir !== undefined && loaded.file !== undefined) return resolvedScenarioIn(loaded.file, dir);
  if (loaded.resolved !== null && typeof loaded.resolved === "object") return loaded.resolved as Record<string, unknown>;
  return resolvedScenarioIn(loaded.file as string, dirname(resolve(loaded.file as string)));
}

/** Each pool's calendar as dated hires, its starting headcount and its schedule's growth to hold the peak requirement. */
function plannedPools(curves: readonly PoolCurves[], hiring: HiringSolution, need: readonly (readonly number[])[], months: PlanMonths, startMs: number, timeZone: string): PlannedPool[] {
  const clock = new TimeZoneClock(timeZone);
  return curves.map((c, k) => {
    const growth = Math.max(1, ...need[k].map((r) => r / c.wf.target));
    const plan = hiring.hires[k].flatMap((n, j) => (n > 0 && c.arrival[j] !== null ? [{ date: localText(clock, startMs + Math.ceil(c.arrival[j] as number) * MINUTE_MS), hires: n }] : []));
    return { pool: c.pool, headcount: c.wf.headcount, plan, growth, target: c.wf.target * growth };
  });
}

/** Planned pool q's expected agent-minutes on the floor in month m: its (grown) schedule × (1 − shrinkage) × min(1, expected productive / target). */
function expectedFloor(cfg: SupportConfig, q: number, c: PoolCurves, hires: readonly number[], need: readonly number[], pool: PlannedPool, months: PlanMonths, m: number): number {
  const row = poolMonths(c, hires, need, months)[m];
  return scheduledFloorByMonth(cfg, q, months)[m] * (1 - cfg.pools[q].shrinkage) * Math.min(1, row.productive / pool.target);
}
