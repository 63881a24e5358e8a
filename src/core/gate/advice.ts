// The roofline tutorial's optimisation section, made quantitative: for each pair worth acting on, what a
// change would buy. Every figure comes from whatIf() on a changed model (what-if.ts, op by op through the
// roofline's passSeconds), never from scaling a throughput by hand, so no item can promise a point above
// its roof, and each change moves only what it would move: storing the weights in 4 bits shrinks the
// weights' bytes, not the KV cache's, and fusing kernels cuts activations, never weights or KV, and at most
// half of bytes whose kind is unknown. An item that gains less than MIN_GAIN is not given.
import type { ReportResult } from '../report/types.js';
import { levelBandwidth, OUTERMOST } from '../roofline.js';
import { PRECISION_BITS } from '../precision-bits.js';
import { BYTE_KINDS, type ByteKind, type BytesByKind, type Device, type Model, type Precision } from '../types.js';
import { bitWidth, byteCount, flopPerByte, flopRate, intensity, levelText, perSecond, signedPercent, significant, wholeNumber } from '../format.js';
import { MAX_BATCH } from '../limits.js';
import { relativeDrop } from './rules.js';
import type { Advice, AdviceKind, AdviceNote } from './types.js';
import { knownKinds, whatIf, type Outcome, type WhatIf } from './what-if.js';

/**
 * The next lower precision whose roof a model can usually move to with its accuracy kept: on NVIDIA, fp32
 * -> tf32 is the tensor-core roof. fp64 and tf32 have no such neighbour (fp32 is not a drop-in for fp64).
 */
const NEXT_LOWER: Partial<Record<Precision, Precision>> = { fp32: 'tf32', fp16: 'fp8', bf16: 'fp8', fp8: 'fp4', int8: 'int4' };

/**
 * The widths each kind is commonly stored in, widest first: weights go to 8 and 4 bits (int8, int4/nf4
 * quantisation), the KV cache and activations to 8 (fp8/int8); narrower than these loses too much for
 * most models to be worth suggesting.
 */
const WIDTHS: Record<ByteKind, readonly number[]> = { weights: [16, 8, 4], activations: [16, 8], kv: [16, 8] };

const KIND_ADVICE: Record<ByteKind, AdviceKind> = { weights: 'quantize-weights', activations: 'quantize-activations', kv: 'quantize-kv' };
const KIND_WORD: Record<ByteKind, string> = { weights: 'weights', activations: 'activations', kv: 'the KV cache' };

/**
 * The roofs a model may compute on once both its weights and its activations are at most so many bits:
 * an 8-bit format at 8, a 4-bit one (or, failing that, an 8-bit one) at 4. KV bytes take no part: attention
 * reads them at whatever width the kernel computes in.
 */
const NARROW_ROOFS: ReadonlyArray<{ bits: number; roofs: readonly Precision[] }> = [
  { bits: 4, roofs: ['fp4', 'int4', 'fp8', 'int8'] },
  { bits: 8, roofs: ['fp8', 'int8'] },
];

/**
 * The smallest throughput gain an item must buy to be listed: 1%, half the drop at which the gate warns by
 * default (throughput-drop warn: 2%, rules.ts). A change whose gain a reviewer would not notice as a
 * regression is not worth making for it, and listing it ("store weights in 4 bits: 770/s -> 770/s (0.0%)")
 * buries the items that matter.
 */
const MIN_GAIN = 0.01;

/** Items per pair, and devices among them: enough to choose from, few enough to read. */
const MAX_ITEMS = 5;
const MAX_MOVES = 3;

/** A change to try, and what to tell the reader about it once its outcome is known. */
interface Candidate {
  kind: AdviceKind;
  whatIf: WhatIf;
  /** What to do, naming the figure that changes. */
  action: (outcome: Outcome) => string;
  change: Advice['change'];
}

/** What advice about one pair works from. */
interface Pair {
  result: ReportResult;
  model: Model;
  device: Device;
  /** Bytes of each kind that splits give, per level (for ops: summed over the ops that split the level). */
  known: BytesByKind;
  /** The what-if that changes nothing: the pair as it is. */
  same: WhatIf;
}

/** The key under which the model gives the device's outermost level (`dram`, or the device's own name for it). */
function outermostKey(model: Model, device: Device): string | undefined {
  const outermost = device.levels[0]?.name;
  const named = (level: string): boolean => device.levels.some((l) => l.name === level);
  return Object.keys(model.bytes).find((level) => level === outermost || (level === OUTERMOST && !named(OUTERMOST)));
}

/** Levels whose bytes change, before and after: 'DRAM bytes 31.5 GB -> 21.4 GB'. */
function bytesChange(model: Model, outcome: Outcome): string {
  const changed = Object.keys(model.bytes).filter((level) => outcome.bytes[level] !== model.bytes[level]);
  return changed.map((level) => `${levelText(level)} bytes ${byteCount(model.bytes[level]!)} -> ${byteCount(outcome.bytes[level]!)}`).join(', ');
}

/**
 * The most fusing kernels is taken to cut bytes whose kind no split gives: to half. Fusion keeps
 * intermediate results on chip, but weights and the KV cache are read once per pass however the kernels are
 * fused, and without a split the tool cannot know which bytes those are (a decode step's may be nearly all
 * weights). Half is this tool's assumption, not a measurement: a cut any larger, such as 16 GB -> 54 MB to
 * reach an H100's ridge, is no change anyone can promise from fusion.
 */
const MAX_UNSPLIT_CUT = 2;

/** The bytes through a level that no split gives the kind of: a model's unsplit level, or the sum of the ops' that leave it unsplit. */
function unsplitBytes(model: Model, level: string): number {
  if (!model.ops) return model.kinds[level] === undefined ? model.bytes[level]! : 0;
  let bytes = 0;
  for (const op of model.ops) if (op.kinds[level] === undefined) bytes += op.bytes[level] ?? 0;
  return bytes;
}

/** What fusing kernels can cut at a level: its activations where split, and half of its bytes of unknown kind. */
interface Fusible {
  level: string;
  bytes: number;
  activations: number;
  unknown: number;
  /** The bytes left once fusion has gone as far as it can. */
  floor: number;
}

function fusible({ model, known }: Pair, level: string): Fusible {
  const bytes = model.bytes[level]!;
  const activations = known[level]?.activations ?? 0;
  const unknown = unsplitBytes(model, level);
  return { level, bytes, activations, unknown, floor: bytes - activations - unknown * (1 - 1 / MAX_UNSPLIT_CUT) };
}

/**
 * The what-if of fusing a level's bytes down to `after` (at least its floor): the same share of what fusion
 * can cut, op by op, of the activations where split and of the cuttable half of the bytes of unknown kind.
 */
function fusedTo({ same }: Pair, fusion: Fusible, after: number): WhatIf {
  const share = (fusion.bytes - after) / (fusion.bytes - fusion.floor);
  return { ...same, kinds: { activations: 1 - share }, unsplit: { [fusion.level]: 1 - share * (1 - 1 / MAX_UNSPLIT_CUT) }, kindsAt: fusion.level };
}

/**
 * How far fusion went, and why no further, with `more` inside the parenthesis:
 *
 *   fusionLimit({ bytes: 50e9, activations: 4e9, unknown: 0, ... })
 *   //=> 'all activations kept on chip (weights and the KV cache are read once per pass however kernels are fused)'
 */
function fusionLimit({ bytes, activations, unknown }: Fusible, more = ''): string {
  const limit =
    unknown === 0
      ? 'all activations kept on chip'
      : activations === 0
        ? unknown === bytes ? 'at most half, as the split is unknown' : `at most half of the ${byteCount(unknown)} of unknown kind`
        : `all activations kept on chip, and at most half of the ${byteCount(unknown)} of unknown kind`;
  const kept = activations > 0 ? 'weights and the KV cache are read' : 'weights are read';
  return `${limit} (${kept} once per pass however kernels are fused${more})`;
}

/**
 * Cut the binding level's bytes by fusing kernels, towards the ridge: the tutorial's first move. Fusion cuts
 * the activations where a split gives them (all of them, at most), never the weights or the KV cache, which
 * every pass reads whatever is fused, and at most halves bytes of unknown kind (MAX_UNSPLIT_CUT); op by op,
 * so no op goes below its own weights and KV. The cut stops at the ridge, or where fusion can go no further.
 */
function reachRidge(pair: Pair): Candidate[] {
  const { result, model } = pair;
  const level = result.bindingLevel;
  // With no FLOPs no byte count reaches the ridge; there is nothing to say.
  if (result.bound !== 'memory' || model.flops === 0) return [];
  const fusion = fusible(pair, level);
  const ridgeIntensity = result.ridge[level]!;
  const needed = model.flops / ridgeIntensity;
  const after = Math.max(needed, fusion.floor);
  if (after >= fusion.bytes) return [];
  const L = levelText(level);
  const cut = `${L} bytes ${byteCount(fusion.bytes)} -> ${byteCount(after)}`;
  const action =
    after === needed
      ? `raise ${L} intensity ${intensity(result.intensity[level]!)} -> ${flopPerByte(ridgeIntensity)}, the ridge, by fusing kernels (${cut}` +
        `${fusion.activations > 0 ? `, cutting only activations${fusion.unknown > 0 ? ' and bytes of unknown kind' : ''}` : ''})`
      : `cut ${cut} by fusing kernels, ${fusionLimit(fusion, `; the ridge, ${flopPerByte(ridgeIntensity)}, would need ${byteCount(needed)}`)}`;
  return [{ kind: 'reach-ridge', whatIf: fusedTo(pair, fusion, after), action: () => action, change: { figure: `bytes.${level}`, before: fusion.bytes, after } }];
}

/**
 * The roof a model computes on with these widths: the fastest narrow roof the device has once weights and
 * activations are both narrow enough for it, else the model's own.
 */
function roofFor(model: Model, device: Device, bits: Record<ByteKind, number>): Precision {
  const widest = Math.max(bits.weights, bits.activations);
  const fits = NARROW_ROOFS.find((entry) => widest <= entry.bits);
  let best = model.precision;
  for (const roof of fits?.roofs ?? []) {
    if ((device.flopsPerSecond[roof] ?? 0) > device.flopsPerSecond[best]!) best = roof;
  }
  return best;
}

/** The roof change a what-if makes, for its message: ', computing on the int8 roof (312 TFLOP/s -> 624 TOP/s)'. */
function roofChange(model: Model, device: Device, roof: Precision): string {
  if (roof === model.precision) return '';
  return `, computing on the ${roof} roof (${flopRate(device.flopsPerSecond[model.precision]!, model.precision)} -> ${flopRate(device.flopsPerSecond[roof]!, roof)})`;
}

/** Store one kind in the next narrower widths, wherever a split says how many of a level's bytes it is. */
function quantise({ model, device, known, same }: Pair): Candidate[] {
  return BYTE_KINDS.flatMap((kind) => {
    if (!Object.values(known).some((split) => (split[kind] ?? 0) > 0)) return [];
    const from = model.bits[kind];
    return WIDTHS[kind].filter((bits) => bits < from).map((bits): Candidate => {
      const roof = kind === 'kv' ? model.precision : roofFor(model, device, { ...model.bits, [kind]: bits });
      return {
        kind: KIND_ADVICE[kind],
        whatIf: { ...same, precision: roof, kinds: { [kind]: bits / from } },
        action: (outcome) => `store ${KIND_WORD[kind]} in ${bitWidth(bits)} instead of ${from} (${bytesChange(model, outcome)}${roofChange(model, device, roof)})`,
        change: { figure: `bits.${kind}`, before: from, after: bits },
      };
    });
  });
}

/**
 * Fuse kernels to cut an inner level's round trips, as far as fusion goes (fusible): for the levels that bind
 * the pair's slowest ops, and the pair's own when reachRidge does not already cut it. Never the outermost
 * level's: the weights and inputs have to come from somewhere.
 */
function fuse(pair: Pair): Candidate[] {
  const { result, model, device } = pair;
  const outermost = outermostKey(model, device);
  const cutByRidge = result.bound === 'memory' && model.flops > 0 ? result.bindingLevel : undefined;
  const binding = new Set([result.bindingLevel, ...(result.ops?.slowest ?? []).map((op) => op.bindingLevel)]);
  return [...binding]
    .filter((level) => level !== 'compute' && level !== outermost && level !== cutByRidge && (model.bytes[level] ?? 0) > 0)
    .map((level) => fusible(pair, level))
    .filter((fusion) => fusion.floor < fusion.bytes)
    .map((fusion) => {
      const L = levelText(fusion.level);
      return {
        kind: 'fuse-level', whatIf: fusedTo(pair, fusion, fusion.floor),
        action: () => `cut ${L} bytes ${byteCount(fusion.bytes)} -> ${byteCount(fusion.floor)} by fusing kernels, ${fusionLimit(fusion)}`,
        change: { figure: `bytes.${fusion.level}`, before: fusion.bytes, after: fusion.floor },
      };
    });
}

/**
 * Compute at the next lower precision the device offers. Its tensor cores take their operands at that
 * width, so weights and activations wider than it are stored at it (rescaled where split; fp32 -> tf32
 * keeps 32-bit storage); the KV cache keeps its width, which is quantize-kv's to change.
 */
function lowerPrecision({ model, device, same }: Pair): Candidate[] {
  const next = NEXT_LOWER[model.precision];
  const from = device.flopsPerSecond[model.precision];
  const to = next === undefined ? undefined : device.flopsPerSecond[next];
  if (next === undefined || from === undefined || to === undefined) return [];
  const width = PRECISION_BITS[next];
  const kinds = { weights: Math.min(1, width / model.bits.weights), activations: Math.min(1, width / model.bits.activations) };
  const how = model.precision === 'fp32' && next === 'tf32' ? 'use the TF32 tensor cores' : `compute in ${next}`;
  const action = (outcome: Outcome): string => {
    const bytes = bytesChange(model, outcome);
    return `${how} (roof ${flopRate(from, model.precision)} -> ${flopRate(to, next)}, ${bytes === '' ? 'bytes unchanged' : `weights and activations in ${bitWidth(width)}: ${bytes}`})`;
  };
  return [{ kind: 'lower-precision', whatIf: { ...same, precision: next, kinds }, action, change: { figure: 'precision', before: model.precision, after: next } }];
}

/**
 * The batch at which the model's point reaches the ridge at every level, with the FLOPs and the bytes
 * other than weights growing in proportion to the batch and the weights read once per pass: at level l,
 * F b / b0 = R_l (W_l + N_l b / b0) gives b = R_l W_l b0 / (F - R_l N_l). The largest over the levels, with
 * the level it is at; Infinity when some level never gets there (its non-weight bytes alone keep it below
 * the ridge).
 */
function crossover(result: ReportResult, model: Model): { batch: number; level: string } {
  let crossing = { batch: 0, level: result.bindingLevel };
  for (const [level, bytes] of Object.entries(model.bytes)) {
    if (bytes === 0) continue;
    const ridge = result.ridge[level]!;
    const weights = model.kinds[level]?.weights ?? 0;
    const headroom = model.flops - ridge * (bytes - weights);
    const batch = headroom > 0 ? (ridge * weights * model.batch) / headroom : Infinity;
    if (batch > crossing.batch) crossing = { batch, level };
  }
  return crossing;
}

/**
 * Raise the batch where weights are most of the binding level's bytes: they are read once per pass
 * however many samples share them. Needs the split at every level, since bytes of unknown kind may or may
 * not grow with the batch. Suggests the smallest batch that reaches the ridge, or, when the non-weight bytes
 * keep the model below it at any batch, twice the batch; nothing when that is past MAX_BATCH.
 */
function raiseBatch({ result, model, same }: Pair): Candidate[] {
  if (result.bound !== 'memory' || model.flops === 0) return [];
  const levels = Object.keys(model.bytes).filter((level) => model.bytes[level]! > 0);
  if (!levels.every((level) => model.kinds[level] !== undefined)) return [];
  const binding = result.bindingLevel;
  const weights = model.kinds[binding]!.weights ?? 0;
  if (weights <= model.bytes[binding]! / 2) return [];
  const { batch: crossing, level } = crossover(result, model);
  const batch = Number.isFinite(crossing) ? Math.ceil(crossing) : model.batch * 2;
  // A batch the config would refuse is no advice: the ridge is out of reach by batching alone.
  if (batch > MAX_BATCH) return [];
  const factor = batch / model.batch;
  const why = Number.isFinite(crossing)
    ? `the point reaches the ${levelText(level)} ridge at batch ${significant(crossing)}`
    : `activations and KV grow with it, so ${levelText(level)} stays below the ridge at any batch`;
  return [
    {
      kind: 'raise-batch',
      whatIf: { ...same, batch, flops: factor, kinds: { activations: factor, kv: factor } },
      action: () => `raise the batch ${wholeNumber(model.batch)} -> ${wholeNumber(batch)} (${levelText(binding)} weights ${byteCount(weights)} are read once per pass; ${why})`,
      change: { figure: 'batch', before: model.batch, after: batch },
    },
  ];
}

/** The devices the config lists for advice that offer the model's precision and every level it names. */
function moveDevice({ model, device, same }: Pair, listed: readonly Device[]): Candidate[] {
  return listed
    .filter((other) => other.id !== device.id && other.flopsPerSecond[model.precision] !== undefined)
    .filter((other) => [OUTERMOST, ...Object.keys(model.bytes)].every((level) => levelBandwidth(other, level) !== undefined))
    .map((other) => ({
      kind: 'move-device', whatIf: { ...same, device: other },
      action: () => `move to ${other.name} (${other.id})`,
      change: { figure: 'hardware', before: device.id, after: other.id },
    }));
}

/** Worth advising: memory-bound, or slower than its baseline. */
function wanted(result: ReportResult): boolean {
  return result.bound === 'memory' || (result.base !== null && relativeDrop(result.base.throughput, result.throughput) > 0);
}

/** Advice for one pair, largest gain first; only changes that gain at least MIN_GAIN. */
function adviseOne(pair: Pair, listed: readonly Device[]): Advice[] {
  const { result } = pair;
  const toAdvice = (candidate: Candidate): Advice => {
    const outcome = whatIf(pair.model, candidate.whatIf);
    const gain = outcome.throughput / result.throughput;
    return {
      model: result.model, hardware: result.hardware, kind: candidate.kind,
      message:
        `${result.model} on ${result.hardware}: ${candidate.action(outcome)}: ` +
        `throughput ${perSecond(result.throughput)} -> ${perSecond(outcome.throughput)} (${signedPercent(gain - 1)})`,
      throughput: outcome.throughput, gain, change: candidate.change,
    };
  };
  // Rounded like the rules' thresholds, so that a gain of exactly 1% is not lost to the last bit; a gain that
  // overflows (a pass of a few FLOPs at a denormal time) is no figure a person can act on, and JSON cannot hold it.
  const gains = (advice: Advice): boolean =>
    Number.isFinite(advice.throughput) && Number.isFinite(advice.gain) && Math.round((advice.gain - 1) * 1e9) >= Math.round(MIN_GAIN * 1e9);
  const byGain = (a: Advice, b: Advice): number => b.gain - a.gain;
  const moves = moveDevice(pair, listed).map(toAdvice).filter(gains).sort(byGain).slice(0, MAX_MOVES);
  const changes = [...reachRidge(pair), ...quantise(pair), ...fuse(pair), ...lowerPrecision(pair), ...raiseBatch(pair)].map(toAdvice).filter(gains);
  return [...changes, ...moves].sort(byGain).slice(0, MAX_ITEMS);
}

/** Levels with bytes of unknown kind: a level unsplit in the model (for ops: some op moving bytes there unsplit). */
function unsplitLevels(model: Model): string[] {
  return Object.keys(model.bytes).filter((level) => model.bytes[level]! > 0 && model.kinds[level] === undefined);
}

/** The note for a model whose split is unknown at some levels, saying how to give it. */
function splitUnknown(model: Model, levels: string[]): AdviceNote {
  const where = levels.map(levelText).join(', ');
  const example = `bytes: { ${levels[0]}: { weights: ..., kv: ... } }`;
  const how = model.ops ? `give each op's split, as in ${example} or bytes.${levels[0]}.weights columns` : `give the split, as in ${example}`;
  return {
    model: model.name, kind: 'split-unknown', levels,
    message: `${model.name}: bytes by kind unknown at ${where}, so no advice there on storing weights, activations or the KV cache in fewer bits, nor on the batch; ${how}`,
  };
}

/**
 * Advice for every memory-bound or regressed pair, pair by pair in result order, each pair's items ordered
 * by gain, largest first; and a note for each of their models whose bytes are not split by kind at some
 * level. `devices` resolves the pairs' hardware; `listed` are the devices a model may move to (the
 * config's `advice.devices`, none by default).
 */
export function advise(
  results: readonly ReportResult[],
  models: readonly Model[],
  devices: ReadonlyMap<string, Device>,
  listed: readonly Device[],
): { advice: Advice[]; notes: AdviceNote[] } {
  const byName = new Map(models.map((model) => [model.name, model]));
  const known = new Map<Model, BytesByKind>();
  const notes = new Map<Model, AdviceNote>();
  const advice = results.flatMap((result) => {
    const model = byName.get(result.model);
    const device = devices.get(result.hardware);
    if (!model || !device || !wanted(result) || !Number.isFinite(result.throughput)) return [];
    const unsplit = unsplitLevels(model);
    if (unsplit.length > 0 && !notes.has(model)) notes.set(model, splitUnknown(model, unsplit));
    if (!known.has(model)) known.set(model, knownKinds(model));
    const same: WhatIf = { device, precision: model.precision, batch: model.batch };
    return adviseOne({ result, model, device, known: known.get(model)!, same }, listed);
  });
  return { advice, notes: [...notes.values()] };
}

/**
 * The notes as one line for a rendering: the models whose split is unknown, with their levels, and how to
 * give it. null when there are none.
 *
 *   notesLine([{ model: 'resnet50', levels: ['dram'], ... }])
 *   //=> 'Bytes by kind unknown for resnet50 (DRAM): ...'
 */
export function notesLine(notes: readonly AdviceNote[], shown = 5): string | null {
  if (notes.length === 0) return null;
  const models = notes.slice(0, shown).map((note) => `${note.model} (${note.levels.map(levelText).join(', ')})`);
  const more = notes.length > shown ? ` and ${wholeNumber(notes.length - shown)} more` : '';
  return (
    `Bytes by kind unknown for ${models.join(', ')}${more}: no advice on storing weights, activations or the KV cache in fewer bits, ` +
    `nor on the batch, there; give the split, as in bytes: { dram: { weights: ..., kv: ... } }`
  );
}
