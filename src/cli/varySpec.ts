/**
 * The sweep's command-line syntax: `--vary PATH=VALUES` and `--shard i/N`.
 *
 * Values. `a..b:step` is a, a + step, … up to b inclusive (step > 0; every value rounded to 9
 * decimals, so 0.1..0.3:0.1 is 0.1, 0.2, 0.3 and not 0.30000000000000004); `x,y,z` is a list.
 */
import { InputError, problem } from "../errors.js";
import { MAX_POINTS, type Shard, type Vary } from "../analysis/experiments/sweep/index.js";

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Bad text in a flag: one line, `where: what`. */
const bad = (where: string, what: string) => new InputError(problem(where, what));

/** x rounded to 9 decimals (so a float step lands on the values a planner wrote). */
export function round9(x: number): number {
  const r = Number(x.toFixed(9));
  return r === 0 ? 0 : r; // no −0
}

function parseNumber(s: string, what: string): number {
  const t = s.trim();
  if (!NUMBER.test(t)) throw bad(what, `expected a number, got ${JSON.stringify(s)}`);
  const x = Number(t);
  if (!Number.isFinite(x)) throw bad(what, `expected a finite number, got ${JSON.stringify(s)}`);
  return x === 0 ? 0 : x;
}

/**
 * A value spec: `a..b:step` (a, a + step, … ≤ b, each rounded to 9 decimals; b ≥ a, step > 0)
 * or a comma list `10,12,15` (no repeats). Throws InputError (one line) on anything else.
 */
export function parseSpec(spec: string): number[] {
  const s = spec.trim();
  const q = JSON.stringify(spec);
  if (s === "") throw bad("", `expected values: a range a..b:step or a list such as 10,12,15, got nothing`);
  if (s.includes("..")) {
    const m = /^(.*?)\.\.(.*?)(?::(.*))?$/.exec(s);
    if (!m || m[3] === undefined) throw bad(q, `expected a range a..b:step (e.g. 30..60:5), with the step`);
    const a = parseNumber(m[1], `${q}: range start`);
    const b = parseNumber(m[2], `${q}: range end`);
    const step = parseNumber(m[3], `${q}: step`);
    if (!(step > 0)) throw bad(q, `expected a step > 0, got ${step}`);
    if (step < 1e-9) throw bad(q, `expected a step of at least 1e-9 (values are rounded to 9 decimals), got ${step}`);
    if (b < a) throw bad(q, `the range end ${b} is below its start ${a}`);
    const steps = Math.floor(round9((b - a) / step));
    if (steps + 1 > MAX_POINTS) throw bad(q, `${steps + 1} values; at most ${MAX_POINTS} points are allowed`);
    return noRepeats(Array.from({ length: steps + 1 }, (_, k) => round9(a + k * step)), q);
  }
  const values = s.split(",").map((item, k) => {
    if (item.trim() === "") throw bad(q, `value ${k + 1} of the list is empty`);
    return parseNumber(item, q);
  });
  return noRepeats(values, q);
}

function noRepeats(values: number[], q: string): number[] {
  const seen = new Set<number>();
  for (const v of values) {
    if (seen.has(v)) throw bad(q, `the value ${v} is given twice (it would run the same point twice)`);
    seen.add(v);
  }
  return values;
}

/** `PATH=SPEC` → the path and its values (the last "=" separates them). */
export function parseVary(arg: string): Vary {
  const at = arg.lastIndexOf("=");
  if (at < 0) throw bad(`--vary ${JSON.stringify(arg)}`, `expected PATH=VALUES, e.g. pools.L2.agents=6..12:2 or pools.L2.agents=6,8,12`);
  const path = arg.slice(0, at).trim();
  if (path === "") throw bad(`--vary ${JSON.stringify(arg)}`, `the path before "=" is empty`);
  try {
    return { path, values: parseSpec(arg.slice(at + 1)) };
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems.map((p) => problem(p.path === "" ? `--vary ${path}` : `--vary ${path}: ${p.path}`, p.message)));
    throw e;
  }
}

/** Parse `i/N` (whole numbers, 1 ≤ i ≤ N ≤ MAX_POINTS: a sweep has at most that many points, so at most that many shards). */
export function parseShard(s: string): Shard {
  const form = `i/N such as 2/8 (shard i of N: whole numbers, 1 ≤ i ≤ N ≤ ${MAX_POINTS})`;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  if (!m) throw bad("--shard", `expected ${form}, got ${JSON.stringify(s)}`);
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1 || index < 1 || index > count || count > MAX_POINTS) throw bad("--shard", `expected ${form}, got ${JSON.stringify(s)}`);
  return { index, count };
}
