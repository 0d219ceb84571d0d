/**
 * Agent pools (`pools`): the tier a pool serves and its skills, its schedule (agents with
 * optional hours, shifts with breaks, or a staffing table, in local time of its zone), its
 * efficiency factors, its cost, and optionally the workforce and vendor behind it.
 */
import * as z from "zod";
import { expecting, integerAtLeast, LIMITS, name, nonNegative, object, positive, positiveAtMost, shareBelowOne, unitFraction, upTo } from "../../fields.js";
import { atLeastOne, clockText, closeAfterOpen, daysText, hoursList, someNames } from "./fields.js";
import { VendorSchema } from "./vendors.js";
import { WorkforceSchema } from "./workforce.js";

/** A break of every agent of a shift: `minutes` long, `afterHours` into the shift, staggered over `staggerMinutes`. */
export const BreakSchema = object({
  afterHours: nonNegative("hours into the shift"),
  minutes: positive("minutes"),
  staggerMinutes: nonNegative("minutes").optional(),
});

/** A shift pattern: `agents` agents from `start` (local) for `lengthHours` on each of `days`. */
export const ShiftSchema = object({
  name: name(),
  days: daysText(),
  start: clockText(),
  lengthHours: positiveAtMost(24, "a shift length > 0 and <= 24 (hours, breaks included)"),
  agents: upTo(integerAtLeast(0, "a whole number of agents >= 0"), LIMITS.agents, `a whole number of agents, at most ${LIMITS.agents}`),
  breaks: z.array(BreakSchema, expecting('a list of breaks such as { "afterHours": 2, "minutes": 15 }')).optional(),
});

/** One row of a weekly staffing table: `agents` scheduled from `open` to `close` (local) on `days`; rows add up. */
export const StaffingRowSchema = object({
  days: daysText(),
  open: clockText(),
  close: clockText(),
  agents: upTo(integerAtLeast(0, "a whole number of agents >= 0"), LIMITS.agents, `a whole number of agents, at most ${LIMITS.agents}`),
}).superRefine(closeAfterOpen);

export const PoolSchema = object({
  name: name(),
  tier: name(),
  agents: upTo(integerAtLeast(0, "a whole number of agents >= 0"), LIMITS.agents, `a whole number of agents, at most ${LIMITS.agents}`).optional(),
  shifts: z.array(ShiftSchema, expecting("a list of shifts")).min(1, atLeastOne("shift")).optional(),
  staffingTable: z.array(StaffingRowSchema, expecting('a list of staffing rows such as { "days": "Mon-Fri", "open": "08:00", "close": "10:00", "agents": 6 }')).min(1, atLeastOne("staffing row")).optional(),
  needTypes: someNames("need type").optional(),
  channels: someNames("channel").optional(),
  concurrency: integerAtLeast(1, "a whole number >= 1 (items an agent works at once)").optional(),
  stretch: nonNegative("relative handle-time increase per extra concurrent item").optional(),
  hours: hoursList().optional(),
  timeZone: name().optional(),
  shrinkage: shareBelowOne("a share of scheduled time >= 0 and < 1").optional(),
  occupancyCap: unitFraction("an occupancy > 0 and <= 1").optional(),
  reserveForLive: upTo(integerAtLeast(0, "a whole number of agents >= 0 kept idle for live work"), LIMITS.agents, `a whole number of agents, at most ${LIMITS.agents}`).optional(),
  handleTimeFactor: positive("times the tier's handle time").optional(),
  resolveFactor: nonNegative("times the tier's resolution probability").optional(),
  costPerHour: nonNegative("currency units per paid agent hour").optional(),
  overtimeRate: nonNegative("a multiple of the hourly cost").optional(),
  cost: object({
    wagePerHour: nonNegative("currency units per paid hour"),
    benefits: nonNegative("a share of the wage").optional(),
    overhead: nonNegative("a share of the wage").optional(),
  }).optional(),
  workforce: WorkforceSchema.optional(),
  vendor: VendorSchema.optional(),
});
