/**
 * A progress bar on standard error for work that takes more than a second: nothing before the
 * first second, then `label [#######---------] 7/16  3.2 s` redrawn in place, cleared at the end.
 * Quiet when standard error is not a terminal or the output is JSON (the caller decides).
 */
const WIDTH = 24;

export interface Progress {
  /** `done` of `total` units of `label` finished. */
  update(done: number, total: number, label?: string): void;
  /** Clear the line (also called when the last unit is done). */
  end(): void;
}

export const NO_PROGRESS: Progress = { update() {}, end() {} };

/** A progress bar writing to `write` (default: standard error), shown after `delayMs`. */
export function progressBar(enabled: boolean, write: (s: string) => void = (s) => void process.stderr.write(s), delayMs = 1000, now: () => number = () => performance.now()): Progress {
  if (!enabled) return NO_PROGRESS;
  const start = now();
  let shown = false;
  const bar: Progress = {
    update(done, total, label = "replications") {
      const elapsed = now() - start;
      if (done >= total) return bar.end();
      if (elapsed < delayMs) return;
      const filled = Math.round((done / total) * WIDTH);
      write(`\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total}  ${(elapsed / 1000).toFixed(1)} s\x1b[K`);
      shown = true;
    },
    end() {
      if (shown) write("\r\x1b[K");
      shown = false;
    },
  };
  return bar;
}
