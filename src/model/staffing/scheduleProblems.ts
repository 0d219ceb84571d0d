/**
 * The problems of a pool's schedule (`PoolSchedule`, src/model/config.ts), one clear line each:
 * what the scenario checks report and what the WeeklyPattern constructor (weeklyPattern.ts)
 * throws.
 */
import { DAY_MINUTES } from "../../time/units.js";
import type { PoolSchedule, ShiftConfig } from "../config.js";
import { breakEnd, breakStart, snap } from "./breaks.js";
import { describeValue as describe } from "./describeValue.js";

/** A number for messages: at most 3 decimals. */
function fmt(x: number): string {
  return String(+x.toFixed(3));
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function checkDays(where: string, days: unknown, out: string[]): void {
  if (!Array.isArray(days)) {
    out.push(`${where}: days: expected an array of weekdays 0..6 (0 = Monday, 6 = Sunday), got ${describe(days)}`);
    return;
  }
  if (days.length === 0) {
    out.push(`${where}: days: expected at least one day 0..6 (0 = Monday, 6 = Sunday), got none`);
    return;
  }
  const seen = new Set<number>();
  days.forEach((d, j) => {
    if (!Number.isInteger(d) || d < 0 || d > 6) {
      out.push(`${where}: days[${j}]: expected an integer 0..6 (0 = Monday, 6 = Sunday), got ${describe(d)}`);
    } else if (seen.has(d)) {
      out.push(`${where}: days: day ${d} is listed twice`);
    } else {
      seen.add(d);
    }
  });
}

function checkAgents(where: string, agents: unknown, out: string[], whole = true): boolean {
  if (whole ? !Number.isSafeInteger(agents) || (agents as number) < 0 : !(isNum(agents) && agents >= 0 && Number.isFinite(agents))) {
    out.push(`${where}: agents: expected a non-negative ${whole ? "integer" : "number"}, got ${describe(agents)}`);
    return false;
  }
  return true;
}

/** open/close of a row or an opening span: 0 <= open < close <= 1440. */
function checkOpenClose(where: string, open: unknown, close: unknown, out: string[]): void {
  const openOk = isNum(open) && open >= 0 && open <= DAY_MINUTES;
  if (!openOk) out.push(`${where}: open: expected minutes after local midnight in 0..1440, got ${describe(open)}`);
  if (!isNum(close) || close < 0 || close > DAY_MINUTES) {
    out.push(`${where}: close: expected minutes after local midnight in 0..1440, got ${describe(close)}`);
  } else if (openOk && close <= open) {
    out.push(`${where}: close: expected a time after open (${fmt(open as number)}), got ${describe(close)}`);
  }
}

function checkShift(shift: ShiftConfig, k: number, out: string[]): void {
  if (shift === null || typeof shift !== "object") {
    out.push(`shifts[${k}]: expected { name, days, start, length, agents, breaks }, got ${describe(shift)}`);
    return;
  }
  const where = typeof shift.name === "string" && shift.name !== "" ? `shift ${JSON.stringify(shift.name)}` : `shifts[${k}]`;
  checkDays(where, shift.days, out);
  const { start, length, agents, breaks } = shift;
  if (!isNum(start) || start < 0 || start > DAY_MINUTES) {
    out.push(`${where}: start: expected minutes after local midnight in 0..1440, got ${describe(start)}`);
  }
  const lengthOk = isNum(length) && length > 0 && length <= DAY_MINUTES;
  if (!lengthOk) {
    out.push(`${where}: length: expected minutes in (0, 1440] (a shift longer than a day would overlap itself), got ${describe(length)}`);
  }
  const agentsOk = checkAgents(where, agents, out);
  if (!Array.isArray(breaks)) {
    out.push(`${where}: breaks: expected an array of { after, length, stagger } (may be empty), got ${describe(breaks)}`);
    return;
  }
  // for the checks that need a head count, a shift of 0 agents is checked as one of 1
  const n = agentsOk && (agents as number) > 0 ? (agents as number) : 1;
  const good: { j: number; after: number; length: number; stagger: number }[] = [];
  breaks.forEach((b, j) => {
    const at = `${where}: breaks[${j}]`;
    if (b === null || typeof b !== "object") {
      out.push(`${at}: expected { after, length, stagger }, got ${describe(b)}`);
      return;
    }
    let ok = true;
    if (!isNum(b.after) || b.after < 0) {
      out.push(`${at}.after: expected minutes >= 0 into the shift, got ${describe(b.after)}`);
      ok = false;
    }
    if (!isNum(b.length) || b.length <= 0) {
      out.push(`${at}.length: expected minutes > 0, got ${describe(b.length)}`);
      ok = false;
    }
    if (!isNum(b.stagger) || b.stagger < 0) {
      out.push(`${at}.stagger: expected minutes >= 0 (0: all agents together), got ${describe(b.stagger)}`);
      ok = false;
    }
    if (!ok) return;
    good.push({ j, after: b.after, length: b.length, stagger: b.stagger });
    if (lengthOk && agentsOk) {
      const end = breakEnd(b.after, b.stagger, b.length, n - 1, n);
      if (end > snap(length)) {
        out.push(
          `${at}: expected the break to end inside the shift (after + stagger·(n−1)/n + length <= ${fmt(length)}), ` +
            `but the last agent's break ends ${fmt(end)} minutes into it (after ${fmt(b.after)} + stagger ${fmt(b.stagger)}·${n - 1}/${n} + length ${fmt(b.length)})`,
        );
      }
    }
  });
  if (!agentsOk) return;
  for (let x = 0; x < good.length; x++) {
    for (let y = x + 1; y < good.length; y++) {
      const p = good[x];
      const q = good[y];
      for (let i = 0; i < n; i++) {
        const ps = breakStart(p.after, p.stagger, i, n);
        const pe = breakEnd(p.after, p.stagger, p.length, i, n);
        const qs = breakStart(q.after, q.stagger, i, n);
        const qe = breakEnd(q.after, q.stagger, q.length, i, n);
        if (ps < qe && qs < pe) {
          out.push(
            `${where}: breaks[${p.j}] and breaks[${q.j}] overlap for agent ${i} of ${n} ` +
              `(minutes ${fmt(ps)}–${fmt(pe)} and ${fmt(qs)}–${fmt(qe)} into the shift); an agent takes one break at a time`,
          );
          break;
        }
      }
    }
  }
}

/**
 * The problems of a schedule, one clear line each (empty when it is valid): the messages the
 * WeeklyPattern constructor throws. Shifts are named by name (`shift "Early"`, or
 * `shifts[k]` when unnamed), table rows and opening spans by index (`rows[k]`,
 * `hours.spans[k]`). Checked: days (non-empty, integers 0..6, no repeats), start/open/close
 * in 0..1440 with close > open, shift length in (0, 1440], agents a non-negative integer (a
 * number for table rows),
 * break fields (after >= 0, length > 0, stagger >= 0), every agent's break ending inside its
 * shift (after + stagger·(n−1)/n + length <= shift length), and no two breaks of a shift
 * overlapping for any agent.
 */
export function scheduleProblems(schedule: PoolSchedule): string[] {
  const out: string[] = [];
  if (schedule === null || typeof schedule !== "object") {
    out.push(`schedule: expected { type: "hours" | "shifts" | "table", … }, got ${describe(schedule)}`);
    return out;
  }
  switch (schedule.type) {
    case "hours": {
      checkAgents("hours", schedule.agents, out);
      const hours = schedule.hours;
      if (hours === undefined) break;
      if (hours === null || typeof hours !== "object" || !Array.isArray(hours.spans)) {
        out.push(`hours: expected { spans: [{ days, open, close }, …] } or undefined (around the clock), got ${describe(hours)}`);
        break;
      }
      hours.spans.forEach((span, k) => {
        const where = `hours.spans[${k}]`;
        if (span === null || typeof span !== "object") {
          out.push(`${where}: expected { days, open, close }, got ${describe(span)}`);
          return;
        }
        checkDays(where, span.days, out);
        checkOpenClose(where, span.open, span.close, out);
      });
      break;
    }
    case "shifts":
      if (!Array.isArray(schedule.shifts)) {
        out.push(`shifts: expected an array of shift patterns, got ${describe(schedule.shifts)}`);
        break;
      }
      schedule.shifts.forEach((shift, k) => checkShift(shift, k, out));
      break;
    case "table":
      if (!Array.isArray(schedule.rows)) {
        out.push(`rows: expected an array of { days, open, close, agents }, got ${describe(schedule.rows)}`);
        break;
      }
      schedule.rows.forEach((row, k) => {
        const where = `rows[${k}]`;
        if (row === null || typeof row !== "object") {
          out.push(`${where}: expected { days, open, close, agents }, got ${describe(row)}`);
          return;
        }
        checkDays(where, row.days, out);
        checkOpenClose(where, row.open, row.close, out);
        // a table may schedule fractions of agents (a sizing's paid agents, analysis/experiments/equalService.ts): the floor is fractional anyway; scenario files give whole ones (schema/pools.ts)
        checkAgents(where, row.agents, out, false);
      });
      break;
    default:
      out.push(`schedule: type: expected "hours", "shifts" or "table", got ${describe((schedule as { type: unknown }).type)}`);
  }
  return out;
}
