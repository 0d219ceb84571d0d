/**
 * Product quality Q(t) with releases, hotfixes, notifications and problem-management fixes
 * (docs/model.md §4). Q multiplies the defect-driven need rate: 1 is baseline quality.
 *
 *   Q(t)       = base(t) + Σ_k spike_k(t)
 *   base(t)    = Π_j (1 − r_j · ρ_j(t))
 *   spike_k(t) = A_k · 2^(−(t − t_k) / h_k) · F_k(t)   for t ≥ t_k, else 0
 *
 * - Fixes j (`QualityFixConfig`) lower the baseline by the share r_j (`reduction`), ramping in
 *   linearly: ρ_j(t) = 0 before the fix's effective time t_j, (t − t_j)/ramp_j during the ramp,
 *   1 after it (ramp 0 = a step at t_j). A fix with `at` is effective at `at`. A
 *   problem-management fix with `afterRequests` K_j and `lead` L_j (the listening post) becomes
 *   effective L_j minutes after the K_j-th call of `recordDefectRequest(t)` (the cumulative
 *   count over the run; K_j = 0 means from the start, effective at L_j); until then it has no
 *   effect. `reset()` clears the count and the triggered effective times for the next
 *   replication.
 * - Releases k (`ReleaseConfig`) at t_k add a spike of size A_k (`spike`, in units of the
 *   baseline defect rate) halving every h_k (`halfLife`) minutes. A hotfix multiplies what
 *   remains by F_k = 1 − `removes` from its time on (F_k = 1 before it).
 * - A notification of release k's known issue (from `notify.at` on) deflects a share `deflect`
 *   of the needs the spike causes and softens the rest by `soften`. `notification(t)` gives the
 *   share of Q(t) that comes from notified releases, Σ_{k notified} spike_k(t) / Q(t), and the
 *   spike-weighted mean deflect and soften over those releases.
 *
 * `spikeShare(t)` = Σ_k spike_k(t) / Q(t) is the probability that a defect need arising at t is
 * caused by a release (the rest come from the baseline).
 *
 * Thinning bound: every r_j ∈ [0, 1], so base(t) ≤ 1 whatever fixes do, and a spike is at most
 * its un-hotfixed value, which decreases after t_k. Hence over [t0, t1]
 *
 *   Q(t) ≤ 1 + Σ_{k: t_k ≤ t1} A_k · 2^(−max(0, t0 − t_k) / h_k)               (`upperBound`)
 *
 * valid even if a fix is triggered inside the interval (fixes and hotfixes only lower Q).
 *
 * Problem management per need type (the listening post: resolved defect needs lead to product
 * fixes, each lowering the type's own factor F_k(t)) is problemManagement.ts; Quality holds it
 * and answers for it.
 *
 * `defectFactor`, `spikeShare`, `notification`, `upperBound`, `typeFactor` and `typeBound`
 * allocate nothing (`notification` returns the same object each call, overwritten by the next
 * call); `recordResolved` allocates only when a fix is made (rarely).
 */
import type { NeedTypeConfig, ProblemManagementConfig, QualityFixConfig, ReleaseConfig } from "../config.js";
import { ProblemManagement } from "./problemManagement.js";

/** What `Quality.notification` returns (one reused object). */
export interface NotificationState {
  /** Share of Q(t) caused by releases whose notification is active at t. */
  share: number;
  /** Spike-weighted mean share of those needs deflected by the notification (0 if share = 0). */
  deflect: number;
  /** Spike-weighted mean softening of the rest (0 if share = 0). */
  soften: number;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new RangeError(what);
}
const isShare = (v: number): boolean => v >= 0 && v <= 1;
const isTime = (v: number): boolean => Number.isFinite(v);

export class Quality {
  // releases
  private readonly relAt: Float64Array;
  private readonly relSize: Float64Array;
  /** ln 2 / h_k: spike_k = A_k · exp(−decay_k · (t − t_k)). */
  private readonly relDecay: Float64Array;
  private readonly hotfixAt: Float64Array; // Infinity if none
  private readonly hotfixKeep: Float64Array; // 1 − removes
  private readonly notifyAt: Float64Array; // Infinity if none
  private readonly notifyDeflect: Float64Array;
  private readonly notifySoften: Float64Array;
  // fixes
  private readonly fixReduction: Float64Array;
  private readonly fixRamp: Float64Array;
  /** −1 for a dated fix, else K_j. */
  private readonly fixThreshold: Float64Array;
  private readonly fixLead: Float64Array;
  /** Effective time; Infinity while a triggered fix is still waiting for its K_j-th request. */
  private readonly fixEffective: Float64Array;
  private readonly fixDatedAt: Float64Array;
  private pendingFixes = 0;
  private requests = 0;
  private readonly note: NotificationState = { share: 0, deflect: 0, soften: 0 };
  /** Problem management per need type (problemManagement.ts). */
  private readonly problems: ProblemManagement;

  /**
   * @param problemManagement optional per-type problem management (see the header);
   * @param needTypes the model's need types (required with `problemManagement`: its listed
   *   types must exist, of any driver); `typeFactor(k, t)` is 1 for any other k.
   */
  constructor(
    releases: readonly ReleaseConfig[],
    fixes: readonly QualityFixConfig[],
    problemManagement?: ProblemManagementConfig,
    needTypes: readonly Pick<NeedTypeConfig, "name" | "driver">[] = [],
  ) {
    const R = releases.length, J = fixes.length;
    this.relAt = new Float64Array(R);
    this.relSize = new Float64Array(R);
    this.relDecay = new Float64Array(R);
    this.hotfixAt = new Float64Array(R);
    this.hotfixKeep = new Float64Array(R);
    this.notifyAt = new Float64Array(R);
    this.notifyDeflect = new Float64Array(R);
    this.notifySoften = new Float64Array(R);
    releases.forEach((r, k) => {
      const at = `release ${r.name}`;
      check(isTime(r.at), `${at}: at must be a finite time, got ${r.at}`);
      check(r.spike >= 0 && Number.isFinite(r.spike), `${at}: spike must be a finite number >= 0, got ${r.spike}`);
      check(r.halfLife > 0 && Number.isFinite(r.halfLife), `${at}: halfLife must be a positive finite number of minutes, got ${r.halfLife}`);
      this.relAt[k] = r.at;
      this.relSize[k] = r.spike;
      this.relDecay[k] = Math.LN2 / r.halfLife;
      this.hotfixAt[k] = Infinity;
      this.hotfixKeep[k] = 1;
      if (r.hotfix) {
        check(isTime(r.hotfix.at), `${at}: hotfix.at must be a finite time, got ${r.hotfix.at}`);
        check(isShare(r.hotfix.removes), `${at}: hotfix.removes must be in [0, 1], got ${r.hotfix.removes}`);
        this.hotfixAt[k] = r.hotfix.at;
        this.hotfixKeep[k] = 1 - r.hotfix.removes;
      }
      this.notifyAt[k] = Infinity;
      if (r.notify) {
        check(isTime(r.notify.at), `${at}: notify.at must be a finite time, got ${r.notify.at}`);
        check(isShare(r.notify.deflect), `${at}: notify.deflect must be in [0, 1], got ${r.notify.deflect}`);
        check(isShare(r.notify.soften), `${at}: notify.soften must be in [0, 1], got ${r.notify.soften}`);
        this.notifyAt[k] = r.notify.at;
        this.notifyDeflect[k] = r.notify.deflect;
        this.notifySoften[k] = r.notify.soften;
      }
    });
    this.fixReduction = new Float64Array(J);
    this.fixRamp = new Float64Array(J);
    this.fixThreshold = new Float64Array(J);
    this.fixLead = new Float64Array(J);
    this.fixEffective = new Float64Array(J);
    this.fixDatedAt = new Float64Array(J);
    fixes.forEach((f, j) => {
      const at = `quality fix ${f.name}`;
      check(isShare(f.reduction), `${at}: reduction must be in [0, 1], got ${f.reduction}`);
      check(f.ramp >= 0 && Number.isFinite(f.ramp), `${at}: ramp must be a finite number of minutes >= 0, got ${f.ramp}`);
      check((f.at === undefined) !== (f.afterRequests === undefined), `${at}: give exactly one of at or afterRequests`);
      this.fixReduction[j] = f.reduction;
      this.fixRamp[j] = f.ramp;
      if (f.at !== undefined) {
        check(isTime(f.at), `${at}: at must be a finite time, got ${f.at}`);
        this.fixThreshold[j] = -1;
        this.fixDatedAt[j] = f.at;
      } else {
        const K = f.afterRequests as number, L = f.lead ?? 0;
        check(Number.isInteger(K) && K >= 0, `${at}: afterRequests must be an integer >= 0, got ${K}`);
        check(L >= 0 && Number.isFinite(L), `${at}: lead must be a finite number of minutes >= 0, got ${L}`);
        this.fixThreshold[j] = K;
        this.fixLead[j] = L;
      }
    });
    this.problems = new ProblemManagement(problemManagement, needTypes);
    this.reset();
  }

  /** Defect requests recorded so far (the listening post's count). */
  get defectRequests(): number {
    return this.requests;
  }

  /** When fix j takes (took) effect; Infinity while a triggered fix is not yet triggered. */
  fixEffectiveAt(j: number): number {
    return this.fixEffective[j];
  }

  /** Back to the start of a run: no defect requests recorded, triggered fixes not yet triggered, no problem-management fixes. */
  reset(): void {
    this.requests = 0;
    this.pendingFixes = 0;
    this.problems.reset();
    for (let j = 0; j < this.fixEffective.length; j++) {
      const K = this.fixThreshold[j];
      if (K < 0) this.fixEffective[j] = this.fixDatedAt[j];
      else if (K === 0) this.fixEffective[j] = this.fixLead[j];
      else {
        this.fixEffective[j] = Infinity;
        this.pendingFixes++;
      }
    }
  }

  /** A defect request was received at t (times non-decreasing): may trigger fixes. */
  recordDefectRequest(t: number): void {
    const n = ++this.requests;
    if (this.pendingFixes === 0) return;
    for (let j = 0; j < this.fixEffective.length; j++) {
      if (this.fixThreshold[j] === n && this.fixEffective[j] === Infinity) {
        this.fixEffective[j] = t + this.fixLead[j];
        this.pendingFixes--;
      }
    }
  }

  /** A need of type k was resolved (by an agent) at `now`: true if this made a fix (problemManagement.ts `recordResolved`). */
  recordResolved(k: number, now: number): boolean {
    return this.problems.recordResolved(k, now);
  }

  /** Problem-management fixes made so far (all types; effective or still pending). */
  get fixesMade(): number {
    return this.problems.fixesMade;
  }

  /** Problem-management fixes made so far for need type k (0 if k is not listed). */
  fixesMadeFor(k: number): number {
    return this.problems.fixesMadeFor(k);
  }

  /** Problem-management fixes of need type k effective at t: n_k(t) (0 if k is not listed). */
  fixesEffectiveFor(k: number, t: number): number {
    return this.problems.fixesEffectiveFor(k, t);
  }

  /** Problem-management fixes of all types effective at t. */
  fixesEffective(t: number): number {
    return this.problems.fixesEffective(t);
  }

  /** Cost of the problem-management fixes made so far: fixesMade × costPerFix. */
  get fixCost(): number {
    return this.problems.fixCost;
  }

  /** Cost of one problem-management fix (0 without problem management). */
  get costPerFix(): number {
    return this.problems.costPerFix;
  }

  /** F_k(t) for need type k (problemManagement.ts): 1 for a type not listed. */
  typeFactor(k: number, t: number): number {
    return this.problems.typeFactor(k, t);
  }

  /** An upper bound of F_k(t) for every t ≥ t0, valid whatever is recorded after t0: F_k(t0). */
  typeBound(k: number, t0: number): number {
    return this.problems.typeBound(k, t0);
  }

  /** Whether problem management fixes need type k (then F_k multiplies its rate, whatever its driver). */
  fixes(k: number): boolean {
    return this.problems.fixes(k);
  }

  /** base(t) = Π_j (1 − r_j · ρ_j(t)). */
  baseFactor(t: number): number {
    let b = 1;
    const eff = this.fixEffective, ramp = this.fixRamp, red = this.fixReduction;
    for (let j = 0; j < eff.length; j++) {
      const e = eff[j];
      if (!(t >= e)) continue;
      const r = ramp[j];
      const rho = r > 0 && t < e + r ? (t - e) / r : 1;
      b *= 1 - red[j] * rho;
    }
    return b;
  }

  /** spike_k(t), including its hotfix. */
  spike(k: number, t: number): number {
    const tk = this.relAt[k];
    if (!(t >= tk)) return 0;
    const s = this.relSize[k] * Math.exp(-this.relDecay[k] * (t - tk));
    return t >= this.hotfixAt[k] ? s * this.hotfixKeep[k] : s;
  }

  /** Σ_k spike_k(t). */
  spikeTotal(t: number): number {
    let s = 0;
    for (let k = 0; k < this.relAt.length; k++) s += this.spike(k, t);
    return s;
  }

  /** Q(t) = base(t) + Σ_k spike_k(t). */
  defectFactor(t: number): number {
    return this.baseFactor(t) + this.spikeTotal(t);
  }

  /** Σ_k spike_k(t) / Q(t): the share of defect needs at t caused by releases (0 if Q = 0). */
  spikeShare(t: number): number {
    const s = this.spikeTotal(t);
    const q = this.baseFactor(t) + s;
    return q > 0 ? s / q : 0;
  }

  /**
   * The notified part of Q(t): share = Σ_{k: t ≥ notify_k} spike_k(t) / Q(t), with the
   * spike-weighted means of those releases' deflect and soften. Returns one reused object.
   */
  notification(t: number): Readonly<NotificationState> {
    let total = 0, notified = 0, deflect = 0, soften = 0;
    for (let k = 0; k < this.relAt.length; k++) {
      const s = this.spike(k, t);
      total += s;
      if (s > 0 && t >= this.notifyAt[k]) {
        notified += s;
        deflect += s * this.notifyDeflect[k];
        soften += s * this.notifySoften[k];
      }
    }
    const q = this.baseFactor(t) + total;
    const n = this.note;
    if (notified > 0 && q > 0) {
      n.share = notified / q;
      n.deflect = deflect / notified;
      n.soften = soften / notified;
    } else {
      n.share = n.deflect = n.soften = 0;
    }
    return n;
  }

  /** notification(t).share. */
  notifiedShare(t: number): number {
    return this.notification(t).share;
  }

  /**
   * An upper bound of Q over [t0, t1], valid whatever fixes do later:
   * 1 + Σ_{k: t_k ≤ t1} A_k · 2^(−max(0, t0 − t_k)/h_k) (base ≤ 1; hotfixes ignored).
   */
  upperBound(t0: number, t1: number): number {
    let b = 1;
    for (let k = 0; k < this.relAt.length; k++) {
      const tk = this.relAt[k];
      if (tk > t1) continue;
      const d = t0 - tk;
      b += d > 0 ? this.relSize[k] * Math.exp(-this.relDecay[k] * d) : this.relSize[k];
    }
    return b;
  }
}
