// Formatting base SI units for people: one formatter per quantity, used by every rendering (text, Markdown,
// chart, findings, advice), so that a figure reads the same wherever it is shown.

const HUMAN_PREFIXES: Array<[string, number]> = [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]];

/** `value` with an SI prefix to 3 significant figures: si(3.39e12, 'FLOP/s') //=> '3.39 TFLOP/s'. */
export function si(value: number, unit: string, digits = 3): string {
  if (!Number.isFinite(value)) return value > 0 ? `∞ ${unit}` : `-∞ ${unit}`;
  const size = Math.abs(value);
  for (const [prefix, factor] of HUMAN_PREFIXES) {
    // Compare after rounding so that 999.96e9 shows as 1.00 T, not 1000 G.
    if (Number((size / factor).toPrecision(digits)) >= 1) return `${significant(value / factor, digits)} ${prefix}${unit}`;
  }
  return `${significant(value, digits)} ${unit}`;
}

/** A rate of samples (or tokens) per second: perSecond(403.3) //=> '403/s'; perSecond(6290) //=> '6.29k/s'. */
export function perSecond(value: number, digits = 3): string {
  return si(value, '/s', digits).replace(' ', '');
}

/** Seconds as a person reads them: time(0.00248) //=> '2.48 ms'. */
export function time(seconds: number, digits = 3): string {
  if (!Number.isFinite(seconds)) return '∞ s';
  const size = Math.abs(seconds);
  if (size === 0) return '0 s';
  if (size >= 1) return `${significant(seconds, digits)} s`;
  if (Number((size * 1e3).toPrecision(digits)) >= 1) return `${significant(seconds * 1e3, digits)} ms`;
  if (Number((size * 1e6).toPrecision(digits)) >= 1) return `${significant(seconds * 1e6, digits)} us`;
  return `${significant(seconds * 1e9, digits)} ns`;
}

/** A fraction as a percentage: percent(0.0512) //=> '5.1%'. */
export function percent(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/**
 * A number to `digits` significant figures, without exponent notation for everyday sizes:
 * significant(23.2955) //=> '23.3'; significant(2) //=> '2.00'; significant(1234.5) //=> '1235'.
 */
export function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const size = Math.abs(value);
  if (size >= 10 ** digits && size < 1e15) return Math.round(value).toString();
  if (size < 1e-4 || size >= 1e15) return value.toExponential(digits - 1);
  return value.toPrecision(digits);
}
