import type { Precision } from '../types.js';

/** A published figure and where it was published. */
export interface Figure {
  value: number;
  /** Key into the device's `sources`. */
  source: string;
  /** Why the figure is what it is, when that is not obvious (a derivation, a dense-from-sparse halving). */
  note?: string;
}

export interface Source {
  title: string;
  url: string;
}

/** A built-in device as the catalog records it: cited data, no code. */
export interface CatalogEntry {
  /** Stable id, lowercase, dash-separated: `a100-sxm4-80gb`. Never renamed once published. */
  id: string;
  name: string;
  vendor: 'NVIDIA' | 'AMD' | 'Google' | 'Intel' | 'Apple' | 'AWS';
  kind: 'gpu' | 'tpu' | 'accelerator' | 'cpu';
  /** Year of release. */
  year: number;
  /** Other spellings users type: `a100`, `h100`. Unique across the catalog. */
  aliases: string[];
  /** Dense peak per precision in FLOP/s (OP/s for int formats). Never a 2:4-sparsity figure. */
  compute: Partial<Record<Precision, Figure>>;
  /** Memory capacity of the outermost level, bytes. */
  capacityBytes: Figure;
  /** Bandwidth per level in bytes/s, outermost first: `dram` (HBM/GDDR/DRAM), then `l2`, then `l1`. */
  levels: Array<{ name: 'dram' | 'l2' | 'l1'; bytesPerSecond: Figure; capacityBytes?: Figure }>;
  sources: Record<string, Source>;
}
