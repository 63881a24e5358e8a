// Reports for the chart's tests, made the way the tool makes them: hand-made devices and models, placed by
// the real roofline math and compared by the real gate.
import { evaluate } from '../../src/core/gate/index.js';
import type { Report } from '../../src/core/report/types.js';
import { place } from '../../src/core/roofline.js';
import type { Device, Model, Op } from '../../src/core/types.js';


export const h100: Device = {
  id: 'h100-sxm',
  name: 'H100 SXM',
  builtIn: false,
  flopsPerSecond: { fp16: 989e12, fp8: 1979e12 },
  levels: [{ name: 'dram', bytesPerSecond: 3.35e12 }],
};

/** Two levels and (with FOUR) two precisions in use: two eaves, two roofs, four ridges. */
export const a100: Device = {
  id: 'a100',
  name: 'A100 80GB',
  builtIn: false,
  flopsPerSecond: { fp16: 312e12, fp32: 19.5e12 },
  levels: [
    { name: 'dram', bytesPerSecond: 2.039e12 },
    { name: 'l2', bytesPerSecond: 5.12e12 },
  ],
};

export const DEVICES = [h100, a100];
export const NAMES = { deviceNames: { 'h100-sxm': 'H100 SXM', a100: 'A100 80GB' } };

export function model(overrides: Partial<Model> & Pick<Model, 'name'>): Model {
  return { precision: 'fp16', flops: 1e11, bytes: { dram: 1e9 }, kinds: {}, bits: { weights: 16, activations: 16, kv: 16 }, batch: 1, ops: null, hardware: ['h100-sxm'], measuredSeconds: {}, ...overrides };
}

export function reportOf(head: Model[], base: Model[] | null = null): Report {
  const byId = new Map(DEVICES.map((d) => [d.id, d]));
  const placeAll = (models: Model[]) => models.flatMap((m) => m.hardware.map((id) => place(m, byId.get(id)!)));
  const { results, removed, findings, status } = evaluate(placeAll(head), base && placeAll(base), undefined);
  return { version: 2, status, baseline: base ? 'git:main' : null, results, removed, findings, advice: [] };
}

/** Four pairs: memory- and compute-bound, one level and two, fp16 and fp32 on the A100. */
export const FOUR = [
  model({ name: 'llama-decode', flops: 14e9, bytes: { dram: 7e9 }, hardware: ['h100-sxm', 'a100'] }),
  model({ name: 'bert-large', flops: 2.6e11, bytes: { dram: 0.5e9, l2: 1e9 }, hardware: ['a100'] }),
  model({ name: 'resnet-fp32', precision: 'fp32', flops: 8e9, bytes: { dram: 0.2e9 }, hardware: ['a100'] }),
];

/** `count` pairs spread over four decades of intensity, alternating devices. */
export function many(count: number): Model[] {
  return Array.from({ length: count }, (_, i) =>
    model({ name: `model-${i + 1}`, bytes: { dram: 1e11 / 10 ** (-0.5 + (4 * i) / count) }, hardware: [DEVICES[i % 2]!.id] }),
  );
}

export const OPS: Op[] = [
  { name: 'conv1', flops: 236e6, bytes: { dram: 9.6e6 }, kinds: {} },
  { name: 'attention', flops: 4e9, bytes: { dram: 1.2e6 }, kinds: {} },
  { name: 'fc', flops: 4.1e6, bytes: { dram: 8.2e6 }, kinds: {} },
];
export const withOps = (name: string) =>
  model({ name, flops: OPS.reduce((s, op) => s + op.flops, 0), bytes: { dram: OPS.reduce((s, op) => s + op.bytes.dram!, 0) }, ops: OPS });
