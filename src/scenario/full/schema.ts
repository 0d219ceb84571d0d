/**
 * The FULL scenario format (the support-demand model): customers and their needs, channels,
 * tiers, agent pools, releases and fixes, with dates in a time zone. A scenario file is in
 * this form when it has a top-level `channels` field; otherwise it is the simple single-queue
 * form of ../simple/schema.ts.
 *
 * As for the simple form, the validator is this zod schema and the JSON Schema for editors is
 * generated from it. Every problem is one line "path: expected X, got Y" (or "unknown …;
 * expected one of …" with a did-you-mean), all problems are collected at once, and unknown
 * fields are errors. Units are in the field names (…Days, …Hours, …Minutes, …PerMonth,
 * …PerYear); ./build.ts turns a valid file into the model's `SupportConfig` (minutes).
 *
 * Type errors stop the cross-field checks (references by name, shares, routing, reachable
 * work, dates): zod runs them only once every field has the right type, so a file is fixed in
 * at most two rounds and no problem is reported twice.
 *
 * The fields are declared section by section in ./schema/ (./schema/scenario.ts puts them
 * together), the cross-field checks topic by topic in ./checks/ (./checks/crossCheck.ts).
 *
 * Conventions fixed here (see `SUPPORT_DEFAULTS` in ./defaults.ts for the defaults):
 *  - a month is 525960 / 12 = 43830 minutes, a year 525960 minutes (365.25 days), a day 1440;
 *  - `churnPerYear` is the probability (0 <= p < 1) that a customer leaves within a year; the
 *    model's constant hazard is −ln(1 − p) / 525960 per minute (so p = 0.1 is 0.105 a year);
 *  - dates ("2027-01-20", local midnight, or a date-time; with an offset it is that instant,
 *    without one a wall-clock time in `timeZone`) must lie in [start, start + horizon];
 *  - `horizon.days` counts 24-hour days (1440 minutes), not calendar days across DST;
 *  - the dates of issue 4 (a vendor's `start`, hiring-plan dates, `hiring.freezeFrom`,
 *    `kcs.start`, `problemManagement.start`) must lie in [start, start + horizon] too: what
 *    happened before the start is the state at the start (headcount, coverage), not an event;
 *  - a pool has exactly one schedule: `agents` (with optional `hours`, the simple form),
 *    `shifts` or `staffingTable`, in local time of the pool's own `timeZone` (default the
 *    scenario's); shifts are checked here (start on the day, breaks within the shift and one
 *    after the other for every agent of the stagger) and by the staffing model's
 *    `scheduleProblems` once every field is in range;
 *  - money is in `currency` units; a pool without a cost is valid (0) but warned about
 *    (`scenarioWarnings` in ./warnings.ts).
 */
import * as z from "zod";
import { crossCheck } from "./checks/crossCheck.js";
import { SupportScenarioObject } from "./schema/scenario.js";

/** The full form: its fields, then the cross-field checks. */
export const SupportScenarioSchema = SupportScenarioObject.superRefine((s, ctx) => crossCheck(s, ctx));

export type SupportScenario = z.infer<typeof SupportScenarioSchema>;

/** The JSON Schema of the full scenario format (for editors and `supportsim schema`). */
export function supportScenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SupportScenarioSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return { ...schema, title: "supportsim scenario (full form)" };
}
