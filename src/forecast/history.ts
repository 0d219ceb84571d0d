/**
 * Historical interval data from a contact platform: reading, validating and writing it,
 * detecting its interval length, and the local clock (IANA time zone) it is read in.
 *
 * File format: CSV (comma-separated, RFC 4180 quoting, UTF-8, optional BOM), a header line
 * then one row per channel and interval:
 *
 *   timestamp,channel,offered,handle_minutes
 *   2026-03-02T08:30:00-05:00,phone,41,7.2
 *
 *  - `timestamp`: start of the interval, ISO 8601 with a UTC offset (`Z` or `±hh:mm`);
 *  - `channel`: free text (phone, chat, email, ...);
 *  - `offered`: contacts offered in the interval, an integer >= 0;
 *  - `handle_minutes` (optional column, cells may be empty): mean handle time of the
 *    interval's contacts, a number > 0.
 *
 * Header names are matched case-insensitively; other columns are ignored unless their name
 * is a near miss of one of these (then it is reported as a probable typo).
 *
 * An interval that is absent from the file is MISSING DATA, not zero: the forecast leaves it
 * out of every average. A platform that exports only intervals with contacts must therefore
 * be asked to export the empty ones too (with offered 0), or the quiet hours are unknown.
 */
import { readFileSync } from "node:fs";
import { parse as parseCsv, CsvError } from "csv-parse/sync";

/** One channel's volume in one interval. */
export interface HistoryRow {
  /** Start of the interval. */
  readonly start: Date;
  readonly channel: string;
  /** Contacts offered in the interval (an integer in files; any finite number >= 0 in memory). */
  readonly offered: number;
  /** Mean handle time of the interval's contacts, minutes (> 0), when known. */
  readonly handleMinutes?: number;
  /** Where the row came from, for error messages. */
  readonly source?: { readonly file: string; readonly line: number };
}

/** Where a problem lies in a history file. */
export interface HistoryLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
}

/**
 * Bad history input. The message is one line:
 * `history.csv: line 17, column offered: expected an integer >= 0, got "-3"`.
 */
export class HistoryError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  constructor(where: HistoryLocation, problem: string) {
    const place = [where.line !== undefined ? `line ${where.line}` : undefined, where.column !== undefined ? `column ${where.column}` : undefined]
      .filter((s) => s !== undefined)
      .join(", ");
    const prefix = [where.file, place].filter((s) => s !== undefined && s !== "").join(": ");
    super(prefix === "" ? problem : `${prefix}: ${problem}`);
    this.name = "HistoryError";
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}

/** Where a row is, for messages (rows built in memory have no file or line). */
export function rowLocation(row: HistoryRow, column?: string): HistoryLocation {
  return { file: row.source?.file, line: row.source?.line, column };
}

// ---------------------------------------------------------------------------------------
// Local clock

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const BLOCK_MS = 15 * MINUTE_MS;
/** Offset caches per resolved IANA zone, shared by every TimeZoneClock of the process (TimeZoneClock.offsetMinutes). */
const SHARED_OFFSETS = new Map<string, { blocks: Map<number, number>; days: Map<number, number> }>();

/** The local calendar position of an instant. */
export interface LocalTime {
  /** Local wall-clock time as milliseconds since 1970-01-01T00:00 local (i.e. UTC ms + offset). */
  readonly localMs: number;
  /** Days since 1970-01-01 on the local calendar. */
  readonly dayNumber: number;
  /** 0 = Monday ... 6 = Sunday (ISO order). */
  readonly dayOfWeek: number;
  /** Minutes since local midnight, with fraction (0 <= m < 1440). */
  readonly minuteOfDay: number;
  /** Local UTC offset in minutes (local − UTC; New York in winter: −300). */
  readonly offsetMinutes: number;
}

/**
 * Local time in an IANA time zone, computed with Intl.DateTimeFormat (no date library).
 * UTC offsets are cached per 15-minute UTC block: every offset change since 1972 in the
 * IANA database falls on a 15-minute boundary, so the cache is exact for contact data.
 */
export class TimeZoneClock {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat | undefined;
  /** Offsets per 15-minute UTC block, and per UTC day (NaN: the offset changes that day), shared by every clock of the zone. */
  private readonly cache: Map<number, number>;
  private readonly dayCache: Map<number, number>;

  /** @throws RangeError naming the zone if it is not a valid IANA time zone. */
  constructor(timeZone = "UTC") {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}": expected an IANA name such as "UTC", "Europe/Berlin" or "America/New_York"`);
    }
    const resolved = format.resolvedOptions().timeZone;
    this.timeZone = timeZone;
    this.format = resolved === "UTC" || resolved === "Etc/UTC" ? undefined : format;
    let shared = SHARED_OFFSETS.get(resolved);
    if (shared === undefined) SHARED_OFFSETS.set(resolved, (shared = { blocks: new Map(), days: new Map() }));
    this.cache = shared.blocks;
    this.dayCache = shared.days;
  }

  /**
   * Local UTC offset at an instant, minutes. Intl is slow (microseconds a call), so offsets are
   * cached per UTC day when the day has one offset (its first and last 15-minute blocks agree;
   * no zone changes its offset twice within a day and back), else per 15-minute block — and the
   * caches are shared by all clocks of a zone in the process (replications, pools, channels).
   */
  offsetMinutes(ms: number): number {
    if (this.format === undefined) return 0;
    const day = Math.floor(ms / DAY_MS);
    let d = this.dayCache.get(day);
    if (d === undefined) {
      const first = this.blockOffset(day * (DAY_MS / BLOCK_MS));
      const last = this.blockOffset((day + 1) * (DAY_MS / BLOCK_MS) - 1);
      d = first === last ? first : NaN;
      if (this.dayCache.size > 200_000) this.dayCache.clear();
      this.dayCache.set(day, d);
    }
    return d === d ? d : this.blockOffset(Math.floor(ms / BLOCK_MS));
  }

  /** The offset in force during 15-minute UTC block `block` (cached). */
  private blockOffset(block: number): number {
    const format = this.format!;
    let off = this.cache.get(block);
    if (off === undefined) {
      const at = block * BLOCK_MS;
      let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
      for (const p of format.formatToParts(at)) {
        switch (p.type) {
          case "year": y = Number(p.value); break;
          case "month": mo = Number(p.value); break;
          case "day": d = Number(p.value); break;
          case "hour": h = Number(p.value); break;
          case "minute": mi = Number(p.value); break;
          case "second": s = Number(p.value); break;
          default: break;
        }
      }
      const wall = Date.UTC(y, mo - 1, d, h, mi, s);
      // Date.UTC maps years 0-99 to 1900-1999; not a concern for contact data, but be exact
      const wallExact = y >= 0 && y < 100 ? new Date(wall).setUTCFullYear(y) : wall;
      off = Math.round((wallExact - at) / MINUTE_MS);
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(block, off);
    }
    return off;
  }

  /** The local calendar position of an instant. */
  local(t: Date | number): LocalTime {
    const ms = typeof t === "number" ? t : t.getTime();
    const offsetMinutes = this.offsetMinutes(ms);
    const localMs = ms + offsetMinutes * MINUTE_MS;
    const dayNumber = Math.floor(localMs / DAY_MS);
    const dayOfWeek = (((dayNumber + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const minuteOfDay = (localMs - dayNumber * DAY_MS) / MINUTE_MS;
    return { localMs, dayNumber, dayOfWeek, minuteOfDay, offsetMinutes };
  }

  /**
   * The instant at which the local wall clock reads `localMs` (ms since 1970-01-01 local).
   * In a gap (clocks jumped forward) the wall time does not exist and is read with the offset
   * in force before the gap, i.e. moved forward by the gap's length (02:30 on a spring-forward
   * night in New York gives 03:30 EDT), as Temporal's "compatible" disambiguation does; in an
   * overlap (clocks went back) the earlier instant.
   */
  instantOf(localMs: number): number {
    if (this.format === undefined) return localMs;
    // try the offsets in force a day either side; keep those that map back exactly
    const candidates = new Set<number>([this.offsetMinutes(localMs - DAY_MS), this.offsetMinutes(localMs), this.offsetMinutes(localMs + DAY_MS)]);
    let best = Infinity;
    for (const off of candidates) {
      const ms = localMs - off * MINUTE_MS;
      if (this.offsetMinutes(ms) === off && ms < best) best = ms;
    }
    if (best !== Infinity) return best;
    // a gap: the first instant after it
    const before = this.offsetMinutes(localMs - DAY_MS);
    return localMs - before * MINUTE_MS;
  }

  /** ISO 8601 with the local offset, e.g. `2026-03-02T08:30:00-05:00` (`Z` for UTC). */
  formatIso(t: Date | number): string {
    const ms = typeof t === "number" ? t : t.getTime();
    const off = this.offsetMinutes(ms);
    const wall = new Date(ms + off * MINUTE_MS).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
    const body = ms % 1000 === 0 ? wall.slice(0, 19) : wall.slice(0, 23);
    if (off === 0 && this.format === undefined) return `${body}Z`;
    const sign = off < 0 ? "-" : "+";
    const a = Math.abs(off);
    return `${body}${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
  }
}

// ---------------------------------------------------------------------------------------
// Timestamps

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parse an ISO 8601 date-time with a UTC offset (`2026-03-02T08:30:00Z`,
 * `2026-03-02T08:30-05:00`, `2026-03-02 08:30:00+0100`). Returns undefined if malformed or
 * out of range. A time without an offset is rejected: it would be ambiguous.
 */
export function parseIsoTimestamp(text: string): Date | undefined {
  const m = ISO_RE.exec(text);
  if (m === null) return undefined;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(2000, mo, 0)).getUTCDate() - (mo === 2 && !isLeap(y) ? 1 : 0);
  if (d > daysInMonth) return undefined;
  let offset = 0;
  if (m[8] === undefined) {
    const oh = Number(m[10]), om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const wall = new Date(Date.UTC(2000, 0, 1, h, mi, s, frac));
  wall.setUTCFullYear(y, mo - 1, d);
  return new Date(wall.getTime() - offset * MINUTE_MS);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

// ---------------------------------------------------------------------------------------
// Reading

const COLUMNS = ["timestamp", "channel", "offered", "handle_minutes"] as const;
const REQUIRED = ["timestamp", "channel", "offered"] as const;
type Column = (typeof COLUMNS)[number];
const HEADER_HINT = `timestamp,channel,offered[,handle_minutes]`;

const INT_RE = /^\+?\d+$/;
const NUM_RE = /^\+?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function quote(s: string): string {
  const shown = s.length > 60 ? `${s.slice(0, 57)}...` : s;
  return JSON.stringify(shown);
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
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
    throw new HistoryError({ file, line: 1, column: "1" }, "expected UTF-8 text (CSV), got UTF-16 (export the file as \"CSV UTF-8\")");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(input);
    const at = lenient.indexOf("\uFFFD");
    const { line, column } = lineColumnAt(lenient, Math.max(0, at));
    throw new HistoryError({ file, line, column: String(column) }, "expected UTF-8 text (CSV), found bytes that are not UTF-8 (is this a binary or spreadsheet file? export it as CSV)");
  }
}

/**
 * Parse and validate history CSV text. Every row is checked; the first problem is thrown as a
 * HistoryError naming the file, line, column and what was expected. Rows come back in file
 * order. Duplicate (channel, timestamp) pairs are errors.
 */
export function parseHistoryCsv(input: string | Uint8Array, file = "history.csv"): HistoryRow[] {
  const text = decode(input, file);
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ctrl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(stripped);
  if (ctrl !== null) {
    const { line, column } = lineColumnAt(stripped, ctrl.index);
    throw new HistoryError({ file, line, column: String(column) }, `expected CSV text, found control character U+${ctrl[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} (is this a binary file?)`);
  }
  if (stripped.trim() === "") {
    throw new HistoryError({ file, line: 1 }, `expected a header line "${HEADER_HINT}", got an empty file`);
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(stripped, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e.lines === "number" ? e.lines : undefined;
      const col = typeof e.column === "number" ? String(e.column + 1) : undefined;
      const reason =
        e.code === "INVALID_OPENING_QUOTE" ? "found a quote inside an unquoted field"
        : e.code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted field is never closed"
        : e.code === "CSV_INVALID_CLOSING_QUOTE" || e.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" ? "found characters after a closing quote"
        : e.message;
      throw new HistoryError({ file, line, column: col }, `expected CSV (comma-separated fields, "double-quoted" when they contain commas or quotes), but ${reason}`);
    }
    throw e;
  }

  // header
  const head = records[0];
  const headerLine = head.info.lines;
  const names = head.record.map((h) => h.trim().toLowerCase());
  const index = new Map<Column, number>();
  names.forEach((n, i) => {
    const col = COLUMNS.find((c) => c === n);
    if (col !== undefined) {
      if (index.has(col)) throw new HistoryError({ file, line: headerLine, column: String(i + 1) }, `expected each column name once, got "${col}" again`);
      index.set(col, i);
      return;
    }
    const near = COLUMNS.find((c) => editDistance(n, c) <= 2 && !index.has(c) && !names.includes(c));
    if (near !== undefined && n !== "") {
      throw new HistoryError({ file, line: headerLine, column: String(i + 1) }, `unknown column ${quote(head.record[i])}: did you mean "${near}"?`);
    }
  });
  for (const req of REQUIRED) {
    if (!index.has(req)) {
      const hint = head.record.length === 1 && /[;\t|]/.test(head.record[0]) ? ` (the file seems to use ${quote(/[;\t|]/.exec(head.record[0])![0])} as separator; expected ",")` : "";
      throw new HistoryError({ file, line: headerLine, column: req }, `missing; expected a header line "${HEADER_HINT}", got ${quote(head.record.join(","))}${hint}`);
    }
  }
  if (records.length === 1) {
    throw new HistoryError({ file, line: headerLine + 1 }, "expected at least one data row after the header, got none");
  }

  const iT = index.get("timestamp")!, iC = index.get("channel")!, iO = index.get("offered")!, iH = index.get("handle_minutes");
  const width = head.record.length;
  const rows: HistoryRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    const line = info.lines;
    if (record.length !== width) {
      throw new HistoryError({ file, line }, `expected ${width} fields as in the header, got ${record.length}`);
    }
    const ts = record[iT].trim();
    const start = parseIsoTimestamp(ts);
    if (start === undefined) {
      throw new HistoryError({ file, line, column: "timestamp" }, `expected an ISO 8601 date-time with a UTC offset (e.g. 2026-03-02T08:30:00Z or 2026-03-02T08:30:00-05:00), got ${quote(record[iT])}`);
    }
    const channel = record[iC].trim();
    if (channel === "") throw new HistoryError({ file, line, column: "channel" }, `expected a channel name, got ${quote(record[iC])}`);
    const off = record[iO].trim();
    if (!INT_RE.test(off) || !Number.isSafeInteger(Number(off))) {
      throw new HistoryError({ file, line, column: "offered" }, `expected an integer >= 0, got ${quote(record[iO])}`);
    }
    let handleMinutes: number | undefined;
    if (iH !== undefined) {
      const h = record[iH].trim();
      if (h !== "") {
        const v = Number(h);
        if (!NUM_RE.test(h) || !(v > 0) || !Number.isFinite(v)) {
          throw new HistoryError({ file, line, column: "handle_minutes" }, `expected a number > 0 (minutes) or an empty cell, got ${quote(record[iH])}`);
        }
        handleMinutes = v;
      }
    }
    const key = `${channel}\u0000${start.getTime()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new HistoryError({ file, line, column: "timestamp" }, `expected one row per channel and interval, got a second row for channel ${quote(channel)} at ${ts} (first at line ${first})`);
    }
    seen.set(key, line);
    rows.push(handleMinutes === undefined ? { start, channel, offered: Number(off), source: { file, line } } : { start, channel, offered: Number(off), handleMinutes, source: { file, line } });
  }
  return rows;
}

/** Read and validate a history CSV file (messages name the path as given). */
export function readHistoryFile(path: string): HistoryRow[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new HistoryError({ file: path }, code === "ENOENT" ? "cannot read: no such file" : code === "EISDIR" ? "cannot read: it is a directory" : `cannot read: ${(e as Error).message}`);
  }
  return parseHistoryCsv(bytes, path);
}

// ---------------------------------------------------------------------------------------
// Validation of rows built in memory, grouping, interval detection

/** Check rows built in memory (the same rules as the CSV reader, minus integrality). */
export function checkRows(rows: readonly HistoryRow[]): void {
  if (rows.length === 0) throw new HistoryError({}, "expected at least one history row, got none");
  for (const row of rows) {
    if (!(row.start instanceof Date) || Number.isNaN(row.start.getTime())) throw new HistoryError(rowLocation(row, "timestamp"), `expected a valid date, got ${String(row.start)}`);
    if (typeof row.channel !== "string" || row.channel === "") throw new HistoryError(rowLocation(row, "channel"), `expected a channel name, got ${JSON.stringify(row.channel)}`);
    if (!(row.offered >= 0) || !Number.isFinite(row.offered)) throw new HistoryError(rowLocation(row, "offered"), `expected a finite number >= 0, got ${row.offered}`);
    if (row.handleMinutes !== undefined && (!(row.handleMinutes > 0) || !Number.isFinite(row.handleMinutes))) {
      throw new HistoryError(rowLocation(row, "handle_minutes"), `expected a number > 0 (minutes), got ${row.handleMinutes}`);
    }
  }
}

/** Rows per channel, each sorted by time (channels in order of first appearance). */
export function groupByChannel(rows: readonly HistoryRow[]): Map<string, HistoryRow[]> {
  const out = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    let list = out.get(row.channel);
    if (list === undefined) out.set(row.channel, (list = []));
    list.push(row);
  }
  for (const list of out.values()) list.sort((a, b) => a.start.getTime() - b.start.getTime());
  return out;
}

/**
 * The interval length in minutes: per channel, the most common gap between consecutive
 * timestamps (ties go to the shorter gap). It must be a whole number of minutes that divides
 * a day, the same for every channel, and every timestamp must lie on its channel's grid
 * (a whole number of intervals after the channel's first). Longer gaps are missing intervals.
 */
export function detectIntervalMinutes(rows: readonly HistoryRow[]): number {
  checkRows(rows);
  const byChannel = groupByChannel(rows);
  let result: { minutes: number; channel: string } | undefined;
  for (const [channel, list] of byChannel) {
    const counts = new Map<number, number>();
    for (let i = 1; i < list.length; i++) {
      const gap = list[i].start.getTime() - list[i - 1].start.getTime();
      if (gap === 0) throw new HistoryError(rowLocation(list[i], "timestamp"), `expected one row per channel and interval, got a second row for channel ${quote(channel)} at ${list[i].start.toISOString()}`);
      counts.set(gap, (counts.get(gap) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    let best = 0, bestCount = -1;
    for (const [gap, c] of counts) if (c > bestCount || (c === bestCount && gap < best)) [best, bestCount] = [gap, c];
    const minutes = best / MINUTE_MS;
    const where = rowLocation(list[0], "timestamp");
    if (!Number.isInteger(minutes) || 1440 % minutes !== 0) {
      throw new HistoryError(where, `expected an interval length that divides a day (15, 30 or 60 minutes are typical), got a most common gap of ${+minutes.toFixed(3)} minutes between rows of channel ${quote(channel)}`);
    }
    if (result !== undefined && result.minutes !== minutes) {
      throw new HistoryError(where, `expected the same interval length for every channel, got ${result.minutes} minutes for ${quote(result.channel)} and ${minutes} for ${quote(channel)}`);
    }
    result = { minutes, channel };
  }
  if (result === undefined) {
    throw new HistoryError(rowLocation(rows[0], "timestamp"), "cannot detect the interval length: expected at least two rows of one channel");
  }
  checkGrid(byChannel, result.minutes);
  return result.minutes;
}

/** Every timestamp a whole number of intervals after its channel's first. */
export function checkGrid(byChannel: ReadonlyMap<string, readonly HistoryRow[]>, intervalMinutes: number): void {
  const step = intervalMinutes * MINUTE_MS;
  for (const [channel, list] of byChannel) {
    const t0 = list[0].start.getTime();
    for (const row of list) {
      if ((row.start.getTime() - t0) % step !== 0) {
        throw new HistoryError(rowLocation(row, "timestamp"), `expected the start of a ${intervalMinutes}-minute interval of channel ${quote(channel)} (a whole number of intervals after its first row, ${list[0].start.toISOString()}), got ${row.start.toISOString()}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Writing

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * History rows as CSV text (header `timestamp,channel,offered,handle_minutes`), timestamps
 * written with the local offset of `timeZone` (default UTC: `...Z`). Handle minutes are
 * rounded to `handleDecimals` places.
 */
export function formatHistoryCsv(rows: readonly HistoryRow[], options: { timeZone?: string; handleDecimals?: number } = {}): string {
  const clock = new TimeZoneClock(options.timeZone ?? "UTC");
  const dec = options.handleDecimals ?? 2;
  const out: string[] = ["timestamp,channel,offered,handle_minutes"];
  for (const r of rows) {
    const h = r.handleMinutes === undefined ? "" : String(+r.handleMinutes.toFixed(dec));
    out.push(`${clock.formatIso(r.start)},${csvField(r.channel)},${r.offered},${h}`);
  }
  return out.join("\n") + "\n";
}
