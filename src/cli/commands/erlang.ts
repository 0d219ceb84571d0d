/** `supportsim erlang`: its flags; the work (../erlang.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { ErlangArgs } from "../erlang.js";
import { wideOption } from "../flags.js";

/** The flags of the forecast path (`erlang staff --forecast`; ../erlangForecast.ts). */
const FORECAST_OPTIONS = {
  forecast: { type: "string", describe: "staff: size every interval of this forecast CSV (start,volume,aht_seconds[,patience_seconds]; see README)" },
  shrinkage: { type: "number", describe: "with --forecast: share of paid time off the floor, 0 ≤ s < 1 (default 0): paid hours = floor hours / (1 − s)" },
  "fte-hours": { type: "number", describe: "with --forecast: paid hours of one full-time employee over the forecast's period (default 40: a week)" },
  "interval-minutes": { type: "number", describe: "with --forecast: interval length (default: the most common gap between starts; needed when the starts are interval numbers)" },
  csv: { type: "string", describe: "with --forecast: also write the table as CSV to this file" },
} as const;

export function erlangCommand(y: Argv) {
  return y.command<ErlangArgs>(
    "erlang <model>",
    "Analytic queueing answers: Erlang B, C, A, and the staffing that meets a target",
    (a) =>
      wideOption(a)
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
        .options(FORECAST_OPTIONS)
        .option("json", { type: "boolean", default: false, describe: "print JSON" })
        .example("$0 erlang c --rate-per-hour 540 --aht-minutes 5 --agents 48", "Erlang C")
        .example("$0 erlang a --rate-per-hour 540 --aht-minutes 5 --agents 50 --patience-minutes 2", "Erlang A")
        .example("$0 erlang x --rate-per-hour 540 --aht-minutes 5 --agents 50 --lines 60 --patience-minutes 2 --redial-blocked 0.8 --redial-abandoned 0.3", "Erlang X")
        .example("$0 erlang staff --target-sl 0.8 --threshold-seconds 20 --rate-per-hour 540 --aht-minutes 5", "agents needed for 80% in 20 s")
        .example("$0 erlang staff --forecast scenarios/data/sample-forecast.csv --target-sl 0.8 --shrinkage 0.3 --csv plan.csv", "every interval of a forecast, hours and FTE; the table also as CSV"),
    async (args) => {
      const { execErlangCommand } = await import("../erlang.js");
      process.stdout.write(execErlangCommand(args));
    },
  );
}
