// What a pull request's trend shows: each changed pair's throughput at the default-branch commits the
// history holds, oldest first, and at the pull request's head; and the same as a line of text (a
// sparkline) for a comment without images. Pure.
import { perSecond, wholeNumber } from '../format.js';
import type { Report, ReportResult } from '../report/types.js';

/** Commits a trend spans. */
export const TREND_COMMITS = 20;
/** Pairs a trend shows at most: the chart and the comment stay small. */
export const TREND_PAIRS = 9;

/** A stored report, read back and valid, and the commit it is about. */
export interface HistoryEntry {
  sha: string;
  report: Report;
}

export interface TrendSeries {
  model: string;
  hardware: string;
  /** Throughput (per second) at each history commit that has the pair, oldest first. */
  points: Array<{ sha: string; throughput: number }>;
  /** Throughput at the pull request's head. */
  head: number;
}

/**
 * One series per changed pair of `head` (new, moved throughput, or another bound) that the history has at
 * least once, in the report's order, at most `pairs` of them.
 */
export function trendSeries(head: Report, history: HistoryEntry[], pairs = TREND_PAIRS): TrendSeries[] {
  const series: TrendSeries[] = [];
  for (const result of head.results) {
    if (series.length >= pairs) break;
    if (!isChanged(result) || !Number.isFinite(result.throughput)) continue;
    const points = history.flatMap(({ sha, report }) => {
      const past = report.results.find((r) => r.model === result.model && r.hardware === result.hardware);
      return past && Number.isFinite(past.throughput) ? [{ sha, throughput: past.throughput }] : [];
    });
    if (points.length > 0) series.push({ model: result.model, hardware: result.hardware, points, head: result.throughput });
  }
  return series;
}

function isChanged(result: ReportResult): boolean {
  const base = result.base;
  if (base === null) return true;
  return result.bound !== base.bound || Math.abs(result.throughput - base.throughput) > 1e-9 * Math.max(result.throughput, base.throughput);
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * Values as block characters, lowest to highest; all equal is a flat middle line.
 *
 *   sparkline([1, 2, 3, 4, 5, 6, 7, 8]) //=> '▁▂▃▄▅▆▇█'
 *   sparkline([5, 5]) //=> '▄▄'
 */
export function sparkline(values: number[]): string {
  const low = Math.min(...values);
  const span = Math.max(...values) - low;
  return values.map((value) => BARS[span === 0 ? 3 : Math.round(((value - low) / span) * (BARS.length - 1))]).join('');
}

/**
 * A series as one line: the history's sparkline, then the head.
 *
 *   trendLine(series) //=> 'vgg16 on gtx-1080-ti: ▁▄█ 390/s … 403/s over 3 commits; this PR 336/s'
 */
export function trendLine(series: TrendSeries): string {
  const values = series.points.map((p) => p.throughput);
  const first = perSecond(values[0]!);
  const last = perSecond(values.at(-1)!);
  const span = values.length === 1 ? `${first} at 1 commit` : `${first} … ${last} over ${wholeNumber(values.length)} commits`;
  return `${series.model} on ${series.hardware}: ${sparkline(values)} ${span}; this PR ${perSecond(series.head)}`;
}
