/**
 * JSON text for the files the commands write: indented for reading, but an array of numbers
 * (or nulls) stays on one line — a week of 336 intervals is one line, not 336.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  // an array whose items are all numbers or null, spread over lines by JSON.stringify
  return text.replace(/\[\n(\s*(?:-?\d[\d.eE+-]*|null),?\n)+\s*\]/g, (block) => "[" + block.slice(1, -1).split("\n").map((l) => l.trim()).filter((l) => l !== "").join(" ") + "]") + "\n";
}
