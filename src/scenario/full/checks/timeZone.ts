/** Whether a time zone name is a usable IANA zone, with a did-you-mean when it is not. */
import { closest } from "../../../errors.js";
import { TimeZoneClock } from "../../../time/zone.js";

/** Why `zone` is not a usable IANA time zone (with a did-you-mean), or undefined if it is. */
export function timeZoneProblem(zone: string): string | undefined {
  try {
    new TimeZoneClock(zone);
    return undefined;
  } catch (e) {
    const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    const guess = closest(zone, [...known, "UTC"]);
    return `${(e as Error).message}${guess ? ` (did you mean "${guess}"?)` : ""}`;
  }
}
