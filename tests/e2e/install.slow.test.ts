/**
 * The package installs anywhere: `npm pack` of this clone (package.json `files`: bin, dist,
 * scenarios, docs), installed globally into a temporary prefix from the tarball (its
 * dependencies from npm's cache, or the registry), then every kind of command run from a folder
 * outside the clone through the installed `supportsim`: --version, init (its README's commands
 * are the installed ones), validate, schema, run with --out, chart (charts as PNG), erlang and
 * staff (its shift plan on a worker thread). The charts are drawn with the font the package
 * ships (render/fonts.ts), no system font (their locations are hidden from the commands): a PNG
 * from the installed package is byte for byte the one this clone draws.
 *
 * Costs about a minute on two cores, most of it npm installing the dependencies (~14 s of CPU).
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";

const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
const tmp = mkdtempSync(join(tmpdir(), "supportsim-install-"));
const prefix = join(tmp, "prefix"), work = join(tmp, "work"), noFonts = join(tmp, "no-fonts");
let pkg = ""; // the installed package's folder

function check(r: SpawnSyncReturns<string>, what: string): string {
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${what}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** The installed `supportsim` (found on PATH, as a user's shell finds it), run in `work`, system font locations hidden. */
function supportsim(...args: string[]): SpawnSyncReturns<string> {
  const env = {
    ...process.env,
    PATH: [join(prefix, "bin"), dirname(process.execPath), process.env.PATH].join(delimiter),
    NO_COLOR: "1", FORCE_COLOR: "0",
    FONTCONFIG_FILE: join(noFonts, "fonts.conf"), XDG_DATA_HOME: noFonts, XDG_DATA_DIRS: noFonts, HOME: noFonts,
  };
  return spawnSync("supportsim", args, { cwd: work, env, encoding: "utf8", timeout: 120_000 });
}
const ok = (...args: string[]) => check(supportsim(...args), `supportsim ${args.join(" ")}`);

beforeAll(() => {
  mkdirSync(work);
  mkdirSync(noFonts);
  writeFileSync(join(noFonts, "fonts.conf"), "<fontconfig></fontconfig>\n");
  // dist/ is built (npm test builds first); --ignore-scripts: no second build into the clone
  const packed = check(spawnSync("npm", ["pack", "--ignore-scripts", "--pack-destination", tmp, "--loglevel=error"], { cwd: ROOT, encoding: "utf8" }), "npm pack").trim().split("\n").pop()!;
  expect(packed).toBe(`supportsim-${version}.tgz`);
  check(spawnSync("npm", ["install", "-g", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", join(tmp, packed)], { cwd: tmp, encoding: "utf8", timeout: 240_000 }), "npm install -g");
  pkg = check(spawnSync("npm", ["root", "-g", "--prefix", prefix], { encoding: "utf8" }), "npm root -g").trim() + "/supportsim";
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("installed from the tarball, run outside the clone", () => {
  it("ships bin, dist, scenarios and docs, not the tests, the benchmarks or the sources", () => {
    const top = readdirSync(pkg).sort();
    expect(top).toEqual(expect.arrayContaining(["README.md", "bin", "dist", "docs", "package.json", "scenarios"]));
    for (const absent of ["tests", "bench", "src", "tsconfig.json"]) expect(top).not.toContain(absent);
    expect(existsSync(join(pkg, "docs", "scenario.schema.json"))).toBe(true);
    expect(ok("--version").trim()).toBe(version);
  });

  it("init writes a scenario whose README gives the installed commands; validate and schema work from there", () => {
    ok("init", "mine");
    const readme = readFileSync(join(work, "mine", "README.md"), "utf8");
    expect(readme).toMatch(/^supportsim run scenario\.json /m);
    expect(readme).not.toMatch(/node bin|npx supportsim/);
    const s = JSON.parse(readFileSync(join(work, "mine", "scenario.json"), "utf8"));
    expect(existsSync(join(work, "mine", s.$schema))).toBe(true); // the installed schema
    expect(ok("validate", "mine/scenario.json", "mine/what-if.json")).toContain("what-if.json: valid");
    expect(JSON.parse(ok("schema"))).toEqual(JSON.parse(readFileSync(join(pkg, "docs", "scenario.schema.json"), "utf8")));
  });

  it("runs a shipped scenario with --out, charts it (PNG drawn with the shipped font, as in the clone), and erlang and staff answer", () => {
    ok("run", join(pkg, "scenarios", "intraday-lognormal.json"), "--replications", "2", "--threads", "1", "--out", "res", "--no-charts");
    expect(existsSync(join(work, "res", "results.json"))).toBe(true);
    ok("chart", "res");
    const pngs = readdirSync(join(work, "res", "charts")).filter((f) => f.endsWith(".png"));
    expect(pngs.length).toBeGreaterThan(0);
    // the same charts drawn by the clone: the same bytes (the same font file, no system font either side)
    const clone = join(tmp, "clone-chart");
    expect(cli("chart", join(work, "res"), "--out", clone).status).toBe(0);
    for (const f of pngs) expect(readFileSync(join(work, "res", "charts", f)).equals(readFileSync(join(clone, "charts", f))), f).toBe(true);
    expect(ok("erlang", "c", "--rate-per-hour", "540", "--aht-minutes", "5", "--agents", "51")).toContain("Erlang C");
    const desk = {
      name: "desk", seed: 3, replications: 2, start: "2027-01-04T00:00", timeZone: "UTC",
      horizon: { days: 8, warmupDays: 1, intervalMinutes: 60 },
      needTypes: [{ name: "any", perCustomerPerMonth: 0, channels: { phone: 1 } }],
      channels: [{ name: "phone", kind: "realtime", entryTier: "L1", hours: [{ days: "Mon-Fri", open: "09:00", close: "13:00" }] }],
      tiers: [{ name: "L1", handleTime: { dist: "exponential", meanMinutes: 4 }, patience: { phone: { dist: "exponential", meanMinutes: 3 } }, resolve: 1 }],
      pools: [{ name: "L1", tier: "L1", agents: 8, hours: [{ days: "Mon-Fri", open: "09:00", close: "13:00" }], costPerHour: 30 }],
      arrivals: [{ channel: "phone", pattern: { stepMinutes: 60, ratesPerHour: [...new Array(9).fill(0), 60, 110, 90, 50, ...new Array(11).fill(0)], repeat: true } }],
    };
    writeFileSync(join(work, "desk.json"), JSON.stringify(desk));
    // with its shift plan: HiGHS on the plan's worker thread, found beside the installed bundle
    expect(ok("staff", "desk.json", "--target", "sl=0.8@20s", "--threads", "1")).toMatch(/plan \/ requirement \d/);
  });
});
