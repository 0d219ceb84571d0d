/**
 * The average week (src/analysis/weekProfile.ts) and the per-interval data behind it:
 *   - each interval of the week pools its occurrences: volumes per week, service level as a
 *     ratio of sums, ASA of the answered, recomputed here from the replications' raw arrays;
 *   - the queue integral obeys Little's law on the sample path: ∫ waiting dt = Σ waits of the
 *     contacts that waited (the phone queue is empty at the window's end: the line closes at night);
 *   - churn by month adds up to the run's totals;
 *   - a clock with a daylight-saving switch maps intervals by local time.
 */
import { describe, expect, it } from "vitest";
import { combineReplications } from "../../../src/analysis/experiments/replications.js";
import { simulateReplication } from "../../../src/kpi/values.js";
import { WeekProfileAccumulator } from "../../../src/analysis/experiments/weekProfile.js";
import { IF, INTERVAL_FIELDS } from "../../../src/model/counters.js";
import type { SupportConfig } from "../../../src/model/config.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { validateAnyScenario } from "../../../src/scenario/load.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(s: any): SupportConfig {
  const any = validateAnyScenario(s);
  if (any.form !== "support") throw new Error("expected the full form");
  return buildSupport(any.scenario, { baseDir: "scenarios" });
}

// Monday 2027-01-04 00:00, one day of warm-up, two weeks measured: every interval of the week twice
const cfg = build(smallBaseline(2, (s) => { s.horizon = { days: 15, warmupDays: 1, intervalMinutes: 60 }; s.timeZone = "UTC"; }));
const outputs = [0, 1].map((k) => simulateReplication(cfg, 7, k));
const C = cfg.channels.length, F = INTERVAL_FIELDS.length, L = cfg.intervalLength;
const phone = cfg.channels.findIndex((c) => c.name === "phone");

describe("the average week", () => {
  const run = combineReplications(cfg, outputs);
  const p = run.profile;
  it("has one slot per hour of the week, each met twice", () => {
    expect(p.intervalMinutes).toBe(60);
    expect(p.intervals).toBe(168);
    expect(p.weeks).toBe(2);
  });
  it("pools each slot's two occurrences: volumes per week, service level and ASA as ratios of sums over occurrences and replications", () => {
    let checked = 0;
    for (let j = 0; j < 168; j++) {
      // model interval i (hours since Monday 00:00) falls in slot i mod 168; measured hours 24 … 359
      const hours = [24, 192, 360].map((w) => w + ((j - 24 + 168) % 168)).filter((i) => i >= 24 && i < 360);
      expect(hours).toHaveLength(2);
      const per = outputs.map((o) => {
        const sum = (f: number) => hours.reduce((a, i) => a + o.byInterval[(i * C + phone) * F + f], 0);
        return { offered: sum(IF.offered), within: sum(IF.withinTarget), answered: sum(IF.answered), wait: sum(IF.waitAnswered) };
      });
      const ch = p.channels[phone];
      expect(ch.offered.mean[j]).toBeCloseTo((per[0].offered + per[1].offered) / 4, 4);
      // rates: ratios of sums over the slot's occurrences and the replications
      const total = (k: keyof (typeof per)[number]) => per.reduce((a, x) => a + x[k], 0);
      if (total("offered") === 0) expect(ch.serviceLevel.mean[j]).toBeNull();
      else {
        expect(ch.serviceLevel.mean[j]!).toBeCloseTo(total("within") / total("offered"), 5);
        checked++;
      }
      if (total("answered") > 0) expect(ch.asaSeconds.mean[j]!).toBeCloseTo((total("wait") / total("answered")) * 60, 3);
    }
    expect(checked).toBe(50); // the phone line: 10 hours on each of 5 weekdays
  });
  it("the queue integral is Little's law on the sample path: ∫ waiting dt = Σ waits (phone closes at night)", () => {
    for (const o of outputs) {
      let integral = 0, waits = 0;
      for (let i = 24; i < 360; i++) {
        integral += o.backlog[phone][i];
        waits += o.byInterval[(i * C + phone) * F + IF.waitAll];
      }
      expect(waits).toBeGreaterThan(10);
      expect(integral).toBeCloseTo(waits, 6);
    }
    // and the profile's queue is that integral per interval and week: Σ_j queue_j · 2 · L = ∫ (mean over replications)
    const q = p.channels[phone].queueLength.mean.reduce<number>((a, x) => a + (x ?? 0), 0) * 2 * L;
    const direct = outputs.reduce((a, o) => a + o.backlog[phone].slice(24, 360).reduce((s, x) => s + x, 0), 0) / outputs.length;
    expect(q).toBeCloseTo(direct, 1);
  });
  it("agents and occupancy per tier come from the floor and busy integrals", () => {
    const t = 0, j = 24 + 10; // Tuesday 10:00
    const staffed = outputs.map((o) => (o.tierStaffed[t][34] + o.tierStaffed[t][34 + 168]) / (2 * L));
    expect(p.tiers[t].agents.mean[j]).toBeCloseTo((staffed[0] + staffed[1]) / 2, 4);
    expect(p.tiers[t].occupancy.mean[j]!).toBeGreaterThan(0);
    expect(p.tiers[t].occupancy.mean[j]!).toBeLessThanOrEqual(1);
  });
});

describe("week by week", () => {
  it("cuts the window into whole weeks; each week's sums are the replications' own, and add up to the average week", () => {
    const run = combineReplications(cfg, outputs);
    const t = run.trend;
    expect(t.weekStarts).toEqual(["2027-01-05T00:00:00Z", "2027-01-12T00:00:00Z"]); // from the end of the one-day warm-up
    const ch = t.channels[phone];
    for (let w = 0; w < 2; w++) {
      const per = outputs.map((o) => {
        let off = 0, within = 0;
        for (let i = 24 + w * 168; i < 24 + (w + 1) * 168; i++) { off += o.byInterval[(i * C + phone) * F + IF.offered]; within += o.byInterval[(i * C + phone) * F + IF.withinTarget]; }
        return { off, within };
      });
      expect(ch.offered.mean[w]).toBeCloseTo((per[0].off + per[1].off) / 2, 6);
      // a ratio of sums over the replications
      expect(ch.serviceLevel.mean[w]!).toBeCloseTo((per[0].within + per[1].within) / (per[0].off + per[1].off), 5);
    }
    // the two weeks' mean volume is the average week's total
    const weekTotal = run.profile.channels[phone].offered.mean.reduce<number>((a, x) => a + (x ?? 0), 0);
    expect((ch.offered.mean[0]! + ch.offered.mean[1]!) / 2).toBeCloseTo(weekTotal, 2);
    // agents on the floor: ∫ staffed over the week / the week's minutes
    const staffed = outputs.map((o) => o.tierStaffed[0].slice(24, 24 + 168).reduce((a, x) => a + x, 0) / (7 * 1440));
    expect(t.tiers[0].agents.mean[0]).toBeCloseTo((staffed[0] + staffed[1]) / 2, 5);
  });
});

describe("churn by month", () => {
  it("adds up to the run's totals, field by field", () => {
    const run = combineReplications(cfg, outputs);
    for (const f of ["churned", "churnedRevenue", "serviceChurn", "serviceChurnRevenue"]) {
      const months = Object.keys(run.estimates).filter((k) => k.startsWith("retention.byMonth.") && k.endsWith(`.${f}`));
      expect(months).toEqual([`retention.byMonth.2027-01.${f}`]);
      for (const o of outputs) expect(o.values[months[0]]).toBeCloseTo(o.values[`retention.${f}`]!, 6);
    }
    expect(outputs[0].values["retention.churned"]).toBeGreaterThan(0);
  });
});

describe("local time", () => {
  it("maps intervals by the local clock across a daylight-saving switch", () => {
    // New York springs forward on Sunday 2027-03-14 at 02:00: that Sunday has no 02:00 slot, and
    // the week's other slots are each met once
    const ny = build(smallBaseline(1, (s) => { s.start = "2027-03-08T00:00"; s.timeZone = "America/New_York"; s.horizon = { days: 7, warmupDays: 0, intervalMinutes: 60 }; }));
    const acc = new WeekProfileAccumulator(ny);
    acc.add(simulateReplication(ny, 3, 0));
    const prof = acc.result();
    const sunday2 = 6 * 24 + 2;
    // the 167 model hours fill every slot but Sunday 02:00
    expect(prof.channels[0].offered.mean[sunday2]).toBeNull();
    expect(prof.channels[0].offered.mean[sunday2 + 1]).not.toBeNull();
    expect(prof.channels[0].offered.mean.filter((x) => x === null)).toHaveLength(1);
  });
});
