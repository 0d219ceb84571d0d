/**
 * Checks of dates: a fix starts on a date or after a number of requests (with a lead time), not
 * both; every date — releases, hotfixes and notices (not before their release), fixes, a vendor's
 * start, hiring plans and freezes, the start of KCS and of problem management — parses in the
 * scenario's zone and lies within [start, start + horizon] (what happened before the start is
 * the state at the start, not an event).
 */
import type { TimeZoneClock } from "../../../time/zone.js";
import { parseStartEpochMs } from "../../../time/iso.js";
import { localText } from "../../../time/localText.js";
import { MINUTE_MS } from "../../../time/units.js";
import { show } from "../../fields.js";
import type { SupportScenarioShape } from "../schema/scenario.js";
import type { Path, Report } from "./report.js";
import type { TimeFrame } from "./time.js";

export function checkFixTriggers(s: SupportScenarioShape, r: Report): void {
  (s.quality?.fixes ?? []).forEach((f, i) => {
    const at: Path = ["quality", "fixes", i];
    if ((f.date === undefined) === (f.afterRequests === undefined)) {
      r.issue(at, `expected exactly one of date or afterRequests (with leadDays), got ${f.date === undefined ? "neither" : "both"}`);
    } else if (f.date !== undefined && f.leadDays !== undefined) {
      r.issue([...at, "leadDays"], `expected leadDays only with afterRequests (a fix with a date starts then), got ${f.leadDays}`);
    }
  });
}

/** Every date within the horizon (only when the time frame is valid). */
export function checkDates(s: SupportScenarioShape, r: Report, { timeZone, clock, startMs, horizon: H }: TimeFrame): void {
  if (clock === undefined || startMs === undefined || H === undefined) return;
  const endMs = startMs + H * MINUTE_MS;
  const range = `${localText(clock, startMs)} to ${localText(clock, endMs)} (${timeZone})`;
  const date = (v: string | undefined, path: Path, notBefore?: { ms: number; what: string }): number | undefined => {
    if (v === undefined) return undefined;
    let ms: number;
    try {
      ms = parseStartEpochMs(v, timeZone);
    } catch {
      r.issue(path, `expected an ISO date such as "2027-01-20" or a date-time such as "2027-01-20T09:00", got ${show(v)}`);
      return undefined;
    }
    if (ms < startMs || ms > endMs) {
      r.issue(path, `expected a date within the horizon, ${range}, got ${show(v)}`);
      return undefined;
    }
    if (notBefore !== undefined && ms < notBefore.ms) {
      r.issue(path, `expected a date on or after ${notBefore.what}, got ${show(v)}`);
    }
    return ms;
  };
  (s.quality?.releases ?? []).forEach((rel, i) => {
    const at: Path = ["quality", "releases", i];
    const ms = date(rel.date, [...at, "date"]);
    const after = ms === undefined ? undefined : { ms, what: `the release date (${rel.date})` };
    date(rel.hotfix?.date, [...at, "hotfix", "date"], after);
    date(rel.notify?.date, [...at, "notify", "date"], after);
  });
  (s.quality?.fixes ?? []).forEach((f, i) => date(f.date, ["quality", "fixes", i, "date"]));
  s.pools.forEach((p, i) => {
    const at: Path = ["pools", i];
    date(p.vendor?.start, [...at, "vendor", "start"]);
    p.workforce?.hiring?.plan?.forEach((h, j) => date(h.date, [...at, "workforce", "hiring", "plan", j, "date"]));
    date(p.workforce?.hiring?.freezeFrom, [...at, "workforce", "hiring", "freezeFrom"]);
  });
  date(s.kcs?.start, ["kcs", "start"]);
  date(s.problemManagement?.start, ["problemManagement", "start"]);
  date(s.customerTraining?.start, ["customerTraining", "start"]);
}
