/**
 * A Monte Carlo over a scenario's uncertain inputs (docs/model.md §24): `--uncertainty N` on
 * `run` and `compare`. N input sets are drawn as a Latin hypercube over the ranged inputs
 * (analysis/experiments/uncertainty/latinHypercube.ts: streams of their own, seeded by the run's
 * seed and each input's key, so the same N sets serve every scenario of a comparison); each set
 * loads every scenario at its values (its status quo too, calibrated at the same values), and runs
 * the replications on the worker threads with the seed `<seed>|set <k>` (independent noise between
 * sets, common random numbers between the scenarios of a set). Each KPI is then summarised over
 * the sets: P10/P50/P90, the inputs' share of the variance, and the probability that each target
 * holds (analysis/experiments/uncertainty/summary.ts).
 */
import { Lanes } from "../analysis/parallel/lanes.js";
import { runManyParallel } from "../analysis/experiments/replications.js";
import { parseUserMetrics, runWithUserMetrics } from "../analysis/experiments/userMetrics.js";
import { latinHypercube, unionOfInputs } from "../analysis/experiments/uncertainty/latinHypercube.js";
import { differenceBands, kpiBands, targetProbabilities, type KpiBand, type SetRun, type TargetProbability } from "../analysis/experiments/uncertainty/summary.js";
import { headlineKeys, uniqueLabels } from "../analysis/experiments/compare.js";
import { runSettings } from "../scenario/full/runSettings.js";
import { measuredMonthShares } from "../time/months.js";
import { InputError, OPTIONS, problem } from "../errors.js";
import { isFraction, isIntegerAtLeast, isPositive, numberProblem, runSettingsProblems, throwIfAny, type RunSettingsOptions } from "./options.js";
import { scenarioAtInputs, type Scenario } from "./scenario.js";

/** Default targets whose probability is reported [A]: 80% answered within the threshold, at most 5% abandoned (real-time channels). */
export const UNCERTAINTY_TARGETS = { serviceLevel: 0.8, maxAbandon: 0.05 } as const;

export interface UncertaintyOptions extends RunSettingsOptions {
  /** Input sets to draw (integer >= 2). */
  sets: number;
  /** Targets whose probability is reported: each real-time channel's service level at least, abandon rate at most (defaults UNCERTAINTY_TARGETS), the total cost at most `budget`. */
  targets?: { serviceLevel?: number; maxAbandon?: number; budget?: number };
  /** User-defined metrics, "name = formula" (as `simulate` takes them). */
  metrics?: readonly string[];
  /** Called as (set, scenario, replication) tasks finish. */
  onProgress?: (done: number, total: number) => void;
}

export interface UncertaintyResult {
  scenarios: string[];
  sets: number;
  replications: number;
  seed: number;
  /** The ranged inputs drawn (over every scenario, each key once). */
  inputs: { key: string; path: string; dist: string; low: number; expected: number; high: number }[];
  /** Per input key, its value in each set. */
  draws: Record<string, number[]>;
  /** Per scenario: every KPI's band over the sets, and each target's probability. */
  runs: { scenario: string; kpis: Record<string, KpiBand>; targets: TargetProbability[] }[];
  /** Per later scenario: the band of its difference against the first, KPI by KPI (headline KPIs, user metrics, monthly costs). */
  differences: { scenario: string; against: string; kpis: Record<string, KpiBand> }[];
  /** Per local month ("2027-03") of the first scenario, the share of it inside the measured window (after the warm-up): the fan chart draws whole months. */
  monthShares: Record<string, number>;
}


/** The targets of a scenario's run (its real-time channels, and the budget). */
function targetsOf(s: Scenario, t: NonNullable<UncertaintyOptions["targets"]>): Omit<TargetProbability, "probability">[] {
  const sl = t.serviceLevel ?? UNCERTAINTY_TARGETS.serviceLevel, ab = t.maxAbandon ?? UNCERTAINTY_TARGETS.maxAbandon;
  const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
  const out: Omit<TargetProbability, "probability">[] = [];
  for (const c of s.config.channels.filter((c) => c.kind === "realtime")) {
    out.push({ label: `${c.name} service level >= ${pct(sl)}`, key: `channel.${c.name}.serviceLevel`, holds: "atLeast", threshold: sl });
    out.push({ label: `${c.name} abandon rate <= ${pct(ab)}`, key: `channel.${c.name}.abandonRate`, holds: "atMost", threshold: ab });
  }
  if (t.budget !== undefined) out.push({ label: `total cost <= ${t.budget.toLocaleString("en-US")} ${s.config.costs.currency}`, key: "cost.total", holds: "atMost", threshold: t.budget });
  return out;
}

/** Run the scenarios over N input sets (see the header); the first scenario is the reference of the differences. */
export async function simulateUncertainty(scenarios: readonly Scenario[], options: UncertaintyOptions): Promise<UncertaintyResult> {
  const t = options.targets ?? {};
  throwIfAny([
    ...runSettingsProblems(options),
    numberProblem("sets", options.sets, isIntegerAtLeast(2), "an integer >= 2 (input sets)", true),
    numberProblem("targets.serviceLevel", t.serviceLevel, isFraction, "a share between 0 and 1"),
    numberProblem("targets.maxAbandon", t.maxAbandon, isFraction, "a share between 0 and 1"),
    numberProblem("targets.budget", t.budget, isPositive, "a positive amount"),
  ]);
  const metrics = parseUserMetrics(options.metrics ?? []);
  const inputs = unionOfInputs(scenarios.map((s) => s.inputs.map((i) => ({ key: i.key, range: i.range, path: i.path }))));
  if (inputs.length === 0) throw new InputError(problem("sets", "the scenario has no ranged inputs to draw: give a field or a variable a range {\"low\": …, \"expected\": …, \"high\": …} (docs/scenario-format.md §2.1)"), OPTIONS);
  const first = runSettings(scenarios[0].definition, { seed: options.seed, replications: options.replications });
  if (first.replications < 2) throw new InputError(problem("replications", `expected at least 2 with input sets (the noise is measured within a set), got ${first.replications}`), OPTIONS);
  const labels = uniqueLabels(scenarios.map((s) => ({ name: s.name, file: s.file ?? s.name })));
  const draws = latinHypercube(inputs, options.sets, first.seed);
  const R = first.replications, total = draws.length * scenarios.length * R;
  const lanes = new Lanes(Math.max(1, Math.min(options.threads ?? 1, total)), "whenWorthIt");
  const perScenario: SetRun[][] = scenarios.map(() => []);
  try {
    for (let k = 0; k < draws.length; k++) {
      // every scenario (and its status quo) at this set's values, then its replications with the set's seed
      const configs = scenarios.map((s) => scenarioAtInputs(s, draws[k]).config);
      const runs = await runManyParallel(configs, {
        seed: `${first.seed}|set ${k}`, replications: R, threads: options.threads ?? 1, lanes,
        onReplication: (done) => options.onProgress?.(k * scenarios.length * R + done, total),
      });
      runs.forEach((r, i) => {
        const m = runWithUserMetrics(r, metrics);
        perScenario[i].push({ estimates: m.estimates, replications: m.replications });
      });
    }
  } finally {
    await lanes.destroy();
  }
  const summaries = perScenario.map((sets, i) => {
    const { bands, values } = kpiBands(sets);
    return { scenario: labels[i], kpis: bands, targets: targetProbabilities(values, targetsOf(scenarios[i], t)) };
  });
  const keysOf = (sets: SetRun[]) => Object.keys(sets[0].replications[0] ?? {});
  const diffKeys = (a: SetRun[], b: SetRun[]) => {
    const both = keysOf(a).filter((k) => keysOf(b).includes(k));
    return [...headlineKeys([keysOf(a), keysOf(b)]), ...both.filter((k) => k.startsWith("metric.") || k.startsWith("cost.byMonth."))];
  };
  return {
    scenarios: labels,
    sets: options.sets,
    replications: R,
    seed: first.seed,
    inputs: inputs.map((i) => ({ key: i.key, path: i.path, dist: i.range.dist, low: i.range.low, expected: i.range.expected, high: i.range.high })),
    draws: Object.fromEntries(inputs.map((i) => [i.key, draws.map((d) => d.get(i.key)!)])),
    runs: summaries,
    monthShares: measuredMonthShares(scenarios[0].config.start, scenarios[0].config.timeZone, scenarios[0].config.horizon, scenarios[0].config.warmup),
    differences: perScenario.slice(1).map((sets, j) => ({ scenario: labels[j + 1], against: labels[0], kpis: differenceBands(perScenario[0], sets, diffKeys(perScenario[0], sets)) })),
  };
}
