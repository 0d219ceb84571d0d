/**
 * Conservation of the cost per tier and per channel on real runs (docs/model.md §19.1): for one
 * replication of every shipped full-form scenario (vendors with per-contact and monthly fees,
 * shared pools, hiring, per-contact channel charges, KCS), the tiers' costs and the channels'
 * costs each add up to the pools' categories + contacts + hiring, and weighting each unit cost
 * back by its contacts gives those totals again.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { simulateReplication, type Values } from "../../src/kpi/values.js";
import { shippedSupportConfigs } from "../helpers/shippedScenarios.js";

const runs: { file: string; v: Values; pools: string[]; tiers: string[]; channels: string[] }[] = [];
beforeAll(() => {
  for (const { file, cfg } of shippedSupportConfigs()) {
    runs.push({ file, v: simulateReplication(cfg, 3, 0).values, pools: cfg.pools.map((p) => p.name), tiers: cfg.tiers.map((t) => t.name), channels: cfg.channels.map((c) => c.name) });
  }
}, 300_000);

const n = (v: Values, k: string): number => {
  const x = v[k];
  if (typeof x !== "number") throw new Error(`${k}: ${x}`);
  return x;
};

describe("cost per tier and per channel on every shipped scenario", () => {
  it("Σ tier costs = Σ channel costs = pools + contacts + hiring; the rest is unallocated", () => {
    expect(runs.length).toBeGreaterThan(10);
    for (const { file, v, pools, tiers, channels } of runs) {
      const staffAndContacts = pools.reduce((a, p) => a + n(v, `cost.byCategory.${p}`), 0) + n(v, "cost.byCategory.contacts") + n(v, "cost.byCategory.hiring");
      const tol = 1e-9 * Math.max(1, n(v, "cost.total"));
      const byTier = tiers.reduce((a, t) => a + n(v, `tier.${t}.cost`), 0);
      const byChannel = channels.reduce((a, c) => a + n(v, `channel.${c}.cost`), 0);
      expect(Math.abs(byTier - staffAndContacts), file).toBeLessThan(tol);
      expect(Math.abs(byChannel - staffAndContacts), file).toBeLessThan(tol);
      const rest = ["self-service", "KCS program", "problem management", "customer training"].reduce((a, c) => a + n(v, `cost.byCategory.${c}`), 0);
      expect(Math.abs(n(v, "cost.unallocated") - rest), file).toBeLessThan(tol);
      // each unit cost weighted back by its contacts gives the cost again
      for (const t of tiers) if (n(v, `tier.${t}.answered`) > 0) expect(Math.abs(n(v, `tier.${t}.costPerContact`) * n(v, `tier.${t}.answered`) - n(v, `tier.${t}.cost`)), `${file} ${t}`).toBeLessThan(tol);
      const weighted = channels.reduce((a, c) => a + n(v, `channel.${c}.costPerContact`) * n(v, `channel.${c}.answered`), 0);
      expect(Math.abs(weighted - byChannel), file).toBeLessThan(tol);
      // the entry tier's part is part of the end-to-end cost
      for (const c of channels) expect(n(v, `channel.${c}.entryCostPerContact`), `${file} ${c}`).toBeLessThanOrEqual(n(v, `channel.${c}.costPerContact`) + 1e-9);
    }
  });

  it("is not vacuous: the scenarios have vendors, hiring, contact charges and unallocated costs", () => {
    const some = (k: (r: (typeof runs)[number]) => number) => runs.some((r) => k(r) > 0);
    expect(some((r) => n(r.v, "cost.byCategory.contacts"))).toBe(true);
    expect(some((r) => n(r.v, "cost.byCategory.hiring"))).toBe(true);
    expect(some((r) => n(r.v, "cost.unallocated"))).toBe(true);
    expect(some((r) => r.pools.filter((p) => /vendor|outsourc/i.test(p)).length)).toBe(true);
  });

  it("gives a shared pool's channels different costs per contact, and a tier's resolution rate within [0, 1]", () => {
    const base = runs.find((r) => r.file === "baseline.json")!;
    expect(n(base.v, "channel.phone.entryCostPerContact")).not.toBeCloseTo(n(base.v, "channel.email.entryCostPerContact"), 1);
    for (const r of runs) {
      for (const c of r.channels) { const x = r.v[`channel.${c}.resolutionRate`]; if (x !== null) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(1); }
      const e = r.v["funnel.resolutionRate"];
      if (e !== null) expect(e).toBeLessThanOrEqual(1);
    }
  });
});
