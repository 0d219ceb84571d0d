/**
 * The narrative of one scenario's run (the rules every narrative keeps: ./sentences.ts).
 */
import type { ScenarioResult } from "../../charts/inputs.js";
import { formatCount, formatDuration, formatMoney, formatShare, formatShareRange, formatSpan } from "../../numbers.js";
import { meanOf as mean, measuredHours } from "../../runs.js";
import { listText as list, plural, titleCase as cap } from "../../words.js";
import { spanAdjective } from "./sentences.js";

/**
 * What one run says: the span and replications, the demand funnel, service per channel, the
 * cost (per month, per contact, per resolved need, the largest items) and retention.
 * Sentences whose metrics are missing are left out.
 */
export function runNarrative(r: ScenarioResult): string[] {
  const e = r.estimates;
  const cur = r.currency;
  const get = (k: string) => mean(e[k]);
  const out: string[] = [];
  const measured = measuredHours(r);
  const reps = plural(r.replications, "replication");
  out.push(
    `${r.scenario}: ${reps} (seed ${r.seed}) of ${formatSpan(measured)} measured after ${r.warmupHours > 0 ? `a ${spanAdjective(r.warmupHours)} warm-up` : "no warm-up"}, ` +
      `starting ${r.start.slice(0, 10)} (${r.timeZone}). Figures are means over the replications; ranges are 95% intervals.`,
  );

  // demand
  const needs = get("funnel.needs");
  if (needs !== null && needs > 0) {
    const s: string[] = [];
    const perDay = get("funnel.needsPerDay");
    s.push(`Customers had ${formatCount(needs)} needs${perDay !== null ? ` (${formatCount(perDay)} a day)` : ""}.`);
    const self = get("funnel.selfServiceRate"), asked = get("funnel.requestRate"), unserved = get("funnel.unservedRate");
    const parts: string[] = [];
    if (self !== null) parts.push(`${formatShare(self)} were solved by self-service`);
    if (asked !== null) parts.push(`${formatShare(asked)} asked support`);
    if (unserved !== null) parts.push(`${formatShare(unserved)} were left unserved`);
    if (parts.length > 0) s.push(`${cap(list(parts))}.`);
    const nAsked = get("funnel.asked"), resolved = get("funnel.resolved"), fcr = get("funnel.fcrRate");
    if (nAsked !== null && nAsked > 0 && resolved !== null) {
      s.push(`Support resolved ${formatShare(resolved / nAsked)} of the ${formatCount(nAsked)} needs it was asked about${fcr !== null ? `, ${formatShare(fcr)} at the first contact` : ""}.`);
    }
    out.push(s.join(" "));
  }

  // service per channel
  const service: string[] = [];
  for (const ch of r.channels) {
    const p = `channel.${ch.name}.`;
    if (ch.kind === "realtime") {
      const sl = e[p + "serviceLevel"], asa = get(p + "asaSeconds"), ab = get(p + "abandonRate");
      if (mean(sl) === null) {
        if (e[p + "offered"] !== undefined) service.push(`${cap(ch.name)}: no contact offered.`);
        continue;
      }
      const ci = sl.ci95 ? ` (${formatShareRange(sl.ci95[0], sl.ci95[1])})` : "";
      const more: string[] = [];
      if (asa !== null) more.push(`average speed of answer ${formatDuration(asa)}`);
      if (ab !== null) more.push(`${formatShare(ab)} abandoned`);
      service.push(`${cap(ch.name)}: ${formatShare(sl.mean as number)} answered within ${r.thresholdSeconds} s${ci}${more.length ? `; ${more.join(", ")}` : ""}.`);
    } else {
      const w = get(p + "withinTargetShare"), h = get(p + "meanResponseHours");
      if (w === null && h === null) continue;
      const parts: string[] = [];
      if (w !== null) parts.push(`${formatShare(w)} answered within its response target`);
      if (h !== null) parts.push(`mean response ${formatDuration(h * 3600)}`);
      service.push(`${cap(ch.name)}: ${parts.join("; ")}.`);
    }
  }
  if (service.length > 0) out.push(service.join(" "));

  // cost
  const perMonth = get("cost.perMonth"), total = get("cost.total");
  if (perMonth !== null || total !== null) {
    const s: string[] = [];
    const head = perMonth !== null
      ? `Support costs ${formatMoney(perMonth, cur)} a month${total !== null ? ` (${formatMoney(total, cur)} over the ${formatSpan(measured)} measured)` : ""}`
      : `Support costs ${formatMoney(total as number, cur)} over the ${formatSpan(measured)} measured`;
    const unit: string[] = [];
    const pc = get("cost.perContact"), pr = get("cost.perResolvedNeed");
    if (pc !== null) unit.push(`${formatMoney(pc, cur, 2)} per contact answered`);
    if (pr !== null) unit.push(`${formatMoney(pr, cur, 2)} per resolved need`);
    s.push(`${head}${unit.length ? `: ${list(unit)}` : ""}.`);
    // per tier (every contact handled there) and per channel, end to end (kpi/unitCostValues.ts)
    const byTier = r.tiers.map((t) => ({ t, v: get(`tier.${t}.costPerContact`) })).filter((x): x is { t: string; v: number } => x.v !== null);
    const byChannel = r.channels.map((c) => ({ c: c.name, v: get(`channel.${c.name}.costPerContact`) })).filter((x): x is { c: string; v: number } => x.v !== null);
    if (byTier.length > 0) s.push(`A contact handled costs ${list(byTier.map((x) => `${formatMoney(x.v, cur, 2)} at ${x.t}`))}.`);
    if (byChannel.length > 0) s.push(`End to end, through every tier it reaches, a contact costs ${list(byChannel.map((x) => `${formatMoney(x.v, cur, 2)} by ${x.c}`))}.`);
    const items = r.costCategories
      .map((c) => ({ c, v: get(`cost.byCategory.${c}`) }))
      .filter((x): x is { c: string; v: number } => x.v !== null && x.v > 0)
      .sort((a, b) => b.v - a.v);
    const sum = items.reduce((a, x) => a + x.v, 0);
    if (items.length > 1 && sum > 0) {
      const top = items.slice(0, 3).map((x) => `${x.c} (${formatShare(x.v / sum, 0)})`);
      s.push(`The largest items are ${list(top)}.`);
    } else if (items.length === 1) {
      s.push(`All of it is ${items[0].c}.`);
    }
    out.push(s.join(" "));
  }

  // retention
  const csat = get("retention.csat"), churned = get("retention.churned"), risk = get("retention.revenueAtRisk"), prot = get("retention.revenueProtected");
  const ret: string[] = [];
  if (csat !== null) ret.push(`The CSAT proxy is ${formatShare(csat)}.`);
  if (churned !== null) ret.push(`${cap(plural(Math.round(churned), "customer"))} churned over the ${formatSpan(measured)} measured.`);
  if (risk !== null) {
    const net = get("retention.netRevenueAtRisk");
    const netText = net === null ? "" : net >= 0 ? `: ${formatMoney(net, cur)} net at risk` : `: ${formatMoney(-net, cur)} net protected`;
    ret.push(`Service experience puts ${formatMoney(risk, cur)} of revenue at risk over the next year${prot !== null ? ` and protects ${formatMoney(prot, cur)}${netText}` : ""}.`);
  }
  if (ret.length > 0) out.push(ret.join(" "));
  return out;
}
