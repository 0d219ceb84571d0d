import { defineConfig } from "vitest/config";

/**
 * Two projects: "fast" (unit tests, properties, the quick validation and end-to-end checks) and
 * "slow" (files named *.slow.test.ts: the long statistical suites and the command-line and
 * browser end-to-end runs). `npm test` runs both; `npm run test:fast` the fast ones alone.
 */
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "fast", include: ["tests/**/*.test.ts"], exclude: ["tests/**/*.slow.test.ts"] } },
      { extends: true, test: { name: "slow", include: ["tests/**/*.slow.test.ts"] } },
    ],
  },
});
