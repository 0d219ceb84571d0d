/**
 * The shift-left / KCS (Knowledge-Centered Service) programme of `KcsConfig`
 * (src/model/supportConfig.ts): from `start`, knowledge capture and reuse ramp in over `ramp`
 * minutes and change knowledge-base coverage, tier resolution and handle times.
 *
 * Ramp. With x = (t − start) / ramp,
 *
 *   ρ(t) = 0                      t < start
 *        = x          (linear)    start ≤ t < start + ramp
 *        = 3x² − 2x³  (s-curve)   start ≤ t < start + ramp   (slow start, fast middle, slow end)
 *        = 1                      t ≥ start + ramp            (ramp 0: a step at `start`)
 *
 * Effects at time t (k = need type, j = tier; c0_k the need type's base `kbCoverage`, p0_jk the
 * tier's base resolution of need type k, s = the self-service `successAtFullCoverage`):
 *
 *   coverage_k(t)     = c0_k + (coverage[k] − c0_k) · ρ(t)
 *   resolve_jk(t)     = p0_jk + (1 − p0_jk) · resolveGain[j] · ρ(t) · coverage_k(t)
 *   handleFactor_jk(t)= (1 + (handleTimeFactor[j] − 1) · ρ(t))
 *                       × (1 + complexityUplift · s · (coverage_k(t) − c0_k))
 *   articleTime_j(t)  = articleTime[j] for t ≥ start, else 0
 *
 * - Coverage: a target BELOW the base is accepted (coverage is lost, e.g. a knowledge base
 *   that goes stale in a product change); every value stays in [0, 1] since it lies between
 *   two values in [0, 1]. Then the complexity factor below is < 1 (what self-service no longer
 *   contains are easy contacts, which makes the assisted mix easier); the constructor rejects
 *   a configuration whose factor would reach 0.
 * - Resolution: the gain scales with ρ(t) × coverage_k(t), NOT with the coverage gain since
 *   the base. KCS is first an agent practice ("search early, search often", capture in the
 *   workflow): agents who take part resolve what the knowledge base covers — old articles as
 *   well as new ones — so the effect is (share of the practice adopted, ρ) × (share of the need
 *   type covered) × (how much of the unresolved remainder an article lets the tier resolve,
 *   `resolveGain`). The KCS benefits at 3–9 months (better FCR, fewer escalations) come before
 *   the self-service benefits at 9–18 months, i.e. without coverage growth, which a gain tied
 *   to coverage growth could not show. At ρ = 1 this is the formula of `KcsConfig`; at
 *   t < start it is exactly p0 (ρ = 0), so the baseline is untouched. resolveGain ∈ [0, 1]
 *   keeps resolve in [p0, 1].
 * - Handle time: agents who reuse articles work faster (`handleTimeFactor`, ramping in), and
 *   the "deflection trap": what the knowledge base contains are the easy contacts, so the
 *   assisted contacts left of type k take longer in proportion to the containment gained,
 *   s·coverage_k(t) − s·c0_k (= containment_k(t) − containment_k(0), with containment as in
 *   selfService.ts). Both factors are exactly 1 before `start`.
 * - Article time: from `start`, agents of tier j spend the share articleTime[j] of their floor
 *   time writing and improving articles (the model takes it off their capacity).
 * - Cost: `costPerMinute` from `start` on (tooling, coaching), 0 before.
 *
 * Sources: KCS v6 Adoption Guide, "KCS Benefits" [KCS-Benefits] (library.serviceinnovation.org,
 * quoted in docs/sources.md and verified in docs/sources.md): within 3–9 months time to
 * resolution −25–50 %, better first-contact resolution, fewer escalations; within 9–18 months
 * better self-service success and shorter training. The defaults (`KCS_DEFAULTS`) follow.
 *
 * `update(t)` writes the typed arrays `coverage` (K), `resolve`, `handleFactor` (T × K, index
 * j·K + k) and `articleTime` (T) in place; the model copies (or shares) them into the
 * simulation. It allocates nothing. A model may share `coverage` with SelfService
 * (selfService.ts) directly: then `update` moves containment as well.
 */
import { MONTH_MINUTES } from "../../time/units.js";
import type { KcsConfig } from "../config.js";

/**
 * Suggested defaults of a KCS programme (per tier values are for the tiers that take part;
 * a tier that does not take part has handleTimeFactor 1, resolveGain 0, articleTime 0):
 * - ramp: 9 months, s-curve — [KCS-Benefits] places the first benefits within 3–9 months; the
 *   S shape (slow adoption, then spread, then saturation) is [A].
 * - handleTimeFactor 0.75: the low end of the −25–50 % in time to resolution [KCS-Benefits];
 *   reading resolution time as handle time is [A].
 * - resolveGain 0.3 [A]: an article lets a tier resolve 30 % of the covered remainder it
 *   used to send on ("better FCR, fewer escalations", [KCS-Benefits], gives no figure).
 * - articleTime 0.05 [A]: 5 % of floor time on capture and improvement of articles.
 * - complexityUplift 0.5 [A]: a contact left after self-service gained containment Δ takes
 *   (1 + 0.5·Δ) × longer.
 * - costPerMinute 0 [A]: no figure; set the programme's own cost (tooling, coaching).
 * Coverage targets have no default: they are per need type (see `defaultKcsConfig`).
 */
export const KCS_DEFAULTS = {
  ramp: 9 * MONTH_MINUTES,
  shape: "s-curve" as const,
  handleTimeFactor: 0.75,
  resolveGain: 0.3,
  articleTime: 0.05,
  complexityUplift: 0.5,
  costPerMinute: 0,
} as const;

/** A KcsConfig with `KCS_DEFAULTS` for the tiers where `takesPart[j]` is true (neutral values elsewhere). */
export function defaultKcsConfig(start: number, coverage: readonly number[], takesPart: readonly boolean[]): KcsConfig {
  const D = KCS_DEFAULTS;
  return {
    start,
    ramp: D.ramp,
    shape: D.shape,
    coverage: [...coverage],
    resolveGain: takesPart.map((p) => (p ? D.resolveGain : 0)),
    handleTimeFactor: takesPart.map((p) => (p ? D.handleTimeFactor : 1)),
    articleTime: takesPart.map((p) => (p ? D.articleTime : 0)),
    complexityUplift: D.complexityUplift,
    costPerMinute: D.costPerMinute,
  };
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new RangeError(`kcs: ${what}`);
}
const isShare = (v: number): boolean => v >= 0 && v <= 1;
const isCount = (v: number): boolean => Number.isInteger(v) && v >= 0;

export class KcsProgram {
  /** coverage_k(t) of the last `update` (length K); starts at the base coverage. */
  readonly coverage: Float64Array;
  /** resolve_jk(t) of the last `update`, index j·K + k; starts at the base resolution. */
  readonly resolve: Float64Array;
  /** handleFactor_jk(t) of the last `update`, index j·K + k; starts at 1. */
  readonly handleFactor: Float64Array;
  /** articleTime_j(t) of the last `update` (share of floor time on articles); starts at 0. */
  readonly articleTime: Float64Array;

  private readonly baseCov: Float64Array;
  private readonly targetCov: Float64Array;
  private readonly baseRes: Float64Array;
  private readonly gain: Float64Array;
  private readonly htf: Float64Array;
  private readonly article: Float64Array;
  private readonly start: number;
  private readonly rampLength: number;
  private readonly sCurve: boolean;
  private readonly uplift: number;
  private readonly cost: number;

  constructor(
    cfg: KcsConfig,
    baseCoverage: readonly number[] | Float64Array,
    baseResolve: (tier: number, need: number) => number,
    readonly tiers: number,
    readonly needTypes: number,
    /** Self-service `successAtFullCoverage`: containment_k = selfServiceSuccess × coverage_k. */
    readonly selfServiceSuccess: number,
  ) {
    const T = tiers, K = needTypes;
    check(isCount(T) && isCount(K), `tiers and needTypes must be integers >= 0, got ${T} and ${K}`);
    check(Number.isFinite(cfg.start), `start must be a finite time, got ${cfg.start}`);
    check(cfg.ramp >= 0 && Number.isFinite(cfg.ramp), `ramp must be a finite number of minutes >= 0, got ${cfg.ramp}`);
    check(cfg.shape === "linear" || cfg.shape === "s-curve", `shape must be "linear" or "s-curve", got ${String(cfg.shape)}`);
    check(isShare(selfServiceSuccess), `selfServiceSuccess must be in [0, 1], got ${selfServiceSuccess}`);
    check(cfg.complexityUplift >= 0 && Number.isFinite(cfg.complexityUplift), `complexityUplift must be a finite number >= 0, got ${cfg.complexityUplift}`);
    check(cfg.costPerMinute >= 0 && Number.isFinite(cfg.costPerMinute), `costPerMinute must be a finite number >= 0, got ${cfg.costPerMinute}`);
    check(baseCoverage.length === K, `baseCoverage has ${baseCoverage.length} entries for ${K} need types`);
    check(cfg.coverage.length === K, `coverage has ${cfg.coverage.length} entries for ${K} need types`);
    for (const [name, arr] of [["resolveGain", cfg.resolveGain], ["handleTimeFactor", cfg.handleTimeFactor], ["articleTime", cfg.articleTime]] as const) {
      check(arr.length === T, `${name} has ${arr.length} entries for ${T} tiers`);
    }
    this.start = cfg.start;
    this.rampLength = cfg.ramp;
    this.sCurve = cfg.shape === "s-curve";
    this.uplift = cfg.complexityUplift;
    this.cost = cfg.costPerMinute;
    this.baseCov = Float64Array.from(baseCoverage);
    this.targetCov = Float64Array.from(cfg.coverage);
    for (let k = 0; k < K; k++) {
      check(isShare(this.baseCov[k]), `baseCoverage[${k}] must be in [0, 1], got ${this.baseCov[k]}`);
      check(isShare(this.targetCov[k]), `coverage[${k}] must be in [0, 1], got ${this.targetCov[k]}`);
      // the complexity factor is linear in ρ, so its least value is at ρ = 0 (1) or ρ = 1
      const least = 1 + this.uplift * selfServiceSuccess * (this.targetCov[k] - this.baseCov[k]);
      check(least > 0, `coverage[${k}] = ${this.targetCov[k]} below its base ${this.baseCov[k]} with complexityUplift ${this.uplift} makes handle times <= 0`);
    }
    this.gain = Float64Array.from(cfg.resolveGain);
    this.htf = Float64Array.from(cfg.handleTimeFactor);
    this.article = Float64Array.from(cfg.articleTime);
    for (let j = 0; j < T; j++) {
      check(isShare(this.gain[j]), `resolveGain[${j}] must be in [0, 1], got ${this.gain[j]}`);
      check(this.htf[j] > 0 && Number.isFinite(this.htf[j]), `handleTimeFactor[${j}] must be a positive finite number, got ${this.htf[j]}`);
      check(this.article[j] >= 0 && this.article[j] < 1, `articleTime[${j}] must be in [0, 1), got ${this.article[j]}`);
    }
    this.baseRes = new Float64Array(T * K);
    for (let j = 0; j < T; j++) {
      for (let k = 0; k < K; k++) {
        const p = baseResolve(j, k);
        check(isShare(p), `base resolution of tier ${j}, need type ${k} must be in [0, 1], got ${p}`);
        this.baseRes[j * K + k] = p;
      }
    }
    this.coverage = new Float64Array(K);
    this.resolve = new Float64Array(T * K);
    this.handleFactor = new Float64Array(T * K);
    this.articleTime = new Float64Array(T);
    this.update(-Infinity);
  }

  /** The programme's start time (minutes). */
  get startsAt(): number {
    return this.start;
  }

  /** When the ramp is complete (start + ramp). */
  get completeAt(): number {
    return this.start + this.rampLength;
  }

  /** ρ(t) ∈ [0, 1]: 0 before start, linear or 3x² − 2x³ during the ramp, 1 after (ramp 0: a step at start). */
  ramp(t: number): number {
    if (!(t >= this.start)) return 0;
    const len = this.rampLength;
    if (!(t < this.start + len)) return 1;
    const x = (t - this.start) / len;
    return this.sCurve ? x * x * (3 - 2 * x) : x;
  }

  /**
   * When the effects should next be refreshed after `now`, for a model that samples the
   * ramp every `step` minutes: `start` before it, the next step (not past the end of the
   * ramp) during it, Infinity once the ramp is complete (nothing changes any more).
   */
  nextUpdate(now: number, step: number): number {
    if (now < this.start) return this.start;
    const end = this.start + this.rampLength;
    if (now >= end) return Infinity;
    return Math.min(now + step, end);
  }

  /** Fill `coverage`, `resolve`, `handleFactor` and `articleTime` for time t (no allocation). */
  update(t: number): void {
    const r = this.ramp(t);
    const T = this.tiers, K = this.needTypes;
    const upliftPerCoverage = this.uplift * this.selfServiceSuccess;
    for (let k = 0; k < K; k++) {
      const c0 = this.baseCov[k];
      this.coverage[k] = c0 + (this.targetCov[k] - c0) * r;
    }
    for (let j = 0; j < T; j++) {
      const gr = this.gain[j] * r;
      const speed = 1 + (this.htf[j] - 1) * r;
      for (let k = 0; k < K; k++) {
        const i = j * K + k, p0 = this.baseRes[i], c = this.coverage[k];
        this.resolve[i] = p0 + (1 - p0) * gr * c;
        this.handleFactor[i] = speed * (1 + upliftPerCoverage * (c - this.baseCov[k]));
      }
      this.articleTime[j] = t >= this.start ? this.article[j] : 0;
    }
  }

  /** The programme's cost rate at t: `costPerMinute` from start on, 0 before. */
  costRatePerMinute(t: number): number {
    return t >= this.start ? this.cost : 0;
  }

  /** Its cost over [t0, t1): costPerMinute × the length of [max(t0, start), t1) (0 if empty). */
  costBetween(t0: number, t1: number): number {
    const a = Math.max(t0, this.start);
    return t1 > a ? this.cost * (t1 - a) : 0;
  }
}
