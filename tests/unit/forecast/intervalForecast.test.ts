/**
 * The per-interval forecast file of `erlang staff --forecast` (src/forecast/intervalForecast.ts):
 * the three kinds of start, the interval length, and the bad-input contract — every bad file is
 * one InputError whose one line names the file, the line and the column, never another error
 * (fuzzed with fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { parseIntervalForecastCsv, readIntervalForecastFile } from "../../../src/forecast/intervalForecast.js";

const parse = (text: string, intervalMinutes?: number) => parseIntervalForecastCsv(text, "f.csv", { intervalMinutes });
/** The one line of the InputError that `f` throws. */
function errorLine(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const lines = (e as InputError).lines();
    expect(lines).toHaveLength(1);
    return lines[0];
  }
  throw new Error("expected an InputError");
}

describe("reading a forecast file", () => {
  it("reads date-times, finds the interval length and keeps the start as written", () => {
    const f = parse("start,volume,aht_seconds\n2026-04-06T08:00,10,300\n2026-04-06T08:30,12.5,280\n2026-04-06T10:00,0,\n");
    expect(f.startKind).toBe("date-time");
    expect(f.intervalMinutes).toBe(30);
    expect(f.hasPatience).toBe(false);
    expect(f.intervals.map((r) => [r.label, r.volume, r.ahtSeconds, r.line])).toEqual([
      ["2026-04-06T08:00", 10, 300, 2], ["2026-04-06T08:30", 12.5, 280, 3], ["2026-04-06T10:00", 0, undefined, 4],
    ]);
    expect(f.intervals[2].startMinutes - f.intervals[0].startMinutes).toBe(120); // a gap: intervals not staffed
  });

  it("reads times of day (past midnight: the next day), with a BOM, quotes, other columns and a patience column", () => {
    const f = parse('\uFEFFStart,Volume,note,AHT_Seconds,patience_seconds\n23:30,4,"late, quiet",300,60\n0:00,3,x,300,\n');
    expect(f.startKind).toBe("time of day");
    expect(f.intervalMinutes).toBe(30);
    expect(f.hasPatience).toBe(true);
    expect(f.intervals.map((r) => [r.startMinutes, r.patienceSeconds])).toEqual([[1410, 60], [1440, undefined]]);
  });

  it("reads interval numbers with the length given", () => {
    const f = parse("start,volume,aht_seconds\n0,1,60\n1,2,60\n3,3,60\n", 15);
    expect(f.startKind).toBe("interval number");
    expect(f.intervals.map((r) => r.startMinutes)).toEqual([0, 15, 45]);
  });

  it("takes a given length over the data's, and checks the starts against it", () => {
    expect(parse("start,volume,aht_seconds\n08:00,1,60\n09:00,1,60\n", 30).intervalMinutes).toBe(30);
    expect(errorLine(() => parse("start,volume,aht_seconds\n08:00,1,60\n08:20,1,60\n", 30))).toBe(
      'f.csv: line 3, column start: expected the start of a 30-minute interval (a whole number of intervals after "08:00", line 2), got "08:20"',
    );
  });

  const bad: [string, string, number | undefined, string][] = [
    ["a negative volume", "start,volume,aht_seconds\n08:00,10,300\n08:30,-4,300\n", undefined, 'f.csv: line 3, column volume: expected a number >= 0 (contacts offered in the interval), got "-4"'],
    ["an AHT that is not a number", "start,volume,aht_seconds\n08:00,10,5 min\n", 30, 'f.csv: line 2, column aht_seconds: expected a number > 0 (seconds), got "5 min"'],
    ["an empty AHT with volume", "start,volume,aht_seconds\n08:00,10,\n", 30, 'f.csv: line 2, column aht_seconds: expected a number > 0 (seconds), got ""'],
    ["a zero patience", "start,volume,aht_seconds,patience_seconds\n08:00,10,300,0\n", 30, 'f.csv: line 2, column patience_seconds: expected a number > 0 (seconds) or an empty cell, got "0"'],
    ["a misspelt column", "start,volumes,aht_seconds\n08:00,10,300\n", 30, 'f.csv: line 1, column 2: unknown column "volumes": did you mean "volume"?'],
    ["a missing column", "start,volume\n08:00,10\n", 30, 'f.csv: line 1, column aht_seconds: missing; expected a header line "start,volume,aht_seconds[,patience_seconds]", got "start,volume"'],
    ["no rows", "start,volume,aht_seconds\n", 30, "f.csv: line 2: expected at least one interval after the header, got none"],
    ["an empty file", "", 30, 'f.csv: line 1: expected a header line "start,volume,aht_seconds[,patience_seconds]", got an empty file'],
    ["a short row", "start,volume,aht_seconds\n08:00,10\n", 30, "f.csv: line 2: expected 3 fields as in the header, got 2"],
    ["a start that is none of the kinds", "start,volume,aht_seconds\nMonday,10,300\n", 30, 'f.csv: line 2, column start: expected a date-time (2026-04-06T08:00), a time of day (08:00) or an interval number (0, 1, …), got "Monday"'],
    ["kinds mixed", "start,volume,aht_seconds\n08:00,10,300\n2026-04-06T08:30,10,300\n", 30, 'f.csv: line 3, column start: expected a time of day like the first row\'s ("08:00"), got "2026-04-06T08:30"'],
    ["a time of day out of range", "start,volume,aht_seconds\n08:00,10,300\n24:00,10,300\n", 30, 'f.csv: line 3, column start: expected a time of day like the first row\'s ("08:00"), got "24:00"'],
    ["date-times out of order", "start,volume,aht_seconds\n2026-04-06T08:30,1,60\n2026-04-06T08:00,1,60\n", 30, 'f.csv: line 3, column start: expected starts in increasing order, one row per interval; got "2026-04-06T08:00" after "2026-04-06T08:30" (line 2)'],
    ["interval numbers without a length", "start,volume,aht_seconds\n0,1,60\n", undefined, "f.csv: line 2, column start: the starts are interval numbers: give the interval length (--interval-minutes)"],
    ["one row without a length", "start,volume,aht_seconds\n08:00,1,60\n", undefined, "f.csv: line 2, column start: cannot tell the interval length from one row: give it (--interval-minutes)"],
    ["an unclosed quote", 'start,volume,aht_seconds\n"08:00,1,60\n', 30, 'f.csv: line 2, column 1: expected CSV (comma-separated fields, "double-quoted" when they contain commas or quotes), but a quoted field is never closed'],
  ];
  for (const [what, text, minutes, line] of bad) {
    it(`rejects ${what} in one line naming the file, line and column`, () => {
      expect(errorLine(() => parse(text, minutes))).toBe(line);
    });
  }

  it("names a file it cannot read", () => {
    expect(errorLine(() => readIntervalForecastFile("no/such/forecast.csv"))).toBe("no/such/forecast.csv: cannot read: no such file");
  });

  it("fuzzed: any text or bytes is a forecast or one InputError line, never a crash", () => {
    const cell = fc.oneof(
      fc.constantFrom("08:00", "08:30", "23:30", "0", "1", "2026-04-06T08:00", "2026-04-06T08:30Z", "10", "0", "-1", "1e3", "", "x", '"', '"a,b"', "NaN", "Infinity", ".5", "300"),
      fc.string({ maxLength: 8 }),
    );
    const header = fc.constantFrom("start,volume,aht_seconds", "start,volume,aht_seconds,patience_seconds", "volume,start,aht_seconds", "start,volume,aht", "start;volume;aht_seconds", "");
    const text = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 5 }).map((r) => r.join(",")), { maxLength: 8 }), fc.constantFrom("\n", "\r\n")).map(([h, rows, nl]) => [h, ...rows].join(nl));
    const input = fc.oneof(text, fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }));
    fc.assert(
      fc.property(input, fc.option(fc.constantFrom(15, 30, 45, 60), { nil: undefined }), (inp, minutes) => {
        try {
          const f = parseIntervalForecastCsv(inp, "f.csv", { intervalMinutes: minutes });
          expect(f.intervals.length).toBeGreaterThan(0);
          expect(f.intervalMinutes).toBeGreaterThan(0);
          for (const r of f.intervals) expect(r.volume >= 0 && (r.ahtSeconds === undefined ? r.volume === 0 : r.ahtSeconds > 0)).toBe(true);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.lines()).toHaveLength(1);
          expect(e.lines()[0]).toMatch(/^f\.csv: /);
          expect(e.lines()[0]).not.toContain("\n");
        }
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
});
