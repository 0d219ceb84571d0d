/**
 * Tests of the history reader (src/forecast/history.ts): valid CSV in its variants, each kind
 * of bad input as a one-line InputError naming the file (its source), the line and column (its
 * path), rows built in memory, and the detection of the interval length.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { fitForecast } from "../../../src/forecast/fit.js";
import { detectIntervalMinutes, type HistoryRow, parseHistoryCsv, readHistoryFile } from "../../../src/forecast/history.js";

function expectHistoryError(f: () => unknown, pattern: RegExp | string): InputError {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, "expected an InputError").toBeInstanceOf(InputError);
  const err = caught as InputError;
  expect(err.message).not.toContain("\n");
  if (typeof pattern === "string") expect(err.message).toBe(pattern);
  else expect(err.message).toMatch(pattern);
  return err;
}

describe("did you mean", () => {
  it("names the missing column a header cell is closest to (the shared closest of src/errors.ts)", () => {
    expectHistoryError(() => parseHistoryCsv("timestamp,chanel,offered\n", "h.csv"), 'h.csv: line 1, column 2: unknown column "chanel": did you mean "channel"?');
    expectHistoryError(() => parseHistoryCsv("timestamp,channel,offered,handle_min\n2026-03-02T08:00:00Z,phone,3,7\n", "h.csv"), 'h.csv: line 1, column 4: unknown column "handle_min": did you mean "handle_minutes"?');
    // a column present already is not suggested, and other columns are ignored
    expect(parseHistoryCsv("timestamp,channel,offered,abandoned,channels\n2026-03-02T08:00:00Z,phone,3,1,x\n", "h.csv").length).toBe(1);
  });
});

describe("interval length detection", () => {
  const mk = (minutes: number, n: number, channel = "phone", skip: (i: number) => boolean = () => false): HistoryRow[] =>
    Array.from({ length: n }, (_, i) => i)
      .filter((i) => !skip(i))
      .map((i) => ({ start: new Date(Date.UTC(2026, 2, 2, 0, i * minutes)), channel, offered: 3 }));

  it("finds 15, 30 and 60 minutes, also with gaps", () => {
    expect(detectIntervalMinutes(mk(15, 200))).toBe(15);
    expect(detectIntervalMinutes(mk(30, 200, "phone", (i) => i % 3 === 0))).toBe(30);
    expect(detectIntervalMinutes([...mk(60, 100), ...mk(60, 50, "chat", (i) => i % 2 === 1 && i < 20)])).toBe(60);
    expect(fitForecast(mk(15, 7 * 96)).intervalMinutes).toBe(15);
  });

  it("rejects lengths that do not divide a day, mixed lengths, off-grid rows and too few rows", () => {
    expectHistoryError(() => detectIntervalMinutes(mk(7, 50)), /expected an interval length that divides a day \(15, 30 or 60 minutes are typical\), got a most common gap of 7 minutes between rows of channel "phone"/);
    expectHistoryError(() => detectIntervalMinutes([...mk(30, 50), ...mk(15, 50, "chat")]), /expected the same interval length for every channel, got 30 minutes for "phone" and 15 for "chat"/);
    const csv = "timestamp,channel,offered\n" + ["08:00", "08:30", "09:00", "09:40", "10:00"].map((h) => `2026-03-02T${h}:00Z,phone,4`).join("\n");
    expectHistoryError(() => detectIntervalMinutes(parseHistoryCsv(csv, "h.csv")), /^h\.csv: line 5, column timestamp: expected the start of a 30-minute interval of channel "phone"/);
    expectHistoryError(() => detectIntervalMinutes(mk(30, 1)), /cannot detect the interval length: expected at least two rows of one channel/);
  });

  it("checks the local grid of the time zone", () => {
    // hourly rows on the UTC hour are half past in India: wrong zone or wrong interval
    const csv = "timestamp,channel,offered\n" + Array.from({ length: 30 }, (_, i) => `${new Date(Date.UTC(2026, 2, 2, i)).toISOString().slice(0, 19)}Z,phone,4`).join("\n");
    const rows = parseHistoryCsv(csv, "h.csv");
    expect(fitForecast(rows).intervalMinutes).toBe(60);
    expectHistoryError(() => fitForecast(rows, { timeZone: "Asia/Kolkata" }), /^h\.csv: line 2, column timestamp: expected the start of a 60-minute interval of the day in time zone Asia\/Kolkata, got 2026-03-02T00:00:00\.000Z \(local 05:30\)/);
    expect(fitForecast(rows, { timeZone: "Asia/Kolkata", intervalMinutes: 30 }).intervalMinutes).toBe(30);
  });
});

describe("CSV reading and validation", () => {
  const good = ["timestamp,channel,offered,handle_minutes", "2026-03-02T08:00:00Z,phone,12,7.5", "2026-03-02T08:30:00+01:00,phone,0,", "2026-03-02T09:00:00-05:00,chat,3,10"];

  it("reads valid rows (offsets, empty handle cells, BOM, CRLF, quoted channel, extra columns)", () => {
    const rows = parseHistoryCsv(good.join("\n"), "h.csv");
    expect(rows.map((r) => [r.start.toISOString(), r.channel, r.offered, r.handleMinutes])).toEqual([
      ["2026-03-02T08:00:00.000Z", "phone", 12, 7.5],
      ["2026-03-02T07:30:00.000Z", "phone", 0, undefined],
      ["2026-03-02T14:00:00.000Z", "chat", 3, 10],
    ]);
    expect(rows[2].source).toEqual({ file: "h.csv", line: 4 });
    const messy = "\uFEFFTimestamp,Channel,Abandoned,Offered\r\n2026-03-02T08:00Z,\"phone, tier 1\",2,12\r\n\r\n2026-03-02 08:30:00.000z,\"phone, tier 1\",1,9\r\n";
    const r2 = parseHistoryCsv(new TextEncoder().encode(messy), "m.csv");
    expect(r2.map((r) => [r.start.toISOString(), r.channel, r.offered])).toEqual([
      ["2026-03-02T08:00:00.000Z", "phone, tier 1", 12],
      ["2026-03-02T08:30:00.000Z", "phone, tier 1", 9],
    ]);
    expect(r2[1].source?.line).toBe(4);
  });

  it("bad timestamp", () => {
    for (const [ts, shown] of [["2026-03-02 08:30", "2026-03-02 08:30"], ["2026-13-02T08:30:00Z", "2026-13-02T08:30:00Z"], ["2026-02-29T08:30:00Z", "2026-02-29T08:30:00Z"], ["", ""], ["yesterday", "yesterday"]]) {
      expectHistoryError(
        () => parseHistoryCsv([...good, `${ts},phone,4,`].join("\n"), "h.csv"),
        `h.csv: line 5, column timestamp: expected an ISO 8601 date-time with a UTC offset (e.g. 2026-03-02T08:30:00Z or 2026-03-02T08:30:00-05:00), got "${shown}"`,
      );
    }
    expect(parseHistoryCsv([...good, "2028-02-29T08:30:00Z,phone,4,"].join("\n")).length).toBe(4); // a leap day
  });

  it("negative or fractional offered, bad handle minutes, empty channel", () => {
    const lines = ["timestamp,channel,offered"];
    for (let i = 0; i < 15; i++) lines.push(`${new Date(Date.UTC(2026, 2, 2, 8, 30 * i)).toISOString()},phone,${i}`);
    lines.push("2026-03-02T16:00:00Z,phone,-3");
    const err = expectHistoryError(() => parseHistoryCsv(lines.join("\n"), "history.csv"), 'history.csv: line 17, column offered: expected an integer >= 0, got "-3"');
    expect([err.source, err.problems.map((p) => p.path)]).toEqual(["history.csv", ["line 17, column offered"]]);
    expectHistoryError(() => parseHistoryCsv([...good, "2026-03-02T10:00:00Z,phone,2.5,"].join("\n"), "h.csv"), 'h.csv: line 5, column offered: expected an integer >= 0, got "2.5"');
    expectHistoryError(() => parseHistoryCsv([...good, "2026-03-02T10:00:00Z,phone,,"].join("\n"), "h.csv"), 'h.csv: line 5, column offered: expected an integer >= 0, got ""');
    expectHistoryError(() => parseHistoryCsv([...good, "2026-03-02T10:00:00Z,phone,2,0"].join("\n"), "h.csv"), 'h.csv: line 5, column handle_minutes: expected a number > 0 (minutes) or an empty cell, got "0"');
    expectHistoryError(() => parseHistoryCsv([...good, "2026-03-02T10:00:00Z,phone,2,7 min"].join("\n"), "h.csv"), /^h\.csv: line 5, column handle_minutes: expected a number > 0/);
    expectHistoryError(() => parseHistoryCsv([...good, "2026-03-02T10:00:00Z, ,2,"].join("\n"), "h.csv"), 'h.csv: line 5, column channel: expected a channel name, got " "');
  });

  it("missing column, typo, duplicate and wrong field count", () => {
    expectHistoryError(
      () => parseHistoryCsv("timestamp,channel\n2026-03-02T08:00:00Z,phone\n", "h.csv"),
      'h.csv: line 1, column offered: missing; expected a header line "timestamp,channel,offered[,handle_minutes]", got "timestamp,channel"',
    );
    expectHistoryError(() => parseHistoryCsv("timestamp;channel;offered\n2026-03-02T08:00:00Z;phone;3\n", "h.csv"), /^h\.csv: line 1, column timestamp: missing; .*\(the file seems to use ";" as separator; expected ","\)$/);
    expectHistoryError(() => parseHistoryCsv("timestamp,channel,ofered\n", "h.csv"), 'h.csv: line 1, column 3: unknown column "ofered": did you mean "offered"?');
    expectHistoryError(() => parseHistoryCsv("timestamp,channel,offered\n", "h.csv"), "h.csv: line 2: expected at least one data row after the header, got none");
    expectHistoryError(() => parseHistoryCsv([...good, "2026-03-02T08:00:00Z,phone,1,"].join("\n"), "h.csv"), 'h.csv: line 5, column timestamp: expected one row per channel and interval, got a second row for channel "phone" at 2026-03-02T08:00:00Z (first at line 2)');
    expectHistoryError(() => parseHistoryCsv([...good, "2026-03-02T10:00:00Z,phone,1,2,3"].join("\n"), "h.csv"), "h.csv: line 5: expected 4 fields as in the header, got 5");
  });

  it("empty file", () => {
    for (const text of ["", "\n\n  \n", "\uFEFF"]) {
      expectHistoryError(() => parseHistoryCsv(text, "empty.csv"), 'empty.csv: line 1: expected a header line "timestamp,channel,offered[,handle_minutes]", got an empty file');
    }
  });

  it("not CSV: binary, UTF-16, JSON, broken quotes", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectHistoryError(() => parseHistoryCsv(png, "chart.png"), /^chart\.png: line 1, column 1: expected UTF-8 text \(CSV\), found bytes that are not UTF-8/);
    expectHistoryError(() => parseHistoryCsv(new TextEncoder().encode("timestamp,channel,offered\n2026\u0000"), "z.csv"), /^z\.csv: line 2, column 5: expected CSV text, found control character U\+0000/);
    expectHistoryError(() => parseHistoryCsv(new Uint8Array([0xff, 0xfe, 0x74, 0]), "u16.csv"), 'u16.csv: line 1, column 1: expected UTF-8 text (CSV), got UTF-16 (export the file as "CSV UTF-8")');
    expectHistoryError(() => parseHistoryCsv('{"timestamp": "2026-03-02T08:00:00Z"}\n', "h.json"), /^h\.json: line 1, column 1: expected CSV \(comma-separated fields, "double-quoted" when they contain commas or quotes\), but found a quote inside an unquoted field$/);
    expectHistoryError(() => parseHistoryCsv('timestamp,channel,offered\n2026-03-02T08:00:00Z,"phone,3\n', "h.csv"), /^h\.csv: line 2, column 2: expected CSV .*, but a quoted field is never closed$/);
    expectHistoryError(() => parseHistoryCsv("[1, 2, 3]\n", "a.json"), /^a\.json: line 1, column timestamp: missing; expected a header line/);
  });

  it("files: the path is named; a missing file is an InputError", () => {
    expectHistoryError(() => readHistoryFile("/nonexistent/dir/h.csv"), "/nonexistent/dir/h.csv: cannot read: no such file");
  });

  it("rows built in memory are checked too", () => {
    expectHistoryError(() => fitForecast([]), "expected at least one history row, got none");
    expectHistoryError(() => fitForecast([{ start: new Date(NaN), channel: "x", offered: 1 }]), /column timestamp: expected a valid date/);
    expectHistoryError(() => fitForecast([{ start: new Date(0), channel: "x", offered: -1 }]), "column offered: expected a finite number >= 0, got -1");
  });
});
