// Nsight Compute's units, which it scales per value unless run with `--print-units base`: `byte`, `Kbyte`,
// `Mbyte`, `nsecond`, `usecond`, `msecond`, `cycle/nsecond`. Prefixes are decimal (1 Kbyte = 1000 byte).

const LARGE: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };
const SMALL: Record<string, number> = { '': 1, m: 1e-3, u: 1e-6, n: 1e-9, p: 1e-12 };

/**
 * The factor to base units (byte, second, cycle, instruction, and their ratios) of a unit as Nsight
 * Compute prints it, or undefined for a unit this does not know.
 *
 *   ncuUnitFactor('Mbyte')         //=> 1e6
 *   ncuUnitFactor('usecond')       //=> 1e-6
 *   ncuUnitFactor('cycle/nsecond') //=> 1e9 (cycles per second)
 */
export function ncuUnitFactor(unit: string): number | undefined {
  const text = unit.trim();
  let match = /^([KMGTP]?)(?:byte|inst|cycle|warp|thread|)$/.exec(text);
  if (match) return LARGE[match[1]!];
  match = /^([munp]?)second$/.exec(text);
  if (match) return SMALL[match[1]!];
  match = /^([KMGTP]?)(?:byte|inst|cycle)\/([munp]?)second$/.exec(text);
  if (match) return LARGE[match[1]!]! / SMALL[match[2]!]!;
  match = /^([KMGT]?)hz$/i.exec(text);
  if (match) return LARGE[match[1]!.toUpperCase()];
  return undefined;
}

/** The units `--print-units base` prints: any other was scaled, and its value rounded to a few digits. */
const BASE_UNITS = new Set(['', 'byte', 'inst', 'cycle', 'warp', 'thread', 'nsecond', 'second', 'cycle/nsecond', 'cycle/second']);

export function isScaled(unit: string): boolean {
  return !BASE_UNITS.has(unit.trim());
}

/**
 * A value cell: `"565,820,784,000"` (thousands separators), `12.5`, or `nan`/`n/a`/empty (a failed or
 * missing measurement) as null; NaN for text that is no number at all.
 */
export function ncuNumber(cell: string): number | null {
  const text = cell.trim();
  if (text === '' || /^(?:-?nan|n\/a|inf|-inf)$/i.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}
