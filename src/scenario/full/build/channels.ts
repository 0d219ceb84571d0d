/**
 * Need types and channels in model units: a need type's rate per customer per minute (per
 * month / 43830), its severity level and its preference weight for each channel (by index);
 * a channel's entry tier (by index), opening hours (WeeklyHours), response target (hours × 60),
 * initial expected wait (the service-level threshold on real-time channels, the response target
 * on deferred ones), callback and redial.
 */
import type { ChannelConfig, NeedTypeConfig } from "../../../model/config.js";
import { MONTH_MINUTES } from "../../../time/units.js";
import { durationSpec } from "../../duration.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import { weeklyHours } from "../hours.js";
import type { SupportScenario } from "../schema.js";
import { SEVERITIES } from "../schema/needs.js";
import { nameIndex, type BuildContext } from "./context.js";

export function needTypeConfigs(s: SupportScenario, { chanNames }: BuildContext): NeedTypeConfig[] {
  return s.needTypes.map((n) => ({
    name: n.name,
    ratePerMinute: n.perCustomerPerMonth / MONTH_MINUTES,
    driver: n.driver ?? D.needType.driver,
    severity: SEVERITIES.indexOf(n.severity ?? D.needType.severity),
    channelPreference: chanNames.map((c) => (Object.hasOwn(n.channels, c) ? n.channels[c] : 0)),
    kbCoverage: n.kbCoverage ?? D.needType.kbCoverage,
  }));
}

export function channelConfigs(s: SupportScenario, { tierNames, threshold }: BuildContext): ChannelConfig[] {
  return s.channels.map((c) => {
    const realtime = c.kind === "realtime";
    const responseTarget = realtime ? undefined : (c.responseTargetHours ?? D.channel.responseTargetHours) * 60;
    const out: ChannelConfig = {
      name: c.name,
      kind: c.kind,
      entryTier: c.entryTier === undefined ? 0 : nameIndex(tierNames, c.entryTier, "tier"),
      waitWeightPerMinute: c.waitWeightPerMinute ?? D.channel.waitWeightPerMinute[c.kind],
      initialExpectedWait: c.expectedWaitMinutes ?? (realtime ? threshold : (responseTarget as number)),
      expectedWaitGiven: c.expectedWaitMinutes !== undefined,
      abandonPenalty: c.abandonPenaltyMinutes ?? D.channel.abandonPenaltyMinutes[c.kind],
      dissatisfactionWeight: c.dissatisfactionWeight ?? D.channel.dissatisfactionWeight,
    };
    const hours = weeklyHours(c.hours);
    if (hours !== undefined) out.hours = hours;
    if (responseTarget !== undefined) out.responseTarget = responseTarget;
    if (c.callback !== undefined) out.callback = { afterPredictedWait: c.callback.afterPredictedWaitMinutes, acceptShare: c.callback.acceptShare };
    if (c.redial !== undefined) out.redial = { share: c.redial.share, delay: durationSpec(c.redial.delay) };
    return out;
  });
}
