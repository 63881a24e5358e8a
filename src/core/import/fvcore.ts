// fvcore's `flop_count_table` (a Markdown table) to ops: its leaf modules, by the hierarchy that the
// module cell's leading spaces give. fvcore counts one fused multiply-add as one "flop", so its counts are
// MACs, doubled here, once. Rows of parameter shapes (`(64, 3, 7, 7)`) have no count and are skipped.
//
//   | module            | #parameters or shape   | #flops     |
//   |:------------------|:-----------------------|:-----------|
//   | model             | 11.69M                 | 1.827G     |
//   |  conv1            |  9.408K                |  0.118G    |
//   |   conv1.weight    |   (64, 3, 7, 7)        |            |
import { ConfigError, type Place } from '../config/errors.js';
import { lineIssue, linePlace } from '../config/csv-cell.js';
import { humanCount } from './human.js';
import { opName, type Imported, type ImportedOp } from './imported.js';
import type { LineImporter } from './line-importers.js';
import { flopsOfMacs } from '../units.js';
import { si, wholeNumber } from '../format.js';

interface Row {
  name: string;
  depth: number;
  macs: number;
  /** The module's name in its row. */
  at: Place;
}

export class FvcoreReader implements LineImporter {
  private flopsColumn = -1;
  private readonly rows: Row[] = [];

  constructor(readonly file: string) {}

  line(text: string, number: number): void {
    const trimmed = text.trim();
    if (!trimmed.startsWith('|')) return;
    const cells = trimmed.replace(/\r$/, '').split('|').slice(1, -1);
    if (this.flopsColumn < 0) {
      if (/^\s*module\s*$/i.test(cells[0] ?? '')) this.flopsColumn = cells.findIndex((cell) => /#flops/i.test(cell));
      return;
    }
    if (/^[\s:-]+$/.test(cells.join(''))) return; // the |:---| row under the header
    const module = cells[0] ?? '';
    const count = (cells[this.flopsColumn] ?? '').trim();
    if (count === '') return; // a parameter's shape, or a module fvcore saw no work in
    const macs = humanCount(count);
    if (macs === null) {
      const message = `fvcore table: ${JSON.stringify(count.slice(0, 40))} is not a count such as 0.958T`;
      throw new ConfigError([lineIssue(this.file, text, number, cellColumn(text, cells, this.flopsColumn), message)]);
    }
    // One space pads every cell; each level of the hierarchy adds one more.
    const depth = module.length - module.trimStart().length - 1;
    this.rows.push({ name: module.trim(), depth, macs, at: linePlace(text, number, cellColumn(text, cells, 0)) });
  }

  finish(): Imported {
    if (this.rows.length === 0) {
      throw ConfigError.at(this.file, { line: 1, column: 1 }, [], 'no modules: expected fvcore\'s flop_count_table, a Markdown table whose header row is | module | #parameters or shape | #flops |');
    }
    const leaves = this.rows.filter((row, index) => (this.rows[index + 1]?.depth ?? -1) <= row.depth);
    const ops: ImportedOp[] = leaves.map((row) => ({ name: opName(row.name), flops: flopsOfMacs(row.macs), bytes: {}, measuredSeconds: null, launches: 1, at: row.at, missing: [] }));
    const notes = [`${wholeNumber(ops.length)} leaf modules of ${wholeNumber(this.rows.length)} with counts`];
    const root = this.rows[0]!;
    const sum = leaves.reduce((total, row) => total + row.macs, 0);
    // Counts are printed to 4 digits, and work a parent does itself (outside its children) is in no leaf.
    if (root.depth <= 0 && Math.abs(sum - root.macs) > 0.01 * root.macs) {
      notes.push(`the leaves add up to ${si(sum, 'MAC', 4)}, the whole model to ${si(root.macs, 'MAC', 4)}: the rest is work done in parent modules themselves, not in any leaf`);
    }
    return {
      format: 'fvcore',
      ops,
      convention: 'fvcore counts multiply-accumulates (its "flops" are MACs): FLOPs = 2 x MACs',
      notes,
      noBytes: 'fvcore\'s table gives no bytes: the ops need bytes from elsewhere (a bytes column, e.g. from Nsight Compute or the FlopCounterMode snippet in README) before the model can be placed',
    };
  }
}

/**
 * The column (1-based) where the text of cell `index` of a table row starts: `text` the line as read,
 * `cells` what lies between its bars.
 *
 *   cellColumn('| a  |  0.1G |', [' a  ', '  0.1G '], 1) //=> 9  (the 0 of 0.1G)
 */
function cellColumn(text: string, cells: readonly string[], index: number): number {
  let at = text.length - text.trimStart().length + 1; // past the row's first bar
  for (const cell of cells.slice(0, index)) at += cell.length + 1;
  const cell = cells[index] ?? '';
  return at + cell.length - cell.trimStart().length + 1;
}
