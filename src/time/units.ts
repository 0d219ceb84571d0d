/**
 * Units of the time axis. The model's clock counts minutes from the scenario's start; every
 * conversion between minutes, hours, days, weeks, months, years and epoch milliseconds uses
 * these constants (and nothing else spells out 1440 or 60_000).
 */

/** Milliseconds in a minute (epoch time ↔ model minutes). */
export const MINUTE_MS = 60_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in a day of 24 hours. */
export const DAY_MS = 86_400_000;
/** Milliseconds in a week of 7 × 24 hours. */
export const WEEK_MS = 7 * DAY_MS;
export const HOUR_MINUTES = 60;
export const DAY_MINUTES = 1440;
export const WEEK_MINUTES = 7 * DAY_MINUTES;
export const HOURS_PER_WEEK = 168;
/** The mean Gregorian year, 365.25 days (costs, revenue and programs booked per year or month). */
export const YEAR_MINUTES = 525_960;
/** The mean month, a twelfth of the mean year: 30.4375 days. */
export const MONTH_MINUTES = YEAR_MINUTES / 12;
export const HOURS_PER_MONTH = MONTH_MINUTES / HOUR_MINUTES;
/** A calendar year of 365 days (the retention model's annual churn rates are per 365 days). */
export const DAYS_365_MINUTES = 365 * DAY_MINUTES;
