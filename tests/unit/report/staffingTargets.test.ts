/** What a staffing chart's subtitle says a pool was sized to (src/report/charts/staffing.ts poolTargets). */
import { describe, expect, it } from "vitest";
import { poolTargets } from "../../../src/report/charts/staffing.js";

const targets = { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9 };

describe("poolTargets", () => {
  it("gives a pool of deferred work alone its response target, not a service level in seconds", () => {
    expect(poolTargets({ targets }, { serviceLevel: null, deferredPerWeek: 120, responseTargetHours: [24] })).toBe("target 90% answered within 24 h");
    expect(poolTargets({ targets }, { serviceLevel: null, deferredPerWeek: 0, responseTargetHours: [4, 48] })).toBe("target 90% answered within 4 h or 48 h");
  });
  it("gives a real-time pool its service level, and a mixed pool both", () => {
    expect(poolTargets({ targets }, { serviceLevel: 0.85, deferredPerWeek: 0, responseTargetHours: [] })).toBe("target 80% answered within 20 s");
    expect(poolTargets({ targets }, { serviceLevel: 0.85, deferredPerWeek: 300, responseTargetHours: [24] })).toBe("target 80% answered within 20 s; deferred work 90% answered within 24 h");
  });
  it("reads results written before the response targets were kept", () => {
    expect(poolTargets({ targets }, { serviceLevel: null, deferredPerWeek: 50, responseTargetHours: undefined as unknown as number[] })).toBe("target 90% answered within its response target");
  });
});
