/**
 * The files a sweep writes, read back, as schemas: a shard file (shard-i-of-N.json) must hold
 * this to be merged, sweep.json to be charted. A hand-edited or truncated file is bad input, each
 * problem with its field path (`shard.count: expected an integer from 1 to 1000000, got 1e+21`),
 * never a crash or a merge that runs out of memory. The bounds are a sweep's own: at most
 * MAX_POINTS points (so at most that many shards), the replications a scenario may ask for,
 * estimates that are numbers within their KPI's bounds.
 */
import * as z from "zod";
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

const identity = {
  scenario: z.string(expecting("a text")),
  scenarioSha256: z.string(expecting("a SHA-256 in hex")).regex(/^[0-9a-f]{64}$/, expecting("a SHA-256 in hex")),
  currency: z.string(expecting("a text")),
  seed: upTo(integerAtLeast(0), Number.MAX_SAFE_INTEGER, "an integer >= 0"),
  replications: count(`an integer from 1 to ${LIMITS.replications}`, LIMITS.replications),
  vary: z.array(vary, expecting("a list of varied parameters")).min(1, expecting("a non-empty list of varied parameters")),
};
const gridPoints = (id: { vary: { values: unknown[] }[] }): number => id.vary.reduce((n, v) => n * v.values.length, 1);
const GRID = { path: ["vary"], message: `expected a grid of at most ${MAX_POINTS} points` };

const point = z.strictObject(
  {
    index: upTo(integerAtLeast(0), MAX_POINTS - 1, `an integer from 0 to ${MAX_POINTS - 1}`),
    parameters: z.record(z.string(), finite, expecting("an object of values by path")),
    estimates: estimatesSchema.refine((e) => Object.keys(e).length > 0, { message: "expected the point's estimates, got none" }),
  },
  expecting("a point { \"index\", \"parameters\", \"estimates\" }"),
);

const SHARD = z.strictObject(
  {
    format: z.literal("supportsim-sweep-shard", expecting("\"supportsim-sweep-shard\"")),
    version: z.literal(1, expecting("1")),
    shard: z.strictObject(
      { index: count(`an integer from 1 to ${MAX_POINTS}`, MAX_POINTS), count: count(`an integer from 1 to ${MAX_POINTS}`, MAX_POINTS) },
      expecting("{ \"index\": i, \"count\": N }"),
    ).refine((s) => s.index <= s.count, { path: ["index"], message: "expected 1 ≤ i ≤ N in { \"index\": i, \"count\": N }" }),
    sweep: z.strictObject(identity, expecting("the sweep's identity { \"scenario\", \"scenarioSha256\", \"currency\", \"seed\", \"replications\", \"vary\" }")).refine((id) => gridPoints(id) <= MAX_POINTS, GRID),
    points: z.array(point, expecting("a list of points")),
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

/** sweep.json: the identity, the metric columns, the axes when chosen, one point per grid point (in order) with every metric. */
const SWEEP = z.strictObject(
  {
    format: z.literal("supportsim-sweep", expecting("\"supportsim-sweep\"")),
    version: z.literal(1, expecting("1")),
    ...identity,
    metrics: z.array(z.string(expecting("a metric's name")), expecting("a list of metrics")).min(1, expecting("a non-empty list of metrics")),
    axes: z.strictObject({ x: z.string(expecting("a metric's name")), y: z.string(expecting("a metric's name")) }, expecting("{ \"x\", \"y\" }")).optional(),
    points: z.array(point, expecting("a list of points")).min(1, expecting("a non-empty list of points")),
  },
  expecting("a sweep.json"),
).superRefine((d, ctx) => {
  const n = gridPoints(d);
  if (n > MAX_POINTS) return ctx.addIssue({ code: "custom", ...GRID });
  if (d.points.length !== n) return ctx.addIssue({ code: "custom", path: ["points"], message: `expected the grid's ${n} points, got ${d.points.length}` });
  d.points.forEach((p, i) => {
    if (p.index !== i) ctx.addIssue({ code: "custom", path: ["points", i, "index"], message: `expected ${i} (points in grid order), got ${p.index}` });
    for (const m of d.metrics) if (!Object.hasOwn(p.estimates, m)) ctx.addIssue({ code: "custom", path: ["points", i, "estimates", m], message: "missing: expected the estimate of every metric in \"metrics\"" });
  });
  if (d.axes !== undefined) for (const a of ["x", "y"] as const) if (!d.metrics.includes(d.axes[a])) ctx.addIssue({ code: "custom", path: ["axes", a], message: `expected one of the sweep's metrics, got ${JSON.stringify(d.axes[a])}` });
});

/** A sweep document as the schema reads it (document.ts SweepDocument). */
export type CheckedSweep = z.infer<typeof SWEEP>;

/** A parsed sweep.json, checked; InputError naming `source` and each problem's field path. */
export function checkSweepFile(data: unknown, source: string): CheckedSweep {
  const r = SWEEP.safeParse(data);
  if (!r.success) throw new InputError(distinctProblems(describeIssues(SWEEP, r.error.issues, data)), source);
  return r.data;
}
