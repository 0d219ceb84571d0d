/**
 * The hiring calendar at the least cost (docs/model.md §23.3): an integer program over hires
 * x[q][j] per planned pool q and month j (arriving at arrivalTime, workforceCurves.ts), solved
 * by HiGHS (the `highs` package, loaded as the shift planner does: shiftProgram.ts).
 *
 *   minimise   Σ_q,j c[q][j] · x[q][j] + Σ_q,m P_q · s[q][m]
 *   subject to C0[q][m] + Σ_j a[q][j][m] · x[q][j] + s[q][m] ≥ r[q][m]     (requirement)
 *              0 ≤ x[q][j] ≤ maxHiresPerMonth, integer; s ≥ 0
 *              E0[q](τ_m) + Σ_{j≤m} x[q][j] · e^(−h(τ_m − τ_j)) ≤ maxHeadcount     (after month m's arrivals)
 *              Σ_q (pay_q · ∫_m employed_q + costPerHire_q · x[q][m]) ≤ budget · |m| / length(m)
 *
 * with a[q][j][m] the effective FTE one hire of month j gives in month m, C0 the starting
 * employees' (survivors' e^(−h t)), c[q][j] = costPerHire + pay · ∫_{τ_j}^{horizon} e^(−h(t−τ_j)) dt
 * (salaries of a hire through the plan, training and bench included), and s the shortfall, at
 * a penalty P_q of ten times a hire's whole cost over the plan per FTE-month so that it is
 * used only where hiring cannot help (a lead time, a cap, the budget). The program is thus
 * always feasible, and where it falls short the shortfall says by how much. A headcount or
 * budget bound already broken by the starting staff alone is clipped to 0 (no hires while it is).
 */
import { loadHighs, runHighs } from "../staffing/shiftProgram.js";
import type { PlanMonths } from "./planMonths.js";
import type { PoolCurves } from "./poolCurves.js";

export interface HiringLimits {
  /** Most hires per pool and month. */
  maxHiresPerMonth?: number;
  /** Most employees per pool (expected, right after a month's arrivals). */
  maxHeadcount?: number;
  /** Most spent per calendar month on the planned pools' salaries and hires (pro rata for a partial month). */
  budgetPerMonth?: number;
}

export interface HiringSolution {
  /** Per pool (in the order given) and month: hires arriving. */
  hires: number[][];
  /** Per pool and month: requirement not covered in expectation, FTE. */
  shortfall: number[][];
  /** HiGHS's status of the integer solve. */
  status: string;
}

/** Seconds HiGHS may spend on the integer program. */
const TIME_LIMIT = 30;

/** Terms eight to a line (LP format lets a row continue on the next line). */
function lines(terms: readonly string[]): string {
  const out: string[] = [];
  for (let k = 0; k < terms.length; k += 8) out.push(`  ${terms.slice(k, k + 8).join(" ")}`);
  return out.join("\n");
}

/** A named row: its terms, then the sense and right-hand side. */
const row = (name: string, terms: readonly string[], rhs: string) => ` ${name}:\n${lines(terms)}\n  ${rhs}`;

const num = (v: number) => (Math.abs(v) < 1e-12 ? "0" : Number(v.toPrecision(12)).toString());

/** The integer program's LP text (columns x0 … in the order of `columns`) and the column of each hire and shortfall. */
export function hiringProgramText(pools: readonly PoolCurves[], requirement: readonly (readonly number[])[], months: PlanMonths, limits: HiringLimits) {
  const M = months.count;
  let n = 0;
  const hireCol = pools.map((p) => p.arrival.map((t) => (t === null ? -1 : n++)));
  const shortCol = pools.map(() => Array.from({ length: M }, () => n++));
  const obj: string[] = [], rows: string[] = [], bounds: string[] = [], ints: string[] = [];
  const term = (c: number, col: number) => `${c < 0 ? "-" : "+"} ${num(Math.abs(c))} x${col}`;
  pools.forEach((p, q) => {
    const h = p.wf.attritionPerMinute, H = months.horizon;
    const hireCost = (j: number) => {
      const t = p.arrival[j] as number, stay = h > 0 ? (1 - Math.exp(-h * (H - t))) / h : H - t;
      return p.wf.costPerHire + p.payPerMinute * stay;
    };
    let dearest = 0;
    p.arrival.forEach((t, j) => {
      if (t === null) return;
      const c = hireCost(j);
      dearest = Math.max(dearest, c);
      obj.push(term(c, hireCol[q][j]));
      ints.push(`x${hireCol[q][j]}`);
      bounds.push(` 0 <= x${hireCol[q][j]}${limits.maxHiresPerMonth === undefined ? "" : ` <= ${limits.maxHiresPerMonth}`}`);
    });
    const penalty = 10 * Math.max(dearest, p.wf.costPerHire + p.payPerMinute * H);
    for (let m = 0; m < M; m++) {
      obj.push(term(penalty, shortCol[q][m]));
      const lhs = [term(1, shortCol[q][m])];
      p.hire.forEach((c, j) => { if (c !== null && c.effective[m] > 0) lhs.push(term(c.effective[m], hireCol[q][j])); });
      rows.push(row(`req_${q}_${m}`, lhs, `>= ${num(requirement[q][m] - p.base.effective[m])}`));
      if (limits.maxHeadcount !== undefined && p.arrival[m] !== null) {
        const tm = p.arrival[m] as number;
        const lhsH: string[] = [];
        p.arrival.forEach((tj, j) => { if (tj !== null && j <= m) lhsH.push(term(Math.exp(-h * (tm - tj)), hireCol[q][j])); });
        const cap = limits.maxHeadcount - p.wf.headcount * Math.exp(-h * tm);
        if (lhsH.length > 0) rows.push(row(`head_${q}_${m}`, lhsH, `<= ${num(Math.max(0, cap))}`));
      }
    }
  });
  if (limits.budgetPerMonth !== undefined) {
    for (let m = 0; m < M; m++) {
      const len = months.to[m] - months.from[m];
      const lhs: string[] = [];
      let fixed = 0;
      pools.forEach((p, q) => {
        fixed += p.payPerMinute * p.base.employed[m] * len;
        p.hire.forEach((c, j) => {
          if (c === null) return;
          const coef = p.payPerMinute * c.employed[m] * len + (j === m ? p.wf.costPerHire : 0);
          if (coef > 0) lhs.push(term(coef, hireCol[q][j]));
        });
      });
      if (lhs.length === 0) continue;
      const budget = (limits.budgetPerMonth * len) / months.calendarLength[m];
      rows.push(row(`budget_${m}`, lhs, `<= ${num(Math.max(0, budget - fixed))}`));
    }
  }
  const text = ["Minimize", " obj:", lines(obj), "Subject To", ...rows, "Bounds", ...bounds, ...(ints.length > 0 ? ["General", lines(ints)] : []), "End", ""].join("\n");
  return { text, columns: n, hireCol, shortCol };
}

/** Solve the hiring program (see the module comment). */
export async function solveHiring(pools: readonly PoolCurves[], requirement: readonly (readonly number[])[], months: PlanMonths, limits: HiringLimits): Promise<HiringSolution> {
  const { text, columns, hireCol, shortCol } = hiringProgramText(pools, requirement, months, limits);
  const res = runHighs(await loadHighs(), text, columns, TIME_LIMIT);
  if (!res.values.every((v) => Number.isFinite(v))) throw new Error(`hiring plan: HiGHS found no solution (${res.status})`);
  return {
    hires: hireCol.map((cols) => cols.map((c) => (c < 0 ? 0 : Math.max(0, Math.round(res.values[c]))))),
    shortfall: shortCol.map((cols) => cols.map((c) => Math.max(0, res.values[c]))),
    status: res.status,
  };
}
