/**
 * Every `--out` ends with one line saying where it went (src/cli/outputs.ts outSummary): the
 * folder, the number of files and the report's path when one was written; on standard output
 * after the table, on standard error when standard output is JSON. Each command runs in-process
 * through the command line's parser (src/cli/main.ts) on a small scenario, without charts (a
 * rendered report.html is covered by tests/unit/cli/compare.test.ts and chartCli.slow.test.ts;
 * sweep and merge by tests/unit/cli/sweep.test.ts).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main.js";
import { outSummary } from "../../../src/cli/outputs.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

let dir = "";
const f = (n: string) => join(dir, n);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "supportsim-outline-"));
  const s = smallBaseline(2, (x) => {
    x.name = "small";
    delete x.$schema;
    x.customers.count = 1000;
    x.horizon = { days: 4, warmupDays: 1, intervalMinutes: 30 };
  });
  writeFileSync(f("s.json"), JSON.stringify(s));
  writeFileSync(f("b.json"), JSON.stringify({ extends: "s.json", name: "more-l2", pools: { L2: { agents: 3 } } }));
  writeFileSync(f("r.json"), JSON.stringify({ extends: "s.json", name: "ranged", pools: { L2: { shrinkage: { low: 0.1, expected: 0.3, high: 0.5 } } } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `supportsim ...args` in this process: exit code, standard output and error. */
async function supportsim(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The files in a folder (its bookkeeping file aside), counted as the line counts them. */
const files = (d: string): number => readdirSync(d, { recursive: true, withFileTypes: true }).filter((x) => x.isFile() && x.name !== ".supportsim-files").length;

describe("every --out says where it went", () => {
  it.each([
    ["run", (d: string) => ["run", f("s.json"), "--out", d, "--no-charts", "--threads", "1"], "Demand funnel"],
    ["run --uncertainty", (d: string) => ["run", f("r.json"), "--uncertainty", "2", "--out", d, "--no-charts", "--threads", "1"], "Uncertainty over the inputs"],
    ["compare", (d: string) => ["compare", f("s.json"), f("b.json"), "--out", d, "--no-charts", "--threads", "1"], "Comparison: small vs more-l2"],
    ["staff", (d: string) => ["staff", f("s.json"), "--target", "sl=0.8@20s", "--pools", "L2", "--no-shifts", "--max-runs", "3", "--replications", "1", "--out", d, "--no-charts", "--threads", "1"], "staffing for"],
    ["plan", (d: string) => ["plan", f("s.json"), "--months", "1", "--max-runs", "3", "--max-rounds", "0", "--replications", "1", "--out", d, "--no-charts", "--threads", "1"], "Budget year"],
    ["sensitivity", (d: string) => ["sensitivity", f("r.json"), "--metric", "cost.total", "--replications", "1", "--out", d, "--no-charts", "--threads", "1"], "Sensitivity of ranged"],
  ])("%s: the table, then the folder and its number of files", async (name, args, table) => {
    const d = f(`out-${name.replace(/\W+/g, "-")}`);
    const r = await supportsim(...args(d));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(table);
    expect(r.out.endsWith(`\n${outSummary(d, new Array(files(d)).fill("x"))}`)).toBe(true);
  });

  it("with --json the line goes to standard error: standard output stays one JSON document", async () => {
    const d = f("out-json");
    const r = await supportsim("run", f("s.json"), "--json", "--out", d, "--no-charts", "--threads", "1");
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toBe(`wrote ${files(d)} files to ${d}\n`);
  });

  it("the line names report.html when one was written, and counts the files", () => {
    expect(outSummary("o", ["o/results.json", "o/charts/a.svg", "o/report.html"])).toBe("wrote 3 files to o (report: o/report.html)\n");
    expect(outSummary("o", ["o/shard-1-of-2.json"], "merge: 4 points; ")).toBe("merge: 4 points; wrote 1 file to o\n");
  });
});
