// Bytes by kind (SPEC section 6): a level's count given as weights, activations and KV, with an optional
// `total:` that the kinds must add up to. The schema, the op-table reader and resolve all use these.
import { givenFigure } from '../format.js';
import { keyedRecord } from '../user-keys.js';
import { BYTE_KINDS, type BytesByKind, type BytesByLevel, type KindSplit, type Op } from '../types.js';

/**
 * How far the kinds may be from a stated total, relative to the larger: enough to forgive the rounding of
 * adding decimal figures (13.5 GB + 40 MB + 1.1 GB against 14.64 GB) and totals written to 6 or 7
 * significant digits, far too little to hide a kind left out or a slip of a digit.
 */
export const SPLIT_TOLERANCE = 1e-6;

/** A split as the schema reads it, before `total:` is checked and dropped. */
export type RawSplit = KindSplit & { total?: number | undefined };

/** A level's bytes as the config gives them: a count (unsplit) or a split. */
export type LevelBytes = number | KindSplit;

export function isSplit(value: unknown): value is RawSplit {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The bytes of a split: the sum of its kinds (a kind left out is 0). */
export function splitTotal(split: KindSplit): number {
  let sum = 0;
  for (const kind of BYTE_KINDS) sum += split[kind] ?? 0;
  return sum;
}

/** True when `sum` and `total` agree within SPLIT_TOLERANCE. addsUp(13.5e9 + 1, 13.5e9) //=> true */
export function addsUp(sum: number, total: number): boolean {
  return Math.abs(sum - total) <= SPLIT_TOLERANCE * Math.max(Math.abs(sum), Math.abs(total));
}

/**
 * Why a split does not match its total, with both figures and the difference, printed with as many
 * digits as it takes for them to differ:
 *
 *   mismatch('dram', 14.64e9, 14.7e9)
 *   //=> 'the kinds of dram add up to 14.64 GB, but its total is 14.7 GB (60 MB less); ...'
 */
export function mismatch(level: string, sum: number, total: number): string {
  const [shown, stated] = [givenFigure(sum, 'B', total), givenFigure(total, 'B', sum)];
  const difference = `${givenFigure(Number(Math.abs(total - sum).toPrecision(3)), 'B')} ${sum < total ? 'less' : 'more'}`;
  return `the kinds of ${level} add up to ${shown}, but its total is ${stated} (${difference}); correct a kind or the total, or leave the total out`;
}

/** A split without its `total:`: the kinds alone are the level's bytes. */
export function kindsOf(split: RawSplit): KindSplit {
  const kinds: KindSplit = {};
  for (const kind of BYTE_KINDS) if (split[kind] !== undefined) kinds[kind] = split[kind];
  return kinds;
}

/**
 * The kinds of an op that splits no level, one record shared by all of them (frozen: nothing may add to
 * it): a million ops that give no split would otherwise hold a million empty records, 40 bytes each.
 */
export const NO_SPLIT: BytesByKind = Object.freeze(keyedRecord<KindSplit>());

/** `kinds`, or the shared NO_SPLIT when it splits no level. */
export function sharedWhenEmpty(kinds: BytesByKind): BytesByKind {
  for (const _level in kinds) return kinds;
  return NO_SPLIT;
}

/** Per-level totals and splits of `{ level: count | split }`. */
export function levelsAndKinds(levels: Readonly<Record<string, LevelBytes>>): { bytes: BytesByLevel; kinds: BytesByKind } {
  const bytes: BytesByLevel = keyedRecord();
  const kinds: BytesByKind = keyedRecord();
  for (const [level, value] of Object.entries(levels)) {
    if (typeof value === 'number') {
      bytes[level] = value;
    } else {
      kinds[level] = kindsOf(value);
      bytes[level] = splitTotal(value);
    }
  }
  return { bytes, kinds };
}

/**
 * The model's split per level from its ops: a level is split only when every op that moves bytes through
 * it splits it (an op with 0 bytes there does not count either way); the split is the sum of theirs.
 *
 *   aggregateKinds([{ ..., bytes: { dram: 3 }, kinds: { dram: { weights: 3 } } },
 *                   { ..., bytes: { dram: 1 }, kinds: {} }])  //=> {} (one op's DRAM bytes are of unknown kind)
 */
export function aggregateKinds(ops: readonly Op[]): BytesByKind {
  const totals = new KindTotals();
  for (const op of ops) totals.add(op.bytes, op.kinds);
  return totals.result();
}

/** aggregateKinds() an op at a time, for a pass over the ops that sums more than their kinds (resolve.ts). */
export class KindTotals {
  private readonly sums: BytesByKind = keyedRecord();
  private readonly unsplit = new Set<string>();

  /** One op's bytes and split. */
  add(bytes: BytesByLevel, kinds: BytesByKind): void {
    for (const level in bytes) {
      const split = kinds[level];
      if (split === undefined) {
        if (bytes[level]! > 0) this.unsplit.add(level);
        continue;
      }
      const sum = (this.sums[level] ??= {});
      for (const kind of BYTE_KINDS) if (split[kind] !== undefined) sum[kind] = (sum[kind] ?? 0) + split[kind];
    }
  }

  /** The split of the ops added so far. */
  result(): BytesByKind {
    const sums = keyedRecord<KindSplit>();
    for (const level in this.sums) if (!this.unsplit.has(level)) sums[level] = this.sums[level]!;
    return sums;
  }
}
