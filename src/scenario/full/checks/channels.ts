/**
 * Checks of channels: an entry tier that exists; a response target only on deferred channels,
 * callbacks and redials only on real-time ones; and the delays of redials, retries and repeat
 * contacts (a uniform's max above its min).
 */
import type { SupportScenarioShape } from "../schema/scenario.js";
import { show } from "../../fields.js";
import type { Names } from "./names.js";
import type { Report } from "./report.js";

export function checkChannels(s: SupportScenarioShape, r: Report, { tierNames }: Names): void {
  s.channels.forEach((c, i) => {
    if (c.entryTier !== undefined) r.ref(c.entryTier, tierNames, "tier", ["channels", i, "entryTier"]);
    if (c.kind === "realtime") {
      if (c.responseTargetHours !== undefined) {
        r.issue(["channels", i, "responseTargetHours"], `expected no response target on a real-time channel (it applies to deferred ones), got ${c.responseTargetHours}`);
      }
    } else {
      if (c.callback !== undefined) r.issue(["channels", i, "callback"], `expected no callback on a deferred channel (callbacks are for real-time channels), got ${show(c.callback)}`);
      if (c.redial !== undefined) r.issue(["channels", i, "redial"], `expected no redial on a deferred channel (deferred work never abandons), got ${show(c.redial)}`);
    }
    r.duration(c.redial?.delay, ["channels", i, "redial", "delay"]);
  });
  r.duration(s.access?.retry?.delay, ["access", "retry", "delay"]);
  r.duration(s.repeat?.delay, ["repeat", "delay"]);
}
