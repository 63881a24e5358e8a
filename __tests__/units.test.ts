import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { percent, perSecond, si, significant, time } from '../src/core/format.js';
import { nearestWord } from '../src/core/nearest-word.js';
import { DIMENSIONS, FLOP_PER_MAC, flopsOfMacs, parseQuantity, quantityValue, type Dimension } from '../src/core/units.js';

const value = (input: unknown, dimension: Dimension) => {
  const parsed = parseQuantity(input, dimension);
  if (!parsed.ok) throw new Error(`not parsed: ${String(input)} (${parsed.expected})`);
  return parsed.value;
};

describe('parseQuantity: the units of SPEC section 2', () => {
  it.each([
    ['236 MFLOP', 236e6],
    ['4.1 GFLOP', 4.1e9],
    ['1 kFLOP', 1e3],
    ['2 TFLOPs', 2e12],
    ['3 POP', 3e15],
    ['1.5 GOPs', 1.5e9],
    ['7 FLOP', 7],
    ['1e3 MFLOP', 1e9],
    ['4e9', 4e9],
  ])('FLOP count %s', (text, expected) => expect(value(text, 'flops')).toBeCloseTo(expected, 6));

  it.each([
    ['0.3 GMAC', 0.3e9],
    ['10 MACs', 10],
    ['115.5 MMAC', 115.5e6],
    ['4e9', 4e9],
    [4e9, 4e9],
  ])('MAC count %s, in MACs', (text, expected) => expect(value(text, 'macs')).toBeCloseTo(expected, 6));

  it('turns MACs into FLOP in one place, 2 FLOP each', () => {
    expect(flopsOfMacs(115.5e6)).toBe(231e6);
    expect(FLOP_PER_MAC).toBe(2);
  });

  it('refuses a MAC unit under flops and a FLOP unit under macs, naming both fixes', () => {
    expect(parseQuantity('4 GFLOP', 'macs')).toMatchObject({ ok: false, reason: '"4 GFLOP" is a FLOP count; write it under flops:, or give MACs (4 GMAC)' });
    expect(parseQuantity('2.5 TOPs', 'macs')).toMatchObject({ ok: false, reason: '"2.5 TOPs" is a FLOP count; write it under flops:, or give MACs (2.5 TMAC)' });
    expect(parseQuantity('4 GMAC', 'flops')).toMatchObject({ ok: false, reason: '"4 GMAC" is a MAC count; write it under macs:, or give FLOPs (8 GFLOP)' });
    expect(parseQuantity('0.3 kMACs', 'flops')).toMatchObject({ ok: false, reason: '"0.3 kMACs" is a MAC count; write it under macs:, or give FLOPs (600 FLOP)' });
  });

  it.each([
    ['86 MB', 86e6],
    ['1 kB', 1e3],
    ['1 KB', 1e3],
    ['1 KiB', 1024],
    ['1.5 GiB', 1.5 * 2 ** 30],
    ['2 TB', 2e12],
    ['1 TiB', 2 ** 40],
    ['4096 B', 4096],
    ['3 MiB', 3 * 2 ** 20],
  ])('bytes %s', (text, expected) => expect(value(text, 'bytes')).toBe(expected));

  it.each([
    ['19.5 TFLOP/s', 19.5e12],
    ['312 TFLOPS', 312e12],
    ['624 TOP/s', 624e12],
    ['100 TOPS', 100e12],
  ])('compute rate %s', (text, expected) => expect(value(text, 'flopRate')).toBeCloseTo(expected, 0));

  it.each([
    ['1555 GB/s', 1555e9],
    ['3.35 TB/s', 3.35e12],
    ['900 GiB/s', 900 * 2 ** 30],
  ])('bandwidth %s', (text, expected) => expect(value(text, 'byteRate')).toBeCloseTo(expected, 0));

  it.each([
    ['2.5 ms', 2.5e-3],
    ['120 us', 120e-6],
    ['120 µs', 120e-6],
    ['0.01 s', 0.01],
    ['5 ns', 5e-9],
  ])('time %s', (text, expected) => expect(value(text, 'seconds')).toBeCloseTo(expected, 15));

  it('reads percentages only as strings with %', () => {
    expect(value('5%', 'fraction')).toBeCloseTo(0.05, 12);
    expect(value('12.5 %', 'fraction')).toBeCloseTo(0.125, 12);
    expect(parseQuantity(5, 'fraction')).toMatchObject({ ok: false });
    expect(parseQuantity('5', 'fraction')).toMatchObject({ ok: false });
  });

  it('refuses bare times, suggesting a unit', () => {
    expect(parseQuantity(2, 'seconds')).toMatchObject({ ok: false, reason: 'expected a time with its unit, got a bare 2: write "2 ms" (or "2 s", "2 us")' });
    expect(parseQuantity('0.5', 'seconds')).toMatchObject({ ok: false, reason: 'expected a time with its unit, got a bare 0.5: write "0.5 ms" (or "0.5 s", "0.5 us")' });
  });

  it('takes bare numbers as base units', () => {
    expect(value(1.2e9, 'bytes')).toBe(1.2e9);
    expect(value('1200', 'bytes')).toBe(1200);
    expect(value(1000, 'perSecond')).toBe(1000);
    expect(value('1000/s', 'perSecond')).toBe(1000);
    expect(value('50 tokens/s', 'perSecond')).toBe(50);
  });

  it('rejects NaN, infinities and overflow', () => {
    expect(parseQuantity(NaN, 'bytes').ok).toBe(false);
    expect(parseQuantity(Infinity, 'flops').ok).toBe(false);
    expect(parseQuantity('1e308 PFLOP', 'flops').ok).toBe(false);
  });

  it('refuses a rate where a count is due, and the other way round', () => {
    expect(parseQuantity('312 TFLOPS', 'flops').ok).toBe(false);
    expect(parseQuantity('312 TFLOP', 'flopRate').ok).toBe(false);
    expect(parseQuantity('86 MB/s', 'bytes').ok).toBe(false);
  });

  it('suggests the nearest unit for a misspelt one', () => {
    expect(parseQuantity('3.1 MBs', 'bytes')).toMatchObject({ ok: false, suggestion: 'MB' });
    expect(parseQuantity('4 GFLPO', 'flops')).toMatchObject({ ok: false, suggestion: 'GFLOP' });
    expect(parseQuantity('2 msec', 'seconds')).toMatchObject({ ok: false });
  });
});

describe('parseQuantity: properties', () => {
  const prefixes: Array<[string, number]> = [['', 1], ['k', 1e3], ['M', 1e6], ['G', 1e9], ['T', 1e12], ['P', 1e15]];
  const magnitude = fc.double({ min: 1e-6, max: 1e6, noNaN: true, noDefaultInfinity: true });

  it('a number written with any prefix parses to number x prefix', () => {
    fc.assert(
      fc.property(magnitude, fc.constantFrom(...prefixes), fc.constantFrom('FLOP', 'MAC', 'OP'), (x, [prefix, factor], word) => {
        const parsed = value(`${x} ${prefix}${word}`, word === 'MAC' ? 'macs' : 'flops');
        return Math.abs(parsed - x * factor) <= 1e-12 * x * factor;
      }),
    );
  });

  it('a byte count round-trips through its own string form exactly', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e18, noNaN: true }), (bytes) => value(`${bytes} B`, 'bytes') === bytes));
  });

  it('never accepts junk: random text without a leading number is refused', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^\s*[+-]?(\d|\.\d)/.test(s)), (junk) => !parseQuantity(junk, 'bytes').ok),
    );
  });

  it('never accepts a number followed by an unknown unit', () => {
    fc.assert(
      fc.property(magnitude, fc.string({ minLength: 1, maxLength: 6 }).filter((u) => !/^\s*([kKMGTPE]i?)?B\s*$/.test(u) && !/^[\d\s.eE+-]/.test(u)), (x, unit) =>
        !parseQuantity(`${x} ${unit}`, 'bytes').ok,
      ),
    );
  });
});

describe('quantityValue: the common form of a table cell, read without parseQuantity', () => {
  it('reads digits, a point and a unit; leaves anything else (NaN) to parseQuantity', () => {
    // 13 MB is 13 x 10^6 B; 0.5 GFLOP is 5 x 10^8 FLOP; a bare count is in base units.
    expect(quantityValue(' 13 MB', 'bytes')).toBe(13e6);
    expect(quantityValue('0.5 GFLOP ', 'flops')).toBe(5e8);
    expect(quantityValue('+.25', 'macs')).toBe(0.25);
    expect(quantityValue('-2 KiB', 'bytes')).toBe(-2048);
    for (const text of ['1e3', '', '.', '5 ms', '5', '\t5 MB', '1 XB', '1234567890123456']) {
      expect(quantityValue(text, text === '5 ms' ? 'bytes' : text === '5' ? 'seconds' : 'flops')).toBeNaN();
    }
  });

  it('gives parseQuantity\'s value whenever it gives one', () => {
    const piece = fc.constantFrom('0', '1', '7', '9', '.', '+', '-', ' ', '\t', 'e', 'E', 'M', 'G', 'Ki', 'B', 'FLOP', 'MAC', 's', 'ms', '%', '/s', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(...DIMENSIONS), (pieces, dimension) => {
        const text = pieces.join('');
        const fast = quantityValue(text, dimension);
        if (Number.isNaN(fast)) return true;
        const parsed = parseQuantity(text, dimension);
        return parsed.ok && Object.is(parsed.value, fast);
      }),
      { numRuns: 20000 },
    );
    // Decimals of up to 15 digits round as Number() rounds them.
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.nat(15), (digits, point) => {
        const text = digits.toString().padStart(point + 1, '0');
        const decimal = `${text.slice(0, text.length - point)}.${text.slice(text.length - point)}`;
        return text.length > 15 || Object.is(quantityValue(`${decimal} B`, 'bytes'), Number(decimal));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('formatting for people', () => {
  it('uses SI prefixes to 3 significant figures', () => {
    expect(si(3.388e12, 'FLOP/s')).toBe('3.39 TFLOP/s');
    expect(si(484e9, 'B/s')).toBe('484 GB/s');
    expect(si(999.96e9, 'B/s')).toBe('1.00 TB/s');
    expect(si(12, '/s')).toBe('12.0 /s');
  });
  it('writes any finite magnitude past the largest prefix as a power of ten, not thousands of exa', () => {
    expect(perSecond(1e300)).toBe('1.00e300/s');
    expect(si(999e18, 'B/s')).toBe('999 EB/s');
    expect(si(999.96e18, 'B/s')).toBe('1.00e21 B/s');
    expect(si(-2.5e25, 'FLOP')).toBe('-2.50e25 FLOP');
    expect(si(Number.MAX_VALUE, 'B')).toBe('1.80e308 B');
  });
  it('shows times in s, ms, us or ns', () => {
    expect(time(0.00248)).toBe('2.48 ms');
    expect(time(2.5)).toBe('2.50 s');
    expect(time(1.2e-5)).toBe('12.0 us');
    expect(time(0)).toBe('0 s');
  });
  it('shows percentages and significant figures', () => {
    expect(percent(0.0512)).toBe('5.1%');
    expect(significant(23.2955)).toBe('23.3');
    expect(significant(1234.5)).toBe('1235');
    // Found by the numbers property (report-numbers.property.test.ts): an op's baseline time of 999.5 s was
    // printed "1.00e+3 s", since toPrecision(3) rounds 999.5 up to 1000 and writes that with an exponent.
    expect(significant(999.5)).toBe('1000');
    expect(time(999.5)).toBe('1000 s');
    expect(significant(0.99996)).toBe('1.00');
  });
});

describe('nearestWord', () => {
  it('finds a close misspelling and ignores distant words', () => {
    expect(nearestWord('h100-smx', ['h100-sxm', 'a100-sxm4-80gb'])).toBe('h100-sxm');
    expect(nearestWord('precison', ['precision', 'name'])).toBe('precision');
    expect(nearestWord('zzz', ['precision', 'name'])).toBeUndefined();
  });

  it('breaks a tie of edit distance by the longest prefix shared with the word, then by order', () => {
    // h100-sxm4 is one edit from a100-sxm4 (h -> a) and from h100-sxm (drop the 4); it shares 8 letters
    // with h100-sxm and none with a100-sxm4.
    expect(nearestWord('h100-sxm4', ['a100-sxm4', 'h100-sxm'])).toBe('h100-sxm');
    // h10 is one edit from a10, h100 and h20; it shares h10 with h100, h with h20.
    expect(nearestWord('h10', ['a10', 'h20', 'h100'])).toBe('h100');
    // Two candidates one edit away sharing the same prefix: the first listed.
    expect(nearestWord('l4x', ['l4', 'l40'])).toBe('l4');
  });

  it('takes another ending of a candidate for it when no candidate is within the edit distance', () => {
    // decoding is 3 edits from decode (a third of 8 letters allows 2), but begins with decod, all of it
    // but the last letter.
    expect(nearestWord('decoding', ['prefill', 'decode', 'generate'])).toBe('decode');
    expect(nearestWord('prefilling', ['prefill', 'decode', 'generate'])).toBe('prefill');
    expect(nearestWord('generation', ['prefill', 'decode', 'generate'])).toBe('generate');
    // Too short a stem to say: de is 2 letters.
    expect(nearestWord('delta', ['prefill', 'decode', 'generate'])).toBeUndefined();
  });
});
