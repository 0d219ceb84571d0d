/**
 * What a sweep shard file (shard-i-of-N.json) must hold to be merged, as a schema: a hand-edited
 * or truncated file is bad input, each problem with its field path (`shard.count: expected an
 * integer from 1 to 1000000, got 1e+21`), never a crash or a merge that runs out of memory. The
 * bounds are a sweep's own: at most MAX_POINTS points (so at most that many shards), the
 * replications a scenario may ask for, estimates that are numbers within their KPI's bounds.
 */
import { z } from "zod";
import { InputError } from "../../../errors.js";
import { describeIssues, distinctProblems } from "../../../scenario/issues.js";
import { expecting, integerAtLeast, LIMITS, upTo } from "../../../scenario/fields.js";
import { estimatesSchema } from "../../estimateSchema.js";
import { MAX_POINTS } from "./grid.js";

const count = (what: string, max: number) => upTo(integerAtLeast(1, what), max, what);
const finite = z.number(expecting("a finite number")).finite(expecting("a finite number"));

const vary = z.strictObject(
  {
    path: z.string(expecting("a non-empty text")).min(1, expecting("a non-empty text")),
    values: z.array(finite, expecting("a list of numbers")).min(1, expecting("a non-empty list of numbers")).max(MAX_POINTS, expecting(`at most ${MAX_POINTS} values`)),
  },
  expecting("{ \"path\", \"values\" }"),
);

const SHARD = z.strictObject(
  {
    format: z.literal("supportsim-sweep-shard", expecting("\"supportsim-sweep-shard\"")),
    version: z.literal(1, expecting("1")),
    shard: z.strictObject(
      { index: count(`an integer from 1 to ${MAX_POINTS}`, MAX_POINTS), count: count(`an integer from 1 to ${MAX_POINTS}`, MAX_POINTS) },
      expecting("{ \"index\": i, \"count\": N }"),
    ).refine((s) => s.index <= s.count, { path: ["index"], message: "expected 1 ≤ i ≤ N in { \"index\": i, \"count\": N }" }),
    sweep: z.strictObject(
      {
        scenario: z.string(expecting("a text")),
        scenarioSha256: z.string(expecting("a SHA-256 in hex")).regex(/^[0-9a-f]{64}$/, expecting("a SHA-256 in hex")),
        currency: z.string(expecting("a text")),
        seed: upTo(integerAtLeast(0), Number.MAX_SAFE_INTEGER, "an integer >= 0"),
        replications: count(`an integer from 1 to ${LIMITS.replications}`, LIMITS.replications),
        vary: z.array(vary, expecting("a list of varied parameters")).min(1, expecting("a non-empty list of varied parameters")),
      },
      expecting("the sweep's identity { \"scenario\", \"scenarioSha256\", \"currency\", \"seed\", \"replications\", \"vary\" }"),
    ).refine((id) => id.vary.reduce((n, v) => n * v.values.length, 1) <= MAX_POINTS, { path: ["vary"], message: `expected a grid of at most ${MAX_POINTS} points` }),
    points: z.array(
      z.strictObject(
        {
          index: upTo(integerAtLeast(0), MAX_POINTS - 1, `an integer from 0 to ${MAX_POINTS - 1}`),
          parameters: z.record(z.string(), finite, expecting("an object of values by path")),
          estimates: estimatesSchema.refine((e) => Object.keys(e).length > 0, { message: "expected the point's estimates, got none" }),
        },
        expecting("a point { \"index\", \"parameters\", \"estimates\" }"),
      ),
      expecting("a list of points"),
    ),
  },
  expecting("a sweep shard file"),
);

/** A shard file as the schema reads it (shards.ts ShardDocument). */
export type CheckedShard = z.infer<typeof SHARD>;

/** A parsed shard file, checked; InputError naming `source` and each problem's field path. */
export function checkShard(data: unknown, source: string): CheckedShard {
  if (typeof data !== "object" || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== "supportsim-sweep-shard") {
    throw new InputError({ path: "", message: `not a sweep shard file: expected "format": "supportsim-sweep-shard"` }, source);
  }
  const r = SHARD.safeParse(data);
  if (!r.success) throw new InputError(distinctProblems(describeIssues(SHARD, r.error.issues, data)), source);
  return r.data;
}
