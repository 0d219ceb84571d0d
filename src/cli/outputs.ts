/**
 * Output files and folders of the commands (`--intervals FILE`, `--csv FILE`, `--out DIR`):
 * checked before anything runs, then every file written atomically; if any fails, none is left
 * under its real name (as far as renames allow).
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { AtomicWriter, writeFileAtomic } from "../report/files.js";
import { InputError, problem } from "../errors.js";

/** Fail before the runs when --out names something that cannot be a folder. */
export function checkOutDir(dir: string): void {
  let isFile = false;
  try {
    isFile = !statSync(dir).isDirectory();
  } catch {
    // does not exist yet: created when writing
  }
  if (isFile) throw new InputError(problem("--out", `cannot write to ${dir}: not a directory`));
}

/** Write every file of `files` (name → text or bytes; a name may hold a sub-folder) into `dir` atomically; returns the paths written. */
export function writeOutputs(dir: string, files: Record<string, string | Uint8Array>): string[] {
  const writers: AtomicWriter[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const w = new AtomicWriter(join(dir, name));
      writers.push(w);
      if (typeof content === "string") w.write(content);
      else w.writeBytes(content);
    }
    for (const w of writers) w.commit();
    return writers.map((w) => w.path);
  } catch (e) {
    for (const w of writers) w.abort();
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "EACCES" ? "permission denied" : err.code === "ENOTDIR" || err.code === "EEXIST" ? "a parent is not a directory" : err.code === "EISDIR" ? "a file name is taken by a directory" : err.message;
    throw new InputError(problem("--out", `cannot write to ${dir}: ${why}`));
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

/** Fail before the work when an output file's path is a folder. */
export function checkOutputPath(flag: string, path: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // does not exist yet: fine
  }
  if (isDir) throw new InputError(problem(flag, `cannot write ${path}: is a directory`));
}

/** Write one output file atomically (`flag` names it in a failure). */
export function writeOutputFile(flag: string, path: string, text: string): void {
  asUsage(flag, path, () => writeFileAtomic(path, text));
}

/** The flags of a command that runs replications and reports them: run settings, --json, --out and --no-charts. */
export interface RunReportFlags {
  replications?: number;
  seed?: number;
  threads?: number;
  json: boolean;
  out?: string;
  charts: boolean;
}
