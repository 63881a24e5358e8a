// Advice: the tutorial's optimisations with figures, ordered by gain, never above the roof.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { advise, compare } from '../src/core/gate/index.js';
import type { Advice } from '../src/core/gate/types.js';
import { place } from '../src/core/roofline.js';
import type { BytesByLevel, Device, Model, Precision } from '../src/core/types.js';

/** Roofs fp32 10, tf32 50, fp16 100, fp8 200 TFLOP/s; DRAM 1 TB/s (fp16 ridge 100); L2 5 TB/s (fp16 ridge 20). */
const toy: Device = {
  id: 'toy',
  name: 'Toy',
  flopsPerSecond: { fp32: 10e12, tf32: 50e12, fp16: 100e12, fp8: 200e12 },
  levels: [{ name: 'dram', bytesPerSecond: 1e12 }, { name: 'l2', bytesPerSecond: 5e12 }],
  builtIn: false,
};

function device(id: string, flopsPerSecond: Device['flopsPerSecond'], dram?: number, l2?: number): Device {
  const levels = [...(dram ? [{ name: 'dram', bytesPerSecond: dram }] : []), ...(l2 ? [{ name: 'l2', bytesPerSecond: l2 }] : [])];
  return { id, name: id.toUpperCase(), flopsPerSecond, levels, builtIn: true };
}

function model(flops: number, bytes: BytesByLevel, extra: Partial<Model> = {}): Model {
  return { name: 'm', precision: 'fp16', flops, bytes, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch: 1, ops: null, hardware: ['toy'], measuredSeconds: {}, ...extra };
}

/** Advice for one model on toy, with an optional baseline model to compare against. */
function adviceFor(head: Model, catalog: Device[] = [], base: Model | null = null): Advice[] {
  const { results } = compare([place(head, toy)], base ? [place(base, toy)] : null);
  return advise(results, [head], new Map([['toy', toy]]), catalog);
}

const summary = (advice: Advice[]) => advice.map((a) => [a.kind, Number(a.throughput.toPrecision(6)), Number(a.gain.toPrecision(6))]);

describe('a DRAM-bound model', () => {
  // 1 TFLOP over 50 GB: I = 20 against a ridge of 100; T = 5e10 / 1e12 = 0.05 s, 20/s.
  const bound = model(1e12, { dram: 5e10 });
  const catalog = [
    device('toy', { fp16: 1e16 }, 1e15), // the pair's own id: never a move
    device('fast', { fp16: 1000e12 }, 4e12), // T = max(0.001, 0.0125) = 0.0125 s: 80/s
    device('wide', { fp16: 100e12 }, 2e12), // T = 0.025 s: 40/s
    device('mid', { fp16: 100e12 }, 1.5e12), // T = 0.0333 s: 30/s, sixth by gain, left out
    device('slow', { fp16: 100e12 }, 0.5e12), // slower: never advised
    device('no-fp16', { fp32: 1e15 }, 10e12), // does not offer the precision
    device('no-dram', { fp16: 1e15 }), // has no DRAM level
  ];

  it('orders what each change would buy, largest first, at most five', () => {
    // reach the ridge: DRAM bytes 1e12 / 100 = 10 GB, T = 0.01 s: 100/s (x5)
    // 4-bit weights: 12.5 GB, T = 0.0125 s: 80/s (x4), tied with moving to fast, and listed first (stable)
    // 8-bit weights: 25 GB, T = 0.025 s: 40/s (x2), tied with wide
    // fp16 -> fp8 buys nothing while memory-bound, so it is not advised.
    expect(summary(adviceFor(bound, catalog))).toEqual([
      ['reach-ridge', 100, 5],
      ['quantize-4bit', 80, 4],
      ['move-device', 80, 4],
      ['quantize-8bit', 40, 2],
      ['move-device', 40, 2],
    ]);
  });

  it('names the figure each item changes', () => {
    const [ridge, quartered, move] = adviceFor(bound, catalog);
    expect(ridge).toMatchObject({
      model: 'm', hardware: 'toy',
      message: 'm on toy: raise DRAM intensity 20.0 -> 100 FLOP/B, the ridge (DRAM bytes 50.0 GB -> 10.0 GB): throughput 20.0/s -> 100/s (+400.0%)',
      change: { figure: 'bytes.dram', before: 5e10, after: 1e10 },
    });
    expect(quartered!.message).toBe(
      'm on toy: store weights in 4 bits (DRAM bytes quartered, 50.0 GB -> 12.5 GB): throughput 20.0/s -> 80.0/s (+300.0%)',
    );
    expect(move).toMatchObject({ message: 'm on toy: move to FAST (fast): throughput 20.0/s -> 80.0/s (+300.0%)', change: { figure: 'hardware', before: 'toy', after: 'fast' } });
  });

  it('quantises only to widths narrower than the model precision', () => {
    // fp8 is already 8 bits: only 4-bit weights remain. Ridge 200e12 / 1e12 = 200: reaching it is 5 GB, 200/s (x10);
    // 4-bit weights 12.5 GB, 80/s (x4). The device offers no fp4, so there is no lower precision.
    expect(adviceFor(model(1e12, { dram: 5e10 }, { precision: 'fp8' })).map((a) => a.kind)).toEqual(['reach-ridge', 'quantize-4bit']);
  });
});

describe('an L2-bound model', () => {
  // DRAM I = 1e12 / 5e9 = 200 (eave 200e12), L2 I = 1e12 / 1e11 = 10 (eave 50e12): L2 binds, T = 0.02 s, 50/s.
  const bound = model(1e12, { dram: 5e9, l2: 1e11 });

  it('fuses the level away, reaches its ridge, and stops at the roof', () => {
    // Fusing L2 away or cutting it to 1e12 / 20 = 50 GB both leave T = max(F / P, DRAM) = max(0.01, 0.005) = 0.01 s:
    // 100/s, the roof, not the 200/s that dropping a 0.02 s L2 term alone would suggest.
    // Halving DRAM bytes buys nothing (L2 binds): not advised. A device without L2 is no move.
    // big: T = max(1e12 / 1e15, 5e9 / 4e12, 1e11 / 2e13) = 0.005 s: 200/s.
    const catalog = [device('big', { fp16: 1e15 }, 4e12, 2e13), device('dram-only', { fp16: 1e16 }, 1e15)];
    const advice = adviceFor(bound, catalog);
    expect(summary(advice)).toEqual([
      ['move-device', 200, 4],
      ['reach-ridge', 100, 2],
      ['fuse-level', 100, 2],
    ]);
    expect(advice[2]!.message).toBe(
      'm on toy: fuse kernels to remove L2 round trips (L2 bytes 100 GB -> 0 B): throughput 50.0/s -> 100/s (+100.0%)',
    );
  });
});

describe('a compute-bound model', () => {
  // fp32 at 10 TFLOP/s, 1 TFLOP over 1 GB (I = 1000 against a ridge of 10): T = 0.1 s, 10/s.
  const fp32 = model(1e12, { dram: 1e9 }, { precision: 'fp32' });

  it('gets no advice while it holds its baseline', () => {
    expect(adviceFor(fp32)).toEqual([]);
    expect(adviceFor(fp32, [], fp32)).toEqual([]);
  });

  it('when regressed, moves to the next lower precision the device offers, bytes unchanged', () => {
    // The baseline ran twice the batch in the same time: 20/s -> 10/s.
    // TF32 tensor cores: T = max(1e12 / 50e12, 1e9 / 1e12) = 0.02 s: 50/s. 8-bit weights buy nothing here.
    // fp32-only: T = max(1e12 / 20e12, 1e-4) = 0.05 s: 20/s.
    const catalog = [device('fp32-only', { fp32: 20e12 }, 10e12)];
    const advice = adviceFor(fp32, catalog, { ...fp32, batch: 2 });
    expect(summary(advice)).toEqual([
      ['lower-precision', 50, 5],
      ['move-device', 20, 2],
    ]);
    expect(advice[0]).toMatchObject({
      message: 'm on toy: use the TF32 tensor cores (roof 10.0 TFLOP/s -> 50.0 TFLOP/s, bytes unchanged): throughput 10.0/s -> 50.0/s (+400.0%)',
      change: { figure: 'precision', before: 'fp32', after: 'tf32' },
    });
  });

  it('fp16 -> fp8 halves compute time while compute-bound', () => {
    // 1 TFLOP at 100 -> 200 TFLOP/s: 0.01 s -> 0.005 s, 100/s -> 200/s; the baseline ran 110/s.
    const fp16 = model(1e12, { dram: 1e9 });
    expect(summary(adviceFor(fp16, [], { ...fp16, batch: 1.1 }))).toEqual([['lower-precision', 200, 2]]);
  });
});

describe('a model given as ops', () => {
  it('recomputes op by op rather than from the aggregate point', () => {
    // a: 1 TFLOP over 10 GB: max(0.01, 0.01) = 0.01 s. b: no FLOPs, 40 GB: 0.04 s. Total 0.05 s, 20/s.
    // Aggregate: 1 TFLOP over 50 GB, I = 20, ridge 100: every op's DRAM bytes scaled by 10 / 50 = 0.2.
    // Reach the ridge: a 2 GB -> 0.01 s, b 8 GB -> 0.008 s: 0.018 s, 55.6/s (the aggregate alone would say 100/s).
    // 4-bit: a 2.5 GB -> 0.01 s, b 10 GB -> 0.01 s: 0.02 s, 50/s. 8-bit: 0.01 + 0.02 = 0.03 s, 33.3/s.
    const ops = model(1e12, { dram: 5e10 }, {
      ops: [{ name: 'a', flops: 1e12, bytes: { dram: 1e10 }, kinds: {} }, { name: 'b', flops: 0, bytes: { dram: 4e10 }, kinds: {} }],
    });
    expect(summary(adviceFor(ops))).toEqual([
      ['reach-ridge', 55.5556, 2.77778],
      ['quantize-4bit', 50, 2.5],
      ['quantize-8bit', 33.3333, 1.66667],
    ]);
  });

  it('fuses a level that binds one of its slowest ops even when DRAM binds the aggregate', () => {
    // a: L2 2e11 / 5e12 = 0.04 s (L2-bound op). b: DRAM 1e11 / 1e12 = 0.1 s. Aggregate DRAM I = 10, L2 I = 5:
    // eaves 10e12 and 25e12, so DRAM binds the point. Fusing L2 leaves a its compute, 1e12 / 100e12 = 0.01 s:
    // 0.14 s -> 0.11 s (x1.27273).
    const ops = model(1e12, { dram: 1e11, l2: 2e11 }, {
      ops: [{ name: 'a', flops: 1e12, bytes: { l2: 2e11 }, kinds: {} }, { name: 'b', flops: 0, bytes: { dram: 1e11 }, kinds: {} }],
    });
    const fused = adviceFor(ops).find((a) => a.kind === 'fuse-level');
    expect([fused?.change, Number(fused?.gain.toPrecision(6))]).toEqual([{ figure: 'bytes.l2', before: 2e11, after: 0 }, 1.27273]);
  });
});

describe('pairs it cannot advise on', () => {
  it('skips pairs whose model or device is unknown', () => {
    const { results } = compare([place(model(1e12, { dram: 5e10 }), toy)], null);
    expect(advise(results, [], new Map([['toy', toy]]), [])).toEqual([]);
    expect(advise(results, [model(1e12, { dram: 5e10 })], new Map(), [])).toEqual([]);
  });
});

describe('property: advice never promises above the roof, and is ordered by gain', () => {
  const rate = fc.double({ min: 1e9, max: 1e16, noNaN: true });
  const optionalRate = fc.option(rate, { nil: undefined });
  const deviceArb = (id: string) =>
    fc.record({ fp32: rate, tf32: optionalRate, fp16: rate, fp8: optionalRate, int8: rate, int4: optionalRate, dram: rate, l2: optionalRate })
      .map(({ dram, l2, ...roofs }): Device => {
        const flopsPerSecond = Object.fromEntries(Object.entries(roofs).filter(([, value]) => value !== undefined));
        return device(id, flopsPerSecond, dram, l2);
      });
  const bytes = fc.double({ min: 0, max: 1e12, noNaN: true });
  // At least 1 FLOP per op, so that the roof batch * P / F is finite.
  const opArb = fc.record({ flops: fc.double({ min: 1, max: 1e14, noNaN: true }), dram: bytes, l2: bytes });

  it('holds for random models, devices and catalogs', () => {
    fc.assert(
      fc.property(
        deviceArb('here'),
        fc.array(deviceArb('other'), { maxLength: 5 }).map((others) => others.map((d, i) => ({ ...d, id: `c${i}` }))),
        fc.constantFrom<Precision>('fp32', 'fp16', 'int8'),
        fc.array(opArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (here, catalog, precision, opList, perOp, batch, regressed) => {
          const hasL2 = here.levels.length > 1;
          const opBytes = (op: { dram: number; l2: number }): BytesByLevel => (hasL2 ? { dram: op.dram, l2: op.l2 } : { dram: op.dram });
          const ops = opList.map((op, i) => ({ name: `op${i}`, flops: op.flops, bytes: opBytes(op), kinds: {} }));
          const sum = (pick: (op: (typeof ops)[number]) => number) => ops.reduce((total, op) => total + pick(op), 0);
          const flops = sum((op) => op.flops);
          const totals: BytesByLevel = hasL2 ? { dram: sum((op) => op.bytes.dram!), l2: sum((op) => op.bytes.l2!) } : { dram: sum((op) => op.bytes.dram!) };
          const m: Model = {
            name: 'm', precision, flops, bytes: totals, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch, hardware: ['here'], measuredSeconds: {},
            ops: perOp ? ops : null,
          };
          const head = place(m, here);
          const base = regressed ? [place({ ...m, batch: batch * 2 }, here)] : null;
          const advice = advise(compare([head], base).results, [m], new Map([['here', here]]), catalog);
          expect(advice.length).toBeLessThanOrEqual(5);
          advice.forEach((item, i) => {
            const target = item.change?.figure === 'hardware' ? catalog.find((d) => d.id === item.change?.after)! : here;
            const used = item.change?.figure === 'precision' ? (item.change.after as Precision) : precision;
            const roof = (batch * target.flopsPerSecond[used]!) / flops;
            expect(item.throughput).toBeLessThanOrEqual(roof * (1 + 1e-12));
            expect(item.gain).toBeGreaterThan(1);
            expect(item.message).not.toMatch(/NaN|∞/);
            if (i > 0) expect(item.gain).toBeLessThanOrEqual(advice[i - 1]!.gain);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
