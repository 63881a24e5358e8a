// An op list as an op table CSV (the columns `ops: { file: x.csv }` reads): what `roofline-gate generate`
// prints, so that a user can see, diff and reuse what the generator assumed.
import { BYTE_KINDS, type ByteKind, type Op } from '../types.js';

/**
 * One row per op: name, flops, then for each level `bytes.<level>.<kind>` where the ops split it, else
 * `bytes.<level>`. Figures are exact (no units, no rounding), so the table reads back to the same model.
 *
 *   opTableCsv([{ name: 'lm_head', flops: 2, bytes: { dram: 3 }, kinds: { dram: { weights: 3 } } }])
 *   //=> 'name,flops,bytes.dram.weights,bytes.dram.activations,bytes.dram.kv\nlm_head,2,3,0,0\n'
 */
export function opTableCsv(ops: readonly Op[]): string {
  const levels = [...new Set(ops.flatMap((op) => Object.keys(op.bytes)))];
  const split = new Set(levels.filter((level) => ops.every((op) => op.kinds[level] !== undefined || !(op.bytes[level]! > 0))));
  const columns = levels.flatMap((level): Array<{ level: string; kind: ByteKind | undefined }> => (split.has(level) ? BYTE_KINDS.map((kind) => ({ level, kind })) : [{ level, kind: undefined }]));
  const header = ['name', 'flops', ...columns.map(({ level, kind }) => `bytes.${level}${kind ? `.${kind}` : ''}`)];
  const rows = ops.map((op) => [
    csvCell(op.name),
    String(op.flops),
    ...columns.map(({ level, kind }) => String(kind ? (op.kinds[level]?.[kind] ?? 0) : (op.bytes[level] ?? 0))),
  ]);
  return [header, ...rows].map((cells) => `${cells.join(',')}\n`).join('');
}

/** A name quoted when it holds a comma, a quote or a line break. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
