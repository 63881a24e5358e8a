// Nsight Compute's units, which it scales per value unless run with `--print-units base`: `byte`, `Kbyte`,
// `Mbyte`, `nsecond`, `usecond`, `msecond`, `cycle/nsecond` (releases up to 2024), or the short `ns`, `us`,
// `ms`, `Mhz` of recent ones (ncu 2025.2 prints `"Duration","us","96.61"`).
//
// Prefixes are decimal: 1 Kbyte = 1000 byte. NVIDIA's CLI manual (`--print-units auto|base`) does not say
// which, but ncu's own output does: the shared-memory carveouts, whole KiB by construction (16 KiB = 16,384
// bytes, 32 KiB = 32,768), print as `"Shared Memory Configuration Size","Kbyte","16.38"` and `"32.77"`, and
// a kernel's 8,192-byte static shared array as `8.19 Kbyte` (a details-page export of ncu 2025.2.0 on an
// sm_87 board, github.com/superposition/qualia, docs/evidence/T16/board-kernels/metrics.csv and README.md).
// With 1 Kbyte = 1024 byte they would read 16, 32 and 8.
//
// Every factor is a power of ten, so values are scaled by shifting the decimal exponent of the printed
// digits (`"16.38"` Kbyte -> 16380 exactly) rather than by a float multiply (16.38 * 1000 = 16379.999...).

import { shiftDecimal } from './human.js';

const LARGE: Record<string, number> = { '': 0, K: 3, M: 6, G: 9, T: 12, P: 15 };
const SMALL: Record<string, number> = { '': 0, m: -3, u: -6, n: -9, p: -12 };

/**
 * The power of ten to base units (byte, second, cycle, instruction, and their ratios) of a unit as Nsight
 * Compute prints it, or undefined for a unit this does not know.
 *
 *   ncuUnitExponent('Mbyte')         //=> 6
 *   ncuUnitExponent('usecond')       //=> -6, as ncuUnitExponent('us')
 *   ncuUnitExponent('cycle/nsecond') //=> 9 (cycles per second)
 */
export function ncuUnitExponent(unit: string): number | undefined {
  const text = unit.trim();
  let match = /^([KMGTP]?)(?:byte|inst|cycle|warp|thread|)$/.exec(text);
  if (match) return LARGE[match[1]!];
  match = /^([munp]?)(?:second|s)$/.exec(text);
  if (match) return SMALL[match[1]!];
  match = /^([KMGTP]?)(?:byte|inst|cycle)\/([munp]?)(?:second|s)$/.exec(text);
  if (match) return LARGE[match[1]!]! - SMALL[match[2]!]!;
  match = /^([KMGT]?)hz$/i.exec(text);
  if (match) return LARGE[match[1]!.toUpperCase()];
  return undefined;
}

/** The units `--print-units base` prints: any other was scaled, and its value rounded to a few digits. */
const BASE_UNITS = new Set(['', 'byte', 'inst', 'cycle', 'warp', 'thread', 'nsecond', 'ns', 'second', 's', 'cycle/nsecond', 'cycle/ns', 'cycle/second', 'cycle/s']);

export function isScaled(unit: string): boolean {
  return !BASE_UNITS.has(unit.trim());
}

/**
 * A value cell in base units, `exponent` from ncuUnitExponent: `"565,820,784,000"` (thousands separators),
 * `12.5`, `1.50` Mbyte (exponent 6) as 1500000, the decimal `1.50e6` rounded once; `nan`/`n/a`/empty (a
 * failed or missing measurement) as null; NaN for text that is no number at all.
 */
export function ncuNumber(cell: string, exponent = 0): number | null {
  const text = cell.trim();
  if (text === '' || /^(?:-?nan|n\/a|inf|-inf)$/i.test(text)) return null;
  const digits = text.includes(',') ? text.replace(/,/g, '') : text;
  return shiftDecimal(digits, exponent);
}
