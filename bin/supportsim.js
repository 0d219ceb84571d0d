#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli, compiled to dist/ and bundled into dist/bundle/ by
// `npm ci` / `npm run build` (scripts/bundleCli.mjs).
import { main } from "../dist/bundle/main.js";

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`supportsim: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 1; },
);
