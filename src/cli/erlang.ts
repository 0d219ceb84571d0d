/**
 * `supportsim erlang b|c|a|x|staff`: analytic answers (no simulation).
 */
import type { Argv } from "yargs";
import { erlangA, erlangB, erlangC, staffErlangA, staffErlangC, type QueueInput, type QueueMetrics, type StaffingTarget } from "../analytic/index.js";
import { erlangX, type ErlangXMetrics } from "../analytic/erlangX.js";
import { layout } from "../report/table.js";
import { UsageError } from "./errors.js";

interface ErlangArgs {
  model: "b" | "c" | "a" | "x" | "staff";
  ratePerHour?: number;
  ahtMinutes?: number;
  agents?: number;
  patienceMinutes?: number;
  lines?: number;
  redialBlocked?: number;
  redialAbandoned?: number;
  thresholdSeconds: number;
  targetSl?: number;
  maxAbandon?: number;
  maxAsaSeconds?: number;
  maxOccupancy?: number;
  json: boolean;
}

const MODEL_TITLE: Record<QueueMetrics["model"], string> = {
  "erlang-b": "Erlang B (M/M/c/c, blocked contacts are lost)",
  "erlang-c": "Erlang C (M/M/c, customers wait forever)",
  "erlang-a": "Erlang A (M/M/c+M, exponential patience)",
};

function need(name: string, v: number | undefined, check: (x: number) => boolean, what: string): number {
  if (v === undefined) throw new UsageError(`--${name}: missing: expected ${what}`);
  if (!check(v)) throw new UsageError(`--${name}: expected ${what}, got ${v}`);
  return v;
}
const positive = (x: number) => Number.isFinite(x) && x > 0;
const fraction = (x: number) => x >= 0 && x <= 1;

export function metricsTable(m: QueueMetrics, thresholdSeconds: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  const sec = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : "∞");
  const rows: string[][] = [
    ["Offered load", `${m.offeredLoadErlangs.toFixed(3)} Erlangs`],
    ["Agents", String(m.agents)],
    [m.model === "erlang-b" ? "P(blocked)" : "P(wait)", pct(m.probWait)],
    ["Service level", `${pct(m.serviceLevel)}${m.model === "erlang-b" ? " not blocked" : ` answered within ${thresholdSeconds} s`}`],
  ];
  if (m.model !== "erlang-b") {
    rows.push(["ASA (answered)", sec(m.asaSeconds)], ["Mean wait (all)", sec(m.meanWaitSeconds)]);
  }
  if (m.model === "erlang-a") rows.push(["Abandon rate", pct(m.abandonRate)]);
  rows.push(["Occupancy", pct(m.occupancy)]);
  if (m.model !== "erlang-b") rows.push(["Mean queue length", Number.isFinite(m.meanQueueLength) ? m.meanQueueLength.toFixed(3) : "∞"]);
  const note = m.stable ? "" : "\nUnstable: offered load ≥ agents, the queue grows without bound.\n";
  return `${MODEL_TITLE[m.model]}\n\n${layout(rows, ["Measure", "Value"])}\n${note}`;
}

/** Text report of an Erlang X result (attempt metrics at the redial fixed point + fresh outcome). */
export function erlangXTable(m: ErlangXMetrics, thresholdSeconds: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  const sec = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : "∞");
  const rate = (x: number) => `${x.toFixed(3)} /h`;
  const rows: string[][] = [
    ["Fresh arrivals", rate(m.freshRatePerHour)],
    ["Redials (blocked)", rate(m.redialBlockedRatePerHour)],
    ["Redials (abandoned)", rate(m.redialAbandonedRatePerHour)],
    ["Attempts (total)", `${rate(m.attemptRatePerHour)} (${m.attemptsPerCaller.toFixed(4)} per caller)`],
    ["Offered load", `${m.offeredLoadErlangs.toFixed(3)} Erlangs`],
    ["Agents", String(m.agents)],
    ["Lines", Number.isFinite(m.lines) ? String(m.lines) : "unlimited"],
    ["P(blocked)", pct(m.blocking)],
    ["P(wait) (admitted)", pct(m.probWait)],
    ["Abandon rate (admitted)", pct(m.abandonRate)],
    ["Service level", `${pct(m.serviceLevel)} of attempts answered within ${thresholdSeconds} s`],
    ["Service level (admitted)", pct(m.serviceLevelAdmitted)],
    ["ASA (answered)", sec(m.asaSeconds)],
    ["Mean wait (admitted)", sec(m.meanWaitSeconds)],
    ["Occupancy", pct(m.occupancy)],
    ["Mean queue length", Number.isFinite(m.meanQueueLength) ? m.meanQueueLength.toFixed(3) : "∞"],
    ["Fresh callers served", `${pct(m.freshServedProb)} eventually`],
  ];
  const note = m.stable ? "" : "\nUnstable: offered load ≥ agents, the queue grows without bound.\n";
  return `Erlang X (M/M/c/N+M with redials)\n\n${layout(rows, ["Measure", "Value"])}\n${note}`;
}

export function erlangCommand(y: Argv) {
  return y.command<ErlangArgs>(
    "erlang <model>",
    "Analytic queueing answers: Erlang B, C, A, and the staffing that meets a target",
    (a) =>
      a
        .positional("model", { choices: ["b", "c", "a", "x", "staff"] as const, describe: "b: loss system; c: wait forever; a: with abandonment; x: lines, abandonment and redials; staff: fewest agents meeting the targets" })
        .option("rate-per-hour", { type: "number", describe: "arrivals per hour (Poisson)" })
        .option("aht-minutes", { type: "number", describe: "mean handle time, minutes (exponential)" })
        .option("agents", { type: "number", describe: "number of agents (b, c, a)" })
        .option("patience-minutes", { type: "number", describe: "mean patience, minutes (exponential; a, and staff with abandonment)" })
        .option("lines", { type: "number", describe: "x: number of lines (trunks) >= agents; default unlimited" })
        .option("redial-blocked", { type: "number", describe: "x: share of blocked callers who redial, 0..1 (default 0)" })
        .option("redial-abandoned", { type: "number", describe: "x: share of abandoned callers who redial, 0..1 (default 0)" })
        .option("threshold-seconds", { type: "number", default: 20, describe: "service-level threshold, seconds" })
        .option("target-sl", { type: "number", describe: "staff: service level to reach, e.g. 0.8" })
        .option("max-abandon", { type: "number", describe: "staff: highest abandon rate allowed, e.g. 0.05 (needs --patience-minutes)" })
        .option("max-asa-seconds", { type: "number", describe: "staff: highest ASA allowed, seconds" })
        .option("max-occupancy", { type: "number", describe: "staff: highest occupancy allowed, e.g. 0.9" })
        .option("json", { type: "boolean", default: false, describe: "print JSON" })
        .example("$0 erlang c --rate-per-hour 540 --aht-minutes 5 --agents 48", "Erlang C")
        .example("$0 erlang a --rate-per-hour 540 --aht-minutes 5 --agents 50 --patience-minutes 2", "Erlang A")
        .example("$0 erlang x --rate-per-hour 540 --aht-minutes 5 --agents 50 --lines 60 --patience-minutes 2 --redial-blocked 0.8 --redial-abandoned 0.3", "Erlang X")
        .example("$0 erlang staff --target-sl 0.8 --threshold-seconds 20 --rate-per-hour 540 --aht-minutes 5", "agents needed for 80% in 20 s"),
    async (args) => {
      process.stdout.write(execErlang(args));
    },
  );
}

export function execErlang(args: ErlangArgs): string {
  const ratePerHour = need("rate-per-hour", args.ratePerHour, positive, "a positive number (contacts per hour)");
  const ahtMinutes = need("aht-minutes", args.ahtMinutes, positive, "a positive number (minutes)");
  const thresholdSeconds = need("threshold-seconds", args.thresholdSeconds, (x) => x >= 0, "a number >= 0 (seconds)");
  const patienceMinutes = args.patienceMinutes === undefined ? undefined : need("patience-minutes", args.patienceMinutes, positive, "a positive number (minutes)");
  const load = { ratePerHour, ahtMinutes, thresholdSeconds, patienceMinutes };
  if (args.model === "staff") {
    const target: StaffingTarget = { thresholdSeconds };
    if (args.targetSl !== undefined) target.serviceLevel = need("target-sl", args.targetSl, fraction, "a fraction between 0 and 1");
    if (args.maxAbandon !== undefined) {
      target.maxAbandonRate = need("max-abandon", args.maxAbandon, fraction, "a fraction between 0 and 1");
      if (patienceMinutes === undefined) throw new UsageError("--max-abandon: needs --patience-minutes (without patience nobody abandons)");
    }
    if (args.maxAsaSeconds !== undefined) target.maxAsaSeconds = need("max-asa-seconds", args.maxAsaSeconds, (x) => x >= 0, "a number >= 0 (seconds)");
    if (args.maxOccupancy !== undefined) target.maxOccupancy = need("max-occupancy", args.maxOccupancy, fraction, "a fraction between 0 and 1");
    if (Object.keys(target).length === 1) throw new UsageError("erlang staff: give at least one target: --target-sl, --max-abandon, --max-asa-seconds or --max-occupancy");
    let res;
    try {
      res = patienceMinutes === undefined ? staffErlangC(load, target) : staffErlangA(load, target);
    } catch (e) {
      throw new UsageError(`erlang staff: ${(e as Error).message}`);
    }
    if (args.json) return JSON.stringify({ agents: res.agents, target, metrics: res.metrics }, null, 2) + "\n";
    const goals = [
      target.serviceLevel !== undefined ? `service level ≥ ${(target.serviceLevel * 100).toFixed(1)}% within ${thresholdSeconds} s` : "",
      target.maxAbandonRate !== undefined ? `abandon rate ≤ ${(target.maxAbandonRate * 100).toFixed(1)}%` : "",
      target.maxAsaSeconds !== undefined ? `ASA ≤ ${target.maxAsaSeconds} s` : "",
      target.maxOccupancy !== undefined ? `occupancy ≤ ${(target.maxOccupancy * 100).toFixed(1)}%` : "",
    ].filter(Boolean);
    return `Agents needed: ${res.agents}  (${goals.join(", ")}; ${ratePerHour}/h, AHT ${ahtMinutes} min${patienceMinutes !== undefined ? `, patience ${patienceMinutes} min` : ""})\n\n${metricsTable(res.metrics, thresholdSeconds)}`;
  }
  const agents = need("agents", args.agents, (x) => Number.isInteger(x) && x >= 1, "a whole number of agents >= 1");
  const input: QueueInput = { ...load, agents };
  if (args.model === "x") {
    const lines = args.lines === undefined ? undefined : need("lines", args.lines, (x) => Number.isInteger(x) && x >= agents, `a whole number of lines >= --agents (${agents})`);
    const redialBlocked = args.redialBlocked === undefined ? undefined : need("redial-blocked", args.redialBlocked, fraction, "a fraction between 0 and 1");
    const redialAbandoned = args.redialAbandoned === undefined ? undefined : need("redial-abandoned", args.redialAbandoned, fraction, "a fraction between 0 and 1");
    let mx: ErlangXMetrics;
    try {
      mx = erlangX({ ...input, lines, redialBlocked, redialAbandoned });
    } catch (e) {
      throw new UsageError(`erlang x: ${(e as Error).message}`);
    }
    return args.json ? JSON.stringify(mx, null, 2) + "\n" : erlangXTable(mx, thresholdSeconds);
  }
  let m: QueueMetrics;
  try {
    if (args.model === "a") {
      if (patienceMinutes === undefined) throw new UsageError("--patience-minutes: missing: expected a positive number (minutes); Erlang A needs a mean patience");
      m = erlangA(input);
    } else m = args.model === "b" ? erlangB(input) : erlangC(input);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`erlang ${args.model}: ${(e as Error).message}`);
  }
  return args.json ? JSON.stringify(m, null, 2) + "\n" : metricsTable(m, thresholdSeconds);
}
