/**
 * Checks of programmes and retention: KCS's need types and tiers exist; problem management has
 * need types to fix (quality-driven ones unless it lists its own) and a reduction per fix within its maximum; customer training
 * has customers, segments that exist and an expertise-driven need type to act on; retention
 * multipliers do not decrease down the ladder.
 */
import { SUPPORT_DEFAULTS } from "../defaults.js";
import { RETENTION_ROWS } from "../schema/retention.js";
import type { SupportScenarioShape } from "../schema/scenario.js";
import { listing } from "./format.js";
import type { Names } from "./names.js";
import { fin, type Path, type Report } from "./report.js";

export function checkKcs(s: SupportScenarioShape, r: Report, { needNames, tierNames }: Names): void {
  const kcs = s.kcs;
  if (kcs === undefined) return;
  if (typeof kcs.coverage === "object") for (const n of Object.keys(kcs.coverage)) r.ref(n, needNames, "need type", ["kcs", "coverage", n]);
  for (const key of ["resolveGain", "handleTimeFactor", "articleTime"] as const) {
    for (const t of Object.keys(kcs[key] ?? {})) r.ref(t, tierNames, "tier", ["kcs", key, t]);
  }
}

export function checkProblemManagement(s: SupportScenarioShape, r: Report, { needNames }: Names): void {
  const pm = s.problemManagement;
  if (pm === undefined) return;
  const qualityNames = s.needTypes.filter((n) => n.driver === "quality").map((n) => n.name);
  if (pm.needTypes === undefined && qualityNames.length === 0) {
    r.issue(["problemManagement"], 'expected a need type with driver "quality" to fix, got none (no need type is quality-driven)');
  }
  // any need type (a defect fixed by engineering, a how-to driver by the product's design or its help): §18
  pm.needTypes?.forEach((n, j) => r.ref(n, needNames, "need type", ["problemManagement", "needTypes", j]));
  const max = pm.maxReduction ?? SUPPORT_DEFAULTS.problemManagement.maxReduction;
  if (fin(pm.reductionPerFix) && fin(max) && pm.reductionPerFix > max) {
    r.issue(["problemManagement", "reductionPerFix"], `expected at most maxReduction (${max}${pm.maxReduction === undefined ? ", the default" : ""}), got ${pm.reductionPerFix}`);
  }
}

export function checkCustomerTraining(s: SupportScenarioShape, r: Report, { segNames }: Names): void {
  const ct = s.customerTraining;
  if (ct === undefined) return;
  if (s.customers === undefined) {
    r.issue(["customerTraining"], "expected customers to train, got a scenario without customers");
    return;
  }
  if (typeof ct.gapClosed === "object") for (const g of Object.keys(ct.gapClosed)) r.ref(g, segNames, "segment", ["customerTraining", "gapClosed", g]);
  if (!s.needTypes.some((n) => n.driver === "expertise")) {
    r.issue(["customerTraining"], 'expected a need type with driver "expertise" for the training to act on, got none');
  }
}

export function checkRetention(s: SupportScenarioShape, r: Report): void {
  for (const row of ["minor", "major"] as const) {
    const m = s.retention?.multipliers?.[row];
    if (m === undefined || m.length !== RETENTION_ROWS.length) continue;
    if (m.some((x, k) => k > 0 && x < m[k - 1])) {
      r.issue(["retention", "multipliers", row], `expected non-decreasing multipliers (${RETENTION_ROWS.join(" <= ")}), got ${m.join(", ")}`);
    }
  }
}
