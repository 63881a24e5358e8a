// Which pairs moved against the baseline: the comment shows them first and folds the rest, and `comment:
// changed` posts only when something moved.
import type { ReportResult } from './types.js';

const moved = (a: number, b: number): boolean => Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/**
 * A pair is changed when it is new (or there is no baseline), or its bound, binding level, time per pass or
 * any intensity moved by more than rounding.
 */
export function isChanged(result: ReportResult): boolean {
  const base = result.base;
  if (base === null) return true;
  return (
    result.bound !== base.bound ||
    result.bindingLevel !== base.bindingLevel ||
    moved(result.seconds, base.seconds) ||
    Object.entries(result.intensity).some(([level, value]) => base.intensity[level] === undefined || (value !== base.intensity[level] && moved(value, base.intensity[level]!)))
  );
}
