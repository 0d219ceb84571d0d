/** `supportsim sensitivity`: its flags; the work (../sensitivity.ts) is loaded when the command runs. */
import type { Argv } from "yargs";
import type { SensitivityArgs } from "../sensitivity.js";
import { wideOption } from "../flags.js";

export function sensitivityCommand(y: Argv): Argv {
  return y.command<SensitivityArgs>(
    "sensitivity <file>",
    "Move each ranged input of a scenario to its low and its high in turn and rank the inputs by their effect on KPIs (tornado)",
    (a) =>
      wideOption(a)
        .positional("file", { type: "string", demandOption: true, describe: "a scenario file with ranged inputs" })
        .option("metric", { type: "string", array: true, demandOption: true, describe: 'a KPI to rank the inputs by (e.g. cost.total, channel.phone.serviceLevel), or "name = formula"; repeat for more' })
        .option("replications", { type: "number", describe: "replications per run (default: the scenario's)" })
        .option("seed", { type: "number", describe: "random seed of every run (default: the scenario's)" })
        .option("threads", { type: "number", describe: "worker threads (default: the machine's cores); the results do not depend on it" })
        .option("json", { type: "boolean", default: false, describe: "print the result as JSON instead of the table" })
        .option("out", { type: "string", describe: "write results.json, sensitivity.csv and the tornado charts (charts/tornado-<kpi>.vl.json, .svg, .png) to this folder" })
        .option("charts", { type: "boolean", default: true, describe: "with --out: render the tornado charts (--no-charts to skip)" })
        .example("$0 sensitivity scenarios/budget-2027.json --metric cost.total --metric retention.churned", "which uncertain input moves the cost and the churn most"),
    async (args) => {
      const { execSensitivity } = await import("../sensitivity.js");
      await execSensitivity(args);
      process.exitCode = 0;
    },
  );
}
