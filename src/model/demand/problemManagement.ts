/**
 * Problem management per need type (`ProblemManagementConfig`, the listening post of a
 * support organisation that feeds root causes to engineering; quality.ts applies it). Q(t)
 * applies to every quality-driven need type alike; on top of it, need type k has its own
 * factor F_k(t), so its rate is r_k · Q(t) · F_k(t) · S(t) (needs.ts):
 *
 *   F_k(t) = 1 − min(maxReduction, n_k(t) · reductionPerFix)   for a listed type k
 *   F_k(t) = 1                                                  for every other type
 *
 * with n_k(t) the number of k's product fixes effective at t (effective from its time on, as
 * a step). The model calls `recordResolved(k, now)` when a need of type k is resolved by an
 * agent (times non-decreasing). Resolutions before `start` are not counted. Counting from
 * `start`, the m·resolvedPerFix-th resolution of listed type k (m = 1, 2, …) makes a fix at
 * that time, effective `lag` minutes later. Fixes are made only while the fixes already made
 * for k have not reached the cap (made · reductionPerFix < maxReduction): the last one may be
 * capped (e.g. 0.2 per fix, cap 0.5: 0.8, 0.6, then 0.5), after it the type's problems count as
 * solved and no more fixes (nor their cost, `costPerFix`) are made. F_k multiplies the whole of
 * Q, release spikes included (the fixed root causes are gone from new releases as well), so
 * `spikeShare` and `notification` are the same for every type. Evaluation is lazy: F_k(t)
 * counts the fixes whose effective time is ≤ t, so a need generator that evaluates it at
 * each candidate sees the new rate from the fix time on, exactly, with nothing to schedule.
 *
 * Thinning bound per type: a fix recorded at `now` is effective at now + lag ≥ now and only
 * lowers F_k, so for t ≥ t0, F_k(t) ≤ F_k(t0) as computed at t0, whatever is recorded later
 * (`typeBound`). Together with `upperBound` for Q, r_k · upperBound(t0, t1) · typeBound(k, t0)
 * bounds type k's rate over [t0, t1].
 *
 * Default cap (`PROBLEM_MANAGEMENT_DEFAULTS.maxReduction` = 0.5): MetricNet states that
 * cutting incident volume by 50 % through problem management is "not that uncommon"
 * (metricnet.com "Metrics Unleashed: Shift Left" [MetricNetShiftLeft], as quoted in
 * docs/sources.md; wording verified in docs/sources.md). The other defaults are [A].
 *
 * `typeFactor` and `typeBound` allocate nothing; `recordResolved` allocates only when a fix is
 * made (rarely).
 */
import { DAY_MINUTES } from "../../time/units.js";
import type { NeedTypeConfig, ProblemManagementConfig } from "../config.js";

/**
 * Suggested problem-management defaults:
 * - maxReduction 0.5: MetricNet, "cutting incident volume by 50 % through problem management
 *   is not that uncommon" [MetricNetShiftLeft] (a cap, not a typical result);
 * - reductionPerFix 0.1 [A]: one root cause removes a tenth of the type's base rate;
 * - resolvedPerFix 100 [A], lag 30 days [A] (engineering time to ship a fix);
 * - costPerFix 0 [A]: no figure; set the engineering cost of a fix.
 */
export const PROBLEM_MANAGEMENT_DEFAULTS = {
  maxReduction: 0.5,
  reductionPerFix: 0.1,
  resolvedPerFix: 100,
  lag: 30 * DAY_MINUTES,
  costPerFix: 0,
} as const;

function check(ok: boolean, what: string): void {
  if (!ok) throw new RangeError(what);
}
const isShare = (v: number): boolean => v >= 0 && v <= 1;
const isTime = (v: number): boolean => Number.isFinite(v);

export class ProblemManagement {
  // slot p of a listed type; −1 for others
  private readonly pmSlot: Int32Array;
  private readonly pmStart: number;
  private readonly pmPerFix: number;
  private readonly pmLag: number;
  private readonly pmReduction: number;
  private readonly pmMax: number;
  private readonly pmCost: number;
  /** Resolutions of the slot's type counted since `start`. */
  private readonly pmResolved: Float64Array;
  /** Effective times of the slot's fixes, non-decreasing (grows only when a fix is made). */
  private readonly pmFixAt: number[][];
  /** Cursor into pmFixAt: fixes effective at the last query time (moves both ways). */
  private readonly pmCursor: Int32Array;
  private made = 0;

  /**
   * @param pm optional per-type problem management (see the header);
   * @param needTypes the model's need types (required with `pm`: its listed types must exist, of
   *   any driver); `typeFactor(k, t)` is 1 for any other k.
   */
  constructor(pm: ProblemManagementConfig | undefined, needTypes: readonly Pick<NeedTypeConfig, "name" | "driver">[]) {
    this.pmSlot = new Int32Array(needTypes.length).fill(-1);
    if (pm) {
      const at = "problemManagement";
      check(isTime(pm.start), `${at}: start must be a finite time, got ${pm.start}`);
      check(Number.isInteger(pm.resolvedPerFix) && pm.resolvedPerFix >= 1, `${at}: resolvedPerFix must be an integer >= 1, got ${pm.resolvedPerFix}`);
      check(pm.lag >= 0 && Number.isFinite(pm.lag), `${at}: lag must be a finite number of minutes >= 0, got ${pm.lag}`);
      check(pm.reductionPerFix > 0 && pm.reductionPerFix <= 1, `${at}: reductionPerFix must be in (0, 1], got ${pm.reductionPerFix}`);
      check(isShare(pm.maxReduction), `${at}: maxReduction must be in [0, 1], got ${pm.maxReduction}`);
      check(pm.costPerFix >= 0 && Number.isFinite(pm.costPerFix), `${at}: costPerFix must be a finite number >= 0, got ${pm.costPerFix}`);
      pm.needTypes.forEach((k, p) => {
        check(Number.isInteger(k) && k >= 0 && k < needTypes.length, `${at}: needTypes[${p}] = ${k} is not a need type index in [0, ${needTypes.length})`);
        check(this.pmSlot[k] < 0, `${at}: need type ${needTypes[k].name} is listed twice`);
        this.pmSlot[k] = p;
      });
    }
    const P = pm ? pm.needTypes.length : 0;
    this.pmStart = pm ? pm.start : Infinity;
    this.pmPerFix = pm ? pm.resolvedPerFix : 1;
    this.pmLag = pm ? pm.lag : 0;
    this.pmReduction = pm ? pm.reductionPerFix : 0;
    this.pmMax = pm ? pm.maxReduction : 0;
    this.pmCost = pm ? pm.costPerFix : 0;
    this.pmResolved = new Float64Array(P);
    this.pmFixAt = Array.from({ length: P }, () => []);
    this.pmCursor = new Int32Array(P);
  }

  /** Back to the start of a run: no problem-management fixes. */
  reset(): void {
    this.made = 0;
    this.pmResolved.fill(0);
    this.pmCursor.fill(0);
    for (const a of this.pmFixAt) a.length = 0;
  }

  /**
   * A need of type k was resolved (by an agent) at `now` (times non-decreasing). Counts toward
   * k's next problem-management fix if k is listed and now ≥ start; true if this resolution
   * made a fix (effective at now + lag; the model may book `costPerFix` now). Other types, and
   * times before start, are ignored.
   */
  recordResolved(k: number, now: number): boolean {
    const p = k >= 0 && k < this.pmSlot.length ? this.pmSlot[k] : -1;
    if (p < 0 || !(now >= this.pmStart)) return false;
    const n = ++this.pmResolved[p];
    if (n % this.pmPerFix !== 0) return false;
    const fixes = this.pmFixAt[p];
    if (!(fixes.length * this.pmReduction < this.pmMax)) return false; // the cap is reached: no more fixes
    fixes.push(now + this.pmLag);
    this.made++;
    return true;
  }

  /** Problem-management fixes made so far (all types; effective or still pending). */
  get fixesMade(): number {
    return this.made;
  }

  /** Problem-management fixes made so far for need type k (0 if k is not listed). */
  fixesMadeFor(k: number): number {
    const p = k >= 0 && k < this.pmSlot.length ? this.pmSlot[k] : -1;
    return p < 0 ? 0 : this.pmFixAt[p].length;
  }

  /** Problem-management fixes of need type k effective at t: n_k(t) (0 if k is not listed). */
  fixesEffectiveFor(k: number, t: number): number {
    const p = k >= 0 && k < this.pmSlot.length ? this.pmSlot[k] : -1;
    if (p < 0) return 0;
    const a = this.pmFixAt[p];
    let i = this.pmCursor[p];
    if (i > a.length) i = a.length;
    while (i < a.length && a[i] <= t) i++;
    while (i > 0 && a[i - 1] > t) i--;
    this.pmCursor[p] = i;
    return i;
  }

  /** Problem-management fixes of all types effective at t. */
  fixesEffective(t: number): number {
    let n = 0;
    for (let k = 0; k < this.pmSlot.length; k++) n += this.fixesEffectiveFor(k, t);
    return n;
  }

  /** Cost of the problem-management fixes made so far: fixesMade × costPerFix. */
  get fixCost(): number {
    return this.made * this.pmCost;
  }

  /** Cost of one problem-management fix (0 without problem management). */
  get costPerFix(): number {
    return this.pmCost;
  }

  /** F_k(t) = 1 − min(maxReduction, n_k(t) · reductionPerFix) for a listed type, else 1. */
  typeFactor(k: number, t: number): number {
    const n = this.fixesEffectiveFor(k, t);
    if (n === 0) return 1;
    const r = n * this.pmReduction;
    return 1 - (r < this.pmMax ? r : this.pmMax);
  }

  /** An upper bound of F_k(t) for every t ≥ t0, valid whatever is recorded after t0: F_k(t0). */
  typeBound(k: number, t0: number): number {
    return this.typeFactor(k, t0);
  }

  /** Whether need type k is one problem management fixes. */
  fixes(k: number): boolean {
    return this.pmSlot[k] >= 0;
  }
}
