/**
 * The x axis of every per-interval week chart (intraday, volumes, staffing), cropped to the
 * hours the operation works, with hour ticks.
 *
 * A B2B operation open Mon–Fri 08:00–18:00 works 50 of the week's 168 hours: drawn over the whole
 * week its day is a sliver and the time of a dip cannot be read. So the axis shows only the
 * days on which something is open and, on each, the hours from the earliest opening to the
 * latest closing of any day (one window for every day, so the days line up), with a small gap
 * between days; an operation open round the clock keeps the whole week, continuous. "Open" is
 * what the chart's caller says of each interval of the week (a live channel offered contacts,
 * agents were on the floor, a pool was open).
 *
 * Ticks every 1, 2, 3, 4, 6 or 12 hours (the smallest step whose labels stay readable), each
 * labelled with its hour ("08", "10") and, at the tick nearest the middle of each day, the day's
 * name on a second line; day edges have a darker grid line.
 */
import { DAY_NAMES } from "../../time/weekClock.js";
import { DAY_MINUTES } from "../../time/units.js";
import { CHART_WIDTH } from "./theme.js";
import type { WeekProfile } from "./inputs.js";

/** Label steps (hours) to choose from, and the least room a label step must have on the plot. */
const STEPS = [1, 2, 3, 4, 6, 12, 24];
const MIN_LABEL_PX = 28;

export interface WeekAxis {
  /** Whether the whole week is shown (round the clock, every day). */
  full: boolean;
  /** Days shown (0 = Monday). */
  days: number[];
  /** Hours of the day shown on each of them: [from, to). */
  from: number;
  to: number;
  /** Length of the axis, in hours (gaps included). */
  span: number;
  /** Where a gap between two days sits on the axis (a break row there ends a line). */
  gaps: number[];
  /** Where hour h of the week (0 = Monday 00:00) sits on the axis; null outside the hours shown. */
  x(h: number): number | null;
  /** "Mon–Fri 08:00–18:00", "every day 06:00–22:00", "the whole week". */
  shown: string;
  /** The Vega-Lite x encoding of field `field` (axis positions); `labels: false` for upper panels of a stack. */
  encoding(field: string, opts?: { labels?: boolean; title?: string | null }): Record<string, unknown>;
}

const hh = (h: number) => String(h).padStart(2, "0");

/** "Mon–Fri", "Mon, Wed, Sat", "every day". */
function dayText(days: readonly number[]): string {
  if (days.length === 7) return "every day";
  const consecutive = days.every((d, k) => k === 0 || d === days[k - 1] + 1);
  return consecutive && days.length > 2 ? `${DAY_NAMES[days[0]]}–${DAY_NAMES[days[days.length - 1]]}` : days.map((d) => DAY_NAMES[d]).join(", ");
}

/**
 * The axis for a week of `n` intervals of `intervalMinutes`, where `open(i)` tells whether
 * interval i of the week is worked. Nothing open: the whole week.
 */
export function weekAxis(n: number, intervalMinutes: number, open: (i: number) => boolean, width = CHART_WIDTH): WeekAxis {
  const daySet = new Set<number>();
  let first = DAY_MINUTES, last = 0;
  for (let i = 0; i < n; i++) {
    if (!open(i)) continue;
    const start = i * intervalMinutes, day = Math.floor(start / DAY_MINUTES);
    const m = start - day * DAY_MINUTES;
    daySet.add(day);
    first = Math.min(first, m);
    last = Math.max(last, m + intervalMinutes);
  }
  const none = daySet.size === 0;
  const from = none ? 0 : Math.floor(first / 60), to = none ? 24 : Math.min(24, Math.ceil(last / 60));
  const days = none ? [0, 1, 2, 3, 4, 5, 6] : [...daySet].sort((a, b) => a - b);
  const full = days.length === 7 && from === 0 && to === 24;
  const len = to - from;
  // the label step: the smallest that leaves each label MIN_LABEL_PX (a gap between days is half a step)
  const stepFor = (step: number) => { const gap = full ? 0 : step / 2; return ((width / (days.length * len + (days.length - 1) * gap)) * step) >= MIN_LABEL_PX; };
  const step = STEPS.find(stepFor) ?? 24;
  const gap = full ? 0 : step / 2;
  const offset = (k: number) => k * (len + gap);
  const span = offset(days.length) - gap;
  const slot = new Map(days.map((d, k) => [d, k]));
  const x = (h: number): number | null => {
    const day = Math.floor(h / 24);
    const k = slot.get(day);
    const hd = h - day * 24;
    if (k === undefined || hd < from - 1e-9 || hd > to + 1e-9) return null;
    return offset(k) + hd - from;
  };
  // round the clock the days run on, with no gap to break a line at midnight
  const gaps = full ? [] : days.slice(1).map((_, k) => offset(k + 1) - gap / 2);

  // ticks: every step within each day's window (a tick every step / 2 when labels are 6 h or more apart, unlabelled)
  const minor = step >= 6 ? step / 2 : step;
  const values: number[] = [], labels: string[][] = [], edges: number[] = [];
  days.forEach((d, k) => {
    edges.push(offset(k), offset(k) + len);
    const hours: number[] = [];
    for (let h = Math.ceil(from / minor) * minor; h <= to; h += minor) if (!(full && k > 0 && h === from)) hours.push(h);
    const labelled = hours.filter((h) => h % step === 0);
    const middle = labelled.reduce((b, h) => (Math.abs(h - (from + to) / 2) < Math.abs(b - (from + to) / 2) ? h : b), labelled[0] ?? from);
    for (const h of hours) {
      values.push(offset(k) + h - from);
      // a day's closing hour is not written where the next day's opening follows a gap later (they would touch)
      const closing = !full && h === to && k < days.length - 1;
      labels.push(h % step !== 0 || closing ? [""] : h === middle ? [hh(h), DAY_NAMES[d]] : [hh(h)]);
    }
  });
  // a round-the-clock week: "24" at a day's end is the next day's "00"
  if (full) labels.forEach((l) => { if (l[0] === "24") l[0] = "00"; });
  const shown = full ? "the whole week" : `${dayText(days)} ${hh(from)}:00–${hh(to)}:00`;

  const encoding = (field: string, opts: { labels?: boolean; title?: string | null } = {}): Record<string, unknown> => {
    const showLabels = opts.labels ?? true;
    const V = JSON.stringify(values), E = JSON.stringify(edges);
    return {
      field,
      type: "quantitative",
      scale: { domain: [0, span], nice: false, zero: false },
      axis: {
        values,
        // Vega thins explicit values down to tickCount (default: one per 40 px): keep them all.
        tickCount: values.length,
        title: showLabels ? (opts.title === undefined ? "Hour of the day (scenario local time)" : opts.title) : null,
        labels: showLabels,
        labelExpr: `${JSON.stringify(labels)}[indexof(${V}, datum.value)]`,
        labelAlign: "center",
        labelPadding: 4,
        labelBound: false,
        labelOverlap: false,
        labelLineHeight: 16,
        ticks: showLabels,
        tickSize: { condition: { test: `indexof(${E}, datum.value) >= 0`, value: 10 }, value: 4 },
        grid: true,
        gridColor: { condition: { test: `indexof(${E}, datum.value) >= 0`, value: "#a8a8a8" }, value: "#ececec" },
        gridWidth: 1,
        domain: showLabels,
      },
    };
  };
  return { full, days, from, to, span, gaps, x, shown, encoding };
}

/**
 * Rows of a per-interval chart placed on the axis: each row whose `key` hour (a point inside its
 * interval, in hours since Monday 00:00) is shown, with its axis position `x` and, given `span`
 * (the fields of its start and end hours), `x0` and `x1`; and a break row (every field null but
 * `x`) in each gap between days, so lines and areas end at a day's close. Rows outside the hours
 * shown are left out, and with `span` so is an interval that does not lie wholly inside its day's
 * hours (the one starting at the hour a day closes would reach past the break into the next day,
 * and a step or area drawn to its end would slant there); the rows keep their own fields (hours
 * of the week, labels) as they were.
 */
export function placeRows<T extends object>(axis: WeekAxis, rows: readonly T[], key: keyof T & string, span?: [keyof T & string, keyof T & string]): (T & { x: number; x0?: number; x1?: number })[] {
  type Placed = T & { x: number; x0?: number; x1?: number };
  const out: Placed[] = [];
  const breaks = [...axis.gaps];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    const at = axis.x(r[key] as number);
    if (at === null || (span && !withinDay(axis, r[span[0]] as number, r[span[1]] as number))) continue;
    while (breaks.length > 0 && breaks[0] < at) {
      const g = breaks.shift()!;
      out.push({ ...Object.fromEntries(Object.keys(r).map((k) => [k, null])), x: g } as unknown as Placed);
    }
    // the interval's ends move with its key hour (an interval never spans two days)
    const ends = span ? { x0: at + (r[span[0]] as number) - (r[key] as number), x1: at + (r[span[1]] as number) - (r[key] as number) } : {};
    out.push({ ...row, x: at, ...ends });
  }
  return out;
}

/** Whether the interval from hour `start` to `end` of the week lies inside its day's hours shown. */
function withinDay(axis: WeekAxis, start: number, end: number): boolean {
  const day = Math.floor(start / 24);
  return start - day * 24 >= axis.from - 1e-9 && end - day * 24 <= axis.to + 1e-9;
}

/**
 * The axis of a run's week charts: the hours its live (real-time) channels are open, i.e. offer
 * contacts — the same window for every chart of the run, so they line up — and, given
 * `alsoChannel`, the hours that channel's contacts arrive (a deferred channel's chart shows the
 * e-mail that arrives overnight and waits for the morning). A run without a live channel takes
 * the hours its agents are on the floor.
 */
export function profileAxis(p: WeekProfile, alsoChannel?: string): WeekAxis {
  return weekAxis(p.intervals, p.intervalMinutes, openIntervals(p, alsoChannel));
}

/** Whether interval i of the average week is open, as profileAxis reads it. */
export function openIntervals(p: WeekProfile, alsoChannel?: string): (i: number) => boolean {
  const positive = (v: number | null | undefined) => v !== null && v !== undefined && v > 1e-9;
  const live = p.channels.filter((c) => (c.kind === "realtime" || c.name === alsoChannel) && c.offered.mean.some(positive));
  return (i) => (live.length > 0 ? live.some((c) => positive(c.offered.mean[i])) : p.tiers.some((t) => positive(t.agents.mean[i])));
}

/** Hours of the week the live channels are open (profileAxis's open intervals). */
export function openHours(p: WeekProfile): number {
  const open = openIntervals(p);
  let k = 0;
  for (let i = 0; i < p.intervals; i++) if (open(i)) k++;
  return (k * p.intervalMinutes) / 60;
}
