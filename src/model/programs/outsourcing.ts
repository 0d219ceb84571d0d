/**
 * Outsourcing: a vendor running a pool (VendorConfig in supportConfig.ts). What a vendor
 * changes is spread over the layers, and this file gathers the vendor's own rules:
 *
 * - **Routing** (network.ts, `NetworkPool.routing`): "pool" — its agents take work from the
 *   tier's lines like any pool (a whole tier outsourced, or a night shift); "share" — a fixed
 *   share of the contacts entering the tier for the work it serves is routed to it alone;
 *   "overflow" — it takes only contacts that have waited `overflowAfter` minutes.
 * - **Start and transition** (here): no agents before `start`; from then on its proficiency
 *   rises linearly from `initialProficiency` to 1 over `transition` minutes,
 *     p(t) = p0 + (1 − p0)·min(1, (t − start)/transition),
 *   stretching handle times by 1/p and lowering resolution to base × (1 − 0.5·(1 − p)), as for
 *   new hires (workforce.ts's default resolvePenalty) [A].
 * - **Its own handle time and resolution**: the pool's `handleTimeFactor` and `resolveFactor`
 *   (e.g. 1/1.34 ≈ 0.75: onshore agents 34% more likely to resolve on the first call, CFI Group
 *   2010; docs/sources.md).
 * - **Cost** (supportModel.ts books it in the pool's cost category): per paid scheduled hour,
 *   per contact it answers, and a fixed fee per calendar month (costs.ts accrueMonthly).
 * - **Experience** (supportModel.ts): each contact it answers adds `experiencePenalty` rows to
 *   the need's effort on the experience ladder (retention.ts) — perceived offshore service.
 */
import type { VendorConfig } from "../config.js";

/** A vendor in transition resolves base × (1 − VENDOR_RESOLVE_PENALTY·(1 − p)) at proficiency p. [A] */
export const VENDOR_RESOLVE_PENALTY = 0.5;

/** Whether the vendor works at time t (no agents before its start). */
export function vendorStarted(v: VendorConfig, t: number): boolean {
  return t >= v.start;
}

/** The vendor's proficiency at time t: p0 rising linearly to 1 over the transition (1 when there is none). */
export function vendorProficiency(v: VendorConfig, t: number): number {
  if (v.initialProficiency >= 1) return 1;
  const progress = v.transition > 0 ? Math.min(1, Math.max(0, (t - v.start) / v.transition)) : 1;
  return v.initialProficiency + (1 - v.initialProficiency) * progress;
}

/** Handle-time multiplier of the transition at time t: 1/p. */
export function vendorHandleFactor(v: VendorConfig, t: number): number {
  return 1 / vendorProficiency(v, t);
}

/** Resolution multiplier of the transition at time t: 1 − VENDOR_RESOLVE_PENALTY·(1 − p). */
export function vendorResolveFactor(v: VendorConfig, t: number): number {
  return 1 - VENDOR_RESOLVE_PENALTY * (1 - vendorProficiency(v, t));
}
