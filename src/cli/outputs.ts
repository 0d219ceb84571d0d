/**
 * Output folders of the commands (`--out DIR`): checked before anything runs, then every file
 * written atomically; if any fails, none is left under its real name (as far as renames allow).
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { AtomicWriter } from "../report/files.js";
import type { Results } from "../report/results.js";
import { InputError, problem } from "../errors.js";

/**
 * The budget report's files (charts and report.html; report/budgetReport.ts), loaded when asked
 * for: vega and vega-lite take about half a second to load, which every other command (validate,
 * run without --out, --version) would otherwise pay at start-up.
 */
export async function reportFiles(res: Results, version: string): Promise<Record<string, string | Uint8Array>> {
  const report = await import("../report/html/budgetReport.js");
  return report.reportFiles(res, version);
}

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
