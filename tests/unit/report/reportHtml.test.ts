/**
 * report.html (src/report/html/reportHtml.ts) and its generated narrative (src/report/html/narrative/):
 * escaping, every chart embedded as compiled Vega, nothing that would load from the network, the
 * Vega runtime inlined; the narrative's exact sentences on small hand-made results, and on real
 * results made in-process (tests/helpers/realResults.ts) sentences, KPI cells and a whole page
 * whose figures are checked against the results they come from.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Estimate } from "../../../src/analysis/confidence.js";
import { comparisonChart } from "../../../src/report/charts/comparison.js";
import { costBreakdownChart } from "../../../src/report/charts/costs.js";
import { baseSpec, moneyExpr } from "../../../src/report/charts/theme.js";
import type { CompareResult, DifferenceResult, ScenarioResult, StaffResult, SweepResult } from "../../../src/report/charts/inputs.js";
import { compareKpis, runKpis } from "../../../src/report/html/kpiTables.js";
import { compareNarrative } from "../../../src/report/html/narrative/compareNarrative.js";
import { runNarrative } from "../../../src/report/html/narrative/runNarrative.js";
import { staffNarrative } from "../../../src/report/html/narrative/staffNarrative.js";
import { sweepNarrative } from "../../../src/report/html/narrative/sweepNarrative.js";
import { metricDirection, metricInfo, metricLabel } from "../../../src/report/metrics.js";
import { formatCount, formatDuration, formatFixed, formatMoney, formatNumber, formatShare } from "../../../src/report/numbers.js";
import { verdict } from "../../../src/report/significance.js";
import { paretoFront as sweepFrontier } from "../../../src/report/sweepFrontier.js";
import { escapeHtml, jsonForScript, reportHtml, vegaBundlePath, type ReportDocument } from "../../../src/report/html/reportHtml.js";
import { renderSvg, type ChartSpec } from "../../../src/report/render/render.js";
import { realResults, type RealResults } from "../../helpers/realResults.js";

// ---------------------------------------------------------------------------------------
// Fixtures

/** A metric's description with its unit as the narrative writes it ("money2": money with cents). */
const metricWords = (key: string) => {
  const m = metricInfo(key);
  return { ...m, kind: m.unit === "money" && m.cents ? "money2" : m.unit };
};

const est = (mean: number | null, lo?: number, hi?: number): Estimate => ({ mean, ci95: lo === undefined || hi === undefined ? null : [lo, hi] });
const diff = (mean: number | null, ci: [number, number] | null, significant: boolean, against = "baseline"): DifferenceResult => ({ against, mean, ci95: ci, significant });

function barSpec(title: string): ChartSpec {
  return {
    ...baseSpec(title, "Per month, USD"),
    data: { values: [{ s: "baseline", v: 345785 }, { s: "outsource-l1", v: 331040 }] },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "s", type: "nominal", title: "Scenario", axis: { labelAngle: 0 } },
      y: { field: "v", type: "quantitative", title: "Cost per month (USD)", axis: { labelExpr: moneyExpr("datum.value", "USD") } },
    },
  };
}

function lineSpec(title: string): ChartSpec {
  return {
    ...baseSpec(title, undefined),
    data: { values: [0, 1, 2, 3, 4].map((i) => ({ i, y: 0.7 + 0.05 * i })) },
    mark: "line",
    encoding: { x: { field: "i", type: "quantitative", title: "Interval" }, y: { field: "y", type: "quantitative", title: "Service level", axis: { format: ".0%" } } },
  };
}

function doc(over: Partial<ReportDocument> = {}): ReportDocument {
  return {
    title: "Support budget 2027",
    subtitle: "baseline vs outsource-l1",
    generated: "supportsim 0.1.0 · seed 7 · 10 replications",
    summary: [{ label: "Scenarios", value: "baseline, outsource-l1" }],
    narrative: ["First paragraph.", "Second paragraph."],
    kpis: { columns: ["Metric", "baseline", "outsource-l1", "Δ"], rows: [{ cells: ["Monthly cost", "$346K", "$331K", "−$14.7K"], emphasis: [null, null, null, "better"] }] },
    charts: [{ name: "cost", title: "Monthly cost", spec: barSpec("Monthly cost") }],
    ...over,
  };
}

/** The text of the page's JSON script, parsed. */
function embeddedSpecs(html: string): Record<string, unknown>[] {
  const m = /<script type="application\/json" id="report-charts">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error("no chart JSON");
  return JSON.parse(m[1]) as Record<string, unknown>[];
}

/** The page without the inlined Vega runtime (what the page itself says). */
function withoutRuntime(html: string): string {
  const lib = readFileSync(vegaBundlePath(), "utf8");
  return html.split(lib).join("");
}

// ---------------------------------------------------------------------------------------
// reportHtml

describe("reportHtml", () => {
  it("escapes every string of the document and keeps the chart JSON inside its script element", () => {
    const evil = `</script><script>alert("x")</script> & <b>'q'</b>`;
    const html = reportHtml(doc({
      title: `Budget ${evil}`,
      subtitle: evil,
      generated: evil,
      summary: [{ label: evil, value: evil }],
      narrative: [evil],
      kpis: { columns: ["Metric", evil], rows: [{ cells: [evil, evil] }], note: evil },
      charts: [{ name: `x"><img src=y onerror=z>`, title: evil, spec: barSpec(evil) }],
    }));
    // only the page's own three scripts: chart JSON, Vega, the drawing script
    expect(html.match(/<script/gi)?.length).toBe(3);
    expect(html).not.toContain(`<script>alert`);
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;&#39;q&#39;&lt;/b&gt;");
    // the chart's title survives the round trip through the JSON
    const specs = embeddedSpecs(html);
    expect(JSON.stringify(specs[0])).toContain(evil.replace(/"/g, '\\"'));
    // the element id is made safe
    expect(html).toMatch(/<figure class="chart" id="chart-x___img_src_y_onerror_z_"/);
  });

  it("escapes HTML and script-breaking characters in its helpers", () => {
    expect(escapeHtml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&#39;");
    const j = jsonForScript({ s: "</script><!-- \u2028 & >" });
    expect(j).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(j)).toEqual({ s: "</script><!-- \u2028 & >" });
  });

  it("embeds every chart compiled to Vega, each in its own figure, listed in the contents", () => {
    const charts = [
      { name: "cost", title: "Monthly cost", spec: barSpec("Monthly cost") },
      { name: "sl", title: "Service level", spec: lineSpec("Service level") },
      { name: "cost", title: "Cost again", spec: barSpec("Cost again") },
    ];
    const html = reportHtml(doc({ charts }));
    const specs = embeddedSpecs(html);
    expect(specs).toHaveLength(3);
    specs.forEach((s, i) => {
      expect(s).toHaveProperty("marks");
      expect(s).not.toHaveProperty("$schema");
      expect((s.title as { text: string }).text).toBe(charts[i].title);
    });
    for (const [i, id] of ["chart-cost", "chart-sl", "chart-cost-2"].entries()) {
      expect(html).toContain(`id="${id}" data-chart="${i}"`);
      expect(html).toContain(`<a href="#${id}">${charts[i].title}</a>`);
    }
    for (const a of ["#summary", "#narrative", "#kpis", "#charts"]) expect(html).toContain(`href="${a}"`);
    expect(html).toContain(`<a href="#narrative">What changed and what it costs</a>`);
    expect(reportHtml(doc({ narrativeTitle: "In brief <run>" }))).toContain(`<h2>In brief &lt;run&gt;</h2>`);
  });

  it("inlines the Vega runtime and the drawing code, and no Vega-Lite", () => {
    const html = reportHtml(doc());
    const lib = readFileSync(vegaBundlePath(), "utf8");
    expect(lib.length).toBeGreaterThan(300_000);
    expect(html).toContain(lib);
    expect(html).toContain(`new vega.View(vega.parse(specs[i]), { renderer: "svg", container: live, hover: true })`);
    expect(html).not.toContain("vega-lite");
  });

  it("has nothing that would load from the network", async () => {
    const fallback = (await renderSvg(barSpec("Monthly cost"))).svg;
    const html = reportHtml(doc({ charts: [{ name: "cost", title: "Monthly cost", spec: barSpec("Monthly cost"), svg: fallback }, { name: "sl", title: "SL", spec: lineSpec("SL") }] }));
    const own = withoutRuntime(html);
    // the only URLs left are XML namespace names of the inline SVG (names, never fetched)
    const urls = own.match(/https?:\/\/[^\s"'<>)]*/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|2000\/xmlns\/?)$/);
    for (const m of own.matchAll(/https?:\/\//g)) expect(own.slice(Math.max(0, (m.index ?? 0) - 16), m.index)).toMatch(/xmlns(:\w+)?="$/);
    expect(html).not.toContain("vega.github.io"); // the $schema of Vega-Lite and Vega
    expect(own).not.toMatch(/<link|<img|<iframe|<object|<embed|@import|url\(|\ssrc=/i);
    // and the page forbids any load that would slip through
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).toContain("connect-src 'none'");
  });

  it("puts a given server-rendered SVG in the chart's place as its fallback", async () => {
    const spec = { ...barSpec("Monthly cost"), mark: { type: "bar", clip: true } }; // clipped: the SVG has a clip path with an id
    const svg = (await renderSvg(spec)).svg;
    const html = reportHtml(doc({ charts: [{ name: "cost", title: "Monthly cost", spec, svg: `<?xml version="1.0"?>\n${svg}` }] }));
    // its ids (clip paths) are made the chart's own, references with them
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    const own = svg.trim().replace(/\sid="([^"]+)"/g, ' id="chart-cost-$1"').replace(/url\(#([^)]+)\)/g, "url(#chart-cost-$1)");
    expect(html).toContain(`<div class="chart-fallback">${own}</div>`);
    for (const id of ids) expect(html).not.toContain(`url(#${id})`);
    expect(html).toContain(`data-rendered="static"`);
    expect(html).not.toContain("<?xml");
  });

  it("refuses a chart that would load data or a fallback that is not a plain drawing", () => {
    const byUrl = { ...barSpec("x"), data: { url: "https://example.org/data.json" } };
    expect(() => reportHtml(doc({ charts: [{ name: "u", title: "u", spec: byUrl }] }))).toThrow(/chart "u" would load from outside the page/);
    const spec = barSpec("x");
    expect(() => reportHtml(doc({ charts: [{ name: "s", title: "s", spec, svg: `<svg><script>alert(1)</script></svg>` }] }))).toThrow(/not a plain drawing: an element <script>/);
    expect(() => reportHtml(doc({ charts: [{ name: "s", title: "s", spec, svg: `<svg><image href="https://x/y.png"/></svg>` }] }))).toThrow(/not a plain drawing: an element <image>/);
    expect(() => reportHtml(doc({ charts: [{ name: "s", title: "s", spec, svg: `<div>no</div>` }] }))).toThrow(/does not start with <svg>/);
  });

  it("styles the KPI table's better, worse and n.s. cells and explains them", () => {
    const html = reportHtml(doc({
      kpis: {
        columns: ["Metric", "Δ"],
        rows: [
          { cells: ["Monthly cost", "−$14.7K"], emphasis: [null, "better"] },
          { cells: ["Phone service level", "−8.1 points"], emphasis: [null, "worse"] },
          { cells: ["Chat service level", "−0.4 points n.s."], emphasis: [null, "ns"] },
          { cells: ["L1 occupancy", "+6.7 points"] },
        ],
        note: "Differences against baseline.",
      },
    }));
    expect(html).toContain(`<tr><th scope="row">Monthly cost</th><td class="better">−$14.7K</td></tr>`);
    expect(html).toContain(`<td class="worse">−8.1 points</td>`);
    expect(html).toContain(`<td class="ns">−0.4 points n.s.</td>`);
    expect(html).toContain(`<tr><th scope="row">L1 occupancy</th><td>+6.7 points</td></tr>`);
    expect(html).toContain(`<p class="legend"><span class="better">✓ better</span>`);
    expect(html).toContain(`<p class="legend">Differences against baseline.</p>`);
    // without emphasis, no legend for it
    expect(reportHtml(doc({ kpis: { columns: ["Metric", "Mean"], rows: [{ cells: ["x", "1"] }] } }))).not.toContain("✓ better");
  });

  it("prints landscape with charts kept whole", () => {
    const html = reportHtml(doc());
    expect(html).toContain("@page { size: landscape;");
    expect(html).toMatch(/figure\.chart \{[^}]*break-inside: avoid/);
  });

  it("leaves out the runtime and empty sections when there is nothing to draw or say", () => {
    const html = reportHtml(doc({ charts: [], narrative: [], summary: [], kpis: { columns: [], rows: [] } }));
    expect(html).not.toContain(readFileSync(vegaBundlePath(), "utf8").slice(0, 200));
    expect(html).not.toContain(`id="charts"`);
    expect(html).not.toContain(`id="narrative"`);
    expect(html).toContain("<h1>Support budget 2027</h1>");
    expect(html.length).toBeLessThan(20_000);
  });
});

// ---------------------------------------------------------------------------------------
// Formats

describe("narrative formats", () => {
  it("formats money as the charts do", () => {
    expect(formatMoney(950, "USD")).toBe("$950");
    expect(formatMoney(9999, "USD")).toBe("$9,999");
    expect(formatMoney(12_500, "USD")).toBe("$12.5K");
    expect(formatMoney(345_785, "USD")).toBe("$346K");
    expect(formatMoney(4_180_000, "USD")).toBe("$4.18M");
    expect(formatMoney(1.2e9, "USD")).toBe("$1.2B");
    expect(formatMoney(44.875, "USD", 2)).toBe("$44.88");
    expect(formatMoney(-14_745, "USD")).toBe("−$14.7K");
    expect(formatMoney(-0.2, "USD")).toBe("$0");
    expect(formatMoney(52_000, "EUR")).toBe("€52K");
    expect(formatMoney(1500, "XYZ")).toBe("XYZ 1,500");
  });
  it("formats shares and durations", () => {
    expect(formatShare(0.8189)).toBe("81.9%");
    expect(formatShare(0.9, 0)).toBe("90%");
    expect(formatDuration(4.54)).toBe("4.5 s");
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(1800)).toBe("30 min");
    expect(formatDuration(9000)).toBe("2.5 h");
  });
  it("knows which way is better", () => {
    expect(metricDirection("channel.phone.serviceLevel")).toBe(1);
    expect(metricDirection("channel.phone.asaSeconds")).toBe(-1);
    expect(metricDirection("cost.perMonth")).toBe(-1);
    expect(metricDirection("tier.L1.occupancy")).toBe(0);
    expect(metricDirection("something.else")).toBe(0);
  });
  it("calls a difference significant only when flag and interval agree", () => {
    expect(verdict(diff(-1, [-2, -0.5], true))).toBe("significant");
    expect(verdict(diff(1, [-1, 3], true))).toBe("not significant");
    expect(verdict(diff(1, [0.5, 3], false))).toBe("not significant");
    expect(verdict(diff(0, [0, 0], false))).toBe("unchanged");
    expect(verdict(diff(0, null, false))).toBe("no interval");
  });
});

// ---------------------------------------------------------------------------------------
// Narrative: a run

function run(over: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    scenario: "base", seed: 3, replications: 5, horizonHours: 192, warmupHours: 24, intervalMinutes: 30, thresholdSeconds: 30,
    start: "2027-03-01T00:00", timeZone: "Europe/Paris",
    channels: [{ name: "phone", kind: "realtime" }, { name: "email", kind: "deferred" }],
    tiers: ["L1"], segments: ["smb"], needTypes: ["how-to"], pools: [{ name: "L1", tier: "L1", vendor: false }],
    costCategories: ["L1", "contacts", "hiring"], currency: "EUR",
    estimates: {
      "funnel.needs": est(1000), "funnel.needsPerDay": est(142.857), "funnel.selfServiceRate": est(0.1), "funnel.requestRate": est(0.6), "funnel.unservedRate": est(0.3),
      "funnel.asked": est(600), "funnel.resolved": est(570), "funnel.fcrRate": est(0.75),
      "channel.phone.serviceLevel": est(0.8, 0.75, 0.85), "channel.phone.asaSeconds": est(42), "channel.phone.abandonRate": est(0.05),
      "channel.email.withinTargetShare": est(0.9), "channel.email.meanResponseHours": est(0.5),
      "cost.perMonth": est(52_000), "cost.total": est(12_000), "cost.perContact": est(20.5), "cost.perResolvedNeed": est(21.0526),
      "cost.byCategory.L1": est(9000), "cost.byCategory.contacts": est(3000), "cost.byCategory.hiring": est(0),
      "retention.csat": est(0.7), "retention.churned": est(12), "retention.revenueAtRisk": est(250_000), "retention.revenueProtected": est(100_000),
    },
    ...over,
  };
}

describe("runNarrative", () => {
  it("says what a run found, in a leader's words", () => {
    expect(runNarrative(run())).toEqual([
      "base: 5 replications (seed 3) of 7 days measured after a 1-day warm-up, starting 2027-03-01 (Europe/Paris). Figures are means over the replications; ranges are 95% intervals.",
      "Customers had 1,000 needs (143 a day). 10.0% were solved by self-service, 60.0% asked support and 30.0% were left unserved. Support resolved 95.0% of the 600 needs it was asked about, 75.0% at the first contact.",
      "Phone: 80.0% answered within 30 s (75.0–85.0%); average speed of answer 42 s, 5.0% abandoned. Email: 90.0% answered within its response target; mean response 30 min.",
      "Support costs €52K a month (€12K over the 7 days measured): €20.50 per contact answered and €21.05 per resolved need. The largest items are L1 (75%) and contacts (25%).",
      "The CSAT proxy is 70.0%. 12 customers churned over the 7 days measured. Service experience puts €250K of revenue at risk over the next year and protects €100K.",
    ]);
  });
  it("leaves out what is missing and says when a channel had no contact", () => {
    const r = run({ channels: [{ name: "chat", kind: "realtime" }], warmupHours: 0, horizonHours: 36, estimates: { "channel.chat.serviceLevel": est(null), "channel.chat.offered": est(0) } });
    expect(runNarrative(r)).toEqual([
      "base: 5 replications (seed 3) of 36 hours measured after no warm-up, starting 2027-03-01 (Europe/Paris). Figures are means over the replications; ranges are 95% intervals.",
      "Chat: no contact offered.",
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Narrative: a comparison

const INTRO = "Each scenario is compared with baseline over 10 replications that share their random numbers (seed 7), so each difference is measured on the same customers and needs. A change is called a rise or a fall only where its paired 95% interval excludes zero; anything else is reported as not significant.";

function compare(metrics: CompareResult["metrics"], over: Partial<CompareResult> = {}): CompareResult {
  return { scenarios: ["baseline", "outsource-l1"], seed: 7, replications: 10, metrics, runs: [], ...over };
}

describe("compareNarrative", () => {
  it("says what a saving costs, significant differences only", () => {
    const c = compare({
      "channel.phone.serviceLevel": { values: [est(0.9), est(0.819)], differences: [diff(-0.081, [-0.09, -0.072], true)] },
      "channel.chat.serviceLevel": { values: [est(0.959), est(0.955)], differences: [diff(-0.004, [-0.014, 0.007], false)] },
      "channel.email.abandonRate": { values: [est(0), est(0)], differences: [diff(0, [0, 0], false)] },
      "tier.L1.occupancy": { values: [est(0.489), est(0.556)], differences: [diff(0.067, [0.062, 0.072], true)] },
      "cost.total": { values: [est(318_000), est(3_880_000)], differences: [diff(3_560_000, [3_550_000, 3_570_000], true)] },
      "cost.perMonth": { values: [est(345_785), est(331_040)], differences: [diff(-14_745, [-14_810, -14_680], true)] },
      "retention.revenueAtRisk": { values: [est(4.45e6), est(9.58e6)], differences: [diff(5.13e6, [5.07e6, 5.2e6], true)] },
    });
    expect(compareNarrative(c)).toEqual([
      INTRO,
      "Against baseline, outsource-l1 lowers the monthly cost by $14.7K (95% interval $14.7K–$14.8K) but phone service level falls 8.1 points to 81.9% and revenue at risk next year rises by $5.13M. " +
        "Also changed: L1 occupancy 55.6% (+6.7 points). No significant difference in chat service level and email abandon rate.",
    ]);
  });

  it("does not present a lower cost per contact from busier staff, at the same staffing, as a saving", () => {
    const c = compare({
      "tier.L1.occupancy": { values: [est(0.489), est(0.556)], differences: [diff(0.067, [0.062, 0.072], true)] },
      "cost.perMonth": { values: [est(345_785), est(355_040)], differences: [diff(9_255, [9_100, 9_400], true)] },
      "cost.perContact": { values: [est(47.05), est(44.2)], differences: [diff(-2.85, [-3.0, -2.7], true)] },
    });
    const [, p] = compareNarrative(c);
    expect(p).toContain("cost per contact answered falls by $2.85 (the same staff are busier: occupancy is up at the same staffing, not a saving)");
    // without the occupancy rise, no such words
    const plain = compare({
      "cost.perMonth": { values: [est(345_785), est(355_040)], differences: [diff(9_255, [9_100, 9_400], true)] },
      "cost.perContact": { values: [est(47.05), est(44.2)], differences: [diff(-2.85, [-3.0, -2.7], true)] },
    });
    expect(compareNarrative(plain)[1]).not.toContain("busier");
  });

  it("says the same of a tier's or a channel's lower cost per contact when the same staff are busier", () => {
    const c = compare({
      "tier.L1.occupancy": { values: [est(0.489), est(0.556)], differences: [diff(0.067, [0.062, 0.072], true)] },
      "cost.perMonth": { values: [est(345_785), est(355_040)], differences: [diff(9_255, [9_100, 9_400], true)] },
      "tier.L1.costPerContact": { values: [est(17.56), est(16.1)], differences: [diff(-1.46, [-1.6, -1.3], true)] },
      "channel.phone.costPerContact": { values: [est(52.69), est(50.2)], differences: [diff(-2.49, [-2.8, -2.2], true)] },
    });
    const [, p] = compareNarrative(c);
    // the reason said once (at the first), each later unit cost flagged briefly: a paragraph, not a refrain
    expect(p).toMatch(/(L1 cost per contact handled falls by \$1\.46|phone end-to-end cost per contact falls by \$2\.49) \(the same staff are busier: occupancy is up at the same staffing, not a saving\)/);
    expect(p).toMatch(/(L1 cost per contact handled falls by \$1\.46|phone end-to-end cost per contact falls by \$2\.49) \(likewise not a saving\)/);
    expect(p.split("the same staff are busier").length - 1).toBe(1);
  });

  it("says what a spend buys, and what it loses", () => {
    const c = compare({
      "channel.phone.serviceLevel": { values: [est(0.9), est(0.8913)], differences: [diff(-0.0087, [-0.0158, -0.0012], true)] },
      "channel.chat.serviceLevel": { values: [est(0.959), est(0.971)], differences: [diff(0.012, [0.003, 0.021], true)] },
      "channel.chat.asaSeconds": { values: [est(3.6), est(2.3)], differences: [diff(-1.3, [-2.4, -0.3], true)] },
      "cost.perMonth": { values: [est(345_785), est(356_617)], differences: [diff(10_832, [10_763, 10_902], true)] },
    }, { scenarios: ["baseline", "kcs"] });
    expect(compareNarrative(c)[1]).toBe(
      "Against baseline, kcs raises the monthly cost by $10.8K (95% interval $10.8K–$10.9K); in return chat service level rises 1.2 points to 97.1% and chat average speed of answer falls by 1.3 s to 2.3 s. " +
        "On the other hand, phone service level falls 0.9 points to 89.1%.",
    );
  });

  it("says when the cost difference is not significant, and distrusts a flag its interval contradicts", () => {
    const c = compare({
      "cost.perMonth": { values: [est(100_000), est(100_120)], differences: [diff(120, [-300, 540], false)] },
      "channel.phone.serviceLevel": { values: [est(0.9), est(0.91)], differences: [diff(0.01, [-0.001, 0.02], true)] },
    });
    expect(compareNarrative(c)[1]).toBe(
      "Against baseline, outsource-l1 does not change the monthly cost significantly (difference +$120; 95% interval −$300 to +$540). No significant difference in phone service level.",
    );
  });

  it("says a deterministic difference is the same in every replication", () => {
    const c = compare({ "cost.perMonth": { values: [est(100_000), est(95_000)], differences: [diff(-5000, [-5000, -5000], true)] } });
    expect(compareNarrative(c)[1]).toBe("Against baseline, outsource-l1 lowers the monthly cost by $5,000 (the same in every replication).");
  });

  it("claims nothing from a single replication", () => {
    const c = compare({
      "cost.perMonth": { values: [est(100_000), est(99_500)], differences: [diff(-500, null, false)] },
      "channel.phone.serviceLevel": { values: [est(0.9), est(0.8)], differences: [diff(-0.1, null, false)] },
    }, { replications: 1 });
    const n = compareNarrative(c);
    expect(n[1]).toBe("With a single replication there are no intervals, so no difference below is shown to be real: run at least two (ten is better) before taking this into a budget.");
    expect(n[2]).toBe("Against baseline, outsource-l1 changes the monthly cost by −$500 in its only replication, too few to tell whether that is real. Phone service level cannot be judged without an interval.");
    expect(n.join(" ")).not.toMatch(/\b(lowers|raises|rises|falls)\b/);
  });

  it("compares totals only over equal spans", () => {
    const metrics: CompareResult["metrics"] = {
      "cost.total": { values: [est(318_000), est(3_880_000)], differences: [diff(3_560_000, [3_550_000, 3_570_000], true)] },
      "retention.churned": { values: [est(235), est(3724)], differences: [diff(3489, [3447, 3530], true)] },
    };
    const r = (name: string, h: number) => run({ scenario: name, horizonHours: h, warmupHours: 168, currency: "USD" });
    const differ = compareNarrative(compare(metrics, { runs: [r("baseline", 840), r("outsource-l1", 8736)] }));
    expect(differ[1]).toBe("The scenarios cover different spans (baseline 28 days, outsource-l1 357 days), so totals over the run (total cost, customers churned, recurring revenue at the end) are not compared; the monthly cost is.");
    expect(differ[2]).toBe("Against baseline, outsource-l1 has no cost figure to compare.");
    const same = compareNarrative(compare(metrics, { runs: [r("baseline", 840), r("outsource-l1", 840)] }));
    expect(same[1]).toBe("Against baseline, outsource-l1 raises the total cost by $3.56M (95% interval $3.55M–$3.57M), and customer churn rises by 3,489 customers.");
  });

  it("has nothing to compare with one scenario", () => {
    expect(compareNarrative(compare({}, { scenarios: ["baseline"] }))).toEqual(["Only baseline was run, so there is nothing to compare it with."]);
  });

  it("builds the KPI table with better, worse and n.s. marks", () => {
    const k = compareKpis(compare({
      "channel.phone.serviceLevel": { values: [est(0.9), est(0.819)], differences: [diff(-0.081, [-0.09, -0.072], true)] },
      "channel.chat.serviceLevel": { values: [est(0.959), est(0.955)], differences: [diff(-0.004, [-0.014, 0.007], false)] },
      "cost.perMonth": { values: [est(345_785), est(331_040)], differences: [diff(-14_745, [-14_810, -14_680], true)] },
      "tier.L1.occupancy": { values: [est(0.489), est(0.556)], differences: [diff(0.067, [0.062, 0.072], true)] },
    }));
    expect(k.columns).toEqual(["Metric", "baseline", "outsource-l1", "outsource-l1 − baseline"]);
    expect(k.rows).toEqual([
      { cells: ["Phone service level", "90.0%", "81.9%", "−8.1 points"], emphasis: [null, null, null, "worse"] },
      { cells: ["Chat service level", "95.9%", "95.5%", "−0.4 points n.s."], emphasis: [null, null, null, "ns"] },
      { cells: ["Monthly cost", "$346K", "$331K", "−$14.7K"], emphasis: [null, null, null, "better"] },
      { cells: ["L1 occupancy", "48.9%", "55.6%", "+6.7 points"], emphasis: [null, null, null, null] },
    ]);
  });

  it("builds a run's KPI table from its headline metrics", () => {
    const k = runKpis(run());
    expect(k.columns).toEqual(["Metric", "Mean", "95% interval"]);
    expect(k.rows[0]).toEqual({ cells: ["Phone service level", "80.0%", "75.0% – 85.0%"] });
    expect(k.rows.map((r) => r.cells[0])).toContain("Monthly cost");
  });
});

// ---------------------------------------------------------------------------------------
// Narrative: staffing and sweeps

function staff(over: Partial<StaffResult> = {}): StaffResult {
  const pool = (name: string, paid: number, cost: number, erlang: number) => ({
    pool: name, tier: 0, timeZone: "Europe/London", availability: 0.7, costPerHour: cost / paid, intervals: [], floorHoursPerWeek: paid * 0.7, paidHoursPerWeek: paid,
    costPerWeek: cost, erlangPaidHoursPerWeek: erlang, deferredPerWeek: 0, deferredWithin: null, serviceLevel: 0.85,
  });
  return {
    scenario: "shop", seed: 7, currency: "GBP", fteHours: 40,
    targets: { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 },
    intervalMinutes: 30, intervalsPerWeek: 336, weeksMeasured: 4, replications: 5,
    pools: [pool("A", 400, 16_000, 350), pool("B", 200, 10_000, 200)],
    evaluations: 12, met: true, unmet: [], complete: true,
    shifts: [{ pool: "A", plan: { shifts: [], coverage: [], paidHoursPerWeek: 480, lowerBoundHours: 470, gap: 0.0208, optimal: true, solveSeconds: 0.1 } }],
    ...over,
  };
}

describe("staffNarrative", () => {
  it("says what the targets take, against Erlang, in whole shifts", () => {
    expect(staffNarrative(staff())).toEqual([
      "shop: staffing for 80% of real-time contacts answered within 20 s in every interval and 90% of deferred work within its response target, found in simulation (5 replications, seed 7, 4 weeks measured, 12 runs of the search and 1 check run on fresh seeds).",
      "The 2 pools sized need 600 paid agent-hours a week (15.0 FTE of 40 h), £26K a week or about £113K a month. That is 9% more than an Erlang calculation alone (550 hours); the simulation also accounts for what Erlang formulas leave out, such as escalations, redials and pools shared between channels. The largest are A (10.0 FTE, £16K a week) and B (5.0 FTE, £10K a week).",
      "Covering the intervals of A with whole shifts takes 480 paid hours a week (12.0 FTE), 20% more than the interval-by-interval requirement (whole shifts cannot follow every peak and trough); the plans are optimal for the shift patterns allowed.",
      "Every target is met in simulation, and no interval can lose an agent without missing one.",
    ]);
  });
  it("says when targets are missed or the search was cut short", () => {
    const missed = staffNarrative(staff({ met: false, unmet: ["A Mon 09:00–09:30: target missed with 5 agents", "B Tue 10:00–10:30: target missed with 2 agents"] }));
    expect(missed[missed.length - 1]).toBe("Not every target is met: 2 targets are still missed, for example “A Mon 09:00–09:30: target missed with 5 agents”. Treat these figures as a floor, and allow more runs (--max-runs) or review those intervals.");
    const cut = staffNarrative(staff({ complete: false }));
    expect(cut[cut.length - 1]).toBe("Every target is met, but the search stopped at its run cap before trying every removal, so slightly fewer agents might do.");
  });
});

function sweep(points: SweepResult["points"], metrics = ["channel.phone.serviceLevel", "cost.perMonth"]): SweepResult {
  return { format: "supportsim-sweep", version: 1, scenario: "base", scenarioSha256: "0".repeat(64), currency: "USD", seed: 3, replications: 5, vary: [{ path: "pools.L2.agents", values: points.map((p) => p.parameters["pools.L2.agents"]) }], metrics, points };
}
const point = (index: number, agents: number, sl: Estimate, cost: Estimate) => ({ index, parameters: { "pools.L2.agents": agents }, estimates: { "channel.phone.serviceLevel": sl, "cost.perMonth": cost } });

describe("sweepNarrative", () => {
  it("reads the cost/service trade-off and the dominated points", () => {
    const sw = sweep([
      point(0, 6, est(0.8, 0.78, 0.82), est(100_000, 99_000, 101_000)),
      point(1, 8, est(0.7, 0.68, 0.72), est(110_000, 109_000, 111_000)),
      point(2, 10, est(0.9, 0.88, 0.92), est(120_000, 119_000, 121_000)),
      point(3, 12, est(0.79, 0.77, 0.81), est(130_000, 129_000, 131_000)),
    ]);
    expect(sweepNarrative(sw)).toEqual([
      "The sweep varies pools.L2.agents over 6, 8, 10 and 12 in 4 runs of base (5 replications each, seed 3, the same random numbers at every point).",
      "From pools.L2.agents = 6 to 12, the monthly cost goes from $100K to $130K, while phone service level shows no clear change (80.0% and 79.0%; their 95% intervals overlap). " +
        "The cheapest point is pools.L2.agents = 6 at $100K with phone service level 80.0%; the best served is pools.L2.agents = 10 at 90.0% for $120K. " +
        "Their phone service level intervals do not overlap: the extra $20K buys 10.0 points of phone service level. " +
        // 12 is dearer than 10 and worse served, beyond both intervals; 8 likewise against 6; 12 against 6 only on the means
        "Beyond their 95% intervals, 2 points are both dearer and worse served than another (pools.L2.agents = 8 and pools.L2.agents = 12).",
    ]);
  });
  it("does not claim a service gain that the intervals do not show", () => {
    const sw = sweep([point(0, 6, est(0.9, 0.88, 0.92), est(100_000, 99_000, 101_000)), point(1, 8, est(0.905, 0.89, 0.92), est(120_000, 119_000, 121_000))]);
    expect(sweepNarrative(sw)[1]).toBe(
      "From pools.L2.agents = 6 to 8, the monthly cost goes from $100K to $120K, while phone service level shows no clear change (90.0% and 90.5%; their 95% intervals overlap). " +
        "The cheapest point is pools.L2.agents = 6 at $100K with phone service level 90.0%; the best served is pools.L2.agents = 8 at 90.5% for $120K. " +
        "Their phone service level intervals overlap, so this sweep does not show that the extra $20K buys better service.",
    );
  });
  it("calls no point dominated on means its intervals do not separate", () => {
    const sw = sweep([point(0, 6, est(0.9, 0.88, 0.92), est(100_000, 99_000, 101_000)), point(1, 8, est(0.895, 0.88, 0.91), est(120_000, 119_000, 121_000)), point(2, 10, est(0.95, 0.94, 0.96), est(130_000, 129_000, 131_000))]);
    expect(sweepNarrative(sw).join(" ")).not.toMatch(/dearer|dominated|beaten/);
  });
  it("says when there is no trade-off to read", () => {
    const sw = sweep([point(0, 6, est(0.9), est(1))], ["channel.phone.serviceLevel"]);
    expect(sweepNarrative(sw)[1]).toBe("The sweep has no cost metric, so no cost/service trade-off can be read from it.");
  });
  it("finds the frontier: cheapest first, each next one serving better", () => {
    expect(sweepFrontier([{ cost: 1, service: 0.5 }, { cost: 2, service: 0.4 }, { cost: 3, service: 0.9 }, { cost: 3, service: 0.8 }, { cost: 1, service: 0.45 }])).toEqual([0, 2]);
    expect(sweepFrontier([])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// The real results (made in-process): the sentences carry the results' own figures

describe("narrative and KPI tables on real results", () => {
  let real: RealResults;
  beforeAll(async () => {
    real = await realResults();
  }, 120_000);

  const meanOf = (r: ScenarioResult, key: string): number => {
    const m = r.estimates[key]?.mean;
    if (m === null || m === undefined) throw new Error(`${r.scenario} has no ${key}`);
    return m;
  };
  /** Plain sentences: no unformatted value, each paragraph ends a sentence. */
  const clean = (ps: string[]) => {
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      expect(p).not.toMatch(/NaN|undefined|Infinity|null|\[object/);
      expect(p).toMatch(/[.)]$/);
    }
  };
  const cap = (x: string) => x[0].toUpperCase() + x.slice(1);
  /** A value of a metric as the narrative and the KPI table write it. */
  // `of`: a duration written in the unit of this value (a difference in the unit of the value it changes)
  const valueText = (key: string, x: number, cur = "USD", of?: number): string => {
    const unitOf = (k: number) => (of === undefined ? undefined : of * k);
    switch (metricWords(key).kind) {
      case "share": return formatShare(x);
      case "money": return formatMoney(x, cur);
      case "money2": return formatMoney(x, cur, 2);
      case "seconds": return formatDuration(x, false, 0, unitOf(1));
      case "minutes": return formatDuration(x * 60, false, 0, unitOf(60));
      case "hours": return formatDuration(x * 3600, false, 0, unitOf(3600));
      case "count": return formatCount(x);
      case "number": return formatNumber(x);
      default: throw new Error(`no format for ${key}`);
    }
  };
  /** The size of a change: points for shares, else the value's format. */
  const amountText = (key: string, d: number, of?: number) => (metricWords(key).kind === "share" ? `${Math.abs(d) < 0.001 ? String(Number((Math.abs(d) * 100).toFixed(2))) : (Math.abs(d) * 100).toFixed(1)} points` : valueText(key, Math.abs(d), "USD", of));
  const signedText = (key: string, d: number, of?: number) => {
    const a = amountText(key, d, of);
    return (/[1-9]/.test(a) ? (d < 0 ? "−" : "+") : "") + a;
  };

  it("tells each run with its own span, demand, service, cost and retention figures", () => {
    for (const r of real.runs) {
      const n = runNarrative(r);
      clean(n);
      const days = (r.horizonHours - r.warmupHours) / 24;
      expect(days).toBe(56);
      expect(n[0]).toBe(
        `${r.scenario}: ${r.replications} replications (seed ${r.seed}) of ${days} days measured after a ${r.warmupHours / 24}-day warm-up, starting ${r.start.slice(0, 10)} (${r.timeZone}). ` +
          "Figures are means over the replications; ranges are 95% intervals.",
      );
      const text = n.join("\n");
      expect(text).toContain(`Customers had ${formatCount(meanOf(r, "funnel.needs"))} needs (${formatCount(meanOf(r, "funnel.needsPerDay"))} a day).`);
      expect(text).toContain(
        `Support resolved ${formatShare(meanOf(r, "funnel.resolved") / meanOf(r, "funnel.asked"))} of the ${formatCount(meanOf(r, "funnel.asked"))} needs it was asked about, ${formatShare(meanOf(r, "funnel.fcrRate"))} at the first contact.`,
      );
      for (const ch of r.channels) {
        const k = `channel.${ch.name}.`;
        if (ch.kind === "realtime") {
          const sl = r.estimates[k + "serviceLevel"];
          expect(text).toContain(
            `${cap(ch.name)}: ${formatShare(sl.mean!)} answered within ${r.thresholdSeconds} s (${(sl.ci95![0] * 100).toFixed(1)}–${formatShare(sl.ci95![1])}); ` +
              `average speed of answer ${formatDuration(meanOf(r, k + "asaSeconds"))}, ${formatShare(meanOf(r, k + "abandonRate"))} abandoned.`,
          );
        } else {
          expect(text).toContain(`${cap(ch.name)}: ${formatShare(meanOf(r, k + "withinTargetShare"))} answered within its response target; mean response ${formatDuration(meanOf(r, k + "meanResponseHours") * 3600)}.`);
        }
      }
      expect(text).toContain(
        `Support costs ${formatMoney(meanOf(r, "cost.perMonth"), "USD")} a month (${formatMoney(meanOf(r, "cost.total"), "USD")} over the ${days} days measured): ` +
          `${formatMoney(meanOf(r, "cost.perContact"), "USD", 2)} per contact answered and ${formatMoney(meanOf(r, "cost.perResolvedNeed"), "USD", 2)} per resolved need.`,
      );
      // the largest cost item and its share of the total
      const items = r.costCategories.map((c) => ({ c, v: r.estimates[`cost.byCategory.${c}`]?.mean ?? 0 })).sort((a, b) => b.v - a.v);
      const total = items.reduce((a, x) => a + Math.max(0, x.v), 0);
      expect(text).toContain(`The largest items are ${items[0].c} (${formatShare(items[0].v / total, 0)}), ${items[1].c} (${formatShare(items[1].v / total, 0)})`);
      expect(text).toContain(`The CSAT proxy is ${formatShare(meanOf(r, "retention.csat"))}.`);
      expect(text).toContain(`${Math.round(meanOf(r, "retention.churned"))} customers churned over the ${days} days measured.`);
      // at risk, protected and the net, always together
      expect(text).toContain(`Service experience puts ${formatMoney(meanOf(r, "retention.revenueAtRisk"), "USD")} of revenue at risk over the next year and protects ${formatMoney(meanOf(r, "retention.revenueProtected"), "USD")}: ${formatMoney(meanOf(r, "retention.netRevenueAtRisk"), "USD")} net at risk.`);
      // what a contact costs per tier and, end to end, per channel
      expect(text).toContain(`A contact handled costs ${formatMoney(meanOf(r, `tier.${r.tiers[0]}.costPerContact`), "USD", 2)} at ${r.tiers[0]}, `);
      for (const t of r.tiers) expect(text).toContain(`${formatMoney(meanOf(r, `tier.${t}.costPerContact`), "USD", 2)} at ${t}`);
      expect(text).toContain(`End to end, through every tier it reaches, a contact costs ${formatMoney(meanOf(r, `channel.${r.channels[0].name}.costPerContact`), "USD", 2)} by ${r.channels[0].name}`);
    }
  });

  it("tells the comparison: the cost difference and every other metric where its verdict puts it", () => {
    const c = real.compare;
    const [ref, ...alts] = c.scenarios;
    const n = compareNarrative(c);
    clean(n);
    expect(n[0]).toMatch(new RegExp(`^Each scenario is compared with ${ref} over ${c.replications} replications that share their random numbers \\(seed ${c.seed}\\)`));
    // the runs cover the same span: no caveat paragraph, one paragraph per later scenario
    expect(n).toHaveLength(1 + alts.length);
    expect(n.join(" ")).not.toContain("different spans");
    let told = 0, notSignificant = 0;
    alts.forEach((alt, j) => {
      const p = n[1 + j];
      expect(p.startsWith(`Against ${ref}, ${alt} `)).toBe(true);
      const cost = c.metrics["cost.perMonth"].differences[j];
      expect(verdict(cost)).toBe("significant"); // each program changes the monthly cost
      const [lo, hi] = cost.ci95!.map((x) => Math.abs(x)).sort((a, b) => a - b);
      expect(p).toContain(`${alt} ${cost.mean! > 0 ? "raises" : "lowers"} the monthly cost by ${formatMoney(Math.abs(cost.mean!), "USD")} (95% interval ${formatMoney(lo, "USD")}–${formatMoney(hi, "USD")})`);
      const ns = p.includes("No significant difference in ") ? p.slice(p.indexOf("No significant difference in ")) : "";
      for (const [key, m] of Object.entries(c.metrics)) {
        if (key === "cost.perMonth" || key === "cost.total") continue;
        const d = m.differences[j], to = m.values[j + 1].mean!;
        const w = metricWords(key);
        const v = verdict(d);
        if (v === "significant" && w.better !== 0) {
          const up = d.mean! > 0 ? "rises" : "falls";
          const clause =
            key === "retention.churned" ? `${w.noun} ${up} by ${Math.round(Math.abs(d.mean!))} customers`
            : w.kind === "share" ? `${w.noun} ${up} ${amountText(key, d.mean!)} to ${valueText(key, to)}`
            : w.kind === "money" || w.kind === "money2" ? `${w.noun} ${up} by ${amountText(key, d.mean!)}`
            : `${w.noun} ${up} by ${amountText(key, d.mean!, to)} to ${valueText(key, to)}`; // a duration's change in its value's unit: "by 1.6 min to 3.4 min"
          expect(p).toContain(clause);
          told++;
        } else if (v === "significant") {
          expect(p).toContain(`${w.noun} ${valueText(key, to)} (${signedText(key, d.mean!)})`); // "Also changed: L1 occupancy 46.6% (+9.0 points)"
          told++;
        } else {
          expect(ns).toContain(w.noun.replace(/^the /, ""));
          notSignificant++;
        }
      }
    });
    // the real comparison has both kinds to tell
    expect(told).toBeGreaterThan(0);
    expect(notSignificant).toBeGreaterThan(0);
  });

  it("builds the comparison's KPI table from the compared metrics, marked by their verdicts", () => {
    const c = real.compare;
    const k = compareKpis(c);
    expect(k.columns).toEqual(["Metric", ...c.scenarios, ...c.scenarios.slice(1).map((s) => `${s} − ${c.scenarios[0]}`)]);
    // same spans: every compared metric has its row, totals included
    const keys = Object.keys(c.metrics);
    expect(k.rows.map((r) => r.cells[0])).toEqual(keys.map(metricLabel));
    keys.forEach((key, i) => {
      const m = c.metrics[key];
      const row = k.rows[i];
      expect(row.cells.slice(1, 1 + c.scenarios.length)).toEqual(m.values.map((e) => valueText(key, e.mean!)));
      m.differences.forEach((d, j) => {
        const v = verdict(d);
        const cellText = row.cells[1 + c.scenarios.length + j], mark = row.emphasis![1 + c.scenarios.length + j];
        // a duration's difference is written in the unit of the reference's value (an e-mail response of 1.1 h changes by 0.02 h, not by 70 s)
        const of = m.values[0].mean ?? undefined;
        if (v === "significant") {
          expect(cellText).toBe(signedText(key, d.mean!, of));
          expect(mark).toBe(metricDirection(key) === 0 ? null : Math.sign(d.mean!) === metricDirection(key) ? "better" : "worse");
        } else {
          expect(cellText).toBe(v === "unchanged" ? "no change" : `${signedText(key, d.mean!, of)} n.s.`);
          expect(mark).toBe("ns");
        }
      });
    });
    const cost = k.rows[keys.indexOf("cost.perMonth")];
    expect(cost.cells[0]).toBe("Monthly cost");
    expect(cost.cells[1]).toBe(formatMoney(c.metrics["cost.perMonth"].values[0].mean!, "USD"));
    expect(k.note).toContain(`Differences against ${c.scenarios[0]}`);
  });

  it("builds a run's KPI table: mean and interval of each headline metric", () => {
    const r = real.runs[0];
    const k = runKpis(r);
    expect(k.columns).toEqual(["Metric", "Mean", "95% interval"]);
    const row = (label: string) => k.rows.find((x) => x.cells[0] === label)?.cells;
    const sl = r.estimates["channel.phone.serviceLevel"], cost = r.estimates["cost.perMonth"];
    expect(row("Phone service level")).toEqual(["Phone service level", formatShare(sl.mean!), `${formatShare(sl.ci95![0])} – ${formatShare(sl.ci95![1])}`]);
    expect(row("Monthly cost")).toEqual(["Monthly cost", formatMoney(cost.mean!, "USD"), `${formatMoney(cost.ci95![0], "USD")} – ${formatMoney(cost.ci95![1], "USD")}`]);
    for (const x of k.rows) expect(x.cells.join(" ")).not.toMatch(/NaN|undefined|null/);
    expect(k.note).toBe(`Means over ${r.replications} replications with Student-t 95% intervals; totals cover the 56 days measured.`);
  });

  it("tells the staffing plan with its own totals, and whether every target is met", () => {
    const s = real.staff;
    const n = staffNarrative(s);
    clean(n);
    const paid = s.pools.reduce((a, p) => a + p.paidHoursPerWeek, 0), cost = s.pools.reduce((a, p) => a + p.costPerWeek, 0);
    expect(n[0].startsWith(`${s.scenario}: staffing for ${formatShare(s.targets.serviceLevel, 0)} of real-time contacts answered within ${s.targets.thresholdSeconds} s in every interval`)).toBe(true);
    expect(n[0]).toContain(`(${s.replications} replication${s.replications === 1 ? "" : "s"}, seed ${s.seed}, ${s.weeksMeasured} weeks measured, ${s.evaluations} runs of the search and 1 check run on fresh seeds)`);
    expect(n[1]).toContain(`The ${s.pools.length} pools sized need ${formatCount(paid)} paid agent-hours a week (${(paid / s.fteHours).toFixed(1)} FTE of ${s.fteHours} h), ${formatMoney(cost, s.currency!)} a week`);
    const planned = s.shifts.reduce((a, x) => a + x.plan.paidHoursPerWeek, 0);
    expect(n[2]).toContain(`with whole shifts takes ${formatCount(planned)} paid hours a week (${formatFixed(planned / s.fteHours, 1)} FTE)`);
    const last = n[n.length - 1];
    if (!s.met) expect(last).toBe(`Not every target is met: ${s.unmet.length === 1 ? "one target is" : `${s.unmet.length} targets are`} still missed, for example “${s.unmet[0]}”. Treat these figures as a floor, and allow more runs (--max-runs) or review those intervals.`);
    else expect(last).toMatch(/^Every target is met/);
  });

  it("tells the sweep: what varied, the cheapest and the best-served points with their figures", () => {
    const sw = real.sweep;
    const n = sweepNarrative(sw);
    clean(n);
    const path = sw.vary[0].path;
    expect(n[0]).toBe(`The sweep varies ${path} over 1, 2, 3 and 4 in 4 runs of ${sw.scenario} (${sw.replications} replications each, seed ${sw.seed}, the same random numbers at every point).`);
    const pts = sw.points.map((p) => ({ p, cost: p.estimates["cost.perMonth"].mean!, sl: p.estimates["channel.phone.serviceLevel"].mean! }));
    const cheapest = pts.reduce((a, b) => (b.cost < a.cost ? b : a)), best = pts.reduce((a, b) => (b.sl > a.sl ? b : a));
    // (more L2 agents resolve more, keep more customers and so bring more phone demand: the cheapest point may be the best served)
    if (cheapest === best) {
      expect(n[1]).toContain(`${path} = ${cheapest.p.parameters[path]} is both the cheapest point (${formatMoney(cheapest.cost, "USD")}) and the best served (${formatShare(cheapest.sl)}).`);
    } else {
      expect(n[1]).toContain(
        `The cheapest point is ${path} = ${cheapest.p.parameters[path]} at ${formatMoney(cheapest.cost, "USD")} with phone service level ${formatShare(cheapest.sl)}; ` +
          `the best served is ${path} = ${best.p.parameters[path]} at ${formatShare(best.sl)} for ${formatMoney(best.cost, "USD")}.`,
      );
    }
    // first to last value: the cost's intervals are apart, so it "goes from … to …"
    const first = pts[0], lastPt = pts[pts.length - 1];
    expect(first.p.estimates["cost.perMonth"].ci95![1]).toBeLessThan(lastPt.p.estimates["cost.perMonth"].ci95![0]);
    expect(n[1]).toContain(`From ${path} = 1 to 4, the monthly cost goes from ${formatMoney(first.cost, "USD")} to ${formatMoney(lastPt.cost, "USD")}`);
    // and the service claim follows the intervals of the cheapest and the best served
    const [a, b] = [cheapest.p.estimates["channel.phone.serviceLevel"].ci95!, best.p.estimates["channel.phone.serviceLevel"].ci95!];
    const overlap = a[0] <= b[1] && b[0] <= a[1];
    if (cheapest !== best) expect(n[1]).toContain(overlap ? `Their phone service level intervals overlap, so this sweep does not show that the extra ${formatMoney(best.cost - cheapest.cost, "USD")} buys better service.` : "Their phone service level intervals do not overlap");
  });

  it("makes a self-contained page of the real comparison: its charts, narrative and KPI cells, nothing from the network", () => {
    const c = real.compare;
    const narrative = compareNarrative(c);
    const kpis = compareKpis(c);
    const charts = [
      { name: "cost", title: "Monthly cost", spec: costBreakdownChart(c.runs) },
      { name: "comparison", title: "Differences", spec: comparisonChart(c)! },
    ];
    const html = reportHtml(doc({ subtitle: c.scenarios.join(" vs "), narrative, kpis, charts }));
    const specs = embeddedSpecs(html);
    expect(specs).toHaveLength(2);
    specs.forEach((s, i) => {
      expect(s).toHaveProperty("marks");
      expect((s.title as { text: string }).text).toBe((charts[i].spec.title as { text: string }).text);
      expect(html).toContain(`<a href="#chart-${charts[i].name}">${charts[i].title}</a>`);
    });
    // the real data travel inline, compiled: every scenario's bar
    const costValues = JSON.stringify(specs[0].data);
    for (const r of c.runs) expect(costValues).toContain(`"scenario":"${r.scenario}"`);
    for (const p of narrative) expect(html).toContain(`<p>${escapeHtml(p)}</p>`);
    for (const row of kpis.rows) expect(html).toContain(`<th scope="row">${escapeHtml(row.cells[0])}</th>`);
    // a significant difference keeps its mark on the page
    const cost = kpis.rows.find((r) => r.cells[0] === "Monthly cost")!;
    const at = c.scenarios.length + 1;
    expect(["better", "worse"]).toContain(cost.emphasis![at]);
    expect(html).toContain(`<td class="${cost.emphasis![at]}">${escapeHtml(cost.cells[at])}</td>`);
    const own = withoutRuntime(html);
    expect(own).not.toMatch(/https?:\/\//);
    expect(own).not.toMatch(/<link|<img|<iframe|<object|<embed|@import|url\(|\ssrc=/i);
  });
});
