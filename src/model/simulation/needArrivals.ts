/**
 * Where needs come from in a replication (simulation.ts): the causal demand of the customer
 * base (needs.ts NeedGenerator: candidates by thinning, a window of a day at a time, the next
 * candidate redrawn whenever a bound changes; none when the scenario is not causal) and the
 * forecast streams (contacts without a customer, Poisson arrivals at the forecast's rates).
 * Each becomes a need on its path (needPath.ts).
 */
import { PiecewisePoissonArrivals } from "../../engine/arrivals.js";
import type { EventCalendar } from "../../engine/calendar.js";
import type { RandomStreams, Rng } from "../../engine/random.js";
import type { SupportConfig } from "../config.js";
import type { NeedGenerator } from "../demand/needs.js";
import { K_FORECAST0, K_NEED, K_WINDOW, WINDOW } from "./eventKinds.js";
import type { NeedPath } from "./needPath.js";

export class NeedArrivals {
  private readonly horizon: number;
  private readonly rCandidate: Rng;
  private readonly rPick: Rng;
  readonly forecast: PiecewisePoissonArrivals[];
  /** Per forecast stream, its contacts' need type, segment and channel (read per contact without the config's objects). */
  readonly fNeed: Int32Array<ArrayBuffer>;
  readonly fSegment: Int32Array<ArrayBuffer>;
  private readonly fChannel: Int32Array<ArrayBuffer>;
  /** The pending K_NEED event's handle, or −1. */
  private needHandle = -1;

  constructor(
    private readonly cfg: SupportConfig,
    private readonly cal: EventCalendar,
    /** The causal demand (null when the scenario is not causal: then no K_NEED, K_WINDOW or K_SALE event occurs). */
    private readonly demand: NeedGenerator | null,
    private readonly path: NeedPath,
    streams: RandomStreams,
  ) {
    this.horizon = cfg.horizon;
    this.rCandidate = streams.stream("needs:candidate");
    this.rPick = streams.stream("needs:pick");
    this.forecast = cfg.forecastStreams.map((f, s) => new PiecewisePoissonArrivals(f.starts, f.ratesPerMinute, streams.stream(`forecast:${s}`), f.cycle));
    this.fNeed = Int32Array.from(cfg.forecastStreams.map((f) => f.needType));
    this.fSegment = Int32Array.from(cfg.forecastStreams.map((f) => f.segment));
    this.fChannel = Int32Array.from(cfg.forecastStreams.map((f) => f.channel));
  }

  /** The first window of the causal demand and its first candidate. */
  startDemand(): void {
    this.demand!.setWindow(0, Math.min(WINDOW, this.horizon));
    this.scheduleNeed(0);
    if (WINDOW < this.horizon) this.cal.post(WINDOW, K_WINDOW, 0);
  }

  /** The first contact of every forecast stream. */
  startForecast(): void {
    this.forecast.forEach((src, s) => {
      const t = src.next(0);
      if (t < this.horizon) this.cal.post(t, K_FORECAST0 + s, 0);
    });
  }

  /** A candidate need (its K_NEED event): accepted or not, then the next one. */
  candidate(now: number): void {
    this.needHandle = -1;
    const demand = this.demand!;
    if (demand.draw(now, this.rPick(), this.rPick(), this.rPick())) this.path.causalNeed(demand.customer, demand.needType, now);
    this.scheduleNeed(now);
  }

  /** The demand's next window (its K_WINDOW event). */
  window(now: number): void {
    this.demand!.setWindow(now, Math.min(now + WINDOW, this.horizon));
    this.scheduleNeed(now);
    if (now + WINDOW < this.horizon) this.cal.post(now + WINDOW, K_WINDOW, 0);
  }

  /** The customer count may have outgrown the demand's bound (after a sale): redraw the next candidate if so. */
  customersGrew(now: number): void {
    if (this.demand!.resizeSlots()) this.scheduleNeed(now);
  }

  /** Forecast stream `kind − K_FORECAST0` brings a contact now; then its next one. */
  forecastContact(kind: number, now: number): void {
    const s = kind - K_FORECAST0;
    const id = this.path.newNeed(-1, this.fNeed[s], this.fSegment[s], now);
    this.path.submit(id, this.fChannel[s], now);
    const t = this.forecast[s].next(now);
    if (t < this.horizon) this.cal.post(t, kind, 0);
  }

  private scheduleNeed(now: number) {
    if (this.needHandle >= 0) this.cal.cancel(this.needHandle);
    const t = this.demand!.nextCandidate(now, this.rCandidate);
    this.needHandle = t < this.horizon ? this.cal.schedule(t, K_NEED, 0) : -1;
  }
}
