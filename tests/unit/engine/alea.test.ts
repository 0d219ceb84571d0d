/**
 * The engine's Alea (src/engine/alea.ts) against seedrandom's: the same uniforms from the same
 * seed, draw for draw, for many seeds and stream names (the streams of every scenario run
 * through it, so any difference would change every result).
 */
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { aleaDouble } from "../../../src/engine/alea.js";
import { RandomStreams } from "../../../src/engine/random.js";

const NAMES = ["needs:decide", "tier:L1:handle", "forecast:0", "customers:gold:tenure", "", "ü∂ß ✓", "x".repeat(300)];

describe("aleaDouble", () => {
  it("draws seedrandom's alea(seed).double sequence for 1,000 seeds × 7 names × 100 draws", () => {
    // one expect at the end (700,000 expect calls took seconds); the first mismatch is named
    let compared = 0, firstMismatch = "";
    for (let seed = 0; seed < 1000; seed++) {
      for (const name of NAMES) {
        const key = `supportsim|${seed}|${seed % 5}|${name}`;
        const ours = aleaDouble(key), theirs = seedrandom.alea(key).double;
        for (let i = 0; i < 100; i++, compared++) {
          const a = ours(), b = theirs();
          if (a !== b && firstMismatch === "") firstMismatch = `${key} draw ${i}: ${a} vs ${b}`;
        }
      }
    }
    expect(firstMismatch).toBe("");
    expect(compared).toBe(700_000);
  });

  it("stays on seedrandom's sequence over a million draws", () => {
    const key = "supportsim|7|0|tier:L1:handle";
    const ours = aleaDouble(key), theirs = seedrandom.alea(key).double;
    let first = -1;
    for (let i = 0; i < 1_000_000 && first < 0; i++) if (ours() !== theirs()) first = i;
    expect(first).toBe(-1);
  });

  it("gives uniforms in [0, 1) that use the low bits (53-bit resolution)", () => {
    const u = aleaDouble("resolution");
    let min = 1, max = 0, lowBits = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = u();
      if (x < min) min = x;
      if (x > max) max = x;
      if ((x * 2 ** 53) % 2 !== 0) lowBits++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(lowBits).toBeGreaterThan(40_000);
  });

  it("is what RandomStreams hands out, seeded by (seed, replication, name)", () => {
    const s = new RandomStreams(42, 3).stream("needs:pick");
    const ref = seedrandom.alea("supportsim|42|3|needs:pick").double;
    for (let i = 0; i < 1000; i++) expect(s()).toBe(ref());
  });
});
