export { EventCalendar } from "./calendar.js";
export { RandomStreams, type Rng } from "./random.js";
export * from "./distributions.js";
export { PiecewisePoissonArrivals } from "./arrivals.js";
export { Tally, TimeWeighted } from "./statistics.js";
