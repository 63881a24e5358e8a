// Advice: the tutorial's optimisations with figures, ordered by gain, never above the roof.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findEntry, toDevice } from '../src/core/catalog/index.js';
import { aggregateKinds } from '../src/core/config/kinds.js';
import { loadConfig, type ConfigIssue } from '../src/core/config/index.js';
import { advise, compare } from '../src/core/gate/index.js';
import type { Advice, AdviceNote } from '../src/core/gate/types.js';
import { buildReport } from '../src/core/report/build.js';
import { renderText } from '../src/core/report/text.js';
import { place } from '../src/core/roofline.js';
import type { BytesByKind, BytesByLevel, Device, Model, Precision } from '../src/core/types.js';
import { refusal } from './__fixtures__/config-error.js';

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

/** Advice and notes for one model on `on` (toy by default), with devices to move to and an optional baseline. */
function advised(head: Model, listed: Device[] = [], base: Model | null = null, on: Device = toy): { advice: Advice[]; notes: AdviceNote[] } {
  const { results } = compare([place(head, on)], base ? [place(base, on)] : null);
  return advise(results, [head], new Map([[on.id, on]]), listed);
}

const adviceFor = (head: Model, listed: Device[] = [], base: Model | null = null): Advice[] => advised(head, listed, base).advice;

const summary = (advice: Advice[]) => advice.map((a) => [a.kind, Number(a.throughput.toPrecision(6)), Number(a.gain.toPrecision(6))]);

describe('a DRAM-bound model whose bytes are not split by kind', () => {
  // 1 TFLOP over 50 GB: I = 20 against a ridge of 100; T = 5e10 / 1e12 = 0.05 s, 20/s.
  const bound = model(1e12, { dram: 5e10 });
  const listed = [
    device('toy', { fp16: 1e16 }, 1e15), // the pair's own id: never a move
    device('fast', { fp16: 1000e12 }, 4e12), // T = max(0.001, 0.0125) = 0.0125 s: 80/s
    device('wide', { fp16: 100e12 }, 2e12), // T = 0.025 s: 40/s
    device('mid', { fp16: 100e12 }, 1.5e12), // T = 0.0333 s: 30/s
    device('near', { fp16: 100e12 }, 1.25e12), // T = 0.04 s: 25/s, fourth of the moves, left out
    device('slow', { fp16: 100e12 }, 0.5e12), // slower: never advised
    device('no-fp16', { fp32: 1e15 }, 10e12), // does not offer the precision
    device('no-dram', { fp16: 1e15 }), // has no DRAM level
  ];

  it('halves the bytes at most, moves to the listed devices, and stores nothing in fewer bits', () => {
    // The ridge would need DRAM bytes 1e12 / 100 = 10 GB (x5), but what the 50 GB are is unknown (they may
    // be all weights, which no fusion cuts): the cut stops at half, 25 GB, T = 0.025 s: 40/s (x2). It ties
    // with the move to wide and, computed before the moves, is listed first. Then the three best moves.
    // No quantize-* and no raise-batch item: guessing "all weights" would promise x4 for 4-bit weights.
    // fp16 -> fp8 buys nothing while memory-bound with bytes unchanged.
    expect(summary(adviceFor(bound, listed))).toEqual([
      ['move-device', 80, 4],
      ['reach-ridge', 40, 2],
      ['move-device', 40, 2],
      ['move-device', 30, 1.5],
    ]);
  });

  it('names the figure each item changes', () => {
    const [move, ridge] = adviceFor(bound, listed);
    expect(ridge).toMatchObject({
      model: 'm', hardware: 'toy',
      message:
        'm on toy: cut DRAM bytes 50.0 GB -> 25.0 GB by fusing kernels, at most half, as the split is unknown ' +
        '(weights are read once per pass however kernels are fused; the ridge, 100 FLOP/B, would need 10.0 GB): throughput 20.0/s -> 40.0/s (+100.0%)',
      change: { figure: 'bytes.dram', before: 5e10, after: 2.5e10 },
    });
    expect(move).toMatchObject({ message: 'm on toy: move to FAST (fast): throughput 20.0/s -> 80.0/s (+300.0%)', change: { figure: 'hardware', before: 'toy', after: 'fast' } });
  });

  it('moves nowhere unless devices are listed', () => {
    expect(adviceFor(bound).map((a) => a.kind)).toEqual(['reach-ridge']);
  });

  it("never promises more than halving the bytes, however far the ridge is (README's llama-8b-decode)", () => {
    // H100 SXM: bf16 989.4 TFLOP/s, DRAM 3.35 TB/s, ridge 989.4 / 3.35 = 295.34. 16 GFLOP over 16 GB: I = 1,
    // T = max(16e9 / 989.4e12, 16e9 / 3.35e12) = 4.776 ms, 209.375/s. The ridge would need 16e9 / 295.34 =
    // 54.17 MB, a cut of x295 (+29434%) no fusion makes of bytes that may all be weights: 8 GB, 2.388 ms,
    // 418.75/s (x2), with the assumption and the ridge's figure in the message.
    const h100 = toDevice(findEntry('h100')!);
    const decode = model(16e9, { dram: 16e9 }, { name: 'llama-8b-decode', precision: 'bf16', hardware: ['h100-sxm'] });
    const { advice } = advised(decode, [], null, h100);
    expect(summary(advice)).toEqual([['reach-ridge', 418.75, 2]]);
    expect(advice[0]!.message).toBe(
      'llama-8b-decode on h100-sxm: cut DRAM bytes 16.0 GB -> 8.00 GB by fusing kernels, at most half, as the split is unknown ' +
        '(weights are read once per pass however kernels are fused; the ridge, 295 FLOP/B, would need 54.2 MB): throughput 209/s -> 419/s (+100.0%)',
    );
  });

  it('says that the split is unknown, and how to give it', () => {
    expect(advised(bound).notes).toEqual([
      {
        model: 'm', kind: 'split-unknown', levels: ['dram'],
        message:
          'm: bytes by kind unknown at DRAM, so no advice there on storing weights, activations or the KV cache in fewer bits, nor on the batch; ' +
          'give the split, as in bytes: { dram: { weights: ..., kv: ... } }',
      },
    ]);
  });
});

describe('a DRAM-bound model with its bytes split by kind', () => {
  // 1.6 TFLOP over 50 GB of DRAM: 40 GB weights, 4 GB activations, 6 GB KV, all at 16 bits (fp16).
  // T = max(1.6e12 / 100e12, 5e10 / 1e12) = max(0.016, 0.05) = 0.05 s: 20/s. Ridge 100, I = 32.
  const split = model(1.6e12, { dram: 5e10 }, { kinds: { dram: { weights: 4e10, activations: 4e9, kv: 6e9 } } });

  it('rescales only the kind each item changes, and raises the batch to the ridge', () => {
    // raise-batch: weights are 40 of 50 GB. At batch b, F = 1.6e12 b and D = 4e10 + 1e10 b; F / D = 100 at
    //   1.6e12 b = 4e12 + 1e12 b, b = 4e12 / 0.6e12 = 6.67, so batch 7: F = 11.2e12 (0.112 s), D = 110 GB
    //   (0.11 s): T = 0.112 s, 7 / 0.112 = 62.5/s (x3.125), the roof's 100e12 / 1.6e12 per sample.
    // 4-bit weights: 10 + 4 + 6 = 20 GB, T = max(0.016, 0.02) = 0.02 s: 50/s (x2.5). Activations stay at 16
    //   bits, so the roof stays fp16.
    // fp16 -> fp8: roof 200 TFLOP/s, weights and activations at 8 bits, KV kept: 20 + 2 + 6 = 28 GB,
    //   T = max(0.008, 0.028) = 0.028 s: 35.7/s (x1.786).
    // 8-bit weights: 20 + 4 + 6 = 30 GB, 0.03 s: 33.3/s (x1.667).
    // reach the ridge: 1.6e12 / 100 = 16 GB would need less than the 40 GB of weights and 6 GB of KV, which
    //   fusion does not cut: the 4 GB of activations go, 46 GB, 0.046 s, 21.739/s (x1.08696).
    // Left out, sixth and beyond: 8-bit KV 47 GB (x1.064), 8-bit activations 48 GB (x1.042).
    const advice = adviceFor(split);
    expect(summary(advice)).toEqual([
      ['raise-batch', 62.5, 3.125],
      ['quantize-weights', 50, 2.5],
      ['lower-precision', 35.7143, 1.78571],
      ['quantize-weights', 33.3333, 1.66667],
      ['reach-ridge', 21.7391, 1.08696],
    ]);
    expect(advice.map((a) => [a.change, a.message])).toEqual([
      [{ figure: 'batch', before: 1, after: 7 }, 'm on toy: raise the batch 1 -> 7 (DRAM weights 40.0 GB are read once per pass; the point reaches the DRAM ridge at batch 6.67): throughput 20.0/s -> 62.5/s (+212.5%)'],
      [{ figure: 'bits.weights', before: 16, after: 4 }, 'm on toy: store weights in 4 bits instead of 16 (DRAM bytes 50.0 GB -> 20.0 GB): throughput 20.0/s -> 50.0/s (+150.0%)'],
      [{ figure: 'precision', before: 'fp16', after: 'fp8' }, 'm on toy: compute in fp8 (roof 100 TFLOP/s -> 200 TFLOP/s, weights and activations in 8 bits: DRAM bytes 50.0 GB -> 28.0 GB): throughput 20.0/s -> 35.7/s (+78.6%)'],
      [{ figure: 'bits.weights', before: 16, after: 8 }, 'm on toy: store weights in 8 bits instead of 16 (DRAM bytes 50.0 GB -> 30.0 GB): throughput 20.0/s -> 33.3/s (+66.7%)'],
      [
        { figure: 'bytes.dram', before: 5e10, after: 4.6e10 },
        'm on toy: cut DRAM bytes 50.0 GB -> 46.0 GB by fusing kernels, all activations kept on chip (weights and the KV cache are read once per pass ' +
          'however kernels are fused; the ridge, 100 FLOP/B, would need 16.0 GB): throughput 20.0/s -> 21.7/s (+8.7%)',
      ],
    ]);
    expect(advised(split).notes).toEqual([]);
  });

  it('quantises only to widths narrower than the kind is stored in', () => {
    // fp8 model, everything at 8 bits: only 4-bit weights remain (KV and activations go no lower than 8).
    // 40 GB weights -> 20 GB: 20 + 4 + 6 = 30 GB, 0.03 s: 33.3/s (x1.667). Weights at 4 and activations at
    // 8 allow an 8-bit roof, but toy's fastest is fp8 itself. Ridge 200: reaching it would be 8 GB, floored
    // at the 40 GB of weights and 6 GB of KV (x50 / 46 = 1.087). The device offers no fp4: no lower precision. Batch: F = 1.6e12 b
    // against 200 (4e10 + 1e10 b) crosses at b = 8e12 / (1.6e12 - 2e12) < 0: never; batch 2 moves
    // 60 GB in 0.06 s: 33.3/s, and 4-bit weights (listed first) tie with it.
    const fp8 = { ...split, precision: 'fp8' as const, bits: { weights: 8, activations: 8, kv: 8 } };
    const advice = adviceFor(fp8);
    expect(advice.map((a) => [a.kind, a.change])).toEqual([
      ['quantize-weights', { figure: 'bits.weights', before: 8, after: 4 }],
      ['raise-batch', { figure: 'batch', before: 1, after: 2 }],
      ['reach-ridge', { figure: 'bytes.dram', before: 5e10, after: 4.6e10 }],
    ]);
    expect(advice[1]!.message).toBe(
      'm on toy: raise the batch 1 -> 2 (DRAM weights 40.0 GB are read once per pass; activations and KV grow with it, so DRAM stays below the ridge at any batch): throughput 20.0/s -> 33.3/s (+66.7%)',
    );
  });

  it('never suggests a batch past the largest a config takes (1,000,000,000)', () => {
    // Found at the ends of the ranges (the CLI printed "raise the batch 1 -> 1.00e30"): 1 MFLOP over 1 PB,
    // all weights. I = 1e6 / 1e15 = 1e-9 against a ridge of 100; the ridge is reached at
    // b = R W b0 / F = 100 * 1e15 / 1e6 = 1e11, past MAX_BATCH = 1e9: no raise-batch item.
    const weightBound = model(1e6, { dram: 1e15 }, { kinds: { dram: { weights: 1e15 } } });
    expect(adviceFor(weightBound).map((a) => a.kind)).not.toContain('raise-batch');
    // With a hundredth of the bytes (10 TB) the ridge is at b = 100 * 1e13 / 1e6 = 1e9, just allowed.
    const reachable = model(1e6, { dram: 1e13 }, { kinds: { dram: { weights: 1e13 } } });
    expect(adviceFor(reachable).find((a) => a.kind === 'raise-batch')?.change).toEqual({ figure: 'batch', before: 1, after: 1e9 });
  });

  it('reaches the ridge by fusing away activations, more than halving them where the split says they are activations', () => {
    // A prefill-like pass whose attention scores go through DRAM: 2 TFLOP over 10 GB of weights and 30 GB of
    // activations. I = 50 against 100: T = max(0.02, 0.04) = 0.04 s, 25/s. The ridge needs 2e12 / 100 = 20 GB,
    // above the 10 GB of weights: the activations go from 30 to 10 GB, T = max(0.02, 0.02) = 0.02 s, 50/s (x2).
    const prefill = model(2e12, { dram: 4e10 }, { kinds: { dram: { weights: 1e10, activations: 3e10 } } });
    const ridge = adviceFor(prefill).find((a) => a.kind === 'reach-ridge');
    expect(ridge).toMatchObject({
      message: 'm on toy: raise DRAM intensity 50.0 -> 100 FLOP/B, the ridge, by fusing kernels (DRAM bytes 40.0 GB -> 20.0 GB, cutting only activations): throughput 25.0/s -> 50.0/s (+100.0%)',
      change: { figure: 'bytes.dram', before: 4e10, after: 2e10 },
      gain: 2,
    });
  });
});

describe('an L2-bound model', () => {
  // DRAM I = 1e12 / 5e9 = 200 (eave 200e12), L2 I = 1e12 / 1e11 = 10 (eave 50e12): L2 binds, T = 0.02 s, 50/s.
  const bound = model(1e12, { dram: 5e9, l2: 1e11 });

  it('fuses the level towards its ridge, and stops at the roof', () => {
    // The ridge needs L2 bytes 1e12 / 20 = 50 GB, half of them, as far as fusion is taken to cut bytes of unknown
    // kind: T = max(F / P, DRAM, L2) = max(0.01, 0.005, 0.01) = 0.01 s: 100/s, the roof. One item: reach-ridge is
    // the fusion of the binding level, so there is no fuse-level item for L2 beside it.
    // Halving DRAM bytes buys nothing (L2 binds): not advised. A device without L2 is no move.
    // big: T = max(1e12 / 1e15, 5e9 / 4e12, 1e11 / 2e13) = 0.005 s: 200/s.
    const catalog = [device('big', { fp16: 1e15 }, 4e12, 2e13), device('dram-only', { fp16: 1e16 }, 1e15)];
    const advice = adviceFor(bound, catalog);
    expect(summary(advice)).toEqual([
      ['move-device', 200, 4],
      ['reach-ridge', 100, 2],
    ]);
    expect(advice[1]!.message).toBe(
      'm on toy: raise L2 intensity 10.0 -> 20.0 FLOP/B, the ridge, by fusing kernels (L2 bytes 100 GB -> 50.0 GB): throughput 50.0/s -> 100/s (+100.0%)',
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
  it('recomputes op by op, each op rescaled by its own split', () => {
    // a: 1 TFLOP over 10 GB of weights: max(0.01, 0.01) = 0.01 s. b: no FLOPs, 40 GB of KV: 0.04 s. Total 0.05 s, 20/s.
    // Aggregate: 1 TFLOP over 50 GB, I = 20, ridge 100: the ridge needs 10 GB, but there are no activations for
    // fusion to cut, and a decode step reads its weights and KV once whatever is fused: no reach-ridge item.
    // (Cutting the other kinds to the ridge would have dropped b's KV to 0 B and promised 100/s, x5.)
    // 8-bit KV: b 20 GB -> 0.02 s: 0.03 s, 33.3/s. fp16 -> fp8: a's weights 5 GB at 200 TFLOP/s, 0.005 s; b keeps
    // its KV: 0.045 s, 22.2/s. Weights in 8 or 4 bits buy nothing: a stays at its compute time, 0.01 s, and b
    // holds no weights (the aggregate alone would have said 50 GB -> 45 GB or 42.5 GB).
    const ops = model(1e12, { dram: 5e10 }, {
      kinds: { dram: { weights: 1e10, kv: 4e10 } },
      ops: [
        { name: 'a', flops: 1e12, bytes: { dram: 1e10 }, kinds: { dram: { weights: 1e10 } } },
        { name: 'b', flops: 0, bytes: { dram: 4e10 }, kinds: { dram: { kv: 4e10 } } },
      ],
    });
    expect(summary(adviceFor(ops))).toEqual([
      ['quantize-kv', 33.3333, 1.66667],
      ['lower-precision', 22.2222, 1.11111],
    ]);
  });

  it('rescales the ops that split a level, leaves the others, and says that the rest is unknown', () => {
    // On a device without fp8. a: 0.1 TFLOP, 20 GB of weights: max(0.001, 0.02) = 0.02 s. b: 40 GB unsplit:
    // 0.04 s. Total 0.06 s, 16.667/s. The aggregate DRAM split is unknown (b gives none).
    // Reach the ridge: 1e11 / 100 = 1 GB, but a's weights stay and b's bytes of unknown kind are at most
    // halved: a 0.02 s, b 20 GB, 0.02 s: 0.04 s, 25/s (x1.5). 4-bit weights: a 5 GB, 0.005 s: 0.045 s,
    // 22.2/s (x1.333). 8-bit: a 10 GB, 0.01 s: 0.05 s, 20/s (x1.2). No batch advice: b's bytes may or may not grow.
    const noFp8 = device('no-fp8', { fp16: 100e12 }, 1e12);
    const ops = model(1e11, { dram: 6e10 }, {
      hardware: ['no-fp8'],
      ops: [
        { name: 'a', flops: 1e11, bytes: { dram: 2e10 }, kinds: { dram: { weights: 2e10 } } },
        { name: 'b', flops: 0, bytes: { dram: 4e10 }, kinds: {} },
      ],
    });
    const { advice, notes } = advised(ops, [], null, noFp8);
    expect(summary(advice)).toEqual([
      ['reach-ridge', 25, 1.5],
      ['quantize-weights', 22.2222, 1.33333],
      ['quantize-weights', 20, 1.2],
    ]);
    expect(advice[0]!.message).toBe(
      'm on no-fp8: cut DRAM bytes 60.0 GB -> 40.0 GB by fusing kernels, at most half of the 40.0 GB of unknown kind ' +
        '(weights are read once per pass however kernels are fused; the ridge, 100 FLOP/B, would need 1.00 GB): throughput 16.7/s -> 25.0/s (+50.0%)',
    );
    expect(notes.map((note) => note.message)).toEqual([
      'm: bytes by kind unknown at DRAM, so no advice there on storing weights, activations or the KV cache in fewer bits, nor on the batch; ' +
        "give each op's split, as in bytes: { dram: { weights: ..., kv: ... } } or bytes.dram.weights columns",
    ]);
  });

  it('fuses a level that binds one of its slowest ops even when DRAM binds the aggregate', () => {
    // a: L2 2e11 / 5e12 = 0.04 s (L2-bound op). b: DRAM 1e11 / 1e12 = 0.1 s. Aggregate DRAM I = 10, L2 I = 5:
    // eaves 10e12 and 25e12, so DRAM binds the point. a's L2 bytes are of unknown kind: fusion is taken to halve
    // them at most, 1e11 / 5e12 = 0.02 s against 1e12 / 100e12 = 0.01 s of compute: 0.14 s -> 0.12 s (x1.16667).
    // (Fusing all of them away, 0 B, would have promised x1.27273.)
    const ops = model(1e12, { dram: 1e11, l2: 2e11 }, {
      ops: [{ name: 'a', flops: 1e12, bytes: { l2: 2e11 }, kinds: {} }, { name: 'b', flops: 0, bytes: { dram: 1e11 }, kinds: {} }],
    });
    const fused = adviceFor(ops).filter((a) => a.kind === 'fuse-level');
    expect(fused.map((a) => [a.change, Number(a.gain.toPrecision(6))])).toEqual([[{ figure: 'bytes.l2', before: 2e11, after: 1e11 }, 1.16667]]);
    expect(fused[0]!.message).toBe(
      'm on toy: cut L2 bytes 200 GB -> 100 GB by fusing kernels, at most half, as the split is unknown (weights are read once per pass however ' +
        'kernels are fused): throughput 7.14/s -> 8.33/s (+16.7%)',
    );
    // b is DRAM-bound too, and DRAM binds the pair, but the outermost level's traffic is never fused away:
    // the weights and inputs have to come from somewhere.
    expect(fused.map((a) => a.change.figure)).not.toContain('bytes.dram');
  });
});

describe('a change that gains less than 1%', () => {
  // 1 TFLOP over 50 GB on toy: 0.05 s, 20/s (DRAM-bound, 0.01 s of compute). A device with 1.01 TB/s of DRAM
  // takes 5e10 / 1.01e12 s: 20.2/s, x1.01 exactly; one with 1.0099 TB/s x1.0099, under the 1% an item must gain.
  const bound = model(1e12, { dram: 5e10 });
  const near = [device('plus1', { fp16: 100e12 }, 1.01e12), device('plus099', { fp16: 100e12 }, 1.0099e12)];

  it('is not listed; one of exactly 1% is', () => {
    const moves = adviceFor(bound, near).filter((a) => a.kind === 'move-device');
    expect(moves.map((a) => a.message)).toEqual(['m on toy: move to PLUS1 (plus1): throughput 20.0/s -> 20.2/s (+1.0%)']);
  });

  it('leaves a pair with nothing worth doing without items', () => {
    // The same model on toy with DRAM bytes just over the ridge's: 1 TFLOP over 10.05 GB, I = 99.5 against 100.
    // T = 10.05e9 / 1e12 = 10.05 ms against 10 ms of compute. Reaching the ridge (10 GB) buys x1.005; halving
    // the bytes gains no more (compute binds at 10 ms); 8-bit anything is unknown (no split); fp8's roof
    // leaves T at 10.05 ms. Moving to plus1 or plus099 takes DRAM under 10 ms, so compute binds: 10 ms, x1.005.
    expect(adviceFor(model(1e12, { dram: 10.05e9 }), near)).toEqual([]);
  });
});

describe('pairs it cannot advise on', () => {
  it('skips pairs whose model or device is unknown', () => {
    const { results } = compare([place(model(1e12, { dram: 5e10 }), toy)], null);
    expect(advise(results, [], new Map([['toy', toy]]), [])).toEqual({ advice: [], notes: [] });
    expect(advise(results, [model(1e12, { dram: 5e10 })], new Map(), [])).toEqual({ advice: [], notes: [] });
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
  const fraction = fc.double({ min: 0, max: 1, noNaN: true });
  // At least 1 FLOP per op, so that the roof batch * P / F is finite. Some ops split their DRAM bytes by kind.
  const opArb = fc.record({
    flops: fc.double({ min: 1, max: 1e14, noNaN: true }), dram: bytes, l2: bytes,
    split: fc.option(fc.tuple(fraction, fraction), { nil: undefined }),
  });
  /** The roofs an item may reach: a what-if that narrows weights or activations may move to an 8- or 4-bit roof. */
  const roofOf = (item: Advice, on: Device, precision: Precision): number => {
    if (item.change.figure === 'precision') return on.flopsPerSecond[item.change.after as Precision]!;
    if (!item.change.figure.startsWith('bits.')) return on.flopsPerSecond[precision]!;
    return Math.max(...([precision, 'fp8', 'int8', 'fp4', 'int4'] as const).map((p) => on.flopsPerSecond[p] ?? 0));
  };

  it('holds for random models, devices and listed devices', () => {
    fc.assert(
      fc.property(
        deviceArb('here'),
        fc.array(deviceArb('other'), { maxLength: 5 }).map((others) => others.map((d, i) => ({ ...d, id: `c${i}` }))),
        fc.constantFrom<Precision>('fp32', 'fp16', 'int8'),
        fc.array(opArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        fc.boolean(),
        (here, listed, precision, opList, perOp, batch, regressed) => {
          const hasL2 = here.levels.length > 1;
          const opBytes = (op: { dram: number; l2: number }): BytesByLevel => (hasL2 ? { dram: op.dram, l2: op.l2 } : { dram: op.dram });
          const opKinds = ({ dram, split }: (typeof opList)[number]): BytesByKind => {
            if (!split) return {};
            const [weights, kv] = [dram * split[0], dram * (1 - split[0]) * split[1]];
            return { dram: { weights, kv, activations: dram - weights - kv } };
          };
          const ops = opList.map((op, i) => ({ name: `op${i}`, flops: op.flops, bytes: opBytes(op), kinds: opKinds(op) }));
          const sum = (pick: (op: (typeof ops)[number]) => number) => ops.reduce((total, op) => total + pick(op), 0);
          const flops = sum((op) => op.flops);
          const totals: BytesByLevel = hasL2 ? { dram: sum((op) => op.bytes.dram!), l2: sum((op) => op.bytes.l2!) } : { dram: sum((op) => op.bytes.dram!) };
          const bits = { weights: 16, activations: 16, kv: 16 };
          const m: Model = {
            name: 'm', precision, flops, bytes: totals, kinds: aggregateKinds(ops), bits, batch, hardware: ['here'], measuredSeconds: {},
            ops: perOp ? ops : null,
          };
          const head = place(m, here);
          const base = regressed ? [place({ ...m, batch: batch * 2 }, here)] : null;
          const { advice } = advise(compare([head], base).results, [m], new Map([['here', here]]), listed);
          expect(advice.length).toBeLessThanOrEqual(5);
          advice.forEach((item, i) => {
            const target = item.change.figure === 'hardware' ? listed.find((d) => d.id === item.change.after)! : here;
            // Samples per second at the roof: batch * P / F, whatever the batch (F grows with it).
            expect(item.throughput).toBeLessThanOrEqual(((batch * roofOf(item, target, precision)) / flops) * (1 + 1e-12));
            // At least 1% (rounded to 1e-9, as the advice rounds it).
            expect(item.gain).toBeGreaterThanOrEqual(1.01 - 1e-9);
            // A fusion cut keeps every op's weights and KV, and at least half of its bytes of unknown kind (a model
            // given as totals is one op, split only where all its ops split the level).
            if (item.kind === 'reach-ridge' || item.kind === 'fuse-level') {
              const level = item.change.figure.slice('bytes.'.length);
              const kept = (perOp ? ops : [{ bytes: totals, kinds: m.kinds }]).reduce((total, op) => {
                const split = op.kinds[level];
                return total + (split ? (split.weights ?? 0) + (split.kv ?? 0) : op.bytes[level]! / 2);
              }, 0);
              expect(item.change.after as number).toBeGreaterThanOrEqual(kept * (1 - 1e-9));
            }
            expect(item.message).not.toMatch(/NaN|∞|undefined/);
            if (i > 0) expect(item.gain).toBeLessThanOrEqual(advice[i - 1]!.gain);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a Llama-2-7B-like decode step at batch 16 on an A100 (SXM4 80GB)', () => {
  // A100: fp16 312 TFLOP/s, int8 624 TOP/s, no fp8; DRAM 2.039 TB/s, so the DRAM ridge is 312e12 / 2.039e12 = 153.0.
  const a100 = toDevice(findEntry('a100')!);
  // 6.74 B parameters at 2 bytes: 13.5 GB of weights, read once for all 16 sequences. KV cache: 0.5 MiB per
  // token (2 x 32 layers x 4096 x 2 B), about 2,100 tokens of context x 16 sequences: 17.5 GB. Activations 0.5 GB.
  // FLOPs: 2 x 6.74e9 x 16 for the weights plus attention over the context: about 230 GFLOP.
  // D = 31.5 GB: T = max(230e9 / 312e12, 31.5e9 / 2.039e12) = max(0.737 ms, 15.449 ms) = 15.449 ms:
  // 16 / 0.0154487 = 1035.68/s, DRAM-bound (I = 230 / 31.5 = 7.30 against 153).
  const decode = (kinds: { weights: number; kv: number; activations: number }, extra: Partial<Model> = {}) =>
    model(230e9, { dram: kinds.weights + kinds.kv + kinds.activations }, { name: 'llama', batch: 16, hardware: ['a100-sxm4-80gb'], kinds: { dram: kinds }, ...extra });
  const long = decode({ weights: 13.5e9, kv: 17.5e9, activations: 0.5e9 });

  it('4-bit weights buy +47%, not the +300% of quartering every byte; 8-bit KV +38%', () => {
    // 4-bit weights: 13.5 / 4 + 17.5 + 0.5 = 21.375 GB: 10.483 ms, 1526.27/s, x 31.5 / 21.375 = 1.47368.
    //   (Quartering all 31.5 GB, as if they were weights, would say 7.875 GB and x4.)
    // 8-bit KV: 13.5 + 8.75 + 0.5 = 22.75 GB: 1434.02/s, x 31.5 / 22.75 = 1.38462.
    // 8-bit weights: 6.75 + 18 = 24.75 GB: 1318.14/s, x1.27273. 8-bit activations: 31.25 GB: 1043.97/s, x1.008,
    //   on the fp16 roof still (the weights are at 16 bits): +0.8%, under the 1% an item must gain, not listed.
    // Reach the ridge: 230e9 / 153.0 = 1.50 GB, but the 13.5 GB of weights and 17.5 GB of KV are read once
    //   whatever is fused: the 0.5 GB of activations go, 31 GB, 15.204 ms, 1052.39/s, x 31.5 / 31 = 1.01613.
    //   (Cutting to the weights alone, dropping the KV cache a decode step must read, would have said x2.33.)
    // No raise-batch: the KV cache, not the weights, is most of the bytes (13.5 of 31.5 GB). No fp8 on an A100.
    const { advice, notes } = advised(long, [], null, a100);
    expect(summary(advice)).toEqual([
      ['quantize-weights', 1526.27, 1.47368],
      ['quantize-kv', 1434.02, 1.38462],
      ['quantize-weights', 1318.14, 1.27273],
      ['reach-ridge', 1052.39, 1.01613],
    ]);
    expect(advice.map((a) => a.message)).toEqual([
      'llama on a100-sxm4-80gb: store weights in 4 bits instead of 16 (DRAM bytes 31.5 GB -> 21.4 GB): throughput 1.04k/s -> 1.53k/s (+47.4%)',
      'llama on a100-sxm4-80gb: store the KV cache in 8 bits instead of 16 (DRAM bytes 31.5 GB -> 22.8 GB): throughput 1.04k/s -> 1.43k/s (+38.5%)',
      'llama on a100-sxm4-80gb: store weights in 8 bits instead of 16 (DRAM bytes 31.5 GB -> 24.8 GB): throughput 1.04k/s -> 1.32k/s (+27.3%)',
      'llama on a100-sxm4-80gb: cut DRAM bytes 31.5 GB -> 31.0 GB by fusing kernels, all activations kept on chip (weights and the KV cache are read ' +
        'once per pass however kernels are fused; the ridge, 153 FLOP/B, would need 1.50 GB): throughput 1.04k/s -> 1.05k/s (+1.6%)',
    ]);
    expect(notes).toEqual([]);
  });

  it('with a short context the weights dominate, and the batch crosses the ridge', () => {
    // About 120 tokens of context: KV 1 GB, activations 0.1 GB; D = 14.6 GB: T = 7.160 ms, 2234.52/s.
    // F(b) = 230e9 b / 16 and D(b) = 13.5e9 + 1.1e9 b / 16; F / D = 153.016 when
    //   b = 153.016 x 13.5e9 x 16 / (230e9 - 153.016 x 1.1e9) = 3.3051e13 / 6.1682e10 = 535.8: batch 536.
    // There F = 7705 GFLOP (24.696 ms at 312 TFLOP/s) against D = 13.5 + 1.1 x 33.5 = 50.35 GB (24.694 ms):
    //   536 / 0.024696 = 21704.3/s, the roof's 312e12 / 14.375e9 per sequence, x 21704.3 / 2234.52 = 9.71320.
    const short = decode({ weights: 13.5e9, kv: 1e9, activations: 0.1e9 });
    const raise = advised(short, [], null, a100).advice.find((a) => a.kind === 'raise-batch');
    expect([raise?.change, Number(raise?.throughput.toPrecision(6)), Number(raise?.gain.toPrecision(6))]).toEqual([
      { figure: 'batch', before: 16, after: 536 }, 21704.3, 9.7132,
    ]);
    expect(raise?.message).toBe(
      'llama on a100-sxm4-80gb: raise the batch 16 -> 536 (DRAM weights 13.5 GB are read once per pass; the point reaches the DRAM ridge at batch 536): throughput 2.23k/s -> 21.7k/s (+871.3%)',
    );
  });

  it('moves to the int8 roof only once weights and activations are both at 8 bits', () => {
    // A w8a16 prefill-like pass, compute-bound and regressed (the baseline ran batch 2 in the same time):
    // 4 TFLOP over 6.75 GB of 8-bit weights and 2 GB of activations: T = max(12.821 ms, 4.291 ms): 78.0/s.
    // 8-bit activations: 1 GB, and int8's 624 TOP/s: max(6.410 ms, 3.801 ms), 156/s (x2).
    // 4-bit weights leave activations at 16 bits: the fp16 roof, 12.821 ms, no gain, not advised.
    const w8a16 = model(4e12, { dram: 8.75e9 }, { kinds: { dram: { weights: 6.75e9, activations: 2e9 } }, bits: { weights: 8, activations: 16, kv: 16 } });
    const { advice } = advised(w8a16, [], { ...w8a16, batch: 2 }, a100);
    expect(summary(advice)).toEqual([['quantize-activations', 156, 2]]);
    expect(advice[0]!.message).toBe(
      'm on a100-sxm4-80gb: store activations in 8 bits instead of 16 (DRAM bytes 8.75 GB -> 7.75 GB, computing on the int8 roof (312 TFLOP/s -> 624 TOP/s)): throughput 78.0/s -> 156/s (+100.0%)',
    );
  });
});

describe('advice.devices in the config', () => {
  const config = (devices: string) => `version: 1
hardware: a100
models:
  - name: m
    precision: fp16
    flops: 1 TFLOP
    bytes: 50 GB
advice:
  devices: ${devices}
`;
  const issuesOf = (text: string): ConfigIssue[] => refusal(() => loadConfig(text, 'roofline.yml')).issues;

  it('are the only devices a model moves to, by id or alias, and none by default', () => {
    // On the A100, 50 GB at 2.039 TB/s: 24.52 ms. H100 SXM at 3.35 TB/s: 14.93 ms (x1.643); the A100 itself is no move.
    const moves = (text: string) => buildReport(loadConfig(text, 'roofline.yml'), null, null).advice.filter((a) => a.kind === 'move-device');
    expect(moves(config('[h100, a100-sxm4-80gb]')).map((a) => [a.change.after, Number(a.gain.toPrecision(4))])).toEqual([['h100-sxm', 1.643]]);
    expect(moves(config('[]'))).toEqual([]);
    expect(moves(config('[]').replace('advice:\n  devices: []\n', ''))).toEqual([]);
  });

  it('refuses one device listed under two names, and unknown ids, with line and column', () => {
    expect(issuesOf(config('[h100, h100-sxm]'))).toMatchObject([
      { line: 9, column: 19, path: 'advice.devices[1]', message: '"h100-sxm" and "h100" (advice.devices[0]) are both h100-sxm: list each device once' },
    ]);
    expect(issuesOf(config('[h100-smx]'))).toMatchObject([
      { line: 9, column: 13, path: 'advice.devices[0]', message: expect.stringContaining('unknown hardware "h100-smx"; did you mean "h100-sxm"?') },
    ]);
  });

  it('the text report says when a split is unknown, in one line under the advice', () => {
    const text = renderText(buildReport(loadConfig(config('[]'), 'roofline.yml'), null, null));
    expect(text).toContain(
      '\n  Bytes by kind unknown for m (DRAM): no advice on storing weights, activations or the KV cache in fewer bits, nor on the batch, there; ' +
        'give the split, as in bytes: { dram: { weights: ..., kv: ... } }\n',
    );
  });
});
