// What bounds a pair, in the one wording every rendering uses: the table, findings, the chart's tooltip,
// legend and numbered key, the text chart, and the per-op bars (the Markdown table, under its Bound header,
// writes the bound bare: memory, compute).
import { levelText } from './format.js';
import type { Bound } from './types.js';

/** The two bounds as words: the chart's legend and the Markdown summary line use them bare. */
export const BOUND_WORDS: Readonly<Record<Bound, string>> = Object.freeze({ compute: 'compute-bound', memory: 'memory-bound' });

/** boundText('compute') //=> 'compute-bound'; boundText('dram') //=> 'memory-bound (DRAM)'. Takes a binding level. */
export function boundText(bindingLevel: string): string {
  return bindingLevel === 'compute' ? BOUND_WORDS.compute : `${BOUND_WORDS.memory} (${levelText(bindingLevel)})`;
}
