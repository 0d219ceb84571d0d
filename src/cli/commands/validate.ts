/** `supportsim validate`: its flags; the work (../validate.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { ValidateArgs } from "../validate.js";
import { startupPhase } from "../../startupPhases.js";

export function validateCommand(y: Argv) {
  return y.command<ValidateArgs>(
    "validate <files..>",
    "Check scenario files without running them: every problem at once, with its path",
    (a) =>
      a
        .positional("files", { type: "string", array: true, describe: "scenario JSON files" })
        .example("$0 validate scenarios/*.json", "check every shipped scenario"),
    async (args) => {
      startupPhase("yargs: the commands registered, the arguments parsed");
      const { validateFiles } = await import("../validate.js");
      startupPhase("validate's code loaded (zod, the scenario schemas built, the model builder)");
      // what is valid (and its warnings) on standard output; each problem on standard error, as every command prints bad input
      const { valid, lines, problems } = validateFiles(args.files);
      for (const line of lines) process.stdout.write(line + "\n");
      for (const line of problems) process.stderr.write(line + "\n");
      process.exitCode = valid ? 0 : 2;
    },
  );
}
