/** `supportsim schema`: print the JSON Schema of scenario files. */
import type { Argv } from "yargs";
import { scenarioJsonSchema } from "../scenario/schema.js";

export function schemaCommand(y: Argv) {
  return y.command("schema", "Print the JSON Schema of scenario files", (a) => a, async () => {
    process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
  });
}
