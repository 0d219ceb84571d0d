/** Shifts the schedule tests share (weeklyPattern, roster, scheduleProblems). */
import type { ShiftConfig } from "../../src/model/config.js";

/** Week minute of weekday d (0 = Monday) at hh:mm. */
export const at = (d: number, hh: number, mm = 0): number => d * 1440 + hh * 60 + mm;

/** Mon–Fri 08:00 for 8.5 h, 4 agents, a 30-minute break after 4 h staggered over 60 minutes. */
export const DAY_SHIFT: ShiftConfig = {
  name: "Day",
  days: [0, 1, 2, 3, 4],
  start: 480,
  length: 510,
  agents: 4,
  breaks: [{ after: 240, length: 30, stagger: 60 }],
};

/** Sat 22:00 for 8 h (into Sunday 06:00), 2 agents, both off 01:00–02:00 (after 180, no stagger). */
export const SAT_NIGHT: ShiftConfig = {
  name: "Night",
  days: [5],
  start: 22 * 60,
  length: 480,
  agents: 2,
  breaks: [{ after: 180, length: 60, stagger: 0 }],
};
