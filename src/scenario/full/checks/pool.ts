/**
 * Checks of pools: the tier, need types and channels a pool names exist, and each pool on its
 * own (schedule, shifts and breaks, time zone, cost, vendor routing, workforce).
 */
import { formatPath } from "../../../errors.js";
import { parseDays } from "../../../time/weekClock.js";
import { scheduleProblems } from "../../../model/staffing/scheduleProblems.js";
import { DAY_MINUTES } from "../../../time/units.js";
import { show } from "../../fields.js";
import { SUPPORT_DEFAULTS } from "../defaults.js";
import { poolSchedule } from "../poolSchedule.js";
import { clockOrUndefined } from "../schema/fields.js";
import type { PoolShape, SupportScenarioShape } from "../schema/scenario.js";
import type { Names } from "./names.js";
import type { Path, Report } from "./report.js";
import { timeZoneProblem } from "./timeZone.js";

export function checkPools(s: SupportScenarioShape, r: Report, { needNames, chanNames, tierNames }: Names): void {
  s.pools.forEach((p, i) => {
    r.ref(p.tier, tierNames, "tier", ["pools", i, "tier"]);
    p.needTypes?.forEach((n, j) => r.ref(n, needNames, "need type", ["pools", i, "needTypes", j]));
    p.channels?.forEach((c, j) => r.ref(c, chanNames, "channel", ["pools", i, "channels", j]));
    checkPool(p, ["pools", i], r.issue);
  });
}

/**
 * Checks of one pool that need no other part of the file: exactly one schedule (agents with
 * optional hours, shifts, or a staffing table); shifts that start on the day (00:00–23:59),
 * have unique names, and breaks that lie within the shift for every agent of the stagger and
 * follow each other without overlap; a known time zone; the cost in one form (none on a vendor
 * pool, whose cost is in `vendor`); a vendor's share or overflow wait exactly with its
 * routing; a hiring plan exactly with mode "plan"; a ramp with increasing afterDays.
 */
export function checkPool(p: PoolShape, at: Path, report: (path: Path, message: string) => void): void {
  let problems = 0;
  const issue = (path: Path, message: string) => {
    problems++;
    report(path, message);
  };
  const given = (["agents", "shifts", "staffingTable"] as const).filter((k) => p[k] !== undefined);
  if (given.length !== 1) {
    issue(at, `expected exactly one schedule for pool "${p.name}": agents (with optional hours), shifts or staffingTable, got ${given.length === 0 ? "none" : given.join(" and ")}`);
  } else if (p.hours !== undefined && p.agents === undefined) {
    issue([...at, "hours"], `expected hours only with agents (${given[0] === "shifts" ? "shifts" : "staffing rows"} carry their own times), got ${show(p.hours)}`);
  }

  // shifts
  const shiftNames: string[] = [];
  p.shifts?.forEach((sh, k) => {
    const sp: Path = [...at, "shifts", k];
    const seen = shiftNames.indexOf(sh.name);
    if (seen >= 0) issue([...sp, "name"], `expected a unique shift name, "${sh.name}" is also ${formatPath([...at, "shifts", seen])}`);
    shiftNames.push(sh.name);
    if (clockOrUndefined(sh.start) === DAY_MINUTES) issue([...sp, "start"], `expected a start time from 00:00 to 23:59, got ${show(sh.start)}`);
    const L = sh.lengthHours * 60;
    const n = sh.agents;
    let prev: { end0: number; endLast: number } | undefined;
    sh.breaks?.forEach((b, j) => {
      const bp: Path = [...sp, "breaks", j];
      const a = b.afterHours * 60;
      const stagger = b.staggerMinutes ?? SUPPORT_DEFAULTS.shift.staggerMinutes;
      const lastOffset = n > 1 ? (stagger * (n - 1)) / n : 0;
      if (a + b.minutes > L) {
        issue(bp, `expected a break within the shift (lengthHours ${sh.lengthHours}), got afterHours ${b.afterHours} + ${b.minutes} minutes = ${num((a + b.minutes) / 60)} hours into it`);
      } else if (a + lastOffset + b.minutes > L) {
        issue(
          bp,
          `expected a break within the shift (lengthHours ${sh.lengthHours}) for every agent, got the last of ${n} agents' break ending ${num((a + lastOffset + b.minutes) / 60)} hours into it (staggerMinutes ${stagger})`,
        );
      }
      if (prev !== undefined) {
        if (a < prev.end0) {
          issue(bp, `expected a break after the end of breaks[${j - 1}] (${num(prev.end0 / 60)} hours into the shift), got afterHours ${b.afterHours}`);
        } else if (a + lastOffset < prev.endLast) {
          issue(bp, `expected a break after the end of breaks[${j - 1}] for every agent, got an overlap for the last of ${n} agents (its breaks[${j - 1}] ends ${num(prev.endLast / 60)} hours into the shift, this one starts at ${num((a + lastOffset) / 60)})`);
        }
      }
      prev = { end0: a + b.minutes, endLast: a + lastOffset + b.minutes };
    });
  });

  // what the staffing model checks beyond the above (a backstop: the checks above should catch it all, with better paths)
  if (problems === 0 && given.length === 1 && p.agents === undefined && scheduleFieldsValid(p)) {
    let found: string[];
    try {
      found = scheduleProblems(poolSchedule(p));
    } catch (e) {
      found = [(e as Error).message];
    }
    for (const m of found) issue([...at, given[0]], m);
  }

  // time zone
  const zoneProblem = p.timeZone === undefined ? undefined : timeZoneProblem(p.timeZone);
  if (zoneProblem !== undefined) issue([...at, "timeZone"], zoneProblem);

  // cost
  if (p.costPerHour !== undefined && p.cost !== undefined) {
    issue(at, `expected at most one of costPerHour or cost (wagePerHour, benefits, overhead), got both`);
  } else if (p.vendor !== undefined) {
    const key = p.costPerHour !== undefined ? "costPerHour" : p.cost !== undefined ? "cost" : undefined;
    if (key !== undefined) issue([...at, key], `expected no pool cost on a vendor pool (its cost is vendor.costPerHour, costPerContact and feePerMonth), got ${show(p[key])}`);
  }

  // vendor routing
  const v = p.vendor;
  if (v !== undefined) {
    const routing = v.routing ?? SUPPORT_DEFAULTS.vendor.routing;
    if (routing === "share" && v.share === undefined) issue([...at, "vendor", "share"], 'missing: expected a probability between 0 and 1 (the share of the tier\'s contacts routed to the vendor) for routing "share"');
    if (routing !== "share" && v.share !== undefined) issue([...at, "vendor", "share"], `expected share only with routing "share", got ${show(v.share)} with routing "${routing}"`);
    if (routing === "overflow" && v.overflowAfterSeconds === undefined) issue([...at, "vendor", "overflowAfterSeconds"], 'missing: expected a number >= 0 (seconds a contact waits before the vendor may take it) for routing "overflow"');
    if (routing !== "overflow" && v.overflowAfterSeconds !== undefined) {
      issue([...at, "vendor", "overflowAfterSeconds"], `expected overflowAfterSeconds only with routing "overflow", got ${show(v.overflowAfterSeconds)} with routing "${routing}"`);
    }
  }

  // workforce
  const w = p.workforce;
  if (w !== undefined) {
    const mode = w.hiring?.mode ?? SUPPORT_DEFAULTS.workforce.hiring.mode;
    if (mode === "plan" && w.hiring?.plan === undefined) issue([...at, "workforce", "hiring", "plan"], 'missing: expected a list of hires such as { "date": "2027-03-01", "hires": 4 } for mode "plan"');
    if (mode !== "plan" && w.hiring?.plan !== undefined) issue([...at, "workforce", "hiring", "plan"], `expected plan only with mode "plan", got a list with mode "${mode}"`);
    w.ramp?.forEach((r, j) => {
      const before = w.ramp?.[j - 1];
      if (before !== undefined && !(r.afterDays > before.afterDays)) {
        issue([...at, "workforce", "ramp", j, "afterDays"], `expected more than the previous point's afterDays (${before.afterDays}), got ${r.afterDays}`);
      }
    });
  }
}

/**
 * Whether every field of a pool's shifts or staffing rows is in range (zod reports range
 * errors but still runs the cross-field checks; the staffing model's check runs only on
 * fields that are right, so that nothing is reported twice).
 */
function scheduleFieldsValid(p: PoolShape): boolean {
  const fin = (v: unknown, min: number, strict = false): boolean => typeof v === "number" && Number.isFinite(v) && (strict ? v > min : v >= min);
  const count = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
  const days = (v: string): boolean => {
    try {
      return parseDays(v).length > 0;
    } catch {
      return false;
    }
  };
  const shiftsOk = (p.shifts ?? []).every(
    (sh) =>
      days(sh.days) &&
      clockOrUndefined(sh.start) !== undefined &&
      fin(sh.lengthHours, 0, true) &&
      sh.lengthHours <= 24 &&
      count(sh.agents) &&
      (sh.breaks ?? []).every((b) => fin(b.afterHours, 0) && fin(b.minutes, 0, true) && (b.staggerMinutes === undefined || fin(b.staggerMinutes, 0))),
  );
  const rowsOk = (p.staffingTable ?? []).every((r) => {
    const open = clockOrUndefined(r.open), close = clockOrUndefined(r.close);
    return days(r.days) && open !== undefined && close !== undefined && close > open && count(r.agents);
  });
  return shiftsOk && rowsOk;
}

/** Hours into a shift for a message: at most 2 decimals (10.66), no float noise. */
function num(v: number): string {
  return String(+v.toFixed(2));
}
