/**
 * The calibration's history file (`calibration.history.file`, a history CSV: forecast/history.ts).
 * The calibration compares it with the run after the run (analysis/experiments/run.ts), but the
 * file is read and checked when the model is built too (build.ts), so a missing, unreadable or
 * malformed file is refused by `validate`, and by `run` before the simulation instead of after it.
 */
import { resolve as resolvePath } from "node:path";
import { InputError, problem } from "../../errors.js";
import { readHistoryFile, type HistoryRow } from "../../forecast/history.js";
import { inputFileProblem, MAX_DATA_BYTES } from "../../inputFiles.js";

/**
 * The rows of history file `file` (as the scenario names it, relative to `baseDir`). Throws
 * InputError at `calibration.history.file` (source `scenarioFile`) when it cannot be read or is
 * not a valid history CSV.
 */
export function readCalibrationHistory(file: string, baseDir: string, scenarioFile?: string): HistoryRow[] {
  const path = resolvePath(baseDir, file);
  const why = inputFileProblem(path, MAX_DATA_BYTES);
  if (why !== null) throw new InputError(problem("calibration.history.file", `${file}: cannot read: ${why === "is a directory, expected a file" ? "it is a directory" : why}`), scenarioFile);
  try {
    return readHistoryFile(path);
  } catch (e) {
    if (e instanceof InputError || e instanceof RangeError) throw new InputError(problem("calibration.history.file", e.message), scenarioFile);
    throw e;
  }
}
