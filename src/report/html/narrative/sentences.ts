/**
 * The report's generated narrative: a few short paragraphs a leader reads before the charts,
 * saying what the numbers are, what changed against the reference scenario and what it costs.
 * Pure functions from the results the charts read (../../charts/inputs.ts) to plain-text paragraphs
 * (reportHtml escapes them): runNarrative.ts, compareNarrative.ts, staffNarrative.ts,
 * sweepNarrative.ts; this module holds the rules they keep and writes their numbers.
 *
 * Rules the text keeps, so it never says more than the results support:
 *   - a difference between scenarios is described as a rise or a fall only when its paired 95%
 *     interval excludes zero (`significant`, and the interval agrees); any other difference is
 *     named as not significant, and one without an interval (a single replication) as one that
 *     cannot be judged;
 *   - totals over the run (total cost, customers churned, recurring revenue at the end) are
 *     compared only when every scenario covers the same span; otherwise the monthly rate is used;
 *   - sweep points are separate runs with their own intervals and no paired difference here, so
 *     the sweep text calls two points different only when their intervals do not overlap.
 * Numbers are written by src/report/numbers.ts, as the charts and the KPI tables write them: money
 * with the currency's symbol and K/M/B at three significant digits, shares in %, differences of
 * shares in points, waits in s/min/h. Metric names and which way is better: src/report/metrics.ts.
 */
import type { MetricInfo } from "../../metrics.js";
import { formatChange, formatMagnitude, formatNumber, formatPoints, formatValue, rangeTexts } from "../../numbers.js";

/** "7-day" or "36-hour". */
export function spanAdjective(hours: number): string {
  return hours % 24 === 0 ? `${formatNumber(hours / 24)}-day` : `${formatNumber(hours)}-hour`;
}

/** A metric's value, for a sentence. */
export const value = (x: number, m: MetricInfo, currency: string) => formatValue(x, m.unit, currency, m);

/** The size of a change (no sign): points for shares. */
export const amount = (x: number, m: MetricInfo & { durationOf?: number }, currency: string) => formatMagnitude(x, m.unit, currency, m);

/** A signed change: "+1.2 points", "−$300". */
export const signed = (x: number, m: MetricInfo, currency: string) => formatChange(x, m.unit, currency, m);

/** "$14.7K–$14.8K" for the magnitudes of a one-signed interval ("0.6–1.2 points" for shares). */
export function magnitudeRange(ci: [number, number], m: MetricInfo, currency: string): string {
  const [a, b] = [Math.abs(ci[0]), Math.abs(ci[1])].sort((x, y) => x - y);
  if (m.unit === "share") {
    const [pa, pb] = rangeTexts(a, b, (x, extra) => formatPoints(x, "", false, extra));
    return `${pa}–${pb} points`;
  }
  return rangeTexts(a, b, (x, extra) => formatMagnitude(x, m.unit, currency, { ...m, extra })).join("–");
}
