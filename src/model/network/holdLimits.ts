/**
 * Hold limits of warm transfers (docs/model.md §8.1): a real-time contact transferred to a tier
 * with a `holdLimit` that is still waiting there after the limit (network.ts schedules the
 * HOLD_LIMIT event in its abandonment's slot when the limit comes first) becomes deferred — a
 * callback that keeps its place in the real-time line, or a ticket that moves to the deferred line
 * of the same (partition, tier, work type, class) — and no longer abandons.
 */
import type { ContactStore } from "./contacts.js";
import type { LineSet } from "./lineSet.js";
import type { NetworkTier } from "./networkConfig.js";

export class HoldLimits {
  /** Per tier: the limit, minutes (Infinity: none). */
  readonly limit: Float64Array;
  /** Per tier: 1 if a contact held to the limit becomes a ticket, 0 a callback. */
  private readonly ticket: Uint8Array;
  constructor(
    tiers: readonly NetworkTier[],
    /** Per tier: counted contacts held to the limit (the network's `holdLimited`). */
    private readonly counted: Float64Array,
  ) {
    this.limit = Float64Array.from(tiers.map((t) => t.holdLimit ?? Infinity));
    this.ticket = Uint8Array.from(tiers.map((t) => (t.holdLimitTicket ? 1 : 0)));
  }

  /** Contact `id`, waiting at tier t, reached the limit: make it a callback or a ticket. */
  expire(id: number, t: number, c: ContactStore, lines: LineSet, classes: number, isCounted: boolean): void {
    c.abandonEvent[id] = -1;
    c.deferred[id] = 1;
    if (this.ticket[t] === 1) {
      // the deferred band of its line is `classes` further on (routingTables.ts lineIndex)
      const line = lines.lineOfContact(id);
      lines.remove(id);
      lines.join(line + classes, id);
    } else {
      c.callback[id] = 1;
    }
    if (isCounted) this.counted[t]++;
  }
}
