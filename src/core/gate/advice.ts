// The roofline tutorial's optimisation section, made quantitative: for each pair worth acting on, what a
// change would buy. Every figure comes from modelSeconds() on a changed model, device or byte count, never
// from scaling a throughput by hand, so no item can promise a point above its roof, and per-op models keep
// summing op by op.
import type { ReportResult } from '../report/types.js';
import { levelBandwidth, modelSeconds, OUTERMOST, type ByteScale } from '../roofline.js';
import type { Device, Model, Precision } from '../types.js';
import { byteCount, flopPerByte, flopRate, intensity, levelText, perSecond, signedPercent } from '../format.js';
import { relativeDrop } from './rules.js';
import type { Advice } from './types.js';

/** Bits a value of each precision is stored in: tf32 computes narrower but is stored as fp32. */
const STORAGE_BITS: Record<Precision, number> = {
  fp64: 64, fp32: 32, tf32: 32, fp16: 16, bf16: 16, fp8: 8, int8: 8, int4: 4, fp4: 4,
};

/**
 * The next lower precision whose roof a model can usually move to with its accuracy kept: on NVIDIA, fp32
 * -> tf32 is the tensor-core roof. fp64 and tf32 have no such neighbour (fp32 is not a drop-in for fp64).
 */
const NEXT_LOWER: Partial<Record<Precision, Precision>> = { fp32: 'tf32', fp16: 'fp8', bf16: 'fp8', fp8: 'fp4', int8: 'int4' };

/** Weight-only quantisation: the DRAM bytes it leaves, assuming the bytes are weights at 16 bits. */
const QUANTISE = [
  { kind: 'quantize-8bit', bits: 8, factor: 1 / 2, word: 'halved' },
  { kind: 'quantize-4bit', bits: 4, factor: 1 / 4, word: 'quartered' },
] as const;

/** Items per pair, and devices among them: enough to choose from, few enough to read. */
const MAX_ITEMS = 5;
const MAX_MOVES = 3;

/** A change to try: the model and device after it (and the bytes it scales), and what to tell the reader. */
interface Candidate {
  kind: string;
  model: Model;
  device: Device;
  /** Bytes through these levels multiplied by these factors, in the aggregate and in every op. */
  scale?: ByteScale;
  /** What to do, naming the figure that changes. */
  action: string;
  change: NonNullable<Advice['change']>;
}

/** The key under which the model gives the device's outermost level (`dram`, or the device's own name for it). */
function outermostKey(model: Model, device: Device): string | undefined {
  const outermost = device.levels[0]?.name;
  const named = (level: string): boolean => device.levels.some((l) => l.name === level);
  return Object.keys(model.bytes).find((level) => level === outermost || (level === OUTERMOST && !named(OUTERMOST)));
}

/** Cut the binding level's bytes until its intensity reaches the ridge: the tutorial's first move. */
function reachRidge(result: ReportResult, model: Model, device: Device): Candidate[] {
  const level = result.bindingLevel;
  // With no FLOPs no byte count reaches the ridge; there is nothing to say.
  if (result.bound !== 'memory' || model.flops === 0) return [];
  const bytes = model.bytes[level]!;
  const ridgeIntensity = result.ridge[level]!;
  const needed = model.flops / ridgeIntensity;
  return [
    {
      kind: 'reach-ridge', model, device, scale: { [level]: needed / bytes },
      action:
        `raise ${levelText(level)} intensity ${intensity(result.intensity[level]!)} -> ${flopPerByte(ridgeIntensity)}, ` +
        `the ridge (${levelText(level)} bytes ${byteCount(bytes)} -> ${byteCount(needed)})`,
      change: { figure: `bytes.${level}`, before: bytes, after: needed },
    },
  ];
}

/** Store weights in 8 or 4 bits: DRAM bytes halved or quartered, compute unchanged. */
function quantise(model: Model, device: Device): Candidate[] {
  const level = outermostKey(model, device);
  if (level === undefined) return [];
  const bytes = model.bytes[level]!;
  return QUANTISE.filter((step) => STORAGE_BITS[model.precision] > step.bits).map((step) => ({
    kind: step.kind, model, device, scale: { [level]: step.factor },
    action: `store weights in ${step.bits} bits (${levelText(level)} bytes ${step.word}, ${byteCount(bytes)} -> ${byteCount(bytes * step.factor)})`,
    change: { figure: `bytes.${level}`, before: bytes, after: bytes * step.factor },
  }));
}

/** Fuse kernels so that an inner level's round trips go away: for the levels that bind the pair or its slowest ops. */
function fuse(result: ReportResult, model: Model, device: Device): Candidate[] {
  const outermost = outermostKey(model, device);
  const binding = new Set([result.bindingLevel, ...(result.ops?.slowest ?? []).map((op) => op.bindingLevel)]);
  return [...binding]
    .filter((level) => level !== 'compute' && level !== outermost && (model.bytes[level] ?? 0) > 0)
    .map((level) => ({
      kind: 'fuse-level', model, device, scale: { [level]: 0 },
      action: `fuse kernels to remove ${levelText(level)} round trips (${levelText(level)} bytes ${byteCount(model.bytes[level]!)} -> ${byteCount(0)})`,
      change: { figure: `bytes.${level}`, before: model.bytes[level]!, after: 0 },
    }));
}

/** Compute at the next lower precision the device offers, bytes unchanged. */
function lowerPrecision(model: Model, device: Device): Candidate[] {
  const next = NEXT_LOWER[model.precision];
  const from = device.flopsPerSecond[model.precision];
  const to = next === undefined ? undefined : device.flopsPerSecond[next];
  if (next === undefined || from === undefined || to === undefined) return [];
  const how = model.precision === 'fp32' && next === 'tf32' ? 'use the TF32 tensor cores' : `compute in ${next}`;
  return [
    {
      kind: 'lower-precision', model: { ...model, precision: next }, device,
      action: `${how} (roof ${flopRate(from, model.precision)} -> ${flopRate(to, next)}, bytes unchanged)`,
      change: { figure: 'precision', before: model.precision, after: next },
    },
  ];
}

/** Other catalog devices that offer the model's precision and every level it names (at least DRAM). */
function moveDevice(model: Model, device: Device, catalog: readonly Device[]): Candidate[] {
  return catalog
    .filter((other) => other.id !== device.id && other.flopsPerSecond[model.precision] !== undefined)
    .filter((other) => [OUTERMOST, ...Object.keys(model.bytes)].every((level) => levelBandwidth(other, level) !== undefined))
    .map((other) => ({
      kind: 'move-device', model, device: other,
      action: `move to ${other.name} (${other.id})`,
      change: { figure: 'hardware', before: device.id, after: other.id },
    }));
}

/** Worth advising: memory-bound, or slower than its baseline. */
function wanted(result: ReportResult): boolean {
  return result.bound === 'memory' || (result.base !== null && relativeDrop(result.base.throughput, result.throughput) > 0);
}

/** Advice for one pair, largest gain first; only changes that gain anything. */
function adviseOne(result: ReportResult, model: Model, device: Device, catalog: readonly Device[]): Advice[] {
  const toAdvice = (candidate: Candidate): Advice => {
    const seconds = modelSeconds(candidate.model, candidate.device, candidate.scale);
    const throughput = seconds > 0 ? candidate.model.batch / seconds : Infinity;
    const gain = throughput / result.throughput;
    return {
      model: result.model, hardware: result.hardware, kind: candidate.kind,
      message:
        `${result.model} on ${result.hardware}: ${candidate.action}: ` +
        `throughput ${perSecond(result.throughput)} -> ${perSecond(throughput)} (${signedPercent(gain - 1)})`,
      throughput, gain, change: candidate.change,
    };
  };
  // Rounded like the rules' thresholds, so that a change that buys nothing is not advised for a last-bit gain.
  const gains = (advice: Advice): boolean => Number.isFinite(advice.throughput) && Math.round((advice.gain - 1) * 1e9) > 0;
  const byGain = (a: Advice, b: Advice): number => b.gain - a.gain;
  const moves = moveDevice(model, device, catalog).map(toAdvice).filter(gains).sort(byGain).slice(0, MAX_MOVES);
  const changes = [...reachRidge(result, model, device), ...quantise(model, device), ...fuse(result, model, device), ...lowerPrecision(model, device)]
    .map(toAdvice)
    .filter(gains);
  return [...changes, ...moves].sort(byGain).slice(0, MAX_ITEMS);
}

/**
 * Advice for every memory-bound or regressed pair, pair by pair in result order, each pair's items ordered
 * by gain, largest first. `devices` resolves the pairs' hardware; `catalog` (built-in devices, as
 * `CATALOG.map(toDevice)`) is where a model might move.
 */
export function advise(
  results: readonly ReportResult[],
  models: readonly Model[],
  devices: ReadonlyMap<string, Device>,
  catalog: readonly Device[],
): Advice[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  return results.flatMap((result) => {
    const model = byName.get(result.model);
    const device = devices.get(result.hardware);
    if (!model || !device || !wanted(result) || !Number.isFinite(result.throughput)) return [];
    return adviseOne(result, model, device, catalog);
  });
}
