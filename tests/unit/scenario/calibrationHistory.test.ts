/**
 * The calibration's history file is read and checked when the model is built (issue 18 point 7):
 * a malformed CSV is refused by `validate` and by `run` before the simulation, not after it; a
 * folder named as a history file is said to be one.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../../src/api/checkScenario.js";
import { InputError } from "../../../src/errors.js";
import { resolveScenarioFile } from "../../../src/scenario/extends.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const dir = mkdtempSync(join(tmpdir(), "supportsim-calhist-"));
// the forecast-driven scenario (its arrivals and its calibration read the sample history), its extends chain merged
const scenario = resolveScenarioFile(join(ROOT, "scenarios", "forecast-driven.json")) as { calibration: { history: { file: string } }; arrivals: { history?: { file: string } }[] };
copyFileSync(join(ROOT, "scenarios", "data", "sample-history.csv"), join(dir, "history.csv"));
for (const a of scenario.arrivals) if (a.history) a.history.file = "history.csv";

const withCalibrationFile = (csv: string) => {
  writeFileSync(join(dir, "calibration.csv"), csv);
  return { ...scenario, calibration: { history: { file: "calibration.csv" } } };
};
const problems = (s: object): string[] => {
  try {
    checkScenario(s, { baseDir: dir, file: "s.json" });
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.lines();
  }
};

describe("the calibration's history file", () => {
  const good = readFileSync(join(dir, "history.csv"), "utf8").split("\n").slice(0, 50).join("\n") + "\n";
  it("a valid history CSV passes", () => {
    expect(problems(withCalibrationFile(good))).toEqual([]);
  });
  it("a malformed one is a problem of calibration.history.file when the model is built, naming the line and column", () => {
    expect(problems(withCalibrationFile(good + "2026-02-02T01:00:00-05:00,phone,abc,\n"))).toEqual([
      `s.json: calibration.history.file: ${join(dir, "calibration.csv")}: line 51, column offered: expected an integer >= 0, got "abc"`,
    ]);
    expect(problems(withCalibrationFile("when,what\n1,2\n"))[0]).toMatch(/^s\.json: calibration\.history\.file: .*calibration\.csv/);
  });
  it("a folder named as a history file is 'it is a directory' (told by the input file problem's code), for the calibration and for arrivals", () => {
    expect(problems({ ...scenario, calibration: { history: { file: "." } } })).toEqual(["s.json: calibration.history.file: .: cannot read: it is a directory"]);
    const arrivals = scenario.arrivals.map((a) => (a.history ? { ...a, history: { ...a.history, file: "." } } : a));
    expect(problems({ ...scenario, arrivals, calibration: { history: { file: "history.csv" } } })[0]).toMatch(/^s\.json: arrivals\[\d\]\.history\.file: .*: cannot read: it is a directory$/);
  });
});
