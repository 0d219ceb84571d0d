/**
 * Accessibility: whether a need becomes a request, and on which channel.
 *
 * Channel choice (multinomial logit on the customer's channel preferences and the waits
 * the customer expects):
 *
 *   v_c = π_{k,c} · exp(−β_c · (W_{i,c} − W⁰_c))   for the channels the customer's segment may use
 *   P(channel c) = v_c / Σ_c' v_c'
 *
 * where π_{k,c} is need type k's preference for channel c (Σ_c π = 1), β_c the channel's
 * wait weight per minute, W_{i,c} customer i's expected wait on it (an exponentially
 * weighted memory of the waits the customer has experienced there, see customers.ts) and
 * W⁰_c the wait customers expect to begin with (the channel's usual wait). So π is the
 * channel mix when waits are as usual; waits longer than usual push customers away from a
 * channel, shorter ones draw them to it.
 *
 * Request probability (a logistic on severity, price and the access "inclusive value"):
 *
 *   IV = ln Σ_c v_c                     (0 when every channel is offered and waits are as usual)
 *   p_request = σ(α + β_sev · severity − β_price · price + β_IV · IV),   σ(x) = 1 / (1 + e^−x)
 *
 * IV is the nested-logit measure of how good the customer's options are: it falls when
 * channels the need type prefers are not offered to the segment (ln of the preference
 * share offered) and when expected waits grow, so long waits suppress requests and shift
 * them toward the channels that are still quick. Coverage hours act after the decision
 * (see supportModel.ts: a need whose chosen real-time channel is closed waits for the
 * opening, tries self-service, or is dropped, as the scenario says).
 */
import type { Rng } from "../../engine/random.js";

/** Logistic function. */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export class Accessibility {
  /** Channel chosen by the last `evaluate` (−1: no channel available). */
  channel = -1;
  /** Request probability computed by the last `evaluate`. */
  probability = 0;
  private readonly v: Float64Array;

  constructor(
    /** Preference π per need type × channel (row-major, rows sum to 1). */
    private readonly preference: Float64Array,
    /** β_c per channel. */
    private readonly waitWeight: Float64Array,
    /** W⁰_c per channel: the usual wait, at which the preference weights hold as given. */
    private readonly usualWait: Float64Array,
    private readonly channels: number,
    private readonly askLogOdds: number,
    private readonly severityWeight: number,
    private readonly priceWeight: number,
    private readonly accessWeight: number,
  ) {
    this.v = new Float64Array(channels);
  }

  /**
   * Evaluate a need of type `need` and severity `severity` for a customer who pays `price`
   * per incident, may use the channels whose bit is set in `allowedMask`, and expects the
   * waits `expectedWait(c)`. Picks the channel with `uChannel` (a uniform in [0, 1)).
   * Results in `channel` and `probability`; no allocation.
   */
  evaluate(need: number, severity: number, price: number, allowedMask: number, expectedWait: (c: number) => number, uChannel: number): void {
    const C = this.channels, v = this.v;
    let sum = 0;
    for (let c = 0; c < C; c++) {
      const pi = (allowedMask >>> c) & 1 ? this.preference[need * C + c] : 0;
      v[c] = pi > 0 ? pi * Math.exp(-this.waitWeight[c] * (expectedWait(c) - this.usualWait[c])) : 0;
      sum += v[c];
    }
    if (!(sum > 0)) {
      this.channel = -1;
      this.probability = 0;
      return;
    }
    let x = uChannel * sum, c = 0;
    while (c < C - 1 && (v[c] === 0 || x >= v[c])) { x -= v[c]; c++; }
    while (v[c] === 0 && c > 0) c--; // rounding at the top end
    this.channel = c;
    this.probability = logistic(this.askLogOdds + this.severityWeight * severity - this.priceWeight * price + this.accessWeight * Math.log(sum));
  }

  /** The same choice, another channel only: used for a repeat contact that switches channel. */
  otherChannel(current: number, rng: Rng): number {
    const C = this.channels, v = this.v;
    let sum = 0;
    for (let c = 0; c < C; c++) if (c !== current) sum += v[c];
    if (!(sum > 0)) return current;
    let x = rng() * sum;
    for (let c = 0; c < C; c++) {
      if (c === current || v[c] === 0) continue;
      if (x < v[c]) return c;
      x -= v[c];
    }
    return current;
  }
}
