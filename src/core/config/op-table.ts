// Op tables too large for inline YAML: `ops: { file: resnet50-ops.csv }` (or .json, .jsonl). The shell
// streams the file and hands records here one at a time; validation is the inline ops' own schema.
import { OUTERMOST } from '../roofline.js';
import { BYTE_KINDS, type ByteKind, type BytesByLevel, type KindSplit, type Op } from '../types.js';
import { JSON_TABLE_MAX, MAX_OP_ROWS, NAME_LENGTH } from '../limits.js';
import { wholeNumber } from '../format.js';
import { nearestWord } from '../nearest-word.js';
import { flopsOfMacs, outOfRange, parseQuantity, quantityValue, type Dimension } from '../units.js';
import { keyedRecord } from '../user-keys.js';
import { ConfigError, issueAt, quote, type ConfigIssue, type Position } from './errors.js';
import { cellIssue, cellPosition, recordLine } from './csv-cell.js';
import { addsUp, NO_SPLIT, splitTotal, type LevelBytes } from './kinds.js';
import { describeAll } from './issues.js';
import { OpColumns } from './op-columns.js';
import type { OpTable } from './resolve.js';
import { toOp } from './resolve.js';
import { levelName, opFileSchema, opSchema } from './schema.js';
import { loadYaml } from './yaml.js';

export type OpTableFormat = 'csv' | 'json' | 'jsonl';

export function opTableFormat(file: string): OpTableFormat {
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return extension === 'json' || extension === 'jsonl' ? extension : 'csv';
}

/** Stop collecting after this many bad rows: the first few say what is wrong with the rest. */
const MAX_ISSUES = 8;

/** Where each kind of CSV cell is, worked out once from the header. */
interface CsvPlan {
  name: number;
  flops: number;
  macs: number;
  /** `measured`: the op's measured seconds (imported kernel times). */
  measured: number;
  /**
   * Column index -> memory level ('' for a lone `bytes` column, the outermost level) and, for a
   * `bytes.<level>.<kind>` column, the kind; a level's column without a kind is its total.
   */
  bytes: Array<[number, string, ByteKind | undefined]>;
  /** Whether any of those columns is a kind's (`bytes.<level>.<kind>`). */
  splits: boolean;
}

/** Collects validated ops from records, remembering the row of every issue. */
export class OpTableReader {
  private readonly table: OpTable;
  private readonly columns = new OpColumns();
  private readonly issues: ConfigIssue[] = [];
  /** Undefined until the header is read; null when the header cannot be used. */
  private plan: CsvPlan | null | undefined = undefined;
  private header: string[] = [];
  /** CSV: the line the next record starts on. */
  private line = 1;
  /**
   * CSV: the record being read, its cells and its text as csv-parse read it (undefined for a plain line,
   * whose text is its cells joined by commas). Kept only to find a cell's column when an issue is reported.
   */
  private cells: string[] = [];
  private raw: string | undefined = undefined;

  /** `opLines`, when given, receives the line of each op accepted, in order (a memo pairs a baseline's rows with them). */
  constructor(
    readonly file: string,
    private readonly opLines?: number[],
  ) {
    this.table = { file, ops: [], levelRows: new Map() };
  }

  /**
   * CSV: one record, header first. The header names the columns: `name`, `flops` or `macs`, and `bytes`,
   * `bytes.<level>` and/or `bytes.<level>.<kind>` (weights, activations, kv). Lines are counted here (a quoted cell may span several), so the parser
   * need not track them per record, which costs a second per million rows. `line`: where the record starts,
   * when records are handed over out of a stream (the rest of them reused). `oneLine`: the caller knows the
   * record spans one line (no cell holds a line end), and its cells need not be searched for one. `raw`: the
   * record's text (csv-parse's `raw`), for the column of an issue; left out, the record is a plain line.
   */
  csvRecord(cells: string[], line = this.line, oneLine = false, raw?: string): void {
    this.cells = cells;
    this.raw = raw;
    this.line = line + 1;
    if (!oneLine) for (const cell of cells) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) this.line += 1;
    if (cells.length === 1 && cells[0]!.trim() === '') return; // a blank line
    if (this.plan === undefined) {
      this.plan = this.csvHeader(cells, line);
      return;
    }
    // Without a usable header no row can be read: its issues say what to fix, one per row would bury them.
    if (this.plan === null) return;
    if (cells.length !== this.header.length) {
      return this.cellIssue(line, 0, `expected ${wholeNumber(this.header.length)} cells as in the header, found ${wholeNumber(cells.length)}`);
    }
    const op = this.fastOp(cells, this.plan);
    if (op) return this.accept(op, line);
    const issues = this.issues.length;
    this.add(this.csvObject(cells, this.plan), line, (path) => cellPosition(this.recordText(), line, this.columnOf(path)));
    for (const issue of this.issues.slice(issues)) issue.excerpt = recordLine(this.recordText(), issue.line - line);
  }

  /** The columns' meaning, or null after reporting why the header cannot be used. */
  private csvHeader(cells: string[], line: number): CsvPlan | null {
    const before = this.issues.length;
    this.header = cells.map((cell) => cell.trim());
    const separator = [';', '\t'].find((candidate) => this.header.some((name) => name.includes(candidate)));
    if (separator !== undefined) {
      this.cellIssue(line, 0, `line ${line} is separated by ${separator === ';' ? 'semicolons' : 'tabs'}: the separator must be a comma (name,flops,bytes)`);
      return null;
    }
    // With per-level columns present, a bare `bytes` column is the outermost level among them (and when all
    // of them are refused, their issues say so: no need to add that there is no bytes column).
    const perLevel = this.header.some((name) => /^bytes[._]/.test(name));
    const plan: CsvPlan = { name: -1, flops: -1, macs: -1, measured: -1, bytes: [], splits: false };
    const seen = new Map<string, number>();
    this.header.forEach((name, index) => {
      const [, level, kindWord] = /^bytes[._]([^.]+)(?:\.(.*))?$/.exec(name) ?? [];
      // `bytes` and `bytes.dram` (or `bytes_l2` and `bytes.l2`) are one column named twice.
      const meaning = level !== undefined ? `bytes.${level}${kindWord === undefined ? '' : `.${kindWord}`}` : name === 'bytes' && perLevel ? `bytes.${OUTERMOST}` : name;
      const earlier = seen.get(meaning);
      if (earlier !== undefined) {
        return this.cellIssue(line, index, `column ${quote(name)} repeats column ${earlier + 1} (${quote(this.header[earlier]!)}): give each column once`);
      }
      seen.set(meaning, index);
      if (name === 'name' || name === 'flops' || name === 'macs' || name === 'measured') plan[name] = index;
      else if (name === 'launches') return; // how many kernel launches an import summed: for the reader
      else if (level !== undefined) {
        const valid = levelName.safeParse(level);
        const kind = BYTE_KINDS.find((known) => known === kindWord);
        if (!valid.success) this.cellIssue(line, index, `column ${quote(name)}: ${valid.error.issues[0]!.message}`);
        else if (kindWord === undefined || kind) plan.bytes.push([index, level, kind]);
        else {
          const nearest = nearestWord(kindWord, BYTE_KINDS);
          const hint = nearest ? `; did you mean "bytes.${level}.${nearest}"?` : `; the kinds are ${BYTE_KINDS.join(', ')}, and the level's total is the column bytes.${level}`;
          this.cellIssue(line, index, `column ${quote(name)}: unknown kind of bytes ${quote(kindWord)}${hint}`);
        }
      } else if (name === 'bytes') plan.bytes.push([index, perLevel ? OUTERMOST : '', undefined]);
      else {
        const nearest = nearestWord(name, ['name', 'flops', 'macs', 'measured', 'launches', 'bytes', 'bytes.dram', 'bytes.l2', 'bytes.l1', ...BYTE_KINDS.map((kind) => `bytes.dram.${kind}`)]);
        this.cellIssue(line, index, `unknown column ${quote(name)}${nearest ? `; did you mean "${nearest}"?` : ''} (columns: name, flops or macs, bytes or bytes.<level>, bytes.<level>.<kind>, measured, launches)`);
      }
    });
    const missing = [plan.name < 0 && 'name', plan.flops < 0 && plan.macs < 0 && 'flops (or macs)', plan.bytes.length === 0 && !perLevel && 'bytes (or bytes.<level>)'].filter(Boolean);
    if (missing.length > 0) {
      this.cellIssue(line, 0, `the header row has no ${missing.join(', no ')} column: the first line names the columns, at least name, flops (or macs) and bytes`);
    }
    plan.splits = plan.bytes.some(([, , kind]) => kind !== undefined);
    return this.issues.length > before ? null : plan;
  }

  /**
   * The op of a well-formed row, parsed with the same quantity rules as the schema, or null: any row this
   * refuses goes through the schema, which says what is wrong with it. A million rows through zod cost
   * seconds; this costs a fraction of that.
   */
  private fastOp(cells: string[], plan: CsvPlan): Op | null {
    const name = cells[plan.name]!.trim();
    const flopsCell = plan.flops < 0 ? '' : cells[plan.flops]!;
    const macsCell = plan.macs < 0 ? '' : cells[plan.macs]!;
    if (name === '' || name.length > NAME_LENGTH || (flopsCell === '') === (macsCell === '')) return null;
    const count = flopsCell === '' ? cellQuantity(macsCell, 'macs') : cellQuantity(flopsCell, 'flops');
    if (!(count >= 0) || outOfRange(count, flopsCell === '' ? 'macs' : 'flops') !== undefined) return null;
    const bytes = keyedRecord<LevelBytes>();
    // Without kind columns every level is unsplit: its total goes straight into `bytes`, in column order.
    const totals = plan.splits ? keyedRecord<number>() : (bytes as Record<string, number>);
    let given = 0;
    let split = false;
    for (const [index, level, kind] of plan.bytes) {
      const cell = cells[index]!;
      let value = quantityValue(cell, 'bytes');
      if (Number.isNaN(value)) {
        if (cell.trim() === '') continue;
        value = cellQuantity(cell, 'bytes');
      }
      if (!(value >= 0) || outOfRange(value, 'bytes') !== undefined) return null;
      const key = level || OUTERMOST;
      if (kind === undefined) totals[key] = value;
      else {
        ((bytes[key] ??= {}) as KindSplit)[kind] = value;
        split = true;
      }
      given++;
    }
    if (given === 0) return null;
    // A level with kind cells is split (and its total, if given, must agree); one without is unsplit.
    if (plan.splits) {
      for (const [level, total] of Object.entries(totals)) {
        const split = bytes[level];
        if (split === undefined) bytes[level] = total;
        else if (!addsUp(splitTotal(split as KindSplit), total)) return null;
      }
    }
    const measuredCell = plan.measured < 0 ? '' : cells[plan.measured]!;
    const measured = measuredCell.trim() === '' ? undefined : cellQuantity(measuredCell, 'seconds');
    if (measured !== undefined && (!(measured > 0) || outOfRange(measured, 'seconds') !== undefined)) return null;
    const flops = flopsCell === '' ? flopsOfMacs(count) : count;
    // A row that splits no level (the usual table) is its bytes as read, with the shared empty split.
    const op: Op = split ? toOp({ name, flops, bytes }) : { name, flops, bytes: bytes as BytesByLevel, kinds: NO_SPLIT };
    if (measured !== undefined) op.measuredSeconds = measured;
    return op;
  }

  /** A row as the object an inline op would be, for the schema. */
  private csvObject(cells: string[], plan: CsvPlan): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    const cell = (index: number) => (index < 0 ? '' : cells[index]!.trim());
    for (const key of ['name', 'flops', 'macs', 'measured'] as const) if (cell(plan[key]) !== '') record[key] = cell(plan[key]);
    const levels: Record<string, string | Record<string, string>> = {};
    for (const [index, level, kind] of plan.bytes) {
      if (cell(index) === '') continue;
      if (level === '') record.bytes = cell(index);
      else if (kind !== undefined) levels[level] = { ...(typeof levels[level] === 'string' ? { total: levels[level] } : levels[level]), [kind]: cell(index) };
      else if (typeof levels[level] === 'object') levels[level].total = cell(index);
      else levels[level] = cell(index);
    }
    if (Object.keys(levels).length > 0) record.bytes = levels;
    return record;
  }

  /** JSON Lines: one op object per line. */
  jsonLine(text: string, line: number): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.issue(line, 1, `not valid JSON (${jsonProblem(error)})`);
    }
    this.add(value, line, () => ({ line, column: 1 }));
  }

  /** A whole JSON file: an array of op objects, or `{ "ops": [...] }`. */
  json(text: string): void {
    // JSON is YAML 1.2: this keeps positions for errors.
    const yaml = loadYaml(text, this.file, { bytes: JSON_TABLE_MAX, items: MAX_OP_ROWS });
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

  /** A record through the schema: an op, or issues at the record's line (and at the cell's line and column in a CSV). */
  private add(value: unknown, line: number, locate: (path: ReadonlyArray<PropertyKey>) => Position): void {
    if (this.issues.length >= MAX_ISSUES) return;
    const result = opSchema.safeParse(value);
    if (result.success) return this.accept(toOp(result.data), line);
    this.issues.push(...describeAll(result.error.issues, opSchema, value, this.file, undefined, locate));
  }

  /** An op read before from a row of the same text under the same header (CSV) or on its own (JSON Lines), now at `line`. */
  reuse(op: Op, line: number): void {
    this.accept(op, line);
  }

  private accept(op: Op, line: number): void {
    // Thrown, not collected: reading on would be the work the limit bounds.
    if (this.table.ops.length >= MAX_OP_ROWS) throw ConfigError.at(this.file, { line, column: 1 }, [], `more than ${wholeNumber(MAX_OP_ROWS)} op rows: at most ${wholeNumber(MAX_OP_ROWS)} are accepted in one op table`);
    this.table.ops.push(this.columns.add(op));
    this.opLines?.push(line);
    for (const level in op.bytes) if (!this.table.levelRows.has(level)) this.table.levelRows.set(level, line);
  }

  /** The index of the cell a schema issue's path points into (`['bytes', 'dram', 'kv']` -> bytes.dram.kv), 0 when none does. */
  private columnOf(path: ReadonlyArray<PropertyKey>): number {
    if (path[0] === 'bytes' && this.plan) {
      const [level, kind] = [path[1], path[2] === 'total' ? undefined : path[2]];
      const entry = this.plan.bytes.find(([, l, k]) => (level === undefined ? l === '' : l === level) && k === kind);
      if (entry) return entry[0];
    }
    const name = path.length > 1 && path[0] === 'bytes' ? `bytes.${String(path[1])}` : String(path[0] ?? '');
    const index = this.header.findIndex((column) => column === name || column === name.replace('.', '_'));
    return Math.max(0, index);
  }

  /** The current record's text: csv-parse's, or a plain line's (its cells joined by the commas it was split at). */
  private recordText(): string {
    return this.raw ?? this.cells.join(',');
  }

  /** An issue at cell `index` of the current CSV record, with the line it is on as the excerpt. */
  private cellIssue(line: number, index: number, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(cellIssue(this.file, this.recordText(), line, index, message));
  }

  private issue(line: number, column: number, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(issueAt(this.file, { line, column }, [], message));
  }
}

/** A cell's quantity: the common form read directly, any other through parseQuantity; NaN when refused. */
function cellQuantity(cell: string, dimension: Dimension): number {
  const value = quantityValue(cell, dimension);
  if (!Number.isNaN(value)) return value;
  const parsed = parseQuantity(cell, dimension);
  return parsed.ok ? parsed.value : NaN;
}

/**
 * What JSON.parse objected to, without the text it quotes: V8's messages repeat the line they failed on
 * (`Unexpected token 'P', "PATH=/usr/"... is not valid JSON`), which may be any file's content.
 */
function jsonProblem(error: unknown): string {
  const message = String((error as Error).message ?? error);
  const position = /position (\d+)/.exec(message);
  const what = /^(Unexpected (?:token|end of JSON input|non-whitespace character)|Bad control character|Unterminated string|Expected [^,"]*)/.exec(message);
  return `${what ? what[1] : 'not JSON'}${position ? ` at character ${Number(position[1]) + 1}` : ''}`;
}
