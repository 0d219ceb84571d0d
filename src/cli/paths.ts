import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The package's root folder (where scenarios/ lives), from dist/cli/ or src/cli/. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The scenario `supportsim run` uses when given no file. */
export const DEFAULT_SCENARIO = join(PACKAGE_ROOT, "scenarios", "baseline.json");
