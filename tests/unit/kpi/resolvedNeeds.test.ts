/**
 * tier.<t>.resolvedNeeds (src/kpi/values.ts): each need that arose after the warm-up and was
 * resolved by an agent, counted once, by the tier that resolved it — what the funnel's
 * "↳ at <tier>" rows draw, so that they add up to "Resolved by an agent" (funnel.resolved).
 * tier.<t>.resolved counts contacts resolved at the tier in the window, whatever need they
 * served and when it arose: it does not add up to the funnel's needs.
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../../src/api/scenario.js";
import { simulateReplication } from "../../../src/kpi/values.js";
import { smallBaseline } from "../../helpers/smallBaseline.js";

describe("needs resolved per tier", () => {
  it("partition the funnel's resolved needs, replication by replication (the contacts resolved per tier do not)", () => {
    const s = loadScenario(smallBaseline(1));
    let differs = false;
    for (const rep of [0, 1]) {
      const v = simulateReplication(s.config, 7, rep).values;
      const tiers = s.config.tiers.map((t) => t.name);
      const byTier = tiers.map((t) => v[`tier.${t}.resolvedNeeds`] as number);
      expect(byTier.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(byTier.reduce((a, b) => a + b, 0)).toBe(v["funnel.resolved"]);
      // every tier resolves some
      expect(byTier.every((x) => x > 0)).toBe(true);
      const contacts = tiers.reduce((a, t) => a + (v[`tier.${t}.resolved`] as number), 0);
      if (contacts !== v["funnel.resolved"]) differs = true;
    }
    expect(differs).toBe(true);
  });
});
