/** `supportsim schema`: print the JSON Schema of scenario files (either form). */
import type { Argv } from "yargs";
import { scenarioJsonSchema } from "../scenario/schema.js";
import { supportScenarioJsonSchema } from "../scenario/supportSchema.js";

export interface SchemaArgs {
  form: "any" | "full" | "simple";
}

/** The schema of a scenario file: the full form (has `channels`) or the simple single-queue form. */
export function anyScenarioJsonSchema(): Record<string, unknown> {
  const strip = (s: Record<string, unknown>) => {
    const { $schema: _s, ...rest } = s;
    return rest;
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "supportsim scenario",
    description: "A scenario file: the full support-demand form (it has `channels`) or the simple single-queue form.",
    anyOf: [strip(supportScenarioJsonSchema()), strip(scenarioJsonSchema())],
  };
}

export function schemaCommand(y: Argv) {
  return y.command<SchemaArgs>(
    "schema",
    "Print the JSON Schema of scenario files",
    (a) => a.option("form", { choices: ["any", "full", "simple"] as const, default: "any" as const, describe: "which form: the full support-demand form, the simple single-queue form, or either" }),
    async (args) => {
      const s = args.form === "full" ? supportScenarioJsonSchema() : args.form === "simple" ? scenarioJsonSchema() : anyScenarioJsonSchema();
      process.stdout.write(JSON.stringify(s, null, 2) + "\n");
    },
  );
}
