/** The shipped full-form (support-demand) scenarios of scenarios/, built, in file-name order. */
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { SupportConfig } from "../../src/model/config.js";
import { buildSupport } from "../../src/scenario/full/build.js";
import { loadAnyScenarioFile } from "../../src/scenario/load.js";
import { ROOT } from "./cli.js";

/** Each shipped full-form scenario: its file name and its configuration. */
export function shippedSupportConfigs(): { file: string; cfg: SupportConfig }[] {
  const dir = join(ROOT, "scenarios");
  const out: { file: string; cfg: SupportConfig }[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const file = join(dir, f);
    const loaded = loadAnyScenarioFile(file);
    if (loaded.form !== "support") continue;
    out.push({ file: f, cfg: buildSupport(loaded.scenario, { baseDir: dirname(resolve(file)), file }) });
  }
  return out;
}
