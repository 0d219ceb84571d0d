/**
 * The reserve for live work `staff` sizes blended pools with (docs/model.md §8.1, §14.5): a pool
 * that takes a real-time and a deferred channel at its tier (phone and e-mail at L1) and whose
 * scenario does not set `reserveForLive` is sized, and planned, with R agents kept idle for live
 * work while deferred work waits (StaffOptions.reserveForLive, default STAFF_DEFAULTS.reserveForLive).
 * Without it every agent at the opening takes the night's e-mail and the calls queue behind them,
 * so the requirement has a spike whole shifts must cover; the staffed scenario carries the
 * reserve (staffedScenario.ts), so the plan runs as it was sized.
 */
import { servesAtEntry, type SupportConfig } from "../../model/config.js";
import type { SupportScenario } from "../../scenario/full/schema.js";

/**
 * Whether pool q is blended: it takes a real-time and a deferred channel where they enter (phone
 * and e-mail at L1), so its agents work the deferred backlog between live contacts.
 */
export function isBlended(config: SupportConfig, q: number): boolean {
  const p = config.pools[q];
  const at = (kind: string) => config.channels.some((ch, c) => ch.kind === kind && servesAtEntry(config, p, c));
  return at("realtime") && at("deferred");
}

/** `config` with `reserve` on each blended pool the scenario leaves without one (unchanged when there is none, or `reserve` is 0). */
export function withLiveReserve(definition: SupportScenario, config: SupportConfig, reserve: number): SupportConfig {
  const apply = definition.pools.map((p, q) => reserve > 0 && p.reserveForLive === undefined && isBlended(config, q));
  if (!apply.includes(true)) return config;
  return { ...config, pools: config.pools.map((p, q) => (apply[q] ? { ...p, reserveForLive: reserve } : p)) };
}
