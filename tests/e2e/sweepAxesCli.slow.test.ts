/**
 * Issue 16 part 6 through the command line: the sweep frontier's axes from `--x`/`--y`, saved in
 * sweep.json so that `chart` redraws the same frontier, changed again by `chart --x --y`, and a
 * misspelt metric refused before any run (one line, exit 2, nothing written).
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliWithin } from "../helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "supportsim-sweep-axes-"));
const titles = (dir: string) => [...readFileSync(join(dir, "charts", "frontier.vl.json"), "utf8").matchAll(/"title": *"([^"]*)"/g)].map((m) => m[1]);

describe("sweep --x --y", () => {
  it("draws the frontier on the chosen metrics, saves them, and chart redraws or changes them", () => {
    const out = join(tmp, "sweep");
    const r = cliWithin(240_000, "sweep", "scenarios/baseline.json", "--vary", "pools.L2.agents=9,11", "--replications", "2", "--x", "cost.paidFte", "--y", "channel.phone.asaSeconds", "--out", out);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "sweep.json"), "utf8")).axes).toEqual({ x: "cost.paidFte", y: "channel.phone.asaSeconds" });
    expect(titles(out)).toEqual(expect.arrayContaining(["Paid staff (FTE of 40 h a week)", "Phone ASA"]));
    expect(titles(out)).not.toContain("Monthly cost (USD)");

    const again = join(tmp, "again");
    expect(cliWithin(120_000, "chart", out, "--out", again).status).toBe(0);
    expect(titles(again)).toEqual(titles(out));

    const other = join(tmp, "other");
    expect(cliWithin(120_000, "chart", out, "--x", "cost.perMonth", "--y", "channel.chat.serviceLevel", "--out", other).status).toBe(0);
    expect(titles(other)).toEqual(expect.arrayContaining(["Monthly cost (USD)", "Chat service level"]));
  }, 400_000);

  it("a misspelt metric is one line with a did-you-mean, exit 2, before any run, nothing written", () => {
    const out = join(tmp, "bad");
    const r = cliWithin(60_000, "sweep", "scenarios/baseline.json", "--vary", "pools.L2.agents=9,11", "--x", "cost.paidFtee", "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`supportsim: --x: the sweep has no metric "cost.paidFtee" (did you mean "cost.paidFte"?)`);
    expect(existsSync(out)).toBe(false);
  });
});
