// The crossover batch: the smallest batch at which a decode step turns compute-bound on a device, the batch
// past which serving more sequences together costs time instead of coming nearly free. Found by bisection on
// the generator itself, so it is exact (to the batch) for every op the generator models, MoE included,
// where the experts touched grow with the batch and the step's bytes are not affine in it.
import type { ByteKind } from '../types.js';
import type { Architecture } from './architecture.js';
import { decodeSteps, MAX_TOKENS, type Workload } from './generate.js';
import { passOps, type OpCount } from './ops.js';

/** A device's roof and outermost eave, in the units of the roofline (FLOP/s, bytes/s). */
export interface Roof {
  flopsPerSecond: number;
  bytesPerSecond: number;
}

/**
 * The smallest batch (1 to MAX_TOKENS) at which the decode step of `workload` (its decode steps, for a
 * generate) is compute-bound under `roof` at its aggregate intensity, as the result's `bound` is; null when
 * it is memory-bound at every batch (the KV cache and activations alone keep it below the ridge), and for a
 * prefill, which has no decode step.
 *
 * The step's intensity rises with the batch (FLOPs grow as b, bytes as weights + b x the rest, and the
 * experts an MoE touches, a concave function of b, never faster), so the compute-bound batches are all
 * those from the crossover on.
 */
export function crossoverBatch(arch: Architecture, workload: Workload, bits: Record<ByteKind, number>, roof: Roof): number | null {
  if (workload.phase === 'prefill') return null;
  const computeBound = (batch: number): boolean => {
    const rows = workload.phase === 'decode'
      ? passOps(arch, { sequences: batch, tokens: 1, cached: workload.context }, workload.attention)
      : decodeSteps(arch, batch, workload.prompt, workload.generate, workload.attention);
    const { flops, bytes } = totals(rows, bits);
    // The comparison place() makes: memory-bound when B x I falls below P.
    return bytes === 0 || roof.bytesPerSecond * (flops / bytes) >= roof.flopsPerSecond;
  };
  if (!computeBound(MAX_TOKENS)) return null;
  let [memory, compute] = [0, MAX_TOKENS]; // memory-bound at `memory` (0 stands for "none"), compute-bound at `compute`
  while (compute - memory > 1) {
    const middle = Math.floor((memory + compute) / 2);
    if (computeBound(middle)) compute = middle;
    else memory = middle;
  }
  return compute;
}

function totals(rows: readonly OpCount[], bits: Record<ByteKind, number>): { flops: number; bytes: number } {
  let flops = 0;
  let bytes = 0;
  for (const row of rows) {
    flops += row.flops * row.layers;
    bytes += ((row.weights * bits.weights + row.activations * bits.activations + row.kv * bits.kv) * row.layers) / 8;
  }
  return { flops, bytes };
}
