/**
 * Checks of demand: seasonality weights that are not all zero; segment shares summing to 1,
 * segments' references, prices that fit the plan, churn by hazard or by renewals, a starting
 * expertise not above the lasting one, tenure ranges;
 * need types' channel references and weights summing to 1.
 */
import { SUPPORT_DEFAULTS } from "../defaults.js";
import type { SupportScenarioShape } from "../schema/scenario.js";
import { showSum, sumOf } from "./format.js";
import type { Names } from "./names.js";
import { fin, type Path, type Report } from "./report.js";

export function checkSeasonality(s: SupportScenarioShape, r: Report): void {
  for (const key of ["intraday", "weekly", "monthly"] as const) {
    const v = s.seasonality?.[key];
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x === 0)) r.issue(["seasonality", key], "expected at least one positive weight, got all zeros");
  }
}

export function checkCustomers(s: SupportScenarioShape, r: Report, { classes, chanNames }: Names): void {
  if (s.customers === undefined) return;
  const segments = s.customers.segments;
  const shares = segments.map((g) => g.share);
  if (shares.every((x) => fin(x))) {
    const sum = sumOf(shares);
    if (Math.abs(sum - 1) > 1e-6) r.issue(["customers", "segments"], `expected segment shares summing to 1, got ${showSum(sum)}`);
  }
  segments.forEach((g, i) => {
    const at: Path = ["customers", "segments", i];
    if (g.priority !== undefined) r.ref(g.priority, classes, "priority class", [...at, "priority"]);
    g.channels?.forEach((c, j) => r.ref(c, chanNames, "channel", [...at, "channels", j]));
    const plan = g.plan ?? SUPPORT_DEFAULTS.segment.plan;
    if (plan === "perIncident") {
      if (g.pricePerIncident === undefined) r.issue([...at, "pricePerIncident"], 'missing: expected a price > 0 for plan "perIncident"');
      else if (g.pricePerIncident === 0) r.issue([...at, "pricePerIncident"], 'expected a price > 0 for plan "perIncident", got 0');
    } else if (fin(g.pricePerIncident) && g.pricePerIncident > 0) {
      r.issue([...at, "pricePerIncident"], `expected no price (or 0) for plan "${plan}" (prices apply to plan "perIncident"), got ${g.pricePerIncident}`);
    }
    if (g.renewalRate !== undefined && g.churnPerYear !== undefined) {
      r.issue([...at, "renewalRate"], `expected at most one of churnPerYear (a constant hazard) or renewalRate (churn at contract renewals), got both (churnPerYear ${g.churnPerYear}, renewalRate ${g.renewalRate})`);
    } else if (g.termMonths !== undefined && g.renewalRate === undefined) {
      r.issue([...at, "termMonths"], `expected termMonths only with renewalRate (the contract term between renewals), got ${g.termMonths}`);
    }
    const level = g.expertise ?? SUPPORT_DEFAULTS.segment.expertise;
    if (fin(g.startExpertise) && fin(level) && g.startExpertise > level) {
      r.issue([...at, "startExpertise"], `expected at most the segment's expertise (${level}${g.expertise === undefined ? ", the default" : ""}: the level its customers learn toward), got ${g.startExpertise}`);
    }
    const t = g.tenureAtStartDays;
    if (t?.dist === "uniform" && fin(t.minDays) && fin(t.maxDays) && t.maxDays > 0 && !(t.maxDays > t.minDays)) {
      r.issue([...at, "tenureAtStartDays", "maxDays"], `expected more than minDays (${t.minDays}), got ${t.maxDays}`);
    }
  });
}

export function checkNeedTypes(s: SupportScenarioShape, r: Report, { chanNames }: Names): void {
  s.needTypes.forEach((n, i) => {
    const entries = Object.entries(n.channels);
    for (const [c] of entries) r.ref(c, chanNames, "channel", ["needTypes", i, "channels", c]);
    const ws = entries.map(([, w]) => w);
    if (ws.every((w) => fin(w))) {
      const sum = sumOf(ws);
      if (Math.abs(sum - 1) > 1e-6) r.issue(["needTypes", i, "channels"], `expected channel weights summing to 1, got ${showSum(sum)}`);
    }
  });
}
