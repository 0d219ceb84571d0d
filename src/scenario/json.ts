/**
 * Parsing the JSON text of an input file (a scenario, a base it extends, a shift-pattern file, a
 * results file). On a syntax error, jsonc-parser (strict settings: no comments, no trailing
 * commas) locates the first problem, reported as one line with its line and column.
 *
 * What JSON allows but an input must not have, each a one-line error naming the field:
 * - a field named `__proto__`, `constructor` or `prototype`. JSON.parse keeps `"__proto__"` as an
 *   ordinary key, but copying it onto another object (a merge patch, a path set by `--vary`)
 *   replaces that object's prototype, so the value reaches fields the validator never saw and
 *   files the run writes do not hold (a "prototype pollution"); none is a name any input uses.
 * - nesting deeper than MAX_JSON_DEPTH (no scenario needs more than about 8 levels; the merge
 *   patch and the validator recurse, so a 20,000-deep list would overflow their stack).
 * A UTF-8 byte-order mark at the start (as some Windows editors write) is skipped.
 */
import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { formatPath, InputError, problem } from "../errors.js";

/** Names that must never be a key copied onto an object or a step of a path: they reach JavaScript's object prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The message of a forbidden key (FORBIDDEN_KEYS), the same wherever it is found. */
export function forbiddenKeyMessage(key: string): string {
  return `${JSON.stringify(key)} is not allowed as a name (it would reach JavaScript's object prototype)`;
}

/** The deepest nesting of lists and objects an input may have. */
export const MAX_JSON_DEPTH = 64;

/** Parse JSON text; throws InputError (source `file`) on a syntax error, a forbidden key or too deep a nesting. */
export function parseJson(textIn: string, file?: string): unknown {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  const value = parseText(text, file);
  checkJsonShape(value, file);
  return value;
}

/**
 * Throws InputError when `value` (parsed JSON) has a forbidden key or is nested deeper than
 * MAX_JSON_DEPTH. Iterative, so a deep value cannot overflow the stack here.
 */
export function checkJsonShape(value: unknown, file?: string): void {
  for (const { v, path } of jsonValues(value)) {
    const key = path[path.length - 1];
    if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) throw new InputError(problem(formatPath(path), forbiddenKeyMessage(key)), file);
    if (typeof v === "object" && v !== null && path.length >= MAX_JSON_DEPTH) throw new InputError(problem(formatPath(path), `nested more than ${MAX_JSON_DEPTH} levels deep; no input needs that`), file);
  }
}

/**
 * Every value of parsed JSON with its path, in document order, without recursion (so a deep
 * value cannot overflow the stack); lists and objects at MAX_JSON_DEPTH are given but not entered.
 */
function* jsonValues(root: unknown): Generator<{ v: unknown; path: (string | number)[] }> {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: root, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    yield item;
    const { v, path } = item;
    if (typeof v !== "object" || v === null || path.length >= MAX_JSON_DEPTH) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
    }
  }
}

/** The largest size of any number in a scenario (a money amount included): beyond it sums overflow or lose their cents. */
export const MAX_SCENARIO_NUMBER = 1e12;

/**
 * Problems of numbers in a scenario (parsed JSON) beyond MAX_SCENARIO_NUMBER in size, each at
 * its path: no field means anything that large, and the sums a run makes of such a value (a wage
 * of 1e308 times the hours worked) overflow to infinity and print as nothing.
 */
export function numberMagnitudeProblems(value: unknown): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const { v, path } of jsonValues(value)) {
    if (typeof v === "number" && Math.abs(v) > MAX_SCENARIO_NUMBER) out.push({ path: formatPath(path), message: `expected a number of at most 10^12 in size, got ${v}` });
    if (out.length >= 20) break;
  }
  return out;
}

function parseText(textIn: string, file?: string): unknown {
  try {
    return JSON.parse(textIn);
  } catch {
    const errors: ParseError[] = [];
    parseTree(textIn, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first === undefined) throw new InputError(problem("", "not valid JSON"), file);
    const before = textIn.slice(0, first.offset);
    const line = before.split("\n").length;
    const col = first.offset - before.lastIndexOf("\n");
    const reason = JSON_ERRORS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error);
    throw new InputError(problem("", `not valid JSON at line ${line}, column ${col}: ${reason}`), file);
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
