/**
 * The analytic models through the library: `erlang.b`, `erlang.c`, `erlang.a`, `erlang.x`,
 * `erlang.staff` and `erlang.staffForecast` (a per-interval forecast file), each checking its
 * input first (an `InputError` naming the option, or the file's line and column) and then
 * answering exactly (src/analytic).
 */
import { erlangA, erlangB, erlangC, staffErlangA, staffErlangC, type QueueInput, type QueueMetrics, type StaffingResult, type StaffingTarget } from "../analytic/index.js";
import { erlangX, type ErlangXInput, type ErlangXMetrics } from "../analytic/erlangX.js";
import { staffForecast, type ForecastStaffing } from "../analysis/forecastStaffing.js";
import { readIntervalForecastFile } from "../forecast/intervalForecast.js";
import { InputError, problem, type Problem } from "../errors.js";
import { isFraction, isIntegerAtLeast, isNonNegative, isPositive, numberProblem, OPTIONS, throwIfAny } from "./options.js";

export type { QueueInput, QueueMetrics, StaffingResult, StaffingTarget, ErlangXInput, ErlangXMetrics, ForecastStaffing };

/** How to size a forecast file (`erlang.staffForecast`). */
export interface ForecastStaffOptions {
  /** Every target given must hold in every interval; `thresholdSeconds` defaults to 20. */
  target: StaffingTarget;
  /** Mean patience, minutes, of the intervals whose row gives none (then Erlang A throughout). */
  patienceMinutes?: number;
  /** Interval length, minutes (default: read from the starts; needed when they are interval numbers). */
  intervalMinutes?: number;
  /** Share of paid time off the floor, in [0, 1) (default 0). */
  shrinkage?: number;
  /** Paid hours of one full-time employee over the forecast's period (default 40: a week). */
  fteHours?: number;
}

/** The load of a queue: Poisson arrivals, exponential handle time and (optionally) patience. */
export interface QueueLoad {
  ratePerHour: number;
  ahtMinutes: number;
  /** Mean exponential patience, minutes (none: nobody abandons). */
  patienceMinutes?: number;
  /** Service-level threshold, seconds (default 20). */
  thresholdSeconds?: number;
}

function loadProblems(l: Partial<QueueLoad>): (Problem | undefined)[] {
  return [
    numberProblem("ratePerHour", l.ratePerHour, isPositive, "a positive number (contacts per hour)", true),
    numberProblem("ahtMinutes", l.ahtMinutes, isPositive, "a positive number (minutes)", true),
    numberProblem("thresholdSeconds", l.thresholdSeconds, isNonNegative, "a number >= 0 (seconds)"),
    numberProblem("patienceMinutes", l.patienceMinutes, isPositive, "a positive number (minutes)"),
  ];
}

const agentsProblem = (i: Partial<QueueInput>) => numberProblem("agents", i.agents, isIntegerAtLeast(1), "a whole number of agents >= 1", true);

/**
 * The analytic answer, or an InputError when the model has none for these (checked) inputs — a
 * target no staffing meets, a redial loop that does not settle (`what`: the model).
 */
function answer<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && !(e instanceof TypeError)) throw new InputError(problem("", e.message), what);
    throw e;
  }
}

export const erlang = {
  /** Erlang B: a loss system (blocked contacts are lost). */
  b(input: QueueInput): QueueMetrics {
    throwIfAny([...loadProblems(input), agentsProblem(input)]);
    return answer("erlang b", () => erlangB(input));
  },
  /** Erlang C: customers wait forever. */
  c(input: QueueInput): QueueMetrics {
    throwIfAny([...loadProblems(input), agentsProblem(input)]);
    return answer("erlang c", () => erlangC(input));
  },
  /** Erlang A: exponential patience (`patienceMinutes` required). */
  a(input: QueueInput): QueueMetrics {
    throwIfAny([
      ...loadProblems(input),
      agentsProblem(input),
      input.patienceMinutes === undefined ? problem("patienceMinutes", "missing: expected a positive number (minutes); Erlang A needs a mean patience") : undefined,
    ]);
    return answer("erlang a", () => erlangA(input));
  },
  /** Erlang X: finite lines, abandonment and redials. */
  x(input: ErlangXInput): ErlangXMetrics {
    throwIfAny([
      ...loadProblems(input),
      agentsProblem(input),
      input.lines === undefined || !Number.isInteger(input.agents) ? undefined : numberProblem("lines", input.lines, (x) => Number.isInteger(x) && x >= input.agents, `a whole number of lines >= \`agents\` (${input.agents})`),
      numberProblem("redialBlocked", input.redialBlocked, isFraction, "a fraction between 0 and 1"),
      numberProblem("redialAbandoned", input.redialAbandoned, isFraction, "a fraction between 0 and 1"),
    ]);
    return answer("erlang x", () => erlangX(input));
  },
  /**
   * The fewest agents meeting every target given (Erlang A with a patience, else Erlang C).
   * `target.thresholdSeconds` defaults to the load's.
   */
  staff(load: QueueLoad, target: StaffingTarget): StaffingResult {
    const t = target ?? {};
    throwIfAny([...loadProblems(load), ...targetProblems(t, load.patienceMinutes !== undefined)]);
    const full: StaffingTarget = { ...t, thresholdSeconds: t.thresholdSeconds ?? load.thresholdSeconds };
    return answer("erlang staff", () => (load.patienceMinutes === undefined ? staffErlangC(load, full) : staffErlangA(load, full)));
  },
  /**
   * Every interval of a forecast CSV file (src/forecast/intervalForecast.ts) sized like
   * `staff`, the measures at N − 2 … N + 3 agents, floor and paid hours and FTE
   * (src/analysis/forecastStaffing.ts).
   */
  staffForecast(file: string, options: ForecastStaffOptions): ForecastStaffing {
    const o = options ?? ({} as ForecastStaffOptions);
    const t = o.target ?? {};
    throwIfAny([
      numberProblem("target.thresholdSeconds", t.thresholdSeconds, isNonNegative, "a number >= 0 (seconds)"),
      numberProblem("patienceMinutes", o.patienceMinutes, isPositive, "a positive number (minutes)"),
      numberProblem("intervalMinutes", o.intervalMinutes, isPositive, "a positive number (minutes)"),
      numberProblem("shrinkage", o.shrinkage, (x) => x >= 0 && x < 1, "a share of paid time >= 0 and < 1"),
      numberProblem("fteHours", o.fteHours, isPositive, "a positive number (paid hours of one full-time employee)"),
      ...targetProblems(t, true),
    ]);
    const forecast = readIntervalForecastFile(file, { intervalMinutes: o.intervalMinutes });
    throwIfAny([...targetProblems(t, o.patienceMinutes !== undefined || forecast.hasPatience, "or a patience_seconds column ")]);
    return staffForecast(forecast, {
      target: { ...t, thresholdSeconds: t.thresholdSeconds ?? 20 },
      patienceMinutes: o.patienceMinutes,
      shrinkage: o.shrinkage ?? 0,
      fteHours: o.fteHours ?? 40,
    });
  },
};

/** The problems of a staffing target (`patient`: some patience is given, so abandonment is possible). */
function targetProblems(t: StaffingTarget, patient: boolean, orPatience = ""): (Problem | undefined)[] {
  return [
    numberProblem("target.serviceLevel", t.serviceLevel, isFraction, "a fraction between 0 and 1"),
    numberProblem("target.maxAbandonRate", t.maxAbandonRate, isFraction, "a fraction between 0 and 1"),
    t.maxAbandonRate !== undefined && !patient ? problem("target.maxAbandonRate", `needs \`patienceMinutes\` ${orPatience}(without patience nobody abandons)`) : undefined,
    numberProblem("target.maxAsaSeconds", t.maxAsaSeconds, isNonNegative, "a number >= 0 (seconds)"),
    numberProblem("target.maxOccupancy", t.maxOccupancy, isFraction, "a fraction between 0 and 1"),
    t.serviceLevel === undefined && t.maxAbandonRate === undefined && t.maxAsaSeconds === undefined && t.maxOccupancy === undefined
      ? problem("target", "give at least one target: `target.serviceLevel`, `target.maxAbandonRate`, `target.maxAsaSeconds` or `target.maxOccupancy`")
      : undefined,
  ];
}

export { OPTIONS };
