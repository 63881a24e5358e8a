// DeepSpeed's flops profiler report to ops: the leaf modules of its "Detailed Profile per GPU" tree, each
// with its MACs (doubled to FLOPs, once) and its measured forward latency. The tree is PyTorch's module
// repr with the profile put first in each module's parentheses:
//
//   BertForPreTrainingPreLN(
//     336.23 M, 100.00% Params, 3139.93 GMACs, 100.00% MACs, 76.39 ms, 100.00% latency, 82.21 TFLOPS,
//     (bert): BertModel(
//       ...
//       (word_embeddings): Embedding(31.26 M, 9.30% Params, 0 MACs, 0.00% MACs, 174.75 us, 0.23% latency, 0.0 FLOPS, 30528, 1024)
//
// A leaf sits on one line; a module with children opens a block, its profile on the next line. PyTorch
// prints runs of identical modules once, as `(0-23): 24 x BertLayer(`: counted 24 times here.
import { ConfigError } from '../config/errors.js';
import { lineIssue, linePlace } from '../config/csv-cell.js';
import { humanCount, humanSeconds } from './human.js';
import { opName, type Imported, type ImportedOp } from './imported.js';
import type { LineImporter } from './line-importers.js';
import { flopsOfMacs } from '../units.js';
import { wholeNumber } from '../format.js';

const OPEN = /^(\s*)(?:\(([^)]+)\): )?(?:(\d+) x )?[\w.]+\($/;
const LEAF = /^(\s*)\(([^)]+)\): (?:(\d+) x )?[\w.]+\((.*)\)$/;
const MACS = /(?:^|, )(\d+(?:\.\d+)?\s*[KMGTP]?MACs), /;
const LATENCY = /(?:^|, )(\d+(?:\.\d+)?\s*(?:s|ms|us|ns)), \d+(?:\.\d+)?% latency/;
/** An item of a profile that names MACs but is not a share of them (`1.52% MACs`): a MAC count MACS cannot read. */
const MACS_ITEM = /(?:^|, )([^,%]*MACs)(?=,|$)/;

interface Block {
  name: string;
  count: number;
}

export class DeepSpeedReader implements LineImporter {
  private inTree = false;
  private readonly stack: Block[] = [];
  private readonly ops: ImportedOp[] = [];
  private modules = 0;

  constructor(readonly file: string) {}

  line(raw: string, number: number): void {
    const text = raw.replace(/\r$/, '');
    if (!this.inTree) {
      // The tree starts with the top module's line, after the "Detailed Profile per GPU" heading.
      if (/Detailed Profile per GPU/.test(text)) this.inTree = true;
      return;
    }
    if (/^-{10,}/.test(text.trim()) && this.modules > 0) return void (this.inTree = false);
    if (/^\s*\)$/.test(text)) return void this.stack.pop();
    const leaf = LEAF.exec(text);
    if (leaf && this.stack.length > 0) {
      this.modules++;
      const count = Number(leaf[3] ?? 1) * this.repeats();
      return this.leaf([...this.stack.slice(1).map((block) => block.name), leaf[2]!].join('.'), text, leaf[1]!.length, leaf[4]!, count, number);
    }
    const open = OPEN.exec(text);
    if (open && (this.stack.length > 0 || open[1] === '')) {
      this.modules++;
      this.stack.push({ name: open[2] ?? '', count: Number(open[3] ?? 1) });
    }
  }

  /** How many times the current block runs: the product of the `N x` of the blocks it sits in. */
  private repeats(): number {
    return this.stack.reduce((product, block) => product * block.count, 1);
  }

  /**
   * A leaf module's op, from its line (`text`: `indent` characters, then `(name): Module(profile)`). An error
   * points at the MAC count it cannot read, or at the profile's start when it has none.
   */
  private leaf(name: string, text: string, indent: number, profile: string, count: number, line: number): void {
    const macs = MACS.exec(profile);
    const latency = LATENCY.exec(profile);
    const macCount = macs ? humanCount(macs[1]!) : null;
    if (macCount === null) {
      const item = MACS_ITEM.exec(profile);
      // The profile ends the line, before its closing parenthesis.
      const column = text.length - profile.length + (item ? item.index + item[0].indexOf(item[1]!) : 0);
      throw new ConfigError([lineIssue(this.file, text, line, column, `DeepSpeed report: module ${name} has no MAC count such as "3139.93 GMACs" in its profile`)]);
    }
    const seconds = latency ? humanSeconds(latency[1]!) : null;
    const missing = seconds === null ? ['measured time left out: no latency in its profile'] : [];
    // Its place: the name in its parentheses, `(attention)`.
    const at = linePlace(text, line, indent + 2);
    this.ops.push({ name: opName(name), flops: flopsOfMacs(macCount * count), bytes: {}, measuredSeconds: seconds === null ? null : seconds * count, launches: count, at, missing });
  }

  finish(): Imported {
    if (this.ops.length === 0) {
      throw ConfigError.at(this.file, { line: 1, column: 1 }, [], 'no modules: expected a DeepSpeed flops profiler report with its "Detailed Profile per GPU" tree (print_profile with detailed=True)');
    }
    return {
      format: 'deepspeed',
      ops: this.ops,
      convention: 'DeepSpeed counts multiply-accumulates per module: FLOPs = 2 x MACs; measured times are its forward latencies',
      notes: [`${wholeNumber(this.ops.length)} leaf modules; work a parent does outside its children is in no leaf`],
      noBytes: 'DeepSpeed\'s report gives no bytes: the ops need bytes from elsewhere (a bytes column, e.g. from Nsight Compute or the FlopCounterMode snippet in README) before the model can be placed',
    };
  }
}
