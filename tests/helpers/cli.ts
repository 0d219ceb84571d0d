/** Running the built command line (bin/supportsim.js → dist/bundle, the bundle of dist/cli) from tests, as a user would. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "bin", "supportsim.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `supportsim ...args` from the repository root, colour off, killed after `timeoutMs`. */
export function cliWithin(timeoutMs: number, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    timeout: timeoutMs,
    // a hung command is killed outright: one deaf to SIGTERM would outlive its test and stall the suite
    killSignal: "SIGKILL",
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `cliWithin` with a minute's limit: the small runs of the command tests. */
export function cli(...args: string[]): CliResult {
  return cliWithin(60_000, ...args);
}
