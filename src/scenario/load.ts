/**
 * Reading a scenario file: JSON parsing, validation against the schema, and error
 * messages of one line each that name the field path and what was expected.
 */
import type { z } from "zod";
import { resolveScenarioFile } from "./extends.js";
import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { ScenarioSchema, type Scenario } from "./simple/schema.js";
import { SupportScenarioSchema, type SupportScenario } from "./full/schema.js";

/** A problem with a scenario file (bad input, not a bug): reported without a stack, exit code 2. */
export class ScenarioError extends Error {
  constructor(readonly problems: string[], readonly file?: string) {
    super(problems.map((p) => (file ? `${file}: ${p}` : p)).join("\n"));
    this.name = "ScenarioError";
  }
}

/** ["tiers", 0, "handleTime"] → "tiers[0].handleTime" */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(top level)" : out;
}

/** Levenshtein distance, for "did you mean" on misspelled field names. */
function distance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n];
}

export function closest(word: string, options: readonly string[]): string | undefined {
  // an abbreviation ("expo", "det") names the one option it starts
  const lower = word.toLowerCase();
  const prefixed = lower.length >= 2 ? options.filter((o) => o.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined, bestD = Infinity;
  for (const o of options) {
    const d = distance(word, o);
    if (d < bestD) { bestD = d; best = o; }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** The fields an object schema at `path` allows (for listing them on an unknown field). */
function allowedKeys(path: readonly PropertyKey[], input: unknown, root: unknown = ScenarioSchema): string[] {
  let schema: unknown = root;
  let value: unknown = input;
  const unwrap = (s: any): any => {
    for (;;) {
      const def = s?._zod?.def;
      if (!def) return s;
      if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "pipe") s = def.innerType ?? def.in;
      else return s;
    }
  };
  for (const p of path) {
    const s = unwrap(schema);
    const def = s?._zod?.def;
    value = (value as any)?.[p as any];
    if (def?.type === "object") schema = def.shape[p as string];
    else if (def?.type === "array") schema = def.element;
    else if (def?.type === "record") schema = def.valueType;
    else return [];
  }
  let s = unwrap(schema);
  if (s?._zod?.def?.type === "union") {
    const disc = (value as any)?.dist;
    s = s._zod.def.options.find((o: any) => o._zod.def.shape?.dist?._zod?.def?.values?.includes(disc)) ?? s;
  }
  const shape = s?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** One line per problem. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return describeIssuesFor(ScenarioSchema, issues, input);
}

/** One line per problem, for a scenario validated against `schema` (the simple or the full form). */
export function describeIssuesFor(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const out: string[] = [];
  for (const iss of issues) {
    const path = formatPath(iss.path);
    if (iss.code === "unrecognized_keys") {
      const allowed = allowedKeys(iss.path, input, schema);
      for (const k of iss.keys) {
        const guess = closest(k, allowed);
        const at = formatPath([...iss.path, k]);
        out.push(`${at}: unknown field${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${allowed.join(", ")}`);
      }
    } else if (iss.code === "invalid_union" && (iss as any).discriminator) {
      const opts: string[] = ((iss as any).options ?? []).map(String);
      let got: unknown = input;
      for (const p of iss.path) got = (got as any)?.[p as any];
      if (got === undefined) out.push(`${path}: missing: expected one of ${opts.join(", ")}`);
      else {
        const guess = typeof got === "string" ? closest(got, opts) : undefined;
        out.push(`${path}: unknown value ${JSON.stringify(got)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${opts.join(", ")}`);
      }
    } else {
      out.push(`${path}: ${iss.message}`);
    }
  }
  return out;
}

/**
 * Parse JSON text. On a syntax error, jsonc-parser (strict settings: no comments, no
 * trailing commas) locates the first problem, reported as line and column.
 */
export function parseJson(textIn: string, file?: string): unknown {
  try {
    return JSON.parse(textIn);
  } catch {
    const errors: ParseError[] = [];
    parseTree(textIn, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first === undefined) throw new ScenarioError(["not valid JSON"], file);
    const before = textIn.slice(0, first.offset);
    const line = before.split("\n").length;
    const col = first.offset - before.lastIndexOf("\n");
    const reason = JSON_ERRORS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error);
    throw new ScenarioError([`not valid JSON at line ${line}, column ${col}: ${reason}`], file);
  }
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a field name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' (or a closing bracket)",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "unexpected text after the end of the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "invalid number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
};

/** Validate a parsed scenario; throws ScenarioError listing every problem. */
export function validateScenario(input: unknown, file?: string): Scenario {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ScenarioError([`expected a JSON object at the top level, got ${Array.isArray(input) ? "a list" : input === null ? "null" : typeof input}`], file);
  }
  const r = ScenarioSchema.safeParse(input);
  if (!r.success) throw new ScenarioError(describeIssues(r.error.issues, input), file);
  return r.data;
}

/** Read, parse and validate a scenario file (resolving `extends`, ./extends.ts). */
export function loadScenarioFile(file: string): Scenario {
  return validateScenario(resolveScenarioFile(file), file);
}

// ---------------------------------------------------------------------------------------
// Either form: the full (support-demand) form has a top-level `channels` field.

export type AnyScenario = { form: "simple"; scenario: Scenario } | { form: "support"; scenario: SupportScenario };

function checkTopLevel(input: unknown, file?: string): asserts input is Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ScenarioError([`expected a JSON object at the top level, got ${Array.isArray(input) ? "a list" : input === null ? "null" : typeof input}`], file);
  }
}

/** Validate a parsed scenario in the full form (src/scenario/supportSchema.ts); throws ScenarioError listing every problem. */
export function validateSupportScenario(input: unknown, file?: string): SupportScenario {
  checkTopLevel(input, file);
  const r = SupportScenarioSchema.safeParse(input);
  if (!r.success) throw new ScenarioError(describeIssuesFor(SupportScenarioSchema, r.error.issues, input), file);
  return r.data;
}

/** Validate a parsed scenario of either form: the full form when it has a top-level `channels` field, else the simple form. */
export function validateAnyScenario(input: unknown, file?: string): AnyScenario {
  checkTopLevel(input, file);
  if (Object.hasOwn(input, "channels")) return { form: "support", scenario: validateSupportScenario(input, file) };
  return { form: "simple", scenario: validateScenario(input, file) };
}

/** Read, parse and validate a scenario file of either form (resolving `extends`, ./extends.ts). */
export function loadAnyScenarioFile(file: string): AnyScenario {
  return validateAnyScenario(resolveScenarioFile(file), file);
}
