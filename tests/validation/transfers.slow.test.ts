/**
 * Transfers and holds are bounded and visible (docs/model.md §8.4): a small company whose L1
 * warm-transfers what it cannot resolve to an "L1.5" desk (one agent, office hours), which
 * escalates to L2 as a ticket.
 *
 * 1. A real-time contact keeps its channel's patience at every tier it waits in: held at L1.5
 *    without a patience of its own, phone callers abandon there, and the time a phone contact is
 *    held across its tiers stays in minutes. On the code before, L1.5 had no patience, nobody
 *    abandoned there, and callers were held for hours (overnight, when the desk had closed).
 * 2. A hold limit: a warm transfer not answered within it becomes a callback (or a ticket), so no
 *    contact holds there longer than the limit.
 * 3. End-to-end figures: the share of contacts resolved in the first line (L1 plus L1.5) is the
 *    L1 and L1.5 resolutions over the contacts that ended, and the desk raises it.
 * 4. `validate` warns about a real-time wait with no bound.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario, simulate } from "../../src/api/index.js";
import { smallBaseline } from "../helpers/smallBaseline.js";
import { scenarioFolder } from "../helpers/workflowScenarios.js";

const files = scenarioFolder("supportsim-transfers-");
afterAll(() => files.remove());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
files.write("base.json", smallBaseline(4, (s: any) => {
  s.name = "escalating";
  s.horizon = { days: 21, warmupDays: 7, intervalMinutes: 60 };
}));
const desk = (name: string, tierPatch: object = {}, l1Patch: object = {}) =>
  files.write(`${name}.json`, {
    extends: "base.json",
    name,
    tiers: {
      L1: { next: "L1.5", nextMode: "transfer", ...l1Patch },
      "L1.5": { name: "L1.5", handleTime: { dist: "lognormal", meanMinutes: 15, cv: 1 }, resolve: 0.5, next: "L2", nextMode: "escalate", ...tierPatch },
    },
    pools: {
      "L1.5 desk": { name: "L1.5 desk", tier: "L1.5", agents: 1, hours: [{ days: "Mon-Fri", open: "09:00", close: "17:00" }], shrinkage: 0.3, cost: { wagePerHour: 30 } },
    },
  });

const run = async (path: string) => (await simulate(loadScenario(path), { threads: 2 })).estimates;

describe("transfers and holds", () => {
  it("a warm transfer keeps the channel's patience: callers abandon at L1.5 and holds stay in minutes", async () => {
    const e = await run(desk("desk"));
    expect(e["tier.L1.5.realtimeAnswered"].mean!).toBeGreaterThan(0);
    expect(e["tier.L1.5.abandoned"].mean!, "abandoned on hold at L1.5").toBeGreaterThan(0);
    // the phone patience is exponential with mean 3 minutes: a hold across L1 and L1.5 is minutes, not hours
    expect(e["channel.phone.meanHoldMinutes"].mean!).toBeLessThan(10);
  }, 300_000);

  it("a hold limit turns a warm transfer still waiting into a callback or a ticket: nobody abandons on hold past the limit, holds shorten", async () => {
    const limit = 4;
    // a patient L1.5 (mean 10 hours) that would hold callers for hours, and its limit
    const patient = { patience: { phone: { dist: "exponential", meanMinutes: 600 }, chat: { dist: "exponential", meanMinutes: 600 } } };
    const [unlimited, limited] = await Promise.all([run(desk("patient", patient)), run(desk("limited", { ...patient, holdLimit: { minutes: limit, then: "callback" } }))]);
    expect(unlimited["tier.L1.5.abandoned"].mean!).toBeGreaterThan(0);
    expect(limited["tier.L1.5.heldToLimit"].mean!).toBeGreaterThan(0);
    // only a caller whose patience runs out before the limit (P = 1 − e^(−4/600) = 0.7 %) can still abandon
    // there, before the limit: at most that share of the transfers (169 a replication: 1.1), against 8.5 without a limit
    expect(limited["tier.L1.5.abandoned"].mean!).toBeLessThanOrEqual(limited["tier.L1.5.offered"].mean! * (1 - Math.exp(-limit / 600)));
    // held at most: the wait at L1 (at most the entry's hold) plus the limit at L1.5
    const base = await run(files.path("base.json"));
    expect(limited["channel.phone.meanHoldMinutes"].mean!).toBeLessThanOrEqual(base["channel.phone.meanHoldMinutes"].mean! * 2 + limit);
    expect(limited["channel.phone.meanHoldMinutes"].mean!).toBeLessThan(unlimited["channel.phone.meanHoldMinutes"].mean!);
    const ticket = await run(desk("ticket", { ...patient, holdLimit: { minutes: limit, then: "ticket" } }));
    expect(ticket["tier.L1.5.heldToLimit"].mean!).toBeGreaterThan(0);
    expect(ticket["tier.L1.5.deferredAnswered"].mean!).toBeGreaterThan(0);
  }, 300_000);

  it("the first line (L1 and the warm-transfer desk) resolves a larger share than L1 alone", async () => {
    const [base, withDesk] = await Promise.all([run(files.path("base.json")), run(desk("desk"))]);
    const share = (e: typeof base) => e["channel.phone.resolvedFirstLineShare"].mean!;
    expect(share(base)).toBeGreaterThan(0.3);
    expect(share(withDesk)).toBeGreaterThan(share(base));
    expect(withDesk["channel.phone.meanHoursToResolution"].mean!).toBeGreaterThan(0);
  }, 300_000);

  it("validate warns about a real-time wait with no bound, naming the field", () => {
    const path = files.write("unbounded.json", {
      extends: "base.json",
      name: "unbounded",
      tiers: { L1: { next: "L1.5", nextMode: "transfer", patience: { phone: null } }, "L1.5": { name: "L1.5", handleTime: { dist: "exponential", meanMinutes: 15 }, resolve: 0.5, next: "L2", nextMode: "escalate" } },
      pools: { "L1.5 desk": { name: "L1.5 desk", tier: "L1.5", agents: 1, hours: [{ days: "Mon-Fri", open: "09:00", close: "17:00" }], shrinkage: 0.3, cost: { wagePerHour: 30 } } },
    });
    const w = loadScenario(path).warnings;
    expect(w.some((x) => x.startsWith("tiers[0].patience.phone: missing"))).toBe(true);
    expect(w.some((x) => x.startsWith("tiers[3].holdLimit: missing") && x.includes("phone"))).toBe(true);
    expect(w.some((x) => x.includes("chat") && x.includes("holdLimit"))).toBe(false);
    expect(loadScenario(desk("desk")).warnings.filter((x) => x.includes("patience") || x.includes("holdLimit"))).toEqual([]);
  });
});
