/**
 * Experience and retention: how the outcome of a customer's support needs moves its churn
 * (docs/model.md §20; configuration `RetentionConfig` in config.ts). The reference is a
 * customer with no need at all: M = 1, churning at its segment's base rate (calibrated so that
 * the status quo reproduces the input churn: churnBand.ts, analysis/experiments/statusQuo.ts).
 *
 * The ladder. Each finished need gets a row r on a four-row ladder of outcomes
 *
 *   0 = resolved quickly (first contact, within target; or self-served)
 *   1 = resolved otherwise (slowly, after a repeat, escalated …)
 *   2 = contacted but unresolved, or abandoned (without a redial that resolved it)
 *   3 = never contacted (the need stayed latent: unserved / suppressed demand)
 *
 * plus effort weights w (rows) the caller adds for what happened on the way (transfers,
 * escalations, repeats, channel switches, long waits, failed self-service; a proactive notice
 * subtracts): r = clamp(r_outcome + Σ w, 0, 3) (`clampRow`). Long waits count
 * `weights.longWait` rows per target's worth of wait beyond the target (`longWaitRows`):
 *
 *   w_wait = longWait · max(0, W/target − 1)
 *
 * Churn multiplier. A calibration table gives M at the rows 0…3, one column for minor needs
 * and one for major or critical ones (`CALIBRATIONS`). Between rows ln M is interpolated
 * linearly (`ExperienceLadder.logMultiplier`): with i = min(⌊r⌋, 2), f = r − i,
 *
 *   ln M(r) = (1 − f) · ln M_i + f · ln M_{i+1}
 *
 * e.g. row 0.5 of a minor need: M = exp((ln 1 + ln 6)/2) = √6. Row 0 ("resolved quickly") is
 * M = 1, the same as no need; every other row raises churn.
 *
 * Memory. A customer's experience is e = ln M, recorded at time t_e
 * (CustomerBase.recordExperience), fading toward 0 (no need) with half-life H:
 *
 *   ln M(t) = e · 2^(−(t − t_e)/H)                                         (`decayLogMultiplier`)
 *
 * A need replaces what is left of the earlier ones only if it is worse (`ExperienceLadder.combine`):
 * the customer remembers its worst recent outcome, fading, so fewer needs never raise it.
 * A customer with no recorded experience has M ≡ 1.
 *
 * Churn (CustomerFlows in customerFlows.ts): a hazard segment's customer i churns at hazard
 * h₀_g · M_i(t); a renewal segment's customer churns at each anniversary a = joined + k·term
 * (k ≥ 1) with probability min(1, ℓ₀_g · M_i(a)); h₀ and ℓ₀ are the calibrated base rates.
 *
 * Revenue at risk (`revenueAtRisk`): the expected annual revenue lost over the next year
 * because of experience, beyond what a customer without needs would lose:
 *
 *   Σ_{i active} revenuePerYear_g · (P_year(M_i) − P_year(1))
 *
 * - hazard: P_year = 1 − exp(−Λ), Λ = h₀ ∫_0^Y exp(e₀ · 2^(−s/H)) ds with e₀ = ln M_i(now) and
 *   Y = one year (`DAYS_365_MINUTES`, 365 days). With x = e₀ · 2^(−s/H) the integral is
 *   (H/ln 2) · [Ei(e₀) − Ei(e₀·q)], q = 2^(−Y/H), and the series Ei(x) = γ + ln|x| + Σ x^k/(k·k!)
 *   gives, exactly (the logarithms cancel to Y·ln 2/H; no singularity at e₀ = 0):
 *
 *     Λ = h₀ · [ Y + (H/ln 2) · Σ_{k≥1} e₀^k (1 − q^k) / (k · k!) ]          (`cumulativeHazardFactor`)
 *
 *   (H = ∞: Λ = h·Y·e^{e₀}). The series is summed until its terms vanish (|e₀| ≤ a few).
 * - renewal: each anniversary a in [now, now + Y) is a draw with probability
 *   p(a) = min(1, ℓ₀·M_i(a)), so P_year = 1 − Π_a (1 − p(a)). With term = one year this is
 *   min(1, ℓ₀·M_i(next anniversary)); a term longer than the year may have no
 *   anniversary in it (P_year = 0).
 *
 * CSAT proxy (`isSatisfied`): a need counts as "satisfied" when its final row is < 1 (resolved
 * quickly with little effort). This is a proxy [A], not a survey model: SQM reports that FCR
 * and top-box CSAT move together (+1 pt FCR ≈ +1 pt CSAT), and row 0 is "first contact,
 * within target".
 */
import type { CustomerBase } from "./customerBase.js";
import { DAYS_365_MINUTES, DAY_MINUTES } from "../../time/units.js";
import type { RetentionConfig, SegmentConfig } from "../config.js";

const LN2 = Math.LN2;

/** Ladder rows of the outcomes (before effort weights). */
export const ROW_QUICK = 0;
export const ROW_RESOLVED = 1;
export const ROW_UNRESOLVED = 2;
export const ROW_UNSERVED = 3;
export const MAX_ROW = 3;
/**
 * A need deflected by a proactive known-issue notice: the customer has the problem until the
 * fix, but did not have to ask — half-way between resolved quickly and resolved slowly [A]
 * (before the notice's own credit, `weights.notified`).
 */
export const ROW_NOTICE = 0.5;

export type CalibrationName = "tarp" | "pessimistic" | "optimistic";

/** Churn multipliers at rows 0…3 for minor needs and for major or critical ones. */
export interface Calibration {
  readonly minor: readonly number[];
  readonly major: readonly number[];
}

/*
 * TARP, loyalty after a problem (customerservicezone.com; fastcompany.com):
 * share who WOULD buy again, by outcome — small problem: 37% no complaint / 46% complained,
 * not satisfied / 70% satisfied / 95% satisfied quickly; problem > $100: 9 / 19 / 54 / 82%.
 * The share NOT buying again is the complement:
 *
 *                         quickly  resolved  unresolved  never contacted
 *   minor (not buying)      5%       30%        54%          63%
 *   major (not buying)     18%       46%        81%          91%
 *
 * The reference is a customer with no need at all (M = 1, the segment's calibrated base rate).
 * A need resolved quickly and well leaves loyalty at that of no need: the "service recovery
 * paradox" raises satisfaction but not repurchase or loyalty (de Matos, Henrique & Rossi,
 * J. Service Research 2007; Halstead & Page 1992), so M(quickly) = 1, never below. Every worse
 * outcome raises churn by TARP's ratio to "resolved quickly", applied as a hazard ratio (or to
 * the renewal lapse, capped at 1), so probabilities stay in [0, 1]:
 *
 *   minor:  5/5 = 1,  30/5 = 6,     54/5 = 10.8,  63/5 = 12.6
 *   major: 18/18 = 1, 46/18 = 2.56, 81/18 = 4.5,  91/18 = 5.06
 *
 * The sizes are TARP's ratios but their use as hazard ratios that fade with the memory's
 * half-life is an assumption [A]; the optimistic and pessimistic calibrations (half and 1.5×
 * the log effect) are the band reported beside every churn figure.
 */
const TARP: Calibration = {
  minor: [1, 30 / 5, 54 / 5, 63 / 5],
  major: [1, 46 / 18, 81 / 18, 91 / 18],
};

/** Log-effect scales of the band around the central calibration [A]: optimistic ½, pessimistic 1.5×. */
export const BAND_SCALES = Object.freeze({ optimistic: 0.5, pessimistic: 1.5 });

/** The table with every log effect scaled by k: M ↦ M^k (row 0 stays 1). */
function scaled(c: Calibration, k: number): Calibration {
  return { minor: c.minor.map((m) => Math.pow(m, k)), major: c.major.map((m) => Math.pow(m, k)) };
}

/**
 * The calibrations of the multiplier table:
 *
 * - "tarp" (default): TARP's "not buying again" shares as ratios to "resolved quickly" (above).
 * - "optimistic" / "pessimistic": the log effects scaled by BAND_SCALES, M = M_tarp^½ and
 *   M_tarp^1.5 [A]. Cross-check: unresolved against resolved-slowly is 1.8× in TARP's minor
 *   column, 5× in SQM (2008) and 8× in CFI Group (2007, twice.com); the
 *   pessimistic setting gives 2.4×, so those sources lie beyond the band on that ratio.
 * Whatever the central table, the band reported beside it is always these two.
 */
export const CALIBRATIONS: Readonly<Record<CalibrationName, Calibration>> = Object.freeze({
  tarp: TARP,
  optimistic: scaled(TARP, BAND_SCALES.optimistic),
  pessimistic: scaled(TARP, BAND_SCALES.pessimistic),
});

/**
 * Default effort weights, in ladder rows (positive = a worse outcome).
 * - repeat 1: CEB "The Effortless Experience" (96% of high-effort customers became more
 *   disloyal vs 9% of low-effort ones): high effort moves the outcome a row down.
 * - transfer 0.25, escalation 0.5, channelSwitch 0.5: effort drivers CEB names (transfers,
 *   channel switches); their sizes are [A].
 * - longWait 0.5 per target's worth of wait beyond the channel's target [A].
 * - selfServiceFailed 0.5 [A]: a failed self-service attempt is a bad experience in itself (75%
 *   switch channel when online help fails, Gartner; CEB names it an effort driver); the switch itself
 *   is weighted separately).
 * - notified −0.25: a proactive known-issue notice is a satisfier [A] (size unsourced).
 */
export const DEFAULT_RETENTION_WEIGHTS: Readonly<RetentionConfig["weights"]> = Object.freeze({
  transfer: 0.25,
  escalation: 0.5,
  repeat: 1,
  channelSwitch: 0.5,
  longWait: 0.5,
  selfServiceFailed: 0.5,
  notified: -0.25,
});

/** Half-life of a remembered experience, days [A]. */
export const DEFAULT_HALF_LIFE_DAYS = 365;

/** A complete retention configuration from a named calibration, default weights and half-life (minutes). */
export function defaultRetentionConfig(calibration: CalibrationName = "tarp"): RetentionConfig {
  const c = calibrationOf(calibration);
  return {
    calibration,
    multipliers: { minor: [...c.minor], major: [...c.major] },
    weights: { ...DEFAULT_RETENTION_WEIGHTS },
    halfLife: DEFAULT_HALF_LIFE_DAYS * DAY_MINUTES,
    bandScales: [BAND_SCALES.optimistic, 1, BAND_SCALES.pessimistic],
    baseFactors: [],
    initialExperience: [],
  };
}

/** The named calibration; throws RangeError for an unknown name. */
export function calibrationOf(name: string): Calibration {
  if (!Object.prototype.hasOwnProperty.call(CALIBRATIONS, name)) {
    throw new RangeError(`unknown retention calibration ${JSON.stringify(name)} (known: ${Object.keys(CALIBRATIONS).join(", ")})`);
  }
  return CALIBRATIONS[name as CalibrationName];
}

/** A row clamped to [0, 3]. NaN is an error. */
export function clampRow(row: number): number {
  if (row !== row) throw new RangeError("ladder row is NaN");
  return row < 0 ? 0 : row > MAX_ROW ? MAX_ROW : row;
}

/** Effort rows of a wait: perTarget · max(0, wait/target − 1); 0 when the target is not positive. */
export function longWaitRows(wait: number, target: number, perTarget: number): number {
  if (!(target > 0)) return 0;
  const over = wait / target - 1;
  return over > 0 ? perTarget * over : 0;
}

/** CSAT proxy [A]: a need is "satisfied" when its final row is < 1. */
export function isSatisfied(row: number): boolean {
  return row < 1;
}

/** ln M after `age` minutes of fading with half-life H: e · 2^(−age/H); age < 0 counts as 0; H = ∞ never fades. */
export function decayLogMultiplier(e: number, age: number, halfLife: number): number {
  if (e === 0 || !(age > 0)) return e;
  return e * Math.pow(2, -age / halfLife);
}

/**
 * The ladder: rows to churn multipliers by log-linear interpolation in the calibration table,
 * plus the half-life of the memory. `cfg.multipliers` are used when both columns have 4
 * values; when both are empty the named `cfg.calibration` supplies them.
 */
export class ExperienceLadder {
  /** Largest M over both columns (log-linear interpolation never exceeds the table's extremes). */
  readonly maxMultiplier: number;
  /** Smallest M over both columns. */
  readonly minMultiplier: number;
  /** Half-life of a remembered experience, minutes. */
  readonly halfLife: number;
  /** ln M: minor rows 0…3 then major rows 0…3. */
  private readonly logTable = new Float64Array(8);

  constructor(readonly cfg: RetentionConfig) {
    const given: Calibration = cfg.multipliers;
    const { minor, major } = given.minor.length === 0 && given.major.length === 0 ? calibrationOf(cfg.calibration) : given;
    let max = -Infinity, min = Infinity;
    for (const [col, name] of [[minor, "minor"], [major, "major"]] as const) {
      if (col.length !== 4) throw new RangeError(`retention multipliers.${name} needs 4 values (rows 0..3), got ${col.length}`);
      for (let r = 0; r < 4; r++) {
        const m = col[r];
        if (!(m > 0) || !Number.isFinite(m)) throw new RangeError(`retention multipliers.${name}[${r}] must be a finite number > 0, got ${m}`);
        this.logTable[(name === "major" ? 4 : 0) + r] = Math.log(m);
        if (m > max) max = m;
        if (m < min) min = m;
      }
    }
    if (!(cfg.halfLife > 0)) throw new RangeError(`retention halfLife must be > 0 minutes (Infinity: no fading), got ${cfg.halfLife}`);
    this.maxMultiplier = max;
    this.minMultiplier = min;
    this.halfLife = cfg.halfLife;
  }

  /** ln M at a row (clamped to [0, 3]), interpolated linearly in ln M between integer rows. */
  logMultiplier(row: number, major: boolean): number {
    const r = clampRow(row);
    const i = r >= 2 ? 2 : r >= 1 ? 1 : 0;
    const f = r - i;
    const o = major ? 4 + i : i;
    const t = this.logTable;
    return f === 0 ? t[o] : (1 - f) * t[o] + f * t[o + 1];
  }

  /**
   * A customer's experience after a need with log multiplier `logM`, given what it remembers
   * now (`eNow`, already faded): the worse of the two [A]. TARP's ratios are those of a
   * customer's most recent problem; multiplying them over needs (the product form Π_j M_j) would put
   * a customer with a few slow answers a year — a B2B customer has about eight needs a year — at
   * the table's top, where no change in service could move it. The worst remembered outcome,
   * fading, stays within the table, and fewer needs never raise it (a maximum over fewer).
   */
  combine(eNow: number, logM: number): number {
    return logM > eNow ? logM : eNow;
  }

  /** M at a row: exp(logMultiplier). */
  multiplier(row: number, major: boolean): number {
    return Math.exp(this.logMultiplier(row, major));
  }
}

/**
 * The cumulative-hazard factor over the next `span` minutes of a customer whose ln M is e₀
 * now and fades with half-life H: ∫_0^span exp(e₀·2^(−s/H)) ds (minutes; = span when e₀ = 0).
 * Exact series (header); multiply by the base hazard h for Λ.
 */
export function cumulativeHazardFactor(e0: number, span: number, halfLife: number): number {
  if (!(span > 0)) return 0;
  return span + excessHazardFactor(e0, span, halfLife);
}

/**
 * The excess over a neutral customer: ∫_0^span (exp(e₀·2^(−s/H)) − 1) ds, the series of the
 * header without its leading `span` (no cancellation when e₀ is small).
 */
export function excessHazardFactor(e0: number, span: number, halfLife: number): number {
  if (!(span > 0) || e0 === 0) return 0;
  if (halfLife === Infinity) return span * Math.expm1(e0);
  // Σ_k≥1 e₀^k/k! · (1 − q^k)/k with q = 2^(−span/H). The factors 1 − q^k come from one expm1 by
  // 1 − q^k = (1 − q^(k−1)) + q^(k−1)·(1 − q): a sum of non-negative parts, so no cancellation
  // when q is near 1 (a span short against H), and one transcendental call per series, not one per term.
  const lnq = (-span * LN2) / halfLife;
  const d1 = -Math.expm1(lnq), q = Math.exp(lnq);
  let sum = 0, c = 1, d = d1, qk = 1;
  for (let k = 1; k <= 200; k++) {
    c *= e0 / k; // e₀^k / k!
    const term = (c * d) / k;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
    qk *= q;
    d += qk * d1;
  }
  return (halfLife / LN2) * sum;
}

/** A calibration of the base rates and a log scale of the experience (churnExposure.ts bands). */
export interface BaseCalibration {
  /** Factor on each segment's input hazard or lapse (per segment). */
  factor: ArrayLike<number>;
  /** Log scale k of the recorded experience (M ↦ M^k); 1 = the central table. */
  scale: number;
}

const UNCALIBRATED: BaseCalibration = { factor: { length: 0 }, scale: 1 };

/**
 * Probability that active customer `id` churns within the next `span` minutes from `now`
 * under its segment's mode, with base factor `f` on the input rate and its experience
 * (ln M scaled by `scale`) or, when `neutral`, M = 1.
 */
function churnProbability(base: CustomerBase, s: SegmentConfig, f: number, scale: number, id: number, now: number, halfLife: number, span: number, neutral: boolean): number {
  const e0 = neutral ? 0 : scale * decayLogMultiplier(base.experience[id], now - base.experienceAt[id], halfLife);
  if (s.churnMode === "renewal") {
    const T = s.term, j = base.joined[id];
    let k = Math.ceil((now - j) / T);
    if (k < 1) k = 1;
    while (k > 1 && j + (k - 1) * T >= now) k--;
    while (j + k * T < now) k++;
    const end = now + span;
    let survive = 1;
    for (let a = j + k * T; a < end; a = j + ++k * T) {
      const m = e0 === 0 ? 1 : Math.exp(decayLogMultiplier(e0, a - now, halfLife));
      const p = (1 - s.renewalRate) * f * m;
      survive *= p >= 1 ? 0 : 1 - p;
      if (survive === 0) break;
    }
    return 1 - survive;
  }
  const lambda = s.churnPerMinute * f * cumulativeHazardFactor(e0, span, halfLife);
  return -Math.expm1(-lambda);
}

/**
 * Revenue at risk from experience: Σ over active customers of revenuePerYear_g ·
 * (P(M_i) − P(1)), P the probability of churning within the next `span` minutes (default one
 * year) under the segment's mode and calibrated base rate (header). If `bySegment` is given, it
 * receives the per-segment sums (zeroed first); if `parts` is given, it receives the two sides
 * apart: `atRisk` = Σ of the positive terms (customers whose experience raised their churn) and
 * `protected` = −Σ of the negative ones (kept by an experience better than none: only with
 * multipliers below 1), and `excessChurners` = Σ (P(M_i) − P(1)): the customers expected to
 * leave within the span because of their experience. `calibrated`: the base factors per
 * segment and the log scale of the band (default: input rates, central table).
 */
export function revenueAtRisk(
  base: CustomerBase,
  segments: readonly SegmentConfig[],
  halfLife: number | ExperienceLadder,
  now: number,
  span = DAYS_365_MINUTES,
  bySegment?: Float64Array,
  parts?: { atRisk: number; protected: number; excessChurners: number },
  calibrated: BaseCalibration = UNCALIBRATED,
): number {
  const H = typeof halfLife === "number" ? halfLife : halfLife.halfLife;
  if (!(H > 0)) throw new RangeError(`halfLife must be > 0, got ${H}`);
  if (bySegment) bySegment.fill(0);
  if (parts) { parts.atRisk = 0; parts.protected = 0; parts.excessChurners = 0; }
  const G = segments.length;
  const factor = (g: number) => (calibrated.factor.length > 0 ? calibrated.factor[g] : 1);
  // neutral probabilities of hazard segments are the same for every customer
  const neutralHazard = new Float64Array(G);
  for (let g = 0; g < G; g++) neutralHazard[g] = -Math.expm1(-segments[g].churnPerMinute * factor(g) * span);
  let total = 0;
  const n = base.activeCount, active = base.active;
  for (let p = 0; p < n; p++) {
    const id = active[p];
    if (base.experience[id] === 0) continue; // M ≡ 1: no risk either way
    const g = base.segment[id], s = segments[g], f = factor(g);
    const pM = churnProbability(base, s, f, calibrated.scale, id, now, H, span, false);
    const p1 = s.churnMode === "renewal" ? churnProbability(base, s, f, 1, id, now, H, span, true) : neutralHazard[g];
    const r = s.revenuePerYear * (pM - p1);
    total += r;
    if (bySegment) bySegment[g] += r;
    if (parts) {
      if (r > 0) parts.atRisk += r; else parts.protected -= r;
      parts.excessChurners += pM - p1;
    }
  }
  return total;
}

/** Σ over active customers of their segment's revenuePerYear. */
export function annualRevenue(base: CustomerBase, segments: readonly SegmentConfig[]): number {
  let sum = 0;
  for (let g = 0; g < segments.length; g++) sum += base.activeBySegment[g] * segments[g].revenuePerYear;
  return sum;
}
