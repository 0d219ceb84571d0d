/**
 * The narrative of a sweep (the rules every narrative keeps — two points differ only when their
 * intervals do not overlap: ./sentences.ts).
 */
import type { SweepResult } from "../../charts/inputs.js";
import { metricInfo, type MetricInfo } from "../../metrics.js";
import { formatCount } from "../../numbers.js";
import { intervalsOverlap } from "../../significance.js";
import { clearlyDominated, frontierGroups, frontierPoints, frontierSteps, hasFrontier, sweepAxes, type SweepPoint } from "../../sweepFrontier.js";
import { listText as list, plural, titleCase } from "../../words.js";
import { amount, value } from "./sentences.js";

/**
 * What a sweep shows, on the frontier chart's axes (src/report/sweepFrontier.ts: by default monthly
 * cost × the first service level, any two metrics with `sweep --x --y`): what was varied; for a
 * single parameter, how both metrics move from its first value to its last; the point best on x
 * and the one best on y and whether their y intervals overlap; which neighbours on the frontier
 * are within noise of each other (one choice); and which points are dominated beyond the 95%
 * intervals (another point is better on both axes by more than the intervals allow — stricter
 * than the chart's "dominated", which is by the means).
 */
export function sweepNarrative(sw: SweepResult): string[] {
  const out: string[] = [];
  const cur = sw.currency;
  const varied = sw.vary.map((v) => `${v.path} over ${list(v.values.map((x) => String(x)))}`);
  out.push(
    `The sweep varies ${list(varied)} in ${plural(sw.points.length, "run")} of ${sw.scenario} (${plural(sw.replications, "replication")} each, seed ${sw.seed}, ` +
      `the same random numbers at every point).`,
  );
  const axes = sweepAxes(sw);
  if (axes.x === null || axes.y === null) {
    out.push(`The sweep has no ${axes.x === null ? "cost" : "service-level"} metric, so no cost/service trade-off can be read from it.`);
    return out;
  }
  const { x, y } = axes;
  const xi = metricInfo(x), yi = metricInfo(y);
  const xText = (v: number) => value(v, xi, cur), yText = (v: number) => value(v, yi, cur);
  const label = (p: SweepPoint) => Object.entries(p.parameters).map(([k, v]) => `${k} = ${v}`).join(", ");
  const rows = frontierPoints(sw, x, y);
  if (rows.length === 0) {
    out.push(`No point has both ${xi.noun.replace(/^the /, "")} and ${yi.noun}.`);
    return out;
  }
  const s: string[] = [];
  if (sw.vary.length === 1 && rows.length > 1) {
    const path = sw.vary[0].path;
    const byValue = [...rows].sort((a, b) => a.point.parameters[path] - b.point.parameters[path]);
    const a = byValue[0], b = byValue[byValue.length - 1];
    const moves = (k: "x" | "y", fmt: (v: number) => string, noun: string) =>
      intervalsOverlap(a[k], b[k]) ? `${noun} shows no clear change (${fmt(a[k].mean)} and ${fmt(b[k].mean)}; their 95% intervals overlap)` : `${noun} goes from ${fmt(a[k].mean)} to ${fmt(b[k].mean)}`;
    s.push(`From ${path} = ${a.point.parameters[path]} to ${b.point.parameters[path]}, ${moves("x", xText, xi.noun)}, while ${moves("y", yText, yi.noun)}.`);
  }
  if (!hasFrontier(x, y)) {
    const none = xi.better === 0 ? xi : yi;
    s.push(`${titleCase(none.noun)} is neither better high nor low, so the sweep has no frontier on these axes: read the points' trade-off from the chart.`);
    out.push(s.join(" "));
    return out;
  }
  const costLike = xi.unit === "money" && xi.better === -1;
  const served = (key: string) => /^channel\..+\.(serviceLevel|withinTargetShare)$/.test(key);
  const best = (info: MetricInfo, key: string) =>
    info.unit === "money" && info.better === -1 ? "the cheapest point" : served(key) ? "the best served" : `the point with the ${info.better === -1 ? "lowest" : "highest"} ${info.noun.replace(/^the /, "")}`;
  const better = (info: MetricInfo) => (a: number, b: number) => (info.better === -1 ? a < b : a > b);
  const bx = better(xi), by = better(yi);
  const bestX = rows.reduce((m, p) => (bx(p.x.mean, m.x.mean) ? p : m));
  const bestY = rows.reduce((m, p) => (by(p.y.mean, m.y.mean) ? p : m));
  if (bestX === bestY) {
    s.push(`${label(bestX.point)} is both ${best(xi, x)} (${xText(bestX.x.mean)}) and ${best(yi, y)} (${yText(bestX.y.mean)}).`);
  } else {
    s.push(`${titleCase(best(xi, x))} is ${label(bestX.point)} at ${xText(bestX.x.mean)} with ${yi.noun} ${yText(bestX.y.mean)}; ${best(yi, y)} is ${label(bestY.point)} at ${yText(bestY.y.mean)} for ${xText(bestY.x.mean)}.`);
    const given = amount(bestY.x.mean - bestX.x.mean, xi, cur);
    const price = costLike ? `the extra ${given}` : `giving up ${given} of ${xi.noun}`;
    s.push(
      intervalsOverlap(bestX.y, bestY.y)
        ? `Their ${yi.noun} intervals overlap, so this sweep does not show that ${price} buys ${costLike && yi.unit === "share" ? "better service" : `a better ${yi.noun.replace(/^the /, "")}`}.`
        : `Their ${yi.noun} intervals do not overlap: ${price} buys ${amount(bestY.y.mean - bestX.y.mean, yi, cur)} of ${yi.noun}.`,
    );
  }
  const groups = frontierGroups(frontierSteps(rows, x)).filter((g) => g.length > 1);
  for (const g of groups) {
    s.push(`On the frontier, ${list(g.map((p) => label(p.point)))} differ in neither ${xi.noun} nor ${yi.noun} beyond their 95% intervals: ${g.length === 2 ? "one choice, not two" : `one choice, not ${formatCount(g.length)}`}.`);
  }
  const dominated = clearlyDominated(rows, x, y);
  if (dominated.length > 0) {
    const n = dominated.length;
    const worse = costLike ? "dearer and worse served" : `worse on ${xi.noun} and on ${yi.noun}`;
    s.push(`Beyond their 95% intervals, ${n === 1 ? "one point is" : `${formatCount(n)} points are`} both ${worse} than another (${list(dominated.slice(0, 4).map((p) => label(p.point)))}${n > 4 ? ", …" : ""}).`);
  }
  out.push(s.join(" "));
  return out;
}
