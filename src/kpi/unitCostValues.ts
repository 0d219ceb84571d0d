/**
 * One replication's costs per tier and per channel (kpi/costAllocation.ts allocates them):
 *   tier.<t>.cost, tier.<t>.costPerContact           the tier's cost / contacts answered there (every visit)
 *   channel.<c>.cost, channel.<c>.costPerContact     end to end: every tier its contacts pass through / contacts answered at entry
 *   channel.<c>.entryCostPerContact                  its entry tier's part alone / the same contacts
 *   cost.unallocated                                 the total less every tier's cost (self-service, KCS, problem management, customer training)
 * Rates go through `rate`, so replications combine as ratios of sums (values.ts).
 */
import { CF } from "../model/counters.js";
import type { SupportConfig } from "../model/config.js";
import type { SupportResult } from "../model/simulation/supportResult.js";
import { allocateCosts } from "./costAllocation.js";

type Rate = (key: string, num: number, den: number) => void;

/** Per pool: its ledger category plus its share of `hiring` (by hires × cost per hire). */
function poolCosts(r: SupportResult, cfg: SupportConfig): Float64Array {
  const ledger = r.costs;
  const hireCost = cfg.pools.map((p, q) => (p.workforce ? r.pools[q].hires * p.workforce.costPerHire : 0));
  const hireSum = hireCost.reduce((a, b) => a + b, 0);
  const hiring = ledger.total("hiring");
  return Float64Array.from(cfg.pools, (_, q) => ledger.total(q) + (hireSum > 0 ? (hiring * hireCost[q]) / hireSum : 0));
}

/** Write the tier and channel unit costs of one replication into `v` (rates through `rate`). */
export function unitCostValues(r: SupportResult, cfg: SupportConfig, rate: Rate, v: Record<string, number | null>): void {
  const k = r.counters, C = cfg.channels.length, Q = cfg.pools.length, W = C * cfg.needTypes.length;
  // work type w is (need type, channel) = (⌊w / C⌋, w mod C) (simulation/networkOf.ts)
  const handleByChannel = new Float64Array(Q * C);
  const byWork = r.network.poolHandleTimeByWork;
  for (let q = 0; q < Q; q++) for (let w = 0; w < W; w++) handleByChannel[q * C + (w % C)] += byWork[q * W + w];
  const answeredAtEntry = cfg.channels.map((ch, c) => k.contactSum(CF.answered, ch.entryTier, c));
  const a = allocateCosts({
    poolCost: poolCosts(r, cfg),
    poolTier: cfg.pools.map((p) => p.tier),
    handleByChannel,
    contactsCost: r.costs.total("contacts"),
    contactsWeight: cfg.channels.map((_, c) => cfg.costs.perContactByChannel[c] * answeredAtEntry[c]),
    entryTier: cfg.channels.map((ch) => ch.entryTier),
    tiers: cfg.tiers.length,
  });
  let allocated = 0;
  cfg.tiers.forEach((t, i) => {
    v[`tier.${t.name}.cost`] = a.tier[i];
    rate(`tier.${t.name}.costPerContact`, a.tier[i], k.contactSum(CF.answered, i, -1));
    allocated += a.tier[i];
  });
  cfg.channels.forEach((ch, c) => {
    v[`channel.${ch.name}.cost`] = a.channel[c];
    rate(`channel.${ch.name}.costPerContact`, a.channel[c], answeredAtEntry[c]);
    rate(`channel.${ch.name}.entryCostPerContact`, a.channelEntry[c], answeredAtEntry[c]);
  });
  v["cost.unallocated"] = r.costs.total() - allocated;
}
