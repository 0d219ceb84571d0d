/**
 * Output files and folders of the commands (`--intervals FILE`, `--csv FILE`, `--out DIR`):
 * checked before anything runs, then a single file
 * written atomically (a temporary file renamed into place) and an --out folder's files as one
 * set (report/outputFolder.ts).
 */
import { statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { writeFileAtomic } from "../report/files.js";
import { checkOutputFolder, OutputFolderError, writeOutputFolder } from "../report/outputFolder.js";
import { InputError, problem } from "../errors.js";

/** Before the runs: fail when --out cannot be written (report/outputFolder.ts; nothing is created). */
export function checkOutDir(dir: string): void {
  try {
    checkOutputFolder(dir);
  } catch (e) {
    if (e instanceof OutputFolderError) throw new InputError(problem("--out", `cannot write to ${dir}: ${e.message}`));
    throw e;
  }
}

/**
 * How a command writes its --out folder: "set", its files as one set, replacing the previous run's
 * (report/outputFolder.ts); "shared", a file added beside others that other processes write at
 * the same time (a sweep shard's file): atomically, removing nothing; "add", files added to the
 * folder's set under its lock, removing nothing (`chart` drawing into a run's folder).
 */
export type OutMode = "set" | "shared" | "add";

/** Write every file of `files` (name → text or bytes; a name may hold a sub-folder) into `dir` (see OutMode); returns the paths written. */
export function writeOutputs(dir: string, files: Record<string, string | Uint8Array>, mode: OutMode = "set"): string[] {
  if (mode === "shared") {
    return Object.entries(files).map(([name, content]) => {
      const path = join(dir, name);
      asUsage("--out", path, () => writeFileAtomic(path, content));
      return path;
    });
  }
  try {
    return writeOutputFolder(dir, files, mode === "set");
  } catch (e) {
    if (e instanceof OutputFolderError) throw new InputError(problem("--out", `cannot write to ${dir}: ${e.message}`));
    throw e;
  }
}

/** A file-system failure on an output path is bad input (exit 2, one line), not a crash. */
export function asUsage<T>(flag: string, path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "EISDIR" ? "is a directory" : err.code === "EACCES" ? "permission denied" : err.code === "ENOTDIR" ? "a parent is not a directory" : err.message;
    throw new InputError(problem(flag, `cannot write ${path}: ${why}`));
  }
}

/** Fail before the work when an output file's path is a folder, or its folder cannot hold it (a file on the way, a system folder, no permission). */
export function checkOutputPath(flag: string, path: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // does not exist yet: fine
  }
  if (isDir) throw new InputError(problem(flag, `cannot write ${path}: is a directory`));
  // its folder as an --out folder: a file on the way, /proc, no permission (found after the run before: issue 18 point 7)
  try {
    checkOutputFolder(dirname(resolve(path)));
  } catch (e) {
    if (e instanceof OutputFolderError) throw new InputError(problem(flag, `cannot write ${path}: ${e.code === "notDirectory" ? "a parent is not a directory" : e.message}`));
    throw e;
  }
}

/** Write one output file atomically (`flag` names it in a failure). */
export function writeOutputFile(flag: string, path: string, text: string): void {
  asUsage(flag, path, () => writeFileAtomic(path, text));
}

/**
 * The line every --out ends with: the folder, the number of files written and the report's path
 * when one was written (`prefix` says what the files hold, e.g. "sweep: 4 points; ").
 */
export function outSummary(dir: string, written: readonly string[], prefix = ""): string {
  const report = written.find((p) => basename(p) === "report.html");
  return `${prefix}wrote ${written.length} file${written.length === 1 ? "" : "s"} to ${dir}${report !== undefined ? ` (report: ${report})` : ""}\n`;
}

/**
 * Say where --out went, after the command's table: on standard output, or on standard error
 * when standard output is JSON (so it stays one JSON document).
 */
export function announceOut(dir: string, written: readonly string[], how: { json?: boolean; stdout?: (s: string) => void; stderr?: (s: string) => void; prefix?: string } = {}): void {
  const write = how.json === true ? (how.stderr ?? ((s: string) => void process.stderr.write(s))) : (how.stdout ?? ((s: string) => void process.stdout.write(s)));
  write(outSummary(dir, written, how.prefix));
}

/** The flags of a command that runs replications and reports them: run settings, --json, --out and --no-charts. */
export interface RunReportFlags {
  replications?: number;
  seed?: number;
  threads?: number;
  json: boolean;
  out?: string;
  charts: boolean;
  /** Print tables in full (default: fitted to the terminal's width). */
  wide?: boolean;
}

/**
 * The options of a workflow that runs replications and reports them (compare, staff, plan,
 * sweep), as the library's callers and the commands give them: run settings, where the output
 * goes and how it looks.
 */
export interface RunReportOptions {
  replications?: number;
  seed?: number;
  /** Worker threads (default 1 here; the commands' default is the machine's cores); the results do not depend on it. */
  threads?: number;
  json?: boolean;
  out?: string;
  /** With --out: also the charts and report.html (default true). */
  charts?: boolean;
  /** Where the table, JSON or summary goes (default: standard output). */
  stdout?: (s: string) => void;
  /** Where warnings and progress go (default: standard error). */
  stderr?: (s: string) => void;
  /** Show progress (default: when standard error is a terminal and not --json). */
  progress?: boolean;
  /** The table's width in characters (default: the terminal's, else 100; Infinity: --wide). */
  width?: number;
}
