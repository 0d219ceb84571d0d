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
 * The KCS programme (a later module) raises kbCoverage over time.
 */
import type { SelfServiceConfig } from "./supportConfig.js";

export const enum SelfServiceOutcome {
  NotTried = 0,
  Contained = 1,
  FailedGoesOn = 2,
  FailedGivesUp = 3,
}

export class SelfService {
  constructor(private readonly cfg: SelfServiceConfig, private readonly kbCoverage: Float64Array) {}

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
