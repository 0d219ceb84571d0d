/**
 * The grid of a parameter sweep: the varied paths and their values, the points of their
 * Cartesian product, and each point's scenario.
 *
 * Paths. A dotted path into the scenario JSON (after its `extends` chain is merged); a segment
 * met where the scenario has a list of named things (pools, tiers, channels, need types,
 * segments, releases …) selects the element of that name, as merge patches do
 * (scenario/extends.ts): `pools.L2.agents`, `tiers.L1.resolve.how-to`,
 * `customers.segments.smb.share`, `pools.L1 phone and e-mail.shrinkage`. The path is split on
 * "." outside double quotes: a name containing a dot is quoted, `pools."L1.5".agents`. A missing object field may be named
 * (it is added; the schema then says whether it is allowed), a missing list element may not.
 *
 * The grid. The Cartesian product of the varied lists in the order given, the first varying
 * slowest: point p has, for vary j, value index ⌊p / ∏_{k>j} n_k⌋ mod n_j (mixed radix).
 * A point's scenario is the base with one merge patch setting every varied value
 * (`{ "pools": { "L2": { "agents": 8 } } }`, named lists patched by name).
 *
 * Bad options are InputErrors from OPTIONS at `vary[j]` (the command line shows `--vary PATH`).
 */
import { closest, InputError, OPTIONS, problem, problemLine, type Problem } from "../../../errors.js";
import { mergePatch } from "../../../scenario/extends.js";
import { FORBIDDEN_KEYS, forbiddenKeyMessage } from "../../../scenario/json.js";

/** One varied parameter: a dotted path and the values it takes, in order. */
export interface Vary {
  path: string;
  values: number[];
}

/**
 * The most points a sweep may have (a guard against a spec with a tiny step). Every point is
 * validated and built before anything runs (about 3 ms of CPU and 18 KiB kept a point for the
 * baseline): `--vary …=1..1000000:1` validated for some 50 minutes, ignoring SIGTERM, on its way
 * to 18 GB (issue 18 point 7). 10,000 points validate in half a minute, and run for days.
 */
export const MAX_POINTS = 10_000;

/** Paths that are run settings, not model parameters (each point must share them). */
const SETTINGS = new Set(["seed", "replications"]);

const bad = (j: number, message: string) => new InputError(problem(`vary[${j}]`, message), OPTIONS);

/**
 * A path's segments, split on "." outside double quotes: a name containing a dot is quoted whole,
 * `pools."L1.5".agents` (on a command line: `--vary 'pools."L1.5".agents=2,3'`).
 */
export function splitPath(path: string, j = 0): string[] {
  const parts: string[] = [];
  let cur = "", quoted = false, wasQuoted = false;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '"') {
      if (!quoted && cur !== "") throw bad(j, `a quote inside the name ${JSON.stringify(cur)}; quote a whole name: "…"`);
      if (quoted && i + 1 < path.length && path[i + 1] !== ".") throw bad(j, `a quoted name must end at a "." or the end of the path`);
      quoted = !quoted;
      wasQuoted = true;
    } else if (ch === "." && !quoted) {
      if (cur === "") throw bad(j, `an empty name between dots (quote a name that contains a dot: "L1.5")`);
      parts.push(cur);
      cur = "";
      wasQuoted = false;
    } else cur += ch;
  }
  if (quoted) throw bad(j, `a quote is not closed in ${path}`);
  if (cur === "" && !wasQuoted) throw bad(j, `an empty name between dots (quote a name that contains a dot: "L1.5")`);
  if (cur === "") throw bad(j, "an empty quoted name");
  parts.push(cur);
  const forbidden = parts.find((p) => FORBIDDEN_KEYS.has(p));
  if (forbidden !== undefined) throw bad(j, forbiddenKeyMessage(forbidden));
  return parts;
}

/** A path from its segments, quoting those that contain a dot (splitPath's inverse). */
export function joinPath(parts: readonly string[]): string {
  return parts.map((p) => (p.includes(".") ? `"${p}"` : p)).join(".");
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** A list of objects that all have a string `name` (and at least one element): patched by name (extends.ts). */
function isNamedList(v: unknown): v is JsonObject[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => isObject(e) && typeof e.name === "string");
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "number") return `a number (${v})`;
  if (typeof v === "string") return `a string (${JSON.stringify(v)})`;
  return `${typeof v === "boolean" ? "a boolean" : typeof v} (${String(v)})`;
}

/**
 * Check every path against the base scenario (its `extends` merged, before validation), and
 * the paths against each other; throws InputError (one line) at the first problem:
 * an element name the list lacks (did-you-mean), a path that goes through a number, string or
 * unnamed list, a path ending at a list element, a run setting, a path given twice or one
 * path inside another.
 */
export function checkVary(base: unknown, vary: readonly Vary[]): void {
  if (vary.length === 0) throw new InputError(problem("vary", "expected at least one path and its values"), OPTIONS);
  vary.forEach((v, j) => {
    const parts = splitPath(v.path, j);
    if (parts.length === 1 && SETTINGS.has(parts[0])) throw bad(j, `a run setting, the same at every point; use \`${parts[0]}\``);
    let cur: unknown = base;
    for (let i = 0; i < parts.length; i++) {
      const seg = parts[i];
      const here = joinPath(parts.slice(0, i)) || "(top level)";
      if (cur === undefined) break; // a field the base does not have yet: added by the patch
      if (isNamedList(cur)) {
        const names = cur.map((e) => e.name as string);
        const at = names.indexOf(seg);
        if (at < 0) {
          const dotted = names.find((n) => n.includes(".") && n.startsWith(`${seg}.`));
          if (dotted !== undefined) {
            throw bad(j, `${here} has an element named ${JSON.stringify(dotted)}: quote a name that contains a dot, ${joinPath([...parts.slice(0, i), dotted])}…`);
          }
          const guess = closest(seg, names);
          throw bad(j, `${here} has no element named ${JSON.stringify(seg)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}; expected one of ${names.join(", ")}`);
        }
        if (i === parts.length - 1) throw bad(j, `names an element of ${here}, not a number; give one of its fields (e.g. ${v.path}.agents)`);
        cur = cur[at];
      } else if (Array.isArray(cur)) {
        throw bad(j, `${here} is a list without names; only elements of named lists (pools, tiers, channels …) can be selected`);
      } else if (isObject(cur)) {
        cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
      } else {
        throw bad(j, `${here} is ${kindOf(cur)}, not an object: the path cannot go into it`);
      }
    }
    for (let k = 0; k < j; k++) {
      const other = vary[k].path;
      if (other === v.path) throw bad(j, `given twice`);
      if (v.path.startsWith(`${other}.`) || other.startsWith(`${v.path}.`)) throw bad(j, `overlaps \`vary[${k}]\` (one is inside the other)`);
    }
  });
}

/** The number of grid points (the product of the lists' lengths). */
export function gridSize(vary: readonly Vary[]): number {
  return vary.reduce((n, v) => n * v.values.length, 1);
}

/** The values of point `index`, one per --vary (the first varies slowest). */
export function pointValues(vary: readonly Vary[], index: number): number[] {
  if (!Number.isInteger(index) || index < 0 || index >= gridSize(vary)) throw new RangeError(`pointValues: no point ${index} in a grid of ${gridSize(vary)}`);
  const out = new Array<number>(vary.length);
  let rest = index;
  for (let j = vary.length - 1; j >= 0; j--) {
    const n = vary[j].values.length;
    out[j] = vary[j].values[rest % n];
    rest = Math.floor(rest / n);
  }
  return out;
}

/** `pools.L2.agents=8, …` for messages. */
export function describePoint(vary: readonly Vary[], values: readonly number[]): string {
  return vary.map((v, j) => `${v.path}=${values[j]}`).join(", ");
}

/** The merge patch setting every varied value: `{ "pools": { "L2": { "agents": 8 } } }`. */
export function pointPatch(vary: readonly Vary[], values: readonly number[]): JsonObject {
  const patch: JsonObject = {};
  vary.forEach((v, j) => {
    const parts = splitPath(v.path, j);
    let o = patch;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = o[parts[i]];
      o = (isObject(next) ? next : (o[parts[i]] = {})) as JsonObject;
    }
    o[parts[parts.length - 1]] = values[j];
  });
  return patch;
}

/** The base (merged JSON) with a point's values set: patched by name where the base has named lists. */
export function pointScenarioJson(base: unknown, vary: readonly Vary[], values: readonly number[]): unknown {
  const problems: Problem[] = [];
  const out = mergePatch(base, pointPatch(vary, values), [], problems);
  if (problems.length > 0) throw new InputError(problem("", `sweep point ${describePoint(vary, values)}: ${problems.map((p) => problemLine(p)).join("; ")}`));
  return out;
}
