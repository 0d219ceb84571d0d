/**
 * A run's memory does not grow with its replications (analysis/experiments/replications.ts
 * ReplicationCombiner): each replication's per-interval arrays (by interval, per tier, per
 * channel: megabytes a replication over a year) are folded into running sums as it finishes and
 * let go, on this thread and when outputs come back from worker threads. Measured without a
 * clock: after a forced garbage collection, the bytes held in ArrayBuffers
 * (process.memoryUsage().arrayBuffers) as each replication is added, the last ones against the
 * first ones, on a single queue with many short intervals (large arrays, few contacts). A run
 * that kept every replication's arrays until the end would hold several replications' worth more.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { runManyParallel, runReplications } from "../../../src/analysis/experiments/replications.js";
import { Lanes } from "../../../src/analysis/parallel/lanes.js";
import { simulateReplication } from "../../../src/kpi/values.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { validateAsFullForm } from "../../../src/scenario/load.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

// 14 days of 15-minute intervals, a few contacts an hour: ~50 kB of arrays a replication
const full = validateAsFullForm({
  name: "long and quiet", seed: 1,
  horizon: { hours: 336, warmupHours: 24, intervalMinutes: 15 },
  serviceLevel: { thresholdSeconds: 20 },
  arrivals: { ratePerHour: 2 },
  tiers: [{ name: "L1", agents: 1, handleTime: { dist: "exponential", meanMinutes: 5 } }],
});
const cfg = buildSupport(full.scenario, { baseDir: "." });
const N = 12;

/** Bytes of typed arrays one replication's output holds. */
function outputBytes(): number {
  const o = simulateReplication(cfg, 1, 0);
  return [o.byInterval, o.needsByInterval, ...o.tierBusy, ...o.tierStaffed, ...o.backlog].reduce((a, x) => a + x.byteLength, 0);
}

/**
 * ArrayBuffer bytes still held after a full collection as each replication of a run is added;
 * `growth()`: the least of the last three samples less the least of the first three (a sample
 * now and then holds a few MB more for a moment, so single samples are too noisy to compare;
 * a run that kept its outputs would grow by N − 5 replications' arrays at least).
 */
function sampler(): { onReplication: (done: number) => void; growth: () => number } {
  const at: number[] = [];
  return {
    onReplication: () => { gc(); at.push(process.memoryUsage().arrayBuffers); },
    growth: () => Math.min(...at.slice(-3)) - Math.min(...at.slice(0, 3)),
  };
}

describe("memory does not grow with the replications", () => {
  const perReplication = outputBytes();

  it("holds ~50 kB of arrays per replication output (what a run must not keep)", () => {
    expect(perReplication).toBeGreaterThan(40_000);
  });

  it("on this thread: the last replications hold less than one replication's arrays more than the first", () => {
    const s = sampler();
    const run = runReplications(cfg, { seed: 3, replications: N, onReplication: s.onReplication });
    expect(run.replications).toHaveLength(N);
    expect(s.growth()).toBeLessThan(perReplication);
  });

  it("with a worker thread: outputs are folded as they arrive, in replication order", async () => {
    const lanes = new Lanes(2, "now");
    try {
      await runManyParallel([cfg], { seed: 3, replications: 2, threads: 2, lanes }); // the worker started and warm
      const s = sampler();
      const [run] = await runManyParallel([cfg], { seed: 3, replications: N, threads: 2, lanes, onReplication: s.onReplication });
      expect(run.estimates).toEqual(runReplications(cfg, { seed: 3, replications: N }).estimates);
      // an output that arrives ahead of its turn waits for the one before it: allow two
      expect(s.growth()).toBeLessThan(2 * perReplication);
    } finally {
      await lanes.destroy();
    }
  });
});
