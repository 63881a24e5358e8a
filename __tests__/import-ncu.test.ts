// Nsight Compute --csv output, both page shapes, with the quirks of real files. The fixtures were written
// for this project from the format Nsight Compute documents; every expected figure is derived by hand.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importedCsv, type Imported } from '../src/core/import/imported.js';
import { isScaled, ncuNumber, ncuUnitExponent } from '../src/core/import/ncu-units.js';
import { NAME_LENGTH } from '../src/core/limits.js';
import { readImport, readOpTable } from '../src/shell/op-table-files.js';
import { plainOp } from '../src/core/config/op-columns.js';
import { asyncRefusal } from './__fixtures__/config-error.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The text in chunks of `size` characters, as a stream would hand it over (splitting quoted fields). */
async function* chunked(text: string, size = 97): AsyncIterable<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function imported(text: string, file = 'profile.csv'): Promise<Imported> {
  const read = await readImport(chunked(text), file);
  if (!('imported' in read)) throw new Error('read as an op table');
  return read.imported;
}

const rejection = async (text: string, file = 'profile.csv'): Promise<string> =>
  (await asyncRefusal(() => readOpTable(chunked(text), file))).issues.map((issue) => `${issue.line}: ${issue.message}`).join('\n');

const GEMM = 'void gemm_tn<float, 128, 64>(const float*, const float*, float*, int, int, int)';
const ADD = 'void at::native::vectorized_elementwise_kernel<4, at::native::CUDAFunctor_add<float>, std::array<char*, 3> >(int, at::native::CUDAFunctor_add<float>, std::array<char*, 3>)';

describe('ncu details page', () => {
  it('sums the launches of a kernel and counts them, after the text before the header', async () => {
    const result = await imported(fixture('ncu-details.csv'));
    expect(result.format).toBe('ncu');
    expect(result.ops.map((op) => [op.name, op.launches])).toEqual([[GEMM, 2], [ADD, 1]]);
    const [gemm, add] = result.ops;
    // gemm, launch 0: fadd 1,000,000 + fmul 2,000,000 + 2 x ffma 565,820,784,000 + 4 x hfma 10
    //   = 3,000,000 + 1,131,641,568,000 + 40 = 1,131,644,568,040
    // launch 2 (smsp__ counters): 2 x ffma 1,000 + 2 x dfma 5 + 2 x hadd 3 = 2,000 + 10 + 6 = 2,016
    expect(gemm!.flops).toBe(1_131_644_570_056);
    // dram 1.50 Mbyte + 500 Kbyte = 2,000,000; l2 2.25 Gbyte + 1 Mbyte; l1 4 Gbyte + 2 Mbyte
    expect(gemm!.bytes).toEqual({ dram: 2_000_000, l2: 2_251_000_000, l1: 4_002_000_000 });
    // 1.25 msecond + 250 usecond
    expect(gemm!.measuredSeconds).toBeCloseTo(1.5e-3, 15);
    // The newline inside the kernel name is one space; l1tex is nan, so l1 is left out and said so.
    expect(add!.flops).toBe(4_194_304);
    expect(add!.bytes).toEqual({ dram: 50_331_648, l2: 50_331_648 });
    expect(add!.missing).toEqual(['l1 bytes left out: l1tex__t_bytes.sum is nan in launch 1']);
    // No gpu__time_duration: 14,100 cycles at 1.41 cycle/nsecond = 10 us.
    expect(add!.measuredSeconds).toBeCloseTo(1e-5, 15);
    expect(result.notes).toEqual(expect.arrayContaining([
      '2 kernels from 3 launches; the launches of a kernel are summed',
      expect.stringMatching(/^tensor-core work is not in the FLOPs \(sm__inst_executed_pipe_tensor\.sum\): /),
      expect.stringMatching(/^values were printed in scaled units \(Mbyte, msecond, Gbyte, Kbyte\)/),
    ]));
  });

  it('prints the op table as CSV in the op-table columns', async () => {
    const csv = importedCsv((await imported(fixture('ncu-details.csv'))).ops);
    expect(csv.split('\n')[0]).toBe('name,flops,bytes.dram,bytes.l2,bytes.l1,measured,launches');
    expect(csv.split('\n')[1]).toBe(`"${GEMM}",1131644570056,2000000,2251000000,4002000000,0.0015 s,2`);
    expect(csv.split('\n')[2]).toBe(`"${ADD}",4194304,50331648,50331648,,0.00001 s,1`);
  });

  it('becomes a model\'s ops with bytes at dram, l2 and l1 and measured times', async () => {
    const table = await readOpTable(chunked(fixture('ncu-details.csv')), 'profile.csv', 'ncu');
    expect(plainOp(table.ops[0]!)).toEqual({ name: GEMM, flops: 1_131_644_570_056, bytes: { dram: 2_000_000, l2: 2_251_000_000, l1: 4_002_000_000 }, kinds: {}, measuredSeconds: 1.5e-3 });
    // The header is on line 7; gemm's first row on line 8, the elementwise kernel's (after 15 rows) on 23.
    expect(table.levelRows).toEqual(new Map([['dram', 8], ['l2', 8], ['l1', 8]]));
  });

  it('shortens kernel names of kilobytes, keeping two that differ only at the end apart', async () => {
    const long = (end: string) => `void cutlass::Kernel<${'cutlass::gemm::GemmShape<128, 128, 32>, '.repeat(120)}${end}>(Params)`;
    const header = '"ID","Process ID","Process Name","Host Name","Kernel Name","Context","Stream","Section Name","Metric Name","Metric Unit","Metric Value"\n';
    const metric = (id: number, name: string, counter: string, value: string) => `"${id}","1","app","host","${name}","1","7","Command line profiler metrics","${counter}","inst","${value}"\n`;
    const row = (id: number, name: string) => metric(id, name, 'sm__sass_thread_inst_executed_op_fadd_pred_on.sum', '0')
      + metric(id, name, 'sm__sass_thread_inst_executed_op_fmul_pred_on.sum', '0')
      + metric(id, name, 'sm__sass_thread_inst_executed_op_ffma_pred_on.sum', '3')
      + metric(id, name, 'dram__bytes.sum', '64').replace('"inst"', '"byte"');
    const result = await imported(header + row(0, long('A')) + row(1, long('B')) + row(2, long('A')));
    expect(long('A').length).toBeGreaterThan(4000);
    expect(result.ops).toHaveLength(2);
    const [a, b] = result.ops;
    expect(a!.name.length).toBeLessThanOrEqual(NAME_LENGTH);
    expect(a!.name).toMatch(/^void cutlass::Kernel<cutlass::gemm::GemmShape<128, 128, 32>, .*… #[0-9a-f]{8}$/);
    expect(a!.name).not.toBe(b!.name);
    // 2 launches x 2 x 3 ffma = 12 FLOP; 2 x 64 bytes
    expect([a!.flops, a!.bytes, a!.launches]).toEqual([12, { dram: 128 }, 2]);
  });

  it('says which counter a kernel lacks and leaves its FLOPs out rather than guessing', async () => {
    const header = '"ID","Process ID","Process Name","Host Name","Kernel Name","Section Name","Metric Name","Metric Unit","Metric Value"\n';
    const metric = (id: number, name: string, value: string) => `"${id}","1","app","host","k","S","${name}","inst","${value}"\n`;
    const text = header
      + metric(0, 'sm__sass_thread_inst_executed_op_fadd_pred_on.sum', '5') + metric(0, 'sm__sass_thread_inst_executed_op_fmul_pred_on.sum', '5') + metric(0, 'sm__sass_thread_inst_executed_op_ffma_pred_on.sum', '5')
      + metric(1, 'sm__sass_thread_inst_executed_op_fadd_pred_on.sum', 'nan') + metric(1, 'sm__sass_thread_inst_executed_op_fmul_pred_on.sum', '5') + metric(1, 'sm__sass_thread_inst_executed_op_ffma_pred_on.sum', '5');
    const result = await imported(text);
    expect(result.ops[0]!.flops).toBeNull();
    expect(result.ops[0]!.missing).toContain('FLOPs left out: sm__sass_thread_inst_executed_op_fadd_pred_on.sum is nan in launch 1');
    expect(result.notes).toContain('FP64 and FP16 FLOPs are not counted: the file has none of their counters');
    expect(await rejection(text)).toContain('2: k: no FLOP count (FLOPs left out: sm__sass_thread_inst_executed_op_fadd_pred_on.sum is nan in launch 1');
  });

  it('refuses a file with no kernels, and a unit it cannot read', async () => {
    expect(await rejection('==PROF== Connected to process 1 (/bin/app)\nhello\n==PROF== Disconnected from process 1\n')).toMatch(/^1: no kernels: no Nsight Compute CSV header/);
    const header = '"ID","Process ID","Process Name","Host Name","Kernel Name","Section Name","Metric Name","Metric Unit","Metric Value"\n';
    expect(await rejection(`==PROF== x\n${header}`)).toMatch(/^1: no kernels: the header is there but no launch follows it/);
    expect(await rejection(`${header}"0","1","a","h","k","S","dram__bytes.sum","Ebyte","3"\n`)).toMatch(/^2: dram__bytes.sum of launch 0: unit "Ebyte" is not one this reads/);
  });
});

describe('ncu errors point at the cell, with the line shown', () => {
  const issueOf = async (text: string) => (await asyncRefusal(() => readOpTable(chunked(text), 'profile.csv'))).issues[0]!;
  const HEADER = '"ID","Process ID","Process Name","Host Name","Kernel Name","Section Name","Metric Name","Metric Unit","Metric Value"';

  it('a value it cannot read (details page): at the value cell, after a quoted kernel name holding commas', async () => {
    const row = '"0","1","app","host","void gemm<float, 128>(float*, int)","S","sm__sass_thread_inst_executed_op_fadd_pred_on.sum","inst","lots"';
    // Line 1 is the profiler's, 2 the header, 3 the row. Columns, each cell with its quotes and comma:
    // "0", 1-4 | "1", 5-8 | "app", 9-14 | "host", 15-21 | the 34-character kernel name, quoted, 22-58 (its two
    // commas inside the quotes) | "S", 59-62 | the 49-character metric, quoted, 63-114 | "inst", 115-121 | "lots" from 122.
    expect(await issueOf(`==PROF== Connected to process 1 (/bin/app)\n${HEADER}\n${row}\n`)).toEqual({
      file: 'profile.csv', line: 3, column: 122, path: '', excerpt: row,
      message: 'sm__sass_thread_inst_executed_op_fadd_pred_on.sum of launch 0: value "lots" is not a number',
    });
  });

  it('a unit it does not know (details page): at the unit cell', async () => {
    const row = '"0","1","a","h","k","S","dram__bytes.sum","Ebyte","3"';
    // Six 1-character cells, quoted with a comma: 1-24; "dram__bytes.sum", 25-42; "Ebyte" from 43.
    expect(await issueOf(`${HEADER}\n${row}\n`)).toMatchObject({ line: 2, column: 43, excerpt: row });
  });

  it('shows a cell far along the line from a little before it, the caret under it', async () => {
    const row = '"0","1","app","host","void gemm<float, 128>(float*, int)","S","sm__sass_thread_inst_executed_op_fadd_pred_on.sum","inst","lots"';
    const error = await asyncRefusal(() => readOpTable(chunked(`${HEADER}\n${row}\n`), 'profile.csv'));
    // Column 122 is past the 100 characters a frame shows: the line from 40 characters before it (index 81 on,
    // after the ellipsis), so the caret is at 1 + 40 + 1 = 42.
    expect(error.message.split('\n')).toEqual([
      'profile.csv:2:122: sm__sass_thread_inst_executed_op_fadd_pred_on.sum of launch 0: value "lots" is not a number',
      `     2 | …${row.slice(81)}`,
      `       | ${' '.repeat(41)}^`,
    ]);
    // The 40 characters before the caret, and the opening quote under it.
    expect([row.slice(81, 121), row[121]]).toEqual(['st_executed_op_fadd_pred_on.sum","inst",', '"']);
  });

  it('on the raw page: a unit at its cell of the units row, a value after quoted cells holding commas', async () => {
    /** The fixture (CRLF lines) with one cell changed: the issue, and line `line` of the text. */
    const changed = async (from: string, to: string, line: number) => {
      const text = fixture('ncu-raw.csv').replace(from, to);
      return [await issueOf(text), text.split('\r\n')[line - 1]] as const;
    };
    const [unit, unitsRow] = await changed('"Mbyte","usecond"', '"Mbyte","usec"', 4);
    // Lines 1 and 2 are the profiler's, 3 the header, 4 the units: eleven empty cells ("", each) 1-33,
    // "Mbyte", 34-41, then gpu__time_duration.sum's unit from 42.
    expect(unit).toEqual({
      file: 'profile.csv', line: 4, column: 42, path: '', excerpt: unitsRow,
      message: 'gpu__time_duration.sum of launch 0: unit "usec" is not one this reads (byte, Kbyte, ..., ns or nsecond, us or usecond, ms or msecond, cycle/nsecond)',
    });
    const [value, row] = await changed('"1,048,576"', '"1,048,57x"', 5);
    // Line 5, launch 0: "0", 1-4 | "4242", 5-11 | "python3", 12-21 | "gpu-node-07", 22-35 | the 59-character
    // kernel name, quoted, 36-97 | "1", 98-101 | "7", 102-105 | "(256, 1, 1)", 106-119 | "(1024, 1, 1)", 120-134 |
    // "0", 135-138 | "8.0", 139-144 | "8", 145-148 | "100", 149-154 | "32", 155-159 | "16", 160-164 | "0", 165-168 |
    // hfma's "1,048,57x" from 169.
    expect([value.line, value.column, value.excerpt, value.message]).toEqual([5, 169, row, 'sm__sass_thread_inst_executed_op_hfma_pred_on.sum of launch 0: value "1,048,57x" is not a number']);
  });

  it('an op refused once the file is read (no bytes, no FLOPs): at its kernel name in its first row, the line kept cut', async () => {
    const lines = fixture('ncu-raw.csv').split('\r\n');
    // Launch 2 (line 7, the gemm first seen on line 5): nan at every level, dram, l1tex and lts (cells 12, 14
    // and 15). Launch 1 (line 6, softmax): hmul (the last cell) nan, so its FLOPs are unknown.
    lines[6] = lines[6]!.replace('"8","100","32","16"', '"nan","100","nan","nan"');
    lines[5] = lines[5]!.replace('"1,000","0","500"', '"1,000","0","nan"');
    const error = await asyncRefusal(() => readOpTable(chunked(lines.join('\r\n')), 'profile.csv'));
    // Lines 5 and 6: "0" (or "1"), 1-4 | "4242", 5-11 | "python3", 12-21 | "gpu-node-07", 22-35 | the kernel
    // name, quoted, from 36. Both lines are longer than the 108 characters kept for an op (100 shown, 8 more;
    // the name lies within the first 40, so the line is shown from its start).
    expect(lines[4]!.length).toBeGreaterThan(108);
    expect(error.issues).toEqual([
      {
        file: 'profile.csv', line: 5, column: 36, path: '', excerpt: lines[4]!.slice(0, 108),
        message: 'ampere_fp16_s16816gemm_fp16_128x128_ldg8_f2f_stages_32x5_nn: no byte count at any level (the source lacks its memory counters)',
      },
      {
        file: 'profile.csv', line: 6, column: 36, path: '', excerpt: lines[5]!.slice(0, 108),
        message: expect.stringMatching(/^softmax_warp_forward<c10::Half, c10::Half, float, 10, false>: no FLOP count \(FLOPs left out: sm__sass_thread_inst_executed_op_hmul_pred_on\.sum is nan in launch 1;/),
      },
    ]);
    // Shown as the whole line would be: its first 100 characters and an ellipsis, the caret under the quote.
    expect(error.message.split('\n').slice(1, 3)).toEqual([`     5 | ${lines[4]!.slice(0, 100)}…`, `       | ${' '.repeat(35)}^`]);
  });

  it('a row of the wrong width: the row as a whole, at column 1, shown', async () => {
    const row = '"0","1","a","h","k","S","dram__bytes.sum","byte"';
    expect(await issueOf(`${HEADER}\n${row}\n`)).toEqual({
      file: 'profile.csv', line: 2, column: 1, path: '', excerpt: row,
      message: 'expected 9 cells as in the Nsight Compute header, found 8',
    });
  });
});

describe('ncu raw page', () => {
  it('reads one row per launch with the units row under the header (CRLF lines)', async () => {
    const result = await imported(fixture('ncu-raw.csv'));
    const [gemm, softmax] = result.ops;
    // 2 launches x 4 x hfma 1,048,576 = 8,388,608
    expect(gemm).toMatchObject({ flops: 8_388_608, bytes: { dram: 16e6, l2: 32e6, l1: 64e6 }, launches: 2 });
    expect(gemm!.measuredSeconds).toBeCloseTo(200e-6, 15);
    // 2 x hadd 1,000 + 2 x hmul 500 = 3,000; its duration is nan: left out and said so
    expect(softmax).toMatchObject({ name: 'softmax_warp_forward<c10::Half, c10::Half, float, 10, false>', flops: 3000, bytes: { dram: 2e6, l2: 2e6, l1: 4e6 }, measuredSeconds: null });
    expect(softmax!.missing).toEqual(['measured time left out: launch 1 has no gpu__time_duration.sum (nor sm__cycles_elapsed.avg and sm__cycles_elapsed.avg.per_second)']);
    expect(result.notes).toContain('FP64 and FP32 FLOPs are not counted: the file has none of their counters');
  });
});

describe('ncu tensor-core counters', () => {
  const FP16_GEMM = 'ampere_fp16_s16816gemm_fp16_256x128_ldg8_f2f_stages_64x3_tn';
  const TF32_GEMM = 'void cutlass::Kernel<cutlass_80_tensorop_s1688gemm_tf32_128x128_16x4_nn_align4>(Params)';
  const BF16_GEMM = 'ampere_bf16_s16816gemm_bf16_128x128_ldg8_f2f_stages_32x5_tn';

  it('notes each GEMM\'s tensor-path math ops, counting no op twice, and keeps them out of its FLOPs (details page)', async () => {
    const result = await imported(fixture('ncu-tensor-details.csv'));
    const [fp16, tf32, gelu] = result.ops;
    // fp16 GEMM, M = N = K = 1024: its tensor counter reads 2·M·N·K = 2·1024³ = 2,147,483,648, the
    // _sparsity_off half the same and _sparsity_on 0: the whole counter is taken, not whole + halves.
    // Its FLOPs are the CUDA-core epilogue alone: 2 x ffma 1,048,576 = 2,097,152.
    expect(fp16).toMatchObject({ name: FP16_GEMM, flops: 2_097_152, launches: 1 });
    // Scaled units shift the printed decimals: 8.39 Mbyte = 8,390,000; 16.38 Mbyte = 16,380,000 (a float
    // multiply gives 16,379,999.999...); 1.10 Gbyte = 1,100,000,000.
    expect(fp16!.bytes).toEqual({ dram: 8_390_000, l2: 16_380_000, l1: 1_100_000_000 });
    // "us" is how recent ncu prints microseconds: 215.50 us.
    expect(fp16!.measuredSeconds).toBe(0.0002155);
    // tf32 GEMM, collected per instruction kind (op_hmma) and by sparsity only: launch 1 is M=512, N=256,
    // K=128 dense, 2·512·256·128 = 33,554,432 (sparsity_off); launch 3 is M=N=256, K=128 with a 2:4 sparse
    // A, 2·256·256·128 = 16,777,216 (sparsity_on): 33,554,432 + 0 + 0 + 16,777,216 = 50,331,648.
    // FLOPs: 2 x ffma (131,072 + 65,536) = 393,216.
    expect(tf32).toMatchObject({ name: TF32_GEMM, flops: 393_216, launches: 2, bytes: { dram: 917_500 + 393_220, l2: 2_100_000 + 1_050_000, l1: 4_190_000 + 2_100_000 } });
    expect(tf32!.measuredSeconds).toBeCloseTo(12.25e-6 + 6.75e-6, 18);
    // The elementwise kernel's tensor counters are 0: no note. fadd 1,048,576 + fmul 3,145,728 + 2 x ffma 4,194,304.
    expect(gelu!.flops).toBe(12_582_912);
    expect(result.notes).toContain(`${FP16_GEMM}: 2,147,483,648 tensor-path math ops (sm__ops_path_tensor_src_fp16_dst_fp32.sum) are not in its FLOPs`);
    expect(result.notes).toContain(`${TF32_GEMM}: 50,331,648 tensor-path math ops (sm__ops_path_tensor_op_hmma_src_tf32_dst_fp32_sparsity_off.sum + sm__ops_path_tensor_op_hmma_src_tf32_dst_fp32_sparsity_on.sum) are not in its FLOPs`);
    expect(result.notes.filter((note) => note.startsWith(gelu!.name))).toEqual([]);
    expect(result.notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^tensor-core work is not in the FLOPs \(sm__inst_executed_pipe_tensor\.sum, sm__ops_path_tensor_src_fp16_dst_fp32\.sum, sm__ops_path_tensor_src_fp16_dst_fp32_sparsity_off\.sum\): NVIDIA calls sm__ops_path_tensor_\* counts "math ops" without saying whether one is a FLOP or a multiply-add/),
    ]));
  });

  it('notes them from the raw page too, summed over launches, in base units (ns)', async () => {
    const result = await imported(fixture('ncu-tensor-raw.csv'));
    const [bf16, softmax] = result.ops;
    // bf16 GEMM, M = N = K = 4096, twice: 2 x 2·4096³ = 2 x 137,438,953,472 = 274,877,906,944 math ops, the
    // whole counter again rather than it plus its halves. FLOPs 2 launches x 2 x ffma 16,777,216.
    expect(bf16).toMatchObject({ name: BF16_GEMM, flops: 67_108_864, launches: 2, bytes: { dram: 201_326_592 } });
    // 1,145,312 ns + 1,146,080 ns = 2,291,392 ns
    expect(bf16!.measuredSeconds).toBeCloseTo(2.291392e-3, 15);
    expect(softmax!.flops).toBe(8_388_608 + 16_777_216);
    expect(result.notes).toContain(`${BF16_GEMM}: 274,877,906,944 tensor-path math ops (sm__ops_path_tensor_src_bf16_dst_fp32.sum) are not in its FLOPs`);
    expect(result.notes.filter((note) => note.startsWith(softmax!.name))).toEqual([]);
    // ns and inst are base units: no rounding note.
    expect(result.notes.some((note) => note.startsWith('values were printed in scaled units'))).toBe(false);
  });

  it('falls back to the tensor instruction count, and says when a count is nan', async () => {
    const header = '"ID","Process ID","Process Name","Host Name","Kernel Name","Section Name","Metric Name","Metric Unit","Metric Value"\n';
    const metric = (id: number, kernel: string, name: string, value: string) => `"${id}","1","app","host","${kernel}","S","${name}","inst","${value}"\n`;
    const fp32 = (id: number, kernel: string) => ['fadd', 'fmul', 'ffma'].map((op) => metric(id, kernel, `smsp__sass_thread_inst_executed_op_${op}_pred_on.sum`, op === 'ffma' ? '8' : '0')).join('');
    const text = header
      + fp32(0, 'volta_h884gemm') + metric(0, 'volta_h884gemm', 'smsp__inst_executed_pipe_tensor.sum', '4,096')
      + fp32(1, 'turing_gemm') + metric(1, 'turing_gemm', 'sm__ops_path_tensor_src_fp16_dst_fp16.sum', 'nan');
    const result = await imported(text);
    // The smsp__ instruction count is the sm__ one; without ops counters it is what the note can give.
    expect(result.notes).toContain('volta_h884gemm: 4,096 tensor-pipe instructions (sm__inst_executed_pipe_tensor.sum) are not in its FLOPs');
    expect(result.notes).toContain('turing_gemm: its tensor-core work is unknown (sm__ops_path_tensor_src_fp16_dst_fp16.sum is nan in launch 1) and not in its FLOPs');
    // 2 x ffma 8 each: the FLOPs stay what the CUDA cores did.
    expect(result.ops.map((op) => op.flops)).toEqual([16, 16]);
  });

  it('a tensor count it cannot read is unknown, where the same cell of an ops counter is refused', async () => {
    const header = '"ID","Process ID","Process Name","Host Name","Kernel Name","Section Name","Metric Name","Metric Unit","Metric Value"\n';
    const metric = (name: string, value: string) => `"0","1","app","host","gemm","S","${name}","inst","${value}"\n`;
    const fp32 = ['fadd', 'fmul', 'ffma'].map((op) => metric(`sm__sass_thread_inst_executed_op_${op}_pred_on.sum`, '8')).join('');
    // 'lots' is not a number: for a tensor counter, only ever noted, it reads as nan (null)...
    const result = await imported(header + fp32 + metric('sm__ops_path_tensor_src_fp16_dst_fp16.sum', 'lots'));
    expect(result.notes).toContain('gemm: its tensor-core work is unknown (sm__ops_path_tensor_src_fp16_dst_fp16.sum is nan in launch 0) and not in its FLOPs');
    // ...and for a counter the op is made of, it stops the import at its line (the header is line 1).
    expect(await rejection(header + metric('sm__sass_thread_inst_executed_op_fadd_pred_on.sum', 'lots'))).toMatch(/^2: sm__sass_thread_inst_executed_op_fadd_pred_on.sum of launch 0: value "lots" is not a number/);
  });
});

describe('ncu units', () => {
  it('are decimal powers of ten, in the long and the short spelling', () => {
    expect(['byte', 'Kbyte', 'Mbyte', 'Gbyte', 'Tbyte', 'inst', 'Kinst'].map(ncuUnitExponent)).toEqual([0, 3, 6, 9, 12, 0, 3]);
    expect(['nsecond', 'ns', 'usecond', 'us', 'msecond', 'ms', 'second', 's'].map(ncuUnitExponent)).toEqual([-9, -9, -6, -6, -3, -3, 0, 0]);
    // cycles per nanosecond = 1e9 cycles per second; Mhz as ncu 2025 spells it
    expect(['cycle/nsecond', 'cycle/ns', 'Gbyte/second', 'Gbyte/s', 'Mhz', 'GHz'].map(ncuUnitExponent)).toEqual([9, 9, 9, 9, 6, 9]);
    expect(['Ebyte', 'KiB', 'furlong'].map(ncuUnitExponent)).toEqual([undefined, undefined, undefined]);
    expect(['ns', 'nsecond', 'byte', 'cycle/ns'].map(isScaled)).toEqual([false, false, false, false]);
    expect(['us', 'Kbyte', 'Mhz'].map(isScaled)).toEqual([true, true, true]);
  });

  it('scale exactly: the printed decimals shifted, not multiplied', () => {
    // 16.38 Kbyte: the 16 KiB carveout (16,384 bytes) as ncu rounds it; 16.38 x 1000 in floats is 16379.999...
    expect(ncuNumber('16.38', 3)).toBe(16_380);
    expect(ncuNumber('1.10', 9)).toBe(1_100_000_000);
    expect(ncuNumber('1,205.00', -6)).toBe(0.001205);
    expect(ncuNumber('1.5e+06', 3)).toBe(1_500_000_000);
    expect(ncuNumber('42', 0)).toBe(42);
    expect([ncuNumber('nan', 3), ncuNumber('n/a', 6), ncuNumber(' ', 0), ncuNumber('twelve', 3)]).toEqual([null, null, null, NaN]);
  });

  it('give back every whole byte count printed in Kbyte or Mbyte to three decimals', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(3, 6), (bytes, exponent) => {
      // A count that is a whole number of the unit's thousandths, printed as ncu would with three decimals.
      const whole = bytes - (bytes % 10 ** (exponent - 3));
      const printed = (whole / 10 ** exponent).toFixed(3);
      expect(ncuNumber(printed, exponent)).toBe(whole);
    }));
  });
});

describe('ncu tensor instructions the op counters miss', () => {
  it('notes a kernel whose op counters read 0 while tensor instructions ran', async () => {
    const header = '"ID","Process ID","Process Name","Host Name","Kernel Name","Section Name","Metric Name","Metric Unit","Metric Value"\n';
    const metric = (name: string, value: string) => `"0","1","app","host","sm90_gemm","S","${name}","","${value}"\n`;
    const text = header + metric('sm__inst_executed_pipe_tensor.sum', '2,048') + metric('sm__ops_path_tensor_src_bf16_dst_fp32.sum', '0')
      + ['fadd', 'fmul', 'ffma'].map((op) => metric(`sm__sass_thread_inst_executed_op_${op}_pred_on.sum`, '0')).join('');
    expect((await imported(text)).notes).toContain('sm90_gemm: 2,048 tensor-pipe instructions (sm__inst_executed_pipe_tensor.sum) are not in its FLOPs, though its tensor-path op counters read 0');
  });
});

describe('the README\'s way to give a tensor-core GEMM its FLOPs', () => {
  it('reads back the imported table with the GEMM row\'s flops set from its shape', async () => {
    const csv = importedCsv((await imported(fixture('ncu-tensor-details.csv'))).ops);
    const [header, fp16Row, ...rest] = csv.trim().split('\n');
    // M = N = K = 1024: 2·M·N·K = 2,147,483,648 on the tensor cores + 2,097,152 CUDA-core FLOPs = 2,149,580,800.
    expect(fp16Row).toBe('ampere_fp16_s16816gemm_fp16_256x128_ldg8_f2f_stages_64x3_tn,2097152,8390000,16380000,1100000000,0.0002155 s,1');
    const edited = [header, fp16Row!.replace(',2097152,', ',2149580800,'), ...rest].join('\n') + '\n';
    const table = await readOpTable(chunked(edited), 'ops.csv');
    expect(plainOp(table.ops[0]!)).toEqual({ name: 'ampere_fp16_s16816gemm_fp16_256x128_ldg8_f2f_stages_64x3_tn', flops: 2_149_580_800, bytes: { dram: 8_390_000, l2: 16_380_000, l1: 1_100_000_000 }, kinds: {}, measuredSeconds: 0.0002155 });
  });
});
