/** The checks of a pool's `WorkforceConfig` (workforce.ts): a RangeError naming the field for a bad one. */
import type { WorkforceConfig } from "../config.js";

function check(ok: boolean, what: string): void {
  if (!ok) throw new RangeError(`workforce: ${what}`);
}
const finiteAtLeast0 = (v: number): boolean => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isCount = (v: number): boolean => Number.isInteger(v) && v >= 0;

export function checkWorkforce(cfg: WorkforceConfig): void {
  check(isCount(cfg.headcount), `headcount must be an integer >= 0, got ${cfg.headcount}`);
  check(finiteAtLeast0(cfg.target), `target must be a finite number >= 0, got ${cfg.target}`);
  check(finiteAtLeast0(cfg.hoursPerWeek) && cfg.hoursPerWeek <= 168, `hoursPerWeek must be in [0, 168], got ${cfg.hoursPerWeek}`);
  check(finiteAtLeast0(cfg.attritionPerMinute), `attritionPerMinute must be a finite number >= 0, got ${cfg.attritionPerMinute}`);
  check(finiteAtLeast0(cfg.training), `training must be a finite number of minutes >= 0, got ${cfg.training}`);
  check(finiteAtLeast0(cfg.resolvePenalty) && cfg.resolvePenalty <= 1, `resolvePenalty must be in [0, 1], got ${cfg.resolvePenalty}`);
  check(finiteAtLeast0(cfg.costPerHire), `costPerHire must be a finite number >= 0, got ${cfg.costPerHire}`);
  for (let i = 0; i < cfg.ramp.length; i++) {
    const { at, proficiency } = cfg.ramp[i];
    check(finiteAtLeast0(at), `ramp[${i}].at must be a finite number of minutes >= 0, got ${at}`);
    check(i === 0 || at > cfg.ramp[i - 1].at, `ramp[${i}].at must exceed ramp[${i - 1}].at (${cfg.ramp[i - 1]?.at}), got ${at}`);
    check(proficiency > 0 && proficiency <= 1, `ramp[${i}].proficiency must be in (0, 1], got ${proficiency}`);
  }
  const h = cfg.hiring;
  check(h.mode === "replace" || h.mode === "plan" || h.mode === "none", `hiring.mode must be "replace", "plan" or "none", got ${JSON.stringify(h.mode)}`);
  check(h.freezeFrom === undefined || (typeof h.freezeFrom === "number" && !Number.isNaN(h.freezeFrom)), `hiring.freezeFrom must be a number of minutes, got ${h.freezeFrom}`);
  for (let i = 0; i < h.plan.length; i++) {
    const { at, hires } = h.plan[i];
    check(finiteAtLeast0(at), `hiring.plan[${i}].at must be a finite number of minutes >= 0, got ${at}`);
    check(isCount(hires), `hiring.plan[${i}].hires must be an integer >= 0, got ${hires}`);
  }
}
