/**
 * The shift-pattern file, as planners write it (hours, "HH:MM" starts, day names), read into
 * ShiftPatterns (minutes) and checked.
 */
import * as z from "zod";
import { formatPath, InputError, problem } from "../../errors.js";
import { DAY_MINUTES } from "../../time/units.js";
import { parseDaySet } from "./daySets.js";
import { JSON_FIELDS, problemsOf } from "./patternChecks.js";
import { clockMinutes } from "../../time/weekClock.js";
import { intervalProblems, snapWhole } from "./planGrid.js";
import { show } from "./planText.js";
import type { ShiftPattern } from "./shiftPattern.js";

/** "HH:MM" (or "H:MM"), 00:00..23:59, as minutes after midnight; undefined if malformed. */
const parseClock = (s: string): number | undefined => clockMinutes(s, DAY_MINUTES - 1);

const DAY_SET_HELP = `days like "Mon-Fri", "Sat-Mon", "Mon,Wed,Fri" or "daily"`;

/** The `{ error }` option of a field that expects `what`: "missing: expected …" or "expected …, got …". */
function expecting(what: string) {
  return {
    error: (iss: { input?: unknown; code?: string }) =>
      iss.input === undefined && iss.code === "invalid_type" ? `missing: expected ${what}` : `expected ${what}, got ${show(iss.input)}`,
  };
}

/** A strict object: unknown fields are errors naming the allowed ones. */
function strictObject<T extends z.ZodRawShape>(shape: T, what: string) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? `unknown field; expected one of ${allowed}` : `expected ${what}, got ${show(iss.input)}`),
  });
}

const ClockSchema = z
  .string(expecting('a time "HH:MM"'))
  .refine((s) => parseClock(s) !== undefined, expecting('a time "HH:MM" from 00:00 to 23:59'));

const PatternJsonSchema = strictObject(
  {
    name: z.string(expecting("a non-empty name")).trim().min(1, expecting("a non-empty name")),
    lengthHours: z.number(expecting("a number in (0, 24]")).gt(0, expecting("a number in (0, 24]")).lte(24, expecting("a number in (0, 24]")),
    starts: strictObject(
      {
        earliest: ClockSchema,
        latest: ClockSchema.optional(),
        stepMinutes: z.number(expecting("minutes > 0")).gt(0, expecting("minutes > 0")).finite(expecting("minutes > 0")).optional(),
        bandHours: z.number(expecting("hours in [0, 24)")).min(0, expecting("hours in [0, 24)")).lt(24, expecting("hours in [0, 24)")).optional(),
      },
      '{ "earliest": "HH:MM", "latest"?: "HH:MM", "stepMinutes"?: minutes, "bandHours"?: hours }',
    ).optional(),
    daysOn: z.number(expecting("a whole number of days 1..7")).int(expecting("a whole number of days 1..7")).min(1, expecting("a whole number of days 1..7")).max(7, expecting("a whole number of days 1..7")).optional(),
    daysOff: z.enum(["consecutive", "any"], expecting('"consecutive" or "any"')).optional(),
    partTime: z.boolean(expecting("true or false")).optional(),
    days: z
      .array(z.string(expecting(DAY_SET_HELP)).refine((s) => parseDaySet(s) !== undefined, expecting(DAY_SET_HELP)), expecting(`a list of ${DAY_SET_HELP}`))
      .min(1, expecting(`a non-empty list of ${DAY_SET_HELP}`))
      .optional(),
    breaks: z
      .array(
        strictObject(
          {
            minutes: z.number(expecting("minutes > 0")).gt(0, expecting("minutes > 0")).finite(expecting("minutes > 0")),
            afterHours: z
              .array(z.number(expecting("hours >= 0 into the shift")).min(0, expecting("hours >= 0 into the shift")).finite(expecting("hours >= 0 into the shift")), expecting("a list of hours into the shift"))
              .min(1, expecting("a non-empty list of hours into the shift")),
          },
          '{ "minutes", "afterHours": [hours, …] }',
        ),
        expecting("a list of breaks"),
      )
      .optional(),
  },
  '{ "name", "lengthHours", "starts"?, "daysOn" | "days", "daysOff"?, "partTime"?, "breaks"? }',
).superRefine((p, ctx) => {
  if (p.daysOff !== undefined && p.daysOn === undefined) {
    ctx.addIssue({ code: "custom", input: p, path: ["daysOff"], message: `"daysOff" goes with "daysOn" (the days of "days" are listed)` });
  }
  if ((p.daysOn === undefined) === (p.days === undefined)) {
    ctx.addIssue({ code: "custom", input: p, message: `expected exactly one of "daysOn" or "days", got ${p.daysOn === undefined ? "neither" : "both"}` });
  }
});

const PatternsJsonSchema = z.array(PatternJsonSchema, expecting("a list of shift patterns")).min(1, expecting("a non-empty list of shift patterns"));

type PatternJson = z.infer<typeof PatternJsonSchema>;

/** A planners' pattern in model units (minutes), before the semantic checks. */
function fromJson(p: PatternJson, L: number): ShiftPattern {
  const starts = p.starts;
  const earliest = starts === undefined ? 0 : (parseClock(starts.earliest) as number);
  const pattern: ShiftPattern = {
    name: p.name,
    length: snapWhole(p.lengthHours * 60),
    earliestStart: earliest,
    latestStart: starts === undefined ? DAY_MINUTES - L : starts.latest === undefined ? earliest : (parseClock(starts.latest) as number),
    step: starts?.stepMinutes ?? L,
    breaks: (p.breaks ?? []).map((b) => ({ length: b.minutes, after: b.afterHours.map((h) => snapWhole(h * 60)) })),
  };
  if (starts?.bandHours !== undefined && starts.bandHours > 0) pattern.startBand = snapWhole(starts.bandHours * 60);
  if (p.partTime !== undefined) pattern.partTime = p.partTime;
  if (p.daysOff === "any") pattern.anyDaysOff = true;
  if (p.daysOn !== undefined) pattern.daysOn = p.daysOn;
  else pattern.daySets = (p.days ?? []).map((s) => parseDaySet(s) as number[]);
  return pattern;
}

/**
 * Patterns from a JSON file's content, in planners' units:
 * `[{ "name", "lengthHours", "starts": { "earliest": "06:00", "latest": "14:00", "stepMinutes": 30, "bandHours": 2 },
 *    "daysOn": 5, "daysOff": "consecutive" | "any" | "days": ["Mon-Fri", "Tue-Sat"], "partTime": false,
 *    "breaks": [{ "minutes": 30, "afterHours": [3.5, 4, 4.5] }] }]` (docs/shift-patterns.md).
 * `starts` may be left out (any start on the interval grid), as may `latest` (= earliest, one
 * start) and `stepMinutes` (= intervalMinutes); `breaks` defaults to none. Day sets are read by
 * parseDaySet; each entry of "days" is one alternative. The result passes patternProblems.
 * @throws InputError naming each problem's path below the option `shiftPatterns` and what
 *   was expected, e.g. `shiftPatterns[0].lengthHours: expected a number in (0, 24], got 30`:
 *   the problems of the file's form, or when it has none, those of the patterns it gives.
 */
export function parsePatterns(json: unknown, intervalMinutes: number): ShiftPattern[] {
  const bad = intervalProblems(intervalMinutes);
  if (bad.length > 0) throw new InputError(bad);
  const r = PatternsJsonSchema.safeParse(json);
  if (!r.success) {
    throw new InputError(r.error.issues.map((iss) => {
      const path = iss.code === "unrecognized_keys" ? [...iss.path, iss.keys[0]] : iss.path;
      return problem(formatPath([JSON_FIELDS.root, ...path]), iss.message);
    }));
  }
  const patterns = r.data.map((p) => fromJson(p, intervalMinutes));
  const problems = problemsOf(patterns, JSON_FIELDS);
  if (problems.length > 0) throw new InputError(problems);
  return patterns;
}
