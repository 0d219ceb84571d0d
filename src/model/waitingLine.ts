/**
 * A FIFO waiting line of contact ids, as an intrusive doubly-linked list in typed
 * arrays: join at the tail, serve from the head, and remove from anywhere in O(1)
 * (a caller who abandons). Nothing is allocated per contact.
 */
export class WaitingLine {
  private next: Int32Array;
  private prev: Int32Array;
  private head = -1;
  private tail = -1;
  /** Number of contacts waiting. */
  length = 0;

  constructor(capacity = 1024) {
    this.next = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
  }

  join(id: number): void {
    if (id >= this.next.length) this.grow(id + 1);
    this.next[id] = -1;
    this.prev[id] = this.tail;
    if (this.tail >= 0) this.next[this.tail] = id;
    else this.head = id;
    this.tail = id;
    this.length++;
  }

  /** Remove and return the contact at the head, or -1 if empty. */
  serveNext(): number {
    const id = this.head;
    if (id >= 0) this.remove(id);
    return id;
  }

  /** Remove a contact that is in the line. */
  remove(id: number): void {
    const p = this.prev[id], n = this.next[id];
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
    this.length--;
  }

  /** The contact at the head, or -1. */
  peek(): number {
    return this.head;
  }

  clear(): void {
    this.head = this.tail = -1;
    this.length = 0;
  }

  private grow(min: number): void {
    let n = this.next.length * 2;
    while (n < min) n *= 2;
    const a = new Int32Array(n); a.set(this.next); this.next = a;
    const b = new Int32Array(n); b.set(this.prev); this.prev = b;
  }
}
