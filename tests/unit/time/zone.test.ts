/**
 * Tests of the time-zone clock (src/time/zone.ts), the one implementation of local time:
 * local parts of an instant, a local wall time to an instant (a gap moves forward by its
 * length, an overlap takes the earlier instant) on the days of both DST changes, zones that
 * change at midnight or on the quarter hour, formatting, and the exactness of the cached
 * offsets against Intl minute by minute.
 */
import { describe, expect, it } from "vitest";
import { TimeZoneClock, utcMs, weekdayOfDay } from "../../../src/time/zone.js";

const utc = (s: string): number => new Date(s).getTime();
const iso = (ms: number): string => new Date(ms).toISOString();
const MIN = 60_000;

/** The offset at an instant straight from Intl (no cache): the reference. */
function intlOffset(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(ms);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Math.round((Date.UTC(n("year"), n("month") - 1, n("day"), n("hour") % 24, n("minute"), n("second")) - ms) / MIN);
}

describe("America/Chicago across both DST changes of 2027", () => {
  const clock = new TimeZoneClock("America/Chicago");

  it("local parts of an instant: CST before 14 March 02:00, CDT after, CST again from 7 November 02:00", () => {
    expect(clock.local(utc("2027-03-14T07:59:00Z"))).toMatchObject({ dayOfWeek: 6, minuteOfDay: 60 + 59, offsetMinutes: -360 });
    expect(clock.local(utc("2027-03-14T08:00:00Z"))).toMatchObject({ dayOfWeek: 6, minuteOfDay: 3 * 60, offsetMinutes: -300 });
    expect(clock.local(utc("2027-11-07T06:59:00Z"))).toMatchObject({ minuteOfDay: 60 + 59, offsetMinutes: -300 });
    expect(clock.local(utc("2027-11-07T07:00:00Z"))).toMatchObject({ minuteOfDay: 60, offsetMinutes: -360 });
    const lt = clock.local(utc("2027-01-04T06:00:00Z"));
    expect(lt.dayNumber).toBe(Date.UTC(2027, 0, 4) / 86_400_000);
    expect(lt.dayOfWeek).toBe(0); // a Monday
    expect(lt.localMs).toBe(Date.UTC(2027, 0, 4));
  });

  it("a wall time to an instant: a gap moves forward by its length, an overlap takes the earlier instant", () => {
    expect(iso(clock.instantOf(Date.UTC(2027, 2, 14, 1, 59)))).toBe("2027-03-14T07:59:00.000Z");
    expect(iso(clock.instantOf(Date.UTC(2027, 2, 14, 2, 0)))).toBe("2027-03-14T08:00:00.000Z"); // 02:00 does not exist: 03:00 CDT
    expect(iso(clock.instantOf(Date.UTC(2027, 2, 14, 2, 30)))).toBe("2027-03-14T08:30:00.000Z"); // 03:30 CDT
    expect(iso(clock.instantOf(Date.UTC(2027, 2, 14, 3, 0)))).toBe("2027-03-14T08:00:00.000Z");
    expect(iso(clock.instantOf(Date.UTC(2027, 10, 7, 1, 30)))).toBe("2027-11-07T06:30:00.000Z"); // 01:30 CDT, not CST
    expect(iso(clock.instantOf(Date.UTC(2027, 10, 7, 2, 0)))).toBe("2027-11-07T08:00:00.000Z");
    // the local days of the changes are 23 and 25 hours long
    const length = (y: number, m: number, d: number) => (clock.instantOf(Date.UTC(y, m, d + 1)) - clock.instantOf(Date.UTC(y, m, d))) / 3_600_000;
    expect([length(2027, 2, 13), length(2027, 2, 14), length(2027, 10, 7)]).toEqual([24, 23, 25]);
  });

  it("every instant of the change days maps to its local time and back (outside the repeated hour)", () => {
    for (const day of [utc("2027-03-14T00:00:00Z"), utc("2027-11-07T00:00:00Z")]) {
      for (let ms = day; ms < day + 86_400_000; ms += 7 * MIN) {
        const lt = clock.local(ms);
        const back = clock.instantOf(lt.localMs);
        expect(back === ms || back === ms - 3_600_000, iso(ms)).toBe(true); // the repeated hour maps to its first occurrence
        expect(lt.offsetMinutes).toBe(intlOffset("America/Chicago", ms));
      }
    }
  });

  it("formats instants with their local offset", () => {
    expect(clock.formatIso(utc("2027-03-14T07:59:00Z"))).toBe("2027-03-14T01:59:00-06:00");
    expect(clock.formatIso(utc("2027-03-14T08:00:00Z"))).toBe("2027-03-14T03:00:00-05:00");
    expect(clock.formatIso(utc("2027-03-14T08:00:00.250Z"))).toBe("2027-03-14T03:00:00.250-05:00");
    expect(new TimeZoneClock().formatIso(utc("2027-03-14T08:00:00Z"))).toBe("2027-03-14T08:00:00Z");
    expect(new TimeZoneClock("Asia/Kolkata").formatIso(utc("2027-03-14T08:00:00Z"))).toBe("2027-03-14T13:30:00+05:30");
  });
});

describe("other zones", () => {
  it("the southern hemisphere, Dublin's negative DST, and Manila without DST", () => {
    const sydney = new TimeZoneClock("Australia/Sydney");
    expect(sydney.offsetMinutes(utc("2027-01-15T00:00:00Z"))).toBe(660);
    expect(sydney.offsetMinutes(utc("2027-07-15T00:00:00Z"))).toBe(600);
    const dublin = new TimeZoneClock("Europe/Dublin");
    expect(dublin.offsetMinutes(utc("2027-01-15T00:00:00Z"))).toBe(0);
    expect(dublin.offsetMinutes(utc("2027-07-15T00:00:00Z"))).toBe(60);
    expect(iso(dublin.instantOf(Date.UTC(2027, 2, 28, 1, 30)))).toBe("2027-03-28T01:30:00.000Z"); // in the gap 01:00–02:00: 02:30 IST
    const manila = new TimeZoneClock("Asia/Manila");
    for (const m of [0, 3, 6, 9]) expect(manila.offsetMinutes(Date.UTC(2027, m, 1))).toBe(480);
  });

  it("a change at midnight (Santiago) and on a quarter hour (Kathmandu in 1986) is exact to the minute", () => {
    // Chile springs forward at 24:00 local: the day starts at 01:00
    const santiago = new TimeZoneClock("America/Santiago");
    const changeDays = [utc("2026-09-06T00:00:00Z"), utc("2027-04-04T00:00:00Z")];
    for (const day of changeDays) {
      for (let ms = day - 86_400_000; ms < day + 86_400_000; ms += 13 * MIN) expect(santiago.offsetMinutes(ms), iso(ms)).toBe(intlOffset("America/Santiago", ms));
    }
    const kathmandu = new TimeZoneClock("Asia/Kathmandu");
    const change = utc("1985-12-31T18:30:00Z"); // +05:30 → +05:45
    expect(kathmandu.offsetMinutes(change - MIN)).toBe(330);
    expect(kathmandu.offsetMinutes(change)).toBe(345);
  });

  it("clocks of one zone share their cache and agree; UTC needs no Intl", () => {
    const a = new TimeZoneClock("Europe/Paris"), b = new TimeZoneClock("Europe/Paris");
    for (let ms = utc("2027-03-27T00:00:00Z"); ms < utc("2027-03-29T00:00:00Z"); ms += 11 * MIN) expect(a.local(ms)).toEqual(b.local(ms));
    const u = new TimeZoneClock();
    expect(u.timeZone).toBe("UTC");
    expect(u.offsetMinutes(123_456_789)).toBe(0);
    expect(u.instantOf(123_456_789)).toBe(123_456_789);
  });

  it("keeps the name given, and knows the canonical one; an unknown zone is a RangeError naming it", () => {
    expect(new TimeZoneClock("America/Chicago").timeZone).toBe("America/Chicago");
    expect(new TimeZoneClock("america/chicago").canonical).toBe("America/Chicago");
    expect(() => new TimeZoneClock("Mars/Olympus")).toThrow(RangeError);
    expect(() => new TimeZoneClock("Mars/Olympus")).toThrow('unknown time zone "Mars/Olympus": expected an IANA name such as "UTC", "Europe/Berlin" or "America/New_York"');
  });
});

describe("calendar helpers", () => {
  it("utcMs is valid for every year, including < 100; weekdays count from Monday", () => {
    expect(utcMs(2027, 1, 4)).toBe(Date.UTC(2027, 0, 4));
    expect(new Date(utcMs(50, 3, 1, 12)).toISOString()).toBe("0050-03-01T12:00:00.000Z");
    expect(utcMs(2027, 13, 1)).toBe(Date.UTC(2028, 0, 1));
    expect(weekdayOfDay(0)).toBe(3); // 1970-01-01, a Thursday
    expect(weekdayOfDay(-1)).toBe(2);
    expect(weekdayOfDay(Date.UTC(2027, 0, 4) / 86_400_000)).toBe(0);
  });
});
