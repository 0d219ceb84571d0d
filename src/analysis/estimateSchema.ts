/**
 * An estimate as a file written earlier holds it (a sweep shard, sweep.json, results.json), read
 * back: `{ "mean": number | null, "ci95": [low, high] | null }` with finite numbers, low ≤ high,
 * the mean within its interval, both within the KPI's bounds (kpi/catalogue.ts: a share in
 * [0, 1], a count or cost ≥ 0 unless signed). A hand-edited file that breaks one of these is bad
 * input (its field path), not something to chart or merge.
 *
 * The comparisons allow a rounding slack of 1e−9 (relative): files written before estimates were
 * clipped as a whole hold means of −1e−17 beside an interval clipped at 0.
 */
import * as z from "zod";
import { expecting, show } from "../scenario/fields.js";
import { BOUNDS, findKpi } from "../kpi/catalogue.js";

const SLACK = 1e-9;
const below = (a: number, b: number): boolean => a < b - SLACK * Math.max(1, Math.abs(b));

const finiteOrNull = z.number(expecting("a finite number or null")).finite(expecting("a finite number or null")).nullable();

/** One estimate's shape (without its KPI's bounds). */
export const estimateShape = z.object(
  {
    mean: finiteOrNull,
    ci95: z.tuple([z.number(expecting("a finite number")).finite(expecting("a finite number")), z.number(expecting("a finite number")).finite(expecting("a finite number"))], expecting("[low, high] or null")).nullable(),
  },
  expecting("an estimate { \"mean\", \"ci95\" }"),
).superRefine((e, ctx) => {
  if (e.ci95 === null) return;
  const [lo, hi] = e.ci95;
  if (below(hi, lo)) ctx.addIssue({ code: "custom", path: ["ci95"], message: `expected low <= high, got [${lo}, ${hi}]` });
  else if (e.mean !== null && (below(e.mean, lo) || below(hi, e.mean))) ctx.addIssue({ code: "custom", path: ["mean"], message: `expected a mean within its interval [${lo}, ${hi}], got ${e.mean}` });
});

/** The problem with `e` as the estimate of KPI `key` (outside the KPI's bounds), or undefined. A key the catalogue does not know (a user-defined metric's) has no bounds. */
export function boundsProblem(key: string, e: z.infer<typeof estimateShape>): { path: string[]; message: string } | undefined {
  const kpi = findKpi(key);
  if (kpi === undefined) return undefined;
  const [lo, hi] = BOUNDS[kpi.bounds];
  const what = kpi.bounds === "share" ? "a share between 0 and 1" : "a number >= 0";
  if (e.mean !== null && (below(e.mean, lo) || below(hi, e.mean))) return { path: ["mean"], message: `expected ${what}, got ${show(e.mean)}` };
  if (e.ci95 !== null && (below(e.ci95[0], lo) || below(hi, e.ci95[1]))) return { path: ["ci95"], message: `expected an interval within ${kpi.bounds === "share" ? "[0, 1]" : "[0, ∞)"}, got [${e.ci95[0]}, ${e.ci95[1]}]` };
  return undefined;
}

/** Estimates by KPI key, each within its KPI's bounds. */
export const estimatesSchema = z.record(z.string(), estimateShape, expecting("an object of estimates by KPI")).superRefine((rec, ctx) => {
  for (const [key, e] of Object.entries(rec)) {
    const p = boundsProblem(key, e);
    if (p !== undefined) ctx.addIssue({ code: "custom", path: [key, ...p.path], message: p.message });
  }
});
