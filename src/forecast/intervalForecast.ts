/**
 * A per-interval forecast as a planner keeps it in a spreadsheet (`erlang staff --forecast`):
 * CSV (src/forecast/csvTable.ts: UTF-8, optional BOM, RFC 4180 quoting), a header line, then
 * one row per interval:
 *
 *   start,volume,aht_seconds,patience_seconds
 *   2026-04-06T08:00,120,300,90
 *
 *  - `start`: when the interval starts — an ISO 8601 date-time (`2026-04-06T08:00`, with or
 *    without a UTC offset; without one it is read as a nominal clock, no daylight saving), a time
 *    of day (`08:00`, `8:30`; a time at or before the previous row's is on the next day), or the
 *    interval's number (`0`, `1`, …; then `--interval-minutes` gives the length). Every row the
 *    same kind, in increasing order;
 *  - `volume`: contacts offered in the interval, a number >= 0 (fractions allowed: a forecast);
 *  - `aht_seconds`: average handle time, seconds, a number > 0 (may be empty when volume is 0);
 *  - `patience_seconds` (optional column; cells may be empty): mean patience, seconds, > 0: the
 *    interval is then sized with Erlang A.
 *
 * The interval length is the most common gap between consecutive starts (ties: the shorter),
 * unless given; every gap must be a whole number of intervals (a longer gap is intervals not
 * staffed, e.g. the nights of a week of opening hours). Names are case-insensitive; other
 * columns are ignored unless a near miss of these. Problems are InputErrors naming the file,
 * line and column: `week.csv: line 9, column aht_seconds: expected a number > 0 (seconds), got "-3"`.
 */
import { checkWidth, csvError, csvRecords, headerColumns, NUM_RE, quote, readDataFile } from "./csvTable.js";
import { parseStartEpochMs } from "../time/iso.js";
import { DAY_MINUTES, MINUTE_MS } from "../time/units.js";

/** One interval of a forecast. */
export interface ForecastInterval {
  /** The `start` cell as written. */
  readonly label: string;
  /** Start, minutes on the file's own clock (epoch minutes, minutes from the first day's midnight, or number × length). */
  readonly startMinutes: number;
  /** Contacts offered in the interval. */
  readonly volume: number;
  /** Average handle time, seconds (undefined only when volume is 0 and the cell is empty). */
  readonly ahtSeconds?: number;
  /** Mean patience, seconds, when the row gives one. */
  readonly patienceSeconds?: number;
  /** Line of the file. */
  readonly line: number;
}

export interface IntervalForecast {
  readonly file: string;
  /** How the file gives the starts. */
  readonly startKind: "date-time" | "time of day" | "interval number";
  readonly intervalMinutes: number;
  /** Whether the file has a patience_seconds column. */
  readonly hasPatience: boolean;
  readonly intervals: readonly ForecastInterval[];
}

const COLUMNS = ["start", "volume", "aht_seconds", "patience_seconds"] as const;
const REQUIRED = ["start", "volume", "aht_seconds"] as const;
export const FORECAST_HEADER = "start,volume,aht_seconds[,patience_seconds]";

const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const INDEX_RE = /^\d+$/;

type Kind = IntervalForecast["startKind"];

function kindOf(cell: string): Kind | undefined {
  if (INDEX_RE.test(cell)) return "interval number";
  if (TIME_RE.test(cell)) return "time of day";
  if (/^\d{4}-\d{2}-\d{2}/.test(cell)) return "date-time";
  return undefined;
}

const EXPECTED_START = "a date-time (2026-04-06T08:00), a time of day (08:00) or an interval number (0, 1, …)";

/** Minutes of a start cell of a known kind, or undefined when it is not one. */
function startOf(cell: string, kind: Kind): number | undefined {
  if (kind === "interval number") return INDEX_RE.test(cell) && Number.isSafeInteger(Number(cell)) ? Number(cell) : undefined;
  if (kind === "time of day") {
    const m = TIME_RE.exec(cell);
    if (m === null || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
    return Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60;
  }
  try {
    return parseStartEpochMs(cell, "UTC") / MINUTE_MS;
  } catch {
    return undefined;
  }
}

/** A number cell: `positive` > 0, else >= 0; undefined for an empty cell. */
function numberCell(cell: string, positive: boolean): number | undefined | null {
  const t = cell.trim();
  if (t === "") return undefined;
  const v = Number(t);
  return NUM_RE.test(t) && Number.isFinite(v) && (positive ? v > 0 : v >= 0) ? v : null;
}

/**
 * Parse and check forecast CSV text (`intervalMinutes`: the length, else read from the starts).
 * The first problem is thrown as an InputError naming the file, line and column.
 */
export function parseIntervalForecastCsv(input: string | Uint8Array, file = "forecast.csv", options: { intervalMinutes?: number } = {}): IntervalForecast {
  const records = csvRecords(input, file, FORECAST_HEADER);
  const index = headerColumns(records[0], COLUMNS, REQUIRED, FORECAST_HEADER, file);
  if (records.length === 1) throw csvError({ file, line: records[0].line + 1 }, "expected at least one interval after the header, got none");
  checkWidth(records, file);
  const iS = index.get("start")!, iV = index.get("volume")!, iA = index.get("aht_seconds")!, iP = index.get("patience_seconds");

  const firstCell = records[1].fields[iS].trim();
  const kind = kindOf(firstCell);
  if (kind === undefined) throw csvError({ file, line: records[1].line, column: "start" }, `expected ${EXPECTED_START}, got ${quote(firstCell)}`);
  const rows: ForecastInterval[] = [];
  for (const { fields, line } of records.slice(1)) {
    const label = fields[iS].trim();
    let start = startOf(label, kind);
    if (start === undefined) throw csvError({ file, line, column: "start" }, `expected a ${kind} like the first row's (${quote(firstCell)}), got ${quote(fields[iS])}`);
    const prev = rows[rows.length - 1];
    if (prev !== undefined && kind === "time of day") {
      while (start <= prev.startMinutes) start += DAY_MINUTES; // past midnight: the next day
    } else if (prev !== undefined && start <= prev.startMinutes) {
      throw csvError({ file, line, column: "start" }, `expected starts in increasing order, one row per interval; got ${quote(label)} after ${quote(prev.label)} (line ${prev.line})`);
    }
    const volume = numberCell(fields[iV], false);
    if (volume === undefined || volume === null) throw csvError({ file, line, column: "volume" }, `expected a number >= 0 (contacts offered in the interval), got ${quote(fields[iV])}`);
    const aht = numberCell(fields[iA], true);
    if (aht === null || (aht === undefined && volume > 0)) {
      throw csvError({ file, line, column: "aht_seconds" }, `expected a number > 0 (seconds)${volume === 0 ? " or an empty cell" : ""}, got ${quote(fields[iA])}`);
    }
    const patience = iP === undefined ? undefined : numberCell(fields[iP], true);
    if (patience === null) throw csvError({ file, line, column: "patience_seconds" }, `expected a number > 0 (seconds) or an empty cell, got ${quote(fields[iP!])}`);
    rows.push({ label, startMinutes: start, volume, line, ...(aht === undefined ? {} : { ahtSeconds: aht }), ...(patience === undefined ? {} : { patienceSeconds: patience }) });
  }
  const intervalMinutes = lengthOf(rows, kind, file, options.intervalMinutes);
  const intervals = kind === "interval number" ? rows.map((r) => ({ ...r, startMinutes: r.startMinutes * intervalMinutes })) : rows;
  return { file, startKind: kind, intervalMinutes, hasPatience: iP !== undefined, intervals };
}

/** The interval length: given, or the most common gap; every gap a whole number of them. */
function lengthOf(rows: readonly ForecastInterval[], kind: Kind, file: string, given: number | undefined): number {
  if (kind === "interval number") {
    if (given === undefined) throw csvError({ file, line: rows[0].line, column: "start" }, "the starts are interval numbers: give the interval length (--interval-minutes)");
    return given;
  }
  let minutes = given;
  if (minutes === undefined) {
    if (rows.length < 2) throw csvError({ file, line: rows[0].line, column: "start" }, "cannot tell the interval length from one row: give it (--interval-minutes)");
    const counts = new Map<number, number>();
    for (let i = 1; i < rows.length; i++) {
      const gap = rows[i].startMinutes - rows[i - 1].startMinutes;
      counts.set(gap, (counts.get(gap) ?? 0) + 1);
    }
    let best = 0, bestCount = -1;
    for (const [gap, c] of counts) if (c > bestCount || (c === bestCount && gap < best)) [best, bestCount] = [gap, c];
    minutes = best;
  }
  for (let i = 1; i < rows.length; i++) {
    const gap = rows[i].startMinutes - rows[i - 1].startMinutes;
    const n = gap / minutes;
    if (Math.abs(n - Math.round(n)) > 1e-9 || Math.round(n) < 1) {
      throw csvError({ file, line: rows[i].line, column: "start" }, `expected the start of a ${+minutes.toFixed(3)}-minute interval (a whole number of intervals after ${quote(rows[i - 1].label)}, line ${rows[i - 1].line}), got ${quote(rows[i].label)}`);
    }
  }
  return minutes;
}

/** Read and check a forecast CSV file (messages name the path as given). */
export function readIntervalForecastFile(path: string, options: { intervalMinutes?: number } = {}): IntervalForecast {
  return parseIntervalForecastCsv(readDataFile(path), path, options);
}
