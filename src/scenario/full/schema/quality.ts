/** Product quality (`quality`): releases with their defect spikes, hotfixes and notifications, and fixes that remove defect demand. */
import { integerAtLeast, LIMITS, name, nonNegative, object, positive, probability, upTo } from "../../fields.js";
import { dateText } from "./fields.js";

export const ReleaseSchema = object({
  name: name(),
  date: dateText(),
  spike: upTo(nonNegative("times the baseline defect rate"), LIMITS.spike, `times the baseline defect rate, at most ${LIMITS.spike}`),
  halfLifeDays: positive("days"),
  hotfix: object({ date: dateText(), removes: probability() }).optional(),
  notify: object({ date: dateText(), deflect: probability(), soften: probability() }).optional(),
});

export const FixSchema = object({
  name: name(),
  reduction: probability(),
  rampDays: nonNegative("days").optional(),
  date: dateText().optional(),
  afterRequests: integerAtLeast(1, "a whole number of requests >= 1").optional(),
  leadDays: nonNegative("days").optional(),
});
