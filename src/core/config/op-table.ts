// Op tables too large for inline YAML: `ops: { file: resnet50-ops.csv }` (or .json, .jsonl). The shell
// streams the file and hands records here one at a time; validation is the inline ops' own schema.
import { OUTERMOST } from '../roofline.js';
import { nearestWord } from '../units.js';
import { ConfigError, issueAt, type ConfigIssue } from './errors.js';
import { describeAll } from './index.js';
import type { OpTable } from './resolve.js';
import { toOp } from './resolve.js';
import { opFileSchema, opSchema } from './schema.js';
import { loadYaml } from './yaml.js';

export type OpTableFormat = 'csv' | 'json' | 'jsonl';

export function opTableFormat(file: string): OpTableFormat {
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return extension === 'json' || extension === 'jsonl' ? extension : 'csv';
}

/** Stop collecting after this many bad rows: the first few say what is wrong with the rest. */
const MAX_ISSUES = 8;

/** Collects validated ops from records, remembering the row of every issue. */
export class OpTableReader {
  private readonly table: OpTable;
  private readonly issues: ConfigIssue[] = [];
  private columns: Array<(record: Record<string, unknown>, cell: string) => void> | null = null;
  private header: string[] = [];

  constructor(readonly file: string) {
    this.table = { file, ops: [], levelRows: new Map() };
  }

  /** CSV: the first record names the columns: `name`, `flops` or `macs`, `bytes` and/or `bytes.<level>`. */
  csvHeader(cells: string[], line: number): void {
    this.header = cells.map((cell) => cell.trim());
    // With per-level columns present, a bare `bytes` column is the outermost level among them.
    const perLevel = this.header.some((name) => /^bytes[._]/.test(name));
    this.columns = this.header.map((name, index) => {
      if (name === 'name' || name === 'flops' || name === 'macs') {
        return (record, cell) => {
          if (cell !== '') record[name] = cell;
        };
      }
      const level = /^bytes(?:[._](.+))?$/.exec(name);
      if (level) {
        return (record, cell) => {
          if (cell === '') return;
          if (level[1] === undefined && !perLevel) record.bytes = cell;
          else ((record.bytes ??= {}) as Record<string, string>)[level[1] ?? OUTERMOST] = cell;
        };
      }
      const nearest = nearestWord(name, ['name', 'flops', 'macs', 'bytes', 'bytes.dram', 'bytes.l2', 'bytes.l1']);
      this.issue(line, index + 1, `unknown column "${name}"${nearest ? `; did you mean "${nearest}"?` : ''} (columns: name, flops or macs, bytes or bytes.<level>)`);
      return () => undefined;
    });
    if (!this.header.includes('name')) this.issue(line, 1, 'expected a header row naming the columns, with at least name, flops (or macs) and bytes');
  }

  /** CSV: one data record. */
  csvRow(cells: string[], line: number): void {
    if (this.columns === null) return this.csvHeader(cells, line);
    if (cells.length !== this.columns.length) {
      return this.issue(line, 1, `expected ${this.columns.length} cells as in the header, found ${cells.length}`);
    }
    const record: Record<string, unknown> = {};
    cells.forEach((cell, index) => this.columns![index]!(record, cell.trim()));
    this.add(record, line, (path) => this.columnOf(path));
  }

  /** JSON Lines: one op object per line. */
  jsonLine(text: string, line: number): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.issue(line, 1, `not valid JSON: ${(error as Error).message}`);
    }
    this.add(value, line, () => 1);
  }

  /** A whole JSON file: an array of op objects, or `{ "ops": [...] }`. */
  json(text: string): void {
    const yaml = loadYaml(text, this.file); // JSON is YAML 1.2: this keeps positions for errors
    const result = opFileSchema.safeParse(yaml.value);
    if (!result.success) {
      this.issues.push(...describeAll(result.error.issues, opFileSchema, yaml.value, this.file, text, yaml.locate).slice(0, MAX_ISSUES));
      return;
    }
    const ops = Array.isArray(result.data) ? result.data : result.data.ops;
    ops.forEach((op, index) => this.accept(toOp(op), yaml.locate(Array.isArray(result.data) ? [index] : ['ops', index]).line));
  }

  finish(): OpTable {
    if (this.issues.length > 0) throw new ConfigError(this.issues);
    return this.table;
  }

  private add(value: unknown, line: number, columnOf: (path: PropertyKey[]) => number): void {
    if (this.issues.length >= MAX_ISSUES) return;
    const result = opSchema.safeParse(value);
    if (result.success) return this.accept(toOp(result.data), line);
    for (const issue of result.error.issues) {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const path = [...issue.path, ...(key === undefined ? [] : [key])].map(String).join('.');
      const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
      const message = missing ? 'missing' : issue.message.replace(/^Invalid input: /, '');
      this.issue(line, columnOf(issue.path), `${path === '' ? '' : `${path}: `}${message}`);
    }
  }

  private accept(op: ReturnType<typeof toOp>, line: number): void {
    this.table.ops.push(op);
    for (const level in op.bytes) if (!this.table.levelRows.has(level)) this.table.levelRows.set(level, line);
  }

  private columnOf(path: PropertyKey[]): number {
    const name = path.length > 1 && path[0] === 'bytes' ? `bytes.${String(path[1])}` : String(path[0] ?? '');
    const index = this.header.findIndex((column) => column === name || column === name.replace('.', '_'));
    return index < 0 ? 1 : index + 1;
  }

  private issue(line: number, column: number, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issueAt(this.file, { line, column }, [], message));
  }
}
