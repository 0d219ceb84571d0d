/**
 * Historical interval data from a contact platform: reading, validating and writing it, and
 * detecting its interval length. Its timestamps are read by src/time/iso.ts and written in a
 * time zone by src/time/zone.ts.
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
 *
 * Bad input is an InputError whose source is the file and whose path is the place in it, so
 * that its line reads `history.csv: line 17, column offered: expected an integer >= 0, got "-3"`.
 */
import { checkWidth, csvError, type CsvLocation, csvField, csvRecords, headerColumns, INT_RE, NUM_RE, quote, readDataFile } from "./csvTable.js";
import { parseIsoTimestamp } from "../time/iso.js";
import { DAY_MINUTES, MINUTE_MS } from "../time/units.js";
import { TimeZoneClock } from "../time/zone.js";
import type { InputError } from "../errors.js";

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
export type HistoryLocation = CsvLocation;

/**
 * Bad history input: an InputError with the file as its source and the place as its path
 * ("line 17, column offered"), whose line is
 * `history.csv: line 17, column offered: expected an integer >= 0, got "-3"`.
 */
export const historyError: (where: HistoryLocation, message: string) => InputError = csvError;

/** Where a row is, for messages (rows built in memory have no file or line). */
export function rowLocation(row: HistoryRow, column?: string): HistoryLocation {
  return { file: row.source?.file, line: row.source?.line, column };
}

// ---------------------------------------------------------------------------------------
// Reading

const COLUMNS = ["timestamp", "channel", "offered", "handle_minutes"] as const;
const REQUIRED = ["timestamp", "channel", "offered"] as const;
const HEADER_HINT = `timestamp,channel,offered[,handle_minutes]`;

/**
 * Parse and validate history CSV text. Every row is checked; the first problem is thrown as an
 * InputError naming the file, line, column and what was expected. Rows come back in file
 * order. Duplicate (channel, timestamp) pairs are errors.
 */
export function parseHistoryCsv(input: string | Uint8Array, file = "history.csv"): HistoryRow[] {
  const records = csvRecords(input, file, HEADER_HINT);
  const index = headerColumns(records[0], COLUMNS, REQUIRED, HEADER_HINT, file);
  if (records.length === 1) {
    throw historyError({ file, line: records[0].line + 1 }, "expected at least one data row after the header, got none");
  }
  checkWidth(records, file);

  const iT = index.get("timestamp")!, iC = index.get("channel")!, iO = index.get("offered")!, iH = index.get("handle_minutes");
  const rows: HistoryRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < records.length; r++) {
    const { fields: record, line } = records[r];
    const ts = record[iT].trim();
    const start = parseIsoTimestamp(ts);
    if (start === undefined) {
      throw historyError({ file, line, column: "timestamp" }, `expected an ISO 8601 date-time with a UTC offset (e.g. 2026-03-02T08:30:00Z or 2026-03-02T08:30:00-05:00), got ${quote(record[iT])}`);
    }
    const channel = record[iC].trim();
    if (channel === "") throw historyError({ file, line, column: "channel" }, `expected a channel name, got ${quote(record[iC])}`);
    const off = record[iO].trim();
    if (!INT_RE.test(off) || !Number.isSafeInteger(Number(off))) {
      throw historyError({ file, line, column: "offered" }, `expected an integer >= 0, got ${quote(record[iO])}`);
    }
    let handleMinutes: number | undefined;
    if (iH !== undefined) {
      const h = record[iH].trim();
      if (h !== "") {
        const v = Number(h);
        if (!NUM_RE.test(h) || !(v > 0) || !Number.isFinite(v)) {
          throw historyError({ file, line, column: "handle_minutes" }, `expected a number > 0 (minutes) or an empty cell, got ${quote(record[iH])}`);
        }
        handleMinutes = v;
      }
    }
    const key = `${channel}\u0000${start.getTime()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw historyError({ file, line, column: "timestamp" }, `expected one row per channel and interval, got a second row for channel ${quote(channel)} at ${ts} (first at line ${first})`);
    }
    seen.set(key, line);
    rows.push(handleMinutes === undefined ? { start, channel, offered: Number(off), source: { file, line } } : { start, channel, offered: Number(off), handleMinutes, source: { file, line } });
  }
  return rows;
}

/** Read and validate a history CSV file (messages name the path as given). */
export function readHistoryFile(path: string): HistoryRow[] {
  return parseHistoryCsv(readDataFile(path), path);
}

// ---------------------------------------------------------------------------------------
// Validation of rows built in memory, grouping, interval detection

/** Check rows built in memory (the same rules as the CSV reader, minus integrality). */
export function checkRows(rows: readonly HistoryRow[]): void {
  if (rows.length === 0) throw historyError({}, "expected at least one history row, got none");
  for (const row of rows) {
    if (!(row.start instanceof Date) || Number.isNaN(row.start.getTime())) throw historyError(rowLocation(row, "timestamp"), `expected a valid date, got ${String(row.start)}`);
    if (typeof row.channel !== "string" || row.channel === "") throw historyError(rowLocation(row, "channel"), `expected a channel name, got ${JSON.stringify(row.channel)}`);
    if (!(row.offered >= 0) || !Number.isFinite(row.offered)) throw historyError(rowLocation(row, "offered"), `expected a finite number >= 0, got ${row.offered}`);
    if (row.handleMinutes !== undefined && (!(row.handleMinutes > 0) || !Number.isFinite(row.handleMinutes))) {
      throw historyError(rowLocation(row, "handle_minutes"), `expected a number > 0 (minutes), got ${row.handleMinutes}`);
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
      if (gap === 0) throw historyError(rowLocation(list[i], "timestamp"), `expected one row per channel and interval, got a second row for channel ${quote(channel)} at ${list[i].start.toISOString()}`);
      counts.set(gap, (counts.get(gap) ?? 0) + 1);
    }
    if (counts.size === 0) continue;
    let best = 0, bestCount = -1;
    for (const [gap, c] of counts) if (c > bestCount || (c === bestCount && gap < best)) [best, bestCount] = [gap, c];
    const minutes = best / MINUTE_MS;
    const where = rowLocation(list[0], "timestamp");
    if (!Number.isInteger(minutes) || DAY_MINUTES % minutes !== 0) {
      throw historyError(where, `expected an interval length that divides a day (15, 30 or 60 minutes are typical), got a most common gap of ${+minutes.toFixed(3)} minutes between rows of channel ${quote(channel)}`);
    }
    if (result !== undefined && result.minutes !== minutes) {
      throw historyError(where, `expected the same interval length for every channel, got ${result.minutes} minutes for ${quote(result.channel)} and ${minutes} for ${quote(channel)}`);
    }
    result = { minutes, channel };
  }
  if (result === undefined) {
    throw historyError(rowLocation(rows[0], "timestamp"), "cannot detect the interval length: expected at least two rows of one channel");
  }
  checkGrid(byChannel, result.minutes);
  return result.minutes;
}

/** An interval length must be a whole number of minutes that divides a day. @throws RangeError */
export function checkIntervalMinutes(m: number): void {
  if (!Number.isInteger(m) || m <= 0 || DAY_MINUTES % m !== 0) throw new RangeError(`intervalMinutes: expected a whole number of minutes that divides a day (15, 30, 60, ...), got ${m}`);
}


/** Every timestamp a whole number of intervals after its channel's first. */
export function checkGrid(byChannel: ReadonlyMap<string, readonly HistoryRow[]>, intervalMinutes: number): void {
  const step = intervalMinutes * MINUTE_MS;
  for (const [channel, list] of byChannel) {
    const t0 = list[0].start.getTime();
    for (const row of list) {
      if ((row.start.getTime() - t0) % step !== 0) {
        throw historyError(rowLocation(row, "timestamp"), `expected the start of a ${intervalMinutes}-minute interval of channel ${quote(channel)} (a whole number of intervals after its first row, ${list[0].start.toISOString()}), got ${row.start.toISOString()}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Writing

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
