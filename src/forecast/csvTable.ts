/**
 * Reading the CSV data files (history, per-interval forecasts): UTF-8 text (optional BOM,
 * RFC 4180 quoting, comma-separated) through csv-parse, a header line matched by name, and one
 * error for every way a file can be bad — an InputError whose source is the file and whose path
 * is the place in it, so that its line reads
 * `history.csv: line 17, column offered: expected an integer >= 0, got "-3"`.
 */
import { createRequire } from "node:module";
import { closest, InputError } from "../errors.js";
import { MAX_DATA_BYTES, readInputBytes } from "../inputFiles.js";

type CsvParse = typeof import("csv-parse/sync");
let csvParse: CsvParse | undefined;

/** csv-parse, loaded on the first file read (a command that reads no CSV, such as `erlang c`, never loads it). */
function csv(): CsvParse {
  return (csvParse ??= createRequire(import.meta.url)("csv-parse/sync") as CsvParse);
}

/** Where a problem lies in a CSV file. */
export interface CsvLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
}

/** One record of a file, with the line it ends on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** An integer >= 0 as a cell holds it. */
export const INT_RE = /^\+?\d+$/;
/** A number >= 0 as a cell holds it (no sign but +, no thousands separators). */
export const NUM_RE = /^\+?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Bad CSV input: an InputError with the file as its source and the place as its path
 * ("line 17, column offered").
 */
export function csvError(where: CsvLocation, message: string): InputError {
  const path = [where.line !== undefined ? `line ${where.line}` : undefined, where.column !== undefined ? `column ${where.column}` : undefined]
    .filter((s) => s !== undefined)
    .join(", ");
  return new InputError({ path, message }, where.file);
}

/** A cell as messages show it: quoted, long ones cut. */
export function quote(s: string): string {
  const shown = s.length > 60 ? `${s.slice(0, 57)}...` : s;
  return JSON.stringify(shown);
}

/** Line and column (1-based) of a character index in a text. */
function lineColumnAt(text: string, index: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function decode(input: string | Uint8Array, file: string): string {
  if (typeof input === "string") return input;
  if (input.length >= 2 && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff))) {
    throw csvError({ file, line: 1, column: "1" }, "expected UTF-8 text (CSV), got UTF-16 (export the file as \"CSV UTF-8\")");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(input);
    const at = lenient.indexOf("\uFFFD");
    const { line, column } = lineColumnAt(lenient, Math.max(0, at));
    throw csvError({ file, line, column: String(column) }, "expected UTF-8 text (CSV), found bytes that are not UTF-8 (is this a binary or spreadsheet file? export it as CSV)");
  }
}

/**
 * The records of CSV text or bytes (empty lines skipped), the header first. `headerHint` is the
 * header line expected (for the message about an empty file). @throws InputError
 */
export function csvRecords(input: string | Uint8Array, file: string, headerHint: string): CsvRecord[] {
  const text = decode(input, file);
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ctrl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(stripped);
  if (ctrl !== null) {
    const { line, column } = lineColumnAt(stripped, ctrl.index);
    throw csvError({ file, line, column: String(column) }, `expected CSV text, found control character U+${ctrl[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} (is this a binary file?)`);
  }
  if (stripped.trim() === "") {
    throw csvError({ file, line: 1 }, `expected a header line "${headerHint}", got an empty file`);
  }
  const { parse: parseCsv, CsvError } = csv();
  try {
    const records = parseCsv(stripped, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ fields: r.record, line: r.info.lines }));
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e.lines === "number" ? e.lines : undefined;
      const col = typeof e.column === "number" ? String(e.column + 1) : undefined;
      const reason =
        e.code === "INVALID_OPENING_QUOTE" ? "found a quote inside an unquoted field"
        : e.code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted field is never closed"
        : e.code === "CSV_INVALID_CLOSING_QUOTE" || e.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" ? "found characters after a closing quote"
        : e.message;
      throw csvError({ file, line, column: col }, `expected CSV (comma-separated fields, "double-quoted" when they contain commas or quotes), but ${reason}`);
    }
    throw e;
  }
}

/**
 * The position of each known column in the header (names matched case-insensitively). A name
 * given twice, a near miss of a known name ("ofered") and a missing required column are errors;
 * other columns are ignored. `hint` is the header line expected. @throws InputError
 */
export function headerColumns<C extends string>(head: CsvRecord, columns: readonly C[], required: readonly C[], hint: string, file: string): Map<C, number> {
  const names = head.fields.map((h) => h.trim().toLowerCase());
  const index = new Map<C, number>();
  names.forEach((n, i) => {
    const col = columns.find((c) => c === n);
    if (col !== undefined) {
      if (index.has(col)) throw csvError({ file, line: head.line, column: String(i + 1) }, `expected each column name once, got "${col}" again`);
      index.set(col, i);
      return;
    }
    const near = closest(n, columns.filter((c) => !index.has(c) && !names.includes(c)));
    if (near !== undefined && n !== "") {
      throw csvError({ file, line: head.line, column: String(i + 1) }, `unknown column ${quote(head.fields[i])}: did you mean "${near}"?`);
    }
  });
  for (const req of required) {
    if (!index.has(req)) {
      const sep = /[;\t|]/.exec(head.fields[0] ?? "");
      const hintSep = head.fields.length === 1 && sep !== null ? ` (the file seems to use ${quote(sep[0])} as separator; expected ",")` : "";
      throw csvError({ file, line: head.line, column: req }, `missing; expected a header line "${hint}", got ${quote(head.fields.join(","))}${hintSep}`);
    }
  }
  return index;
}

/** Every data record has the header's number of fields. @throws InputError */
export function checkWidth(records: readonly CsvRecord[], file: string): void {
  const width = records[0].fields.length;
  for (const { fields, line } of records.slice(1)) {
    if (fields.length !== width) throw csvError({ file, line }, `expected ${width} fields as in the header, got ${fields.length}`);
  }
}

/** The bytes of a data file (messages name the path as given). @throws InputError */
export function readDataFile(path: string): Uint8Array {
  return readInputBytes(path, MAX_DATA_BYTES, (why, code) => {
    throw csvError({ file: path }, code === "unreadable" ? why : `cannot read: ${code === "directory" ? "it is a directory" : why}`);
  });
}

/**
 * A text field written to CSV: quoted when it holds a comma, a quote or a line break (RFC 4180),
 * and kept from being read as a formula. A spreadsheet evaluates a cell that starts with `=`,
 * `+`, `-` or `@` (or a tab or carriage return before one) as a formula, so a scenario, pool or
 * channel name such as `=HYPERLINK(…)` would run when the file is opened ("CSV injection",
 * OWASP): such a field gets a leading `'`, which spreadsheets show as text. A plain number
 * written as text ("-3.5") is left as it is.
 */
export function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) && !NUMBER.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
