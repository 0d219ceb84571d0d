/**
 * The calibration's history file (`calibration.history.file`, a history CSV: forecast/history.ts).
 * The calibration compares it with the run after the run (analysis/experiments/run.ts), but the
 * file is read and checked when the model is built too (build.ts), so a missing, unreadable or
 * malformed file is refused by `validate`, and by `run` before the simulation instead of after it.
 */
import { resolve as resolvePath } from "node:path";
import { InputError, problem } from "../../errors.js";
import { readHistoryFile, type HistoryRow } from "../../forecast/history.js";
import { inputFileIssue, MAX_DATA_BYTES } from "../../inputFiles.js";

/**
 * The rows of history file `file` (as the scenario names it, relative to `baseDir`). Throws
 * InputError at `calibration.history.file` (source `scenarioFile`) when it cannot be read or is
 * not a valid history CSV.
 */
export function readCalibrationHistory(file: string, baseDir: string, scenarioFile?: string): HistoryRow[] {
  const path = resolvePath(baseDir, file);
  const issue = inputFileIssue(path, MAX_DATA_BYTES);
  if (issue !== null) throw new InputError(problem("calibration.history.file", `${file}: cannot read: ${issue.code === "directory" ? "it is a directory" : issue.message}`), scenarioFile);
  try {
    return readHistoryFile(path);
  } catch (e) {
    if (e instanceof InputError || e instanceof RangeError) throw new InputError(problem("calibration.history.file", e.message), scenarioFile);
    throw e;
  }
}
