// Numbers stay numbers (issue 14): for any config the engine accepts, with figures anywhere in the ranges
// of limits.ts (0, 1 and 1e30 FLOP or bytes, 1 B/s and 1e21 B/s, per-level and per-kind bytes, ops, measured
// times, budgets, custom devices beside built-in ones), report.json has a number wherever one is due and the
// renderings never print "NaN", "Infinity", "undefined" or "null". The only nulls report.json may hold are
// the ones its schema gives a meaning (results.ts): not measured, no baseline, not known, and the two
// infinities that JSON cannot write (an intensity through a level that moves no bytes, the throughput of a
// pass that takes no time), which are infinite by definition and read back as such.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { acceptedConfig } from './__fixtures__/accepted-config.js';
import { COMMENT_MAX, RANGES } from '../src/core/limits.js';
import { buildReport, reportJson } from '../src/core/report/build.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { renderText } from '../src/core/report/text.js';
import type { Report } from '../src/core/report/types.js';

/** Names from letters that cannot spell NaN, Infinity, undefined or null, so any such word is the tool's. */
const nameArb = fc.string({ unit: fc.constantFrom('m', 'x', '0', '-', '.'), minLength: 1, maxLength: 6 }).map((name) => `m${name}`);

/** A figure anywhere in [min, max], log-uniform, with the bounds themselves often. */
const inRange = (min: number, max: number) =>
  fc.oneof(
    fc.constant(min),
    fc.constant(max),
    fc.double({ min: Math.log10(min), max: Math.log10(max), noNaN: true }).map((e) => Math.min(max, Math.max(min, 10 ** e))),
  );
const countArb = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: inRange(RANGES.count.min, RANGES.count.max), weight: 3 });
const rateArb = inRange(RANGES.flopRate.min, RANGES.flopRate.max);
const bandwidthArb = inRange(RANGES.byteRate.min, RANGES.byteRate.max);
const secondsArb = inRange(RANGES.seconds.min, RANGES.seconds.max);
const perSecondArb = inRange(RANGES.perSecond.min, RANGES.perSecond.max);

/** Memory levels, outermost first; inner ones may not be slower, so bandwidths are sorted up. */
const LEVELS = ['dram', 'l2', 'l1', 'sram'] as const;
const deviceArb = fc.record({
  fp16: rateArb,
  int8: fc.option(rateArb, { nil: undefined }),
  bandwidths: fc.array(bandwidthArb, { minLength: 1, maxLength: LEVELS.length }).map((list) => [...list].sort((a, b) => a - b)),
  capacity: fc.option(countArb.filter((c) => c > 0), { nil: undefined }),
});

/** Bytes of a model or an op: one count, per level, or the outermost level split by kind. */
const bytesArb = fc.oneof(
  countArb,
  fc.array(countArb, { minLength: 1, maxLength: LEVELS.length }).map((counts) => Object.fromEntries(counts.map((count, at) => [LEVELS[at]!, count]))),
  fc.record({ weights: countArb, activations: countArb, kv: countArb }, { requiredKeys: ['weights'] }),
);
const opArb = fc.record({ name: nameArb, flops: countArb, bytes: bytesArb, measured: fc.option(secondsArb, { nil: undefined }) }, { requiredKeys: ['name', 'flops', 'bytes'] });

const modelArb = fc.record({
  name: nameArb,
  int8: fc.boolean(),
  work: fc.oneof(
    fc.record({ flops: countArb, bytes: bytesArb }),
    fc.record({ ops: fc.uniqueArray(opArb, { minLength: 1, maxLength: 4, selector: (op) => op.name }) }),
  ),
  batch: fc.oneof(fc.constant(1), fc.constant(1e9), fc.integer({ min: 1, max: 1e9 })),
  measured: fc.option(secondsArb, { nil: undefined }),
  /** The baseline's figures, as a multiple of these (kept in range). */
  baseScale: fc.oneof(fc.constant(1), fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
});

const configArb = fc.record({
  devices: fc.array(deviceArb, { minLength: 1, maxLength: 3 }),
  builtIn: fc.subarray(['h100-sxm', 'a100-sxm4-80gb']),
  models: fc.uniqueArray(modelArb, { minLength: 1, maxLength: 4, selector: (model) => model.name }),
  /** Rules that fire at any change, and budgets anywhere in their ranges: findings quote figures at the ends. */
  gate: fc.record(
    {
      'throughput-drop': fc.constant({ warn: '0%', fail: '5%' }),
      'intensity-drop': fc.constant({ warn: '0%' }),
      'efficiency-drop': fc.constant({ warn: '0%' }),
      budgets: fc.record(
        {
          'min-throughput': perSecondArb.map((rate) => `${rate}/s`),
          'max-latency': secondsArb.map((seconds) => `${seconds} s`),
          'ridge-margin': fc.integer({ min: 0, max: 500 }).map((percent) => `${percent}%`),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
});

type Generated = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

/** A count scaled and kept in the config's range (0 stays 0). */
function scaled(count: number, scale: number): number {
  return count === 0 ? 0 : Math.min(RANGES.count.max, Math.max(RANGES.count.min, count * scale));
}

/** Bytes scaled, through only the first `levels` levels (the ones every target has). */
function scaledBytes(bytes: unknown, scale: number, levels: number): unknown {
  if (typeof bytes === 'number') return scaled(bytes, scale);
  const entries = Object.entries(bytes as Record<string, number>).filter(([key]) => !LEVELS.includes(key as never) || LEVELS.indexOf(key as never) < levels);
  return Object.fromEntries(entries.map(([key, count]) => [key, scaled(count, scale)]));
}

/** The config as JSON text (JSON is YAML); `base` gives the baseline's figures. */
function configText(c: Generated, base = false): string {
  const ids = c.devices.map((_, at) => `dev${at}`);
  // h100-sxm has one level in the catalog, a100-sxm4-80gb two (dram, l2).
  const levels = Math.min(...c.devices.map((d) => d.bandwidths.length), ...c.builtIn.map((id) => (id === 'h100-sxm' ? 1 : 2)));
  const devices = Object.fromEntries(c.devices.map((d, at) => [ids[at]!, {
    compute: { fp16: d.fp16, ...(d.int8 === undefined ? {} : { int8: d.int8 }) },
    memory: Object.fromEntries(d.bandwidths.map((bandwidth, level) => [LEVELS[level]!, bandwidth])),
    ...(d.capacity === undefined ? {} : { capacity: d.capacity }),
  }]));
  return JSON.stringify({
    version: 1,
    hardware: [...ids, ...c.builtIn],
    devices,
    models: c.models.map((m) => {
      const scale = base ? m.baseScale : 1;
      const work = 'ops' in m.work
        ? { ops: m.work.ops.map((op) => ({ ...op, flops: scaled(op.flops, scale), bytes: scaledBytes(op.bytes, scale, levels), ...(op.measured === undefined ? {} : { measured: `${op.measured} s` }) })) }
        : { flops: scaled(m.work.flops, scale), bytes: scaledBytes(m.work.bytes, scale, levels) };
      return {
        name: m.name,
        precision: m.int8 && c.devices.every((d) => d.int8 !== undefined) && c.builtIn.length === 0 ? 'int8' : 'fp16',
        ...work,
        batch: m.batch,
        ...(m.measured === undefined ? {} : { measured: { [ids[0]!]: `${m.measured} s` } }),
      };
    }),
    gate: c.gate,
  });
}

type Path = Array<string | number>;

/** Every number of `value` that is not finite, with where it sits. */
function nonFinite(value: unknown, path: Path = [], out: Array<{ path: Path; value: number }> = []) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push({ path, value });
  } else if (Array.isArray(value)) {
    value.forEach((item, at) => nonFinite(item, [...path, at], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nonFinite(item, [...path, key], out);
  }
  return out;
}

/** Every null of parsed JSON, with where it sits. */
function nulls(value: unknown, path: Path = [], out: Path[] = []) {
  if (value === null) out.push(path);
  else if (Array.isArray(value)) value.forEach((item, at) => nulls(item, [...path, at], out));
  else if (typeof value === 'object') for (const [key, item] of Object.entries(value as object)) nulls(item, [...path, key], out);
  return out;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], value);
}

/**
 * The infinities results.ts gives a meaning: a placement's (or an op's, or a baseline's) intensity at a level
 * that moves no bytes, and the throughput of a pass that takes 0 s.
 */
function infinityAllowed(report: Report, path: Path, value: number): boolean {
  if (value !== Infinity) return false;
  const owner = at(report, path.slice(0, -2)) as Record<string, unknown> | undefined;
  if (path.at(-2) === 'intensity' && owner !== undefined) {
    const bytes = owner.bytes as Record<string, number> | null | undefined;
    return bytes === undefined || bytes === null || bytes[path.at(-1) as string] === 0;
  }
  const parent = at(report, path.slice(0, -1)) as Record<string, unknown>;
  return path.at(-1) === 'throughput' && parent.seconds === 0;
}

/** The words of a lost number, and raw JavaScript numbers: an exponent with a plus (1e+23) or float noise (0.30000000000000004). */
const FORBIDDEN = /NaN|Infinity|undefined|null|\de\+\d|\d\.\d{12,}/;

function checkReport(report: Report): void {
  for (const { path, value } of nonFinite(report)) {
    expect({ path: path.join('.'), value, allowed: infinityAllowed(report, path, value) }).toEqual({ path: path.join('.'), value, allowed: true });
  }
  // A null in report.json is a null of the report, or one of the infinities above: never a number lost.
  const json = JSON.parse(reportJson(report)) as unknown;
  for (const path of nulls(json)) {
    const was = at(report, path);
    expect({ path: path.join('.'), was: was === null || was === Infinity }).toEqual({ path: path.join('.'), was: true });
  }
  for (const [what, text] of [
    ['text', renderText(report)],
    ['markdown', renderMarkdown(report, { limit: null })],
    ['comment', renderMarkdown(report, { limit: COMMENT_MAX })],
  ] as const) {
    const found = FORBIDDEN.exec(text);
    expect({ what, found: found && text.slice(Math.max(0, found.index - 80), found.index + 40) }).toEqual({ what, found: null });
  }
}

describe('numbers stay numbers in the report', () => {
  it('for any config the engine accepts, at the limits of its ranges, with and without a baseline', () => {
    fc.assert(
      fc.property(configArb, (generated) => {
        const head = acceptedConfig(configText(generated));
        fc.pre(head !== null);
        const base = acceptedConfig(configText(generated, true));
        checkReport(buildReport(head!, null, null));
        if (base !== null) checkReport(buildReport(head!, base, 'git:main'));
      }),
      {
        numRuns: 300,
        examples: [
          // Found by this property: a baseline op time of 999.5 s printed as "1.00e+3 s" (format.significant).
          [{ devices: [{ fp16: 1e21, int8: undefined, bandwidths: [1], capacity: undefined }], builtIn: [], models: [{ name: 'mm', int8: false, work: { ops: [{ name: 'mm', flops: 1, bytes: { dram: 1 } }] }, batch: 1, measured: undefined, baseScale: 999.5 }], gate: {} }],
        ],
      },
    );
  });
});
