/**
 * Many FIFO waiting lines over one set of contact ids (a contact waits in at most one
 * line at a time): intrusive doubly-linked lists in shared typed arrays, so a network
 * with tiers × work types × priority classes of lines costs two Int32 per contact plus
 * a few numbers per line. Join at the tail (or, handed back, at the head), serve from the head,
 * leave from anywhere in O(1) (abandonment).
 */
export class LineSet {
  private next: Int32Array;
  private prev: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly length: Int32Array;
  /** Line each contact is in, or -1. */
  private lineOf: Int32Array;

  constructor(readonly lines: number, capacity = 1024) {
    this.next = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
    this.lineOf = new Int32Array(capacity).fill(-1);
    this.head = new Int32Array(lines).fill(-1);
    this.tail = new Int32Array(lines).fill(-1);
    this.length = new Int32Array(lines);
  }

  join(line: number, id: number): void {
    if (id >= this.next.length) this.grow(id + 1);
    const t = this.tail[line];
    this.next[id] = -1;
    this.prev[id] = t;
    if (t >= 0) this.next[t] = id;
    else this.head[line] = id;
    this.tail[line] = id;
    this.length[line]++;
    this.lineOf[id] = line;
  }

  /** Put a contact at the head of a line (work handed back at a shift's end goes first). */
  joinFront(line: number, id: number): void {
    if (id >= this.next.length) this.grow(id + 1);
    const h = this.head[line];
    this.prev[id] = -1;
    this.next[id] = h;
    if (h >= 0) this.prev[h] = id;
    else this.tail[line] = id;
    this.head[line] = id;
    this.length[line]++;
    this.lineOf[id] = line;
  }

  /** Remove a contact from whatever line it is in. */
  remove(id: number): void {
    const line = this.lineOf[id];
    if (line < 0) notWaiting(id);
    const p = this.prev[id], n = this.next[id];
    if (p >= 0) this.next[p] = n;
    else this.head[line] = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail[line] = p;
    this.length[line]--;
    this.lineOf[id] = -1;
  }

  /** The line a contact waits in, or -1. */
  lineOfContact(id: number): number {
    return id < this.lineOf.length ? this.lineOf[id] : -1;
  }

  private grow(min: number): void {
    let n = this.next.length * 2;
    while (n < min) n *= 2;
    const a = new Int32Array(n); a.set(this.next); this.next = a;
    const b = new Int32Array(n); b.set(this.prev); this.prev = b;
    const c = new Int32Array(n).fill(-1); c.set(this.lineOf); this.lineOf = c;
  }
}

// the error of `remove`, out of line so that `remove` stays small enough to inline
function notWaiting(id: number): never {
  throw new RangeError(`contact ${id} is not waiting in any line`);
}
