/**
 * Expressions (docs/scenario-format.md "Expressions"): `"=ceil(12 * (1 + growth))"` where a
 * number is expected in a scenario, and the formulas of user-defined metrics
 * (`costPerResolved = cost.total / funnel.resolved`). Parsed and evaluated by mathjs, loaded
 * only when an expression is met (a synchronous require of its numbers-only build on first use,
 * about 0.7 s of CPU: a scenario without one, `--version` and `erlang` never load it).
 *
 * Sandbox (mathjs's "Security" advice, and stricter): the parsed tree is checked before anything
 * is evaluated, and only these nodes pass — numbers, the names of the scope, `pi` and `e`,
 * arithmetic, comparison and logic operators, `a ? b : c`, parentheses, and calls of the numeric
 * functions in FUNCTIONS by their name. Assignment, function definition, blocks (`a; b`),
 * property access (other than a metric's dotted KPI name), lists, objects, ranges, strings and
 * every other function (import, createUnit, evaluate, parse, …) are refused with their
 * position; the instance's import, createUnit, evaluate, parse, simplify, derivative, resolve and
 * reviver are disabled as well. A result must be a finite number.
 */
import { createRequire } from "node:module";

/** The functions an expression may call. */
export const FUNCTIONS = ["abs", "ceil", "floor", "round", "fix", "sign", "sqrt", "cbrt", "exp", "log", "log10", "log2", "pow", "min", "max", "mod", "hypot"] as const;
const ALLOWED = new Set<string>(FUNCTIONS);
const CONSTANTS = new Set(["pi", "e"]);
const OPERATOR_NODES = new Set(["OperatorNode", "ParenthesisNode", "ConditionalNode", "ConstantNode", "SymbolNode", "FunctionNode", "AccessorNode", "IndexNode"]);

/** A checked expression: the names it reads, and its value for values of them. */
export interface Expression {
  /** As written (after the "=" of a scenario field). */
  readonly text: string;
  /** The names it reads (a metric's dotted KPI names), each once, in order of appearance. */
  readonly names: readonly string[];
  /** Its value for these values of its names (a finite number), or a one-line reason it has none. */
  evaluate(values: ReadonlyMap<string, number>): number | string;
}

type MathNode = { type: string; name?: string; value?: unknown; fn?: MathNode; object?: MathNode; index?: MathNode; dimensions?: MathNode[]; dotNotation?: boolean; args?: MathNode[]; traverse(cb: (n: MathNode, path: string, parent: MathNode | null) => void): void; transform(cb: (n: MathNode) => MathNode): MathNode; compile(): { evaluate(scope: Map<string, unknown>): unknown } };
type MathLib = { parse(text: string): MathNode; SymbolNode: new (name: string) => MathNode };

let math: MathLib | undefined;

/** The restricted mathjs instance (created on first use). */
function mathjs(): MathLib {
  if (math !== undefined) return math;
  // the numbers-only build: no units, matrices, complex or big numbers (half the load time of the full one)
  const { create, all } = createRequire(import.meta.url)("mathjs/number");
  const m = create(all);
  const parse = m.parse, SymbolNode = m.SymbolNode;
  const disabled = (name: string) => () => {
    throw new Error(`function ${name} is disabled`);
  };
  m.import(Object.fromEntries(["import", "createUnit", "evaluate", "parse", "simplify", "derivative", "resolve", "reviver"].map((f) => [f, disabled(f)])), { override: true });
  math = { parse, SymbolNode };
  return math;
}

/** Whether mathjs has been loaded in this process (for the test that a run without expressions does not load it). */
export function mathjsLoaded(): boolean {
  return math !== undefined;
}

/** A KPI name written as a chain of property accesses (`cost.total`, `tier["L1.5"].occupancy`), or undefined. */
function dottedName(n: MathNode): string | undefined {
  if (n.type === "SymbolNode") return n.name;
  if (n.type !== "AccessorNode" || n.index?.dimensions?.length !== 1) return undefined;
  const d = n.index.dimensions[0];
  if (d.type !== "ConstantNode" || typeof d.value !== "string") return undefined;
  const head = dottedName(n.object!);
  return head === undefined ? undefined : `${head}.${d.value}`;
}

/** The 1-based position of `word` in `text` (as a whole word where possible), or undefined. */
function positionOf(text: string, word: string): number | undefined {
  const esc = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(^|[^A-Za-z0-9_.])(${esc})(?![A-Za-z0-9_])`).exec(text);
  if (m !== null) return m.index + m[1].length + 1;
  const i = text.indexOf(word);
  return i < 0 ? undefined : i + 1;
}

const at = (pos: number | undefined, offset: number) => (pos === undefined ? "" : ` at character ${pos + offset}`);

/** What a refused node is, for the message. */
function refused(n: MathNode): { what: string; word?: string } {
  switch (n.type) {
    case "AssignmentNode":
      return { what: "assignment is not allowed", word: "=" };
    case "FunctionAssignmentNode":
      return { what: "defining a function is not allowed", word: "=" };
    case "BlockNode":
      return { what: "only one expression is allowed (no ';' or new lines)", word: ";" };
    case "AccessorNode":
    case "IndexNode":
      return { what: "property access is not allowed", word: "." };
    case "ArrayNode":
      return { what: "lists are not allowed", word: "[" };
    case "ObjectNode":
      return { what: "objects are not allowed", word: "{" };
    case "RangeNode":
      return { what: "ranges (a:b) are not allowed", word: ":" };
    default:
      return { what: `${n.type.replace(/Node$/, "").toLowerCase()} is not allowed` };
  }
}

/**
 * Parse and check an expression. `offset`: characters written before `text` (1 for the "=" of a
 * scenario field), added to every position. `dotted`: read chains of property accesses as one
 * dotted name (a metric's KPI names). A problem is one line: what is wrong and where.
 */
export function compileExpression(text: string, opts: { offset?: number; dotted?: boolean } = {}): Expression | { problem: string } {
  const offset = opts.offset ?? 0;
  const m = mathjs();
  let tree: MathNode;
  try {
    tree = m.parse(text);
  } catch (e) {
    const char = (e as { char?: number }).char;
    const msg = (e as Error).message.replace(/\s*\(char \d+\)$/, "");
    return { problem: `${msg.charAt(0).toLowerCase()}${msg.slice(1)}${char === undefined ? "" : ` at character ${char + offset}`}` };
  }
  const names: string[] = [];
  const rename = new Map<string, string>();
  if (opts.dotted) {
    tree = tree.transform((n) => {
      if (n.type !== "AccessorNode") return n;
      const name = dottedName(n);
      if (name === undefined) return n;
      let inner = rename.get(name);
      if (inner === undefined) rename.set(name, (inner = `__kpi${rename.size}`));
      return new m.SymbolNode(inner);
    });
  }
  const back = new Map([...rename].map(([k, v]) => [v, k]));
  let bad: string | undefined;
  tree.traverse((n, path) => {
    if (bad !== undefined) return;
    if (!OPERATOR_NODES.has(n.type) || n.type === "AccessorNode" || n.type === "IndexNode") {
      const r = refused(n);
      bad = `${r.what}${r.word === undefined ? "" : at(positionOf(text, r.word), offset)}`;
    } else if (n.type === "ConstantNode" && typeof n.value !== "number") {
      bad = `expected numbers, got ${JSON.stringify(n.value)}${at(positionOf(text, String(n.value)), offset - 1)}`;
    } else if (n.type === "FunctionNode") {
      const fn = n.fn!;
      if (fn.type !== "SymbolNode" || !ALLOWED.has(fn.name!)) {
        const name = fn.name ?? "(expression)";
        bad = `unknown function ${JSON.stringify(name)}${at(positionOf(text, name), offset)}; expected one of ${FUNCTIONS.join(", ")}`;
      }
    } else if (n.type === "SymbolNode" && path !== "fn") {
      const name = back.get(n.name!) ?? n.name!;
      if (!CONSTANTS.has(name) && !names.includes(name)) names.push(name);
    }
  });
  if (bad !== undefined) return { problem: bad };
  const code = tree.compile();
  return {
    text,
    names,
    evaluate(values: ReadonlyMap<string, number>): number | string {
      const scope = new Map<string, unknown>();
      for (const name of names) {
        const v = values.get(name);
        if (v === undefined) return `unknown name ${JSON.stringify(name)}${at(positionOf(text, name), offset)}`;
        scope.set(rename.get(name) ?? name, v);
      }
      let r: unknown;
      try {
        r = code.evaluate(scope);
      } catch (e) {
        return (e as Error).message;
      }
      if (typeof r === "boolean") r = r ? 1 : 0;
      if (typeof r !== "number") return `expected a number, got ${typeof r === "object" && r !== null ? String((r as { type?: string }).type ?? "an object") : typeof r}`;
      if (!Number.isFinite(r)) return `expected a finite number, got ${r}`;
      return r;
    },
  };
}
