/**
 * The service targets a staffing must meet (the staffing solver's module comment says how
 * each is measured), and their text form "sl=0.8@20s".
 */
import { InputError, OPTIONS, problem } from "../../errors.js";

export interface StaffingTargets {
  /** Minimum share of real-time work answered within `thresholdSeconds`, per interval. */
  serviceLevel: number;
  thresholdSeconds: number;
  maxAbandon?: number;
  maxOccupancy?: number;
  /** Minimum share of deferred work answered within its channel's response target, per pool (default 0.9). */
  response: number;
}

/**
 * "sl=0.8@20s" (also "0.8@20s", "sl=80%@20s", "@30s", thresholds in s, m or min) → service
 * level and threshold. @throws InputError from OPTIONS (path `targets`) on anything else.
 */
export function parseTarget(text: string): { serviceLevel: number; thresholdSeconds: number } {
  const m = /^\s*(?:sl\s*=\s*)?(\d*\.?\d+)\s*(%?)\s*@\s*(\d*\.?\d+)\s*(s|sec|m|min)\s*$/i.exec(String(text));
  if (m === null) throw targetError(`expected a service level and a threshold like "sl=0.8@20s" or "80%@30s", got ${JSON.stringify(text)}`);
  const sl = Number(m[1]) / (m[2] === "%" ? 100 : 1);
  const t = Number(m[3]) * (m[4].toLowerCase().startsWith("m") ? 60 : 1);
  if (!(sl > 0 && sl < 1)) throw targetError(`the service level must be between 0 and 1 (exclusive), got ${m[1]}${m[2]}`);
  if (!(t > 0)) throw targetError(`the threshold must be positive, got ${m[3]}${m[4]}`);
  return { serviceLevel: sl, thresholdSeconds: t };
}

function targetError(message: string): InputError {
  return new InputError(problem("targets", message), OPTIONS);
}
