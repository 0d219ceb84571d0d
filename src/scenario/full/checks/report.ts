/**
 * How the cross-field checks report a problem: as a zod issue at the field's path. Besides the
 * plain `issue`: references by name with a did-you-mean (counted, since the reachable-work check
 * runs only when every reference resolves), repeated names, and uniform distributions whose
 * maximum is not above their minimum (as in the simple form).
 */
import { closest, formatPath } from "../../../errors.js";
import type { DurationInput } from "../../duration.js";

export type Path = (string | number)[];

/** Where the issues go: zod's refinement context. */
export type IssueSink = { addIssue(issue: { code: "custom"; path: Path; message: string }): void };

/** A finite number >= min: a field that passed its own check (zod runs these checks even after range errors). */
export const fin = (v: unknown, min = 0): v is number => typeof v === "number" && Number.isFinite(v) && v >= min;

export class Report {
  /** References by name that did not resolve so far. */
  brokenRefs = 0;

  constructor(private readonly sink: IssueSink) {}

  /** Report `message` at `path`. */
  readonly issue = (path: Path, message: string): void => this.sink.addIssue({ code: "custom", path, message });

  /** Check a reference by name; report it with a did-you-mean. */
  ref(value: string, options: readonly string[], what: string, path: Path): boolean {
    if (options.includes(value)) return true;
    this.brokenRefs++;
    if (options.length === 0) {
      this.issue(path, `unknown ${what} ${JSON.stringify(value)}; there are none`);
      return false;
    }
    const guess = closest(value, options);
    this.issue(path, `unknown ${what} ${JSON.stringify(value)}; expected one of ${options.join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`);
    return false;
  }

  /** Report repeated names; returns the names (valid strings only). */
  uniqueNames(items: readonly { name: string }[] | undefined, path: Path, what: string): string[] {
    const names: string[] = [];
    (items ?? []).forEach((it, i) => {
      const seen = names.indexOf(it.name);
      if (seen >= 0) this.issue([...path, i, "name"], `expected a unique ${what} name, "${it.name}" is also ${formatPath([...path, seen])}`);
      names.push(it.name);
    });
    return names;
  }

  /** uniform: max > min (as in the simple form). */
  duration(d: DurationInput | undefined, path: Path): void {
    if (d?.dist === "uniform" && fin(d.minMinutes) && fin(d.maxMinutes) && d.maxMinutes > 0 && !(d.maxMinutes > d.minMinutes)) {
      this.issue([...path, "maxMinutes"], `expected more than minMinutes (${d.minMinutes}), got ${d.maxMinutes}`);
    }
  }
}
