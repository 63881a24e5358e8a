// What an LLM workload holds in device memory at once: every weight, the KV cache at its longest, and the
// largest activation. Traffic (the bytes an op moves) is not size: flash attention reads K and V once per
// block of queries, and an MoE pass reads only the experts it touches, so the footprint is counted here,
// from the architecture, and not from the ops' bytes.
import type { ByteKind } from '../types.js';
import type { Architecture } from './architecture.js';
import type { Workload } from './generate.js';
import { parameterCount, passOps, type Attention, type Pass } from './ops.js';

/** Bytes a workload keeps resident on one device, by what they hold. */
export interface Footprint {
  /** Every parameter once (all experts of an MoE, a tied lm_head once), at the weights' width. */
  weightsBytes: number;
  /** K and V of every layer for every token each sequence holds at the end of the workload, at the KV width. */
  kvBytes: number;
  /** The largest activation traffic of one op of one layer (its inputs and outputs, live together). */
  activationBytes: number;
  totalBytes: number;
}

/**
 * Tokens each sequence holds in its KV cache at the end: the cached ones and the new one (decode), the
 * prompt (prefill), the prompt and every generated token (generate); a sliding window keeps at most its width.
 */
export function tokensHeld(arch: Architecture, workload: Workload): number {
  const held = workload.phase === 'decode' ? workload.context + 1 : workload.prompt + (workload.phase === 'generate' ? workload.generate : 0);
  return Math.min(held, arch.window ?? Infinity);
}

/**
 * The footprint of `workload` with `bits` per kind. For Llama-2-7B (6.74e9 parameters) at fp16, batch 1,
 * decode against 2047 cached tokens: weights 13.5 GB, KV 2 x 32 layers x 4096 x 2048 tokens x 2 B = 1.07 GB.
 */
export function footprint(arch: Architecture, workload: Workload, bits: Record<ByteKind, number>): Footprint {
  const weightsBytes = (parameterCount(arch) * bits.weights) / 8;
  const kvElements = 2 * arch.layers * arch.kvHeads * arch.headDim * workload.batch * tokensHeld(arch, workload);
  const kvBytes = (kvElements * bits.kv) / 8;
  const activationBytes = (largestActivation(arch, workload) * bits.activations) / 8;
  return { weightsBytes, kvBytes, activationBytes, totalBytes: weightsBytes + kvBytes + activationBytes };
}

/** Elements of the largest activation of any op in the workload's passes (the prefill, or its last decode step). */
function largestActivation(arch: Architecture, workload: Workload): number {
  const { batch: sequences, attention } = workload;
  const passes: Pass[] = workload.phase === 'decode'
    ? [{ sequences, tokens: 1, cached: workload.context }]
    : [{ sequences, tokens: workload.prompt, cached: 0 }];
  if (workload.phase === 'generate') passes.push({ sequences, tokens: 1, cached: workload.prompt + workload.generate - 1 });
  return Math.max(...passes.map((pass) => largestOf(arch, pass, attention)));
}

function largestOf(arch: Architecture, pass: Pass, attention: Attention): number {
  return Math.max(...passOps(arch, pass, attention).map((row) => row.activations));
}
