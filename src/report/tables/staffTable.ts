/**
 * The staffing solver's answer as text and CSV: the required agents per interval of the week
 * (with the Erlang start beside them), per-pool hours, FTE and cost, and the shifts chosen with
 * their coverage against the requirement. (The runnable staffed scenario is
 * analysis/staffing/staffedScenario.ts.)
 */
import { formatDays } from "../../analysis/staffing/daySets.js";
import { hhmm } from "../../analysis/staffing/planText.js";
import type { SummaryColumn, SummaryRow } from "../../analysis/staffing/planSummary.js";
import { startGroups } from "../../analysis/staffing/shiftDays.js";
import type { PlannedShift, PoolPlans, ShiftPlan } from "../../analysis/staffing/shiftPlan.js";
import type { PoolRequirement, StaffingSolution } from "../../analysis/staffing/solution.js";
import type { TargetFigures } from "../../analysis/staffing/targetFigures.js";
import { DAY_NAMES, intervalLabel } from "../../time/weekClock.js";
import { csvCell } from "../csv.js";
import { fitLines, layout } from "./layout.js";
import { DAY_MINUTES } from "../../time/units.js";

const fmt = (x: number, d = 1) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const money = (x: number) => Math.round(x).toLocaleString("en-US");

export interface StaffReportContext {
  scenario: string;
  currency: string;
  /** Paid hours of one full-time employee per week (for FTE). */
  fteHours: number;
  /** The requirement, the plan and the current schedule side by side (planSummary.ts); printed at the end when given. */
  summary?: readonly SummaryRow[];
  /** The search's run cap, to say when it stopped there. */
  maxRuns?: number;
  /** The width to fit the text in (layout.ts; default: the full text). */
  width?: number;
}

/** Paid FTE per week of a pool: paid hours / FTE hours. */
export function fte(p: PoolRequirement, fteHours: number): number {
  return p.paidHoursPerWeek / fteHours;
}

/** A grid: rows = local start times with an open interval on some day, columns = days; cells "required (Erlang)". */
function grid(p: PoolRequirement, L: number): string {
  const perDay = DAY_MINUTES / L;
  const days = DAY_NAMES.map((_, d) => p.intervals.slice(d * perDay, (d + 1) * perDay).some((iv) => iv.open)).map((o, d) => (o ? d : -1)).filter((d) => d >= 0);
  const lines: string[] = [];
  const cellW = 9;
  lines.push(`  ${"local".padEnd(11)}` + days.map((d) => DAY_NAMES[d].padStart(cellW)).join(""));
  for (let k = 0; k < perDay; k++) {
    if (!days.some((d) => p.intervals[d * perDay + k].open)) continue;
    const cells = days.map((d) => {
      const iv = p.intervals[d * perDay + k];
      return (iv.open ? `${iv.required} (${iv.erlang})` : "·").padStart(cellW);
    });
    lines.push(`  ${`${hhmm(k * L)}–${hhmm(k * L + L)}`.padEnd(11)}${cells.join("")}`);
  }
  return lines.join("\n");
}

/** The text report. */
export function staffText(sol: StaffingSolution, plans: PoolPlans, ctx: StaffReportContext): string {
  const T = sol.targets, L = sol.intervalMinutes;
  const out: string[] = [];
  const targets = [`service level ≥ ${fmt(T.serviceLevel * 100, 0)}% within ${T.thresholdSeconds} s (real-time work, every interval)`];
  if (T.maxAbandon !== undefined) targets.push(`abandonment ≤ ${fmt(T.maxAbandon * 100, 1)}%`);
  if (T.maxOccupancy !== undefined) targets.push(`occupancy ≤ ${fmt(T.maxOccupancy * 100, 0)}%`);
  targets.push(`deferred work ≥ ${fmt(T.response * 100, 0)}% within its response target (per pool)`);
  out.push(`${ctx.scenario}: staffing for ${targets.join("; ")}`);
  out.push(`${sol.replications} replications × ${fmt(sol.weeksMeasured, 1)} weeks measured, common random numbers; ${sol.evaluations} simulation runs of the search, then ${sol.check.runs ?? 1} of the answer on ${sol.check.replications} replications of fresh seeds (its check); removals kept with a margin of ${sol.removalMargin ?? 1.5} standard errors`);
  const atCap = ctx.maxRuns !== undefined && sol.evaluations >= ctx.maxRuns;
  out.push(sol.met ? "Every target is met in simulation." : `NOT every target could be met within the search's runs${atCap ? ` (it stopped at its run cap of ${ctx.maxRuns}: raise --max-runs)` : ""}:\n  ${sol.unmet.join("\n  ")}`);
  if (sol.met && !sol.complete) out.push(`The search reached its run cap (${sol.evaluations} runs) before trying every removal: the answer meets the targets but may be above the fewest (raise --max-runs).`);
  out.push("");
  sol.pools.forEach((p, k) => {
    out.push(`${p.pool} — agents on the floor per interval of the week, simulation (Erlang start), ${p.timeZone}`);
    out.push(grid(p, L));
    const parts = [
      `floor ${fmt(p.floorHoursPerWeek)} h/week`,
      `paid ${fmt(p.paidHoursPerWeek)} h/week (availability ${fmt(p.availability * 100, 0)}%)`,
      `${fmt(fte(p, ctx.fteHours))} FTE of ${ctx.fteHours} h`,
      `${ctx.currency} ${money(p.costPerWeek)}/week`,
      `Erlang start ${fmt(p.erlangPaidHoursPerWeek)} paid h/week (gap ${p.paidHoursPerWeek >= p.erlangPaidHoursPerWeek ? "+" : ""}${fmt(p.paidHoursPerWeek - p.erlangPaidHoursPerWeek)})`,
    ];
    out.push(`  ${parts.join(" · ")}`);
    const kpis: string[] = [];
    if (p.serviceLevel !== null) kpis.push(`service level over the week ${fmt(p.serviceLevel * 100)}%`);
    if (p.deferredWithin !== null) kpis.push(`deferred work ${fmt(p.deferredPerWeek, 0)}/week, ${fmt(p.deferredWithin * 100)}% within its response target`);
    if (p.reserveForLive > 0) kpis.push(`sized with ${p.reserveForLive} agent${p.reserveForLive === 1 ? "" : "s"} kept idle for live work while deferred work waits (reserveForLive, in the staffed scenario)`);
    if (kpis.length > 0) out.push(`  ${kpis.join(" · ")}`);
    out.push(...checkLines(p.inSample, p.freshSeeds));
    const plan = plans[k];
    if (plan) {
      out.push(`  Shifts (${fmt(plan.paidHoursPerWeek)} paid h/week; lower bound ${fmt(plan.lowerBoundHours)} (${fmt(plan.gap * 100)}% below)${plan.optimal ? ", optimal" : ", best found within the time limit"}):`);
      for (const s of plan.shifts) {
        const br = s.breaks.length > 0 ? `, breaks ${s.breaks.map((b) => `${b.length} min at +${fmt(b.after / 60, 2)} h`).join(", ")}` : "";
        out.push(`    ${String(s.agents).padStart(3)} × ${s.pattern.padEnd(12)} ${shiftTimes(s)}${br}`);
      }
      const cov = coverageSummary(p, plan, L);
      const covered = plan.cover === "quarterDay" ? "each quarter day's floor hours covered (deferred work only), " : "";
      out.push(`  Coverage vs requirement: ${covered}${cov.under === 0 ? "every interval covered" : `${cov.under} intervals short`}; surplus ${fmt(cov.surplusHours)} floor h/week (${fmt(cov.surplusShare * 100)}% over the requirement)`);
    }
    out.push("");
  });
  // totals: fractional FTE added before rounding
  const I = sol.intervalsPerWeek;
  let peak = -1, peakSum = 0, peakCeil = 0;
  for (let i = 0; i < I; i++) {
    const sum = sol.pools.reduce((a, p) => a + p.intervals[i].paid, 0);
    if (sum > peakSum) { peakSum = sum; peak = i; peakCeil = sol.pools.reduce((a, p) => a + Math.ceil(p.intervals[i].paid - 1e-9), 0); }
  }
  const paid = sol.pools.reduce((a, p) => a + p.paidHoursPerWeek, 0);
  const cost = sol.pools.reduce((a, p) => a + p.costPerWeek, 0);
  out.push(`All sized pools: ${fmt(paid)} paid h/week = ${fmt(paid / ctx.fteHours)} FTE · ${ctx.currency} ${money(cost)}/week`);
  if (peak >= 0) {
    out.push(`Peak interval ${intervalLabel(peak, L)}: ${fmt(peakSum, 2)} paid agents (${Math.ceil(peakSum - 1e-9)} rounded once; rounding each pool up first would say ${peakCeil})`);
  }
  if (ctx.summary !== undefined) out.push("", ...summaryTable(ctx.summary, ctx.currency, ctx.width));
  return fitLines(out.join("\n") + "\n", ctx.width ?? Infinity);
}

/** Each target's figure in the search's sample and on the check's fresh seeds, side by side. */
function checkLines(ins: TargetFigures, fresh: TargetFigures): string[] {
  const pct = (v: number | null, d = 1) => (v === null ? "—" : `${fmt(v * 100, d)}%`);
  const rows: [string, number | null, number | null, number][] = [
    ["service level over the week", ins.serviceLevel, fresh.serviceLevel, 1],
    ["intervals at the service level", ins.intervalsAtServiceLevel, fresh.intervalsAtServiceLevel, 0],
    ["intervals within the abandonment cap", ins.intervalsAtMaxAbandon, fresh.intervalsAtMaxAbandon, 0],
    ["intervals within the occupancy cap", ins.intervalsAtMaxOccupancy, fresh.intervalsAtMaxOccupancy, 0],
    ["deferred work within its response target", ins.deferredWithin, fresh.deferredWithin, 1],
  ];
  const shown = rows.filter(([, a, b]) => a !== null || b !== null);
  if (shown.length === 0) return [];
  return [`  In sample (the search's replications) / on fresh seeds (the check): ${shown.map(([label, a, b, d]) => `${label} ${pct(a, d)} / ${pct(b, d)}`).join(" · ")}`];
}

/** "Mon-Fri 08:00–16:00", or per start "Mon 08:00–16:00, Tue-Fri 10:00–18:00". */
function shiftTimes(s: PlannedShift): string {
  if (s.starts === undefined) return `${formatDays(s.days).padEnd(16)} ${hhmm(s.start)}–${hhmm(s.start + s.length)}`;
  return startGroups(s).map((g) => `${formatDays(g.days)} ${hhmm(g.start)}–${hhmm(g.start + s.length)}`).join(", ");
}

/** The requirement, the plan and the current schedule side by side, per pool and in total. */
export function summaryTable(rows: readonly SummaryRow[], currency: string, width = Infinity): string[] {
  const cell = (c: SummaryColumn | null, first: boolean): string[] => {
    if (c === null) return ["—", "", ""];
    return [
      `${fmt(c.paidHoursPerWeek)} h · ${fmt(c.fte)} FTE`,
      `${currency} ${money(c.costPerWeek)}/week`,
      first ? "" : `+${fmt(c.surplusHours ?? 0)} / −${fmt(c.shortfallHours ?? 0)} floor h`,
    ];
  };
  const lines = [`Requirement, plan and current schedule per week (paid hours, FTE, cost; coverage: floor hours above / below the requirement):`];
  const body: string[][] = [];
  for (const r of rows) {
    const cols = [cell(r.requirement, true), cell(r.plan, false), cell(r.current, false)];
    for (let k = 0; k < 3; k++) {
      if (cols.every((c) => c[k] === "")) continue;
      body.push([k === 0 ? r.pool : "", ...cols.map((c) => c[k])]);
    }
    const plan = r.plan, req = r.requirement.paidHoursPerWeek;
    if (plan !== null && req > 0) body.push(["", "", `plan / requirement ${fmt(plan.paidHoursPerWeek / req, 2)}`, `current / requirement ${fmt(r.current.paidHoursPerWeek / req, 2)}`]);
  }
  const table = layout(body, ["", "requirement", "plan", "current schedule"], { width: width - 2, groups: [1, 1, 1] });
  return [...lines, ...table.split("\n").map((l) => (l === "" ? l : `  ${l}`))];
}

function coverageSummary(p: PoolRequirement, plan: ShiftPlan, L: number): { under: number; surplusHours: number; surplusShare: number } {
  let under = 0, surplus = 0, req = 0;
  p.intervals.forEach((iv, i) => {
    const c = plan.coverage[i];
    if (c < iv.required - 1e-6) under++;
    surplus += Math.max(0, c - iv.required) * L / 60;
    req += iv.required * L / 60;
  });
  return { under, surplusHours: surplus, surplusShare: req > 0 ? surplus / req : 0 };
}

/** requirements.csv: one row per pool and interval of the week. */
export function requirementsCsv(sol: StaffingSolution, plans: PoolPlans): string {
  const head = "pool,interval,day,start,open,erlang,required,gap,paid,offered_per_week,service_level,service_level_ci_low,service_level_ci_high,service_level_fresh_seeds,abandon_rate,occupancy,shift_coverage";
  const rows = [head];
  sol.pools.forEach((p, k) => {
    for (const iv of p.intervals) {
      const sl = iv.serviceLevel;
      const n = (x: number | null | undefined, d = 6) => (x === null || x === undefined ? "" : Number(x.toFixed(d)).toString());
      rows.push([
        csvCell(p.pool), iv.index, DAY_NAMES[iv.day], hhmm(iv.minute), iv.open ? 1 : 0, iv.erlang ?? "", iv.required,
        iv.erlang === null ? "" : iv.required - iv.erlang, n(iv.paid, 4), n(iv.offeredPerWeek, 3),
        n(sl?.mean), n(sl?.ci95?.[0]), n(sl?.ci95?.[1]), n(iv.serviceLevelFreshSeeds), n(iv.abandonRate), n(iv.occupancy), n(plans[k]?.coverage[iv.index], 4),
      ].join(","));
    }
  });
  return rows.join("\n") + "\n";
}

/** shifts.csv: one row per planned shift. */
export function shiftsCsv(sol: StaffingSolution, plans: PoolPlans): string {
  const rows = ["pool,pattern,days,start,length_hours,agents,breaks"];
  sol.pools.forEach((p, k) => {
    for (const s of plans[k]?.shifts ?? []) {
      const start = s.starts === undefined ? hhmm(s.start) : startGroups(s).map((g) => `${formatDays(g.days)} ${hhmm(g.start)}`).join(" ");
      rows.push([csvCell(p.pool), csvCell(s.pattern), csvCell(formatDays(s.days)), csvCell(start), s.length / 60, s.agents, csvCell(s.breaks.map((b) => `${b.length}@${b.after}`).join(" "))].join(","));
    }
  });
  return rows.join("\n") + "\n";
}
