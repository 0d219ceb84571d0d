/**
 * The command line: one file per command; this file wires them into yargs and maps
 * failures to exit codes (2: bad input or usage, one line, no stack; 1: internal error).
 */
import yargs from "yargs";
import { clipLine, InputError, problem } from "../errors.js";
import { installExitHandling, removeTemporaryOutputs } from "./exitHandling.js";
import { erlangCommand } from "./erlang.js";
import { runCommand } from "./run.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";
import { compareCommand } from "./compare.js";
import { initCommand } from "./init.js";
import { mergeCommand, sweepCommand } from "./sweep.js";
import { staffCommand } from "./staff.js";
import { chartCommand } from "./chart.js";
import { planCommand } from "./plan.js";
import { sensitivityCommand } from "./sensitivity.js";

export async function main(argv: string[]): Promise<number> {
  process.exitCode = 0;
  installExitHandling();
  let parser = yargs(argv)
    .scriptName("supportsim")
    .usage("supportsim — support-demand and workforce simulation\n\nUsage: $0 <command> [options]")
    .strict()
    .demandCommand(1, "Give a command: run, compare, sweep, merge, staff, plan, chart, sensitivity, validate, init, erlang or schema (see --help)")
    .recommendCommands()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new InputError(problem("", msg));
    });
  parser = runCommand(parser);
  parser = erlangCommand(parser);
  parser = schemaCommand(parser);
  parser = validateCommand(parser);
  parser = compareCommand(parser);
  parser = initCommand(parser);
  parser = sweepCommand(parser);
  parser = mergeCommand(parser);
  parser = staffCommand(parser);
  parser = chartCommand(parser);
  parser = planCommand(parser);
  parser = sensitivityCommand(parser);
  try {
    await parser.parseAsync();
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(e.lines().map((l) => `supportsim: ${clipLine(l)}\n`).join(""));
      return 2;
    }
    throw e;
  } finally {
    // what was committed stays; temporary files, staging folders and locks go
    removeTemporaryOutputs();
  }
}
