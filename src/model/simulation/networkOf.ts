/**
 * The contact network of a support configuration: work types are (need type, channel) pairs
 * (index need · C + channel), each tier's patience is its own for the channel, else the channel's entry tier's, its resolution its need
 * type's, and a pool has slots for the most agents its schedule ever puts on the floor.
 */
import type { SupportConfig } from "../config.js";
import type { NetworkConfig } from "../network/networkConfig.js";
import type { WeeklyPattern } from "../staffing/weeklyPattern.js";

export function networkOf(cfg: SupportConfig, patterns: readonly WeeklyPattern[]): NetworkConfig {
  return {
    horizon: cfg.horizon, warmup: cfg.warmup, intervalLength: cfg.intervalLength, threshold: cfg.threshold,
    workTypes: cfg.needTypes.flatMap((n) => cfg.channels.map((c) => `${n.name} by ${c.name}`)),
    classes: cfg.classes,
    tiers: cfg.tiers.map((t) => ({
      name: t.name,
      handleTime: t.handleTime,
      handleTimeByWork: t.handleTimeByWork,
      // a real-time contact keeps its channel's patience (its entry tier's) at every tier it waits in, unless the tier sets its own
      patienceByWork: cfg.needTypes.flatMap(() => cfg.channels.map((ch, c) => t.patienceByChannel[c] ?? cfg.tiers[ch.entryTier].patienceByChannel[c])),
      resolve: 1,
      resolveByWork: cfg.needTypes.flatMap((_, k) => cfg.channels.map(() => t.resolveByNeed[k])),
      next: t.next,
      nextMode: t.nextMode,
      holdLimit: t.holdLimit?.minutes,
      holdLimitTicket: t.holdLimit?.then === "ticket",
    })),
    pools: cfg.pools.map((p, q) => ({
      name: p.name, tier: p.tier, agents: Math.max(p.agents, patterns[q].maxFloor), skills: p.skills, concurrency: p.concurrency, stretch: p.stretch,
      handleTimeFactor: p.handleTimeFactor, resolveFactor: p.resolveFactor, occupancyCap: p.occupancyCap, reserveForLive: p.reserveForLive,
      routing: p.vendor?.routing ?? "pool", share: p.vendor?.share, overflowAfter: p.vendor?.overflowAfter,
    })),
    streams: [],
    callbackByWork: cfg.needTypes.flatMap(() => cfg.channels.map((c) => c.callback)),
    // contacts are counted in SupportCounters, intervals with the tier busy/staffed bins, P(wait) in the
    // network's `delayed`: a single queue's Erlang counts are made from those (kpi/values.ts queueMetrics),
    // not counted twice by the network's per-class series (which cost a single queue about 15% of its time)
    classSeries: false,
    // deferred work (e-mail, tickets) is carried over to the next shift, not finished in overtime (docs/model.md §14.2);
    // kept only where there can be any: a deferred channel, an escalation, a hold limit ending in a ticket (the
    // hand-over's bookkeeping costs every service a few writes)
    handOverDeferred: cfg.channels.some((c) => c.kind === "deferred") || cfg.tiers.some((t) => (t.next !== undefined && t.nextMode === "escalate") || t.holdLimit?.then === "ticket"),
  };
}

/** A configuration that is one queue: no customers, one channel, one tier, one pool (the simple form's shape). */
export function isSingleQueue(cfg: SupportConfig): boolean {
  return !cfg.causal && cfg.channels.length === 1 && cfg.tiers.length === 1 && cfg.pools.length === 1;
}
