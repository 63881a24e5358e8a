// The ops of one forward pass of a decoder-only transformer, in elements moved by kind (weights,
// activations, KV cache) and FLOPs. Every formula of the generator is here, once; README's "How an LLM is
// modelled" lists them. Storage widths are applied later (generate.ts): here an element is an element.
import type { Architecture } from './architecture.js';

/** FLOPs per element of the elementwise ops. Small next to the matmuls; stated so that they can be checked. */
export const FLOP_PER_ELEMENT = {
  /** x² summed, then x * rsqrt(mean) * weight. */
  rmsNorm: 4,
  /** Mean, subtract, square and sum, scale, then weight and bias. */
  layerNorm: 7,
  /** x * cos + rotate(x) * sin. */
  rope: 3,
  /** Max, subtract, exp, sum, divide. */
  softmax: 5,
  /** x * sigmoid(x): negate, exp, add, divide. */
  silu: 4,
  /** The tanh approximation: cube, scale, add, tanh, add, two multiplies, and one for the tanh's cost. */
  gelu: 8,
  add: 1,
} as const;

/** Query rows per block of a flash-attention kernel: K and V are read once per block (FlashAttention-2's 128). */
export const FLASH_QUERY_BLOCK = 128;

export type Attention = 'flash' | 'plain';

/** Which experts' weights an MoE pass counts: those its tokens touch (traffic), or all (the footprint). */
export type WeightsOf = 'touched' | 'all';

/** One forward pass: `tokens` new tokens in each of `sequences` sequences, after `cached` tokens each. */
export interface Pass {
  sequences: number;
  tokens: number;
  cached: number;
}

/** Elements moved by kind, per pass. */
export interface Elements {
  weights: number;
  activations: number;
  kv: number;
}

/** One op of one layer (or of the model, `layers: 1`), and how many layers have it. */
export interface OpCount extends Elements {
  name: string;
  flops: number;
  layers: number;
}

const op = (name: string, layers: number, flops: number, moved: Partial<Elements>): OpCount => ({
  name, layers, flops, weights: moved.weights ?? 0, activations: moved.activations ?? 0, kv: moved.kv ?? 0,
});

/**
 * The ops of a pass in execution order: embedding, each layer's ops (one row per op kind, standing for all
 * the layers that have it), final norm, lm_head.
 */
export function passOps(arch: Architecture, pass: Pass, attention: Attention, weightsOf: WeightsOf = 'touched'): OpCount[] {
  const { hidden: h, layers: L } = arch;
  const T = pass.sequences * pass.tokens;
  const q = arch.heads * arch.headDim;
  const kv = arch.kvHeads * arch.headDim;
  const rows: OpCount[] = [];

  // Embedding: one table row gathered per token (GPT-2 adds a position row too); no multiply-adds.
  const learned = arch.positions === 'learned';
  rows.push(op('embed_tokens', 1, learned || arch.family === 'gemma' ? T * h : 0, { weights: T * h * (learned ? 2 : 1), activations: T * h }));

  rows.push(norm(arch, 'layers.input_norm', L, T, h));
  rows.push(...projectionsIn(arch, L, T, q, kv));
  rows.push(...attentionOps(arch, pass, attention, L));
  rows.push(linear('layers.o_proj', L, T, q, h, arch.outBias, { output: 'activations' }));
  rows.push(residual('layers.attn_residual', L, T, h));
  rows.push(norm(arch, 'layers.post_attention_norm', L, T, h));
  const moe = arch.moe;
  const dense = moe ? moe.denseLayers : L;
  if (dense > 0) rows.push(...mlp(arch, 'layers', dense, T, arch.intermediate));
  if (moe) rows.push(...experts(arch, moe, L - dense, T, weightsOf));
  rows.push(residual('layers.mlp_residual', L, T, h));

  // Logits only for the last token of each sequence: what serving engines compute, in prefill too.
  const last = pass.sequences;
  rows.push(norm(arch, 'final_norm', 1, last, h));
  rows.push(linear('lm_head', 1, last, h, arch.vocab, false, { output: 'activations' }));
  return rows.filter((row) => row.layers > 0);
}

/**
 * `tokens` x `inputs` times `inputs` x `outputs`: 2 FLOP per multiply-add, the weight matrix read once,
 * the input read and the output written (to the KV cache for K and V).
 */
function linear(name: string, layers: number, tokens: number, inputs: number, outputs: number, bias: boolean, to: { output: 'activations' | 'kv' }): OpCount {
  const moved: Partial<Elements> = { weights: inputs * outputs + (bias ? outputs : 0), activations: tokens * inputs };
  moved[to.output] = (moved[to.output] ?? 0) + tokens * outputs;
  return op(name, layers, 2 * tokens * inputs * outputs + (bias ? tokens * outputs : 0), moved);
}

function norm(arch: Architecture, name: string, layers: number, tokens: number, width: number): OpCount {
  const rms = arch.norm === 'rms';
  const perElement = rms ? FLOP_PER_ELEMENT.rmsNorm : FLOP_PER_ELEMENT.layerNorm;
  return op(name, layers, perElement * tokens * width, { weights: rms ? width : 2 * width, activations: 2 * tokens * width });
}

/** x + f(x): both inputs read, the sum written. */
function residual(name: string, layers: number, tokens: number, width: number): OpCount {
  return op(name, layers, FLOP_PER_ELEMENT.add * tokens * width, { activations: 3 * tokens * width });
}

/** Q, K, V projections (Q with all heads, K and V with the KV heads, written to the cache), then RoPE. */
function projectionsIn(arch: Architecture, L: number, T: number, q: number, kv: number): OpCount[] {
  const rows = [
    linear('layers.q_proj', L, T, arch.hidden, q, arch.qkvBias, { output: 'activations' }),
    linear('layers.k_proj', L, T, arch.hidden, kv, arch.qkvBias, { output: 'kv' }),
    linear('layers.v_proj', L, T, arch.hidden, kv, arch.qkvBias, { output: 'kv' }),
  ];
  // Qwen3 normalises each head of Q and K (in place: Q among the activations, K in the cache).
  if (arch.qkNorm) {
    rows.push(op('layers.qk_norm', L, FLOP_PER_ELEMENT.rmsNorm * T * (q + kv), { weights: 2 * arch.headDim, activations: 2 * T * q, kv: 2 * T * kv }));
  }
  if (arch.positions === 'rope') {
    rows.push(op('layers.rope', L, FLOP_PER_ELEMENT.rope * T * (q + kv), { activations: 2 * T * q, kv: 2 * T * kv }));
  }
  return rows;
}

/**
 * Scaled dot-product attention of the pass's new tokens against every key they see. Causal: query i of
 * the new tokens sees the `cached` keys and new keys 0..i, at most `window` of them.
 *
 * plain: scores are materialised for the whole (new x all keys) rectangle, masked: QK^T writes them,
 * softmax reads and writes them, SV reads them (b x heads x new x keys each time).
 * flash: one kernel, no scores in memory; FLOPs only for the keys each query sees; Q read and the output
 * (new x heads x head_dim) written once; K and V read once per block of FLASH_QUERY_BLOCK queries, with the
 * KV-head count (the query heads of a group read their shared K and V together).
 */
export function attentionOps(arch: Architecture, pass: Pass, attention: Attention, L = arch.layers): OpCount[] {
  const { sequences: b, tokens: s, cached: c } = pass;
  const d = arch.headDim;
  const H = arch.heads;
  const kvWidth = arch.kvHeads * d;
  const window = arch.window ?? Infinity;
  const qIn = b * s * H * d;
  if (attention === 'plain') {
    const keys = c + s; // the whole rectangle, masked (a window only masks more of it)
    const scores = b * H * s * keys;
    return [
      op('layers.qk_matmul', L, 2 * scores * d, { activations: qIn + scores, kv: b * keys * kvWidth }),
      op('layers.softmax', L, FLOP_PER_ELEMENT.softmax * scores, { activations: 2 * scores }),
      op('layers.sv_matmul', L, 2 * scores * d, { activations: scores + qIn, kv: b * keys * kvWidth }),
    ];
  }
  const pairs = b * H * keysSeen(s, c, window);
  const flops = 4 * pairs * d + FLOP_PER_ELEMENT.softmax * pairs;
  return [op('layers.attention', L, flops, { activations: 2 * qIn, kv: 2 * b * kvWidth * keysReadByBlocks(s, c, window) })];
}

/** Σ over the s new queries of the keys each sees: min(c + i + 1, window) for i = 0..s-1. */
export function keysSeen(s: number, c: number, window: number): number {
  return sumOfMin(c + 1, c + s, window);
}

/** Σ min(n, w) for n = first..last, in closed form. sumOfMin(1, 4, 3) //=> 1 + 2 + 3 + 3 = 9 */
export function sumOfMin(first: number, last: number, w: number): number {
  if (last < first) return 0;
  const series = (a: number, z: number) => ((a + z) * (z - a + 1)) / 2;
  if (last <= w) return series(first, last);
  if (first >= w) return w * (last - first + 1);
  return series(first, w) + w * (last - w);
}

/**
 * Keys read per sequence and KV head by a flash kernel: each block of queries reads the keys its queries
 * see, from the earliest its first query sees to its last query's position.
 */
export function keysReadByBlocks(s: number, c: number, window: number): number {
  const blocks = Math.ceil(s / FLASH_QUERY_BLOCK);
  if (window === Infinity) return blocks * c + (FLASH_QUERY_BLOCK * blocks * (blocks - 1)) / 2 + s;
  let keys = 0;
  for (let block = 0; block < blocks; block++) {
    const start = block * FLASH_QUERY_BLOCK;
    const end = Math.min(start + FLASH_QUERY_BLOCK, s);
    keys += c + end - Math.max(0, c + start + 1 - window);
  }
  return keys;
}

/** The dense MLP of `layers` layers: gated (gate, up, act * up, down) or plain (fc_in, act, fc_out). */
function mlp(arch: Architecture, prefix: string, layers: number, T: number, inner: number): OpCount[] {
  const h = arch.hidden;
  const act = FLOP_PER_ELEMENT[arch.activation];
  const bias = arch.mlpBias;
  if (arch.mlp === 'plain') {
    return [
      linear(`${prefix}.fc_in`, layers, T, h, inner, bias, { output: 'activations' }),
      op(`${prefix}.act_fn`, layers, act * T * inner, { activations: 2 * T * inner }),
      linear(`${prefix}.fc_out`, layers, T, inner, h, bias, { output: 'activations' }),
    ];
  }
  return [
    linear(`${prefix}.gate_proj`, layers, T, h, inner, bias, { output: 'activations' }),
    linear(`${prefix}.up_proj`, layers, T, h, inner, bias, { output: 'activations' }),
    // act(gate) * up: both read, one written, the activation's FLOPs and one multiply per element.
    op(`${prefix}.act_mul`, layers, (act + 1) * T * inner, { activations: 3 * T * inner }),
    // down_proj reads the intermediate-wide product.
    linear(`${prefix}.down_proj`, layers, T, inner, h, bias, { output: 'activations' }),
  ];
}

/**
 * Expected distinct experts that `tokens` tokens touch, each picking k of E uniformly at random:
 * E * (1 - (1 - k/E)^tokens). expertsTouched(8, 2, 1) //=> 2; expertsTouched(8, 2, 16) //=> 7.92
 */
export function expertsTouched(experts: number, perToken: number, tokens: number): number {
  return experts * (1 - (1 - perToken / experts) ** tokens);
}

/**
 * A mixture-of-experts MLP: the router, the k experts each token goes to (FLOPs for T x k token-expert
 * pairs; weights for the experts the pass touches), the shared expert(s), and the weighted sum.
 */
function experts(arch: Architecture, moe: NonNullable<Architecture['moe']>, layers: number, T: number, weightsOf: WeightsOf): OpCount[] {
  if (layers <= 0) return [];
  const h = arch.hidden;
  const { experts: E, perToken: k, expertIntermediate: inner, sharedIntermediate } = moe;
  const pairs = T * k;
  const touched = weightsOf === 'all' ? E : expertsTouched(E, k, T);
  // One expert's weights, scaled to the experts touched (FLOPs and activations are per token-expert pair).
  const routed = mlp(arch, 'layers.experts', layers, pairs, inner).map((row) => ({ ...row, weights: row.weights * touched }));
  const rows = [
    linear('layers.router', layers, T, h, E, false, { output: 'activations' }),
    ...routed,
    ...(sharedIntermediate > 0 ? mlp(arch, 'layers.shared_experts', layers, T, sharedIntermediate) : []),
    // Σ gate_i * expert_i(x) over the k experts (a multiply and an add each), plus the shared experts' output.
    op('layers.experts_combine', layers, 2 * pairs * h + (sharedIntermediate > 0 ? T * h : 0), {
      activations: pairs * h + (sharedIntermediate > 0 ? T * h : 0) + T * h,
    }),
  ];
  return rows;
}

/** Parameters of the model (the weight footprint): every weight once, a tied lm_head not again. */
export function parameterCount(arch: Architecture): number {
  const { hidden: h, vocab: V } = arch;
  let count = V * h + (arch.tiedEmbeddings ? 0 : V * h) + arch.positionRows * h;
  for (const row of passOps(arch, { sequences: 1, tokens: 1, cached: 0 }, 'flash', 'all')) {
    if (row.name !== 'embed_tokens' && row.name !== 'lm_head') count += row.weights * row.layers;
  }
  return count;
}
