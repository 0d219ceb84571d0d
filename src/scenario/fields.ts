/**
 * Field builders for the scenario schema. Each states, in its error message, what the
 * field expects, so every validation error reads "path: expected X, got Y".
 */
import * as z from "zod";
import { LIMITS } from "./limits.js";

/** A short rendering of an offending value for an error message. */
export function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 37) + "..." : v);
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return String(v);
}

function expectation(what: string) {
  return {
    error: (iss: { input?: unknown }) => (iss.input === undefined ? `missing: expected ${what}` : `expected ${what}, got ${show(iss.input)}`),
  };
}

/** A number > 0. */
export const positive = (unit = "") => {
  const what = `a positive number${unit ? ` (${unit})` : ""}`;
  return z.number(expectation(what)).positive(expectation(what)).finite(expectation(what));
};

export { LIMITS };

/** `schema` (a number builder with its own message) with an upper bound, whose message says it: `expected <what>, got <value>`. */
export const upTo = <T extends z.ZodNumber>(schema: T, max: number, what: string) => schema.max(max, expectation(what));

/** A number >= 0. */
export const nonNegative = (unit = "") => {
  const what = `a number >= 0${unit ? ` (${unit})` : ""}`;
  return z.number(expectation(what)).min(0, expectation(what)).finite(expectation(what));
};

/** An integer >= min. */
export const integerAtLeast = (min: number, what = `an integer >= ${min}`) =>
  z.number(expectation(what)).int(expectation(what)).min(min, expectation(what));

/** A probability in [0, 1]. */
export const probability = () => {
  const what = "a probability between 0 and 1";
  return z.number(expectation(what)).min(0, expectation(what)).max(1, expectation(what));
};

/** A non-empty name. */
export const name = () => z.string(expectation("a non-empty text")).trim().min(1, expectation("a non-empty text"));

/** Free text. */
export const text = () => z.string(expectation("a text"));

/** A boolean. */
export const bool = () => z.boolean(expectation("true or false"));

/** A list of numbers >= 0 with at least one element. */
export const nonNegativeList = (unit = "") =>
  z.array(nonNegative(unit), expectation(`a list of numbers >= 0${unit ? ` (${unit})` : ""}`)).min(1, expectation("a non-empty list"));

/** An object whose fields are checked strictly: an unknown field is an error. */
export const object = <T extends z.ZodRawShape>(shape: T, what = "an object") => z.strictObject(shape, expectation(what));

/** The `{ error }` option of a field that expects `what` ("missing: expected …" / "expected …, got …"). */
export const expecting = expectation;

/** Any finite number (e.g. a log-odds). */
export const finite = (what = "a finite number") => z.number(expectation(what)).finite(expectation(what));

/** A number >= min. */
export const atLeast = (min: number, what = `a number >= ${min}`) =>
  z.number(expectation(what)).min(min, expectation(what)).finite(expectation(what));

/** A number > min. */
export const greaterThan = (min: number, what = `a number > ${min}`) =>
  z.number(expectation(what)).gt(min, expectation(what)).finite(expectation(what));

/** A list of non-empty names (possibly empty). */
export const nameList = (what = "a list of names") => z.array(name(), expectation(what));

/** A share in [0, 1) (e.g. shrinkage: 1 would leave nobody). */
export const shareBelowOne = (what = "a share >= 0 and < 1") => z.number(expectation(what)).min(0, expectation(what)).lt(1, expectation(what));

/** A number in (0, 1] (e.g. an occupancy cap or a proficiency). */
export const unitFraction = (what = "a number > 0 and <= 1") => z.number(expectation(what)).gt(0, expectation(what)).max(1, expectation(what));

/** A number in (0, max]. */
export const positiveAtMost = (max: number, what = `a number > 0 and <= ${max}`) =>
  z.number(expectation(what)).gt(0, expectation(what)).max(max, expectation(what));
