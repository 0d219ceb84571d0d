/**
 * What the unit-cost panels (./unitCosts.ts, ./unitCostBreakdown.ts) share: bars of money with
 * cents, a 95% interval per bar (null ends: one replication), the mean written at the end of the
 * bar (or of its interval).
 */
import { axisMoney } from "../numbers.js";
import { moneyExpr } from "./theme.js";

/** The texts a bar's datum {mean, low, high} gets: meanText, ciText (tooltips) and labelAt (where the value is written). */
export function costBarTransforms(currency: string): object[] {
  const money = (x: string) => moneyExpr(x, currency, 2);
  return [
    { calculate: money("datum.mean"), as: "meanText" },
    { calculate: `isValid(datum.low) ? ${money("datum.low")} + ' … ' + ${money("datum.high")} : 'n/a (one replication)'`, as: "ciText" },
    { calculate: "isValid(datum.high) ? datum.high : datum.mean", as: "labelAt" },
  ];
}

/** The x encoding of the bars: from 0 to 1.3 × the highest interval end (room for the label), money ticks. */
export function costBarX(rows: readonly { mean: number; high: number | null }[], currency: string): object {
  const max = Math.max(...rows.map((d) => d.high ?? d.mean), 0);
  return {
    field: "mean", type: "quantitative", title: `Cost (${currency})`,
    scale: { domain: [0, max > 0 ? max * 1.3 : 1], nice: false },
    axis: { ...axisMoney(currency), tickCount: 5, grid: true },
  };
}

/** The layer writing each bar's value at its end. */
export function costBarLabels(currency: string, fontSize: number): object {
  return {
    mark: { type: "text", align: "left", baseline: "middle", dx: 6, fontSize, fontWeight: 600, color: "#222222" },
    encoding: { x: { field: "labelAt", type: "quantitative", title: `Cost (${currency})` }, text: { field: "meanText" } },
  };
}
