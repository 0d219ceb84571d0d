/**
 * The configurations of the programmes, in model units (re-exported by config.ts): KCS
 * (kcs.ts), problem management (demand/problemManagement.ts) and customer training
 * (customerTraining.ts).
 */

/**
 * A shift-left / KCS program (kcs.ts). From `start` its effects ramp in over `ramp` minutes
 * along r(t) (linear, or the cubic S-curve 3x² − 2x³ of x = (t − start)/ramp); at r = 1:
 * - knowledge-base coverage of need type k reaches `coverage[k]` (from its base value);
 * - tier t resolves r' = r + (1 − r)·resolveGain[t]·cov_k(t) of need type k;
 * - tier t's handle times are × (1 + (handleTimeFactor[t] − 1)·r);
 * - what self-service contains is the easy part of a need type: the assisted contacts left of
 *   type k take × (1 + complexityUplift·(containment_k(t) − containment_k(0))) longer;
 * and from `start` agents of tier t spend `articleTime[t]` of their floor time on articles.
 */
export interface KcsConfig {
  start: number;
  ramp: number;
  shape: "linear" | "s-curve";
  coverage: number[];
  resolveGain: number[];
  handleTimeFactor: number[];
  articleTime: number[];
  complexityUplift: number;
  costPerMinute: number;
}

/**
 * Problem management, support as a listening post (quality.ts): from `start`, every
 * `resolvedPerFix` resolved needs of a quality-driven need type lead, `lag` minutes later,
 * to a product fix that lowers that type's rate by `reductionPerFix` of its base, down to at
 * most `maxReduction` in all. Each fix costs `costPerFix` (engineering time).
 */
export interface ProblemManagementConfig {
  start: number;
  needTypes: number[];
  resolvedPerFix: number;
  lag: number;
  reductionPerFix: number;
  maxReduction: number;
  costPerFix: number;
}

/**
 * Customer training (customerTraining.ts): from `start`, over `ramp` minutes (linearly; 0 = a step),
 * it closes the share `gapClosed[g]` of segment g's gap to full expertise, raising its lasting
 * level L_g = 1 − (1 − e_g)(1 − gapClosed[g]·ρ(t)); it costs `costPerMinute` from `start`.
 */
export interface CustomerTrainingConfig {
  start: number;
  ramp: number;
  /** Per segment, the share of its gap to full expertise closed at full effect (0: not trained). */
  gapClosed: number[];
  costPerMinute: number;
}
