/**
 * A progress bar on standard error for work that takes more than a second: nothing before the
 * first second, then `label [#######---------] 7/16 · 3.2 s · about 4.1 s left` redrawn in
 * place, cleared at the end. The time left is the time so far per unit times the units left;
 * when the total is a cap the work may stop before (the staffing search's --max-runs), the bar
 * says `7 of at most 150` and `at most … left`.
 * Quiet when standard error is not a terminal or the output is JSON (the caller decides).
 */
const WIDTH = 24;

export interface Progress {
  /** `done` of `total` units of `label` finished (`cap`: the total is an upper bound). */
  update(done: number, total: number, label?: string, cap?: boolean): void;
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
    update(done, total, label = "replications", cap = false) {
      const elapsed = now() - start;
      if (done >= total) return bar.end();
      if (elapsed < delayMs) return;
      const filled = Math.round((done / total) * WIDTH);
      const left = done > 0 ? ` · ${cap ? "at most" : "about"} ${duration(((elapsed / done) * (total - done)) / 1000)} left` : "";
      write(`\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${cap ? `${done} of at most ${total}` : `${done}/${total}`} · ${duration(elapsed / 1000)}${left}\x1b[K`);
      shown = true;
    },
    end() {
      if (shown) write("\r\x1b[K");
      shown = false;
    },
  };
  return bar;
}

/** Seconds as "4.1 s", "3.5 min" or "1.2 h". */
export function duration(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
