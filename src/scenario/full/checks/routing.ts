/** Routing between tiers (`next`) must end at a last tier: each loop is reported once, at the tier of the loop listed first. */
import type { SupportScenarioShape } from "../schema/scenario.js";
import type { Report } from "./report.js";

/** Report routing loops; true when there is one. */
export function checkRouting(s: SupportScenarioShape, r: Report, tierIndex: ReadonlyMap<string, number>): boolean {
  const nextOf = (i: number): number | undefined => {
    const n = s.tiers[i].next;
    return n === undefined ? undefined : tierIndex.get(n);
  };
  let loops = false;
  const reported = new Set<number>();
  for (let i = 0; i < s.tiers.length; i++) {
    const path: number[] = [];
    let t: number | undefined = i;
    while (t !== undefined && !path.includes(t)) {
      path.push(t);
      t = nextOf(t);
    }
    if (t === undefined) continue;
    loops = true;
    const cycle = path.slice(path.indexOf(t));
    const first = Math.min(...cycle);
    if (reported.has(first)) continue;
    reported.add(first);
    const k = cycle.indexOf(first);
    const ordered = [...cycle.slice(k), ...cycle.slice(0, k), first].map((j) => s.tiers[j].name);
    r.issue(["tiers", first, "next"], `expected escalation to end at a last tier, got a routing loop ${ordered.join(" → ")}`);
  }
  return loops;
}
