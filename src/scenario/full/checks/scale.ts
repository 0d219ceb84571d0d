/**
 * The size of a run, estimated before it starts (issue 18): a scenario whose every field is
 * within its bounds may still ask for more than a run can do — a million customers each with a
 * hundred needs a month over ten years. The expected number of needs and forecast contacts per
 * replication, and the customers the run must hold, are estimated from the scenario's own
 * figures; beyond the limits the run would take hours or exhaust memory, so it is refused with
 * one line that says what to shrink. Seasonality, releases and repeats are left out: the
 * estimate is of the order of magnitude, not a forecast.
 *
 *   customers   = count + salesPerMonth · months
 *   needs       = customers · Σ_k perCustomerPerMonth_k · months  +  Σ_streams rate · hours
 */
import type { SupportScenarioShape } from "../schema/scenario.js";
import { LIMITS } from "../../fields.js";
import { fin, type Report } from "./report.js";

/** Needs (and forecast contacts) per replication: about 100 s of CPU per 10^8 on these machines… beyond it, hours. */
export const MAX_NEEDS_PER_REPLICATION = 100_000_000;
/** Customers one replication holds at once (about 100 bytes each). */
export const MAX_CUSTOMERS = 20_000_000;

const MINUTES_PER_MONTH = 43_830;

export function checkScale(s: SupportScenarioShape, r: Report, horizonMinutes: number | undefined): void {
  // a figure beyond its own field's bound has its own problem already: no estimate on top of it
  const c0 = s.customers;
  const beyond = !fin(horizonMinutes, 0) || horizonMinutes > LIMITS.horizonDays * 1440
    || (c0 !== undefined && ((c0.count ?? 0) > LIMITS.customers || (c0.salesPerMonth ?? 0) > LIMITS.salesPerMonth))
    || s.needTypes.some((k) => (k.perCustomerPerMonth ?? 0) > LIMITS.needsPerCustomerPerMonth)
    || (s.arrivals ?? []).some((a) => (a.ratePerHour ?? 0) > LIMITS.ratePerHour);
  if (beyond) return;
  const months = horizonMinutes / MINUTES_PER_MONTH, hours = horizonMinutes / 60;
  const c = s.customers;
  const customers = c === undefined ? 0 : (fin(c.count) ? c.count : 0) + (fin(c.salesPerMonth) ? c.salesPerMonth : 0) * months;
  if (customers > MAX_CUSTOMERS) {
    r.issue(["customers"], `the run would hold about ${big(customers)} customers (more than ${big(MAX_CUSTOMERS)}): lower customers.count or customers.salesPerMonth, or shorten the horizon`);
    return;
  }
  const perCustomer = s.needTypes.reduce((sum, k) => sum + (fin(k.perCustomerPerMonth) ? k.perCustomerPerMonth : 0), 0);
  const causal = customers * perCustomer * months;
  const forecast = (s.arrivals ?? []).reduce((sum, a) => {
    if (fin(a.ratePerHour)) return sum + a.ratePerHour * hours;
    const rates = a.pattern?.ratesPerHour ?? [];
    return sum + (rates.length > 0 ? (rates.reduce((x, y) => x + (fin(y) ? y : 0), 0) / rates.length) * hours : 0);
  }, 0);
  const needs = causal + forecast;
  if (needs > MAX_NEEDS_PER_REPLICATION) {
    const what = causal >= forecast ? "customers.count, customers.salesPerMonth or needTypes[].perCustomerPerMonth" : "arrivals[].ratePerHour";
    r.issue(causal >= forecast ? ["needTypes"] : ["arrivals"], `the run would simulate about ${big(needs)} needs per replication (more than ${big(MAX_NEEDS_PER_REPLICATION)}, hours of computing): lower ${what}, or shorten the horizon`);
  }
}

function big(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toPrecision(3)} billion` : n >= 1e6 ? `${(n / 1e6).toPrecision(3)} million` : Math.round(n).toLocaleString("en-US");
}
