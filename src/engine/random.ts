/**
 * Named random streams.
 *
 * Every source of randomness in a model draws from its own stream, seeded from
 * (scenario seed, replication index, stream name). Two consequences:
 *  - a replication is reproducible on its own (any thread can run replication k);
 *  - changing one part of a scenario (say, adding agents, which changes when service
 *    starts) does not shift the numbers another part draws (arrivals, handle times),
 *    so scenarios compared with the same seed use common random numbers.
 *
 * Streams are Alea generators read with 53-bit resolution (alea.ts: seedrandom's Alea and its
 * `double()`, number for number, without its closures and boxed state).
 */
import { aleaDouble } from "./alea.js";

/** A uniform random number generator on [0, 1). */
export type Rng = () => number;

export class RandomStreams {
  private readonly streams = new Map<string, Rng>();

  constructor(
    readonly seed: number | string,
    readonly replication: number,
  ) {}

  /** The stream with this name (created on first use, then the same object). */
  stream(name: string): Rng {
    let rng = this.streams.get(name);
    if (rng === undefined) {
      rng = aleaDouble(`supportsim|${this.seed}|${this.replication}|${name}`);
      this.streams.set(name, rng);
    }
    return rng;
  }
}
