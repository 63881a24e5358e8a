// Figures in messages (config errors, limits) read as the renderings write them (format.ts): in their unit,
// with an SI prefix, an exponent without JavaScript's plus sign, no float noise, counts of things grouped
// as README writes them; never `1e+31`, `0.30000000000000004`, `NaN` or `Infinity`.
import { describe, expect, it } from '@jest/globals';
import { loadConfig, type ConfigIssue } from '../src/core/config/index.js';
import { efficiency, givenFigure, signedPercent, time, wholeNumber } from '../src/core/format.js';
import { crossoverText, decodeBoundText } from '../src/core/footprint-text.js';
import { changedTitle } from '../src/core/report/op-rows.js';
import type { ReportResult } from '../src/core/report/types.js';
import { outOfRange, quantityText, rangeText } from '../src/core/units.js';
import { pathMessages, refusal } from './__fixtures__/config-error.js';

const issues = (text: string): ConfigIssue[] => refusal(() => loadConfig(text, 'roofline.yml')).issues;
const messages = (text: string) => pathMessages(refusal(() => loadConfig(text, 'roofline.yml')));

const MODEL = (lines: string) => `version: 1\nhardware: gtx-1080-ti\nmodels:\n  - name: m\n    precision: fp32\n${lines}`;

describe('givenFigure: a figure as the config gave it', () => {
  it('takes the fewest digits that give the figure back, and no padding zeros', () => {
    expect(givenFigure(1e31, 'FLOP')).toBe('1e31 FLOP');
    expect(givenFigure(14.64e9, 'B')).toBe('14.64 GB');
    expect(givenFigure(3e12, 'B/s')).toBe('3 TB/s');
    expect(givenFigure(1.555e12, 'B/s')).toBe('1.555 TB/s');
    expect(givenFigure(4.1e9, 'MAC')).toBe('4.1 GMAC');
    // 5e-324 is the smallest double; one digit gives it back, so it is not written as 4.94e-324.
    expect(givenFigure(5e-324, 'B/s')).toBe('5e-324 B/s');
    expect(givenFigure(-0.1, 'B')).toBe('-0.1 B');
    expect(givenFigure(0.05, '%')).toBe('5%');
    expect(givenFigure(1234567, '')).toBe('1234567');
  });

  it('drops float noise past 15 digits: 0.1 + 0.2 is shown as 0.3', () => {
    expect(givenFigure(0.1 + 0.2, 'B')).toBe('0.3 B');
  });

  it('adds digits until a figure reads differently from the one it is compared with', () => {
    // The next double after 1e30 is 1e30 + 2^47 (ulp of 1e30 is 2^(99-52)); 17 digits tell them apart.
    expect(givenFigure(1.0000000000000002e30, 'FLOP')).toBe('1e30 FLOP');
    expect(givenFigure(1.0000000000000002e30, 'FLOP', 1e30)).toBe('1.0000000000000002e30 FLOP');
    expect(givenFigure(2.999e12, 'B/s', 3e12)).toBe('2.999 TB/s');
  });

  it('shows times in their unit, and past everyday sizes in seconds with an exponent', () => {
    expect(givenFigure(2.5e-3, 's')).toBe('2.5 ms');
    expect(givenFigure(1e9, 's')).toBe('1e9 s');
    expect(givenFigure(1e-15, 's')).toBe('1e-15 s');
    expect(givenFigure(1e-9, '/s')).toBe('1e-9/s');
  });
});

describe('the renderings write exponents as configs do, without a plus sign', () => {
  it('time: a million seconds and more, and below a picosecond, in seconds with an exponent', () => {
    expect(time(1e9)).toBe('1.00e9 s');
    expect(time(999_999)).toBe('999999 s');
    expect(time(1e-12)).toBe('0.00100 ns');
    expect(time(5e-13)).toBe('5.00e-13 s');
  });
});

describe('percentages past a million percent', () => {
  // Found at the ends of the ranges: toFixed writes 1e+23 from 1e21 on ("efficiency 1e+23%", "+1.0000000000000002e+32%").
  it('are written to 3 significant figures, as every other figure', () => {
    // A measured 1e9 s against a predicted 1e30 s: 1e21 as a fraction, 1e23%.
    expect(efficiency(1e21)).toBe('1.00e23%');
    expect(efficiency(12_345.678)).toBe('1234568%');
    expect(signedPercent(1e30)).toBe('+1.00e32%');
    expect(signedPercent(9_999.99)).toBe('+999999.0%');
  });
});

describe('wholeNumber: counts of things, grouped by thousands', () => {
  it('groups digits as README writes limits', () => {
    expect(wholeNumber(5_000_000)).toBe('5,000,000');
    expect(wholeNumber(1_048_576)).toBe('1,048,576');
    expect(wholeNumber(200)).toBe('200');
    expect(wholeNumber(-12_345)).toBe('-12,345');
  });

  it('falls back to significant figures past exact integers', () => {
    expect(wholeNumber(1e30)).toBe('1.00e30');
  });
});

describe('range messages, from the ranges of limits.ts', () => {
  it('states each range in its unit', () => {
    expect(rangeText('flops')).toBe('0, or from 1 FLOP to 1e30 FLOP');
    expect(rangeText('bytes')).toBe('0, or from 1 B to 1e30 B');
    expect(rangeText('flopRate')).toBe('from 1 FLOP/s to 1e21 FLOP/s');
    expect(rangeText('byteRate')).toBe('from 1 B/s to 1e21 B/s');
    expect(rangeText('seconds')).toBe('from 1e-15 s to 1e9 s');
    expect(rangeText('perSecond')).toBe('from 1e-9/s to 1e21/s');
    expect(rangeText('fraction')).toBeUndefined();
  });

  it('quotes a figure just past a limit with the digits that show it is past', () => {
    // 1e21 B/s is the largest bandwidth; 1.0000001e21 is 100 GB/s more.
    expect(outOfRange(1.0000001e21, 'byteRate')).toBe('out of range: a bandwidth must be from 1 B/s to 1e21 B/s, got 1.0000001e21 B/s');
    expect(outOfRange(0.999, 'flopRate')).toBe('out of range: a compute rate must be from 1 FLOP/s to 1e21 FLOP/s, got 0.999 FLOP/s');
    expect(quantityText(1e-20, 'seconds')).toBe('1e-20 s');
  });
});

describe('config errors quote figures as the renderings write them', () => {
  it('a count past the range, and one below 1 given with float noise', () => {
    expect(messages(MODEL('    flops: 1e31\n    bytes: 0.30000000000000004\n'))).toEqual([
      'models[0].flops: out of range: a FLOP count must be 0, or from 1 FLOP to 1e30 FLOP, got 1e31 FLOP',
      'models[0].bytes: out of range: a byte count must be 0, or from 1 B to 1e30 B, got 0.3 B',
    ]);
  });

  it('a count of 1e-5 FLOP, in the exponent form configs use', () => {
    expect(messages(MODEL('    flops: 1e-5\n    bytes: 1 MB\n'))).toEqual([
      'models[0].flops: out of range: a FLOP count must be 0, or from 1 FLOP to 1e30 FLOP, got 1e-5 FLOP',
    ]);
  });

  it('a measured time of 1e-20 s and a latency budget of 1e12 s', () => {
    const text = MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n    measured: { gtx-1080-ti: 1e-20 s }\n') + 'gate:\n  budgets: { max-latency: 1e12 s }\n';
    expect(messages(text)).toEqual([
      'models[0].measured.gtx-1080-ti: out of range: a time must be from 1e-15 s to 1e9 s, got 1e-20 s',
      'gate.budgets.max-latency: out of range: a time must be from 1e-15 s to 1e9 s, got 1e12 s',
    ]);
  });

  it('a negative count given as a number, in its unit; as a string, as written', () => {
    expect(messages(MODEL('    flops: 1 GFLOP\n    bytes: -1e31\n'))).toEqual(['models[0].bytes: expected a non-negative byte count, got -1e31 B']);
    expect(messages(MODEL('    flops: 1 GFLOP\n    bytes: "-0.1 MB"\n'))).toEqual(['models[0].bytes: expected a non-negative byte count, got -0.1 MB']);
  });

  it('infinities and NaN as YAML spells them', () => {
    expect(messages(MODEL('    flops: .inf\n    bytes: .nan\n'))).toEqual([
      'models[0].flops: expected a FLOP count such as 4.1 GFLOP, 350 MFLOP or 4.1e9, got .inf',
      'models[0].bytes: expected a byte count such as 86 MB, 1.5 GiB or 4096 B, got .nan',
    ]);
  });

  it('a MAC count under flops: the fix in FLOP, with an SI prefix', () => {
    // 4e20 MAC are 8e20 FLOP = 800 EFLOP.
    expect(messages(MODEL('    flops: 4e20 MAC\n    bytes: 1 MB\n'))).toEqual([
      'models[0].flops: "4e20 MAC" is a MAC count; write it under macs:, or give FLOPs (800 EFLOP)',
    ]);
  });

  it('ops summing past the range: the sum in its unit, with the digits that show it is past 1e30', () => {
    // 1e30 + 1 is 1e30 in doubles; 1e30 + 1e15 is the next representable sum above it (ulp 2^47 = 1.4e14).
    const text = MODEL('    ops:\n      - { name: a, flops: 1e30, bytes: 1 }\n      - { name: b, flops: 1e15, bytes: 1 }\n');
    expect(messages(text)).toEqual([
      'models[0].ops: the ops\' flops add up to 1.000000000000001e30 FLOP: out of range: a FLOP count must be 0, or from 1 FLOP to 1e30 FLOP',
    ]);
  });

  it('levels out of order: bandwidths as given, with the digits that tell two levels apart', () => {
    const text = `version: 1
hardware: x
devices:
  x:
    compute: { fp32: 10 TFLOP/s }
    memory: { dram: 1.555 TB/s, l2: 3 TB/s, l1: 2.999 TB/s }
models:
  - { name: m, precision: fp32, flops: 1 GFLOP, bytes: 1 MB }
`;
    expect(messages(text)).toEqual([
      'devices.x.memory.l1: l1 (2.999 TB/s) is slower than l2 (3 TB/s), listed before it as the outer level; list levels outermost (slowest) first: { dram: 1.555 TB/s, l1: 2.999 TB/s, l2: 3 TB/s }',
    ]);
  });

  it('the count of errors left unshown, grouped by thousands', () => {
    // 1,010 models with a negative FLOP count: 1,010 errors, 8 shown, 1,002 more.
    const models = Array.from({ length: 1_010 }, (_, at) => `  - { name: m${at}, precision: fp32, flops: -1, bytes: 1 MB }\n`).join('');
    let message = '';
    try {
      loadConfig(`version: 1\nhardware: gtx-1080-ti\nmodels:\n${models}`, 'roofline.yml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').at(-1)).toBe('... and 1,002 more');
  });

  it('limits on counts of things, grouped by thousands', () => {
    expect(messages(MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n    batch: 2000000000\n'))).toEqual(['models[0].batch: expected a batch of at most 1,000,000,000']);
  });

  it('bounds zod checks, in words and with the figures grouped, and whole numbers as whole numbers', () => {
    expect(messages(MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n    batch: 0\n'))).toEqual(['models[0].batch: expected a positive number, got 0']);
    expect(messages(MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n    batch: 1.5\n'))).toEqual(['models[0].batch: expected a whole number, got 1.5']);
    expect(messages(MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n    hardware: []\n'))).toEqual(['models[0].hardware: expected at least one target']);
    const budget = MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n') + 'gate:\n  budgets: { max-crossover-batch: 0.30000000000000004 }\n';
    expect(messages(budget)).toEqual(['gate.budgets.max-crossover-batch: expected a whole number, got 0.3']);
  });
});

describe('counts of things in the renderings, grouped by thousands', () => {
  it('the changed ops of a pair among millions', () => {
    // 20 listed and 1,480 more is 1,500 changed, of an op table of 5,000,000 rows.
    const result = { ops: { count: 5_000_000, changed: Array.from({ length: 20 }, () => ({})), moreChanged: 1_480 } } as unknown as ReportResult;
    expect(changedTitle(result)).toBe('1,500 of 5,000,000 ops changed');
  });

  it('a crossover batch', () => {
    expect(crossoverText(123_456)).toBe('from batch 123,456');
    expect(crossoverText(null)).toBe('memory-bound at every batch');
    expect(decodeBoundText(null)).toBe('decode memory-bound at every batch');
    expect(decodeBoundText(42)).toBe('decode compute-bound from batch 42');
  });
});
