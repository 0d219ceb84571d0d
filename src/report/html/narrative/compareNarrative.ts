/**
 * The narrative of a comparison: what each scenario changes against the first and what it costs
 * (the rules every narrative keeps — a change is a rise or a fall only when its paired 95% interval
 * excludes zero; totals only over equal spans: ./sentences.ts).
 */
import type { CompareResult } from "../../charts/inputs.js";
import { metricInfo, type MetricInfo } from "../../metrics.js";
import { formatChange, formatSpan, rangeTexts } from "../../numbers.js";
import { meanOf as mean, measuredHours, sameSpans, windowsDiffer } from "../../runs.js";
import { verdict, type Verdict } from "../../significance.js";
import { listText as list, plural, titleCase as cap } from "../../words.js";
import { amount, magnitudeRange, signed, spanAdjective, value } from "./sentences.js";

interface Change {
  key: string;
  words: MetricInfo;
  d: number;
  to: number | null;
  ci: [number, number] | null;
  verdict: Verdict;
}

/** "phone service level falls 8.0 points to 81.9%". */
function clause(c: Change, currency: string): string {
  const up = c.d > 0;
  const m = c.words;
  const noun = m.noun;
  const to = c.to !== null ? ` to ${value(c.to, m, currency)}` : "";
  if (c.key === "retention.churned") return `${noun} ${up ? "rises" : "falls"} by ${plural(Math.round(Math.abs(c.d)), "customer")}`;
  if (m.unit === "share") return `${noun} ${up ? "rises" : "falls"} ${amount(c.d, m, currency)}${to}`;
  if (m.unit === "money") return `${noun} ${up ? "rises" : "falls"} by ${amount(c.d, m, currency)}`;
  // a duration changes in the unit of the value it reaches ("by 0.02 h to 2.1 h", not "by 80 s to 2.1 h")
  return `${noun} ${up ? "rises" : "falls"} by ${amount(c.d, c.to !== null ? { ...m, durationOf: c.to } : m, currency)}${to}`;
}

/**
 * What each scenario changes against the first and what it costs: the monthly cost difference
 * with its 95% interval, then the significant consequences (worse first when it saves money,
 * better first when it costs more), then what is not significant. One paragraph of method,
 * then one per later scenario.
 */
export function compareNarrative(c: CompareResult): string[] {
  const [ref, ...others] = c.scenarios;
  if (ref === undefined) return [];
  const currency = c.runs?.[0]?.currency ?? "USD";
  if (others.length === 0) return [`Only ${ref} was run, so there is nothing to compare it with.`];
  const same = sameSpans(c);
  const out: string[] = [];
  out.push(
    `Each scenario is compared with ${ref} over ${plural(c.replications, "replication")} that share their random numbers (seed ${c.seed}), ` +
      `so each difference is measured on the same customers and needs. A change is called a rise or a fall only where its paired 95% interval excludes zero; ` +
      `anything else is reported as not significant.`,
  );
  const equalService = c.sizing !== undefined && c.sizing.length === c.scenarios.length;
  if (equalService) {
    const fte = (i: number) => c.sizing![i].pools.reduce((a, p) => a + p.fte, 0);
    out.push(
      `Staffing: ${c.mode}. Each scenario was sized first by the staffing search on the same random numbers, so a change in demand shows as staff and money: ` +
        c.scenarios.map((s, i) => `${s} needs ${fte(i).toFixed(1)} FTE${c.sizing![i].met ? "" : " (its targets were not all met: see staff)"}`).join(", ") +
        `. The sizing is one search per scenario; its own noise is not in the intervals below.`,
    );
  } else if (c.mode !== undefined) {
    out[0] += ` Staffing: ${c.mode}.`;
  }
  if (c.replications < 2) {
    out.push(`With a single replication there are no intervals, so no difference below is shown to be real: run at least two (ten is better) before taking this into a budget.`);
  }
  const runs = c.runs ?? [];
  if (runs.length === c.scenarios.length && !same) {
    out.push(
      // as long measured but ending at different times: say when each starts measuring
      `The scenarios cover different spans (${runs.map((r) => `${r.scenario} ${formatSpan(measuredHours(r))}${windowsDiffer(runs) ? "" : r.warmupHours > 0 ? ` after a ${spanAdjective(r.warmupHours)} warm-up` : " with no warm-up"}`).join(", ")}), ` +
        `so totals over the run (total cost, customers churned, recurring revenue at the end) are not compared; the monthly cost is.`,
    );
  }
  others.forEach((alt, j) => {
    const changes: Change[] = [];
    for (const [key, m] of Object.entries(c.metrics)) {
      const d = m.differences[j];
      if (!d || d.mean === null || !Number.isFinite(d.mean)) continue;
      const words = metricInfo(key);
      if (words.total && !same) continue;
      changes.push({ key, words, d: d.mean, to: mean(m.values[j + 1]), ci: d.ci95, verdict: verdict(d) });
    }
    out.push(scenarioParagraph(ref, alt, changes, currency, !equalService));
  });
  return out;
}

/** Unit costs that fall when the same staff are simply busier: at fixed staffing, not a saving (per tier and per channel too). */
const UNIT_COSTS = new Set(["cost.perContact", "cost.perResolvedNeed"]);
const isUnitCost = (key: string): boolean => UNIT_COSTS.has(key) || /^(tier|channel)\..+\.(costPerContact|entryCostPerContact)$/.test(key);

function scenarioParagraph(ref: string, alt: string, changes: Change[], currency: string, fixedStaffing: boolean): string {
  // a lower unit cost with a significantly higher occupancy, at the same staffing, is the same pay spread over
  // more work: said as such, not as a benefit (at equal service the staffing follows the demand)
  const busier = fixedStaffing && changes.some((x) => x.key.startsWith("tier.") && x.key.endsWith(".occupancy") && x.verdict === "significant" && x.d > 0);
  // the reason once, at the first such unit cost; each later one only says it is no saving either
  let explained = false;
  const said = (x: Change): string => {
    if (!(busier && isUnitCost(x.key) && x.d < 0)) return clause(x, currency);
    const why = explained ? " (likewise not a saving)" : " (the same staff are busier: occupancy is up at the same staffing, not a saving)";
    explained = true;
    return clause(x, currency) + why;
  };
  const costKey = changes.some((x) => x.key === "cost.perMonth") ? "cost.perMonth" : changes.some((x) => x.key === "cost.total") ? "cost.total" : null;
  const cost = costKey ? changes.find((x) => x.key === costKey) ?? null : null;
  const rest = changes.filter((x) => x.key !== "cost.perMonth" && x.key !== "cost.total").sort((a, b) => a.words.rank - b.words.rank);
  const sig = rest.filter((x) => x.verdict === "significant");
  const worse = sig.filter((x) => x.words.better !== 0 && Math.sign(x.d) !== x.words.better);
  const better = sig.filter((x) => x.words.better !== 0 && Math.sign(x.d) === x.words.better);
  const neutral = sig.filter((x) => x.words.better === 0);
  const notSig = rest.filter((x) => x.verdict === "not significant" || x.verdict === "unchanged");
  const noInterval = rest.filter((x) => x.verdict === "no interval");

  const sentences: string[] = [];
  const lead = `Against ${ref}, ${alt}`;
  let first: Change[] = [];
  let firstIs: "worse" | "better" | null = null;
  if (cost === null) {
    sentences.push(`${lead} has no cost figure to compare.`);
  } else {
    const noun = cost.words.noun;
    const k = cost.words;
    if (cost.verdict === "significant" && cost.ci) {
      const saves = cost.d < 0;
      const ci = magnitudeRange(cost.ci, k, currency);
      const range = ci.split("–")[0] === ci.split("–")[1] ? "the same in every replication" : `95% interval ${ci}`;
      let s = `${lead} ${saves ? "lowers" : "raises"} ${noun} by ${amount(cost.d, k, currency)} (${range})`;
      if (saves) {
        if (worse.length > 0) { first = worse.slice(0, 3); firstIs = "worse"; s += ` but ${list(first.map(said))}`; }
        else if (better.length > 0) { first = better.slice(0, 3); firstIs = "better"; s += `, and ${list(first.map(said))}`; }
      } else {
        if (better.length > 0) { first = better.slice(0, 3); firstIs = "better"; s += `; in return ${list(first.map(said))}`; }
        else if (worse.length > 0) { first = worse.slice(0, 3); firstIs = "worse"; s += `, and ${list(first.map(said))}`; }
      }
      sentences.push(s + ".");
    } else if (cost.verdict === "unchanged") {
      sentences.push(`${lead} leaves ${noun} unchanged.`);
    } else if (cost.verdict === "no interval") {
      sentences.push(`${lead} changes ${noun} by ${signed(cost.d, k, currency)} in its only replication, too few to tell whether that is real.`);
    } else {
      const ci = cost.ci as [number, number];
      const [lo, hi] = rangeTexts(ci[0], ci[1], (x, extra) => formatChange(x, k.unit, currency, { ...k, extra }));
      sentences.push(`${lead} does not change ${noun} significantly (difference ${signed(cost.d, k, currency)}; 95% interval ${lo} to ${hi}).`);
    }
  }
  const restOf = (xs: Change[]) => xs.filter((x) => !first.includes(x));
  const rw = restOf(worse), rb = restOf(better);
  const groups: [Change[], "worse" | "better"][] = firstIs === "better" ? [[rb, "better"], [rw, "worse"]] : [[rw, "worse"], [rb, "better"]];
  let told = firstIs;
  for (const [xs, kind] of groups) {
    if (xs.length === 0) continue;
    const text = list(xs.map(said));
    const opener = told === null ? "" : told === kind ? "In addition, " : "On the other hand, ";
    sentences.push(`${opener === "" ? cap(text) : opener + text}.`);
    told = kind;
  }
  if (neutral.length > 0) {
    const told = neutral.map((x) => `${x.words.noun} ${x.to !== null ? `${value(x.to, x.words, currency)} (${signed(x.d, x.words, currency)})` : signed(x.d, x.words, currency)}`);
    sentences.push(`Also changed: ${list(told)}.`);
  }
  if (notSig.length > 0) sentences.push(`No significant difference in ${list(notSig.map((x) => x.words.noun.replace(/^the /, "")))}.`);
  if (noInterval.length > 0) sentences.push(`${cap(list(noInterval.map((x) => x.words.noun)))} cannot be judged without an interval.`);
  return sentences.join(" ");
}
