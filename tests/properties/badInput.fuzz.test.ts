/**
 * Bad input, everywhere (issue 18 point 7): fast-check mutates the shipped scenarios and holds the
 * contract of every command that reads a scenario file — `validate` and `run`, called in-process
 * on the path the command line takes (`loadScenario`, then `simulate`):
 *
 *   either an InputError whose every problem is one line with a field path (or, for the file as a
 *   whole, the file it is about), or a scenario that runs to finite results within each KPI's
 *   bounds (a count or cost >= 0, a share in [0, 1]); anything else thrown (a TypeError, a
 *   RangeError …) is a bug, which fast-check shrinks to the smallest mutation and prints.
 *
 * Mutations (one to three a case, on a copy of scenarios/ in a temporary folder, so `extends`
 * chains resolve through their mutated bases): a field of the file or of its base set to another type (number, text,
 * null, list, object, boolean), pushed to a bound (0, −1, 1e308, 1e21, 2^53 + 1, 1e−300, "NaN",
 * "Infinity"), given a name (empty, 2,000 characters, Unicode, markup, a dot), a date, a clock
 * time, a range or an expression, or a distribution or opening hours, deleted; an unknown
 * (misspelt) field added; a name copied onto its neighbour's (duplicate names); `extends` set to a
 * missing file, the file itself, a folder, or a cycle through its base.
 *
 * Kept quick (the copies have 100 customers, 1 replication, simple-form files 8 hours), and a
 * valid mutant runs only when its size is small (see `small`): what a big but valid run does is the
 * scale check's concern (src/scenario/full/checks/scale.ts), not this contract's.
 *
 *   npx vitest run --config tests/vitest.config.ts tests/properties/badInput.fuzz.test.ts     (200 cases, seed 18)
 *   SUPPORTSIM_FUZZ_RUNS=5000 SUPPORTSIM_FUZZ_SEED=$RANDOM npx vitest run --config tests/vitest.config.ts tests/properties/badInput.fuzz.test.ts
 *                                                                                             (the nightly count; ~20 minutes)
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError, loadScenario, simulate, type Scenario } from "../../src/api/index.js";
import { BOUNDS, findKpi } from "../../src/kpi/catalogue.js";
import { cli, ROOT } from "../helpers/cli.js";

const RUNS = Number(process.env.SUPPORTSIM_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.SUPPORTSIM_FUZZ_SEED ?? 18);

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Path = (string | number)[];

const SHIPPED = join(ROOT, "scenarios");
const FILES = readdirSync(SHIPPED).filter((f) => f.endsWith(".json")).sort();
let capped: string; // the shipped scenarios, made quick
let work: string; // one folder per case

/** A shipped file made quick: 100 customers, 1 replication; a simple-form file over 8 hours. */
function cap(j: Json): Json {
  j.replications = 1;
  if (j.customers?.count !== undefined) j.customers.count = 100;
  if (j.customers?.salesPerMonth !== undefined) j.customers.salesPerMonth = 5;
  if (j.arrivals !== undefined && j.horizon !== undefined) j.horizon = { hours: 8, warmupHours: 1, ...(j.horizon.intervalMinutes ? { intervalMinutes: j.horizon.intervalMinutes } : {}) };
  return j;
}

beforeAll(() => {
  capped = mkdtempSync(join(tmpdir(), "supportsim-fuzz-"));
  work = join(capped, "cases");
  mkdirSync(work);
  cpSync(join(SHIPPED, "data"), join(capped, "data"), { recursive: true });
  for (const f of FILES) writeFileSync(join(capped, f), JSON.stringify(cap(JSON.parse(readFileSync(join(SHIPPED, f), "utf8"))), null, 1));
});
afterAll(() => rmSync(capped, { recursive: true, force: true }));

/** Every path into `j` (objects' fields and lists' elements), the root left out. */
function paths(j: Json, at: Path = [], out: Path[] = []): Path[] {
  if (at.length > 0) out.push(at);
  if (typeof j === "object" && j !== null) for (const [k, v] of Object.entries(j)) paths(v, [...at, Array.isArray(j) ? Number(k) : k], out);
  return out;
}

const VALUES: unknown[] = [
  0, -1, 1e308, -1e308, 1e21, 2 ** 53 + 1, 1e-300, 0.5, 3, 1000, "NaN", "Infinity", "1e999", "", "x".repeat(2000), "Ω 客服 😀",
  "<b>L1</b>\"'&", "a.b", "12", null, true, [], [1], [0, 0], {}, { x: 1 }, "2027-13-45", "2027-02-30", "2027-01-05", "25:00", "09:00",
  "expo", "exponential", "Mon-Sun", "=1/0", "=x+1", "=2*3", { low: 1, expected: 2, high: 3 }, { low: 3, expected: 2, high: 1 },
  { dist: "lognormal", meanMinutes: 5, cv: 0.5 }, { days: "Mon-Fri", open: "18:00", close: "08:00" },
];

interface Step {
  /** Mutate the file's base (the file it extends) instead of the file. */
  inBase: boolean;
  kind: "set" | "delete" | "extra" | "duplicateName" | "extendsMissing" | "extendsSelf" | "extendsFolder" | "extendsCycle";
  pick: number;
  value: unknown;
}

/** A shipped file and one to three mutations of it or its base. */
interface Mutation {
  file: string;
  steps: Step[];
}

const step: fc.Arbitrary<Step> = fc.record({
  inBase: fc.boolean(),
  kind: fc.constantFrom<Step["kind"]>("set", "set", "set", "set", "delete", "delete", "extra", "duplicateName", "extendsMissing", "extendsSelf", "extendsFolder", "extendsCycle"),
  pick: fc.nat(),
  value: fc.constantFrom(...VALUES),
});
const mutation: fc.Arbitrary<Mutation> = fc.record({ file: fc.constantFrom(...FILES), steps: fc.array(step, { minLength: 1, maxLength: 3 }) });

/** Apply `m` in a fresh copy of the quick scenarios; the file to load. */
function mutate(m: Mutation, k: number): string {
  const dir = join(work, String(k));
  mkdirSync(dir);
  for (const f of FILES) cpSync(join(capped, f), join(dir, f));
  for (const st of m.steps) apply(dir, m.file, st);
  return join(dir, m.file);
}

/** One step in `dir`. */
function apply(dir: string, file: string, m: Step): void {
  const read = (f: string): Json => JSON.parse(readFileSync(join(dir, f), "utf8"));
  const entry = read(file);
  const target = m.inBase && typeof entry.extends === "string" && FILES.includes(entry.extends) ? entry.extends : file;
  const j = read(target);
  const all = paths(j).filter((p) => p[0] !== "$schema");
  if (all.length === 0) return;
  const path = all[m.pick % all.length];
  const parentOf = (p: Path): Json => p.slice(0, -1).reduce((o: Json, key) => o[key], j);
  switch (m.kind) {
    case "set": parentOf(path)[path[path.length - 1]] = structuredClone(m.value); break;
    case "delete": {
      const parent = parentOf(path), key = path[path.length - 1];
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    }
    case "extra": {
      const objects = [[], ...all].filter((p) => { const o = p.reduce((x: Json, key) => x[key], j); return typeof o === "object" && o !== null && !Array.isArray(o); });
      const at = objects[m.pick % objects.length];
      const o = at.reduce((x: Json, key) => x[key], j);
      const keys = Object.keys(o);
      o[keys.length > 0 ? `${keys[m.pick % keys.length]}x` : "extra"] = structuredClone(m.value);
      break;
    }
    case "duplicateName": {
      const lists = all.filter((p) => { const o = p.reduce((x: Json, key) => x[key], j); return Array.isArray(o) && o.length >= 2 && o.every((e: Json) => typeof e?.name === "string"); });
      if (lists.length > 0) {
        const list = lists[m.pick % lists.length].reduce((x: Json, key) => x[key], j);
        list[1].name = list[0].name;
      }
      break;
    }
    case "extendsMissing": j.extends = "no-such-base.json"; break;
    case "extendsSelf": j.extends = target; break;
    case "extendsFolder": j.extends = "."; break;
    case "extendsCycle": {
      writeFileSync(join(dir, "cycle.json"), JSON.stringify({ extends: target, name: "cycle" }));
      j.extends = "cycle.json";
      break;
    }
  }
  writeFileSync(join(dir, target), JSON.stringify(j));
}

/** The contract for bad input: each problem one line, naming its field (or, for the file as a whole, the file). */
function checkInputError(e: InputError): void {
  expect(e.problems.length).toBeGreaterThan(0);
  for (const p of e.problems) {
    expect(p.path !== "" || (e.source !== undefined && e.source !== ""), `a problem without a field or file: ${p.message}`).toBe(true);
    expect(p.message.trim(), "an empty message").not.toBe("");
    expect(p.message, "one line per problem").not.toMatch(/\n|\r/);
    expect(p.message, "no stack").not.toMatch(/\bat .*\.(js|ts):\d+/);
  }
}

/** Whether a valid mutant is small enough to run here (the contract for a run is the same at any size; a big run is the scale check's). */
function small(s: Scenario): boolean {
  const c = s.uncalibrated;
  const days = c.horizon / 1440;
  const d = s.definition as Json;
  const customers = (d.customers?.count ?? 0) + (d.customers?.salesPerMonth ?? 0) * (days / 30);
  const perCustomer = (d.needTypes ?? []).reduce((a: number, k: Json) => a + (k.perCustomerPerMonth ?? 0), 0);
  const forecast = (d.arrivals ?? []).reduce((a: number, st: Json) => a + (st.ratePerHour ?? Math.max(0, ...(st.pattern?.ratesPerHour ?? [0]))) * days * 24, 0);
  const agents = c.pools.reduce((a, p) => a + p.agents, 0);
  const intervalMinutes = d.horizon?.intervalMinutes ?? 60;
  return days <= 400 && customers <= 2000 && customers * perCustomer * (days / 30) <= 20_000 && forecast <= 20_000 && agents <= 500 && c.horizon / intervalMinutes <= 20_000;
}

/** The contract for a run: every estimate finite, within its KPI's bounds, its mean inside its interval. */
function checkResults(estimates: Record<string, { mean: number | null; ci95: [number, number] | null }>): void {
  for (const [key, e] of Object.entries(estimates)) {
    const kpi = findKpi(key);
    const [lo, hi] = kpi === undefined ? [-Infinity, Infinity] : BOUNDS[kpi.bounds];
    for (const x of [e.mean, ...(e.ci95 ?? [])]) {
      if (x === null) continue;
      expect(Number.isFinite(x), `${key}: ${x}`).toBe(true);
      expect(x >= lo && x <= hi, `${key}: ${x} outside [${lo}, ${hi}]`).toBe(true);
    }
    if (e.mean !== null && e.ci95 !== null) expect(e.mean >= e.ci95[0] && e.mean <= e.ci95[1], `${key}: mean ${e.mean} outside ${e.ci95}`).toBe(true);
  }
}

let cases = 0, invalid = 0, ran = 0;

describe("mutated shipped scenarios (fast-check, seed " + SEED + ", " + RUNS + " cases)", () => {
  it("validate and run: an InputError naming each field, or finite results within their bounds", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const file = mutate(m, cases++);
        let s: Scenario;
        try {
          s = loadScenario(file);
          expect(Array.isArray(s.warnings)).toBe(true);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          invalid++;
          checkInputError(e);
          return;
        }
        if (!small(s)) return;
        try {
          const r = await simulate(s, { replications: 1, threads: 1 });
          ran++;
          checkResults(r.estimates);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          checkInputError(e);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // the suite exercises both sides of the contract
    expect(invalid).toBeGreaterThan(RUNS / 5);
    expect(ran).toBeGreaterThan(RUNS / 20);
  }, 60_000 + RUNS * 2_000);

  it("through the command line: exit 2, one line per problem with the supportsim: prefix, no stack", () => {
    const dir = join(work, "cli");
    mkdirSync(dir, { recursive: true });
    for (const f of FILES) cpSync(join(capped, f), join(dir, f));
    const edit = (f: string, change: (j: Json) => void): string => {
      const j = JSON.parse(readFileSync(join(dir, f), "utf8"));
      change(j);
      const out = join(dir, `edited-${f}`);
      writeFileSync(out, JSON.stringify(j));
      return out;
    };
    const bad = [
      edit("baseline.json", (j) => (j.pools[0].agents = "many")),
      edit("mmc-abandon.json", (j) => (j.tiers = {})),
      edit("novice-surge.json", (j) => (j.extends = "edited-novice-surge.json")),
    ];
    for (const [i, f] of bad.entries()) {
      for (const args of [i % 2 === 0 ? ["validate", f] : ["run", f, "--replications", "1"]]) {
        const r = cli(...args);
        expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(2);
        const lines = r.stderr.trimEnd().split("\n");
        for (const line of lines) expect(line).toMatch(/^supportsim: \S.*: /);
        expect(r.stderr).not.toMatch(/\bat .*\.js:\d+|internal error/);
      }
    }
  });
});
