/**
 * `supportsim run [FILE]`: run a scenario's replications (api/simulate.ts) and print its KPI
 * table (or, with --json, the result object); either form, since a simple-form file is run as
 * the full-form scenario it stands for.
 */
import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { loadScenario } from "../api/scenario.js";
import { resultJson, simulate } from "../api/simulate.js";
import { reportFiles } from "../api/report.js";
import { SERIES_METRICS } from "../analysis/experiments/replications.js";
import { NETWORK_TRACE_HEADER, networkTraceSink, intervalsCsv } from "../report/csv.js";
import { AtomicWriter, writeFileAtomic } from "../report/files.js";
import { jsonText } from "../report/json.js";
import { runTable } from "../report/tables/runTable.js";
import { resolvedScenarioIn } from "../scenario/extends.js";
import { asFlagsAsync, tableWidth } from "./flags.js";
import { announceOut, asUsage, checkOutDir, checkOutputPath, writeOutputs } from "./outputs.js";
import { DEFAULT_SCENARIO } from "./paths.js";
import { progressBar } from "./progress.js";
import { InputError, problem } from "../errors.js";
import { execUncertainty } from "./uncertainty.js";
import type { UncertaintyArgs } from "./commands/uncertaintyFlags.js";

export interface RunArgs extends UncertaintyArgs {
  file?: string;
  json: boolean;
  replications?: number;
  seed?: number;
  trace?: string;
  intervals?: string;
  out?: string;
  threads?: number;
  /** With --out on a full-form scenario: also the charts and report.html (default true; --no-charts). */
  charts?: boolean;
  /** The warm-up in whole days, or "auto" (MSER on daily batch means of pilot replications). */
  warmup?: string;
  /** User-defined metrics, "name = formula". */
  metric?: string[];
  /** Print the tables in full (default: fitted to the terminal's width). */
  wide?: boolean;
}

/** `--warmup auto` or a whole number of days (anything else: the library's one-line error names --warmup). */
const warmupOption = (v: string | undefined): number | "auto" | undefined => {
  if (v === undefined) return undefined;
  if (v.trim() === "auto") return "auto";
  const n = v.trim() === "" ? NaN : Number(v);
  return Number.isNaN(n) ? (v as unknown as number) : n; // the text as given, for the message
};

export async function execRun(args: RunArgs): Promise<number> {
  const file = args.file ?? (relative(process.cwd(), DEFAULT_SCENARIO) || DEFAULT_SCENARIO);
  // the scenario loaded, validated and built, and the outputs checked, before anything runs or is written
  const scenario = loadScenario(file);
  if (args.intervals) checkOutputPath("--intervals", args.intervals);
  if (args.out) checkOutDir(args.out);
  if (args.uncertainty !== undefined) {
    const alone = (["trace", "intervals", "warmup"] as const).find((k) => args[k] !== undefined);
    if (alone !== undefined) throw new InputError(problem(`--${alone}`, "not with --uncertainty (a Monte Carlo over the inputs reports bands, not one run)"));
    await execUncertainty([scenario], { ...args, threads: args.threads ?? availableParallelism(), width: tableWidth(args.wide) });
    return 0;
  }
  const config = scenario.config;
  const progress = progressBar(!args.json && process.stderr.isTTY === true);
  const trace = args.trace ? openOutput("--trace", args.trace) : null;
  try {
    trace?.write(NETWORK_TRACE_HEADER);
    const works = config.needTypes.flatMap((n) => config.channels.map((c) => `${n.name}/${c.name}`));
    const result = await asFlagsAsync({ metrics: "--metric" }, () =>
      simulate(scenario, {
        metrics: args.metric,
        threads: args.threads ?? availableParallelism(),
        seed: args.seed,
        replications: args.replications,
        warmup: warmupOption(args.warmup),
        intervals: args.intervals !== undefined || args.out !== undefined,
        trace: trace ? (k) => networkTraceSink(trace, k, config.tiers.map((t) => t.name), works, config.classes, config.pools.map((p) => p.name)) : undefined,
        onProgress: (done, total) => progress.update(done, total),
      }),
    );
    const csv = result.intervals ? intervalsCsv(result.intervals, SERIES_METRICS) : "";
    if (args.intervals) {
      const path = args.intervals;
      asUsage("--intervals", path, () => writeFileAtomic(path, csv));
    }
    const json = jsonText(resultJson(result));
    let written: string[] = [];
    if (args.out) {
      const charts = args.charts === false ? {} : await reportFiles({ kind: "run", run: result });
      written = writeOutDir(args.out, file, json, csv, charts);
    }
    trace?.commit();
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    if (result.warmupChoice) process.stderr.write(`warm-up: ${result.warmupChoice}\n`);
    process.stdout.write(args.json ? json : runTable(result, tableWidth(args.wide)));
    if (args.out) announceOut(args.out, written, { json: args.json });
    return 0;
  } catch (e) {
    trace?.abort();
    throw e;
  }
}

/**
 * `--out DIR`: results.json, intervals.csv and scenario.resolved.json (the scenario with its
 * `extends` chain merged, for reproducibility), each written atomically once the run is done.
 */
function writeOutDir(dir: string, scenarioFile: string, resultsJson: string, intervalsCsvText: string, more: Record<string, string | Uint8Array> = {}): string[] {
  const resolved = JSON.stringify(resolvedScenarioIn(scenarioFile, dir), null, 2) + "\n";
  return writeOutputs(dir, { "results.json": resultsJson, "intervals.csv": intervalsCsvText, "scenario.resolved.json": resolved, ...more });
}

/** Fail before the run (not after it) when an output path cannot be a file. */

function openOutput(flag: string, path: string): AtomicWriter {
  checkOutputPath(flag, path);
  return asUsage(flag, path, () => new AtomicWriter(path));
}
