/**
 * The command line: one file per command; this file wires them into yargs and maps
 * failures to exit codes (2: bad input or usage, one line, no stack; 1: internal error).
 * A command is registered with its flags alone (commands/): its handler imports the command's
 * work, so `--version`, `--help` and `erlang` load no schema, statistics, solver or worker pool.
 */
import yargs, { type Argv } from "yargs";
import { clipLine, InputError, problem } from "../errors.js";
import { installExitHandling, removeTemporaryOutputs } from "./exitHandling.js";
import { startupPhase } from "../startupPhases.js";
// each command's flags only: its work (and the libraries it needs) is imported when it runs
import { erlangCommand } from "./commands/erlang.js";
import { runCommand } from "./commands/run.js";
import { schemaCommand } from "./commands/schema.js";
import { validateCommand } from "./commands/validate.js";
import { compareCommand } from "./commands/compare.js";
import { initCommand } from "./commands/init.js";
import { sweepCommand } from "./commands/sweep.js";
import { mergeCommand } from "./commands/merge.js";
import { staffCommand } from "./commands/staff.js";
import { chartCommand } from "./commands/chart.js";
import { planCommand } from "./commands/plan.js";
import { sensitivityCommand } from "./commands/sensitivity.js";

export async function main(argv: string[]): Promise<number> {
  startupPhase("Node started, the command line's code loaded (yargs, the commands' flags)");
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
  skipHelpCache(parser);
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

/**
 * yargs lays out a command's whole help text (every option and example, through cliui) each time
 * the command runs, only to keep it in case the command fails later; this command line's failures
 * are one line (the `fail` handler above) and never show it, so the layout (0.05–0.1 s of CPU on
 * `erlang`, whose help is long) is skipped. `--help` itself is untouched. (An internal method of
 * yargs: if a version lacks it, nothing is skipped.)
 */
function skipHelpCache(parser: Argv): void {
  const internal = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === "function") usage.cacheHelpMessage = () => undefined;
}
