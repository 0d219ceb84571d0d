/** `supportsim schema`: its flags; the schemas (../schema.ts) are built when the command runs. */
import type { Argv } from "yargs";
import type { SchemaArgs } from "../schema.js";

export function schemaCommand(y: Argv) {
  return y.command<SchemaArgs>(
    "schema",
    "Print the JSON Schema of scenario files",
    (a) => a.option("form", { choices: ["any", "full", "simple", "what-if"] as const, default: "any" as const, describe: "which form: the full support-demand form, the simple single-queue form, a what-if (extends a base), or any of them" }),
    async (args) => {
      const { schemaOf } = await import("../schema.js");
      process.stdout.write(JSON.stringify(schemaOf(args.form), null, 2) + "\n");
    },
  );
}
