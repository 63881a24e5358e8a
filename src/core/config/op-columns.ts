// The ops of a big table, stored by column. An op read as an object costs about 180 bytes in V8 (the op,
// its `bytes` record, a boxed number for each count and its name): 5 million rows took 1.1 GB. Stored here
// as one array of numbers per column (8 bytes a value, unboxed) and a small view per row, an op costs about
// 100. Every reader sees an ordinary Op: the views read their row's cells on access.
import type { BytesByLevel, BytesByKind, Op } from '../types.js';
import { keyedRecord } from '../user-keys.js';
import { NO_SPLIT } from './kinds.js';

/** Rows per chunk of a column: past its first chunk, a column grows by whole chunks, never copying what it holds. */
const CHUNK = 1 << 16;
/** The first chunk's least size: a table of a few rows takes a few hundred bytes a column, not CHUNK's 512 KB. */
const FIRST_CHUNK = 64;

/** A column of numbers, 8 bytes a row, in chunks of CHUNK rows; NaN where a row has no value. */
class NumberColumn {
  /** Whole chunks but for the first while it is the only one, which doubles from FIRST_CHUNK as rows come. */
  private readonly chunks: Float64Array[] = [];

  set(row: number, value: number): void {
    const chunk = row >>> 16;
    const offset = row & (CHUNK - 1);
    if (chunk > 0 && this.chunks.length > 0 && this.chunks[0]!.length < CHUNK) this.chunks[0] = resized(this.chunks[0]!, CHUNK);
    while (this.chunks.length <= chunk) this.chunks.push(resized(new Float64Array(0), chunk === 0 ? sizeFor(offset) : CHUNK));
    if (offset >= this.chunks[chunk]!.length) this.chunks[chunk] = resized(this.chunks[chunk]!, sizeFor(offset));
    this.chunks[chunk]![offset] = value;
  }

  get(row: number): number {
    return this.chunks[row >>> 16]?.[row & (CHUNK - 1)] ?? NaN;
  }
}

/** The size the first chunk doubles to for `offset` to fit. */
function sizeFor(offset: number): number {
  let size = FIRST_CHUNK;
  while (size <= offset) size *= 2;
  return Math.min(size, CHUNK);
}

/** `values` copied into a new array of `size`, the rest NaN: a row never set reads as no value. */
function resized(values: Float64Array, size: number): Float64Array {
  const grown = new Float64Array(size).fill(NaN);
  grown.set(values);
  return grown;
}

/**
 * The columns of the ops a table adds (see add()): a name, a FLOP count and a measured time per row, and
 * one byte count per row for each level (no value where the row leaves the level out).
 */
export class OpColumns {
  readonly names: string[] = [];
  readonly flops = new NumberColumn();
  /** Absent until a row gives a measured time. */
  measured: NumberColumn | null = null;
  /** Level names in the order the rows give them, and their columns. */
  readonly levels: string[] = [];
  readonly bytes: NumberColumn[] = [];

  /**
   * `op`, stored by column when it splits no level by kind and names its levels in an order that agrees
   * with the earlier rows' (a row's levels are listed in its own order wherever they are shown); the op
   * itself otherwise, unchanged.
   */
  add(op: Op): Op {
    if (op instanceof ColumnOp) return op; // a row another table stored (a baseline's reused row): kept there
    if (op.kinds !== NO_SPLIT || !this.fits(op.bytes)) return op;
    const row = this.names.length;
    this.names.push(op.name);
    this.flops.set(row, op.flops);
    if (op.measuredSeconds !== undefined) (this.measured ??= new NumberColumn()).set(row, op.measuredSeconds);
    for (let index = 0; index < this.levels.length; index++) {
      const bytes = op.bytes[this.levels[index]!];
      if (bytes !== undefined) this.bytes[index]!.set(row, bytes);
    }
    return new ColumnOp(this, row);
  }

  /** Whether `bytes`'s levels follow the stored order, adding the new ones at its end. */
  private fits(bytes: BytesByLevel): boolean {
    let at = -1;
    for (const level in bytes) {
      const index = this.levels.indexOf(level, at + 1);
      if (index >= 0) at = index;
      else if (this.levels.includes(level)) return false; // given before a level that comes earlier in the store
      else at = this.levels.length; // new: it will be added after the others
    }
    for (const level in bytes) {
      if (this.levels.includes(level)) continue;
      this.levels.push(level);
      this.bytes.push(new NumberColumn());
    }
    return true;
  }
}

/** One row of an OpColumns, read as an Op. */
class ColumnOp implements Op {
  constructor(
    private readonly columns: OpColumns,
    private readonly row: number,
  ) {}

  get name(): string {
    return this.columns.names[this.row]!;
  }

  get flops(): number {
    return this.columns.flops.get(this.row);
  }

  /** A new record at each read, the row's levels in their order. */
  get bytes(): BytesByLevel {
    const bytes = keyedRecord<number>();
    const { levels, bytes: columns } = this.columns;
    for (let index = 0; index < levels.length; index++) {
      const value = columns[index]!.get(this.row);
      if (!Number.isNaN(value)) bytes[levels[index]!] = value;
    }
    return bytes;
  }

  get kinds(): BytesByKind {
    return NO_SPLIT;
  }

  get measuredSeconds(): number | undefined {
    const value = this.columns.measured?.get(this.row) ?? NaN;
    return Number.isNaN(value) ? undefined : value;
  }

  /** What JSON.stringify and a spread would otherwise miss: the getters are not own properties. */
  toJSON(): Op {
    return plainOp(this);
  }
}

/** `op` as a plain object with its own properties (for a spread, or a test's comparison). */
export function plainOp(op: Op): Op {
  const plain: Op = { name: op.name, flops: op.flops, bytes: op.bytes, kinds: op.kinds };
  if (op.measuredSeconds !== undefined) plain.measuredSeconds = op.measuredSeconds;
  return plain;
}
