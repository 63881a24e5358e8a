// Sweeps of `llm:` models (one result per batch or context), the crossover batch, and the
// max-crossover-batch budget, against arithmetic done by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../src/core/config/index.js';
import { geometry } from '../src/core/chart/geometry.js';
import { panelPairs } from '../src/core/chart/ops-view.js';
import { crossoverBatch } from '../src/core/llm/crossover.js';
import { buildReport } from '../src/core/report/build.js';
import { renderText } from '../src/core/report/text.js';
import { placeAll } from '../src/core/roofline.js';
import { loadConfig } from '../src/shell/load-config.js';
import { workingTree } from '../src/shell/sources.js';
import { FIXTURES, FP16, read, workload } from './__fixtures__/llm.js';
import { asyncRefusal, pathMessages } from './__fixtures__/config-error.js';

/** A roof with its ridge at `ridge` FLOP/B: `ridge` TFLOP/s over 1 TB/s. */
const roof = (ridge: number) => ({ flopsPerSecond: ridge * 1e12, bytesPerSecond: 1e12 });

// The tiny decode against 10 cached tokens, from the op rows of llm.test.ts (batch 2): FLOPs 339,440, all
// of them per sequence, so F(b) = 169,720 b. Bytes at fp16: weights 161,152, of which the embedding rows
// gathered are 128 per sequence (256 at b = 2) and the rest, 160,896, fixed; activations 19,344 and KV
// 6656, per sequence 9672 and 3328. D(b) = 160,896 + (128 + 9672 + 3328) b = 160,896 + 13,128 b.
// Compute-bound where F(b) / D(b) >= R: b >= 160,896 R / (169,720 - 13,128 R), never when R >= 12.93.
describe('the crossover batch, by hand', () => {
  const tiny = read('tiny');
  const decode = workload({ context: 10 });

  it('is the first batch whose intensity reaches the ridge', () => {
    // R = 10: b >= 1,608,960 / 38,440 = 41.86. At 42: 7,128,240 / 712,272 = 10.008; at 41: 6,958,520 / 699,144 = 9.953.
    expect(crossoverBatch(tiny, decode, FP16, roof(10))).toBe(42);
    // R = 5: b >= 804,480 / 104,080 = 7.73. At 8: 1,357,760 / 265,920 = 5.106; at 7: 1,188,040 / 252,792 = 4.700.
    expect(crossoverBatch(tiny, decode, FP16, roof(5))).toBe(8);
    // R = 0.5: at b = 1, 169,720 / 174,024 = 0.975 already.
    expect(crossoverBatch(tiny, decode, FP16, roof(0.5))).toBe(1);
  });

  it('is null where the per-sequence bytes alone keep decode below the ridge', () => {
    // 169,720 / 13,128 = 12.93 FLOP/B at any batch: a ridge of 13 is never reached.
    expect(crossoverBatch(tiny, decode, FP16, roof(13))).toBeNull();
  });

  it('falls with narrower weights: 4-bit weights cut the fixed bytes to a quarter', () => {
    // Weights 40,224 fixed + 32 per sequence: D(b) = 40,224 + 13,032 b. R = 10: b >= 402,240 / 39,400 = 10.21 -> 11.
    expect(crossoverBatch(tiny, decode, { weights: 4, activations: 16, kv: 16 }, roof(10))).toBe(11);
  });

  it('is null for a prefill, which has no decode step', () => {
    expect(crossoverBatch(tiny, workload({ phase: 'prefill', prompt: 8 }), FP16, roof(1))).toBeNull();
  });
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roofline-sweep-'));
  mkdirSync(path.join(dir, 'models'), { recursive: true });
  cpSync(path.join(FIXTURES, 'tiny', 'config.json'), path.join(dir, 'models', 'tiny.json'));
  cpSync(path.join(FIXTURES, 'tiny-moe', 'config.json'), path.join(dir, 'models', 'moe.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** d5, d10 and d13 have their fp16 ridges at 5, 10 and 13 FLOP/B (d10 at 5 in base.yml). */
async function load(models: string, rest = '', name = 'roofline.yml'): Promise<Config> {
  const file = path.join(dir, name);
  writeFileSync(file, `version: 1
hardware: [d5, d10]
devices:
  d5: { compute: { fp16: 5 TFLOP/s }, memory: { dram: 1 TB/s } }
  d10: { compute: { fp16: ${name === 'base.yml' ? 5 : 10} TFLOP/s }, memory: { dram: 1 TB/s } }
  d13: { compute: { fp16: 13 TFLOP/s }, memory: { dram: 1 TB/s } }
models:
${models}${rest}`);
  return (await loadConfig(workingTree(), file))!;
}
const tinyModel = (llm: string, extra = '') => `  - name: tiny\n    precision: fp16\n${extra}    llm: { config: models/tiny.json, ${llm} }\n`;

const issues = async (models: string, rest = ''): Promise<string[]> => pathMessages(await asyncRefusal(() => load(models, rest)));

describe('sweeps', () => {
  it('a batch list gives one result per batch, named NAME@bN, each with its sweep and the crossover', async () => {
    const config = await load(tinyModel('phase: decode, batch: [1, 8, 32], context: 10'));
    expect(config.models.map((model) => model.name)).toEqual(['tiny@b1', 'tiny@b8', 'tiny@b32']);
    const results = placeAll(config.models, config.devices);
    // The bound flips at the crossover: on d5 (8) between batch 1 and 8; on d10 (42) past 32.
    expect(results.map((r) => [r.model, r.hardware, r.bound, r.crossoverBatch])).toEqual([
      ['tiny@b1', 'd5', 'memory', 8], ['tiny@b1', 'd10', 'memory', 42],
      ['tiny@b8', 'd5', 'compute', 8], ['tiny@b8', 'd10', 'memory', 42],
      ['tiny@b32', 'd5', 'compute', 8], ['tiny@b32', 'd10', 'memory', 42],
    ]);
    expect(results[2]!.sweep).toEqual({ of: 'tiny', by: 'batch', batch: 8, context: 10 });
    expect(results[2]!.batch).toBe(8);
  });

  it('a context list gives NAME@ctxN; a prefill sweeps its prompt the same way', async () => {
    const decode = await load(tinyModel('phase: decode, batch: 2, context: [10, 100]'));
    expect(decode.models.map((model) => [model.name, model.sweep])).toEqual([
      ['tiny@ctx10', { of: 'tiny', by: 'context', batch: 2, context: 10 }],
      ['tiny@ctx100', { of: 'tiny', by: 'context', batch: 2, context: 100 }],
    ]);
    const prefill = await load(tinyModel('phase: prefill, context: [8, 64]'));
    // A prefill yields its prompt tokens: batch 1 x 8 and 1 x 64; no decode step, so no crossover.
    expect(prefill.models.map((model) => [model.name, model.batch, model.crossoverBatch])).toEqual([['tiny@ctx8', 8, undefined], ['tiny@ctx64', 64, undefined]]);
  });

  it('a model without a list is one result under its own name, with no sweep', async () => {
    const [model] = (await load(tinyModel('phase: decode, batch: 2, context: 10'))).models;
    expect(model!.name).toBe('tiny');
    expect(model!.sweep).toBeUndefined();
    expect(model!.crossoverBatch).toEqual({ d5: 8, d10: 42 });
  });

  it('refuses two lists, a value twice, measured times, and a name another model has', async () => {
    expect(await issues(tinyModel('phase: decode, batch: [1, 2], context: [10, 20]'))).toEqual([
      'models[0].llm.context: sweep one of `batch:` and `context:` per model: give the other sweep a model of its own',
    ]);
    expect(await issues(tinyModel('phase: decode, batch: [1, 8, 1], context: 10'))).toEqual([
      'models[0].llm.batch: the sweep of `batch:` lists 1 twice: each value is one result',
    ]);
    expect(await issues(tinyModel('phase: decode, batch: [1, 8], context: 10', '    measured: { d5: 1 ms }\n'))).toEqual([
      'models[0].measured: a sweep has one result per value: give measured times on a model of one batch and context',
    ]);
    const clash = `  - name: tiny@b8\n    precision: fp16\n    flops: 1 GFLOP\n    bytes: 1 GB\n${tinyModel('phase: decode, batch: [1, 8], context: 10')}`;
    expect(await issues(clash)).toEqual(['models[1].name: the sweep\'s result "tiny@b8" has the name of models[0]: rename one of them']);
  });

  it('gate.models by the swept name applies to every point; by a point\'s name, to that point', async () => {
    const config = await load(tinyModel('phase: decode, batch: [1, 8], context: 10'), 'gate: { models: { tiny: { budgets: { max-latency: 1 ns } }, tiny@b8: { budgets: { max-latency: 1 s } } } }\n');
    const failing = buildReport(config, null, null).findings.filter((f) => f.rule === 'max-latency').map((f) => `${f.model} ${f.hardware}`);
    expect(failing).toEqual(['tiny@b1 d5', 'tiny@b1 d10']);
  });

  it('the op panels show a sweep at its first value on each device, not every value again', async () => {
    // 3 batches x 2 devices = 6 pairs given as ops; the panels go to tiny@b1 on d5 and on d10, and then to
    // the plain model `wide` (no sweep), whatever the order: the other sweep values are the same ops again.
    const config = await load(`${tinyModel('phase: decode, batch: [1, 8, 32], context: 10')}  - name: wide\n    precision: fp16\n    ops: [{ name: mm, flops: 1 GFLOP, bytes: 1 MB }]\n`);
    const points = geometry(buildReport(config, null, null)).points;
    expect(panelPairs(points).map((p) => `${p.result.model} ${p.result.hardware}`)).toEqual(['tiny@b1 d5', 'tiny@b1 d10', 'wide d5', 'wide d10']);
  });

  it('an MoE\'s crossover is where its bound flips, though the experts touched grow with the batch', async () => {
    const models = '  - name: moe\n    precision: fp16\n    hardware: d5\n    llm: { config: models/moe.json, phase: decode, batch: 1, context: 10 }\n';
    const crossover = (await load(models)).models[0]!.crossoverBatch!.d5!;
    const around = await load(`  - name: moe\n    precision: fp16\n    hardware: d5\n    llm: { config: models/moe.json, phase: decode, batch: [${crossover - 1}, ${crossover}], context: 10 }\n`);
    expect(placeAll(around.models, around.devices).map((result) => result.bound)).toEqual(['memory', 'compute']);
  });
});

describe('max-crossover-batch', () => {
  it('fails once per sweep and device where decode turns compute-bound past the batch served at', async () => {
    const config = await load(tinyModel('phase: decode, batch: [1, 8, 32], context: 10'), 'gate: { budgets: { max-crossover-batch: 32 } }\n');
    const report = buildReport(config, null, null);
    // d5's crossover (8) is within 32; d10's (42) is past it: one finding for the three points.
    expect(report.findings).toEqual([{
      rule: 'max-crossover-batch', severity: 'fail', model: 'tiny@b1', hardware: 'd10',
      message: 'tiny@b1 on d10: decode turns compute-bound from batch 42, past the batch of 32 it is served at',
      after: 42, limit: 32,
    }]);
    expect(renderText(report)).toContain('tiny@b8 on d10: time per output token');
    expect(renderText(report)).toMatch(/tiny@b8 on d10: .*, decode compute-bound from batch 42\n/);
  });

  it('says what the crossover was in the baseline', async () => {
    const rest = 'gate: { budgets: { max-crossover-batch: 32 } }\n';
    const base = await load(tinyModel('phase: decode, batch: 1, context: 10'), rest, 'base.yml'); // d10 at 5 TFLOP/s: crossover 8
    const head = await load(tinyModel('phase: decode, batch: 1, context: 10'), rest);
    const report = buildReport(head, base, 'base.yml');
    expect(report.findings.filter((f) => f.rule === 'max-crossover-batch').map((f) => [f.message, f.before, f.after])).toEqual([
      ['tiny on d10: decode turns compute-bound from batch 42 (was from batch 8), past the batch of 32 it is served at', 8, 42],
    ]);
  });

  it('fails where decode is memory-bound at every batch', async () => {
    const config = await load(tinyModel('phase: decode, batch: 1, context: 10', '    hardware: [d5, d13]\n'), 'gate: { budgets: { max-crossover-batch: 1000 } }\n');
    // d5's crossover (8) is within 1000; on d13 the ridge (13) is above the 12.93 FLOP/B decode tends to.
    expect(buildReport(config, null, null).findings.map((f) => [f.hardware, f.message, f.after])).toEqual([
      ['d13', 'tiny on d13: decode is memory-bound at every batch, the batch of 1,000 it is served at included', null],
    ]);
  });
});
