/**
 * The element schemas of the full form's named lists, by the list's path: what a merge patch
 * (scenario/extends.ts) asks to tell a complete new element (added, whatever its name) from a
 * partial patch of one whose name looks like a typo of an existing one (the did-you-mean error).
 */
import type * as z from "zod";
import { ChannelSchema } from "./channels.js";
import { SegmentSchema } from "./customers.js";
import { NeedTypeSchema } from "./needs.js";
import { PoolSchema } from "./pools.js";
import { FixSchema, ReleaseSchema } from "./quality.js";
import { SupportTierSchema } from "./tiers.js";

const ELEMENTS: Readonly<Record<string, z.ZodType>> = {
  tiers: SupportTierSchema,
  pools: PoolSchema,
  channels: ChannelSchema,
  needTypes: NeedTypeSchema,
  "customers.segments": SegmentSchema,
  "quality.releases": ReleaseSchema,
  "quality.fixes": FixSchema,
};

/** Whether `element` (with its name) is a complete element of the named list at `listPath` (false for any other list). */
export function isCompleteElement(listPath: readonly (string | number)[], element: object): boolean {
  const schema = ELEMENTS[listPath.join(".")];
  return schema !== undefined && schema.safeParse(element).success;
}
