/** Programmes: knowledge-centred service (`kcs`), problem management (`problemManagement`) and customer training (`customerTraining`). */
import { integerAtLeast, nonNegative, object, positive, probability, shareBelowOne } from "../../fields.js";
import { byName, dateText, oneOf, probabilityOrBy, probabilityOrByNeed, someNames } from "./fields.js";

export const KCS_SHAPES = ["linear", "s-curve"] as const;

export const KcsSchema = object({
  start: dateText().optional(),
  rampMonths: nonNegative("months").optional(),
  shape: oneOf(KCS_SHAPES).optional(),
  coverage: probabilityOrByNeed('{ "how-to": 0.6 }').optional(),
  resolveGain: byName(probability(), 'of probabilities per tier such as { "L1": 0.3 }').optional(),
  handleTimeFactor: byName(positive("times the handle time"), 'of handle-time factors per tier such as { "L1": 0.75 }').optional(),
  articleTime: byName(shareBelowOne("a share of floor time >= 0 and < 1"), 'of shares of floor time per tier such as { "L1": 0.05 }').optional(),
  complexityUplift: nonNegative("relative handle-time increase per unit of containment gained").optional(),
  costPerMonth: nonNegative("currency units per month").optional(),
});

export const ProblemManagementSchema = object({
  start: dateText().optional(),
  needTypes: someNames("need type").optional(),
  resolvedPerFix: integerAtLeast(1, "a whole number of resolved needs >= 1"),
  lagDays: nonNegative("days"),
  reductionPerFix: probability(),
  maxReduction: probability().optional(),
  costPerFix: nonNegative("currency units per fix").optional(),
});

export const CustomerTrainingSchema = object({
  start: dateText().optional(),
  rampMonths: nonNegative("months").optional(),
  gapClosed: probabilityOrBy("segment", '{ "smb": 0.3 }'),
  costPerMonth: nonNegative("currency units per month").optional(),
});
