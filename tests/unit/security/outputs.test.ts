/**
 * What the commands write (issue 18, point 6): CSV cells a spreadsheet would run as formulas are
 * neutralised; a chart's SVG is judged by its markup, not by the names in its text; an --out
 * folder is written as one set and locked.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell } from "../../../src/report/csv.js";
import { unsafeSvgMarkup } from "../../../src/report/html/svgSafety.js";
import { checkOutputFolder, writeOutputFolder } from "../../../src/report/outputFolder.js";

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""],
    ["+cmd", "'+cmd"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1", "'\t=1"],
  ])("text %j is written as text: %s", (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
  it.each([["L2", "L2"], ["-3.5", "-3.5"], ["+1e3", "+1e3"], ["a,b", "\"a,b\""]])("ordinary text and numbers are left alone: %j", (text, cell) => {
    expect(csvCell(text)).toBe(cell);
    expect(csvCell(-4.25)).toBe("-4.25");
  });
});

describe("SVG markup", () => {
  const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${body}</svg>`;
  it.each([
    ["a name with @import in a title", svg(`<title>Support @import team</title><text aria-label="Support @import team">Support @import team</text>`)],
    ["a name with on…= in an aria-label", svg(`<g aria-label="channel phone online=yes"><text>phone online=yes</text></g>`)],
    ["a name with src= in text", svg(`<text>L2 src=http://intranet</text>`)],
    ["a link inside the drawing", svg(`<defs><clipPath id="c"><rect/></clipPath></defs><g clip-path="url(#c)"><use href="#c"/></g>`)],
  ])("%s is a plain drawing", (_, s) => {
    expect(unsafeSvgMarkup(s)).toBeNull();
  });
  it.each([
    ["a script", svg(`<script>alert(1)</script>`), /element <script>/],
    ["an event handler", svg(`<rect onload="alert(1)"/>`), /event handler/],
    ["an outside link", svg(`<a href="https://example.com"><text>x</text></a>`), /link to outside/],
    ["a data: link", svg(`<a xlink:href="javascript:alert(1)"><text>x</text></a>`), /link to outside/],
    ["an import in a style", svg(`<style>@import url(https://x/y.css);</style>`), /@import/],
    ["an outside url() in a style attribute", svg(`<rect style="fill: url(https://x/p.svg#a)"/>`), /url\(\)/],
    ["an import hidden by an entity", svg(`<rect style="&#64;import 'x'"/>`), /@import/],
    ["a foreignObject", svg(`<foreignObject><div/></foreignObject>`), /element <foreignObject>/],
    ["a tag that is not closed", svg(`<rect width="3`), /not closed/],
  ])("%s is refused", (_, s, why) => {
    expect(unsafeSvgMarkup(s)).toMatch(why);
  });
});

describe("--out folders", () => {
  const base = mkdtempSync(join(tmpdir(), "supportsim-outfolder-"));
  it("a run's files replace the previous run's as a set; the user's own files stay", () => {
    const dir = join(base, "set");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    writeOutputFolder(dir, { "results.json": "1", "charts/a.png": "png", "charts/b.png": "png" });
    writeOutputFolder(dir, { "results.json": "2", "charts/a.png": "png2" });
    expect(readFileSync(join(dir, "results.json"), "utf8")).toBe("2");
    expect(existsSync(join(dir, "charts", "b.png"))).toBe(false);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
    writeOutputFolder(dir, { "results.json": "3" });
    expect(existsSync(join(dir, "charts"))).toBe(false); // emptied sub-folder removed
    expect(readdirSync(dir).sort()).toEqual([".supportsim-files", "notes.txt", "results.json"]); // no staging folder, no lock
  });
  it("a lock held by a live process is waited for; one left by a dead process is taken over", () => {
    const dir = join(base, "locked");
    mkdirSync(dir);
    writeFileSync(join(dir, ".supportsim.lock"), "999999999"); // no such process
    mkdirSync(join(dir, ".staging-999999999")); // left by it
    writeOutputFolder(dir, { "results.json": "1" });
    expect(readdirSync(dir).sort()).toEqual([".supportsim-files", "results.json"]);
  });
  it("a lock held by a live process is waited for until it is released (two runs finishing together write one after the other)", () => {
    const dir = join(base, "busy");
    mkdirSync(dir);
    // another process holds the lock for a second, then releases it
    const holder = spawn("sh", ["-c", `sleep 1; rm -f ${JSON.stringify(join(dir, ".supportsim.lock"))}`]);
    writeFileSync(join(dir, ".supportsim.lock"), String(holder.pid));
    const t0 = Date.now();
    writeOutputFolder(dir, { "results.json": "mine" });
    expect(Date.now() - t0).toBeGreaterThan(700);
    expect(readFileSync(join(dir, "results.json"), "utf8")).toBe("mine");
    expect(existsSync(join(dir, ".supportsim.lock"))).toBe(false);
  });
  it("a folder that cannot be written is found before any run, creating nothing", () => {
    const file = join(base, "a-file");
    writeFileSync(file, "x");
    expect(() => checkOutputFolder(file)).toThrow(/not a directory/);
    expect(() => checkOutputFolder(join(file, "sub"))).toThrow(/a parent is not a directory/);
    expect(() => checkOutputFolder("/proc/self/out")).toThrow(/system folder/);
    checkOutputFolder(join(base, "new", "deeper"));
    expect(existsSync(join(base, "new"))).toBe(false);
  });
});
