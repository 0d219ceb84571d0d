/**
 * Bad input — a scenario field, an option, a data file — is reported as one `InputError`: a
 * list of problems, each with the path of the field it is about and what was expected, e.g.
 * `tiers[0].handleTime.meanMinutes: expected a positive number (minutes), got -5`. It is not a
 * bug: the command line prints one line per problem and exits with code 2. Anything else thrown
 * is a bug. Below the command line no message names a flag: an option's path is its name in the
 * library API (`replications`, `targets.serviceLevel`), which the CLI maps to its flag.
 *
 * `closest` gives the "did you mean" of a misspelt name.
 */
import { distance } from "fastest-levenshtein";

/** The `source` of an InputError about the options given to a function of the library. */
export const OPTIONS = "options";

export interface Problem {
  /** The field's path ("tiers[0].handleTime", "pools.L2.agents", an option's name), or "" for the input as a whole. */
  readonly path: string;
  /** What was wrong, and what was expected (without the path). */
  readonly message: string;
}

export class InputError extends Error {
  readonly problems: readonly Problem[];
  /** Where the paths are: a file, or a name such as "options" (undefined: not said). */
  readonly source?: string;

  constructor(problems: Problem | readonly Problem[], source?: string) {
    const list = Array.isArray(problems) ? [...(problems as readonly Problem[])] : [problems as Problem];
    super(list.map((p) => problemLine(p, source)).join("\n"));
    this.name = "InputError";
    this.problems = list;
    this.source = source;
  }

  /** One line per problem: `source: path: message`. */
  lines(): string[] {
    return this.problems.map((p) => problemLine(p, this.source));
  }
}

/** `source: path: message`, leaving out what is empty. */
export function problemLine(p: Problem, source?: string): string {
  return [source, p.path, p.message].filter((s) => s !== undefined && s !== "").join(": ");
}

/** An error line is about an input, not a copy of it: a line over `max` characters (a megabyte-long value echoed back) is cut to its start. */
export function clipLine(line: string, max = 400): string {
  return line.length <= max ? line : `${line.slice(0, max)}… (${line.length - max} more characters)`;
}

/** Shorthand for one problem. */
export function problem(path: string, message: string): Problem {
  return { path, message };
}

/** ["tiers", 0, "handleTime"] → "tiers[0].handleTime"; the empty path → "(top level)". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(top level)" : out;
}

/** Levenshtein distance between two names, ignoring case. */
export function nameDistance(a: string, b: string): number {
  return distance(a.toLowerCase(), b.toLowerCase());
}

/**
 * The option `word` was most likely meant to be, or undefined: the one option it abbreviates
 * ("expo" → "exponential"), else the nearest by edit distance (ignoring case) if within
 * max(2, ⌊length / 3⌋).
 */
export function closest(word: string, options: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const prefixed = lower.length >= 2 ? options.filter((o) => o.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined, bestD = Infinity;
  for (const o of options) {
    const d = nameDistance(word, o);
    if (d < bestD) { bestD = d; best = o; }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
