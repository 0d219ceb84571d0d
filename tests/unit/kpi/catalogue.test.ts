/**
 * The KPI catalogue (src/kpi/catalogue.ts): every key a run of each shipped full-form scenario
 * produces has an entry; the bounds reproduce the clipping the estimates had before the catalogue
 * (the regular expressions on the key that it replaced, kept here as the reference); keys are
 * read by the shape of their family, so names with dots work; and the single queue's metrics, the
 * per-interval series and the headline list are all described.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SERIES_METRICS } from "../../../src/analysis/experiments/replications.js";
import { BOUNDS, findKpi, isShareKpi, isShareSeries, isSignedKpi, kpiOf, QUEUE_KPIS, SERIES_KPIS } from "../../../src/kpi/catalogue.js";
import { HEADLINE_KPIS } from "../../../src/kpi/headline.js";
import { simulateReplication } from "../../../src/kpi/values.js";
import { METRICS } from "../../../src/model/network/counters.js";
import { shippedSupportConfigs } from "../../helpers/shippedScenarios.js";

/** The clipping before the catalogue: shares by the key's ending, signed by a list of retention keys. */
// the old name rule, and the one share added since whose name it does not match (pool.<p>.paidShrinkage)
const OLD_FRACTION = /(Rate|Level|occupancy|withinTargetShare|Share|csat|paidShrinkage)$/;
// and the signed key added since: the net revenue at risk (at risk − protected, negative where experience protects more than it risks)
const OLD_SIGNED = /^retention\.((byMonth\.[^.]+\.)?serviceChurn|(byMonth\.[^.]+\.)?serviceChurnRevenue|excessChurnNextYear|netRevenueAtRisk)$/;
const OLD_QUEUE_FRACTIONS = ["abandonRate", "serviceLevel", "occupancy", "probWait"];

/** Every key one replication of each shipped full-form scenario produces, with the scenario it came from. */
const keys = new Map<string, string>();
beforeAll(() => {
  for (const { file, cfg } of shippedSupportConfigs()) {
    for (const k of Object.keys(simulateReplication(cfg, 1, 0).values)) if (!keys.has(k)) keys.set(k, file);
  }
}, 120_000);

describe("the KPI catalogue on every shipped scenario's keys", () => {
  it("has an entry for every key a run produces", () => {
    expect(keys.size).toBeGreaterThan(300);
    const missing = [...keys].filter(([k]) => findKpi(k) === undefined).map(([k, f]) => `${f}: ${k}`);
    expect(missing).toEqual([]);
  });

  it("clips each key's interval as the estimates always have: [0, 1] for shares, unbounded for signed keys, else at 0", () => {
    const differ: string[] = [];
    for (const k of keys.keys()) {
      const want = OLD_FRACTION.test(k) ? "share" : OLD_SIGNED.test(k) ? "signed" : "nonNegative";
      if (kpiOf(k).bounds !== want) differ.push(`${k}: ${kpiOf(k).bounds}, was ${want}`);
      expect(isShareKpi(k)).toBe(want === "share");
      expect(isSignedKpi(k)).toBe(want === "signed");
    }
    expect(differ).toEqual([]);
    // both kinds occur, so the comparison above is not vacuous
    expect([...keys.keys()].filter((k) => isShareKpi(k)).length).toBeGreaterThan(20);
    expect([...keys.keys()].filter((k) => isSignedKpi(k)).length).toBeGreaterThan(3);
  });

  it("gives shares the share unit, and every key a label", () => {
    for (const k of keys.keys()) {
      const e = kpiOf(k);
      expect(e.unit === "share", k).toBe(e.bounds === "share");
      expect(e.label.length, k).toBeGreaterThan(1);
    }
  });
});

describe("looking a key up by its family's shape", () => {
  it("takes the element between the family and the metric, dots and all", () => {
    expect(findKpi("tier.L1.5.occupancy")).toMatchObject({ family: "tier", element: "L1.5", metric: "occupancy", bounds: "share", unit: "share" });
    expect(findKpi("channel.web.chat.serviceLevel")).toMatchObject({ family: "channel", element: "web.chat", metric: "serviceLevel", better: "higher" });
    expect(findKpi("pool.L2 desk.ahtMinutes")).toMatchObject({ family: "pool", element: "L2 desk", unit: "minutes", bounds: "nonNegative" });
    expect(findKpi("cost.byCategory.v1.2 vendor")).toMatchObject({ family: "cost.byCategory", element: "v1.2 vendor", unit: "money" });
    expect(findKpi("cost.byMonth.2027-01")).toMatchObject({ family: "cost.byMonth", element: "2027-01", unit: "money" });
    expect(findKpi("retention.byMonth.2027-01.serviceChurn")).toMatchObject({ family: "retention.byMonth", element: "2027-01", metric: "serviceChurn", bounds: "signed" });
    expect(findKpi("cost.perMonth")).toMatchObject({ family: "cost", metric: "perMonth", better: "lower" });
    expect(findKpi("cost.perMonth")?.element).toBeUndefined();
  });

  it("a name's ending does not decide: a cost category called 'Rate' is money, not a share", () => {
    expect(OLD_FRACTION.test("cost.byCategory.Overflow Rate")).toBe(true);
    expect(kpiOf("cost.byCategory.Overflow Rate").bounds).toBe("nonNegative");
    expect(kpiOf("tier.Share.offered").bounds).toBe("nonNegative");
  });

  it("knows no key outside the families' shapes", () => {
    for (const k of ["funnel.a.b", "tier.occupancy", "channel..serviceLevel", "pool.x.nope", "nope.x", "cost.byCategory.", "retention.byMonth.2027-01", "funnel.toString", ""]) {
      expect(findKpi(k), k).toBeUndefined();
    }
    expect(() => kpiOf("tier.occupancy")).toThrow(/"tier\.occupancy" is not in the catalogue/);
  });

  it("says what each bounds is", () => {
    expect(BOUNDS.share).toEqual([0, 1]);
    expect(BOUNDS.nonNegative).toEqual([0, Infinity]);
    expect(BOUNDS.signed).toEqual([-Infinity, Infinity]);
  });
});

describe("the single queue, the series and the headline list", () => {
  it("describes every single-queue metric, the shares as before", () => {
    expect(Object.keys(QUEUE_KPIS).sort()).toEqual([...METRICS].sort());
    expect(METRICS.filter((m) => QUEUE_KPIS[m].bounds === "share").sort()).toEqual([...OLD_QUEUE_FRACTIONS].sort());
    expect(QUEUE_KPIS.asaSeconds).toMatchObject({ label: "ASA (answered)", unit: "seconds", better: "lower" });
  });

  it("describes every per-interval series metric, the shares as before", () => {
    for (const m of SERIES_METRICS) {
      expect(SERIES_KPIS[m], m).toBeDefined();
      expect(isShareSeries(m), m).toBe(OLD_FRACTION.test(m));
    }
    expect(() => isShareSeries("nope")).toThrow(/not in the catalogue/);
  });

  it("describes every headline metric", () => {
    for (const h of HEADLINE_KPIS) {
      const key = h.entity ? `${h.entity}.x.${h.metric}` : h.metric;
      expect(findKpi(key), key).toBeDefined();
    }
  });
});
