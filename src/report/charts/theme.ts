/**
 * The look every chart shares, so they can go into a slide as they are: one size, one font,
 * text legible at slide size, one colour per scenario and per tier across every chart, and
 * number formats a finance reader expects (currency with K/M/B, %, seconds/minutes/hours).
 *
 * Chart functions build their specs with `baseSpec` (size, config, locale) and take colours
 * from `scenarioScale` / `tierScale` / `categoryScale`, formats from `moneyExpr` and friends.
 */

/** Pixel size of a chart's plotting area (the whole chart is larger by its axes, title and legend). */
export const CHART_WIDTH = 820;
export const CHART_HEIGHT = 340;
/** PNG scale: 2 gives a sharp image on a 1920-pixel slide. */
export const PNG_SCALE = 2;

/** Fonts: DejaVu Sans is what the PNG renderer finds on Debian; browsers fall back to their sans-serif. */
export const FONT = "DejaVu Sans, Helvetica Neue, Helvetica, Arial, sans-serif";

/**
 * Scenario colours, in scenario order (the first is the reference): a colour-blind-safe
 * qualitative palette (Okabe & Ito 2008, "Color Universal Design"), reordered so the reference
 * is a neutral blue and the first alternative a strong orange.
 */
export const SCENARIO_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/** Tier colours by position (L0/self-service first when present); a vendor pool is drawn with a hatch-like lighter tone of its tier. */
export const TIER_COLOURS = ["#4C78A8", "#F58518", "#54A24B", "#B279A2", "#72B7B2", "#EECA3B", "#9D755D", "#BAB0AC"];

/** Colours of the cost categories that are not pools (src/model/simulation/costBook.ts COST_CATEGORIES). */
export const OTHER_COST_COLOURS: Record<string, string> = {
  contacts: "#9D755D",
  "self-service": "#72B7B2",
  hiring: "#BAB0AC",
};
/** Programs (KCS, problem management, ...) take these in order of appearance. */
export const PROGRAM_COLOURS = ["#E45756", "#FF9DA6", "#B6992D", "#D67195"];

/** Series colours for volumes: offered, answered, abandoned. */
export const VOLUME_COLOURS = { offered: "#4C78A8", answered: "#54A24B", abandoned: "#E45756" } as const;
/** The target line. */
export const TARGET_COLOUR = "#D62728";
/** Confidence bands: the series colour at this opacity. */
export const BAND_OPACITY = 0.22;

/** A Vega-Lite colour scale that gives scenario i the i-th colour whatever chart it is in. */
export function scenarioScale(scenarios: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...scenarios], range: scenarios.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]) };
}

/** The colour of tier `i` of `tiers`, the same in every chart. */
export function tierColour(tiers: readonly string[], tier: string): string {
  const i = tiers.indexOf(tier);
  return TIER_COLOURS[(i < 0 ? tiers.length : i) % TIER_COLOURS.length];
}

/** A colour scale over tier names (scenario order of tiers). */
export function tierScale(tiers: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...tiers], range: tiers.map((t) => tierColour(tiers, t)) };
}

/**
 * A colour scale over cost categories: a pool gets its tier's colour (a vendor pool a lighter
 * tone of it; a second pool of the same tier and kind a darker or lighter tone again, so no two
 * categories share a colour); the other categories their own.
 */
export function categoryScale(categories: readonly string[], pools: readonly { name: string; tier: string; vendor: boolean }[], tiers: readonly string[]): { domain: string[]; range: string[] } {
  const seen = new Map<string, number>();
  let programs = 0;
  const range = categories.map((c) => {
    const p = pools.find((x) => x.name === c);
    if (!p) return OTHER_COST_COLOURS[c] ?? PROGRAM_COLOURS[programs++ % PROGRAM_COLOURS.length];
    const key = `${p.tier}\u0000${p.vendor}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const base = p.vendor ? shade(tierColour(tiers, p.tier), 0.45) : tierColour(tiers, p.tier);
    return n === 0 ? base : shade(base, n % 2 === 1 ? -0.18 * Math.ceil(n / 2) : 0.18 * Math.ceil(n / 2));
  });
  return { domain: [...categories], range };
}

/** Lighten (f > 0) or darken (f < 0) a #rrggbb colour by mixing with white or black. */
export function shade(hex: string, f: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => Math.round(f >= 0 ? c + (255 - c) * f : c * (1 + f)));
  return "#" + ch.map((c) => c.toString(16).padStart(2, "0")).join("");
}

/** The symbol d3-format puts for `$` in a format string, per currency code (else the code and a space). */
export function currencySymbol(code: string): string {
  const symbols: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", CNY: "¥", INR: "₹", AUD: "A$", CAD: "C$", CHF: "CHF ", SEK: "kr ", NOK: "kr ", DKK: "kr ", BRL: "R$", ZAR: "R ", KRW: "₩", MXN: "MX$" };
  return symbols[code.toUpperCase()] ?? `${code} `;
}

/**
 * A Vega expression that formats the number `x` (an expression, e.g. "datum.value") as money:
 * $950, $12.5K, $4.18M, $1.2B (two or three significant digits, as finance slides do).
 * `decimals` > 0 shows small amounts (cost per contact) as $44.88.
 */
export function moneyExpr(x: string, currency: string, decimals = 0): string {
  const sym = JSON.stringify(currencySymbol(currency));
  const a = `abs(${x})`;
  // no sign on an amount that rounds to zero; the unit goes up where three significant digits round to 1000 of it
  const sign = `(${x} <= -${0.5 * Math.pow(10, -decimals)} ? '−' : '')`;
  return `${sign} + ${sym} + (${a} >= 999.5e6 ? format(${a} / 1e9, '.3~r') + 'B' : ${a} >= 999.5e3 ? format(${a} / 1e6, '.3~r') + 'M' : ${a} >= 1e4 ? format(${a} / 1e3, '.3~r') + 'K' : format(${a}, ',.${decimals}f'))`;
}

/** Percent with `digits` decimals (a share in [0, 1] → "80%"). */
export const percentFormat = (digits = 0): string => `.${digits}%`;

/** Counts: 12,345 or 1.2M. */
export function countExpr(x: string): string {
  return `abs(${x}) >= 1e6 ? format(${x} / 1e6, '.3~r') + 'M' : format(${x}, ',.0f')`;
}

/** The Vega-Lite config shared by every chart: fonts and sizes legible at slide size, light grid, no chart border. */
export function chartConfig(): Record<string, unknown> {
  return {
    font: FONT,
    background: "#ffffff",
    padding: 12,
    view: { stroke: null },
    title: { fontSize: 20, fontWeight: 600, anchor: "start", subtitleFontSize: 14, subtitleColor: "#555555", offset: 12 },
    axis: { labelFontSize: 13, titleFontSize: 14, titleFontWeight: 500, titleColor: "#333333", labelColor: "#333333", gridColor: "#e6e6e6", domainColor: "#888888", tickColor: "#888888", labelLimit: 220 },
    legend: { labelFontSize: 13, titleFontSize: 14, titleFontWeight: 500, symbolSize: 140, labelLimit: 260, orient: "bottom", direction: "horizontal" },
    header: { labelFontSize: 14, titleFontSize: 14 },
    line: { strokeWidth: 2.5 },
    point: { size: 70, filled: true },
    bar: { discreteBandSize: { band: 0.8 } },
    text: { fontSize: 13 },
  };
}

/** The d3-format locale for a currency (thousands with commas, the currency's symbol as `$`). */
export function chartLocale(currency: string): Record<string, unknown> {
  return { number: { decimal: ".", thousands: ",", grouping: [3], currency: [currencySymbol(currency), ""] } };
}

/**
 * The start of every spec: schema, size, title (and subtitle), shared config and locale.
 * `width`/`height` default to the chart size; pass "container" for neither.
 */
export function baseSpec(title: string, subtitle: string | string[] | undefined, currency = "USD", size: { width?: number; height?: number } = {}): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: subtitle ? { text: title, subtitle } : { text: title },
    width: size.width ?? CHART_WIDTH,
    height: size.height ?? CHART_HEIGHT,
    config: { ...chartConfig(), locale: chartLocale(currency) },
  };
}
