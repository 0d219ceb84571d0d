/**
 * Support operating models: four ways of running the first line that the seed articles
 * contrast, as presets applied on top of a scenario so a leader can see what moving from one
 * to the next is worth.
 *
 * - **call center**: route and log. The first line takes the call, records it and re-directs
 *   it; it resolves little, quickly, and warm-transfers the rest.
 * - **help desk**: script and escalate. Some knowledge, little service training; what the
 *   script does not cover is escalated as a ticket ("someone will get back to you"), and
 *   calls are kept short.
 * - **support desk**: embedded with the customers, focused on one area and empowered to fix
 *   things on the spot: high first-contact resolution with longer contacts and dearer,
 *   specialised staff; it does not scale well.
 * - **service desk**: trained on the product and on soft skills, a current knowledge base at
 *   hand, senior staff within reach for a quick consult: high resolution, warm hand-offs
 *   rather than tickets, and a better experience for the same outcome.
 *
 * A preset changes the ENTRY tiers (those a channel enters first) and their pools:
 *   resolution r' = s·r + (1 − s·r)·g (scale s, then a gain g toward 1), handle times × h,
 *   how unresolved work moves on (transfer or escalate), pool cost per hour × c,
 *   knowledge-base coverage + k (absolute, capped at 1), and retention weights (rows).
 * The numbers are assumptions [A]: the articles describe the models qualitatively, and the
 * presets are meant to be compared with each other, not taken as benchmarks. Only the
 * direction of each effect follows the articles; docs/model.md lists every value.
 */
import type { DistributionSpec } from "../../engine/distributions.js";
import type { RetentionConfig, SupportConfig } from "../config.js";

export type OperatingModelName = NonNullable<SupportConfig["operatingModel"]>;

export interface OperatingModelPreset {
  /** s and g in r' = s·r + (1 − s·r)·g for the entry tiers' resolution. */
  resolveScale: number;
  resolveGain: number;
  /** Entry-tier handle-time multiplier. */
  handleTimeFactor: number;
  nextMode: "transfer" | "escalate";
  /** Multiplier of the entry-tier pools' cost per hour (skills cost money). */
  costFactor: number;
  /** Added to every need type's knowledge-base coverage. */
  kbCoverageBoost: number;
  /** Retention weights that differ from the scenario's (rows of the experience ladder). */
  weights: Partial<RetentionConfig["weights"]>;
}

export const OPERATING_MODELS: Readonly<Record<OperatingModelName, OperatingModelPreset>> = {
  "call-center": { resolveScale: 0.4, resolveGain: 0, handleTimeFactor: 0.6, nextMode: "transfer", costFactor: 0.85, kbCoverageBoost: 0, weights: { transfer: 0.5 } },
  "help-desk": { resolveScale: 0.8, resolveGain: 0, handleTimeFactor: 0.8, nextMode: "escalate", costFactor: 0.9, kbCoverageBoost: 0, weights: { escalation: 0.75 } },
  "support-desk": { resolveScale: 1, resolveGain: 0.5, handleTimeFactor: 1.3, nextMode: "transfer", costFactor: 1.2, kbCoverageBoost: 0, weights: {} },
  "service-desk": { resolveScale: 1, resolveGain: 0.6, handleTimeFactor: 1.1, nextMode: "transfer", costFactor: 1.25, kbCoverageBoost: 0.2, weights: { transfer: 0, longWait: 0.35 } },
};

/** The tiers some channel enters first. */
export function entryTiers(cfg: Pick<SupportConfig, "channels">): Set<number> {
  return new Set(cfg.channels.map((c) => c.entryTier));
}

/** A copy of `cfg` with its operating-model preset applied (the same object when it has none). */
export function applyOperatingModel(cfg: SupportConfig): SupportConfig {
  if (cfg.operatingModel === undefined) return cfg;
  const p = OPERATING_MODELS[cfg.operatingModel];
  if (p === undefined) throw new RangeError(`operatingModel: unknown preset ${JSON.stringify(cfg.operatingModel)}; expected one of ${Object.keys(OPERATING_MODELS).join(", ")}`);
  const entry = entryTiers(cfg);
  const scaleHandle = (d: DistributionSpec) => scaleDuration(d, p.handleTimeFactor);
  return {
    ...cfg,
    needTypes: cfg.needTypes.map((n) => ({ ...n, kbCoverage: Math.min(1, n.kbCoverage + p.kbCoverageBoost) })),
    tiers: cfg.tiers.map((t, i) =>
      !entry.has(i)
        ? t
        : {
            ...t,
            handleTime: scaleHandle(t.handleTime),
            handleTimeByWork: t.handleTimeByWork.map((d) => (d === undefined ? undefined : scaleHandle(d))),
            resolveByNeed: t.resolveByNeed.map((r) => {
              const s = p.resolveScale * r;
              return s + (1 - s) * p.resolveGain;
            }),
            nextMode: t.next === undefined ? t.nextMode : p.nextMode,
          },
    ),
    pools: cfg.pools.map((q) => (entry.has(q.tier) && q.vendor === undefined ? { ...q, costPerHour: q.costPerHour * p.costFactor } : q)),
    retention: { ...cfg.retention, weights: { ...cfg.retention.weights, ...p.weights } },
  };
}

/** A duration distribution scaled by f (every draw × f): means, bounds and sd scale; cv and k keep the shape. */
export function scaleDuration(d: DistributionSpec, f: number): DistributionSpec {
  if (f === 1) return d;
  switch (d.type) {
    case "exponential": return { ...d, mean: d.mean * f };
    case "deterministic": return { ...d, value: d.value * f };
    case "uniform": return { ...d, min: d.min * f, max: d.max * f };
    case "normal": return { ...d, mean: d.mean * f, sd: d.sd * f };
    case "lognormal": case "gamma": case "erlang": return { ...d, mean: d.mean * f };
    case "empirical": return { ...d, samples: d.samples.map((x) => x * f) };
  }
}
