/**
 * The library as a user meets it: the README's example imports "supportsim" (the package's own
 * name, through package.json `exports`) and runs; a TypeScript program using the published types
 * (dist/api/index.d.ts) type-checks, and one misusing them does not.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

// inside the package, so that "supportsim" resolves to the package itself
const dir = mkdtempSync(join(ROOT, ".library-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first ```js block of the README's "Library" section. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Library\n"));
  const m = /```js\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error("README: no js example under ## Library");
  return m[1];
}

describe("the library", () => {
  it("the README's example runs and prints what it says", () => {
    const file = join(dir, "example.mjs");
    writeFileSync(file, readmeExample());
    const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^phone service level \d+\.\d% \(95% CI \d+\.\d% – \d+\.\d%\)$/);
    expect(lines[1]).toMatch(/^a buggy release changes L2 occupancy by \d+\.\d points \(95% CI \d+\.\d to \d+\.\d\)$/);
    expect(lines[2]).toBe("Erlang C: 51 agents answer 80% of 540 calls an hour within 20 s");
    expect(lines[3]).toMatch(/^the sample Monday needs \d+\.\d FTE of 8 paid hours$/);
  }, 120_000);

  it("its types: a program using them type-checks, one misusing them does not", () => {
    const good = `import { loadScenario, simulate, erlang, InputError, type RunResult, type Scenario } from "supportsim";
const s: Scenario = loadScenario("scenarios/mmc-abandon.json");
const r: RunResult = await simulate(s, { replications: 2 });
const sl: number | null = r.estimates["channel.contacts.serviceLevel"].mean;
const exact: number | undefined = r.analytic?.rows[0].exact;
const agents: number = erlang.c({ ratePerHour: 540, ahtMinutes: 5, agents: 51 }).agents;
const e: InputError | null = null;
export { sl, exact, agents, e };
`;
    const bad = `import { simulate, loadScenario } from "supportsim";
await simulate(loadScenario("x.json"), { replications: "5" });
`;
    const check = (code: string) => {
      writeFileSync(join(dir, "program.ts"), code);
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] }, files: ["program.ts"] }));
      return spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(dir, "tsconfig.json")], { cwd: dir, encoding: "utf8", timeout: 120_000 });
    };
    const ok = check(good);
    expect(ok.stdout + ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    const ko = check(bad);
    expect(ko.status).not.toBe(0);
    expect(ko.stdout).toMatch(/program\.ts\(2,\d+\): error TS2322: Type .string. is not assignable to type .number./);
  }, 120_000);
});
