// The shared vocabulary of the core. Every quantity is in base SI units (FLOP, bytes, seconds),
// and names carry the unit wherever a bare number could be mistaken.

/** Numeric formats a device can have a compute roof for, widest first. */
export const PRECISIONS = ['fp64', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'int4', 'fp4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * What a catalog figure is: `vendor` (a datasheet or whitepaper states it), `derived` (computed from vendor
 * figures, the formula in its note), `measured` (a published benchmark) or `estimate`.
 */
export const FIGURE_KINDS = ['vendor', 'derived', 'measured', 'estimate'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];
/** A roof's kind as a placement carries it: a catalog figure's kind, or `config` for a device the config defines. */
export const ROOF_KINDS = [...FIGURE_KINDS, 'config'] as const;
export type RoofKind = (typeof ROOF_KINDS)[number];

/** A device as the math sees it: one roof per precision, one eave per memory level. */
export interface Device {
  id: string;
  name: string;
  /** Dense peak per precision, FLOP/s (OP/s for integer formats). */
  flopsPerSecond: Partial<Record<Precision, number>>;
  /** Bandwidth per memory level, outermost (DRAM/HBM) first. */
  levels: MemoryLevel[];
  /** Device memory (DRAM/HBM) in bytes, when known: what an LLM's footprint must fit in. */
  capacityBytes?: number;
  /** True when the device comes from the built-in catalog unchanged. */
  builtIn: boolean;
  /** The kind of each catalog figure; absent for a device the config defines (its figures are `config`). */
  figureKinds?: { compute: Partial<Record<Precision, FigureKind>>; levels: Record<string, FigureKind> };
}

export interface MemoryLevel {
  /** Level name as the config spells it: `dram` for the outermost level of built-in devices, `l2`, `l1`. */
  name: string;
  bytesPerSecond: number;
}

/** Bytes moved through each memory level, keyed by level name. */
export type BytesByLevel = Record<string, number>;

/**
 * What the bytes of a level are: weights (read once per pass, whatever the batch), activations and the KV
 * cache (both grow with the batch). Advice that changes one kind's storage width rescales only that kind.
 */
export const BYTE_KINDS = ['weights', 'activations', 'kv'] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];

/**
 * The bytes of one level by kind. A split is complete: a kind left out is 0 bytes, and the kinds add up to
 * the level's count in BytesByLevel.
 */
export type KindSplit = Partial<Record<ByteKind, number>>;

/**
 * Splits by level name. A level absent here is unsplit: its bytes are of unknown kind, and nothing may
 * assume what they are.
 */
export type BytesByKind = Record<string, KindSplit>;

/** One op of a model given as a breakdown. */
export interface Op {
  name: string;
  flops: number;
  /**
   * An op table's rows are stored by column (config/op-columns.ts) and make this record at each read: in a
   * loop over the ops, read it once per op.
   */
  bytes: BytesByLevel;
  /** The levels this op splits by kind; `{}` when it gives no split. */
  kinds: BytesByKind;
  /**
   * Measured seconds per pass on the device it was profiled on (an imported kernel time, or the op table's
   * `measured` column); absent when not measured.
   */
  measuredSeconds?: number;
}

/** A model after validation: units resolved, targets resolved to device ids. */
export interface Model {
  name: string;
  precision: Precision;
  /** Aggregate FLOPs per pass (the sum over ops when ops are given). */
  flops: number;
  /** Aggregate bytes per level per pass (the sum over ops when ops are given). */
  bytes: BytesByLevel;
  /**
   * Aggregate split per level. Given as totals: the levels the config splits. Given as ops: a level is
   * split only when every op that moves bytes through it (a count above 0) splits it, and its split is then
   * the sum of theirs; one such op unsplit leaves the level unsplit here, since part of its bytes are of
   * unknown kind.
   */
  kinds: BytesByKind;
  /** Storage width of each kind in bits: `bits:` in the config, else the width of the model's precision. */
  bits: Record<ByteKind, number>;
  batch: number;
  /** Present when the model was given as ops: time is then summed op by op. */
  ops: Op[] | null;
  hardware: string[];
  /** Measured seconds per pass, by device id. */
  measuredSeconds: Record<string, number>;
  /** Present when the ops were generated from an LLM's config.json (`llm:`): which of them are the prefill. */
  phases?: LlmPhases;
  /** Generated models: what the workload keeps in device memory. */
  footprint?: Footprint;
  /** One value of a swept `llm:` model (`batch: [1, 8, 32]`, `context: [...]`). */
  sweep?: Sweep;
  /** Generated decode and generate models: the crossover batch on each target, by device id (null: none). */
  crossoverBatch?: Record<string, number | null>;
}

/**
 * Where a result sits in its sweep: the model the config names (`of`), what is swept (`by`), and the
 * point's batch and context (the prompt length for a prefill or generate). What a chart needs to join the
 * points of one sweep on one device into a line.
 */
export interface Sweep {
  of: string;
  by: 'batch' | 'context';
  batch: number;
  context: number;
}

import type { Footprint } from './llm/footprint.js';
import type { LlmPhases } from './llm/generate.js';

// What the engine produces (placements, op times) is defined with its validation in results.ts.
export type { Bound, OpTime, Result } from './results.js';
