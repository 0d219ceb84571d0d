/** `supportsim init`: its flags; the work (../init.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { InitArgs } from "../init.js";

export function initCommand(y: Argv) {
  return y.command<InitArgs>(
    "init [dir]",
    "Write a starter scenario, a what-if that extends it, and a README explaining them",
    (a) =>
      a
        .positional("dir", { type: "string", describe: "folder to write into (default: the current folder)" })
        .option("force", { type: "boolean", default: false, describe: "overwrite existing files" })
        .example("$0 init my-support", "start a scenario in my-support/"),
    async (args) => {
      const { initScenario } = await import("../init.js");
      for (const line of initScenario(args.dir ?? ".", args.force)) process.stdout.write(line + "\n");
    },
  );
}
