/**
 * Scenario files that extend a base (src/scenario/extends.ts): JSON Merge Patch (RFC 7396,
 * every example of its appendix A), the by-name patching of named lists, the errors (a typo
 * in a name, a cycle, a missing base), file paths inside a base, and the shipped what-ifs,
 * which are a few lines on top of baseline.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergePatch, resolveScenarioFile } from "../../../src/scenario/extends.js";
import { InputError, problemLine, type Problem } from "../../../src/errors.js";
import { loadAnyScenarioFile } from "../../../src/scenario/load.js";

const SCENARIOS = join(import.meta.dirname, "..", "..", "..", "scenarios");

describe("JSON Merge Patch (RFC 7396, appendix A)", () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  cases.forEach(([target, patch, result], i) => {
    it(`example ${i + 1}: ${JSON.stringify(target)} + ${JSON.stringify(patch)}`, () => {
      const before = structuredClone(target);
      expect(mergePatch(target, patch)).toEqual(result);
      expect(target).toEqual(before); // the target is not modified
    });
  });
});

describe("named lists are patched by name", () => {
  const base = { pools: [{ name: "L1", agents: 8, hours: [1] }, { name: "L2", agents: 7 }] };

  it("an object patches the element with that name, removes it with null, adds a new name at the end", () => {
    expect(mergePatch(base, { pools: { L2: { agents: 14 } } })).toEqual({ pools: [{ name: "L1", agents: 8, hours: [1] }, { name: "L2", agents: 14 }] });
    expect(mergePatch(base, { pools: { L1: null } })).toEqual({ pools: [{ name: "L2", agents: 7 }] });
    expect(mergePatch(base, { pools: { "Vendor night": { agents: 4 } } })).toEqual({ pools: [...base.pools, { name: "Vendor night", agents: 4 }] });
    expect(mergePatch(base, { pools: { L1: { name: "L1 Americas", hours: null } } })).toEqual({ pools: [{ name: "L1 Americas", agents: 8 }, { name: "L2", agents: 7 }] });
  });

  it("a list still replaces the whole list", () => {
    expect(mergePatch(base, { pools: [{ name: "only", agents: 1 }] })).toEqual({ pools: [{ name: "only", agents: 1 }] });
  });

  it("a name one or two letters from an existing one is taken for a typo; removing a missing name is an error", () => {
    const problems: Problem[] = [];
    mergePatch(base, { pools: { L3: { agents: 1 }, L9: null } }, [], problems);
    expect(problems).toEqual([
      { path: "pools.L3", message: 'the base has no element named "L3" (did you mean "L1"?); to add a new one, give all its fields' },
      { path: "pools.L9", message: 'cannot remove "L9": the base has no such element; expected one of L1, L2' },
    ]);
  });

  it("the typo check ignores case: a name that differs only in case (or case and two letters) is a typo", () => {
    const named = { pools: [{ name: "Email", agents: 1 }] };
    const problems: Problem[] = [];
    mergePatch(named, { pools: { email: { agents: 2 }, EMAILS: { agents: 3 } } }, [], problems);
    expect(problems.map((p) => p.path)).toEqual(["pools.email", "pools.EMAILS"]);
    expect(problems[0].message).toContain('(did you mean "Email"?)');
    // far from every name: a new element
    expect(mergePatch(named, { pools: { Phone: { agents: 2 } } })).toEqual({ pools: [{ name: "Email", agents: 1 }, { name: "Phone", agents: 2 }] });
  });
});

describe("resolving extends from files", () => {
  const dir = mkdtempSync(join(tmpdir(), "supportsim-extends-"));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    return path;
  };
  const problemsOf = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems.map((p) => problemLine(p));
    }
    throw new Error("expected an InputError");
  };

  it("a chain of bases, merged in order, without the extends field", () => {
    file("a.json", { name: "a", x: 1, y: { p: 1, q: 2 } });
    file("b.json", { extends: "a.json", name: "b", y: { q: 3 } });
    const c = file("c.json", { extends: "b.json", name: "c", y: { p: null } });
    expect(resolveScenarioFile(c)).toEqual({ name: "c", x: 1, y: { q: 3 } });
  });

  it("a cycle, a missing base, a bad extends value and a typo are one-line errors naming the file's field", () => {
    file("cyc1.json", { extends: "cyc2.json" });
    const cyc2 = file("cyc2.json", { extends: "cyc1.json" });
    expect(problemsOf(() => resolveScenarioFile(cyc2))).toEqual(["extends: a cycle: cyc2.json → cyc1.json → cyc2.json"]);
    expect(problemsOf(() => resolveScenarioFile(file("nobase.json", { extends: "nowhere.json" })))[0]).toMatch(/^extends: ".*nowhere\.json": no such file$/);
    expect(problemsOf(() => resolveScenarioFile(file("badext.json", { extends: 3 })))).toEqual(["extends: expected the path of a base scenario file (relative to this file), got 3"]);
    const typo = file("typo.json", { extends: join(SCENARIOS, "baseline.json"), pools: { "L2 ": { agents: 3 } } });
    expect(problemsOf(() => resolveScenarioFile(typo))).toEqual(['pools.L2 : the base has no element named "L2 " (did you mean "L2"?); to add a new one, give all its fields']);
  });

  it("a complete new element is added whatever its name: a tier L4 beside L1–L3 (a partial one is still a typo)", () => {
    const l4 = { handleTime: { dist: "exponential", meanMinutes: 240 }, resolve: { "how-to": 1, defect: 1, account: 1 } };
    const added = resolveScenarioFile(file("l4.json", { extends: join(SCENARIOS, "baseline.json"), tiers: { L4: l4 } })) as { tiers: { name: string }[] };
    expect(added.tiers.map((t) => t.name)).toEqual(["L1", "L2", "L3", "L4"]);
    expect(problemsOf(() => resolveScenarioFile(file("l4partial.json", { extends: join(SCENARIOS, "baseline.json"), tiers: { L4: { resolve: { defect: 1 } } } })))).toEqual([
      'tiers.L4: the base has no element named "L4" (did you mean "L1"?); to add a new one, give all its fields',
    ]);
  });

  it("file paths in a base stay right from the extending file's folder", () => {
    const sub = join(dir, "sub");
    writeFileSync(join(dir, "hist.csv"), "x");
    file("withcal.json", { name: "w", calibration: { history: { file: "hist.csv" } } });
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, "child.json"), JSON.stringify({ extends: "../withcal.json", name: "child" }));
    expect(resolveScenarioFile(join(sub, "child.json"))).toEqual({ name: "child", calibration: { history: { file: join("..", "hist.csv") } } });
  });
});

describe("the shipped what-ifs are a few lines on top of baseline.json", () => {
  const whatIfs = ["buggy-release", "paid-support", "novice-surge", "shift-left-kcs", "deflection", "prevention", "outsource-l1", "outsource-l1-overflow", "outsource-night-shift", "follow-the-sun", "hiring-freeze", "hiring-freeze-replace", "model-service-desk", "model-call-center"];
  it.each(whatIfs)("%s extends a base, validates, and changes only what it says", (name) => {
    const path = join(SCENARIOS, `${name}.json`);
    const raw = JSON.parse(readFileSync(path, "utf8"));
    expect(typeof raw.extends).toBe("string");
    expect(readFileSync(path, "utf8").split("\n").length).toBeLessThan(120);
    const s = loadAnyScenarioFile(path);
    expect(s.form).toBe("support");
    expect(s.scenario.name).toBe(name);
  });

  it("outsource-l1 renames and converts the L1 pools to vendor pools and adds L2 seats, keeping the rest of the baseline", () => {
    const s = loadAnyScenarioFile(join(SCENARIOS, "outsource-l1.json"));
    const b = loadAnyScenarioFile(join(SCENARIOS, "baseline.json"));
    if (s.form !== "support" || b.form !== "support") throw new Error("full form expected");
    expect(s.scenario.pools.map((p) => p.name)).toEqual(["Vendor L1 phone and e-mail", "Vendor L1 chat", "L2", "L3 engineering"]);
    expect(s.scenario.pools[0].vendor?.costPerHour).toBe(18);
    expect(s.scenario.pools[0].cost).toBeUndefined();
    expect(s.scenario.pools[2].agents).toBe(14);
    expect(s.scenario.needTypes).toEqual(b.scenario.needTypes);
    expect(s.scenario.horizon.days).toBe(364);
    expect(s.scenario.horizon.warmupDays).toBe(b.scenario.horizon.warmupDays);
  });
});
