/**
 * Where a command's start-up goes, in CPU time: with SUPPORTSIM_PROFILE_STARTUP=1 in the
 * environment, each `startupPhase(name)` records the CPU time (user + system, every thread) the
 * process has used since the one before (the first: since the process started), and the phases
 * are written to standard error as the process exits, one line each:
 * `supportsim-startup: 0.0123 s  the phase's name`. bench/startup.mjs reads them to say where
 * `validate`'s time above bare Node goes. Without the variable a phase costs one comparison.
 */
const ON = process.env.SUPPORTSIM_PROFILE_STARTUP === "1";
const phases: { name: string; seconds: number }[] = [];
let before = 0;

/** The phase `name` ends now (see the module comment). */
export function startupPhase(name: string): void {
  if (!ON) return;
  const u = process.cpuUsage();
  const now = (u.user + u.system) / 1e6;
  if (phases.length === 0) process.on("exit", writePhases);
  phases.push({ name, seconds: now - before });
  before = now;
}

function writePhases(): void {
  process.stderr.write(phases.map((p) => `supportsim-startup: ${p.seconds.toFixed(4)} s  ${p.name}\n`).join(""));
}
