/**
 * A range must hold wherever its draws can fall: the scenario is validated with each ranged input
 * at either end of its support (./range.ts: [low, high], or a normal's or lognormal's 1st and
 * 99th percentiles), the others at their expected values, and a problem found there is reported
 * at `<path>.low` or `<path>.high` (`pools[0].shrinkage.high: expected a share >= 0 and < 1, got
 * 1.2`). A field that takes only whole numbers (agents, a seed) or a text cannot carry a range: an
 * inner point (not a whole number) is validated too, and its problem reported at the field.
 */
import { InputError, problem, problemLine, type Problem } from "../../errors.js";
import { plainScenario, type RangedInput, type ScenarioInputs } from "./inputs.js";
import { support } from "./range.js";

/** The problems of the scenario with one input at value `x` (the rest at their expected values), or [] when it validates. */
function problemsAt(json: unknown, inputs: ScenarioInputs, input: RangedInput, x: number, validate: (plain: unknown) => void, file?: string): readonly Problem[] {
  try {
    validate(plainScenario(json, inputs, new Map([[input.key, x]]), file));
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
}

/** Throws InputError (source `file`) listing every range that does not hold at an end of its support or between its ends. */
export function checkRangeEnds(json: unknown, inputs: ScenarioInputs, validate: (plain: unknown) => void, file?: string): void {
  const out: Problem[] = [];
  for (const input of inputs.ranges) {
    const [lo, hi] = support(input.range);
    const at = (where: "low" | "high", x: number) => {
      for (const p of problemsAt(json, inputs, input, x, validate, file)) {
        const own = p.path === input.path;
        const drawn = input.range.dist === "normal" || input.range.dist === "lognormal" ? ` (its ${where === "low" ? "1st" : "99th"} percentile)` : "";
        out.push(problem(`${input.path}.${where}`, own ? `${p.message}${drawn}` : `with ${input.key} at ${x}${drawn}: ${problemLine(p)}`));
      }
    };
    const before = out.length;
    at("low", lo);
    at("high", hi);
    if (out.length > before || !(hi > lo)) continue;
    // an inner point that is not a whole number: a field that takes whole numbers or text only cannot carry a range
    const inner = lo + 0.381966 * (hi - lo);
    for (const p of problemsAt(json, inputs, input, inner, validate, file)) {
      out.push(problem(input.path, p.path === input.path ? `a range needs a field that takes any number between low and high; at ${inner.toPrecision(6)}: ${p.message}` : `with ${input.key} at ${inner.toPrecision(6)}: ${problemLine(p)}`));
    }
  }
  if (out.length > 0) throw new InputError(out, file);
}
