// Which pairs the roofline plot draws. Up to MAX_DRAWN_POINTS, every one; beyond, a picture can no longer
// hold them (labels, arrows and the numbered list grow past reading, the SVG past a megabyte), so only the
// pairs a reviewer has to look at: those with a finding and those that changed against the baseline, and
// of those, when still too many, the ones with failures, then warnings, then the largest changes.
import { headlineLevel } from '../headline-level.js';
import type { Report, ReportResult } from '../report/types.js';
import { OUTERMOST } from '../roofline.js';
import { wholeNumber } from '../format.js';

/** Above this many pairs the plot draws only the changed and flagged ones, at most this many. */
export const MAX_DRAWN_POINTS = 200;

export interface Drawn {
  /** The pairs to draw, in report order. */
  results: ReportResult[];
  /** How many of the report's pairs are not drawn, and whether some of those changed or were flagged. */
  leftOut: number;
  changedLeftOut: boolean;
}

/** The report with only the drawn pairs: what both charts place. */
export function drawnReport(report: Report, drawn: Drawn): Report {
  return drawn.leftOut ? { ...report, results: drawn.results } : report;
}

/** The sentence both charts (the SVG's subtitle, the text chart's legend) give for the pairs not drawn; null when all are. */
export function leftOutText(drawn: Drawn, total: number): string | null {
  if (!drawn.leftOut) return null;
  return drawn.changedLeftOut
    ? `${wholeNumber(drawn.leftOut)} of ${wholeNumber(total)} pairs left out: only the ${MAX_DRAWN_POINTS} flagged or changed most are drawn.`
    : `${wholeNumber(drawn.leftOut)} unchanged pairs of ${wholeNumber(total)} left out: only the changed and flagged are drawn.`;
}

export function drawnPairs(report: Report): Drawn {
  const { results } = report;
  if (results.length <= MAX_DRAWN_POINTS) return { results: [...results], leftOut: 0, changedLeftOut: false };
  const severity = new Map<string, number>();
  for (const f of report.findings) {
    const key = pairKey(f);
    severity.set(key, Math.max(severity.get(key) ?? 0, f.severity === 'fail' ? 2 : 1));
  }
  const weight = (r: ReportResult) => ({ severity: severity.get(pairKey(r)) ?? 0, change: change(r, report.baseline !== null) });
  const candidates = results
    .map((r, i) => ({ i, ...weight(r) }))
    .filter((c) => c.severity > 0 || c.change > 0)
    .sort((a, b) => b.severity - a.severity || b.change - a.change || a.i - b.i);
  const kept = new Set(candidates.slice(0, MAX_DRAWN_POINTS).map((c) => c.i));
  return {
    results: results.filter((_, i) => kept.has(i)),
    leftOut: results.length - kept.size,
    changedLeftOut: candidates.length > kept.size,
  };
}

/**
 * How much a pair changed: the larger log ratio of its time and of its intensity at the level it is drawn
 * at (a compute-bound pair may move sideways only), Infinity for a pair new against a baseline, 0 for one
 * that did not move (or without a baseline).
 */
function change(r: ReportResult, hasBaseline: boolean): number {
  if (r.base === null) return hasBaseline ? Infinity : 0;
  const level = headlineLevel(r) ?? OUTERMOST;
  return Math.max(logRatio(r.seconds, r.base.seconds), logRatio(r.intensity[level] ?? Infinity, r.base.intensity[level] ?? Infinity));
}

/** |ln(a / b)|: 0 when equal, Infinity when only one of them is 0 or infinite. */
function logRatio(a: number, b: number): number {
  if (a === b) return 0;
  return a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b) ? Math.abs(Math.log(a / b)) : Infinity;
}

function pairKey({ model, hardware }: { model: string; hardware: string }): string {
  return JSON.stringify([model, hardware]);
}
