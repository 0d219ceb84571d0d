/**
 * The calendar of the month and ledger tests (tests/unit/time/months.test.ts,
 * tests/unit/model/costs.test.ts): t = 0 is 2027-01-04 00:00 in America/Chicago (CST, UTC−6).
 * Local month starts, in minutes since t = 0 (D = 1440):
 *   Jan 2027  −3·D            = −4,320   (January 1 is three days before the start)
 *   Feb 2027  −4,320 + 31·D   = 40,320
 *   Mar 2027  40,320 + 28·D   = 80,640
 *   Apr 2027  80,640 + 31·D − 60 = 125,220   (DST starts Sunday 2027-03-14: March loses an hour)
 *   …
 *   Nov 2027  starts after the spring hour was lost; DST ends Sunday 2027-11-07: 30·D + 60
 *   Jan 2028  −4,320 + 365·D  = 521,280  (the hour lost in March comes back in November)
 */
import { parseStartEpochMs } from "../../src/time/iso.js";

export const D = 1440;
export const TZ = "America/Chicago";
export const START = parseStartEpochMs("2027-01-04", TZ);
export const JAN = -3 * D, FEB = JAN + 31 * D, MAR = FEB + 28 * D, APR = MAR + 31 * D - 60;
/** 2028-01-01 00:00 local. */
export const YEAR_END = JAN + 365 * D;
