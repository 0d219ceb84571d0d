import { describe, expect, it } from "vitest";
import { erlang } from "../../../src/api/erlang.js";
import { erlangA, erlangC } from "../../../src/analytic/index.js";
import { InputError } from "../../../src/errors.js";
import { OPTIONS } from "../../../src/api/options.js";
import { withFlags } from "../../../src/cli/flags.js";

/** The InputError `f` throws (fails the test when it throws nothing or something else). */
function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("erlang through the library", () => {
  it("answers as the analytic module does", () => {
    const input = { ratePerHour: 540, ahtMinutes: 5, agents: 50, patienceMinutes: 2 };
    expect(erlang.a(input)).toEqual(erlangA(input));
    expect(erlang.c({ ...input, agents: 51, patienceMinutes: undefined })).toEqual(erlangC({ ...input, agents: 51 }));
    expect(erlang.staff({ ratePerHour: 540, ahtMinutes: 5 }, { serviceLevel: 0.8, thresholdSeconds: 20 }).agents).toBe(51);
  });

  it("reports every bad option at once, by its name, from the options", () => {
    const e = inputError(() => erlang.a({ ratePerHour: -5, ahtMinutes: 5, agents: 1.5 }));
    expect(e.source).toBe(OPTIONS);
    expect(e.problems.map((p) => p.path)).toEqual(["ratePerHour", "agents", "patienceMinutes"]);
    expect(e.problems[0].message).toBe("expected a positive number (contacts per hour), got -5");
  });

  it("needs a target, and a patience for an abandonment target", () => {
    expect(inputError(() => erlang.staff({ ratePerHour: 540, ahtMinutes: 5 }, {})).problems.map((p) => p.path)).toEqual(["target"]);
    const e = inputError(() => erlang.staff({ ratePerHour: 540, ahtMinutes: 5 }, { maxAbandonRate: 0.05 }));
    expect(e.problems).toEqual([{ path: "target.maxAbandonRate", message: "needs `patienceMinutes` (without patience nobody abandons)" }]);
    // the command line names its flags instead
    const cli = withFlags(e, { "target.maxAbandonRate": "--max-abandon", patienceMinutes: "--patience-minutes" }) as InputError;
    expect(cli.lines()).toEqual(["--max-abandon: needs --patience-minutes (without patience nobody abandons)"]);
  });

  it("turns a target no staffing can meet into bad input, not a crash", () => {
    const e = inputError(() => erlang.staff({ ratePerHour: 540, ahtMinutes: 5 }, { maxOccupancy: 0 }));
    expect(e.source).toBe("erlang staff");
  });
});
