/**
 * Reachable work: the (need type, channel) work that can reach each tier, following channels'
 * entry tiers and `next` while a tier does not resolve all of a need type. Every pool must be
 * able to serve some work that reaches its tier, and all work reaching a tier must have a pool.
 * Checked only once routing, names and the source of demand are right.
 */
import type { SupportScenarioShape } from "../schema/scenario.js";
import { listing } from "./format.js";
import type { Names } from "./names.js";
import type { Report } from "./report.js";

/** Pools without work that reaches their tier, and work reaching a tier without a pool. */
export function checkReachableWork(s: SupportScenarioShape, r: Report, { needNames, chanNames }: Names, tierIndex: ReadonlyMap<string, number>): void {
  const reach = reachableWork(s);
  if (reach === undefined) return;
  const served = s.tiers.map(() => new Set<string>());
  s.pools.forEach((p, i) => {
    const t = tierIndex.get(p.tier);
    if (t === undefined) return;
    const needs = (p.needTypes ?? needNames).filter((n) => needNames.includes(n));
    const chans = (p.channels ?? chanNames).filter((c) => chanNames.includes(c));
    let eligible = false;
    for (const n of needs) {
      for (const c of chans) {
        const key = workKey(n, c);
        served[t].add(key);
        if (reach[t].has(key)) eligible = true;
      }
    }
    if (!eligible) {
      const gets = [...reach[t]].map(showWork);
      r.issue(
        ["pools", i],
        gets.length === 0
          ? `expected work this pool can serve, got none: no request reaches tier "${p.tier}" (no channel enters there and no tier passes work on to it)`
          : `expected work this pool can serve, got none: it serves need types ${listing(needs)} on channels ${listing(chans)}, but tier "${p.tier}" only receives ${listing(gets, 6)}`,
      );
    }
  });
  s.tiers.forEach((t, i) => {
    const missing = [...reach[i]].filter((k) => !served[i].has(k));
    if (missing.length > 0) {
      r.issue(["pools"], `expected a pool for all work reaching tier "${t.name}", got none for ${listing(missing.map(showWork), 6)}`);
    }
  });
}

function workKey(need: string, channel: string): string {
  return `${need}\u0000${channel}`;
}

function showWork(key: string): string {
  const [n, c] = key.split("\u0000");
  return `need type "${n}" on channel "${c}"`;
}

/**
 * The (need type, channel) work that can reach each tier: on each channel, the need types
 * with a positive weight there (when there are customers and some segment uses the channel)
 * and the need types of forecast arrivals on it, enter at the channel's entry tier; work
 * moves on along `next` while the tier's resolution probability for its need type is < 1.
 * Returns per tier index the set of work keys, or undefined if references are broken.
 */
function reachableWork(s: SupportScenarioShape): Set<string>[] | undefined {
  if (s.tiers.length === 0) return undefined;
  const tierIndex = new Map(s.tiers.map((t, i) => [t.name, i] as const));
  const needNames = s.needTypes.map((n) => n.name);
  const reach = s.tiers.map(() => new Set<string>());
  const segments = s.customers?.segments ?? [];
  for (const ch of s.channels) {
    const entry = ch.entryTier === undefined ? 0 : tierIndex.get(ch.entryTier);
    if (entry === undefined) return undefined;
    const needs = new Set<string>();
    const usedBySomeSegment = segments.some((g) => g.channels === undefined || g.channels.includes(ch.name));
    if (s.customers !== undefined && usedBySomeSegment) {
      for (const n of s.needTypes) if ((n.channels[ch.name] ?? 0) > 0) needs.add(n.name);
    }
    for (const a of s.arrivals ?? []) {
      if (a.channel !== ch.name) continue;
      const n = a.needType ?? needNames[0];
      if (needNames.includes(n)) needs.add(n);
    }
    let current = [...needs];
    const visited = new Set<number>();
    for (let t: number | undefined = entry; t !== undefined && current.length > 0 && !visited.has(t); ) {
      visited.add(t);
      const tier = s.tiers[t];
      for (const n of current) reach[t].add(workKey(n, ch.name));
      const resolve = tier.resolve;
      // work moves on unless the tier resolves all of it (an out-of-range value is reported elsewhere)
      current = current.filter((n) => (typeof resolve === "number" ? resolve : resolve[n]) !== 1);
      if (tier.next === undefined) break;
      t = tierIndex.get(tier.next);
    }
  }
  return reach;
}
