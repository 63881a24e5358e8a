// Where a profiler's counters name a memory level that a target has no bandwidth for (an Nsight Compute
// table's l1 bytes on a device whose catalog entry has no L1 figure), those bytes are left out of that
// target's roofline rather than the model refused (roofline.ts). This says so, in one line every rendering uses.
import { levelText } from '../format.js';
import type { ReportResult } from './types.js';

/**
 * `L1 bytes not counted on a100-sxm4-80gb (profile), L1 and L2 on h100-sxm (profile): the catalog gives no
 * bandwidth for those levels there`, or null when every level counted everywhere.
 */
export function levelsLeftOutNote(results: ReadonlyArray<Pick<ReportResult, 'model' | 'hardware' | 'levelsLeftOut'>>): string | null {
  const byTarget = new Map<string, { levels: string; models: string[] }>();
  for (const result of results) {
    if (!result.levelsLeftOut || result.levelsLeftOut.length === 0) continue;
    const levels = result.levelsLeftOut.map(levelText).join(' and ');
    const key = `${result.hardware}\u0000${levels}`;
    const entry = byTarget.get(key) ?? { levels, models: [] };
    entry.models.push(result.model);
    byTarget.set(key, entry);
  }
  if (byTarget.size === 0) return null;
  const parts = [...byTarget].map(([key, { levels, models }]) => `${levels} on ${key.split('\u0000')[0]} (${models.join(', ')})`);
  return `${parts.join('; ')}: bytes the profiler counted but not part of the roofline, as the catalog gives no bandwidth for those levels on that device`;
}
