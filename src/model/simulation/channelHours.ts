/**
 * When each channel is open: its own hours if the scenario gives them, else whenever a pool
 * answering it at its entry tier has someone on the floor (in the pool's own time zone), so
 * follow-the-sun pools in several zones extend the channel's hours. Deferred channels accept at
 * any time. Hours are laid out up to DRAIN_MINUTES after the horizon.
 */
import type { SupportConfig } from "../config.js";
import { OpeningHours } from "../staffing/openingHours.js";
import type { WeeklyPattern } from "../staffing/weeklyPattern.js";
import { DRAIN_MINUTES } from "./poolStaffing.js";

export function channelHoursOf(cfg: SupportConfig, patterns: readonly WeeklyPattern[], startMs: number): OpeningHours[] {
  const C = cfg.channels.length, until = cfg.horizon + DRAIN_MINUTES;
  const poolOpen = cfg.pools.map((p, q) => new OpeningHours(patterns[q].staffedHours(), startMs, p.timeZone, until));
  return cfg.channels.map((c, ci) => {
    if (c.kind !== "realtime" || c.hours !== undefined) return new OpeningHours(c.kind === "realtime" ? c.hours : undefined, startMs, cfg.timeZone, until);
    const answering = cfg.pools.map((p, q) => (p.tier === c.entryTier && p.skills.some((w) => w % C === ci) ? poolOpen[q] : null)).filter((h): h is OpeningHours => h !== null);
    return answering.length > 0 ? OpeningHours.union(answering) : new OpeningHours(undefined, startMs, cfg.timeZone, until);
  });
}
