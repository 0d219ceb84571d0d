/**
 * The allocation of a run's costs to tiers and channels (src/kpi/costAllocation.ts, docs/model.md
 * §19.1): a shared pool split by handle time, contact charges by contacts answered, the fallbacks
 * for a pool that handled nothing, and conservation — Σ tiers = Σ channels = pools + contact charges.
 */
import { describe, expect, it } from "vitest";
import { allocateCosts, type AllocationInput } from "../../../src/kpi/costAllocation.js";

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

/** Two channels (phone, e-mail) entering L1; a shared L1 pool, an L2 pool. */
const BASE: AllocationInput = {
  poolCost: [1000, 600],
  poolTier: [0, 1],
  // L1 pool: 300 min on phone, 100 on e-mail; L2 pool: 50 on phone, 150 on e-mail
  handleByChannel: [300, 100, 50, 150],
  contactsCost: 40,
  contactsWeight: [1 * 30, 0.5 * 20], // cost per contact × answered at entry
  entryTier: [0, 0],
  tiers: 2,
};

describe("allocating pool and contact costs", () => {
  it("splits a shared pool by handle time and contact charges by their weight", () => {
    const a = allocateCosts(BASE);
    // tiers: their pools, and the contact charges of the channels entering there
    expect(Array.from(a.tier)).toEqual([1040, 600]);
    // phone: 3/4 of L1, 1/4 of L2, 3/4 of the contact charges; e-mail the rest
    expect(a.channel[0]).toBeCloseTo(750 + 150 + 30, 9);
    expect(a.channel[1]).toBeCloseTo(250 + 450 + 10, 9);
    // the entry tier's part alone
    expect(a.channelEntry[0]).toBeCloseTo(750 + 30, 9);
    expect(a.channelEntry[1]).toBeCloseTo(250 + 10, 9);
  });

  it("conserves the cost: Σ tiers = Σ channels = pools + contact charges", () => {
    const a = allocateCosts(BASE);
    expect(sum(a.tier)).toBeCloseTo(1640, 9);
    expect(sum(a.channel)).toBeCloseTo(1640, 9);
  });

  it("splits a pool that handled nothing by its tier's handle time, else the network's, else evenly", () => {
    // a second L2 pool (a vendor paid before its first contact)
    const idle = allocateCosts({ ...BASE, poolCost: [1000, 600, 200], poolTier: [0, 1, 1], handleByChannel: [300, 100, 50, 150, 0, 0] });
    expect(idle.tier[1]).toBeCloseTo(800, 9);
    expect(idle.channel[0] - allocateCosts(BASE).channel[0]).toBeCloseTo(200 * 0.25, 9); // L2's shares: 50 : 150
    // its tier handled nothing either: the network's shares (the L1 pool's 300 : 100)
    const lonely = allocateCosts({ ...BASE, poolCost: [1000, 600], handleByChannel: [300, 100, 0, 0], contactsCost: 0 });
    expect(lonely.channel[0]).toBeCloseTo(750 + 600 * (300 / 400), 9);
    // nothing handled anywhere: evenly
    const none = allocateCosts({ ...BASE, handleByChannel: [0, 0, 0, 0], contactsWeight: [0, 0] });
    expect(Array.from(none.channel)).toEqual([820, 820]);
    for (const a of [idle, lonely, none]) expect(sum(a.channel)).toBeCloseTo(sum(a.tier), 9);
  });

  it("puts contact charges on each channel's own entry tier", () => {
    // e-mail enters at L2 here
    const a = allocateCosts({ ...BASE, entryTier: [0, 1] });
    expect(Array.from(a.tier)).toEqual([1030, 610]);
    // e-mail's entry tier is L2: its entry part is L2's e-mail share and its contact charges
    expect(a.channelEntry[1]).toBeCloseTo(450 + 10, 9);
  });
});
