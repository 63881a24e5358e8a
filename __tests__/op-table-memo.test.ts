// A baseline's op table that did not change is parsed once (the per-op comparison's speed target, issue 8):
// the memo reuses the head's table when the content is the same, and parses it when one byte differs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig, OpTableMemo } from '../src/shell/load-config.js';
import { readOpTable } from '../src/shell/op-table-files.js';
import { workingTree } from '../src/shell/sources.js';
import { asyncRefusal } from './__fixtures__/config-error.js';

const CONFIG = 'version: 1\nhardware: gtx-1080-ti\nmodels:\n  - name: net\n    precision: fp32\n    ops: { file: ops.csv }\n';
let dir: string;

function tree(name: string, table: string): string {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'roofline.yml'), CONFIG);
  writeFileSync(path.join(dir, name, 'ops.csv'), table);
  return path.join(dir, name, 'roofline.yml');
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roofline-memo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OpTableMemo', () => {
  it('reuses the table of the same path and content, and parses one whose content differs', async () => {
    const head = tree('head', 'name,flops,bytes\na,1 GFLOP,1 MB\nb,2 GFLOP,1 MB\n');
    const same = tree('same', 'name,flops,bytes\na,1 GFLOP,1 MB\nb,2 GFLOP,1 MB\n');
    const other = tree('other', 'name,flops,bytes\na,1 GFLOP,1 MB\nb,3 GFLOP,1 MB\n');
    const memo = new OpTableMemo();
    const first = await loadConfig(workingTree(), head, undefined, memo);
    const reused = await loadConfig(workingTree(), same, undefined, memo);
    const parsed = await loadConfig(workingTree(), other, undefined, memo);
    expect(reused!.models[0]!.ops).toBe(first!.models[0]!.ops);
    expect(parsed!.models[0]!.ops).not.toBe(first!.models[0]!.ops);
    // b: 3 GFLOP = 3e9 FLOP in the other table, 2e9 in the head's.
    expect(parsed!.models[0]!.ops!.map((op) => op.flops)).toEqual([1e9, 3e9]);
    expect(first!.models[0]!.ops!.map((op) => op.flops)).toEqual([1e9, 2e9]);
  });

  // The base differs from the head in a few rows: the rows before and after them are the head's ops (the
  // same objects), the rows between are read again, at their own lines.
  /** The text in 5-byte chunks, so rows and characters are cut across chunks as in a stream. */
  const chunks = (text: string) => {
    const bytes = Buffer.from(text);
    return Readable.from(Array.from({ length: Math.ceil(bytes.length / 5) }, (_, index) => bytes.subarray(index * 5, index * 5 + 5)));
  };
  /** The head's table and the base's, read through one memo under the same name. */
  async function both(head: string, base: string, name = 'ops.csv') {
    const memo = new OpTableMemo();
    const first = await memo.read(chunks(head), name, `head/${name}`);
    return { head: first, base: await memo.read(chunks(base), name, `base/${name}`) };
  }
  /** The issues of a table that does not load, as "line:column message". */
  async function issuesOf(table: Promise<unknown>): Promise<string[]> {
    return (await asyncRefusal(() => table)).issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`);
  }
  const HEAD = 'name,flops,bytes\na,1 GFLOP,1 MB\nb,2 GFLOP,1 MB\nc,3 GFLOP,1 MB\nd,4 GFLOP,1 MB\n';

  it('reuses the rows around a changed one and reads the changed one', async () => {
    const { head, base } = await both(HEAD, HEAD.replace('c,3 GFLOP', 'c,9 GFLOP'));
    expect(base.file).toBe('base/ops.csv');
    expect(base.ops.map((op) => op.flops)).toEqual([1e9, 2e9, 9e9, 4e9]);
    for (const index of [0, 1, 3]) expect(base.ops[index]).toBe(head.ops[index]);
    expect(base.ops[2]).not.toBe(head.ops[2]);
  });

  it('gives a changed row the error and line a full parse gives', async () => {
    const base = HEAD.replace('c,3 GFLOP,1 MB', 'c,3 GFLOP,-1 MB');
    const memo = new OpTableMemo();
    await memo.read(chunks(HEAD), 'ops.csv', 'head/ops.csv');
    const reused = await issuesOf(memo.read(chunks(base), 'ops.csv', 'base/ops.csv'));
    // Row c is line 4 (the header is line 1); its bytes cell starts after `c,` (2) and `3 GFLOP,` (8), at character 11.
    expect(reused).toHaveLength(1);
    expect(reused[0]).toMatch(/^4:11 .*non-negative/);
    expect(reused).toEqual(await issuesOf(readOpTable(chunks(base), 'base/ops.csv')));
    // The same frame too: the line, and a caret under character 11.
    const printed = await memo.read(chunks(base), 'ops.csv', 'base/ops.csv').catch((error: Error) => error.message);
    expect(printed).toBe(['base/ops.csv:4:11: bytes: expected a non-negative byte count, got -1 MB', '     4 | c,3 GFLOP,-1 MB', '       |           ^'].join('\n'));
  });

  it('compares right when rows are inserted or removed', async () => {
    const inserted = await both(HEAD, HEAD.replace('c,3', 'x,7 GFLOP,2 MB\ny,8 GFLOP,2 MB\nc,3'));
    expect(inserted.base.ops.map((op) => `${op.name} ${op.flops}`)).toEqual(['a 1000000000', 'b 2000000000', 'x 7000000000', 'y 8000000000', 'c 3000000000', 'd 4000000000']);
    expect(inserted.base.ops[4]).toBe(inserted.head.ops[2]);
    const removed = await both(HEAD, HEAD.replace('b,2 GFLOP,1 MB\n', ''));
    expect(removed.base.ops.map((op) => op.name)).toEqual(['a', 'c', 'd']);
    expect(removed.base.ops[1]).toBe(removed.head.ops[2]);
    // After two inserted rows, d is on line 7 and its new error says so, at its flops cell (after `d,`: character 3).
    const memo = new OpTableMemo();
    await memo.read(chunks(HEAD), 'ops.csv', 'head/ops.csv');
    const broken = HEAD.replace('c,3', 'x,7 GFLOP,2 MB\ny,8 GFLOP,2 MB\nc,3').replace('d,4 GFLOP', 'd,4 GFLOPZ');
    expect(await issuesOf(memo.read(chunks(broken), 'ops.csv', 'base/ops.csv'))).toEqual([expect.stringMatching(/^7:3 .*did you mean "GFLOP"\?/)]);
  });

  it('reads quoted cells that span lines, and a change inside one', async () => {
    const head = 'name,flops,bytes\n"x\ny",1 GFLOP,1 MB\nb,2 GFLOP,1 MB\n"p\nq",3 GFLOP,1 MB\nd,4 GFLOP,1 MB\n';
    // The change is on the second line of a quoted cell: the whole record is read again.
    const inside = await both(head, head.replace('q"', 'r"'));
    expect(inside.base.ops.map((op) => op.name)).toEqual(['x\ny', 'b', 'p\nr', 'd']);
    expect(inside.base.ops[3]).toBe(inside.head.ops[3]);
    // Line 7 is d's: the header is line 1, and each quoted record spans two lines (2-3 and 5-6); flops at character 3.
    const memo = new OpTableMemo();
    await memo.read(chunks(head), 'ops.csv', 'head/ops.csv');
    const broken = head.replace('d,4 GFLOP', 'd,4 GFLOPZ');
    expect(await issuesOf(memo.read(chunks(broken), 'ops.csv', 'base/ops.csv'))).toEqual([expect.stringMatching(/^7:3 /)]);
    // A quote opened and never closed is the full parse's CSV syntax error.
    const unclosed = head.replace('"p', '"pp"p');
    expect(await issuesOf(new OpTableMemo().read(chunks(unclosed), 'ops.csv', 'base/ops.csv'))).toEqual(await issuesOf(both(head, unclosed)));
  });

  it('reads CR LF tables and JSON Lines the same way', async () => {
    const crlf = HEAD.replaceAll('\n', '\r\n');
    const windows = await both(crlf, crlf.replace('b,2', 'b,5'));
    expect(windows.base.ops.map((op) => op.flops)).toEqual([1e9, 5e9, 3e9, 4e9]);
    expect(windows.base.ops[2]).toBe(windows.head.ops[2]);
    const jsonl = '{"name":"a","flops":1,"bytes":1}\n\n{"name":"b","flops":2,"bytes":1}\n{"name":"c","flops":3,"bytes":1}\n';
    const lines = await both(jsonl, jsonl.replace('"flops":2', '"flops":6'), 'ops.jsonl');
    expect(lines.base.ops.map((op) => op.flops)).toEqual([1, 6, 3]);
    expect(lines.base.ops[2]).toBe(lines.head.ops[2]);
    // Line 3 (after a blank line) is b's.
    const memo = new OpTableMemo();
    await memo.read(chunks(jsonl), 'ops.jsonl', 'head/ops.jsonl');
    expect(await issuesOf(memo.read(chunks(jsonl.replace('"flops":2', '"flops":2,')), 'ops.jsonl', 'base/ops.jsonl'))).toEqual([expect.stringMatching(/^3:1 not valid JSON/)]);
  });

  it('reads every row again when the header changed', async () => {
    const { head, base } = await both(HEAD, HEAD.replace('name,flops,bytes', 'name,flops,bytes.l2'));
    expect(base.ops.map((op) => op.bytes)).toEqual([{ l2: 1e6 }, { l2: 1e6 }, { l2: 1e6 }, { l2: 1e6 }]);
    expect(base.ops[3]).not.toBe(head.ops[3]);
  });
});
