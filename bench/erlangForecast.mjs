// `erlang staff --forecast` without the command line's start-up: a week of 30-minute intervals
// (336 rows, the shape of scenarios/data/sample-forecast.csv's day repeated Monday to Sunday,
// nights quiet) read from CSV text, sized (Erlang C, 80% in 20 s; and Erlang A with 90 s
// patience, 80% in 20 s and at most 5% abandoned), its table and CSV written. Median wall time
// of 21 runs after 3 warm-ups, at the sample's volume and at 10× and 100× it.
// usage: npm run build && node bench/erlangForecast.mjs
import { readFileSync } from "node:fs";
import { parseIntervalForecastCsv } from "../dist/forecast/intervalForecast.js";
import { staffForecast } from "../dist/analysis/forecastStaffing.js";
import { forecastStaffingCsv, forecastStaffingText } from "../dist/report/tables/forecastStaffingTable.js";

const day = readFileSync(new URL("../scenarios/data/sample-forecast.csv", import.meta.url), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
const byTime = new Map(day.map(([start, volume, aht]) => [start.slice(11), { volume: Number(volume), aht: Number(aht) }]));

function weekCsv(scale, patience) {
  const lines = [`start,volume,aht_seconds${patience ? ",patience_seconds" : ""}`];
  for (let d = 0; d < 7; d++) {
    for (let m = 0; m < 1440; m += 30) {
      const hhmm = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      const x = byTime.get(hhmm) ?? { volume: 0.5, aht: 450 };
      const volume = +(x.volume * scale * (d >= 5 ? 0.05 : 1)).toFixed(1);
      lines.push(`2026-04-${String(6 + d).padStart(2, "0")}T${hhmm},${volume},${x.aht}${patience ? ",90" : ""}`);
    }
  }
  return lines.join("\n") + "\n";
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const patience of [false, true]) {
  for (const scale of [1, 10, 100]) {
    const text = weekCsv(scale, patience);
    const target = patience ? { serviceLevel: 0.8, thresholdSeconds: 20, maxAbandonRate: 0.05 } : { serviceLevel: 0.8, thresholdSeconds: 20 };
    const once = () => {
      const f = parseIntervalForecastCsv(text, "week.csv");
      const r = staffForecast(f, { target, shrinkage: 0.3, fteHours: 40 });
      forecastStaffingText(r, target, { file: "week.csv", shrinkage: 0.3, fteHours: 40 });
      forecastStaffingCsv(r);
      return r;
    };
    for (let i = 0; i < 3; i++) once();
    const times = [];
    let r;
    for (let i = 0; i < 21; i++) {
      const t0 = process.hrtime.bigint();
      r = once();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    rows.push({ model: r.model, scale, intervals: r.intervals.length, peakAgents: r.totals.peakAgents, fte: +r.totals.fte.toFixed(1), median_ms: +median(times).toFixed(1) });
  }
}
console.table(rows);
