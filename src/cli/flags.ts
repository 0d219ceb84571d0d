/**
 * From the library's option names to the command line's flags. Below the CLI a bad option is an
 * `InputError` from `OPTIONS` whose paths (and the option names its messages mention) are the
 * library's (`ratePerHour`, `target.maxAbandonRate`); a message names another option in
 * backquotes (needs \`patienceMinutes\`). `asFlags` re-raises it with the flags the user typed
 * (`--rate-per-hour`, `--max-abandon`, needs --patience-minutes).
 */
import { InputError, problem } from "../errors.js";
import { OPTIONS } from "../api/options.js";
import { DEFAULT_WIDTH } from "../report/tables/layout.js";
import type { Argv } from "yargs";

/** Option path → what the user typed: a flag ("--max-abandon") or a command ("erlang staff"). */
export type FlagNames = Readonly<Record<string, string>>;

/** The flag for an option path: its own entry, else `--kebab-case` of the path's last name. */
export function flagOf(path: string, names: FlagNames): string {
  if (names[path] !== undefined) return names[path];
  // an element of a repeated flag's list ("metrics[1]" → "--metric")
  const list = path.replace(/\[\d+\]$/, "");
  if (list !== path && names[list] !== undefined) return names[list];
  const last = path.split(".").pop() ?? path;
  return `--${last.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `e` with option paths and names turned into flags (other errors unchanged). */
export function withFlags(e: unknown, names: FlagNames): unknown {
  if (!(e instanceof InputError) || e.source !== OPTIONS) return e;
  const inMessage = (m: string) => m.replace(/`([^`]+)`/g, (_, name: string) => flagOf(name, names));
  return new InputError(e.problems.map((p) => problem(p.path === "" ? "" : flagOf(p.path, names), inMessage(p.message))));
}

/** Run `f`, re-raising bad options with their flags. */
export function asFlags<T>(names: FlagNames, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw withFlags(e, names);
  }
}

/** The same for an async `f`. */
export async function asFlagsAsync<T>(names: FlagNames, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw withFlags(e, names);
  }
}

/** `--wide`, on every command that prints a table. */
export interface WideFlag {
  wide?: boolean;
}

/** Add `--wide` to a command's flags. */
export function wideOption<T>(a: Argv<T>): Argv<T & { wide: boolean }> {
  return a.option("wide", { type: "boolean", default: false, describe: `print tables in full, however wide (default: fit them to the terminal's width, or ${DEFAULT_WIDTH} columns off a terminal)` });
}

/** The width tables are fitted to (report/tables/layout.ts): Infinity with --wide, else the terminal's columns, or DEFAULT_WIDTH off a terminal. */
export function tableWidth(wide: boolean | undefined, stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  if (wide === true) return Infinity;
  return stream.isTTY === true && typeof stream.columns === "number" && stream.columns > 0 ? stream.columns : DEFAULT_WIDTH;
}
