/**
 * The tiers in routing order: the channels' entry tiers (in channel order), each followed by
 * the tiers its unresolved work goes to (`next`), then any tier no channel reaches, in file
 * order. What the tables, the JSON and the charts list tiers by, so that a what-if adding a
 * tier "L1.5" at the end of its file shows it between L1 and L2.
 */
import type { SupportConfig } from "./config.js";

/** Tier indices in routing order (a permutation of 0 … tiers − 1). */
export function routingOrder(cfg: Pick<SupportConfig, "tiers" | "channels">): number[] {
  const seen = new Uint8Array(cfg.tiers.length), out: number[] = [];
  const follow = (t: number | undefined) => {
    while (t !== undefined && seen[t] === 0) {
      seen[t] = 1;
      out.push(t);
      t = cfg.tiers[t].next;
    }
  };
  for (const c of cfg.channels) follow(c.entryTier);
  for (let t = 0; t < cfg.tiers.length; t++) follow(t);
  return out;
}

/**
 * A channel's first line: its entry tier and the tiers warm transfers reach from it (`nextMode`
 * "transfer", e.g. an "L1.5" desk), in order — where a contact is still on its first answer's
 * line. An escalation (a ticket) ends it.
 */
export function firstLine(cfg: Pick<SupportConfig, "tiers" | "channels">, channel: number): number[] {
  const out: number[] = [];
  for (let t: number | undefined = cfg.channels[channel].entryTier; t !== undefined && !out.includes(t); ) {
    out.push(t);
    t = cfg.tiers[t].nextMode === "transfer" ? cfg.tiers[t].next : undefined;
  }
  return out;
}
