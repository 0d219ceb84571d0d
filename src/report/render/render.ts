/**
 * Rendering charts in Node, no browser: a Vega-Lite spec is compiled to Vega (vega-lite),
 * run headless to SVG (vega's `View.toSVG`, renderer "none"), and the SVG rasterised to PNG
 * by resvg (@resvg/resvg-js: Rust's resvg, shipped prebuilt in the npm package) with the fonts of
 * ./fonts.ts and no system font, so a chart renders the same on every machine. Warnings from
 * the compiler and the view are collected, not printed: a chart that warns is a chart to fix,
 * and the tests require none.
 */
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import * as vl from "vega-lite";
import { PNG_SCALE } from "../charts/theme.js";
import { resvgFontOptions } from "./fonts.js";
import { installTextMetrics } from "./textMetrics.js";

// measure text with the widths of the font resvg draws with (DejaVu Sans, ./fonts.ts), not vega's rough estimate
installTextMetrics(vega);

/** A Vega-Lite spec as the chart functions build it. */
export type ChartSpec = Record<string, unknown>;

/**
 * A logger for vega and vega-lite that keeps warnings and errors instead of printing them.
 * Vega calls its logger's methods with `this` bound to the view, so the methods close over
 * their state rather than use `this`.
 */
function collectingLogger(): { logger: vega.LoggerInterface; messages: string[] } {
  const messages: string[] = [];
  let lvl = vega.Warn;
  const logger = {
    level(l?: number) {
      if (l === undefined) return lvl;
      lvl = l;
      return logger;
    },
    error(...args: unknown[]) {
      messages.push("error: " + args.map(String).join(" "));
      return logger;
    },
    warn(...args: unknown[]) {
      messages.push("warning: " + args.map(String).join(" "));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  } as unknown as vega.LoggerInterface;
  return { logger, messages };
}

/** Compile a Vega-Lite spec to Vega; `warnings` are the compiler's. */
export function compileChart(spec: ChartSpec): { vega: vega.Spec; warnings: string[] } {
  const { logger, messages } = collectingLogger();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const out = vl.compile(spec as any, { logger: logger as any });
  return { vega: out.spec as vega.Spec, warnings: messages };
}

export interface RenderedSvg {
  svg: string;
  /** Size of the SVG in CSS pixels (the whole chart: plot, axes, title, legend, padding). */
  width: number;
  height: number;
  /** Compiler and view warnings (empty for a clean chart). */
  warnings: string[];
}

/** Render a Vega-Lite spec to SVG, headless. */
export async function renderSvg(spec: ChartSpec): Promise<RenderedSvg> {
  const { vega: v, warnings } = compileChart(spec);
  const { logger, messages } = collectingLogger();
  const view = new vega.View(vega.parse(v), { renderer: "none", logger });
  try {
    const svg = await view.toSVG();
    const m = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return { svg, width: m ? Number(m[1]) : NaN, height: m ? Number(m[2]) : NaN, warnings: [...warnings, ...messages] };
  } finally {
    view.finalize();
  }
}

/** Rasterise an SVG to PNG at `scale` (2: twice the CSS pixels, sharp on a slide). */
export function svgToPng(svg: string, scale = PNG_SCALE): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: resvgFontOptions(),
  });
  return r.render().asPng();
}

/** The width and height a PNG declares in its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) throw new RangeError("not a PNG");
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

/** A chart as the commands write it: `<name>.vl.json`, `<name>.svg`, `<name>.png`. */
export interface ChartFiles {
  name: string;
  spec: ChartSpec;
  svg: string;
  png: Buffer;
  warnings: string[];
}

/** Render one named chart to its three files' contents. */
export async function renderChart(name: string, spec: ChartSpec): Promise<ChartFiles> {
  const r = await renderSvg(spec);
  const files = { name, spec, svg: r.svg, png: svgToPng(r.svg), warnings: r.warnings };
  // one turn of the event loop per chart: Vega's promises resolve without one, and a report of
  // twenty charts would otherwise be one synchronous stretch, deaf to a signal (Ctrl-C) until its end
  await new Promise<void>((resolve) => setImmediate(resolve));
  return files;
}
