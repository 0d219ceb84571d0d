/**
 * What the contact network tells the support model about each contact (network.ts
 * NetworkObserver), and what the model makes of it:
 *
 * - contact statistics per (tier, channel) and, at the channel's entry tier, per interval of
 *   arrival, and the channel's backlog (contacts waiting at the entry tier, time-weighted);
 * - the wait a customer remembers of the channel (at its entry tier), the dissatisfaction of a
 *   wait beyond the channel's target and its effort on the experience ladder (softened for a
 *   customer told of the known issue), a vendor's experience penalty, transfers and escalations;
 * - the per-contact charges: the channel's cost per contact, a vendor's cost per contact;
 * - when the contact leaves the network, the need goes back to its path (needPath.ts): resolved
 *   (first-contact resolution if its first contact was not moved; a problem-management fix may
 *   follow), unresolved (a repeat contact, or it gives up), abandoned (a redial, or it gives up).
 */
import { DAY_MINUTES } from "../../time/units.js";
import type { SupportConfig } from "../config.js";
import { AF, ATTEMPT_FIELDS, CF, FF, IF, type SupportCounters } from "../counters.js";
import type { CustomerBase } from "../customers/customerBase.js";
import { longWaitRows } from "../customers/retention.js";
import type { Quality } from "../demand/quality.js";
import { NeedFlag, type ContactStore } from "../network/contacts.js";
import type { NetworkObserver } from "../network/networkConfig.js";
import { firstLine } from "../routingOrder.js";
import type { CostBook } from "./costBook.js";

/** Where a contact's need goes back to (its path, needPath.ts): counted in the funnel, finished, or sent round again. */
export interface NeedHandback {
  funnel(id: number, field: number, amount?: number): void;
  finish(id: number, field: number, now: number): void;
  unresolved(id: number, now: number): void;
  abandoned(id: number, c: number, now: number): void;
}

export class ContactOutcomes implements NetworkObserver {
  private readonly weights: SupportConfig["retention"]["weights"];
  private readonly entryTier: Int32Array<ArrayBuffer>;
  private readonly target: Float64Array<ArrayBuffer>;
  private readonly dissatisfactionWeight: Float64Array<ArrayBuffer>;
  private readonly contactCost: Float64Array<ArrayBuffer>;
  private readonly vendorPenalty: Float64Array<ArrayBuffer>;
  private readonly vendorContactCost: Float64Array<ArrayBuffer>;
  private readonly gamma: number;
  private readonly abandonPenalty: Float64Array<ArrayBuffer>;
  private readonly T: number;
  /** channel · T + tier → 1 if the tier is in the channel's first line. */
  private readonly firstLine: Uint8Array<ArrayBuffer>;

  constructor(
    cfg: SupportConfig,
    private readonly path: NeedHandback,
    private readonly store: ContactStore,
    private readonly counters: SupportCounters,
    private readonly customers: CustomerBase,
    private readonly quality: Quality,
    private readonly book: CostBook,
  ) {
    this.weights = cfg.retention.weights;
    this.entryTier = Int32Array.from(cfg.channels.map((c) => c.entryTier));
    this.target = Float64Array.from(cfg.channels.map((c) => (c.kind === "deferred" ? c.responseTarget ?? DAY_MINUTES : cfg.threshold)));
    this.dissatisfactionWeight = Float64Array.from(cfg.channels.map((c) => c.dissatisfactionWeight));
    this.contactCost = Float64Array.from(cfg.costs.perContactByChannel);
    this.vendorPenalty = Float64Array.from(cfg.pools.map((p) => p.vendor?.experiencePenalty ?? 0));
    this.vendorContactCost = Float64Array.from(cfg.pools.map((p) => p.vendor?.costPerContact ?? 0));
    this.gamma = cfg.access.waitMemory;
    this.abandonPenalty = Float64Array.from(cfg.channels.map((c) => c.abandonPenalty));
    this.T = cfg.tiers.length;
    this.firstLine = Uint8Array.from(cfg.channels.flatMap((_, c) => { const on = firstLine(cfg, c); return cfg.tiers.map((__, t) => (on.includes(t) ? 1 : 0)); }));
  }

  private softenOf(id: number, now: number) {
    return ((this.store.flags[id] & NeedFlag.Softened) !== 0 ? 1 - this.quality.notification(now).soften : 1);
  }

  entered(id: number, tier: number, now: number): void {
    const s = this.store;
    const c = s.channel[id], k = this.counters, entry = tier === this.entryTier[c];
    // the backlog counts every contact waiting in the measured window, whenever it arrived (its integral starts at the warm-up's end)
    if (entry) k.backlog[c].add(now, 1);
    if (s.interval[id] < 0) return;
    k.contact[k.contactRow(tier, c) + CF.offered] += 1;
    if (entry) {
      const iv = k.intervalRow(s.interval[id], c);
      if (iv >= 0) k.byInterval[iv + IF.offered] += 1;
    }
  }

  answered(id: number, tier: number, wait: number, now: number): void {
    const s = this.store;
    const c = s.channel[id];
    const cust = s.customer[id];
    const entry = tier === this.entryTier[c];
    // the customer holds at the entry tier, and at every later tier it waits in as a real-time contact (not as a ticket)
    if (entry || s.deferred[id] === 0) s.held[id] += wait;
    // dissatisfaction grows with the wait beyond the channel's target
    const over = wait - this.target[c];
    if (over > 0 && entry) {
      const soften = this.softenOf(id, now);
      this.path.funnel(id, FF.dissatisfaction, this.dissatisfactionWeight[c] * (over / this.target[c]) * soften);
      // a need's effort moves its customer's experience only (needPath.ts finish): none to keep for a forecast contact
      if (cust >= 0) s.effort[id] += longWaitRows(wait, this.target[c], this.weights.longWait) * this.dissatisfactionWeight[c] * soften;
    }
    const q = s.pool[id];
    if (this.vendorPenalty[q] !== 0 && cust >= 0) s.effort[id] += this.vendorPenalty[q];
    if (this.vendorContactCost[q] !== 0) this.book.ledger.add(q, now, this.vendorContactCost[q]);
    if (entry && this.contactCost[c] !== 0) this.book.ledger.add(this.book.contacts, now, this.contactCost[c]);
    if (entry) this.counters.backlog[c].add(now, -1);
    if (s.interval[id] < 0) return;
    const k = this.counters, n = k.contact, r = k.contactRow(tier, c);
    n[r + CF.answered] += 1;
    n[r + CF.waitAnswered] += wait;
    n[r + CF.waitAll] += wait;
    if (s.deferred[id] === 1) {
      n[r + CF.answeredDeferred] += 1;
      n[r + CF.waitAnsweredDeferred] += wait;
    }
    if (entry) {
      const ok = wait <= this.target[c];
      if (ok) n[r + CF.withinTarget] += 1;
      const iv = k.intervalRow(s.interval[id], c);
      if (iv >= 0) {
        const b = k.byInterval;
        b[iv + IF.answered] += 1;
        if (ok) b[iv + IF.withinTarget] += 1;
        b[iv + IF.waitAll] += wait;
        b[iv + IF.waitAnswered] += wait;
      }
    }
  }

  heldToLimit(id: number, _tier: number, wait: number): void {
    // held until the tier's limit, then a callback or a ticket: no longer on hold (answered() adds no more)
    this.store.held[id] += wait;
  }

  moved(id: number, tier: number, outcome: "transferred" | "escalated"): void {
    this.store.flags[id] |= NeedFlag.Moved;
    this.store.effort[id] += outcome === "transferred" ? this.weights.transfer : this.weights.escalation;
    if (this.store.interval[id] >= 0) this.counters.contact[this.counters.contactRow(tier, this.store.channel[id]) + (outcome === "transferred" ? CF.transferred : CF.escalated)] += 1;
  }

  left(id: number, tier: number, outcome: "resolved" | "unresolved" | "abandoned", wait: number, now: number): void {
    const s = this.store, k = this.counters;
    const c = s.channel[id];
    const isCounted = s.interval[id] >= 0;
    this.remember(id, c, outcome === "abandoned" ? wait : -1, isCounted);
    if (outcome === "resolved") {
      if (isCounted) {
        k.contact[k.contactRow(tier, c) + CF.resolved] += 1;
        const r = c * ATTEMPT_FIELDS.length;
        k.attempt[r + AF.resolved] += 1;
        k.attempt[r + AF.firstLine] += this.firstLine[c * this.T + tier];
        k.attempt[r + AF.toResolution] += now - s.arrival[id];
      }
      if (s.attempts[id] === 1 && (s.flags[id] & NeedFlag.Moved) === 0) this.path.funnel(id, FF.resolvedFirstContact);
      // the need's resolution, by the tier that resolved it (counted as funnel.resolved is: once, for a need that arose after the warm-up)
      if (s.funnelRow[id] >= 0) k.resolvedNeeds[tier] += 1;
      if (this.quality.recordResolved(s.need[id], now)) this.book.ledger.add(this.book.problemManagement, now, this.quality.costPerFix);
      return this.path.finish(id, FF.resolved, now);
    }
    if (outcome === "unresolved") {
      if (isCounted) k.contact[k.contactRow(tier, c) + CF.unresolved] += 1;
      return this.path.unresolved(id, now);
    }
    // abandoned
    if (isCounted) {
      const r = k.contactRow(tier, c);
      k.contact[r + CF.abandoned] += 1;
      k.contact[r + CF.waitAll] += wait;
    }
    if (tier === this.entryTier[c]) {
      k.backlog[c].add(now, -1);
      if (isCounted) {
        const iv = k.intervalRow(s.interval[id], c);
        if (iv >= 0) {
          k.byInterval[iv + IF.abandoned] += 1;
          k.byInterval[iv + IF.waitAll] += wait;
        }
      }
    }
    this.path.abandoned(id, c, now);
  }

  /**
   * The contact ends (abandoned after waiting `abandonedAfter` minutes, or −1): its customer
   * remembers the channel by the time held across its tiers, plus the abandonment penalty if it
   * went unanswered (docs/model.md §5.2), and the attempt counters add it up.
   */
  private remember(id: number, c: number, abandonedAfter: number, isCounted: boolean) {
    const s = this.store;
    const unanswered = abandonedAfter >= 0 ? 1 : 0;
    const held = s.held[id] + (unanswered === 1 ? abandonedAfter : 0);
    const cust = s.customer[id];
    if (cust >= 0) this.customers.observeWait(cust, c, held + unanswered * this.abandonPenalty[c], this.gamma);
    if (!isCounted) return;
    const a = this.counters.attempt, r = c * ATTEMPT_FIELDS.length;
    a[r + AF.ended] += 1;
    a[r + AF.held] += held;
    a[r + AF.unanswered] += unanswered;
  }
}
