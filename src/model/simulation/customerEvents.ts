/**
 * The customer base through a replication (simulation.ts): sales, hazard churn and contract
 * renewals as events (customerFlows.ts CustomerFlows: the caller redraws the churn candidate
 * whenever the active count changes), and the recurring revenue they move.
 *
 * Revenue: the annual recurring revenue of the active customers (Σ revenuePerYear), integrated
 * over [warm-up, horizon) into the revenue earned, and the active customers integrated into the
 * mean customers (for cost per customer).
 *
 * Renewals: the daily refresh processes the contract renewals falling in the coming day
 * (`renewDay`); a renewal churn leaves at once (up to a day before its anniversary).
 */
import type { EventCalendar } from "../../engine/calendar.js";
import type { RandomStreams, Rng } from "../../engine/random.js";
import { YEAR_MINUTES } from "../../time/units.js";
import type { SupportConfig } from "../config.js";
import type { CustomerBase } from "../customers/customerBase.js";
import type { CustomerFlows } from "../customers/customerFlows.js";
import { bandFigure, churnExpectation } from "../customers/churnBand.js";
import { BAND_CENTRAL, BAND_OPTIMISTIC, BAND_PESSIMISTIC, BANDS, type ChurnExposure } from "../customers/churnExposure.js";
import { experienceQuantiles } from "../customers/initialExperience.js";
import { annualRevenue, revenueAtRisk, type ExperienceLadder } from "../customers/retention.js";
import { clipSpan } from "../../time/clipSpan.js";
import { K_CHURN, K_SALE, WINDOW } from "./eventKinds.js";
import type { RetentionStats } from "./supportResult.js";

export class CustomerEvents {
  /** Sales and churns (hazard and renewals) over the run. */
  sales = 0;
  churned = 0;
  private readonly horizon: number;
  private readonly warmup: number;
  private readonly rSales: Rng;
  private readonly rChurn: Rng;
  private readonly rRenewal: Rng;
  private churnHandle = -1;
  private revenueLevel: number;
  private revenueSince = 0;
  private revenueEarned = 0;
  private customerMinutes = 0;
  private readonly segRevenue: Float64Array<ArrayBuffer>;
  /** A renewal churn found by the daily event leaves at once (up to a day before its anniversary). */
  private readonly renewalChurn: (id: number) => void;

  constructor(
    private readonly cfg: SupportConfig,
    private readonly cal: EventCalendar,
    private readonly customers: CustomerBase,
    private readonly flows: CustomerFlows,
    private readonly ladder: ExperienceLadder,
    private readonly exposure: ChurnExposure,
    streams: RandomStreams,
  ) {
    this.horizon = cfg.horizon;
    this.warmup = cfg.warmup;
    this.rSales = streams.stream("customers:sales");
    this.rChurn = streams.stream("customers:churn");
    this.rRenewal = streams.stream("customers:renewal");
    // recurring revenue earned after the warm-up: Σ active revenuePerYear, integrated
    this.revenueLevel = annualRevenue(customers, cfg.segments);
    this.segRevenue = Float64Array.from(cfg.segments.map((g) => g.revenuePerYear));
    this.renewalChurn = (id: number) => this.churnNow(id, this.cal.now);
  }

  /** Schedule the first sale and churn candidate. */
  start(): void {
    const s0 = this.flows.nextSale(0, this.rSales);
    if (s0 < this.horizon) this.cal.post(s0, K_SALE, this.flows.saleSegment);
    this.scheduleChurn(0);
  }

  /** A customer of segment g joins now (the caller then resizes the demand, then calls `afterSale`). */
  sale(g: number, now: number): void {
    this.revenueTo(now);
    this.revenueLevel += this.segRevenue[g];
    this.customers.add(g, now);
    this.sales++;
  }

  /** After a sale: redraw the churn candidate and draw the next sale. */
  afterSale(now: number): void {
    this.scheduleChurn(now);
    const t = this.flows.nextSale(now, this.rSales);
    if (t < this.horizon) this.cal.post(t, K_SALE, this.flows.saleSegment);
  }

  /** A churn candidate (its K_CHURN event): accepted or not, then the next one. */
  churnCandidate(now: number): void {
    this.churnHandle = -1;
    const id = this.flows.churnCandidate(this.rChurn());
    if (id >= 0 && this.flows.acceptChurn(id, this.rChurn(), now)) {
      this.churnNow(id, now);
      this.flows.churn(id, now);
      this.churned++;
    }
    this.scheduleChurn(now);
  }

  /** The contract renewals falling in [now, now + WINDOW) (processed at the start of the day). */
  renewDay(now: number): void {
    const renewalChurns = this.flows.renewalsBetween(now, Math.min(now + WINDOW, this.horizon), this.rRenewal, this.renewalChurn);
    if (renewalChurns > 0) {
      this.churned += renewalChurns;
      this.scheduleChurn(now);
    }
  }

  /** The contract renewals falling in the first day (the daily event takes each later day at its start). */
  renewFirstDay(): void {
    this.churned += this.flows.renewalsBetween(0, Math.min(WINDOW, this.horizon), this.rRenewal, this.renewalChurn);
  }

  /** Close the books at the end of the run: revenue up to the horizon, churn and revenue at risk. */
  close(): RetentionStats {
    if (this.revenueSince < this.horizon) this.revenueTo(this.horizon);
    const totals = this.flows.churnTotals();
    const segs = this.cfg.segments, ret = this.cfg.retention, G = segs.length;
    // the base rates as calibrated, per band (empty: the input rates)
    const factorsOf = (b: number) => (ret.baseFactors.length > 0 ? segs.map((_, g) => ret.baseFactors[g * BANDS + b]) : []);
    const riskParts = { atRisk: 0, protected: 0, excessChurners: 0 };
    revenueAtRisk(this.customers, segs, this.ladder, this.horizon, undefined, undefined, riskParts, { factor: factorsOf(BAND_CENTRAL), scale: 1 });
    const riskBand = [BAND_OPTIMISTIC, BAND_PESSIMISTIC].map((b) => {
      const parts = { atRisk: 0, protected: 0, excessChurners: 0 };
      revenueAtRisk(this.customers, segs, this.ladder, this.horizon, undefined, undefined, parts, { factor: factorsOf(b), scale: ret.bandScales[b] });
      return parts.atRisk;
    });
    this.exposure.close(this.customers);
    const expectation = churnExpectation(this.exposure, segs, ret.baseFactors);
    const one = () => 1, revenue = (g: number) => segs[g].revenuePerYear;
    const churnedBySegment = Array.from({ length: G }, (_, g) => this.flows.churned[g]);
    const measured = this.horizon - this.warmup;
    return {
      churned: totals.churned,
      churnedRevenue: totals.churnedRevenue,
      churnedBand: [bandFigure(totals.churned, expectation, BAND_OPTIMISTIC, one), bandFigure(totals.churned, expectation, BAND_PESSIMISTIC, one)],
      churnedRevenueBand: [bandFigure(totals.churnedRevenue, expectation, BAND_OPTIMISTIC, revenue), bandFigure(totals.churnedRevenue, expectation, BAND_PESSIMISTIC, revenue)],
      revenueAtRiskBand: riskBand,
      churnedBySegment,
      churnAtInputBySegment: Array.from(expectation.atInput),
      exposure: this.exposure,
      experienceQuantiles: experienceQuantiles(this.customers, G, this.horizon, ret.halfLife),
      serviceChurn: totals.excessChurn,
      serviceChurnRevenue: totals.excessRevenue,
      byMonth: this.flows.byMonth,
      revenueEarned: this.revenueEarned,
      arrEnd: annualRevenue(this.customers, this.cfg.segments),
      revenueAtRisk: riskParts.atRisk,
      revenueProtected: riskParts.protected,
      excessChurnNextYear: riskParts.excessChurners,
      meanCustomers: measured > 0 ? this.customerMinutes / measured : this.customers.activeCount,
    };
  }

  private scheduleChurn(now: number) {
    if (this.churnHandle >= 0) this.cal.cancel(this.churnHandle);
    const t = this.flows.nextChurn(now, this.rChurn);
    this.churnHandle = t < this.horizon ? this.cal.schedule(t, K_CHURN, 0) : -1;
  }

  private revenueTo(now: number) {
    const span = clipSpan(this.revenueSince, now, this.warmup, this.horizon);
    this.revenueEarned += (this.revenueLevel * span) / YEAR_MINUTES;
    this.customerMinutes += this.customers.activeCount * span;
    this.revenueSince = now;
  }

  private churnNow(id: number, now: number) {
    this.revenueTo(now);
    this.revenueLevel -= this.segRevenue[this.customers.segment[id]];
  }
}
