/**
 * L0 self-service: a share of needs try the knowledge base before any assisted channel.
 *
 *   P(try)                 = tryShare
 *   P(contained | try)     = successAtFullCoverage × kbCoverage(need type)
 *   P(go on | not contained) = goOnShare        (the rest give up: unserved demand)
 *
 * A need that tried and failed carries a "self-service failed" mark into its contact
 * (extra frustration, for the retention model). Containment is per need type because a
 * knowledge base covers some questions (how-to) far better than others (a new defect).
 *
 * Coverage may change during a run (the KCS programme, kcs.ts): `kbCoverage` is the array
 * this object reads at every attempt, public and mutable (the array itself is fixed, its
 * entries are not). It is NOT copied: a model may pass `KcsProgram.coverage` itself, so that
 * `KcsProgram.update(t)` moves containment at once, or write entries with `setCoverage`.
 * An attempt at t uses the coverage in the array at that moment. Left unchanged, behaviour is
 * exactly as with constant coverage.
 */
import type { SelfServiceConfig } from "../config.js";

export const enum SelfServiceOutcome {
  NotTried = 0,
  Contained = 1,
  FailedGoesOn = 2,
  FailedGivesUp = 3,
}

export class SelfService {
  constructor(
    private readonly cfg: SelfServiceConfig,
    /** Knowledge-base coverage per need type, in [0, 1]; read at every attempt (shared, not copied). */
    readonly kbCoverage: Float64Array,
  ) {}

  /** Set need type k's coverage from now on (c in [0, 1]). */
  setCoverage(k: number, c: number): void {
    if (!(Number.isInteger(k) && k >= 0 && k < this.kbCoverage.length)) throw new RangeError(`selfService.setCoverage: need type ${k} out of range [0, ${this.kbCoverage.length})`);
    if (!(c >= 0 && c <= 1)) throw new RangeError(`selfService.setCoverage: coverage must be in [0, 1], got ${c}`);
    this.kbCoverage[k] = c;
  }

  /** Containment probability of a need type. */
  containment(need: number): number {
    return this.cfg.successAtFullCoverage * this.kbCoverage[need];
  }

  /** Outcome for a need of type `need` given three uniforms (always all three, for common random numbers). */
  attempt(need: number, uTry: number, uContain: number, uGoOn: number): SelfServiceOutcome {
    if (!(uTry < this.cfg.tryShare)) return SelfServiceOutcome.NotTried;
    return this.attemptNow(need, uContain, uGoOn);
  }

  /** An attempt that is certain to be made (e.g. a need outside coverage hours sent to self-service). */
  attemptNow(need: number, uContain: number, uGoOn: number): SelfServiceOutcome {
    if (uContain < this.containment(need)) return SelfServiceOutcome.Contained;
    return uGoOn < this.cfg.goOnShare ? SelfServiceOutcome.FailedGoesOn : SelfServiceOutcome.FailedGivesUp;
  }
}
