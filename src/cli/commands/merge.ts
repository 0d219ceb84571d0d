/** `supportsim merge`: its flags; the work (../sweep.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { MergeArgs } from "../sweep.js";
import { AXIS_HELP } from "./sweep.js";

export function mergeCommand(y: Argv): Argv {
  return y.command<MergeArgs>(
    "merge <inputs..>",
    "Join sweep shard files (folders or shard-i-of-N.json files) into sweep.csv and sweep.json, byte-identical to an unsharded run",
    (a) =>
      a
        .positional("inputs", { type: "string", array: true, describe: "folders holding shard-i-of-N.json files, or the files" })
        .option("out", { type: "string", demandOption: true, describe: "folder for sweep.csv and sweep.json" })
        .option("x", { type: "string", describe: AXIS_HELP.x })
        .option("y", { type: "string", describe: AXIS_HELP.y })
        .option("json", { type: "boolean", default: false, describe: "also print the merged sweep as JSON" })
        .example("$0 merge results --out final", "join results/shard-*-of-N.json"),
    async (args) => {
      const { execMergeCommand } = await import("../sweep.js");
      await execMergeCommand(args.inputs, { out: args.out, x: args.x, y: args.y, json: args.json });
      process.exitCode = 0;
    },
  );
}
