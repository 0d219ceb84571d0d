/**
 * A scenario's inputs (docs/scenario-format.md "Ranges, variables and expressions"), found in the
 * JSON as written (its `extends` chain merged, before validation):
 *
 * - `variables`: a top-level object of named numbers, ranges (./range.ts) or expressions over the
 *   variables before them;
 * - ranges on any numeric field (`"agents": {"low": 10, "expected": 12, "high": 15}`);
 * - expressions (./expression.ts): a text starting with "=" where a number is expected
 *   (`"agents": "=ceil(12 * (1 + growth))"`), over the variables.
 *
 * `plainScenario` turns the JSON into the plain scenario it stands for at an assignment of the
 * ranged inputs (by key; default: every range at its `expected`), which then validates and builds
 * as any scenario: a file without ranges or expressions is returned as it is.
 *
 * An input's key names it the way `sweep --vary` paths do: `variables.growth`,
 * `pools.L2.agents` (a list element by its name), so that a what-if and its base share a key,
 * and the same draw, for the same input. Its path is the field path messages use (`pools[1].agents`).
 */
import { formatPath, InputError, problem, type Problem } from "../../errors.js";
import { compileExpression, FUNCTIONS, type Expression } from "./expression.js";
import { isRangeObject, parseRange, type Range } from "./range.js";

/** A ranged input: its key, its field path, its range. */
export interface RangedInput {
  readonly key: string;
  readonly path: string;
  readonly range: Range;
}

/** What a scenario's JSON holds beyond plain values. */
export interface ScenarioInputs {
  /** The ranges, variables' first (in file order), then the fields' (in document order). */
  readonly ranges: readonly RangedInput[];
  /** The names of the variables, in file order. */
  readonly variables: readonly string[];
  /** Expressions by field path. */
  readonly expressions: ReadonlyMap<string, Expression>;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const isExpressionText = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Fields (and lists) that hold text — names, references, dates, words of a fixed set — where a
 * text starting with "=" is just text (a pool named "=L2" is a name, not an expression): an
 * expression stands only where a number is expected.
 */
const TEXT_KEYS: ReadonlySet<string> = new Set([
  "$schema", "extends", "calibration", "channel", "channels", "close", "currency", "date", "days", "description", "dist", "driver",
  "entryTier", "file", "freezeFrom", "hours", "kind", "mode", "name", "needType", "needTypes", "next", "nextMode", "open",
  "operatingModel", "outsideHours", "plan", "priority", "priorityClasses", "routing", "segment", "segments", "severity", "shape",
  "skills", "start", "statusQuo", "then", "tier", "tiers", "timeZone", "pools", "after", "from", "until", "at",
]);

/** The field a value at `segments` belongs to: its last named segment (a list element belongs to its list). */
const fieldOf = (segments: readonly (string | number)[]): string | undefined => {
  for (let i = segments.length - 1; i >= 0; i--) if (typeof segments[i] === "string") return segments[i] as string;
  return undefined;
};
const isExpressionAt = (v: unknown, segments: readonly (string | number)[]): v is string => isExpressionText(v) && !TEXT_KEYS.has(fieldOf(segments) ?? "");

/** A key from its segments: list elements by name where they have one, a segment with a dot quoted (as `sweep --vary` writes paths). */
function keyOf(segments: readonly (string | number)[], json: unknown): string {
  const out: string[] = [];
  let cur: unknown = json;
  for (const s of segments) {
    const next = (cur as Record<string | number, unknown>)?.[s];
    const label = typeof s === "number" ? (isObject(next) && typeof next.name === "string" ? next.name : `[${s}]`) : s;
    out.push(label.includes(".") ? `"${label}"` : label);
    cur = next;
  }
  return out.join(".");
}

/** Whether a JSON value holds a range or an expression anywhere (cheap: a file without either is left alone). */
function holdsInputs(v: unknown, segments: (string | number)[] = []): boolean {
  if (isExpressionAt(v, segments)) return true;
  if (Array.isArray(v)) return v.some((e, i) => holdsInputs(e, [...segments, i]));
  if (!isObject(v)) return false;
  if (isRangeObject(v)) return true;
  return Object.entries(v).some(([k, e]) => holdsInputs(e, [...segments, k]));
}

/** Whether the scenario JSON has variables, ranges or expressions. */
export function hasInputs(json: unknown): boolean {
  return isObject(json) && (Object.hasOwn(json, "variables") || holdsInputs(json));
}

/** Find and check the inputs of a scenario's JSON; throws InputError (source `file`) listing every malformed range or expression. */
export function scenarioInputs(json: unknown, file?: string): ScenarioInputs {
  const ranges: RangedInput[] = [], variables: string[] = [], problems: Problem[] = [];
  const expressions = new Map<string, Expression>();
  const expression = (text: string, path: string, known: readonly string[]) => {
    const e = compileExpression(text.slice(1), { offset: 1 });
    if ("problem" in e) return void problems.push(problem(path, `bad expression ${JSON.stringify(text)}: ${e.problem}`));
    const unknown = e.names.find((n) => !known.includes(n));
    if (unknown !== undefined) {
      const where = text.indexOf(unknown);
      return void problems.push(problem(path, `bad expression ${JSON.stringify(text)}: unknown variable "${unknown}"${where >= 0 ? ` at character ${where + 1}` : ""}; ${known.length === 0 ? "the scenario has no variables (define them in \"variables\")" : `expected one of ${known.join(", ")}`}`));
    }
    expressions.set(path, e);
  };
  const range = (v: Record<string, unknown>, segments: (string | number)[]) => {
    const path = formatPath(segments);
    const r = parseRange(v, path);
    if (Array.isArray(r)) problems.push(...r);
    else ranges.push({ key: keyOf(segments, json), path, range: r });
  };
  if (isObject(json) && json.variables !== undefined) {
    const vars = json.variables;
    if (!isObject(vars)) problems.push(problem("variables", `expected an object of named numbers, ranges or expressions such as {"growth": 0.08}, got ${Array.isArray(vars) ? "a list" : JSON.stringify(vars)}`));
    else {
      for (const [name, v] of Object.entries(vars)) {
        const path = `variables.${name}`;
        if (!NAME.test(name) || (FUNCTIONS as readonly string[]).includes(name) || name === "pi" || name === "e") {
          problems.push(problem(path, `expected a variable name of letters, digits and _ (not starting with a digit, not a function or constant name), got ${JSON.stringify(name)}`));
          continue;
        } else if (typeof v === "number" && Number.isFinite(v)) {
          // a plain value
        } else if (isRangeObject(v)) range(v, ["variables", name]);
        else if (isExpressionText(v)) expression(v, path, variables);
        else problems.push(problem(path, `expected a number, a range {"low": …, "expected": …, "high": …} or an expression "=…" over the variables before it, got ${JSON.stringify(v)}`));
        variables.push(name);
      }
    }
  }
  const walk = (v: unknown, segments: (string | number)[]) => {
    if (isExpressionAt(v, segments)) expression(v, formatPath(segments), variables);
    else if (Array.isArray(v)) v.forEach((e, i) => walk(e, [...segments, i]));
    else if (isRangeObject(v)) range(v, segments);
    else if (isObject(v)) for (const [k, e] of Object.entries(v)) if (!(segments.length === 0 && k === "variables")) walk(e, [...segments, k]);
  };
  walk(json, []);
  if (problems.length > 0) throw new InputError(problems, file);
  return { ranges, variables, expressions };
}

/**
 * The plain scenario the JSON stands for when each ranged input takes its value in `values` (by
 * key; a range not in it takes its `expected`): ranges replaced by values, expressions by their
 * values over the variables, `variables` removed. Throws InputError (source `file`) when an
 * expression has no finite value.
 */
export function plainScenario(json: unknown, inputs: ScenarioInputs, values: ReadonlyMap<string, number> = new Map(), file?: string): unknown {
  const problems: Problem[] = [];
  const valueOf = (path: string) => {
    const r = inputs.ranges.find((x) => x.path === path)!;
    return values.get(r.key) ?? r.range.expected;
  };
  const evaluate = (path: string, text: string, scope: ReadonlyMap<string, number>): number => {
    const v = inputs.expressions.get(path)!.evaluate(scope);
    if (typeof v === "string") {
      problems.push(problem(path, `bad expression ${JSON.stringify(text)}: ${v}`));
      return NaN;
    }
    return v;
  };
  const scope = new Map<string, number>();
  const vars = isObject(json) && isObject(json.variables) ? json.variables : {};
  for (const name of inputs.variables) {
    const v = vars[name], path = `variables.${name}`;
    scope.set(name, typeof v === "number" ? v : isExpressionText(v) ? evaluate(path, v, scope) : valueOf(path));
  }
  const walk = (v: Json, segments: (string | number)[]): Json => {
    if (isExpressionAt(v, segments)) return evaluate(formatPath(segments), v, scope);
    if (Array.isArray(v)) return v.map((e, i) => walk(e, [...segments, i]));
    if (isRangeObject(v)) return valueOf(formatPath(segments));
    if (!isObject(v)) return v;
    const out: Record<string, Json> = {};
    for (const [k, e] of Object.entries(v)) if (!(segments.length === 0 && k === "variables")) out[k] = walk(e, [...segments, k]);
    return out;
  };
  const out = walk(json as Json, []);
  if (problems.length > 0) throw new InputError(problems, file);
  return out;
}
