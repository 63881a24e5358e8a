// fvcore's flop_count_table and DeepSpeed's flops profiler report, as their tools print them. The fixtures
// were written for this project from the formats the tools document; expected figures are derived by hand.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../src/core/config/index.js';
import { humanCount, humanSeconds } from '../src/core/import/human.js';
import { importedCsv, type Imported } from '../src/core/import/imported.js';
import { readImport, readOpTable } from '../src/shell/op-table-files.js';
import { asyncRefusal } from './__fixtures__/config-error.js';

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
    expect(result.ops.map((op) => [op.name, op.flops, op.bytes.dram, op.at.line])).toEqual([
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

  it('keeps where each op\'s name is, and its line cut to what an error shows', async () => {
    const line = fixture('torchstat-resnet18.txt').split('\n')[4]!;
    // Line 5: '0' and 14 spaces, 1-15, then conv1 from 16 (it ends at 20, where `module name` ends). The
    // line is longer than the 108 characters kept (100 shown, 8 more).
    expect(line.length).toBeGreaterThan(108);
    expect((await imported(fixture('torchstat-resnet18.txt'), 'stat.txt')).ops[0]!.at).toEqual({ line: 5, column: 16, excerpt: line.slice(0, 108) });
  });

  it('places a model on the table as it is: bytes are there', async () => {
    const table = await readOpTable(chunked(fixture('torchstat-resnet18.txt')), 'stat.txt');
    expect(table.ops[0]).toEqual({ name: 'conv1', flops: 236_027_904, bytes: { dram: 3_851_008 }, kinds: {} });
  });
});

describe('text-report errors point at the token, with the line shown', () => {
  const issueOf = async (text: string, file: string, format?: 'fvcore') => (await asyncRefusal(() => readImport(chunked(text), file, format))).issues[0]!;
  /** The issue a fixture with one piece changed is refused with (read as `file`), and line `line` of it. */
  const changed = async (name: string, from: string, to: string, file: string, line: number) => {
    const text = fixture(name).replace(from, to);
    expect(text).not.toBe(fixture(name));
    return [await issueOf(text, file), text.split('\n')[line - 1]!] as const;
  };

  it('fvcore: a count it cannot read, at its first character', async () => {
    const [issue, line] = await changed('fvcore-resnet18.md', '|  0.118G    |', '|  0.118Q    |', 'flops.md', 6);
    // Line 6, conv1's row: | at 1, the 24-character module cell 2-25, | at 26, the 24-character
    // parameters cell 27-50, | at 51, two spaces 52-53, then 0.118Q from 54.
    expect(issue).toEqual({ file: 'flops.md', line: 6, column: 54, path: '', excerpt: line, message: 'fvcore table: "0.118Q" is not a count such as 0.958T' });
  });

  it('fvcore: a table indented in its file, counted from the line\'s start', async () => {
    const text = '  | module | #flops |\n  |:--|:--|\n  | model | 1.5Q |\n';
    // Line 3: two spaces 1-2, | at 3, " model " 4-10, | at 11, a space at 12, then 1.5Q from 13.
    expect(await issueOf(text, 'flops.md', 'fvcore')).toMatchObject({ line: 3, column: 13, excerpt: '  | model | 1.5Q |' });
  });

  it('DeepSpeed: a MAC count it cannot read, at that item of the profile', async () => {
    const [issue, line] = await changed('deepspeed-bert.txt', '47.78 GMACs', '47.78 XMACs', 'profile.txt', 44);
    // Line 44: two spaces 1-2, "(head): " 3-10, "Linear(" 11-17, the profile from 18: "1.05 M, " 18-25,
    // "0.31% Params, " 26-39, then 47.78 XMACs from 40.
    const message = 'DeepSpeed report: module head has no MAC count such as "3139.93 GMACs" in its profile';
    expect(issue).toEqual({ file: 'profile.txt', line: 44, column: 40, path: '', excerpt: line, message });
  });

  it('DeepSpeed: a profile with no MAC count at all, at the profile\'s start', async () => {
    const [issue, line] = await changed('deepspeed-bert.txt', 'Dropout(0, 0.00% Params, 0 MACs, ', 'Dropout(0, 0.00% Params, ', 'profile.txt', 41);
    // Line 41: six spaces 1-6, "(dropout): " 7-17, "Dropout(" 18-25, the profile from 26 (its only MACs
    // item left is "0.00% MACs", a share).
    expect(issue).toMatchObject({ line: 41, column: 26, excerpt: line, message: expect.stringMatching(/^DeepSpeed report: module layers\.0-23\.dropout has no MAC count/) });
  });

  it('torchstat: a count it cannot read, at its first character', async () => {
    const [issue, line] = await changed('torchstat-resnet18.txt', '118,013,952.0', '118,013,95x.0', 'stat.txt', 5);
    // The header (line 4): "module name" ends at 20, then "  input shape" to 33, "  output shape" to 47,
    // "    params" to 57, "  memory(MB)" to 69, "           MAdd" to 84, "          Flops" to 99. Line 5's
    // 13-character cell under Flops, right-aligned, ends there too: it starts at 99 - 13 + 1 = 87.
    const message = 'torchstat table: row 0: "118,013,95x.0" under Flops is not a count such as 118,013,952.0 or 3.21MB';
    expect(issue).toEqual({ file: 'stat.txt', line: 5, column: 87, path: '', excerpt: line, message });
  });

  it('torchstat: a cell missing under its header, at the header\'s last character', async () => {
    const row = '0       conv1   4.0  2.0    100.0       50.0';
    // The header: two spaces 1-2, "module name" 3-13, two spaces, "MAdd" 16-19, two spaces, "Flops" 22-26. In
    // the row, 2.0 ends at 24 and spaces follow to 28: nothing ends at 26, the caret goes there.
    expect(await issueOf(`  module name  MAdd  Flops  MemRead(B)  MemWrite(B)\n${row}\n`, 'stat.txt')).toMatchObject({ line: 2, column: 26, excerpt: row });
  });
});
