// Rules that span fields: targets exist, each offers the model's precision and memory levels, names are
// unique. Turns the schema's output into the Models and Devices the math takes.
import { catalogNames, findEntry, toDevice } from '../catalog/index.js';
import { levelBandwidth, OUTERMOST } from '../roofline.js';
import type { BytesByKind, BytesByLevel, Device, FigureKind, KindSplit, MemoryLevel, Model, Op, Precision, Sweep } from '../types.js';
import { BYTE_KINDS, PRECISIONS } from '../types.js';
import { bitsOf } from '../precision-bits.js';
import { figureOfKind } from '../figure-kind-text.js';
import { givenFigure, wholeNumber } from '../format.js';
import { MAX_LEVELS, NAME_LENGTH, RANGES } from '../limits.js';
import { nearestWord } from '../nearest-word.js';
import { cutToFit } from '../text-size.js';
import { flopsOfMacs, outOfRange, quantityText, type Dimension } from '../units.js';
import { keyedRecord } from '../user-keys.js';
import { KindTotals, levelsAndKinds, sharedWhenEmpty, type LevelBytes } from './kinds.js';
import { ConfigError, formatPath, issueAt, type ConfigIssue, type Position } from './errors.js';
import type { GateConfig, RawConfig, RawLlm, RawModel, RawOp } from './schema.js';
import type { Architecture } from '../llm/architecture.js';
import { crossoverBatch, type Roof } from '../llm/crossover.js';
import type { Footprint } from '../llm/footprint.js';
import { generateOps, type LlmPhases, type Workload } from '../llm/generate.js';
import type { KeyPath } from './yaml.js';

export interface Config {
  models: Model[];
  /** Every device some model targets, by canonical id. */
  devices: Map<string, Device>;
  gate: GateConfig;
  /** What advice may suggest: the devices listed under `advice.devices` (none by default), each once. */
  advice: { devices: Device[] };
  /** Where each model is defined in the config file (its `name:` value), for annotations. */
  positions: Map<string, Position & { file: string }>;
}

/** Ops read from a table file for one model, with where each level was first seen (for errors). */
export interface OpTable {
  file: string;
  ops: Op[];
  /** Level name -> 1-based row where it first appears. */
  levelRows: Map<string, number>;
  /**
   * True when the levels are a profiler's counters (an imported ncu or torchstat table), not names the user
   * wrote: a level a target lacks is then left out of that target's roofline (the result names it in
   * `levelsLeftOut`) rather than refused, since a profiler counts L1 whether or not the catalog publishes
   * its bandwidth. A level named in a table the user wrote must exist on every target: a typo stays an error.
   */
  counters?: boolean;
}

export interface Locator {
  file: string;
  text: string;
  locate(path: KeyPath, options?: { key?: boolean }): Position;
}

/**
 * `tables`: the op tables read for `ops: { file }`, by model index; `architectures`: the config.json of
 * each `llm:` model, read, by model index.
 */
export function resolveConfig(raw: RawConfig, where: Locator, tables: ReadonlyMap<number, OpTable>, architectures: ReadonlyMap<number, Architecture> = new Map()): Config {
  const issues: ConfigIssue[] = [];
  const fail = (path: KeyPath, message: string, key = false) =>
    issues.push(issueAt(where.file, where.locate(path, { key }), path, message, where.text));

  const custom = new Map<string, Device>();
  for (const [id, spec] of Object.entries(raw.devices ?? {})) {
    if (Object.keys(spec.compute).length === 0) fail(['devices', id, 'compute'], 'expected at least one precision with its peak, e.g. { fp16: 50 TFLOP/s }');
    if (Object.keys(spec.memory).length === 0) fail(['devices', id, 'memory'], 'expected at least one memory level with its bandwidth, e.g. { dram: 100 GB/s }');
    const levels = Object.entries(spec.memory).map(([name, bytesPerSecond]) => ({ name, bytesPerSecond }));
    checkLevelOrder(levels, ['devices', id, 'memory'], fail);
    custom.set(id.toLowerCase(), {
      id,
      name: spec.name ?? id,
      flopsPerSecond: spec.compute as Partial<Record<Precision, number>>,
      levels,
      ...(spec.capacity !== undefined && { capacityBytes: spec.capacity }),
      builtIn: false,
    });
  }

  /** A custom device overrides a built-in one of the same id. */
  const lookUp = (id: string): Device | undefined => {
    const own = custom.get(id.toLowerCase());
    if (own) return own;
    const entry = findEntry(id);
    return entry && toDevice(entry);
  };
  const knownIds = () => [...custom.keys(), ...catalogNames()];

  /** The devices a `hardware:` value names, reporting unknown ids and one device named twice. */
  const targetsOf = (value: string | string[], path: KeyPath): Device[] => {
    const targets: Device[] = [];
    const named = new Map<string, { id: string; path: KeyPath }>();
    toList(value).forEach((id, position) => {
      const at = Array.isArray(value) ? [...path, position] : path;
      const device = lookUp(id);
      if (!device) {
        const nearest = nearestWord(id, knownIds());
        fail(at, `unknown hardware "${id}"${nearest ? `; did you mean "${nearest}"?` : ''} (\`roofline-gate hardware\` lists the built-in ids)`);
        return;
      }
      const earlier = named.get(device.id);
      if (earlier) {
        // An alias and the id (or two aliases) give one device twice: every result of it would show twice.
        fail(at, `"${id}" and "${earlier.id}" (${formatPath(earlier.path)}) are both ${device.id}: list each device once`);
        return;
      }
      named.set(device.id, { id, path: at });
      targets.push(device);
    });
    return targets;
  };
  /** The top-level list, resolved (and its issues reported) once for all the models that use it. */
  let shared: Device[] | undefined;
  const defaultTargets = () => (shared ??= raw.hardware === undefined ? [] : targetsOf(raw.hardware, ['hardware']));

  const devices = new Map<string, Device>();
  const seen = new Map<string, number>();
  /** Every model's name, sweeps expanded (NAME@b8), with the index of the model it comes from. */
  const produced = new Map<string, number>();
  const models: Model[] = [];

  raw.models.forEach((spec, index) => {
    const at = (...rest: Array<string | number>): KeyPath => ['models', index, ...rest];
    const before = issues.length;
    const earlier = seen.get(spec.name);
    if (earlier !== undefined) fail(at('name'), `duplicate model name "${spec.name}" (also models[${earlier}])`);
    seen.set(spec.name, index);

    const bits = bitsOf(spec.precision, spec.bits);
    const works = spec.llm === undefined ? oneOrNone(workOf(spec, tables.get(index), at, fail)) : llmWorksOf(spec, spec.llm, architectures.get(index), bits, at, fail);
    // The results of one sweep share their ops' levels: checking the first checks them all.
    const work = works?.[0];

    const targets = spec.hardware !== undefined ? targetsOf(spec.hardware, at('hardware')) : defaultTargets();
    if (spec.hardware === undefined && raw.hardware === undefined) {
      fail(at(), 'no hardware to place this model on: add `hardware:` at the top of the file or on the model', true);
    }
    for (const device of targets) {
      if (device.flopsPerSecond[spec.precision] === undefined) {
        const offered = PRECISIONS.filter((p) => device.flopsPerSecond[p] !== undefined);
        fail(at('precision'), `${device.id} has no ${spec.precision} roof; it offers ${offered.join(', ')}`);
      }
      if (work) checkLevels(work, device, at, fail, tables.get(index), issues);
      if (work && raw.catalog?.kinds) checkKinds(raw.catalog.kinds, spec.precision, work, device, at, fail);
    }

    const measuredSeconds = keyedRecord<number>();
    const measuredKeys = new Map<string, string>();
    for (const [id, seconds] of Object.entries(spec.measured ?? {})) {
      const device = targets.find((target) => target.id.toLowerCase() === id.toLowerCase() || findEntry(id)?.id === target.id);
      const earlier = device && measuredKeys.get(device.id);
      if (!device) {
        const nearest = nearestWord(id, targets.map((target) => target.id));
        fail(at('measured', id), `"${id}" is not a target of this model${nearest ? `; did you mean "${nearest}"?` : ''}`, true);
      } else if (earlier !== undefined) {
        fail(at('measured', id), `"${earlier}" and "${id}" are both ${device.id}: give one measured time per device`, true);
      } else {
        measuredKeys.set(device.id, id);
        measuredSeconds[device.id] = seconds;
      }
    }

    if (issues.length > before || !works) return;
    for (const device of targets) devices.set(device.id, device);
    for (const work of works) {
      const name = work.sweep ? sweptName(spec.name, work.sweep) : spec.name;
      const clash = produced.get(name);
      if (clash !== undefined && clash !== index) fail(at('name'), `the sweep's result "${name}" has the name of models[${clash}]: rename one of them`);
      if (name.length > NAME_LENGTH) fail(at('name'), `the sweep's result "${cutToFit(name, { chars: 41 })}" is longer than ${wholeNumber(NAME_LENGTH)} characters: shorten the model's name`);
      if (!produced.has(name)) produced.set(name, index);
      models.push(modelOf(spec, name, work, bits, targets, measuredSeconds));
    }
  });

  const adviceDevices = raw.advice?.devices === undefined ? [] : targetsOf(raw.advice.devices, ['advice', 'devices']);

  const gate = raw.gate ?? {};
  for (const name of Object.keys(gate.models ?? {})) {
    if (!seen.has(name) && !produced.has(name)) {
      const nearest = nearestWord(name, seen.keys());
      fail(['gate', 'models', name], `no model is named "${name}"${nearest ? `; did you mean "${nearest}"?` : ''}`, true);
    }
  }

  if (issues.length > 0) throw new ConfigError(issues);
  const positions = new Map([...produced].map(([name, index]) => [name, { file: where.file, ...where.locate(['models', index, 'name']) }]));
  return { models, devices, gate, advice: { devices: adviceDevices }, positions };
}

/** A model of the config as the math takes it: one per `models[]` entry, one per value of a sweep. */
function modelOf(spec: RawModel, name: string, work: Work, bits: Model['bits'], targets: readonly Device[], measuredSeconds: Record<string, number>): Model {
  return {
    name,
    precision: spec.precision,
    flops: work.flops,
    bytes: work.bytes,
    kinds: work.kinds,
    bits,
    batch: work.tokens ?? spec.batch ?? 1,
    ops: work.ops,
    hardware: targets.map((device) => device.id),
    measuredSeconds,
    ...(work.phases && { phases: work.phases }),
    ...(work.footprint && { footprint: work.footprint }),
    ...(work.sweep && { sweep: { of: spec.name, ...work.sweep } }),
    ...(work.crossover && {
      crossoverBatch: Object.fromEntries(targets.map((device) => [device.id, work.crossover!({
        flopsPerSecond: device.flopsPerSecond[spec.precision]!, bytesPerSecond: levelBandwidth(device, OUTERMOST)!,
      })])),
    }),
  };
}

/** NAME@b8 for a batch sweep, NAME@ctx8192 for a context (or prompt) sweep: stable across runs, so baselines pair. */
function sweptName(name: string, sweep: Omit<Sweep, 'of'>): string {
  return sweep.by === 'batch' ? `${name}@b${sweep.batch}` : `${name}@ctx${sweep.context}`;
}

interface Work {
  flops: number;
  bytes: BytesByLevel;
  kinds: BytesByKind;
  ops: Op[] | null;
  /** Generated models: tokens a pass yields (the batch for throughput), and the phases of the ops. */
  tokens?: number;
  phases?: LlmPhases;
  footprint?: Footprint;
  /** One value of a swept `llm:` model. */
  sweep?: Omit<Sweep, 'of'>;
  /** Generated decode and generate models: the crossover batch under a device's roof. */
  crossover?: (roof: Roof) => number | null;
}

type Fail = (path: KeyPath, message: string, key?: boolean) => void;

/** FLOPs and bytes of a model, from flops/macs + bytes or from its ops; null after reporting an issue. */
function workOf(spec: RawModel, table: OpTable | undefined, at: (...rest: Array<string | number>) => KeyPath, fail: Fail): Work | null {
  const counts = [spec.flops, spec.macs, spec.ops].filter((value) => value !== undefined).length;
  if (counts !== 1) {
    fail(at(), counts === 0 ? 'expected `flops:`, `macs:` or `ops:`' : 'expected only one of `flops:`, `macs:` and `ops:`', true);
    return null;
  }
  if (spec.ops === undefined) {
    if (spec.bytes === undefined) {
      fail(at(), 'expected `bytes:` (bytes moved per pass), either a size or one per memory level', true);
      return null;
    }
    const work = { flops: flopsOf(spec), ...bytesByLevel(spec.bytes), ops: null };
    return doesWork(work, at, fail) ? work : null;
  }
  if (spec.bytes !== undefined) {
    fail(at('bytes'), 'a model given as `ops:` takes its bytes from the ops: remove `bytes:` here', true);
    return null;
  }
  const ops = Array.isArray(spec.ops) ? spec.ops.map(toOp) : table?.ops;
  if (!ops) return null; // the table was not read: the shell reports why
  if (ops.length === 0) {
    fail(at('ops'), `expected at least one op${table ? ` in ${table.file}` : ''}`);
    return null;
  }
  const work = summed(ops);
  return doesWork(work, at, fail) ? work : null;
}

/**
 * The totals of each ops list summed: a baseline whose op table did not change shares the head's list
 * (load-config.ts's OpTableMemo), and its million ops are then not summed again. Keyed weakly: a list no
 * model holds any more is dropped with it.
 */
const TOTALS = new WeakMap<readonly Op[], Pick<Work, 'flops' | 'bytes' | 'kinds'>>();

/** A model's totals from its ops; each call's records its own (a model's may be changed, its list's never). */
function summed(ops: Op[]): Work {
  let totals = TOTALS.get(ops);
  if (!totals) {
    // One pass over the ops for FLOPs, bytes and kinds.
    let flops = 0;
    const sums = keyedRecord<number>();
    const kinds = new KindTotals();
    for (const op of ops) {
      flops += op.flops;
      // for...in, not Object.entries: the same keys in the same order, without two arrays per op. Read once:
      // an op table's row makes its record at each read (op-columns.ts).
      const bytes = op.bytes;
      for (const level in bytes) sums[level] = (sums[level] ?? 0) + bytes[level]!;
      kinds.add(bytes, op.kinds);
    }
    totals = { flops, bytes: sums, kinds: kinds.result() };
    TOTALS.set(ops, totals);
  }
  const kinds = keyedRecord<KindSplit>();
  for (const level in totals.kinds) kinds[level] = { ...totals.kinds[level] };
  return { flops: totals.flops, bytes: Object.assign(keyedRecord<number>(), totals.bytes), kinds, ops };
}

/** Keys of `llm:` each phase needs, and those it takes no value for. */
const LLM_KEYS: Record<Workload['phase'], { needs: Array<'context' | 'prompt' | 'generate'>; refuses: Array<'context' | 'prompt' | 'generate'> }> = {
  prefill: { needs: ['prompt'], refuses: ['generate'] },
  decode: { needs: ['context'], refuses: ['prompt', 'generate'] },
  generate: { needs: ['prompt', 'generate'], refuses: ['context'] },
};

/** The ops of an `llm:` model, generated from its config.json, one Work per value swept; null after reporting an issue. */
function llmWorksOf(
  spec: RawModel,
  llm: RawLlm,
  architecture: Architecture | undefined,
  bits: Model['bits'],
  at: (...rest: Array<string | number>) => KeyPath,
  report: Fail,
): Work[] | null {
  let failed = false;
  const fail: Fail = (...issue) => {
    failed = true;
    report(...issue);
  };
  for (const key of ['flops', 'macs', 'bytes', 'ops', 'batch'] as const) {
    if (spec[key] === undefined) continue;
    fail(at(key), key === 'batch'
      ? 'a model given as `llm:` takes its batch from `llm.batch` (sequences served together): move it there'
      : `a model given as \`llm:\` is generated from its config.json: remove \`${key}:\``, true);
  }
  // SPEC section 6 lets `context:` stand for the prompt length of a prefill.
  const prompt = llm.prompt ?? (llm.phase === 'prefill' ? llm.context : undefined);
  if (llm.phase === 'prefill' && llm.prompt !== undefined && llm.context !== undefined) {
    fail(at('llm', 'context'), 'a prefill takes the prompt length once: give `prompt:` (or `context:`), not both', true);
  }
  const rules = LLM_KEYS[llm.phase];
  const given = { context: llm.context, prompt, generate: llm.generate };
  for (const key of rules.needs) {
    if (given[key] === undefined) fail(at('llm'), `phase ${llm.phase} needs \`${key}:\` (${LLM_KEY_HELP[key]})`, true);
  }
  for (const key of rules.refuses) {
    if (llm[key] !== undefined) fail(at('llm', key), `phase ${llm.phase} takes no \`${key}:\` (${LLM_KEY_HELP[key]}, for ${key === 'context' ? 'decode' : key === 'prompt' ? 'prefill and generate' : 'generate'})`, true);
  }
  const swept = (['batch', 'context'] as const).filter((key) => Array.isArray(llm[key]));
  if (swept.length === 2) fail(at('llm', 'context'), 'sweep one of `batch:` and `context:` per model: give the other sweep a model of its own', true);
  if (swept.length > 0 && spec.measured !== undefined) fail(at('measured'), 'a sweep has one result per value: give measured times on a model of one batch and context', true);
  for (const key of swept) {
    const values = llm[key] as number[];
    const twice = values.find((value, position) => values.indexOf(value) !== position);
    if (twice !== undefined) fail(at('llm', key), `the sweep of \`${key}:\` lists ${wholeNumber(twice)} twice: each value is one result`, true);
  }
  if (failed || !architecture) return null; // no architecture: the shell reported why
  // `context:` of a prefill stands for its prompt (SPEC section 6), a sweep of it too.
  const tokensKey = llm.phase === 'decode' ? 'context' : 'prompt';
  const points = listOf(llm.batch).flatMap((batch) => listOf(llm.phase === 'decode' ? llm.context : prompt).map((tokens): Workload => ({
    phase: llm.phase, batch, context: 0, prompt: 0, generate: llm.generate ?? 0, attention: llm.attention, [tokensKey]: tokens ?? 0,
  })));
  const works = points.map((workload) => {
    const generated = generateOps(architecture, workload, bits);
    return {
      ...summed(generated.ops), tokens: generated.tokens, phases: generated.phases, footprint: generated.footprint,
      ...(swept.length > 0 && { sweep: { by: swept[0]!, batch: workload.batch, context: workload[tokensKey] } }),
      ...(llm.phase !== 'prefill' && { crossover: (roof: Roof) => crossoverBatch(architecture, workload, bits, roof) }),
    };
  });
  return works.every((work) => doesWork(work, at, report)) ? works : null;
}

const LLM_KEY_HELP = {
  context: 'tokens already in each sequence\'s KV cache',
  prompt: 'prompt tokens per sequence',
  generate: 'decode steps after the prefill',
} as const;

function doesWork(work: Work, at: (...rest: Array<string | number>) => KeyPath, fail: Fail): boolean {
  // Each figure was range-checked as it was read; their sums may still overflow (1e30 FLOP a row, a million rows).
  const sums: Array<[string, number, Dimension]> = [['flops', work.flops, 'flops'], ...Object.entries(work.bytes).map(([level, count]): [string, number, Dimension] => [`bytes.${level}`, count, 'bytes'])];
  for (const [what, sum, dimension] of sums) {
    const problem = outOfRange(sum, dimension);
    if (problem === undefined) continue;
    fail(work.ops === null ? at(...what.split('.')) : at('ops'), work.ops === null ? problem : `the ops' ${what} add up to ${quantityText(sum, dimension, RANGES.count.max)}: ${problem.replace(/, got .*$/, '')}`, true);
    return false;
  }
  // Ops imported without byte counts (a FLOP counter's output) name no level: no roof could bind.
  if (Object.keys(work.bytes).length === 0) {
    fail(at('ops'), 'the ops give no bytes at any memory level: add a bytes column (or bytes.<level>) to the table', true);
    return false;
  }
  if (work.flops > 0 || Object.values(work.bytes).some((count) => count > 0)) return true;
  fail(at(), 'the model does no work: its FLOPs and bytes are all zero', true);
  return false;
}

export function toOp(raw: RawOp): Op {
  const { bytes, kinds } = bytesByLevel(raw.bytes);
  // One literal, its keys in one order: every op shares V8's layout for it, none keeps a spread's extra store.
  const op: Op = { name: raw.name, flops: flopsOf(raw), bytes, kinds: sharedWhenEmpty(kinds) };
  if (raw.measured !== undefined) op.measuredSeconds = raw.measured;
  return op;
}

/** FLOPs of a model or op that gives exactly one of `flops:` and `macs:` (the schema sees to that). */
export function flopsOf(counts: { flops?: number | undefined; macs?: number | undefined }): number {
  return counts.flops ?? flopsOfMacs(counts.macs!);
}

/** Per-level totals and splits of a `bytes:` value as the schema gives it (a bare count is the outermost level's). */
export function bytesByLevel(bytes: number | Readonly<Record<string, LevelBytes>>): { bytes: BytesByLevel; kinds: BytesByKind } {
  return typeof bytes === 'number' ? { bytes: Object.assign(keyedRecord<number>(), { [OUTERMOST]: bytes }), kinds: keyedRecord() } : levelsAndKinds(bytes);
}

/**
 * A device's levels go outermost (slowest) first: the math takes the first level as DRAM and advice treats
 * the ones after it as caches, so `{ l2: 12 TB/s, dram: 3 TB/s }` would turn DRAM into a cache.
 */
function checkLevelOrder(levels: MemoryLevel[], path: KeyPath, fail: Fail): void {
  if (levels.length > MAX_LEVELS) {
    fail([...path, levels[MAX_LEVELS]!.name], `expected at most ${wholeNumber(MAX_LEVELS)} memory levels, got ${wholeNumber(levels.length)}`, true);
    return;
  }
  const outermost = levels.findIndex((level) => level.name === OUTERMOST);
  const slower = levels.findIndex((level, index) => index > 0 && level.bytesPerSecond < levels[index - 1]!.bytesPerSecond);
  if (outermost <= 0 && slower < 0) return;
  const ordered = [...levels].sort((a, b) => Number(b.name === OUTERMOST) - Number(a.name === OUTERMOST) || a.bytesPerSecond - b.bytesPerSecond);
  const fix = `list levels outermost (slowest) first: { ${ordered.map((level) => `${level.name}: ${givenFigure(level.bytesPerSecond, 'B/s')}`).join(', ')} }`;
  if (outermost > 0) {
    fail([...path, OUTERMOST], `"${OUTERMOST}" is the outermost level but is listed after ${levels[0]!.name}; ${fix}`, true);
  } else {
    const [inner, outer] = [levels[slower]!, levels[slower - 1]!];
    // Digits enough to tell the two apart: 2.999 TB/s is slower than 3 TB/s, though both round to 3.00 TB/s.
    const show = (level: MemoryLevel, other: MemoryLevel) => `${level.name} (${givenFigure(level.bytesPerSecond, 'B/s', other.bytesPerSecond)})`;
    fail([...path, inner.name], `${show(inner, outer)} is slower than ${show(outer, inner)}, listed before it as the outer level; ${fix}`, true);
  }
}

/** Every memory level a model names must exist on each of its targets, but for imported counters (OpTable.counters). */
function checkLevels(
  work: Work,
  device: Device,
  at: (...rest: Array<string | number>) => KeyPath,
  fail: Fail,
  table: OpTable | undefined,
  issues: ConfigIssue[],
) {
  for (const level of Object.keys(work.bytes)) {
    if (levelBandwidth(device, level) !== undefined || table?.counters) continue;
    const names = device.levels.map((l) => l.name);
    const nearest = nearestWord(level, names);
    const kind = nearestWord(level, BYTE_KINDS);
    const hint = nearest
      ? `; did you mean "${nearest}"?`
      : kind
        ? `; did you mean the kind "${kind}"? Kinds go under their level, as in { ${OUTERMOST}: { ${kind}: ... } }`
        : ' (give that level only on models whose targets publish it, or describe the device under `devices:`)';
    const message = `${device.id} has no memory level "${level}"; it has ${names.join(', ')}${hint}`;
    const row = table?.levelRows.get(level);
    if (table && row !== undefined) {
      issues.push({ file: table.file, line: row, column: 1, path: `${formatPath(at())}.ops`, message });
    } else {
      fail(pathOfLevel(work, level, at), message, true);
    }
  }
}

/** With `catalog: { kinds: [...] }`, every figure a target needs (its roof, each level named) must be of a kind allowed. */
function checkKinds(allowed: readonly FigureKind[], precision: Precision, work: Work, device: Device, at: (...rest: Array<string | number>) => KeyPath, fail: Fail) {
  const kinds = device.figureKinds;
  if (!kinds) return; // a device the config defines: the user's own figures
  const refuse = (what: string, kind: FigureKind | undefined, path: KeyPath) => {
    if (kind === undefined || allowed.includes(kind)) return;
    fail(path, `${device.id}'s ${what} is ${figureOfKind([kind])} and catalog.kinds allows only ${allowed.join(', ')} (\`roofline-gate hardware ${device.id}\` shows how it was obtained)`);
  };
  refuse(`${precision} roof`, kinds.compute[precision], at('precision'));
  for (const level of Object.keys(work.bytes)) {
    const name = level === OUTERMOST && !(level in kinds.levels) ? device.levels[0]?.name : level;
    refuse(`${level} bandwidth`, name === undefined ? undefined : kinds.levels[name], pathOfLevel(work, level, at));
  }
}

function pathOfLevel(work: Work, level: string, at: (...rest: Array<string | number>) => KeyPath): KeyPath {
  if (work.ops === null) return at('bytes', level);
  const index = work.ops.findIndex((op) => level in op.bytes);
  return at('ops', Math.max(index, 0), 'bytes', level);
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A value or a list of them (a sweep) as a list. */
function listOf<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

const oneOrNone = <T>(value: T | null): T[] | null => (value === null ? null : [value]);
