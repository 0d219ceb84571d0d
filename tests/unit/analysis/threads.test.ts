/**
 * Replications on several threads (src/analysis/lanes.ts: this one and piscina workers): the same results,
 * byte for byte, whatever the thread count. The workers run the built JavaScript in dist/
 * (`npm test` builds first).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { laneTask } from "../../../src/analysis/parallel/laneJobs.js";
import { Lanes, workersWorthIt } from "../../../src/analysis/parallel/lanes.js";
import { runReplications, runReplicationsParallel, type RunStatistics } from "../../../src/analysis/experiments/replications.js";
import { buildSupport } from "../../../src/scenario/full/build.js";
import { loadAnyScenarioFile } from "../../../src/scenario/load.js";

const SCENARIOS = join(import.meta.dirname, "..", "..", "..", "scenarios");

function smallShiftLeft() {
  const any = loadAnyScenarioFile(join(SCENARIOS, "shift-left-kcs.json"));
  if (any.form !== "support") throw new Error("full form expected");
  const s = structuredClone(any.scenario);
  s.customers!.count = 4000;
  s.horizon = { days: 42, warmupDays: 7, intervalMinutes: 60 };
  s.kcs!.start = "2027-01-11";
  s.kcs!.rampMonths = 1;
  return buildSupport(s, { baseDir: SCENARIOS });
}

/** Everything a run reports, as text: estimates, every replication's values, every interval estimate. */
function fingerprint(r: RunStatistics): string {
  const series: unknown[] = [];
  for (let i = 0; i < r.intervals.intervals; i++) for (let s = 0; s < r.seriesNames.length; s++) for (let m = 0; m < 7; m++) series.push(r.intervals.get(i, s, m));
  return JSON.stringify({ estimates: r.estimates, replications: r.replications, series, events: r.eventsPerReplication });
}

describe("replications on worker threads", () => {
  it("1, 2 and 3 threads give byte-identical results, in replication order", async () => {
    const cfg = smallShiftLeft();
    const one = runReplications(cfg, { seed: 11, replications: 5 });
    const progress: number[] = [];
    const two = await runReplicationsParallel(cfg, { seed: 11, replications: 5, threads: 2, startWorkers: "now", onReplication: (done) => progress.push(done) });
    const three = await runReplicationsParallel(cfg, { seed: 11, replications: 5, threads: 3, startWorkers: "now" });
    expect(fingerprint(two)).toBe(fingerprint(one));
    expect(fingerprint(three)).toBe(fingerprint(one));
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    // and the replications differ from each other (the test would pass trivially otherwise)
    expect(one.replications[0]["funnel.needs"]).not.toBe(one.replications[1]["funnel.needs"]);
  });
});

describe("lanes: this thread and the workers claim tasks from one counter", () => {
  it("a pool kept for several batches gives each batch's outputs in task order", async () => {
    const cfg = smallShiftLeft();
    const lanes = new Lanes(2, "now");
    try {
      const done: number[] = [];
      const first = await lanes.run({ kind: "replication", cfgs: [cfg], seed: 3, replications: 3 }, 3, (d) => done.push(d));
      const second = await lanes.run({ kind: "replication", cfgs: [cfg, cfg], seed: 4, replications: 2 }, 4);
      expect(done).toEqual([1, 2, 3]);
      const local = laneTask({ kind: "replication", cfgs: [cfg], seed: 3, replications: 3 });
      expect(JSON.stringify(first.map((o) => o.values))).toBe(JSON.stringify([0, 1, 2].map((k) => local(k).values)));
      // configuration ⌊k / R⌋, replication k % R: the same configuration twice gives the same two replications twice
      expect(second[2].values).toEqual(second[0].values);
      expect(second[1].values).not.toEqual(second[0].values);
    } finally {
      await lanes.destroy();
    }
  });

  it("a task that throws rejects the batch (and the pool still closes)", async () => {
    const lanes = new Lanes(2, "now");
    try {
      await expect(lanes.run({ kind: "replication", cfgs: [], seed: 1, replications: 1 }, 4)).rejects.toThrow();
    } finally {
      await lanes.destroy();
    }
  });

  it("by default the workers start only when the work left is worth a worker's cold start", async () => {
    // the first task counts at half its time (the JIT is still compiling): 9 left × 0.25 s / 2 = 1.1 s
    expect(workersWorthIt(9, 0.25, 1)).toBe(false);
    expect(workersWorthIt(39, 0.25, 1)).toBe(true);
    expect(workersWorthIt(8, 0.3, 2)).toBe(true); // 2.4 s
    expect(workersWorthIt(30, 0.05, 5)).toBe(false); // 1.5 s
    // a short batch stays on this thread: no worker is started at all
    const lanes = new Lanes(2);
    try {
      await lanes.run({ kind: "replication", cfgs: [smallShiftLeft()], seed: 3, replications: 2 }, 2);
      expect(lanes.started).toBe(false);
    } finally {
      await lanes.destroy();
    }
  });

  it("the work left is judged on CPU time: a task that took long on the clock but little CPU (a loaded machine) starts no worker", async () => {
    const any = loadAnyScenarioFile(join(SCENARIOS, "shift-left-kcs.json"));
    if (any.form !== "support") throw new Error("full form expected");
    const s = structuredClone(any.scenario);
    s.customers!.count = 500;
    s.horizon = { days: 7, warmupDays: 0, intervalMinutes: 60 };
    const cfg = buildSupport(s, { baseDir: SCENARIOS });
    // the first task's output is taken 1.5 s late without using the CPU, as when other processes
    // hold the core: on the clock 3 tasks left × 1.5 s / 2 (the first counts half) = 2.25 s, worth
    // the workers; in CPU time a replication of a week of 500 customers is far from it
    const idle = new Int32Array(new SharedArrayBuffer(4));
    const lanes = new Lanes(2);
    try {
      await lanes.run({ kind: "replication", cfgs: [cfg], seed: 3, replications: 4 }, 4, (done) => void (done === 1 && Atomics.wait(idle, 0, 0, 1500)));
      expect(lanes.started).toBe(false);
    } finally {
      await lanes.destroy();
    }
  });
});
