// Input written to hang, exhaust memory or overflow: each case ends within seconds in a ConfigError that
// names the file, line and key (exit 2 from the CLI), never in a hang, a crash or a non-number.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type ConfigIssue } from '../src/core/config/index.js';
import { loadConfig as loadFromDisk } from '../src/shell/load-config.js';
import { workingTree } from '../src/shell/sources.js';
import { CLI } from './setup/dist.js';
import { refusal } from './__fixtures__/config-error.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roofline-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issuesOf = (load: () => unknown): ConfigIssue[] => refusal(load).issues;
const issues = (text: string) => issuesOf(() => loadConfig(text, 'roofline.yml'));

const MODEL = (lines: string, top = 'hardware: gtx-1080-ti\n') => `version: 1\n${top}models:\n  - name: m\n    precision: fp32\n${lines}`;

const DEVICE = (compute: string, memory: string) => `version: 1
hardware: x
devices:
  x:
    compute: { fp32: ${compute} }
    memory: { dram: ${memory} }
models:
  - name: m
    precision: fp32
    flops: 1 GFLOP
    bytes: 1 MB
`;

describe('a model with no memory level at all', () => {
  it('is refused at its bytes: `bytes: {}` on a model', () => {
    expect(issues(MODEL('    flops: 1 GFLOP\n    bytes: {}\n'))).toMatchObject([
      { line: 7, column: 12, path: 'models[0].bytes', message: 'expected at least one memory level, e.g. { dram: 86 MB }; for no bytes moved at all, write `bytes: 0`' },
    ]);
  });

  it('is refused at each op: `bytes: {}` on every op', () => {
    const found = issues(MODEL('    ops:\n      - { name: a, flops: 1, bytes: {} }\n      - { name: b, flops: 1, bytes: {} }\n'));
    expect(found[0]).toMatchObject({ line: 7, path: 'models[0].ops[0].bytes', message: 'expected at least one memory level, e.g. { dram: 86 MB }; for no bytes moved at all, write `bytes: 0`' });
  });

  it('moves no bytes with `bytes: 0`: compute-bound at infinite intensity, and the CLI charts it', () => {
    const config = loadConfig(MODEL('    flops: 1 GFLOP\n    bytes: 0\n'), 'roofline.yml');
    expect(config.models[0]!.bytes).toEqual({ dram: 0 });
  });
});

describe('figures out of range', () => {
  it('refuses a device peak or bandwidth of 5e-324', () => {
    expect(issues(DEVICE('5e-324', '1 GB/s'))).toMatchObject([
      { line: 5, path: 'devices.x.compute.fp32', message: 'out of range: a compute rate must be from 1 FLOP/s to 1e21 FLOP/s, got 5e-324 FLOP/s' },
    ]);
    expect(issues(DEVICE('1 TFLOP/s', '5e-324'))).toMatchObject([
      { line: 6, path: 'devices.x.memory.dram', message: 'out of range: a bandwidth must be from 1 B/s to 1e21 B/s, got 5e-324 B/s' },
    ]);
    expect(issues(DEVICE('1e22', '1 GB/s'))[0]!.message).toBe('out of range: a compute rate must be from 1 FLOP/s to 1e21 FLOP/s, got 1e22 FLOP/s');
  });

  it('accepts the ends of the ranges', () => {
    expect(() => loadConfig(DEVICE('1e21', '1'), 'roofline.yml')).not.toThrow();
  });

  it('refuses counts past 1e30 and below 1, but not 0', () => {
    expect(issues(MODEL('    flops: 1e31\n    bytes: 1 MB\n'))).toMatchObject([{ line: 6, path: 'models[0].flops', message: 'out of range: a FLOP count must be 0, or from 1 FLOP to 1e30 FLOP, got 1e31 FLOP' }]);
    expect(issues(MODEL('    flops: 1 GFLOP\n    bytes: 5e-324\n'))).toMatchObject([{ line: 7, path: 'models[0].bytes', message: 'out of range: a byte count must be 0, or from 1 B to 1e30 B, got 5e-324 B' }]);
  });

  it('refuses ops whose sum is past the range, at the model\'s ops', () => {
    expect(issues(MODEL('    ops:\n      - { name: a, flops: 1e30, bytes: 1 }\n      - { name: b, flops: 1e30, bytes: 1 }\n'))).toMatchObject([
      { line: 6, path: 'models[0].ops', message: 'the ops\' flops add up to 2e30 FLOP: out of range: a FLOP count must be 0, or from 1 FLOP to 1e30 FLOP' },
    ]);
  });

  it('refuses a measured time of 5e-324 s and a batch of 1e300', () => {
    expect(issues(MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n    measured: { gtx-1080-ti: 5e-324 s }\n'))).toMatchObject([
      { line: 8, path: 'models[0].measured.gtx-1080-ti', message: 'out of range: a time must be from 1e-15 s to 1e9 s, got 5e-324 s' },
    ]);
    expect(issues(MODEL('    flops: 1 GFLOP\n    bytes: 1 MB\n    batch: 1e300\n'))[0]).toMatchObject({ path: 'models[0].batch', message: 'expected a batch of at most 1,000,000,000' });
  });

  it('refuses op table cells out of range, at their row', async () => {
    const table = path.join(dir, 'range.csv');
    writeFileSync(table, 'name,flops,bytes\na,1e31,1\n');
    const config = path.join(dir, 'range.yml');
    writeFileSync(config, MODEL('    ops: { file: range.csv }\n'));
    await expect(loadFromDisk(workingTree(), config)).rejects.toMatchObject({
      issues: [{ file: table, line: 2, path: 'flops', message: 'out of range: a FLOP count must be 0, or from 1 FLOP to 1e30 FLOP, got 1e31 FLOP' }],
    });
  });
});

describe('sizes and counts, refused before the work', () => {
  it('refuses a YAML list of 130,000 items at its line, without overflowing the stack', () => {
    const list = Array<string>(130_000).fill('a').join(', ');
    expect(issues(MODEL(`    flops: 1 GFLOP\n    bytes: 1 MB\n    hardware: [${list}]\n`))).toMatchObject([
      { line: 8, column: 15, path: '', message: 'a YAML list of 130,000 items: at most 100,000 are accepted in one list or mapping' },
    ]);
  }, 20_000);

  it('refuses more than 10,000 models', () => {
    const models = Array.from({ length: 10_001 }, (_, i) => `  - { name: m${i}, precision: fp32, flops: 1, bytes: 1 }`).join('\n');
    expect(issues(`version: 1\nhardware: gtx-1080-ti\nmodels:\n${models}\n`)).toMatchObject([{ line: 4, path: 'models', message: 'expected at most 10,000 models' }]);
  }, 20_000);

  it('refuses an alias bomb', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array<string>(10).fill(`*a${i}`).join(', ')}]`).join('\n');
    expect(issues(`version: 1\nx0: &a0 [lol]\n${levels}\nmodels: []\n`)).toMatchObject([{ line: 1, message: 'YAML aliases expand to far more nodes than the file holds (an alias bomb)' }]);
  });

  it('refuses a config over 16 MiB', () => {
    const text = MODEL(`    flops: 1 GFLOP\n    bytes: 1 MB\n# ${'x'.repeat(17 * 1024 * 1024)}\n`);
    expect(issues(text)).toMatchObject([{ line: 1, message: 'the file is larger than 16 MiB, the limit for a config: list large models\' ops in an op table file' }]);
  });

  it('refuses a config file over 16 MiB before reading it', async () => {
    const config = path.join(dir, 'huge.yml');
    writeFileSync(config, MODEL(`    flops: 1 GFLOP\n    bytes: 1 MB\n# ${'x'.repeat(17 * 1024 * 1024)}\n`));
    await expect(loadFromDisk(workingTree(), config)).rejects.toMatchObject({ issues: [{ file: config, line: 1, message: 'is larger than 16 MiB, the limit for a config' }] });
  });

  it('refuses one 100 MB CSV line at its line', async () => {
    const table = path.join(dir, 'long.csv');
    writeFileSync(table, `name,flops,bytes\n${'a'.repeat(100 * 1024 * 1024)},1,1\n`);
    const config = path.join(dir, 'long.yml');
    writeFileSync(config, MODEL('    ops: { file: long.csv }\n'));
    await expect(loadFromDisk(workingTree(), config)).rejects.toMatchObject({
      issues: [{ file: table, line: 2, message: 'a record longer than 1,048,576 characters: no op table row is this long' }],
    });
  }, 30_000);

  it('refuses one 100 MB JSON Lines line at its line', async () => {
    const table = path.join(dir, 'long.jsonl');
    writeFileSync(table, `{"name":"a","flops":1,"bytes":1}\n{"name":"${'a'.repeat(100 * 1024 * 1024)}"}\n`);
    const config = path.join(dir, 'long-jsonl.yml');
    writeFileSync(config, MODEL('    ops: { file: long.jsonl }\n'));
    await expect(loadFromDisk(workingTree(), config)).rejects.toMatchObject({
      issues: [{ file: table, line: 2, message: 'line 2 is longer than 1,048,576 characters: no op table row is this long' }],
    });
  }, 30_000);

  it('refuses an op table of more than 5,000,000 rows', async () => {
    const table = path.join(dir, 'rows.csv');
    writeFileSync(table, `name,flops,bytes\n${'o,1,1\n'.repeat(5_000_001)}`);
    const config = path.join(dir, 'rows.yml');
    writeFileSync(config, MODEL('    ops: { file: rows.csv }\n'));
    await expect(loadFromDisk(workingTree(), config)).rejects.toMatchObject({
      issues: [{ file: table, line: 5_000_002, message: 'more than 5,000,000 op rows: at most 5,000,000 are accepted in one op table' }],
    });
  }, 120_000);
});

describe('the CLI on hostile input', () => {
  const run = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return spawnSync(process.execPath, [CLI, 'check', '--config', file, '--out', path.join(dir, `${name}-out`)], { encoding: 'utf8', timeout: 20_000 });
  };

  it('ends `bytes: {}` with exit 2 and the line, instead of looping in the chart', () => {
    const result = run('empty-bytes.yml', MODEL('    flops: 1 GFLOP\n    bytes: {}\n'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('empty-bytes.yml:7:12: models[0].bytes: expected at least one memory level');
  }, 30_000);

  it('ends device figures of 5e-324 with exit 2, instead of hanging on the axes', () => {
    const result = run('tiny.yml', DEVICE('5e-324', '5e-324'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tiny.yml:5:22: devices.x.compute.fp32: out of range');
  }, 30_000);

  it('charts the ends of the ranges, a model that moves no bytes among them', () => {
    const text = `${DEVICE('1e21', '1')}  - { name: far, precision: fp32, flops: 1e30, bytes: 1 }\n  - { name: none, precision: fp32, flops: 1, bytes: 0 }\n  - { name: slow, precision: fp32, flops: 0, bytes: 1e30 }\n`;
    const result = run('ends.yml', text);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 30_000);
});
