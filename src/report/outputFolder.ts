/**
 * An `--out` folder written as one set. A command's files (results.json, the CSVs, the report,
 * the charts) are all written under a staging folder inside it first, then moved into place
 * together, and the files an earlier run wrote there that this run does not write are removed:
 * the folder holds one run's results or the previous ones, never a mix. What supportsim wrote is
 * listed in the folder's `.supportsim-files`, so only its own files are ever removed (a folder
 * may hold other files of the user's).
 *
 * Two processes writing one folder: the set is written under a lock (`.supportsim.lock`, holding
 * the writer's process id), so two runs that finish together write one after the other, each set
 * whole; a lock whose process is gone (killed) is taken over. A writer waits for a live process's
 * lock up to 30 s (the environment's SUPPORTSIM_LOCK_WAIT_SECONDS, when set), then gives up. `write` is synchronous, so a signal
 * (handled on the event loop) cannot come in the middle of it; only a kill (SIGKILL) or a power
 * cut in those milliseconds can leave a mix, and the next write cleans the staging folder up.
 *
 * `checkOutputFolder` tells before a run whether the folder can be written (it exists as a folder
 * that is writable, or can be created), without creating anything.
 */
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const LOCK = ".supportsim.lock";
const MANIFEST = ".supportsim-files";
/** How long a writer waits for another process's lock before giving up (ms), unless SUPPORTSIM_LOCK_WAIT_SECONDS says otherwise. */
const LOCK_WAIT_MS = 30_000;
const LOCK_WAIT_VARIABLE = "SUPPORTSIM_LOCK_WAIT_SECONDS";

/** The lock's wait, ms: SUPPORTSIM_LOCK_WAIT_SECONDS (0 to a day) when set, else LOCK_WAIT_MS. Throws OutputFolderError for another value. */
function lockWaitMs(): number {
  const given = process.env[LOCK_WAIT_VARIABLE];
  if (given === undefined || given.trim() === "") return LOCK_WAIT_MS;
  const seconds = Number(given);
  if (!(Number.isFinite(seconds) && seconds >= 0 && seconds <= 86_400)) {
    throw new OutputFolderError(`${LOCK_WAIT_VARIABLE}: expected seconds from 0 to 86400, got ${JSON.stringify(given.slice(0, 40))}`, "lockWait");
  }
  return seconds * 1000;
}

/** Why an output folder cannot be written: a code to tell the cases apart by, and the message. */
export class OutputFolderError extends Error {
  constructor(
    message: string,
    readonly code: "notDirectory" | "parentNotDirectory" | "systemFolder" | "permission" | "locked" | "lockWait" | "noSpace" | "other" = "other",
  ) {
    super(message);
  }
}

/** Throws OutputFolderError when `dirIn` cannot be an output folder: a file, a folder that is not writable, or a path that cannot be created. Creates nothing. */
export function checkOutputFolder(dirIn: string): void {
  lockWaitMs(); // a bad wait is found before the run, not when its files are written
  const dir = resolve(dirIn);
  let at = dir;
  while (!existsSync(at)) {
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  let st;
  try {
    st = statSync(at);
  } catch (e) {
    throw ioError(e);
  }
  if (!st.isDirectory()) throw at === dir ? new OutputFolderError("not a directory", "notDirectory") : new OutputFolderError("a parent is not a directory", "parentNotDirectory");
  if (at.startsWith("/proc" + sep) || at === "/proc" || at.startsWith("/sys" + sep) || at === "/sys" || at.startsWith("/dev" + sep) || at === "/dev") {
    throw new OutputFolderError("a system folder (/proc, /sys, /dev) cannot hold results", "systemFolder");
  }
  try {
    accessSync(at, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutputFolderError("permission denied", "permission");
  }
}

/**
 * Write `files` (name → text or bytes; a name may hold a sub-folder) into `dirIn` as one set:
 * staged, then moved into place under the folder's lock, the previous run's other files removed
 * (`replace`; without it the files are added to the set, as `chart` adds charts to a run's folder).
 * Returns the paths written. Throws OutputFolderError.
 */
export function writeOutputFolder(dirIn: string, files: Record<string, string | Uint8Array>, replace = true): string[] {
  const dir = resolve(dirIn);
  const names = Object.keys(files);
  for (const n of names) {
    const abs = resolve(dir, n);
    if (!abs.startsWith(dir + sep) || n.startsWith(".")) throw new RangeError(`writeOutputFolder: bad file name ${JSON.stringify(n)}`);
  }
  checkOutputFolder(dir);
  const created = !existsSync(dir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw ioError(e);
  }
  const staging = join(dir, `.staging-${process.pid}`);
  let locked = false;
  try {
    lock(dir);
    locked = true;
    // a staging folder left by a writer that was killed is removed with its process's lock
    for (const n of readdirSync(dir)) if (n.startsWith(".staging-") && !alive(Number(n.slice(9)))) rmSync(join(dir, n), { recursive: true, force: true });
    for (const n of names) {
      const path = join(staging, n);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, files[n]);
    }
    const previous = manifest(dir);
    for (const n of names) {
      const to = join(dir, n);
      mkdirSync(dirname(to), { recursive: true });
      renameSync(join(staging, n), to);
    }
    for (const old of replace ? previous : []) {
      if (names.includes(old)) continue;
      const abs = resolve(dir, old);
      if (!abs.startsWith(dir + sep)) continue; // a hand-edited manifest never reaches outside the folder
      rmSync(abs, { force: true });
      removeEmptyParents(dirname(abs), dir);
    }
    const listed = replace ? names : [...new Set([...previous, ...names])];
    writeFileSync(join(dir, MANIFEST), JSON.stringify(listed.slice().sort(), null, 1) + "\n");
    return names.map((n) => join(dir, n));
  } catch (e) {
    if (e instanceof OutputFolderError) throw e;
    throw ioError(e);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    if (locked) rmSync(join(dir, LOCK), { force: true });
    if (created) {
      try {
        if (readdirSync(dir).length === 0) rmdirSync(dir);
      } catch {
        // gone or not empty: leave it
      }
    }
  }
}

/** Take the folder's lock, waiting up to lockWaitMs() for another live process to release it. */
function lock(dir: string): void {
  const path = join(dir, LOCK);
  const wait = lockWaitMs();
  const until = Date.now() + wait;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = Number(readFileSafe(path).trim());
    if (!(Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))) {
      rmSync(path, { force: true }); // left by a process that is gone: take it over
      continue;
    }
    if (Date.now() > until) throw new OutputFolderError(`another supportsim (process ${holder}) has been writing this folder for ${wait / 1000} s; wait for it, or choose another folder`, "locked");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

/** The files the last supportsim run wrote into `dir` (from its manifest). */
function manifest(dir: string): string[] {
  const text = readFileSafe(join(dir, MANIFEST));
  if (text === "") return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string" && x !== "" && !x.startsWith(".")) : [];
  } catch {
    return [];
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeEmptyParents(dir: string, root: string): void {
  for (let d = dir; d !== root && !relative(root, d).startsWith(".."); d = dirname(d)) {
    try {
      if (readdirSync(d).length > 0) return;
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

function ioError(e: unknown): OutputFolderError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return new OutputFolderError("permission denied", "permission");
  if (code === "ENOTDIR" || code === "EEXIST") return new OutputFolderError("a parent is not a directory", "parentNotDirectory");
  if (code === "ENOSPC") return new OutputFolderError("no space left on the device", "noSpace");
  return new OutputFolderError((e as Error).message);
}
