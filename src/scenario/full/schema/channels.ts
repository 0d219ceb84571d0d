/** Channels (`channels`): real-time or deferred, entry tier, opening hours, expected wait, callbacks, redials, cost per contact. */
import { DurationSchema } from "../../duration.js";
import { name, nonNegative, object, positive, probability } from "../../fields.js";
import { hoursList, oneOf } from "./fields.js";

export const CHANNEL_KINDS = ["realtime", "deferred"] as const;

export const ChannelSchema = object({
  name: name(),
  kind: oneOf(CHANNEL_KINDS),
  entryTier: name().optional(),
  hours: hoursList().optional(),
  waitWeightPerMinute: nonNegative("per minute of expected wait").optional(),
  expectedWaitMinutes: nonNegative("minutes").optional(),
  abandonPenaltyMinutes: nonNegative("minutes").optional(),
  responseTargetHours: positive("hours").optional(),
  dissatisfactionWeight: nonNegative().optional(),
  callback: object({ afterPredictedWaitMinutes: nonNegative("minutes"), acceptShare: probability() }).optional(),
  redial: object({ share: probability(), delay: DurationSchema }).optional(),
  costPerContact: nonNegative("currency units per contact answered").optional(),
});
