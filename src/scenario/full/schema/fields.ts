/**
 * Field builders of the full form, beside the common ones of ../../fields.ts: a word of a fixed
 * set (with a did-you-mean), weekday sets and clock times in planners' notation, opening hours,
 * dates, lists of names, values by name. Each states in its message what the field expects.
 */
import * as z from "zod";
import { closest } from "../../../errors.js";
import { parseClock, parseDays } from "../../../time/weekClock.js";
import { expecting, nameList, object, probability, show } from "../../fields.js";

/** One of a fixed set of words, with a did-you-mean on a near miss. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) => {
      const v = iss.input;
      if (v === undefined) return `missing: expected one of ${values.join(", ")}`;
      if (typeof v === "string") {
        const guess = closest(v, values);
        return `unknown value ${JSON.stringify(v)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${values.join(", ")}`;
      }
      return `expected one of ${values.join(", ")}, got ${show(v)}`;
    },
  });
}

/** "expected at least one X, got none" for an empty list. */
export const atLeastOne = (what: string) => ({ error: () => `expected at least one ${what}, got none` });

/** A text that `parse` must accept; its error message (one line) becomes the field's. */
const parsedText = (what: string, parse: (v: string) => unknown) =>
  z.string(expecting(what)).superRefine((v, ctx) => {
    try {
      parse(v);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
    }
  });

/** A weekday set in planners' notation ("Mon-Fri", "Sat", "Mon,Wed,Fri", "daily", "weekdays", "weekends"). */
export const daysText = () => parsedText('days such as "Mon-Fri", "Sat" or "weekdays"', parseDays);

/** A local clock time "HH:MM" (00:00 … 24:00). */
export const clockText = () => parsedText('a time of day "HH:MM"', parseClock);

/** The minutes of a clock time "HH:MM", or undefined when it does not parse. */
export function clockOrUndefined(v: unknown): number | undefined {
  try {
    return parseClock(v as string);
  } catch {
    return undefined;
  }
}

/** close after open, reported at `close`. */
export function closeAfterOpen(h: { open: string; close: string }, ctx: { addIssue(i: { code: "custom"; path: string[]; message: string }): void }): void {
  const open = clockOrUndefined(h.open), close = clockOrUndefined(h.close);
  if (open !== undefined && close !== undefined && !(close > open)) {
    ctx.addIssue({ code: "custom", path: ["close"], message: `expected a time after open (${JSON.stringify(h.open)}), got ${JSON.stringify(h.close)}` });
  }
}

/** One opening span of a weekly schedule, in local time of the scenario's time zone. */
export const HoursSpanSchema = object({ days: daysText(), open: clockText(), close: clockText() }).superRefine(closeAfterOpen);

/** Opening hours: a non-empty list of spans; absent = always open. */
export const hoursList = () =>
  z
    .array(HoursSpanSchema, expecting('a list of opening spans such as { "days": "Mon-Fri", "open": "08:00", "close": "18:00" }'))
    .min(1, atLeastOne("opening span (leave hours out for always open)"));

/** A date ("2027-01-20", local midnight) or a date-time. */
export const dateText = () => z.string(expecting('an ISO date such as "2027-01-20" or a date-time such as "2027-01-20T09:00"'));

/** A list of non-empty names, at least one. */
export const someNames = (what: string) => nameList(`a list of ${what} names`).min(1, atLeastOne(`${what} name (leave the field out for all)`));

/** An object name → value, for references by name (need types, tiers). */
export const byName = <T extends z.ZodType>(value: T, example: string) => z.record(z.string(), value, expecting(`an object ${example}`));

/** A probability for all need types, or an object need type → probability. */
export const probabilityOrByNeed = (example: string) => probabilityOrBy("need type", example);

/** A probability for all `what`s (need types, segments), or an object name → probability. */
export const probabilityOrBy = (what: string, example: string) =>
  z.union([probability(), z.record(z.string(), probability())], {
    error: (iss) => {
      const expected = `a probability between 0 and 1, or an object of probabilities per ${what} such as ${example}`;
      return iss.input === undefined ? `missing: expected ${expected}` : `expected ${expected}, got ${show(iss.input)}`;
    },
  });

/** A non-empty list of `what` ("need types" → "expected at least one need type, got none"). */
export const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, expecting(`a list of ${what}`)).min(1, atLeastOne(what.replace(/s$/, "")));
