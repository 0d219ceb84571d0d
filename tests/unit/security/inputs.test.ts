/**
 * Inputs that would reach JavaScript's object prototype, or the process's limits, are refused as
 * bad input naming the field (issue 18, point 6 and 7): scenario JSON (and every other JSON input,
 * through scenario/json.ts), merge patches built in code, sweep paths; and only regular files of a
 * bounded size are read.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { inputFileIssue, readInputText } from "../../../src/inputFiles.js";
import { MAX_JSON_DEPTH, parseJson } from "../../../src/scenario/json.js";
import { mergePatch } from "../../../src/scenario/extends.js";
import { splitPath } from "../../../src/analysis/experiments/sweep/grid.js";
import { readResults } from "../../../src/report/results.js";
import { execMerge } from "../../../src/cli/sweep.js";

const lines = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.lines();
    throw e;
  }
  return [];
};

describe("JSON inputs", () => {
  it.each(["__proto__", "constructor", "prototype"])("a field named %s is refused with its path", (key) => {
    const text = `{"pools": {"L2": {"${key}": {"operatingModel": "call-center"}}}}`;
    expect(lines(() => parseJson(text, "what-if.json"))).toEqual([`what-if.json: pools.L2.${key}: "${key}" is not allowed as a name (it would reach JavaScript's object prototype)`]);
    expect(({} as Record<string, unknown>).operatingModel).toBeUndefined();
  });

  it("a forbidden key inside a list is found too", () => {
    expect(lines(() => parseJson(`{"tiers": [{"name": "L1"}, {"__proto__": {}}]}`))[0]).toMatch(/^tiers\[1\]\.__proto__: /);
  });

  it("nesting deeper than the limit is one line (a 20,000-deep list does not overflow the stack)", () => {
    const deep = "[".repeat(20_000) + "1" + "]".repeat(20_000);
    const out = lines(() => parseJson(`{"horizon": {"days": ${deep}}}`, "deep.json"));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(() => parseJson(`{"a": ${"[".repeat(MAX_JSON_DEPTH - 2)}1${"]".repeat(MAX_JSON_DEPTH - 2)}}`)).not.toThrow();
  });

  it("a UTF-8 byte-order mark at the start is skipped", () => {
    expect(parseJson("\uFEFF{\"name\": \"x\"}")).toEqual({ name: "x" });
  });
});

describe("merge patches and sweep paths", () => {
  it("a patch built in code with an own __proto__ key changes no prototype", () => {
    const patch = JSON.parse(`{"horizon": {"__proto__": {"polluted": 1}}}`) as object;
    const problems: { path: string; message: string }[] = [];
    const out = mergePatch({ horizon: { days: 7 } }, patch, [], problems) as { horizon: Record<string, unknown> };
    expect(out.horizon.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out.horizon)).toBe(Object.prototype);
    expect(problems.map((p) => p.path)).toEqual(["horizon.__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["__proto__.polluted", "__proto__.__proto__.x", "constructor.prototype.x", 'pools."__proto__".agents'])("sweep path %s is refused", (path) => {
    expect(lines(() => splitPath(path))[0]).toMatch(/is not allowed as a name/);
  });
});

describe("input files", () => {
  const dir = mkdtempSync(join(tmpdir(), "supportsim-inputs-"));
  it("a device, a named pipe and a directory are refused before they are opened", () => {
    expect(inputFileIssue("/dev/zero", 1e6)?.message).toMatch(/not a regular file/);
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    expect(inputFileIssue(fifo, 1e6)?.message).toMatch(/not a regular file/); // would block forever if opened
    expect(inputFileIssue(dir, 1e6)?.message).toBe("is a directory, expected a file");
    expect(inputFileIssue(join(dir, "none.json"), 1e6)?.message).toBe("no such file");
  });
  it("a file over the limit is refused, one under it is read", () => {
    const f = join(dir, "big.json");
    writeFileSync(f, "x".repeat(2000));
    expect(() => readInputText(f, 1000, (why) => { throw new Error(why); })).toThrow(/is 2000 bytes, more than the 1000 bytes an input may have/);
    expect(readInputText(f, 4000, (why) => { throw new Error(why); })).toHaveLength(2000);
  });
});

describe("results and shard files (issue 18 point 6: merged results)", () => {
  const dir = mkdtempSync(join(tmpdir(), "supportsim-proto-files-"));
  const proto = `{"format": "supportsim-sweep-shard", "__proto__": {"polluted": 1}, "points": []}`;
  it("a shard with a __proto__ key is refused by merge with its file and field, nothing written", () => {
    const shards = join(dir, "shards");
    mkdirSync(shards);
    writeFileSync(join(shards, "shard-1-of-1.json"), proto);
    const out = join(dir, "merged");
    expect(lines(() => execMerge([shards], { out, stdout: () => {} }))).toEqual([`${join(shards, "shard-1-of-1.json")}: __proto__: "__proto__" is not allowed as a name (it would reach JavaScript's object prototype)`]);
    expect(existsSync(out)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("a results file with a __proto__ key is refused by chart's reader", () => {
    const file = join(dir, "results.json");
    writeFileSync(file, `{"constructor": {"prototype": {"polluted": 1}}, "kind": "run"}`);
    expect(lines(() => readResults(file))).toEqual([`${file}: constructor: "constructor" is not allowed as a name (it would reach JavaScript's object prototype)`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
