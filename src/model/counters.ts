/**
 * The counters of the support-demand model, kept in flat typed arrays:
 *
 * - the **demand funnel**, per (segment, need type): what became of every need that arose
 *   after the warm-up — deflected by a known-issue notification, self-served in the
 *   knowledge base (L0), never asked (unserved), resolved (first contact or later), given up
 *   unresolved or after abandoning, or still open at the end;
 * - **contact statistics** per (tier, channel): offered, answered, abandoned, waits,
 *   transfers, escalations, resolutions, callbacks;
 * - **interval series** per channel at its entry tier (offered, answered, within target,
 *   abandoned, wait) and needs per interval;
 * - the **backlog** per channel (contacts waiting at the entry tier, time-weighted).
 *
 * `supportMetrics` turns one replication's counters into named numbers (the keys the
 * analysis layer puts confidence intervals on).
 */
import { TimeWeighted } from "../engine/statistics.js";

export const FUNNEL_FIELDS = [
  "needs", // needs that arose
  "deflected", // told of a known issue: no contact needed
  "triedSelfService",
  "selfServed",
  "asked", // needs that made at least one request
  "requests", // contacts made (first contacts, repeats, redials)
  "waitedForOpening",
  "retries", // unserved needs that tried again
  "unserved", // final: never became a request (or gave up after self-service)
  "resolved",
  "resolvedFirstContact", // resolved by the first tier of the first contact
  "unresolved", // final: contacted, not resolved, did not come back
  "abandoned", // final: abandoned and did not redial
  "repeats",
  "redials",
  "openAtEnd", // still in progress when the run ended
  "supportRevenue", // price paid per incident
  "dissatisfaction", // wait-based dissatisfaction (weighted by channel)
  "experienced", // needs of customers that closed (an experience was recorded: every outcome but openAtEnd, for customers' needs)
  "churnMultiplier", // Σ of their churn multipliers M (retention.ts)
  "rated", // closed needs that asked (the CSAT proxy's base)
  "satisfied", // … whose experience row was below 1 (retention.ts isSatisfied)
  "experienceRows", // … Σ of their rows on the experience ladder
] as const;
export type FunnelField = (typeof FUNNEL_FIELDS)[number];
export const FF = Object.fromEntries(FUNNEL_FIELDS.map((f, i) => [f, i])) as Record<FunnelField, number>;

export const CONTACT_FIELDS = [
  "offered",
  "answered",
  "withinTarget", // entry tier only: answered within the SL threshold (real-time) or response target (deferred)
  "abandoned",
  "waitAnswered",
  "waitAll",
  "transferred",
  "escalated",
  "resolved",
  "unresolved",
  "answeredDeferred", // answered while waiting without abandoning (e-mail, tickets, callbacks)
  "waitAnsweredDeferred",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export const CF = Object.fromEntries(CONTACT_FIELDS.map((f, i) => [f, i])) as Record<ContactField, number>;

/**
 * Per channel, the contacts (attempts) that ended, end to end across the tiers they passed:
 * held = time waited as a real-time contact at any tier (at the entry tier for deferred ones),
 * unanswered = ended by abandoning at some tier. What customers remember of a channel (§5.2).
 * chosen = needs whose first request went to the channel (counted when it is made).
 * resolved = ended resolved; firstLine = … at a tier of the channel's first line (its entry tier
 * and the tiers warm transfers reach from it); toResolution = Σ (resolution − the contact's start).
 */
export const ATTEMPT_FIELDS = ["ended", "held", "unanswered", "chosen", "resolved", "firstLine", "toResolution"] as const;
export const AF = { ended: 0, held: 1, unanswered: 2, chosen: 3, resolved: 4, firstLine: 5, toResolution: 6 } as const;

/** Per interval of arrival and channel, at the entry tier: counts, and waits in minutes (waitAll: answered and abandoned). */
export const INTERVAL_FIELDS = ["offered", "answered", "withinTarget", "abandoned", "waitAll", "waitAnswered"] as const;
export const IF = { offered: 0, answered: 1, withinTarget: 2, abandoned: 3, waitAll: 4, waitAnswered: 5 } as const;

export interface Dimensions {
  segments: string[];
  needTypes: string[];
  channels: string[];
  tiers: string[];
  intervals: number;
}

export class SupportCounters {
  /** (segment × K + need) × FUNNEL_FIELDS.length + field */
  readonly funnel: Float64Array;
  /** (tier × C + channel) × CONTACT_FIELDS.length + field */
  readonly contact: Float64Array;
  /** (interval × C + channel) × INTERVAL_FIELDS.length + field */
  readonly byInterval: Float64Array;
  readonly needsByInterval: Float64Array;
  /** channel × ATTEMPT_FIELDS.length + field: contacts that arrived in the measured window, when they end */
  readonly attempt: Float64Array;
  /** Per tier: counted needs (arisen after the warm-up) resolved there, each once, by the tier of its resolving contact (they partition funnel.resolved). */
  readonly resolvedNeeds: Float64Array;
  readonly backlog: TimeWeighted[];
  private readonly K: number;
  private readonly C: number;

  constructor(readonly dims: Dimensions, warmup: number, horizon: number, intervalLength: number) {
    const S = dims.segments.length, K = (this.K = dims.needTypes.length), C = (this.C = dims.channels.length), T = dims.tiers.length;
    this.funnel = new Float64Array(S * K * FUNNEL_FIELDS.length);
    this.contact = new Float64Array(T * C * CONTACT_FIELDS.length);
    this.byInterval = new Float64Array(dims.intervals * C * INTERVAL_FIELDS.length);
    this.needsByInterval = new Float64Array(dims.intervals);
    this.attempt = new Float64Array(C * ATTEMPT_FIELDS.length);
    this.resolvedNeeds = new Float64Array(T);
    this.backlog = dims.channels.map(() => new TimeWeighted(warmup, horizon, intervalLength));
  }

  /** Index of the first field of (segment, need) in `funnel`. */
  funnelRow(segment: number, need: number): number {
    return (segment * this.K + need) * FUNNEL_FIELDS.length;
  }

  /** Index of the first field of (tier, channel) in `contact`. */
  contactRow(tier: number, channel: number): number {
    return (tier * this.C + channel) * CONTACT_FIELDS.length;
  }

  /** Index of the first field of (interval, channel) in `byInterval`, or −1 for an interval outside the run (not counted). */
  intervalRow(interval: number, channel: number): number {
    return interval >= 0 && interval < this.needsByInterval.length ? (interval * this.C + channel) * INTERVAL_FIELDS.length : -1;
  }

  addFunnel(segment: number, need: number, field: number, amount = 1): void {
    this.funnel[(segment * this.K + need) * FUNNEL_FIELDS.length + field] += amount;
  }

  addContact(tier: number, channel: number, field: number, amount = 1): void {
    this.contact[(tier * this.C + channel) * CONTACT_FIELDS.length + field] += amount;
  }

  addInterval(interval: number, channel: number, field: number, amount = 1): void {
    if (interval >= 0 && interval < this.needsByInterval.length) this.byInterval[(interval * this.C + channel) * INTERVAL_FIELDS.length + field] += amount;
  }

  /** Sum of a funnel field over cells selected by segment and/or need (−1 = all). */
  funnelSum(field: number, segment = -1, need = -1): number {
    return sumCells(this.funnel, this.dims.segments.length, this.K, FUNNEL_FIELDS.length, field, segment, need);
  }

  /** Sum of a contact field over cells selected by tier and/or channel (−1 = all). */
  contactSum(field: number, tier = -1, channel = -1): number {
    return sumCells(this.contact, this.dims.tiers.length, this.C, CONTACT_FIELDS.length, field, tier, channel);
  }
}

/**
 * Sum of `field` over the cells of a rows × cols grid of F-field records, keeping row `row`
 * only (−1: every row) and column `col` only (−1: every column).
 */
function sumCells(a: Float64Array, rows: number, cols: number, F: number, field: number, row: number, col: number): number {
  let s = 0;
  for (let r = row >= 0 ? row : 0; r < (row >= 0 ? row + 1 : rows); r++) {
    for (let c = col >= 0 ? col : 0; c < (col >= 0 ? col + 1 : cols); c++) s += a[(r * cols + c) * F + field];
  }
  return s;
}
