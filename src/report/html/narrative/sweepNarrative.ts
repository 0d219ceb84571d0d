/**
 * The narrative of a sweep (the rules every narrative keeps — two points differ only when their
 * intervals do not overlap: ./sentences.ts).
 */
import type { SweepResult } from "../../charts/inputs.js";
import { metricInfo } from "../../metrics.js";
import { formatCount } from "../../numbers.js";
import { intervalsOverlap } from "../../significance.js";
import { clearlyDominated, frontierPoints, sweepAxes, type SweepPoint } from "../../sweepFrontier.js";
import { listText as list, plural } from "../../words.js";
import { amount, value } from "./sentences.js";

/**
 * What a sweep shows, on the frontier chart's axes (src/report/sweepFrontier.ts): what was
 * varied; for a single parameter, how cost and service move from its first value to its last; the
 * cheapest point, the best-served one and whether their service intervals overlap; and which
 * points are dominated beyond the 95% intervals (another point is cheaper and serves better, both
 * by more than the intervals allow — stricter than the chart's "dominated", which is by the means).
 */
export function sweepNarrative(sw: SweepResult): string[] {
  const out: string[] = [];
  const cur = sw.currency;
  const varied = sw.vary.map((v) => `${v.path} over ${list(v.values.map((x) => String(x)))}`);
  out.push(
    `The sweep varies ${list(varied)} in ${plural(sw.points.length, "run")} of ${sw.scenario} (${plural(sw.replications, "replication")} each, seed ${sw.seed}, ` +
      `the same random numbers at every point).`,
  );
  const { cost, service } = sweepAxes(sw);
  if (cost === null || service === null) {
    out.push(`The sweep has no ${cost === null ? "cost" : "service-level"} metric, so no cost/service trade-off can be read from it.`);
    return out;
  }
  const cw = metricInfo(cost), sv = metricInfo(service);
  const costText = (v: number) => value(v, cw, cur), serviceText = (v: number) => value(v, sv, cur);
  const label = (p: SweepPoint) => Object.entries(p.parameters).map(([k, v]) => `${k} = ${v}`).join(", ");
  const rows = frontierPoints(sw, cost, service);
  if (rows.length === 0) {
    out.push(`No point has both ${cw.noun.replace(/^the /, "")} and ${sv.noun}.`);
    return out;
  }
  const s: string[] = [];
  if (sw.vary.length === 1 && rows.length > 1) {
    const path = sw.vary[0].path;
    const byValue = [...rows].sort((a, b) => a.point.parameters[path] - b.point.parameters[path]);
    const a = byValue[0], b = byValue[byValue.length - 1];
    const moves = (k: "cost" | "service", fmt: (v: number) => string, noun: string) =>
      intervalsOverlap(a[k], b[k]) ? `${noun} shows no clear change (${fmt(a[k].mean)} and ${fmt(b[k].mean)}; their 95% intervals overlap)` : `${noun} goes from ${fmt(a[k].mean)} to ${fmt(b[k].mean)}`;
    s.push(`From ${path} = ${a.point.parameters[path]} to ${b.point.parameters[path]}, ${moves("cost", costText, cw.noun)}, while ${moves("service", serviceText, sv.noun)}.`);
  }
  const better = (x: number, y: number) => (sv.better === -1 ? x < y : x > y);
  const cheapest = rows.reduce((m, x) => (x.cost.mean < m.cost.mean ? x : m));
  const bestServed = rows.reduce((m, x) => (better(x.service.mean, m.service.mean) ? x : m));
  if (cheapest === bestServed) {
    s.push(`${label(cheapest.point)} is both the cheapest point (${costText(cheapest.cost.mean)}) and the best served (${serviceText(cheapest.service.mean)}).`);
  } else {
    s.push(`The cheapest point is ${label(cheapest.point)} at ${costText(cheapest.cost.mean)} with ${sv.noun} ${serviceText(cheapest.service.mean)}; the best served is ${label(bestServed.point)} at ${serviceText(bestServed.service.mean)} for ${costText(bestServed.cost.mean)}.`);
    const extra = costText(bestServed.cost.mean - cheapest.cost.mean);
    s.push(
      intervalsOverlap(cheapest.service, bestServed.service)
        ? `Their ${sv.noun} intervals overlap, so this sweep does not show that the extra ${extra} buys better service.`
        : `Their ${sv.noun} intervals do not overlap: the extra ${extra} buys ${amount(bestServed.service.mean - cheapest.service.mean, sv, cur)} of ${sv.noun}.`,
    );
  }
  const dominated = clearlyDominated(rows, service);
  if (dominated.length > 0) {
    const n = dominated.length;
    s.push(`Beyond their 95% intervals, ${n === 1 ? "one point is" : `${formatCount(n)} points are`} both dearer and worse served than another (${list(dominated.slice(0, 4).map((x) => label(x.point)))}${n > 4 ? ", …" : ""}).`);
  }
  out.push(s.join(" "));
  return out;
}
