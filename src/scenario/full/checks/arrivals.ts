/**
 * Checks of the source of demand: customers, forecast arrivals or both; each arrival stream
 * names an existing channel, need type and segment (a channel its segment uses) and has exactly
 * one of a rate, a pattern (not all zeros) or a history.
 */
import { FORECAST_SEGMENT } from "../defaults.js";
import type { SupportScenarioShape } from "../schema/scenario.js";
import { listing } from "./format.js";
import type { Names } from "./names.js";
import type { Path, Report } from "./report.js";

/** Report the problems of the arrivals; true when there is no source of demand at all. */
export function checkArrivals(s: SupportScenarioShape, r: Report, { segNames, needNames, chanNames }: Names): boolean {
  const arrivals = s.arrivals ?? [];
  const segments = s.customers?.segments ?? [];
  const noSource = s.customers === undefined && arrivals.length === 0;
  if (noSource) r.issue([], "expected customers (causal demand), arrivals (a volume forecast) or both, got neither");
  const arrivalSegments = s.customers === undefined ? [FORECAST_SEGMENT] : segNames;
  arrivals.forEach((a, i) => {
    const at: Path = ["arrivals", i];
    const chanOk = r.ref(a.channel, chanNames, "channel", [...at, "channel"]);
    if (a.needType !== undefined) r.ref(a.needType, needNames, "need type", [...at, "needType"]);
    if (a.segment !== undefined && r.ref(a.segment, arrivalSegments, "segment", [...at, "segment"]) && chanOk && s.customers !== undefined) {
      const g = segments.find((x) => x.name === a.segment);
      if (g?.channels !== undefined && !g.channels.includes(a.channel)) {
        r.issue([...at, "channel"], `expected a channel segment "${g.name}" uses (${listing(g.channels)}), got "${a.channel}"`);
      }
    }
    const given = (["ratePerHour", "pattern", "history"] as const).filter((k) => a[k] !== undefined);
    if (given.length !== 1) {
      r.issue(at, `expected exactly one of ratePerHour, pattern or history, got ${given.length === 0 ? "none" : given.join(" and ")}`);
    }
    const rates = a.pattern?.ratesPerHour;
    if (Array.isArray(rates) && rates.length > 0 && rates.every((x) => x === 0)) {
      r.issue([...at, "pattern", "ratesPerHour"], "expected at least one positive rate, got all zeros");
    }
  });
  return noSource;
}
