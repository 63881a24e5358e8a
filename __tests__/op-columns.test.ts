import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseConfig, resolveConfig, type OpTable } from '../src/core/config/index.js';
import { NO_SPLIT } from '../src/core/config/kinds.js';
import { OpColumns, plainOp } from '../src/core/config/op-columns.js';
import type { Op } from '../src/core/types.js';
import { keyedRecord } from '../src/core/user-keys.js';

/** An unsplit op as the op-table reader makes one: its bytes a keyed record in the order given. */
function op(name: string, flops: number, bytes: Array<[string, number]>, measuredSeconds?: number): Op {
  const made: Op = { name, flops, bytes: Object.assign(keyedRecord<number>(), Object.fromEntries(bytes)), kinds: NO_SPLIT };
  if (measuredSeconds !== undefined) made.measuredSeconds = measuredSeconds;
  return made;
}

/** An op's fields as a test compares them, with its levels in order (toEqual ignores key order). */
const fields = (read: Op) => ({ ...plainOp(read), levels: Object.keys(read.bytes) });

describe('op tables stored by column', () => {
  it('reads every row back as it was added: name, FLOPs, levels in order, and a measured time only where given', () => {
    const columns = new OpColumns();
    const added = [op('qkv', 3e9, [['dram', 1e6], ['l2', 2e6]], 0.5e-3), op('norm', 1e6, [['l2', 4e3]]), op('gemm', 8e9, [['dram', 3e6]])];
    const stored = added.map((row) => columns.add(row));
    expect(stored.map(fields)).toEqual([
      { name: 'qkv', flops: 3e9, bytes: { dram: 1e6, l2: 2e6 }, kinds: {}, measuredSeconds: 0.5e-3, levels: ['dram', 'l2'] },
      // No dram cell: no dram key, not dram: 0 or NaN; no measured time: no key.
      { name: 'norm', flops: 1e6, bytes: { l2: 4e3 }, kinds: {}, levels: ['l2'] },
      { name: 'gemm', flops: 8e9, bytes: { dram: 3e6 }, kinds: {}, levels: ['dram'] },
    ]);
    expect(stored.map((row) => 'measuredSeconds' in plainOp(row))).toEqual([true, false, false]);
    expect(stored.every((row) => row.kinds === NO_SPLIT)).toBe(true);
  });

  it('keeps a row as the op itself when it splits a level by kind, or gives its levels in another order', () => {
    const columns = new OpColumns();
    columns.add(op('a', 1, [['dram', 1], ['l2', 2]]));
    const swapped = op('b', 1, [['l2', 2], ['dram', 1]]);
    const split: Op = { name: 'c', flops: 1, bytes: { dram: 3 }, kinds: { dram: { weights: 3 } } };
    expect(columns.add(swapped)).toBe(swapped);
    expect(Object.keys(swapped.bytes)).toEqual(['l2', 'dram']);
    expect(columns.add(split)).toBe(split);
  });

  it('adds a level first seen on a later row after the others; the earlier rows do not have it', () => {
    const columns = new OpColumns();
    const first = columns.add(op('a', 1, [['dram', 1]]));
    const second = columns.add(op('b', 2, [['dram', 2], ['l1', 5]]));
    // l1 is new on row 2 and comes after dram there, so it is stored after dram: row 1 stays { dram: 1 }.
    expect(columns.levels).toEqual(['dram', 'l1']);
    expect([first.bytes, second.bytes]).toEqual([{ dram: 1 }, { dram: 2, l1: 5 }]);
    expect(Object.keys(first.bytes)).toEqual(['dram']);
  });

  it('reads rows on both sides of a chunk boundary (65,536 rows a chunk), and a level first given past it', () => {
    const columns = new OpColumns();
    const stored: Op[] = [];
    for (let row = 0; row < 65_538; row++) stored.push(columns.add(op(`op${row}`, row + 1, row === 65_537 ? [['dram', 7], ['l2', 9]] : [['dram', row]])));
    expect([65_535, 65_536, 65_537].map((row) => fields(stored[row]!))).toEqual([
      { name: 'op65535', flops: 65_536, bytes: { dram: 65_535 }, kinds: {}, levels: ['dram'] },
      { name: 'op65536', flops: 65_537, bytes: { dram: 65_536 }, kinds: {}, levels: ['dram'] },
      { name: 'op65537', flops: 65_538, bytes: { dram: 7, l2: 9 }, kinds: {}, levels: ['dram', 'l2'] },
    ]);
    expect(stored[0]!.bytes).toEqual({ dram: 0 });
  });

  it('keeps a row another table stored (a baseline reusing the head\'s rows) as it is', () => {
    const head = new OpColumns();
    const row = head.add(op('a', 1, [['dram', 1]]));
    expect(new OpColumns().add(row)).toBe(row);
  });

  it('writes a stored row to JSON as its fields, not its storage', () => {
    const row = new OpColumns().add(op('a', 2, [['dram', 3]], 4));
    expect(JSON.parse(JSON.stringify(row))).toEqual({ name: 'a', flops: 2, bytes: { dram: 3 }, kinds: {}, measuredSeconds: 4 });
  });

  it('any sequence of unsplit ops reads back field for field, levels in order, or is kept as itself', () => {
    const level = fc.constantFrom('dram', 'l2', 'l1');
    const row = fc.record({
      name: fc.string({ minLength: 1, maxLength: 8 }),
      flops: fc.double({ min: 0, max: 1e18, noNaN: true }),
      bytes: fc.uniqueArray(fc.tuple(level, fc.double({ min: 0, max: 1e15, noNaN: true })), { minLength: 1, maxLength: 3, selector: ([name]) => name }),
      measured: fc.option(fc.double({ min: 1e-9, max: 10, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const columns = new OpColumns();
        for (const given of rows) {
          const added = op(given.name, given.flops, given.bytes, given.measured);
          const stored = columns.add(added);
          const expected = { name: given.name, flops: given.flops, bytes: Object.fromEntries(given.bytes), kinds: {}, levels: given.bytes.map(([name]) => name), ...(given.measured === undefined ? {} : { measuredSeconds: given.measured }) };
          expect(fields(stored)).toEqual(expected);
        }
      }),
    );
  });
});

describe('a table two configs share (a baseline whose op table did not change)', () => {
  it('gives each model the same totals, in records of its own', () => {
    const text = 'version: 1\nhardware: [a100-sxm4-80gb]\nmodels:\n  - name: m\n    precision: fp16\n    ops: { file: ops.csv }\n';
    const table: OpTable = { file: 'ops.csv', ops: [op('a', 1e9, [['dram', 2e6], ['l2', 3e6]]), op('b', 3e9, [['dram', 1e6]])], levelRows: new Map([['dram', 2], ['l2', 2]]) };
    const resolve = () => {
      const parsed = parseConfig(text, 'roofline.yml');
      return resolveConfig(parsed.raw, parsed, new Map([[0, table]])).models[0]!;
    };
    const [head, base] = [resolve(), resolve()];
    // 1e9 + 3e9 FLOP; DRAM 2e6 + 1e6 bytes; L2 3e6 (op b moves none there).
    expect([head.flops, head.bytes]).toEqual([4e9, { dram: 3e6, l2: 3e6 }]);
    expect([base.flops, base.bytes, base.kinds]).toEqual([head.flops, head.bytes, head.kinds]);
    expect(base.bytes).not.toBe(head.bytes);
    expect(base.kinds).not.toBe(head.kinds);
    expect(base.ops).toBe(head.ops);
  });
});
