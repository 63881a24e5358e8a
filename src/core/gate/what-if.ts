// One change to a model, recomputed on the roofline: another roof, some kinds of bytes stored narrower,
// some levels' traffic scaled, or the batch raised. Time comes from passSeconds() op by op (roofline.ts),
// with each op's bytes rescaled by its own split, so a what-if never re-derives the roofline and a kind
// is only ever rescaled where the config says how many of a level's bytes are of that kind.
import { eavesFor, passSeconds, type ByteScale } from '../roofline.js';
import { keyedRecord } from '../user-keys.js';
import { BYTE_KINDS, type BytesByKind, type BytesByLevel, type ByteKind, type Device, type KindSplit, type Model, type Precision } from '../types.js';

export interface WhatIf {
  device: Device;
  /** The compute roof after the change. */
  precision: Precision;
  /** Factors on the bytes of some kinds, applied where a level's split gives them. */
  kinds?: Partial<Record<ByteKind, number>>;
  /** The one level the kinds' factors (and `unsplit`'s) apply at; every level when left out. */
  kindsAt?: string;
  /** Factors on a level's bytes where the op (or the model given as totals) does not split them, in place of the kinds'. */
  unsplit?: ByteScale;
  /** Factors on every byte through some levels, after the kinds' factors. */
  scale?: ByteScale;
  /** Factor on the FLOPs (a batch raised by r does r times the work). */
  flops?: number;
  /** Samples per pass after the change. */
  batch: number;
}

export interface Outcome {
  seconds: number;
  /** Samples per second: Infinity when the pass takes no time. */
  throughput: number;
  /** Bytes per level after the change, summed over the ops. */
  bytes: BytesByLevel;
}

/** The bytes of a split with each kind scaled by its factor: kindBytes({ weights: 8, kv: 2 }, { weights: 0.25 }) //=> 4 */
function kindBytes(split: KindSplit, factors: Partial<Record<ByteKind, number>>): number {
  let bytes = 0;
  for (const kind of BYTE_KINDS) bytes += (split[kind] ?? 0) * (factors[kind] ?? 1);
  return bytes;
}

/** The factor on each level's bytes of one op (or of a model given as totals) that a what-if amounts to. */
function levelFactors(bytes: BytesByLevel, kinds: BytesByKind, change: WhatIf): ByteScale | undefined {
  if (!change.kinds && !change.unsplit) return change.scale;
  let factors: Record<string, number> | undefined;
  for (const level in bytes) {
    if (bytes[level]! === 0 || (change.kindsAt !== undefined && level !== change.kindsAt)) continue;
    const split = kinds[level];
    const factor = split === undefined ? change.unsplit?.[level] : change.kinds && kindBytes(split, change.kinds) / bytes[level]!;
    if (factor === undefined) continue;
    factors ??= { ...change.scale };
    factors[level] = (change.scale?.[level] ?? 1) * factor;
  }
  // An op with neither a split nor an unsplit factor at any level it uses is changed only by the levels' factors.
  return factors ?? change.scale;
}

/** A model after one change: its time, throughput and bytes, op by op when it is given as ops. */
export function whatIf(model: Model, change: WhatIf): Outcome {
  const peak = change.device.flopsPerSecond[change.precision]!;
  const eaves = eavesFor(model, change.device);
  const flopsFactor = change.flops ?? 1;
  const after: BytesByLevel = keyedRecord();
  let seconds = 0;
  for (const part of model.ops ?? [model]) {
    const bytes = part.bytes; // read once: an op table's row makes its record at each read (op-columns.ts)
    const factors = levelFactors(bytes, part.kinds, change);
    seconds += passSeconds(part.flops * flopsFactor, bytes, peak, eaves, factors);
    for (const level in bytes) after[level] = (after[level] ?? 0) + bytes[level]! * (factors?.[level] ?? 1);
  }
  return { seconds, throughput: seconds > 0 ? change.batch / seconds : Infinity, bytes: after };
}

/**
 * The bytes of each kind that some split gives, per level, summed over the ops (ops that leave a level
 * unsplit add nothing): what a change of one kind's width can act on.
 */
export function knownKinds(model: Model): BytesByKind {
  if (!model.ops) return model.kinds;
  const known: BytesByKind = keyedRecord();
  for (const op of model.ops) {
    for (const level in op.kinds) {
      const sum = (known[level] ??= {});
      for (const kind of BYTE_KINDS) if (op.kinds[level]![kind] !== undefined) sum[kind] = (sum[kind] ?? 0) + op.kinds[level]![kind]!;
    }
  }
  return known;
}
