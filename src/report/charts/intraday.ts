/**
 * The intraday chart: the average week of one channel, interval by interval — service level
 * with its target line, the speed of answer and the queue — so a planner sees *when* in the
 * week service breaks down (Monday morning, lunch, the evening shoulder), which a weekly mean
 * hides. Also the shared week axis of every per-interval chart (volumes, staffing).
 *
 * Values are the run's WeekProfile (src/report/charts/inputs.ts): per replication each interval
 * of the week is pooled over the measured weeks; the line is the mean over replications and the
 * band its Student-t 95% interval. An interval where nothing was offered has no service level,
 * no ASA: it is a gap in the line, not a zero (and so is the queue there, unless a backlog is
 * still waiting).
 */
import { axisNumber, durationUnit, formatNumber, formatTargetShare } from "../numbers.js";
import type { ChartSpec } from "../render/render.js";
import { titleCase } from "../words.js";
import type { Band, ScenarioResult, WeekProfile } from "./inputs.js";
import { BAND_OPACITY, CHART_WIDTH, TARGET_COLOUR, VOLUME_COLOURS, baseSpec } from "./theme.js";
import { intervalLabel } from "../../time/weekClock.js";
import { placeRows, profileAxis } from "./weekAxis.js";

/** "Mon 08:30–09:00": interval `i` of the week with its end (the staffing report's labels). */
export { intervalLabel };

/**
 * Where interval `i` of a week of `intervalMinutes` intervals sits on the week axis: its start,
 * end and middle in hours since Monday 00:00, and its label ("Mon 08:30–09:00") for tooltips.
 */
export function intervalPlace(i: number, intervalMinutes: number): { i: number; start: number; end: number; hour: number; when: string } {
  return { i, start: (i * intervalMinutes) / 60, end: ((i + 1) * intervalMinutes) / 60, hour: ((i + 0.5) * intervalMinutes) / 60, when: intervalLabel(i, intervalMinutes) };
}

/** Fixed y-axis width so stacked panels line up (their plots and panel titles start at one x). */
export const Y_AXIS_EXTENT = 64;

/** `x2` for a field holding the interval's end, in hours. */
export const weekX2 = (field: string): Record<string, unknown> => ({ field });

/** A Vega expression: `x` formatted by `fmt` (d3-format), or "—" where null. */
export function orDash(x: string, valueExpr: string): string {
  // parenthesised: callers append to it ("… + ' (95%: …)'"), which must not fall into the else branch
  return `(isValid(${x}) ? ${valueExpr} : '—')`;
}

/** The value at interval i of a band's series (null when absent or not finite). */
export function at(series: readonly (number | null)[] | undefined, i: number): number | null {
  const v = series?.[i];
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/** The duration axis unit (seconds, minutes or hours) lives with the other number formats; kept importable from here. */
export { durationUnit } from "../numbers.js";

/** The profile's channel by name, or undefined. */
export function profileChannel(p: WeekProfile | undefined, channel: string): WeekProfile["channels"][number] | undefined {
  return p?.channels.find((c) => c.name === channel);
}

/** Whether a band has any positive offered volume. */
function anyPositive(b: Band): boolean {
  return b.mean.some((v) => v !== null && Number.isFinite(v) && v > 0);
}

/** One interval of the intraday chart's data (the wait in the chart's unit). */
interface IntradayRow {
  i: number;
  start: number;
  end: number;
  hour: number;
  when: string;
  offered: number | null;
  sl: number | null;
  slLow: number | null;
  slHigh: number | null;
  asa: number | null;
  asaLow: number | null;
  asaHigh: number | null;
  q: number | null;
  qLow: number | null;
  qHigh: number | null;
}

/** "4 measured weeks × 10 replications". */
export function pooledText(r: ScenarioResult, p: WeekProfile): string {
  const w = formatNumber(p.weeks, 1);
  return `mean week over ${w} measured week${w === "1" ? "" : "s"} × ${r.replications} replication${r.replications === 1 ? "" : "s"}`;
}

/**
 * The average week of `channel` in `r`: three stacked panels sharing the week axis —
 * service level with its 95% band and the target line (default 80% for a real-time channel,
 * none for a deferred one unless `opts.target` is given), the mean wait of the answered
 * contacts (seconds, minutes or hours to fit) and the time-average queue, each with its band.
 * For a deferred channel the "service level" is the share answered within its response target
 * (the threshold in seconds does not apply). null when the run has no profile or the channel
 * offered nothing; a RangeError for a target outside (0, 1).
 */
export function intradayChart(r: ScenarioResult, channel: string, opts: { target?: number } = {}): ChartSpec | null {
  const p = r.profile;
  const ch = profileChannel(p, channel);
  if (!p || !ch || !anyPositive(ch.offered)) return null;
  if (opts.target !== undefined && !(opts.target > 0 && opts.target < 1)) throw new RangeError(`intradayChart: the target must be a share between 0 and 1, got ${opts.target}`);
  const deferred = ch.kind === "deferred";
  const target = opts.target ?? (deferred ? undefined : 0.8);
  const m = p.intervalMinutes;
  const n = p.intervals;

  // The wait axis is sized by the intervals' means, not by a rare outlier: one evening interval
  // with a handful of calls and a long wait would otherwise flatten the whole week. Above
  // three times the 95th percentile of the means (if any interval is), the axis is capped and
  // the values beyond are drawn at the top; the panel title says how many.
  const waits: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = (at(ch.offered.mean, i) ?? 0) > 0 ? at(ch.asaSeconds.mean, i) : null;
    if (w !== null) waits.push(w);
  }
  waits.sort((a, b) => a - b);
  const p95 = waits.length > 0 ? waits[Math.min(waits.length - 1, Math.floor(0.95 * waits.length))] : 0;
  const waitCap = p95 > 0 && waits[waits.length - 1] > 3 * p95 ? 3 * p95 : null;
  const over = waitCap === null ? 0 : waits.filter((w) => w > waitCap).length;
  let maxWait = 0;
  for (let i = 0; i < n; i++) maxWait = Math.max(maxWait, at(ch.asaSeconds.high, i) ?? at(ch.asaSeconds.mean, i) ?? 0);
  const unit = durationUnit(waitCap ?? maxWait);
  const inUnit = (v: number | null): number | null => (v === null ? null : v / unit.seconds);

  const rows: IntradayRow[] = [];
  for (let i = 0; i < n; i++) {
    const offered = at(ch.offered.mean, i);
    // Nothing offered: no service to show (the profile should already say null; be sure).
    const has = offered !== null && offered > 0;
    const v = (b: Band, k: "mean" | "low" | "high") => (has ? at(b[k], i) : null);
    // The queue is a time-average over the interval itself: a backlog carried into an interval
    // where nothing arrives (e-mail over the weekend) is real and drawn; empty and idle is a gap.
    const qMean = at(ch.queueLength.mean, i);
    const showQ = has || (qMean !== null && qMean > 0);
    const q = (k: "mean" | "low" | "high") => (showQ ? at(ch.queueLength[k], i) : null);
    rows.push({
      ...intervalPlace(i, m),
      offered,
      sl: v(ch.serviceLevel, "mean"),
      slLow: v(ch.serviceLevel, "low"),
      slHigh: v(ch.serviceLevel, "high"),
      asa: inUnit(v(ch.asaSeconds, "mean")),
      asaLow: inUnit(v(ch.asaSeconds, "low")),
      asaHigh: inUnit(v(ch.asaSeconds, "high")),
      q: q("mean"),
      qLow: q("low"),
      qHigh: q("high"),
    });
  }
  // The hours the live channels are open (and a deferred channel's contacts arrive): a round-the-clock operation keeps the whole week.
  const axis = profileAxis(p, deferred ? channel : undefined);
  const placed = placeRows(axis, rows, "hour", ["start", "end"]);
  const hidden = rows.reduce((s, row) => s + (axis.x(row.hour) === null ? row.offered ?? 0 : 0), 0);
  const weekX = (field: string, o: { labels?: boolean } = {}) => axis.encoding(field, o);
  // A value between two gaps draws no line: mark it with a dot.
  const last = placed.length - 1;
  const isolated = (k: "sl" | "asa" | "q") => (i: number) => placed[i][k] !== null && (i === 0 || placed[i - 1][k] === null) && (i === last || placed[i + 1][k] === null);
  const flagged = placed.map((row, i) => ({ ...row, slDot: isolated("sl")(i), asaDot: isolated("asa")(i), qDot: isolated("q")(i) }));

  const colour = VOLUME_COLOURS.offered;
  const slTitle = deferred ? "Share answered within the response target" : `Service level: share answered within ${r.thresholdSeconds} s`;
  // Short y titles: a rotated title longer than the panel (by Vega's headless estimate) pushes the panel title up.
  const waitTitle = deferred ? `Wait (${unit.name})` : `ASA (${unit.name})`;
  const pct = (x: string) => orDash(x, `format(${x}, '.1%')`);
  const dur = (x: string) => orDash(x, `format(${x}, '.1~f') + ' ${unit.name}'`);
  const num = (x: string) => orDash(x, `format(${x}, ',.2~f')`);
  const tooltipCalcs = [
    { calculate: `${pct("datum.sl")} + (isValid(datum.slLow) ? ' (95%: ' + format(datum.slLow, '.1%') + '–' + format(datum.slHigh, '.1%') + ')' : '')`, as: "slText" },
    { calculate: `${dur("datum.asa")} + (isValid(datum.asaLow) ? ' (95%: ' + format(datum.asaLow, '.1~f') + '–' + format(datum.asaHigh, '.1~f') + ')' : '')`, as: "asaText" },
    { calculate: `${num("datum.q")} + (isValid(datum.qLow) ? ' (95%: ' + format(datum.qLow, ',.2~f') + '–' + format(datum.qHigh, ',.2~f') + ')' : '')`, as: "qText" },
    { calculate: orDash("datum.offered", "format(datum.offered, ',.1f')"), as: "offeredText" },
  ];
  const tooltip = [
    { field: "when", type: "nominal", title: "Interval" },
    { field: "offeredText", type: "nominal", title: "Offered per week" },
    { field: "slText", type: "nominal", title: deferred ? "Within response target" : `Answered within ${r.thresholdSeconds} s` },
    { field: "asaText", type: "nominal", title: deferred ? "Mean time to answer" : "ASA" },
    { field: "qText", type: "nominal", title: "Contacts waiting" },
  ];
  /** Transparent interval columns: hovering anywhere in an interval shows all its values. */
  const hover = { mark: { type: "rect", opacity: 0 }, encoding: { x: { field: "x0", type: "quantitative" }, x2: weekX2("x1"), tooltip } };

  const panel = (key: "sl" | "asa" | "q", title: string, yTitle: string, height: number, y: Record<string, unknown>, labels: boolean, extra: Record<string, unknown>[] = []) => ({
    width: CHART_WIDTH,
    height,
    title: { text: title, fontSize: 15, fontWeight: 600, anchor: "start", offset: 6 },
    layer: [
      // the 95% band (none from a single replication: the layer then carries the axis over the means, drawn
      // transparent, since a band of nulls only would have an infinite extent)
      flagged.some((row) => row[`${key}Low`] !== null)
        ? { mark: { type: "area", opacity: BAND_OPACITY, color: colour }, encoding: { x: weekX("x", { labels }), y: { field: `${key}Low`, type: "quantitative", title: yTitle, ...y, axis: { minExtent: Y_AXIS_EXTENT, ...(y.axis as object) } }, y2: { field: `${key}High` } } }
        : { mark: { type: "line", opacity: 0 }, encoding: { x: weekX("x", { labels }), y: { field: key, type: "quantitative", title: yTitle, ...y, axis: { minExtent: Y_AXIS_EXTENT, ...(y.axis as object) } } } },
      { mark: { type: "line", color: colour, strokeWidth: 2 }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: key, type: "quantitative" } } },
      // (only when there are such values: an empty layer would warn of an infinite extent)
      ...(flagged.some((row) => row[`${key}Dot`])
        ? [{ transform: [{ filter: `datum.${key}Dot` }], mark: { type: "point", color: colour, size: 30 }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: key, type: "quantitative" } } }]
        : []),
      ...extra,
      hover,
    ],
  });

  const targetLayers =
    target === undefined
      ? []
      : [
          { data: { values: [{ target }] }, mark: { type: "rule", color: TARGET_COLOUR, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y: { field: "target", type: "quantitative" } } },
          {
            data: { values: [{ target, label: `Target ${formatTargetShare(target)}` }] },
            mark: { type: "text", color: TARGET_COLOUR, align: "right", baseline: "bottom", dy: -3, fontWeight: 600, fontSize: 13 },
            encoding: { y: { field: "target", type: "quantitative" }, x: { datum: axis.span, type: "quantitative" }, text: { field: "label" } },
          },
        ];

  const kind = deferred ? "deferred" : "real-time";
  const threshold = deferred ? "share answered within its response target" : `service level = answered within ${r.thresholdSeconds} s`;
  const base = baseSpec("", undefined, r.currency);
  // Short lines: headless Vega sizes the chart from an estimate of 0.8 em per character.
  base.title = {
    text: deferred ? `${titleCase(channel)}: response in target, wait and backlog by interval` : `${titleCase(channel)}: service level, ASA and queue by interval`,
    subtitle: [
      `${r.scenario} · ${channel} (${kind}) · ${threshold}`,
      `${titleCase(pooledText(r, p))}, ${m}-min intervals`,
      axis.full ? `${r.timeZone} time, the whole week` : `${r.timeZone} time, ${axis.shown}: the hours the live channels are open${deferred ? " or its contacts arrive" : ""}${hidden > 0 ? ` (${formatNumber(hidden, 1)} contacts a week arrive outside them)` : ""}`,
      r.replications > 1 ? "line: mean, band: 95% interval · gap: nothing offered" : "line: one replication (no 95% interval: run two or more) · gap: nothing offered",
    ],
  };
  delete base.width;
  delete base.height;
  return {
    ...base,
    data: { values: flagged },
    transform: tooltipCalcs,
    spacing: 22,
    vconcat: [
      panel("sl", slTitle, deferred ? "Within target" : "Service level", 200, { scale: { domain: [0, 1.02], nice: false }, axis: { format: ".0%", values: [0, 0.2, 0.4, 0.6, 0.8, 1], tickCount: 6 } }, false, targetLayers),
      panel(
        "asa",
        (deferred ? "Mean time to answer (answered contacts, by arrival interval)" : "Average speed of answer (answered contacts, by arrival interval)") +
          (waitCap === null ? "" : ` · axis capped: ${over} interval${over === 1 ? "" : "s"} above, drawn at the top`),
        waitTitle,
        150,
        { scale: waitCap === null ? { zero: true, nice: true } : { zero: true, nice: false, domain: [0, waitCap / unit.seconds], clamp: true }, axis: { tickCount: 4 } },
        false,
      ),
      panel("q", `${deferred ? "Backlog" : "Queue"}: time-average number of contacts waiting`, "Waiting", 150, { scale: { zero: true, nice: true }, axis: { tickCount: 4, ...axisNumber() } }, true),
    ],
    resolve: { scale: { x: "shared" } },
  };
}
