/**
 * Small pieces of English the report's text is built from (chart titles, the narrative):
 * capitals, lists and plurals.
 */
import { formatCount } from "./numbers.js";

/** "phone" → "Phone" (the first letter only). */
export function titleCase(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 run", "12 runs", "1,200 replications" (`many` for irregular plurals). */
export function plural(n: number, one: string, many = one + "s"): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
