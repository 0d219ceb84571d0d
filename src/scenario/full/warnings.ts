/**
 * Warnings: problems of a valid full-form scenario that do not stop a run (printed by validate,
 * run, compare, sweep and staff).
 */
import { servesAtEntry, type SupportConfig } from "../../model/config.js";
import { firstLine } from "../../model/routingOrder.js";
import { parseStartEpochMs } from "../../time/iso.js";
import { WeeklyPattern } from "../../model/staffing/weeklyPattern.js";
import { WEEK_MINUTES } from "../../time/units.js";
import { TimeZoneClock } from "../../time/zone.js";
import { DAY_MINUTES } from "../../time/units.js";
import { clock, DAY_NAMES } from "../../time/weekClock.js";
import type { SupportScenario } from "./schema.js";

/** "Mon 12:00" of a minute of the week; the end of a run that stops at midnight is "24:00" of its day. */
function weekTime(m: number, end = false): string {
  let day = Math.floor(m / DAY_MINUTES);
  let minute = m - day * DAY_MINUTES;
  if (end && minute === 0) {
    day = (day + 6) % 7;
    minute = DAY_MINUTES;
  }
  return `${DAY_NAMES[day % 7]} ${clock(minute)}`;
}

/** "Mon 12:00–12:30", or "Fri 22:00–Sat 02:00" across midnight. */
function weekInterval(a: number, b: number): string {
  const from = weekTime(a);
  const to = weekTime(b, true);
  return from.slice(0, 3) === to.slice(0, 3) ? `${from}–${to.slice(4)}` : `${from}–${to}`;
}

/**
 * Problems of a valid scenario that should not stop a run, one line each, "path: message":
 * - a pool without a cost (`costPerHour` or `cost`): the costs leave it out;
 * - a vendor with no cost at all (costPerHour, costPerContact and feePerMonth all 0);
 * - a real-time channel with opening hours that is open while no pool serving it at its entry
 *   tier has an agent on the floor (lunch breaks, a gap between shifts), over one week;
 * - a real-time wait with no bound: a customers' real-time channel whose entry tier has no
 *   patience for it, or a warm transfer to a tier with neither a patience for the channel (its
 *   own or the entry tier's, which it keeps) nor a hold limit (a caller held for hours).
 *
 * The coverage check compares the channel's hours (local time of the scenario's zone) with
 * each pool's weekly floor (`WeeklyPattern.floorAt`, local time of the pool's zone) minute by
 * minute over the local week Mon 00:00 … Sun 24:00, shifting each pool's pattern by the
 * difference of UTC offsets AT THE START (the start week is the representative week: a
 * daylight-saving change later, or on a different date in the two zones, moves it). It looks
 * at schedules only: shrinkage, a vendor's start and a workforce's hiring are not counted.
 */
export function scenarioWarnings(s: SupportScenario, cfg: SupportConfig): string[] {
  const out: string[] = [];
  // real-time waits with no bound: no patience at the entry tier (customers' scenarios only: a queue
  // model may mean Erlang C), or a warm transfer to a tier with neither a patience (its own or the
  // entry tier's) nor a hold limit
  cfg.channels.forEach((ch, c) => {
    if (ch.kind !== "realtime") return;
    const [entry, ...held] = firstLine(cfg, c);
    const entryPatience = cfg.tiers[entry].patienceByChannel[c];
    if (entryPatience === undefined && cfg.causal) {
      out.push(`tiers[${entry}].patience.${ch.name}: missing: a ${ch.name} contact waits at its entry tier "${cfg.tiers[entry].name}" without patience, so its wait is unbounded (nobody abandons)`);
    }
    for (const t of held) {
      if (cfg.tiers[t].patienceByChannel[c] === undefined && entryPatience === undefined && cfg.tiers[t].holdLimit === undefined) {
        out.push(`tiers[${t}].holdLimit: missing: a ${ch.name} contact warm-transferred to "${cfg.tiers[t].name}" waits there without patience or hold limit, so its hold is unbounded (give the tier a patience for ${ch.name} or a holdLimit, or escalate as a ticket)`);
      }
    }
  });
  s.pools.forEach((p, i) => {
    if (p.vendor === undefined) {
      if (p.costPerHour === undefined && p.cost === undefined) out.push(`pools[${i}].costPerHour: missing: costs leave out pool "${p.name}"`);
      return;
    }
    const v = p.vendor;
    if (!((v.costPerHour ?? 0) > 0 || (v.costPerContact ?? 0) > 0 || (v.feePerMonth ?? 0) > 0)) {
      out.push(`pools[${i}].vendor: expected a cost (costPerHour, costPerContact or feePerMonth > 0), got none: costs leave out vendor pool "${p.name}"`);
    }
  });

  const startMs = parseStartEpochMs(cfg.start, cfg.timeZone);
  const offsetAtStart = (zone: string): number => new TimeZoneClock(zone).offsetMinutes(startMs);
  const baseOffset = offsetAtStart(cfg.timeZone);
  cfg.channels.forEach((ch, c) => {
    if (ch.kind !== "realtime" || ch.hours === undefined) return;
    const serving = cfg.pools.filter((p) => servesAtEntry(cfg, p, c));
    if (serving.length === 0) return;
    const covered = new Uint8Array(WEEK_MINUTES);
    for (const p of serving) coverFloor(covered, new WeeklyPattern(p.schedule), offsetAtStart(p.timeZone) - baseOffset);
    const open = new Uint8Array(WEEK_MINUTES);
    for (const span of ch.hours.spans) for (const d of span.days) open.fill(1, d * DAY_MINUTES + span.open, d * DAY_MINUTES + span.close);
    const gaps: string[] = [];
    let from = -1;
    for (let m = 0; m <= WEEK_MINUTES; m++) {
      const uncovered = m < WEEK_MINUTES && open[m] === 1 && covered[m] === 0;
      if (uncovered && from < 0) from = m;
      else if (!uncovered && from >= 0) {
        gaps.push(weekInterval(from, m));
        from = -1;
      }
    }
    if (gaps.length === 0) return;
    const MAX = 10;
    const shown = gaps.length <= MAX ? gaps.join(", ") : `${gaps.slice(0, MAX).join(", ")}, … (${gaps.length - MAX} more)`;
    const names = serving.map((p) => JSON.stringify(p.name)).join(", ");
    out.push(`channels[${c}] (${ch.name}): open but no agent on the floor ${shown} (pool${serving.length > 1 ? "s" : ""} ${names}; ${cfg.timeZone} time, the week of the start)`);
  });
  return out;
}

/**
 * Marks in `covered` (one entry per minute of the week, the channel's clock) the minutes m with
 * someone of `pattern` on the floor at its minute m + `shift`: its segments with floor > 0, from
 * its change points (WeeklyPattern.changesOn), rather than floorAt minute by minute (10,080
 * calls per pool: most of `validate`'s time in the warnings).
 */
function coverFloor(covered: Uint8Array, pattern: WeeklyPattern, shift: number): void {
  const fill = (a: number, b: number): void => {
    // minutes m with a ≤ m + shift < b, modulo the week
    const from = Math.ceil(a - shift), to = Math.ceil(b - shift);
    for (let m = from; m < to; m++) covered[((m % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES] = 1;
  };
  let at = 0, floor = pattern.floorAt(0);
  for (let d = 0; d < 7; d++) {
    const c = pattern.changesOn(d);
    for (let k = 0; k < c.minutes.length; k++) {
      const m = d * DAY_MINUTES + c.minutes[k];
      if (floor > 0) fill(at, m);
      at = m;
      floor = c.floor[k];
    }
  }
  if (floor > 0) fill(at, WEEK_MINUTES);
}
