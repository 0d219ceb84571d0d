/**
 * Checks of tiers: handle-time overrides that name an existing need type and/or channel, once
 * each; patience only for real-time channels; a resolution probability for every need type when
 * given by need type; a `next` tier that exists.
 */
import type { SupportScenarioShape } from "../schema/scenario.js";
import { listing } from "./format.js";
import type { Names } from "./names.js";
import type { Path, Report } from "./report.js";

/** The index of each tier name (the first, if repeated). */
export function tierIndexOf(s: SupportScenarioShape): Map<string, number> {
  const tierIndex = new Map<string, number>();
  s.tiers.forEach((t, i) => {
    if (!tierIndex.has(t.name)) tierIndex.set(t.name, i);
  });
  return tierIndex;
}

export function checkTiers(s: SupportScenarioShape, r: Report, { needNames, chanNames, tierNames, kindOf, realtimeNames }: Names): void {
  s.tiers.forEach((t, i) => {
    const at: Path = ["tiers", i];
    r.duration(t.handleTime, [...at, "handleTime"]);
    const seen = new Map<string, number>();
    t.handleTimes?.forEach((o, j) => {
      const p: Path = [...at, "handleTimes", j];
      if (o.needType === undefined && o.channel === undefined) r.issue(p, "expected needType, channel or both, got neither");
      if (o.needType !== undefined) r.ref(o.needType, needNames, "need type", [...p, "needType"]);
      if (o.channel !== undefined) r.ref(o.channel, chanNames, "channel", [...p, "channel"]);
      r.duration(o.handleTime, [...p, "handleTime"]);
      const key = `${o.needType ?? "*"}\u0000${o.channel ?? "*"}`;
      const first = seen.get(key);
      if (first !== undefined && (o.needType !== undefined || o.channel !== undefined)) {
        r.issue(p, `expected one entry per need type and channel, got the same as tiers[${i}].handleTimes[${first}]`);
      } else seen.set(key, j);
    });
    for (const [c, d] of Object.entries(t.patience ?? {})) {
      const p: Path = [...at, "patience", c];
      if (!r.ref(c, chanNames, "channel", p)) continue;
      if (kindOf.get(c) !== "realtime") {
        r.issue(p, `expected a real-time channel (${listing(realtimeNames) || "there are none"}), "${c}" is deferred (deferred work never abandons)`);
      }
      r.duration(d, p);
    }
    if (typeof t.resolve === "object") {
      for (const n of Object.keys(t.resolve)) r.ref(n, needNames, "need type", [...at, "resolve", n]);
      const missing = needNames.filter((n) => !Object.hasOwn(t.resolve as object, n));
      if (missing.length > 0) r.issue([...at, "resolve"], `expected a probability for every need type, missing ${missing.map((n) => `"${n}"`).join(", ")}`);
    }
    if (t.next !== undefined) r.ref(t.next, tierNames, "tier", [...at, "next"]);
  });
}
