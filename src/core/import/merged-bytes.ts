// `ops: { file: flops.md, format: fvcore, bytes: bytes.csv }`: bytes by op name, merged into an import
// that gives none (fvcore, DeepSpeed). The bytes file is a CSV with a `name` column and `bytes` or
// `bytes.<level>` columns, as an op table has them; any other column (flops, measured) is not read, so an op
// table or the CSV that `roofline-gate import` prints serves as well. The k-th op of a name takes the bytes
// of the k-th row of that name; an op without a row, or a row without an op, is an error naming it, since
// a name that does not match is a typo or a module one tool saw and the other did not, never a guess.
import { ConfigError, issueAt, issueIn, quote, type ConfigIssue, type Place } from '../config/errors.js';
import { cellIssue, cellPlace, recordLine } from '../config/csv-cell.js';
import { OUTERMOST } from '../roofline.js';
import type { BytesByLevel } from '../types.js';
import { parseQuantity } from '../units.js';
import type { Imported, ImportedOp } from './imported.js';
import { nearestWord } from '../nearest-word.js';

/** Rows of a bytes file by op name, each name's rows in file order, with where each row's name is (a row without an op is shown there). */
export type BytesByName = Map<string, Array<{ bytes: BytesByLevel; name: Place }>>;

/** Errors shown at once: enough to see a pattern (every name misspelt the same way), few enough to read. */
const SHOWN_ISSUES = 8;

/** Reads a bytes file, CSV record by record (the header first); `finish` gives the rows by name. */
export class BytesTableReader {
  private columns: { name: number; levels: Array<[number, string]> } | null = null;
  /** The line the next record starts on (a quoted cell may span several). */
  private line = 1;
  /** The header's first line, for the excerpt of an error about the file as a whole. */
  private headerLine: string | undefined;
  private readonly byName: BytesByName = new Map();

  constructor(readonly file: string) {}

  /** One record: its cells and its text as the parser read it (`raw`; left out, the record is a plain line). */
  record(cells: string[], raw?: string): void {
    const line = this.line;
    this.line += 1;
    for (const cell of cells) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) this.line += 1;
    const text = raw ?? cells.join(',');
    if (!this.columns) return void (this.columns = this.header(cells, text, line));
    const name = (cells[this.columns.name] ?? '').trim();
    if (name === '') return;
    const bytes: BytesByLevel = {};
    for (const [index, level] of this.columns.levels) {
      const cell = (cells[index] ?? '').trim();
      if (cell === '') continue;
      const parsed = parseQuantity(cell, 'bytes');
      if (!parsed.ok || !(parsed.value >= 0)) {
        throw new ConfigError([cellIssue(this.file, text, line, index, `${name}: ${JSON.stringify(cell.slice(0, 40))} is not a byte count (${parsed.ok ? 'expected 0 or more' : parsed.expected})`)]);
      }
      bytes[level] = parsed.value;
    }
    const rows = this.byName.get(name) ?? [];
    rows.push({ bytes, name: cellPlace(text, line, this.columns.name) });
    this.byName.set(name, rows);
  }

  finish(): BytesByName {
    if (this.byName.size === 0) {
      const issue = issueAt(this.file, { line: 1, column: 1 }, [], 'no rows: expected a CSV whose header names the columns name and bytes (or bytes.<level>)');
      throw new ConfigError([this.headerLine === undefined ? issue : { ...issue, excerpt: this.headerLine }]);
    }
    return this.byName;
  }

  private header(cells: string[], text: string, line: number): { name: number; levels: Array<[number, string]> } {
    this.headerLine = recordLine(text, 0);
    const names = cells.map((cell) => cell.trim());
    const levels = names.flatMap((column, index): Array<[number, string]> => {
      const match = /^bytes(?:\.([^.]+))?$/.exec(column);
      return match ? [[index, match[1] ?? OUTERMOST]] : [];
    });
    const name = names.indexOf('name');
    if (name < 0 || levels.length === 0) {
      throw new ConfigError([cellIssue(this.file, text, line, 0, `the header row has no ${name < 0 ? 'name' : 'bytes (or bytes.<level>)'} column: a bytes file names its columns name and bytes or bytes.<level>`)]);
    }
    return { name, levels };
  }
}

/**
 * The import with each op's bytes taken from the bytes file, by name and occurrence; a ConfigError naming
 * the ops without a row (at their lines of `file`) and the rows without an op (at their name cells in `bytesFile`).
 */
export function withBytes(imported: Imported, file: string, byName: BytesByName, bytesFile: string): Imported {
  const issues: ConfigIssue[] = [];
  const issue = (found: ConfigIssue) => issues.length < SHOWN_ISSUES && issues.push(found);
  const taken = new Map<string, number>();
  const unmatched: Array<{ op: ImportedOp; occurrence: number }> = [];
  const ops = imported.ops.map((op) => {
    const occurrence = taken.get(op.name) ?? 0;
    taken.set(op.name, occurrence + 1);
    const row = byName.get(op.name)?.[occurrence];
    if (!row) unmatched.push({ op, occurrence });
    return { ...op, bytes: row?.bytes ?? {} };
  });
  // A name on one side only is most often the other side's, spelt another way (bn1, bn_1): said so.
  const orphans = [...byName].filter(([name, rows]) => rows.length > (taken.get(name) ?? 0));
  const rowNames = orphans.map(([name]) => name);
  const opNames = [...new Set(unmatched.map(({ op }) => op.name))];
  const hint = (name: string, names: string[]) => {
    const nearest = nearestWord(name, names.filter((other) => other !== name));
    return nearest === undefined ? '' : `; did you mean ${quote(nearest)}?`;
  };
  for (const { op, occurrence } of unmatched) {
    const why = occurrence === 0 ? `no row of that name${hint(op.name, rowNames)}` : `only ${occurrence} row${occurrence === 1 ? '' : 's'} of that name`;
    issue(issueIn(file, op.at, `${op.name}: no bytes for it in ${bytesFile} (${why})`));
  }
  for (const [name, rows] of orphans) {
    for (const { name: cell } of rows.slice(taken.get(name) ?? 0)) {
      const message = `${name}: bytes for an op that ${file} does not have${taken.has(name) ? ' that many times' : ''}: the names must match${taken.has(name) ? '' : hint(name, opNames)}`;
      issue(issueIn(bytesFile, cell, message));
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const { noBytes: _none, ...rest } = imported;
  return { ...rest, ops, notes: [...imported.notes, `bytes from ${bytesFile}, by op name`], bytesFrom: bytesFile };
}
