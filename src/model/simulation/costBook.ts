/**
 * The support model's cost ledger (costs.ts CostLedger): one category per pool (its labour, or
 * its vendor's charges) and then `COST_CATEGORIES`, with the fixed monthly fees booked at the
 * start: each vendor's fee from its start, the KCS and customer-training programmes' costs from their starts.
 */
import { CostLedger } from "../costs.js";
import type { MonthClock } from "../../time/months.js";
import type { SupportConfig } from "../config.js";
import { MONTH_MINUTES } from "../../time/units.js";

/** Cost categories besides one per pool (labour or vendor charges). */
export const COST_CATEGORIES = ["contacts", "self-service", "KCS program", "problem management", "customer training", "hiring"] as const;

/** The ledger and the indices of its categories after the pools'. */
export class CostBook {
  readonly ledger: CostLedger;
  readonly contacts: number;
  readonly selfService: number;
  readonly kcs: number;
  readonly problemManagement: number;
  readonly customerTraining: number;
  readonly hiring: number;

  constructor(cfg: SupportConfig, months: MonthClock) {
    const Q = cfg.pools.length;
    this.ledger = new CostLedger([...cfg.pools.map((p) => p.name), ...COST_CATEGORIES], months, cfg.warmup, cfg.horizon);
    this.contacts = Q;
    this.selfService = Q + 1;
    this.kcs = Q + 2;
    this.problemManagement = Q + 3;
    this.customerTraining = Q + 4;
    this.hiring = Q + 5;
    cfg.pools.forEach((p, q) => {
      if (p.vendor && p.vendor.feePerMinute > 0) this.ledger.accrueMonthly(q, p.vendor.start, cfg.horizon, p.vendor.feePerMinute * MONTH_MINUTES);
    });
    if (cfg.kcs && cfg.kcs.costPerMinute > 0) this.ledger.accrueMonthly(this.kcs, cfg.kcs.start, cfg.horizon, cfg.kcs.costPerMinute * MONTH_MINUTES);
    const ct = cfg.customerTraining;
    if (ct && ct.costPerMinute > 0) this.ledger.accrueMonthly(this.customerTraining, ct.start, cfg.horizon, ct.costPerMinute * MONTH_MINUTES);
  }
}
