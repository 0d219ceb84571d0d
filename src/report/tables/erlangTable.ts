/**
 * The analytic answers as terminal tables (`supportsim erlang b|c|a|x|staff`).
 */
import type { QueueMetrics } from "../../analytic/index.js";
import type { ErlangXMetrics } from "../../analytic/erlangX.js";
import { layout } from "./layout.js";

const MODEL_TITLE: Record<QueueMetrics["model"], string> = {
  "erlang-b": "Erlang B (M/M/c/c, blocked contacts are lost)",
  "erlang-c": "Erlang C (M/M/c, customers wait forever)",
  "erlang-a": "Erlang A (M/M/c+M, exponential patience)",
};

/** An Erlang B, C or A answer. */
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
