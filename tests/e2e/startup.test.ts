/**
 * Start-up (issue 18): a command loads only what it uses. `--version`, `--help` and `erlang`
 * load no schema library, statistics, LP solver, worker pool, chart renderer or expression
 * parser; `validate` loads the schemas but nothing that runs, solves or draws. Each command runs
 * in a child process with a module-resolution hook (helpers/moduleLog.mjs) listing every module
 * it loads, ES and CommonJS: a package outside the bundle by its path in node_modules, one inside
 * it by the bundle's files that hold it (dist/bundle/meta.json, esbuild's record of which sources
 * went into each file: bin/bundleCli.mjs). No timing: what is loaded decides the CPU time
 * (bench/startup.mjs measures it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/cli.js";

const HEAVY = ["zod", "highs", "piscina", "vega", "vega-lite", "@resvg/resvg-js", "mathjs", "fontkit", "@stdlib/stats-base-dists-t-quantile", "csv-parse"];
const dir = mkdtempSync(join(tmpdir(), "supportsim-startup-"));
const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;
/** The packages each file of the bundle holds, by the file's path under the root ("dist/bundle/main.js"). */
const bundled = new Map<string, Set<string>>();
/** The modules of this package (tsc's output, "dist/model/simulation.js") each file of the bundle holds. */
const bundledOwn = new Map<string, string[]>();
const meta = JSON.parse(readFileSync(join(ROOT, "dist", "bundle", "meta.json"), "utf8")) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
for (const [file, out] of Object.entries(meta.outputs)) {
  bundled.set(file, new Set(Object.keys(out.inputs).map((input) => PACKAGE.exec(input)?.[1]).filter((p): p is string => p !== undefined)));
  bundledOwn.set(file, Object.keys(out.inputs).filter((input) => input.startsWith("dist/")));
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The packages (by name) that `supportsim ...args` loads. */
function packagesLoaded(...args: string[]): Set<string> {
  return loadedBy(args).packages;
}

function loadedBy(args: string[]): { packages: Set<string>; own: Set<string> } {
  const log = join(dir, `${args.join("_").replace(/[^\w.-]+/g, "_")}.log`);
  const r = spawnSync(process.execPath, ["--import", join(ROOT, "tests", "helpers", "moduleLog.mjs"), BIN, ...args], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, SUPPORTSIM_MODULE_LOG: log }, timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const names = new Set<string>(), own = new Set<string>();
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const m = PACKAGE.exec(line);
    if (m) names.add(m[1]);
    const b = /\/(dist\/bundle\/[^/]+\.js)$/.exec(line);
    if (b) for (const p of bundled.get(b[1]) ?? []) names.add(p);
    if (b) for (const m of bundledOwn.get(b[1]) ?? []) own.add(m);
  }
  return { packages: names, own };
}

const heavyIn = (loaded: Set<string>, allowed: string[] = []) => HEAVY.filter((p) => loaded.has(p) && !allowed.includes(p));

describe("a command loads only what it uses", () => {
  for (const args of [["--version"], ["--help"], ["erlang", "--help"], ["erlang", "c", "--rate-per-hour", "540", "--aht-minutes", "5", "--agents", "48"], ["erlang", "staff", "--target-sl", "0.8", "--rate-per-hour", "540", "--aht-minutes", "5"]]) {
    it(`supportsim ${args.join(" ")}: no schema library, statistics, solver, worker pool, charts, expressions or CSV parser`, () => {
      const loaded = packagesLoaded(...args);
      expect(loaded.has("yargs")).toBe(true); // the hook sees what is loaded
      expect(heavyIn(loaded)).toEqual([]);
    });
  }

  it("erlang staff --forecast loads the CSV parser, and nothing else heavy", () => {
    const loaded = packagesLoaded("erlang", "staff", "--forecast", "scenarios/data/sample-forecast.csv", "--target-sl", "0.8");
    expect(loaded.has("csv-parse")).toBe(true);
    expect(heavyIn(loaded, ["csv-parse"])).toEqual([]);
  });

  it("the bundle holds only the parts of zod the schemas use (zod imported as a namespace, `import * as z`)", () => {
    // `import { z } from "zod"` anywhere keeps all of zod (its locales, JSON-Schema import …): 750 kB that validate compiles
    let zodBytes = 0;
    for (const out of Object.values(meta.outputs)) for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) if (/(^|\/)node_modules\/zod\//.test(input)) zodBytes += bytesInOutput;
    expect(zodBytes).toBeGreaterThan(50_000);
    expect(zodBytes).toBeLessThan(400_000);
  });

  it("SUPPORTSIM_PROFILE_STARTUP=1: validate writes its start-up phases' CPU times on stderr (what bench:startup prints); without it, nothing", () => {
    const run = (profile: boolean) => spawnSync(process.execPath, [BIN, "validate", "scenarios/baseline.json"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, SUPPORTSIM_PROFILE_STARTUP: profile ? "1" : "" } });
    const r = run(true);
    expect(r.status).toBe(0);
    const phases = [...r.stderr.matchAll(/^supportsim-startup: (\d+\.\d{4}) s  (.+)$/gm)].map((m) => [m[2], Number(m[1])] as const);
    expect(phases.map(([name]) => name)).toEqual([
      "Node started, the command line's code loaded (yargs, the commands' flags)",
      "yargs: the commands registered, the arguments parsed",
      "validate's code loaded (zod, the scenario schemas built, the model builder)",
      "the file read (JSON, extends merged)",
      "validated (ranges at their expected values; the schema: types, bounds, cross-checks)",
      "each of 1 range(s) validated at the ends of its support",
      "the model built",
      "the warnings found",
    ]);
    for (const [, seconds] of phases) expect(seconds).toBeGreaterThanOrEqual(0);
    expect(phases[2][1]).toBeGreaterThan(0); // loading validate's code takes time
    expect(run(false).stderr).toBe("");
  });

  it("validate loads the schemas (zod) but nothing that runs, solves, draws or evaluates", () => {
    const { packages: loaded, own } = loadedBy(["validate", "scenarios/baseline.json"]);
    expect(loaded.has("zod")).toBe(true);
    expect(heavyIn(loaded, ["zod", "csv-parse"])).toEqual([]);
    // nor the simulation (the status quo calibration's pilot runs are for the commands that run)
    expect(own.has("dist/scenario/full/build.js")).toBe(true);
    expect([...own].filter((m) => /^dist\/(model\/simulation|model\/network|engine\/calendar|analysis\/experiments)/.test(m))).toEqual([]);
  });
});
