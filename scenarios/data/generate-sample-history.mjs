// Writes scenarios/data/sample-history.csv: synthetic (not real) interval history of a made-up
// B2B software company, deterministic from a fixed seed. Parameters: src/model/sampleHistory.ts
// and README.md beside this file.
//   npm run build && node scenarios/data/generate-sample-history.mjs
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sampleHistoryCsv } from "../../dist/forecast/sampleHistory.js";

const target = fileURLToPath(new URL("./sample-history.csv", import.meta.url));
const text = sampleHistoryCsv();
const tmp = `${target}.${process.pid}.tmp`;
writeFileSync(tmp, text);
renameSync(tmp, target); // atomic: never a half-written file
console.log(`wrote ${target} (${text.split("\n").length - 2} rows)`);
