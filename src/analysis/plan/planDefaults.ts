/** The plan's defaults (a module of its own: the command line shows them in its help without loading the plan). */

/** Defaults of the plan's options. */
export const PLAN_DEFAULTS = { maxRuns: 40, maxRounds: 2, response: 0.9 } as const;
