// What the CLI prints and writes, at the ends of every range (the bundled CLI as a user runs it): report.json
// has a number wherever one is due, and no rendering prints NaN, Infinity, undefined or null; a figure out
// of range is refused with the figure as the renderings write it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from './setup/dist.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roofline-numbers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Two devices at opposite ends (1 FLOP/s over 1 B/s; 1e21 FLOP/s over 1e21 B/s and a second level), a
 * built-in one, and models at the ends of the count range: 1e30 FLOP, 1 FLOP, no bytes, no FLOPs, ops with
 * measured times of 1e-15 s and 1e9 s, a batch of 1e9. `scale` moves the baseline's figures.
 */
const CONFIG = (scale: number) => `version: 1
hardware: [slow, fast, a100-sxm4-80gb]
devices:
  slow: { compute: { fp16: 1 FLOP/s }, memory: { dram: 1 B/s } }
  fast: { compute: { fp16: 1e21 FLOP/s }, memory: { dram: 1e21 B/s, l2: 1e21 B/s } }
models:
  - { name: huge, precision: fp16, flops: ${1e30 / scale}, bytes: { dram: ${1 * scale} }, batch: 1000000000, measured: { slow: 1e9 s } }
  - { name: tiny, precision: fp16, flops: ${1 * scale}, bytes: { weights: ${1e30 / scale}, kv: 0 } }
  - { name: no-bytes, precision: fp16, flops: 1 GFLOP, bytes: 0 }
  - { name: no-flops, precision: fp16, flops: 0, bytes: ${1e9 * scale} }
  - name: ops
    precision: fp16
    ops:
      - { name: a, flops: 1e30, bytes: ${scale}, measured: 1e-15 s }
      - { name: b, flops: ${scale}, bytes: 1e29, measured: 1e9 s }
gate:
  throughput-drop: { warn: 0%, fail: 5% }
  budgets: { min-throughput: 1e21/s, max-latency: 1e-15 s, ridge-margin: 500% }
`;

/** What no rendering shows: lost numbers, JavaScript's exponent form, float noise such as 0.30000000000000004. */
const FORBIDDEN = /NaN|Infinity|undefined|null|\de\+\d|\d\.\d*0000000\d/;

/** Paths of the nulls in parsed JSON. */
function nulls(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (typeof value !== 'object') return [];
  return Object.entries(value as object).flatMap(([key, item]) => nulls(item, `${path}.${key}`));
}

describe('the CLI at the ends of the ranges', () => {
  it('writes report.json with nulls only where the schema gives them a meaning, and renderings without NaN or Infinity', () => {
    writeFileSync(path.join(dir, 'roofline.yml'), CONFIG(1));
    writeFileSync(path.join(dir, 'old.yml'), CONFIG(2));
    for (const format of ['text', 'markdown', 'json']) {
      const { status, stdout, stderr } = run(['check', '--base', 'old.yml', '--format', format, '--out', 'out']);
      expect({ format, status, stderr }).toEqual({ format, status: 1, stderr: '' });
      if (format !== 'json') expect({ format, found: FORBIDDEN.exec(stdout)?.[0] ?? null }).toEqual({ format, found: null });
    }
    expect(FORBIDDEN.exec(readFileSync(path.join(dir, 'out', 'report.md'), 'utf8'))?.[0] ?? null).toBeNull();
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
    // Each null is one results.ts documents: no measured time (measuredSeconds, achieved FLOP/s, efficiency)
    // on a device without one, `ops` of a model not given as ops, or the infinite intensity of a level that
    // moves no bytes.
    const allowed = /\.(measuredSeconds|achievedFlopsPerSecond|efficiency|ops)$|\.intensity\.dram$/;
    const unexplained = nulls(report).filter((where) => !allowed.test(where));
    expect(unexplained).toEqual([]);
    const infiniteIntensities = nulls(report).filter((where) => /\.intensity\.dram$/.test(where));
    // Only no-bytes moves no DRAM bytes: its pairs on the three devices, now and in the baseline.
    for (const where of infiniteIntensities) {
      const result = report.results[Number(/^\.results\.(\d+)/.exec(where)![1])];
      expect(result.model).toBe('no-bytes');
    }
    // 3 devices x (the result's own intensity and its baseline's): 6.
    expect(infiniteIntensities).toHaveLength(6);
  });

  it('refuses a figure past the range with the figure as the renderings write it, exit 2', () => {
    writeFileSync(path.join(dir, 'bad.yml'), 'version: 1\nhardware: h100-sxm\nmodels:\n  - { name: m, precision: fp16, flops: 1e31, bytes: 0.30000000000000004 }\n');
    const { status, stderr } = run(['check', '--config', 'bad.yml', '--out', 'bad-out']);
    expect(status).toBe(2);
    expect(stderr).toContain('bad.yml:4:40: models[0].flops: out of range: a FLOP count must be 0, or from 1 FLOP to 1e30 FLOP, got 1e31 FLOP');
    expect(stderr).toContain('bad.yml:4:53: models[0].bytes: out of range: a byte count must be 0, or from 1 B to 1e30 B, got 0.3 B');
    // The excerpt under each message quotes the file as written; the messages themselves never a raw JS number.
    const messages = stderr.split('\n').filter((line) => line.startsWith('bad.yml:'));
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).not.toMatch(/e\+|0\.30000000000000004/);
  });
});
