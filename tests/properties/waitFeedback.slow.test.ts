/**
 * Waiting and abandoning suppress demand (docs/model.md §5.2), with common random numbers: a
 * company whose phone line (the pool that answers phone and e-mail) is cut, sustained over half a
 * year, in steps. Customers remember each channel by the time they held across its tiers, an
 * abandoned attempt counted as `abandonPenaltyMinutes` more; the remembered wait lowers the
 * channel's weight in their choice and, through the access term, their chance of asking at all.
 *
 * Property: the deeper the cut, the smaller phone's share of the needs that ask and the fewer the
 * needs that ask — monotonically, and by a visible amount at the deepest cut.
 *
 * On the code before (the remembered wait of an abandoned call capped by the patience, no cost for
 * the failed attempt, holds after a transfer left out), the deepest cut (about 20% abandonment)
 * lowered the needs that ask by 0.2%: the size check fails.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compare, loadScenario } from "../../src/api/index.js";
import { smallBaseline } from "../helpers/smallBaseline.js";
import { scenarioFolder } from "../helpers/workflowScenarios.js";

const files = scenarioFolder("supportsim-wait-feedback-");
afterAll(() => files.remove());

const AGENTS = [6, 5, 4, 3];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
files.write("base.json", smallBaseline(4, (s: any) => {
  s.name = "status quo";
  s.customers.count = 9000;
  s.horizon = { days: 182, warmupDays: 14, intervalMinutes: 60 };
  s.pools[0].agents = AGENTS[0];
  s.pools[1].agents = 3;
  s.pools[2].agents = 5;
  s.pools[3].agents = 3;
}));
const cut = (agents: number) => files.write(`phone-${agents}.json`, { extends: "base.json", name: `phone ${agents}`, pools: { "L1 phone and e-mail": { agents } } });

describe("waiting and abandoning suppress demand", () => {
  it("a sustained staffing cut on phone lowers phone's share and the needs that ask, monotonically in the cut", async () => {
    const paths = [files.path("base.json"), ...AGENTS.slice(1).map(cut)];
    const { runs } = await compare(paths.map((p) => loadScenario(p)), { threads: 2 });
    const est = (key: string) => runs.map((r) => r.estimates[key]);
    const means = (key: string) => est(key).map((e) => e.mean!);
    const abandon = means("channel.phone.abandonRate"), share = means("channel.phone.choiceShare"), asked = means("funnel.asked");
    const row = (i: number) => `${AGENTS[i]} agents: abandon ${(abandon[i] * 100).toFixed(1)}%, phone share ${share[i].toFixed(4)}, asked ${asked[i].toFixed(0)}`;
    const story = AGENTS.map((_, i) => row(i)).join("; ");
    for (let i = 1; i < AGENTS.length; i++) {
      expect(abandon[i], story).toBeGreaterThan(abandon[i - 1]);
      expect(share[i], story).toBeLessThan(share[i - 1]);
      expect(asked[i], story).toBeLessThan(asked[i - 1]);
    }
    // the deepest cut (about a third of calls abandoned for half a year): phone's share down by more than 3% of itself
    // (its interval clear of the status quo's), and at least 0.5% fewer needs ask
    const last = AGENTS.length - 1, shareCi = est("channel.phone.choiceShare").map((e) => e.ci95!);
    expect(1 - share[last] / share[0], story).toBeGreaterThan(0.03);
    expect(shareCi[last][1], story).toBeLessThan(shareCi[0][0]);
    expect(1 - asked[last] / asked[0], story).toBeGreaterThan(0.005);
  }, 600_000);
});
