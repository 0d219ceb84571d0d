/**
 * The event calendar (future event list) and the simulation clock.
 *
 * A binary min-heap kept in typed arrays, keyed on (time, sequence number): events at
 * equal times fire in the order they were scheduled, so runs are deterministic.
 * Each event carries two small integers, a `kind` and a `data` word, which the model
 * interprets (e.g. kind = "departure", data = contact id). Nothing is allocated per
 * event: slots are recycled through a free list and the arrays grow by doubling.
 *
 * Cancellation is O(1) and lazy: `cancel(handle)` marks the slot dead and the entry
 * is dropped when it reaches the top of the heap. A handle carries the slot's
 * generation, so cancelling an event that already fired (and whose slot was reused)
 * is detected and ignored instead of killing an unrelated event.
 *
 * The clock is `now`: the time of the event last returned by `next()`. It never
 * runs backwards; scheduling into the past is an error.
 */

const SLOT_BITS = 2 ** 24; // up to 16.7M events pending at once; generation above that
// Generations run over [GEN0, GEN_END): starting at 2^7 makes every handle ≥ 2^31, a double
// from the first event on, so the JIT never sees a small-integer handle overflow and deoptimizes.
const GEN0 = 2 ** 7;
const GEN_END = 2 ** 29; // keeps handles below 2^53

export class EventCalendar {
  /** Current simulation time: the time of the event last taken from the calendar. */
  now = 0;
  /** `kind` of the event last returned by `next()`. */
  kind = -1;
  /** `data` word of the event last returned by `next()`. */
  data = 0;
  /** Number of events taken from the calendar so far (cancelled ones not counted). */
  fired = 0;

  // heap, by heap position
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  private heapSize = 0;
  // event payloads, by slot
  private sKind: Int32Array;
  private sData: Int32Array;
  private sGen: Uint32Array;
  private sDead: Uint8Array;
  private freeSlots: Int32Array;
  private freeTop = 0;
  private slotsUsed = 0;
  private seq = 0;
  private live = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity | 0);
    this.hTime = new Float64Array(cap);
    this.hSeq = new Float64Array(cap);
    this.hSlot = new Int32Array(cap);
    this.sKind = new Int32Array(cap);
    this.sData = new Int32Array(cap);
    this.sGen = new Uint32Array(cap).fill(GEN0);
    this.sDead = new Uint8Array(cap);
    this.freeSlots = new Int32Array(cap);
  }

  /** Number of live (not cancelled) events pending. */
  get size(): number {
    return this.live;
  }

  /** Capacity of the arrays (grows by doubling; for memory reporting). */
  get capacity(): number {
    return this.hTime.length;
  }

  /**
   * Schedule an event at absolute time `time` (>= now). Returns a handle for `cancel`.
   */
  schedule(time: number, kind: number, data: number): number {
    const slot = this.insert(time, kind, data);
    return this.sGen[slot] * SLOT_BITS + slot;
  }

  /**
   * Schedule an event that will not be cancelled (a departure, the next arrival): `schedule`
   * without the handle. A handle is a double (≥ 2^31), which a call the JIT does not inline
   * has to box on the heap to return it; the most frequent events need none.
   */
  post(time: number, kind: number, data: number): void {
    this.insert(time, kind, data);
  }

  /** Put the event into the heap; returns its slot. */
  private insert(time: number, kind: number, data: number): number {
    if (!(time >= this.now)) this.pastError(time);
    // the rare cases (no free slot, a full heap) are calls of their own, keeping this small
    // enough for the JIT to inline it at its callers
    const slot = this.freeTop > 0 ? this.freeSlots[--this.freeTop] : this.newSlot();
    this.sKind[slot] = kind;
    this.sData[slot] = data;
    this.sDead[slot] = 0;
    if (this.heapSize === this.hTime.length) this.growHeap();
    this.siftUp(this.heapSize++, time, this.seq++, slot);
    this.live++;
    return slot;
  }

  private pastError(time: number): never {
    throw new RangeError(`cannot schedule at ${time}: before the clock (${this.now}) or NaN`);
  }

  // a slot never used before (none free)
  private newSlot(): number {
    if (this.slotsUsed === this.sKind.length) this.growSlots();
    return this.slotsUsed++;
  }

  /** Schedule an event `delay` time units from now. */
  scheduleIn(delay: number, kind: number, data: number): number {
    return this.schedule(this.now + delay, kind, data);
  }

  /**
   * Cancel a pending event. Returns false if it already fired or was cancelled.
   */
  cancel(handle: number): boolean {
    const gen = Math.floor(handle / SLOT_BITS);
    const slot = handle - gen * SLOT_BITS;
    if (slot >= this.slotsUsed || this.sGen[slot] !== gen || this.sDead[slot] === 1) return false;
    this.sDead[slot] = 1;
    this.live--;
    return true;
  }

  /** Time of the next live event, or Infinity if none. */
  peekTime(): number {
    while (this.heapSize > 0 && this.sDead[this.hSlot[0]] === 1) this.popTop();
    return this.heapSize > 0 ? this.hTime[0] : Infinity;
  }

  /**
   * Take the next live event: advances `now`, sets `kind` and `data`, and returns the
   * kind, or -1 when the calendar is empty.
   */
  next(): number {
    for (;;) {
      if (this.heapSize === 0) {
        this.kind = -1;
        return -1;
      }
      const slot = this.hSlot[0];
      const time = this.hTime[0];
      const dead = this.sDead[slot];
      this.popTop();
      if (dead === 1) continue;
      this.live--;
      this.fired++;
      this.now = time;
      this.kind = this.sKind[slot];
      this.data = this.sData[slot];
      return this.kind;
    }
  }

  /** Remove everything and reset the clock to 0 (arrays are kept for reuse). */
  reset(): void {
    for (let i = 0; i < this.slotsUsed; i++) this.sGen[i] = nextGen(this.sGen[i]);
    this.heapSize = 0;
    this.freeTop = 0;
    this.slotsUsed = 0;
    this.seq = 0;
    this.live = 0;
    this.now = 0;
    this.kind = -1;
    this.data = 0;
    this.fired = 0;
  }

  // remove the heap top and recycle its slot
  private popTop(): void {
    const hTime = this.hTime, hSeq = this.hSeq, hSlot = this.hSlot;
    const slot = hSlot[0];
    this.sGen[slot] = nextGen(this.sGen[slot]);
    this.sDead[slot] = 1;
    this.freeSlots[this.freeTop++] = slot;
    const n = --this.heapSize;
    if (n === 0) return;
    // bottom-up deletion: move the hole at the root down to a leaf along the earlier child (one
    // comparison per level), then sift the last entry up from there; it usually belongs near the
    // bottom, so this takes about half the comparisons of the textbook sift-down. Keys (time,
    // sequence) are all distinct, so the order events leave in does not depend on the method.
    let i = 0;
    for (let m = 1; m < n; m = 2 * i + 1) {
      const r = m + 1;
      if (r < n && (hTime[r] < hTime[m] || (hTime[r] === hTime[m] && hSeq[r] < hSeq[m]))) m = r;
      hTime[i] = hTime[m];
      hSeq[i] = hSeq[m];
      hSlot[i] = hSlot[m];
      i = m;
    }
    this.siftUp(i, hTime[n], hSeq[n], hSlot[n]);
  }

  /** Put the entry (time, s, slot) into the hole at heap position i, moving it up past later parents. */
  private siftUp(i: number, time: number, s: number, slot: number): void {
    const hTime = this.hTime, hSeq = this.hSeq, hSlot = this.hSlot;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = hTime[p];
      if (tp < time || (tp === time && hSeq[p] < s)) break;
      hTime[i] = tp;
      hSeq[i] = hSeq[p];
      hSlot[i] = hSlot[p];
      i = p;
    }
    hTime[i] = time;
    hSeq[i] = s;
    hSlot[i] = slot;
  }

  private growHeap(): void {
    const n = this.hTime.length * 2;
    const t = new Float64Array(n); t.set(this.hTime); this.hTime = t;
    const q = new Float64Array(n); q.set(this.hSeq); this.hSeq = q;
    const s = new Int32Array(n); s.set(this.hSlot); this.hSlot = s;
  }

  private growSlots(): void {
    const n = this.sKind.length * 2;
    if (n > SLOT_BITS) throw new RangeError(`event calendar: more than ${SLOT_BITS} events pending`);
    const k = new Int32Array(n); k.set(this.sKind); this.sKind = k;
    const d = new Int32Array(n); d.set(this.sData); this.sData = d;
    const g = new Uint32Array(n).fill(GEN0); g.set(this.sGen); this.sGen = g;
    const x = new Uint8Array(n); x.set(this.sDead); this.sDead = x;
    const f = new Int32Array(n); f.set(this.freeSlots); this.freeSlots = f;
  }
}

/** The generation after g, wrapping within [GEN0, GEN_END). */
function nextGen(g: number): number {
  return g + 1 < GEN_END ? g + 1 : GEN0;
}
