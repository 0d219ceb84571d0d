/**
 * The sweep's cost/service frontier, as the frontier chart draws it and the sweep narrative tells
 * it: which two metrics are its axes, which grid points have both, which of them are efficient
 * (the Pareto front: no other point is as cheap and serves as well, and better on one), and which
 * are dominated beyond their 95% intervals (another point is cheaper and serves better, both by
 * more than the intervals allow).
 */
import type { Estimate } from "../analysis/confidence.js";
import type { SweepResult } from "./charts/inputs.js";
import { metricDirection } from "./metrics.js";
import { clearlyBelow } from "./significance.js";

/** One grid point of a sweep. */
export type SweepPoint = SweepResult["points"][number];

/**
 * The sweep's axes: the cost metric (cost.perMonth when present, else cost.total) and the
 * service metric (the first channel's service level, else the first within-target share of a
 * deferred channel); null where the sweep has none.
 */
export function sweepAxes(sw: Pick<SweepResult, "metrics">): { cost: string | null; service: string | null } {
  const cost = sw.metrics.includes("cost.perMonth") ? "cost.perMonth" : sw.metrics.includes("cost.total") ? "cost.total" : null;
  const service = sw.metrics.find((k) => /^channel\..+\.serviceLevel$/.test(k)) ?? sw.metrics.find((k) => /^channel\..+\.withinTargetShare$/.test(k)) ?? null;
  return { cost, service };
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
  /** Its cost and service estimates (both with a finite mean). */
  cost: Estimate & { mean: number };
  service: Estimate & { mean: number };
  /** On the Pareto front of the means. */
  efficient: boolean;
}

/**
 * The grid points that have a mean for both metrics (grid order), each marked efficient when it
 * is on the Pareto front of the means. Lower service is better for a metric whose direction
 * (src/report/metrics.ts) says so — an ASA, say — and the front is taken on its negation.
 */
export function frontierPoints(sw: Pick<SweepResult, "points">, cost: string, service: string): FrontierPoint[] {
  const finite = (e: Estimate | undefined): e is Estimate & { mean: number } => e !== undefined && e.mean !== null && Number.isFinite(e.mean);
  const rows = sw.points.flatMap((point) => {
    const c = point.estimates[cost], s = point.estimates[service];
    return finite(c) && finite(s) ? [{ point, cost: c, service: s }] : [];
  });
  const flip = metricDirection(service) === -1 ? -1 : 1;
  const front = new Set(paretoFront(rows.map((r) => ({ cost: r.cost.mean, service: flip * r.service.mean }))));
  return rows.map((r, k) => ({ ...r, efficient: front.has(k) }));
}

/**
 * The points that another point beats beyond both 95% intervals: cheaper (its cost interval
 * entirely below) and better served (its service interval entirely above, or below where lower
 * is better). Stricter than not being efficient: the narrative names only these as dominated.
 */
export function clearlyDominated(points: readonly FrontierPoint[], service: string): FrontierPoint[] {
  const lower = metricDirection(service) === -1;
  const better = (a: Estimate, b: Estimate) => (lower ? clearlyBelow(a, b) : clearlyBelow(b, a));
  return points.filter((x) => points.some((y) => y !== x && clearlyBelow(y.cost, x.cost) && better(y.service, x.service)));
}
