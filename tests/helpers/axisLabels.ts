/**
 * The tick labels Vega draws on each axis of a chart: the spec compiled (src/report/render) and
 * run headless, then its scenegraph walked for the axes' label marks. Labels Vega hides to avoid
 * overlap (opacity 0) are left out: the reader does not see them.
 */
import * as vega from "vega";
import { compileChart, type ChartSpec } from "../../src/report/render/render.js";

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
  text?: unknown;
  opacity?: number;
  description?: string;
}

/** Each axis's visible tick labels, in drawing order, with the axis's description (its title). */
export async function axisLabels(spec: ChartSpec): Promise<{ axis: string; labels: string[] }[]> {
  const { vega: v } = compileChart(spec);
  const view = new vega.View(vega.parse(v), { renderer: "none" });
  await view.runAsync();
  const out: { axis: string; labels: string[] }[] = [];
  const walk = (n: SceneNode | undefined, axis: string): void => {
    if (!n) return;
    if (n.marktype === "group" && n.role === "axis") {
      for (const item of n.items ?? []) walk(item, item.description ?? "axis");
      return;
    }
    if (n.role === "axis-label") {
      out.push({ axis, labels: (n.items ?? []).filter((i) => i.opacity !== 0).map((i) => String(i.text)) });
      return;
    }
    for (const item of n.items ?? []) walk(item, axis);
  };
  walk(view.scenegraph().root as unknown as SceneNode, "");
  view.finalize();
  return out;
}

/** The labels that appear more than once on one axis (none: every tick reads differently); blank labels (the week axis labels only day starts) are not labels. */
export function repeatedLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>(), twice = new Set<string>();
  for (const l of labels) if (l.trim() !== "") (seen.has(l) ? twice : seen).add(l);
  return [...twice];
}
