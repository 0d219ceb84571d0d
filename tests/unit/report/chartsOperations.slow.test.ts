/**
 * The operations charts: intraday service (intraday.ts), volumes (volumes.ts), staffing
 * required vs scheduled (staffing.ts) and the sweep's cost/service frontier (frontier.ts).
 * Each is checked against the Vega-Lite schema and rendered without warnings, on real results
 * made in-process (tests/helpers/realResults.ts: three runs with their average week, the
 * staffing solver's plan, a 4-point sweep) and on fixtures; its data are checked against the
 * results they come from (real) and against values worked out by hand (small fixtures).
 *
 * Set CHART_PNG_DIR=/some/dir to also write every rendered chart there as PNG (to look at).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { frontierChart, paretoFront } from "../../../src/report/charts/frontier.js";
import type { Band, ScenarioResult, StaffResult, SweepResult, WeekProfile } from "../../../src/report/charts/inputs.js";
import { durationUnit, intervalLabel, intradayChart } from "../../../src/report/charts/intraday.js";
import { formatMoney, staffingChart } from "../../../src/report/charts/staffing.js";
import { quarterDayGroups } from "../../../src/analysis/staffing/coverageRows.js";
import { formatFixed } from "../../../src/report/numbers.js";
import { VOLUME_COLOURS } from "../../../src/report/charts/theme.js";
import { volumesChart } from "../../../src/report/charts/volumes.js";
import { trendChart, trendData } from "../../../src/report/charts/trend.js";
import type { ChartSpec } from "../../../src/report/render/render.js";
import { cleanChart as clean } from "../../helpers/chartCheck.js";
import { meanOf, realResults, type RealResults } from "../../helpers/realResults.js";

/** Real results (three runs with their week profile, a staffing plan, a sweep), made once for this file. */
let real: RealResults;
beforeAll(async () => {
  real = await realResults();
}, 120_000);

const total = (xs: readonly (number | null | unknown)[]) => xs.reduce<number>((a, b) => a + (typeof b === "number" ? b : 0), 0);
/** The real runs' profiles (every run has one). */
const profileOf = (r: ScenarioResult): WeekProfile => {
  if (!r.profile) throw new Error(`${r.scenario} has no profile`);
  return r.profile;
};


/** The inline data rows of a spec (top level, or of its first layer that has them). */
function rows(spec: ChartSpec): Record<string, unknown>[] {
  const d = (spec.data as { values?: Record<string, unknown>[] } | undefined)?.values;
  if (d) return d;
  throw new Error("no inline data at the top level");
}

/**
 * The rows of a week chart by interval of the week (`i`): the break rows between days left out,
 * an interval outside the hours the axis shows undefined (a sparse array: forEach skips it).
 */
function weekRows(spec: ChartSpec): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const r of rows(spec)) if (r.i !== null) out[r.i as number] = r;
  return out;
}
/** How many intervals a sparse array of week rows holds. */
const shown = (d: readonly unknown[]) => Object.keys(d).length;

// ---------------------------------------------------------------------------------------------
// Fixtures

/** A band from a mean series and a relative half-width (null stays null). */
function band(mean: (number | null)[], rel: number, cap?: number): Band {
  return {
    mean,
    low: mean.map((v) => (v === null ? null : Math.max(0, v * (1 - rel)))),
    high: mean.map((v) => (v === null ? null : cap === undefined ? v * (1 + rel) : Math.min(cap, v * (1 + rel)))),
  };
}

/**
 * A realistic average week, 30-min intervals: real-time channels open weekdays 07:00–20:00 and
 * Saturday 09:00–15:00 (nothing offered otherwise: null service), a morning peak and an
 * afternoon shoulder; e-mail arrives around the clock and is answered within hours.
 */
function syntheticProfile(): WeekProfile {
  const m = 30, n = 336;
  const curve = (i: number, open: boolean, scale: number): number => {
    const day = Math.floor(i / 48), h = ((i % 48) + 0.5) / 2;
    if (!open) return 0;
    const shape = Math.exp(-((h - 10.5) ** 2) / 6) + 0.7 * Math.exp(-((h - 15) ** 2) / 5) + 0.15;
    return scale * shape * (day === 0 ? 1.25 : day === 5 ? 0.5 : 1) * (1 + 0.05 * Math.sin(i * 1.7));
  };
  const openAt = (i: number): boolean => {
    const day = Math.floor(i / 48), h = (i % 48) / 2;
    return day < 5 ? h >= 7 && h < 20 : day === 5 ? h >= 9 && h < 15 : false;
  };
  const realtime = (name: string, scale: number, slackAgents: number) => {
    const offered = Array.from({ length: n }, (_, i) => curve(i, openAt(i), scale));
    const load = offered.map((o) => o / (scale * 1.25));
    const sl = offered.map((o, i) => (o > 0 ? Math.min(0.99, Math.max(0.35, 0.97 - 0.45 * load[i] ** 3 * slackAgents)) : null));
    const asa = sl.map((s) => (s === null ? null : 4 + (1 - s) * 160));
    const q = offered.map((o, i) => (o > 0 ? 0.05 + 2.5 * load[i] ** 3 * slackAgents : null));
    const abandoned = offered.map((o, i) => (o > 0 ? o * (sl[i] === null ? 0 : (1 - sl[i]!) * 0.25) : 0));
    return {
      name,
      kind: "realtime" as const,
      offered: band(offered, 0.06),
      answered: band(offered.map((o, i) => o - abandoned[i]), 0.06),
      abandoned: band(abandoned, 0.3),
      serviceLevel: band(sl, 0.05, 1),
      asaSeconds: band(asa, 0.2),
      queueLength: band(q, 0.25),
    };
  };
  const emailOffered = Array.from({ length: n }, (_, i) => 2 + curve(i, Math.floor(i / 48) < 5, 14));
  const email = {
    name: "email",
    kind: "deferred" as const,
    offered: band(emailOffered, 0.08),
    answered: band(emailOffered.map((o) => o * 0.99), 0.08),
    abandoned: band(emailOffered.map((o) => o * 0.01), 0.5),
    serviceLevel: band(emailOffered.map((_, i) => (openAt(i) ? 0.97 : 0.82)), 0.04, 1),
    asaSeconds: band(emailOffered.map((_, i) => (openAt(i) ? 1.5 : 7) * 3600), 0.15),
    queueLength: band(emailOffered.map((_, i) => (openAt(i) ? 6 : 25)), 0.2),
  };
  return {
    intervalMinutes: m,
    intervals: n,
    weeks: 4,
    channels: [realtime("phone", 60, 1), realtime("chat", 25, 0.7), email],
    tiers: [{ name: "L1", agents: band(new Array(n).fill(10), 0.1), occupancy: band(new Array(n).fill(0.8), 0.05) }],
  };
}

/** A minimal ScenarioResult around a profile. */
function scenario(profile: WeekProfile | undefined, over: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    scenario: "baseline",
    seed: 7,
    replications: 10,
    horizonHours: 840,
    warmupHours: 168,
    intervalMinutes: profile?.intervalMinutes ?? 30,
    thresholdSeconds: 20,
    start: "2027-01-04T00:00",
    timeZone: "America/Chicago",
    channels: profile ? profile.channels.map((c) => ({ name: c.name, kind: c.kind })) : [{ name: "phone", kind: "realtime" }],
    tiers: ["L1"],
    segments: ["smb"],
    needTypes: ["how-to"],
    pools: [{ name: "L1", tier: "L1", vendor: false }],
    costCategories: ["L1", "contacts"],
    currency: "USD",
    estimates: {},
    profile,
    ...over,
  };
}

/**
 * A tiny profile by hand: 6-hour intervals (28 a week), one real-time channel "phone" offered
 * only in intervals 1 and 2 of each day, and a deferred channel "email".
 */
function tinyProfile(): WeekProfile {
  const n = 28;
  const z = (f: (i: number) => number | null): (number | null)[] => Array.from({ length: n }, (_, i) => f(i));
  const offered = z((i) => (i % 4 === 1 ? 10 : i % 4 === 2 ? 20 : 0));
  const sl = z((i) => (i % 4 === 1 ? 0.9 : i % 4 === 2 ? 0.6 : null));
  const mk = (mean: (number | null)[], d: number): Band => ({ mean, low: mean.map((v) => (v === null ? null : v - d)), high: mean.map((v) => (v === null ? null : v + d)) });
  return {
    intervalMinutes: 360,
    intervals: n,
    weeks: 2,
    channels: [
      {
        name: "phone",
        kind: "realtime",
        offered: mk(offered, 1),
        answered: mk(z((i) => (offered[i] === 0 ? 0 : offered[i]! - 2)), 1),
        abandoned: mk(z((i) => (offered[i] === 0 ? 0 : 2)), 0.5),
        serviceLevel: mk(sl, 0.05),
        asaSeconds: mk(z((i) => (sl[i] === null ? null : i % 4 === 1 ? 10 : 90)), 3),
        queueLength: mk(z((i) => (sl[i] === null ? null : i % 4 === 1 ? 0.2 : 1.5)), 0.1),
      },
      {
        name: "email",
        kind: "deferred",
        offered: mk(z(() => 4), 1),
        answered: mk(z(() => 3), 1),
        abandoned: mk(z(() => 1), 0.5),
        serviceLevel: mk(z(() => 0.9), 0.02),
        asaSeconds: mk(z(() => 3 * 3600), 600),
        queueLength: mk(z(() => 5), 1),
      },
    ],
    tiers: [],
  };
}

// ---------------------------------------------------------------------------------------------

describe("intradayChart", () => {
  it("draws every channel of every real run, interval by interval from its week profile", async () => {
    for (const r of real.runs) {
      const p = profileOf(r);
      expect(p.intervals).toBe(336);
      expect(p.channels.map((c) => c.name)).toEqual(r.channels.map((c) => c.name));
      for (const ch of p.channels) {
        const spec = intradayChart(r, ch.name);
        expect(spec).not.toBeNull();
        const d = weekRows(spec!);
        // the baseline's live channels are open Mon–Fri 08:00–18:00: those 100 intervals are shown
        // (a deferred channel's chart also the hours its contacts arrive: here round the clock)
        expect(shown(d)).toBe(ch.kind === "realtime" ? 100 : p.intervals);
        for (const row of d) if (row && ch.kind === "realtime") expect(["Sat", "Sun"]).not.toContain((row.when as string).slice(0, 3));
        // the wait in the unit that fits the channel's longest upper bound (s, min or h), or the cap
        const unit = durationUnit(waitScale(ch).cap ?? Math.max(...ch.asaSeconds.high.map((v, i) => v ?? ch.asaSeconds.mean[i] ?? 0)));
        expect(JSON.stringify(spec)).toContain(`"title":"${ch.kind === "deferred" ? "Wait" : "ASA"} (${unit.name})"`);
        let gaps = 0;
        d.forEach((row, i) => {
          const offered = ch.offered.mean[i];
          expect(row.when).toBe(intervalLabel(i, p.intervalMinutes));
          expect(row.hour).toBeCloseTo(((i + 0.5) * p.intervalMinutes) / 60, 12);
          if (offered !== null && offered > 0) {
            expect([row.sl, row.slLow, row.slHigh]).toEqual([ch.serviceLevel.mean[i], ch.serviceLevel.low[i], ch.serviceLevel.high[i]]);
            const asa = ch.asaSeconds.mean[i];
            if (asa === null) expect(row.asa).toBeNull();
            else expect(row.asa as number).toBeCloseTo(asa / unit.seconds, 9);
          } else {
            // nothing offered: a gap, not a zero
            gaps++;
            expect([row.sl, row.asa]).toEqual([null, null]);
          }
        });
        // a deferred channel's chart shows the nights: its line has gaps where nothing arrived
        if (ch.kind === "deferred") expect(gaps).toBeGreaterThan(0);
        expect(JSON.stringify(spec!.title)).toContain(`Mean week over ${p.weeks} measured weeks × ${r.replications} replications`);
      }
    }
    // render each channel of the baseline and of outsource-l1 (the others share their shape)
    for (const r of real.runs.slice(0, 2)) for (const ch of profileOf(r).channels) await clean(intradayChart(r, ch.name), `intraday-real-${r.scenario}-${ch.name}`);
  }, 60_000 /* renders six charts to PNG: seconds each on a loaded 2-core machine */);

  it("renders the average week of a real-time and a deferred channel", async () => {
    const r = scenario(syntheticProfile());
    for (const c of ["phone", "chat", "email"]) await clean(intradayChart(r, c), `intraday-${c}`);
  });

  it("puts the profile's values at interval midpoints, in hours since Monday, and gaps where nothing was offered", () => {
    const spec = intradayChart(scenario(tinyProfile()), "phone")!;
    const d = weekRows(spec);
    // phone is open 06:00–18:00 every day: intervals 1 and 2 of each day are shown
    expect(shown(d)).toBe(14);
    // interval 1: Mon 06:00–12:00, midpoint 9 h; interval 6: Tue 12:00–18:00, midpoint 24 + 15 h
    expect(d[1]).toMatchObject({ start: 6, end: 12, hour: 9, when: "Mon 06:00–12:00", sl: 0.9, slLow: 0.85, q: 0.2 });
    expect(d[6]).toMatchObject({ hour: 39, when: "Tue 12:00–18:00", sl: 0.6, asa: 90, asaLow: 87, asaHigh: 93 });
    // outside the open hours: not shown
    expect(d[0]).toBeUndefined();
    expect(d[27]).toBeUndefined();
    expect(d[26].when).toBe("Sun 12:00–18:00");
    // default target for a real-time channel: 80%, drawn as a rule
    expect(JSON.stringify(spec)).toContain('"target":0.8');
    expect(JSON.stringify(spec.title)).toContain("within 20 s");
  });

  it("draws a backlog still waiting where nothing arrives, and gaps an idle empty interval", () => {
    const p = tinyProfile();
    const ql = p.channels[0].queueLength;
    // Tue 06:00–12:00 and Wed 06:00–12:00: inside the open hours, nothing offered
    for (const i of [5, 9]) for (const k of ["mean", "low", "high"] as const) p.channels[0].offered[k][i] = 0;
    [ql.mean[5], ql.low[5], ql.high[5]] = [2, 1, 3]; // 2 still waiting
    [ql.mean[9], ql.low[9], ql.high[9]] = [0, 0, 0]; // nobody waiting
    const d = weekRows(intradayChart(scenario(p), "phone")!);
    expect(d[5]).toMatchObject({ sl: null, asa: null, q: 2, qLow: 1, qHigh: 3 });
    expect(d[9]).toMatchObject({ sl: null, q: null });
  });

  it("picks the duration unit from the data and labels a deferred channel without the threshold", async () => {
    const r = scenario(tinyProfile(), { thresholdSeconds: 30 });
    const phone = JSON.stringify(intradayChart(r, "phone"));
    expect(phone).toContain("ASA (s)");
    expect(phone).toContain("within 30 s");
    const spec = intradayChart(r, "email")!;
    const email = JSON.stringify(spec);
    expect(email).toContain("(h)");
    expect(weekRows(spec)[0]).toMatchObject({ asa: 3, asaLow: 3 - 1 / 6 });
    expect(email).toContain("response target");
    expect(email).not.toContain("within 30 s");
    expect(email).not.toContain('"target"'); // no default target for a deferred channel
    expect(JSON.stringify(intradayChart(r, "email", { target: 0.9 }))).toContain('"target":0.9');
    await clean(spec, "intraday-tiny-email");
  });

  it("is null without a profile, for an unknown channel or a channel that offered nothing", () => {
    expect(intradayChart(scenario(undefined), "phone")).toBeNull();
    expect(intradayChart(scenario(tinyProfile()), "fax")).toBeNull();
    const p = tinyProfile();
    p.channels[0].offered.mean = p.channels[0].offered.mean.map((v) => (v === null ? null : 0));
    expect(intradayChart(scenario(p), "phone")).toBeNull();
  });

  it("refuses a target outside (0, 1)", () => {
    expect(() => intradayChart(scenario(tinyProfile()), "phone", { target: 80 })).toThrow(/between 0 and 1/);
  });

  it("labels intervals including the last one of the week", () => {
    expect(intervalLabel(0, 30)).toBe("Mon 00:00–00:30");
    expect(intervalLabel(335, 30)).toBe("Sun 23:30–24:00");
  });
});

describe("volumesChart", () => {
  it("draws the real runs' volumes: the week's intervals add up to the run's totals", async () => {
    for (const r of real.runs) {
      const p = profileOf(r);
      const totals = { Offered: 0, Answered: 0, Abandoned: 0 };
      for (const ch of p.channels) {
        const d = weekRows(volumesChart(r, ch.name)!);
        // the hours the live channels are open, Mon–Fri 08:00–18:00
        expect(shown(d)).toBe(100);
        d.forEach((row, i) => expect([row.offeredLow, row.offeredHigh]).toEqual([ch.offered.low[i], ch.offered.high[i]]));
        // per week in each interval × the measured weeks = the run's count over its window (e-mail arrives outside the hours shown too)
        for (const k of ["Offered", "Answered", "Abandoned"] as const) {
          const perRun = meanOf(r, `channel.${ch.name}.${k.toLowerCase()}`);
          const outside = total(ch[k.toLowerCase() as "offered" | "answered" | "abandoned"].mean.filter((_, i) => d[i] === undefined));
          if (ch.kind === "realtime") expect(outside).toBe(0);
          expect((total(d.map((row) => row[k])) + outside) * p.weeks).toBeCloseTo(perRun, 1);
          totals[k] += perRun;
        }
        if (ch.kind === "deferred") expect(JSON.stringify(volumesChart(r, ch.name)!.title)).toMatch(/\d contacts a week arrive outside them/);
      }
      const all = volumesChart(r)!;
      const d = weekRows(all);
      for (const k of ["Offered", "Answered", "Abandoned"] as const) {
        const outside = total(p.channels.flatMap((c) => c[k.toLowerCase() as "offered" | "answered" | "abandoned"].mean.filter((_, i) => d[i] === undefined)));
        expect((total(d.map((row) => row[k])) + outside) * p.weeks).toBeCloseTo(totals[k], 1);
      }
      // summed over channels: no band
      expect(d.every((row) => row.offeredLow === null && row.offeredHigh === null)).toBe(true);
      expect(JSON.stringify(all.title)).toContain(`all channels (${p.channels.map((c) => c.name).join(", ")})`);
    }
    const b = real.runs[0];
    await clean(volumesChart(b), "volumes-real-all");
    for (const ch of profileOf(b).channels) await clean(volumesChart(b, ch.name), `volumes-real-${ch.name}`);
  });

  it("renders one channel with its offered band, and all channels summed", async () => {
    const r = scenario(syntheticProfile());
    await clean(volumesChart(r, "phone"), "volumes-phone");
    await clean(volumesChart(r, "email"), "volumes-email");
    await clean(volumesChart(r), "volumes-all");
  });

  it("sums the channels' means per interval and draws no band when summing", () => {
    const r = scenario(tinyProfile());
    const all = volumesChart(r)!;
    const d = weekRows(all);
    expect(shown(d)).toBe(14);
    // interval 1: phone 10 offered, 8 answered, 2 abandoned; email 4, 3, 1
    expect(d[1]).toMatchObject({ when: "Mon 06:00–12:00", Offered: 14, Answered: 11, Abandoned: 3, offeredLow: null, offeredHigh: null });
    // interval 0 (Mon 00:00–06:00): outside the hours the phone is open
    expect(d[0]).toBeUndefined();
    const layers = all.layer as { mark: { type: string } }[];
    expect(layers.map((l) => l.mark.type)).toEqual(["line", "line", "line", "rect"]);
  });

  it("draws the offered band of one channel, in the theme's colours", () => {
    const spec = volumesChart(scenario(tinyProfile()), "phone")!;
    expect(weekRows(spec)[2]).toMatchObject({ Offered: 20, Answered: 18, Abandoned: 2, offeredLow: 19, offeredHigh: 21 });
    const layers = spec.layer as { mark: { type: string; color?: string } }[];
    expect(layers.map((l) => l.mark.type)).toEqual(["area", "line", "line", "line", "rect"]);
    expect(layers[0].mark.color).toBe(VOLUME_COLOURS.offered);
    expect(JSON.stringify(spec)).toContain(JSON.stringify([VOLUME_COLOURS.offered, VOLUME_COLOURS.answered, VOLUME_COLOURS.abandoned]));
  });

  it("treats a null mean as missing: the sum skips it, and all-null is a gap", () => {
    const p = tinyProfile();
    p.channels[0].offered.mean[5] = null;
    p.channels[1].offered.mean[5] = null;
    p.channels[0].offered.mean[9] = 0;
    const d = weekRows(volumesChart(scenario(p))!);
    expect(d[5].Offered).toBeNull();
    expect(d[9].Offered).toBe(4); // email only: phone's zero is a zero, not a gap
  });

  it("is null without a profile, for an unknown channel, or when nothing was offered", () => {
    expect(volumesChart(scenario(undefined))).toBeNull();
    expect(volumesChart(scenario(tinyProfile()), "fax")).toBeNull();
    const p = tinyProfile();
    for (const c of p.channels) c.offered.mean = c.offered.mean.map(() => 0);
    expect(volumesChart(scenario(p))).toBeNull();
  });
});

/**
 * A tiny staffing answer by hand: 12-hour intervals (14 a week), pool "L1" open Monday–Friday
 * 12:00–24:00 (intervals 1, 3, 5, 7, 9), a shift plan whose coverage is a little above the
 * requirement except on Monday and Tuesday (short by 0.4 and 0.5).
 */
function tinyStaff(): StaffResult {
  const n = 14;
  const intervals = Array.from({ length: n }, (_, i) => {
    const open = i % 2 === 1 && i < 10; // Mon–Fri 12:00–24:00
    return {
      index: i,
      day: Math.floor(i / 2),
      minute: (i % 2) * 720,
      open,
      erlang: open ? 4 : null,
      required: open ? (i === 1 ? 6 : 5) : 0,
      paid: open ? 7 : 0,
      offeredPerWeek: open ? 100 : 0,
      serviceLevel: open ? { mean: 0.82, ci95: [0.8, 0.84] as [number, number] } : null,
      abandonRate: open ? 0.03 : null,
      occupancy: open ? 0.85 : null,
    };
  });
  const coverage = intervals.map((iv) => (iv.open ? (iv.index === 3 ? 4.5 : 5.6) : 0));
  return {
    scenario: "tiny",
    seed: 7,
    fteHours: 40,
    targets: { serviceLevel: 0.8, thresholdSeconds: 20, response: 0.9, maxOccupancy: 0.9 },
    intervalMinutes: 720,
    intervalsPerWeek: n,
    weeksMeasured: 4,
    replications: 10,
    pools: [
      { pool: "L1", tier: 0, timeZone: "Europe/Paris", availability: 0.8, costPerHour: 50, intervals, floorHoursPerWeek: 312, paidHoursPerWeek: 390, costPerWeek: 19500, erlangPaidHoursPerWeek: 300, deferredPerWeek: 0, deferredWithin: null, serviceLevel: 0.82 },
    ],
    evaluations: 3,
    met: true,
    unmet: [],
    complete: true,
    currency: "EUR",
    shifts: [{ pool: "L1", plan: { shifts: [], coverage, paidHoursPerWeek: 400, lowerBoundHours: 395, gap: 0.0125, optimal: true, solveSeconds: 0.1 } }],
  };
}

/** A staffing chart's steps (two per interval shown) and interval rows by interval of the week; `all`: every step, break steps included. */
function staffRows(spec: ChartSpec): { steps: Record<string, unknown>[][]; iv: Record<string, unknown>[]; all: Record<string, unknown>[] } {
  const panels = spec.vconcat as { layer: { data?: { values: Record<string, unknown>[] } }[] }[];
  const all = panels[0].layer[0].data!.values;
  const placed = panels[0].layer[3].data!.values;
  const steps: Record<string, unknown>[][] = [], iv: Record<string, unknown>[] = [];
  let k = 0;
  for (const r of placed) {
    if (r.i === null) { k += 1; continue; }
    iv[r.i as number] = r;
    steps[r.i as number] = [all[k], all[k + 1]];
    k += 2;
  }
  expect(k).toBe(all.length);
  return { steps, iv, all };
}

describe("staffingChart", () => {
  it("draws every pool of the real solver output (336 intervals) from its requirement and shift plan", async () => {
    const s = real.staff;
    expect(s.intervalsPerWeek).toBe(336);
    expect(s.pools.length).toBeGreaterThan(1);
    const hours = s.intervalMinutes / 60;
    for (const p of s.pools) {
      const spec = staffingChart(s, p.pool)!;
      const plan = s.shifts.find((x) => x.pool === p.pool)?.plan;
      expect(plan).toBeDefined(); // the solver plans shifts for every pool it sized
      const panels = spec.vconcat as { layer: { data?: { values: Record<string, unknown>[] } }[] }[];
      const { steps, iv } = staffRows(spec);
      // the axis shows the hours the pool is open or scheduled: every such interval, and no other day
      expect(shown(iv)).toBeLessThan(s.intervalsPerWeek);
      // the gap: the interval's own, or for a pool planned per quarter day its quarter's mean over the
      // quarter's intervals with a requirement (the rows the plan covers)
      const reqs = Array.from({ length: s.intervalsPerWeek }, (_, i) => p.intervals.find((x) => x.index === i)?.required ?? 0);
      const groups = plan!.cover === "quarterDay" ? quarterDayGroups(reqs, 1440 / s.intervalMinutes) : null;
      const expectedGap = (i: number): number => {
        if (groups === null || groups[i] < 0) return plan!.coverage[i] - reqs[i];
        const members = reqs.map((r, j) => j).filter((j) => groups[j] === groups[i] && reqs[j] > 1e-9);
        return members.reduce((a, j) => a + plan!.coverage[j] - reqs[j], 0) / members.length;
      };
      for (const x of p.intervals) {
        const row = iv[x.index];
        if (row === undefined) {
          expect(x.open).toBe(false);
          expect(plan!.coverage[x.index]).toBe(0);
          continue;
        }
        expect(row.open).toBe(x.open);
        expect(row.required).toBe(x.required);
        expect(row.coverage).toBe(plan!.coverage[x.index]);
        // the step holds the interval's requirement over the interval (none while closed)
        expect(steps[x.index][0].required).toBe(x.open ? x.required : null);
        expect(steps[x.index][1].required).toBe(x.open ? x.required : null);
        expect(steps[x.index][0].erlang).toBe(x.open ? x.erlang : null);
        if (x.open) expect(row.gap as number).toBeCloseTo(expectedGap(x.index), 6);
        else expect(row.gap).toBeNull();
      }
      // what the chart draws is what its subtitle states: Σ required × interval = floor hours = paid × availability
      const floor = total(iv.map((r) => (r.open ? r.required : 0))) * hours;
      expect(total(p.intervals.map((x) => (x.open ? x.required : 0))) * hours).toBeCloseTo(floor, 6);
      expect(floor).toBeCloseTo(p.floorHoursPerWeek, 6);
      expect(floor).toBeCloseTo(p.paidHoursPerWeek * p.availability, 6);
      const sub = (spec.title as { subtitle: string[] }).subtitle.join("\n");
      // (FTE to one decimal as the report writes numbers: 222 h / 40 = 5.55 is "5.6", where toFixed's binary 5.549… gives "5.5")
      expect(sub).toContain(`Required: ${Math.round(p.paidHoursPerWeek).toLocaleString("en-US")} paid h/week = ${formatFixed(p.paidHoursPerWeek / s.fteHours, 1)} FTE, ${formatMoney(p.costPerWeek, s.currency!)}/week`);
      expect(sub).toContain(`Shift plan: ${Math.round(plan!.paidHoursPerWeek).toLocaleString("en-US")} paid h/week = ${formatFixed(plan!.paidHoursPerWeek / s.fteHours, 1)} FTE, ${formatMoney(plan!.paidHoursPerWeek * p.costPerHour, s.currency!)}/week`);
      // a pool that answered real-time work: its service level; one that answers only deferred work (e-mail, escalated tickets): its response target
      if (p.serviceLevel !== null) expect(sub).toContain(`${s.scenario} · ${p.pool} · target ${s.targets.serviceLevel * 100}% answered within ${s.targets.thresholdSeconds} s`);
      else {
        expect(p.responseTargetHours.length).toBeGreaterThan(0);
        expect(sub).toContain(`${s.scenario} · ${p.pool} · target ${s.targets.response * 100}% answered within ${p.responseTargetHours.map((h) => `${h} h`).join(" or ")}`);
        expect(sub).not.toContain(`within ${s.targets.thresholdSeconds} s`);
      }
      const { svg } = await clean(spec, `staffing-real-${p.pool.replace(/\W+/g, "-")}`);
      // a day name under each day shown (the pools work weekdays), hour labels, not 336 tick labels
      for (const d of ["Mon", "Tue", "Wed", "Thu", "Fri"]) expect(svg).toMatch(new RegExp(`>${d}</(text|tspan)>`));
      for (const d of ["Sat", "Sun"]) expect(svg).not.toMatch(new RegExp(`>${d}</(text|tspan)>`));
      expect(svg).toMatch(/>10<\/(text|tspan)>/);
      expect(svg).not.toContain(">Mon 08:30<");
    }
  });

  it("steps each interval, gaps the Erlang line where closed, and computes the gap in open hours", async () => {
    const spec = staffingChart(tinyStaff(), "L1")!;
    await clean(spec, "staffing-tiny");
    const { steps, iv, all } = staffRows(spec);
    // shown: Mon–Fri 12:00–24:00 (the pool's hours), a break between days
    expect(shown(iv)).toBe(5);
    expect(all.length).toBe(5 * 2 + 4);
    // interval 1 (Mon 12:00–24:00): from the axis's start to just before 12 h on it, required 6, Erlang 4, scheduled 5.6
    expect(steps[1][0]).toMatchObject({ x: 0, required: 6, erlang: 4, coverage: 5.6 });
    expect(steps[1][1].x as number).toBeCloseTo(12, 5);
    expect(steps[1][1].x as number).toBeLessThan(12);
    // Tuesday starts after the day's gap
    expect(steps[3][0].x as number).toBeGreaterThan(12);
    expect(iv.map((r) => r.gap).filter((g) => g !== undefined)).toEqual([-0.4, -0.5, 0.6, 0.6, 0.6]);
    expect(iv[3]).toMatchObject({ when: "Tue 12:00–24:00", required: 5, coverage: 4.5 });
    expect(JSON.stringify(spec.title)).toContain("Shown: Mon–Fri 12:00–24:00");
  });

  it("states paid hours, FTE, cost per week and the target in the subtitle", () => {
    const spec = staffingChart(tinyStaff(), "L1")!;
    const sub = (spec.title as { subtitle: string[] }).subtitle.join("\n");
    expect(sub).toContain("target 80% answered within 20 s");
    expect(sub).toContain("Required: 390 paid h/week = 9.8 FTE, €19.5K/week (Erlang start: 300 h)");
    // plan: 400 h × €50 = €20,000
    expect(sub).toContain("Shift plan: 400 paid h/week = 10.0 FTE, €20K/week");
    expect(sub).toContain("80% available");
  });

  it("draws required and Erlang only when the pool has no shift plan, and is null for an unknown pool", async () => {
    const s = tinyStaff();
    s.shifts = [];
    const spec = staffingChart(s, "L1")!;
    expect(spec.vconcat).toBeUndefined();
    expect((spec.layer as unknown[]).length).toBe(3);
    expect(JSON.stringify(spec)).not.toContain("Scheduled (shift plan)");
    await clean(spec, "staffing-tiny-noplan");
    expect(staffingChart(tinyStaff(), "L9")).toBeNull();
  });

  it("refuses a plan whose coverage is not one week of intervals", () => {
    const s = tinyStaff();
    s.shifts[0].plan.coverage = [1, 2, 3];
    expect(() => staffingChart(s, "L1")).toThrow(/covers 3 intervals/);
  });

  it("formats money like the charts' money expression", () => {
    expect(formatMoney(17999.999999, "USD")).toBe("$18K");
    expect(formatMoney(36800, "USD")).toBe("$36.8K");
    expect(formatMoney(950, "USD")).toBe("$950");
    expect(formatMoney(4_180_000, "GBP")).toBe("£4.18M");
    expect(formatMoney(-1234.5, "USD", 2)).toBe("−$1,234.50");
  });
});

/** A sweep document with the given points (metric → [mean, half-width]). */
function sweep(vary: { path: string; values: number[] }[], points: { parameters: Record<string, number>; m: Record<string, [number | null, number]> }[]): SweepResult {
  const metrics = [...new Set(points.flatMap((p) => Object.keys(p.m)))];
  return {
    format: "supportsim-sweep",
    version: 1,
    scenario: "baseline",
    scenarioSha256: "0".repeat(64),
    currency: "USD",
    seed: 7,
    replications: 10,
    vary,
    metrics,
    points: points.map((p, index) => ({
      index,
      parameters: p.parameters,
      estimates: Object.fromEntries(Object.entries(p.m).map(([k, [mean, h]]) => [k, { mean, ci95: mean === null ? null : ([mean - h, mean + h] as [number, number]) }])),
    })),
  };
}

/**
 * A 4 × 3 grid: L1 agents drive the phone service level, L2 agents add a little; every agent
 * costs money. Realistic enough to give a bent frontier with dominated points under it.
 */
function twoParameterSweep(): SweepResult {
  const l1 = [8, 10, 12, 14], l2 = [6, 8, 10];
  const points = l1.flatMap((a) =>
    l2.map((b) => {
      const sl = Math.min(0.97, 0.55 + 0.3 * (1 - Math.exp(-(a - 7) / 2.5)) + (b === 8 ? 0.03 : b === 10 ? 0.035 : 0));
      const perMonth = 120_000 + a * 7_500 + b * 9_800;
      return { parameters: { "pools.L1.agents": a, "pools.L2.agents": b }, m: { "channel.phone.serviceLevel": [sl, 0.012] as [number, number], "channel.phone.asaSeconds": [200 * (1 - sl), 4] as [number, number], "cost.total": [perMonth * 0.92, 3_000] as [number, number], "cost.perMonth": [perMonth, 3_500] as [number, number] } };
    }),
  );
  return sweep([{ path: "pools.L1.agents", values: l1 }, { path: "pools.L2.agents", values: l2 }], points);
}

describe("paretoFront", () => {
  it("keeps the points no other beats on both cost and service, by increasing cost", () => {
    const pts = [
      { cost: 10, service: 0.8 }, // 0: front
      { cost: 12, service: 0.85 }, // 1: dominated by 5 (same cost, better)
      { cost: 11, service: 0.78 }, // 2: dominated by 0 (cheaper and better)
      { cost: 15, service: 0.9 }, // 3: dominated by 5 (cheaper, as good)
      { cost: 9, service: 0.6 }, // 4: front (cheapest)
      { cost: 12, service: 0.9 }, // 5: front
      { cost: 20, service: 0.95 }, // 6: front (best)
    ];
    expect(paretoFront(pts)).toEqual([4, 0, 5, 6]);
  });
  it("keeps identical points both, leaves out non-finite ones, and handles the trivial cases", () => {
    expect(paretoFront([{ cost: 5, service: 0.9 }, { cost: 5, service: 0.9 }, { cost: 6, service: 0.8 }])).toEqual([0, 1]);
    expect(paretoFront([{ cost: NaN, service: 1 }, { cost: 3, service: 0.5 }, { cost: 1, service: Infinity }])).toEqual([1]);
    expect(paretoFront([])).toEqual([]);
    expect(paretoFront([{ cost: 1, service: 0 }])).toEqual([0]);
    // a strictly increasing cost/service line is all front
    expect(paretoFront([3, 1, 2].map((c) => ({ cost: c, service: c / 10 })))).toEqual([1, 2, 0]);
  });
});

describe("frontierChart", () => {
  it("draws the real sweep (one parameter): a point is on the frontier exactly when no other is as cheap and as good", async () => {
    const sw = real.sweep;
    expect(sw.points).toHaveLength(4);
    const spec = frontierChart(sw)!;
    await clean(spec, "frontier-real");
    expect(JSON.stringify(spec)).toContain("Monthly cost");
    const d = rows(spec);
    expect(d.map((r) => r.index)).toEqual(sw.points.map((p) => p.index));
    const cost = (k: number) => sw.points[k].estimates["cost.perMonth"];
    const service = (k: number) => sw.points[k].estimates["channel.phone.serviceLevel"];
    // dominance by brute force on the means (not paretoFront): another point at most as dear and at least as good, better on one
    const dominated = (k: number) => sw.points.some((_, j) => j !== k && cost(j).mean! <= cost(k).mean! && service(j).mean! >= service(k).mean! && (cost(j).mean! < cost(k).mean! || service(j).mean! > service(k).mean!));
    d.forEach((r, k) => {
      expect(r.status).toBe(dominated(k) ? "Dominated" : "On the frontier");
      expect(r).toMatchObject({ x: cost(k).mean, xLow: cost(k).ci95![0], xHigh: cost(k).ci95![1], y: service(k).mean, yLow: service(k).ci95![0], yHigh: service(k).ci95![1], p0: sw.points[k].parameters["pools.L2.agents"], label: String(sw.points[k].parameters["pools.L2.agents"]) });
    });
    // the cheapest point and the best served are always on it
    const cheapest = d.reduce((a, b) => ((b.x as number) < (a.x as number) ? b : a));
    const best = d.reduce((a, b) => ((b.y as number) > (a.y as number) ? b : a));
    expect([cheapest.status, best.status]).toEqual(["On the frontier", "On the frontier"]);
    // every L2 agent costs money: the cost rises with their number
    expect(d.map((r) => r.x as number)).toEqual([...d.map((r) => r.x as number)].sort((a, b) => a - b));
    expect(JSON.stringify(spec.title)).toContain(`${sw.scenario} · sweep of L2 agents 1–4 (4 points)`);
  });

  it("renders a two-parameter grid, marks the front, and labels points with their parameters", async () => {
    const sw = twoParameterSweep();
    const spec = frontierChart(sw)!;
    await clean(spec, "frontier-2d");
    const d = rows(spec);
    expect(d).toHaveLength(12);
    const want = new Set(paretoFront(sw.points.map((p) => ({ cost: p.estimates["cost.perMonth"].mean!, service: p.estimates["channel.phone.serviceLevel"].mean! }))));
    expect(want.size).toBeGreaterThan(2);
    expect(want.size).toBeLessThan(12);
    d.forEach((r, k) => expect(r.status === "On the frontier").toBe(want.has(k)));
    // point (L1 10, L2 8): cost 120,000 + 75,000 + 78,400; its row carries the parameters and the interval
    expect(d[4]).toMatchObject({ p0: 10, p1: 8, label: "10 · 8", x: 273_400, xLow: 269_900, xHigh: 276_900 });
    const s = JSON.stringify(spec);
    expect(s).toContain('"title":"pools.L1.agents"');
    expect(s).toContain('"title":"pools.L2.agents"');
  });

  it("takes other metrics, treats a wait as lower-is-better, and falls back to cost.total", async () => {
    const sw = twoParameterSweep();
    const asa = frontierChart(sw, { y: "channel.phone.asaSeconds", x: "cost.total" })!;
    await clean(asa, "frontier-asa");
    // lower ASA is better: the cheapest point is on the front, and so is the point with the lowest ASA
    const d = rows(asa);
    const eff = d.filter((r) => r.status === "On the frontier");
    const minCost = Math.min(...d.map((r) => r.x as number)), minAsa = Math.min(...d.map((r) => r.y as number));
    expect(eff.some((r) => r.x === minCost)).toBe(true);
    expect(eff.some((r) => r.y === minAsa)).toBe(true);
    expect(JSON.stringify(asa.title)).toContain("better: lower total cost, lower phone average speed of answer");
    const noMonth = { ...sw, metrics: sw.metrics.filter((m) => m !== "cost.perMonth") };
    expect(JSON.stringify(frontierChart(noMonth))).toContain("Total cost");
  });

  it("is null when a metric is missing or no point has both means, and skips points without one", () => {
    const sw = twoParameterSweep();
    expect(frontierChart({ ...sw, metrics: sw.metrics.filter((m) => !m.endsWith("serviceLevel")) })).toBeNull();
    expect(frontierChart({ ...sw, metrics: sw.metrics.filter((m) => !m.startsWith("cost.")) })).toBeNull();
    expect(frontierChart(sw, { y: "channel.fax.serviceLevel" })).toBeNull();
    const holes = sweep([{ path: "x", values: [1, 2, 3] }], [
      { parameters: { x: 1 }, m: { "cost.total": [100, 5], "channel.chat.serviceLevel": [null, 0] } },
      { parameters: { x: 2 }, m: { "cost.total": [120, 5], "channel.chat.serviceLevel": [0.8, 0.02] } },
      { parameters: { x: 3 }, m: { "cost.total": [140, 5], "channel.chat.serviceLevel": [0.9, 0.02] } },
    ]);
    const d = rows(frontierChart(holes)!);
    expect(d.map((r) => r.index)).toEqual([1, 2]);
    expect(d.every((r) => r.status === "On the frontier")).toBe(true);
    const none = sweep([{ path: "x", values: [1] }], [{ parameters: { x: 1 }, m: { "cost.total": [100, 5], "channel.chat.serviceLevel": [null, 0] } }]);
    expect(frontierChart(none)).toBeNull();
  });
});

describe("week by week (trendChart)", () => {
  it("draws each real run's weeks: service level per real-time channel and agents per tier, from the run's trend", async () => {
    for (const r of real.runs) {
      const spec = trendChart(r);
      const d = trendData(r)!;
      expect(d.service.map((x) => x.series)).toEqual(r.trend!.channels.filter((c) => c.kind === "realtime").flatMap((c) => r.trend!.weekStarts.map(() => c.name)));
      const phone = r.trend!.channels.find((c) => c.name === "phone")!;
      expect(d.service.filter((x) => x.series === "phone").map((x) => x.mean)).toEqual(phone.serviceLevel.mean);
      // agents per open hour: the week's agent-hours over the 50 h the live channels are open (Mon–Fri 08:00–18:00), not over all 168
      expect(d.perHours).toBe(50);
      const l2 = r.trend!.tiers.find((t) => t.name === "L2")!.agents.mean;
      d.agents.filter((x) => x.series === "L2").forEach((x, k) => expect(x.mean!).toBeCloseTo((l2[k]! * 168) / 50, 9));
      // about the agents the L2 pool has on the floor when open, not a third of them (as over all 168 hours)
      const l2Agents = (r.scenario === "outsource-l1" ? 3 : 2) * (1 - 0.3); // the small baseline schedules 2 L2 agents (outsource-l1: 3) at 30% shrinkage
      for (const x of d.agents.filter((a) => a.series === "L2")) expect(x.mean!).toBeGreaterThan(0.85 * l2Agents);
      expect(r.trend!.weekStarts).toHaveLength(8);
      // x: every week's point on a tick, labelled with its local start date
      const x = ((spec!.vconcat as { layer: { encoding?: { x?: { field: string; axis: { values: number[]; labelExpr: string } } } }[] }[])[0].layer[1].encoding!.x)!;
      expect(x.field).toBe("k");
      expect(x.axis.values).toEqual(r.trend!.weekStarts.map((_, k) => k));
      expect(x.axis.labelExpr).toContain(JSON.stringify(r.trend!.weekStarts.map((w) => `${Number(w.slice(8, 10))} ${["Jan", "Feb", "Mar"][Number(w.slice(5, 7)) - 1]}`)));
      expect(d.service.map((row) => row.k)).toEqual(r.trend!.channels.filter((c) => c.kind === "realtime").flatMap(() => r.trend!.weekStarts.map((_, k) => k)));
      const { svg } = await clean(spec, `weeks-${r.scenario}`);
      expect(svg).toContain("Week by week");
    }
  });
  it("needs two whole weeks and a real-time channel", () => {
    const r = real.runs[0];
    expect(trendChart({ ...r, trend: undefined })).toBeNull();
    expect(trendChart({ ...r, trend: { ...r.trend!, weekStarts: r.trend!.weekStarts.slice(0, 1) } })).toBeNull();
    expect(trendChart({ ...r, trend: { ...r.trend!, channels: r.trend!.channels.filter((c) => c.kind === "deferred") } })).toBeNull();
  });
});

/**
 * The wait axis's rule, stated independently of the chart: over the intervals where something was
 * offered, if the largest mean wait exceeds 3 × the 95th percentile (order statistic
 * ⌊0.95·n⌋ of the sorted means), the axis is capped there.
 */
function waitScale(ch: WeekProfile["channels"][number]): { cap: number | null; over: number } {
  const w = ch.asaSeconds.mean.filter((x, i) => x !== null && (ch.offered.mean[i] ?? 0) > 0) as number[];
  w.sort((a, b) => a - b);
  const p95 = w.length > 0 ? w[Math.min(w.length - 1, Math.floor(0.95 * w.length))] : 0;
  const cap = p95 > 0 && w[w.length - 1] > 3 * p95 ? 3 * p95 : null;
  return { cap, over: cap === null ? 0 : w.filter((x) => x > cap).length };
}

describe("intraday wait axis and outliers", () => {
  it("caps the wait axis at 3 × the 95th percentile of the means when one interval is far above, and says so", async () => {
    const r = structuredClone(real.runs[0]);
    const ch = r.profile!.channels.find((c) => c.name === "phone")!;
    const open = ch.asaSeconds.mean.map((x, i) => (x !== null && (ch.offered.mean[i] ?? 0) > 0 ? i : -1)).filter((i) => i >= 0);
    const sorted = open.map((i) => ch.asaSeconds.mean[i]!).sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
    const k = open[3];
    ch.asaSeconds.mean[k] = p95 * 50;
    ch.asaSeconds.high[k] = p95 * 80;
    const { cap, over: above } = waitScale(ch); // the injected one, and any the run had
    expect(cap).not.toBeNull();
    expect(above).toBeGreaterThanOrEqual(1);
    const spec = intradayChart(r, "phone")!;
    const text = JSON.stringify(spec);
    expect(text).toContain(`axis capped: ${above} interval${above === 1 ? "" : "s"} above, drawn at the top`);
    const asaPanel = (spec.vconcat as { layer: { encoding: { y: { scale?: { domain?: number[]; clamp?: boolean } } } }[] }[])[1];
    const scale = asaPanel.layer[0].encoding.y.scale!;
    expect(scale.clamp).toBe(true);
    expect(scale.domain![1]).toBeCloseTo(cap! / durationUnit(cap!).seconds, 6);
    await clean(spec, "intraday-capped");
    // a week without outliers (every interval's wait the same): no cap
    const flat = structuredClone(real.runs[0]);
    const fch = flat.profile!.channels.find((c) => c.name === "phone")!;
    fch.asaSeconds.mean = fch.asaSeconds.mean.map((x) => (x === null ? null : 12));
    expect(JSON.stringify(intradayChart(flat, "phone"))).not.toContain("axis capped");
    // the tooltip gives the value and its interval (the interval is not lost behind the value)
    expect(text).toContain("(isValid(datum.asa) ? format(datum.asa");
  });
});
