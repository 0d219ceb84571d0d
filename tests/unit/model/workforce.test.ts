/**
 * Tests of the workforce behind a pool (src/model/workforce.ts): attrition without hiring
 * against H·e^(−h·t), the replace rule with a fixed lead time traced event by event (leaver,
 * requisition, arrival, training, ramp), freezes, hiring plans, the order of events at the same
 * time, the staffing ratio, paid agents, a long-run replace steady state, the default ramp's
 * year-one average, and configuration errors.
 *
 * Hand traces use a SCRIPTED attrition stream: the values it returns are chosen so that leaver
 * times are known (−ln(1 − u)/(n·h) = x/(n·h) for u = 1 − e^(−x)) and it throws if the model
 * draws more numbers than the trace expects, so it also pins how many draws are made.
 */
import { describe, expect, it } from "vitest";
import { RandomStreams, type Rng } from "../../../src/engine/random.js";
import type { WorkforceConfig } from "../../../src/model/config.js";
import {
  attritionPerMinute,
  DEFAULT_ATTRITION_PER_YEAR,
  DEFAULT_COST_PER_HIRE,
  DEFAULT_LEAD_TIME_DAYS,
  DEFAULT_RAMP,
  DEFAULT_TRAINING_DAYS,
  rampProficiency,
} from "../../../src/model/staffing/workforceDefaults.js";
import { Workforce } from "../../../src/model/staffing/workforce.js";

const D = 1440;
const YEAR = 525_960;

function config(over: Partial<WorkforceConfig> = {}, hiring: Partial<WorkforceConfig["hiring"]> = {}): WorkforceConfig {
  return {
    headcount: 10,
    target: 10,
    hoursPerWeek: 40,
    attritionPerMinute: 0,
    training: 50,
    ramp: [
      { at: 0, proficiency: 0.53 },
      { at: 1000, proficiency: 1 },
    ],
    resolvePenalty: 0.5,
    costPerHire: 12_500,
    ...over,
    hiring: { mode: "replace", leadTime: { type: "deterministic", value: 100 }, plan: [], ...hiring },
  };
}

/** An Rng returning `values` in order, throwing once they are used up. */
function scripted(values: number[]): Rng & { left: () => number } {
  let i = 0;
  const rng = (): number => {
    if (i >= values.length) throw new Error(`scripted rng exhausted after ${values.length} draws`);
    return values[i++];
  };
  return Object.assign(rng, { left: () => values.length - i });
}

/** u such that −ln(1 − u) = x: an exponential clock of rate r then rings after x / r. */
const after = (x: number): number => 1 - Math.exp(-x);

const noDraws = (): number => {
  throw new Error("unexpected draw");
};

/** Run the workforce's own events up to `until` (inclusive), as a caller's event loop would. */
function runUntil(wf: Workforce, until: number): void {
  for (let t = wf.nextEvent(); t <= until; t = wf.nextEvent()) {
    wf.handle(t);
    wf.update(t);
  }
}

describe("Workforce: attrition without hiring", () => {
  it("keeps H·e^(−h·year) employees after a year on average, within the binomial 99.9 % band", () => {
    // Each employee's lifetime is Exp(h) (total rate n·h, uniform leaver), so the survivors
    // after a year are Binomial(H, q) with q = e^(−h·year) = e^(−0.35) = 0.704688.
    // Mean of R runs: sd = sqrt(H·q·(1 − q)/R) = sqrt(100 · 0.704688 · 0.295312 / 400) = 0.22809;
    // 99.9 % two-sided: ±3.2905 sd = ±0.7505.
    const H = 100, R = 400, h = attritionPerMinute(0.35);
    const q = Math.exp(-h * YEAR);
    const cfg = config({ headcount: H, target: H, attritionPerMinute: h }, { mode: "none" });
    let sum = 0;
    for (let r = 0; r < R; r++) {
      const streams = new RandomStreams(11, r);
      const wf = new Workforce(cfg, { attrition: streams.stream("attrition"), leadTime: streams.stream("lead") });
      runUntil(wf, YEAR);
      expect(wf.leavers).toBe(H - wf.employed);
      expect(wf.hires).toBe(0);
      expect(wf.pipeline).toBe(0);
      sum += wf.employed;
    }
    const band = 3.2905 * Math.sqrt((H * q * (1 - q)) / R);
    expect(band).toBeCloseTo(0.7505, 3);
    expect(Math.abs(sum / R - H * q)).toBeLessThan(band);
  });

  it("has no events without attrition and hiring", () => {
    const wf = new Workforce(config({}, { mode: "none" }), { attrition: noDraws, leadTime: noDraws });
    expect(wf.nextEvent()).toBe(Infinity);
    wf.handle(1e12);
    expect(wf.employed).toBe(10);
  });

  it("is deterministic given its streams", () => {
    const cfg = config({ attritionPerMinute: attritionPerMinute(2) }, { leadTime: { type: "gamma", mean: 30 * D, cv: 0.5 } });
    const trace = (): number[] => {
      const s = new RandomStreams(5, 0);
      const wf = new Workforce(cfg, { attrition: s.stream("a"), leadTime: s.stream("l") });
      const out: number[] = [];
      for (let i = 0; i < 50; i++) {
        const t = wf.nextEvent();
        wf.handle(t);
        out.push(t, wf.employed, wf.trainees, wf.pipeline);
      }
      return out;
    };
    expect(trace()).toEqual(trace());
  });
});

describe("Workforce: replace with a fixed lead time", () => {
  it("traces a leaver, its requisition, the hire's arrival, training and ramp by hand", () => {
    // 10 tenured employees, h = 1e-3/min: total rate 0.01 with 10 employed, 0.009 with 9.
    // Draws: [leaver clock: x = 2 → 200 min] [who: 0.35 → index 3] [clock with 9: x = 5 →
    // +555.6, discarded at the arrival] [clock with 10 after the hire: x = 5 → +500].
    const rng = scripted([after(2), 0.35, after(5), after(5)]);
    const hired: number[] = [];
    const wf = new Workforce(config({ attritionPerMinute: 1e-3 }), { attrition: rng, leadTime: noDraws }, { onHire: (t) => hired.push(t) });
    expect(wf.pipeline).toBe(0); // 10 employed = target: nothing to open at t = 0

    const t1 = wf.nextEvent();
    expect(t1).toBeCloseTo(200, 9);
    wf.handle(t1 - 1e-6); // nothing due yet
    expect(wf.leavers).toBe(0);
    wf.handle(t1);
    wf.update(t1);
    expect(wf.leavers).toBe(1);
    expect(wf.employed).toBe(9);
    expect(wf.pipeline).toBe(1);
    expect(wf.staffingRatio).toBeCloseTo(0.9, 12);
    expect(wf.handleFactor).toBe(1);

    // the hire arrives exactly lead = 100 after the leaver, as a trainee
    const tArrive = t1 + 100;
    expect(wf.nextEvent()).toBe(tArrive);
    wf.handle(tArrive);
    wf.update(tArrive);
    expect(hired).toEqual([tArrive]);
    expect(wf.hires).toBe(1);
    expect(wf.pipeline).toBe(0);
    expect(wf.employed).toBe(10);
    expect(wf.trainees).toBe(1);
    expect(wf.productive).toBe(9);
    expect(wf.staffingRatio).toBeCloseTo(0.9, 12);
    expect(wf.handleFactor).toBe(1); // only the 9 tenured are on the floor
    expect(wf.resolveFactor).toBe(1);
    // paid: 8 scheduled × 0.9 filled + 1 trainee × 40 h / 168 h
    expect(wf.paidAgents(8)).toBeCloseTo(8 * 0.9 + 40 / 168, 12);

    // training ends 50 later; no random number is drawn for it
    const tReady = tArrive + 50;
    expect(wf.nextEvent()).toBe(tReady);
    wf.handle(tReady);
    wf.update(tReady);
    expect(wf.trainees).toBe(0);
    expect(wf.productive).toBe(10);
    expect(wf.staffingRatio).toBe(1);
    // one new agent at p = 0.53 among 9 tenured (p = 1); resolvePenalty 0.5
    expect(wf.handleFactor).toBeCloseTo((9 + 1 / 0.53) / 10, 12);
    expect(wf.resolveFactor).toBeCloseTo((9 + (1 - 0.5 * 0.47)) / 10, 12); // 0.9765
    expect(wf.meanProficiency).toBeCloseTo((9 + 0.53) / 10, 12);
    // halfway up the ramp (500 of 1000 min): p = 0.53 + 0.47/2 = 0.765
    wf.update(tReady + 500);
    expect(wf.handleFactor).toBeCloseTo((9 + 1 / 0.765) / 10, 12);
    expect(wf.resolveFactor).toBeCloseTo((9 + (1 - 0.5 * 0.235)) / 10, 12); // 0.98825
    // past the ramp: fully proficient
    wf.update(tReady + 5000);
    expect(wf.handleFactor).toBe(1);
    expect(wf.resolveFactor).toBe(1);

    // the next leaver: 5 / 0.01 = 500 after the arrival; the script is used up
    expect(rng.left()).toBe(0);
    expect(wf.nextEvent()).toBeCloseTo(tArrive + 500, 9);
  });

  it("opens requisitions at t = 0 up to the target; simultaneous arrivals redraw the leaver clock once", () => {
    // 7 employed, target 10: three requisitions at 0, all arriving at 100.
    // Draws: clock at 0 with 7 employed (rate 0.007; x = 7 → 1000 min, discarded at 100),
    // clock at 100 with 10 (rate 0.01; x = 5 → +500).
    const rng = scripted([after(7), after(5)]);
    const wf = new Workforce(config({ headcount: 7, attritionPerMinute: 1e-3 }), { attrition: rng, leadTime: noDraws });
    expect(wf.pipeline).toBe(3);
    expect(wf.nextEvent()).toBe(100);
    wf.handle(100);
    expect(wf.hires).toBe(3);
    expect(wf.employed).toBe(10);
    expect(wf.trainees).toBe(3);
    expect(wf.pipeline).toBe(0);
    expect(rng.left()).toBe(0); // one redraw for the three arrivals
    expect(wf.nextEvent()).toBe(150); // training ends before the leaver at ≈ 100 + 500
    wf.handle(150);
    expect(wf.trainees).toBe(0);
    expect(wf.nextEvent()).toBeCloseTo(600, 9);
  });

  it("opens up to ⌈target⌉ for a fractional target", () => {
    const wf = new Workforce(config({ headcount: 10, target: 12.5 }), { attrition: noDraws, leadTime: noDraws });
    expect(wf.pipeline).toBe(3); // 10 + 3 = 13 >= 12.5
  });

  it("draws lead times from the lead-time stream", () => {
    const lead = scripted([0.25, 0.75]);
    const wf = new Workforce(config({ headcount: 8 }, { leadTime: { type: "uniform", min: 100, max: 500 } }), { attrition: noDraws, leadTime: lead });
    expect(wf.pipeline).toBe(2);
    expect(wf.nextEvent()).toBe(200); // 100 + 400·0.25
    wf.handle(200);
    expect(wf.nextEvent()).toBe(250); // its training ends before the second arrival at 400
    wf.handle(250);
    expect(wf.nextEvent()).toBe(400);
  });
});

describe("Workforce: freeze", () => {
  it("fills requisitions opened before the freeze but opens none from it on", () => {
    // freezeFrom 250. Draws: [x = 2 → 200 with 10] [who 0] [x = 0.81 with 9: +90 → 290]
    // [who 0] [x = 16 with 8 → 290 + 2000] [after the arrival at 300, with 9: x = 18 → +2000]
    const rng = scripted([after(2), 0, after(0.81), 0, after(16), after(18)]);
    const wf = new Workforce(config({ attritionPerMinute: 1e-3 }, { freezeFrom: 250 }), { attrition: rng, leadTime: noDraws });
    const t1 = wf.nextEvent();
    wf.handle(t1);
    expect(wf.pipeline).toBe(1); // before the freeze: replaced
    const t2 = wf.nextEvent();
    expect(t2).toBeCloseTo(290, 6);
    wf.handle(t2);
    expect(wf.leavers).toBe(2);
    expect(wf.pipeline).toBe(1); // after the freeze: not replaced
    expect(wf.employed).toBe(8);
    expect(wf.nextEvent()).toBe(t1 + 100); // the open requisition is still filled
    wf.handle(t1 + 100);
    expect(wf.hires).toBe(1);
    expect(wf.employed).toBe(9);
    expect(wf.pipeline).toBe(0);
    expect(rng.left()).toBe(0);
  });

  it("opens nothing at t = 0 when frozen from 0", () => {
    const wf = new Workforce(config({ headcount: 5 }, { freezeFrom: 0 }), { attrition: noDraws, leadTime: noDraws });
    expect(wf.pipeline).toBe(0);
    expect(wf.nextEvent()).toBe(Infinity);
    expect(wf.staffingRatio).toBe(0.5);
  });
});

describe("Workforce: hiring plan and event order", () => {
  it("hires on the plan's dates, skips those from the freeze on, and never uses the lead time", () => {
    const cfg = config({ headcount: 0, target: 4 }, {
      mode: "plan",
      leadTime: { type: "deterministic", value: -1 }, // invalid, but not used in "plan" mode
      plan: [{ at: 300, hires: 3 }, { at: 100, hires: 2 }, { at: 200, hires: 0 }],
      freezeFrom: 250,
    });
    const wf = new Workforce(cfg, { attrition: noDraws, leadTime: noDraws });
    expect(wf.nextEvent()).toBe(100);
    runUntil(wf, 10_000);
    expect(wf.hires).toBe(2);
    expect(wf.employed).toBe(2);
    expect(wf.productive).toBe(2);
    expect(wf.pipeline).toBe(0);
    expect(wf.staffingRatio).toBe(0.5);
    expect(wf.nextEvent()).toBe(Infinity);
  });

  it("processes same-time events in order: training ends, then arrivals one by one", () => {
    // Plan: 1 hire at 50 (training 50 → productive at 100), 2 + 1 hires at 100.
    // At t = 100 the trainee from 50 finishes FIRST, so every hire at 100 sees it productive.
    const seen: string[] = [];
    const cfg = config({ headcount: 0 }, { mode: "plan", plan: [{ at: 100, hires: 2 }, { at: 50, hires: 1 }, { at: 100, hires: 1 }] });
    const wf: Workforce = new Workforce(cfg, { attrition: noDraws, leadTime: noDraws }, {
      onHire: (t) => seen.push(`${t}:p${wf.productive}:t${wf.trainees}`),
    });
    runUntil(wf, 100);
    expect(seen).toEqual(["50:p0:t1", "100:p1:t1", "100:p1:t2", "100:p1:t3"]);
    expect(wf.nextEvent()).toBe(150);
  });

  it("makes a hire with no training productive at its arrival", () => {
    const cfg = config({ headcount: 0, target: 1, training: 0 }, { mode: "plan", plan: [{ at: 10, hires: 1 }] });
    const wf = new Workforce(cfg, { attrition: noDraws, leadTime: noDraws });
    wf.handle(10);
    wf.update(10);
    expect(wf.trainees).toBe(0);
    expect(wf.productive).toBe(1);
    expect(wf.handleFactor).toBeCloseTo(1 / 0.53, 12);
    expect(wf.nextEvent()).toBe(Infinity);
  });

  it("processes everything overdue when called late, each event at its own time", () => {
    const hired: number[] = [];
    const cfg = config({ headcount: 0 }, { mode: "plan", plan: [{ at: 10, hires: 1 }, { at: 20, hires: 1 }] });
    const wf = new Workforce(cfg, { attrition: noDraws, leadTime: noDraws }, { onHire: (t) => hired.push(t) });
    wf.handle(65); // arrivals at 10 and 20, first training ends at 60; the second at 70 is not due
    expect(hired).toEqual([10, 20]);
    expect(wf.trainees).toBe(1);
    expect(wf.lastEventTime).toBe(60);
    expect(wf.nextEvent()).toBe(70);
  });
});

describe("Workforce: proficiency, staffing ratio and paid agents", () => {
  it("keeps initial employees at p = 1 and hires at the ramp's last value (< 1 here)", () => {
    const cfg = config({ headcount: 1, target: 2, training: 0, ramp: [{ at: 100, proficiency: 0.5 }, { at: 200, proficiency: 0.8 }] }, {
      mode: "plan",
      plan: [{ at: 0, hires: 1 }],
    });
    const wf = new Workforce(cfg, { attrition: noDraws, leadTime: noDraws });
    wf.handle(0);
    wf.update(50); // before the first point: its value 0.5
    expect(wf.handleFactor).toBeCloseTo((1 + 1 / 0.5) / 2, 12);
    wf.update(150); // 0.65
    expect(wf.meanProficiency).toBeCloseTo((1 + 0.65) / 2, 12);
    wf.update(1e6); // held at 0.8
    expect(wf.handleFactor).toBeCloseTo((1 + 1 / 0.8) / 2, 12);
    expect(wf.resolveFactor).toBeCloseTo((1 + 1 - 0.5 * 0.2) / 2, 12);
  });

  it("reports factors of 1 with nobody productive", () => {
    const wf = new Workforce(config({ headcount: 0, target: 3 }, { mode: "none" }), { attrition: noDraws, leadTime: noDraws });
    wf.update(0);
    expect(wf.handleFactor).toBe(1);
    expect(wf.resolveFactor).toBe(1);
    expect(wf.staffingRatio).toBe(0);
    expect(wf.paidAgents(5)).toBe(0);
  });

  it("computes the staffing ratio min(1, productive/target), 1 for target 0", () => {
    const ratio = (headcount: number, target: number): number =>
      new Workforce(config({ headcount, target }, { mode: "none" }), { attrition: noDraws, leadTime: noDraws }).staffingRatio;
    expect(ratio(10, 12.5)).toBe(0.8);
    expect(ratio(12, 10)).toBe(1);
    expect(ratio(0, 0)).toBe(1);
    expect(ratio(3, 0)).toBe(1);
  });

  it("pays the filled schedule, trainees and employees beyond the target", () => {
    const none = (headcount: number, target: number, hoursPerWeek = 42): Workforce =>
      new Workforce(config({ headcount, target, hoursPerWeek }, { mode: "none" }), { attrition: noDraws, leadTime: noDraws });
    // vacancies: 8 of 10 → the schedule of 8 is paid at 80 %
    expect(none(8, 10).paidAgents(8)).toBeCloseTo(6.4, 12);
    // surplus: 12 of 10 → full schedule + 2 × 42/168 = 0.5
    expect(none(12, 10).paidAgents(8)).toBeCloseTo(8.5, 12);
    // a fractional target: 11 of 10.5 → + 0.5 × 42/168
    expect(none(11, 10.5).paidAgents(8)).toBeCloseTo(8.125, 12);
    expect(none(10, 10).paidAgents(0)).toBe(0);
  });
});

describe("Workforce: replace in the long run", () => {
  it("keeps employed + pipeline at the target and reaches the renewal steady state of productive staff", () => {
    // Each of the target's slots cycles: an employee stays Exp(h), productive after training T
    // if still there (expected productive time E[(X − T)+] = e^(−hT)/h), then the slot is
    // vacant for the lead time L. Long-run productive share (renewal-reward):
    //   e^(−hT) / (1 + hL);  h = 3/yr, T = 20 d, L = 30 d:
    //   hT = 3·28,800/525,960 = 0.164271, hL = 0.246406 → 0.848513 / 1.246406 = 0.680769.
    // The time average over years 2–6 (the start's transient, all tenured, is e^(−3·2) gone)
    // is checked against 4 standard errors of the replications' spread.
    const target = 50, h = attritionPerMinute(3), T = 20 * D, L = 30 * D;
    const expected = (target * Math.exp(-h * T)) / (1 + h * L);
    expect(expected / target).toBeCloseTo(0.680769, 5);
    const cfg = config({ headcount: target, target, attritionPerMinute: h, training: T }, { leadTime: { type: "deterministic", value: L } });
    const R = 20, from = 2 * YEAR, to = 6 * YEAR;
    const means: number[] = [];
    for (let r = 0; r < R; r++) {
      const s = new RandomStreams(3, r);
      const wf = new Workforce(cfg, { attrition: s.stream("attrition"), leadTime: s.stream("lead") });
      let area = 0, last = from;
      for (let t = wf.nextEvent(); t < to; t = wf.nextEvent()) {
        if (t > from) {
          area += wf.productive * (t - last);
          last = t;
        }
        wf.handle(t);
        expect(wf.employed + wf.pipeline).toBe(target);
        expect(wf.productive + wf.trainees).toBe(wf.employed);
      }
      area += wf.productive * (to - last);
      means.push(area / (to - from));
    }
    const mean = means.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
    expect(sd).toBeGreaterThan(0);
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(R));
  });
});

describe("defaults and the ramp", () => {
  it("interpolates the ramp, holding the first and last values; empty = 1", () => {
    const ramp = [{ at: 100, proficiency: 0.5 }, { at: 300, proficiency: 0.9 }];
    expect(rampProficiency(ramp, 0)).toBe(0.5);
    expect(rampProficiency(ramp, 200)).toBeCloseTo(0.7, 12);
    expect(rampProficiency(ramp, 300)).toBe(0.9);
    expect(rampProficiency(ramp, 1e9)).toBe(0.9);
    expect(rampProficiency([], 5)).toBe(1);
  });

  it("has the sourced defaults, and the default ramp's year-one averages are as documented", () => {
    expect(DEFAULT_TRAINING_DAYS).toBe(40);
    expect(DEFAULT_LEAD_TIME_DAYS).toBe(34);
    expect(DEFAULT_ATTRITION_PER_YEAR).toBe(0.35);
    expect(DEFAULT_COST_PER_HIRE).toBe(12_500);
    expect(rampProficiency(DEFAULT_RAMP, 0)).toBe(0.53);
    expect(rampProficiency(DEFAULT_RAMP, 10 * 43_830)).toBe(1);
    // the mean over [0, x] by the trapezoid rule on a grid containing the ramp's points
    // (exact for a piecewise-linear function up to rounding)
    const mean = (x: number): number => {
      const n = 12_000, dx = x / n; // 10 months = 10,000 steps of x/12,000 when x is a year on the floor
      let s = 0;
      for (let i = 0; i < n; i++) s += (rampProficiency(DEFAULT_RAMP, i * dx) + rampProficiency(DEFAULT_RAMP, (i + 1) * dx)) / 2;
      return s / n;
    };
    // first year on the floor: (10·0.765 + 2)/12
    expect(mean(YEAR)).toBeCloseTo((10 * 0.765 + 2) / 12, 6);
    expect(mean(YEAR)).toBeCloseTo(0.804, 3);
    // first year since hire, 40 days of training at 0: 365,359.5 / 525,960
    const onFloor = YEAR - DEFAULT_TRAINING_DAYS * D;
    const sinceHire = (mean(onFloor) * onFloor) / YEAR;
    expect(sinceHire).toBeCloseTo(365_359.5 / 525_960, 4);
    expect(sinceHire).toBeCloseTo(0.695, 3);
    expect(attritionPerMinute(DEFAULT_ATTRITION_PER_YEAR) * YEAR).toBeCloseTo(0.35, 12);
  });
});

describe("Workforce: configuration errors", () => {
  const make = (over: Partial<WorkforceConfig>, hiring: Partial<WorkforceConfig["hiring"]> = {}): Workforce =>
    new Workforce(config(over, hiring), { attrition: noDraws, leadTime: noDraws });
  it("names the bad field", () => {
    expect(() => make({ headcount: 2.5 })).toThrow(/headcount/);
    expect(() => make({ headcount: -1 })).toThrow(/headcount/);
    expect(() => make({ target: Number.NaN })).toThrow(/target/);
    expect(() => make({ hoursPerWeek: 200 })).toThrow(/hoursPerWeek/);
    expect(() => make({ attritionPerMinute: -1e-6 })).toThrow(/attritionPerMinute/);
    expect(() => make({ training: Infinity })).toThrow(/training/);
    expect(() => make({ resolvePenalty: 1.5 })).toThrow(/resolvePenalty/);
    expect(() => make({ costPerHire: -1 })).toThrow(/costPerHire/);
    expect(() => make({ ramp: [{ at: 10, proficiency: 0.5 }, { at: 10, proficiency: 0.9 }] })).toThrow(/ramp\[1\]\.at/);
    expect(() => make({ ramp: [{ at: 0, proficiency: 0 }] })).toThrow(/ramp\[0\]\.proficiency/);
    expect(() => make({ ramp: [{ at: -5, proficiency: 0.5 }] })).toThrow(/ramp\[0\]\.at/);
    expect(() => make({}, { mode: "sometimes" as "none" })).toThrow(/hiring\.mode/);
    expect(() => make({}, { mode: "plan", plan: [{ at: 10, hires: 1.5 }] })).toThrow(/hiring\.plan\[0\]\.hires/);
    expect(() => make({}, { mode: "plan", plan: [{ at: -10, hires: 1 }] })).toThrow(/hiring\.plan\[0\]\.at/);
    expect(() => make({}, { freezeFrom: Number.NaN })).toThrow(/freezeFrom/);
    expect(() => make({ headcount: 5 }, { leadTime: { type: "exponential", mean: -3 } })).toThrow(/mean/);
  });
});
