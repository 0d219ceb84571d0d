/**
 * zod's validation issues → problems of an InputError, one line each, that name the field path
 * and what was expected: an unknown field lists the fields allowed there (with a did-you-mean),
 * an unknown `dist` lists the distributions; every other issue keeps the message its field
 * builder wrote (./fields.ts).
 */
import type { z } from "zod";
import { closest, formatPath, problem, type Problem } from "../errors.js";

/** The fields an object schema at `path` allows (for listing them on an unknown field). */
function allowedKeys(path: readonly PropertyKey[], input: unknown, root: unknown): string[] {
  let schema: unknown = root;
  let value: unknown = input;
  const unwrap = (s: any): any => {
    for (;;) {
      const def = s?._zod?.def;
      if (!def) return s;
      if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "pipe") s = def.innerType ?? def.in;
      else return s;
    }
  };
  for (const p of path) {
    const s = unwrap(schema);
    const def = s?._zod?.def;
    value = (value as any)?.[p as any];
    if (def?.type === "object") schema = def.shape[p as string];
    else if (def?.type === "array") schema = def.element;
    else if (def?.type === "record") schema = def.valueType;
    else return [];
  }
  let s = unwrap(schema);
  if (s?._zod?.def?.type === "union") {
    const disc = (value as any)?.dist;
    s = s._zod.def.options.find((o: any) => o._zod.def.shape?.dist?._zod?.def?.values?.includes(disc)) ?? s;
  }
  const shape = s?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** One problem per issue (per unknown field), for a scenario validated against `schema` (the simple or the full form). */
export function describeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const iss of issues) {
    const path = formatPath(iss.path);
    if (iss.code === "unrecognized_keys") {
      const allowed = allowedKeys(iss.path, input, schema);
      for (const k of iss.keys) {
        const guess = closest(k, allowed);
        out.push(problem(formatPath([...iss.path, k]), `unknown field${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${allowed.join(", ")}`));
      }
    } else if (iss.code === "invalid_union" && (iss as any).discriminator) {
      const opts: string[] = ((iss as any).options ?? []).map(String);
      let got: unknown = input;
      for (const p of iss.path) got = (got as any)?.[p as any];
      if (got === undefined) out.push(problem(path, `missing: expected one of ${opts.join(", ")}`));
      else {
        const guess = typeof got === "string" ? closest(got, opts) : undefined;
        out.push(problem(path, `unknown value ${JSON.stringify(got)}${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${opts.join(", ")}`));
      }
    } else {
      out.push(problem(path, iss.message));
    }
  }
  return out;
}

/** Problems without repeats (zod reports a number that is both too large and not a safe integer twice, with one message). */
export function distinctProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\n${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
