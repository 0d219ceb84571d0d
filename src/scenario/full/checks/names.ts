/**
 * Names: priority classes, segments, need types, channels, tiers, pools, releases and fixes are
 * each unique in their list. What it returns is what references by name are checked against.
 */
import { SUPPORT_DEFAULTS } from "../defaults.js";
import type { SupportScenarioShape } from "../schema/scenario.js";
import type { Report } from "./report.js";

/** The names references may use, and the channels' kinds. */
export interface Names {
  classes: string[];
  segNames: string[];
  needNames: string[];
  chanNames: string[];
  tierNames: string[];
  kindOf: Map<string, "realtime" | "deferred">;
  realtimeNames: string[];
}

export function checkNames(s: SupportScenarioShape, r: Report): Names {
  const classes = s.priorityClasses ?? [...SUPPORT_DEFAULTS.priorityClasses];
  classes.forEach((c, i) => {
    const seen = classes.indexOf(c);
    if (seen !== i) r.issue(["priorityClasses", i], `expected a unique class name, "${c}" is also priorityClasses[${seen}]`);
  });
  const segNames = r.uniqueNames(s.customers?.segments ?? [], ["customers", "segments"], "segment");
  const needNames = r.uniqueNames(s.needTypes, ["needTypes"], "need type");
  const chanNames = r.uniqueNames(s.channels, ["channels"], "channel");
  const tierNames = r.uniqueNames(s.tiers, ["tiers"], "tier");
  r.uniqueNames(s.pools, ["pools"], "pool");
  r.uniqueNames(s.quality?.releases, ["quality", "releases"], "release");
  r.uniqueNames(s.quality?.fixes, ["quality", "fixes"], "fix");
  const kindOf = new Map(s.channels.map((c) => [c.name, c.kind]));
  const realtimeNames = s.channels.filter((c) => c.kind === "realtime").map((c) => c.name);
  return { classes, segNames, needNames, chanNames, tierNames, kindOf, realtimeNames };
}
