/**
 * `supportsim validate FILE...`: check scenario files without running them. Each file's
 * problems are listed at once, one line each with the field's path (its `extends` chain merged
 * first); the model is built too, so references to history files and schedule problems are
 * found, and warnings (a pool without a cost, a channel open with nobody on the floor) are shown.
 * Exit 0 when every file is valid, 2 otherwise.
 */
import { checkScenario } from "../api/checkScenario.js";
import { clipLine, InputError, problemLine } from "../errors.js";

export interface ValidateArgs {
  files: string[];
}

/** `lines`: one per valid file and per warning (standard output); `problems`: one per problem, with the `supportsim:` prefix (standard error); `valid` false when a file has a problem. */
export function validateFiles(files: readonly string[]): { valid: boolean; lines: string[]; problems: string[] } {
  const lines: string[] = [], problems: string[] = [];
  let valid = true;
  for (const file of files) {
    try {
      // exactly what every command does first (loadScenario): extends merged, validated, the model
      // built; the churn calibration's pilot runs are for the commands that run
      const s = checkScenario(file);
      const cfg = s.built;
      if (s.form === "full") lines.push(`${file}: valid (full form: ${cfg.segments.length} segment(s), ${cfg.needTypes.length} need type(s), ${cfg.channels.length} channel(s), ${cfg.tiers.length} tier(s), ${cfg.pools.length} pool(s))`);
      else lines.push(`${file}: valid (simple form: one queue, run as the full form it stands for)`);
      for (const w of s.warnings) lines.push(clipLine(`${file}: warning: ${w}`));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      valid = false;
      for (const p of e.problems) problems.push(`supportsim: ${clipLine(`${file}: ${problemLine(p)}`)}`);
    }
  }
  return { valid, lines, problems };
}
