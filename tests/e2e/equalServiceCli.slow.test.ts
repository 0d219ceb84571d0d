/**
 * `supportsim compare --equal-service` (src/cli/compare.ts over src/api/compare.ts and
 * src/analysis/experiments/equalService.ts): every scenario sized to the same targets before it
 * is compared, so a what-if with less demand shows its saving as paid staff and money, with paired
 * intervals; the table, JSON and narrative say which mode they are in; at fixed staffing the paid
 * staff do not move. Bad flags: one line naming the flag.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCompare, type CompareOptions } from "../../src/cli/compare.js";
import { FIXED_STAFFING } from "../../src/analysis/experiments/compare.js";
import { compareNarrative } from "../../src/report/html/narrative/compareNarrative.js";
import { InputError } from "../../src/errors.js";

let dir = "";
const f = (n: string) => join(dir, n);
const hours = [{ days: "Mon-Fri", open: "09:00", close: "13:00" }];
const day = (scale: number) => [0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 110, 90, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map((x) => x * scale);
const week = (scale: number) => [...day(scale), ...day(scale), ...day(scale), ...day(scale), ...day(scale), ...new Array(48).fill(0)];
const desk = (name: string, scale: number) => ({
  name, seed: 3, replications: 4, start: "2027-01-04T00:00", timeZone: "UTC",
  horizon: { days: 15, warmupDays: 1, intervalMinutes: 60 },
  needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: { phone: 1 } }],
  channels: [{ name: "phone", kind: "realtime", entryTier: "L1", hours }],
  tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 4 }, patience: { phone: { dist: "exponential", meanMinutes: 3 } }, resolve: 1 }],
  pools: [{ name: "L1", tier: "L1", agents: 8, hours, costPerHour: 30, shrinkage: 0.2 }],
  arrivals: [{ channel: "phone", pattern: { stepMinutes: 60, ratesPerHour: week(scale), repeat: true } }],
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-equal-service-"));
  writeFileSync(f("desk.json"), JSON.stringify(desk("desk", 1)));
  writeFileSync(f("fewer.json"), JSON.stringify(desk("fewer calls", 0.6)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function quiet(options: Partial<CompareOptions> = {}) {
  let out = "", err = "";
  const c = await runCompare([f("desk.json"), f("fewer.json")], { progress: false, threads: 1, ...options, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { c, out, err };
}

describe("compare --equal-service", () => {
  it("sizes both to the target: fewer calls need fewer paid staff and cost less, with paired intervals; the table and JSON say so", async () => {
    const { c, out } = await quiet({ equalService: "sl=0.8@20s" });
    expect(c.mode).toMatch(/^equal service: every scenario sized to service level ≥ 80% within 20 s/);
    expect(c.sizing).toHaveLength(2);
    const fte = c.sizing!.map((s) => s.pools[0].fte);
    expect(fte[1]).toBeLessThan(fte[0]);
    // the paid staff in the runs are the sized ones (20% shrinkage: paid = floor / 0.8)
    const paid = c.metrics["cost.paidFte"];
    expect(paid.values[0].mean!).toBeCloseTo(fte[0], 6);
    expect(paid.differences[0].mean!).toBeLessThan(0);
    const cost = c.metrics["cost.total"].differences[0];
    expect(cost.ci95![1]).toBeLessThan(0);
    // both keep the service they were sized to
    for (const v of c.metrics["channel.phone.serviceLevel"].values) expect(v.mean!).toBeGreaterThan(0.8);
    expect(out).toContain("equal service: every scenario sized to");
    expect(out).toContain("Sized to the targets (a week)");
    const json = await quiet({ equalService: "sl=0.8@20s", json: true });
    const parsed = JSON.parse(json.out);
    expect(parsed.mode).toBe(c.mode);
    expect(parsed.sizing[1].scenario).toBe("fewer calls");
    // the narrative names the mode and does not call a unit cost "not a saving" because staff are busier
    const text = compareNarrative({ ...parsed, runs: [] }).join(" ");
    expect(text).toContain("Staffing: equal service");
    expect(text).not.toContain("not a saving");
  }, 120_000);

  it("at fixed staffing the paid staff do not move, and the mode says so", async () => {
    const { c, out } = await quiet();
    expect(c.mode).toBe(FIXED_STAFFING);
    expect(c.sizing).toBeUndefined();
    expect(c.metrics["cost.paidFte"].differences[0].mean).toBe(0);
    expect(out).toContain("fixed staffing: every scenario keeps the schedules it is written with");
  }, 60_000);

  it("bad flags: one line naming the flag, before anything runs", async () => {
    const line = async (o: Partial<CompareOptions>) => {
      try {
        await quiet(o);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).message;
      }
      throw new Error("no error");
    };
    expect(await line({ maxAbandon: 0.05 })).toBe("--max-abandon: expected only with --equal-service (it sizes the scenarios to the targets)");
    expect(await line({ equalService: "80@20" })).toMatch(/^--equal-service: expected a service level and a threshold like "sl=0.8@20s"/);
    expect(await line({ equalService: "sl=0.8@20s", maxAbandon: 2 })).toBe("--max-abandon: expected a share in (0, 1), got 2");
    expect(await line({ equalService: "sl=0.8@20s", pools: ["L9"] })).toBe('--pools: unknown pool "L9": expected a pool every scenario has');
  });
});
