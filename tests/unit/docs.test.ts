/**
 * The documents name real files: every `src/…`, `tests/…` and `bench/…` path that the README and
 * docs/ cite exists, so a move or a split cannot leave them pointing at nothing; and they stand
 * alone: no document cites a file outside the repository (research notes, a sibling folder, a
 * machine's absolute path), every relative link resolves inside it, and the shift-pattern format
 * has its own page, linked from the README and the scenario format, with its example file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const DOCS = ["README.md", "scenarios/data/README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

describe("the documents' file references", () => {
  for (const doc of DOCS) {
    it(`${doc}: every cited src/, tests/ and bench/ path exists`, () => {
      const text = readFileSync(join(ROOT, doc), "utf8");
      // paths inside the repository (not ../shared/…, which lies outside it)
      const cited = [...text.matchAll(/(?<![./\w])((?:src|tests|bench)\/[\w./-]+\.(?:ts|mjs|json|csv))/g)].map((m) => m[1]);
      expect(cited.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
    });
  }
});

describe("the documents stand alone", () => {
  for (const doc of DOCS) {
    it(`${doc}: cites no file outside the repository`, () => {
      const text = readFileSync(join(ROOT, doc), "utf8");
      const outside = [...text.matchAll(/DOMAIN\.md|PRODUCT\.md|\.\.\/shared\b|\/work\/[\w./-]+/g)].map((m) => m[0]);
      expect(outside).toEqual([]);
      // every relative Markdown link resolves to a file or folder inside the repository
      const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
      const bad = links.filter((l) => {
        const target = resolve(dirname(join(ROOT, doc)), l);
        return relative(ROOT, target).startsWith("..") || !existsSync(target);
      });
      expect(bad).toEqual([]);
    });
  }

  it("the shift-pattern format has its own page, with the shipped example, linked from the README and the scenario format", () => {
    const page = readFileSync(join(ROOT, "docs", "shift-patterns.md"), "utf8");
    expect(page).toContain("scenarios/data/shift-patterns.json");
    expect(existsSync(join(ROOT, "scenarios", "data", "shift-patterns.json"))).toBe(true);
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("](docs/shift-patterns.md)");
    expect(readFileSync(join(ROOT, "docs", "scenario-format.md"), "utf8")).toContain("](shift-patterns.md)");
  });
});

