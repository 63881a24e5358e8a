// Formatting base SI units for people: one formatter per quantity, used by every rendering (text, Markdown,
// chart, findings, advice), so that a figure reads the same wherever it is shown. The quantity formatters
// (flopRate, flopCount, byteCount, byteRate, time, timeChange, perSecond, intensity, efficiency, signedPercent, thresholdText,
// levelText, bitWidth) are what renderings call; messages (config errors, limits) quote figures with givenFigure
// and counts of things with wholeNumber; si, significant and percent are the pieces they are made of.
import type { Precision } from './types.js';

/** SI prefixes for people, largest first; also the chart's axis labels (chart/geometry.ts, chart/spec.ts). */
export const SI_PREFIXES: ReadonlyArray<readonly [string, number]> = [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]];

/** `value` with an SI prefix to 3 significant figures: si(3.39e12, 'FLOP/s') //=> '3.39 TFLOP/s'. */
export function si(value: number, unit: string, digits = 3): string {
  if (!Number.isFinite(value)) return value > 0 ? `∞ ${unit}` : `-∞ ${unit}`;
  const size = Math.abs(value);
  // Past the largest prefix a power of ten reads better than thousands of exa (1e300/s is not 1.00e+282E/s).
  if (Number((size / SI_PREFIXES[0]![1]).toPrecision(digits)) >= 1000) return `${exponential(value, digits)} ${unit}`;
  for (const [prefix, factor] of SI_PREFIXES) {
    // Compare after rounding so that 999.96e9 shows as 1.00 T, not 1000 G.
    if (Number((size / factor).toPrecision(digits)) >= 1) return `${significant(value / factor, digits)} ${prefix}${unit}`;
  }
  return `${significant(value, digits)} ${unit}`;
}

/** The unit of a compute rate: integer formats count operations, not floating-point ones. */
export const rateUnit = (precision: Precision | undefined): string => (precision?.startsWith('int') ? 'OP/s' : 'FLOP/s');

/**
 * A compute rate (a roof, attainable or achieved): flopRate(3.39e12, 'fp16') //=> '3.39 TFLOP/s';
 * flopRate(1e14, 'int8') //=> '100 TOP/s'. Without a precision (a baseline's, which report.json does not keep) FLOP/s.
 */
export function flopRate(flopsPerSecond: number, precision: Precision | undefined): string {
  return si(flopsPerSecond, rateUnit(precision));
}

/** A FLOP count (not a rate): flopCount(2.5e10) //=> '25.0 GFLOP'. */
export const flopCount = (flops: number): string => si(flops, 'FLOP');

/** Bytes moved: byteCount(1.52e9) //=> '1.52 GB'. */
export const byteCount = (bytes: number): string => si(bytes, 'B');

/** A bandwidth: byteRate(3.35e12) //=> '3.35 TB/s'. */
export const byteRate = (bytesPerSecond: number): string => si(bytesPerSecond, 'B/s');

/** A rate of samples (or tokens) per second, a throughput: perSecond(403.3) //=> '403/s'; perSecond(6290) //=> '6.29k/s'. */
export function perSecond(value: number, digits = 3): string {
  return si(value, '/s', digits).replace(' ', '');
}

/**
 * Seconds as a person reads them: time(0.00248) //=> '2.48 ms'. Past everyday sizes (a million seconds, or
 * below a picosecond) in seconds with an exponent: time(1e9) //=> '1.00e9 s'.
 */
export function time(seconds: number, digits = 3): string {
  if (!Number.isFinite(seconds)) return '∞ s';
  const size = Math.abs(seconds);
  if (size === 0) return '0 s';
  if (size >= 1e6 || size < 1e-12) return `${exponential(seconds, digits)} s`;
  if (size >= 1) return `${significant(seconds, digits)} s`;
  if (Number((size * 1e3).toPrecision(digits)) >= 1) return `${significant(seconds * 1e3, digits)} ms`;
  if (Number((size * 1e6).toPrecision(digits)) >= 1) return `${significant(seconds * 1e6, digits)} us`;
  return `${significant(seconds * 1e9, digits)} ns`;
}

/** A change of time, signed: timeChange(0.00048) //=> '+0.480 ms'; timeChange(-2e-6) //=> '-2.00 us'. */
export function timeChange(seconds: number): string {
  return seconds > 0 ? `+${time(seconds)}` : time(seconds);
}

/** The unit of arithmetic intensity, as every rendering writes it beside a figure. */
export const INTENSITY_UNIT = 'FLOP/B';

/** Arithmetic intensity, the number alone (tables give the unit in the heading): intensity(20.83) //=> '20.8'; Infinity -> '∞'. */
export const intensity = (flopPerByte: number): string => significant(flopPerByte);

/** Arithmetic intensity with its unit: flopPerByte(20.83) //=> '20.8 FLOP/B'. */
export const flopPerByte = (value: number): string => `${intensity(value)} ${INTENSITY_UNIT}`;

/** A storage width: bitWidth(4) //=> '4 bits'. */
export const bitWidth = (bits: number): string => `${bits} bits`;

/** A memory level as a reader knows it: levelText('dram') //=> 'DRAM'. */
export const levelText = (level: string): string => level.toUpperCase();

/** A fraction as a percentage: percent(0.0512) //=> '5.1%'. */
export function percent(fraction: number, decimals = 1): string {
  const value = fraction * 100;
  // Past a million percent decimals say nothing, and toFixed would write 1e+32 from 1e21 on.
  return Math.abs(value) >= 1e6 ? `${significant(value)}%` : `${value.toFixed(decimals)}%`;
}

/**
 * Decimals of a percent that efficiency is shown to: a tenth tells 99.9% from 100.1%, and a small share
 * (0.3%) does not read as 0%. above-roof.ts decides at the same resolution.
 */
const EFFICIENCY_DECIMALS = 1;

/** Efficiency in percent, rounded as efficiency() prints it: efficiencyPercent(1.00049) //=> 100; (1.0006) //=> 100.1. */
export function efficiencyPercent(fraction: number): number {
  const scale = 10 ** EFFICIENCY_DECIMALS;
  return Math.round(fraction * 100 * scale) / scale;
}

/** Efficiency (predicted over measured time): efficiency(0.443) //=> '44.3%'; NaN (no work in no time) -> 'n/a'. */
export function efficiency(fraction: number): string {
  if (Number.isNaN(fraction)) return 'n/a';
  if (!Number.isFinite(fraction)) return fraction > 0 ? '∞%' : '-∞%';
  const value = efficiencyPercent(fraction);
  return Math.abs(value) >= 1e6 ? `${significant(value)}%` : `${value.toFixed(EFFICIENCY_DECIMALS)}%`;
}

/** A relative change, signed: signedPercent(0.031) //=> '+3.1%'; (-0.065) //=> '-6.5%'; a change that rounds to nothing is '0.0%'. */
export function signedPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞' : '-100%';
  const text = percent(fraction);
  return fraction > 0 && text !== '0.0%' ? `+${text}` : text === '-0.0%' ? '0.0%' : text;
}

/** A threshold or margin as people write it in a config: 5% -> '5%', 2.5% -> '2.5%'. */
export function thresholdText(fraction: number): string {
  const hundredths = Math.round(fraction * 1e4);
  return percent(fraction, hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2);
}

/**
 * A number to `digits` significant figures, without exponent notation for everyday sizes:
 * significant(23.2955) //=> '23.3'; significant(2) //=> '2.00'; significant(1234.5) //=> '1235'.
 */
export function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const size = Math.abs(value);
  // Judged after rounding: 999.5 to 3 digits is 1000, which toPrecision would write as 1.00e+3.
  const rounded = Math.abs(Number(value.toPrecision(digits)));
  if (rounded >= 10 ** digits && rounded < 1e15) return Math.round(value).toString();
  if (size < 1e-4 || rounded >= 1e15) return exponential(value, digits);
  return value.toPrecision(digits);
}

/** Exponent form as configs write it, without JavaScript's plus sign: exponential(1e31, 3) //=> '1.00e31'. */
function exponential(value: number, digits: number): string {
  return value.toExponential(digits - 1).replace('e+', 'e');
}

/** A count of things (rows, items, characters), grouped as README writes them: wholeNumber(5e6) //=> '5,000,000'. */
export function wholeNumber(count: number): string {
  if (!Number.isSafeInteger(count)) return significant(count);
  const digits = String(Math.abs(count)).replace(/\B(?=(\d{3})+$)/g, ',');
  return count < 0 ? `-${digits}` : digits;
}

/**
 * A bare number a config gave, for messages: configNumber(0.1 + 0.2) //=> '0.3'; configNumber(2e12) //=>
 * '2,000,000,000,000' (a whole number, grouped); -Infinity -> '-.inf', as YAML spells it.
 */
export function configNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  return Number.isSafeInteger(value) ? wholeNumber(value) : givenFigure(value, '');
}

/**
 * The units a message can quote a figure in: a base unit of SPEC section 2 ('' for a bare number, '%' for a
 * fraction), shown by its quantity formatter above.
 */
export type FigureUnit = 'FLOP' | 'MAC' | 'B' | 'FLOP/s' | 'B/s' | 's' | '/s' | '%' | '';

/**
 * A figure quoted in a message (a config error, a limit, a sum), in its unit, to the fewest significant
 * digits that show it as given (at most 15, so float noise is not shown), without padding zeros:
 *
 *   givenFigure(1e31, 'FLOP')                //=> '1e31 FLOP'
 *   givenFigure(0.30000000000000004, 'B')    //=> '0.3 B'
 *   givenFigure(14.64e9, 'B')                //=> '14.64 GB'
 *   givenFigure(5e-324, 'B/s')               //=> '5e-324 B/s'
 *   givenFigure(1.0000001e21, 'B/s', 1e21)   //=> '1.0000001e21 B/s'
 *
 * `beside` is a figure the message compares it with (a limit, a total): digits are added until the two
 * read differently, so a figure just past a limit never reads as the limit itself.
 */
export function givenFigure(value: number, unit: FigureUnit, beside?: number): string {
  let digits = 1;
  while (digits < 15 && Number(value.toPrecision(digits)) !== value) digits++;
  if (beside !== undefined && beside !== value) {
    while (digits < 17 && figureIn(value, unit, digits) === figureIn(beside, unit, digits)) digits++;
  }
  return unpadded(figureIn(value, unit, digits));
}

function figureIn(value: number, unit: FigureUnit, digits: number): string {
  switch (unit) {
    case 's':
      return time(value, digits);
    case '/s':
      return perSecond(value, digits);
    case '%':
      return `${significant(value * 100, digits)}%`;
    case '':
      return significant(value, digits);
    default:
      return si(value, unit, digits);
  }
}

/** A figure without the zeros that padding to a number of digits left: '14.70 GB' -> '14.7 GB', '1.00e30' -> '1e30'. */
function unpadded(figure: string): string {
  return figure.replace(/(\.\d*?)0+(?=\D|$)/, '$1').replace(/\.(?=\D|$)/, '');
}
