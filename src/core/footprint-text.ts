// An LLM's memory footprint and crossover batch in words, for their findings and the reports' "Tokens" lines.
import { byteCount, wholeNumber } from './format.js';
import type { Result } from './results.js';

type Footprint = NonNullable<Result['footprint']>;

/** '(weights 16.0 GB, KV cache 540 MB, activations 1.00 MB)' */
const split = (footprint: Footprint): string =>
  `(weights ${byteCount(footprint.weightsBytes)}, KV cache ${byteCount(footprint.kvBytes)}, activations ${byteCount(footprint.activationBytes)})`;

/** footprintText({ weightsBytes: 16e9, kvBytes: 5.4e8, activationBytes: 1e6, totalBytes: 16.541e9 }) //=> '16.5 GB (weights 16.0 GB, KV cache 540 MB, activations 1.00 MB)' */
export function footprintText(footprint: Footprint): string {
  return `${byteCount(footprint.totalBytes)} ${split(footprint)}`;
}

/** 'memory 16.5 GB of 85.9 GB (weights ...)': the footprint against the device's memory, where that is known. */
export function memoryText(result: Pick<Result, 'footprint' | 'capacityBytes'>): string | null {
  if (!result.footprint) return null;
  const capacity = result.capacityBytes == null ? ' (device memory not known)' : ` of ${byteCount(result.capacityBytes)}`;
  return `memory ${byteCount(result.footprint.totalBytes)}${capacity} ${split(result.footprint)}`;
}

/**
 * When decode turns compute-bound, after "was" (a finding's baseline):
 *
 *   crossoverText(42) //=> 'from batch 42'; crossoverText(null) //=> 'memory-bound at every batch'
 */
export function crossoverText(crossoverBatch: number | null): string {
  return crossoverBatch === null ? 'memory-bound at every batch' : `from batch ${wholeNumber(crossoverBatch)}`;
}

/** decodeBoundText(42) //=> 'decode compute-bound from batch 42'; decodeBoundText(null) //=> 'decode memory-bound at every batch' */
export function decodeBoundText(crossoverBatch: number | null): string {
  return crossoverBatch === null ? `decode ${crossoverText(null)}` : `decode compute-bound ${crossoverText(crossoverBatch)}`;
}
