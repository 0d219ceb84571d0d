/**
 * Tiers in model units: the handle time of each work type (need type × channels + channel; an
 * override or undefined for the tier's own), patience by channel, resolution by need type, and
 * the next tier by index.
 */
import type { Duration, SupportTierConfig } from "../../../model/config.js";
import { durationSpec, type DurationInput } from "../../duration.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import type { SupportScenario } from "../schema.js";
import { nameIndex, type BuildContext } from "./context.js";

/**
 * The handle-time override of a tier for (need type, channel): an entry naming both wins,
 * then one naming only the need type, then one naming only the channel; undefined → the
 * tier's handleTime.
 */
function handleTimeOverride(
  entries: readonly { needType?: string; channel?: string; handleTime: DurationInput }[],
  need: string,
  channel: string,
): DurationInput | undefined {
  return (
    entries.find((e) => e.needType === need && e.channel === channel)?.handleTime ??
    entries.find((e) => e.needType === need && e.channel === undefined)?.handleTime ??
    entries.find((e) => e.needType === undefined && e.channel === channel)?.handleTime
  );
}

export function tierConfigs(s: SupportScenario, { needNames, chanNames, tierNames }: BuildContext): SupportTierConfig[] {
  const C = chanNames.length;
  return s.tiers.map((t) => {
    const handleTimeByWork: (Duration | undefined)[] = [];
    for (let n = 0; n < needNames.length; n++) {
      for (let c = 0; c < C; c++) {
        const o = handleTimeOverride(t.handleTimes ?? [], needNames[n], chanNames[c]);
        handleTimeByWork.push(o === undefined ? undefined : durationSpec(o));
      }
    }
    const patience = t.patience ?? {};
    const out: SupportTierConfig = {
      name: t.name,
      handleTimeByWork,
      handleTime: durationSpec(t.handleTime),
      patienceByChannel: chanNames.map((c) => (Object.hasOwn(patience, c) ? durationSpec(patience[c]) : undefined)),
      resolveByNeed: needNames.map((n) => (typeof t.resolve === "number" ? t.resolve : t.resolve[n])),
      nextMode: t.nextMode ?? D.tier.nextMode,
    };
    if (t.next !== undefined) out.next = nameIndex(tierNames, t.next, "tier");
    if (t.holdLimit !== undefined) out.holdLimit = { minutes: t.holdLimit.minutes, then: t.holdLimit.then };
    return out;
  });
}
