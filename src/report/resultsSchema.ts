/**
 * What `supportsim chart` reads from a results.json, as schemas — a results file is checked like
 * a scenario file (issue 18): a hand-edited one (`channels` a string, `currency` null, a
 * comparison of no scenarios) is bad input, each problem with its JSON path
 * (`results.json: channels: expected a list, got "phone"`), not a crash halfway through the
 * charts.
 *
 * A run's results (`"form": "support"`): its description (names of channels, tiers, pools …, the
 * currency, the window), every metric an estimate within its KPI's bounds
 * (analysis/estimateSchema.ts), and the average week and the weekly trend, each band as long as
 * the intervals (weeks) it has. A comparison: at least one scenario, one run per scenario, and per
 * metric one estimate per scenario and one difference per later scenario. A sweep: sweep.json
 * (analysis/experiments/sweep/sweepFiles.ts). The staffing solver's and the plan's results: their
 * top-level fields' types.
 */
import * as z from "zod";
import { InputError } from "../errors.js";
import { describeIssues, distinctProblems } from "../scenario/issues.js";
import { expecting, show } from "../scenario/fields.js";
import { boundsProblem, estimateShape } from "../analysis/estimateSchema.js";

const text = z.string(expecting("a text"));
const texts = z.array(text, expecting("a list of texts"));
const finite = (what = "a finite number") => z.number(expecting(what)).finite(expecting(what));
const nonNegative = (what = "a number >= 0") => finite(what).min(0, expecting(what));
const positive = (what = "a number > 0") => finite(what).gt(0, expecting(what));
const wholeAtLeast = (min: number) => z.number(expecting(`an integer >= ${min}`)).int(expecting(`an integer >= ${min}`)).min(min, expecting(`an integer >= ${min}`));
const kind = z.enum(["realtime", "deferred"], expecting(`"realtime" or "deferred"`));
const orNull = z.number(expecting("a finite number or null")).finite(expecting("a finite number or null")).nullable();
const band = z.object({ mean: z.array(orNull, expecting("a list")), low: z.array(orNull, expecting("a list")), high: z.array(orNull, expecting("a list")) }, expecting("a band { \"mean\", \"low\", \"high\" }"));
type Band = z.infer<typeof band>;

/** Each band in `bands` (by its path) holds `n` values in each of its lists. */
function bandLengths(ctx: z.RefinementCtx, at: (string | number)[], bands: Record<string, Band>, n: number, of: string): void {
  for (const [name, b] of Object.entries(bands)) {
    for (const part of ["mean", "low", "high"] as const) {
      if (b[part].length !== n) ctx.addIssue({ code: "custom", path: [...at, name, part], message: `expected ${n} values (one per ${of}), got ${b[part].length}` });
    }
  }
}

const profile = z.object(
  {
    intervalMinutes: positive(),
    intervals: wholeAtLeast(1).max(10_080, expecting("an integer from 1 to 10080")),
    weeks: nonNegative(),
    channels: z.array(z.object({ name: text, kind, offered: band, answered: band, abandoned: band, serviceLevel: band, asaSeconds: band, queueLength: band }), expecting("a list")),
    tiers: z.array(z.object({ name: text, agents: band, occupancy: band }), expecting("a list")),
  },
  expecting("the average week { \"intervalMinutes\", \"intervals\", \"channels\", \"tiers\" … }"),
).superRefine((p, ctx) => {
  p.channels.forEach(({ name: _n, kind: _k, ...bands }, i) => bandLengths(ctx, ["channels", i], bands, p.intervals, "interval of the week"));
  p.tiers.forEach(({ name: _n, ...bands }, i) => bandLengths(ctx, ["tiers", i], bands, p.intervals, "interval of the week"));
});

const trend = z.object(
  {
    weekStarts: texts,
    channels: z.array(z.object({ name: text, kind, offered: band, serviceLevel: band, asaSeconds: band, abandonRate: band }), expecting("a list")),
    tiers: z.array(z.object({ name: text, agents: band, occupancy: band }), expecting("a list")),
  },
  expecting("the weekly trend { \"weekStarts\", \"channels\", \"tiers\" }"),
).superRefine((t, ctx) => {
  t.channels.forEach(({ name: _n, kind: _k, ...bands }, i) => bandLengths(ctx, ["channels", i], bands, t.weekStarts.length, "week"));
  t.tiers.forEach(({ name: _n, ...bands }, i) => bandLengths(ctx, ["tiers", i], bands, t.weekStarts.length, "week"));
});

/** A run's description (its metrics, nested by their dotted names, are every other field: checked as estimates by `checkRunEstimates`). */
const RUN = z.looseObject(
  {
    scenario: text,
    form: z.literal("support", expecting(`"support"`)),
    seed: wholeAtLeast(0),
    replications: wholeAtLeast(1),
    horizonHours: positive(),
    warmupHours: nonNegative(),
    intervalMinutes: positive(),
    thresholdSeconds: nonNegative().optional(),
    start: text,
    timeZone: text,
    channels: z.array(z.object({ name: text, kind }, expecting("a channel { \"name\", \"kind\" }")), expecting("a list of channels")).min(1, expecting("a non-empty list of channels")),
    tiers: texts.min(1, expecting("a non-empty list of tiers")),
    segments: texts,
    needTypes: texts,
    pools: z.array(z.object({ name: text, tier: text, vendor: z.boolean(expecting("true or false")) }, expecting("a pool { \"name\", \"tier\", \"vendor\" }")), expecting("a list of pools")),
    costCategories: texts,
    currency: text,
    warnings: texts.optional(),
    profile: profile.optional(),
    trend: trend.optional(),
  },
  expecting("a run's results"),
);

/** The problems of a run's metrics: every estimate (an object with `mean` or `ci95`) valid and within its KPI's bounds; a metric family that is not an object of them. */
function estimateIssues(o: unknown, at: (string | number)[], key: string, ctx: z.RefinementCtx): void {
  if (typeof o !== "object" || o === null || Array.isArray(o)) {
    ctx.addIssue({ code: "custom", path: at, message: `expected an estimate { "mean", "ci95" } or an object of them, got ${show(o)}` });
    return;
  }
  if ("mean" in o || "ci95" in o) {
    const r = estimateShape.safeParse(o);
    if (!r.success) for (const iss of r.error.issues) ctx.addIssue({ code: "custom", path: [...at, ...(iss.path as (string | number)[])], message: iss.message });
    else {
      const p = boundsProblem(key, r.data);
      if (p !== undefined) ctx.addIssue({ code: "custom", path: [...at, ...p.path], message: p.message });
    }
    return;
  }
  for (const [k, v] of Object.entries(o)) estimateIssues(v, [...at, k], key === "" ? k : `${key}.${k}`, ctx);
}

/** Top-level fields of a run's results.json that are not metrics (report/results.ts RUN_META). */
export const RUN_META = new Set(["scenario", "form", "seed", "replications", "horizonHours", "warmupHours", "intervalMinutes", "thresholdSeconds", "start", "timeZone", "channels", "tiers", "segments", "needTypes", "pools", "costCategories", "currency", "warnings", "engine", "calibration", "statusQuoCalibration", "warmupChoice", "analytic", "profile", "trend"]);

const RUN_FILE = RUN.superRefine((r, ctx) => {
  if (r.warmupHours >= r.horizonHours) ctx.addIssue({ code: "custom", path: ["warmupHours"], message: `expected a warm-up shorter than the horizon (${r.horizonHours} h), got ${r.warmupHours}` });
  for (const [k, v] of Object.entries(r)) if (!RUN_META.has(k)) estimateIssues(v, [k], k, ctx);
});

const difference = z.object({ against: text, mean: orNull, ci95: z.tuple([finite(), finite()], expecting("[low, high] or null")).nullable(), significant: z.boolean(expecting("true or false")) }, expecting("a difference { \"against\", \"mean\", \"ci95\", \"significant\" }"));

const COMPARE = z.looseObject(
  {
    scenarios: texts.min(1, expecting("a non-empty list of scenarios")),
    seed: wholeAtLeast(0),
    replications: wholeAtLeast(1),
    metrics: z.record(z.string(), z.object({ values: z.array(estimateShape, expecting("a list of estimates")), differences: z.array(difference, expecting("a list of differences")) }, expecting("{ \"values\", \"differences\" }")), expecting("an object of metrics")),
    runs: z.array(z.unknown(), expecting("a list of runs")),
    mode: text.optional(),
  },
  expecting("a comparison's results"),
).superRefine((c, ctx) => {
  const n = c.scenarios.length;
  if (c.runs.length !== n) ctx.addIssue({ code: "custom", path: ["runs"], message: `expected one run per scenario (${n}), got ${c.runs.length}` });
  for (const [key, m] of Object.entries(c.metrics)) {
    if (m.values.length !== n) ctx.addIssue({ code: "custom", path: ["metrics", key, "values"], message: `expected one estimate per scenario (${n}), got ${m.values.length}` });
    if (m.differences.length !== n - 1) ctx.addIssue({ code: "custom", path: ["metrics", key, "differences"], message: `expected one difference per scenario after the first (${n - 1}), got ${m.differences.length}` });
  }
});

const STAFF = z.looseObject(
  {
    scenario: text,
    seed: wholeAtLeast(0),
    fteHours: positive(),
    targets: z.looseObject({}, expecting("an object")),
    intervalMinutes: positive(),
    intervalsPerWeek: wholeAtLeast(1),
    pools: z.array(z.looseObject({ pool: text }, expecting("a pool's requirement")), expecting("a list")),
    shifts: z.array(z.looseObject({ pool: text, plan: z.looseObject({}, expecting("a shift plan")) }, expecting("{ \"pool\", \"plan\" }")), expecting("a list")),
    currency: text.optional(),
  },
  expecting("the staffing solver's results"),
);

const PLAN = z.looseObject(
  {
    scenario: text,
    seed: wholeAtLeast(0),
    replications: wholeAtLeast(1),
    currency: text,
    months: texts.min(1, expecting("a non-empty list of months")),
    pools: z.array(z.looseObject({ pool: text, rows: z.array(z.looseObject({}, expecting("a month's row")), expecting("a list")) }, expecting("a planned pool")), expecting("a list")),
    warnings: texts,
  },
  expecting("a plan's results"),
);

const SCHEMAS = { run: RUN_FILE, compare: COMPARE, staff: STAFF, plan: PLAN } as const;

/** Check a results file of `kind` (recognised by report/results.ts); InputError naming `where` and each problem's path. */
export function checkResultsFile(kind: keyof typeof SCHEMAS, json: unknown, where: string): void {
  const schema = SCHEMAS[kind] as z.ZodType;
  const r = schema.safeParse(json);
  if (!r.success) throw new InputError(distinctProblems(describeIssues(schema, r.error.issues, json)), where);
}
