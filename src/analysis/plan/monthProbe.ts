/**
 * What the budget-year plan measures in a replication, per pool and plan month (the staffing
 * probe's counts, probe.ts, by month instead of by interval of the week): each counted tier
 * visit is booked to the pools that could have served it, in the month it joined the tier's
 * line — real-time work offered, answered within the threshold, abandoned; deferred work
 * offered and answered within its channel's response target; the serving pool's busy
 * agent-minutes (handle time / concurrency, in the month service started). Also the run's cost
 * ledger by category and plan month, and each pool's hires and leavers.
 */
import type { NetworkOutcome, NetworkTraceSink } from "../../model/network/networkConfig.js";
import type { SupportConfig } from "../../model/config.js";
import { simulateSupport } from "../../model/simulation.js";
import { RandomStreams } from "../../engine/random.js";
import type { ProbeLayout } from "../staffing/probe.js";
import { planMonthOf, type PlanMonths } from "./planMonths.js";

/** One replication's counts, each indexed pool × months + month. */
export interface MonthCounts {
  offered: Float64Array;
  within: Float64Array;
  abandoned: Float64Array;
  busy: Float64Array;
  deferredOffered: Float64Array;
  deferredWithin: Float64Array;
  /** The ledger's categories, and amounts indexed category × months + month. */
  categories: string[];
  costs: Float64Array;
  /** Per pool, after the warm-up. */
  hires: Float64Array;
  leavers: Float64Array;
}

function newCounts(pools: number, M: number): MonthCounts {
  const n = pools * M;
  return {
    offered: new Float64Array(n), within: new Float64Array(n), abandoned: new Float64Array(n), busy: new Float64Array(n),
    deferredOffered: new Float64Array(n), deferredWithin: new Float64Array(n), categories: [], costs: new Float64Array(0),
    hires: new Float64Array(pools), leavers: new Float64Array(pools),
  };
}

/** The trace sink booking every counted visit into `c` (see the module comment). */
function monthSink(layout: ProbeLayout, months: PlanMonths, c: MonthCounts): NetworkTraceSink {
  const M = months.count, C = layout.channels;
  /** A spell of work [start, end] by pool q, booked in the month it began. */
  const busy = (q: number, start: number, end: number) => {
    const m = planMonthOf(months, start);
    if (m >= 0) c.busy[q * M + m] += (end - start) / layout.concurrency[q];
  };
  return {
    visit(_arrival: number, tier: number, workType: number, _class: number, wait: number, outcome: NetworkOutcome, pool: number, _agent: number, leave: number, joined: number, realtime: boolean, workStart: number) {
      const m = planMonthOf(months, joined);
      if (m < 0) return;
      const served = pool >= 0;
      const pools = layout.eligible[tier * layout.W + workType];
      for (let k = 0; k < pools.length; k++) {
        const i = pools[k] * M + m;
        if (realtime) {
          c.offered[i]++;
          if (served && wait <= layout.threshold) c.within[i]++;
          else if (!served && outcome === "abandoned") c.abandoned[i]++;
        } else {
          c.deferredOffered[i]++;
          if (served && wait <= layout.responseTarget[workType % C]) c.deferredWithin[i]++;
        }
      }
      if (served) busy(pool, workStart, leave);
    },
    handedBack: busy,
  };
}

/** Replication `rep` of `cfg` (streams seeded by (seed, rep)) measured by month: the same counts on any thread. */
export function monthReplication(cfg: SupportConfig, layout: ProbeLayout, months: PlanMonths, seed: number | string, rep: number): MonthCounts {
  const c = newCounts(cfg.pools.length, months.count);
  const r = simulateSupport(cfg, new RandomStreams(seed, rep), monthSink(layout, months, c));
  const ledger = r.costs, M = months.count;
  c.categories = [...ledger.categories];
  c.costs = new Float64Array(ledger.categories.length * M);
  for (let m = 0; m < M; m++) {
    const lm = ledger.months.labels.indexOf(months.labels[m]);
    if (lm < 0) continue;
    ledger.categories.forEach((_, k) => { c.costs[k * M + m] = ledger.month(k, lm); });
  }
  r.pools.forEach((p, q) => { c.hires[q] = p.hires; c.leavers[q] = p.leavers; });
  return c;
}
