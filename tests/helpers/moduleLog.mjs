// A module-resolution hook (node --import tests/helpers/moduleLog.mjs): every module the process
// imports — ours, a package's entry, a package's own imports, and a CommonJS package loaded with
// createRequire — is appended, as a URL or path, to the file named by SUPPORTSIM_MODULE_LOG.
// For tests/e2e/startup.test.ts: what a command loads.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const log = process.env.SUPPORTSIM_MODULE_LOG;
if (log) {
  // ES modules: a resolve hook on the loader's thread (it inherits the environment)
  register(`data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from "node:fs";
    export async function resolve(specifier, context, next) {
      const r = await next(specifier, context);
      appendFileSync(${JSON.stringify(log)}, r.url + "\\n");
      return r;
    }`)}`);
  // CommonJS (require, createRequire): every file it loads
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const out = load.apply(this, arguments);
    try { appendFileSync(log, Module._resolveFilename(request, parent, isMain) + "\n"); } catch { /* a built-in */ }
    return out;
  };
}
