#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli, compiled to dist/ by tsc and bundled into dist/bundle/
// by `npm ci` / `npm run build` (bin/bundleCli.mjs). In a clone where tsc alone has run since
// (`npx tsc -p tsconfig.json`), the bundle is older than tsc's output: then tsc's output runs.
import { statSync } from "node:fs";

const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const stale = modified("../dist/cli/main.js") > modified("../dist/bundle/meta.json");
const { main } = await import(stale ? "../dist/cli/main.js" : "../dist/bundle/main.js");

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`supportsim: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 1; },
);
