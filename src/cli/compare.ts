/**
 * `supportsim compare A.json B.json [C.json ...]`: run full-form scenarios with common random
 * numbers and print each headline metric side by side, with every scenario's difference
 * against the first and its paired 95% interval (src/analysis/compare.ts).
 *
 * Every file is loaded, validated and built before anything runs, and outputs are written only
 * after every run succeeded, so bad input fails (exit 2, one line) with nothing written.
 */
import { dirname, resolve } from "node:path";
import type { Argv } from "yargs";
import { compareSupport, comparisonJson, uniqueLabels, type CompareInput, type Comparison } from "../analysis/experiments/compare.js";
import { compareTable, comparisonCsv } from "../report/tables/compareTable.js";
import { buildSupport } from "../scenario/full/build.js";
import { supportRunSettings } from "../scenario/full/runSettings.js";
import { supportWarnings } from "../scenario/full/warnings.js";
import { loadAnyScenarioFile } from "../scenario/load.js";
import type { SupportScenario } from "../scenario/full/schema.js";
import type { SupportConfig } from "../model/config.js";
import { supportResultJson, supportRunOutput } from "../analysis/experiments/run.js";
import { jsonText } from "../report/json.js";
import { availableParallelism } from "node:os";
import { VERSION } from "./version.js";
import { UsageError } from "./errors.js";
import { checkOutDir, reportFiles, writeOutputs } from "./outputs.js";
import { progressBar } from "./progress.js";

export interface CompareOptions {
  replications?: number;
  seed?: number;
  /** Worker threads for the runs (default 1 here; the command's default is the machine's cores). */
  threads?: number;
  json?: boolean;
  out?: string;
  /** With --out: also the charts and report.html (default true). */
  charts?: boolean;
  /** Where the table or JSON goes (default: standard output). */
  stdout?: (s: string) => void;
  /** Where warnings and progress go (default: standard error). */
  stderr?: (s: string) => void;
  /** Show progress (default: when standard error is a terminal and not --json). */
  progress?: boolean;
}

interface CompareArgs {
  files: string[];
  replications?: number;
  seed?: number;
  threads?: number;
  json: boolean;
  out?: string;
  charts: boolean;
}

export function compareCommand(y: Argv): Argv {
  return y.command<CompareArgs>(
    "compare <files..>",
    "Compare full-form scenarios with common random numbers: KPIs, costs and retention side by side, differences against the first with paired 95% intervals",
    (a) =>
      a
        .positional("files", { type: "string", array: true, describe: "two or more full-form scenario files; the first is the reference" })
        .option("replications", { type: "number", describe: "replications per scenario (default: the first scenario's)" })
        .option("seed", { type: "number", describe: "random seed for every scenario (default: the first scenario's)" })
        .option("threads", { type: "number", describe: "worker threads for the runs (default: the machine's cores); the results do not depend on it" })
        .option("json", { type: "boolean", default: false, describe: "print the comparison as JSON instead of the table" })
        .option("out", { type: "string", describe: "also write results.json (with each scenario's full run), comparison.csv, the charts (charts/*.vl.json, .svg, .png) and report.html to this folder" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the charts and report.html (--no-charts to skip)" })
        .example("$0 compare scenarios/baseline.json scenarios/outsource-l1-overflow.json", "what L1 overflow to a vendor changes, with paired intervals")
        .example("$0 compare a.json b.json c.json --replications 20 --out cmp", "three scenarios, 20 replications, files in cmp/"),
    async (args) => {
      await runCompare(args.files, { replications: args.replications, seed: args.seed, threads: args.threads ?? availableParallelism(), json: args.json, out: args.out, charts: args.charts });
      process.exitCode = 0;
    },
  );
}

/**
 * Load, build, run and report a comparison. Throws UsageError or InputError on bad input
 * (the CLI reports them in one line, exit 2) before anything runs or is written.
 */
export async function runCompare(files: readonly string[], options: CompareOptions = {}): Promise<Comparison> {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  if (files.length < 2) throw new UsageError(`compare: expected at least two scenario files, got ${files.length}`);
  if (options.replications !== undefined && (!Number.isInteger(options.replications) || options.replications < 1)) {
    throw new UsageError(`--replications: expected an integer >= 1, got ${options.replications}`);
  }
  if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < 0)) {
    throw new UsageError(`--seed: expected an integer >= 0, got ${options.seed}`);
  }
  if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1)) {
    throw new UsageError(`--threads: expected an integer >= 1, got ${options.threads}`);
  }
  if (options.out !== undefined) checkOutDir(options.out);

  // load and build everything first: a bad file fails before any run
  const loaded = files.map((file) => {
    const any = loadAnyScenarioFile(file);
    if (any.form !== "support") {
      throw new UsageError(`${file}: compare needs full-form scenarios (with channels, tiers and pools); this is a simple-form scenario (use "supportsim run" for it)`);
    }
    return { file, scenario: any.scenario };
  });
  const labels = uniqueLabels(loaded.map((l) => ({ name: l.scenario.name, file: l.file })));
  const first = supportRunSettings(loaded[0].scenario, { seed: options.seed, replications: options.replications });
  const inputs: CompareInput[] = [];
  const built: { scenario: SupportScenario; config: SupportConfig; file: string }[] = [];
  const warnings: string[] = [];
  loaded.forEach((l, i) => {
    const config = buildSupport(l.scenario, { baseDir: dirname(resolve(l.file)), file: l.file });
    const settings = supportRunSettings(l.scenario);
    inputs.push({ label: labels[i], config, horizonHours: settings.horizonHours, warmupHours: settings.warmupHours });
    built.push({ scenario: l.scenario, config, file: l.file });
    for (const w of supportWarnings(l.scenario, config)) warnings.push(`warning: ${labels[i]}: ${w}\n`);
  });

  const bar = progressBar(options.progress ?? (!options.json && process.stderr.isTTY === true), stderr);
  const { comparison, runs } = await compareSupport(inputs, {
    seed: first.seed,
    replications: first.replications,
    threads: options.threads,
    onReplication: (done, total) => bar.update(done, total, "scenarios × replications"),
  });
  bar.end();

  const json = JSON.stringify(comparisonJson(comparison), null, 2) + "\n";
  if (options.out !== undefined) {
    // results.json: the comparison, and each scenario's full run (as `run --out` writes it), for the charts
    const results = built.map((b, i) => {
      const settings = supportRunSettings(b.scenario, { seed: first.seed, replications: first.replications });
      const out = supportRunOutput(b.scenario, settings, b.config, runs[i], { baseDir: dirname(resolve(b.file)), file: b.file });
      return { ...out.result, scenario: labels[i] };
    });
    const charts = options.charts === false ? {} : await reportFiles({ kind: "compare", compare: { ...comparisonJson(comparison), runs: results } }, VERSION);
    writeOutputs(options.out, {
      "results.json": jsonText({ ...comparisonJson(comparison), runs: results.map((r) => supportResultJson(r)) }),
      "comparison.csv": comparisonCsv(comparison),
      ...charts,
    });
  }
  for (const w of warnings) stderr(w);
  stdout(options.json ? json : compareTable(comparison));
  return comparison;
}

