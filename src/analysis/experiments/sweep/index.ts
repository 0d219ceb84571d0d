/**
 * Parameter sweeps over a full-form scenario: the grid of varied values (grid.ts), one run per
 * grid point with common random numbers (points.ts), the document of their results
 * (document.ts), and shards of a sweep that merge back into exactly the file an unsharded run
 * writes (shards.ts).
 */
export * from "./grid.js";
export * from "./document.js";
export * from "./points.js";
export * from "./shards.js";
