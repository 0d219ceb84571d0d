/**
 * The documents name real files: every `src/…`, `tests/…` and `bench/…` path that the README and
 * docs/ cite exists, so a move or a split cannot leave them pointing at nothing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
