// A baseline's op table that did not change is parsed once (the per-op comparison's speed target, issue 8):
// the memo reuses the head's table when the content is the same, and parses it when one byte differs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, OpTableMemo } from '../src/shell/load-config.js';
import { workingTree } from '../src/shell/sources.js';

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
});
