/** Opening hours in the file's notation (`{ "days": "Mon-Fri", "open": "08:00", "close": "18:00" }` spans, local time) → the model's WeeklyHours. */
import type { WeeklyHours } from "../../model/config.js";
import { parseClock, parseDays } from "../../time/weekClock.js";

/** Opening spans → WeeklyHours (undefined = always open). Expects valid spans. */
export function weeklyHours(hours: readonly { days: string; open: string; close: string }[] | undefined): WeeklyHours | undefined {
  if (hours === undefined) return undefined;
  return { spans: hours.map((h) => ({ days: parseDays(h.days), open: parseClock(h.open), close: parseClock(h.close) })) };
}
