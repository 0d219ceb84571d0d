/**
 * The sweep's frontier, as the frontier chart draws it and the sweep narrative tells it: which two
 * metrics are its axes (chosen with `sweep --x --y`, else monthly cost × the first service level),
 * which grid points have both, which of them are efficient (the Pareto front: no other point is
 * at least as good on both axes and better on one, each axis's better direction from the KPI
 * catalogue), which neighbours on the front are one choice within noise, and which points are
 * dominated beyond their 95% intervals.
 *
 * Within noise (README, "Sweeps, shards and merge"): two neighbouring efficient points (by the x axis's mean) are
 * one choice when their 95% intervals overlap on both axes — neither metric tells them apart.
 * The intervals are each point's own (a sweep keeps no per-replication values, so no paired
 * difference between points); with common random numbers a paired interval would be narrower,
 * so the rule errs towards "within noise", never towards a difference the data do not show.
 */
import type { Estimate } from "../analysis/confidence.js";
import type { SweepAxes } from "../analysis/experiments/sweep/index.js";
import { closest, InputError, OPTIONS, problem } from "../errors.js";
import type { SweepResult } from "./charts/inputs.js";
import { metricDirection } from "./metrics.js";
import { clearlyBelow, intervalsOverlap } from "./significance.js";

/** One grid point of a sweep. */
export type SweepPoint = SweepResult["points"][number];

/**
 * The default axes: x the cost metric (cost.perMonth when present, else cost.total), y the
 * service metric (the first channel's service level, else the first within-target share of a
 * deferred channel); null where the sweep has none.
 */
export function defaultAxes(metrics: readonly string[]): { x: string | null; y: string | null } {
  const x = metrics.includes("cost.perMonth") ? "cost.perMonth" : metrics.includes("cost.total") ? "cost.total" : null;
  const y = metrics.find((k) => /^channel\..+\.serviceLevel$/.test(k)) ?? metrics.find((k) => /^channel\..+\.withinTargetShare$/.test(k)) ?? null;
  return { x, y };
}

/** The sweep's axes: those chosen (sweep.json `axes`), else the default ones. */
export function sweepAxes(sw: Pick<SweepResult, "metrics" | "axes">): { x: string | null; y: string | null } {
  return sw.axes ?? defaultAxes(sw.metrics);
}

/**
 * The axes asked for (either may be left to its default), checked against the sweep's metrics:
 * InputError (paths `axes.x`, `axes.y`; source OPTIONS) for a metric the sweep does not have,
 * with the nearest name, or for the same metric on both axes.
 */
export function chooseAxes(metrics: readonly string[], wanted: { x?: string; y?: string }): SweepAxes {
  const def = defaultAxes(metrics);
  const pick = (k: "x" | "y"): string => {
    const m = wanted[k];
    if (m === undefined) {
      if (def[k] === null) throw new InputError(problem(`axes.${k}`, `the sweep has no ${k === "x" ? "cost" : "service-level"} metric to default to; name one of ${metrics.join(", ")}`), OPTIONS);
      return def[k]!;
    }
    if (metrics.includes(m)) return m;
    const guess = closest(m, metrics);
    throw new InputError(problem(`axes.${k}`, `the sweep has no metric ${JSON.stringify(m)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : `; expected one of ${metrics.join(", ")}`}`), OPTIONS);
  };
  const axes = { x: pick("x"), y: pick("y") };
  if (axes.x === axes.y) throw new InputError(problem(wanted.y !== undefined ? "axes.y" : "axes.x", `the same metric as the other axis (${axes.x}); choose two different metrics`), OPTIONS);
  return axes;
}

/**
 * Indices of the Pareto-efficient points, by increasing cost (ties by index): a point is on the
 * front when no other point costs no more and serves at least as well, and is strictly better
 * on one of the two (lower cost is better, higher service is better). Identical points do not
 * dominate each other: both are on the front. Points with a non-finite value are left out.
 */
export function paretoFront(points: readonly { cost: number; service: number }[]): number[] {
  const ok = (p: { cost: number; service: number }) => Number.isFinite(p.cost) && Number.isFinite(p.service);
  const front: number[] = [];
  points.forEach((p, i) => {
    if (!ok(p)) return;
    const dominated = points.some((q, j) => j !== i && ok(q) && q.cost <= p.cost && q.service >= p.service && (q.cost < p.cost || q.service > p.service));
    if (!dominated) front.push(i);
  });
  return front.sort((a, b) => points[a].cost - points[b].cost || a - b);
}

/** A grid point placed on the frontier's axes. */
export interface FrontierPoint {
  point: SweepPoint;
  /** Its x and y estimates (both with a finite mean). */
  x: Estimate & { mean: number };
  y: Estimate & { mean: number };
  /** On the Pareto front of the means (never when an axis has no better direction). */
  efficient: boolean;
}

/** Whether both axes have a better direction, so that a front exists. */
export function hasFrontier(x: string, y: string): boolean {
  return metricDirection(x) !== 0 && metricDirection(y) !== 0;
}

/**
 * The grid points that have a mean for both metrics (grid order), each marked efficient when it
 * is on the Pareto front of the means, each axis taken the way its direction (src/report/metrics.ts)
 * says is better — lower for a cost or an ASA, higher for a service level. With an axis that has
 * no better direction (occupancy) no point is efficient.
 */
export function frontierPoints(sw: Pick<SweepResult, "points">, x: string, y: string): FrontierPoint[] {
  const finite = (e: Estimate | undefined): e is Estimate & { mean: number } => e !== undefined && e.mean !== null && Number.isFinite(e.mean);
  const rows = sw.points.flatMap((point) => {
    const a = point.estimates[x], b = point.estimates[y];
    return finite(a) && finite(b) ? [{ point, x: a, y: b }] : [];
  });
  if (!hasFrontier(x, y)) return rows.map((r) => ({ ...r, efficient: false }));
  const sx = -metricDirection(x), sy = metricDirection(y);
  const front = new Set(paretoFront(rows.map((r) => ({ cost: sx * r.x.mean, service: sy * r.y.mean }))));
  return rows.map((r, k) => ({ ...r, efficient: front.has(k) }));
}

/** Two neighbours on the front, in the x axis's order: `apart` when their intervals do not overlap on at least one axis. */
export interface FrontierStep {
  from: FrontierPoint;
  to: FrontierPoint;
  apart: boolean;
}

/** The efficient points' neighbours, from the best on x to the best on y, each step apart or within noise (the module comment). */
export function frontierSteps(points: readonly FrontierPoint[], x: string): FrontierStep[] {
  const sx = -metricDirection(x) || 1;
  const front = points.filter((p) => p.efficient).sort((a, b) => sx * (a.x.mean - b.x.mean));
  return front.slice(1).map((to, k) => {
    const from = front[k];
    return { from, to, apart: !(intervalsOverlap(from.x, to.x) && intervalsOverlap(from.y, to.y)) };
  });
}

/** The front cut at every step that is apart: runs of neighbours within noise of each other, in order (single points included). */
export function frontierGroups(steps: readonly FrontierStep[]): FrontierPoint[][] {
  if (steps.length === 0) return [];
  const groups: FrontierPoint[][] = [[steps[0].from]];
  for (const s of steps) {
    if (s.apart) groups.push([s.to]);
    else groups[groups.length - 1].push(s.to);
  }
  return groups;
}

/**
 * The points that another point beats beyond both 95% intervals: better on x (its interval
 * entirely on the better side) and better on y likewise. Stricter than not being efficient: the
 * narrative names only these as dominated. None when an axis has no better direction.
 */
export function clearlyDominated(points: readonly FrontierPoint[], x: string, y: string): FrontierPoint[] {
  if (!hasFrontier(x, y)) return [];
  const better = (key: string) => (a: Estimate, b: Estimate) => (metricDirection(key) === -1 ? clearlyBelow(a, b) : clearlyBelow(b, a));
  const bx = better(x), by = better(y);
  return points.filter((p) => points.some((q) => q !== p && bx(q.x, p.x) && by(q.y, p.y)));
}
