/**
 * `supportsim sweep FILE --vary PATH=SPEC [--vary …]` and `supportsim merge DIR|FILE… --out DIR`:
 * run a full-form scenario over a grid of parameter values (src/analysis/sweep.ts), whole or
 * one shard at a time, and join shards into the files an unsharded run writes.
 *
 *   supportsim sweep s.json --vary pools.L2.agents=6..12:2 --vary "pools.L1 phone and e-mail.agents=8,10,12"
 *   supportsim sweep s.json --vary … --out results             → results/sweep.csv, results/sweep.json
 *   supportsim sweep s.json --vary … --shard 2/8 --out results → results/shard-2-of-8.json
 *   supportsim merge results --out final                       → final/sweep.csv, final/sweep.json
 *
 * Every point is validated and built before anything runs, and files are written (atomically)
 * only after every run succeeded, so bad input fails (exit 2, one line) with nothing written.
 *
 * Running shards on a batch engine. Shard i of N runs the points whose index mod N is i − 1;
 * run all N with the SAME scenario file content, --vary list (same order), --seed and
 * --replications (merge checks all of these; --threads may differ), each writing
 * shard-i-of-N.json to storage the merge step can read, then merge. The merged sweep.csv and
 * sweep.json are byte-identical to an unsharded run's.
 *
 * - Kubernetes Indexed Job (`completionMode: Indexed`, `completions: N`): each pod gets
 *   JOB_COMPLETION_INDEX = 0 … N − 1:
 *     supportsim sweep s.json --vary pools.L2.agents=6..14:1 --shard $((JOB_COMPLETION_INDEX+1))/8 --out /results
 *   with /results a shared volume (a PersistentVolumeClaim with ReadWriteMany), then one
 *   `supportsim merge /results --out /results/final`.
 * - AWS Batch array job (`--array-properties size=N`): each child gets
 *   AWS_BATCH_JOB_ARRAY_INDEX = 0 … N − 1:
 *     supportsim sweep s.json --vary … --shard $((AWS_BATCH_JOB_ARRAY_INDEX+1))/8 --out /mnt/efs/sweep
 *   (or --out /tmp/out and copy /tmp/out/shard-*.json to S3), then a job that depends on the
 *   array job (`--depends-on jobId=…`) runs `supportsim merge /mnt/efs/sweep --out final`.
 * - GNU parallel, one machine or several (`-S host1,host2` with a shared folder):
 *     parallel -j 8 supportsim sweep s.json --vary … --threads 1 --shard {}/8 --out results ::: $(seq 1 8)
 *     supportsim merge results --out final
 * A shard re-run (after a failed pod) overwrites its file atomically; merge reports missing or
 * duplicated shards, and shards of a different sweep, instead of joining them.
 */
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { SHARD_FILE, shardFileName, type ShardDocument, type SweepDocument } from "../analysis/experiments/sweep/index.js";
import { loadScenario } from "../api/scenario.js";
import { mergeSweep, sweep } from "../api/sweep.js";
import { reportFiles } from "../api/report.js";
import { shardJsonText, sweepCsv, sweepJsonText, sweepTable } from "../report/tables/sweepTable.js";
import { parseJson } from "../scenario/json.js";
import { InputError, problem } from "../errors.js";
import { MAX_JSON_BYTES, readInputText } from "../inputFiles.js";
import { parseShard, parseVary } from "./varySpec.js";
import { asFlags, asFlagsAsync, type FlagNames } from "./flags.js";
import { announceOut, checkOutDir, writeOutputs, type RunReportOptions } from "./outputs.js";
import { progressBar } from "./progress.js";

export interface SweepOptions extends RunReportOptions {
  /** `PATH=SPEC` strings, as given to --vary (at least one). */
  vary: readonly string[];
  /** Worker threads (default: the machine's cores); the results do not depend on it. */
  threads?: number;
  /** When the workers start (lanes.ts; default "whenWorthIt"); "now" in tests that must exercise them. */
  startWorkers?: "now" | "whenWorthIt";
  /** `i/N`: run only shard i of N (needs `out`). */
  shard?: string;
  /** The frontier's axes (--x, --y): metrics of the sweep; kept in sweep.json for `chart`. */
  x?: string;
  y?: string;
  /** With --out (not a shard): also the frontier chart and report.html (default true). */
  charts?: boolean;
}

export interface SweepOutcome {
  /** The whole sweep (not with --shard). */
  document?: SweepDocument;
  /** The shard's document (with --shard). */
  shard?: ShardDocument;
  /** Files written. */
  written: string[];
}

export interface SweepArgs {
  file: string;
  vary?: string | string[];
  replications?: number;
  seed?: number;
  threads?: number;
  shard?: string;
  out?: string;
  x?: string;
  y?: string;
  json: boolean;
  charts: boolean;
  wide: boolean;
}

/** The flags of the frontier's axes. */
export const AXIS_FLAGS: FlagNames = { "axes.x": "--x", "axes.y": "--y" };

/** --x and --y as the library's `axes` (undefined when neither is given). */
export function axesOption(x: string | undefined, y: string | undefined): { x?: string; y?: string } | undefined {
  return x === undefined && y === undefined ? undefined : { x, y };
}

export interface MergeArgs {
  inputs: string[];
  out: string;
  x?: string;
  y?: string;
  json: boolean;
}

/**
 * Load the scenario, run the sweep (or one shard of it; api/sweep.ts) and write or print the
 * results. Bad input (InputError: one line each, exit 2) is found before anything runs or is
 * written.
 */
export async function execSweep(file: string, options: SweepOptions): Promise<SweepOutcome> {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (shard !== undefined && options.out === undefined) throw new InputError(problem("--shard", `needs --out DIR (the folder the shard file ${shardFileName(shard)} goes to)`));
  if (options.out !== undefined) checkOutDir(options.out);
  if (options.vary.length === 0) throw new InputError(problem("sweep", `expected at least one --vary PATH=VALUES (e.g. --vary pools.L2.agents=6..12:2)`));
  const vary = options.vary.map(parseVary);
  // the library names a varied parameter vary[j]; here it is the --vary the user typed
  const flags: FlagNames = { ...AXIS_FLAGS, ...Object.fromEntries([["vary", "--vary"], ...vary.map((v, j) => [`vary[${j}]`, `--vary ${v.path}`])]) };
  const axes = axesOption(options.x, options.y);
  if (axes !== undefined && shard !== undefined) throw new InputError(problem(options.x !== undefined ? "--x" : "--y", `not with --shard (a shard draws no chart): give it to merge or chart`));
  const scenario = loadScenario(file);
  const bar = progressBar(options.progress ?? (!options.json && process.stderr.isTTY === true), stderr);
  const r = await asFlagsAsync(flags, () =>
    sweep(scenario, {
      vary,
      seed: options.seed,
      replications: options.replications,
      threads: options.threads ?? availableParallelism(),
      shard,
      axes,
      startWorkers: options.startWorkers,
      onProgress: (done, total) => bar.update(done, total, "sweep: points × replications"),
    }),
  );
  bar.end();
  if (r.shard !== undefined) {
    const doc = r.shard;
    const name = shardFileName(doc.shard);
    // shards of one sweep may write their files into one folder at the same time: each adds its own
    const written = writeOutputs(options.out!, { [name]: shardJsonText(doc) }, "shared");
    for (const w of r.warnings) stderr(`warning: ${w}\n`);
    stdout(options.json ? shardJsonText(doc) : `shard ${doc.shard.index}/${doc.shard.count}: ${doc.points.length} of ${r.points} points → ${join(options.out!, name)}\n`);
    return { shard: doc, written };
  }
  const doc = r.document!;
  const charts = options.out !== undefined && options.charts !== false ? await reportFiles({ kind: "sweep", sweep: doc }) : {};
  const written = options.out !== undefined ? writeOutputs(options.out, { "sweep.csv": sweepCsv(doc), "sweep.json": sweepJsonText(doc), ...charts }) : [];
  for (const w of r.warnings) stderr(`warning: ${w}\n`);
  stdout(options.json ? sweepJsonText(doc) : sweepTable(doc, options.width ?? Infinity));
  if (options.out !== undefined) announceOut(options.out, written, { json: options.json, stdout, stderr });
  return { document: doc, written };
}

export interface MergeOptions {
  out: string;
  /** The frontier's axes, as sweep --x --y. */
  x?: string;
  y?: string;
  /** Print the merged sweep as JSON (else a one-line summary). */
  json?: boolean;
  stdout?: (s: string) => void;
}

/**
 * The shard files named by `inputs`: a folder gives its `shard-i-of-N.json` files (in name
 * order), a file itself. Each parsed; throws InputError naming the input that cannot be read.
 */
export function readShardInputs(inputs: readonly string[]): { source: string; data: unknown }[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      throw new InputError(problem(input, `no such file or folder`), "merge");
    }
    if (!isDir) {
      files.push(input);
      continue;
    }
    const found = readdirSync(input).filter((n) => SHARD_FILE.test(n)).sort();
    if (found.length === 0) throw new InputError(problem(input, `no shard files (shard-i-of-N.json) in this folder`), "merge");
    for (const n of found) files.push(join(input, n));
  }
  return files.map((source) => {
    const text = readInputText(source, MAX_JSON_BYTES, (why) => {
      throw new InputError(problem(source, why), "merge");
    });
    return { source, data: parseJson(text, source) };
  });
}

/** Join shard files into OUT/sweep.csv and OUT/sweep.json. Throws InputError (nothing written) when they do not make one whole sweep. */
export function execMerge(inputs: readonly string[], options: MergeOptions): SweepDocument {
  return writeMerged(joinShards(inputs, options), options);
}

/**
 * execMerge as the command runs it: the event loop turns between joining the shards and
 * writing, so a SIGINT or SIGTERM that came while the shards were read and joined (seconds, for
 * a large sweep) ends the command there (cli/exitHandling.ts), the folder as it was, rather than
 * after the new set is written.
 */
export async function execMergeCommand(inputs: readonly string[], options: MergeOptions): Promise<SweepDocument> {
  const doc = joinShards(inputs, options);
  // two immediates: the second runs in the next turn's check phase, after its poll phase, where
  // a pending signal is read (one immediate may run in this turn's check phase, before any poll)
  await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  return writeMerged(doc, options);
}

/** The shards joined into one sweep (nothing written). */
function joinShards(inputs: readonly string[], options: MergeOptions): SweepDocument {
  if (inputs.length === 0) throw new InputError(problem("merge", `expected folders or shard files`));
  checkOutDir(options.out);
  const axes = axesOption(options.x, options.y);
  return asFlags(AXIS_FLAGS, () => mergeSweep(readShardInputs(inputs), { axes }));
}

function writeMerged(doc: SweepDocument, options: MergeOptions): SweepDocument {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const written = writeOutputs(options.out, { "sweep.csv": sweepCsv(doc), "sweep.json": sweepJsonText(doc) });
  if (options.json) stdout(sweepJsonText(doc));
  announceOut(options.out, written, { json: options.json, stdout, prefix: `merge: ${doc.points.length} points; ` });
  return doc;
}
