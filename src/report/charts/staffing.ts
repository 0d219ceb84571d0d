/**
 * Staffing required vs scheduled, from `supportsim staff`: for one pool, through the week, the
 * agents on the floor the simulation needs to meet the target in each interval (a step line),
 * the Erlang (A, X or C) starting point the solver began from (thin, dashed: what an analytic tool would
 * have said), and the floor coverage of the shift plan (an area: whole shifts with breaks can
 * only approximate the requirement's shape). A second panel shows the gap, scheduled − required,
 * in the open intervals: green where the plan carries a surplus, red where it falls short. A pool
 * planned per quarter day (work that waits: ShiftPlan.cover) shows each quarter's mean gap over
 * the plan's own coverage rows instead, red only where the quarter as a whole falls short.
 * The subtitle gives what it costs: paid hours per week, FTE and money, required vs planned.
 */
import { coverageRows, quarterDayGroups } from "../../analysis/staffing/coverageRows.js";
import { axisNumber, formatCount, formatDuration, formatFixed, formatMoney, formatNumber, formatTargetShare } from "../numbers.js";
import type { ChartSpec } from "../render/render.js";
import type { StaffResult } from "./inputs.js";
import { Y_AXIS_EXTENT, intervalPlace, weekX2 } from "./intraday.js";
import { placeRows, weekAxis } from "./weekAxis.js";
import { CHART_WIDTH, TARGET_COLOUR, TIER_COLOURS, VOLUME_COLOURS, baseSpec, shade } from "./theme.js";

/** Money as the charts and the narrative write it (src/report/numbers.ts); kept importable from here. */
export { formatMoney } from "../numbers.js";

/** Series names (legend entries). */
export const STAFFING_SERIES = { coverage: "Scheduled (shift plan)", required: "Required (simulation)", erlang: "Erlang start" } as const;

/**
 * The targets a pool was sized to, as its subtitle says them: real-time work's service level
 * ("target 80% answered within 20 s") when the pool answered real-time work, deferred work's
 * response share within its channels' response targets ("90% of e-mail and tickets answered
 * within 24 h") when it serves deferred channels — a pool of e-mail, tickets or escalated work
 * alone shows only the latter. Results written before the response targets were recorded say
 * "within its response target".
 */
export function poolTargets(s: Pick<StaffResult, "targets">, req: Pick<StaffResult["pools"][number], "serviceLevel" | "deferredPerWeek" | "responseTargetHours">): string {
  const t = s.targets;
  const realtime = req.serviceLevel !== null;
  const hours = req.responseTargetHours;
  const deferred = (hours !== undefined && hours.length > 0) || req.deferredPerWeek > 0;
  const within = hours === undefined || hours.length === 0 ? "within its response target" : `within ${hours.map((h) => formatDuration(h * 3600)).join(" or ")}`;
  const parts: string[] = [];
  if (realtime || !deferred) parts.push(`${formatTargetShare(t.serviceLevel)} answered within ${t.thresholdSeconds} s`);
  if (deferred) parts.push(`${realtime ? "deferred work " : ""}${formatTargetShare(t.response)} answered ${within}`);
  return `target ${parts.join("; ")}`;
}

/** The gap as the chart shows it: the solver's floating dust rounded off (0.1999999 → 0.2). */
const roundGap = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The gap of a pool planned per quarter day (ShiftPlan.cover "quarterDay"), by interval: the mean
 * gap of its quarter, (Σ scheduled − Σ required) / intervals over the intervals of the quarter's
 * coverage row, the rows the plan was solved against (coverageRows with quarterDayGroups, as in
 * shiftPlan.ts: the quarter's intervals with a requirement), so the chart is short exactly where
 * the plan would be; with the quarter's span ("Mon 08:00–10:30"). Null for an interval of no row.
 */
function quarterGaps(required: readonly number[], coverage: readonly number[], availability: number, m: number): { gap: number | null; quarter: string | null }[] {
  const groups = quarterDayGroups(required, 1440 / m);
  const { rowOf } = coverageRows(required, availability, groups);
  const sums = new Map<number, { gap: number; count: number; first: number; last: number }>();
  groups.forEach((g, i) => {
    if (g < 0) return;
    const q = sums.get(g) ?? { gap: 0, count: 0, first: i, last: i };
    q.last = i;
    if (rowOf[i] >= 0) {
      q.gap += coverage[i] - required[i];
      q.count++;
    }
    sums.set(g, q);
  });
  return Array.from(groups, (g) => {
    const q = sums.get(g);
    if (!q || q.count === 0) return { gap: null, quarter: null };
    return { gap: roundGap(q.gap / q.count), quarter: `${intervalPlace(q.first, m).when.split("–")[0]}–${intervalPlace(q.last, m).when.split("–")[1]}` };
  });
}

/**
 * Required vs scheduled agents on the floor per interval of the week for `pool`, from the
 * staffing solver's answer `s`; null for an unknown pool. The whole week is shown; the gap
 * panel and the Erlang line only where the pool is open. Without a shift plan for the pool the
 * scheduled area and the gap panel are left out. A pool planned per quarter day shows its
 * quarters' gaps (quarterGaps), each interval's own values in the tooltip.
 */
export function staffingChart(s: StaffResult, pool: string): ChartSpec | null {
  const req = s.pools.find((p) => p.pool === pool);
  if (!req) return null;
  const plan = s.shifts.find((x) => x.pool === pool)?.plan;
  const m = s.intervalMinutes;
  const n = s.intervalsPerWeek;
  const currency = s.currency ?? "USD";
  const cov = plan?.coverage;
  if (cov && cov.length !== n) throw new RangeError(`staffingChart: the shift plan of ${pool} covers ${cov.length} intervals, the week has ${n}`);

  const byIndex = new Map(req.intervals.map((iv) => [iv.index, iv]));
  const quarters = cov && plan?.cover === "quarterDay" ? quarterGaps(Array.from({ length: n }, (_, i) => byIndex.get(i)?.required ?? 0), cov, req.availability, m) : null;
  const all = Array.from({ length: n }, (_, i) => {
    const iv = byIndex.get(i);
    const open = iv?.open ?? false;
    const required = iv?.required ?? 0;
    const coverage = cov ? cov[i] : null;
    const { start, end, when } = intervalPlace(i, m);
    return {
      i,
      start,
      end,
      when,
      open,
      required,
      erlang: open && iv?.erlang != null ? iv.erlang : null,
      coverage,
      // a quarter-day pool: its quarter's gap (an interval of no quarter, nothing required: its own)
      gap: open && coverage !== null ? (quarters?.[i].gap ?? roundGap(coverage - required)) : null,
      offered: iv?.offeredPerWeek ?? null,
      sl: iv?.serviceLevel?.mean ?? null,
      occupancy: iv?.occupancy ?? null,
      ...(quarters ? { quarter: quarters[i].quarter ?? "none (nothing required)" } : {}),
    };
  });

  // the hours the pool is open or scheduled (round the clock: the whole week)
  const axis = weekAxis(n, m, (i) => all[i].open || (all[i].coverage ?? 0) > 0);
  const intervals = placeRows(axis, all, "start", ["start", "end"]);
  const weekX = (field: string, o: { labels?: boolean; title?: string | null } = {}) => axis.encoding(field, o);
  // Steps drawn as two points per interval (its start and just before its end), so a value
  // holds over its interval and a null interval (Erlang where closed) is a gap of its width;
  // placeRows keeps each interval inside its day, so no step's end lands past the break row.
  const EPS = 1e-6;
  const steps = intervals.flatMap((r) =>
    r.i === null ? [{ x: r.x, required: null, erlang: null, coverage: null }] : [r.x0!, r.x1! - EPS].map((x) => ({ x, required: r.open ? r.required : null, erlang: r.erlang, coverage: r.coverage })),
  );

  const base = TIER_COLOURS[req.tier % TIER_COLOURS.length];
  const colours = { coverage: shade(base, 0.62), required: shade(base, -0.35), erlang: "#6b6b6b" };
  const names = cov ? [STAFFING_SERIES.coverage, STAFFING_SERIES.required, STAFFING_SERIES.erlang] : [STAFFING_SERIES.required, STAFFING_SERIES.erlang];
  const colourScale = { domain: names, range: cov ? [colours.coverage, colours.required, colours.erlang] : [colours.required, colours.erlang] };
  // Each layer names its series in a constant field, so the three share one colour legend.
  const colour = { field: "series", type: "nominal", title: null, scale: colourScale, legend: { symbolType: "stroke", symbolStrokeWidth: 4, symbolSize: 300 } };
  // The Erlang line dashed, in the plot and in the legend (same field, domain and title: one legend).
  const dash = { field: "series", type: "nominal", title: null, scale: { domain: names, range: names.map((x) => (x === STAFFING_SERIES.erlang ? [5, 3] : [1, 0])) } };
  const named = (name: string) => [{ calculate: JSON.stringify(name), as: "series" }];
  const x = weekX("x", { title: `Hour of the day (${req.timeZone} time)`, labels: !cov });

  const v = (x: string, f: string) => `isValid(${x}) ? format(${x}, '${f}') : '—'`;
  const tooltip = [
    { field: "when", type: "nominal", title: "Interval" },
    { field: "openText", type: "nominal", title: "Pool" },
    { field: "reqText", type: "nominal", title: "Required on the floor" },
    { field: "erlText", type: "nominal", title: "Erlang start" },
    ...(cov ? [{ field: "covText", type: "nominal", title: "Scheduled on the floor" }] : []),
    ...(cov && !quarters ? [{ field: "gapText", type: "nominal", title: "Scheduled − required" }] : []),
    ...(quarters ? [{ field: "quarter", type: "nominal", title: "Quarter day" }, { field: "gapText", type: "nominal", title: "Scheduled − required, quarter's mean" }] : []),
    { field: "offText", type: "nominal", title: "Real-time work offered per week" },
    { field: "slText", type: "nominal", title: "Service level at required" },
    { field: "occText", type: "nominal", title: "Occupancy at required" },
  ];
  const tooltipCalcs = [
    { calculate: "datum.open ? 'open' : 'closed'", as: "openText" },
    { calculate: v("datum.required", ",.0f"), as: "reqText" },
    { calculate: v("datum.erlang", ",.0f"), as: "erlText" },
    { calculate: v("datum.coverage", ",.1f"), as: "covText" },
    { calculate: `isValid(datum.gap) ? (datum.gap > 0 ? '+' : '') + format(datum.gap, ',.1f') : '—'`, as: "gapText" },
    { calculate: v("datum.offered", ",.1f"), as: "offText" },
    { calculate: v("datum.sl", ".1%"), as: "slText" },
    { calculate: v("datum.occupancy", ".0%"), as: "occText" },
  ];

  // Headroom above the highest line, so it does not run along the plot's top edge.
  let top = 0;
  for (const r of all) top = Math.max(top, r.required, r.erlang ?? 0, r.coverage ?? 0);
  const yScale = { domain: [0, Math.max(1, top * 1.08)], nice: true };
  const main = {
    width: CHART_WIDTH,
    height: cov ? 300 : 340,
    layer: [
      ...(cov
        ? [{ data: { values: steps }, transform: named(STAFFING_SERIES.coverage), mark: { type: "area", opacity: 0.9 }, encoding: { x, y: { field: "coverage", type: "quantitative", title: "Agents on the floor", scale: yScale, axis: { minExtent: Y_AXIS_EXTENT, ...axisNumber(true) } }, y2: { datum: 0 }, color: colour } }]
        : []),
      { data: { values: steps }, transform: named(STAFFING_SERIES.required), mark: { type: "line", strokeWidth: 2.5 }, encoding: { x, y: { field: "required", type: "quantitative", title: "Agents on the floor", scale: yScale, axis: { minExtent: Y_AXIS_EXTENT, ...axisNumber(true) } }, color: colour, strokeDash: dash } },
      { data: { values: steps }, transform: named(STAFFING_SERIES.erlang), mark: { type: "line", strokeWidth: 1.5 }, encoding: { x, y: { field: "erlang", type: "quantitative" }, color: colour, strokeDash: dash } },
      { data: { values: intervals }, transform: tooltipCalcs, mark: { type: "rect", opacity: 0 }, encoding: { x: { field: "x0", type: "quantitative" }, x2: weekX2("x1"), tooltip } },
    ],
  };
  const gapPanel = {
    width: CHART_WIDTH,
    height: 110,
    title: quarters
      ? { text: "Gap per quarter day: mean scheduled − required on the floor (red: short)", subtitle: "Work that waits: the plan covers each quarter's floor hours, not each interval's", fontSize: 15, fontWeight: 600, anchor: "start", offset: 6 }
      : { text: "Gap: scheduled − required agents on the floor, open hours (red: short)", fontSize: 15, fontWeight: 600, anchor: "start", offset: 6 },
    data: { values: intervals },
    transform: [{ filter: "isValid(datum.gap)" }, ...tooltipCalcs],
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          x: weekX("x0", { title: `Hour of the day (${req.timeZone} time)` }),
          x2: weekX2("x1"),
          y: { field: "gap", type: "quantitative", title: "Gap", axis: { minExtent: Y_AXIS_EXTENT, ...axisNumber(), labelExpr: "datum.value > 0 ? '+' + datum.label : datum.label", tickCount: 4 } },
          y2: { datum: 0 },
          color: { condition: { test: "datum.gap < 0", value: TARGET_COLOUR }, value: VOLUME_COLOURS.answered },
          tooltip,
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#555555", strokeWidth: 1 }, encoding: { y: { field: "zero", type: "quantitative" } } },
    ],
  };

  // hours and FTE as the narrative and the staffing KPI table write them: whole hours, FTE to one decimal
  const fte = (h: number) => formatFixed(h / s.fteHours, 1);
  const t = s.targets;
  const lines = [
    `${s.scenario} · ${pool} · ${poolTargets(s, req)}`,
    `Required: ${formatCount(req.paidHoursPerWeek)} paid h/week = ${fte(req.paidHoursPerWeek)} FTE, ${formatMoney(req.costPerWeek, currency)}/week (Erlang start: ${formatCount(req.erlangPaidHoursPerWeek)} h)`,
  ];
  if (plan) {
    const planCost = plan.paidHoursPerWeek * req.costPerHour;
    lines.push(`Shift plan: ${formatCount(plan.paidHoursPerWeek)} paid h/week = ${fte(plan.paidHoursPerWeek)} FTE, ${formatMoney(planCost, currency)}/week${plan.optimal ? "" : " (not proven optimal)"}`);
    if (plan.cover === "quarterDay") lines.push("Covered per quarter day (work that waits): each quarter's floor hours, not each interval's");
  }
  lines.push(`FTE = ${formatNumber(s.fteHours, 1)} paid h/week · floor = paid × ${formatTargetShare(req.availability)} available · ${m}-min intervals`);
  if (!axis.full) lines.push(`Shown: ${axis.shown}, the hours the pool is open or scheduled`);
  const spec = baseSpec("", undefined, currency);
  delete spec.width;
  delete spec.height;
  // Short lines: headless Vega sizes the chart from an estimate of 0.8 em per character.
  spec.title = { text: cov ? `${pool}: agents required vs scheduled` : `${pool}: agents required per interval`, subtitle: lines };
  return cov ? { ...spec, spacing: 18, vconcat: [main, gapPanel], resolve: { scale: { x: "shared" } } } : { ...spec, ...main };
}
