/**
 * The seed of the staffing answer's check (docs/model.md §14.5): the solve's seed with "|check"
 * appended. Every random stream is seeded from "supportsim|seed|replication|stream"
 * (engine/random.ts), so replication k of the check draws other numbers than replication k of
 * the search, and than any run with an integer seed (the command line's seeds are integers).
 */
export function checkSeed(seed: number | string): string {
  return `${seed}|check`;
}
