/**
 * Callback offers per work type (network.ts; NetworkConfig.callbackByWork): a real-time contact
 * that would wait longer than the work type's threshold, predicted from the line ahead of it,
 * accepts with a probability (one uniform from the stream "network:callback" per offer) and
 * keeps its place in line without abandoning (virtual hold).
 */
import type { RandomStreams, Rng } from "../../engine/random.js";
import type { CallbackOffer } from "./networkConfig.js";

export class CallbackOffers {
  /** Per work type: offer when the predicted wait exceeds this; Infinity: no offer. */
  private readonly after: Float64Array;
  private readonly accept: Float64Array;
  private readonly rng: Rng;

  constructor(byWork: readonly (CallbackOffer | undefined)[] | undefined, W: number, streams: RandomStreams) {
    this.after = new Float64Array(W).fill(Infinity);
    this.accept = new Float64Array(W);
    byWork?.forEach((c, w) => {
      if (c) { this.after[w] = c.afterPredictedWait; this.accept[w] = c.acceptShare; }
    });
    this.rng = streams.stream("network:callback");
  }

  /** Whether work type w offers callbacks at all. */
  offered(w: number): boolean {
    return this.after[w] !== Infinity;
  }

  /** Whether a contact of work type w with this predicted wait is offered a callback and accepts it. */
  accepts(w: number, predicted: number): boolean {
    return predicted > this.after[w] && this.rng() < this.accept[w];
  }
}
