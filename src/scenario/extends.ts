/**
 * Scenario files that extend a base: `"extends": "baseline.json"` (a path relative to the
 * file) and the rest of the file applied to the base as a JSON Merge Patch (RFC 7396):
 *
 * - an object patches an object field by field; `null` removes a field; anything else
 *   (a number, a string, a list) replaces the value;
 * - one extension for lists of named things (tiers, pools, channels, need types, segments,
 *   releases, fixes …): an OBJECT given where the base has a list of objects with a `name` is
 *   matched by name — `"pools": { "L2": { "agents": 14 } }` patches the pool named "L2",
 *   `{ "L2": null }` removes it, and a name the base does not have adds a new element (an error
 *   with a did-you-mean when it is one or two letters away from an existing name, which is
 *   almost always a typo). A LIST still replaces the whole list, as RFC 7396 says.
 *
 * Bases may extend other bases (up to 16 levels; a cycle is an error). File paths inside a base
 * (`calibration.history.file`, `arrivals[].history.file`) are relative to the file that wrote
 * them, and are rewritten so that they stay right from the extending file's folder.
 * The merged object is then validated like any scenario; `supportsim run --out` writes it as
 * scenario.resolved.json.
 */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { closest, formatPath, InputError, nameDistance, problem, type Problem } from "../errors.js";
import { FORBIDDEN_KEYS, forbiddenKeyMessage, parseJson } from "./json.js";
import { MAX_JSON_BYTES, readInputText } from "../inputFiles.js";
import { isCompleteElement } from "./full/schema/elements.js";

const MAX_DEPTH = 16;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** A list whose elements are all objects with a string `name` (and at least one element). */
function isNamedList(v: unknown): v is JsonObject[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => isObject(e) && typeof e.name === "string");
}

/** Two names closer than this (edit distance, ignoring case) are taken for a typo. */
const TYPO_DISTANCE = 2;

/**
 * Apply `patch` to `target` (neither is modified; the result shares nothing with them).
 * Problems (a name that looks like a typo) are collected in `problems`, with their paths.
 */
export function mergePatch(target: unknown, patch: unknown, path: (string | number)[] = [], problems: Problem[] = [], complete: CompleteElement = () => false): Json {
  if (!isObject(patch)) return structuredClone(patch) as Json;
  if (isNamedList(target)) return mergeNamed(target, patch, path, problems, complete);
  const out: JsonObject = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    // never copied: it would replace `out`'s prototype (./json.ts rejects it in files; a patch built in code may still hold it)
    if (FORBIDDEN_KEYS.has(key)) {
      problems.push(problem(formatPath([...path, key]), forbiddenKeyMessage(key)));
      continue;
    }
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value, [...path, key], problems, complete);
  }
  return out;
}

/** Whether a new element (with its name) of the named list at `listPath` is complete (scenario/full/schema/elements.ts). */
export type CompleteElement = (listPath: readonly (string | number)[], element: object) => boolean;

function mergeNamed(list: JsonObject[], patch: JsonObject, path: (string | number)[], problems: Problem[], complete: CompleteElement): Json {
  const out = structuredClone(list);
  const names = list.map((e) => e.name as string);
  for (const [name, value] of Object.entries(patch)) {
    if (FORBIDDEN_KEYS.has(name)) {
      problems.push(problem(formatPath([...path, name]), forbiddenKeyMessage(name)));
      continue;
    }
    const at = out.findIndex((e) => e.name === name);
    if (value === null) {
      if (at >= 0) out.splice(at, 1);
      else problems.push(problem(formatPath([...path, name]), `cannot remove "${name}": the base has no such element; expected one of ${names.join(", ")}`));
      continue;
    }
    if (at >= 0) {
      out[at] = mergePatch(out[at], value, [...path, name], problems, complete) as JsonObject;
      continue;
    }
    // a name close to an existing one: a typo, unless the element is complete (a new tier "L4" beside "L1")
    const guess = closest(name, names);
    if (guess !== undefined && nameDistance(name, guess) <= TYPO_DISTANCE && !(isObject(value) && complete(path, { name, ...value }))) {
      problems.push(problem(formatPath([...path, name]), `the base has no element named "${name}" (did you mean "${guess}"?); to add a new one, give all its fields`));
      continue;
    }
    if (!isObject(value)) {
      problems.push(problem(formatPath([...path, name]), `expected an object (a new element or a patch of one), got ${JSON.stringify(value)}`));
      continue;
    }
    out.push({ name, ...(mergePatch({}, value, [...path, name], problems, complete) as JsonObject) });
  }
  return out;
}

/** The text of a file, or an InputError naming it (../inputFiles.ts: only a regular file, up to a size limit). */
function readText(file: string, from?: string): string {
  return readInputText(file, MAX_JSON_BYTES, (why) => {
    if (from !== undefined) throw new InputError(problem("extends", `${JSON.stringify(file)}: ${why}`), from);
    throw new InputError(problem("", why), file);
  }, "a scenario file");
}

/** Rewrite the file paths a scenario holds (relative to `fromDir`) to be relative to `toDir`. */
function rebasePaths(s: JsonObject, fromDir: string, toDir: string): void {
  const fix = (holder: unknown) => {
    if (isObject(holder) && typeof holder.file === "string" && !isAbsolute(holder.file)) {
      holder.file = relative(toDir, resolve(fromDir, holder.file)) || ".";
    }
  };
  if (isObject(s.calibration)) fix(s.calibration.history);
  if (Array.isArray(s.arrivals)) for (const a of s.arrivals) if (isObject(a)) fix(a.history);
  if (typeof s.statusQuo === "string" && !isAbsolute(s.statusQuo)) s.statusQuo = relative(toDir, resolve(fromDir, s.statusQuo)) || ".";
}

/**
 * Read a scenario file and resolve its `extends` chain: the merged JSON (not yet validated),
 * without `extends`. A file without `extends` is returned as parsed.
 */
export function resolveScenarioFile(file: string, chain: string[] = []): unknown {
  const abs = resolve(file);
  const from = chain.length > 0 ? chain[chain.length - 1] : undefined;
  const input = parseJson(readText(file, from), file);
  if (!isObject(input) || !Object.hasOwn(input, "extends")) return input;
  const { extends: base, ...patch } = input;
  if (typeof base !== "string" || base === "") {
    throw new InputError(problem("extends", `expected the path of a base scenario file (relative to this file), got ${JSON.stringify(base)}`), file);
  }
  if (chain.includes(abs) || chain.length >= MAX_DEPTH) {
    const names = [...chain, abs].map((f) => relative(dirname(abs), f) || f);
    throw new InputError(problem("extends", chain.includes(abs) ? `a cycle: ${names.join(" → ")}` : `more than ${MAX_DEPTH} levels of bases`), file);
  }
  const basePath = resolve(dirname(abs), base);
  const resolvedBase = resolveScenarioFile(basePath, [...chain, abs]);
  if (!isObject(resolvedBase)) throw new InputError(problem("extends", `${JSON.stringify(base)}: expected a JSON object at the top level of the base`), file);
  rebasePaths(resolvedBase, dirname(basePath), dirname(abs));
  const problems: Problem[] = [];
  const merged = mergePatch(resolvedBase, patch, [], problems, isCompleteElement);
  if (problems.length > 0) throw new InputError(problems, file);
  return merged;
}

/**
 * The resolved scenario of `file` as it must read when saved in folder `dir` (run --out, staff
 * --out): data file paths made relative to `dir`, and a relative `$schema` too, so the saved
 * file runs and autocompletes from where it is.
 */
export function resolvedScenarioIn(file: string, dir: string): JsonObject {
  const resolved = resolveScenarioFile(file);
  if (!isObject(resolved)) return resolved as JsonObject;
  const from = dirname(resolve(file)), to = resolve(dir);
  rebasePaths(resolved, from, to);
  // without its extends chain, the saved file names the status quo it is calibrated on (docs/model.md §20.5), so that it runs to the same results
  const root = rootScenarioFile(file);
  if (resolved.statusQuo === undefined && root !== resolve(file)) resolved.statusQuo = relative(to, root);
  if (typeof resolved.$schema === "string" && !isAbsolute(resolved.$schema) && !/^[a-z]+:/i.test(resolved.$schema)) {
    resolved.$schema = relative(to, resolve(from, resolved.$schema));
  }
  return resolved;
}

/**
 * The root of a scenario file's `extends` chain: the first base that extends nothing (the file
 * itself when it has no `extends`). Call after `resolveScenarioFile` succeeded (the chain is valid).
 */
export function rootScenarioFile(file: string): string {
  let abs = resolve(file);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const input = parseJson(readText(abs), abs);
    if (!isObject(input) || typeof input.extends !== "string") return abs;
    abs = resolve(dirname(abs), input.extends);
  }
  return abs;
}
