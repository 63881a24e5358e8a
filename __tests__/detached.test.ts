import { describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { opName } from '../src/core/import/imported.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes still used after a full collection, while `keep` holds what it returns. */
function retained(make: () => unknown[]): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept.length).toBe(200);
  return after - before;
}

describe('names kept from a large input', () => {
  it('do not keep the chunk they were cut from alive', () => {
    // 200 chunks of 64 KiB (13.1 MB in all), each a distinct string, and a 20-character name cut from each.
    // A view of its chunk would keep all 13.1 MB; 200 names of their own take a few kilobytes.
    const names = retained(() => Array.from({ length: 200 }, (_, i) => {
      const chunk = `${String(i).padStart(4, '0')}${'x'.repeat(65_532)}`;
      return opName(chunk.slice(0, 20)); // nothing to collapse or trim: the cut itself, as a report's cell often is
    }));
    expect(names).toBeLessThan(1_000_000);
  });

  it('would, as plain cuts (the control: the measure can tell)', () => {
    const cuts = retained(() => Array.from({ length: 200 }, (_, i) => {
      const chunk = `${String(i).padStart(4, '0')}${'x'.repeat(65_532)}`;
      return chunk.slice(0, 20);
    }));
    expect(cuts).toBeGreaterThan(10_000_000);
  });
});
