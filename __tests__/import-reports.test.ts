// fvcore's flop_count_table and DeepSpeed's flops profiler report, as their tools print them. The fixtures
// were written for this project from the formats the tools document; expected figures are derived by hand.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../src/core/config/index.js';
import { humanCount, humanSeconds } from '../src/core/import/human.js';
import { importedCsv, type Imported } from '../src/core/import/imported.js';
import { readImport, readOpTable } from '../src/shell/load-config.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', 'import', name), 'utf8');

async function* chunked(text: string, size = 53): AsyncIterable<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function imported(text: string, file: string): Promise<Imported> {
  const read = await readImport(chunked(text), file);
  if (!('imported' in read)) throw new Error('read as an op table');
  return read.imported;
}

describe('human numbers', () => {
  it('reads SI suffixes and unit words', () => {
    expect(humanCount('0.958T')).toBe(958e9);
    expect(humanCount('11.69M')).toBe(11.69e6);
    expect(humanCount('3139.93 GMACs')).toBe(3139.93e9);
    expect(humanCount('0 MACs')).toBe(0);
    expect(humanCount('(64, 3, 7, 7)')).toBeNull();
    expect(humanSeconds('833.75 us')).toBeCloseTo(833.75e-6, 18);
    expect(humanSeconds('76.39 ms')).toBeCloseTo(76.39e-3, 15);
  });
});

describe('fvcore flop_count_table', () => {
  it('makes the leaf modules ops, doubling its MACs to FLOPs, skipping parameter shapes', async () => {
    const result = await imported(fixture('fvcore-resnet18.md'), 'flops.md');
    expect(result.format).toBe('fvcore');
    // layer1.1 is a leaf: the row after it (fc) is not deeper. Parameter rows (conv1.weight ...) are skipped.
    expect(result.ops.map((op) => [op.name, op.flops])).toEqual([
      ['conv1', 236e6], // 2 x 0.118G
      ['bn1', 8.028e6], // 2 x 4.014M
      ['layer1.0.conv1', 232e6],
      ['layer1.0.conv2', 232e6],
      ['layer1.1', 464e6],
      ['fc', 1.024e6],
    ]);
    expect(result.convention).toBe('fvcore counts multiply-accumulates (its "flops" are MACs): FLOPs = 2 x MACs');
    // leaves: 0.118G + 4.014M + 0.116G + 0.116G + 0.232G + 0.512M = 586.5M MACs, the model 1.827G
    expect(result.notes).toContain('the leaves add up to 586.5 MMAC, the whole model to 1.827 GMAC: the rest is work done in parent modules themselves, not in any leaf');
  });

  it('needs bytes from elsewhere before a model can be placed', async () => {
    try {
      await readOpTable(chunked(fixture('fvcore-resnet18.md')), 'flops.md');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues[0]!.message).toMatch(/^fvcore's table gives no bytes: the ops need bytes from elsewhere/);
    }
  });
});

describe('DeepSpeed flops profiler report', () => {
  it('makes the leaf modules ops with FLOPs and measured latency, a run of N identical blocks counted N times', async () => {
    const result = await imported(fixture('deepspeed-bert.txt'), 'profile.txt');
    expect(result.format).toBe('deepspeed');
    const ops = result.ops.map((op) => [op.name, op.flops, op.launches]);
    expect(ops).toEqual([
      ['embeddings', 0, 1],
      ['layers.0-23.attention', 2 * 42.95e9 * 24, 24], // 2,061.6 GFLOP
      ['layers.0-23.dropout', 0, 24],
      ['head', 95.56e9, 1], // 2 x 47.78 GMACs
    ]);
    expect(result.ops[0]!.measuredSeconds).toBeCloseTo(174.75e-6, 15);
    expect(result.ops[1]!.measuredSeconds).toBeCloseTo(24 * 833.75e-6, 15); // 20.01 ms
    expect(result.ops[2]!.measuredSeconds).toBeCloseTo(24 * 52.45e-6, 15);
    expect(result.ops[3]!.measuredSeconds).toBeCloseTo(1.2e-3, 15);
    expect(result.noBytes).toMatch(/^DeepSpeed's report gives no bytes/);
    expect(importedCsv(result.ops).split('\n').slice(0, 2)).toEqual(['name,flops,bytes,measured,launches', 'embeddings,0,,0.00017475 s,1']);
  });

  it('refuses a report without the detailed tree', async () => {
    await expect(readImport(chunked('-------------------------- DeepSpeed Flops Profiler --------------------------\nfwd MACs per GPU: 3 G\n'), 'p.txt')).rejects.toThrow(/no modules: expected a DeepSpeed flops profiler report with its "Detailed Profile per GPU" tree/);
  });
});

describe('torchstat table', () => {
  it('makes each row an op: FLOPs 2 x its Flops (MACs), bytes MemRead + MemWrite at dram, after the warnings', async () => {
    const result = await imported(fixture('torchstat-resnet18.txt'), 'stat.txt');
    expect(result.format).toBe('torchstat');
    expect(result.ops.map((op) => [op.name, op.flops, op.bytes.dram, op.line])).toEqual([
      ['conv1', 236_027_904, 3_851_008, 5], // 2 x 118,013,952 (3 x 64 x 7 x 7 x 112 x 112); 639,744 + 3,211,264
      ['bn1', 3_211_264, 6_423_552, 6], // 2 x 1,605,632; 3,212,288 + 3,211,264
      ['relu', 1_605_632, 6_422_528, 7],
      ['maxpool', 1_605_632, 4_014_080, 8], // 3,211,264 + 802,816
      ['layer1.0.conv1', 231_211_008, 1_753_088, 9], // 2 x 115,605,504 (64 x 64 x 3 x 3 x 56 x 56); 950,272 + 802,816
      ['dropout', 0, 0, 10], // torchstat warned it cannot count it: zeros
      ['fc', 1_024_000, 2_058_048, 11], // 2 x 512 x 1000; 2,054,048 + 4,000
    ]);
    expect(result.ops.every((op) => op.measuredSeconds === null)).toBe(true);
    expect(result.noBytes).toBeUndefined();
    expect(result.convention).toMatch(/^torchstat's Flops column counts multiply-accumulates: FLOPs = 2 x Flops/);
  });

  it('reads suffixed counts and sizes, as some versions print them', async () => {
    // Right-aligned as pandas prints a DataFrame: each cell ends where its header ends.
    const widths = [5, 12, 12, 13, 7, 11, 12, 13, 11, 12, 12, 10];
    const line = (...cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!))).join('');
    const text = [
      line('', 'module name', 'input shape', 'output shape', 'params', 'memory(MB)', 'MAdd', 'Flops', 'MemRead(B)', 'MemWrite(B)', 'duration[%]', 'MemR+W(B)'),
      line('0', 'conv1', '3 224 224', '64 112 112', '9.41K', '3.06', '235.23MMAdd', '118.01MFlops', '639.74KB', '3.21MB', '6.60%', '3.85MB'),
      line('total', '', '', '', '9.41K', '3.06', '235.23MMAdd', '118.01MFlops', '639.74KB', '3.21MB', '100.00%', '3.85MB'),
    ].join('\n');
    const [op] = (await imported(text, 'stat.txt')).ops;
    // 2 x 118.01e6 = 236.02e6 FLOP; 639.74e3 + 3.21e6 = 3.84974e6 B
    expect(op!.flops).toBe(236.02e6);
    expect(op!.bytes.dram).toBeCloseTo(3.84974e6, 6);
  });

  it('refuses a row whose cells do not line up under the header', async () => {
    const text = '  module name  MAdd  Flops  MemRead(B)  MemWrite(B)\n0       conv1   4.0  2.0    100.0       50.0\n';
    await expect(readImport(chunked(text), 'stat.txt')).rejects.toThrow(/torchstat table: row 0 has no Flops under its header/);
  });

  it('places a model on the table as it is: bytes are there', async () => {
    const table = await readOpTable(chunked(fixture('torchstat-resnet18.txt')), 'stat.txt');
    expect(table.ops[0]).toEqual({ name: 'conv1', flops: 236_027_904, bytes: { dram: 3_851_008 }, kinds: {} });
  });
});
