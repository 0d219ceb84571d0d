/** Plain-text tables for the terminal. */

/** Lay out rows of cells in columns (first column left-aligned, the rest right-aligned). */
export function layout(rows: string[][], header: string[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   ").trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("───");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
