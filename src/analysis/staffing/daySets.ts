/**
 * Day sets as planners write them: "daily", a day "Mon", a range "Mon-Fri" (wrapping:
 * "Sat-Mon"), or several joined by commas "Mon-Wed,Fri"; days 0 = Monday … 6 = Sunday.
 */
import { DAY_NAMES } from "../../time/weekClock.js";

/**
 * A day set as planners write it (and parsePatterns reads): "daily", "Mon", a cyclic run
 * "Sat-Wed", or runs joined by commas "Mon-Wed,Fri". Runs start after a day off, so a set
 * wrapping Sunday → Monday is one run; the run holding the earliest weekday comes first
 * ("Sun-Tue,Thu").
 */
export function formatDays(days: readonly number[]): string {
  const on = new Set(days);
  if (on.size === 7) return "daily";
  const runs: string[] = [];
  // first day of the cyclic order: the start of the run holding the earliest weekday
  let first = Math.min(...days);
  while (on.has((first + 6) % 7)) first = (first + 6) % 7;
  for (let k = 0; k < 7; k++) {
    const d = (first + k) % 7;
    if (!on.has(d) || on.has((d + 6) % 7)) continue; // not the start of a run
    let end = d;
    while (on.has((end + 1) % 7)) end = (end + 1) % 7;
    runs.push(end === d ? DAY_NAMES[d] : `${DAY_NAMES[d]}-${DAY_NAMES[end]}`);
  }
  return runs.join(",");
}

/**
 * A day set as planners write it: "daily", a day "Mon", a range "Mon-Fri" (wrapping: "Sat-Mon"
 * is Sat, Sun, Mon), or several joined by commas ("Mon-Wed,Fri"); names Mon Tue Wed Thu Fri
 * Sat Sun, any case. Returns the days ascending, or undefined if malformed.
 */
export function parseDaySet(s: string): number[] | undefined {
  const text = s.trim().toLowerCase();
  if (text === "daily") return [0, 1, 2, 3, 4, 5, 6];
  const dayOf = (name: string): number => DAY_NAMES.findIndex((d) => d.toLowerCase() === name.trim());
  const days = new Set<number>();
  for (const part of text.split(",")) {
    const ends = part.split("-");
    if (ends.length > 2) return undefined;
    const from = dayOf(ends[0]);
    const to = dayOf(ends[ends.length - 1]);
    if (from < 0 || to < 0) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}
