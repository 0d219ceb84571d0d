/**
 * A binary min-heap of times in a growable Float64Array (a workforce's open requisitions, by
 * the time their hire arrives): push and pop in O(log n), nothing allocated except when it
 * doubles.
 */
export class TimeHeap {
  /** Times held. */
  size = 0;
  private heap: Float64Array;

  constructor(capacity = 16) {
    this.heap = new Float64Array(Math.max(1, capacity));
  }

  /** The earliest time held, Infinity when empty. */
  peek(): number {
    return this.size > 0 ? this.heap[0] : Infinity;
  }

  push(v: number): void {
    if (this.size === this.heap.length) {
      const b = new Float64Array(this.heap.length * 2);
      b.set(this.heap);
      this.heap = b;
    }
    const h = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent] <= v) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = v;
  }

  /** Remove the earliest time (the heap is not empty). */
  pop(): void {
    const h = this.heap;
    const v = h[--this.size];
    const n = this.size;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && h[c + 1] < h[c]) c++;
      if (h[c] >= v) break;
      h[i] = h[c];
      i = c;
    }
    if (n > 0) h[i] = v;
  }
}
