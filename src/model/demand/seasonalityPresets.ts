/**
 * The shapes of demand seasonality (src/model/demand/seasonality.ts): the shipped presets of
 * the intraday curve and the weekly pattern, and the normalisation of every given shape to
 * mean 1 (each array or preset is rescaled, its shape kept; see seasonality.ts).
 *
 * The preset curves are assumptions [A] shaped to published qualitative descriptions; see
 * docs/model.md ("Seasonality") and docs/sources.md for what each source shows.
 */

/** Names of the shipped shapes, usable for both the intraday curve and the weekly pattern. */
export type SeasonalityPreset = "b2b-business-hours" | "consumer-24x7";

/**
 * Raw (un-normalised) preset shapes. All values are assumptions [A]: shapes drawn to match the
 * qualitative descriptions cited in docs/model.md, not tables of measured numbers.
 * Intraday values are relative to the day's peak slot (= 1.00).
 */
export const PRESET_INTRADAY: Readonly<Record<SeasonalityPreset, readonly number[]>> = Object.freeze({
  // Weekday business hours 08:00–18:00 local: morning peak 10:00–11:00, lunch dip 12:00–13:30,
  // afternoon peak 14:00–15:00, a few after-hours contacts (web forms, e-mail), near zero at night.
  "b2b-business-hours": Object.freeze([
    /* 00:00 */ 0.02, 0.02, /* 01:00 */ 0.02, 0.02, /* 02:00 */ 0.02, 0.02,
    /* 03:00 */ 0.02, 0.02, /* 04:00 */ 0.02, 0.02, /* 05:00 */ 0.02, 0.03,
    /* 06:00 */ 0.04, 0.06, /* 07:00 */ 0.12, 0.25, /* 08:00 */ 0.50, 0.70,
    /* 09:00 */ 0.85, 0.95, /* 10:00 */ 1.00, 0.99, /* 11:00 */ 0.94, 0.85,
    /* 12:00 */ 0.68, 0.62, /* 13:00 */ 0.70, 0.82, /* 14:00 */ 0.92, 0.93,
    /* 15:00 */ 0.88, 0.80, /* 16:00 */ 0.72, 0.62, /* 17:00 */ 0.50, 0.36,
    /* 18:00 */ 0.20, 0.12, /* 19:00 */ 0.08, 0.06, /* 20:00 */ 0.05, 0.04,
    /* 21:00 */ 0.03, 0.03, /* 22:00 */ 0.02, 0.02, /* 23:00 */ 0.02, 0.02,
  ]),
  // Round the clock: trough 03:00–05:00 at ~16 % of peak, morning ramp, daytime plateau,
  // evening peak 19:00–21:00, decline towards midnight.
  "consumer-24x7": Object.freeze([
    /* 00:00 */ 0.55, 0.45, /* 01:00 */ 0.36, 0.29, /* 02:00 */ 0.24, 0.20,
    /* 03:00 */ 0.17, 0.16, /* 04:00 */ 0.16, 0.17, /* 05:00 */ 0.20, 0.25,
    /* 06:00 */ 0.32, 0.40, /* 07:00 */ 0.48, 0.56, /* 08:00 */ 0.63, 0.69,
    /* 09:00 */ 0.74, 0.78, /* 10:00 */ 0.81, 0.83, /* 11:00 */ 0.84, 0.85,
    /* 12:00 */ 0.86, 0.86, /* 13:00 */ 0.85, 0.84, /* 14:00 */ 0.83, 0.82,
    /* 15:00 */ 0.82, 0.83, /* 16:00 */ 0.84, 0.86, /* 17:00 */ 0.88, 0.90,
    /* 18:00 */ 0.93, 0.96, /* 19:00 */ 0.99, 1.00, /* 20:00 */ 1.00, 0.99,
    /* 21:00 */ 0.95, 0.89, /* 22:00 */ 0.81, 0.73, /* 23:00 */ 0.65, 0.60,
  ]),
});

/** Raw weekly presets, Monday..Sunday, relative to an average weekday ≈ 1. Assumptions [A]. */
export const PRESET_WEEKLY: Readonly<Record<SeasonalityPreset, readonly number[]>> = Object.freeze({
  // Monday highest, easing through the week, Friday lower; weekend ≈ 6–8 % of a weekday.
  "b2b-business-hours": Object.freeze([1.15, 1.05, 1.0, 0.97, 0.85, 0.08, 0.06]),
  // Days comparable; weekend a little higher (more free time).
  "consumer-24x7": Object.freeze([1.0, 0.97, 0.96, 0.97, 1.0, 1.06, 1.08]),
});

export const PRESET_NAMES = Object.keys(PRESET_INTRADAY) as SeasonalityPreset[];

/** Scales non-negative weights so that their arithmetic mean is 1 (validates them first). */
export function normalizeToMeanOne(values: readonly number[], field: string, expectedLength: number, what: string): number[] {
  if (!Array.isArray(values)) {
    throw new RangeError(`seasonality: ${field}: expected an array of ${expectedLength} numbers (${what}), got ${describeValue(values)}`);
  }
  if (values.length !== expectedLength) {
    throw new RangeError(`seasonality: ${field}: expected ${expectedLength} values (${what}), got ${values.length}`);
  }
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`seasonality: ${field}[${i}]: expected a finite number >= 0, got ${describeValue(v)}`);
    }
    sum += v;
  }
  if (!(sum > 0)) {
    throw new RangeError(`seasonality: ${field}: all values are zero; at least one must be positive`);
  }
  const mean = sum / values.length;
  return values.map((v) => v / mean);
}

export function describeValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return v === null ? "null" : typeof v;
}

export function resolveCurve(
  value: number[] | SeasonalityPreset | undefined,
  field: "intraday" | "weekly",
  expectedLength: number,
  what: string,
): number[] {
  if (value === undefined) return new Array<number>(expectedLength).fill(1);
  if (typeof value === "string") {
    const table = field === "intraday" ? PRESET_INTRADAY : PRESET_WEEKLY;
    if (!Object.prototype.hasOwnProperty.call(table, value)) {
      throw new RangeError(
        `seasonality: ${field}: unknown preset ${JSON.stringify(value)}; expected one of ${PRESET_NAMES.map((n) => JSON.stringify(n)).join(", ")} or an array of ${expectedLength} numbers`,
      );
    }
    return normalizeToMeanOne(table[value as SeasonalityPreset], field, expectedLength, what);
  }
  return normalizeToMeanOne(value, field, expectedLength, what);
}
