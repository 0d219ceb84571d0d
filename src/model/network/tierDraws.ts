/**
 * What a contact network draws for a contact at each tier (network.ts): its handle time and
 * patience per (tier, work type), each from the tier's own stream ("tier:<name>:handle",
 * "tier:<name>:patience"; a work type's own distribution draws from the same stream), and the
 * tier's resolution stream ("tier:<name>:resolve"), with the mean handle time and the
 * configured resolution probability per (tier, work type) (index t·W + w).
 */
import { makeDistribution, specMean, type Distribution } from "../../engine/distributions.js";
import type { RandomStreams, Rng } from "../../engine/random.js";
import type { NetworkTier } from "./networkConfig.js";

export class TierDraws {
  /** t·W + w → handle time. */
  readonly handle: Distribution[] = [];
  /** t·W + w → patience (null: waits forever). */
  readonly patience: (Distribution | null)[] = [];
  /** Per tier: the uniform that decides resolution at departure. */
  readonly resolveRng: Rng[] = [];
  /** t·W + w → the handle time's mean. */
  readonly meanHandle: Float64Array;
  /** t·W + w → the tier's `resolveByWork` / `resolve`. */
  readonly resolve: Float64Array;

  constructor(tiers: readonly NetworkTier[], W: number, streams: RandomStreams) {
    this.meanHandle = new Float64Array(tiers.length * W);
    this.resolve = new Float64Array(tiers.length * W);
    tiers.forEach((tier, t) => {
      const hr = streams.stream(`tier:${tier.name}:handle`);
      const base = makeDistribution(tier.handleTime, hr);
      for (let w = 0; w < W; w++) {
        const spec = tier.handleTimeByWork?.[w];
        this.handle.push(spec ? makeDistribution(spec, hr) : base);
        this.meanHandle[t * W + w] = specMean(spec ?? tier.handleTime);
        this.resolve[t * W + w] = tier.resolveByWork?.[w] ?? tier.resolve;
      }
      const pr = streams.stream(`tier:${tier.name}:patience`);
      const basePatience = tier.patience ? makeDistribution(tier.patience, pr) : null;
      for (let w = 0; w < W; w++) {
        const spec = tier.patienceByWork?.[w];
        this.patience.push(spec ? makeDistribution(spec, pr) : basePatience);
      }
      this.resolveRng.push(streams.stream(`tier:${tier.name}:resolve`));
    });
  }
}
