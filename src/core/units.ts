// Quantities with units, as SPEC section 2 lists them: the one unit table, and parsing config strings into
// base SI units with it. Every other module speaks base units only; format.ts turns them back into text.
import { givenFigure, type FigureUnit } from './format.js';
import { RANGES } from './limits.js';
import { nearestWord } from './nearest-word.js';

/** What a quantity measures. The parsed value is always in the base unit named here. */
export type Dimension =
  | 'flops' //        FLOP
  | 'macs' //         multiply-accumulates (MAC); flopsOfMacs turns them into FLOP
  | 'bytes' //        bytes
  | 'flopRate' //     FLOP/s (OP/s for integer formats)
  | 'byteRate' //     bytes/s
  | 'seconds' //      s
  | 'perSecond' //    samples/s
  | 'fraction'; //    a percentage, as a fraction: "5%" -> 0.05

export const DIMENSIONS: readonly Dimension[] = ['flops', 'macs', 'bytes', 'flopRate', 'byteRate', 'seconds', 'perSecond', 'fraction'];

export type Parsed =
  | { ok: true; value: number }
  /** `reason`, when given, is the whole explanation and replaces "expected ..., got ...". */
  | { ok: false; expected: string; suggestion?: string; reason?: string };

/** A multiply-accumulate is a multiply and an add. */
export const FLOP_PER_MAC = 2;

/** The one place a MAC count becomes FLOP: flopsOfMacs(115.5e6) //=> 231e6. */
export function flopsOfMacs(macs: number): number {
  return macs * FLOP_PER_MAC;
}

const DECIMAL: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
const TIME: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ns: 1e-9 };

/**
 * Counts are FLOP or MAC, never both: the two differ by a factor of 2 that counters often mislabel, so a
 * MAC unit under `flops:` (or a FLOP unit under `macs:`) is refused rather than silently converted.
 */
const FLOP_WORDS: Record<string, number> = { FLOP: 1, FLOPs: 1, OP: 1, OPs: 1 };
const MAC_WORDS: Record<string, number> = { MAC: 1, MACs: 1 };
/** Word forms of a compute rate; `FLOPS` with a capital S is a rate, `FLOPs` a count. */
const RATE_WORDS: Record<string, number> = {
  'FLOP/s': 1, 'FLOPs/s': 1, FLOPS: 1, 'OP/s': 1, 'OPs/s': 1, OPS: 1, 'MAC/s': FLOP_PER_MAC, 'MACs/s': FLOP_PER_MAC,
};

/** One accepted spelling of a unit: its factor to the base unit. */
interface Unit {
  factor: number;
}

/** Every unit spelling accepted for a dimension. Built once; the parser and the JSON Schema both read it. */
const UNITS: Record<Dimension, Map<string, Unit>> = {
  flops: withPrefixes(FLOP_WORDS, DECIMAL),
  macs: withPrefixes(MAC_WORDS, DECIMAL),
  flopRate: withPrefixes(RATE_WORDS, DECIMAL),
  bytes: new Map([...withPrefixes({ B: 1 }, DECIMAL), ...withPrefixes({ B: 1 }, BINARY)]),
  byteRate: new Map([...withPrefixes({ 'B/s': 1 }, DECIMAL), ...withPrefixes({ 'B/s': 1 }, BINARY)]),
  seconds: withPrefixes(TIME, { '': 1 }),
  perSecond: withPrefixes({ '/s': 1, 'samples/s': 1, 'tokens/s': 1, 'images/s': 1, 'sequences/s': 1 }, { '': 1 }),
  fraction: withPrefixes({ '%': 0.01 }, { '': 1 }),
};

/** Dimensions whose bare numbers are refused: `5` is never read as 500%, nor `2` as 2 seconds. */
const UNIT_REQUIRED: ReadonlySet<Dimension> = new Set(['fraction', 'seconds']);

/** Whether a quantity of this dimension must carry its unit (a bare number is refused). */
export function unitRequired(dimension: Dimension): boolean {
  return UNIT_REQUIRED.has(dimension);
}

function withPrefixes(words: Record<string, number>, prefixes: Record<string, number>): Map<string, Unit> {
  const out = new Map<string, Unit>();
  for (const [word, worth] of Object.entries(words)) {
    for (const [prefix, factor] of Object.entries(prefixes)) out.set(prefix + word, { factor: worth * factor });
  }
  return out;
}

const EXPECTED: Record<Dimension, string> = {
  flops: 'a FLOP count such as 4.1 GFLOP, 350 MFLOP or 4.1e9',
  macs: 'a MAC count such as 2 GMAC, 115.5 MMAC or 2e9',
  bytes: 'a byte count such as 86 MB, 1.5 GiB or 4096 B',
  flopRate: 'a compute rate such as 19.5 TFLOP/s, 312 TFLOPS or 624 TOP/s',
  byteRate: 'a bandwidth such as 1555 GB/s or 3.35 TB/s',
  seconds: 'a time such as 2.5 ms, 120 us or 0.01 s',
  perSecond: 'a rate such as 1000/s or 50 tokens/s',
  fraction: 'a percentage such as 5%',
};

/** A plain decimal or scientific number, as people write them in configs. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * Parses a config value into base units. Numbers are taken as already in base units (MACs under `macs`),
 * except for percentages and times, which need their unit so that `5` is never read as 500% nor `2` as
 * two seconds.
 *
 *   parseQuantity('4.1 GFLOP', 'flops')    //=> { ok: true, value: 4.1e9 }
 *   parseQuantity('2 GMAC', 'macs')        //=> { ok: true, value: 2e9 }  (MACs; flopsOfMacs gives 4e9 FLOP)
 *   parseQuantity('1 KiB', 'bytes')        //=> { ok: true, value: 1024 }
 *
 * The sign is not judged here: whether zero or a negative is allowed is the schema's call.
 */
export function parseQuantity(input: unknown, dimension: Dimension): Parsed {
  const expected = EXPECTED[dimension];
  if (typeof input === 'number') {
    if (unitRequired(dimension)) return needsUnit(String(input), dimension);
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, expected };
  }
  if (typeof input !== 'string') return { ok: false, expected };
  const text = input.trim();
  const number = NUMBER.exec(text);
  if (!number) return { ok: false, expected };
  const magnitude = Number(number[0]);
  const unitText = text.slice(number[0].length).trim();
  if (unitText === '') {
    if (unitRequired(dimension)) return needsUnit(number[0], dimension);
    return Number.isFinite(magnitude) ? { ok: true, value: magnitude } : { ok: false, expected };
  }
  const unit = UNITS[dimension].get(unitText);
  if (unit === undefined) {
    const mixUp = countMixUp(number[0], unitText, dimension);
    if (mixUp !== undefined) return { ok: false, expected, reason: mixUp };
    const suggestion = nearestUnit(unitText, dimension);
    return suggestion === undefined ? { ok: false, expected } : { ok: false, expected, suggestion };
  }
  const value = magnitude * unit.factor;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, expected: `${expected}, not one that overflows` };
}

/** Powers of ten that are exact doubles: a mantissa below 2^53 divided by one is the nearest double. */
const EXACT_POWERS = Array.from({ length: 16 }, (_, power) => 10 ** power);

/**
 * parseQuantity's value for the common form of a table cell (`13`, `9.6 MB`: spaces, a sign, at most 15
 * digits with a point, a unit), NaN for any other text, which parseQuantity then reads. No match array,
 * substrings or result object per call: a million rows hold three cells each. The digits are read as an
 * integer and divided by an exact power of ten, which rounds once, as Number() does (Clinger's fast path).
 *
 *   quantityValue(' 9.6 MB', 'bytes') //=> 9600000
 *   quantityValue('1e3', 'flops')     //=> NaN (an exponent: parseQuantity reads it)
 */
export function quantityValue(text: string, dimension: Dimension): number {
  let at = 0;
  const end = text.length;
  while (at < end && text.charCodeAt(at) === 32) at++;
  const sign = text.charCodeAt(at);
  if (sign === 43 || sign === 45) at++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === 46 && decimals < 0) decimals = 0;
    else break;
  }
  if (digits === 0 || digits > 15) return NaN;
  const next = text.charCodeAt(at);
  if (next === 101 || next === 69) return NaN; // an exponent
  const magnitude = (sign === 45 ? -mantissa : mantissa) / EXACT_POWERS[decimals < 0 ? 0 : decimals]!;
  while (at < end && text.charCodeAt(at) === 32) at++;
  let last = end;
  while (last > at && text.charCodeAt(last - 1) === 32) last--;
  if (at === last) return unitRequired(dimension) ? NaN : magnitude;
  const unit = UNITS[dimension].get(text.slice(at, last));
  if (unit === undefined) return NaN;
  const value = magnitude * unit.factor;
  return Number.isFinite(value) ? value : NaN;
}

function needsUnit(number: string, dimension: Dimension): Parsed {
  const expected = EXPECTED[dimension];
  const reason =
    dimension === 'seconds'
      ? `expected a time with its unit, got a bare ${number}: write "${number} ms" (or "${number} s", "${number} us")`
      : `expected ${expected}, got a bare ${number}: write "${number}%"`;
  return { ok: false, expected, reason };
}

/**
 * The other kind of count, for a MAC unit under `flops:` and a FLOP unit under `macs:`. The fix offered for
 * `macs: 4 GFLOP` keeps the number, since the usual cause is a MAC counter that labels its output "FLOPs";
 * the fix offered for `flops: 4 GMAC` converts it, since the unit says plainly that they are MACs.
 */
const COUNTERPART: Partial<Record<Dimension, { key: Dimension; kind: string; noun: string; times: number }>> = {
  flops: { key: 'macs', kind: 'MAC', noun: 'FLOPs', times: FLOP_PER_MAC },
  macs: { key: 'flops', kind: 'FLOP', noun: 'MACs', times: 1 },
};

/** `"4 GFLOP" is a FLOP count; write it under flops:, or give MACs (4 GMAC)`, or undefined when not a mix-up. */
function countMixUp(number: string, unitText: string, dimension: Dimension): string | undefined {
  const other = COUNTERPART[dimension];
  const unit = other && UNITS[other.key].get(unitText);
  if (!other || !unit) return undefined;
  const fixed = quantityText(Number(number) * unit.factor * other.times, dimension);
  return `"${number} ${unitText}" is a ${other.kind} count; write it under ${other.key}:, or give ${other.noun} (${fixed})`;
}

/** Every unit spelling accepted for a dimension, for documentation and tests. */
export function unitsOf(dimension: Dimension): string[] {
  return [...UNITS[dimension].keys()];
}

/**
 * The regular expression (source text, anchored) that a quantity string of this dimension matches, built
 * from the same unit table the parser uses, for the JSON Schema that editors check configs with.
 */
export function quantityPattern(dimension: Dimension): string {
  const units = unitsOf(dimension)
    .filter((unit) => unit !== '')
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escapeRegExp);
  const unit = `(?:${units.join('|')})${unitRequired(dimension) ? '' : '?'}`;
  return `^\\s*${NUMBER.source.slice(1)}\\s*${unit}\\s*$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The accepted unit spelled most like `unit`, or undefined when none is close. */
export function nearestUnit(unit: string, dimension: Dimension): string | undefined {
  return nearestWord(unit, unitsOf(dimension));
}

/** Which of the ranges in limits.ts a dimension's figures must lie in (percentages have none). */
const RANGE_OF: Partial<Record<Dimension, (typeof RANGES)[keyof typeof RANGES]>> = {
  flops: RANGES.count, macs: RANGES.count, bytes: RANGES.count,
  flopRate: RANGES.flopRate, byteRate: RANGES.byteRate, seconds: RANGES.seconds, perSecond: RANGES.perSecond,
};

/** The unit a message quotes a figure of each dimension in (format.ts shows it). */
const FIGURE_UNIT: Record<Dimension, FigureUnit> = {
  flops: 'FLOP', macs: 'MAC', bytes: 'B', flopRate: 'FLOP/s', byteRate: 'B/s', seconds: 's', perSecond: '/s', fraction: '%',
};

/**
 * A figure of a dimension as a message quotes it, in the dimension's unit, digits as given; `beside` (a limit it
 * is compared with) adds digits until the two differ: quantityText(1e31, 'flops') //=> '1e31 FLOP'.
 */
export function quantityText(value: number, dimension: Dimension, beside?: number): string {
  return givenFigure(value, FIGURE_UNIT[dimension], beside);
}

/** A dimension's range as messages state it: rangeText('flopRate') //=> 'from 1 FLOP/s to 1e21 FLOP/s'. */
export function rangeText(dimension: Dimension): string | undefined {
  const range = RANGE_OF[dimension];
  if (range === undefined) return undefined;
  const span = `from ${quantityText(range.min, dimension)} to ${quantityText(range.max, dimension)}`;
  return range === RANGES.count ? `0, or ${span}` : span;
}

/**
 * Why a parsed figure lies outside roofline-gate's range for its dimension, or undefined when it is inside
 * (a count of exactly 0 is inside):
 *
 *   outOfRange(5e-324, 'byteRate') //=> 'out of range: a bandwidth must be from 1 B/s to 1e21 B/s, got 4.94e-324 B/s'
 */
export function outOfRange(value: number, dimension: Dimension): string | undefined {
  const range = RANGE_OF[dimension];
  if (range === undefined || (value === 0 && range === RANGES.count)) return undefined;
  if (value >= range.min && value <= range.max) return undefined;
  const limit = value < range.min ? range.min : range.max;
  return `out of range: ${RANGE_WORDS[dimension]} must be ${rangeText(dimension)}, got ${quantityText(value, dimension, limit)}`;
}

const RANGE_WORDS: Record<Dimension, string> = {
  flops: 'a FLOP count', macs: 'a MAC count', bytes: 'a byte count', flopRate: 'a compute rate', byteRate: 'a bandwidth',
  seconds: 'a time', perSecond: 'a rate', fraction: 'a percentage',
};
