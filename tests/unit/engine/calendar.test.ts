/**
 * Tests of the event calendar (src/engine/calendar.ts): ordering by (time, scheduling order),
 * lazy O(1) cancellation with generation-checked handles, size / peekTime / now bookkeeping,
 * growth past the initial capacity, reset, and a fast-check property against a reference
 * stable sort.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventCalendar } from "../../../src/engine/calendar.js";

interface Fired {
  time: number;
  kind: number;
  data: number;
}

/** Take every remaining event from the calendar. */
function drain(cal: EventCalendar): Fired[] {
  const out: Fired[] = [];
  for (let k = cal.next(); k >= 0; k = cal.next()) out.push({ time: cal.now, kind: k, data: cal.data });
  return out;
}

/** A tiny deterministic LCG so large tests do not depend on Math.random. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("EventCalendar ordering", () => {
  it("returns events in increasing time order, with kind and data", () => {
    const cal = new EventCalendar();
    const times = [5, 1, 9, 3, 7, 2, 8, 0.5, 4, 6];
    times.forEach((t, i) => cal.schedule(t, i % 3, 100 + i));
    const out = drain(cal);
    expect(out.map((e) => e.time)).toEqual([...times].sort((a, b) => a - b));
    for (const e of out) {
      const i = times.indexOf(e.time);
      expect(e.kind).toBe(i % 3);
      expect(e.data).toBe(100 + i);
    }
    expect(cal.next()).toBe(-1);
    expect(cal.kind).toBe(-1);
  });

  it("fires events at equal times in the order they were scheduled (FIFO tie-break)", () => {
    const cal = new EventCalendar();
    for (let i = 0; i < 50; i++) cal.schedule(10, 0, i);
    expect(drain(cal).map((e) => e.data)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("keeps FIFO among many equal times interleaved with other times", () => {
    // 3000 events on 7 distinct times, scheduled in a scrambled order; within each time
    // the data words (= scheduling index) must come out increasing.
    const cal = new EventCalendar(16);
    const rnd = lcg(42);
    const levels = [0, 1, 1.5, 2, 3, 10, 100];
    const scheduled: { time: number; idx: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = levels[Math.floor(rnd() * levels.length)];
      cal.schedule(t, 1, i);
      scheduled.push({ time: t, idx: i });
    }
    const out = drain(cal);
    const expected = [...scheduled].sort((a, b) => a.time - b.time || a.idx - b.idx);
    expect(out.map((e) => e.data)).toEqual(expected.map((e) => e.idx));
    expect(out.map((e) => e.time)).toEqual(expected.map((e) => e.time));
  });

  it("keeps FIFO for equal times scheduled while the calendar is being drained", () => {
    const cal = new EventCalendar();
    cal.schedule(1, 0, 0);
    cal.schedule(5, 0, 1);
    cal.schedule(5, 0, 2);
    expect(cal.next()).toBe(0);
    expect(cal.data).toBe(0);
    // scheduled later, at the same time as two pending events: must come after them
    cal.schedule(5, 0, 3);
    cal.scheduleIn(4, 0, 4); // now (1) + 4 = 5
    cal.scheduleIn(0, 0, 5); // at the current time: before the t = 5 events
    expect(drain(cal).map((e) => [e.time, e.data])).toEqual([
      [1, 5],
      [5, 1],
      [5, 2],
      [5, 3],
      [5, 4],
    ]);
  });

  it("advances now and counts fired events (cancelled ones not counted)", () => {
    const cal = new EventCalendar();
    expect(cal.now).toBe(0);
    cal.schedule(2, 7, 1);
    const h = cal.schedule(3, 7, 2);
    cal.schedule(4, 7, 3);
    cal.cancel(h);
    expect(cal.next()).toBe(7);
    expect(cal.now).toBe(2);
    expect(cal.next()).toBe(7);
    expect(cal.now).toBe(4);
    expect(cal.data).toBe(3);
    expect(cal.fired).toBe(2);
    expect(cal.next()).toBe(-1);
    expect(cal.now).toBe(4); // the clock stays where it was when the calendar empties
  });
});

describe("EventCalendar post (events that are never cancelled)", () => {
  it("a posted event takes its place in (time, scheduling order) among scheduled ones, and counts in size", () => {
    const cal = new EventCalendar(16);
    const rnd = lcg(7);
    const expected: Fired[] = [];
    for (let i = 0; i < 500; i++) {
      const t = Math.floor(rnd() * 20);
      if (i % 2 === 0) cal.post(t, 1, i);
      else cal.schedule(t, 2, i);
      expected.push({ time: t, kind: i % 2 === 0 ? 1 : 2, data: i });
    }
    expect(cal.size).toBe(500);
    expect(drain(cal)).toEqual([...expected].sort((a, b) => a.time - b.time || a.data - b.data));
  });

  it("recycles slots as schedule does: a posted event does not revive a stale handle", () => {
    const cal = new EventCalendar(16);
    const h = cal.schedule(1, 0, 1);
    cal.next();
    cal.post(2, 0, 2); // reuses the fired event's slot
    expect(cal.cancel(h)).toBe(false);
    expect(drain(cal).map((e) => e.data)).toEqual([2]);
  });

  it("rejects a time before the clock or NaN, as schedule does", () => {
    const cal = new EventCalendar();
    cal.schedule(5, 0, 0);
    cal.next();
    expect(() => cal.post(4, 0, 0)).toThrow(RangeError);
    expect(() => cal.post(NaN, 0, 0)).toThrow(RangeError);
  });
});

describe("EventCalendar cancellation", () => {
  it("cancel removes a pending event and returns true", () => {
    const cal = new EventCalendar();
    cal.schedule(1, 0, 1);
    const h = cal.schedule(2, 0, 2);
    cal.schedule(3, 0, 3);
    expect(cal.cancel(h)).toBe(true);
    expect(drain(cal).map((e) => e.data)).toEqual([1, 3]);
  });

  it("cancelling the earliest event makes peekTime and next skip it", () => {
    const cal = new EventCalendar();
    const h = cal.schedule(1, 0, 1);
    cal.schedule(2, 0, 2);
    cal.cancel(h);
    expect(cal.peekTime()).toBe(2);
    expect(cal.next()).toBe(0);
    expect(cal.data).toBe(2);
  });

  it("returns false for an already-cancelled handle (and does not decrement size twice)", () => {
    const cal = new EventCalendar();
    const h = cal.schedule(1, 0, 1);
    cal.schedule(2, 0, 2);
    expect(cal.cancel(h)).toBe(true);
    expect(cal.size).toBe(1);
    expect(cal.cancel(h)).toBe(false);
    expect(cal.size).toBe(1);
  });

  it("returns false for a handle whose event already fired", () => {
    const cal = new EventCalendar();
    const h = cal.schedule(1, 0, 1);
    cal.schedule(2, 0, 2);
    cal.next();
    expect(cal.cancel(h)).toBe(false);
    expect(cal.size).toBe(1);
    expect(drain(cal).map((e) => e.data)).toEqual([2]);
  });

  it("a stale handle whose slot was reused does not cancel the new event", () => {
    const cal = new EventCalendar();
    const old = cal.schedule(1, 0, 1);
    cal.next(); // fires and frees the slot
    const fresh = cal.schedule(5, 0, 2); // reuses the freed slot
    expect(fresh).not.toBe(old);
    expect(cal.cancel(old)).toBe(false);
    expect(cal.size).toBe(1);
    expect(drain(cal).map((e) => e.data)).toEqual([2]);
  });

  it("a stale handle of a cancelled event whose slot was reused does not cancel the new event", () => {
    const cal = new EventCalendar();
    const old = cal.schedule(1, 0, 1);
    cal.schedule(2, 0, 9);
    expect(cal.cancel(old)).toBe(true);
    // the dead entry is dropped (and its slot freed) when it reaches the top
    expect(cal.peekTime()).toBe(2);
    const fresh = cal.schedule(3, 0, 2);
    expect(cal.cancel(old)).toBe(false);
    expect(cal.size).toBe(2);
    expect(drain(cal).map((e) => e.data)).toEqual([9, 2]);
    expect(cal.cancel(fresh)).toBe(false);
  });

  it("stale handles stay harmless over many reuse cycles of the same slot", () => {
    const cal = new EventCalendar();
    const handles: number[] = [];
    for (let i = 0; i < 1000; i++) {
      handles.push(cal.schedule(cal.now + 1, 0, i));
      cal.next();
    }
    const live = cal.schedule(cal.now + 1, 0, 4242);
    for (const h of handles) expect(cal.cancel(h)).toBe(false);
    expect(cal.size).toBe(1);
    expect(cal.cancel(live)).toBe(true);
    expect(cal.size).toBe(0);
    expect(cal.next()).toBe(-1);
  });

  it("returns false for handles that were never issued", () => {
    const cal = new EventCalendar();
    cal.schedule(1, 0, 0);
    expect(cal.cancel(12345)).toBe(false);
    expect(cal.cancel(-1)).toBe(false);
    expect(cal.size).toBe(1);
  });
});

describe("EventCalendar size, peekTime, scheduling rules", () => {
  it("size counts live events through schedule, cancel and next", () => {
    const cal = new EventCalendar();
    expect(cal.size).toBe(0);
    const hs = [1, 2, 3, 4, 5].map((t) => cal.schedule(t, 0, t));
    expect(cal.size).toBe(5);
    cal.cancel(hs[3]);
    expect(cal.size).toBe(4);
    cal.next();
    expect(cal.size).toBe(3);
    cal.cancel(hs[4]);
    expect(cal.size).toBe(2);
    drain(cal);
    expect(cal.size).toBe(0);
  });

  it("peekTime gives the next live time without consuming it, Infinity when empty", () => {
    const cal = new EventCalendar();
    expect(cal.peekTime()).toBe(Infinity);
    cal.schedule(4, 0, 0);
    cal.schedule(2, 0, 1);
    expect(cal.peekTime()).toBe(2);
    expect(cal.peekTime()).toBe(2);
    expect(cal.size).toBe(2);
    expect(cal.now).toBe(0);
    cal.next();
    expect(cal.peekTime()).toBe(4);
    cal.next();
    expect(cal.peekTime()).toBe(Infinity);
  });

  it("peekTime is Infinity when every pending event was cancelled", () => {
    const cal = new EventCalendar();
    const a = cal.schedule(1, 0, 0);
    const b = cal.schedule(2, 0, 0);
    cal.cancel(a);
    cal.cancel(b);
    expect(cal.peekTime()).toBe(Infinity);
    expect(cal.next()).toBe(-1);
  });

  it("scheduling before the clock (or at NaN) throws RangeError; at the clock is allowed", () => {
    const cal = new EventCalendar();
    cal.schedule(10, 0, 0);
    cal.next();
    expect(cal.now).toBe(10);
    expect(() => cal.schedule(9.999, 0, 0)).toThrow(RangeError);
    expect(() => cal.scheduleIn(-1, 0, 0)).toThrow(RangeError);
    expect(() => cal.schedule(NaN, 0, 0)).toThrow(RangeError);
    expect(cal.size).toBe(0);
    expect(() => cal.schedule(10, 0, 0)).not.toThrow();
    expect(cal.size).toBe(1);
  });
});

describe("EventCalendar growth and reset", () => {
  it("keeps order when growing far beyond the initial capacity (100k events)", () => {
    const cal = new EventCalendar(16);
    const n = 100_000;
    const rnd = lcg(7);
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // coarse times so there are many ties (FIFO must hold through the growth too)
      times[i] = Math.floor(rnd() * 5000) / 10;
      cal.schedule(times[i], i & 7, i);
    }
    expect(cal.size).toBe(n);
    expect(cal.capacity).toBeGreaterThanOrEqual(n);
    let prevT = -Infinity;
    let prevIdx = -1;
    let count = 0;
    for (let k = cal.next(); k >= 0; k = cal.next()) {
      const i = cal.data;
      // plain checks: 100k expect() calls would dominate the runtime
      if (k !== (i & 7) || cal.now !== times[i]) throw new Error(`event ${i} came out as kind ${k} at ${cal.now}`);
      if (cal.now === prevT) {
        if (i <= prevIdx) throw new Error(`FIFO broken at t=${cal.now}: ${i} after ${prevIdx}`);
      } else if (cal.now < prevT) {
        throw new Error(`order broken: ${cal.now} after ${prevT}`);
      }
      prevT = cal.now;
      prevIdx = i;
      count++;
    }
    expect(count).toBe(n);
  });

  it("reset empties the calendar, rewinds the clock and invalidates old handles", () => {
    const cal = new EventCalendar();
    const h1 = cal.schedule(5, 1, 1);
    cal.schedule(6, 1, 2);
    cal.next();
    const h2 = cal.schedule(7, 1, 3);
    cal.reset();
    expect(cal.size).toBe(0);
    expect(cal.now).toBe(0);
    expect(cal.fired).toBe(0);
    expect(cal.kind).toBe(-1);
    expect(cal.peekTime()).toBe(Infinity);
    expect(cal.next()).toBe(-1);
    // usable again from time 0, and handles from before the reset do not touch new events
    const n1 = cal.schedule(1, 2, 10);
    cal.schedule(0.5, 2, 11);
    cal.schedule(1, 2, 12);
    expect(cal.cancel(h1)).toBe(false);
    expect(cal.cancel(h2)).toBe(false);
    expect(cal.size).toBe(3);
    expect(drain(cal).map((e) => e.data)).toEqual([11, 10, 12]);
    expect(cal.cancel(n1)).toBe(false);
  });
});

describe("EventCalendar property: equals a reference stable sort", () => {
  it("output is the stable sort by time of the non-cancelled events", () => {
    const event = fc.record({
      // few distinct times so ties are frequent
      time: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      kind: fc.integer({ min: 0, max: 5 }),
      data: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      cancel: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (events, cap) => {
        const cal = new EventCalendar(cap);
        const handles = events.map((e) => cal.schedule(e.time, e.kind, e.data));
        let live = events.length;
        events.forEach((e, i) => {
          if (e.cancel) {
            expect(cal.cancel(handles[i])).toBe(true);
            live--;
          }
        });
        expect(cal.size).toBe(live);
        const expected = events
          .map((e, i) => ({ ...e, i }))
          .filter((e) => !e.cancel)
          .sort((a, b) => a.time - b.time || a.i - b.i) // Array#sort is stable; i makes it explicit
          .map(({ time, kind, data }) => ({ time, kind, data }));
        expect(drain(cal)).toEqual(expected);
        // every handle is now spent
        for (const h of handles) expect(cal.cancel(h)).toBe(false);
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });

  it("interleaving scheduling, cancelling and firing matches a reference simulation", () => {
    type Op = { op: "schedule"; delay: number; kind: number } | { op: "cancel"; pick: number } | { op: "next" };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant("schedule" as const), delay: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true })), kind: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
      fc.record({ op: fc.constant("next" as const) }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
        const cal = new EventCalendar(16);
        // reference: list of pending {time, seq, kind, data, handle}
        const pending: { time: number; seq: number; kind: number; data: number; handle: number }[] = [];
        const allHandles: { handle: number; data: number }[] = [];
        let seq = 0;
        let now = 0;
        for (const o of ops) {
          if (o.op === "schedule") {
            const data = seq;
            const h = cal.scheduleIn(o.delay, o.kind, data);
            pending.push({ time: now + o.delay, seq: seq++, kind: o.kind, data, handle: h });
            allHandles.push({ handle: h, data });
          } else if (o.op === "cancel") {
            if (allHandles.length === 0) continue;
            const pick = allHandles[o.pick % allHandles.length];
            const idx = pending.findIndex((p) => p.data === pick.data);
            const ok = cal.cancel(pick.handle);
            expect(ok).toBe(idx >= 0);
            if (idx >= 0) pending.splice(idx, 1);
          } else {
            pending.sort((a, b) => a.time - b.time || a.seq - b.seq);
            const head = pending.shift();
            const k = cal.next();
            if (head === undefined) {
              expect(k).toBe(-1);
            } else {
              expect([k, cal.now, cal.data]).toEqual([head.kind, head.time, head.data]);
              now = head.time;
            }
          }
          expect(cal.size).toBe(pending.length);
        }
      }),
      { seed: 777, numRuns: 200 },
    );
  });
});
