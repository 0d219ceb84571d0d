/**
 * The finance and leadership charts: demand funnel (funnel.ts), monthly cost breakdown
 * (costs.ts), unit costs (unitCosts.ts), revenue lost to churn over time (retention.ts) and
 * the scenario comparison (comparison.ts). Each is checked against the Vega-Lite schema and
 * rendered without warnings, on real results made in-process (tests/helpers/realResults.ts:
 * three scenarios compared over 9 weeks) and on fixtures; its data are checked against the
 * results they come from (real runs) and against values worked out by hand (small fixtures).
 *
 * Set CHART_PNG_DIR=/some/dir to also write every rendered chart there as PNG (to look at).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { comparisonChart, comparisonData, defaultComparisonMetrics, metricLabel, type MetricUnit } from "../../../src/report/charts/comparison.js";
import { costBreakdownChart, costCategoryOrder, costData, fmtMoney, measuredMonths, spanText } from "../../../src/report/charts/costs.js";
import { funnelChart, funnelData } from "../../../src/report/charts/funnel.js";
import type { CompareResult, Estimate, ScenarioResult } from "../../../src/report/charts/inputs.js";
import { localMs, retentionChart, retentionData, retentionMonths } from "../../../src/report/charts/retention.js";
import { shade, tierColour } from "../../../src/report/charts/theme.js";
import { unitCostChart, unitCostData } from "../../../src/report/charts/unitCosts.js";
import { cleanChart as clean } from "../../helpers/chartCheck.js";
import { meanOf, realResults, type RealResults } from "../../helpers/realResults.js";

/** Real results (baseline, outsource-l1, shift-left-kcs over 9 weeks), made once for this file. */
let real: RealResults;
beforeAll(async () => {
  real = await realResults();
}, 120_000);

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A count as the charts' compactCountExpr labels it: 950, 9,500, 12.7K, 1.25M. */
function countLabel(x: number): string {
  const a = Math.abs(x), sig = (v: number) => String(Number(v.toPrecision(3)));
  return (x < 0 ? "−" : "") + (a >= 1e6 ? sig(a / 1e6) + "M" : a >= 1e4 ? sig(a / 1e3) + "K" : a.toLocaleString("en-US", { maximumFractionDigits: 0 }));
}


/** The text of an SVG's <text> elements and their lines (<tspan>): the labels a reader sees. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]*)<\/(?:text|tspan)>/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"'));
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const est = (mean: number | null, half: number | null = null): Estimate => ({ mean, ci95: mean === null || half === null ? null : [mean - half, mean + half] });

/** 2 × 730.5 h measured (exactly two average months) after a one-week warm-up. */
const TWO_MONTHS = { horizonHours: 168 + 1461, warmupHours: 168 };

function run(scenario: string, estimates: Record<string, number | Estimate | null>, over: Partial<ScenarioResult> = {}): ScenarioResult {
  const e: Record<string, Estimate> = {};
  for (const [k, v] of Object.entries(estimates)) e[k] = v === null || typeof v === "number" ? est(v) : v;
  return {
    scenario, seed: 1, replications: 5, ...TWO_MONTHS, intervalMinutes: 30, thresholdSeconds: 20,
    start: "2027-01-04T00:00", timeZone: "UTC",
    channels: [{ name: "phone", kind: "realtime" }, { name: "email", kind: "deferred" }],
    tiers: ["L1", "L2"], segments: ["all"], needTypes: ["how-to"],
    pools: [{ name: "L1 desk", tier: "L1", vendor: false }, { name: "L2 desk", tier: "L2", vendor: false }],
    costCategories: ["L1 desk", "L2 desk", "contacts", "self-service", "KCS program", "hiring"],
    currency: "USD", estimates: e, ...over,
  };
}

/** A funnel that adds up: 1000 needs = 200 self-served + 100 unserved + 600 resolved + 100 asked, not resolved. */
const FUNNEL = {
  "funnel.needs": 1000, "funnel.deflected": 0, "funnel.selfServed": 200, "funnel.asked": 700, "funnel.requests": 750,
  "funnel.resolved": 600, "funnel.resolvedFirstContact": 400, "funnel.unserved": 100, "tier.L1.resolved": 470, "tier.L2.resolved": 160,
  "tier.L1.resolvedNeeds": 450, "tier.L2.resolvedNeeds": 150,
};

// ---------------------------------------------------------------------------------------------

describe("funnelChart", () => {
  it("draws the real runs (one window: totals over it), every stage from the run's metrics, and one run alone", async () => {
    const runs = real.runs;
    const { data, perMonth, stages } = funnelData(runs);
    expect(perMonth).toBe(false); // the three runs share their window
    const deflects = runs.some((r) => (r.estimates["funnel.deflected"]?.mean ?? 0) > 0);
    expect(stages).toEqual([
      "Needs that arose", ...(deflects ? ["Deflected by a notice"] : []), "Self-served", "Asked for help", "Resolved by an agent",
      ...runs[0].tiers.map((t) => `↳ at ${t}`), "Asked, not resolved", "Unserved",
    ]);
    for (const r of runs) {
      const rows = data.filter((d) => d.scenario === r.scenario);
      const of = (stage: string) => rows.find((d) => d.stage === stage)?.value ?? 0;
      const needs = meanOf(r, "funnel.needs");
      expect(of("Needs that arose")).toBe(needs);
      expect(of("Self-served")).toBe(meanOf(r, "funnel.selfServed"));
      expect(of("Asked for help")).toBe(meanOf(r, "funnel.asked"));
      expect(of("Resolved by an agent")).toBe(meanOf(r, "funnel.resolved"));
      // the tier rows partition "Resolved by an agent": each resolved need once, by the tier that resolved it
      for (const t of r.tiers) expect(of(`↳ at ${t}`)).toBe(meanOf(r, `tier.${t}.resolvedNeeds`));
      const byTier = r.tiers.reduce((a, t) => a + of(`↳ at ${t}`), 0);
      expect(byTier).toBeCloseTo(of("Resolved by an agent"), 6);
      // (contacts resolved at the tiers count a need resolved, reopened and resolved again twice: they would not)
      // "at the first contact" overlaps the tiers: a note on the resolved bar's label, not a row
      expect(rows.find((d) => d.stage === "Resolved by an agent")!.extra).toBe(` · ${countLabel(meanOf(r, "funnel.resolvedFirstContact"))} at the first contact`);
      expect(of("Asked, not resolved")).toBeCloseTo(meanOf(r, "funnel.asked") - meanOf(r, "funnel.resolved"), 9);
      expect(of("Unserved")).toBe(meanOf(r, "funnel.unserved"));
      // every need ends in one of deflected, self-served, asked or unserved, or is open at the end; a need that
      // asked and came back to a closed channel too late to ask again (or gave up on a retry) ends unserved
      // too, so the rows add up to the needs within that rare overlap (under 0.1 %)
      const sum = of("Deflected by a notice") + of("Self-served") + of("Asked for help") + of("Unserved");
      expect(sum + meanOf(r, "funnel.openAtEnd")).toBeGreaterThanOrEqual(needs - 1e-9);
      expect(sum).toBeLessThan(needs * 1.001);
      for (const d of rows) expect(d.share).toBeCloseTo(d.value / needs, 12);
      expect(rows.map((d) => d.order)).toEqual([...rows.map((d) => d.order)].sort((a, b) => a - b));
      // the tooltip's contacts per need
      const note = rows.find((d) => d.stage === "Asked for help")!.note;
      expect(note).toContain(`(${(meanOf(r, "funnel.requests") / meanOf(r, "funnel.asked")).toFixed(2)} per need)`);
    }
    const r = await clean(funnelChart(runs), "funnel-real");
    const t = texts(r.svg);
    const window = spanText(runs[0].horizonHours - runs[0].warmupHours);
    expect(window).toBe("56 days");
    expect(t).toContain(`Needs over ${window}`); // the x axis title
    // each bar's label: its count and its share of the scenario's needs
    for (const x of runs) {
      const asked = meanOf(x, "funnel.asked"), needs = meanOf(x, "funnel.needs");
      expect(t).toContain(`${countLabel(asked)} (${Math.round((100 * asked) / needs)}%)`);
      expect(t).toContain(`${countLabel(needs)} (100%)`);
    }
    const one = await clean(funnelChart([runs[0]]), "funnel-real-baseline");
    const t1 = texts(one.svg);
    expect(t1.some((x) => x.includes(`over the measured ${window}`))).toBe(true);
    expect(t1).toContain("What became of customers' needs: baseline");
    expect(t1).not.toContain("outsource-l1"); // one scenario: no legend
  });

  it("puts every stage's count and share of needs, by hand", async () => {
    const a = run("A", FUNNEL);
    const b = run("B", { ...FUNNEL, "funnel.selfServed": 300, "funnel.asked": 600, "funnel.resolved": 560, "tier.L1.resolvedNeeds": 420, "tier.L2.resolvedNeeds": 140 });
    const { data, perMonth, stages } = funnelData([a, b]);
    expect(perMonth).toBe(false);
    // no scenario deflects anything: no deflection row
    expect(stages).toEqual(["Needs that arose", "Self-served", "Asked for help", "Resolved by an agent", "↳ at L1", "↳ at L2", "Asked, not resolved", "Unserved"]);
    const of = (s: string, stage: string) => data.find((d) => d.scenario === s && d.stage === stage)!;
    expect(of("A", "Asked, not resolved").value).toBe(100);
    expect(of("B", "Asked, not resolved").value).toBe(40);
    expect(of("A", "Resolved by an agent").share).toBeCloseTo(0.6, 12);
    expect(of("B", "Self-served").share).toBeCloseTo(0.3, 12);
    expect(of("A", "↳ at L2").value).toBe(150);
    expect(of("A", "Asked for help").note).toContain("750 contacts (1.07 per need)");
    // stage order is kept, scenario by scenario
    expect(data.filter((d) => d.scenario === "A").map((d) => d.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const r = await clean(funnelChart([a, b]), "funnel-fixture");
    expect(texts(r.svg)).toContain("600 (60%) · 400 at the first contact");
    expect(texts(r.svg)).toContain("Needs over 1,461 h");
  });

  it("shows counts per month when the windows differ, and deflection when any scenario has it", () => {
    const a = run("A", { ...FUNNEL, "funnel.deflected": 50, "funnel.unserved": 50 });
    const b = run("B", FUNNEL, { horizonHours: 168 + 730.5 }); // one month
    const { data, perMonth, stages } = funnelData([a, b]);
    expect(perMonth).toBe(true);
    expect(stages[1]).toBe("Deflected by a notice");
    const of = (s: string, stage: string) => data.find((d) => d.scenario === s && d.stage === stage)!;
    expect(of("A", "Needs that arose").value).toBeCloseTo(500, 9); // 1000 over two months
    expect(of("B", "Needs that arose").value).toBeCloseTo(1000, 9);
    expect(of("A", "Deflected by a notice").value).toBeCloseTo(25, 9);
    expect(of("B", "Deflected by a notice").value).toBe(0);
    expect(of("A", "Self-served").share).toBeCloseTo(0.2, 12); // shares do not depend on the unit
    const spec = funnelChart([a, b]);
    expect(JSON.stringify(spec.title)).toContain("per month");
  });

  it("leaves out a missing metric, tiers a run does not have, and draws one scenario", async () => {
    const a = run("A", { ...FUNNEL, "tier.L2.resolvedNeeds": null });
    const b = run("B", { ...FUNNEL, "tier.L3.resolvedNeeds": 20 }, { tiers: ["L1", "L2", "L3"] });
    const { data, stages } = funnelData([a, b]);
    expect(data.find((d) => d.scenario === "A" && d.stage === "↳ at L2")).toBeUndefined();
    expect(data.find((d) => d.scenario === "B" && d.stage === "↳ at L2")?.value).toBe(150);
    expect(data.find((d) => d.scenario === "A" && d.stage === "↳ at L3")).toBeUndefined();
    expect(stages).toContain("↳ at L3");
    await clean(funnelChart([a, b]), "funnel-missing");
    const one = funnelChart([a]);
    expect((one.encoding as { color: { legend: unknown } }).color.legend).toBeNull();
    await clean(one, "funnel-one");
  });

  it("refuses no runs, repeated names and a run without needs", () => {
    expect(() => funnelChart([])).toThrow(/no scenario/);
    expect(() => funnelChart([run("A", FUNNEL), run("A", FUNNEL)])).toThrow(/appears twice/);
    expect(() => funnelChart([run("A", { ...FUNNEL, "funnel.needs": null })])).toThrow(/funnel\.needs/);
    expect(() => funnelChart([run("A", FUNNEL, { horizonHours: 168 + 1461 }), run("B", FUNNEL, { horizonHours: 100, warmupHours: 168 })])).toThrow(/no measured window/);
  });
});

// ---------------------------------------------------------------------------------------------

const COSTS = {
  "cost.byCategory.L1 desk": 200_000, "cost.byCategory.L2 desk": 100_000, "cost.byCategory.contacts": 6_000,
  "cost.byCategory.self-service": 2_000, "cost.byCategory.KCS program": 0, "cost.byCategory.hiring": 0,
};
const VENDOR = {
  pools: [{ name: "Vendor L1", tier: "L1", vendor: true }, { name: "Vendor L1 chat", tier: "L1", vendor: true }, { name: "L2 desk", tier: "L2", vendor: false }],
  costCategories: ["Vendor L1", "Vendor L1 chat", "L2 desk", "contacts", "self-service", "KCS program", "hiring"],
};

describe("costBreakdownChart", () => {
  it("draws the real runs: each bar's segments add up to its cost.perMonth, vendor pools stack with L1", async () => {
    const runs = real.runs;
    const data = costData(runs);
    for (const r of runs) {
      const months = (r.horizonHours - r.warmupHours) / 730.5;
      expect(measuredMonths(r)).toBeCloseTo(months, 12);
      const rows = data.filter((d) => d.scenario === r.scenario);
      // exactly the categories that cost something, each its window total ÷ the measured months
      expect(rows.map((d) => d.category).sort()).toEqual(r.costCategories.filter((c) => (r.estimates[`cost.byCategory.${c}`]?.mean ?? 0) !== 0).sort());
      for (const d of rows) {
        expect(d.total).toBe(meanOf(r, `cost.byCategory.${d.category}`));
        expect(d.perMonth).toBeCloseTo(d.total / months, 6);
      }
      // the stack's height is the run's monthly cost, its window total the run's total cost
      expect(sum(rows.map((d) => d.perMonth))).toBeCloseTo(meanOf(r, "cost.perMonth"), 6);
      expect(sum(rows.map((d) => d.total))).toBeCloseTo(meanOf(r, "cost.total"), 6);
      expect(sum(rows.map((d) => d.share))).toBeCloseTo(1, 12);
    }
    const spec = costBreakdownChart(runs);
    const layers = spec.layer as { encoding: { color?: { scale: { domain: string[]; range: string[] } } }; data: { values: { scenario: string; perMonth: number }[] } }[];
    const totals = layers[1].data.values;
    expect(totals.map((x) => x.scenario)).toEqual(runs.map((r) => r.scenario));
    totals.forEach((x, i) => expect(x.perMonth).toBeCloseTo(meanOf(runs[i], "cost.perMonth"), 6));
    // legend: top of the stack first; outsource-l1's vendor pools sit with L1 under L2; the KCS
    // program (shift-left-kcs only) is in; categories that cost nothing anywhere are out
    const scale = layers[0].encoding.color!.scale;
    expect(scale.domain).toEqual(["KCS program", "self-service", "contacts", "L3 engineering", "L2", "Vendor L1 chat", "Vendor L1 phone and e-mail", "L1 chat", "L1 phone and e-mail"]);
    const colourOf = (c: string, sc = scale) => sc.range[sc.domain.indexOf(c)];
    const tiers = runs[0].tiers;
    expect(colourOf("L2")).toBe(tierColour(tiers, "L2"));
    expect(colourOf("L3 engineering")).toBe(tierColour(tiers, "L3"));
    expect(new Set(scale.range).size).toBe(scale.range.length); // every category its own colour
    // a category keeps its colour whichever scenarios are drawn (one scenario alone here)
    const alone = costBreakdownChart([runs[1]]);
    const aloneScale = (alone.layer as typeof layers)[0].encoding.color!.scale;
    for (const c of aloneScale.domain) expect(colourOf(c, aloneScale)).toBe(colourOf(c));
    expect(JSON.stringify(spec.title)).toContain(`Each scenario measured over ${spanText(runs[0].horizonHours - runs[0].warmupHours)} after warm-up`);
    const r = await clean(spec, "costs-real");
    for (const x of runs) expect(texts(r.svg)).toContain(fmtMoney(meanOf(x, "cost.perMonth"), "USD"));
    const a = await clean(alone, "costs-real-outsource");
    expect(texts(a.svg)).toContain(fmtMoney(meanOf(runs[1], "cost.perMonth"), "USD"));
    expect(texts(a.svg)).toContain("Monthly cost of outsource-l1 by category");
  });

  it("divides each category by the measured months, drops zero categories, stacks pools by tier first", async () => {
    const a = run("A", COSTS);
    const b = run("B", { "cost.byCategory.Vendor L1": 150_000, "cost.byCategory.Vendor L1 chat": 30_000, "cost.byCategory.L2 desk": 120_000, "cost.byCategory.contacts": 6_000, "cost.byCategory.self-service": 2_000, "cost.byCategory.KCS program": 40_000, "cost.byCategory.hiring": 0 }, VENDOR);
    expect(measuredMonths(a)).toBe(2);
    // vendor L1 pools go below L2 (tier order), not after every pool of the first run
    expect(costCategoryOrder([a, b])).toEqual(["L1 desk", "Vendor L1", "Vendor L1 chat", "L2 desk", "contacts", "self-service", "KCS program", "hiring"]);
    const data = costData([a, b]);
    expect(data.filter((d) => d.scenario === "A").map((d) => [d.category, d.perMonth])).toEqual([["L1 desk", 100_000], ["L2 desk", 50_000], ["contacts", 3_000], ["self-service", 1_000]]);
    expect(data.find((d) => d.scenario === "A" && d.category === "L1 desk")!.share).toBeCloseTo(200 / 308, 12);
    expect(data.some((d) => d.category === "hiring")).toBe(false);
    expect(data.find((d) => d.scenario === "B" && d.category === "KCS program")!.perMonth).toBe(20_000);
    const spec = costBreakdownChart([a, b]);
    const layer = (spec.layer as { encoding: { color?: { scale: { domain: string[]; range: string[] } } }; data: { values: { perMonth: number }[] } }[]);
    const scale = layer[0].encoding.color!.scale;
    // legend top of the stack first; zero categories (hiring) left out
    expect(scale.domain).toEqual(["KCS program", "self-service", "contacts", "L2 desk", "Vendor L1 chat", "Vendor L1", "L1 desk"]);
    const colourOf = (c: string) => scale.range[scale.domain.indexOf(c)];
    expect(colourOf("L1 desk")).toBe(tierColour(["L1", "L2"], "L1"));
    expect(colourOf("Vendor L1")).toBe(shade(tierColour(["L1", "L2"], "L1"), 0.45));
    expect(colourOf("Vendor L1 chat")).not.toBe(colourOf("Vendor L1")); // two vendor pools of a tier stay apart
    expect(layer[1].data.values.map((t) => t.perMonth)).toEqual([154_000, 174_000]);
    const r = await clean(spec, "costs-fixture");
    expect(texts(r.svg)).toEqual(expect.arrayContaining(["$154K", "$174K"]));
  });

  it("draws a run whose category is missing, and says when windows differ", async () => {
    const a = run("A", { ...COSTS, "cost.byCategory.L2 desk": null });
    const b = run("B", COSTS, { horizonHours: 168 + 730.5 });
    const data = costData([a, b]);
    expect(data.find((d) => d.scenario === "A" && d.category === "L2 desk")).toBeUndefined();
    expect(data.find((d) => d.scenario === "B" && d.category === "L2 desk")!.perMonth).toBe(100_000);
    const spec = costBreakdownChart([a, b]);
    expect(JSON.stringify(spec.title)).toContain("Measured windows differ (A 1,461 h, B 730.5 h)");
    await clean(spec, "costs-missing");
  });

  it("refuses mixed currencies, no runs and an empty window", () => {
    expect(() => costBreakdownChart([run("A", COSTS), run("B", COSTS, { currency: "EUR" })])).toThrow(/different currencies/);
    expect(() => costBreakdownChart([])).toThrow(/no scenario/);
    expect(() => costBreakdownChart([run("A", COSTS, { horizonHours: 168 })])).toThrow(/no measured window/);
  });
});

// ---------------------------------------------------------------------------------------------

describe("unitCostChart", () => {
  it("draws the real runs with cents, each bar its run's mean and interval", async () => {
    const runs = real.runs;
    const data = unitCostData(runs);
    expect(data).toHaveLength(2 * runs.length);
    for (const d of data) {
      const e = runs.find((r) => r.scenario === d.scenario)!.estimates[d.metric];
      expect([d.mean, d.low, d.high]).toEqual([e.mean, e.ci95![0], e.ci95![1]]);
    }
    expect(data.map((d) => `${d.metric} ${d.scenario}`)).toEqual(["cost.perContact", "cost.perResolvedNeed"].flatMap((m) => runs.map((r) => `${m} ${r.scenario}`)));
    const r = await clean(unitCostChart(runs), "unit-costs-real");
    const t = texts(r.svg);
    for (const d of data) expect(t).toContain(fmtMoney(d.mean, "USD", 2));
    expect(t.some((x) => x.includes("95% interval over 3 replications"))).toBe(true);
  });

  it("takes each scenario's mean and interval; a missing metric or interval draws no bar or error bar", async () => {
    const a = run("A", { "cost.perContact": est(40, 2), "cost.perResolvedNeed": est(30, 1.5) });
    const b = run("B", { "cost.perContact": est(45.5, null), "cost.perResolvedNeed": null });
    const data = unitCostData([a, b]);
    expect(data).toEqual([
      { metric: "cost.perContact", scenario: "A", mean: 40, low: 38, high: 42 },
      { metric: "cost.perContact", scenario: "B", mean: 45.5, low: null, high: null },
      { metric: "cost.perResolvedNeed", scenario: "A", mean: 30, low: 28.5, high: 31.5 },
    ]);
    const r = await clean(unitCostChart([a, b]), "unit-costs-fixture");
    expect(texts(r.svg)).toEqual(expect.arrayContaining(["$40.00", "$45.50", "$30.00"]));
    // one panel when only one metric exists
    const only = unitCostChart([run("C", { "cost.perContact": est(12.34, 0.5) })]);
    expect((only.hconcat as unknown[]).length).toBe(1);
    await clean(only, "unit-costs-one");
  });

  it("refuses runs with neither unit cost and mixed currencies", () => {
    expect(() => unitCostChart([run("A", {})])).toThrow(/no scenario has/);
    expect(() => unitCostChart([run("A", { "cost.perContact": 1 }), run("B", { "cost.perContact": 1 }, { currency: "EUR" })])).toThrow(/different currencies/);
  });
});

// ---------------------------------------------------------------------------------------------

/** Monthly retention keys: window Jan 11 (after a week's warm-up) to Mar 15 2027. */
function retentionRun(scenario: string, monthly: [number, number][], atRisk: number | null): ScenarioResult {
  const months = ["2027-01", "2027-02", "2027-03"];
  const e: Record<string, number | Estimate | null> = { "retention.revenueAtRisk": atRisk };
  months.forEach((m, i) => {
    e[`retention.byMonth.${m}.churnedRevenue`] = est(monthly[i][0], monthly[i][0] * 0.1);
    e[`retention.byMonth.${m}.serviceChurnRevenue`] = monthly[i][1];
    e[`retention.byMonth.${m}.churned`] = monthly[i][0] / 10_000;
    e[`retention.byMonth.${m}.serviceChurn`] = monthly[i][1] / 10_000;
  });
  return run(scenario, e, { horizonHours: 70 * 24, warmupHours: 7 * 24 });
}

describe("retentionChart", () => {
  it("keeps the end labels of lines that finish close together apart (7% of the value range), the top one at its line's end", async () => {
    // A ends at 300,000, B at 297,000 (1% apart), C at 150,000; service-caused parts of 0
    const a = retentionRun("A", [[100_000, 0], [100_000, 0], [100_000, 0]], 1);
    const b = retentionRun("B", [[99_000, 0], [99_000, 0], [99_000, 0]], 1);
    const c = retentionRun("C", [[50_000, 0], [50_000, 0], [50_000, 0]], 1);
    const spec = retentionChart([a, b, c])!;
    const layers = spec.layer as { data?: { values: { scenario: string; cumulative: number; labelY: number }[] } }[];
    const ends = layers.find((l) => l.data?.values.some((v) => "labelY" in v))!.data!.values;
    const y = (s: string) => ends.find((e) => e.scenario === s)!;
    expect(y("A").labelY).toBe(300_000);
    expect(y("B").cumulative).toBe(297_000);
    expect(y("B").labelY).toBeCloseTo(300_000 - 0.07 * 300_000, 6); // pushed down: the range is 0…300,000
    expect(y("C").labelY).toBe(150_000); // far enough: at its own end
    await clean(spec, "retention-close-ends");
  });

  it("is null when no run reports monthly retention", () => {
    expect(retentionChart([run("A", { "retention.revenueAtRisk": 1 })])).toBeNull();
  });

  it("draws the real runs: each line ends at the sum of the monthly means, which is the run's churned revenue", async () => {
    const runs = real.runs;
    const data = retentionData(runs);
    for (const r of runs) {
      const months = retentionMonths(r);
      expect(months).toEqual(["2027-01", "2027-02", "2027-03"]); // 2027-01-11 to 2027-03-08, measured
      const start = localMs(r.start) + r.warmupHours * 3.6e6, end = localMs(r.start) + r.horizonHours * 3.6e6;
      for (const [series, field, total] of [["All churn", "churnedRevenue", "retention.churnedRevenue"], ["Service-caused", "serviceChurnRevenue", "retention.serviceChurnRevenue"]] as const) {
        const line = data.filter((d) => d.scenario === r.scenario && d.series === series);
        const monthly = months.map((m) => meanOf(r, `retention.byMonth.${m}.${field}`));
        // from 0 when the window opens, a step at each month's end (the window's end for the last)
        expect(line.map((d) => d.t)).toEqual([start, ...months.map((m) => Math.min(end, Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 1)))]);
        expect(line.map((d) => d.monthly)).toEqual([0, ...monthly]);
        line.forEach((d, i) => expect(d.cumulative).toBeCloseTo(sum(monthly.slice(0, i)), 6));
        // the last point: the sum of the monthly means, and so the run's own total
        expect(line[line.length - 1].cumulative).toBeCloseTo(sum(monthly), 6);
        expect(line[line.length - 1].cumulative).toBeCloseTo(meanOf(r, total), 6);
      }
      const all = data.filter((d) => d.scenario === r.scenario && d.series === "All churn");
      expect(all.slice(1).map((d) => d.customers)).toEqual(months.map((m) => meanOf(r, `retention.byMonth.${m}.churned`)));
    }
    const spec = retentionChart(runs);
    expect(spec).not.toBeNull();
    const subtitle = (spec!.title as { subtitle: string[] }).subtitle.join(" ");
    for (const x of runs) expect(subtitle).toContain(`${x.scenario} ${fmtMoney(meanOf(x, "retention.revenueAtRisk"), "USD")}`);
    const r = await clean(spec, "retention-real");
    // the end labels: each run's churned revenue
    for (const x of runs) expect(texts(r.svg)).toContain(fmtMoney(meanOf(x, "retention.churnedRevenue"), "USD"));
    // one real run alongside a shorter fixture window: one time axis, both lines
    const mixed = retentionChart([runs[0], retentionRun("short", [[10_000, 1_000], [20_000, 0], [5_000, 0]], 1e5)]);
    expect(new Set(retentionData([runs[0], retentionRun("short", [[1, 0], [1, 0], [1, 0]], 1)]).map((d) => d.scenario))).toEqual(new Set(["baseline", "short"]));
    await clean(mixed, "retention-real-mixed");
  });

  it("accumulates each month from 0 at the window's start, stepping at month ends", async () => {
    const a = retentionRun("A", [[100_000, 20_000], [300_000, -10_000], [200_000, 5_000]], 4_450_000);
    const b = retentionRun("B", [[50_000, 0], [60_000, 0], [70_000, 0]], null);
    const data = retentionData([a, b]);
    const line = (s: string, series: string) => data.filter((d) => d.scenario === s && d.series === series);
    const all = line("A", "All churn");
    expect(all.map((d) => d.cumulative)).toEqual([0, 100_000, 400_000, 600_000]);
    expect(all.map((d) => d.monthly)).toEqual([0, 100_000, 300_000, 200_000]);
    expect(all.map((d) => d.t)).toEqual([Date.UTC(2027, 0, 11), Date.UTC(2027, 1, 1), Date.UTC(2027, 2, 1), Date.UTC(2027, 2, 15)]);
    expect(line("A", "Service-caused").map((d) => d.cumulative)).toEqual([0, 20_000, 10_000, 15_000]);
    expect(all[2].customers).toBe(30);
    expect(line("B", "All churn").map((d) => d.cumulative)).toEqual([0, 50_000, 110_000, 180_000]);
    const spec = retentionChart([a, b])!;
    const subtitle = (spec.title as { subtitle: string[] }).subtitle.join(" ");
    expect(subtitle).toContain("A $4.45M");
    expect(subtitle).toContain("B n/a");
    const r = await clean(spec, "retention-fixture");
    // end labels: the cumulative totals
    expect(texts(r.svg)).toEqual(expect.arrayContaining(["$600K", "$180K"]));
  });

  it("draws only the runs that report months, and one run without a legend", async () => {
    const a = retentionRun("A", [[100_000, 20_000], [300_000, -10_000], [200_000, 5_000]], 1e6);
    const plain = run("B", { "retention.revenueAtRisk": 2e6 });
    const spec = retentionChart([a, plain])!;
    expect(new Set(retentionData([a, plain]).map((d) => d.scenario))).toEqual(new Set(["A"]));
    expect((spec.title as { text: string }).text).toContain(": A");
    await clean(spec, "retention-one");
  });

  it("reads local start times and refuses mixed currencies", () => {
    expect(localMs("2027-01-04T00:00")).toBe(Date.UTC(2027, 0, 4));
    expect(localMs("2027-03-28T02:30:15")).toBe(Date.UTC(2027, 2, 28, 2, 30, 15));
    expect(() => localMs("next tuesday")).toThrow(/start time/);
    const a = retentionRun("A", [[1, 0], [1, 0], [1, 0]], 1);
    expect(() => retentionChart([a, { ...retentionRun("B", [[1, 0], [1, 0], [1, 0]], 1), currency: "EUR" }])).toThrow(/different currencies/);
  });
});

// ---------------------------------------------------------------------------------------------

const e3 = (a: number, b: number, c: number): Estimate[] => [est(a, 0.01), est(b, 0.01), est(c, 0.01)];
/** Differences of B and C against A: significant, not significant, no interval. */
function compareFixture(): CompareResult {
  const diff = (mean: number | null, ci: [number, number] | null) => ({ against: "A", mean, ci95: ci, significant: ci !== null && !(ci[0] <= 0 && ci[1] >= 0) });
  return {
    scenarios: ["A", "B", "C"], seed: 1, replications: 10,
    metrics: {
      "channel.phone.serviceLevel": { values: e3(0.8, 0.75, 0.81), differences: [diff(-0.05, [-0.06, -0.04]), diff(0.01, [-0.005, 0.025])] },
      "channel.email.withinTargetShare": { values: e3(0.9, 0.9, 0.9), differences: [diff(0, [0, 0]), diff(0, [0, 0])] },
      "cost.perMonth": { values: e3(300_000, 320_000, 290_000), differences: [diff(20_000, [18_000, 22_000]), diff(-10_000, null)] },
      "channel.phone.asaSeconds": { values: e3(20, 30, 19), differences: [diff(10, [8, 12]), diff(null, null)] },
    },
    runs: [],
  };
}

/** A difference as comparison.ts's differenceExpr labels it: −9.9 pp, +0.47 pp, +$7,814, −$5.61. */
function diffLabel(x: number, unit: MetricUnit, currency: string): string {
  const a = Math.abs(x);
  switch (unit) {
    case "share": return x === 0 ? "0 pp" : `${x > 0 ? "+" : "−"}${a < 0.001 ? String(Number((a * 100).toFixed(2))) : (a * 100).toFixed(1)} pp`;
    case "money": return x === 0 ? "$0" : (x > 0 ? "+" : "") + fmtMoney(x, currency, a < 100 ? 2 : 0);
    default: throw new Error(`no label for unit ${unit} in this test`);
  }
}
/** A level as the panel subtitles show it: 66.1%, $65.9K, $44.84. */
function levelLabel(v: number, unit: MetricUnit, currency: string): string {
  switch (unit) {
    case "share": return `${(v * 100).toFixed(1)}%`;
    case "money": return fmtMoney(v, currency, Math.abs(v) < 100 ? 2 : 0);
    default: throw new Error(`no label for unit ${unit} in this test`);
  }
}

/** Every panel's labels: at their point (x = the mean), left-aligned for a difference ≥ 0 and right-aligned below 0, so none crosses zero; the axis wide enough for each. */
function expectLabelsOffZero(spec: ChartSpec): void {
  type Layer = { transform?: { filter: string }[]; mark: { type: string; align?: string; dx?: number }; encoding?: { x?: { field?: string; scale?: { domain: number[] } } } };
  for (const panel of spec.concat as { data: { values: { mean: number; significant: boolean }[] }; layer: Layer[] }[]) {
    const labels = panel.layer.filter((l) => l.mark.type === "text");
    expect(labels.map((l) => [l.transform?.[0].filter, l.mark.align, Math.sign(l.mark.dx!), l.encoding!.x!.field])).toEqual([["datum.mean >= 0", "left", 1, "mean"], ["datum.mean < 0", "right", -1, "mean"]]);
    const [lo, hi] = panel.layer[2].encoding!.x!.scale!.domain;
    // room beyond each point for a label of 5 characters at least (30 px of a panel of 360 or 560 px)
    for (const d of panel.data.values) {
      if (d.mean >= 0) expect(hi - d.mean).toBeGreaterThan(((hi - lo) * 30) / 560);
      else expect(d.mean - lo).toBeGreaterThan(((hi - lo) * 30) / 560);
    }
  }
}

describe("comparisonChart", () => {
  it("draws the real comparison (with its runs): every difference, its interval and its significance from compare.ts", async () => {
    const c = real.compare;
    expect(c.runs.map((r) => r.scenario)).toEqual(c.scenarios);
    // real-time channels from the runs (e-mail is deferred: its abandon rate is not headline)
    const metrics = defaultComparisonMetrics(c);
    expect(metrics).toEqual([
      "channel.phone.serviceLevel", "channel.phone.abandonRate", "channel.chat.serviceLevel", "channel.chat.abandonRate",
      "funnel.fcrRate", "cost.perMonth", "cost.perResolvedNeed", "retention.csat", "retention.revenueAtRisk",
    ]);
    expect(c.metrics["channel.email.abandonRate"]).toBeDefined();
    const data = comparisonData(c, metrics);
    expect(data).toHaveLength(metrics.length * (c.scenarios.length - 1));
    for (const d of data) {
      const j = c.scenarios.indexOf(d.scenario) - 1;
      const diff = c.metrics[d.metric].differences[j];
      expect([d.mean, d.low, d.high, d.significant]).toEqual([diff.mean, diff.ci95![0], diff.ci95![1], diff.significant]);
      // compare.ts calls a difference significant exactly when its interval excludes 0
      expect(d.significant).toBe(d.low! > 0 || d.high! < 0);
    }
    const spec = comparisonChart(c)!;
    expect((spec.concat as unknown[]).length).toBe(metrics.length);
    expect(JSON.stringify(spec.title)).toContain("How the scenarios differ from baseline");
    expect(JSON.stringify(spec.title)).toContain("3 paired replications");
    const r = await clean(spec, "comparison-real");
    const t = texts(r.svg);
    // every point's label: the difference in its unit, "n.s." when its interval covers 0
    for (const d of data) expect(t).toContain(diffLabel(d.mean, metricLabel(d.metric).unit, "USD") + (d.significant ? "" : " n.s."));
    // each panel's subtitle: the reference's own level
    for (const k of metrics) expect(t).toContain(`baseline: ${levelLabel(c.metrics[k].values[0].mean!, metricLabel(k).unit, "USD")}`);
    // there are both significant and not significant differences to tell apart
    expect(data.some((d) => d.significant) && data.some((d) => !d.significant)).toBe(true);
    expectLabelsOffZero(spec);
  });

  it("writes no label across the zero line: each starts at its point and runs away from zero, the axis holding it", async () => {
    // a difference just right of zero (+0.06 pp) and one just left (−0.03 pp): a label centred on its point would cross the line
    const c = compareFixture();
    const ns = (mean: number, ci: [number, number]) => ({ against: "A", mean, ci95: ci, significant: false });
    c.metrics["channel.phone.serviceLevel"].differences = [ns(0.0006, [-0.002, 0.003]), ns(-0.0003, [-0.004, 0.003])];
    const spec = comparisonChart(c, ["channel.phone.serviceLevel"])!;
    expectLabelsOffZero(spec);
    const t = texts((await clean(spec, "comparison-near-zero")).svg);
    expect(t).toEqual(expect.arrayContaining(["+0.06 pp n.s.", "−0.03 pp n.s."]));
  });

  it("takes the differences, their intervals and significance as compare.ts gives them", async () => {
    const c = compareFixture();
    const data = comparisonData(c, ["channel.phone.serviceLevel", "cost.perMonth", "channel.phone.asaSeconds"]);
    expect(data).toEqual([
      { metric: "channel.phone.serviceLevel", scenario: "B", mean: -0.05, low: -0.06, high: -0.04, significant: true },
      { metric: "channel.phone.serviceLevel", scenario: "C", mean: 0.01, low: -0.005, high: 0.025, significant: false },
      { metric: "cost.perMonth", scenario: "B", mean: 20_000, low: 18_000, high: 22_000, significant: true },
      { metric: "cost.perMonth", scenario: "C", mean: -10_000, low: null, high: null, significant: false },
      { metric: "channel.phone.asaSeconds", scenario: "B", mean: 10, low: 8, high: 12, significant: true },
    ]);
    // without runs, real-time channels are those with a service level; deferred ones are not headline
    expect(defaultComparisonMetrics(c)).toEqual(["channel.phone.serviceLevel", "cost.perMonth"]);
    const spec = comparisonChart(c, ["channel.phone.serviceLevel", "cost.perMonth", "channel.phone.asaSeconds", "no.such.metric"])!;
    expect((spec.concat as unknown[]).length).toBe(3);
    const r = await clean(spec, "comparison-fixture");
    const t = texts(r.svg);
    expect(t).toEqual(expect.arrayContaining(["−5.0 pp", "+1.0 pp n.s.", "+$20K", "−$10K n.s.", "+10 s", "A: 80.0%", "A: $300K", "A: 20 s"]));
  });

  it("gives a panel whose differences are all exactly 0 a readable axis (±1 point), not a vanishing one", async () => {
    const spec = comparisonChart(compareFixture(), ["channel.email.withinTargetShare"])!;
    const dom = ((spec.concat as { layer: { encoding?: { x?: { scale?: { domain: number[] } } } }[] }[])[0].layer[2].encoding!.x!.scale!.domain);
    // ±1 point at least (wider on the right where the labels "0 pp n.s." need the room)
    expect(dom[0]).toBeLessThanOrEqual(-0.01);
    expect(dom[1]).toBeGreaterThanOrEqual(0.01);
    const t = texts((await clean(spec, "comparison-all-zero")).svg);
    // a few distinct ticks, not "0 pp" five times
    const ticks = t.filter((s) => / pp$/.test(s) && !/n\.s\.$/.test(s));
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });

  it("uses the runs' channel kinds when present", () => {
    const c = { ...compareFixture(), runs: [run("A", {}, { channels: [{ name: "phone", kind: "realtime" }, { name: "email", kind: "realtime" }] })] };
    c.metrics["channel.email.serviceLevel"] = c.metrics["channel.phone.serviceLevel"];
    expect(defaultComparisonMetrics(c)).toEqual(["channel.phone.serviceLevel", "channel.email.serviceLevel", "cost.perMonth"]);
  });

  it("is null with one scenario or nothing to draw", () => {
    const c = compareFixture();
    expect(comparisonChart({ ...c, scenarios: ["A"] })).toBeNull();
    expect(comparisonChart(c, ["no.such.metric"])).toBeNull();
    // a zero difference is drawn; a metric whose every difference lacks a mean is not
    expect(comparisonChart(c, ["channel.email.withinTargetShare"])).not.toBeNull();
    const none = { ...c, metrics: { "x.y": { values: e3(1, 1, 1), differences: [{ against: "A", mean: null, ci95: null, significant: false }, { against: "A", mean: null, ci95: null, significant: false }] } } };
    expect(comparisonChart(none, ["x.y"])).toBeNull();
  });

  it("labels metrics with the compare table's words and a unit", () => {
    expect(metricLabel("channel.phone.serviceLevel")).toEqual({ label: "Phone service level", unit: "share" });
    expect(metricLabel("channel.chat.asaSeconds")).toEqual({ label: "Chat ASA", unit: "seconds" });
    expect(metricLabel("channel.email.meanResponseHours")).toEqual({ label: "Email mean response time", unit: "hours" });
    expect(metricLabel("cost.perContact")).toEqual({ label: "Cost per contact answered", unit: "money" });
    expect(metricLabel("retention.revenueAtRisk")).toEqual({ label: "Revenue at risk next year", unit: "money" });
    expect(metricLabel("retention.churned")).toEqual({ label: "Customers churned", unit: "count" });
    expect(metricLabel("funnel.fcrRate")).toEqual({ label: "First-contact resolution", unit: "share" });
    // beyond the headline metrics, as the KPI catalogue names them
    expect(metricLabel("funnel.resolvedRate")).toEqual({ label: "Resolved rate", unit: "share" });
    expect(metricLabel("pool.L2 desk.cost")).toEqual({ label: "L2 desk cost", unit: "money" });
    expect(metricLabel("pool.L2 desk.ahtMinutes")).toEqual({ label: "L2 desk average handle time", unit: "minutes" });
    expect(metricLabel("retention.churnedRevenue")).toEqual({ label: "Annual revenue churned", unit: "money" });
    expect(metricLabel("tier.L1.realtimeAsaSeconds")).toEqual({ label: "L1 real-time ASA", unit: "seconds" });
    expect(metricLabel("tier.L1.5.occupancy")).toEqual({ label: "L1.5 occupancy", unit: "share" });
    expect(metricLabel("cost.byCategory.KCS program")).toEqual({ label: "KCS program cost", unit: "money" });
    expect(metricLabel("funnel.needs")).toEqual({ label: "Needs", unit: "count" });
    // a key the catalogue does not know (an older results file) is named by itself
    expect(metricLabel("x.y")).toEqual({ label: "x.y", unit: "count" });
  });
});
