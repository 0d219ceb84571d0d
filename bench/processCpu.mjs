// The CPU time (user + sys) of a whole Node process running SCRIPT: `node bench/processCpu.mjs
// SCRIPT ARGS...` runs the script in this process with ARGS as its arguments (its own output
// goes where it always does) and, as the process exits, writes one line to stderr:
// {"process_cpu_s": …, "script_cpu_s": …} — the whole process (start-up, module loading, the
// work and the output, all of it) and the script alone (from just before it is loaded).
// bench/run.mjs runs the CLI (bin/supportsim.js) and the plain loop through it, so both are
// measured the same way.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write("usage: node bench/processCpu.mjs SCRIPT [ARGS...]\n");
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...rest];
const before = process.cpuUsage();
process.on("exit", () => {
  const u = process.cpuUsage(), s = process.cpuUsage(before);
  process.stderr.write(`\n${JSON.stringify({ process_cpu_s: (u.user + u.system) / 1e6, script_cpu_s: (s.user + s.system) / 1e6 })}\n`);
});
await import(pathToFileURL(resolve(script)).href);
