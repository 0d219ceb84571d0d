/**
 * report.html: one self-contained page a leader can open from a USB stick, mail, or print for a
 * budget meeting. Title, scenario summary, generated narrative, KPI table and every chart, with
 * a table of contents; nothing is fetched (no fonts, images, styles, scripts or data from
 * anywhere), which a Content-Security-Policy in the page itself enforces.
 *
 * Charts. Each Vega-Lite spec is compiled to Vega here (render.ts compileChart), so only the Vega
 * runtime (node_modules/vega/build/vega.min.js, about 0.5 MB) is inlined, not the Vega-Lite
 * compiler. The compiled specs go into one `<script type="application/json">`; a small script
 * draws each with `new vega.View(vega.parse(spec), { renderer: "svg", container, hover: true })`
 * (interactive tooltips). Where a server-rendered SVG is given it sits in the chart's place and is
 * replaced once the live chart has drawn, so a reader without scripts, or a browser where Vega
 * fails, still sees the chart.
 *
 * Escaping. Every string from the document is HTML-escaped; the JSON is made safe inside a
 * script element (`<`, `>`, `&`, U+2028/9 as \u escapes, so a title containing `</script>`
 * cannot end it); the inlined library has `</script` and `<!--` neutralised the same way.
 *
 * Print. Landscape pages (A4 or Letter: `size: landscape` follows the printer's paper), a chart
 * never split across pages, headings kept with what follows, the table of contents kept.
 */
import { readFileSync } from "node:fs";
import { unsafeSvgMarkup } from "./svgSafety.js";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { FONT } from "../charts/theme.js";
import { compileChart, type ChartSpec } from "../render/render.js";

/** A cell's meaning in the KPI table: better or worse than the reference (significant), or not significant. */
export type Emphasis = "better" | "worse" | "ns" | null;

export interface ReportDocument {
  title: string;
  subtitle?: string;
  /** What made it, e.g. "supportsim 0.1.0 · seed 7 · 10 replications". */
  generated: string;
  /** The scenario summary: label and value pairs. */
  summary: { label: string; value: string }[];
  /** Paragraphs, plain text (narrative/). */
  narrative: string[];
  /** Heading of the narrative (default "What changed and what it costs"; e.g. "In brief" for a single run). */
  narrativeTitle?: string;
  kpis: { columns: string[]; rows: { cells: string[]; emphasis?: Emphasis[] }[]; note?: string };
  /** `name` makes the anchor and element id (any characters; they are made safe). */
  charts: { name: string; title: string; spec: ChartSpec; svg?: string }[];
}

let vegaSource: string | null = null;

/** Path of the Vega runtime bundle: vega's package entry resolves into its build/ folder. */
export function vegaBundlePath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("vega")), "vega.min.js");
}

/** The Vega runtime, read once per process; made safe to sit inside a <script> element. */
function vegaRuntime(): string {
  if (vegaSource === null) vegaSource = scriptSafe(readFileSync(vegaBundlePath(), "utf8"));
  return vegaSource;
}

/**
 * Script text that cannot end its <script> element or enter the HTML parser's escaped states:
 * `</script` → `<\/script`, `<!--` → `<\!--` (the same characters in a JS string, regex or comment).
 */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** HTML text and attribute escaping. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** JSON that can sit inside <script type="application/json"> whatever strings it holds. */
export function jsonForScript(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** An id from a chart name: letters, digits, - and _ kept, others as _, made unique. */
function ids(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = "chart-" + (n.replace(/[^A-Za-z0-9_-]/g, "_") || "x");
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base}-${k}`;
  });
}

/** Anything in a compiled spec that would load from somewhere: data by URL, images. */
function loads(spec: unknown, path = "spec"): string | null {
  if (Array.isArray(spec)) {
    for (let i = 0; i < spec.length; i++) {
      const r = loads(spec[i], `${path}[${i}]`);
      if (r) return r;
    }
    return null;
  }
  if (spec === null || typeof spec !== "object") return null;
  const o = spec as Record<string, unknown>;
  if (typeof o.url === "string" || (typeof o.url === "object" && o.url !== null)) return `${path}.url`;
  if (o.type === "image") return `${path} (an image mark)`;
  for (const [k, v] of Object.entries(o)) {
    const r = loads(v, `${path}.${k}`);
    if (r) return r;
  }
  return null;
}

/**
 * A server-rendered SVG, checked to be a plain drawing (no script, no external reference),
 * without an XML prolog, and its ids (clip paths, gradients) prefixed with `prefix` so they
 * cannot collide with another chart's or with the live drawing's in the same page.
 */
function safeSvg(svg: string, name: string, prefix: string): string {
  const s = svg.replace(/^\s*<\?xml[^>]*\?>\s*/i, "").trim();
  if (!/^<svg[\s>]/i.test(s)) throw new RangeError(`reportHtml: the fallback SVG of chart "${name}" does not start with <svg>`);
  const unsafe = unsafeSvgMarkup(s);
  if (unsafe !== null) throw new RangeError(`reportHtml: the fallback SVG of chart "${name}" is not a plain drawing: ${unsafe}`);
  return s
    .replace(/(\sid=")([^"]+)"/g, `$1${prefix}$2"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, `$1#${prefix}$2"`);
}

/** The drawing script: draws every chart, then marks the page done (data-charts="drawn" | "failed"). */
const DRAW = `
(function () {
  var specs = JSON.parse(document.getElementById("report-charts").textContent);
  var figures = document.querySelectorAll("figure[data-chart]");
  var pending = figures.length, failed = 0;
  function settle() {
    if (--pending === 0) document.documentElement.setAttribute("data-charts", failed ? "failed" : "drawn");
  }
  if (pending === 0) document.documentElement.setAttribute("data-charts", "drawn");
  Array.prototype.forEach.call(figures, function (fig) {
    var i = Number(fig.getAttribute("data-chart"));
    var live = fig.querySelector(".chart-live");
    var fallback = fig.querySelector(".chart-fallback");
    function fail(err) {
      failed++;
      fig.setAttribute("data-rendered", fallback ? "fallback" : "failed");
      console.error("chart " + fig.id + " could not be drawn: " + (err && err.message ? err.message : err));
      settle();
    }
    try {
      if (typeof vega === "undefined") throw new Error("the Vega runtime did not load");
      var view = new vega.View(vega.parse(specs[i]), { renderer: "svg", container: live, hover: true });
      view.runAsync().then(function () {
        if (fallback) fallback.parentNode.removeChild(fallback);
        fig.setAttribute("data-rendered", "live");
        settle();
      }, fail);
    } catch (err) {
      fail(err);
    }
  });
})();
`;

const CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dce1; --accent: #0072B2; --better: #1a7f37; --worse: #b42318; --ns: #8a8f98; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font-family: ${FONT}; font-size: 15px; line-height: 1.5; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 28px 48px; }
header.report-head { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 20px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 6px; font-weight: 700; letter-spacing: -0.01em; }
.subtitle { font-size: 18px; color: var(--muted); margin: 0 0 6px; }
.generated { font-size: 13px; color: var(--muted); margin: 0; }
h2 { font-size: 21px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); break-after: avoid; page-break-after: avoid; }
nav.toc { background: #f6f8fa; border: 1px solid var(--rule); border-radius: 6px; padding: 12px 18px; font-size: 14px; }
nav.toc h2 { font-size: 15px; margin: 0 0 6px; border: 0; padding: 0; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
nav.toc ol { margin: 0; padding-left: 22px; columns: 2; column-gap: 32px; }
nav.toc ol ol { columns: 1; padding-left: 18px; }
nav.toc li { break-inside: avoid; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 24px; margin: 0; }
dl.summary dt { color: var(--muted); }
dl.summary dd { margin: 0; font-weight: 600; }
.narrative p { margin: 0 0 10px; max-width: 62em; }
table.kpis { border-collapse: collapse; width: 100%; font-size: 13.5px; font-variant-numeric: tabular-nums; }
table.kpis th, table.kpis td { padding: 5px 10px; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
table.kpis th:first-child, table.kpis td:first-child { text-align: left; }
table.kpis thead th { background: #f6f8fa; border-bottom: 2px solid #aab1ba; font-weight: 600; }
table.kpis tbody tr:nth-child(even) { background: #fbfbfc; }
table.kpis tr { break-inside: avoid; page-break-inside: avoid; }
td.better { color: var(--better); font-weight: 600; }
td.better::before { content: "✓ "; }
td.worse { color: var(--worse); font-weight: 600; }
td.worse::before { content: "✗ "; }
td.ns { color: var(--ns); }
.legend { font-size: 12.5px; color: var(--muted); margin: 8px 0 0; }
.legend .better { color: var(--better); font-weight: 600; }
.legend .worse { color: var(--worse); font-weight: 600; }
.legend .ns { color: var(--ns); }
figure.chart { margin: 20px 0 28px; padding: 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
.chart-live:empty { display: none; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12.5px; color: var(--muted); }
@page { size: landscape; margin: 12mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  nav.toc { background: none; }
  section.charts > h2 { break-before: page; page-break-before: always; }
  figure.chart { margin: 0 0 10mm; }
  figure.chart svg { max-height: 165mm; width: auto; }
  table.kpis thead { display: table-header-group; }
  tr, td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The report as one HTML string. Throws RangeError when a chart would load something (data by
 * URL, an image) or a fallback SVG is not a plain drawing.
 */
export function reportHtml(doc: ReportDocument): string {
  const e = escapeHtml;
  const chartIds = ids(doc.charts.map((c) => c.name));
  const compiled = doc.charts.map((c) => {
    const { vega } = compileChart(c.spec);
    const v = { ...(vega as Record<string, unknown>) };
    delete v.$schema;
    const where = loads(v);
    if (where) throw new RangeError(`reportHtml: chart "${c.name}" would load from outside the page (${where}); give its data as values`);
    return v;
  });
  const hasSummary = doc.summary.length > 0, hasNarrative = doc.narrative.length > 0, hasKpis = doc.kpis.rows.length > 0, hasCharts = doc.charts.length > 0;

  const narrativeTitle = doc.narrativeTitle ?? "What changed and what it costs";
  const toc: string[] = [];
  if (hasSummary) toc.push(`<li><a href="#summary">Summary</a></li>`);
  if (hasNarrative) toc.push(`<li><a href="#narrative">${e(narrativeTitle)}</a></li>`);
  if (hasKpis) toc.push(`<li><a href="#kpis">Key figures</a></li>`);
  if (hasCharts) {
    toc.push(`<li><a href="#charts">Charts</a><ol>${doc.charts.map((c, i) => `<li><a href="#${chartIds[i]}">${e(c.title)}</a></li>`).join("")}</ol></li>`);
  }

  const sections: string[] = [];
  if (hasSummary) {
    sections.push(`<section id="summary"><h2>Summary</h2><dl class="summary">${doc.summary.map((s) => `<dt>${e(s.label)}</dt><dd>${e(s.value)}</dd>`).join("")}</dl></section>`);
  }
  if (hasNarrative) {
    sections.push(`<section id="narrative" class="narrative"><h2>${e(narrativeTitle)}</h2>${doc.narrative.map((p) => `<p>${e(p)}</p>`).join("")}</section>`);
  }
  if (hasKpis) {
    const k = doc.kpis;
    const head = `<thead><tr>${k.columns.map((c) => `<th scope="col">${e(c)}</th>`).join("")}</tr></thead>`;
    const body = k.rows
      .map((r) => `<tr>${r.cells.map((c, j) => {
        const em = r.emphasis?.[j] ?? null;
        const cls = em ? ` class="${em}"` : "";
        return j === 0 ? `<th scope="row"${cls}>${e(c)}</th>` : `<td${cls}>${e(c)}</td>`;
      }).join("")}</tr>`)
      .join("");
    const usesEmphasis = k.rows.some((r) => (r.emphasis ?? []).some((x) => x !== null && x !== undefined));
    const legend = usesEmphasis
      ? `<p class="legend"><span class="better">✓ better</span> / <span class="worse">✗ worse</span> than the reference, significant at 95%; <span class="ns">grey: not significant</span> (the 95% interval includes no change).</p>`
      : "";
    sections.push(`<section id="kpis"><h2>Key figures</h2><table class="kpis">${head}<tbody>${body}</tbody></table>${legend}${k.note ? `<p class="legend">${e(k.note)}</p>` : ""}</section>`);
  }
  if (hasCharts) {
    const figs = doc.charts.map((c, i) => {
      const fallback = c.svg ? `<div class="chart-fallback">${safeSvg(c.svg, c.name, `${chartIds[i]}-`)}</div>` : "";
      return `<figure class="chart" id="${chartIds[i]}" data-chart="${i}" data-name="${e(c.name)}" aria-label="${e(c.title)}" data-rendered="${c.svg ? "static" : "pending"}"><div class="chart-live"></div>${fallback}</figure>`;
    });
    sections.push(`<section id="charts" class="charts"><h2>Charts</h2>${figs.join("")}</section>`);
  }

  const csp = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";
  return [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="${e(doc.generated)}">`,
    `<title>${e(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<header class="report-head"><h1>${e(doc.title)}</h1>${doc.subtitle ? `<p class="subtitle">${e(doc.subtitle)}</p>` : ""}<p class="generated">${e(doc.generated)}</p></header>`,
    toc.length > 0 ? `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${toc.join("")}</ol></nav>` : "",
    ...sections,
    `<footer>Generated by ${e(doc.generated)}. Figures are means over replications with 95% intervals. This page is self-contained: it loads nothing from the network.</footer>`,
    "</main>",
    `<script type="application/json" id="report-charts">${jsonForScript(compiled)}</script>`,
    hasCharts ? `<script>${vegaRuntime()}</script>` : "",
    hasCharts ? `<script>${DRAW}</script>` : "",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
