/**
 * What every part of the builder shares: the time frame (the start in its zone, dates → model
 * minutes since the start, the horizon), the service-level threshold, and the names that
 * references are resolved against (by index: the model numbers need types, channels and tiers).
 */
import { parseStartEpochMs } from "../../../time/iso.js";
import { MINUTE_MS } from "../../../time/units.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import { horizonMinutes } from "../horizon.js";
import type { SupportScenario } from "../schema.js";

export interface BuildContext {
  timeZone: string;
  /** The start, epoch milliseconds. */
  startMs: number;
  /** The horizon, minutes. */
  horizon: number;
  /** A date (local midnight) or date-time in the scenario's zone → minutes since the start. */
  toT: (date: string) => number;
  /** The service-level threshold, minutes. */
  threshold: number;
  classes: string[];
  needNames: string[];
  chanNames: string[];
  tierNames: string[];
}

export function buildContext(s: SupportScenario): BuildContext {
  const timeZone = s.timeZone ?? D.timeZone;
  const startMs = parseStartEpochMs(s.start, timeZone);
  const horizon = horizonMinutes(s.horizon);
  if (horizon === undefined) throw new RangeError("buildSupport: expected a validated scenario (horizon: exactly one of days or hours)");
  return {
    timeZone,
    startMs,
    horizon,
    toT: (date: string): number => (parseStartEpochMs(date, timeZone) - startMs) / MINUTE_MS,
    threshold: (s.serviceLevel?.thresholdSeconds ?? D.serviceLevel.thresholdSeconds) / 60,
    classes: [...(s.priorityClasses ?? D.priorityClasses)],
    needNames: s.needTypes.map((n) => n.name),
    chanNames: s.channels.map((c) => c.name),
    tierNames: s.tiers.map((t) => t.name),
  };
}

/** The index of `name` in `names` (the scenario is validated: a name that is not there is a bug). */
export function nameIndex(names: readonly string[], name: string, what: string): number {
  const i = names.indexOf(name);
  if (i < 0) throw new RangeError(`buildSupport: unknown ${what} "${name}" (expected a validated scenario)`);
  return i;
}
