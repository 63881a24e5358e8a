// Per-op measured times in the engine: the model's measured time from the sum of its ops' (an explicit
// `measured:` winning), efficiency per op, ops above their roofs, and the gate's efficiency rules naming
// the ops. Figures derived by hand in comments.
import { describe, expect, it } from '@jest/globals';
import { geometry, rooflineSpec } from '../src/core/chart/index.js';
import { evaluate } from '../src/core/gate/index.js';
import type { Report } from '../src/core/report/types.js';
import { place } from '../src/core/roofline.js';
import type { Device, Model, Op } from '../src/core/types.js';

/** fp16 roof 100 TFLOP/s; DRAM 1 TB/s. */
const toy: Device = { id: 'toy', name: 'Toy', flopsPerSecond: { fp16: 100e12 }, levels: [{ name: 'dram', bytesPerSecond: 1e12 }], builtIn: false };
const other: Device = { ...toy, id: 'other' };

const op = (name: string, flops: number, dram: number, measuredSeconds?: number): Op => ({
  name, flops, bytes: { dram }, kinds: {}, ...(measuredSeconds !== undefined && { measuredSeconds }),
});

function opModel(ops: Op[], extra: Partial<Model> = {}): Model {
  const flops = ops.reduce((sum, o) => sum + o.flops, 0);
  const dram = ops.reduce((sum, o) => sum + o.bytes.dram!, 0);
  return { name: 'm', precision: 'fp16', flops, bytes: { dram }, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch: 1, ops, hardware: ['toy'], measuredSeconds: {}, ...extra };
}

// gemm: 1 TFLOP, 1 GB: compute 10 ms, memory 1 ms -> 10 ms on the roofline; measured 20 ms -> 50%.
// add:  0 FLOP, 2 GB: memory 2 ms on the roofline; measured 4 ms -> 50%.
const gemm = (measured?: number) => op('gemm', 1e12, 1e9, measured);
const add = (measured?: number) => op('add', 0, 2e9, measured);

describe('the model measured time from its ops', () => {
  it('is the sum of the ops\' times when every op has one: 20 ms + 4 ms = 24 ms, efficiency 12 / 24 = 50%', () => {
    const result = place(opModel([gemm(0.02), add(0.004)]), toy);
    expect(result.seconds).toBeCloseTo(0.012, 15);
    expect(result.measuredSeconds).toBeCloseTo(0.024, 15);
    expect(result.efficiency).toBeCloseTo(0.5, 12);
    // 1 TFLOP / 24 ms = 41.67 TFLOP/s
    expect(result.achievedFlopsPerSecond! / 1e12).toBeCloseTo(41.667, 3);
  });

  it('gives each op its own measured time and efficiency in ops.slowest', () => {
    const result = place(opModel([gemm(0.02), add(0.004)]), toy);
    expect(result.ops!.slowest.map((o) => [o.name, o.measuredSeconds, o.efficiency])).toEqual([
      ['gemm', 0.02, 0.5], // 10 ms / 20 ms
      ['add', 0.004, 0.5], // 2 ms / 4 ms
    ]);
  });

  it('has no model time when one op is unmeasured, yet keeps the measured op\'s efficiency', () => {
    const result = place(opModel([gemm(0.02), add()]), toy);
    expect(result.measuredSeconds).toBeNull();
    expect(result.efficiency).toBeNull();
    expect(result.ops!.slowest.map((o) => [o.name, o.efficiency])).toEqual([['gemm', 0.5], ['add', null]]);
  });

  it('takes an explicit `measured:` over the sum (the whole pass, gaps between kernels included)', () => {
    // 12 ms / 30 ms = 40%; the ops keep their own 50%.
    const result = place(opModel([gemm(0.02), add(0.004)], { measuredSeconds: { toy: 0.03 } }), toy);
    expect(result.measuredSeconds).toBe(0.03);
    expect(result.efficiency).toBeCloseTo(0.4, 12);
    expect(result.ops!.slowest[0]!.efficiency).toBe(0.5);
  });

  it('counts the op times on the first target only: they were measured on one device', () => {
    const model = opModel([gemm(0.02), add(0.004)], { hardware: ['toy', 'other'] });
    expect(place(model, toy).measuredSeconds).toBeCloseTo(0.024, 15);
    const elsewhere = place(model, other);
    expect(elsewhere.measuredSeconds).toBeNull();
    expect(elsewhere.ops!.slowest.map((o) => o.measuredSeconds)).toEqual([null, null]);
  });
});

describe('ops above their roofs', () => {
  it('lists the measured ops that beat their roofs, furthest first, and counts them', () => {
    // gemm measured 8 ms against 10 ms: 125%; add 1 ms against 2 ms: 200%; mul 1 ms against 1 ms: 100%, not above.
    const result = place(opModel([gemm(0.008), add(0.001), op('mul', 0, 1e9, 0.001)]), toy);
    expect(result.ops!.aboveRoofCount).toBe(2);
    expect(result.ops!.aboveRoof.map((o) => [o.name, o.efficiency])).toEqual([['add', 2], ['gemm', 1.25]]);
    // The sum 10 ms against 13 ms on the roofline is 130%: the model is above its roof as well.
    expect(result.efficiency).toBeCloseTo(1.3, 12);
  });

  it('is an above-roof finding naming the ops even when the model as a whole is under its roof', () => {
    // add 1 ms against 2 ms (200%); gemm 40 ms against 10 ms. Sum 41 ms against 12 ms: 29.3%, under.
    const { findings } = evaluate([place(opModel([gemm(0.04), add(0.001)]), toy)], null, undefined);
    expect(findings.map((f) => [f.rule, f.severity, f.ops, f.after])).toEqual([['above-roof', 'warn', ['add'], 2]]);
    expect(findings[0]!.message).toBe(
      'm on toy: 1 measured op beats its roof, so an input is off: MACs given as FLOPs, bytes counted without cache reuse, ' +
        'a sparse peak, or a per-batch time against per-sample FLOPs?; above their roofs: add 200.0% (1.00 ms measured, roofline 2.00 ms)',
    );
  });

  it('names the ops above their roofs when the model is above its own', () => {
    const { findings } = evaluate([place(opModel([gemm(0.008), add(0.003)]), toy)], null, undefined);
    // Sum 11 ms against 12 ms: 109.1%; gemm 125% above, add 66.7% not.
    expect(findings.map((f) => [f.rule, f.ops])).toEqual([['above-roof', ['gemm']]]);
    expect(findings[0]!.message).toMatch(/^m on toy: measured 11\.0 ms per pass beats the roofline's 12\.0 ms \(efficiency 109\.1%\)/);
    expect(findings[0]!.message).toMatch(/; above their roofs: gemm 125\.0% \(8\.00 ms measured, roofline 10\.0 ms\)$/);
  });
});

describe('efficiency-drop on ops with measured times', () => {
  it('compares the summed efficiencies and names the slowest ops furthest below their roofs', () => {
    // Base: gemm 20 ms, add 4 ms: 12 / 24 = 50%. Head: gemm 20 ms, add 16 ms: 12 / 36 = 33.3%: a drop of 33%.
    const base = place(opModel([gemm(0.02), add(0.004)]), toy);
    const head = place(opModel([gemm(0.02), add(0.016)]), toy);
    const finding = evaluate([head], [base], undefined).findings.find((f) => f.rule === 'efficiency-drop')!;
    expect(finding.severity).toBe('fail');
    // gemm loses 20 - 10 = 10 ms, add 16 - 2 = 14 ms: add first.
    expect(finding.ops).toEqual(['add', 'gemm']);
    expect(finding.message).toBe(
      'm on toy: efficiency 50.0% -> 33.3% (-33.3%), fail at 15%; furthest below their roofs: ' +
        'add 12.5% (16.0 ms measured, roofline 2.00 ms), gemm 50.0% (20.0 ms measured, roofline 10.0 ms)',
    );
  });
});

describe('the hierarchical roofline: one achieved point per level', () => {
  // fp16 100 TFLOP/s, DRAM 1 TB/s, L2 5 TB/s. 1 TFLOP through DRAM 1 GB (I = 1000) and L2 4 GB (I = 250):
  // compute 10 ms, DRAM 1 ms, L2 0.8 ms: compute-bound, 10 ms. Measured 20 ms: achieved 50 TFLOP/s.
  const twoLevels: Device = { ...toy, levels: [{ name: 'dram', bytesPerSecond: 1e12 }, { name: 'l2', bytesPerSecond: 5e12 }] };
  const model = (measured: Record<string, number>): Model => ({
    ...opModel([gemm()]), ops: null, bytes: { dram: 1e9, l2: 4e9 }, measuredSeconds: measured,
  });
  const reportOf = (m: Model): Report => {
    const { results, removed, findings, status } = evaluate([place(m, twoLevels)], null, undefined);
    return { version: 2, status, baseline: null, results, removed, findings, advice: [] };
  };

  it('places the achieved FLOP/s at every level\'s intensity', () => {
    const point = geometry(reportOf(model({ toy: 0.02 }))).points[0]!;
    expect(point.measured!.flopsPerSecond).toBe(5e13);
    expect(point.measured!.levels).toEqual([
      { level: 'dram', intensity: 1000, x: 1000 },
      { level: 'l2', intensity: 250, x: 250 },
    ]);
  });

  it('has no level points without a measured time, nor for one level alone', () => {
    expect(geometry(reportOf(model({}))).points[0]!.measured).toBeNull();
    const single = { ...model({ toy: 0.02 }), bytes: { dram: 1e9 } };
    expect(geometry(reportOf(single)).points[0]!.measured!.levels).toEqual([]);
  });

  it('draws the other level\'s point as an x at the same FLOP/s, joined by a dotted rule', () => {
    const spec = rooflineSpec(reportOf(model({ toy: 0.02 })), { deviceNames: { toy: 'Toy' } }) as { vconcat?: unknown[]; layer?: unknown[] };
    const layers = JSON.stringify(spec);
    // The point's own level is the x at its own intensity; the other level (L2, I = 250) gets its own.
    expect(layers).toContain('"intensityText":"L2 250 FLOP/B: this level\'s achieved point"');
    expect(layers).toContain('"strokeDash":[1,3]');
  });
});
