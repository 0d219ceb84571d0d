/** Lists and sums as the cross-field checks' messages show them. */

/** "a, b, c" with at most `max` entries, then "…". */
export function listing(items: readonly string[], max = 8): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")}, … (${items.length - max} more)`;
}

export function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A sum for a message: 0.6 + 0.3 = 0.8999999999999999 shows as 0.9. */
export function showSum(v: number): string {
  return String(+v.toPrecision(12));
}
