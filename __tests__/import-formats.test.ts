// `ops: { file, format }`: the format given, or read from the content; an imported table as a model's ops.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, type ConfigIssue } from '../src/core/config/index.js';
import { sniffFormat } from '../src/core/import/sniff.js';
import { loadConfig } from '../src/shell/load-config.js';
import { workingTree } from '../src/shell/sources.js';
import { place } from '../src/core/roofline.js';
import { buildReport } from '../src/core/report/build.js';
import { levelsLeftOutNote } from '../src/core/report/levels-left-out.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { renderText } from '../src/core/report/text.js';
import { plainOp } from '../src/core/config/op-columns.js';
import { asyncRefusal } from './__fixtures__/config-error.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'import');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roofline-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Built-in devices publish no L1 bandwidth: a hierarchical roofline needs the device described.
const CONFIG = (ops: string) => `version: 1
hardware: lab-a100
devices:
  lab-a100: { compute: { fp32: 19.5 TFLOP/s }, memory: { dram: 1.94 TB/s, l2: 5.5 TB/s, l1: 19 TB/s } }
models:
  - name: profiled
    precision: fp32
    ops: ${ops}
`;

async function load(config: string, files: Record<string, string> = {}) {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  await writeFile(path.join(dir, 'roofline.yml'), config);
  return loadConfig(workingTree(), path.join(dir, 'roofline.yml'));
}

const rejection = async (config: string, files: Record<string, string> = {}): Promise<ConfigIssue> => (await asyncRefusal(() => load(config, files))).issues[0]!;

describe('ops: { file, format }', () => {
  it('reads Nsight Compute output from its content, format left out', async () => {
    await copyFile(path.join(FIXTURES, 'ncu-raw.csv'), path.join(dir, 'profile.csv'));
    const model = (await load(CONFIG('{ file: profile.csv }')))!.models[0]!;
    // See import-ncu.test.ts: 8,388,608 + 3,000 FLOP; dram 16 MB + 2 MB
    expect(model.flops).toBe(8_391_608);
    expect(model.bytes).toEqual({ dram: 18e6, l2: 34e6, l1: 68e6 });
    expect(model.ops![0]!.measuredSeconds).toBeCloseTo(200e-6, 15);
    expect(model.ops![1]!.measuredSeconds).toBeUndefined(); // its duration was nan
  });

  it('takes the format given, whatever the extension', async () => {
    await copyFile(path.join(FIXTURES, 'ncu-raw.csv'), path.join(dir, 'profile.txt'));
    const model = (await load(CONFIG('{ file: profile.txt, format: ncu }')))!.models[0]!;
    expect(model.ops).toHaveLength(2);
  });

  it('refuses an unknown format at its key, listing the formats', async () => {
    const issue = await rejection(CONFIG('{ file: profile.csv, format: nsight }'));
    expect([issue.line, issue.path]).toEqual([8, 'models[0].ops.format']);
    expect(issue.message).toContain('csv');
    expect(issue.message).toContain('deepspeed');
  });

  it('says so when the content tells no format, at the file key', async () => {
    const issue = await rejection(CONFIG('{ file: notes.txt }'), { 'notes.txt': 'some notes\nof no format\n' });
    expect([issue.line, issue.column, issue.path]).toEqual([8, 18, 'models[0].ops.file']);
    expect(issue.message).toBe('op table notes.txt: cannot tell what format the file is; give `format:` (one of csv, json, jsonl, ncu, torchstat, fvcore, deepspeed)');
  });

  it('reads back the measured column an import prints', async () => {
    const model = (await load(CONFIG('{ file: ops.csv }'), { 'ops.csv': 'name,flops,bytes.dram,measured,launches\nk,2000,100,0.0015 s,2\nj,10,5,,1\n' }))!.models[0]!;
    expect(model.ops!.map(plainOp)).toEqual([
      { name: 'k', flops: 2000, bytes: { dram: 100 }, kinds: {}, measuredSeconds: 0.0015 },
      { name: 'j', flops: 10, bytes: { dram: 5 }, kinds: {} },
    ]);
  });
});

describe('sniffFormat', () => {
  it('tells the formats apart from their first lines', () => {
    expect(sniffFormat('ops.csv', 'name,flops,bytes\n')).toBe('csv');
    expect(sniffFormat('ops.txt', '"name",flops,bytes\n')).toBe('csv');
    expect(sniffFormat('ops.json', '[')).toBe('json');
    expect(sniffFormat('ops.jsonl', '{"name":')).toBe('jsonl');
    expect(sniffFormat('run.log', '==PROF== Connected to process 1 (/bin/app)\n')).toBe('ncu');
    expect(sniffFormat('flops.md', '| module | #parameters or shape | #flops |\n|:--|:--|:--|\n')).toBe('fvcore');
    expect(sniffFormat('profile.txt', '\n-------------------------- DeepSpeed Flops Profiler --------------------------\n')).toBe('deepspeed');
    expect(sniffFormat('stat.txt', '  module name  input shape output shape  params memory(MB)  MAdd  Flops  MemRead(B)  MemWrite(B) duration[%]\n')).toBe('torchstat');
    expect(sniffFormat('notes.txt', 'hello\n')).toBeNull();
  });
});

/** One fp16 model on the built-in A100 80GB (DRAM and L2; no L1 bandwidth in the catalog). */
const onA100 = (ops: string) => `version: 1
hardware: a100-sxm4-80gb
models:
  - name: profiled
    precision: fp16
    ops: ${ops}
`;

describe('imported counter levels on a device without them', () => {

  it('leaves l1 out of a built-in A100\'s roofline (it publishes no L1 bandwidth) and names it', async () => {
    await copyFile(path.join(FIXTURES, 'ncu-raw.csv'), path.join(dir, 'profile.csv'));
    const config = (await load(onA100('{ file: profile.csv }')))!;
    const result = place(config.models[0]!, config.devices.get('a100-sxm4-80gb')!);
    expect(result.levelsLeftOut).toEqual(['l1']);
    expect(result.bytes).toEqual({ dram: 18e6, l2: 34e6 });
    expect(Object.keys(result.bandwidth)).toEqual(['dram', 'l2']);
    // DRAM binds both kernels: (16 MB + 2 MB) / 2039 GB/s = 8.828 us.
    expect(result.seconds * 1e6).toBeCloseTo(8.828, 3);
    // The gemm: 16 MB / 2039 GB/s = 7.847 us against 200 us measured: 3.92%. The softmax is unmeasured.
    expect(result.ops!.slowest[0]!.efficiency!).toBeCloseTo(0.03923, 5);
    expect(result.measuredSeconds).toBeNull();
  });

  it('says so in the text and Markdown reports, one line for all the pairs it concerns', async () => {
    await copyFile(path.join(FIXTURES, 'ncu-raw.csv'), path.join(dir, 'profile.csv'));
    const report = buildReport((await load(onA100('{ file: profile.csv }')))!, null, null);
    const note = 'L1 on a100-sxm4-80gb (profiled): bytes the profiler counted but not part of the roofline, as the catalog gives no bandwidth for those levels on that device';
    expect(levelsLeftOutNote(report.results)).toBe(note);
    expect(renderText(report)).toContain(note);
    expect(renderMarkdown(report, { limit: null })).toContain(`_${note}_`);
    expect(levelsLeftOutNote([{ model: 'm', hardware: 'h', levelsLeftOut: [] }])).toBeNull();
  });

  it('still refuses a level the user wrote that a target lacks (a typo stays an error)', async () => {
    const issue = await rejection(onA100('{ file: ops.csv }'), { 'ops.csv': 'name,flops,bytes.dram,bytes.l1\nk,2000,100,300\n' });
    expect([issue.file.endsWith('ops.csv'), issue.line]).toEqual([true, 2]);
    expect(issue.message).toMatch(/^a100-sxm4-80gb has no memory level "l1"; it has dram, l2/);
  });
});

describe('ops: { file, format, bytes }: bytes merged by op name', () => {
  const withBytes = (bytes: string) => onA100(`{ file: flops.md, format: fvcore, bytes: ${bytes} }`);
  const BYTES = [
    'name,flops,bytes.dram,bytes.l2',
    'conv1,,3.85 MB,',
    'bn1,,6.42 MB,',
    'layer1.0.conv1,,1.75 MB,4 MB',
    'layer1.0.conv2,,1.75 MB,',
    'layer1.1,,3.5 MB,',
    'fc,,2.06 MB,',
  ].join('\n');

  it('gives each of fvcore\'s ops the bytes of its row, FLOPs still its own', async () => {
    await copyFile(path.join(FIXTURES, 'fvcore-resnet18.md'), path.join(dir, 'flops.md'));
    const model = (await load(withBytes('bytes.csv'), { 'bytes.csv': BYTES }))!.models[0]!;
    expect(model.ops!.map((op) => [op.name, op.flops, op.bytes])).toEqual([
      ['conv1', 236e6, { dram: 3.85e6 }], // 2 x 0.118G MACs
      ['bn1', 8.028e6, { dram: 6.42e6 }],
      ['layer1.0.conv1', 232e6, { dram: 1.75e6, l2: 4e6 }],
      ['layer1.0.conv2', 232e6, { dram: 1.75e6 }],
      ['layer1.1', 464e6, { dram: 3.5e6 }],
      ['fc', 1.024e6, { dram: 2.06e6 }],
    ]);
    // 3.85 + 6.42 + 1.75 + 1.75 + 3.5 + 2.06 = 19.33 MB
    expect(model.bytes.dram).toBeCloseTo(19.33e6, 6);
  });

  it('names the ops without a row and the rows without an op', async () => {
    await copyFile(path.join(FIXTURES, 'fvcore-resnet18.md'), path.join(dir, 'flops.md'));
    const text = BYTES.replace('bn1,', 'bn_1,');
    try {
      await load(withBytes('bytes.csv'), { 'bytes.csv': text });
      throw new Error('accepted');
    } catch (error) {
      const issues = (error as ConfigError).issues.map((issue) => `${path.basename(issue.file)}:${issue.line}: ${issue.message}`);
      expect(issues).toEqual([
        // bn1 and bn_1 are one edit apart, within a third of either name's length: each is the other's hint.
        `flops.md:8: bn1: no bytes for it in ${path.join(dir, 'bytes.csv')} (no row of that name; did you mean "bn_1"?)`,
        `bytes.csv:3: bn_1: bytes for an op that ${path.join(dir, 'flops.md')} does not have: the names must match; did you mean "bn1"?`,
      ]);
    }
  });

  it('points an op without a row at its name in the import, with the line shown (fvcore, DeepSpeed)', async () => {
    await copyFile(path.join(FIXTURES, 'fvcore-resnet18.md'), path.join(dir, 'flops.md'));
    const fvcoreLine = '|  bn1                   |  0.128K                |  4.014M    |';
    // flops.md line 8, bn1's row: | at 1, a space for the cell and one for its depth, 2-3, bn1 from 4.
    expect(await rejection(withBytes('bytes.csv'), { 'bytes.csv': BYTES.replace('bn1,', 'bn_1,') })).toEqual({
      file: path.join(dir, 'flops.md'), line: 8, column: 4, path: '', excerpt: fvcoreLine,
      message: `bn1: no bytes for it in ${path.join(dir, 'bytes.csv')} (no row of that name; did you mean "bn_1"?)`,
    });
    await copyFile(path.join(FIXTURES, 'deepspeed-bert.txt'), path.join(dir, 'profile.txt'));
    const config = withBytes('bytes.csv').replace('flops.md, format: fvcore', 'profile.txt, format: deepspeed');
    const rows = ['name,bytes', 'embeddings,1 MB', 'layers.0-23.attention,1 MB', 'layers.0-23.dropout,1 MB'].join('\n');
    // profile.txt line 44: two spaces, (head) from 3, head from 4. The line is 148 characters: kept, as an
    // error shows it, are its first 108 (100 shown, 8 more).
    const deepspeedLine = '  (head): Linear(1.05 M, 0.31% Params, 47.78 GMACs, 1.52% MACs, 1.2 ms, 1.57% latency, 79.63 TFLOPS, in_features=1024, out_features=1024, bias=True)';
    expect(deepspeedLine.length).toBe(148);
    expect(await rejection(config, { 'bytes.csv': rows })).toEqual({
      file: path.join(dir, 'profile.txt'), line: 44, column: 4, path: '', excerpt: deepspeedLine.slice(0, 108),
      message: `head: no bytes for it in ${path.join(dir, 'bytes.csv')} (no row of that name)`,
    });
  });

  it('points a byte count it cannot read at its cell, after a quoted cell holding commas and one spanning lines', async () => {
    await copyFile(path.join(FIXTURES, 'fvcore-resnet18.md'), path.join(dir, 'flops.md'));
    const bad = 'layer1.0.conv1,"2,000,000",1.75 MB,4 Mx';
    const text = BYTES.replace('bn1,,', 'bn1,"a note\nof two lines",').replace('layer1.0.conv1,,1.75 MB,4 MB', bad);
    // Line 1 the header, 2 conv1, 3-4 bn1 (its quoted note spans two lines), 5 layer1.0.conv1. Its cells:
    // layer1.0.conv1, 1-15 | "2,000,000", 16-27 (two commas inside the quotes) | 1.75 MB, 28-35 | 4 Mx from 36.
    expect(await rejection(withBytes('bytes.csv'), { 'bytes.csv': text })).toEqual({
      file: path.join(dir, 'bytes.csv'), line: 5, column: 36, path: '', excerpt: bad,
      message: 'layer1.0.conv1: "4 Mx" is not a byte count (a byte count such as 86 MB, 1.5 GiB or 4096 B)',
    });
  });

  it('points a row without an op at its name cell, and a header without a bytes column at its line', async () => {
    await copyFile(path.join(FIXTURES, 'fvcore-resnet18.md'), path.join(dir, 'flops.md'));
    // The name last, after a quoted cell with a comma; bn1's row is named bn_1.
    const rows = ['bytes.dram,note,name', '3.85 MB,,conv1', '6.42 MB,"a, b",bn_1', '1.75 MB,,layer1.0.conv1', '1.75 MB,,layer1.0.conv2', '3.5 MB,,layer1.1', '2.06 MB,,fc'];
    const error = await asyncRefusal(() => load(withBytes('bytes.csv'), { 'bytes.csv': rows.join('\n') }));
    // Line 3: 6.42 MB, 1-8 | "a, b", 9-15 | bn_1 from 16.
    expect(error.issues[1]).toEqual({
      file: path.join(dir, 'bytes.csv'), line: 3, column: 16, path: '', excerpt: '6.42 MB,"a, b",bn_1',
      message: `bn_1: bytes for an op that ${path.join(dir, 'flops.md')} does not have: the names must match; did you mean "bn1"?`,
    });
    expect(await rejection(withBytes('bytes.csv'), { 'bytes.csv': 'name,flops\nconv1,1\n' })).toMatchObject({ line: 1, column: 1, excerpt: 'name,flops' });
  });

  it('keeps typo protection: a level the user wrote must exist on the target', async () => {
    await copyFile(path.join(FIXTURES, 'fvcore-resnet18.md'), path.join(dir, 'flops.md'));
    const issue = await rejection(withBytes('bytes.csv'), { 'bytes.csv': BYTES.replace('bytes.l2', 'bytes.l3') });
    expect(issue.message).toMatch(/^a100-sxm4-80gb has no memory level "l3"/);
  });

  it('refuses `bytes:` on an import that has its own', async () => {
    await copyFile(path.join(FIXTURES, 'ncu-raw.csv'), path.join(dir, 'profile.csv'));
    const issue = await rejection(withBytes('bytes.csv').replace('flops.md, format: fvcore', 'profile.csv'), { 'bytes.csv': BYTES });
    expect([issue.path, issue.message]).toEqual(['models[0].ops.bytes', '`bytes:` merges bytes into an import that gives none (fvcore, deepspeed); this table has its own']);
  });
});
