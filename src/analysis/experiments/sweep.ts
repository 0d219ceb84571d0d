/**
 * Parameter sweeps over a full-form scenario: `--vary PATH=SPEC` lists, their grid, one run per
 * grid point with common random numbers, and shards of a sweep that merge back into exactly
 * the file an unsharded run writes.
 *
 * Paths. A dotted path into the scenario JSON (after its `extends` chain is merged); a segment
 * met where the scenario has a list of named things (pools, tiers, channels, need types,
 * segments, releases …) selects the element of that name, as merge patches do
 * (../scenario/extends.ts): `pools.L2.agents`, `tiers.L1.resolve.how-to`,
 * `customers.segments.smb.share`, `pools.L1 phone and e-mail.shrinkage`. The path is split on
 * every ".", so names containing a dot cannot be reached. A missing object field may be named
 * (it is added; the schema then says whether it is allowed), a missing list element may not.
 *
 * Specs. `a..b:step` is a, a + step, … up to b inclusive (step > 0; every value rounded to 9
 * decimals, so 0.1..0.3:0.1 is 0.1, 0.2, 0.3 and not 0.30000000000000004); `x,y,z` is a list.
 *
 * The grid. The Cartesian product of the --vary lists in the order given, the first varying
 * slowest: point p has, for --vary j, value index ⌊p / ∏_{k>j} n_k⌋ mod n_j (mixed radix).
 * A point's scenario is the base with one merge patch setting every varied value
 * (`{ "pools": { "L2": { "agents": 8 } } }`, named lists patched by name). Every point runs
 * the same replication indices with the same seed, so point rows are compared with common
 * random numbers (as `compare` does), and a row equals a separate run of that point's scenario.
 *
 * Shards. Shard i of N (1 ≤ i ≤ N) runs the points p with p mod N = i − 1. Its file holds the
 * sweep's identity (scenario name and the SHA-256 of the merged base, seed, replications,
 * varied paths and values) and its point rows; `mergeShards` checks that the files come from
 * one sweep, that all N shards are there and that no point is missing or twice, and assembles
 * the same document an unsharded run does: the document is a function of the point rows alone
 * (sorted by index; no time, host or thread count in it), and the unsharded run builds it from
 * rows that went through the same JSON form as a shard file's.
 */
import { createHash } from "node:crypto";
import { UsageError } from "../../cli/errors.js";
import type { SupportConfig } from "../../model/config.js";
import { buildSupport } from "../../scenario/full/build.js";
import { supportWarnings } from "../../scenario/full/warnings.js";
import { mergePatch } from "../../scenario/extends.js";
import { validateSupportScenario } from "../../scenario/load.js";
import { closest, InputError, problem, problemLine, type Problem } from "../../errors.js";
import type { SupportScenario } from "../../scenario/full/schema.js";
import { headlineKeys } from "./compare.js";
import type { Estimate } from "../confidence.js";
import { runManyParallel } from "./replications.js";

/** One `--vary`: a dotted path and the values it takes, in order. */
export interface Vary {
  path: string;
  values: number[];
}

/** What makes two shard files parts of one sweep. */
export interface SweepIdentity {
  /** The scenario's `name`. */
  scenario: string;
  /** SHA-256 (hex) of the base scenario with its `extends` chain merged, as JSON text. */
  scenarioSha256: string;
  currency: string;
  seed: number;
  replications: number;
  vary: Vary[];
}

/** One grid point's results: its varied values (by path, in --vary order) and the headline estimates. */
export interface SweepPointRow {
  index: number;
  parameters: Record<string, number>;
  /** Headline metric key (compare.ts HEADLINE_METRICS) → mean and 95% interval. */
  estimates: Record<string, Estimate>;
}

/** sweep.json: the identity, the metric columns and every point in index order. */
export interface SweepDocument extends SweepIdentity {
  format: "supportsim-sweep";
  version: 1;
  /** Headline keys present at every point, in headline order (the CSV's metric columns). */
  metrics: string[];
  points: SweepPointRow[];
}

/** shard-i-of-N.json: one shard's point rows and the sweep they belong to. */
export interface ShardDocument {
  format: "supportsim-sweep-shard";
  version: 1;
  shard: Shard;
  sweep: SweepIdentity;
  points: SweepPointRow[];
}

/** Shard `index` of `count`, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** The most points a sweep may have (a guard against a spec with a tiny step). */
export const MAX_POINTS = 1_000_000;

/** Paths that are run settings, not model parameters (each point must share them). */
const SETTINGS: Record<string, string> = { seed: "--seed", replications: "--replications" };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** x rounded to 9 decimals (so a float step lands on the values a planner wrote). */
export function round9(x: number): number {
  const r = Number(x.toFixed(9));
  return r === 0 ? 0 : r; // no −0
}

function parseNumber(s: string, what: string): number {
  const t = s.trim();
  if (!NUMBER.test(t)) throw new UsageError(`${what}: expected a number, got ${JSON.stringify(s)}`);
  const x = Number(t);
  if (!Number.isFinite(x)) throw new UsageError(`${what}: expected a finite number, got ${JSON.stringify(s)}`);
  return x === 0 ? 0 : x;
}

/**
 * A value spec: `a..b:step` (a, a + step, … ≤ b, each rounded to 9 decimals; b ≥ a, step > 0)
 * or a comma list `10,12,15` (no repeats). Throws UsageError (one line) on anything else.
 */
export function parseSpec(spec: string): number[] {
  const s = spec.trim();
  if (s === "") throw new UsageError(`expected values: a range a..b:step or a list such as 10,12,15, got nothing`);
  if (s.includes("..")) {
    const m = /^(.*?)\.\.(.*?)(?::(.*))?$/.exec(s);
    if (!m || m[3] === undefined) throw new UsageError(`${JSON.stringify(spec)}: expected a range a..b:step (e.g. 30..60:5), with the step`);
    const a = parseNumber(m[1], `${JSON.stringify(spec)}: range start`);
    const b = parseNumber(m[2], `${JSON.stringify(spec)}: range end`);
    const step = parseNumber(m[3], `${JSON.stringify(spec)}: step`);
    if (!(step > 0)) throw new UsageError(`${JSON.stringify(spec)}: expected a step > 0, got ${step}`);
    if (step < 1e-9) throw new UsageError(`${JSON.stringify(spec)}: expected a step of at least 1e-9 (values are rounded to 9 decimals), got ${step}`);
    if (b < a) throw new UsageError(`${JSON.stringify(spec)}: the range end ${b} is below its start ${a}`);
    const steps = Math.floor(round9((b - a) / step));
    if (steps + 1 > MAX_POINTS) throw new UsageError(`${JSON.stringify(spec)}: ${steps + 1} values; at most ${MAX_POINTS} points are allowed`);
    const values = Array.from({ length: steps + 1 }, (_, k) => round9(a + k * step));
    return noRepeats(values, spec);
  }
  const values = s.split(",").map((item, k) => {
    if (item.trim() === "") throw new UsageError(`${JSON.stringify(spec)}: value ${k + 1} of the list is empty`);
    return parseNumber(item, JSON.stringify(spec));
  });
  return noRepeats(values, spec);
}

function noRepeats(values: number[], spec: string): number[] {
  const seen = new Set<number>();
  for (const v of values) {
    if (seen.has(v)) throw new UsageError(`${JSON.stringify(spec)}: the value ${v} is given twice (it would run the same point twice)`);
    seen.add(v);
  }
  return values;
}

/** `PATH=SPEC` → the path and its values (the last "=" separates them). */
export function parseVary(arg: string): Vary {
  const at = arg.lastIndexOf("=");
  if (at < 0) throw new UsageError(`--vary ${JSON.stringify(arg)}: expected PATH=VALUES, e.g. pools.L2.agents=6..12:2 or pools.L2.agents=6,8,12`);
  const path = arg.slice(0, at).trim();
  if (path === "") throw new UsageError(`--vary ${JSON.stringify(arg)}: the path before "=" is empty`);
  splitPath(path); // empty segments
  let values: number[];
  try {
    values = parseSpec(arg.slice(at + 1));
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`--vary ${path}: ${e.message}`);
    throw e;
  }
  return { path, values };
}

/** A path's segments (split on every "."; names containing a dot are not supported). */
export function splitPath(path: string): string[] {
  const parts = path.split(".");
  if (parts.some((p) => p === "")) {
    throw new UsageError(`--vary ${path}: an empty name between dots (paths are split on every ".", so names containing a dot are not supported)`);
  }
  return parts;
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
 * the paths against each other; throws UsageError (one line) at the first problem:
 * an element name the list lacks (did-you-mean), a path that goes through a number, string or
 * unnamed list, a path ending at a list element, a run setting, a path given twice or one
 * path inside another.
 */
export function checkVary(base: unknown, vary: readonly Vary[]): void {
  if (vary.length === 0) throw new UsageError(`sweep: expected at least one --vary PATH=VALUES`);
  vary.forEach((v, j) => {
    const parts = splitPath(v.path);
    if (parts.length === 1 && SETTINGS[parts[0]]) throw new UsageError(`--vary ${v.path}: a run setting, the same at every point; use ${SETTINGS[parts[0]]}`);
    let cur: unknown = base;
    for (let i = 0; i < parts.length; i++) {
      const seg = parts[i];
      const here = parts.slice(0, i).join(".") || "(top level)";
      if (cur === undefined) break; // a field the base does not have yet: added by the patch
      if (isNamedList(cur)) {
        const names = cur.map((e) => e.name as string);
        const at = names.indexOf(seg);
        if (at < 0) {
          const dotted = names.find((n) => n.includes(".") && n.startsWith(`${seg}.`));
          if (dotted !== undefined) {
            throw new UsageError(`--vary ${v.path}: ${here} has an element named ${JSON.stringify(dotted)}, but names containing "." cannot be used in a path (paths are split on every ".")`);
          }
          const guess = closest(seg, names);
          const dots = names.some((n) => n.includes(".")) ? ` (names containing "." cannot be used in a path)` : "";
          throw new UsageError(`--vary ${v.path}: ${here} has no element named ${JSON.stringify(seg)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}; expected one of ${names.join(", ")}${dots}`);
        }
        if (i === parts.length - 1) throw new UsageError(`--vary ${v.path}: names an element of ${here}, not a number; give one of its fields (e.g. ${v.path}.agents)`);
        cur = cur[at];
      } else if (Array.isArray(cur)) {
        throw new UsageError(`--vary ${v.path}: ${here} is a list without names; only elements of named lists (pools, tiers, channels …) can be selected`);
      } else if (isObject(cur)) {
        cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
      } else {
        throw new UsageError(`--vary ${v.path}: ${here} is ${kindOf(cur)}, not an object: the path cannot go into it`);
      }
    }
    for (let k = 0; k < j; k++) {
      const other = vary[k].path;
      if (other === v.path) throw new UsageError(`--vary ${v.path}: given twice`);
      if (v.path.startsWith(`${other}.`) || other.startsWith(`${v.path}.`)) throw new UsageError(`--vary ${v.path}: overlaps --vary ${other} (one is inside the other)`);
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
    const parts = splitPath(v.path);
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
  if (problems.length > 0) throw new UsageError(`sweep point ${describePoint(vary, values)}: ${problems.map((p) => problemLine(p)).join("; ")}`);
  return out;
}

/** SHA-256 of the merged base scenario's JSON text (identifies the scenario in shard files). */
export function scenarioSha256(base: unknown): string {
  return createHash("sha256").update(JSON.stringify(base)).digest("hex");
}

/** A validated, built grid point. */
export interface PreparedPoint {
  index: number;
  values: number[];
  scenario: SupportScenario;
  config: SupportConfig;
  warnings: string[];
}

/**
 * Validate and build every grid point (before anything runs): a point whose values make the
 * scenario invalid, or that cannot be built, is an InputError of one line naming the point.
 * `keep(index)` chooses the points whose built model is kept (a shard's); the others are
 * checked and dropped.
 */
export function preparePoints(
  base: unknown,
  vary: readonly Vary[],
  options: { file: string; baseDir: string; keep?: (index: number) => boolean },
): PreparedPoint[] {
  const n = gridSize(vary);
  if (n > MAX_POINTS) throw new UsageError(`sweep: ${n} points; at most ${MAX_POINTS} are allowed`);
  const out: PreparedPoint[] = [];
  for (let index = 0; index < n; index++) {
    const values = pointValues(vary, index);
    const name = `point ${index} (${describePoint(vary, values)})`;
    try {
      const scenario = validateSupportScenario(pointScenarioJson(base, vary, values), options.file);
      const config = buildSupport(scenario, { baseDir: options.baseDir, file: options.file });
      if (options.keep === undefined || options.keep(index)) out.push({ index, values, scenario, config, warnings: supportWarnings(scenario, config) });
    } catch (e) {
      if (e instanceof InputError) throw new InputError(problem(name, e.problems.map((p) => problemLine(p)).join("; ")), options.file);
      throw e;
    }
  }
  return out;
}

/** Parse `i/N` (1 ≤ i ≤ N). */
export function parseShard(s: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  if (!m) throw new UsageError(`--shard: expected i/N such as 2/8 (shard i of N, 1 ≤ i ≤ N), got ${JSON.stringify(s)}`);
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new UsageError(`--shard: expected 1 ≤ i ≤ N in i/N, got ${index}/${count}`);
  return { index, count };
}

/** Whether point `index` belongs to `shard` (index mod N = i − 1). */
export function inShard(index: number, shard: Shard | undefined): boolean {
  return shard === undefined || index % shard.count === shard.index - 1;
}

/** The JSON form of a row (non-finite numbers become null, as in a file), so that rows from a run and rows read back from a shard are the same. */
function normalized<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** A point's row: its values by path and its headline estimates. */
export function pointRow(vary: readonly Vary[], index: number, values: readonly number[], estimates: Record<string, Estimate>, keys: readonly string[]): SweepPointRow {
  const parameters: Record<string, number> = {};
  vary.forEach((v, j) => (parameters[v.path] = values[j]));
  const est: Record<string, Estimate> = {};
  for (const k of headlineKeys([keys])) est[k] = estimates[k] ?? { mean: null, ci95: null };
  return normalized({ index, parameters, estimates: est });
}

export interface RunPointsOptions {
  seed: number;
  replications: number;
  /** Worker threads in all (results do not depend on it). */
  threads: number;
  /** When the workers start (lanes.ts). */
  startWorkers?: "now" | "whenWorthIt";
  /** Progress: replications done over all points. */
  onReplication?: (done: number, total: number) => void;
}

/**
 * Run the points, each with the same seed and replication indices (common random numbers).
 * Every thread takes the next (point, replication) task as it frees up (lanes.ts). Rows come back in the points' order whatever ran
 * first, and each row is the same function of (point, seed, replications) on any thread count.
 */
export async function runPoints(points: readonly PreparedPoint[], vary: readonly Vary[], opts: RunPointsOptions): Promise<SweepPointRow[]> {
  // one pool of workers for every point (each worker receives the points' configurations once)
  const runs = await runManyParallel(points.map((p) => p.config), {
    seed: opts.seed,
    replications: opts.replications,
    threads: opts.threads,
    startWorkers: opts.startWorkers,
    onReplication: opts.onReplication,
  });
  return points.map((p, k) => pointRow(vary, p.index, p.values, runs[k].estimates, Object.keys(runs[k].replications[0] ?? {})));
}

/**
 * Warnings of the points, each once: a warning every point has is given as is, one that only
 * some have names them (`points 0, 3: …`).
 */
export function pointWarnings(points: readonly Pick<PreparedPoint, "index" | "warnings">[]): string[] {
  const by = new Map<string, number[]>();
  for (const p of points) for (const w of new Set(p.warnings)) by.set(w, [...(by.get(w) ?? []), p.index]);
  return [...by].map(([w, idx]) => (idx.length === points.length ? w : `point${idx.length > 1 ? "s" : ""} ${idx.join(", ")}: ${w}`));
}

/** The sweep document for a complete set of rows (any order; sorted by index here). */
export function sweepDocument(identity: SweepIdentity, rows: readonly SweepPointRow[]): SweepDocument {
  const points = [...rows].sort((a, b) => a.index - b.index);
  const metrics = headlineKeys(points.map((p) => Object.keys(p.estimates)));
  return {
    format: "supportsim-sweep",
    version: 1,
    ...identityFields(identity),
    metrics,
    points: points.map((p) => {
      const estimates: Record<string, Estimate> = {};
      for (const k of metrics) estimates[k] = p.estimates[k];
      return { index: p.index, parameters: { ...p.parameters }, estimates };
    }),
  };
}

/** The identity's fields in their fixed order (the files' bytes depend on it). */
function identityFields(id: SweepIdentity): SweepIdentity {
  return {
    scenario: id.scenario,
    scenarioSha256: id.scenarioSha256,
    currency: id.currency,
    seed: id.seed,
    replications: id.replications,
    vary: id.vary.map((v) => ({ path: v.path, values: [...v.values] })),
  };
}

/** A shard's file content. */
export function shardDocument(identity: SweepIdentity, shard: Shard, rows: readonly SweepPointRow[]): ShardDocument {
  return {
    format: "supportsim-sweep-shard",
    version: 1,
    shard: { index: shard.index, count: shard.count },
    sweep: identityFields(identity),
    points: [...rows].sort((a, b) => a.index - b.index),
  };
}

/** The file name of a shard: `shard-i-of-N.json`. */
export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

/** Shard file names (for picking them out of a folder). */
export const SHARD_FILE = /^shard-(\d+)-of-(\d+)\.json$/;

const isInt = (x: unknown, min: number): x is number => typeof x === "number" && Number.isInteger(x) && x >= min;

/** Check a parsed shard file's shape; throws UsageError naming `source`. */
function asShard(data: unknown, source: string): ShardDocument {
  const bad = (why: string) => new UsageError(`${source}: not a sweep shard file: ${why}`);
  if (!isObject(data) || data.format !== "supportsim-sweep-shard") throw bad(`expected "format": "supportsim-sweep-shard"`);
  if (data.version !== 1) throw bad(`expected "version": 1, got ${JSON.stringify(data.version)}`);
  const sh = data.shard;
  if (!isObject(sh) || !isInt(sh.index, 1) || !isInt(sh.count, 1) || sh.index > sh.count) throw bad(`expected "shard": { "index": i, "count": N } with 1 ≤ i ≤ N`);
  const id = data.sweep;
  if (
    !isObject(id) || typeof id.scenario !== "string" || typeof id.scenarioSha256 !== "string" || typeof id.currency !== "string" ||
    !isInt(id.seed, 0) || !isInt(id.replications, 1) || !Array.isArray(id.vary) || id.vary.length === 0 ||
    !id.vary.every((v) => isObject(v) && typeof v.path === "string" && Array.isArray(v.values) && v.values.length > 0 && v.values.every((x) => typeof x === "number"))
  ) {
    throw bad(`"sweep" lacks the scenario, seed, replications or varied values`);
  }
  if (!Array.isArray(data.points) || !data.points.every((p) => isObject(p) && isInt(p.index, 0) && isObject(p.parameters) && isObject(p.estimates))) {
    throw bad(`expected "points": a list of { "index", "parameters", "estimates" }`);
  }
  return data as unknown as ShardDocument;
}

/** The first field in which two identities differ, described; undefined when they are the same sweep. */
export function identityDifference(a: SweepIdentity, b: SweepIdentity): string | undefined {
  if (a.scenario !== b.scenario) return `scenario ${JSON.stringify(a.scenario)} vs ${JSON.stringify(b.scenario)}`;
  if (a.scenarioSha256 !== b.scenarioSha256) return `the scenario's content differs (SHA-256 ${a.scenarioSha256.slice(0, 12)}… vs ${b.scenarioSha256.slice(0, 12)}…)`;
  if (a.seed !== b.seed) return `seed ${a.seed} vs ${b.seed}`;
  if (a.replications !== b.replications) return `replications ${a.replications} vs ${b.replications}`;
  const show = (id: SweepIdentity) => id.vary.map((v) => `${v.path}=${v.values.join(",")}`).join(" ");
  if (show(a) !== show(b)) return `varied parameters ${show(a)} vs ${show(b)}`;
  if (a.currency !== b.currency) return `currency ${a.currency} vs ${b.currency}`;
  return undefined;
}

/**
 * Join shard files (parsed JSON, each with where it came from) into the sweep document an
 * unsharded run produces. Throws UsageError when a file is not a shard file, the files come
 * from different sweeps (scenario, its content, seed, replications, varied values) or shard
 * counts, a shard is given twice or missing, or a point is missing, twice, in the wrong shard
 * or has values that are not its grid values.
 */
export function mergeShards(inputs: readonly { source: string; data: unknown }[]): SweepDocument {
  if (inputs.length === 0) throw new UsageError(`merge: no shard files (shard-i-of-N.json) given`);
  const shards = inputs.map((i) => ({ source: i.source, doc: asShard(i.data, i.source) }));
  const first = shards[0];
  const count = first.doc.shard.count;
  const bySlot = new Map<number, string>();
  for (const s of shards) {
    const diff = identityDifference(first.doc.sweep, s.doc.sweep);
    if (diff !== undefined) throw new UsageError(`${s.source}: from a different sweep than ${first.source}: ${diff}`);
    if (s.doc.shard.count !== count) throw new UsageError(`${s.source}: shard ${s.doc.shard.index}/${s.doc.shard.count}, but ${first.source} is one of ${count} shards`);
    const seen = bySlot.get(s.doc.shard.index);
    if (seen !== undefined) throw new UsageError(`merge: shard ${s.doc.shard.index}/${count} is given twice (${seen} and ${s.source})`);
    bySlot.set(s.doc.shard.index, s.source);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !bySlot.has(i));
  if (missing.length > 0) {
    throw new UsageError(`merge: missing shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} (have ${[...bySlot.keys()].sort((a, b) => a - b).map((i) => `${i}/${count}`).join(", ")})`);
  }
  const id = first.doc.sweep;
  const n = gridSize(id.vary);
  const owner = new Map<number, string>();
  const rows: SweepPointRow[] = [];
  for (const s of shards) {
    for (const p of s.doc.points) {
      if (p.index >= n) throw new UsageError(`${s.source}: point ${p.index} is outside the grid of ${n} points`);
      if (!inShard(p.index, s.doc.shard)) throw new UsageError(`${s.source}: point ${p.index} does not belong to shard ${s.doc.shard.index}/${count}`);
      const had = owner.get(p.index);
      if (had !== undefined) throw new UsageError(`${s.source}: point ${p.index} appears twice (also in ${had})`);
      owner.set(p.index, s.source);
      const values = pointValues(id.vary, p.index);
      const expected = Object.fromEntries(id.vary.map((v, j) => [v.path, values[j]]));
      if (JSON.stringify(p.parameters) !== JSON.stringify(expected)) {
        throw new UsageError(`${s.source}: point ${p.index} has parameters ${JSON.stringify(p.parameters)}, expected ${JSON.stringify(expected)}`);
      }
      rows.push(p);
    }
  }
  if (owner.size !== n) {
    const lost: number[] = [];
    for (let i = 0; i < n && lost.length < 10; i++) if (!owner.has(i)) lost.push(i);
    throw new UsageError(`merge: ${n - owner.size} of ${n} points missing (point ${lost.join(", ")}${n - owner.size > lost.length ? ", …" : ""}); a shard file is incomplete`);
  }
  return sweepDocument(id, rows);
}
