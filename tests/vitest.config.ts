import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Two projects: "fast" (unit tests, properties, the quick validation and end-to-end checks) and
 * "slow" (files named *.slow.test.ts: the long statistical suites and the command-line and
 * browser end-to-end runs). `npm test` runs both; `npm run test:fast` the fast ones alone.
 */
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    // both cores: vitest's default is one worker fewer than the CPUs (one on this 2-core machine,
    // which ran the suite file by file); the suite's own CPU work is the same either way
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "fast", include: ["tests/**/*.test.ts"], exclude: ["tests/**/*.slow.test.ts"] } },
      // a slow test's timeout guards against a hang; with both cores busy (and some runs on two
      // threads of their own) a whole-year run may take a few minutes of wall time
      { extends: true, test: { name: "slow", include: ["tests/**/*.slow.test.ts"], testTimeout: 300_000 } },
    ],
  },
});
