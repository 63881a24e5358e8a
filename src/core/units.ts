// Quantities with units, as SPEC section 2 lists them: the one unit table, and parsing config strings into
// base SI units with it. Every other module speaks base units only; format.ts turns them back into text.
import { nearestWord } from './nearest-word.js';

/** What a quantity measures. The parsed value is always in the base unit named here. */
export type Dimension =
  | 'flops' //        FLOP (a MAC counts as 2 FLOP)
  | 'bytes' //        bytes
  | 'flopRate' //     FLOP/s (OP/s for integer formats)
  | 'byteRate' //     bytes/s
  | 'seconds' //      s
  | 'perSecond' //    samples/s
  | 'fraction'; //    a percentage, as a fraction: "5%" -> 0.05

export type Parsed = { ok: true; value: number } | { ok: false; expected: string; suggestion?: string };

const DECIMAL: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
const TIME: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ns: 1e-9 };

/** Word forms of a count: what may follow the SI prefix, and what one of it is worth in FLOP. */
const COUNT_WORDS: Record<string, number> = { FLOP: 1, FLOPs: 1, OP: 1, OPs: 1, MAC: 2, MACs: 2 };
/** Word forms of a compute rate; `FLOPS` with a capital S is a rate, `FLOPs` a count. */
const RATE_WORDS: Record<string, number> = {
  'FLOP/s': 1, 'FLOPs/s': 1, FLOPS: 1, 'OP/s': 1, 'OPs/s': 1, OPS: 1, 'MAC/s': 2, 'MACs/s': 2,
};

/** Every unit spelling accepted for a dimension, with its factor to the base unit. Built once. */
const UNITS: Record<Dimension, Map<string, number>> = {
  flops: withPrefixes(COUNT_WORDS, DECIMAL),
  flopRate: withPrefixes(RATE_WORDS, DECIMAL),
  bytes: new Map([...withPrefixes({ B: 1 }, DECIMAL), ...withPrefixes({ B: 1 }, BINARY)]),
  byteRate: new Map([...withPrefixes({ 'B/s': 1 }, DECIMAL), ...withPrefixes({ 'B/s': 1 }, BINARY)]),
  seconds: new Map(Object.entries(TIME)),
  perSecond: new Map([['/s', 1], ['samples/s', 1], ['tokens/s', 1], ['images/s', 1], ['sequences/s', 1]]),
  fraction: new Map([['%', 0.01]]),
};

function withPrefixes(words: Record<string, number>, prefixes: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [word, worth] of Object.entries(words)) {
    for (const [prefix, factor] of Object.entries(prefixes)) out.set(prefix + word, worth * factor);
  }
  return out;
}

const EXPECTED: Record<Dimension, string> = {
  flops: 'a FLOP count such as 4.1 GFLOP, 350 MFLOP or 2 GMAC',
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
 * Parses a config value into base units. Numbers are taken as already in base units, except for
 * percentages, which must be strings with `%` so that `5` is never read as 500%.
 *
 *   parseQuantity('4.1 GFLOP', 'flops')    //=> { ok: true, value: 4.1e9 }
 *   parseQuantity('2 GMAC', 'flops')       //=> { ok: true, value: 4e9 }
 *   parseQuantity('1 KiB', 'bytes')        //=> { ok: true, value: 1024 }
 *
 * The sign is not judged here: whether zero or a negative is allowed is the schema's call.
 */
export function parseQuantity(input: unknown, dimension: Dimension): Parsed {
  const expected = EXPECTED[dimension];
  if (typeof input === 'number') {
    if (dimension === 'fraction') return { ok: false, expected: `${expected} (a string with %, not a bare number)` };
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, expected: `${expected}, not ${input}` };
  }
  if (typeof input !== 'string') return { ok: false, expected };
  const text = input.trim();
  const number = NUMBER.exec(text);
  if (!number) return { ok: false, expected };
  const magnitude = Number(number[0]);
  const unit = text.slice(number[0].length).trim();
  if (unit === '') {
    if (dimension === 'fraction') return { ok: false, expected: `${expected} (add the % sign)` };
    return Number.isFinite(magnitude) ? { ok: true, value: magnitude } : { ok: false, expected };
  }
  const factor = UNITS[dimension].get(unit);
  if (factor === undefined) {
    const suggestion = nearestUnit(unit, dimension);
    return suggestion === undefined ? { ok: false, expected } : { ok: false, expected, suggestion };
  }
  const value = magnitude * factor;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, expected: `${expected}, not one that overflows` };
}

/** The accepted unit spelled most like `unit`, or undefined when none is close. */
export function nearestUnit(unit: string, dimension: Dimension): string | undefined {
  return nearestWord(unit, [...UNITS[dimension].keys()]);
}
