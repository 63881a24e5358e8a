// `ops: { file: flops.md, format: fvcore, bytes: bytes.csv }`: bytes by op name, merged into an import
// that gives none (fvcore, DeepSpeed). The bytes file is a CSV with a `name` column and `bytes` or
// `bytes.<level>` columns, as an op table has them; any other column (flops, measured) is not read, so an op
// table or the CSV that `roofline-gate import` prints serves as well. The k-th op of a name takes the bytes
// of the k-th row of that name; an op without a row, or a row without an op, is an error naming it, since
// a name that does not match is a typo or a module one tool saw and the other did not, never a guess.
import { ConfigError, issueAt, type ConfigIssue } from '../config/errors.js';
import { OUTERMOST } from '../roofline.js';
import type { BytesByLevel } from '../types.js';
import { parseQuantity } from '../units.js';
import type { Imported } from './imported.js';

/** Rows of a bytes file by op name, each name's rows in file order, with the row each was on. */
export type BytesByName = Map<string, Array<{ bytes: BytesByLevel; row: number }>>;

/** Errors shown at once: enough to see a pattern (every name misspelt the same way), few enough to read. */
const SHOWN_ISSUES = 8;

/** Reads a bytes file, CSV record by record (the header first); `finish` gives the rows by name. */
export class BytesTableReader {
  private columns: { name: number; levels: Array<[number, string]> } | null = null;
  private row = 0;
  private readonly byName: BytesByName = new Map();

  constructor(readonly file: string) {}

  record(cells: string[]): void {
    this.row++;
    if (!this.columns) return void (this.columns = this.header(cells));
    const name = (cells[this.columns.name] ?? '').trim();
    if (name === '') return;
    const bytes: BytesByLevel = {};
    for (const [index, level] of this.columns.levels) {
      const cell = (cells[index] ?? '').trim();
      if (cell === '') continue;
      const parsed = parseQuantity(cell, 'bytes');
      if (!parsed.ok || !(parsed.value >= 0)) throw this.error(this.row, `${name}: ${JSON.stringify(cell.slice(0, 40))} is not a byte count (${parsed.ok ? 'expected 0 or more' : parsed.expected})`);
      bytes[level] = parsed.value;
    }
    const rows = this.byName.get(name) ?? [];
    rows.push({ bytes, row: this.row });
    this.byName.set(name, rows);
  }

  finish(): BytesByName {
    if (this.byName.size === 0) throw this.error(1, 'no rows: expected a CSV whose header names the columns name and bytes (or bytes.<level>)');
    return this.byName;
  }

  private header(cells: string[]): { name: number; levels: Array<[number, string]> } {
    const names = cells.map((cell) => cell.trim());
    const levels = names.flatMap((column, index): Array<[number, string]> => {
      const match = /^bytes(?:\.([^.]+))?$/.exec(column);
      return match ? [[index, match[1] ?? OUTERMOST]] : [];
    });
    const name = names.indexOf('name');
    if (name < 0 || levels.length === 0) throw this.error(1, `the header row has no ${name < 0 ? 'name' : 'bytes (or bytes.<level>)'} column: a bytes file names its columns name and bytes or bytes.<level>`);
    return { name, levels };
  }

  private error(row: number, message: string): ConfigError {
    return ConfigError.at(this.file, { line: row, column: 1 }, [], message);
  }
}

/**
 * The import with each op's bytes taken from the bytes file, by name and occurrence; a ConfigError naming
 * the ops without a row (at their lines of `file`) and the rows without an op (at theirs of `bytesFile`).
 */
export function withBytes(imported: Imported, file: string, byName: BytesByName, bytesFile: string): Imported {
  const issues: ConfigIssue[] = [];
  const issue = (at: string, line: number, message: string) => issues.length < SHOWN_ISSUES && issues.push(issueAt(at, { line, column: 1 }, [], message));
  const taken = new Map<string, number>();
  const ops = imported.ops.map((op) => {
    const occurrence = taken.get(op.name) ?? 0;
    taken.set(op.name, occurrence + 1);
    const row = byName.get(op.name)?.[occurrence];
    if (!row) issue(file, op.line, `${op.name}: no bytes for it in ${bytesFile} (${occurrence === 0 ? 'no row of that name' : `only ${occurrence} row${occurrence === 1 ? '' : 's'} of that name`})`);
    return { ...op, bytes: row?.bytes ?? {} };
  });
  for (const [name, rows] of byName) {
    for (const { row } of rows.slice(taken.get(name) ?? 0)) issue(bytesFile, row, `${name}: bytes for an op that ${file} does not have${taken.has(name) ? ' that many times' : ''}: the names must match`);
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const { noBytes: _none, ...rest } = imported;
  return { ...rest, ops, notes: [...imported.notes, `bytes from ${bytesFile}, by op name`], bytesFrom: bytesFile };
}
