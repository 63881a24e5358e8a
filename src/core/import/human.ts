// Counts and times as FLOP counters print them for people: `0.958T`, `11.7M`, `3139.93 GMACs`, `833.75 us`.

/** Powers of ten, so that `4.014M` parses as the decimal 4.014e6 (4.014 * 1e6 is 4014000.0000000005). */
const SI: Record<string, number> = { '': 0, K: 3, k: 3, M: 6, G: 9, T: 12, P: 15 };
const TIME: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };

/**
 * A count with an SI suffix and an optional unit word, or null when the text is none.
 *
 *   humanCount('0.958T')          //=> 958e9
 *   humanCount('3139.93 GMACs')   //=> 3139.93e9
 */
export function humanCount(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)\s*([KkMGTP]?)(?:MACs|FLOPs|FLOPS|MMAC|MAdd|Flops)?\s*$/.exec(text);
  if (!match) return null;
  const exponent = SI[match[2]!]!;
  return shiftDecimal(match[1]!, exponent);
}

/**
 * The decimal `digits` times 10 ** `exponent`, exact where the digits are: the shift is made in the digits'
 * own exponent (`'16.38'`, 3 -> 16380, where 16.38 * 1000 is 16379.999...); digits already in exponent form
 * (`1.5e+06`) take it as a product.
 */
export function shiftDecimal(digits: string, exponent: number): number {
  if (exponent === 0) return Number(digits);
  return /e/i.test(digits) ? Number(digits) * 10 ** exponent : Number(`${digits}e${exponent}`);
}

/** Seconds of a time printed as `833.75 us`, `76.39 ms`, or null. */
export function humanSeconds(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d*)?)\s*(s|ms|us|µs|ns)\s*$/.exec(text);
  return match ? Number(match[1]) * TIME[match[2]!]! : null;
}
