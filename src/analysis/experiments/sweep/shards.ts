/**
 * Shards of a sweep. Shard i of N (1 ≤ i ≤ N) runs the points p with p mod N = i − 1. Its file
 * holds the sweep's identity (scenario name and the SHA-256 of the merged base, seed,
 * replications, varied paths and values) and its point rows; `mergeShards` checks that the files
 * come from one sweep, that all N shards are there and that no point is missing or twice, and
 * assembles the same document an unsharded run does.
 */
import { InputError, problem } from "../../../errors.js";
import { identityFields, sweepDocument, type SweepDocument, type SweepIdentity, type SweepPointRow } from "./document.js";
import { gridSize, pointValues } from "./grid.js";
import { checkShard } from "./sweepFiles.js";

/** Shard `index` of `count`, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** shard-i-of-N.json: one shard's point rows and the sweep they belong to. */
export interface ShardDocument {
  format: "supportsim-sweep-shard";
  version: 1;
  shard: Shard;
  sweep: SweepIdentity;
  points: SweepPointRow[];
}

/** Whether point `index` belongs to `shard` (index mod N = i − 1). */
export function inShard(index: number, shard: Shard | undefined): boolean {
  return shard === undefined || index % shard.count === shard.index - 1;
}

/** A shard's file content. */
export function shardDocument(identity: SweepIdentity, shard: Shard, rows: readonly SweepPointRow[]): ShardDocument {
  return {
    format: "supportsim-sweep-shard",
    version: 1,
    shard: { index: shard.index, count: shard.count },
    sweep: identityFields(identity),
    points: [...rows].sort((a, b) => a.index - b.index),
  };
}

/** The file name of a shard: `shard-i-of-N.json`. */
export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

/** Shard file names (for picking them out of a folder). */
export const SHARD_FILE = /^shard-(\d+)-of-(\d+)\.json$/;

/** The first field in which two identities differ, described; undefined when they are the same sweep. */
export function identityDifference(a: SweepIdentity, b: SweepIdentity): string | undefined {
  if (a.scenario !== b.scenario) return `scenario ${JSON.stringify(a.scenario)} vs ${JSON.stringify(b.scenario)}`;
  if (a.scenarioSha256 !== b.scenarioSha256) return `the scenario's content differs (SHA-256 ${a.scenarioSha256.slice(0, 12)}… vs ${b.scenarioSha256.slice(0, 12)}…)`;
  if (a.seed !== b.seed) return `seed ${a.seed} vs ${b.seed}`;
  if (a.replications !== b.replications) return `replications ${a.replications} vs ${b.replications}`;
  const show = (id: SweepIdentity) => id.vary.map((v) => `${v.path}=${v.values.join(",")}`).join(" ");
  if (show(a) !== show(b)) return `varied parameters ${show(a)} vs ${show(b)}`;
  if (a.currency !== b.currency) return `currency ${a.currency} vs ${b.currency}`;
  return undefined;
}

/**
 * Join shard files (parsed JSON, each with where it came from) into the sweep document an
 * unsharded run produces. Throws InputError when a file is not a shard file, the files come
 * from different sweeps (scenario, its content, seed, replications, varied values) or shard
 * counts, a shard is given twice or missing, or a point is missing, twice, in the wrong shard or has values that are not its grid values. Each file is
 * checked against its schema first (sweepFiles.ts: bounds, estimates within their KPI's).
 */
export function mergeShards(inputs: readonly { source: string; data: unknown }[]): SweepDocument {
  if (inputs.length === 0) throw new InputError(problem("", `no shard files (shard-i-of-N.json) given`), "merge");
  const shards = inputs.map((i) => ({ source: i.source, doc: checkShard(i.data, i.source) as ShardDocument }));
  const first = shards[0];
  const count = first.doc.shard.count;
  const bySlot = new Map<number, string>();
  for (const s of shards) {
    const diff = identityDifference(first.doc.sweep, s.doc.sweep);
    if (diff !== undefined) throw new InputError(problem("", `from a different sweep than ${first.source}: ${diff}`), s.source);
    if (s.doc.shard.count !== count) throw new InputError(problem("", `shard ${s.doc.shard.index}/${s.doc.shard.count}, but ${first.source} is one of ${count} shards`), s.source);
    const seen = bySlot.get(s.doc.shard.index);
    if (seen !== undefined) throw new InputError(problem("", `shard ${s.doc.shard.index}/${count} is given twice (${seen} and ${s.source})`), "merge");
    bySlot.set(s.doc.shard.index, s.source);
  }
  const id = first.doc.sweep;
  const n = gridSize(id.vary);
  if (bySlot.size < count) {
    const missing: number[] = [];
    for (let i = 1; i <= count && missing.length < 10; i++) if (!bySlot.has(i)) missing.push(i);
    const more = count - bySlot.size > missing.length ? ", …" : "";
    throw new InputError(problem("", `missing shard${count - bySlot.size > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")}${more} (have ${[...bySlot.keys()].sort((a, b) => a - b).slice(0, 10).map((i) => `${i}/${count}`).join(", ")}${bySlot.size > 10 ? ", …" : ""})`), "merge");
  }
  const owner = new Map<number, string>();
  const rows: SweepPointRow[] = [];
  for (const s of shards) {
    for (const p of s.doc.points) {
      if (p.index >= n) throw new InputError(problem("", `point ${p.index} is outside the grid of ${n} points`), s.source);
      if (!inShard(p.index, s.doc.shard)) throw new InputError(problem("", `point ${p.index} does not belong to shard ${s.doc.shard.index}/${count}`), s.source);
      const had = owner.get(p.index);
      if (had !== undefined) throw new InputError(problem("", `point ${p.index} appears twice (also in ${had})`), s.source);
      owner.set(p.index, s.source);
      const values = pointValues(id.vary, p.index);
      const expected = Object.fromEntries(id.vary.map((v, j) => [v.path, values[j]]));
      if (JSON.stringify(p.parameters) !== JSON.stringify(expected)) {
        throw new InputError(problem("", `point ${p.index} has parameters ${JSON.stringify(p.parameters)}, expected ${JSON.stringify(expected)}`), s.source);
      }
      rows.push(p);
    }
  }
  if (owner.size !== n) {
    const lost: number[] = [];
    for (let i = 0; i < n && lost.length < 10; i++) if (!owner.has(i)) lost.push(i);
    throw new InputError(problem("", `${n - owner.size} of ${n} points missing (point ${lost.join(", ")}${n - owner.size > lost.length ? ", …" : ""}); a shard file is incomplete`), "merge");
  }
  return sweepDocument(id, rows);
}
