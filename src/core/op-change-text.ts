// What moved between a pair and its baseline, in the one wording findings and every rendering use: an op
// that changed (`attention: DRAM 34.4 GB -> 36.1 GB (+4.9%), +0.480 ms`), and for a model given as totals
// the input that moved (`DRAM bytes 900 MB -> 1.60 GB, FLOPs unchanged`).
import { byteCount, flopCount, levelText, signedPercent, timeChange } from './format.js';
import type { OpChange } from './results.js';
import type { BytesByLevel } from './types.js';

/** How much an op's change added to the time per pass (negative: it saved time); an added op adds all of its time. */
export const opDelta = (change: OpChange): number => (change.seconds ?? 0) - (change.baseSeconds ?? 0);

const moved = (before: number | undefined, after: number | undefined): boolean => (before ?? 0) !== (after ?? 0);

/** `DRAM 34.4 GB -> 36.1 GB (+4.9%)`; without `relative`, no percentage (the finding around it has one). */
function figure(label: string, before: number | undefined, after: number | undefined, show: (value: number) => string, relative = true): string {
  const side = (value: number | undefined) => (value === undefined ? '(not given)' : show(value));
  const change = !relative || before === undefined || after === undefined ? '' : ` (${signedPercent(after / before - 1)})`;
  return `${label} ${side(before)} -> ${side(after)}${change}`;
}

/**
 * The input of an op that explains its time change: the bytes at `level` when given (the level a finding is
 * about) and moved, else what binds the op now, else what bound it before, else whatever moved first;
 * `added` or `removed` for an op on one side only.
 *
 *   opFigure({ status: 'changed', bindingLevel: 'dram', bytes: { dram: 36.1e9 }, baseBytes: { dram: 34.4e9 }, ... })
 *   //=> 'DRAM 34.4 GB -> 36.1 GB (+4.9%)'
 */
export function opFigure(change: OpChange, level?: string): string {
  if (change.status !== 'changed') return change.status;
  const bytes = change.bytes!;
  const baseBytes = change.baseBytes!;
  const levels = [...new Set([...Object.keys(bytes), ...Object.keys(baseBytes)])];
  const candidates = [level, change.bindingLevel!, change.baseBindingLevel!, 'compute', ...levels].filter((c) => c !== undefined);
  for (const candidate of candidates) {
    if (candidate === 'compute') {
      if (moved(change.baseFlops!, change.flops!)) return figure('FLOPs', change.baseFlops!, change.flops!, flopCount);
    } else if (moved(baseBytes[candidate], bytes[candidate])) {
      return figure(levelText(candidate), baseBytes[candidate], bytes[candidate], byteCount);
    }
  }
  // Same FLOPs and bytes, another time: the device or the precision changed.
  return 'same FLOPs and bytes';
}

/** One op's change as a finding names it: opChangeText(change) //=> 'attention: DRAM 34.4 GB -> 36.1 GB (+4.9%), +0.480 ms'. */
export function opChangeText(change: OpChange, level?: string): string {
  return `${change.name}: ${opFigure(change, level)}, ${timeChange(opDelta(change))}`;
}

/**
 * Which input of a model given as totals moved, every level's bytes then the FLOPs:
 * inputsMoved({ flops: 1e12, bytes: { dram: 9e8 } }, { flops: 1e12, bytes: { dram: 1.6e9 } }) //=> 'DRAM bytes 900 MB -> 1.60 GB, FLOPs unchanged'.
 */
export function inputsMoved(base: { flops: number; bytes: BytesByLevel }, head: { flops: number; bytes: BytesByLevel }): string {
  const levels = [...new Set([...Object.keys(base.bytes), ...Object.keys(head.bytes)])];
  const bytes = levels
    .filter((level) => moved(base.bytes[level], head.bytes[level]))
    .map((level) => figure(`${levelText(level)} bytes`, base.bytes[level], head.bytes[level], byteCount, false));
  const flops = moved(base.flops, head.flops) ? figure('FLOPs', base.flops, head.flops, flopCount, false) : 'FLOPs unchanged';
  if (bytes.length === 0) return moved(base.flops, head.flops) ? `${flops}, bytes unchanged` : 'FLOPs and bytes unchanged';
  return [...bytes, flops].join(', ');
}
