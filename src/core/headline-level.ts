// The memory level that stands for a result wherever one figure has to: the table's intensity and ridge,
// the chart's point (and its baseline), the text chart's legend.
//
// Memory-bound, it is the binding level: that level's eave is where the point sits, and its bytes are what
// to cut. Compute-bound, it is the level closest to binding, the lowest intensity relative to its ridge:
// the level that binds first if the code's intensity falls, so its margin is the result's headroom. (The
// outermost level would hide an L2 one step from its ridge behind a DRAM intensity ten times its own.)
import type { Result } from './types.js';

/**
 * headlineLevel({ bindingLevel: 'compute', intensity: { dram: 1000, l2: 50 }, ridge: { dram: 100, l2: 25 } }) //=> 'l2'.
 * Ties go to the level listed first (the outermost); undefined only when the result names no level.
 */
export function headlineLevel(result: Pick<Result, 'intensity' | 'ridge' | 'bindingLevel'>): string | undefined {
  if (result.bindingLevel !== 'compute') return result.bindingLevel;
  let best: string | undefined;
  let bestRatio = Infinity;
  for (const [level, value] of Object.entries(result.intensity)) {
    const ratio = value / result.ridge[level]!;
    if (best === undefined || ratio < bestRatio) [best, bestRatio] = [level, ratio];
  }
  return best;
}
