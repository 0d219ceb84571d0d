/**
 * The outputs of `supportsim sweep` and `supportsim merge` (src/analysis/sweep.ts):
 *
 * - sweep.csv: one row per grid point — `point`, one column per varied path (its value), then
 *   per headline metric `<metric>_mean`, `<metric>_ci_low`, `<metric>_ci_high` (empty where
 *   undefined); numbers at full precision (JavaScript's shortest round-trip form);
 * - sweep.json and shard files: the documents as JSON, two-space indented, with a final newline;
 * - the text table: the points with their values, then the headline metrics (rows) for as many
 *   points side by side (columns: mean and 95% interval) as fit in the terminal's width.
 *
 * Every output is a function of the document alone, so a merged sweep and an unsharded run of
 * it print and write the same bytes.
 */
import type { Estimate } from "../../analysis/confidence.js";
import type { ShardDocument, SweepDocument } from "../../analysis/experiments/sweep/index.js";
import { describeMetric, formatCompareValue } from "./compareTable.js";
import { csvCell } from "../csv.js";
import { layout } from "./layout.js";

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

/** The width the table aims at when none is given (characters). */
export const DEFAULT_TABLE_WIDTH = 120;

function interval(ci: [number, number] | null, unit: ReturnType<typeof describeMetric>["unit"]): string {
  return ci ? `${formatCompareValue(ci[0], unit)} … ${formatCompareValue(ci[1], unit)}` : "–";
}

/**
 * The readable table (see the file comment). Points go side by side, as many per block as fit
 * in `width` characters (at least one).
 */
export function sweepTable(doc: SweepDocument, width = DEFAULT_TABLE_WIDTH): string {
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
    return lines.join("\n") + "\n";
  }
  const units = doc.metrics.map((m) => describeMetric(m, doc.currency));
  const labels = ["Metric", ...units.map((u) => u.label)];
  // each point's two columns (mean, interval), and the width they take with their separators
  const columns = doc.points.map((p) => {
    const mean = [`point ${p.index}`], ci = ["95% CI"];
    doc.metrics.forEach((m, k) => {
      const e = p.estimates[m];
      mean.push(formatCompareValue(e?.mean ?? null, units[k].unit));
      ci.push(interval(e?.ci95 ?? null, units[k].unit));
    });
    const w = (xs: string[]) => Math.max(...xs.map((x) => x.length));
    return { mean, ci, width: 3 + w(mean) + 3 + w(ci) };
  });
  const labelWidth = Math.max(...labels.map((l) => l.length));
  for (let from = 0; from < n; ) {
    let to = from + 1, used = labelWidth + columns[from].width;
    while (to < n && used + columns[to].width <= width) used += columns[to++].width;
    const block = columns.slice(from, to);
    const header = [labels[0], ...block.flatMap((c) => [c.mean[0], c.ci[0]])];
    const rows = doc.metrics.map((_, k) => [labels[k + 1], ...block.flatMap((c) => [c.mean[k + 1], c.ci[k + 1]])]);
    lines.push("", layout(rows, header));
    from = to;
  }
  lines.push("", "Every point: mean over the replications and its 95% interval (Student-t).");
  return lines.join("\n") + "\n";
}
