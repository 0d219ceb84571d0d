/**
 * Plain-text tables for the terminal, and the one rule that fits them into a width.
 *
 * A table is a label column (left-aligned) and value columns (right-aligned) in groups that
 * belong together (an entity's mean and its 95% interval; a difference, its interval and its
 * verdict). When the whole table is wider than the width:
 *
 * 1. its groups are stacked: as many whole groups side by side as fit beside the full label
 *    column, the rest in further blocks below, each repeating the label column and the header;
 * 2. when one group beside the full labels is still too wide, the labels wrap (words onto
 *    further lines, indented two more spaces), down to MIN_LABEL characters.
 *
 * No value is ever cut. Lines of prose around the tables wrap at spaces (`fitLines`). A width of
 * Infinity is the full table (`--wide`).
 */

/** The width a command aims at off a terminal (characters). */
export const DEFAULT_WIDTH = 100;

/** The narrowest a wrapped label column gets (characters). */
const MIN_LABEL = 16;

const GAP = 3;

export interface LayoutOptions {
  /** The width to fit in (default: Infinity, the full table). */
  width?: number;
  /**
   * Sizes of the groups of value columns, in order (they sum to the number of value columns);
   * default: all value columns are one group (a row is never split, only its label wrapped).
   */
  groups?: readonly number[];
}

/** Lay out rows of cells in columns (first column left-aligned, the rest right-aligned), fitted to `options.width`. */
export function layout(rows: string[][], header: string[], options: LayoutOptions = {}): string {
  const width = options.width ?? Infinity;
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const values = widths.length - 1;
  const groups = options.groups ?? (values > 0 ? [values] : []);
  // each group's columns and the width they take with their separators
  const spans: { from: number; to: number; width: number }[] = [];
  let c = 1;
  for (const g of groups) {
    spans.push({ from: c, to: c + g, width: widths.slice(c, c + g).reduce((a, w) => a + GAP + w, 0) });
    c += g;
  }
  const blocks: (typeof spans)[] = [];
  for (let i = 0; i < spans.length; ) {
    let j = i + 1, used = widths[0] + spans[i].width;
    while (j < spans.length && used + spans[j].width <= width) used += spans[j++].width;
    blocks.push(spans.slice(i, j));
    i = j;
  }
  if (blocks.length === 0) blocks.push([]);
  return blocks.map((block) => {
    const columns = [0, ...block.flatMap((s) => range(s.from, s.to))];
    const valueWidth = block.reduce((a, s) => a + s.width, 0);
    const labelWidth = Math.min(widths[0], Math.max(MIN_LABEL, width - valueWidth));
    const lines: string[] = [];
    const emit = (r: string[]) => {
      const label = wrapWords(r[0] ?? "", labelWidth);
      const cells = columns.slice(1).map((k) => (r[k] ?? "").padStart(widths[k]));
      lines.push([label[0].padEnd(labelWidth), ...cells].join(" ".repeat(GAP)).trimEnd());
      for (const more of label.slice(1)) lines.push(more.trimEnd());
    };
    emit(header);
    lines.push([labelWidth, ...columns.slice(1).map((k) => widths[k])].map((w) => "─".repeat(w)).join("─".repeat(GAP)));
    rows.forEach(emit);
    return lines.join("\n");
  }).join("\n\n");
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/**
 * `text` in lines of at most `width` characters, broken at spaces; a continuation line is
 * indented two spaces more than the text's own leading spaces. A word longer than a line is cut.
 */
export function wrapWords(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const indent = text.length - text.trimStart().length;
  const more = " ".repeat(Math.min(indent + 2, Math.max(0, width - 8)));
  const lines: string[] = [];
  let line = text.slice(0, indent);
  let fresh = true;
  for (let word of text.slice(indent).split(" ")) {
    if (!fresh && line.length + 1 + word.length > width) {
      lines.push(line);
      line = more;
      fresh = true;
    }
    while (line.length + word.length > width) {
      const room = Math.max(1, width - line.length);
      lines.push(line + word.slice(0, room));
      word = word.slice(room);
      line = more;
    }
    line += fresh ? word : ` ${word}`;
    fresh = false;
  }
  lines.push(line);
  return lines;
}

/** Every line of `text` wider than `width` wrapped at spaces (wrapWords); other lines unchanged. */
export function fitLines(text: string, width: number): string {
  if (!Number.isFinite(width)) return text;
  return text.split("\n").flatMap((l) => wrapWords(l, width)).join("\n");
}
