/**
 * Tests of ISO 8601 date-times (src/time/iso.ts): timestamps of data files (an offset is
 * required), and the scenario start (an offset is optional; without one, wall time in the
 * scenario's zone, across both DST changes), with the reasons a text is not a date-time.
 */
import { describe, expect, it } from "vitest";
import { messageOf } from "../../helpers/problems.js";
import { parseIsoTimestamp, parseStartEpochMs } from "../../../src/time/iso.js";

const iso = (ms: number): string => new Date(ms).toISOString();

describe("parseIsoTimestamp", () => {
  it("reads date-times with an offset: Z, ±hh:mm, ±hhmm, a space or t for T, seconds and fractions", () => {
    expect(parseIsoTimestamp("2026-03-02T08:30:00Z")?.toISOString()).toBe("2026-03-02T08:30:00.000Z");
    expect(parseIsoTimestamp("2026-03-02T08:30-05:00")?.toISOString()).toBe("2026-03-02T13:30:00.000Z");
    expect(parseIsoTimestamp("2026-03-02 08:30:00+0100")?.toISOString()).toBe("2026-03-02T07:30:00.000Z");
    expect(parseIsoTimestamp("2026-03-02t08:30:00.1234z")?.toISOString()).toBe("2026-03-02T08:30:00.123Z");
    expect(parseIsoTimestamp("2026-03-02T08:30:59,9996Z")?.toISOString()).toBe("2026-03-02T08:31:00.000Z"); // rounded to the ms
    expect(parseIsoTimestamp("2028-02-29T00:00Z")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(parseIsoTimestamp("0099-12-31T23:59Z")?.toISOString()).toBe("0099-12-31T23:59:00.000Z");
  });

  it("rejects a time without an offset, an offset without minutes, a date alone, and impossible dates", () => {
    for (const bad of ["2026-03-02T08:30", "2026-03-02T08:30+01", "2026-03-02", "2026-03-02Z", "2026-02-29T08:30Z", "2026-13-01T00:00Z", "2026-04-31T00:00Z",
      "2026-03-02T24:00Z", "2026-03-02T08:60Z", "2026-03-02T08:30:60Z", "2026-03-02T08:30+24:00", "2026-03-02T08:30+01:60", " 2026-03-02T08:30Z", "yesterday", ""]) {
      expect(parseIsoTimestamp(bad), bad).toBeUndefined();
    }
  });
});

describe("parseStartEpochMs", () => {
  const CHICAGO = "America/Chicago";

  it("with an offset, that instant, whatever the zone", () => {
    expect(parseStartEpochMs("2027-01-04T06:00:00Z", CHICAGO)).toBe(Date.UTC(2027, 0, 4, 6));
    expect(parseStartEpochMs("2027-01-04T08:00+05:30", "UTC")).toBe(Date.UTC(2027, 0, 4, 2, 30));
    expect(parseStartEpochMs("2027-01-04T08:00-03", "UTC")).toBe(Date.UTC(2027, 0, 4, 11));
    expect(parseStartEpochMs("2027-01-04T08:00:30.25Z", CHICAGO)).toBe(Date.UTC(2027, 0, 4, 8, 0, 30, 250));
    expect(parseStartEpochMs("2027-01-04Z", CHICAGO)).toBe(Date.UTC(2027, 0, 4));
  });

  it("without one, wall time in the zone: a date is its local midnight; DST gaps move forward, overlaps take the earlier instant", () => {
    expect(iso(parseStartEpochMs("2027-01-04", CHICAGO))).toBe("2027-01-04T06:00:00.000Z");
    expect(iso(parseStartEpochMs(" 2027-01-04 08:00 ", CHICAGO))).toBe("2027-01-04T14:00:00.000Z");
    expect(iso(parseStartEpochMs("2027-07-04T08:00", CHICAGO))).toBe("2027-07-04T13:00:00.000Z");
    expect(iso(parseStartEpochMs("2027-03-14T02:30", CHICAGO))).toBe("2027-03-14T08:30:00.000Z"); // 03:30 CDT
    expect(iso(parseStartEpochMs("2027-11-07T01:30", CHICAGO))).toBe("2027-11-07T06:30:00.000Z"); // 01:30 CDT
    expect(iso(parseStartEpochMs("2027-11-07T02:00", CHICAGO))).toBe("2027-11-07T08:00:00.000Z");
    expect(iso(parseStartEpochMs("2027-02-01", "Asia/Manila"))).toBe("2027-01-31T16:00:00.000Z");
  });

  it("says what was expected and why the text is not it, on one line", () => {
    const cases: [string, RegExp][] = [
      ["next Monday", /^expected an ISO 8601 date-time such as "2025-03-03T08:00" or "2025-03-03T08:00:00Z", got "next Monday"$/],
      ["2027-02-30", /got "2027-02-30" \(day 30 does not exist in 2027-02\)$/],
      ["2027-13-01", /\(month 13 is not 1\.\.12\)$/],
      ["2027-01-04T24:00", /\(hour 24 is not 0\.\.23\)$/],
      ["2027-01-04T08:60", /\(minute 60 is not 0\.\.59\)$/],
      ["2027-01-04T08:00:61", /\(second 61 is not 0\.\.59\)$/],
      ["2027-01-04T08:00+25:00", /\(bad offset\)$/],
      ["2027-01-04t08:00", /got "2027-01-04t08:00"$/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseStartEpochMs(text, CHICAGO), text).toThrow(RangeError);
      expect(messageOf(() => parseStartEpochMs(text, CHICAGO)), text).toMatch(message);
    }
    expect(messageOf(() => parseStartEpochMs(20270104 as unknown as string, CHICAGO))).toMatch(/got 20270104$/);
    expect(messageOf(() => parseStartEpochMs("2027-01-04", "Mars/Olympus"))).toMatch(/unknown time zone "Mars\/Olympus"/);
  });
});
