/**
 * Reading an input file the user named (a scenario, a base it extends, a shift-pattern file, a
 * history or forecast CSV, a results or shard file): only a regular file, and only up to a size
 * limit. A device (`/dev/zero`), a named pipe, a socket or a directory is refused before it is
 * opened — reading one would hang, abort the process on an out-of-memory error, or read
 * forever — and so is a file larger than any input needs. Each caller words the failure its own
 * way (its field or flag, its source), given the reason as `fail(why)`.
 */
import { readFileSync, statSync } from "node:fs";

/** The largest JSON input (a scenario, a base, a pattern file, a results file): 16 MiB. */
export const MAX_JSON_BYTES = 16 * 2 ** 20;
/** The largest data file (a history or forecast CSV): 256 MiB. */
export const MAX_DATA_BYTES = 256 * 2 ** 20;

/** Why a path cannot be an input file: a code to tell the cases apart by, and the message. */
export interface InputFileIssue {
  code: "missing" | "permission" | "parentNotDirectory" | "unreadable" | "directory" | "notRegular" | "tooLarge";
  message: string;
}

/** Why `path` cannot be read as an input file of at most `maxBytes`, or null when it can; `expected` names the file in the messages ("a scenario file"). */
export function inputFileIssue(path: string, maxBytes: number, expected = "a file"): InputFileIssue | null {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { code: "missing", message: "no such file" };
    if (code === "EACCES") return { code: "permission", message: "permission denied" };
    if (code === "ENOTDIR") return { code: "parentNotDirectory", message: "a parent is not a directory" };
    return { code: "unreadable", message: `cannot read: ${(e as Error).message}` };
  }
  if (st.isDirectory()) return { code: "directory", message: `is a directory, expected ${expected}` };
  if (!st.isFile()) return { code: "notRegular", message: `is not a regular file (a device, a pipe or a socket), expected ${expected}` };
  if (st.size > maxBytes) return { code: "tooLarge", message: `is ${mib(st.size)}, more than the ${mib(maxBytes)} an input may have` };
  return null;
}

/** The bytes of input file `path` (at most `maxBytes`); otherwise `fail(why, code)`, which throws. */
export function readInputBytes(path: string, maxBytes: number, fail: (why: string, code: InputFileIssue["code"]) => never, expected = "a file"): Buffer {
  const issue = inputFileIssue(path, maxBytes, expected);
  if (issue !== null) fail(issue.message, issue.code);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "EACCES" ? fail("permission denied", "permission") : fail(`cannot read: ${(e as Error).message}`, "unreadable");
  }
}

/** The text (UTF-8) of input file `path`; see readInputBytes. */
export function readInputText(path: string, maxBytes: number, fail: (why: string, code: InputFileIssue["code"]) => never, expected = "a file"): string {
  return readInputBytes(path, maxBytes, fail, expected).toString("utf8");
}

function mib(bytes: number): string {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(bytes >= 10 * 2 ** 20 ? 0 : 1)} MiB` : `${bytes} bytes`;
}
