// torchstat's report (`torchstat.stat(model, input_size)`) to ops: one op per row of its table, which lists
// the model's leaf modules. The table is a pandas DataFrame printed as text: every column right-aligned, so
// a cell is the word that ends where its header ends (shapes such as `3 224 224` hold spaces, and so do
// the headers `module name` and `input shape`). Warnings for modules torchstat cannot count come before it,
// a `total` row and a summary after it.
//
//            module name  input shape  output shape    params ...           MAdd          Flops  MemRead(B)  MemWrite(B) ...
//   0              conv1    3 224 224    64 112 112    9408.0 ...  235,225,088.0  118,013,952.0    639744.0    3211264.0 ...
//
// torchstat's `Flops` are multiply-accumulates (a convolution's k x k x C_in products per output, each with
// its add): FLOPs = 2 x Flops, as for fvcore. Its `MAdd` (multiplies and adds counted apart, one add fewer
// per output) is not read: taking 2 x Flops keeps every MAC counter on one convention. Bytes are MemRead +
// MemWrite (parameters and inputs read, outputs written), at dram. `duration[%]` is a share of the run, not
// a time: no measured times.
import { ConfigError } from '../config/errors.js';
import { lineIssue, linePlace } from '../config/csv-cell.js';
import { humanCount } from './human.js';
import { opName, type Imported, type ImportedOp } from './imported.js';
import type { LineImporter } from './line-importers.js';
import { flopsOfMacs } from '../units.js';
import { wholeNumber } from '../format.js';

/** The header cells read, by what they give. */
const COLUMNS = { name: 'module name', macs: 'Flops', read: 'MemRead(B)', write: 'MemWrite(B)' } as const;
type Column = keyof typeof COLUMNS;

export class TorchstatReader implements LineImporter {
  /** Where each read column's cells end (exclusive), from the header; null before the header. */
  private ends: Record<Column, number> | null = null;
  private readonly ops: ImportedOp[] = [];
  private done = false;

  constructor(readonly file: string) {}

  line(raw: string, number: number): void {
    const text = raw.replace(/\r$/, '');
    if (this.done) return;
    if (!this.ends) {
      this.ends = headerEnds(text);
      return;
    }
    const index = /^\S+/.exec(text)?.[0];
    if (index === 'total') return void (this.done = true); // torchstat's own totals, and the summary after
    if (index === undefined || !/^\d+$/.test(index)) return;
    const cell = (column: Column) => cellEndingAt(text, this.ends![column]);
    const cells = { name: cell('name'), macs: cell('macs'), read: cell('read'), write: cell('write') };
    const name = cells.name.word;
    const [macs, read, write] = [count(cells.macs.word), count(cells.read.word), count(cells.write.word)];
    if (name === null || macs === null || read === null || write === null) {
      const column: Column = name === null ? 'name' : macs === null ? 'macs' : read === null ? 'read' : 'write';
      const { word, start } = cells[column];
      const message = word === null
        ? `row ${index} has no ${COLUMNS[column]} under its header (expected the table as torchstat prints it, columns right-aligned)`
        : `row ${index}: ${JSON.stringify(word.slice(0, 40))} under ${COLUMNS[column]} is not a count such as 118,013,952.0 or 3.21MB`;
      throw new ConfigError([lineIssue(this.file, text, number, start + 1, `torchstat table: ${message}`)]);
    }
    this.ops.push({ name: opName(name), flops: flopsOfMacs(macs), bytes: { dram: read + write }, measuredSeconds: null, launches: 1, at: linePlace(text, number, cells.name.start + 1), missing: [] });
  }

  finish(): Imported {
    if (this.ops.length === 0) {
      throw ConfigError.at(this.file, { line: 1, column: 1 }, [], 'no modules: expected torchstat\'s table, whose header reads module name, input shape, output shape, params, memory(MB), MAdd, Flops, MemRead(B), MemWrite(B)');
    }
    return {
      format: 'torchstat',
      ops: this.ops,
      convention: 'torchstat\'s Flops column counts multiply-accumulates: FLOPs = 2 x Flops (its MAdd column is not read); bytes = MemRead + MemWrite, at dram',
      notes: [`${wholeNumber(this.ops.length)} leaf modules; duration[%] is a share of the run, not a time, so no measured times`],
    };
  }
}

/** Where each read column ends in the header line, or null when the line is not torchstat's header. */
function headerEnds(line: string): Record<Column, number> | null {
  const ends: Partial<Record<Column, number>> = {};
  for (const [column, header] of Object.entries(COLUMNS) as Array<[Column, string]>) {
    // A whole cell: `Flops` is not the end of `MemR+W(B)`, nor `MAdd` part of it.
    const match = new RegExp(`(?:^|\\s)(${header.replace(/[()[\]+]/g, '\\$&')})(?=\\s|$)`).exec(line);
    if (!match) return null;
    ends[column] = match.index + match[0].length;
  }
  return ends as Record<Column, number>;
}

/**
 * The word of `line` that ends at `end` and where it starts (0-based); word null when none ends there (a
 * misaligned or empty cell), start then where the cell was looked for: the start of the word across `end`,
 * the last character before `end`, or the line's end when the line is shorter.
 *
 *   cellEndingAt('  ab  cd', 4) //=> { word: 'ab', start: 2 }
 *   cellEndingAt('  ab  cd', 7) //=> { word: null, start: 6 }  (cd runs on past 7)
 */
function cellEndingAt(line: string, end: number): { word: string | null; start: number } {
  if (end > line.length) return { word: null, start: line.length };
  const before = line.slice(0, end);
  const start = before.search(/\S*$/);
  if (/\S/.test(line[end] ?? ' ')) return { word: null, start };
  return start === end ? { word: null, start: Math.max(0, end - 1) } : { word: before.slice(start), start };
}

/** `235,225,088.0`, `3211264.0`, `1.43GMAdd`, `3.21MB` as a number; null when the cell is none of these. */
function count(cell: string | null): number | null {
  if (cell === null) return null;
  return humanCount(cell.replace(/,/g, '').replace(/(?<=\d[KMGTP]?)B$/, ''));
}
