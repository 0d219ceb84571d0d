/**
 * The Erlang start of the staffing search (step 2 of the solver's module comment): per open
 * interval of the week, the agents an Erlang model asks for the work the pool was offered
 * there in the measuring run — Erlang A with the channel's mean patience, Erlang X when the
 * channel redials (fresh rate = offered − redial share × abandoned), Erlang C without patience,
 * on the measured handle time of the contacts the pool answered; a chat pool of concurrency k is k servers per agent; deferred
 * work adds its workload (busy agents, ÷ maxOccupancy), spread over the pool's open intervals
 * of the day (it may wait: occupancyRule.ts).
 */
import { staffErlangA, staffErlangC, staffErlangX } from "../../analytic/staffingInverses.js";
import { specMean } from "../../engine/distributions.js";
import type { SupportConfig } from "../../model/config.js";
import type { Stats } from "./evaluation.js";
import type { ProbeLayout } from "./probe.js";
import type { StaffingTargets } from "./targets.js";
import { dayIntervals } from "./occupancyRule.js";


/** The Erlang start of pool q (step 2 of the module comment), 0 where closed. */
export function erlangStart(cfg: SupportConfig, q: number, open: Uint8Array, s: Stats, layout: ProbeLayout, R: number, T: StaffingTargets): Int32Array {
  const p = cfg.pools[q], I = layout.intervalsPerWeek, L = layout.intervalLength, C = cfg.channels.length;
  const tier = cfg.tiers[p.tier];
  // the real-time channels the pool serves: patience (mean of those with one) and redial share
  const rtChannels = [...new Set(p.skills.map((w) => w % C))].filter((c) => cfg.channels[c].kind === "realtime");
  const patiences = rtChannels.map((c) => tier.patienceByChannel[c]).filter((d) => d !== undefined).map((d) => specMean(d!));
  const patience = patiences.length > 0 ? patiences.reduce((a, b) => a + b, 0) / patiences.length : Infinity;
  const redials = rtChannels.map((c) => cfg.channels[c].redial?.share ?? 0);
  const redial = redials.length > 0 ? Math.max(...redials) : 0;
  // the pool's mean real-time handle time over the week (fallback for intervals where it
  // answered nothing; without any answer, the tier's mean handle time at the pool's factor)
  let hSum = 0, aSum = 0;
  for (let i = 0; i < I; i++) { hSum += s.handle[q * I + i]; aSum += s.handled[q * I + i]; }
  const meanHandle = aSum > 0 ? hSum / aSum : specMean(tier.handleTime) * p.handleTimeFactor;
  const k = p.concurrency;
  // deferred work may wait within its day (occupancyRule.ts): its busy agents spread over the day's open intervals
  const dayDeferred = Array.from({ length: 7 }, (_, d) => {
    let busy = 0, minutes = 0;
    for (const i of dayIntervals(open, d, I / 7)) { busy += s.deferredBusy[q * I + i]; minutes += layout.occurrences[q * I + i] * R * L; }
    return minutes > 0 ? busy / minutes : 0;
  });
  const out = new Int32Array(I);
  for (let i = 0; i < I; i++) {
    if (!open[i]) continue;
    const j = q * I + i, n = layout.occurrences[j] * R;
    if (n === 0) { out[i] = 1; continue; }
    const perMinute = s.offered[j] / (n * L);
    // handle minutes over the contacts this pool answered (other pools sharing the work answer
    // some of `answered`, and an overflow pool may answer none of an interval's: AHT 0)
    const aht = (s.handled[j] > 0 ? s.handle[j] / s.handled[j] : meanHandle);
    const deferredAgents = dayDeferred[Math.floor(i / (I / 7))];
    let servers = 0;
    if (perMinute > 0) {
      const rate = perMinute * 60;
      const target = { serviceLevel: T.serviceLevel, thresholdSeconds: T.thresholdSeconds, maxAbandonRate: T.maxAbandon, maxOccupancy: T.maxOccupancy };
      if (redial > 0 && Number.isFinite(patience)) {
        const fresh = Math.max(1e-9, rate - redial * (s.abandoned[j] / (n * L)) * 60);
        servers = staffErlangX({ ratePerHour: fresh, ahtMinutes: aht, patienceMinutes: patience, redialAbandoned: redial }, target).agents;
      } else {
        const load = { ratePerHour: rate, ahtMinutes: aht, patienceMinutes: patience };
        servers = (Number.isFinite(patience) ? staffErlangA(load, target) : staffErlangC(load, target)).agents;
      }
    }
    // agents for the real-time servers, then room for the deferred workload
    let agents = Math.ceil(servers / k - 1e-9);
    const rtBusy = (perMinute * aht) / k;
    const occCap = T.maxOccupancy ?? 1;
    if (deferredAgents > 0) agents = Math.max(agents, Math.ceil((rtBusy + deferredAgents) / occCap - 1e-9));
    out[i] = Math.max(1, agents);
  }
  return out;
}
