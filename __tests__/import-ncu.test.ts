// Nsight Compute --csv output, both page shapes, with the quirks of real files. The fixtures were written
// for this project from the format Nsight Compute documents; every expected figure is derived by hand.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../src/core/config/index.js';
import { importedCsv, type Imported } from '../src/core/import/imported.js';
import { NAME_LENGTH } from '../src/core/limits.js';
import { readImport, readOpTable } from '../src/shell/load-config.js';

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

async function rejection(text: string, file = 'profile.csv'): Promise<string> {
  try {
    await readOpTable(chunked(text), file);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.line}: ${issue.message}`).join('\n');
    throw error;
  }
  throw new Error('accepted');
}

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
      expect.stringMatching(/^tensor-core work is not counted: sm__inst_executed_pipe_tensor\.sum/),
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
    expect(table.ops[0]).toEqual({ name: GEMM, flops: 1_131_644_570_056, bytes: { dram: 2_000_000, l2: 2_251_000_000, l1: 4_002_000_000 }, kinds: {}, measuredSeconds: 1.5e-3 });
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
