/**
 * Time integrals of one level per item (agents busy or staffed, per pool) within
 * [start, end): totals only, so memory does not grow with pools × intervals.
 */
export class LevelTotals {
  readonly level: Float64Array;
  readonly total: Float64Array;
  private readonly last: Float64Array;

  constructor(n: number, private readonly start: number, private readonly end: number) {
    this.level = new Float64Array(n);
    this.total = new Float64Array(n);
    this.last = new Float64Array(n);
  }

  /** Item i's level changes by `delta` at `now` (non-decreasing per item). */
  add(i: number, now: number, delta: number): void {
    const lv = this.level[i];
    if (lv !== 0) {
      const a = this.last[i] > this.start ? this.last[i] : this.start;
      const b = now < this.end ? now : this.end;
      if (b > a) this.total[i] += lv * (b - a);
    }
    this.last[i] = now;
    this.level[i] = lv + delta;
  }

  close(): void {
    for (let i = 0; i < this.level.length; i++) if (this.last[i] < this.end) this.add(i, this.end, 0);
  }
}
