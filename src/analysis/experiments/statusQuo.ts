/**
 * Calibration on the status quo (docs/model.md §5.2 and §20.5): what a scenario's inputs say
 * about today, made consistent with the service today gives, from pilot replications of the
 * status quo — the root of the scenario's `extends` chain (or the scenario itself), over the
 * scenario's own start, horizon and warm-up, with its seed (src/api/scenario.ts). A what-if keeps
 * the status quo's calibration: its own service then moves its customers against it.
 *
 * 1. Customers' expected waits. A customer remembers the wait it experienced on each channel
 *    (W_exp ← (1 − γ)·W_exp + γ·W, §5.2: the time held across the tiers, plus a penalty for an
 *    unanswered attempt) and chooses channels and whether to ask by it. Starting every customer
 *    at the response target (24 h for e-mail) while the status quo answers in 2.5 h made e-mail
 *    more attractive week after week with nothing changed (+64 % over a year). So each channel's
 *    initial expected wait is the mean remembered wait of the status quo's contacts there (those
 *    that ended in the measured window), unless the scenario states it (`expectedWaitMinutes`).
 * 2. The base churn rate h₀ = h_in · E / (E + X) (model/customers/churnBand.ts): the churn of a
 *    customer with no need, so that the status quo reproduces its input churn.
 * 3. The experience the customers present at the start remember: the status quo's settled state
 *    (model/customers/initialExperience.ts), so that churn does not climb for months while
 *    memories fill. Each pass starts from the previous pass's end, and there are enough passes
 *    for about a year of history (CALIBRATION_HISTORY_DAYS; 3 to 25 passes); the run starts
 *    where the last pass started, so the base churn measured in that pass holds for it.
 *
 * They depend on each other's result (the expectations move the demand mix, the mix the waits
 * and experiences), so the pilot is a fixed-point iteration: pass 1 at the inputs, each next
 * pass at the previous pass's calibration, one replication (index 0) each; the last pass's
 * calibration is used.
 */
import { RandomStreams } from "../../engine/random.js";
import type { SupportConfig } from "../../model/config.js";
import { AF, ATTEMPT_FIELDS } from "../../model/counters.js";
import { baseFactorsOf } from "../../model/customers/churnBand.js";
import { simulateSupport } from "../../model/simulation.js";

/** Pilot passes: at least this many (see the header) … */
export const CALIBRATION_PASSES = 3;
/** … and enough that their horizons add up to this much history (days: a half-life of the default experience memory) … */
export const CALIBRATION_HISTORY_DAYS = 365;
/** … but no more than this many. */
export const MAX_CALIBRATION_PASSES = 25;

/** The pilot passes for a horizon (minutes): enough history for the experiences to settle, within the bounds. */
export function calibrationPasses(horizon: number): number {
  const days = horizon / 1440;
  return Math.min(MAX_CALIBRATION_PASSES, Math.max(CALIBRATION_PASSES, Math.ceil(CALIBRATION_HISTORY_DAYS / days) + 1));
}

export interface StatusQuoCalibration {
  /** Per segment and band (g · 3 + band), the factor on the input churn rate; empty when nothing churns. */
  factors: number[];
  /** Per channel, the customers' initial expected wait (minutes). */
  expectedWaits: number[];
  /** Per segment, quantiles of the experience the customers present at the start remember (model/customers/initialExperience.ts); empty: none. */
  initialExperience: number[][];
  /** How it was done, for the output. */
  by: string;
}

/** Whether a configuration has customers whose expectations and churn the status quo calibrates. */
export function needsCalibration(cfg: SupportConfig): boolean {
  return cfg.causal && cfg.segments.some((s) => s.customers > 0);
}

/** Each channel's mean remembered wait over the contacts that ended in the measured window (time held plus the abandonment penalty: §5.2), or its current expectation where none ended. */
function experiencedWaits(cfg: SupportConfig, r: ReturnType<typeof simulateSupport>): number[] {
  return cfg.channels.map((ch, c) => {
    const a = r.counters.attempt, row = c * ATTEMPT_FIELDS.length, n = a[row + AF.ended];
    return n > 0 ? (a[row + AF.held] + ch.abandonPenalty * a[row + AF.unanswered]) / n : ch.initialExpectedWait;
  });
}

/** Calibrate on the status quo's configuration (see the header). */
export function calibrateOnStatusQuo(statusQuo: SupportConfig, seed: number, statusQuoName: string): StatusQuoCalibration {
  // before the first pass: the configuration's own (uncalibrated) values
  let cal = calibrationOf(statusQuo);
  if (!needsCalibration(statusQuo)) return cal;
  const passes = calibrationPasses(statusQuo.horizon);
  let next = cal.initialExperience;
  for (let pass = 0; pass < passes; pass++) {
    // each pass starts from the previous pass's settled experiences; the last pass's start is the run's (its factors were measured from it)
    const start = next;
    const r = simulateSupport(calibrated(statusQuo, { ...cal, initialExperience: start }), new RandomStreams(seed, 0), null);
    const waits = experiencedWaits(statusQuo, r);
    cal = {
      factors: statusQuo.segments.some((s) => s.churnPerMinute > 0 || s.churnMode === "renewal") ? baseFactorsOf([r.retention.exposure], statusQuo.segments) : [],
      expectedWaits: statusQuo.channels.map((ch, c) => (ch.expectedWaitGiven ? ch.initialExpectedWait : waits[c])),
      initialExperience: start,
      by: "",
    };
    next = r.retention.experienceQuantiles;
  }
  const churn = cal.factors.length === 0 ? "" : `base churn = input churn × (${statusQuo.segments.map((s, g) => `${s.name} ×${cal.factors[g * 3 + 1].toFixed(3)}`).join(", ")}), the rate of a customer with no need; `;
  const waits = statusQuo.channels.map((ch, c) => `${ch.name} ${formatWait(cal.expectedWaits[c])}${ch.expectedWaitGiven ? " (as given)" : ""}`).join(", ");
  cal.by = `${churn}customers start expecting the waits the status quo gives (${waits}; time held, an unanswered attempt counted as more) and remembering its settled experiences; so that "${statusQuoName}" (the status quo) reproduces its input churn and its expectations are settled over this horizon (${passes} pilot passes, seed ${seed})`;
  return cal;
}

const formatWait = (minutes: number) => (minutes < 1 ? `${Math.round(minutes * 60)} s` : minutes < 120 ? `${minutes.toFixed(1)} min` : `${(minutes / 60).toFixed(1)} h`);

/** The calibration a calibrated configuration carries (what its sweep points and a re-timed run keep). */
export function calibrationOf(cfg: SupportConfig): StatusQuoCalibration {
  return {
    factors: cfg.retention.baseFactors,
    expectedWaits: cfg.channels.map((c) => c.initialExpectedWait),
    initialExperience: cfg.retention.initialExperience,
    by: cfg.calibratedBy ?? "",
  };
}

/** The configuration with this calibration (a copy; the input is not changed). */
export function calibrated(cfg: SupportConfig, cal: StatusQuoCalibration): SupportConfig {
  return {
    ...cfg,
    channels: cfg.channels.map((ch, c) => (cal.expectedWaits.length === cfg.channels.length ? { ...ch, initialExpectedWait: cal.expectedWaits[c] } : ch)),
    retention: { ...cfg.retention, baseFactors: [...cal.factors], initialExperience: cal.initialExperience.length === cfg.segments.length ? cal.initialExperience : [] },
    calibratedBy: cal.by,
  };
}
