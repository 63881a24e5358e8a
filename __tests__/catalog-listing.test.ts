// `roofline-gate hardware`: the catalog as one table, a column per figure a reader compares.
import { describe, expect, it } from '@jest/globals';
import { CATALOG } from '../src/core/catalog/devices.js';
import { catalogTable } from '../src/core/catalog/listing.js';
import type { CatalogEntry } from '../src/core/catalog/types.js';

const figure = (value: number) => ({ value, kind: 'vendor' as const, source: 's' });
const entry = (id: string, levels: Array<[CatalogEntry['levels'][number]['name'], number]>): CatalogEntry => ({
  id, name: id.toUpperCase(), vendor: 'NVIDIA', kind: 'gpu', year: 2024, aliases: [],
  compute: { fp16: figure(100e12) }, capacityBytes: figure(2 ** 34),
  levels: levels.map(([name, value]) => ({ name, bytesPerSecond: figure(value) })), sources: { s: { title: 't', url: 'https://example.com' } },
});

const rows = (text: string) => text.split('\n');

describe('catalogTable', () => {
  it('gives a column to every level some device has, outermost first, whatever order the devices come in', () => {
    // One device with L2 and L1, the next with LLC and L2: columns DRAM, LLC, L2, L1; '-' where a device has none.
    const text = catalogTable([entry('a', [['dram', 1e12], ['l2', 5e12], ['l1', 20e12]]), entry('b', [['dram', 2e12], ['llc', 8e12], ['l2', 16e12]])]);
    expect(rows(text)[0]).toMatch(/\s+FP4  DRAM B\/s  LLC B\/s  L2 B\/s  L1 B\/s  NAME$/);
    expect(rows(text)[1]).toMatch(/\s+1\.00 T        -  5\.00 T  20\.0 T  A$/);
    expect(rows(text)[2]).toMatch(/\s+2\.00 T   8\.00 T  16\.0 T       -  B$/);
  });

  it('leaves out the columns of levels no device has', () => {
    const text = catalogTable([entry('a', [['dram', 1e12]])]);
    expect(rows(text)[0]).toMatch(/\s+FP4  DRAM B\/s  NAME$/);
  });

  it('shows the catalog\'s on-chip levels: the MI300 family\'s LLC, V100\'s L1', () => {
    // The catalog's figures: MI300X 5.3 TB/s of HBM, 17.2 TB/s of Infinity Cache, 34.4 TB/s of L2; V100
    // 900 GB/s, L2 3.133 TB/s, L1 14.336 TB/s.
    const text = catalogTable(CATALOG);
    expect(rows(text)[0]).toMatch(/ DRAM B\/s  LLC B\/s  L2 B\/s  L1 B\/s  NAME$/);
    expect(text).toMatch(/^mi300x .* 5\.30 T {3}17\.2 T {2}34\.4 T {7}- {2}AMD Instinct MI300X$/m);
    expect(text).toMatch(/^v100-sxm2-32gb .* 900 G {8}- {2}3\.13 T {2}14\.3 T {2}NVIDIA Tesla V100 SXM2 32GB$/m);
    // Up to the names, every row as wide as the header: 127 characters.
    expect(rows(text)[0]!.indexOf('NAME')).toBe(127);
  });
});
