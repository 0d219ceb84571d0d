/**
 * `supportsim plan` bad input, through the command line: one line `supportsim: …` naming the
 * flag, exit 2, nothing written.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "supportsim-plan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("supportsim plan: bad input", () => {
  const cases: [string, string[], RegExp][] = [
    ["--months 0", ["--months", "0"], /^supportsim: --months: expected an integer in \[1, 60\], got 0\n$/],
    ["--months 1e9", ["--months", "1e9"], /^supportsim: --months: expected an integer in \[1, 60\], got 1000000000\n$/],
    ["an unknown flag", ["--max-hire", "3"], /^supportsim: .*max-hire.*\n$/],
    ["a bad target", ["--target", "sl=2@20s"], /^supportsim: --target: the service level must be between 0 and 1/],
    ["a negative budget", ["--budget-per-month", "-5"], /^supportsim: --budget-per-month: expected an amount >= 0, got -5\n$/],
    ["a cap of hires that is not whole", ["--max-hires-per-month", "1.5"], /^supportsim: --max-hires-per-month: expected an integer >= 0, got 1.5\n$/],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}: one line, exit 2, no files`, () => {
      const out = join(dir, name.replace(/\W+/g, "-"));
      const r = cli("plan", "scenarios/hiring-freeze.json", ...args, "--out", out);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
    });
  }
  it("a scenario that is not there: one line, exit 2", () => {
    const r = cli("plan", "scenarios/no-such.json");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
