/**
 * Random valid simple-form scenarios (fast-check arbitraries), small enough to run many of them:
 * every distribution the format has for handle time and patience, constant or patterned
 * arrivals, warm-up, interval and threshold (tests/properties/queue.test.ts, singleQueueLane.test.ts).
 */
import fc from "fast-check";

export const duration = (maxMean: number) =>
  fc.oneof(
    fc.record({ dist: fc.constant("exponential"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }) }),
    fc.record({ dist: fc.constant("deterministic"), minutes: fc.double({ min: 0, max: maxMean, noNaN: true }) }),
    fc.record({ dist: fc.constant("uniform"), minMinutes: fc.constant(0.1), maxMinutes: fc.double({ min: 0.5, max: maxMean * 2, noNaN: true }) }),
    fc.record({ dist: fc.constant("normal"), meanMinutes: fc.double({ min: 0.5, max: maxMean, noNaN: true }), sdMinutes: fc.double({ min: 0, max: 5, noNaN: true }) }),
    fc.record({ dist: fc.constant("lognormal"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }), cv: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
    fc.record({ dist: fc.constant("gamma"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }), cv: fc.double({ min: 0.2, max: 2, noNaN: true }) }),
    fc.record({ dist: fc.constant("erlang"), meanMinutes: fc.double({ min: 0.2, max: maxMean, noNaN: true }), k: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ dist: fc.constant("empirical"), samplesMinutes: fc.array(fc.double({ min: 0, max: maxMean, noNaN: true }), { minLength: 1, maxLength: 6 }), interpolate: fc.boolean() }),
  );

/** Random valid scenarios, small enough to run many of them. */
export const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    replications: fc.integer({ min: 1, max: 3 }),
    hours: fc.double({ min: 2, max: 24, noNaN: true }),
    warmFrac: fc.double({ min: 0, max: 0.5, noNaN: true }),
    intervalMinutes: fc.constantFrom(15, 30, 60),
    thresholdSeconds: fc.integer({ min: 1, max: 120 }),
    rate: fc.double({ min: 1, max: 600, noNaN: true }),
    pattern: fc.option(fc.array(fc.double({ min: 0, max: 600, noNaN: true }), { minLength: 2, maxLength: 6 }), { nil: undefined }),
    agents: fc.integer({ min: 1, max: 40 }),
    handle: duration(12),
    patience: fc.option(duration(6), { nil: undefined }),
  })
  .map((r) => ({
    name: "generated",
    seed: r.seed,
    replications: r.replications,
    horizon: { hours: r.hours, warmupHours: r.hours * r.warmFrac, intervalMinutes: r.intervalMinutes },
    serviceLevel: { thresholdSeconds: r.thresholdSeconds },
    arrivals: r.pattern && r.pattern.some((x) => x > 0) ? { pattern: { stepMinutes: 45, ratesPerHour: r.pattern, repeat: true } } : { ratePerHour: r.rate },
    tiers: [{ name: "L1", agents: r.agents, handleTime: r.handle, ...(r.patience ? { patience: r.patience } : {}) }],
  }));
