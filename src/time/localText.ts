import type { TimeZoneClock } from "./zone.js";

/** Local wall-clock "yyyy-mm-ddThh:mm" of an instant (epoch ms) in a zone. */
export function localText(clock: TimeZoneClock, ms: number): string {
  return new Date(clock.local(ms).localMs).toISOString().slice(0, 16);
}
