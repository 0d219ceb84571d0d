/**
 * The structural checks of a contact network's configuration (networkConfig.ts), run before a
 * Network is built: tiers route without loops, pools name real tiers and work types, share and
 * overflow pools of the same work agree, and every (tier, work type) a contact can reach has a
 * pool that serves it.
 */
import type { NetworkConfig } from "./networkConfig.js";

/** Check a network's structure; throws RangeError naming the problem. */
export function checkNetwork(cfg: NetworkConfig): void {
  const W = cfg.workTypes.length, P = cfg.classes.length, T = cfg.tiers.length;
  if (W < 1 || P < 1 || T < 1) throw new RangeError("network: needs at least one work type, class and tier");
  cfg.tiers.forEach((t, i) => {
    if (t.next !== undefined && (t.next < 0 || t.next >= T || t.next === i)) throw new RangeError(`tiers[${i}].next: expected another tier's index, got ${t.next}`);
    if (!(t.resolve >= 0 && t.resolve <= 1)) throw new RangeError(`tiers[${i}].resolve: expected a probability, got ${t.resolve}`);
  });
  // an unresolved contact must eventually leave: following `next` must not cycle
  cfg.tiers.forEach((_, i) => {
    const seen = new Set<number>();
    for (let t: number | undefined = i; t !== undefined; t = cfg.tiers[t].next) {
      if (seen.has(t)) throw new RangeError(`tiers[${i}]: routing loop with no exit (${[...seen, t].map((k) => cfg.tiers[k].name).join(" → ")})`);
      seen.add(t);
    }
  });
  // per (tier, work type): the share of its share pools and the threshold of its overflow pools, which must agree
  const shareAt = new Map<number, { share: number; pool: number }>();
  const overflowAt = new Map<number, { after: number; pool: number }>();
  cfg.pools.forEach((p, i) => {
    if (p.tier < 0 || p.tier >= T) throw new RangeError(`pools[${i}].tier: expected a tier index, got ${p.tier}`);
    if (p.skills.length === 0) throw new RangeError(`pools[${i}] (${p.name}): serves no work type`);
    if (p.concurrency !== undefined && !(Number.isInteger(p.concurrency) && p.concurrency >= 1)) throw new RangeError(`pools[${i}].concurrency: expected an integer >= 1, got ${p.concurrency}`);
    if (p.stretch !== undefined && !(p.stretch >= 0)) throw new RangeError(`pools[${i}].stretch: expected a number >= 0, got ${p.stretch}`);
    for (const w of p.skills) if (w < 0 || w >= W) throw new RangeError(`pools[${i}].skills: unknown work type ${w}`);
    if (p.handleTimeFactor !== undefined && !(p.handleTimeFactor > 0 && p.handleTimeFactor < Infinity)) throw new RangeError(`pools[${i}].handleTimeFactor: expected a finite number > 0, got ${p.handleTimeFactor}`);
    if (p.resolveFactor !== undefined && !(p.resolveFactor >= 0 && p.resolveFactor < Infinity)) throw new RangeError(`pools[${i}].resolveFactor: expected a finite number >= 0, got ${p.resolveFactor}`);
    if (p.occupancyCap !== undefined && !(p.occupancyCap > 0 && p.occupancyCap <= 1)) throw new RangeError(`pools[${i}].occupancyCap: expected a share in (0, 1], got ${p.occupancyCap}`);
    const routing = p.routing ?? "pool";
    if (routing !== "pool" && routing !== "share" && routing !== "overflow") throw new RangeError(`pools[${i}].routing: expected "pool", "share" or "overflow", got ${String(routing)}`);
    if (routing === "share") {
      const share = p.share as number;
      if (!(share >= 0 && share <= 1)) throw new RangeError(`pools[${i}] (${p.name}): a "share" pool needs a share in [0, 1], got ${p.share}`);
      for (const w of p.skills) {
        const key = p.tier * W + w, other = shareAt.get(key);
        if (other === undefined) shareAt.set(key, { share, pool: i });
        else if (other.share !== share) throw new RangeError(`pools ${cfg.pools[other.pool].name} and ${p.name} take shares of work type ${cfg.workTypes[w]} at tier ${cfg.tiers[p.tier].name} with different shares (${other.share} vs ${share}): share pools of the same work split one partition, give them one share`);
      }
    }
    if (routing === "overflow") {
      const after = p.overflowAfter as number;
      if (!(after >= 0 && after < Infinity)) throw new RangeError(`pools[${i}] (${p.name}): an "overflow" pool needs overflowAfter in minutes >= 0, got ${p.overflowAfter}`);
      for (const w of p.skills) {
        const key = p.tier * W + w, other = overflowAt.get(key);
        if (other === undefined) overflowAt.set(key, { after, pool: i });
        else if (other.after !== after) throw new RangeError(`pools ${cfg.pools[other.pool].name} and ${p.name} overflow work type ${cfg.workTypes[w]} at tier ${cfg.tiers[p.tier].name} after different waits (${other.after} vs ${after} min): give them one threshold`);
      }
    }
  });
  // every (tier, work type) a contact can reach needs a pool that serves it: one with routing
  // "pool" (overflow pools wait, share pools take only their share), unless share pools take all of it
  const reach = new Set<string>();
  for (const s of cfg.streams) {
    for (let t: number | undefined = s.tier; t !== undefined; t = cfg.tiers[t].next) reach.add(`${t}:${s.workType}`);
    if (s.priorityClass < 0 || s.priorityClass >= P) throw new RangeError(`streams (${s.name}): unknown priority class ${s.priorityClass}`);
  }
  for (const key of reach) {
    const [t, w] = key.split(":").map(Number);
    const serving = cfg.pools.filter((p) => p.tier === t && p.skills.includes(w));
    if (serving.length === 0) {
      throw new RangeError(`no pool at tier ${cfg.tiers[t].name} serves work type ${cfg.workTypes[w]}, which reaches it`);
    }
    if (!serving.some((p) => (p.routing ?? "pool") === "pool") && shareAt.get(t * W + w)?.share !== 1) {
      throw new RangeError(`at tier ${cfg.tiers[t].name}, work type ${cfg.workTypes[w]} reaches it but only share or overflow pools serve it (${serving.map((p) => p.name).join(", ")}): it needs a pool with routing "pool", or share pools with share 1 (the whole tier's work outsourced)`);
    }
  }
}
