// The LLM generator (SPEC section 6), checked against arithmetic done by hand in the comments: every figure
// below is written out, never computed by the code under test.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../src/core/config/index.js';
import { architectureFromText, type Architecture } from '../src/core/llm/architecture.js';
import { generateOps } from '../src/core/llm/generate.js';
import { expertsTouched, parameterCount } from '../src/core/llm/ops.js';
import { place } from '../src/core/roofline.js';
import type { Device, Model, Op } from '../src/core/types.js';
import { FIXTURES, FP16, read, workload } from './__fixtures__/llm.js';
import { refusal } from './__fixtures__/config-error.js';


/** [name, flops, weights, activations, kv] per op, bytes at DRAM. */
type Row = [string, number, number, number, number];
const rows = (ops: Op[]): Row[] => ops.map((op) => [op.name, op.flops, op.kinds.dram!.weights!, op.kinds.dram!.activations!, op.kinds.dram!.kv!]);
const totals = (ops: Op[]) => ops.reduce(
  (sum, op) => ({ flops: sum.flops + op.flops, weights: sum.weights + op.kinds.dram!.weights!, activations: sum.activations + op.kinds.dram!.activations!, kv: sum.kv + op.kinds.dram!.kv! }),
  { flops: 0, weights: 0, activations: 0, kv: 0 },
);

// tiny: hidden h = 64, intermediate i = 128, L = 2 layers, H = 4 heads, 2 KV heads, head_dim d = 64 / 4 = 16,
// vocab V = 100; so Q is H*d = 64 wide, K and V 2*16 = 32 wide. fp16: every element is 2 bytes. Per-layer
// figures are doubled for the L = 2 layers.
describe('a small config, by hand', () => {
  const tiny = read('tiny');

  it('reads the architecture, with the head size from hidden / heads', () => {
    expect(tiny).toMatchObject({ family: 'llama', hidden: 64, intermediate: 128, layers: 2, heads: 4, kvHeads: 2, headDim: 16, vocab: 100, mlp: 'gated', tiedEmbeddings: false, moe: null });
  });

  it('decode, batch 2, context 10, flash: every op', () => {
    // T = 2 tokens (one per sequence); each attends the 10 cached keys and its own: 11 keys.
    const { ops, tokens, phases } = generateOps(tiny, workload({ batch: 2, context: 10 }), FP16);
    expect(tokens).toBe(2);
    expect(phases).toEqual({ prefillOps: 0, decodeSteps: 1 });
    expect(rows(ops)).toEqual([
      // embedding: T*h = 128 table elements gathered (256 B), 128 written (256 B); no FLOPs.
      ['embed_tokens', 0, 256, 256, 0],
      // RMSNorm: 4 FLOP x T*h = 512 per layer (1024); weight h = 64 (128 el, 256 B); read + write 2*T*h = 256 (512 el, 1024 B).
      ['layers.input_norm', 1024, 256, 1024, 0],
      // q_proj: 2*T*h*(H*d) = 2*2*64*64 = 16384 per layer; weights 64*64 = 4096 (x2 x2 B = 16384 B);
      // reads T*h = 128, writes T*H*d = 128 (the full head count): 256 per layer -> 1024 B.
      ['layers.q_proj', 32768, 16384, 1024, 0],
      // k_proj: 2*2*64*32 = 8192 per layer; weights 64*32 = 2048 (8192 B); reads T*h = 128 (512 B); writes
      // T*32 = 64 to the KV cache (256 B).
      ['layers.k_proj', 16384, 8192, 512, 256],
      ['layers.v_proj', 16384, 8192, 512, 256],
      // RoPE on Q and K: 3 FLOP x T*(64 + 32) = 576 per layer; Q read and written 2*T*64 = 256 (1024 B),
      // K in the cache 2*T*32 = 128 (512 B).
      ['layers.rope', 1152, 0, 1024, 512],
      // flash: pairs = b*H*11 = 88; 4*88*16 + 5*88 = 6072 per layer; Q read + output written 2*(2*4*16) = 256
      // (1024 B); K and V read once with the 2 KV heads: 2 * b * 32 * 11 = 1408 (5632 B).
      ['layers.attention', 12144, 0, 1024, 5632],
      // o_proj: input sized H*d = 64: 2*2*64*64 = 16384; weights 4096 (16384 B); 128 + 128 read/written (1024 B).
      ['layers.o_proj', 32768, 16384, 1024, 0],
      // residual: 1 FLOP x T*h = 128; reads both inputs and writes: 3*128 = 384 (1536 B).
      ['layers.attn_residual', 256, 0, 1536, 0],
      ['layers.post_attention_norm', 1024, 256, 1024, 0],
      // gate/up: 2*2*64*128 = 32768; weights 8192 (32768 B); read T*h = 128, write T*i = 256: 384 (1536 B).
      ['layers.gate_proj', 65536, 32768, 1536, 0],
      ['layers.up_proj', 65536, 32768, 1536, 0],
      // silu(gate) * up: (4 + 1) x T*i = 1280; reads 2*256, writes 256: 768 (3072 B).
      ['layers.act_mul', 2560, 0, 3072, 0],
      // down_proj reads the intermediate-wide T*i = 256, writes T*h = 128: 384 (1536 B).
      ['layers.down_proj', 65536, 32768, 1536, 0],
      ['layers.mlp_residual', 256, 0, 1536, 0],
      // once: 4 x 2*64 = 512; weight 64 (128 B); 256 el (512 B).
      ['final_norm', 512, 128, 512, 0],
      // lm_head at 2 FLOP per multiply-add: 2*2*64*100 = 25600; weights 6400 (12800 B); reads 128, writes
      // 2*100 logits: 328 (656 B).
      ['lm_head', 25600, 12800, 656, 0],
    ]);
  });

  it('plain attention materialises the scores: QK^T writes them, softmax reads and writes, SV reads them', () => {
    const { ops } = generateOps(tiny, workload({ batch: 2, context: 10, attention: 'plain' }), FP16);
    // scores = b*H*1*11 = 88. QK^T: 2*88*16 = 2816 per layer; reads Q 2*4*16 = 128, writes 88 (216 el, 864 B);
    // reads K b*11*32 = 704 (2816 B). softmax: 5*88 = 440; 176 el (704 B). SV: reads scores, writes the output.
    expect(rows(ops).filter(([name]) => /qk_matmul|softmax|sv_matmul/.test(name))).toEqual([
      ['layers.qk_matmul', 5632, 0, 864, 2816],
      ['layers.softmax', 880, 0, 704, 0],
      ['layers.sv_matmul', 5632, 0, 864, 2816],
    ]);
  });

  it('prefill of 200 tokens: causal pairs, K/V read once per block of 128 queries, logits for the last token', () => {
    const { ops, tokens } = generateOps(tiny, workload({ phase: 'prefill', prompt: 200 }), FP16);
    expect(tokens).toBe(200);
    const byName = new Map(rows(ops).map((row) => [row[0], row]));
    // Keys seen: 1 + 2 + ... + 200 = 20100; x H = 4: 80400 pairs. 4*80400*16 + 5*80400 = 5,547,600 per layer.
    // Blocks: queries 0-127 read keys 0-127 (128), queries 128-199 read keys 0-199 (200): 328 keys, K and V,
    // 32 wide: 2*328*32 = 20992 el per layer, x2 layers x2 B = 83968 B. Q and output: 2*200*64 = 25600 el.
    expect(byName.get('layers.attention')).toEqual(['layers.attention', 11_095_200, 0, 102_400, 83_968]);
    // Q with all 4 heads: 200 tokens x 64 written, 200 x 64 read: 25600 el per layer.
    expect(byName.get('layers.q_proj')).toEqual(['layers.q_proj', 3_276_800, 16384, 102_400, 0]);
    // lm_head only for the last token of the sequence: 2*1*64*100.
    expect(byName.get('lm_head')).toEqual(['lm_head', 12800, 12800, 328, 0]);
  });

  it('bits: rescale each kind alone', () => {
    const { ops } = generateOps(tiny, workload({ batch: 2, context: 10 }), { weights: 4, activations: 16, kv: 8 });
    // k_proj: 4096 weight elements at 4 bits = 2048 B; 256 activation elements at 2 B = 512 B; 128 KV at 1 B.
    expect(rows(ops).find(([name]) => name === 'layers.k_proj')).toEqual(['layers.k_proj', 16384, 2048, 512, 128]);
  });

  it('generate: the prefill, then each decode step one token longer, summed; TTFT and TPOT from the two', () => {
    const { ops, tokens, phases } = generateOps(tiny, workload({ phase: 'generate', prompt: 10, generate: 3 }), FP16);
    expect(tokens).toBe(3);
    expect(phases).toEqual({ prefillOps: 17, decodeSteps: 3 });
    const attention = rows(ops).find(([name]) => name === 'decode.layers.attention')!;
    // Steps attend 11, 12 and 13 keys: 36. flops 36 * 4 heads * (4*16 + 5) = 9936 per layer;
    // KV 2 * 32 * 36 = 2304 el per layer (x2 layers x2 B = 9216 B); Q + output 3 steps * 2*64 = 384 el (1536 B).
    expect(attention).toEqual(['decode.layers.attention', 19872, 0, 1536, 9216]);
    expect(ops[0]!.name).toBe('prefill.embed_tokens');

    // On a device with 1 PFLOP/s and 1 TB/s every op here is memory-bound: time = bytes / 1e12.
    const device: Device = { id: 'd', name: 'd', flopsPerSecond: { fp16: 1e15 }, levels: [{ name: 'dram', bytesPerSecond: 1e12 }], builtIn: false };
    const result = place(modelOf(ops, phases, tokens), device);
    const prefillBytes = ops.slice(0, 17).reduce((sum, op) => sum + op.bytes.dram!, 0);
    expect(result.ttftSeconds).toBeCloseTo(prefillBytes / 1e12, 15);
    expect(result.tpotSeconds).toBeCloseTo((result.seconds - prefillBytes / 1e12) / 3, 15);
  });

  it('a sliding window caps the keys a query sees', () => {
    const windowed = architectureFromText(JSON.stringify({ ...JSON.parse(readFileSync(path.join(FIXTURES, 'tiny', 'config.json'), 'utf8')), model_type: 'mistral', sliding_window: 8 }), 'w.json');
    const { ops } = generateOps(windowed, workload({ batch: 2, context: 10 }), FP16);
    // 8 keys instead of 11: pairs 2*4*8 = 64, 64*(64 + 5) = 4416 per layer; K/V 2*2*32*8 = 1024 el (4096 B).
    expect(rows(ops).find(([name]) => name === 'layers.attention')).toEqual(['layers.attention', 8832, 0, 1024, 4096]);
  });
});

function modelOf(ops: Op[], phases: Model['phases'], batch: number): Model {
  const flops = ops.reduce((sum, op) => sum + op.flops, 0);
  const dram = ops.reduce((sum, op) => sum + op.bytes.dram!, 0);
  return { name: 'm', precision: 'fp16', flops, bytes: { dram }, kinds: {}, bits: FP16, batch, ops, hardware: ['d'], measuredSeconds: {}, ...(phases && { phases }) };
}

describe('Llama-2-7B, decode at batch 1, context 2048, fp16', () => {
  const llama = read('llama-2-7b');
  const { ops } = generateOps(llama, workload({ context: 2048 }), FP16);

  it('has 6.74e9 parameters: 13.5 GB of weights at 2 bytes', () => {
    // Embedding 32000*4096 = 131,072,000, lm_head the same (untied). Per layer: attention 4*4096² =
    // 67,108,864; MLP 3*4096*11008 = 135,266,304; two norms 8192: 202,383,360, x32 = 6,476,267,520.
    // Total 6,476,267,520 + 262,144,000 + 4096 (final norm) = 6,738,415,616; x2 B = 13,476,831,232 B.
    expect(parameterCount(llama)).toBe(6_738_415_616);
  });

  it('reads every weight but the embedding table once, and the whole KV cache once', () => {
    // Weights read: the 32 layers (6,476,267,520) + lm_head 131,072,000 + final norm 4096 + one embedding
    // row 4096 = 6,607,347,712 elements, x2 B = 13,214,695,424 B.
    // KV per layer: K and V written 4096 each, K rotated in place 2*4096, attention reads K and V for the
    // 2049 keys: 2*32*128*2049 = 16,785,408; 16,801,792 per layer, x32 x2 B = 1,075,314,688 B.
    // Activations per layer (elements): norms 2 x 8192, q_proj 8192, k/v 4096 each, rope 8192, attention 8192,
    // o_proj 8192, residuals 2 x 12288, gate/up/down 3 x 15104, act_mul 33024: 160,256; x32 = 5,128,192;
    // + embedding 4096 + final norm 8192 + lm_head 4096 + 32000 = 5,176,576, x2 B = 10,353,152 B.
    // FLOPs per layer: linears 2 x 202,375,168 weights = 404,750,336; attention 2049 keys x 32 heads x
    // (4*128 + 5) = 33,898,656; norms 2 x 16384; rope 3*8192 = 24576; residuals 2 x 4096; act_mul 5*11008:
    // 438,769,568, x32 = 14,040,626,176; + lm_head 2*4096*32000 = 262,144,000 + final norm 16384 = 14,302,786,560.
    expect(totals(ops)).toEqual({ flops: 14_302_786_560, weights: 13_214_695_424, activations: 10_353_152, kv: 1_075_314_688 });
  });
});

describe('grouped-query attention', () => {
  it('Q keeps all the heads, K and V the KV heads: halving the KV heads halves only the KV traffic', () => {
    const text = readFileSync(path.join(FIXTURES, 'tiny', 'config.json'), 'utf8');
    const mha = architectureFromText(JSON.stringify({ ...JSON.parse(text), num_key_value_heads: undefined }), 'mha.json');
    expect(mha.kvHeads).toBe(4); // absent: multi-head attention
    const gqa = read('tiny');
    const attention = (arch: Architecture) => rows(generateOps(arch, workload({ batch: 2, context: 10 }), FP16).ops).find(([name]) => name === 'layers.attention')!;
    // MHA: K and V 64 wide: 2*2*64*11 = 2816 el per layer (11264 B); GQA: 5632 B. Q, output and FLOPs alike.
    expect(attention(mha)).toEqual(['layers.attention', 12144, 0, 1024, 11264]);
    expect(attention(gqa)).toEqual(['layers.attention', 12144, 0, 1024, 5632]);
  });
});

describe('mixture of experts', () => {
  const moe = read('tiny-moe');

  it('expects E * (1 - (1 - k/E)^tokens) distinct experts touched', () => {
    // 8 * (1 - 0.75^2) = 8 * 0.4375 = 3.5; one token touches exactly k = 2.
    expect(expertsTouched(8, 2, 2)).toBe(3.5);
    expect(expertsTouched(8, 2, 1)).toBe(2);
  });

  it('FLOPs for the k active experts per token, weights for the experts the batch touches', () => {
    const { ops } = generateOps(moe, workload({ batch: 2, context: 10 }), FP16);
    const byName = new Map(rows(ops).map((row) => [row[0], row]));
    // router: 2*2*64*8 = 2048 per layer; weights 64*8 = 512 (2048 B); reads 128, writes 2*8 = 16 (576 B).
    expect(byName.get('layers.router')).toEqual(['layers.router', 4096, 2048, 576, 0]);
    // gate_proj over T*k = 4 token-expert pairs: 2*4*64*128 = 65536 per layer; weights 3.5 experts x 8192 =
    // 28672 (x2 x2 B = 114688 B); reads 4*64, writes 4*128: 768 (3072 B).
    expect(byName.get('layers.experts.gate_proj')).toEqual(['layers.experts.gate_proj', 131072, 114688, 3072, 0]);
    // combine: 2 FLOP x 4 pairs x 64 = 512; reads 4*64, writes 2*64: 384 (1536 B).
    expect(byName.get('layers.experts_combine')).toEqual(['layers.experts_combine', 1024, 0, 1536, 0]);
  });

  it('counts all the experts in the footprint', () => {
    // embed + lm_head 2*6400; per layer norms 128, q 4096, k 2048, v 2048, o 4096, router 512,
    // 8 experts x 3 x 8192 = 196,608: 209,536, x2 = 419,072; final norm 64: 431,936.
    expect(parameterCount(moe)).toBe(431_936);
  });
});

describe('GPT-2', () => {
  const gpt2 = read('gpt2');

  it('reads n_embd, n_layer, n_head; n_inner null is 4 x n_embd; a plain MLP with biases and LayerNorm', () => {
    expect(gpt2).toMatchObject({ hidden: 768, layers: 12, heads: 12, kvHeads: 12, headDim: 64, intermediate: 3072, mlp: 'plain', activation: 'gelu', norm: 'layer', positions: 'learned', tiedEmbeddings: true });
  });

  it('has the 124,439,808 parameters of GPT-2 small', () => {
    // wte 50257*768 = 38,597,376; wpe 1024*768 = 786,432; per layer: two LayerNorms 2*1536, c_attn
    // 768*2304 + 2304 = 1,771,776, c_proj 768*768 + 768 = 590,592, c_fc 768*3072 + 3072 = 2,362,368,
    // mlp c_proj 3072*768 + 768 = 2,360,064: 7,087,872, x12 = 85,054,464; ln_f 1536. lm_head is tied.
    expect(parameterCount(gpt2)).toBe(124_439_808);
  });

  it('decode ops: fc_in, act_fn, fc_out; the position row gathered with the token row', () => {
    const { ops } = generateOps(gpt2, workload({ context: 100 }), FP16);
    const names = ops.map((op) => op.name);
    expect(names).toEqual(expect.arrayContaining(['layers.fc_in', 'layers.act_fn', 'layers.fc_out']));
    expect(names).not.toContain('layers.rope');
    // embedding: token and position rows, 2*768 elements (3072 B); their sum: 768 FLOPs, 768 written.
    expect(rows(ops)[0]).toEqual(['embed_tokens', 768, 3072, 1536, 0]);
  });
});

describe('what it cannot model is an error naming the key', () => {
  const error = (text: string, file = 'config.json'): ConfigError => refusal(() => architectureFromText(text, file));

  it('a missing intermediate_size', () => {
    const file = path.join(FIXTURES, 'no-intermediate', 'config.json');
    const caught = error(readFileSync(file, 'utf8'), file);
    expect(caught).toBeInstanceOf(ConfigError);
    expect(caught.issues).toHaveLength(1);
    expect(caught.issues[0]!.message).toBe('no `intermediate_size`: the MLP width of a mistral model');
    expect(caught.issues[0]!.file).toBe(file);
  });

  it('no model_type, an unknown one, and one with attention it does not model', () => {
    expect(error('{ "hidden_size": 64 }').issues[0]!.message).toMatch(/^no `model_type`: the generator needs it/);
    expect(error('{ "model_type": "mamba" }').issues[0]).toMatchObject({ path: 'model_type', line: 1, message: expect.stringMatching(/^model_type "mamba" is not one the generator models/) });
    expect(error('{ "model_type": "deepseek_v3" }').issues[0]!.message).toBe('model_type "deepseek_v3" uses multi-head latent attention (kv_lora_rank), which the generator does not model');
  });

  it('a wrong value at its line, and KV heads that do not divide the heads', () => {
    const caught = error('{\n  "model_type": "llama",\n  "hidden_size": "4096",\n  "intermediate_size": 128,\n  "num_hidden_layers": 2,\n  "num_attention_heads": 4,\n  "num_key_value_heads": 3,\n  "vocab_size": 100\n}');
    expect(caught.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [3, 'expected a positive whole number for `hidden_size` (the hidden size), got "4096"'],
      [7, 'num_key_value_heads (3) must divide num_attention_heads (4): each KV head serves a whole group of query heads'],
    ]);
  });
});
