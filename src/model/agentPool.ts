/**
 * A pool of interchangeable agents. Idle agents wait in a FIFO ring, so the agent
 * who has been idle longest takes the next contact (longest-idle routing, the
 * usual ACD rule, which also spreads work evenly). Agents are numbered 0..size-1.
 */
export class AgentPool {
  private readonly idleRing: Int32Array;
  private idleHead = 0;
  /** Idle agents. */
  idle: number;
  /** Busy agents. */
  busy = 0;

  constructor(readonly name: string, readonly size: number) {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`pool ${name}: size must be an integer >= 0, got ${size}`);
    this.idleRing = new Int32Array(Math.max(1, size));
    for (let i = 0; i < size; i++) this.idleRing[i] = i;
    this.idle = size;
  }

  /** Take the longest-idle agent (caller checks `idle > 0`). */
  seize(): number {
    const a = this.idleRing[this.idleHead];
    this.idleHead = this.idleHead + 1 === this.size ? 0 : this.idleHead + 1;
    this.idle--;
    this.busy++;
    return a;
  }

  /** An agent becomes idle (joins the back of the idle ring). */
  release(agent: number): void {
    let tail = this.idleHead + this.idle;
    if (tail >= this.size) tail -= this.size;
    this.idleRing[tail] = agent;
    this.idle++;
    this.busy--;
  }
}
