/**
 * Turning a validated full-form scenario (./schema.ts: planners' units — dates, days, hours,
 * per month, per year) into the support-demand model's configuration (src/model/config.ts:
 * minutes since the scenario start t = 0, rates per minute, work index = needType × channels +
 * channel). Each part is built in ./build/ (customers, channels, quality, tiers, pools,
 * arrivals, programmes, retention), which also says how its units convert.
 *
 * Conversions:
 *  - days × 1440, hours × 60 → minutes; seconds / 60 → minutes;
 *  - per month: / (525960 / 12); per year: / 525960;
 *  - churnPerYear p (an annual probability) → hazard −ln(1 − p) / 525960 per minute;
 *    renewalRate r with termMonths m → churn mode "renewal", term m × 43830 minutes (no hazard);
 *  - attritionPerYear a (leavers per employee-year) → hazard a / 525960 per minute;
 *  - …PerMonth money (fees, programme costs) → per minute: / 43830;
 *  - shifts and staffing tables → the pool's `schedule`; its `agents` (the most on the floor at
 *    once) and `hours` (when anyone is scheduled) come from `WeeklyPattern` (staffing.ts); the
 *    simple form (agents with optional hours) keeps agents and hours as written;
 *  - a loaded cost per hour = wagePerHour × (1 + benefits + overhead);
 *  - names of need types and tiers in KCS maps → arrays by index (unnamed: neutral values);
 *    segment names in customer training's gapClosed → an array by segment (unnamed: 0);
 *  - dates → minutes since the start epoch (`parseStartEpochMs`: a date alone is local
 *    midnight in the scenario's zone, a date-time without offset is local wall time);
 *  - opening hours → WeeklyHours spans (`parseDays`, `parseClock`).
 */
import type { SupportConfig } from "../../model/config.js";
import { DAY_MINUTES } from "../../time/units.js";
import { durationSpec } from "../duration.js";
import { forecastStreams } from "./build/arrivals.js";
import { channelConfigs, needTypeConfigs } from "./build/channels.js";
import { buildContext } from "./build/context.js";
import { segmentConfigs } from "./build/customers.js";
import { poolConfigs } from "./build/pools.js";
import { customerTrainingConfig, kcsConfig, problemManagementConfig } from "./build/programs.js";
import { fixConfigs, releaseConfigs } from "./build/quality.js";
import { retentionConfig } from "./build/retention.js";
import { readCalibrationHistory } from "./calibrationHistory.js";
import { tierConfigs } from "./build/tiers.js";
import { SUPPORT_DEFAULTS as D } from "./defaults.js";
import { warmupMinutes } from "./horizon.js";
import type { SupportScenario } from "./schema.js";

/**
 * The model configuration of a validated full-form scenario.
 * @param options.baseDir the directory history files are relative to (the scenario file's).
 * @param options.file the scenario file, for error messages.
 * @throws InputError when a history file cannot be read or fitted (path `arrivals[i].history.file`)
 *   or does not have the named channel (`arrivals[i].history.channel`), or when the calibration's
 *   history file cannot be read (`calibration.history.file`).
 */
export function buildSupport(s: SupportScenario, options: { baseDir: string; file?: string }): SupportConfig {
  checkCalibrationFile(s, options);
  const cx = buildContext(s);
  const segments = segmentConfigs(s, cx);
  const learning = s.customers?.learning;
  const needTypes = needTypeConfigs(s, cx);
  const channels = channelConfigs(s, cx);
  const releases = releaseConfigs(s, cx);
  const fixes = fixConfigs(s, cx);
  const tiers = tierConfigs(s, cx);
  const pools = poolConfigs(s, cx);
  const streams = forecastStreams(s, segments.map((g) => g.name), cx, options);
  const kcs = s.kcs === undefined ? undefined : kcsConfig(s.kcs, needTypes, cx);
  const problemManagement = s.problemManagement === undefined ? undefined : problemManagementConfig(s.problemManagement, needTypes, cx);
  const customerTraining = s.customerTraining === undefined ? undefined : customerTrainingConfig(s.customerTraining, segments.map((g) => g.name), cx);

  const config: SupportConfig = {
    start: s.start,
    timeZone: cx.timeZone,
    horizon: cx.horizon,
    warmup: warmupMinutes(s.horizon),
    intervalLength: s.horizon.intervalMinutes ?? D.horizon.intervalMinutes,
    threshold: cx.threshold,
    seasonality: structuredClone(s.seasonality ?? {}),
    learning: {
      noviceMultiplier: learning?.noviceMultiplier ?? D.customers.learning.noviceMultiplier,
      timeConstant: (learning?.timeConstantDays ?? D.customers.learning.timeConstantDays) * DAY_MINUTES,
    },
    segments,
    classes: cx.classes,
    needTypes,
    channels,
    quality: { releases, fixes },
    access: {
      askLogOdds: s.access?.askLogOdds ?? D.access.askLogOdds,
      severityWeight: s.access?.severityWeight ?? D.access.severityWeight,
      priceWeight: s.access?.priceWeight ?? D.access.priceWeight,
      accessWeight: s.access?.accessWeight ?? D.access.accessWeight,
      waitMemory: s.access?.waitMemory ?? D.access.waitMemory,
      outsideHours: s.access?.outsideHours ?? D.access.outsideHours,
      retryShare: s.access?.retry?.share ?? D.access.retry.share,
      retryDelay: durationSpec(s.access?.retry?.delay ?? D.access.retry.delay),
    },
    selfService: {
      tryShare: s.selfService?.tryShare ?? D.selfService.tryShare,
      successAtFullCoverage: s.selfService?.successAtFullCoverage ?? D.selfService.successAtFullCoverage,
      goOnShare: s.selfService?.goOnShare ?? D.selfService.goOnShare,
    },
    repeat: {
      share: s.repeat?.share ?? D.repeat.share,
      delay: durationSpec(s.repeat?.delay ?? D.repeat.delay),
      switchShare: s.repeat?.switchShare ?? D.repeat.switchShare,
    },
    tiers,
    pools,
    forecastStreams: streams,
    causal: s.customers !== undefined,
    costs: {
      currency: s.currency ?? D.currency,
      perContactByChannel: s.channels.map((c) => c.costPerContact ?? D.costs.costPerContact),
      perSelfServiceSession: s.selfService?.costPerSession ?? D.costs.costPerSession,
    },
    retention: retentionConfig(s.retention),
  };
  if (s.operatingModel !== undefined) config.operatingModel = s.operatingModel;
  if (kcs !== undefined) config.kcs = kcs;
  if (problemManagement !== undefined) config.problemManagement = problemManagement;
  if (customerTraining !== undefined) config.customerTraining = customerTraining;
  return config;
}

/**
 * The calibration's history file is compared with the run after the run (analysis/experiments/run.ts),
 * but whether it can be read and is a valid history CSV is known now: a missing file, a folder,
 * /dev/zero, a named pipe or a malformed CSV is refused by `validate` too, and by `run` before
 * the simulation instead of after it (issue 18 point 7).
 */
function checkCalibrationFile(s: SupportScenario, options: { baseDir: string; file?: string }): void {
  const spec = s.calibration?.history;
  if (spec !== undefined) readCalibrationHistory(spec.file, options.baseDir, options.file);
}
