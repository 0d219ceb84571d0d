/**
 * The headline KPIs, in the order the comparison, the sweep and the report's KPI tables show
 * them. An `entity` pattern stands for one key per channel or tier found in the results
 * (`channel.<c>.serviceLevel` …); the others are keys. Each is described in ./catalogue.ts.
 */
export const HEADLINE_KPIS: readonly { entity?: "channel" | "tier"; metric: string }[] = [
  { entity: "channel", metric: "serviceLevel" },
  { entity: "channel", metric: "asaSeconds" },
  { entity: "channel", metric: "abandonRate" },
  { entity: "channel", metric: "withinTargetShare" },
  { entity: "channel", metric: "meanResponseHours" },
  { entity: "channel", metric: "resolutionRate" },
  { entity: "channel", metric: "costPerContact" },
  { metric: "funnel.fcrRate" },
  { metric: "funnel.resolutionRate" },
  { metric: "funnel.unservedRate" },
  { entity: "tier", metric: "occupancy" },
  { entity: "tier", metric: "resolutionRate" },
  { entity: "tier", metric: "costPerContact" },
  { metric: "cost.total" },
  { metric: "cost.paidFte" },
  { metric: "cost.perMonth" },
  { metric: "cost.perContact" },
  { metric: "cost.perResolvedNeed" },
  { metric: "retention.csat" },
  { metric: "retention.churned" },
  { metric: "retention.revenueAtRisk" },
  { metric: "retention.revenueProtected" },
  { metric: "retention.netRevenueAtRisk" },
  { metric: "retention.netRecurringRevenue" },
];

/**
 * The headline keys a run of `cfg` reports, as kpi/values.ts names them, known before it runs: a
 * real-time channel has a service level and an ASA, a deferred one (e-mail, tickets) a
 * within-target share and a mean response; every channel an abandon rate, resolution rate and
 * cost per contact; every tier its three; the funnel, cost and retention keys always (the paid
 * FTE when the measured span is positive). What a sweep can be charted by before it is run.
 */
export function headlineKeysOf(cfg: { channels: readonly { name: string; kind: string }[]; tiers: readonly { name: string }[]; horizon: number; warmup: number }): string[] {
  const keys: string[] = [];
  for (const ch of cfg.channels) {
    const own = ch.kind === "realtime" ? ["serviceLevel", "asaSeconds"] : ["withinTargetShare", "meanResponseHours"];
    for (const m of [...own, "abandonRate", "resolutionRate", "costPerContact"]) keys.push(`channel.${ch.name}.${m}`);
  }
  for (const t of cfg.tiers) for (const m of ["occupancy", "resolutionRate", "costPerContact"]) keys.push(`tier.${t.name}.${m}`);
  for (const h of HEADLINE_KPIS) if (h.entity === undefined && (h.metric !== "cost.paidFte" || cfg.horizon > cfg.warmup)) keys.push(h.metric);
  return keys;
}
