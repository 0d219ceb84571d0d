// The command line as one ES-module bundle (issue 18: start-up), built after `tsc` by
// `npm run build` (and `prepare`, `pretest`): esbuild reads tsc's output (dist/cli/main.js and
// the workers: the thread pool's, dist/analysis/parallel/laneWorker.js, and the HiGHS solves',
// dist/analysis/parallel/highsWorker.js) and writes dist/bundle/: main.js (the command
// registry with yargs), laneWorker.js, highsWorker.js, and one chunk per command's work
// and per part they share, each imported when a command first needs it (code splitting).
// Node loads a handful of files instead of ~300 small modules, and compiles far less of zod
// (its unused parts are left out). The library (dist/api, with its .d.ts) stays tsc's output.
//
// Left outside the bundle, loaded from node_modules as before: what is native, WebAssembly or a
// worker pool (highs, @resvg/resvg-js, piscina), what finds files next to itself (fontkit, vega,
// vega-lite) and what the code loads with createRequire on first use (@stdlib, csv-parse,
// mathjs, dejavu-fonts-ttf; esbuild leaves createRequire calls alone).
//
// Paths: the bundle's files lie two folders below the package root like tsc's (dist/bundle/ as
// dist/cli/), so `new URL("../../package.json", import.meta.url)` and PACKAGE_ROOT still find the
// root, and a worker is found next to the code that starts it (./laneWorker.js, ./highsWorker.js).
//
// dist/bundle/meta.json (esbuild's metafile: which sources and packages each file holds) is for
// tests/e2e/startup.test.ts, which checks what each command loads, and written last: a bundle
// older than tsc's output is stale, and bin/supportsim.js then runs tsc's output. It is not packed.
//
// usage: node bin/bundleCli.mjs
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/bundle`;

/**
 * yargs finds its locale files (locales/*.json: the texts of its messages, in the user's
 * language) and the program's package.json (for --version) from its own file's location
 * (`import.meta.url`), which inside the bundle is dist/bundle/main.js. Point it at where its file
 * is installed (resolved from the bundle, as `import "yargs"` was), so it behaves exactly as
 * unbundled. The build fails if a new yargs changes the line.
 */
const yargsLocation = {
  name: "yargs-location",
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      const text = await readFile(args.path, "utf8");
      const line = "const __dirname = fileURLToPath(import.meta.url);";
      if (!text.includes(line)) throw new Error(`${args.path}: "${line}" not found (a new yargs?): update bin/bundleCli.mjs`);
      const located = 'const __dirname = resolve(createRequire(import.meta.url).resolve("yargs/package.json"), "../lib/platform-shims/esm.mjs");';
      return { contents: text.replace(line, located), loader: "js" };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: "dist/cli/main.js", laneWorker: "dist/analysis/parallel/laneWorker.js", highsWorker: "dist/analysis/parallel/highsWorker.js" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // the ES-module build of a package where it has one (jsonc-parser's CommonJS one requires its parts dynamically)
  mainFields: ["module", "main"],
  external: ["highs", "piscina", "@resvg/resvg-js", "fontkit", "vega", "vega-lite"],
  plugins: [yargsLocation],
  metafile: true,
  legalComments: "eof",
  logLevel: "warning",
  write: false,
});

// Into place without a moment where the command line is missing or half written (tests run it
// while another test rebuilds): a changed file is written beside and renamed over the old one,
// an unchanged one is left alone, and files of an older build go after.
mkdirSync(outdir, { recursive: true });
const place = (path, contents) => {
  if (existsSync(path) && Buffer.compare(readFileSync(path), contents) === 0) return;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
};
for (const f of result.outputFiles) place(f.path, f.contents);
const built = new Set([...result.outputFiles.map((f) => basename(f.path)), "meta.json"]);
for (const f of readdirSync(outdir)) if (!built.has(f) && !f.endsWith(".tmp")) rmSync(join(outdir, f), { force: true });
// written every time, last: bin/supportsim.js runs the bundle only when this is newer than tsc's output
const meta = join(outdir, "meta.json");
writeFileSync(`${meta}.${process.pid}.tmp`, JSON.stringify(result.metafile));
renameSync(`${meta}.${process.pid}.tmp`, meta);
