/**
 * Comparing full-form scenarios with common random numbers (CRN).
 *
 * Every scenario runs the same replication indices with the same seed: replication k of each
 * uses the random streams seeded by (seed, k) (src/engine/random.ts), so the k-th replications
 * of two scenarios see, as far as the models allow, the same customers, needs and service
 * times. Their outputs are then positively correlated, and the difference of a metric is
 * estimated replication by replication:
 *
 *   d_k = x_k(B) − x_k(A),   mean d̄ ± t(0.975, n−1) · s_d / √n        (paired, Student-t)
 *
 * with n the replications where the metric is defined in both. Because
 * Var(d) = Var(A) + Var(B) − 2·Cov(A, B), the positive covariance CRN creates makes this
 * interval narrower than the one that treats the two samples as independent, which is also
 * reported for comparison (Welch's unequal-variance t-interval):
 *
 *   x̄_B − x̄_A ± t(0.975, ν) · se,   se² = s_A²/n_A + s_B²/n_B,
 *   ν = se⁴ / ((s_A²/n_A)²/(n_A − 1) + (s_B²/n_B)²/(n_B − 1))     (Welch–Satterthwaite)
 *
 * A rate (a share, a mean per contact, a cost per unit) is estimated as a ratio of sums over the
 * replications and its difference by `pairedRatioDifference` (the linearised residuals paired
 * the same way), so the difference is exactly that of the two rates reported.
 *
 * A difference is significant when its paired interval does not contain 0 (an interval
 * touching 0 — e.g. [0, 0] for a scenario compared with itself — counts as containing it).
 */
import { tQuantile } from "../tQuantile.js";
import type { SupportConfig } from "../../model/config.js";
import { Tally } from "../../engine/statistics.js";
import { estimate, halfWidth, RatioSums, ratioStandardError, type Estimate } from "../confidence.js";
import { runManyParallel, type RunStatistics } from "./replications.js";
import type { Values } from "../../kpi/values.js";
import { HEADLINE_KPIS } from "../../kpi/headline.js";
import { runWithUserMetrics, type UserMetric } from "./userMetrics.js";

/** A difference against the first (reference) scenario. */
export interface Difference {
  /** Label of the scenario the difference is taken against (the first one). */
  against: string;
  /** Mean of the paired differences (this − reference); null when no replication defines both. */
  mean: number | null;
  /** 95% interval from the paired differences (Student-t); null with fewer than two pairs. */
  ci95: [number, number] | null;
  /** 95% Welch interval treating the two samples as independent (for comparison only). */
  ci95Unpaired: [number, number] | null;
  /** The paired interval excludes 0 (false when there is no interval). */
  significant: boolean;
}

/** One metric across the scenarios: each scenario's estimate, and each later scenario's difference against the first. */
export interface MetricComparison {
  values: Estimate[];
  differences: Difference[];
}

/** One compared scenario's run settings (the horizon may differ between scenarios). */
export interface ComparedScenario {
  label: string;
  horizonHours: number;
  warmupHours: number;
}

export interface Comparison {
  scenarios: ComparedScenario[];
  seed: number;
  replications: number;
  /** Currency label of the first scenario (for the table). */
  currency: string;
  /** Headline metric key → comparison, in headline order. */
  metrics: Record<string, MetricComparison>;
  /** How staffing was set: each scenario's own schedules (FIXED_STAFFING), or sized to the same targets (equalService.ts). */
  mode: string;
  /** In equal-service mode: what each scenario was sized to, per sized pool (scenario order). */
  sizing?: ScenarioSizing[];
}

/** A scenario sized to the targets: per pool, the requirement's paid hours, FTE and cost a week, and whether the targets were met. */
export interface ScenarioSizing {
  scenario: string;
  met: boolean;
  pools: { pool: string; paidHoursPerWeek: number; fte: number; costPerWeek: number }[];
}

/** The mode line of a comparison at the scenarios' own staffing. */
export const FIXED_STAFFING = "fixed staffing: every scenario keeps the schedules it is written with (a what-if's lower demand shows as idle time, not fewer staff)";

/** The value of `key` in each replication (null where undefined). */
function column(reps: readonly Values[], key: string): (number | null)[] {
  return reps.map((v) => v[key] ?? null);
}

const usable = (x: number | null): x is number => x !== null && Number.isFinite(x);

/**
 * Paired difference other − base, replication by replication; a pair is used only when both
 * values are defined. The Student-t interval on the differences (confidence.ts `estimate`).
 */
export function pairedDifference(base: readonly (number | null)[], other: readonly (number | null)[]): Estimate {
  if (base.length !== other.length) throw new RangeError(`pairedDifference: ${base.length} and ${other.length} replications; pairs need the same number`);
  const d: number[] = [];
  for (let k = 0; k < base.length; k++) {
    const a = base[k], b = other[k];
    if (usable(a) && usable(b)) d.push(b - a);
  }
  return estimate(d);
}

/**
 * Welch's interval for mean(other) − mean(base), the samples taken as independent (each
 * side's undefined values left out). Null interval when either side has fewer than two values;
 * a zero-width interval when both sides are constant.
 */
export function welchDifference(base: readonly (number | null)[], other: readonly (number | null)[]): Estimate {
  const ta = new Tally(), tb = new Tally();
  for (const x of base) if (usable(x)) ta.add(x);
  for (const x of other) if (usable(x)) tb.add(x);
  if (ta.count === 0 || tb.count === 0) return { mean: null, ci95: null };
  const mean = tb.mean - ta.mean;
  if (ta.count < 2 || tb.count < 2) return { mean, ci95: null };
  return welchInterval(mean, (ta.sd * ta.sd) / ta.count, ta.count, (tb.sd * tb.sd) / tb.count, tb.count);
}

/** The Welch–Satterthwaite interval around `mean` from the two sides' squared standard errors and sizes (see the header). */
function welchInterval(mean: number, va: number, na: number, vb: number, nb: number): Estimate {
  const se2 = va + vb;
  if (se2 === 0) return { mean, ci95: [mean, mean] };
  const df = (se2 * se2) / ((va * va) / (na - 1) + (vb * vb) / (nb - 1));
  const h = tQuantile(0.975, df) * Math.sqrt(se2);
  return { mean, ci95: [mean - h, mean + h] };
}

type Parts = readonly (readonly [number, number] | null)[];

/**
 * The paired difference of two rates estimated as ratios of sums (confidence.ts RatioSums):
 * R_B − R_A, with the interval of the linearised residuals replication by replication,
 *
 *   e_k = (y_Bk − R_B·x_Bk) / x̄_B − (y_Ak − R_A·x_Ak) / x̄_A,    R_B − R_A ± t(0.975, n−1) · s_e / √n
 *
 * (the delta method applied to both ratios at once: common random numbers narrow it as they do
 * a plain paired difference). Its mean is the difference of the two rates as each run reports it.
 */
export function pairedRatioDifference(base: Parts, other: Parts): Estimate {
  if (base.length !== other.length) throw new RangeError(`pairedRatioDifference: ${base.length} and ${other.length} replications; pairs need the same number`);
  const ks: number[] = [];
  let ya = 0, xa = 0, yb = 0, xb = 0;
  for (let k = 0; k < base.length; k++) {
    const a = base[k], b = other[k];
    if (a === null || b === null) continue;
    ks.push(k);
    ya += a[0]; xa += a[1]; yb += b[0]; xb += b[1];
  }
  if (!(xa > 0) || !(xb > 0)) return { mean: null, ci95: null };
  const ra = ya / xa, rb = yb / xb, n = ks.length, mean = rb - ra;
  if (n < 2) return { mean, ci95: null };
  const t = new Tally();
  for (const k of ks) t.add((other[k]![0] - rb * other[k]![1]) / (xb / n) - (base[k]![0] - ra * base[k]![1]) / (xa / n));
  const h = halfWidth(n, t.sd);
  return { mean, ci95: [mean - h, mean + h] };
}

/** Welch's interval for R_B − R_A, the two rates' samples taken as independent (each with its ratio-estimator standard error). */
export function welchRatioDifference(base: Parts, other: Parts): Estimate {
  const side = (ps: Parts) => {
    const s = new RatioSums();
    for (const p of ps) if (p !== null) s.add(p[0], p[1]);
    return s;
  };
  const a = side(base), b = side(other);
  if (!(a.sx > 0) || !(b.sx > 0)) return { mean: null, ci95: null };
  const mean = b.sy / b.sx - a.sy / a.sx;
  if (a.n < 2 || b.n < 2) return { mean, ci95: null };
  return welchInterval(mean, ratioStandardError(a) ** 2, a.n, ratioStandardError(b) ** 2, b.n);
}

/** Whether an interval contains 0 (its ends included). */
export function coversZero(ci: readonly [number, number]): boolean {
  return ci[0] <= 0 && ci[1] >= 0;
}

/** Headline metrics, in the order the comparison shows them (the KPI catalogue's list, src/kpi/headline.ts). */
export const HEADLINE_METRICS = HEADLINE_KPIS;

/**
 * The headline keys present in every scenario's results. Channels and tiers appear in the
 * order of their first appearance (the first scenario's, then any later ones'); a channel's
 * metrics are kept together, then the funnel, tier occupancies, costs and retention.
 */
export function headlineKeys(keySets: readonly (readonly string[])[]): string[] {
  if (keySets.length === 0) return [];
  const entities = (prefix: "channel" | "tier", metric: string, out: string[]) => {
    for (const keys of keySets) {
      for (const k of keys) {
        if (k.startsWith(`${prefix}.`) && k.endsWith(`.${metric}`)) {
          const name = k.slice(prefix.length + 1, k.length - metric.length - 1);
          if (!out.includes(name)) out.push(name);
        }
      }
    }
  };
  const channels: string[] = [], tiers: string[] = [];
  for (const h of HEADLINE_METRICS) if (h.entity) entities(h.entity, h.metric, h.entity === "channel" ? channels : tiers);
  const candidates: string[] = [];
  const channelMetrics = HEADLINE_METRICS.filter((h) => h.entity === "channel");
  for (const c of channels) for (const h of channelMetrics) candidates.push(`channel.${c}.${h.metric}`);
  for (const h of HEADLINE_METRICS) {
    if (h.entity === "channel") continue;
    if (h.entity === "tier") for (const t of tiers) candidates.push(`tier.${t}.${h.metric}`);
    else candidates.push(h.metric);
  }
  const sets = keySets.map((k) => new Set(k));
  return candidates.filter((k) => sets.every((s) => s.has(k)));
}

/**
 * Labels that tell the scenarios apart: each scenario's `name`. Among scenarios sharing a name,
 * the file name without ".json" is used when that tells them apart, else the path as given;
 * when neither does (the same file given twice), the name with " #2", " #3" … from the second
 * occurrence on. A label still taken twice after that gets the same suffix.
 */
export function uniqueLabels(entries: readonly { name: string; file: string }[]): string[] {
  const stem = (f: string) => f.replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
  const distinct = (xs: readonly string[]) => new Set(xs).size === xs.length;
  const labels = entries.map((e) => e.name);
  const groups = new Map<string, number[]>();
  entries.forEach((e, i) => groups.set(e.name, [...(groups.get(e.name) ?? []), i]));
  for (const idx of groups.values()) {
    if (idx.length < 2) continue;
    const stems = idx.map((i) => stem(entries[i].file));
    const paths = idx.map((i) => entries[i].file);
    const chosen = distinct(stems) ? stems : distinct(paths) ? paths : null;
    if (chosen) idx.forEach((i, k) => (labels[i] = chosen[k]));
  }
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} #${n}`;
  });
}

/**
 * Compare runs (already made with the same seed and replication indices): each headline
 * metric's estimate per scenario (as the run reported it, clipped to the metric's range) and
 * the paired and Welch differences of every later scenario against the first.
 */
export function compareRuns(
  scenarios: readonly ComparedScenario[],
  runs: readonly (Pick<RunStatistics, "replications" | "estimates"> & Partial<Pick<RunStatistics, "ratioParts">>)[],
  settings: { seed: number; replications: number; currency: string },
): Comparison {
  if (runs.length !== scenarios.length) throw new RangeError(`compareRuns: ${scenarios.length} scenarios but ${runs.length} runs`);
  if (runs.length < 2) throw new RangeError(`compareRuns: expected at least two runs, got ${runs.length}`);
  // the headline KPIs, then the user-defined metrics every run has (userMetrics.ts)
  const mine = Object.keys(runs[0].replications[0] ?? {}).filter((k) => k.startsWith("metric.") && runs.every((r) => k in (r.replications[0] ?? {})));
  const keys = [...headlineKeys(runs.map((r) => Object.keys(r.replications[0] ?? {}))), ...mine];
  const ref = runs[0];
  const metrics: Record<string, MetricComparison> = {};
  for (const key of keys) {
    const base = column(ref.replications, key);
    // a rate (every run has its parts) is compared as ratios of sums, anything else replication by replication
    const partsOf = (r: (typeof runs)[number]): Parts | null => (r.ratioParts !== undefined && r.ratioParts.length > 0 && key in r.ratioParts[0] ? r.ratioParts.map((p) => p[key] ?? null) : null);
    const baseParts = partsOf(ref);
    const differences = runs.slice(1).map((r): Difference => {
      const other = column(r.replications, key), otherParts = partsOf(r);
      const asRates = baseParts !== null && otherParts !== null;
      const paired = asRates ? pairedRatioDifference(baseParts, otherParts) : pairedDifference(base, other);
      return {
        against: scenarios[0].label,
        mean: paired.mean,
        ci95: paired.ci95,
        ci95Unpaired: (asRates ? welchRatioDifference(baseParts, otherParts) : welchDifference(base, other)).ci95,
        significant: paired.ci95 !== null && !coversZero(paired.ci95),
      };
    });
    metrics[key] = { values: runs.map((r) => r.estimates[key] ?? { mean: null, ci95: null }), differences };
  }
  return { scenarios: scenarios.map((s) => ({ ...s })), seed: settings.seed, replications: settings.replications, currency: settings.currency, metrics, mode: FIXED_STAFFING };
}

/** A scenario ready to run: its label, built model and horizon. */
export interface CompareInput {
  label: string;
  config: SupportConfig;
  horizonHours: number;
  warmupHours: number;
}

/**
 * Run every scenario with the same seed and replications (common random numbers) and compare
 * them; the (scenario, replication) tasks share one pool of `threads` worker threads (default 1),
 * with the same results whatever the count. `onReplication(done, total)` counts every
 * task done. The runs themselves come back too (for each scenario's full results and charts).
 */
export async function compareSupport(
  inputs: readonly CompareInput[],
  opts: { seed: number; replications: number; threads?: number; onReplication?: (done: number, total: number) => void; mode?: string; sizing?: ScenarioSizing[]; metrics?: readonly UserMetric[] },
): Promise<{ comparison: Comparison; runs: RunStatistics[] }> {
  const runs = (await runManyParallel(
    inputs.map((i) => i.config),
    { seed: opts.seed, replications: opts.replications, threads: opts.threads ?? 1, onReplication: opts.onReplication },
  )).map((r) => runWithUserMetrics(r, opts.metrics ?? []));
  const comparison = compareRuns(
    inputs.map((i) => ({ label: i.label, horizonHours: i.horizonHours, warmupHours: i.warmupHours })),
    runs,
    { seed: opts.seed, replications: opts.replications, currency: inputs[0].config.costs.currency },
  );
  return { comparison: { ...comparison, mode: opts.mode ?? FIXED_STAFFING, ...(opts.sizing ? { sizing: opts.sizing } : {}) }, runs };
}

/** The JSON form printed by `compare --json` and written to results.json. */
export function comparisonJson(c: Comparison): {
  scenarios: string[];
  seed: number;
  replications: number;
  mode: string;
  sizing?: ScenarioSizing[];
  metrics: Record<string, MetricComparison>;
} {
  return { scenarios: c.scenarios.map((s) => s.label), seed: c.seed, replications: c.replications, mode: c.mode, ...(c.sizing ? { sizing: c.sizing } : {}), metrics: c.metrics };
}
