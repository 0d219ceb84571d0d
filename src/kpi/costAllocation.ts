/**
 * What the cost of a run comes to per tier and per channel (docs/model.md §19.1): the pools'
 * costs and the per-contact channel costs, allocated so that nothing is lost or counted twice.
 *
 *   pool cost_q      = its ledger category (paid time incl. overtime, or a vendor's hours,
 *                      contacts and fees) + its share of the `hiring` category (hires_q × cost per hire)
 *   contacts cost_c  = the `contacts` category × (costPerContact_c · answered at entry_c) / Σ of those
 *   tier cost_t      = Σ_{q in t} pool cost_q + Σ_{c entering at t} contacts cost_c
 *   channel cost_c   = Σ_q pool cost_q · H_qc / H_q + contacts cost_c         (end to end)
 *   entry cost_c     = Σ_{q in entry tier of c} pool cost_q · H_qc / H_q + contacts cost_c
 * with H_qc the handle time pool q spent on channel c's contacts (network.ts poolHandleTimeByWork)
 * and H_q = Σ_c H_qc: a pool's busy time is split by the handle time each channel took, and its
 * idle time in proportion to its busy time — together, its whole cost by handle-time share [A].
 * A pool that handled nothing counted (a vendor paid before its first contact) is split by its
 * tier's handle-time shares, else the whole network's, else evenly over the channels, so that
 *   Σ_t tier cost_t = Σ_c channel cost_c = Σ_q pool cost_q + contacts category
 * whatever the run. Self-service, the KCS programme, problem management and customer training belong to no tier or
 * channel: they are the total's remainder (`cost.unallocated`).
 */

export interface AllocationInput {
  /** Per pool: its cost (ledger category and its share of hiring) and its tier. */
  poolCost: ArrayLike<number>;
  poolTier: ArrayLike<number>;
  /** Per pool × channel (q × C + c): handle time spent on the channel's contacts. */
  handleByChannel: ArrayLike<number>;
  /** The `contacts` category and, per channel, its weight (cost per contact × contacts answered at entry). */
  contactsCost: number;
  contactsWeight: ArrayLike<number>;
  /** Per channel: its entry tier. */
  entryTier: ArrayLike<number>;
  tiers: number;
}

export interface Allocation {
  /** Per tier: its pools' costs and the per-contact costs of the channels entering there. */
  tier: Float64Array;
  /** Per channel: every tier its contacts pass through (end to end), and its entry tier alone. */
  channel: Float64Array;
  channelEntry: Float64Array;
}

/** Shares of `w` (its entries over their sum), or null when they sum to nothing. */
function shares(w: ArrayLike<number>): Float64Array | null {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  if (!(s > 0)) return null;
  return Float64Array.from(w, (x) => x / s);
}

/** The run's pool and contact costs per tier and per channel (see the module comment). */
export function allocateCosts(a: AllocationInput): Allocation {
  const Q = a.poolCost.length, C = a.entryTier.length, T = a.tiers;
  const tier = new Float64Array(T), channel = new Float64Array(C), channelEntry = new Float64Array(C);
  const handleOf = (q: number) => Array.from({ length: C }, (_, c) => a.handleByChannel[q * C + c]);
  const sumRows = (pools: number[]) => Array.from({ length: C }, (_, c) => pools.reduce((s, q) => s + a.handleByChannel[q * C + c], 0));
  const all = Array.from({ length: Q }, (_, q) => q);
  const even = new Float64Array(C).fill(C > 0 ? 1 / C : 0);
  for (let q = 0; q < Q; q++) {
    const cost = a.poolCost[q], t = a.poolTier[q];
    tier[t] += cost;
    if (cost === 0) continue;
    const share = shares(handleOf(q)) ?? shares(sumRows(all.filter((p) => a.poolTier[p] === t))) ?? shares(sumRows(all)) ?? even;
    for (let c = 0; c < C; c++) {
      channel[c] += cost * share[c];
      if (a.entryTier[c] === t) channelEntry[c] += cost * share[c];
    }
  }
  if (a.contactsCost !== 0) {
    const share = shares(a.contactsWeight) ?? even;
    for (let c = 0; c < C; c++) {
      const x = a.contactsCost * share[c];
      tier[a.entryTier[c]] += x;
      channel[c] += x;
      channelEntry[c] += x;
    }
  }
  return { tier, channel, channelEntry };
}
