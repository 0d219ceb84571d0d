/** TimeHeap (src/model/staffing/timeHeap.ts): a workforce's open requisitions, earliest first. */
import { describe, expect, it } from "vitest";
import { aleaDouble } from "../../../src/engine/alea.js";
import { TimeHeap } from "../../../src/model/staffing/timeHeap.js";

describe("TimeHeap", () => {
  it("pops times in increasing order, growing past its capacity", () => {
    const u = aleaDouble("heap"), h = new TimeHeap(2), xs: number[] = [];
    for (let i = 0; i < 500; i++) { const x = Math.floor(u() * 100); xs.push(x); h.push(x); }
    const out: number[] = [];
    while (h.size > 0) { out.push(h.peek()); h.pop(); }
    expect(out).toEqual([...xs].sort((a, b) => a - b));
    expect(h.peek()).toBe(Infinity);
  });

  it("mixes pushes and pops", () => {
    const h = new TimeHeap();
    h.push(5); h.push(3); h.pop(); h.push(4); h.push(1);
    expect(h.peek()).toBe(1);
    h.pop();
    expect([h.size, h.peek()]).toEqual([2, 4]);
  });
});
