// The roofline of SPEC section 1: each formula once, for every other module to use.
//
//   intensity   I_l = F / D_l                       (F = 0 -> 0; D_l = 0 -> Infinity)
//   ridge       R_l = P / B_l
//   attainable  A   = min(P, min_l B_l * I_l)
//   time        T   = max(F / P, max_l D_l / B_l)   (summed op by op when ops are given)
//   throughput      = batch / T
//   effective   E   = F / T                          (A for totals; below A when ops bind on different roofs)
//   measured    T_m = measured: for the device, else the sum of the ops' measured times when every op has one
//   efficiency      = T / T_m, for the model and for each measured op
//
// Time is computed from the max form rather than F / A so that F = 0 never divides zero by zero.
import { isAboveRoof } from './above-roof.js';
import { EXPLAINING_OPS } from './limits.js';
import type { BytesByLevel, Device, Model, Op, OpTime, Precision, Result, RoofKind } from './types.js';
import { keyedRecord } from './user-keys.js';

/** The name a model uses for the outermost level (DRAM or HBM), whatever a device calls it. */
export const OUTERMOST = 'dram';

/** Bandwidth of a level on a device; `dram` always means the outermost level. */
export function levelBandwidth(device: Device, level: string): number | undefined {
  const named = device.levels.find((l) => l.name === level);
  if (named) return named.bytesPerSecond;
  return level === OUTERMOST ? device.levels[0]?.bytesPerSecond : undefined;
}

/** FLOP per byte: intensity(131.77e9, 8.03e9) //=> 16.4 */
export function intensity(flops: number, bytes: number): number {
  if (bytes === 0) return Infinity;
  return flops / bytes;
}

/** FLOP per byte where a level's eave meets the roof: ridge(11.3e12, 484e9) //=> 23.3 */
export function ridge(peakFlopsPerSecond: number, bytesPerSecond: number): number {
  return peakFlopsPerSecond / bytesPerSecond;
}

/**
 * The kind of the figure that binds a placement: the compute roof's at its precision, or the binding level's
 * bandwidth; `config` for a device the config defines, whose figures are the user's own.
 */
export function roofKind(device: Device, precision: Precision, bindingLevel: string): RoofKind {
  const kinds = device.figureKinds;
  if (!kinds) return 'config';
  if (bindingLevel === 'compute') return kinds.compute[precision] ?? 'config';
  return kinds.levels[bindingLevel] ?? (bindingLevel === OUTERMOST ? kinds.levels[device.levels[0]!.name] : undefined) ?? 'config';
}

/**
 * The kind of a placement's binding roof when it is a catalog figure no vendor states (`derived`, `measured`,
 * `estimate`): what the table and the chart mark. Null for a vendor figure and for the config's own devices.
 */
export function unvendoredRoof(result: Pick<Result, 'roofKind'>): Exclude<RoofKind, 'vendor' | 'config'> | null {
  const kind = result.roofKind;
  return kind === undefined || kind === 'vendor' || kind === 'config' ? null : kind;
}

/** Factors applied to the bytes through some levels: `{ dram: 0.5 }` is "half the DRAM traffic". */
export type ByteScale = Readonly<Record<string, number>>;

/** Bandwidth by level name, looked up once per model and device rather than once per op. */
export type Eaves = Readonly<Record<string, number>>;

/**
 * The device's bandwidth for every level the model names (its aggregate bytes name every level any op uses).
 * A level the device lacks is left out of its roofline, as if infinitely fast: its bytes take no time.
 * resolve.ts allows that only for levels of imported profiler counters (an `l1` count on a device whose
 * catalog entry publishes no L1 bandwidth); a level the user wrote must exist on every target.
 */
export function eavesFor(model: Pick<Model, 'bytes'>, device: Device): Eaves {
  const eaves = keyedRecord<number>();
  for (const level in model.bytes) eaves[level] = levelBandwidth(device, level) ?? Infinity;
  return eaves;
}

/**
 * Seconds for one pass of work that does `flops` and moves `bytes` per level, on its own roof and eaves;
 * with `scale`, as if the bytes through those levels were multiplied by their factors.
 */
export function passSeconds(flops: number, bytes: BytesByLevel, peakFlopsPerSecond: number, eaves: Eaves, scale?: ByteScale): number {
  let seconds = flops / peakFlopsPerSecond;
  for (const level in bytes) seconds = Math.max(seconds, (bytes[level]! * (scale?.[level] ?? 1)) / eaves[level]!);
  return seconds;
}

/**
 * Seconds per pass of a model on a device (summed op by op when ops are given), without building a Result:
 * what "what if" questions need, cheaply even for a million ops.
 */
export function modelSeconds(model: Model, device: Device, scale?: ByteScale): number {
  const peak = device.flopsPerSecond[model.precision]!;
  const eaves = eavesFor(model, device);
  if (!model.ops) return passSeconds(model.flops, model.bytes, peak, eaves, scale);
  let seconds = 0;
  for (const op of model.ops) seconds += passSeconds(op.flops, op.bytes, peak, eaves, scale);
  return seconds;
}

/** How many of a model's ops a result lists, slowest first (the chart's per-op view and the report). */
export const SLOWEST_OPS = 20;

/**
 * One op's time split into compute and memory, on a device; with `measuredSeconds` (the op's measured time
 * on this device), its efficiency as well.
 */
export function opTime(op: Op, peakFlopsPerSecond: number, eaves: Eaves, measuredSeconds: number | null = null): OpTime {
  const computeSeconds = op.flops / peakFlopsPerSecond;
  let memorySeconds = 0;
  let memoryLevel = OUTERMOST;
  const bytes = op.bytes; // read once: an op table's row makes its record at each read (op-columns.ts)
  for (const level in bytes) {
    const seconds = bytes[level]! / eaves[level]!;
    if (seconds > memorySeconds) [memorySeconds, memoryLevel] = [seconds, level];
  }
  const computeBound = computeSeconds >= memorySeconds;
  const seconds = computeBound ? computeSeconds : memorySeconds;
  return {
    name: op.name,
    seconds,
    computeSeconds,
    memorySeconds,
    bindingLevel: computeBound ? 'compute' : memoryLevel,
    measuredSeconds,
    efficiency: measuredSeconds === null ? null : seconds / measuredSeconds,
  };
}

/** What one pass over a model's ops gives: its time, its slowest ops, and what its measured ops add up to. */
interface OpsPass {
  seconds: number;
  slowest: OpTime[];
  /** The sum of the ops' measured times when every op has one (and they count on this device), else null. */
  measuredSeconds: number | null;
  /** The measured ops that beat their roofs, furthest above first (at most EXPLAINING_OPS), and how many. */
  aboveRoof: OpTime[];
  aboveRoofCount: number;
}

/**
 * Total seconds of a model given as ops, its slowest ops and its measured ops, in one pass over the ops.
 * `measured`: whether the ops' measured times count on this device (see opsMeasuredOn).
 */
function opsPass(ops: readonly Op[], peakFlopsPerSecond: number, eaves: Eaves, measured: boolean): OpsPass {
  let seconds = 0;
  let measuredSum: number | null = measured ? 0 : null;
  const slowest: OpTime[] = [];
  const aboveRoof: OpTime[] = [];
  let aboveRoofCount = 0;
  for (const op of ops) {
    const time = passSeconds(op.flops, op.bytes, peakFlopsPerSecond, eaves);
    const opMeasured = measured ? (op.measuredSeconds ?? null) : null;
    seconds += time;
    measuredSum = measuredSum === null || opMeasured === null ? null : measuredSum + opMeasured;
    if (opMeasured !== null && isAboveRoof({ efficiency: time / opMeasured })) {
      aboveRoofCount++;
      insertSorted(aboveRoof, opTime(op, peakFlopsPerSecond, eaves, opMeasured), (entry) => entry.efficiency!, EXPLAINING_OPS);
    }
    if (slowest.length < SLOWEST_OPS || time > slowest[slowest.length - 1]!.seconds) {
      insertSorted(slowest, opTime(op, peakFlopsPerSecond, eaves, opMeasured), (entry) => entry.seconds, SLOWEST_OPS);
    }
  }
  return { seconds, slowest, measuredSeconds: measuredSum, aboveRoof, aboveRoofCount };
}

/**
 * Passes over each ops list, by the roof, eaves and measured flag they were made with: a baseline whose
 * op table did not change shares the head's list (load-config.ts's OpTableMemo), and its million ops on
 * the same device are then not timed again. Keyed weakly by the list; each call gets its own lists of ops.
 */
const PASSES = new WeakMap<readonly Op[], Map<string, OpsPass>>();

function sharedOpsPass(ops: readonly Op[], peakFlopsPerSecond: number, eaves: Eaves, measured: boolean): OpsPass {
  const key = JSON.stringify([peakFlopsPerSecond, eaves, measured]);
  let passes = PASSES.get(ops);
  if (!passes) PASSES.set(ops, (passes = new Map()));
  let pass = passes.get(key);
  if (!pass) passes.set(key, (pass = opsPass(ops, peakFlopsPerSecond, eaves, measured)));
  return { ...pass, slowest: pass.slowest.map((entry) => ({ ...entry })), aboveRoof: pass.aboveRoof.map((entry) => ({ ...entry })) };
}

/** Puts `entry` into `list` (largest `key` first, ties in arrival order), keeping at most `limit`. */
function insertSorted(list: OpTime[], entry: OpTime, key: (entry: OpTime) => number, limit: number): void {
  let at = list.length;
  while (at > 0 && key(list[at - 1]!) < key(entry)) at--;
  list.splice(at, 0, entry);
  if (list.length > limit) list.pop();
}

/**
 * The device a model's per-op measured times count on: its first target. An op carries its measured time
 * without saying where it was profiled, and a profile is taken on one device: read against every target,
 * an A100's kernel times would give an H100 an efficiency. So the profiled device is listed first (README,
 * "Measured times"); on the other targets the ops are placed on the roofline alone.
 */
export function opsMeasuredOn(model: Pick<Model, 'ops' | 'hardware'>): string | null {
  return model.ops && model.hardware.length > 0 && model.ops.some((op) => op.measuredSeconds !== undefined) ? model.hardware[0]! : null;
}

/**
 * Places one model on one device. The model must have been validated against the device (resolve.ts):
 * the device offers its precision and every level it names, but for imported counter levels, which a
 * device without them leaves out of its roofline (`levelsLeftOut`).
 */
export function place(model: Model, device: Device): Result {
  const peakFlopsPerSecond = device.flopsPerSecond[model.precision]!;
  const bandwidth = keyedRecord<number>();
  const intensities = keyedRecord<number>();
  const ridges = keyedRecord<number>();
  const bytesByLevel: BytesByLevel = keyedRecord<number>();
  const levelsLeftOut: string[] = [];
  let attainableFlopsPerSecond = peakFlopsPerSecond;
  let bindingLevel = 'compute';
  for (const [level, bytes] of Object.entries(model.bytes)) {
    const bytesPerSecond = levelBandwidth(device, level);
    if (bytesPerSecond === undefined) {
      levelsLeftOut.push(level);
      continue;
    }
    bytesByLevel[level] = bytes;
    bandwidth[level] = bytesPerSecond;
    intensities[level] = intensity(model.flops, bytes);
    ridges[level] = ridge(peakFlopsPerSecond, bytesPerSecond);
    // Infinity * B stays Infinity; 0 * B is 0: both compare correctly against the roof.
    const eave = bytes === 0 ? Infinity : bytesPerSecond * intensities[level]!;
    if (eave < attainableFlopsPerSecond) [attainableFlopsPerSecond, bindingLevel] = [eave, level];
  }
  const eaves = levelsLeftOut.length === 0 ? bandwidth : eavesFor(model, device);
  const byOp = model.ops ? sharedOpsPass(model.ops, peakFlopsPerSecond, eaves, opsMeasuredOn(model) === device.id) : null;
  const seconds = byOp ? byOp.seconds : passSeconds(model.flops, bytesByLevel, peakFlopsPerSecond, bandwidth);
  // An explicit `measured:` wins over the sum of the ops' times: it is the whole pass as the user timed it,
  // gaps between kernels included, which a sum of kernel times leaves out.
  const measuredSeconds = model.measuredSeconds[device.id] ?? byOp?.measuredSeconds ?? null;
  return {
    model: model.name,
    hardware: device.id,
    precision: model.precision,
    batch: model.batch,
    flops: model.flops,
    bytes: bytesByLevel,
    peakFlopsPerSecond,
    bandwidth,
    intensity: intensities,
    ridge: ridges,
    attainableFlopsPerSecond,
    // For totals F / T is A itself (up to the last bit): A is kept, so that the two read the same.
    effectiveFlopsPerSecond: byOp && seconds > 0 ? model.flops / seconds : attainableFlopsPerSecond,
    bound: bindingLevel === 'compute' ? 'compute' : 'memory',
    bindingLevel,
    roofKind: roofKind(device, model.precision, bindingLevel),
    seconds,
    // A model that does no work is refused by the config; guard anyway so that nothing is NaN.
    throughput: seconds > 0 ? model.batch / seconds : Infinity,
    measuredSeconds,
    achievedFlopsPerSecond: measuredSeconds === null ? null : model.flops / measuredSeconds,
    efficiency: measuredSeconds === null ? null : seconds / measuredSeconds,
    ops: byOp && model.ops
      ? { count: model.ops.length, slowest: byOp.slowest, aboveRoof: byOp.aboveRoof, aboveRoofCount: byOp.aboveRoofCount }
      : null,
    ...(levelsLeftOut.length > 0 && { levelsLeftOut }),
    ...(model.phases && model.ops && tokenTimes(model.ops, model.phases, seconds, peakFlopsPerSecond, eaves)),
    ...(model.footprint && { footprint: { ...model.footprint }, capacityBytes: device.capacityBytes ?? null }),
    ...(model.crossoverBatch && { crossoverBatch: model.crossoverBatch[device.id] ?? null }),
    ...(model.sweep && { sweep: { ...model.sweep } }),
  };
}

/** Time to first token (the prefill ops) and per output token (the rest, over the decode steps). */
function tokenTimes(ops: readonly Op[], phases: NonNullable<Model['phases']>, seconds: number, peakFlopsPerSecond: number, eaves: Eaves) {
  let prefill = 0;
  for (const op of ops.slice(0, phases.prefillOps)) prefill += passSeconds(op.flops, op.bytes, peakFlopsPerSecond, eaves);
  return {
    ttftSeconds: phases.prefillOps > 0 ? prefill : null,
    tpotSeconds: phases.decodeSteps > 0 ? (seconds - prefill) / phases.decodeSteps : null,
  };
}

/** Every model on every one of its targets, in config order. */
export function placeAll(models: readonly Model[], devices: ReadonlyMap<string, Device>): Result[] {
  return models.flatMap((model) => model.hardware.map((id) => place(model, devices.get(id)!)));
}
