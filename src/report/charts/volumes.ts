/**
 * Volumes through the average week: contacts offered, answered and abandoned in each interval
 * (per week), for one channel or all channels together. It shows where the demand is — the
 * Monday-morning peak, the evening tail — and where contacts are lost to abandonment, which is
 * what the staffing has to answer to.
 *
 * Values are the run's WeekProfile: per-week counts by arrival interval, the mean over
 * replications. For one channel the offered volume's 95% band is drawn too; summed over
 * channels only the means are (the interval of a sum is not the sum of the intervals).
 */
import { axisNumber, formatNumber } from "../numbers.js";
import type { ChartSpec } from "../render/render.js";
import type { Band, ScenarioResult } from "./inputs.js";
import { titleCase } from "../words.js";
import { at, intervalPlace, pooledText, weekX2 } from "./intraday.js";
import { placeRows, profileAxis } from "./weekAxis.js";
import { BAND_OPACITY, VOLUME_COLOURS, baseSpec } from "./theme.js";

const SERIES = ["Offered", "Answered", "Abandoned"] as const;

/** Per interval: the sum of the non-null means of `bands` (null where all are null). */
function sumMeans(bands: readonly Band[], n: number): (number | null)[] {
  return Array.from({ length: n }, (_, i) => {
    let s: number | null = null;
    for (const b of bands) {
      const v = at(b.mean, i);
      if (v !== null) s = (s ?? 0) + v;
    }
    return s;
  });
}

/**
 * Offered vs answered vs abandoned per interval of the average week, per week: one channel
 * (with the offered 95% band), or all channels summed when `channel` is undefined (means only).
 * null when the run has no profile, the channel is unknown, or nothing was offered all week.
 */
export function volumesChart(r: ScenarioResult, channel?: string): ChartSpec | null {
  const p = r.profile;
  if (!p) return null;
  const chans = channel === undefined ? p.channels : p.channels.filter((c) => c.name === channel);
  if (chans.length === 0) return null;
  const n = p.intervals, m = p.intervalMinutes;
  const one = channel !== undefined ? chans[0] : undefined;
  const offered = sumMeans(chans.map((c) => c.offered), n);
  const answered = sumMeans(chans.map((c) => c.answered), n);
  const abandoned = sumMeans(chans.map((c) => c.abandoned), n);
  if (!offered.some((v) => v !== null && v > 0)) return null;

  const rows = Array.from({ length: n }, (_, i) => ({
    ...intervalPlace(i, m),
    Offered: offered[i],
    Answered: answered[i],
    Abandoned: abandoned[i],
    offeredLow: one ? at(one.offered.low, i) : null,
    offeredHigh: one ? at(one.offered.high, i) : null,
  }));
  // the hours the operation works, as on the intraday charts
  const axis = profileAxis(p);
  const values = placeRows(axis, rows, "hour", ["start", "end"]);
  const hidden = rows.reduce((s, row) => s + (axis.x(row.hour) === null ? row.Offered ?? 0 : 0), 0);
  const weekX = (field: string) => axis.encoding(field);

  const cnt = (x: string) => `isValid(${x}) ? format(${x}, ',.1f') : '—'`;
  const tooltip = [
    { field: "when", type: "nominal", title: "Interval" },
    { field: "offeredText", type: "nominal", title: "Offered per week" },
    { field: "answeredText", type: "nominal", title: "Answered per week" },
    { field: "abandonedText", type: "nominal", title: "Abandoned per week" },
    { field: "abandonShare", type: "nominal", title: "Abandoned, share of offered" },
  ];
  const what = one ? `${one.name} (${one.kind === "deferred" ? "deferred" : "real-time"})` : `all channels (${p.channels.map((c) => c.name).join(", ")})`;
  const base = baseSpec("", undefined, r.currency);
  // Short lines: headless Vega sizes the chart from an estimate of 0.8 em per character.
  base.title = {
    text: `${one ? titleCase(one.name) : "Contacts"}: offered, answered and abandoned`,
    subtitle: [
      `${r.scenario} · ${what}`,
      `Contacts per week arriving in each ${m}-min interval, by arrival time`,
      `${titleCase(pooledText(r, p))}${one ? " · band: 95% interval" : ""}`,
      ...(axis.full ? [] : [`${r.timeZone} time, ${axis.shown}: the hours the live channels are open${hidden > 0 ? ` (${formatNumber(hidden, 1)} contacts a week arrive outside them)` : ""}`]),
    ],
  };
  return {
    ...base,
    data: { values },
    transform: [
      { calculate: one ? `${cnt("datum.Offered")} + (isValid(datum.offeredLow) ? ' (95%: ' + format(datum.offeredLow, ',.1f') + '–' + format(datum.offeredHigh, ',.1f') + ')' : '')` : cnt("datum.Offered"), as: "offeredText" },
      { calculate: cnt("datum.Answered"), as: "answeredText" },
      { calculate: cnt("datum.Abandoned"), as: "abandonedText" },
      { calculate: "datum.Offered > 0 && isValid(datum.Abandoned) ? format(datum.Abandoned / datum.Offered, '.1%') : '—'", as: "abandonShare" },
    ],
    layer: [
      ...(one
        ? [{ mark: { type: "area", opacity: BAND_OPACITY, color: VOLUME_COLOURS.offered }, encoding: { x: weekX("x"), y: { field: "offeredLow", type: "quantitative" }, y2: { field: "offeredHigh" } } }]
        : []),
      // One layer per series, drawn answered (wide) → offered → abandoned: where all offered
      // contacts are answered (e-mail) the offered line shows on top of a wider answered one.
      ...(["Answered", "Offered", "Abandoned"] as const).map((name) => ({
        transform: [{ fold: [name], as: ["series", "value"] }],
        mark: { type: "line", strokeWidth: name === "Answered" ? 5 : 2 },
        encoding: {
          x: weekX("x"),
          y: { field: "value", type: "quantitative", title: "Contacts per interval", axis: { ...axisNumber(), minExtent: 64 } },
          color: { field: "series", type: "nominal", title: null, scale: { domain: [...SERIES], range: [VOLUME_COLOURS.offered, VOLUME_COLOURS.answered, VOLUME_COLOURS.abandoned] } },
        },
      })),
      { mark: { type: "rect", opacity: 0 }, encoding: { x: { field: "x0", type: "quantitative" }, x2: weekX2("x1"), tooltip } },
    ],
  };
}
