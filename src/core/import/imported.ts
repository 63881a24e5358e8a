// What an importer gives: ops as the profiler or FLOP counter saw them, with every figure it could not
// give left out (null or absent) and notes saying why, rather than a guess. Two uses: printed as an op
// table (`roofline-gate import`), or turned into a model's ops (`ops: { file, format }`), where a figure
// left out is an error that names the op and the reason.
import { keyedRecord } from '../user-keys.js';
import { NAME_LENGTH } from '../limits.js';
import type { BytesByLevel, Op } from '../types.js';
import { ConfigError, issueAt, issueIn, type ConfigIssue, type Place } from '../config/errors.js';
import type { OpTable } from '../config/resolve.js';
import { detached } from '../detached.js';

export const IMPORT_FORMATS = ['csv', 'json', 'jsonl', 'ncu', 'torchstat', 'fvcore', 'deepspeed'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** The formats that are some tool's own output, read by an importer here. */
export type ToolFormat = Exclude<ImportFormat, 'csv' | 'json' | 'jsonl'>;

export interface ImportedOp {
  name: string;
  /** Null when the source lacks a count this op needs (the notes say which). */
  flops: number | null;
  /** By level; a level the source lacks for this op is absent. */
  bytes: BytesByLevel;
  /** Measured seconds (summed over launches), or null when the source gives none. */
  measuredSeconds: number | null;
  /** Kernel launches summed into this op (1 for a module). */
  launches: number;
  /**
   * Where the op was first seen in the source: its name there, and that line as an error shows it (kept
   * cut, so that a profile of long lines keeps a few hundred characters an op). Errors about the op as a
   * whole, told after the whole source is read, point there.
   */
  at: Place;
  /** Each figure left out, and why: `FLOPs: sm__sass_thread_inst_executed_op_ffma_pred_on.sum is nan in launch 3`. */
  missing: string[];
}

export interface Imported {
  format: ToolFormat;
  ops: ImportedOp[];
  /** What the source counted and how it was converted: `FLOPs = 2 x MACs (fvcore counts MACs)`. */
  convention: string;
  /** What was left out or assumed, one sentence each. */
  notes: string[];
  /** Present when the source gives no bytes at all: why, and where to get them. */
  noBytes?: string;
  /**
   * The bytes file merged in by op name (merged-bytes.ts), when the bytes are the user's own rather than
   * the source's counters: its levels must then exist on every target (OpTable.counters).
   */
  bytesFrom?: string;
}

/** Names the report can carry: whitespace (newlines inside kernel names) collapsed, long ones shortened. */
export function opName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  // A copy: a name cut from a report's line would keep the line's 64 KiB chunk alive (detached.ts).
  if (name.length <= NAME_LENGTH) return detached(name);
  // Kernel names of templated code run to kilobytes and often differ only at the end: a hash of the
  // whole name keeps two of them apart.
  return detached(`${name.slice(0, NAME_LENGTH - 12)}… #${fnv1a(name)}`);
}

/** 32-bit FNV-1a of the text, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The op table as CSV, in the op-table columns (`name,flops,bytes.dram,...,measured,launches`). */
export function importedCsv(ops: ReadonlyArray<Pick<ImportedOp, 'name' | 'flops' | 'bytes' | 'measuredSeconds' | 'launches'>>): string {
  const levels = [...new Set(ops.flatMap((op) => Object.keys(op.bytes)))].sort((a, b) => levelRank(a) - levelRank(b));
  const measured = ops.some((op) => op.measuredSeconds !== null);
  const launches = ops.some((op) => op.launches !== 1);
  const header = ['name', 'flops', ...(levels.length > 0 ? levels.map((level) => `bytes.${level}`) : ['bytes']), ...(measured ? ['measured'] : []), ...(launches ? ['launches'] : [])];
  const rows = ops.map((op) => [
    csvCell(op.name),
    number(op.flops),
    ...(levels.length > 0 ? levels.map((level) => number(op.bytes[level])) : ['']),
    ...(measured ? [op.measuredSeconds === null ? '' : `${number(op.measuredSeconds)} s`] : []),
    ...(launches ? [String(op.launches)] : []),
  ]);
  return [header, ...rows].map((row) => `${row.join(',')}\n`).join('');
}

/** Outermost first, as devices list them: dram, l2, l1, then any other level by name. */
function levelRank(level: string): number {
  const rank = ['dram', 'l2', 'l1'].indexOf(level);
  return rank < 0 ? 3 : rank;
}

/** 15 significant digits: sums of scaled values carry binary noise (0.00125 + 0.00025 = 0.0015000000000000002). */
function number(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(Number(value.toPrecision(15)));
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The imported ops as a model's op table, or a ConfigError naming each op that lacks a figure. */
export function importedTable(imported: Imported, file: string): OpTable {
  const issues: ConfigIssue[] = [];
  const at = (issue: ConfigIssue) => issues.length < 8 && issues.push(issue);
  if (imported.noBytes !== undefined) at(issueAt(file, { line: 1, column: 1 }, [], imported.noBytes));
  // The levels are the source's own counters, unless merged from the user's bytes file: a target without
  // one of the source's leaves it out (OpTable.counters).
  const table: OpTable = { file, ops: [], levelRows: new Map(), counters: imported.bytesFrom === undefined };
  for (const op of imported.ops) {
    if (op.flops === null) {
      at(issueIn(file, op.at, `${op.name}: no FLOP count (${op.missing.join('; ') || 'the source gives none'})`));
      continue;
    }
    if (imported.noBytes === undefined && Object.keys(op.bytes).length === 0) {
      at(issueIn(file, op.at, `${op.name}: no byte count at any level (the source lacks its memory counters)`));
      continue;
    }
    const result: Op = { name: op.name, flops: op.flops, bytes: op.bytes, kinds: keyedRecord() };
    if (op.measuredSeconds !== null) result.measuredSeconds = op.measuredSeconds;
    table.ops.push(result);
    for (const level in op.bytes) if (!table.levelRows.has(level)) table.levelRows.set(level, op.at.line);
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return table;
}
