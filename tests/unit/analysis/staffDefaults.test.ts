/**
 * What `staff` assumes when not told (staffDefaults.ts, liveReserve.ts): a blended pool (phone
 * and e-mail at its tier) is sized with 2 agents kept idle for live work unless its scenario or
 * the option says otherwise, and the staffed scenario carries that reserve; a pool with no live
 * work plans at most half of its agents part-time unless --max-part-time-share says otherwise.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffScenario, type StaffOutcome } from "../../../src/analysis/staffing/staffScenario.js";
import { STAFF_DEFAULTS, type StaffOptions } from "../../../src/analysis/staffing/staffOptions.js";
import { loadScenario } from "../../../src/api/scenario.js";
import { defaultPatterns } from "../../../src/analysis/staffing/defaultPatterns.js";
import { planShifts } from "../../../src/analysis/staffing/shiftPlan.js";

const hours = [{ days: "Mon-Fri", open: "09:00", close: "17:00" }];
/** Phone Mon–Fri 09–17 and e-mail around the clock into one L1 pool; `email only` leaves the phone out. */
function desk(emailOnly: boolean, reserveForLive?: number) {
  const channels = [{ name: "email", kind: "deferred", entryTier: "L1" }, ...(emailOnly ? [] : [{ name: "phone", kind: "realtime", entryTier: "L1", hours }])];
  return {
    name: "desk", seed: 3, replications: 1, start: "2027-01-04T00:00", timeZone: "UTC",
    horizon: { days: 15, warmupDays: 1, intervalMinutes: 60 },
    needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: emailOnly ? { email: 1 } : { phone: 0.7, email: 0.3 } }],
    channels,
    tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 6 }, ...(emailOnly ? {} : { patience: { phone: { dist: "exponential", meanMinutes: 3 } } }), resolve: 1 }],
    pools: [{ name: "L1", tier: "L1", agents: 10, hours, costPerHour: 30, shrinkage: 0.2, ...(reserveForLive === undefined ? {} : { reserveForLive }) }],
    arrivals: [
      { channel: "email", ratePerHour: 12 },
      ...(emailOnly ? [] : [{ channel: "phone", pattern: { stepMinutes: 60, ratesPerHour: [...new Array(9).fill(0), 40, 60, 60, 40, 40, 50, 40, 30, ...new Array(7).fill(0)], repeat: true } }]),
    ],
  };
}

let dir = "";
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "supportsim-staffdefaults-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const patterns = [{ name: "full", lengthHours: 8, daysOn: 5 }, { name: "part", lengthHours: 4, daysOn: 3, daysOff: "any" }];
const quick: StaffOptions = { targets: { serviceLevel: 0.8, thresholdSeconds: 20 }, replications: 1, maxRuns: 6, shiftPatterns: patterns };
const run = (json: object, options: Partial<StaffOptions> = {}) => staffScenario(loadScenario(json, { baseDir: dir }), { ...quick, ...options });
const staffedPool = (o: StaffOutcome) => (o.staffedScenario?.pools as Record<string, unknown>[])[0];
const partTimeShare = (o: StaffOutcome) => {
  const plan = o.plans[0]!;
  const all = plan.shifts.reduce((s, x) => s + x.agents, 0);
  return plan.shifts.filter((x) => x.pattern === "part").reduce((s, x) => s + x.agents, 0) / all;
};

describe("staff's defaults", () => {
  it("sizes a blended pool with 2 agents kept idle for live work and writes them into the staffed scenario", async () => {
    expect(STAFF_DEFAULTS.reserveForLive).toBe(2);
    const o = await run(desk(false));
    expect(o.document.pools[0].reserveForLive).toBe(2);
    expect(staffedPool(o).reserveForLive).toBe(2);
    expect(o.plans[0]!.cover).toBeUndefined(); // live work: covered interval by interval
  });

  it("keeps the scenario's own reserve, and none with --reserve-for-live 0", async () => {
    expect(staffedPool(await run(desk(false, 1))).reserveForLive).toBe(1);
    const none = await run(desk(false), { reserveForLive: 0 });
    expect(none.document.pools[0].reserveForLive).toBe(0);
    expect("reserveForLive" in staffedPool(none)).toBe(false);
  });

  it("plans a pool with no live work per quarter day and at most half part-time, unless the option allows more", async () => {
    const free = await run(desk(true), { maxPartTimeShare: 1 });
    expect(free.document.pools[0].reserveForLive).toBe(0); // not blended: nothing to reserve for
    expect(partTimeShare(free)).toBeGreaterThan(0.5);
    expect(free.plans[0]!.cover).toBe("quarterDay"); // work that waits: each quarter day's floor hours
    expect(partTimeShare(await run(desk(true)))).toBeLessThanOrEqual(0.5);
  });

  it("a part-time cap always has a plan, however little time the integer solve gets: full-time agents fill the rounded LP plan up", async () => {
    // weekdays 09–17: 2 agents on the floor, 6 from 10 to 14 (a peak the LP covers part-time); no time for an integer solve at all
    const requirement = Array.from({ length: 168 }, (_, i) => (i >= 120 || i % 24 < 9 || i % 24 >= 17 ? 0 : i % 24 >= 10 && i % 24 < 14 ? 6 : 2));
    const plan = await planShifts({ intervalMinutes: 60, requirement, availability: 0.8, patterns: defaultPatterns(60), limits: { maxPartTimeShare: 0.1 }, timeLimitSeconds: 1e-6 });
    requirement.forEach((r, i) => expect(plan.coverage[i]).toBeGreaterThanOrEqual(r - 1e-9));
    const all = plan.shifts.reduce((s, x) => s + x.agents, 0);
    const part = plan.shifts.filter((x) => x.pattern.startsWith("part-time")).reduce((s, x) => s + x.agents, 0);
    expect(part).toBeLessThanOrEqual(0.1 * all);
  });
});
