/** What a validator reports for a bad scenario: fails the test if it is accepted, and checks each problem is one line. */
import { expect } from "vitest";
import { InputError, problemLine } from "../../src/errors.js";

export function problemsOf(validate: (input: unknown) => unknown, input: unknown): string[] {
  try {
    validate(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const p = (e as InputError).problems.map((x) => problemLine(x));
    expect(p.length).toBeGreaterThan(0);
    for (const line of p) expect(line).not.toContain("\n");
    return p;
  }
  throw new Error(`accepted an invalid scenario: ${JSON.stringify(input)}`);
}

/** The message of the error `f` throws ("" if it does not throw). */
export function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}
