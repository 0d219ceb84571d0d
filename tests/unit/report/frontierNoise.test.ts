/**
 * The sweep frontier does not join points whose differences are within noise: neighbours on the
 * Pareto front whose 95% intervals overlap on both axes are one choice (dotted, "within noise",
 * and said so in the narrative); only neighbours their intervals tell apart are joined by the
 * frontier's solid line. Also the axes chosen with --x/--y (sweep.json `axes`) drive chart and
 * narrative alike, each axis's better direction from the KPI catalogue.
 */
import { describe, expect, it } from "vitest";
import { frontierChart } from "../../../src/report/charts/frontier.js";
import type { Estimate, SweepResult } from "../../../src/report/charts/inputs.js";
import { sweepNarrative } from "../../../src/report/html/narrative/sweepNarrative.js";
import { chooseAxes, frontierGroups, frontierPoints, frontierSteps } from "../../../src/report/sweepFrontier.js";
import { thrown } from "../../helpers/thrown.js";

const est = (mean: number, half: number): Estimate => ({ mean, ci95: [mean - half, mean + half] });
const METRICS = ["channel.phone.serviceLevel", "channel.phone.asaSeconds", "tier.L1.occupancy", "cost.perMonth"];

/** Points of L2 agents → (monthly cost, phone service level, phone ASA, L1 occupancy), each ± a half-width. */
function sweep(rows: [agents: number, cost: [number, number], sl: [number, number], asa?: [number, number]][], axes?: { x: string; y: string }): SweepResult {
  return {
    format: "supportsim-sweep", version: 1, scenario: "base", scenarioSha256: "0".repeat(64), currency: "USD", seed: 3, replications: 5,
    vary: [{ path: "pools.L2.agents", values: rows.map((r) => r[0]) }], metrics: METRICS, ...(axes ? { axes } : {}),
    points: rows.map(([agents, cost, sl, asa], index) => ({
      index, parameters: { "pools.L2.agents": agents },
      estimates: { "channel.phone.serviceLevel": est(...sl), "channel.phone.asaSeconds": est(...(asa ?? [30, 1])), "tier.L1.occupancy": est(0.8 - index / 100, 0.01), "cost.perMonth": est(...cost) },
    })),
  };
}

/** The pairs of points (by their label) the spec joins with a solid line: a line mark through its efficient points, or solid rule segments from point to point. */
function solidlyJoined(spec: Record<string, unknown>): string[] {
  const rows = (spec.data as { values: Record<string, unknown>[] }).values;
  const at = (x: unknown, y: unknown) => rows.find((r) => (r.x ?? r.cost) === x && (r.y ?? r.service) === y)?.label;
  const out: string[] = [];
  for (const layer of spec.layer as Record<string, any>[]) {
    const mark = layer.mark as Record<string, unknown>;
    const filters = ((layer.transform ?? []) as { filter?: string }[]).map((t) => t.filter).filter((f): f is string => f !== undefined);
    if (mark.type === "line") {
      const eff = rows.filter((r) => filters.every(() => r.status === "On the frontier")).sort((a, b) => (a.cost as number) - (b.cost as number));
      for (let k = 1; k < eff.length; k++) out.push(`${eff[k - 1].label}–${eff[k].label}`);
    }
    if (mark.type === "rule" && layer.encoding?.x2?.field === "x2" && mark.strokeDash === undefined) {
      const segs = (layer.data.values as Record<string, unknown>[]).filter((s) => filters.every((f) => (f === "datum.apart" ? s.apart : f === "!datum.apart" ? !s.apart : true)));
      for (const s of segs) out.push(`${at(s.x, s.y)}–${at(s.x2, s.y2)}`);
    }
  }
  return out;
}

// 6 and 7 agents: cost and service intervals overlap (one choice); 7 and 10: both apart; 8 is dominated
const rows: Parameters<typeof sweep>[0] = [
  [6, [100_000, 1_500], [0.8, 0.012]],
  [7, [101_000, 1_500], [0.806, 0.012]],
  [8, [112_000, 1_500], [0.79, 0.012]],
  [10, [120_000, 1_500], [0.9, 0.012]],
];

describe("the frontier within noise", () => {
  it("joins only the neighbours on the front that their intervals tell apart", () => {
    const spec = frontierChart(sweep(rows))!;
    expect(solidlyJoined(spec)).toEqual(["7–10"]);
    // the pair within noise is drawn dotted and marked so
    const dotted = (spec.layer as Record<string, any>[]).find((l) => l.mark.type === "rule" && Array.isArray(l.mark.strokeDash))!;
    expect(dotted.data.values.filter((s: { apart: boolean }) => !s.apart)).toHaveLength(1);
    expect(JSON.stringify(spec)).toContain('"within noise"');
    expect(JSON.stringify(spec.title)).toContain("dotted where within noise (one choice)");
  });

  it("groups the front at every step that is apart, and the narrative says which points are one choice", () => {
    const sw = sweep(rows);
    const pts = frontierPoints(sw, "cost.perMonth", "channel.phone.serviceLevel");
    const groups = frontierGroups(frontierSteps(pts, "cost.perMonth")).map((g) => g.map((p) => p.point.parameters["pools.L2.agents"]));
    expect(groups).toEqual([[6, 7], [10]]);
    expect(sweepNarrative(sw)[1]).toContain("On the frontier, pools.L2.agents = 6 and pools.L2.agents = 7 differ in neither the monthly cost nor phone service level beyond their 95% intervals: one choice, not two.");
    // all apart: solid all the way, nothing said about noise
    const apart = sweep([[6, [100_000, 500], [0.8, 0.005]], [7, [104_000, 500], [0.83, 0.005]], [10, [120_000, 500], [0.9, 0.005]]]);
    expect(solidlyJoined(frontierChart(apart)!)).toEqual(["6–7", "7–10"]);
    expect(sweepNarrative(apart).join(" ")).not.toContain("one choice");
  });

  it("a step is apart when either axis's intervals separate the neighbours", () => {
    // same service within noise, cost clearly apart: two choices (the cheaper serves as well as far as the sweep shows)
    const sw = sweep([[6, [100_000, 500], [0.8, 0.02]], [7, [104_000, 500], [0.81, 0.02]]]);
    expect(solidlyJoined(frontierChart(sw)!)).toEqual(["6–7"]);
  });
});

describe("the frontier's axes", () => {
  it("reads the chosen axes from the sweep, each the way its catalogue direction says is better", () => {
    // x: phone ASA (lower is better), y: service level; 10 agents best on both → the only efficient point
    const sw = sweep([[6, [100_000, 500], [0.8, 0.005], [40, 1]], [10, [120_000, 500], [0.9, 0.005], [10, 1]]], { x: "channel.phone.asaSeconds", y: "channel.phone.serviceLevel" });
    const spec = frontierChart(sw)!;
    const data = (spec.data as { values: { label: string; status: string; x: number }[] }).values;
    expect(data.map((d) => [d.label, d.status, d.x])).toEqual([["6", "Dominated", 40], ["10", "On the frontier", 10]]);
    expect((spec.title as { text: string }).text).toBe("Phone service level vs phone average speed of answer");
    expect(sweepNarrative(sw)[1]).toContain("pools.L2.agents = 10 is both the point with the lowest phone average speed of answer (10 s) and the best served (90.0%).");
  });

  it("draws no front on an axis with no better direction", () => {
    const sw = sweep(rows, { x: "tier.L1.occupancy", y: "channel.phone.serviceLevel" });
    const spec = frontierChart(sw)!;
    expect(new Set((spec.data as { values: { status: string }[] }).values.map((d) => d.status))).toEqual(new Set(["Grid point"]));
    expect(solidlyJoined(spec)).toEqual([]);
    expect(sweepNarrative(sw)[1]).toContain("has no frontier on these axes");
  });

  it("checks the axes against the sweep's metrics, with the nearest name", async () => {
    expect(chooseAxes(METRICS, {})).toEqual({ x: "cost.perMonth", y: "channel.phone.serviceLevel" });
    expect(chooseAxes(METRICS, { y: "channel.phone.asaSeconds" })).toEqual({ x: "cost.perMonth", y: "channel.phone.asaSeconds" });
    expect((await thrown(() => chooseAxes(METRICS, { x: "cost.permonth" }))).message).toBe('options: axes.x: the sweep has no metric "cost.permonth" (did you mean "cost.perMonth"?)');
    expect((await thrown(() => chooseAxes(METRICS, { y: "cost.perMonth" }))).message).toContain("axes.y: the same metric as the other axis (cost.perMonth)");
    expect((await thrown(() => chooseAxes(METRICS, { x: "zzz" }))).message).toContain(`expected one of ${METRICS.join(", ")}`);
  });
});
