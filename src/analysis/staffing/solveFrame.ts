/** What judging a staffing in the staffing search needs to know of the solve (evaluation.ts, margin.ts). */
import type { ProbeLayout } from "./probe.js";
import type { StaffingTargets } from "./targets.js";

/** What a judgement needs to know of the solve. */
export interface SolveFrame {
  layout: ProbeLayout;
  /** Replications per evaluation. */
  R: number;
  T: StaffingTargets;
  /** The pools being sized (indices into the configuration's pools). */
  sized: readonly number[];
  /** Per sized pool: 1 for the intervals of the week its scenario schedule is open. */
  open: readonly Uint8Array[];
  /** Standard errors of margin an interval must clear to count as staffed (margin.ts; 0: none). */
  margin: number;
}
