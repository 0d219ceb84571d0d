/**
 * How numbers read in the budget report: money, shares, changes of shares, durations, counts and
 * spans — once, for every place a number is written. The chart subtitles, the narrative and the
 * KPI tables call the `format…` functions here; chart labels and tooltips, which Vega writes in
 * the browser or renderer, use the Vega expressions that build the same text:
 *
 *   formatMoney(x, currency, decimals)  ↔  theme.moneyExpr           $950, $12.5K, $4.45M, $1.2B, $44.88
 *   formatCount(x)                      ↔  theme.countExpr           12,748, 1.23M
 *   formatShare(x, digits)              ↔  d3 ".1%" (theme.percentFormat)   81.9%
 *   formatPoints(x, word)               ↔  pointsExpr                8.1 points / 0.07 pp (a change of a share)
 *   formatDuration(seconds)             ↔  durationExpr              4.5 s, 42 s, 3.5 min, 2.1 h
 *   formatValue(x, unit, …)             ↔  valueExpr                 a metric's value by its unit
 *   formatChange(x, unit, …)            ↔  changeExpr                a signed difference: +1.2 points, −$14.7K, +10 s
 *
 * Axis ticks are round numbers, not stated results: `axisMoney` / `axisCount` / `axisNumber` /
 * `axisShare` give Vega a format without precision, which it fits to the tick step (one unit, K
 * or M, per axis; never two equal labels); `axisDurationExpr` keeps one unit.
 *
 * Minus signs are U+2212 (−), as d3-format writes them. A value that rounds to zero gets no sign.
 */
import type { KpiUnit } from "../kpi/catalogue.js";
import { countExpr, currencySymbol, moneyExpr } from "./charts/theme.js";

/** What a number measures, which decides how it reads (each metric's: src/kpi/catalogue.ts). */
export type Unit = KpiUnit;

/**
 * How a value of a unit is written: money with cents (unit costs); shares with `digits` decimals
 * (default 1); `extra` more digits than usual (formatRange: the two ends of an interval that
 * would read the same); a duration in the unit durationUnit gives `durationOf` seconds (a
 * difference in the unit of the value it changes: an e-mail response of 2.1 h changes by
 * 0.02 h, not by 80 s).
 */
export interface ValueStyle {
  cents?: boolean;
  digits?: number;
  extra?: number;
  durationOf?: number;
}

const MINUS = "\u2212";

/** "−" when `x` is negative and its text `body` is not all zeros (−$0 and −0.0 s are just $0 and 0.0 s). */
function sign(x: number, body: string): string {
  return x < 0 && /[1-9]/.test(body) ? MINUS : "";
}

/** Three significant digits, trailing zeros dropped (d3's ".3~r"): 4.452 → "4.45", 18.0 → "18". */
export function sig3(x: number, extra = 0): string {
  return String(Number(x.toPrecision(3 + extra)));
}

/** |x| with thousands separators and exactly `decimals` decimals (d3's ",.Nf" without the sign). */
function grouped(x: number, decimals: number): string {
  return Math.abs(x).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A plain number with thousands separators and at most `maxDigits` decimals: 1,234.5, 730.5, 12. */
export function formatNumber(x: number, maxDigits = 2): string {
  const body = Math.abs(x).toLocaleString("en-US", { maximumFractionDigits: maxDigits });
  return sign(x, body) + body;
}

/** A plain number with exactly `digits` decimals: FTE 10.0, 9.8. */
export function formatFixed(x: number, digits: number): string {
  const body = grouped(x, digits);
  return sign(x, body) + body;
}

/**
 * Money as theme.moneyExpr draws it: $950, $12.5K, $4.18M, $1.2B (three significant digits from
 * 10,000 up); amounts under 10,000 with `decimals` decimals ($44.88 with 2). Negative amounts get
 * a minus sign (−$1.2K), except one that rounds to zero ($0).
 */
export function formatMoney(x: number, currency: string, decimals = 0, extra = 0): string {
  const a = Math.abs(x);
  // the unit goes up where three significant digits would round to 1000 of it ($999,999 → $1M, not $1000K)
  const body = a >= 999.5e6 ? sig3(a / 1e9, extra) + "B" : a >= 999.5e3 ? sig3(a / 1e6, extra) + "M" : a >= 1e4 ? sig3(a / 1e3, extra) + "K" : grouped(a, decimals + extra);
  return sign(x, body) + currencySymbol(currency) + body;
}

/** A share in [0, 1] as a percentage with `digits` decimals: 0.8188 → "81.9%". */
export function formatShare(x: number, digits = 1): string {
  const body = (Math.abs(x) * 100).toFixed(digits);
  return `${sign(x, body)}${body}%`;
}

/** "75.0–85.0%": a range of shares (an interval), the percent sign once. */
export function formatShareRange(lo: number, hi: number, digits = 1): string {
  const [a, b] = rangeTexts(lo, hi, (x, extra) => formatShare(x, digits + extra));
  return `${a.slice(0, -1)}–${b}`;
}

/**
 * A share that is set rather than measured (a target, an availability): as many decimals as it
 * has, up to one — 80%, 82.5%, never 83% for 82.5%.
 */
export function formatTargetShare(x: number): string {
  return `${formatNumber(x * 100, 1)}%`;
}

/**
 * The size of a change of a share, in percentage points, no sign: one decimal (8.1, 0.9), two
 * under a tenth of a point (0.07 rather than 0.1, 0.04 rather than 0.0); `word` follows ("points"
 * in sentences and tables, "pp" on charts). `axis`: trailing zeros dropped (2, 4 rather than 2.0, 4.0).
 */
export function formatPoints(x: number, word = "points", axis = false, extra = 0): string {
  const a = Math.abs(x);
  const n = a < 0.001 ? String(Number((a * 100).toFixed(2 + extra))) : axis ? String(Number((a * 100).toFixed(1 + extra))) : (a * 100).toFixed(1 + extra);
  return word ? `${n} ${word}` : n;
}

/** The unit a duration axis or text uses for values up to `maxSeconds`: seconds under 2 min, minutes under 2 h, else hours. */
export function durationUnit(maxSeconds: number): { name: "s" | "min" | "h"; seconds: number } {
  if (!(maxSeconds >= 120)) return { name: "s", seconds: 1 };
  if (maxSeconds < 7200) return { name: "min", seconds: 60 };
  return { name: "h", seconds: 3600 };
}

/**
 * A duration in seconds: "4.5 s" under 10 s, "45 s" under 2 min, "3.5 min" under 2 h, else
 * "2.1 h" (durationUnit's units); exactly zero is "0 s". `axis`: "5 s" rather than "5.0 s".
 */
export function formatDuration(seconds: number, axis = false, extra = 0, durationOf?: number): string {
  const a = Math.abs(seconds);
  const u = durationUnit(durationOf === undefined ? a : Math.max(a, Math.abs(durationOf)));
  const v = a / u.seconds;
  // in a unit chosen for a larger value (durationOf), a small amount keeps two significant digits: 0.022 h
  const body =
    u.name === "s" ? (a === 0 ? "0" : a < 10 ? (axis ? String(Number(a.toFixed(1 + extra))) : a.toFixed(1 + extra)) : a.toFixed(extra)) + " s"
    : `${String(v > 0 && v < 0.1 ? Number(v.toPrecision(2 + extra)) : Number(v.toFixed(1 + extra)))} ${u.name}`;
  return sign(seconds, body) + body;
}

/** A count as theme.countExpr draws it: "12,748", "1.23M". */
export function formatCount(x: number, extra = 0): string {
  const a = Math.abs(x);
  const body = a >= 1e6 ? sig3(a / 1e6, extra) + "M" : grouped(a, extra);
  return sign(x, body) + body;
}

/**
 * A span of hours: whole days as days ("28 days", "1 day"), else hours — "36 h" (`short`, chart
 * subtitles) or "36 hours" (sentences).
 */
export function formatSpan(hours: number, style: "short" | "long" = "long"): string {
  if (hours > 0 && hours % 24 === 0) return `${formatNumber(hours / 24)} ${hours === 24 ? "day" : "days"}`;
  return style === "short" ? `${formatNumber(hours)} h` : `${formatNumber(hours)} ${hours === 1 ? "hour" : "hours"}`;
}

/** A value in its unit: 81.9%, $4.45M ($44.88 with cents), 42 s, 30 min (minutes and hours are durations too), 12,748, 1.25. */
export function formatValue(x: number, unit: Unit, currency: string, style: ValueStyle = {}): string {
  const e = style.extra ?? 0;
  const of = (k: number) => (style.durationOf === undefined ? undefined : style.durationOf * k);
  switch (unit) {
    case "share": return formatShare(x, (style.digits ?? 1) + e);
    case "money": return formatMoney(x, currency, style.cents ? 2 : 0, e);
    case "seconds": return formatDuration(x, false, e, of(1));
    case "minutes": return formatDuration(x * 60, false, e, of(60));
    case "hours": return formatDuration(x * 3600, false, e, of(3600));
    case "count": return formatCount(x, e);
    case "number": return formatNumber(x, 2 + e);
  }
}

/** The size of a change, no sign: points for shares (`word`), else the value's own format. */
export function formatMagnitude(x: number, unit: Unit, currency: string, style: ValueStyle & { word?: string } = {}): string {
  return unit === "share" ? formatPoints(x, style.word ?? "points", false, style.extra ?? 0) : formatValue(Math.abs(x), unit, currency, style);
}

/**
 * The two ends of an interval written by `write(x, extra)`, with one more digit at a time
 * (`extra`, up to 6) until they read differently: an interval written "$318K – $318K" says
 * nothing, "$317.6K – $318.4K" does. Ends that are equal stay equal.
 */
export function rangeTexts(lo: number, hi: number, write: (x: number, extra: number) => string): [string, string] {
  for (let extra = 0; ; extra++) {
    const a = write(lo, extra), b = write(hi, extra);
    if (a !== b || lo === hi || extra >= 6) return [a, b];
  }
}

/** An interval of a value in its unit, "low – high" (`sep`), its ends told apart (rangeTexts) and a duration's both ends in one unit (114.6 min – 2.9 h reads as 1.9 h – 2.9 h). */
export function formatRange(lo: number, hi: number, unit: Unit, currency: string, style: ValueStyle = {}, sep = " – "): string {
  const durationOf = style.durationOf ?? Math.max(Math.abs(lo), Math.abs(hi));
  return rangeTexts(lo, hi, (x, extra) => formatValue(x, unit, currency, { ...style, durationOf, extra })).join(sep);
}

/** A signed change: "+1.2 points", "−$300", "+10 s"; no sign when it rounds to zero ("0 points"). */
export function formatChange(x: number, unit: Unit, currency: string, style: ValueStyle & { word?: string } = {}): string {
  const m = formatMagnitude(x, unit, currency, style);
  return (/[1-9]/.test(m) ? (x > 0 ? "+" : x < 0 ? MINUS : "") : "") + m;
}

// ---------------------------------------------------------------------------------------
// The same formats as Vega expressions (`x` is an expression, e.g. "datum.value")

/** `body` preceded by "−" when `x` < 0 and the body is not all zeros (a Vega expression). */
function signedExpr(x: string, body: string, plus = false): string {
  const nonZero = `test(regexp('[1-9]'), ${body})`;
  return `(${nonZero} ? (${x} < 0 ? '${MINUS}' : ${plus ? `${x} > 0 ? '+' : ''` : "''"}) : '') + ${body}`;
}

/** formatDuration as a Vega expression. */
export function durationExpr(x: string, axis = false): string {
  const a = `abs(${x})`;
  const body = `(${a} == 0 ? '0 s' : ${a} < 10 ? format(${a}, '${axis ? ".1~f" : ".1f"}') + ' s' : ${a} < 120 ? format(${a}, '.0f') + ' s' : ${a} < 7200 ? format(${a} / 60, '.1~f') + ' min' : format(${a} / 3600, '.1~f') + ' h')`;
  return signedExpr(x, body);
}

/** formatDuration(seconds, false, 0, unitOf) as a Vega expression (no sign): `x` seconds in the unit durationUnit gives `unitOf` seconds. */
function durationInUnitExpr(x: string, unitOf: number): string {
  const u = durationUnit(unitOf);
  if (u.name === "s") return durationExpr(x);
  const v = `(abs(${x}) / ${u.seconds})`;
  return `format(${v}, ${v} > 0 && ${v} < 0.1 ? '.2~r' : '.1~f') + ' ${u.name}'`;
}

/** formatPoints as a Vega expression (no sign). */
export function pointsExpr(x: string, word = "pp", axis = false): string {
  const a = `abs(${x})`;
  return `(${a} < 0.001 ? format(${a} * 100, '.2~f') : format(${a} * 100, '${axis ? ".1~f" : ".1f"}'))${word ? ` + ' ${word}'` : ""}`;
}

/**
 * Axis ticks of money, Vega-Lite axis properties: K, M or B by the axis's largest tick, one unit
 * for the whole axis ($0.2M … $1.2M), with as many decimals as the tick step needs, so that
 * neighbouring ticks never read the same ($318.2K, $318.4K — not $318K twice). The format has no
 * precision, so Vega fits it to the ticks (d3's tickFormat); `cents` (unit costs, whose ticks may
 * be $0.50 apart): plain amounts with the step's decimals. Ticks stay a whole currency unit apart otherwise.
 */
export function axisMoney(currency: string, cents = false): Record<string, unknown> {
  if (cents) return { format: "$,f" };
  return { format: "$~s", labelExpr: `datum.value === 0 ? ${JSON.stringify(currencySymbol(currency) + "0")} : ${SI_TO_FINANCE}`, tickMinStep: 1 };
}

/** Axis ticks of counts: K and M by the axis's largest tick, the step's decimals (never two equal labels); whole numbers apart when `whole` (agents, contacts). */
export function axisCount(whole = false): Record<string, unknown> {
  return { format: "~s", labelExpr: `datum.value === 0 ? '0' : ${SI_TO_FINANCE}`, ...(whole ? { tickMinStep: 1 } : {}) };
}

/** Axis ticks of plain numbers with the step's decimals (2, 2.5, 3 — never 2, 3, 3); whole numbers apart when `whole`. */
export function axisNumber(whole = false): Record<string, unknown> {
  return { format: ",~f", ...(whole ? { tickMinStep: 1 } : {}) };
}

/** Axis ticks of shares: percent with the step's decimals (80%, 82%; 90.1%, 90.2%), trailing zeros dropped. */
export function axisShare(): Record<string, unknown> {
  return { format: "~%" };
}

/** Money for a comparison's change-axis ticks (changeExpr): K from a thousand, three significant digits. */
function axisMoneyExpr(x: string, currency: string, cents = false): string {
  const a = `abs(${x})`;
  return `(${x} < 0 ? '${MINUS}' : '') + ${JSON.stringify(currencySymbol(currency))} + (${a} >= 1e9 ? format(${a} / 1e9, '.3~r') + 'B' : ${a} >= 1e6 ? format(${a} / 1e6, '.3~r') + 'M' : ${a} >= 1e3 ? format(${a} / 1e3, '.3~r') + 'K' : format(${a}, '${cents ? ",.2f" : ",.0f"}'))`;
}

/** d3's SI prefixes as finance writes them: k → K, G → B (M stays); "m" and smaller do not occur on these axes. */
const SI_TO_FINANCE = "replace(replace(datum.label, 'k', 'K'), 'G', 'B')";

/**
 * Durations (seconds `x`) for axis ticks: one unit for the whole axis, durationUnit of its
 * largest value `maxSeconds` — "90 min" and "2.5 h" never on the same axis. Ticks are round in
 * the unit the data are in, so an axis of seconds should stay in seconds (pass 0): 50 s, 100 s,
 * 150 s rather than 0.83 min, 1.67 min, 2.5 min.
 */
export function axisDurationExpr(x: string, maxSeconds: number): string {
  const u = durationUnit(maxSeconds);
  return `format((${x}) / ${u.seconds}, ',.2~f') + ' ${u.name}'`;
}

/** Counts for axis ticks: 0, 500, 2K, 12.5K, 1.2M (K from a thousand, one style on the whole axis). */
export function axisCountExpr(x: string): string {
  const a = `abs(${x})`;
  return `(${x} < 0 ? '${MINUS}' : '') + (${a} >= 1e6 ? format(${a} / 1e6, '.3~r') + 'M' : ${a} >= 1e3 ? format(${a} / 1e3, '.3~r') + 'K' : format(${a}, ',.0f'))`;
}

/** formatValue as a Vega expression. */
export function valueExpr(x: string, unit: Unit, currency: string, style: ValueStyle = {}): string {
  switch (unit) {
    case "share": return `format(${x}, '.${style.digits ?? 1}%')`;
    case "money": return moneyExpr(x, currency, style.cents ? 2 : 0);
    case "seconds": return durationExpr(x);
    case "minutes": return durationExpr(`(${x}) * 60`);
    case "hours": return durationExpr(`(${x}) * 3600`);
    case "count": return countExpr(x);
    case "number": return numberExpr(x);
  }
}

/** formatNumber as a Vega expression: at most two decimals, thousands separated. */
function numberExpr(x: string): string {
  return signedExpr(x, `format(abs(${x}), ',.2~f')`);
}

/**
 * formatChange as a Vega expression (`word` "pp" by default: charts are short of room). `axis`:
 * the tick formats (money and counts in K from a thousand, no trailing zeros; seconds in
 * seconds; minutes and hours in the one unit, minutes or hours, that fits `axisMax`, the largest
 * |value| on the axis in the metric's unit).
 */
export function changeExpr(x: string, unit: Unit, currency: string, style: ValueStyle & { word?: string; axis?: boolean; axisMax?: number } = {}): string {
  const a = `abs(${x})`;
  const axis = style.axis ?? false;
  // a difference in the unit of the value it changes (style.durationOf, in the metric's unit), as formatDuration writes it
  const seconds = (s: string, max: number, k: number) => (axis ? axisDurationExpr(s, max) : style.durationOf !== undefined ? durationInUnitExpr(s, Math.max(max, Math.abs(style.durationOf) * k)) : durationExpr(s));
  const m =
    unit === "share" ? pointsExpr(a, style.word ?? "pp", axis)
    : unit === "money" ? (axis ? axisMoneyExpr(a, currency, style.cents) : moneyExpr(a, currency, style.cents ? 2 : 0))
    : unit === "seconds" ? seconds(a, 0, 1)
    : unit === "minutes" ? seconds(`${a} * 60`, (style.axisMax ?? 0) * 60, 60)
    : unit === "hours" ? seconds(`${a} * 3600`, (style.axisMax ?? 0) * 3600, 3600)
    : unit === "number" ? `format(${a}, ',.2~f')`
    : axis ? axisCountExpr(a) : countExpr(a);
  return signedExpr(x, `(${m})`, true);
}
