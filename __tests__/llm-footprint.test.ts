// What an `llm:` workload keeps in device memory, and the exceeds-memory rule, against arithmetic done by
// hand in the comments (the configs of __tests__/fixtures/llm, as in llm.test.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../src/core/config/index.js';
import { buildReport } from '../src/core/report/build.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { renderText } from '../src/core/report/text.js';
import { architectureFromText } from '../src/core/llm/architecture.js';
import { footprint } from '../src/core/llm/footprint.js';
import { loadConfig } from '../src/shell/load-config.js';
import { workingTree } from '../src/shell/sources.js';
import { FIXTURES, FP16, read, workload } from './__fixtures__/llm.js';


// tiny: h = 64, i = 128, L = 2, H = 4, 2 KV heads, d = 16, V = 100, untied. Parameters: embedding and
// lm_head 100*64 = 6400 each; per layer q 4096, k 2048, v 2048, o 4096, gate, up and down 8192 each, two
// norms 128: 36,992, x2 = 73,984; final norm 64. 6400 + 6400 + 73,984 + 64 = 86,848, x2 B = 173,696 B.
describe('the footprint, by hand', () => {
  const tiny = read('tiny');

  it('decode, batch 2, context 10: weights, the cache with the new token, the widest op', () => {
    // KV: each sequence holds its 10 cached tokens and the new one, 11: 2 (K, V) x 2 layers x 2 KV heads x
    // 16 x 2 sequences x 11 = 2816 elements, 5632 B. Largest activation: act_mul reads gate and up and
    // writes their product, 3 x T x i = 3 x 2 x 128 = 768 elements (1536 B); gate_proj is 2*64 + 2*128 = 384.
    expect(footprint(tiny, workload({ batch: 2, context: 10 }), FP16)).toEqual({
      weightsBytes: 173_696, kvBytes: 5632, activationBytes: 1536, totalBytes: 180_864,
    });
  });

  it('prefill holds the prompt; generate the prompt and every generated token; bits per kind', () => {
    // Prefill of 8 tokens, batch 1: KV 2*2*2*16*8 = 1024 elements; largest act_mul 3 x 8 x 128 = 3072.
    // 4-bit weights: 86,848 / 2 = 43,424 B; 8-bit KV 1024 B; fp16 activations 6144 B.
    expect(footprint(tiny, workload({ phase: 'prefill', prompt: 8 }), { weights: 4, activations: 16, kv: 8 })).toEqual({
      weightsBytes: 43_424, kvBytes: 1024, activationBytes: 6144, totalBytes: 50_592,
    });
    // Generate 8 + 5: the cache ends at 13 tokens, 2*2*2*16*13 = 1664 elements, 3328 B; the prefill's
    // act_mul (3072 elements, 6144 B) is wider than any decode step's.
    expect(footprint(tiny, workload({ phase: 'generate', prompt: 8, generate: 5 }), FP16)).toEqual({
      weightsBytes: 173_696, kvBytes: 3328, activationBytes: 6144, totalBytes: 183_168,
    });
  });

  it('plain attention materialises the scores: the largest activation of a long prefill', () => {
    // Prefill of 200 tokens: qk_matmul reads Q (200 x 4 x 16 = 12,800) and writes the scores
    // (4 x 200 x 200 = 160,000): 172,800; softmax reads and writes them, 320,000, the largest (act_mul is
    // 3 x 200 x 128 = 76,800). x2 B = 640,000 B.
    expect(footprint(tiny, workload({ phase: 'prefill', prompt: 200, attention: 'plain' }), FP16).activationBytes).toBe(640_000);
  });

  it('a sliding window keeps at most its width of the cache', () => {
    const text = readFileSync(path.join(FIXTURES, 'tiny', 'config.json'), 'utf8');
    const windowed = architectureFromText(JSON.stringify({ ...JSON.parse(text), sliding_window: 4 }), 'windowed.json');
    // 4 tokens held, not 11: 2*2*2*16*2*4 = 1024 elements, 2048 B.
    expect(footprint(windowed, workload({ batch: 2, context: 10 }), FP16).kvBytes).toBe(2048);
  });

  it('an MoE counts every expert\'s weights, not only those a pass touches', () => {
    const moe = read('tiny-moe');
    const one = footprint(moe, workload({ batch: 1, context: 10 }), FP16);
    const many = footprint(moe, workload({ batch: 64, context: 10 }), FP16);
    expect(one.weightsBytes).toBe(many.weightsBytes);
  });

  it('Llama-2-7B decode at batch 1, context 2048, fp16', () => {
    // Weights 6,738,415,616 parameters x 2 B = 13,476,831,232 B (llm.test.ts). KV: 2049 tokens x 2 x 32
    // layers x 32 heads x 128 = 537,133,056 elements, 1,074,266,112 B. Largest activation: lm_head reads
    // h = 4096 and writes V = 32,000 logits, 36,096 elements (72,192 B), more than act_mul's 3 x 11,008.
    expect(footprint(read('llama-2-7b'), workload({ context: 2048 }), FP16)).toEqual({
      weightsBytes: 13_476_831_232, kvBytes: 1_074_266_112, activationBytes: 72_192, totalBytes: 14_551_169_536,
    });
  });
});

describe('exceeds-memory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'roofline-footprint-'));
    mkdirSync(path.join(dir, 'models'), { recursive: true });
    cpSync(path.join(FIXTURES, 'llama-2-7b', 'config.json'), path.join(dir, 'models', 'config.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const load = async (gate = ''): Promise<Config> => {
    const file = path.join(dir, 'roofline.yml');
    writeFileSync(file, `version: 1
hardware: [a100-sxm4-80gb, small, unsized]
devices:
  small: { compute: { fp16: 100 TFLOP/s }, memory: { dram: 1 TB/s }, capacity: 14 GB }
  unsized: { compute: { fp16: 100 TFLOP/s }, memory: { dram: 1 TB/s } }
models:
  - name: llama2
    precision: fp16
    llm: { config: models/config.json, phase: decode, batch: 1, context: 2048 }
${gate}`);
    return (await loadConfig(workingTree(), file))!;
  };

  it('fails where the footprint is more than the device memory, with the capacity on every result', async () => {
    const report = buildReport(await load(), null, null);
    // 80 GiB = 85,899,345,920 B from the catalog; 14 GB as given; none for the device that gives none.
    // (The time per token on small: 14,300,363,264 B moved, llm.test.ts, at 1 TB/s: 14.3 ms.)
    expect(report.results.map((result) => result.capacityBytes)).toEqual([85_899_345_920, 14e9, null]);
    expect(report.results[0]!.footprint!.totalBytes).toBe(14_551_169_536);
    expect(report.findings.filter((finding) => finding.rule === 'exceeds-memory')).toEqual([{
      rule: 'exceeds-memory', severity: 'fail', model: 'llama2', hardware: 'small',
      message: 'llama2 on small: needs 14.6 GB (weights 13.5 GB, KV cache 1.07 GB, activations 72.2 kB), more than its 14.0 GB of memory',
      after: 14_551_169_536, limit: 14e9,
    }]);
    expect(report.status).toBe('fail');
  });

  it('can be turned to a warning or off, per model too', async () => {
    expect(buildReport(await load('gate: { exceeds-memory: warn }\n'), null, null).findings.map((f) => f.severity)).toEqual(['warn']);
    expect(buildReport(await load('gate: { models: { llama2: { exceeds-memory: off } } }\n'), null, null).findings).toEqual([]);
  });

  it('the text and Markdown reports show the footprint against the memory', async () => {
    const report = buildReport(await load(), null, null);
    const line = 'memory 14.6 GB of 14.0 GB (weights 13.5 GB, KV cache 1.07 GB, activations 72.2 kB)';
    // Decode against 2048 cached tokens tends to 14.3 GFLOP over 1.09 GB per sequence, 13 FLOP/B: under the ridge of 100.
    expect(renderText(report)).toContain(`  llama2 on small: time per output token 14.3 ms, ${line}, decode memory-bound at every batch\n`);
    expect(renderText(report)).toContain('llama2 on unsized: time per output token 14.3 ms, memory 14.6 GB (device memory not known) (weights');
    expect(renderMarkdown(report, { limit: null })).toContain(`- llama2 on small: time per output token 14.3 ms, ${line}, decode memory-bound at every batch\n`);
  });
});
