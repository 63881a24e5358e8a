import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, type ConfigIssue } from '../src/core/config/index.js';
import { LINE_LENGTH, NAME_LENGTH } from '../src/core/limits.js';
import { loadConfig } from '../src/shell/load-config.js';
import { parseCsv, readOpTable } from '../src/shell/op-table-files.js';
import { parse as parseCsvText } from 'csv-parse/sync';
import { workingTree } from '../src/shell/sources.js';
import { plainOp } from '../src/core/config/op-columns.js';
import { asyncRefusal } from './__fixtures__/config-error.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roofline-ops-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CONFIG = (file: string) => `version: 1
hardware: a100
models:
  - name: resnet50
    precision: fp16
    ops: { file: ${file} }
`;

async function load(files: Record<string, string>, configName = 'roofline.yml') {
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(dir, name), text);
  }
  return loadConfig(workingTree(), path.join(dir, configName));
}

const rejection = async (files: Record<string, string>): Promise<ConfigIssue> => (await asyncRefusal(() => load(files))).issues[0]!;

const chunks = (text: string) => (async function* () {
  yield text;
})();

describe('op tables: ops: { file: ... }, relative to the config', () => {
  it('reads CSV with units, per-level columns and MACs', async () => {
    const config = await load({
      'roofline.yml': CONFIG('ops.csv'),
      'ops.csv': 'name,flops,bytes.dram,bytes.l2\nconv1,236 MFLOP,9.6 MB,12 MB\n"layer1,conv2",231e6,1200000,\n',
    });
    const model = config!.models[0]!;
    expect(model.ops!.map(plainOp)).toEqual([
      { name: 'conv1', flops: 236e6, bytes: { dram: 9.6e6, l2: 12e6 }, kinds: {} },
      { name: 'layer1,conv2', flops: 231e6, bytes: { dram: 1.2e6 }, kinds: {} },
    ]);
    expect(model.flops).toBe(467e6);
    expect(model.bytes).toEqual({ dram: 10.8e6, l2: 12e6 });
  });

  it('reads a bare bytes column as the outermost level, and macs as 2 FLOP', async () => {
    const table = await readOpTable(chunks('name,macs,bytes\na,1 GMAC,1 MB\n'), 'ops.csv');
    expect(table.ops.map(plainOp)).toEqual([{ name: 'a', flops: 2e9, bytes: { dram: 1e6 }, kinds: {} }]);
  });

  it('reads JSON Lines and JSON', async () => {
    const jsonl = await readOpTable(chunks('{"name":"a","flops":"1 GFLOP","bytes":"2 MB"}\n\n{"name":"b","flops":5,"bytes":{"dram":1,"l2":2}}\n'), 'ops.jsonl');
    expect(jsonl.ops.map((op) => op.name)).toEqual(['a', 'b']);
    const json = await readOpTable(chunks('{"ops": [{"name":"a","flops":"1 GFLOP","bytes":"2 MB"}]}'), 'ops.json');
    expect(json.ops.map(plainOp)).toEqual([{ name: 'a', flops: 1e9, bytes: { dram: 2e6 }, kinds: {} }]);
  });

  it('names the file, row and column of a bad cell', async () => {
    const issue = await rejection({ 'roofline.yml': CONFIG('bad.csv'), 'bad.csv': 'name,flops,bytes\na,1 GFLOP,1 MB\nb,2 GFLOPZ,1 MB\n' });
    // `b,2 GFLOPZ,1 MB`: the flops cell starts after `b,`, at character 3.
    expect(issue).toMatchObject({ file: path.join(dir, 'bad.csv'), line: 3, column: 3 });
    expect(issue.message).toContain('did you mean "GFLOP"?');
  });

  it('counts lines across blank lines and quoted cells that span lines', async () => {
    const text = 'name,flops,bytes\n\n"multi\nline",1 GFLOP,1 MB\n\nbad,1 GFLOP,-1 MB\n';
    await expect(readOpTable(chunks(text), 'lines.csv')).rejects.toMatchObject({
      // `bad,1 GFLOP,-1 MB`: `bad,` (4) and `1 GFLOP,` (8) before the bytes cell, at character 13.
      issues: [expect.objectContaining({ line: 6, column: 13, message: expect.stringContaining('non-negative') })],
    });
  });

  it('needs exactly one of flops and macs on a row, in every format', async () => {
    await expect(readOpTable(chunks('name,flops,macs,bytes\na,,,1 MB\n'), 'x.csv')).rejects.toMatchObject({
      issues: [expect.objectContaining({ line: 2, message: 'expected `flops:` or `macs:`' })],
    });
    await expect(readOpTable(chunks('name,flops,macs,bytes\na,1,1,1 MB\n'), 'x.csv')).rejects.toMatchObject({
      issues: [expect.objectContaining({ line: 2, message: expect.stringContaining('only one of') })],
    });
    await expect(readOpTable(chunks('{"name":"a","bytes":1}\n'), 'x.jsonl')).rejects.toMatchObject({
      issues: [expect.objectContaining({ line: 1, message: 'expected `flops:` or `macs:`' })],
    });
  });

  it('names the line of a bad JSON Lines record and the position of a bad JSON item', async () => {
    await expect(readOpTable(chunks('{"name":"a","flops":1,"bytes":1}\n{"name":"b","flops":-1,"bytes":1}\n'), 'x.jsonl')).rejects.toMatchObject({
      issues: [expect.objectContaining({ line: 2, message: expect.stringContaining('non-negative') })],
    });
    await expect(readOpTable(chunks('[\n {"name":"a","flops":1,"bytes":1},\n {"name":"b","flops":1,"byts":1}\n]'), 'x.json')).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ line: 3, path: '[1].byts', message: expect.stringContaining('did you mean "bytes"?') })]),
    });
  });

  it('refuses unknown columns, ragged rows, empty tables and missing files', async () => {
    expect((await rejection({ 'roofline.yml': CONFIG('c.csv'), 'c.csv': 'name,flop,bytes\na,1,1\n' })).message).toContain('did you mean "flops"?');
    expect(await rejection({ 'roofline.yml': CONFIG('r.csv'), 'r.csv': 'name,flops,bytes\na,1\n' })).toMatchObject({ line: 2, message: expect.stringContaining('expected 3 cells') });
    expect((await rejection({ 'roofline.yml': CONFIG('e.csv'), 'e.csv': 'name,flops,bytes\n' })).message).toContain('at least one op');
    const missing = await rejection({ 'roofline.yml': CONFIG('nowhere.csv') });
    expect(missing).toMatchObject({ file: path.join(dir, 'roofline.yml'), line: 6, path: 'models[0].ops.file' });
    expect(missing.message).toContain('not found');
  });

  it('refuses a level the target lacks, naming the table row where it first appears', async () => {
    const issue = await rejection({ 'roofline.yml': CONFIG('lv.csv'), 'lv.csv': 'name,flops,bytes.dram,bytes.l3\na,1,1,\nb,1,1,5\n' });
    expect(issue).toMatchObject({ file: path.join(dir, 'lv.csv'), line: 3 });
    expect(issue.message).toContain('no memory level "l3"');
  });

  it('any CSV text is either read or refused with a ConfigError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (body) => {
        try {
          await readOpTable(chunks(`name,flops,bytes\n${body}`), 'fuzz.csv');
        } catch (error) {
          return error instanceof ConfigError;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('op tables: macs are MACs, 2 FLOP each, in every format and on every path', () => {
  it('CSV, fast path (per-level columns) and schema path (a lone bytes column) alike', async () => {
    const fast = await readOpTable(chunks('name,macs,bytes.dram\na,1000,1\nb,1 GMAC,1 MB\nc,"4e9",1\n'), 'ops.csv');
    expect(fast.ops.map((op) => op.flops)).toEqual([2000, 2e9, 8e9]);
    const slow = await readOpTable(chunks('name,macs,bytes\na,1000,1\nb,1 GMAC,1 MB\n'), 'ops.csv');
    expect(slow.ops.map((op) => op.flops)).toEqual([2000, 2e9]);
  });

  it('JSON Lines and JSON', async () => {
    expect((await readOpTable(chunks('{"name":"a","macs":1000,"bytes":1}\n{"name":"b","macs":"3 kMAC","bytes":1}\n'), 'ops.jsonl')).ops.map((op) => op.flops)).toEqual([2000, 6000]);
    expect((await readOpTable(chunks('[{"name":"a","macs":"1e3","bytes":1}]'), 'ops.json')).ops[0]!.flops).toBe(2000);
  });

  it('refuses a FLOP unit in a macs column and a MAC unit in a flops column, at the cell', async () => {
    await expect(readOpTable(chunks('name,macs,bytes.dram\na,4 GFLOP,1\n'), 'ops.csv')).rejects.toMatchObject({
      // `a,4 GFLOP,1`: the macs cell at character 3; `a,1,4 GMAC`: the flops cell at character 5.
      issues: [expect.objectContaining({ line: 2, column: 3, path: 'macs', message: '"4 GFLOP" is a FLOP count; write it under flops:, or give MACs (4 GMAC)' })],
    });
    await expect(readOpTable(chunks('name,bytes,flops\na,1,4 GMAC\n'), 'ops.csv')).rejects.toMatchObject({
      issues: [expect.objectContaining({ line: 2, column: 5, message: '"4 GMAC" is a MAC count; write it under macs:, or give FLOPs (8 GFLOP)' })],
    });
    await expect(readOpTable(chunks('{"name":"a","macs":"4 GFLOP","bytes":1}\n'), 'ops.jsonl')).rejects.toMatchObject({
      issues: [expect.objectContaining({ line: 1, path: 'macs' })],
    });
  });
});

describe('op tables: a bad CSV header is one located error, never a crash', () => {
  const refusal = async (text: string) => (await asyncRefusal(() => readOpTable(chunks(text), 'ops.csv'))).issues;

  it('a header without a name column', async () => {
    expect(await refusal('flops,bytes\n1 GFLOP,1 MB\n2 GFLOP,1 MB\n')).toEqual([
      expect.objectContaining({ file: 'ops.csv', line: 1, column: 1, message: 'the header row has no name column: the first line names the columns, at least name, flops (or macs) and bytes' }),
    ]);
    expect((await refusal('\n\nname,bytes\na,1\n'))[0]).toMatchObject({ line: 3, message: expect.stringContaining('has no flops (or macs) column') });
  });

  it('a semicolon- or tab-separated file', async () => {
    expect(await refusal('name;flops;bytes\na;1 GFLOP;1 MB\n')).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: 'line 1 is separated by semicolons: the separator must be a comma (name,flops,bytes)' }),
    ]);
    expect((await refusal('name\tflops\tbytes\na\t1\t1\n'))[0]!.message).toBe('line 1 is separated by tabs: the separator must be a comma (name,flops,bytes)');
  });

  it('a column named twice, also as bytes beside bytes.dram', async () => {
    // `name,` (5), `flops,` (6), `bytes,` (6): the second `name` at character 18; `bytes.dram,` (11) puts `bytes` at 23.
    expect((await refusal('name,flops,bytes,name\na,1,1,b\n'))[0]).toMatchObject({ line: 1, column: 18, message: 'column "name" repeats column 1 ("name"): give each column once' });
    expect((await refusal('name,flops,bytes.dram,bytes,bytes.l2\na,1,1,1,1\n'))[0]).toMatchObject({ column: 23, message: 'column "bytes" repeats column 3 ("bytes.dram"): give each column once' });
  });

  it('a level name that no device could have', async () => {
    expect((await refusal('name,flops,bytes.l 2\na,1,1\n'))[0]).toMatchObject({ column: 12, message: 'column "bytes.l 2": expected a memory level name such as dram, l2 or l1' });
  });

  it('an op name too long for report.json, on the fast path too', async () => {
    expect((await refusal(`name,flops,bytes.dram\n${'x'.repeat(NAME_LENGTH + 1)},1,1\n`))[0]).toMatchObject({
      line: 2, column: 1, path: 'name', message: `expected an op name of at most ${NAME_LENGTH} characters, got ${NAME_LENGTH + 1}`,
    });
  });

  it('any header and cells give ops or a ConfigError, never another exception', async () => {
    const column = fc.oneof(fc.constantFrom('name', 'flops', 'macs', 'bytes', 'bytes.dram', 'bytes_l2', 'bytes.', 'bytes.l 2', ' name ', ''), fc.string({ maxLength: 8 }));
    const cell = fc.oneof(fc.constantFrom('1', '1 GMAC', '2 GFLOP', '1 MB', '', '-1', 'x'), fc.string({ maxLength: 6 }));
    const separator = fc.constantFrom(',', ';', '\t');
    await fc.assert(
      fc.asyncProperty(fc.array(column, { minLength: 1, maxLength: 6 }), fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 4 }), separator, async (header, rows, sep) => {
        const text = [header, ...rows].map((cells) => cells.join(sep)).join('\n');
        try {
          await readOpTable(chunks(text), 'fuzz.csv');
        } catch (error) {
          return error instanceof ConfigError && error.issues.every((issue) => issue.line >= 1 && issue.column >= 1);
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('op tables: CSV lines split without csv-parse read as csv-parse reads them', () => {
  const split = async (parts: string[]) => {
    const records: string[][] = [];
    await parseCsv((async function* () {
      yield* parts;
    })(), 'x.csv', (cells) => records.push(cells));
    return records;
  };

  it('a quote after plain lines hands the rest to csv-parse, errors at the file\'s own line', async () => {
    // Lines 1 and 2 are plain; line 3 holds a quote inside a cell, which csv-parse refuses there.
    await expect(split(['name,flops,bytes\na,1,1\nb,x"y,1\nc,1,1\n'])).rejects.toMatchObject({ issues: [expect.objectContaining({ line: 3 })] });
    // A quoted cell after plain lines, and a record split across chunks, read as one text.
    expect(await split(['name,fl', 'ops\na,1,1\n"b,c",2', ',3\nd,4,5'])).toEqual([['name', 'flops'], ['a', '1', '1'], ['b,c', '2', '3'], ['d', '4', '5']]);
  });

  it('a line past the record-size limit is refused at its line', async () => {
    // Line 3 is LINE_LENGTH + 2 characters of 1 byte: csv-parse checks the size before it appends a
    // character, so it lets a record reach LINE_LENGTH + 1 and refuses the next character.
    expect(await split(['a\n', 'x'.repeat(LINE_LENGTH + 1), '\n'])).toHaveLength(2);
    await expect(split(['name,flops,bytes\na,1,1\n', 'x'.repeat(LINE_LENGTH + 2), '\n'])).rejects.toMatchObject({ issues: [expect.objectContaining({ line: 3 })] });
  });

  it('any text in any chunks gives csv-parse\'s records, or its error at its line', async () => {
    // Chunks are cut between characters, as the decoder gives them (never inside a surrogate pair).
    const characters = fc.array(fc.constantFrom('a', 'b', ',', '\n', '\r', '"', ' ', 'é', '😀', '\uFEFF'), { maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(characters, fc.array(fc.nat(60), { maxLength: 5 }), async (chars, cuts) => {
        const whole = chars.join('');
        const at = [...new Set(cuts.map((cut) => Math.min(cut, chars.length)))].sort((a, b) => a - b);
        const parts = [0, ...at].map((from, index) => chars.slice(from, at[index] ?? chars.length).join('')).filter((part) => part !== '');
        let expected: string[][] | { line: number };
        try {
          expected = parseCsvText(whole, { relax_column_count: true, bom: true, max_record_size: LINE_LENGTH }) as string[][];
        } catch (error) {
          expected = { line: (error as { lines?: number }).lines ?? 1 };
        }
        const actual = await split(parts).catch((error: unknown) => {
          if (!(error instanceof ConfigError)) throw error;
          return { line: error.issues[0]!.line };
        });
        expect(actual).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('op tables: a CSV issue points at the character its cell starts at, and shows its line', () => {
  /** The error as the CLI prints it: `file:line:column: ...`, then the line with a caret under the column. */
  const printed = async (text: string, file = 'ops.csv') => {
    try {
      await readOpTable(chunks(text), file);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('accepted');
  };
  const FLOPS = 'flops: expected a FLOP count such as 4.1 GFLOP, 350 MFLOP or 4.1e9, got "2 MFLOPS"; did you mean "MFLOPs"?';

  it('an unquoted cell: at its first character, not at its field number', async () => {
    // `softmax,` is 8 characters: the flops cell starts at character 9 (it is field 2).
    expect(await printed('name,flops,bytes.dram\nmm,1 GFLOP,1 MB\nsoftmax,2 MFLOPS,3 MB\n')).toBe(
      [`ops.csv:3:9: ${FLOPS}`, '     3 | softmax,2 MFLOPS,3 MB', '       |         ^'].join('\n'),
    );
  });

  it('a quoted cell after a quoted comma: at its opening quote, on a plain line and through csv-parse (CR LF)', async () => {
    // `"mm, fused",` is 12 characters (the comma inside quotes separates nothing): the flops cell's quote is at 13.
    const frame = ['     3 | "mm, fused","2 MFLOPS",1 MB', '       |             ^'];
    expect(await printed('name,flops,bytes.dram\nconv,1 GFLOP,1 MB\n"mm, fused","2 MFLOPS",1 MB\n')).toBe([`ops.csv:3:13: ${FLOPS}`, ...frame].join('\n'));
    // CR LF: the whole file is csv-parse's; the CR is not shown.
    expect(await printed('name,flops,bytes.dram\r\nconv,1 GFLOP,1 MB\r\n"mm, fused","2 MFLOPS",1 MB\r\n')).toBe([`ops.csv:3:13: ${FLOPS}`, ...frame].join('\n'));
  });

  it('a header cell, and a whole-row issue at the row start', async () => {
    // `name,` (5) and `flops,` (6): bytez starts at character 12.
    expect(await printed('name,flops,bytez\nmm,1 GFLOP,1 MB\n')).toBe([
      'ops.csv:1:12: unknown column "bytez"; did you mean "bytes"? (columns: name, flops or macs, bytes or bytes.<level>, bytes.<level>.<kind>, measured, launches)',
      '     1 | name,flops,bytez',
      '       |            ^',
      'ops.csv:1:1: the header row has no bytes (or bytes.<level>) column: the first line names the columns, at least name, flops (or macs) and bytes',
      '     1 | name,flops,bytez',
      '       | ^',
    ].join('\n'));
    expect(await printed('name,flops,bytes\nx,1,1,1\n')).toBe(['ops.csv:2:1: expected 3 cells as in the header, found 4', '     2 | x,1,1,1', '       | ^'].join('\n'));
  });

  it('a record spanning lines: the cell on the line it is on', async () => {
    // The record "a\nb",1 GFLOP,-1 MB starts on line 5; its bytes cell is on line 6, after `b",` (3) and `1 GFLOP,` (8): character 12.
    expect(await printed('name,flops,bytes\n"multi\nline",1 GFLOP,1 MB\n\n"a\nb",1 GFLOP,-1 MB\n')).toBe(
      ['ops.csv:6:12: bytes: expected a non-negative byte count, got -1 MB', '     6 | b",1 GFLOP,-1 MB', '       |            ^'].join('\n'),
    );
  });

  it('JSON Lines and JSON tables as before: a JSON line at column 1 without a frame, JSON at its value', async () => {
    expect(await printed('{"name":"a","flops":"2 MFLOPS","bytes":1}\n', 'ops.jsonl')).toBe(`ops.jsonl:1:1: ${FLOPS}`);
    // `[{"name":"a",` (13) and `"flops":` (8) put the value's quote at 22; the YAML locator points past it, at 23, as it did.
    expect(await printed('[{"name":"a","flops":"2 MFLOPS","bytes":1}]', 'ops.json')).toBe(
      [`ops.json:1:23: [0].${FLOPS}`, '     1 | [{"name":"a","flops":"2 MFLOPS","bytes":1}]', '       |                       ^'].join('\n'),
    );
  });
});

describe('op tables: a bad CSV cell is found at its character wherever the columns are and however cells are quoted', () => {
  it('the column is 1 plus the raw length and comma of every cell before it, the frame the raw line', async () => {
    // A cell's raw text: plain, or quoted with commas and doubled quotes inside (csv-parse reads `""` as one quote).
    const plain = fc.stringMatching(/^[a-z0-9 ]{1,6}$/).filter((text) => text.trim() !== '');
    const raw = (text: fc.Arbitrary<string>) => fc.oneof(text, text.map((inner) => `"${inner.replace(/ /g, ',')}"`), text.map((inner) => `"${inner}"""`));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<number[]>([0, 1, 2], [1, 0, 2], [2, 1, 0], [1, 2, 0]), raw(plain), fc.boolean(), async (order, name, quoted) => {
        // Columns in `order`: a header, a good row, then the row whose flops cell is bad (after a plain line: a
        // quote in it hands it to csv-parse, none leaves it to the fast path).
        const row = (cells: string[]) => order.map((index) => cells[index]).join(',');
        const cells = [name, quoted ? '"2 MFLOPS"' : '2 MFLOPS', '1 MB'];
        const line = row(cells);
        const text = `${row(['name', 'flops', 'bytes'])}\n${row(['ok', '1 GFLOP', '1 MB'])}\n${line}\n`;
        const flopsAt = order.indexOf(1);
        const column = 1 + order.slice(0, flopsAt).reduce((sum, index) => sum + cells[index]!.length + 1, 0);
        const error = await readOpTable(chunks(text), 'ops.csv').then(() => null, (error: unknown) => error);
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).issues).toEqual([
          { file: 'ops.csv', line: 3, column, path: 'flops', message: expect.stringContaining('"2 MFLOPS"'), excerpt: line },
        ]);
      }),
      { numRuns: 200 },
    );
  });
});
