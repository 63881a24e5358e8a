// How many bits a value takes in memory: per precision (the default width of every kind of bytes) and the
// widths a `bits:` setting may name.
import { BYTE_KINDS, type ByteKind, type Precision } from './types.js';

/** Bits a value of each precision is stored in: tf32 computes narrower but is stored as fp32. */
export const PRECISION_BITS: Readonly<Record<Precision, number>> = {
  fp64: 64, fp32: 32, tf32: 32, fp16: 16, bf16: 16, fp8: 8, int8: 8, int4: 4, fp4: 4,
};

/**
 * Storage widths that formats in use have: 2-6 bits (ternary and k-quants, fp6, nf4/int4), then the byte
 * multiples. Any other width in a `bits:` setting is more likely a slip than a format.
 */
export const STORAGE_WIDTHS = [2, 3, 4, 5, 6, 8, 16, 32, 64] as const;
export type StorageWidth = (typeof STORAGE_WIDTHS)[number];

/** Every kind's width: `bits` where given, else the precision's. bitsOf('bf16', { weights: 4 }).kv //=> 16 */
export function bitsOf(precision: Precision, bits: Partial<Record<ByteKind, number>> = {}): Record<ByteKind, number> {
  const width = PRECISION_BITS[precision];
  return Object.fromEntries(BYTE_KINDS.map((kind) => [kind, bits[kind] ?? width])) as Record<ByteKind, number>;
}
