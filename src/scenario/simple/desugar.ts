/**
 * The simple form as sugar for the full form (docs/scenario-format.md §13): a validated
 * simple-form scenario → the full-form scenario of the same single queue, which the full
 * validator accepts and `buildSupport` builds:
 *
 *  - one real-time channel named "contacts", always open (no hours), no callbacks, no redials;
 *  - one need type ("contact"), no customers: the arrivals are a forecast stream on the channel,
 *    `ratePerHour` as it is or the `pattern` with its stepMinutes, rates and repeat, starting at
 *    hour 0 like the simple form's;
 *  - one tier named as the simple tier, resolving every contact (`resolve` 1: no repeat
 *    contacts), with its handle time and its `patience` as the patience on "contacts" (none:
 *    customers wait forever);
 *  - one pool named as the tier with its `agents` on the floor at all times (no hours, no
 *    shrinkage, no workforce) and an explicit zero cost (so that `scenarioWarnings` has nothing
 *    to say: a pool without a cost is warned about);
 *  - no self-service and no repeat contacts said outright (`selfService.tryShare` 0,
 *    `repeat.share` 0; forecast arrivals never try the knowledge base and nothing is unresolved
 *    anyway), no costs;
 *  - `timeZone` "UTC" and `start` "2027-01-04T00:00", a Monday: hour 0 is Monday 00:00 and
 *    intervals stay aligned to time 0;
 *  - the run settings after the simple form's defaults, written out: name, description, seed,
 *    replications, horizon hours, warm-up hours, interval minutes and the service-level
 *    threshold — so `runSettings` of the result is the simple form's `runSettings`.
 *
 * What the full form cannot run: a horizon longer than the full model's calendar of months
 * (src/model/costs.ts `MonthClock`: at most 12,000 months, about 1,000 years). The simple form
 * has no such bound; `fullFormOf` reports it as an InputError at `horizon.hours` (a path of the
 * simple file too) rather than build a scenario the full model would refuse when it starts. A
 * warm-up one rounding step short of the horizon (warmupHours × 60 = hours × 60 in floating
 * point) passes the simple form's check but is rejected by the full form's (at
 * `horizon.warmupHours`); the simple engine cannot run it either (an empty measured window).
 */
import { InputError, problem } from "../../errors.js";
import { MonthClock } from "../../time/months.js";
import { parseStartEpochMs } from "../../time/iso.js";
import { HOUR_MINUTES } from "../../time/units.js";
import type { SupportScenario } from "../full/schema.js";
import { DEFAULTS, type Scenario } from "./schema.js";

/** The channel, need type, start and zone of a desugared simple scenario. */
export const SIMPLE_CHANNEL = "contacts";
export const SIMPLE_NEED_TYPE = "contact";
export const SIMPLE_START = "2027-01-04T00:00";
export const SIMPLE_TIME_ZONE = "UTC";

/** Why the full model cannot run `hours` from SIMPLE_START (its calendar of months is bounded), or undefined when it can. */
function horizonProblem(hours: number): string | undefined {
  try {
    new MonthClock(parseStartEpochMs(SIMPLE_START, SIMPLE_TIME_ZONE), SIMPLE_TIME_ZONE, hours * HOUR_MINUTES);
    return undefined;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return `expected a horizon the full model can run (at most 12000 calendar months, about 1000 years), got ${hours}`;
  }
}

/**
 * The full-form scenario of a validated simple-form scenario (plain JSON data: it validates with
 * `validateSupportScenario` and builds with `buildSupport`).
 * @param file the simple scenario's file, for the error message.
 * @throws InputError (path `horizon.hours`) for a horizon longer than the full model runs.
 */
export function fullFormOf(s: Scenario, file?: string): SupportScenario {
  const tooLong = horizonProblem(s.horizon.hours);
  if (tooLong !== undefined) throw new InputError(problem("horizon.hours", tooLong), file);
  const tier = s.tiers[0];
  const a = s.arrivals;
  const stream: NonNullable<SupportScenario["arrivals"]>[number] = a.pattern === undefined
    ? { channel: SIMPLE_CHANNEL, ratePerHour: a.ratePerHour as number }
    : {
        channel: SIMPLE_CHANNEL,
        pattern: {
          stepMinutes: a.pattern.stepMinutes,
          ratesPerHour: [...a.pattern.ratesPerHour],
          ...(a.pattern.repeat === undefined ? {} : { repeat: a.pattern.repeat }),
        },
      };
  return {
    name: s.name,
    ...(s.description === undefined ? {} : { description: s.description }),
    seed: s.seed ?? DEFAULTS.seed,
    replications: s.replications ?? DEFAULTS.replications,
    start: SIMPLE_START,
    timeZone: SIMPLE_TIME_ZONE,
    horizon: {
      hours: s.horizon.hours,
      warmupHours: s.horizon.warmupHours ?? DEFAULTS.warmupHours,
      intervalMinutes: s.horizon.intervalMinutes ?? DEFAULTS.intervalMinutes,
    },
    serviceLevel: { thresholdSeconds: s.serviceLevel?.thresholdSeconds ?? DEFAULTS.thresholdSeconds },
    needTypes: [{ name: SIMPLE_NEED_TYPE, perCustomerPerMonth: 0, channels: { [SIMPLE_CHANNEL]: 1 } }],
    channels: [{ name: SIMPLE_CHANNEL, kind: "realtime" }],
    selfService: { tryShare: 0 },
    repeat: { share: 0 },
    tiers: [{
      name: tier.name,
      handleTime: structuredClone(tier.handleTime),
      ...(tier.patience === undefined ? {} : { patience: { [SIMPLE_CHANNEL]: structuredClone(tier.patience) } }),
      resolve: 1,
    }],
    pools: [{ name: tier.name, tier: tier.name, agents: tier.agents, costPerHour: 0 }],
    arrivals: [stream],
  };
}
