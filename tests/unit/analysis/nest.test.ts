/**
 * Results keyed by name keep every name whole (analysis/experiments/replications.ts `nest`): a
 * tier or pool named "L1.5", a month "2027-01", a cost category with a dot — the KPI catalogue
 * reads the metric from the end of the key, so the element between is one key of the JSON.
 */
import { describe, expect, it } from "vitest";
import { nest } from "../../../src/analysis/experiments/replications.js";
import { loadScenario } from "../../../src/api/scenario.js";
import { resultJson, simulate } from "../../../src/api/simulate.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

describe("nested results keep names whole", () => {
  it("a dotted element is one key; plain keys nest on every dot", () => {
    expect(nest({ "tier.L1.5.occupancy": 0.8, "pool.L1.5 EU.served": 3, "cost.byCategory.pool v2.0": 10, "retention.byMonth.2027-01.churned": 4, "funnel.needs": 7 })).toEqual({
      tier: { "L1.5": { occupancy: 0.8 } },
      pool: { "L1.5 EU": { served: 3 } },
      cost: { byCategory: { "pool v2.0": 10 } },
      retention: { byMonth: { "2027-01": { churned: 4 } } },
      funnel: { needs: 7 },
    });
    // a key the catalogue does not know nests on every dot
    expect(nest({ "a.b.c": 1 })).toEqual({ a: { b: { c: 1 } } });
  });

  it("a run of a scenario with a tier and a pool named L1.5 reports them under their whole names", async () => {
    const s = smallBaseline(1, (x) => {
      x.tiers[0].name = "L1.5";
      for (const c of x.channels) if (c.entryTier === "L1") c.entryTier = "L1.5";
      for (const p of x.pools) if (p.tier === "L1") p.tier = "L1.5";
      x.pools[1].name = "L1.5 chat";
      x.horizon = { days: 2, warmupDays: 0, intervalMinutes: 60 };
    });
    const json = resultJson(await simulate(loadScenario(s))) as { tier: Record<string, { occupancy?: unknown }>; pool: Record<string, unknown> };
    expect(Object.keys(json.tier)).toContain("L1.5");
    expect(json.tier["L1.5"].occupancy).toBeDefined();
    expect(Object.keys(json.pool)).toContain("L1.5 chat");
    expect(json.tier).not.toHaveProperty("L1");
  });
});

describe("tiers in routing order", () => {
  it("entry tiers first, each followed by where its unresolved work goes; unreached tiers last, in file order", async () => {
    const { routingOrder } = await import("../../../src/model/routingOrder.js");
    const tiers = (next: (number | undefined)[]) => next.map((n, i) => ({ name: `t${i}`, next: n }));
    // file order L1, L2, L3, L1.5 with L1 → L1.5 → L2 → L3: routing order L1, L1.5, L2, L3
    const cfg = { tiers: tiers([3, 2, undefined, 1]), channels: [{ entryTier: 0 }] } as never;
    expect(routingOrder(cfg)).toEqual([0, 3, 1, 2]);
    // two channels entering different tiers, and a tier nobody reaches
    expect(routingOrder({ tiers: tiers([undefined, undefined, undefined]), channels: [{ entryTier: 2 }, { entryTier: 0 }] } as never)).toEqual([2, 0, 1]);
  });
});
