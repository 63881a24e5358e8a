// Nsight Compute's `--csv` output to ops: one op per kernel, its launches summed and counted, with FLOPs
// from the SASS instruction counters, bytes at dram, l2 and l1, and the measured time. This follows the
// hierarchical roofline methodology of Yang, Kurth and Williams (NERSC, 2020); see README, "Importing
// profiler output". The shell parses the CSV and hands records here one at a time.
//
// Two page shapes: the details page (`--page details`, the default) has one row per metric of a launch
// (`"ID",...,"Kernel Name",...,"Metric Name","Metric Unit","Metric Value"`); the raw page (`--page raw`)
// has one row per launch, one column per metric, and a row of units under the header.
import { ConfigError, type Place } from '../config/errors.js';
import { cellIssue, cellPlace } from '../config/csv-cell.js';
import { opName, type Imported, type ImportedOp } from './imported.js';
import { isScaled, ncuNumber, ncuUnitExponent } from './ncu-units.js';
import { TENSOR, tensorCounter, tensorNote } from './ncu-tensor.js';
import { wholeNumber } from '../format.js';

/** FLOP per thread instruction of each SASS floating-point counter (`..._op_<name>_pred_on.sum`). */
const FLOP_COUNTERS: Record<string, { precision: 'FP64' | 'FP32' | 'FP16'; flops: number }> = {
  dadd: { precision: 'FP64', flops: 1 },
  dmul: { precision: 'FP64', flops: 1 },
  dfma: { precision: 'FP64', flops: 2 },
  fadd: { precision: 'FP32', flops: 1 },
  fmul: { precision: 'FP32', flops: 1 },
  ffma: { precision: 'FP32', flops: 2 },
  // HADD2, HMUL2 and HFMA2 work on packed half2 pairs: 2 (or 4 for the FMA) FLOP per thread instruction.
  hadd: { precision: 'FP16', flops: 2 },
  hmul: { precision: 'FP16', flops: 2 },
  hfma: { precision: 'FP16', flops: 4 },
};
const PRECISIONS = ['FP64', 'FP32', 'FP16'] as const;
const flopCounter = (op: string) => `sm__sass_thread_inst_executed_op_${op}_pred_on.sum`;

/** Bytes per memory level: the level's name in the config -> the counter. */
const LEVEL_COUNTERS: Record<string, string> = { dram: 'dram__bytes.sum', l2: 'lts__t_bytes.sum', l1: 'l1tex__t_bytes.sum' };
const DURATION = 'gpu__time_duration.sum';
const CYCLES = 'sm__cycles_elapsed.avg';
const CYCLE_RATE = 'sm__cycles_elapsed.avg.per_second';

const WANTED = new Set([...Object.keys(FLOP_COUNTERS).map(flopCounter), ...Object.values(LEVEL_COUNTERS), DURATION, CYCLES, CYCLE_RATE]);

/**
 * The counter a metric name stands for: the SASS and cycle counters are the same figure whether
 * collected per SM (`sm__`) or per SM sub-partition (`smsp__`), so both prefixes map to the `sm__` name.
 */
function counterOf(metric: string): string | undefined {
  const name = metric.trim().replace(/^smsp__/, 'sm__');
  return WANTED.has(name) ? name : undefined;
}

interface Launch {
  id: string;
  kernel: Kernel;
  /** Counter -> value in base units; null for `nan`. */
  values: Map<string, number | null>;
  /** The tensor-core counters (ncu-tensor.ts), read the same way but only for the notes; made on the first. */
  tensor?: Map<string, number | null>;
}

interface Kernel {
  rawName: string;
  /** Its name cell in the row it was first seen in: an op's error after the whole file is read points there. */
  at: Place;
  launches: Launch[];
}

/** A record: its cells, its text as the parser read it (undefined for a plain line) and the line it starts on. */
interface RecordText {
  cells: string[];
  raw: string | undefined;
  line: number;
}

type Page =
  | { shape: 'details'; id: number; kernel: number; metric: number; unit: number; value: number }
  | { shape: 'raw'; id: number; kernel: number; columns: Array<[number, string]>; tensorColumns: Array<[number, string]>; units: RecordText | null };

/** A counter the ops are made of, as `store` is handed it: its metric name and where its value and unit cells are. */
interface Counted {
  metric: string;
  /** The row and the index of the value cell in it. */
  at: RecordText;
  value: number;
  /** The row the unit is in (the raw page's units row) and the index of its cell. */
  unitAt: RecordText;
  unit: number;
}

/** Reads one Nsight Compute CSV, record by record; `finish` gives the kernels as ops. */
export class NcuReader {
  private page: Page | undefined;
  private width = 0;
  private line: number;
  private readonly launches = new Map<string, Launch>();
  private readonly kernels = new Map<string, Kernel>();
  /** Counters seen anywhere in the file (with any value), to tell "not collected" from "missing here". */
  private readonly collected = new Set<string>();
  private readonly tensorCounters = new Set<string>();
  private readonly scaledUnits = new Set<string>();

  /** `firstLine`: the line the first record starts on (after any text before the header). */
  constructor(
    readonly file: string,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** One record: its cells and its text as the parser read it (`raw`; left out, the record is a plain line). */
  record(cells: string[], raw?: string): void {
    const line = this.line;
    this.line += 1;
    for (const cell of cells) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) this.line += 1;
    if (cells.length === 1 && cells[0]!.trim() === '') return;
    if (this.page === undefined) {
      // Anything before the header (the profiler's `==PROF==` lines, the application's output) is skipped.
      if (cells[0]!.trim() === 'ID' && cells.some((cell) => cell.trim() === 'Kernel Name')) this.page = this.header(cells);
      return;
    }
    const at: RecordText = { cells, raw, line };
    if (cells.length !== this.width) {
      // The application may print after the profile too; anything of a different width that is not a
      // launch is not ours to read.
      if (!/^\d+$/.test(cells[0]!.trim())) return;
      const message = `expected ${wholeNumber(this.width)} cells as in the Nsight Compute header, found ${wholeNumber(cells.length)}`;
      throw this.cellError(at, 0, message);
    }
    if (this.page.shape === 'details') this.detailsRow(cells, at, this.page);
    else this.rawRow(cells, at, this.page);
  }

  private header(cells: string[]): Page {
    const names = cells.map((cell) => cell.trim());
    this.width = names.length;
    const id = names.indexOf('ID');
    const kernel = names.indexOf('Kernel Name');
    const metric = names.indexOf('Metric Name');
    if (metric >= 0) return { shape: 'details', id, kernel, metric, unit: names.indexOf('Metric Unit'), value: names.indexOf('Metric Value') };
    const columns: Array<[number, string]> = [];
    const tensorColumns: Array<[number, string]> = [];
    names.forEach((name, index) => {
      if (TENSOR.test(name)) this.tensorCounters.add(name);
      const counter = counterOf(name);
      // With both an sm__ and an smsp__ column for one counter, the first is read.
      if (counter && !columns.some(([, known]) => known === counter)) columns.push([index, counter]);
      const tensor = tensorCounter(name);
      if (tensor && !tensorColumns.some(([, known]) => known === tensor)) tensorColumns.push([index, tensor]);
    });
    return { shape: 'raw', id, kernel, columns, tensorColumns, units: null };
  }

  private detailsRow(cells: string[], at: RecordText, page: Extract<Page, { shape: 'details' }>): void {
    const launch = this.launch(cells[page.id]!.trim(), at, page.kernel);
    const metric = cells[page.metric]!;
    const counter = counterOf(metric);
    const unit = page.unit < 0 ? '' : cells[page.unit]!;
    if (counter === undefined) {
      if (TENSOR.test(metric)) this.tensorCounters.add(metric.trim());
      const tensor = tensorCounter(metric);
      if (tensor) this.store(launch, tensor, cells[page.value]!, unit, null);
      return;
    }
    this.store(launch, counter, cells[page.value]!, unit, { metric: metric.trim(), at, value: page.value, unitAt: at, unit: page.unit });
  }

  private rawRow(cells: string[], at: RecordText, page: Extract<Page, { shape: 'raw' }>): void {
    if (page.units === null && cells[page.id]!.trim() === '') {
      page.units = at; // the units row under the header
      return;
    }
    const launch = this.launch(cells[page.id]!.trim(), at, page.kernel);
    // A unit this cannot read is shown in the units row, where it is; without one, every unit is '' (base).
    const unitsAt = page.units ?? at;
    for (const [index, counter] of page.columns) {
      this.store(launch, counter, cells[index]!, page.units?.cells[index] ?? '', { metric: counter, at, value: index, unitAt: unitsAt, unit: index });
    }
    for (const [index, counter] of page.tensorColumns) this.store(launch, counter, cells[index]!, page.units?.cells[index] ?? '', null);
  }

  /** The launch of a row (`at`, its kernel name in cell `kernelCell`), made on its first row. */
  private launch(id: string, at: RecordText, kernelCell: number): Launch {
    let launch = this.launches.get(id);
    if (launch) return launch;
    const key = at.cells[kernelCell]!.replace(/\s+/g, ' ').trim();
    let kernel = this.kernels.get(key);
    if (!kernel) this.kernels.set(key, (kernel = { rawName: key, at: cellPlace(this.recordText(at), at.line, kernelCell), launches: [] }));
    launch = { id, kernel, values: new Map() };
    kernel.launches.push(launch);
    this.launches.set(id, launch);
    return launch;
  }

  /**
   * One cell of `counter`, in base units, once per launch (the first of its two prefixes); `nan` is null. A
   * counter the ops are made of (`counted`: its metric name and cells) is also noted as collected, and a value
   * or unit this cannot read is an error at its cell; a tensor counter (`counted` null), only ever noted, is
   * then unknown (null).
   */
  private store(launch: Launch, counter: string, cell: string, unit: string, counted: Counted | null): void {
    const values = counted ? launch.values : (launch.tensor ??= new Map());
    if (values.has(counter)) return; // the same counter under its other prefix
    if (counted) this.collected.add(counter);
    const exponent = ncuUnitExponent(unit);
    const value = ncuNumber(cell, exponent ?? 0);
    if (value === null) return void values.set(counter, null);
    if (Number.isNaN(value) || exponent === undefined) {
      if (!counted) return void values.set(counter, null);
      const badValue = Number.isNaN(value);
      const what = badValue ? `value ${JSON.stringify(cell.trim().slice(0, 40))} is not a number` : `unit ${JSON.stringify(unit.trim().slice(0, 40))} is not one this reads (byte, Kbyte, ..., ns or nsecond, us or usecond, ms or msecond, cycle/nsecond)`;
      const [at, index] = badValue ? [counted.at, counted.value] : [counted.unitAt, counted.unit];
      throw this.cellError(at, index, `${counted.metric} of launch ${launch.id}: ${what}`);
    }
    if (isScaled(unit)) this.scaledUnits.add(unit.trim());
    values.set(counter, value);
  }

  /** An error at cell `index` of a record, shown in its line; worked out only then, so that a plain line is joined only then. */
  private cellError(at: RecordText, index: number, message: string): ConfigError {
    return new ConfigError([cellIssue(this.file, this.recordText(at), at.line, index, message)]);
  }

  /** A record's text: as the parser read it, or a plain line's cells joined. */
  private recordText(at: RecordText): string {
    return at.raw ?? at.cells.join(',');
  }

  finish(): Imported {
    if (this.kernels.size === 0) {
      const why = this.page === undefined ? 'no Nsight Compute CSV header ("ID",...,"Kernel Name",...) in the file' : 'the header is there but no launch follows it';
      throw ConfigError.at(this.file, { line: 1, column: 1 }, [], `no kernels: ${why}. Was a kernel profiled? Check the ==PROF== lines of the run and any --kernel-name or --launch-count filter`);
    }
    const notes: string[] = [];
    const precisions = PRECISIONS.filter((precision) => Object.entries(FLOP_COUNTERS).some(([op, counter]) => counter.precision === precision && this.collected.has(flopCounter(op))));
    const uncounted = PRECISIONS.filter((precision) => !precisions.includes(precision));
    if (precisions.length > 0 && uncounted.length > 0) notes.push(`${uncounted.join(' and ')} FLOPs are not counted: the file has none of their counters`);
    const levels = Object.keys(LEVEL_COUNTERS).filter((level) => this.collected.has(LEVEL_COUNTERS[level]!));
    for (const level of Object.keys(LEVEL_COUNTERS)) if (!levels.includes(level)) notes.push(`no ${level} bytes: the file has no ${LEVEL_COUNTERS[level]} counter`);
    const timed = this.collected.has(DURATION) || (this.collected.has(CYCLES) && this.collected.has(CYCLE_RATE));
    if (!timed) notes.push(`no measured times: the file has neither ${DURATION} nor ${CYCLES} with ${CYCLE_RATE}`);
    if (this.tensorCounters.size > 0) {
      notes.push(
        `tensor-core work is not in the FLOPs (${[...this.tensorCounters].slice(0, 3).join(', ')}): NVIDIA calls sm__ops_path_tensor_* counts "math ops" without saying whether one is a FLOP or a multiply-add, and the FLOPs of one tensor instruction differ per variant and architecture; give such kernels' FLOPs from their GEMM shapes (2·M·N·K, README "Importing profiler output")`,
      );
    }
    if (this.scaledUnits.size > 0) notes.push(`values were printed in scaled units (${[...this.scaledUnits].slice(0, 4).join(', ')}), rounded by Nsight Compute: run ncu with --print-units base for exact counts`);

    const ops = [...this.kernels.values()].map((kernel) => this.op(kernel, precisions, levels, timed));
    const launches = ops.reduce((sum, op) => sum + op.launches, 0);
    notes.unshift(`${wholeNumber(ops.length)} kernel${ops.length === 1 ? '' : 's'} from ${wholeNumber(launches)} launch${launches === 1 ? '' : 'es'}; the launches of a kernel are summed`);
    for (const [index, kernel] of [...this.kernels.values()].entries()) {
      const note = tensorNote(ops[index]!.name, kernel.launches);
      if (note !== undefined && notes.length < 40) notes.push(note);
    }
    for (const op of ops) for (const reason of op.missing) if (notes.length < 40) notes.push(`${op.name}: ${reason}`);
    return {
      format: 'ncu',
      ops,
      convention: 'FLOPs from SASS thread instruction counts: FP64 dadd + dmul + 2 dfma, FP32 fadd + fmul + 2 ffma, FP16 2 hadd + 2 hmul + 4 hfma (packed half2), tensor-core work noted per kernel and not counted; bytes from dram__bytes.sum, lts__t_bytes.sum, l1tex__t_bytes.sum',
      notes,
    };
  }

  private op(kernel: Kernel, precisions: readonly string[], levels: string[], timed: boolean): ImportedOp {
    const missing: string[] = [];
    /** The kernel's sum of a counter over its launches, or null (with the reason noted) when a launch lacks it. */
    const total = (counter: string, figure: string): number | null => {
      let sum = 0;
      for (const launch of kernel.launches) {
        const value = launch.values.get(counter);
        if (value === undefined || value === null) {
          missing.push(`${figure} left out: ${counter} is ${value === null ? 'nan' : 'absent'} in launch ${launch.id}`);
          return null;
        }
        sum += value;
      }
      return sum;
    };
    let flops: number | null = precisions.length === 0 ? null : 0;
    if (precisions.length === 0) missing.push('FLOPs left out: the file has no sm__sass_thread_inst_executed_op_*_pred_on.sum counters (collect dadd, dmul, dfma, fadd, fmul, ffma, hadd, hmul, hfma)');
    for (const [op, counter] of Object.entries(FLOP_COUNTERS)) {
      if (flops === null || !precisions.includes(counter.precision)) continue;
      const count = total(flopCounter(op), 'FLOPs');
      flops = count === null ? null : flops + counter.flops * count;
    }
    const bytes: Record<string, number> = {};
    for (const level of levels) {
      const count = total(LEVEL_COUNTERS[level]!, `${level} bytes`);
      if (count !== null) bytes[level] = count;
    }
    let measuredSeconds: number | null = null;
    if (timed) {
      measuredSeconds = 0;
      for (const launch of kernel.launches) {
        const seconds = launchSeconds(launch);
        if (seconds === null) {
          missing.push(`measured time left out: launch ${launch.id} has no ${DURATION} (nor ${CYCLES} and ${CYCLE_RATE})`);
          measuredSeconds = null;
          break;
        }
        measuredSeconds += seconds;
      }
    }
    return { name: opName(kernel.rawName), flops, bytes, measuredSeconds, launches: kernel.launches.length, at: kernel.at, missing };
  }
}

/** A launch's duration: gpu__time_duration, else elapsed cycles over the cycle rate. */
function launchSeconds(launch: Launch): number | null {
  const duration = launch.values.get(DURATION);
  if (duration !== undefined && duration !== null) return duration;
  const cycles = launch.values.get(CYCLES);
  const rate = launch.values.get(CYCLE_RATE);
  return cycles !== undefined && cycles !== null && rate ? cycles / rate : null;
}

/**
 * Where the Nsight Compute header starts in the text, or -1: the text before it (the profiler's lines,
 * the application's output) may hold stray quotes that a CSV parser would choke on, so the shell cuts
 * it off before parsing.
 */
export function ncuHeaderStart(text: string): number {
  const match = /^"ID","[^"\n]*"(?:,"[^"\n]*")*\r?$/m.exec(text);
  return match && match[0].includes('"Kernel Name"') ? match.index : -1;
}
