/**
 * How the command line ends when its surroundings end it first:
 * - standard output or error closed by the reader (`supportsim schema | head -1`): the rest of the
 *   output is dropped and the command goes on quietly (its files still written), exit 0 — as
 *   Unix filters do — instead of an EPIPE stack trace;
 * - SIGINT (Ctrl-C) or SIGTERM: temporary files (a trace being written) are removed, then exit
 *   130 or 143 (128 + the signal's number); an --out folder is written in one synchronous step
 *   (report/outputFolder.ts), which a signal cannot interrupt. A
 *   signal is handled between two pieces of work on the event loop: within one replication's
 *   time (about a second) when the simulation runs on this thread; at once while a shift plan or
 *   the hiring program is solved (HiGHS runs on a worker thread: analysis/parallel/highsThread.ts).
 *   One that comes in a command's last synchronous stretch (its files being written) is not
 *   handled: the process ends when that is done, exit 0, its files written whole.
 */
import { AtomicWriter } from "../report/files.js";

let installed = false;

/** Remove every temporary output of this process (writers not committed). */
export function removeTemporaryOutputs(): void {
  AtomicWriter.abortAll();
}

export function installExitHandling(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e;
      // the reader has gone: drop what is still to be written
      stream.write = (() => true) as typeof stream.write;
    });
  }
  const onSignal = (code: number) => () => {
    removeTemporaryOutputs();
    process.exit(code);
  };
  process.on("SIGINT", onSignal(130));
  process.on("SIGTERM", onSignal(143));
}
