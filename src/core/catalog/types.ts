import type { FigureKind, Precision } from '../types.js';

/** A published figure, what kind of figure it is, and where it was published. */
export interface Figure {
  value: number;
  /**
   * `vendor`: the source states this value. `derived`: computed from vendor figures; the note gives the
   * formula (cores x FLOP/clk x clock, bytes/clk x clock, a sparse figure halved, a system figure divided).
   * `measured`: a published benchmark; the note names who measured, on what, and where. `estimate`: none of these.
   */
  kind: FigureKind;
  /** Key into the device's `sources`. */
  source: string;
  /** Why the figure is what it is, when that is not obvious (a derivation, a dense-from-sparse halving). */
  note?: string;
}

/** Catalog level names, outermost first. */
export const LEVEL_NAMES = ['dram', 'llc', 'l2', 'l1'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

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
  /**
   * Bandwidth per level in bytes/s, outermost first: `dram` (HBM/GDDR/DRAM), then `llc` (a last-level cache
   * in front of it, such as AMD's Infinity Cache), then `l2`, then `l1`; bandwidth rises inward.
   */
  levels: Array<{ name: LevelName; bytesPerSecond: Figure; capacityBytes?: Figure }>;
  sources: Record<string, Source>;
}
