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
