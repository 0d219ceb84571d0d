/** An outsourcing vendor in model units: fee per month / 43830 per minute, seconds and days to minutes, its start as minutes since the start (0 by default). */
import type { VendorConfig } from "../../../model/config.js";
import { DAY_MINUTES, MONTH_MINUTES } from "../../../time/units.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import type { SupportScenario } from "../schema.js";

export function vendorConfig(v: NonNullable<SupportScenario["pools"][number]["vendor"]>, toT: (date: string) => number): VendorConfig {
  const V = D.vendor;
  return {
    costPerHour: v.costPerHour ?? V.costPerHour,
    costPerContact: v.costPerContact ?? V.costPerContact,
    feePerMinute: (v.feePerMonth ?? V.feePerMonth) / MONTH_MINUTES,
    routing: v.routing ?? V.routing,
    share: v.share ?? 0,
    overflowAfter: (v.overflowAfterSeconds ?? 0) / 60,
    start: v.start === undefined ? 0 : toT(v.start),
    transition: (v.transitionDays ?? V.transitionDays) * DAY_MINUTES,
    initialProficiency: v.initialProficiency ?? V.initialProficiency,
    experiencePenalty: v.experiencePenalty ?? V.experiencePenalty,
  };
}
