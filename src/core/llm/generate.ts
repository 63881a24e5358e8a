// An LLM workload (phase, batch, context) turned into an ordinary op list: what `llm:` on a model stands
// for, and what `roofline-gate generate` prints. Bytes are the elements of ops.ts at each kind's width.
import { OUTERMOST } from '../roofline.js';
import type { ByteKind, Op } from '../types.js';
import type { Architecture } from './architecture.js';
import { footprint, type Footprint } from './footprint.js';
import { attentionOps, passOps, sumOfMin, type Attention, type OpCount, type Pass } from './ops.js';

export const PHASES = ['prefill', 'decode', 'generate'] as const;

/**
 * The most tokens a context, prompt, batch or generate count may be: ten million, past any context window
 * served today, and few enough that summing windowed decode steps one by one stays well under a second.
 */
export const MAX_TOKENS = 10_000_000;
export type Phase = (typeof PHASES)[number];

/** What `llm:` asks for, its cross-field rules checked (resolve.ts). */
export interface Workload {
  phase: Phase;
  /** Sequences served together. */
  batch: number;
  /** decode: tokens already in the KV cache of each sequence. */
  context: number;
  /** prefill and generate: prompt tokens of each sequence. */
  prompt: number;
  /** generate: decode steps after the prefill. */
  generate: number;
  attention: Attention;
}

/** How a generated model's ops divide into phases, for time to first token and time per output token. */
export interface LlmPhases {
  /** The first `prefillOps` ops are the prefill (0 for decode); the rest are the decode steps, summed. */
  prefillOps: number;
  /** Decode steps the rest of the ops add up (0 for prefill). */
  decodeSteps: number;
}

export interface Generated {
  ops: Op[];
  /** Tokens a pass yields, the model's batch for throughput: prompt tokens (prefill), generated ones otherwise. */
  tokens: number;
  phases: LlmPhases;
  /** What the workload keeps in device memory (footprint.ts). */
  footprint: Footprint;
}

/** The op list of a workload, bytes at `bits` per kind, all at the outermost level (DRAM/HBM). */
export function generateOps(arch: Architecture, workload: Workload, bits: Record<ByteKind, number>): Generated {
  return { ...generatedOps(arch, workload, bits), footprint: footprint(arch, workload, bits) };
}

function generatedOps(arch: Architecture, workload: Workload, bits: Record<ByteKind, number>): Omit<Generated, 'footprint'> {
  const { batch: b, attention } = workload;
  const toOps = (rows: OpCount[], prefix = '') => rows.map((row) => toOp(row, bits, prefix));
  if (workload.phase === 'prefill') {
    const ops = toOps(passOps(arch, { sequences: b, tokens: workload.prompt, cached: 0 }, attention));
    return { ops, tokens: b * workload.prompt, phases: { prefillOps: ops.length, decodeSteps: 0 } };
  }
  if (workload.phase === 'decode') {
    const ops = toOps(passOps(arch, { sequences: b, tokens: 1, cached: workload.context }, attention));
    return { ops, tokens: b, phases: { prefillOps: 0, decodeSteps: 1 } };
  }
  const prefill = toOps(passOps(arch, { sequences: b, tokens: workload.prompt, cached: 0 }, attention), 'prefill.');
  const decode = toOps(decodeSteps(arch, b, workload.prompt, workload.generate, attention), 'decode.');
  return { ops: [...prefill, ...decode], tokens: b * workload.generate, phases: { prefillOps: prefill.length, decodeSteps: workload.generate } };
}

/**
 * `steps` decode steps summed, step j attending `prompt + j` cached tokens. Each count is affine in the
 * context, so the sum is `steps` times the step at the mean context, exactly. A window caps the keys a
 * flash kernel sees at min(context + 1, window): its attention is taken at the mean of that instead.
 */
export function decodeSteps(arch: Architecture, sequences: number, prompt: number, steps: number, attention: Attention): OpCount[] {
  const step = (cached: number): Pass => ({ sequences, tokens: 1, cached });
  const rows = passOps(arch, step(prompt + (steps - 1) / 2), attention);
  if (arch.window !== null && attention === 'flash') {
    const meanKeys = sumOfMin(prompt + 1, prompt + steps, arch.window) / steps;
    const [windowed] = attentionOps(arch, step(meanKeys - 1), attention);
    rows[rows.findIndex((row) => row.name === windowed!.name)] = windowed!;
  }
  return rows.map((row) => scaled(row, steps));
}

function scaled(row: OpCount, factor: number): OpCount {
  return { ...row, flops: row.flops * factor, weights: row.weights * factor, activations: row.activations * factor, kv: row.kv * factor };
}

/** A row (one layer's op, standing for `layers` of them) as an op of the model. */
function toOp(row: OpCount, bits: Record<ByteKind, number>, prefix: string): Op {
  const split = {
    weights: (row.weights * row.layers * bits.weights) / 8,
    activations: (row.activations * row.layers * bits.activations) / 8,
    kv: (row.kv * row.layers * bits.kv) / 8,
  };
  return {
    name: prefix + row.name,
    flops: row.flops * row.layers,
    bytes: { [OUTERMOST]: split.weights + split.activations + split.kv },
    kinds: { [OUTERMOST]: split },
  };
}
