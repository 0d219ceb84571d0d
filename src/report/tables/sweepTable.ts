/**
 * The outputs of `supportsim sweep` and `supportsim merge` (src/analysis/sweep.ts):
 *
 * - sweep.csv: one row per grid point — `point`, one column per varied path (its value), then
 *   per headline metric `<metric>_mean`, `<metric>_ci_low`, `<metric>_ci_high` (empty where
 *   undefined); numbers at full precision (JavaScript's shortest round-trip form);
 * - sweep.json and shard files: the documents as JSON, two-space indented, with a final newline;
 * - the text table: the points with their values, then the headline metrics (rows) for as many
 *   points side by side (columns: mean and 95% interval) as fit in the width (layout.ts).
 *
 * Every output is a function of the document alone, so a merged sweep and an unsharded run of
 * it print and write the same bytes.
 */
import type { Estimate } from "../../analysis/confidence.js";
import type { ShardDocument, SweepDocument } from "../../analysis/experiments/sweep/index.js";
import { describeMetric, formatCompareValue } from "./compareTable.js";
import { csvCell } from "../csv.js";
import { fitLines, layout } from "./layout.js";

/** sweep.csv (see the file comment). */
export function sweepCsv(doc: SweepDocument): string {
  const head: string[] = ["point", ...doc.vary.map((v) => v.path)];
  for (const m of doc.metrics) head.push(`${m}_mean`, `${m}_ci_low`, `${m}_ci_high`);
  const lines = [head.map(csvCell).join(",")];
  for (const p of doc.points) {
    const cells: (string | number | null)[] = [p.index, ...doc.vary.map((v) => p.parameters[v.path])];
    for (const m of doc.metrics) {
      const e: Estimate | undefined = p.estimates[m];
      cells.push(e ? e.mean : null, e?.ci95 ? e.ci95[0] : null, e?.ci95 ? e.ci95[1] : null);
    }
    lines.push(cells.map(csvCell).join(","));
  }
  return lines.join("\n") + "\n";
}

/** sweep.json (and `sweep --json`). */
export function sweepJsonText(doc: SweepDocument): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

/** shard-i-of-N.json. */
export function shardJsonText(doc: ShardDocument): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

function interval(ci: [number, number] | null, unit: ReturnType<typeof describeMetric>["unit"]): string {
  return ci ? `${formatCompareValue(ci[0], unit)} … ${formatCompareValue(ci[1], unit)}` : "–";
}

/**
 * The readable table (see the file comment). Points go side by side, as many per block as fit
 * in `width` characters (at least one; default: all).
 */
export function sweepTable(doc: SweepDocument, width = Infinity): string {
  const n = doc.points.length;
  const sizes = doc.vary.map((v) => v.values.length).join(" × ");
  const lines: string[] = [];
  lines.push(`Sweep: ${doc.scenario} · ${n} point${n === 1 ? "" : "s"} (${sizes})`);
  lines.push(
    `${doc.replications} replication${doc.replications === 1 ? "" : "s"} per point · seed ${doc.seed} · common random numbers (replication k of every point uses the same random streams)`,
  );
  lines.push("");
  for (const p of doc.points) lines.push(`  point ${p.index}: ${doc.vary.map((v) => `${v.path} = ${p.parameters[v.path]}`).join(", ")}`);
  if (doc.metrics.length === 0) {
    lines.push("", "(no headline metric is present at every point)");
    return fitLines(lines.join("\n") + "\n", width);
  }
  const units = doc.metrics.map((m) => describeMetric(m, doc.currency));
  // each point's two columns (mean, interval), a group kept together
  const header = ["Metric", ...doc.points.flatMap((p) => [`point ${p.index}`, "95% CI"])];
  const rows = doc.metrics.map((m, k) => [
    units[k].label,
    ...doc.points.flatMap((p) => [formatCompareValue(p.estimates[m]?.mean ?? null, units[k].unit), interval(p.estimates[m]?.ci95 ?? null, units[k].unit)]),
  ]);
  lines.push("", layout(rows, header, { width, groups: doc.points.map(() => 2) }));
  lines.push("", "Every point: mean over the replications and its 95% interval (Student-t).");
  return fitLines(lines.join("\n") + "\n", width);
}
