/** Releases and fixes in model units: dates → minutes since the start, days × 1440 → minutes. */
import type { QualityFixConfig, ReleaseConfig } from "../../../model/config.js";
import { DAY_MINUTES } from "../../../time/units.js";
import { SUPPORT_DEFAULTS as D } from "../defaults.js";
import type { SupportScenario } from "../schema.js";
import type { BuildContext } from "./context.js";

export function releaseConfigs(s: SupportScenario, { toT }: BuildContext): ReleaseConfig[] {
  return (s.quality?.releases ?? []).map((r) => {
    const out: ReleaseConfig = { name: r.name, at: toT(r.date), spike: r.spike, halfLife: r.halfLifeDays * DAY_MINUTES };
    if (r.hotfix !== undefined) out.hotfix = { at: toT(r.hotfix.date), removes: r.hotfix.removes };
    if (r.notify !== undefined) out.notify = { at: toT(r.notify.date), deflect: r.notify.deflect, soften: r.notify.soften };
    return out;
  });
}

export function fixConfigs(s: SupportScenario, { toT }: BuildContext): QualityFixConfig[] {
  return (s.quality?.fixes ?? []).map((f) => {
    const out: QualityFixConfig = { name: f.name, reduction: f.reduction, ramp: (f.rampDays ?? D.fix.rampDays) * DAY_MINUTES };
    if (f.date !== undefined) out.at = toT(f.date);
    else {
      out.afterRequests = f.afterRequests;
      out.lead = (f.leadDays ?? D.fix.leadDays) * DAY_MINUTES;
    }
    return out;
  });
}
