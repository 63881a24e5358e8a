import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findEntry, toDevice } from '../src/core/catalog/index.js';
import { intensity, place, ridge } from '../src/core/roofline.js';
import type { Device, Model, Op } from '../src/core/types.js';

const sig3 = (x: number) => Number(x.toPrecision(3));

function model(overrides: Partial<Model>): Model {
  return { name: 'm', precision: 'fp32', flops: 1e9, bytes: { dram: 1e8 }, kinds: {}, bits: { weights: 32, activations: 32, kv: 32 }, batch: 1, ops: null, hardware: [], measuredSeconds: {}, ...overrides };
}

const gtx1080ti = toDevice(findEntry('gtx-1080-ti')!);
const a100 = toDevice(findEntry('a100-sxm4-40gb')!);

/** A device with three levels, figures chosen to make the arithmetic obvious. */
const threeLevels: Device = {
  id: 'toy', name: 'Toy', builtIn: false,
  flopsPerSecond: { fp16: 100e12 },
  levels: [
    { name: 'dram', bytesPerSecond: 1e12 }, //  ridge 100
    { name: 'l2', bytesPerSecond: 5e12 }, //    ridge 20
    { name: 'l1', bytesPerSecond: 20e12 }, //   ridge 5
  ],
};

describe('the tutorial figures of SPEC section 1, to 3 significant figures', () => {
  it('GTX 1080 Ti: 11.3 TFLOP/s and 484 GB/s put the ridge at 23.3 FLOP/byte', () => {
    expect(gtx1080ti.flopsPerSecond.fp32).toBe(11.3e12);
    expect(gtx1080ti.levels[0]!.bytesPerSecond).toBe(484e9);
    expect(sig3(ridge(11.3e12, 484e9))).toBe(23.3);
  });

  it('GTX 1080 Ti: a model at I = 7 is memory-bound at 3.39 TFLOP/s', () => {
    const result = place(model({ flops: 7e9, bytes: { dram: 1e9 } }), gtx1080ti);
    expect(result.intensity.dram).toBe(7);
    expect(result.bound).toBe('memory');
    expect(result.bindingLevel).toBe('dram');
    expect(sig3(result.attainableFlopsPerSecond)).toBe(3.39e12); // 484e9 * 7 = 3.388e12
  });

  it('GTX 1080 Ti: a model at I = 25 is compute-bound at 11.3 TFLOP/s', () => {
    const result = place(model({ flops: 25e9, bytes: { dram: 1e9 } }), gtx1080ti);
    expect(result.bound).toBe('compute');
    expect(result.bindingLevel).toBe('compute');
    expect(result.attainableFlopsPerSecond).toBe(11.3e12);
  });

  it('A100 FP32: ridge 12.5; 131.77 GFLOP over 8.03 GB (I = 16.4) is compute-bound at 19.5 TFLOP/s, never above', () => {
    expect(a100.flopsPerSecond.fp32).toBe(19.5e12);
    expect(a100.levels[0]!.bytesPerSecond).toBe(1555e9);
    const result = place(model({ flops: 131.77e9, bytes: { dram: 8.03e9 } }), a100);
    expect(sig3(result.ridge.dram!)).toBe(12.5); // 19.5e12 / 1555e9 = 12.54
    expect(sig3(result.intensity.dram!)).toBe(16.4); // 131.77 / 8.03 = 16.41
    expect(result.bound).toBe('compute');
    expect(result.attainableFlopsPerSecond).toBe(19.5e12);
    // T = F / P = 131.77e9 / 19.5e12 = 6.757 ms, above the 5.164 ms that DRAM alone would take.
    expect(sig3(result.seconds)).toBe(0.00676);
  });
});

describe('place', () => {
  it('time and throughput: T = max(F/P, D/B), throughput = batch / T', () => {
    // 1.5e12 FLOP at 100e12 = 15 ms; 2e10 B at 1e12 = 20 ms: memory-bound, 20 ms, 8 / 0.02 = 400/s
    const result = place(model({ precision: 'fp16', flops: 1.5e12, bytes: { dram: 2e10 }, batch: 8 }), threeLevels);
    expect(result.seconds).toBeCloseTo(0.02, 12);
    expect(result.throughput).toBeCloseTo(400, 9);
    expect(result.attainableFlopsPerSecond).toBeCloseTo(75e12, 0); // 1e12 * 75
  });

  it('with several levels, the lowest roof binds and names its level', () => {
    // I_dram = 1e12/5e9 = 200 (eave 200e12), I_l2 = 1e12/1e11 = 10 (eave 50e12), I_l1 = 1e12/1e11 = 10 (eave 200e12)
    const result = place(model({ precision: 'fp16', flops: 1e12, bytes: { dram: 5e9, l2: 1e11, l1: 1e11 } }), threeLevels);
    expect(result.ridge).toEqual({ dram: 100, l2: 20, l1: 5 });
    expect(result.bound).toBe('memory');
    expect(result.bindingLevel).toBe('l2');
    expect(result.attainableFlopsPerSecond).toBeCloseTo(50e12, 0);
    expect(result.seconds).toBeCloseTo(0.02, 12); // 1e11 / 5e12
  });

  it('sums op times for a model given as ops, keeping the point at the aggregate intensity', () => {
    // op a: 1e12 FLOP -> 10 ms compute, 1e9 B -> 1 ms: 10 ms.  op b: 1e10 FLOP -> 0.1 ms, 1e10 B -> 10 ms: 10 ms.
    const ops = [
      { name: 'a', flops: 1e12, bytes: { dram: 1e9 }, kinds: {} },
      { name: 'b', flops: 1e10, bytes: { dram: 1e10 }, kinds: {} },
    ];
    const result = place(model({ precision: 'fp16', flops: 1.01e12, bytes: { dram: 1.1e10 }, ops }), threeLevels);
    expect(result.seconds).toBeCloseTo(0.02, 12); // aggregate alone would say max(10.1 ms, 11 ms) = 11 ms
    expect(result.intensity.dram).toBeCloseTo(1.01e12 / 1.1e10, 9);
    expect(result.ops?.count).toBe(2);
    expect(result.ops?.slowest.map((op) => op.bindingLevel)).toEqual(['compute', 'dram']);
    expect(result.ops?.slowest[1]).toMatchObject({ name: 'b', computeSeconds: 1e-4, memorySeconds: 0.01 });
  });

  it('reports achieved FLOP/s and efficiency from a measured time', () => {
    const result = place(model({ precision: 'fp16', flops: 1e12, bytes: { dram: 1e9 }, hardware: ['toy'], measuredSeconds: { toy: 0.02 } }), threeLevels);
    expect(result.seconds).toBeCloseTo(0.01, 12);
    expect(result.achievedFlopsPerSecond).toBeCloseTo(50e12, 0);
    expect(result.efficiency).toBeCloseTo(0.5, 12);
  });

  it('uses the outermost level for `dram` on a device whose first level has another name', () => {
    const hbmDevice: Device = { ...threeLevels, levels: [{ name: 'hbm', bytesPerSecond: 2e12 }] };
    const result = place(model({ precision: 'fp16', flops: 1e12, bytes: { dram: 1e11 } }), hbmDevice);
    expect(result.bandwidth.dram).toBe(2e12);
    expect(result.seconds).toBeCloseTo(0.05, 12);
  });
});

describe('edge values: F = 0, D = 0, never NaN', () => {
  it('F = 0 means intensity 0 and memory-bound, with a finite time', () => {
    const result = place(model({ precision: 'fp16', flops: 0, bytes: { dram: 1e9 } }), threeLevels);
    expect(result.intensity.dram).toBe(0);
    expect(result.bound).toBe('memory');
    expect(result.attainableFlopsPerSecond).toBe(0);
    expect(result.seconds).toBeCloseTo(1e-3, 12);
    expect(result.throughput).toBeCloseTo(1000, 6);
  });

  it('D = 0 means infinite intensity and compute-bound', () => {
    const result = place(model({ precision: 'fp16', flops: 1e12, bytes: { dram: 0 } }), threeLevels);
    expect(result.intensity.dram).toBe(Infinity);
    expect(result.bound).toBe('compute');
    expect(result.attainableFlopsPerSecond).toBe(100e12);
    expect(result.seconds).toBeCloseTo(0.01, 12);
  });

  it('intensity() itself', () => {
    expect(intensity(0, 0)).toBe(Infinity);
    expect(intensity(0, 5)).toBe(0);
    expect(intensity(10, 4)).toBe(2.5);
  });

  it('exactly at the ridge is compute-bound (A == P)', () => {
    const result = place(model({ precision: 'fp16', flops: 100e9, bytes: { dram: 1e9 } }), threeLevels);
    expect(result.bound).toBe('compute');
  });
});

describe('properties of the math', () => {
  const count = fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e16, noNaN: true }));
  const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
  const anyDevice = fc.record({ peak: positive(1e9, 1e16), dram: positive(1e8, 1e14), l2: positive(1e9, 1e15) });
  const work = fc.record({ flops: count, dram: count, l2: count }).filter((w) => w.flops > 0 || w.dram > 0 || w.l2 > 0);

  it('is never NaN, never above the roof, and T covers every roof and eave', () => {
    fc.assert(
      fc.property(anyDevice, work, fc.integer({ min: 1, max: 4096 }), (d, w, batch) => {
        const device: Device = { id: 'd', name: 'd', builtIn: false, flopsPerSecond: { fp16: d.peak }, levels: [{ name: 'dram', bytesPerSecond: d.dram }, { name: 'l2', bytesPerSecond: d.l2 }] };
        const result = place(model({ precision: 'fp16', flops: w.flops, bytes: { dram: w.dram, l2: w.l2 }, batch }), device);
        const numbers = [result.attainableFlopsPerSecond, result.seconds, result.throughput, ...Object.values(result.intensity), ...Object.values(result.ridge)];
        if (numbers.some(Number.isNaN)) return false;
        if (result.attainableFlopsPerSecond > d.peak) return false;
        const slack = 1 + 1e-12;
        return result.seconds * slack >= w.flops / d.peak && result.seconds * slack >= w.dram / d.dram && result.seconds * slack >= w.l2 / d.l2;
      }),
    );
  });

  it('splitting a model into ops never makes it faster than the aggregate', () => {
    fc.assert(
      fc.property(anyDevice, fc.array(fc.record({ flops: count, dram: count }), { minLength: 1, maxLength: 20 }), (d, parts) => {
        const device: Device = { id: 'd', name: 'd', builtIn: false, flopsPerSecond: { fp16: d.peak }, levels: [{ name: 'dram', bytesPerSecond: d.dram }] };
        const ops = parts.map((p, i) => ({ name: `op${i}`, flops: p.flops, bytes: { dram: p.dram }, kinds: {} }));
        const flops = parts.reduce((s, p) => s + p.flops, 0);
        const dram = parts.reduce((s, p) => s + p.dram, 0);
        if (flops === 0 && dram === 0) return true;
        const whole = place(model({ precision: 'fp16', flops, bytes: { dram } }), device);
        const split = place(model({ precision: 'fp16', flops, bytes: { dram }, ops }), device);
        return split.seconds >= whole.seconds * (1 - 1e-9);
      }),
    );
  });
});

describe('an ops list placed twice (a baseline sharing the head\'s unchanged op table)', () => {
  // Toy device: 100 TFLOP/s fp16, DRAM 1 TB/s, L2 5 TB/s. Op a: 1e9 FLOP is 10 us of compute; 2e7 DRAM bytes
  // 20 us, 5e7 L2 bytes 10 us: 20 us, DRAM-bound. Op b: 4e9 FLOP 40 us; 1e7 DRAM bytes 10 us: 40 us, compute.
  const ops: Op[] = [
    { name: 'a', flops: 1e9, bytes: { dram: 2e7, l2: 5e7 }, kinds: {} },
    { name: 'b', flops: 4e9, bytes: { dram: 1e7 }, kinds: {} },
  ];
  const twoLevels: Device = { ...threeLevels, levels: threeLevels.levels.slice(0, 2) };
  const opsModel = (precision: Model['precision'] = 'fp16') =>
    model({ precision, ops, flops: 5e9, bytes: { dram: 3e7, l2: 5e7 }, hardware: ['toy'] });

  it('gives the same figures each time, in lists of its own', () => {
    const first = place(opsModel(), twoLevels);
    const second = place(opsModel(), twoLevels);
    expect(first.seconds).toBeCloseTo(60e-6, 15);
    expect(first.ops!.slowest.map((op) => [op.name, op.seconds])).toEqual([['b', 40e-6], ['a', 20e-6]]);
    expect(second).toEqual(first);
    expect(second.ops!.slowest).not.toBe(first.ops!.slowest);
    expect(second.ops!.slowest[0]).not.toBe(first.ops!.slowest[0]);
  });

  it('times the list again on another roof or other eaves', () => {
    // Half the DRAM bandwidth: a's DRAM time 40 us, b's 20 us (still under its 40 us of compute): 80 us.
    const slower: Device = { ...twoLevels, levels: [{ name: 'dram', bytesPerSecond: 0.5e12 }, twoLevels.levels[1]!] };
    expect(place(opsModel(), twoLevels).seconds).toBeCloseTo(60e-6, 15);
    expect(place(opsModel(), slower).seconds).toBeCloseTo(80e-6, 15);
    // Another roof: fp32 at 50 TFLOP/s makes a's compute 20 us and b's 80 us: 20 + 80 = 100 us.
    const twoRoofs: Device = { ...twoLevels, flopsPerSecond: { fp16: 100e12, fp32: 50e12 } };
    expect(place(opsModel('fp32'), twoRoofs).seconds).toBeCloseTo(100e-6, 15);
    expect(place(opsModel('fp16'), twoRoofs).seconds).toBeCloseTo(60e-6, 15);
  });
});
