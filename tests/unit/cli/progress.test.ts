/** The terminal progress bar (src/cli/progress.ts), on a fake clock. */
import { describe, expect, it } from "vitest";
import { progressBar } from "../../../src/cli/progress.js";

describe("progress bar", () => {
  it("stays silent for the first second, then draws in place, and clears at the end", () => {
    let t = 0;
    const out: string[] = [];
    const bar = progressBar(true, (s) => out.push(s), 1000, () => t);
    t = 500;
    bar.update(1, 4);
    expect(out).toEqual([]);
    t = 1500;
    bar.update(2, 4);
    // half done in 1.5 s: about 1.5 s left
    expect(out).toEqual([`\rreplications [${"#".repeat(12)}${"-".repeat(12)}] 2/4 · 1.5 s · about 1.5 s left\x1b[K`]);
    t = 90_000;
    bar.update(3, 4);
    expect(out[out.length - 1]).toBe(`\rreplications [${"#".repeat(18)}${"-".repeat(6)}] 3/4 · 1.5 min · about 30.0 s left\x1b[K`);
    t = 2000;
    bar.update(4, 4);
    expect(out[out.length - 1]).toBe("\r\x1b[K");
  });

  it("a total that is a cap (staff's --max-runs) is said as one: done of at most the cap, at most the time left", () => {
    let t = 0;
    const out: string[] = [];
    const bar = progressBar(true, (s) => out.push(s), 1000, () => t);
    t = 20_000;
    bar.update(10, 150, "simulation runs (search)", true);
    expect(out).toEqual([`\rsimulation runs (search) [${"#".repeat(2)}${"-".repeat(22)}] 10 of at most 150 · 20.0 s · at most 4.7 min left\x1b[K`]);
  });

  it("writes nothing when disabled (not a terminal, or --json) or when the work ends within a second", () => {
    const out: string[] = [];
    let t = 0;
    const off = progressBar(false, (s) => out.push(s), 1000, () => t);
    t = 5000;
    off.update(1, 2);
    off.end();
    const quick = progressBar(true, (s) => out.push(s), 1000, () => t);
    t = 5500;
    quick.update(1, 2);
    quick.update(2, 2);
    expect(out).toEqual([]);
  });
});
