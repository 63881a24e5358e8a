// The gate: pairing with the baseline, every rule on both sides of its thresholds, overrides, budgets and
// the verdict. Results are built with place() on hand-made models and devices; figures derived in comments.
import { describe, expect, it } from '@jest/globals';
import type { GateConfig } from '../src/core/config/schema.js';
import { DEFAULT_GATE, evaluate, rulesFor } from '../src/core/gate/index.js';
import type { Finding } from '../src/core/gate/types.js';
import { place } from '../src/core/roofline.js';
import type { BytesByLevel, Device, Model } from '../src/core/types.js';
import { toy } from './__fixtures__/toy-device.js';


/** The tutorial's GTX 1080 Ti: 11.3 TFLOP/s fp32, 484 GB/s, ridge 23.3. */
const gtx: Device = { id: 'gtx-1080-ti', name: 'GTX 1080 Ti', flopsPerSecond: { fp32: 11.3e12 }, levels: [{ name: 'dram', bytesPerSecond: 484e9 }], builtIn: true };

function model(name: string, flops: number, bytes: BytesByLevel, extra: Partial<Model> = {}): Model {
  return { name, precision: 'fp16', flops, bytes, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch: 1, ops: null, hardware: ['toy'], measuredSeconds: {}, ...extra };
}

/** The findings of one head model against one base model on `device`. */
function judge(head: Model, base: Model | null, gate?: GateConfig, device = toy) {
  return evaluate([place(head, device)], base ? [place(base, device)] : null, gate);
}

/** Just under, exactly at and just over each threshold, with the findings each earns. */
function sides(warn: number, fail: number, finding: (severity: string) => string): Array<[number, string[]]> {
  const under = 1e-4;
  return [
    [warn - under, []],
    [warn, [finding('warn')]],
    [fail - under, [finding('warn')]],
    [fail, [finding('fail')]],
    [fail + under, [finding('fail')]],
  ];
}

const rules = (findings: Finding[]): string[] => findings.map((f) => `${f.rule}:${f.severity}${f.level ? `:${f.level}` : ''}`);

// Compute-bound reference: 1 TFLOP at I = 1000 takes 1e12 / 100e12 = 0.01 s, so 100/s.
const steady = model('m', 1e12, { dram: 1e9 });

describe('throughput-drop (default warn 2%, fail 5%)', () => {
  // Throughput is batch * P / F while compute-bound: F = 1e12 / (1 - d) drops it by d. The division leaves
  // 94.99999999999999/s for d = 5%, which the 1e-9 rounding still counts as exactly 5%.
  const dropped = (d: number) => model('m', 1e12 / (1 - d), { dram: 1e9 });
  it.each(sides(0.02, 0.05, (severity) => `throughput-drop:${severity}`))('a drop of %p gives %p', (d, expected) => {
    expect(rules(judge(dropped(d), steady).findings)).toEqual(expected);
  });

  it('says the figures before and after, the change and the threshold', () => {
    // batch 1230 -> 1150 at T = 1e14 / 100e12 = 1 s: 1230/s -> 1150/s, a drop of 80 / 1230 = 6.50%.
    const base = model('resnet50', 1e14, { dram: 1e9 }, { batch: 1230 });
    const head = { ...base, batch: 1150 };
    const [finding] = judge(head, base).findings;
    expect(finding).toEqual({
      rule: 'throughput-drop', severity: 'fail', model: 'resnet50', hardware: 'toy',
      // Only the batch moved: a model given as totals says that its FLOPs and bytes did not.
      message: 'resnet50 on toy: throughput 1.23k/s -> 1.15k/s (-6.5%), fail at 5%; FLOPs and bytes unchanged',
      before: 1230, after: 1150, limit: 0.05,
    });
  });

  it('never reports a rise', () => {
    // Twice the batch in the same time: 100/s -> 200/s.
    expect(judge(model('m', 1e12, { dram: 1e9 }, { batch: 2 }), steady).findings).toEqual([]);
  });
});

describe('intensity-drop (default warn 2%, fail 10%), per level', () => {
  // More DRAM bytes lower I = F / D while the model stays compute-bound (I = 1000 (1 - d) > ridge 100),
  // so throughput does not move and only this rule can speak.
  const dropped = (d: number, l2 = 0) => model('m', 1e12, { dram: 1e9 / (1 - d), l2: 1e9 + l2 });
  const base = model('m', 1e12, { dram: 1e9, l2: 1e9 });
  it.each(sides(0.02, 0.1, (severity) => `intensity-drop:${severity}:dram`))('a DRAM drop of %p gives %p', (d, expected) => {
    expect(rules(judge(dropped(d), base).findings)).toEqual(expected);
  });

  it('judges each level on its own and names it', () => {
    // L2: 1e12 / 1e9 = 1000 -> 1e12 / 1.05e9 = 952.4, a drop of 4.76%: warn. DRAM unchanged.
    const [finding] = judge(dropped(0, 0.05e9), base).findings;
    expect(finding).toMatchObject({ rule: 'intensity-drop', severity: 'warn', level: 'l2', before: 1000 });
    expect(finding!.message).toBe('m on toy: L2 intensity 1000 -> 952 FLOP/B (-4.8%), warn at 2%; L2 bytes 1.00 GB -> 1.05 GB, FLOPs unchanged');
  });

  it('counts Infinity -> finite as a drop of 100% and skips levels on one side only', () => {
    // Base moves no L2 bytes (I = Infinity); head moves 1 GB (I = 1000). Head's new l1 has no base to compare.
    const head = model('m', 1e12, { dram: 1e9, l2: 1e9, l1: 1e9 });
    const device: Device = { ...toy, levels: [...toy.levels, { name: 'l1', bytesPerSecond: 10e12 }] };
    const { findings } = judge(head, model('m', 1e12, { dram: 1e9, l2: 0 }), undefined, device);
    expect(findings).toEqual([
      {
        rule: 'intensity-drop', severity: 'fail', model: 'm', hardware: 'toy', level: 'l2',
        message: 'm on toy: L2 intensity ∞ -> 1000 FLOP/B (-100.0%), fail at 10%; L2 bytes 0 B -> 1.00 GB, L1 bytes (not given) -> 1.00 GB, FLOPs unchanged',
        before: null, after: 1000, limit: 0.1,
      },
    ]);
  });
});

describe('efficiency-drop (default warn 5%, fail 15%), only with measurements on both sides', () => {
  // T = 0.01 s; measured 0.02 s is efficiency 0.5; measured 0.02 / (1 - d) lowers it by d.
  const measured = (seconds: number) => model('m', 1e12, { dram: 1e9 }, { measuredSeconds: { toy: seconds } });
  it.each(sides(0.05, 0.15, (severity) => `efficiency-drop:${severity}`))('a drop of %p gives %p', (d, expected) => {
    expect(rules(judge(measured(0.02 / (1 - d)), measured(0.02)).findings)).toEqual(expected);
  });

  it('says the efficiencies', () => {
    // 0.5 -> 0.01 / 0.025 = 0.4: a drop of 20%.
    expect(judge(measured(0.025), measured(0.02)).findings[0]!.message).toBe(
      'm on toy: efficiency 50.0% -> 40.0% (-20.0%), fail at 15%; FLOPs and bytes unchanged',
    );
  });

  it('is silent when either side has no measurement', () => {
    expect(judge(measured(1), steady).findings).toEqual([]);
    expect(judge(steady, measured(0.02)).findings).toEqual([]);
  });
});

describe('bound-shift (default fail)', () => {
  it('reports compute -> memory in the form of SPEC section 4', () => {
    // 25 GFLOP over 1.0 GB is I = 25 > ridge 11.3e12 / 484e9 = 23.35: compute-bound. Over 1.2 GB, I = 20.83: memory-bound.
    // Throughput falls from 11.3e12 / 25e9 = 452/s to 484e9 / 1.2e9 = 403.3/s (-10.8%), and intensity by 16.7%.
    const base = model('vgg16', 25e9, { dram: 1e9 }, { precision: 'fp32' });
    const head = model('vgg16', 25e9, { dram: 1.2e9 }, { precision: 'fp32' });
    const { findings, status } = judge(head, base, undefined, gtx);
    expect(rules(findings)).toEqual(['bound-shift:fail:dram', 'throughput-drop:fail', 'intensity-drop:fail:dram']);
    expect(findings[0]!.message).toBe(
      'vgg16 on gtx-1080-ti moved from compute-bound to memory-bound (DRAM): intensity 25.0 -> 20.8 FLOP/B, ridge 23.3; ' +
        'DRAM bytes 1.00 GB -> 1.20 GB, FLOPs unchanged',
    );
    expect(status).toBe('fail');
  });

  it('reports a change of binding level: L2-bound -> DRAM-bound', () => {
    // Base: DRAM I = 1e12 / 5e9 = 200 (eave 200e12), L2 I = 1e12 / 1e11 = 10 (eave 50e12): L2 binds, T = 0.02 s.
    // Head: DRAM I = 1e12 / 2.5e10 = 40 (eave 40e12) now below L2's 50e12: DRAM binds, T = 0.025 s (-20%).
    const base = model('m', 1e12, { dram: 5e9, l2: 1e11 });
    const head = model('m', 1e12, { dram: 2.5e10, l2: 1e11 });
    const gate: GateConfig = { 'throughput-drop': { fail: 0.5, warn: 0.5 }, 'intensity-drop': { fail: 1, warn: 1 } };
    expect(judge(head, base, gate).findings).toEqual([
      {
        rule: 'bound-shift', severity: 'fail', model: 'm', hardware: 'toy', level: 'dram',
        message: 'm on toy moved from memory-bound (L2) to memory-bound (DRAM): intensity 200 -> 40.0 FLOP/B, ridge 100; DRAM bytes 5.00 GB -> 25.0 GB, FLOPs unchanged',
        before: 200, after: 40,
      },
    ]);
  });

  it('a move inward, DRAM-bound -> L2-bound, means outer traffic was cut: no finding', () => {
    // The previous test's head and base swapped: DRAM binds in the base, L2 (faster, inner) in the head.
    const gate: GateConfig = { 'throughput-drop': { fail: 0.5, warn: 0.5 }, 'intensity-drop': { fail: 1, warn: 1 } };
    expect(judge(model('m', 1e12, { dram: 5e9, l2: 1e11 }), model('m', 1e12, { dram: 2.5e10, l2: 1e11 }), gate).findings).toEqual([]);
  });

  it('takes its severity from the config, and memory -> compute is no finding', () => {
    const memory = model('m', 1e12, { dram: 2e10 }); // I = 50 < 100
    const only = { 'throughput-drop': { warn: 1, fail: 1 }, 'intensity-drop': { warn: 1, fail: 1 } };
    expect(rules(judge(memory, steady, { ...only, 'bound-shift': 'warn' }).findings)).toEqual(['bound-shift:warn:dram']);
    expect(judge(memory, steady, { ...only, 'bound-shift': 'off' }).findings).toEqual([]);
    expect(judge(steady, memory).findings).toEqual([]);
  });
});

describe('per-op models', () => {
  // Two ops, each 1 TFLOP over 10 GB (I = 100, on the ridge): 0.01 s each, 0.02 s in all.
  const even = model('m', 2e12, { dram: 2e10 }, {
    ops: [{ name: 'a', flops: 1e12, bytes: { dram: 1e10 }, kinds: {} }, { name: 'b', flops: 1e12, bytes: { dram: 1e10 }, kinds: {} }],
  });
  // The same totals split badly: a is all compute (0.02 s), b all memory (2e10 / 1e12 = 0.02 s): 0.04 s.
  const skewed = model('m', 2e12, { dram: 2e10 }, {
    ops: [{ name: 'a', flops: 2e12, bytes: { dram: 0 }, kinds: {} }, { name: 'b', flops: 0, bytes: { dram: 2e10 }, kinds: {} }],
  });

  it('sees a throughput drop that the aggregate point cannot show', () => {
    // Aggregate intensity is 100 on both sides and the point stays compute-bound; throughput halves.
    const { findings } = judge(skewed, even);
    expect(rules(findings)).toEqual(['throughput-drop:fail']);
    expect(findings[0]).toMatchObject({ before: 50, after: 25 });
  });

  it('matches the aggregate model when each op has the aggregate shape', () => {
    const aggregate = model('m', 2e12, { dram: 2e10 });
    expect(judge(even, aggregate).findings).toEqual([]);
  });
});

describe('overrides and defaults', () => {
  it('uses DEFAULT_GATE when there is no gate section', () => {
    // Each default value is pinned by the behaviour tests above, all run without a gate section.
    expect(rulesFor(undefined, 'm')).toEqual(DEFAULT_GATE);
    expect(rulesFor({}, 'm')).toEqual(DEFAULT_GATE);
  });

  it('merges per rule: a model that sets only fail keeps the warn above it', () => {
    const gate: GateConfig = {
      'throughput-drop': { warn: 0.03 },
      budgets: { 'max-latency': 1 },
      models: { strict: { 'throughput-drop': { fail: 0.01 }, budgets: { 'min-throughput': 10 } } },
    };
    expect(rulesFor(gate, 'strict')).toEqual({
      ...DEFAULT_GATE,
      'throughput-drop': { warn: 0.03, fail: 0.01 },
      budgets: { 'max-latency': 1, 'min-throughput': 10 },
    });
    expect(rulesFor(gate, 'other')['throughput-drop']).toEqual({ warn: 0.03, fail: 0.05 });
  });

  it('judges each model by its own rules', () => {
    // Both drop 4% (batch 100 -> 96 at the same time): warn under the repo's 3%, fail under strict's 1%.
    const pair = (name: string, batch: number) => place(model(name, 1e12, { dram: 1e9 }, { batch }), toy);
    const gate: GateConfig = { 'throughput-drop': { warn: 0.03 }, models: { strict: { 'throughput-drop': { fail: 0.01 } } } };
    const { findings } = evaluate([pair('loose', 96), pair('strict', 96)], [pair('loose', 100), pair('strict', 100)], gate);
    expect(findings.map((f) => `${f.model}:${f.severity}`)).toEqual(['strict:fail', 'loose:warn']); // failures first
  });

  it('with a 0% threshold flags any drop but not an unchanged model', () => {
    const gate: GateConfig = { 'throughput-drop': { warn: 0, fail: 0 } };
    expect(judge(steady, steady, gate).findings).toEqual([]);
    expect(rules(judge(model('m', 1.001e12, { dram: 1e9 }), steady, gate).findings)).toEqual(['throughput-drop:fail']);
  });
});

describe('added and removed pairs', () => {
  it('pairs by model and hardware; neither added nor removed is a finding', () => {
    const a = place(model('a', 1e12, { dram: 1e9 }), toy);
    const b = place(model('b', 1e12, { dram: 1e9 }), toy);
    const c = place(model('c', 1e12, { dram: 1e9 }), toy);
    const aOnGtx = place(model('a', 1e12, { dram: 1e9 }, { precision: 'fp32' }), gtx);
    const { results, removed, findings, status } = evaluate([a, b], [aOnGtx, a, c], undefined);
    expect(results.map((r) => [r.model, r.hardware, r.base?.throughput ?? null])).toEqual([
      ['a', 'toy', 100],
      ['b', 'toy', null],
    ]);
    expect(removed).toEqual([
      { model: 'a', hardware: 'gtx-1080-ti', base: expect.objectContaining({ bound: 'compute', bindingLevel: 'compute' }) },
      { model: 'c', hardware: 'toy', base: expect.objectContaining({ throughput: 100 }) },
    ]);
    expect([findings, status]).toEqual([[], 'pass']);
  });

  it('gives every pair a null base when there is no baseline', () => {
    const { results, removed } = evaluate([place(steady, toy)], null, undefined);
    expect([results[0]!.base, removed]).toEqual([null, []]);
  });

  it('carries the baseline snapshot of SPEC section 4', () => {
    const { results } = evaluate([place(steady, toy)], [place(steady, toy)], undefined);
    expect(results[0]!.base).toEqual({
      flops: 1e12, bytes: { dram: 1e9 }, intensity: { dram: 1000 },
      attainableFlopsPerSecond: 100e12, effectiveFlopsPerSecond: 100e12, bound: 'compute', bindingLevel: 'compute',
      seconds: 0.01, throughput: 100, efficiency: null,
    });
  });
});

describe('budgets: no baseline needed, always fail', () => {
  it('min-throughput: exactly at the budget passes, below fails', () => {
    // 1 TFLOP at 100 TFLOP/s: 100/s exactly.
    const at = { budgets: { 'min-throughput': 100 } };
    expect(judge(steady, null, at).findings).toEqual([]);
    const [finding] = judge(steady, null, { budgets: { 'min-throughput': 101 } }).findings;
    expect(finding).toMatchObject({ rule: 'min-throughput', severity: 'fail', after: 100, limit: 101 });
    expect(finding!.message).toBe('m on toy: throughput 100/s is below the budget of 101/s');
  });

  it('max-latency: exactly at the budget passes, over fails', () => {
    expect(judge(steady, null, { budgets: { 'max-latency': 0.01 } }).findings).toEqual([]);
    const [finding] = judge(steady, null, { budgets: { 'max-latency': 0.0099 } }).findings;
    expect(finding).toMatchObject({ rule: 'max-latency', severity: 'fail', after: 0.01, limit: 0.0099 });
    expect(finding!.message).toBe('m on toy: 10.0 ms per pass is over the budget of 9.90 ms');
  });

  it('ridge-margin: every level at least the margin right of its ridge', () => {
    // 20% margin: DRAM needs I >= 100 * 1.2 = 120, L2 needs I >= 20 * 1.2 = 24.
    const gate = { budgets: { 'ridge-margin': 0.2 } };
    const at = model('m', 1.2e12, { dram: 1e10, l2: 5e10 }); // DRAM I = 120, L2 I = 24: exactly at both.
    expect(judge(at, null, gate).findings).toEqual([]);
    const short = model('m', 1.19e12, { dram: 1e10, l2: 1e11 }); // DRAM I = 119, L2 I = 11.9
    const { findings } = judge(short, null, gate);
    expect(rules(findings)).toEqual(['ridge-margin:fail:dram', 'ridge-margin:fail:l2']);
    expect(findings[0]!.message).toBe('m on toy: DRAM intensity 119 FLOP/B is under 120, the ridge 100 plus the 20% margin');
  });

  it('applies to added pairs next to a baseline too', () => {
    const added = place(model('new', 1e12, { dram: 1e9 }), toy);
    const { findings } = evaluate([added], [place(steady, toy)], { budgets: { 'min-throughput': 1000 } });
    expect(rules(findings)).toEqual(['min-throughput:fail']);
  });
});

describe('above-roof (default warn)', () => {
  // T = 0.01 s on the roof; a measured 5 ms is efficiency 2: the inputs are off.
  const fast = model('m', 1e12, { dram: 1e9 }, { measuredSeconds: { toy: 0.005 } });

  it('warns and names the likely causes', () => {
    const { findings, status } = judge(fast, null);
    expect(findings).toEqual([
      {
        rule: 'above-roof', severity: 'warn', model: 'm', hardware: 'toy', after: 2, limit: 1,
        message:
          "m on toy: measured 5.00 ms per pass beats the roofline's 10.0 ms (efficiency 200.0%), so an input is off: " +
          'MACs given as FLOPs, bytes counted without cache reuse, a sparse peak, or a per-batch time against per-sample FLOPs?',
      },
    ]);
    expect(status).toBe('warn');
  });

  it('is configurable, and silent exactly on the roof', () => {
    expect(rules(judge(fast, null, { 'above-roof': 'fail' }).findings)).toEqual(['above-roof:fail']);
    expect(judge(fast, null, { 'above-roof': 'off' }).findings).toEqual([]);
    expect(judge(model('m', 1e12, { dram: 1e9 }, { measuredSeconds: { toy: 0.01 } }), null).findings).toEqual([]);
  });

  it('decides at the resolution efficiency is shown at: 100.0% is on the roof, 100.1% above it', () => {
    const measured = (efficiency: number) => judge(model('m', 1e12, { dram: 1e9 }, { measuredSeconds: { toy: 0.01 / efficiency } }), null).findings;
    expect(measured(1 + 2.4e-10)).toEqual([]);
    expect(measured(1.00049)).toEqual([]);
    expect(measured(1.00051).map((f) => f.message.match(/\(efficiency [^)]*\)/)![0])).toEqual(['(efficiency 100.1%)']);
  });
});

describe('verdict', () => {
  it('is the worst severity', () => {
    expect(judge(steady, steady).status).toBe('pass');
    expect(judge(model('m', 1e12 / 0.97, { dram: 1e9 }), steady).status).toBe('warn');
    expect(judge(model('m', 1e12 / 0.9, { dram: 1e9 }), steady).status).toBe('fail');
  });
});
