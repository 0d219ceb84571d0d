/**
 * The layout of src/ as docs/architecture.md draws it: imports point down the layers, no
 * module imports itself through a cycle, and no source file is much over 400 lines.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const SRC = join(ROOT, "src");

/** Layers from the bottom; a module may import its own layer's modules and those of lower layers. */
const LAYERS: { name: string; rank: number; match: (p: string) => boolean }[] = [
  { name: "errors", rank: 0, match: (p) => p === "errors.ts" || p === "inputFiles.ts" || p === "startupPhases.ts" },
  { name: "engine", rank: 1, match: (p) => p.startsWith("engine/") },
  { name: "analytic", rank: 1, match: (p) => p.startsWith("analytic/") },
  { name: "time", rank: 1, match: (p) => p.startsWith("time/") },
  { name: "forecast", rank: 2, match: (p) => p.startsWith("forecast/") },
  { name: "model", rank: 3, match: (p) => p.startsWith("model/") },
  { name: "scenario", rank: 4, match: (p) => p.startsWith("scenario/") },
  { name: "kpi", rank: 5, match: (p) => p.startsWith("kpi/") },
  { name: "analysis", rank: 6, match: (p) => p.startsWith("analysis/") },
  { name: "report", rank: 7, match: (p) => p.startsWith("report/") },
  { name: "api", rank: 8, match: (p) => p.startsWith("api/") },
  { name: "cli", rank: 9, match: (p) => p.startsWith("cli/") },
];
/** Layers of equal rank that must not import each other (siblings at the bottom). */
const INDEPENDENT = new Set(["engine", "analytic", "time"]);
const MAX_LINES = 420;
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

const files = walk(SRC).map((p) => relative(SRC, p));
const layerOf = (p: string) => LAYERS.find((l) => l.match(p));

/** Relative imports of a module (static, re-exports, dynamic with a literal), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.[^"']+)["']/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(relative(SRC, resolve(dirname(join(SRC, file)), m[1])).replace(/\.js$/, ".ts"));
  }
  return out;
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe("the source layout", () => {
  it("every module belongs to a layer", () => {
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it("imports point down the layers (docs/architecture.md)", () => {
    const bad: string[] = [];
    for (const [f, deps] of graph) {
      const from = layerOf(f)!;
      for (const d of deps) {
        const to = layerOf(d);
        if (to === undefined) { bad.push(`${f} → ${d} (outside src/)`); continue; }
        if (to.rank > from.rank || (to.rank === from.rank && to.name !== from.name && INDEPENDENT.has(to.name))) bad.push(`${f} (${from.name}) → ${d} (${to.name})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 1);
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d].join(" → "));
        else if (state.get(d) === undefined) visit(d);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of files) if (state.get(f) === undefined) visit(f);
    expect(cycles).toEqual([]);
  });

  it(`no source file is over ${MAX_LINES} lines`, () => {
    const long = files.map((f) => ({ f, n: readFileSync(join(SRC, f), "utf8").split("\n").length })).filter((x) => x.n > MAX_LINES);
    expect(long.map((x) => `${x.f}: ${x.n}`)).toEqual([]);
  });
});
