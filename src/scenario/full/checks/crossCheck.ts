/**
 * The cross-field checks of a full-form scenario, in the order their problems are reported:
 * time, seasonality, names, customers, need types, channels, tiers, routing loops, pools,
 * programmes and retention, arrivals, fixes and dates, the size of the run (./scale.ts), and last reachable work (only once
 * routing, names and the source of demand are right). zod runs them once every field has the
 * right type (range errors do not stop them: each check looks only at values that passed).
 */
import type { SupportScenarioShape } from "../schema/scenario.js";
import { checkArrivals } from "./arrivals.js";
import { checkChannels } from "./channels.js";
import { checkDates, checkFixTriggers } from "./dates.js";
import { checkCustomers, checkNeedTypes, checkSeasonality } from "./demand.js";
import { checkNames } from "./names.js";
import { checkPools } from "./pool.js";
import { checkCustomerTraining, checkKcs, checkProblemManagement, checkRetention } from "./programs.js";
import { checkReachableWork } from "./reachableWork.js";
import { Report, type IssueSink } from "./report.js";
import { checkRouting } from "./routing.js";
import { checkScale } from "./scale.js";
import { checkTiers, tierIndexOf } from "./tiers.js";
import { checkTime } from "./time.js";

export function crossCheck(s: SupportScenarioShape, ctx: IssueSink): void {
  const r = new Report(ctx);
  const frame = checkTime(s, r);
  checkSeasonality(s, r);
  const names = checkNames(s, r);
  checkCustomers(s, r, names);
  checkNeedTypes(s, r, names);
  checkChannels(s, r, names);
  const tierIndex = tierIndexOf(s);
  checkTiers(s, r, names);
  const loops = checkRouting(s, r, tierIndex);
  checkPools(s, r, names);
  checkKcs(s, r, names);
  checkProblemManagement(s, r, names);
  checkCustomerTraining(s, r, names);
  checkRetention(s, r);
  const noSource = checkArrivals(s, r, names);
  checkFixTriggers(s, r);
  checkDates(s, r, frame);
  checkScale(s, r, frame.horizon);
  if (loops || r.brokenRefs > 0 || noSource) return;
  checkReachableWork(s, r, names, tierIndex);
}
