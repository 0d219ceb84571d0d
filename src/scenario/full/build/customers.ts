/**
 * The customers of a full-form scenario in model units: per segment its customers, sales per
 * minute (per month / 43830), churn (an annual probability p → hazard −ln(1 − p) / 525960 per
 * minute; or renewals: rate r every termMonths m, term m × 43830 minutes, no hazard) and tenure
 * at the start.
 *
 * Customers per segment are round(count × share), the rounding remainder going to the
 * largest segment (by share; if the rounding overshoots so that the largest would go below
 * 0, the excess is taken one by one from the segments with most customers).
 *
 * Without `customers` (a pure volume forecast), the model gets one synthetic segment named
 * "forecast" with 0 customers, no sales and no churn, the lowest priority class, the free plan
 * and every channel; forecast arrivals belong to it (`arrivals[i].segment` may only name it).
 */
import type { Duration, SegmentConfig } from "../../../model/config.js";
import { DAY_MINUTES, MONTH_MINUTES, YEAR_MINUTES } from "../../../time/units.js";
import { FORECAST_SEGMENT, SUPPORT_DEFAULTS as D } from "../defaults.js";
import type { SupportScenario } from "../schema.js";
import { nameIndex, type BuildContext } from "./context.js";

/** Hazard per minute of an annual leaving probability p (0 <= p < 1). */
export function churnHazardPerMinute(p: number): number {
  return -Math.log1p(-p) / YEAR_MINUTES;
}

/** Customers per segment: round(count × share), the remainder to the largest segment. */
export function customersPerSegment(count: number, shares: readonly number[]): number[] {
  const out = shares.map((sh) => Math.round(count * sh));
  let largest = 0;
  shares.forEach((sh, i) => {
    if (sh > shares[largest]) largest = i;
  });
  let diff = count - out.reduce((a, b) => a + b, 0);
  if (diff >= 0 || out[largest] + diff >= 0) {
    out[largest] += diff;
    return out;
  }
  // rounding overshot by more than the largest segment holds: take from the biggest counts
  while (diff < 0) {
    let k = 0;
    out.forEach((v, i) => {
      if (v > out[k] || (v === out[k] && shares[i] > shares[k])) k = i;
    });
    out[k]--;
    diff++;
  }
  return out;
}

/** The annual leaving probability of renewals every `termMonths` with probability r: 1 − r^(12 / termMonths). */
export function renewalChurnPerYear(renewalRate: number, termMonths: number): number {
  return 1 - Math.pow(renewalRate, 12 / termMonths);
}

/** Tenure at start, minutes; default exponential with mean 1 / churn years (730 days without churn; with renewals, the annual churn 1 − r^(12 / termMonths)). */
function tenure(t: NonNullable<SupportScenario["customers"]>["segments"][number]["tenureAtStartDays"], churnPerYear: number): Duration {
  if (t === undefined) {
    const meanDays = churnPerYear > 0 ? (YEAR_MINUTES / DAY_MINUTES) / churnPerYear : D.segment.tenureMeanDaysWithoutChurn;
    return { type: "exponential", mean: meanDays * DAY_MINUTES };
  }
  if (t.dist === "exponential") return { type: "exponential", mean: t.meanDays * DAY_MINUTES };
  return { type: "uniform", min: t.minDays * DAY_MINUTES, max: t.maxDays * DAY_MINUTES };
}

/** The segments of the model: the scenario's, or the one synthetic "forecast" segment without customers. */
export function segmentConfigs(s: SupportScenario, { classes, chanNames }: BuildContext): SegmentConfig[] {
  const allChannels = chanNames.map((_, i) => i);
  if (s.customers === undefined) {
    return [{
      name: FORECAST_SEGMENT,
      customers: 0,
      expertise: D.segment.expertise,
      startExpertise: D.segment.startExpertise,
      revenuePerYear: D.segment.revenuePerYear,
      tenureAtStart: { type: "exponential", mean: D.segment.tenureMeanDaysWithoutChurn * DAY_MINUTES },
      salesPerMinute: 0,
      churnPerMinute: 0,
      churnMode: "hazard",
      renewalRate: 1,
      term: D.segment.termMonths * MONTH_MINUTES,
      priorityClass: classes.length - 1,
      plan: "free",
      pricePerIncident: 0,
      channels: [...allChannels],
    }];
  }
  const cu = s.customers;
  const counts = customersPerSegment(cu.count, cu.segments.map((g) => g.share));
  const sales = cu.salesPerMonth ?? D.customers.salesPerMonth;
  return cu.segments.map((g, i) => {
    const renewal = g.renewalRate !== undefined;
    const termMonths = g.termMonths ?? D.segment.termMonths;
    const churn = renewal ? 0 : (g.churnPerYear ?? D.segment.churnPerYear);
    return {
      name: g.name,
      customers: counts[i],
      expertise: g.expertise ?? D.segment.expertise,
      startExpertise: g.startExpertise ?? D.segment.startExpertise,
      revenuePerYear: g.revenuePerYear ?? D.segment.revenuePerYear,
      tenureAtStart: tenure(g.tenureAtStartDays, renewal ? renewalChurnPerYear(g.renewalRate as number, termMonths) : churn),
      salesPerMinute: (sales * g.share) / MONTH_MINUTES,
      churnPerMinute: churnHazardPerMinute(churn),
      churnMode: renewal ? "renewal" : "hazard",
      renewalRate: g.renewalRate ?? 1,
      term: termMonths * MONTH_MINUTES,
      priorityClass: g.priority === undefined ? classes.length - 1 : nameIndex(classes, g.priority, "priority class"),
      plan: g.plan ?? D.segment.plan,
      pricePerIncident: g.pricePerIncident ?? D.segment.pricePerIncident,
      channels: g.channels === undefined ? [...allChannels] : g.channels.map((c) => nameIndex(chanNames, c, "channel")),
    };
  });
}
