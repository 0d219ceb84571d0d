/**
 * The reserve for live work `staff` sizes blended pools with (docs/model.md §8.1, §14.5): a pool
 * that takes a real-time and a deferred channel at its tier (phone and e-mail at L1) and whose
 * scenario does not set `reserveForLive` is sized, and planned, with R agents kept idle for live
 * work while deferred work waits (StaffOptions.reserveForLive, default STAFF_DEFAULTS.reserveForLive).
 * Without it every agent at the opening takes the night's e-mail and the calls queue behind them,
 * so the requirement has a spike whole shifts must cover; the staffed scenario carries the
 * reserve (staffedScenario.ts), so the plan runs as it was sized.
 */
import type { SupportConfig } from "../../model/config.js";
import { isBlended } from "../../scenario/full/build/pools.js";
import type { SupportScenario } from "../../scenario/full/schema.js";

/** `config` with `reserve` on each blended pool the scenario leaves without one (unchanged when there is none, or `reserve` is 0). */
export function withLiveReserve(definition: SupportScenario, config: SupportConfig, reserve: number): SupportConfig {
  const apply = definition.pools.map((p) => reserve > 0 && p.reserveForLive === undefined && isBlended(definition, p));
  if (!apply.includes(true)) return config;
  return { ...config, pools: config.pools.map((p, q) => (apply[q] ? { ...p, reserveForLive: reserve } : p)) };
}
