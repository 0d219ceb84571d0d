import { TimeZoneClock } from "./zone.js";
import { startEpochMs } from "./iso.js";
import { HOUR_MS } from "./units.js";

/** Local wall-clock "yyyy-mm-ddThh:mm" of an instant (epoch ms) in a zone. */
export function localText(clock: TimeZoneClock, ms: number): string {
  return new Date(clock.local(ms).localMs).toISOString().slice(0, 16);
}

/** Local wall-clock "yyyy-mm-dd hh:mm" `hours` after a scenario's start (ISO, local in `timeZone` unless it has an offset): when its warm-up ends, when its horizon does. */
export function localAfter(startIso: string, timeZone: string, hours: number): string {
  const clock = new TimeZoneClock(timeZone);
  return localText(clock, startEpochMs(startIso, clock) + hours * HOUR_MS).replace("T", " ");
}
