// Files a config may read: only regular files inside the config's directory tree, links followed. In the
// action the config comes from the pull request, so an op table linked to /proc/self/environ must never be
// read, and no error may quote more than a short excerpt of any file.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../src/core/config/index.js';
import { loadConfig } from '../src/shell/load-config.js';
import { workingTree } from '../src/shell/sources.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roofline-confine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPS = 'name,flops,bytes\nmatmul,2 GFLOP,10 MB\n';

/** A config in its own folder whose op table is `file`, with `setUp` making that file. */
async function errorFor(file: string, setUp: (folder: string) => void): Promise<string> {
  const folder = mkdtempSync(path.join(dir, 'case-'));
  const config = path.join(folder, 'roofline.yml');
  writeFileSync(config, `version: 1\nhardware: h100-sxm\nmodels:\n  - name: m\n    precision: fp16\n    ops: { file: ${file} }\n`);
  setUp(folder);
  try {
    await loadConfig(workingTree(config), config);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'loaded';
}

describe('files a config names', () => {
  it('reads a regular file, and a link that stays inside the tree', async () => {
    expect(await errorFor('ops.csv', (f) => writeFileSync(path.join(f, 'ops.csv'), OPS))).toBe('loaded');
    expect(await errorFor('link.csv', (f) => {
      mkdirSync(path.join(f, 'tables'));
      writeFileSync(path.join(f, 'tables', 'ops.csv'), OPS);
      symlinkSync('tables/ops.csv', path.join(f, 'link.csv'));
    })).toBe('loaded');
  });

  it('refuses a link out of the tree, naming the key and never quoting the target', async () => {
    process.env.ROOFLINE_CONFINE_SECRET = 'hunter2-xyz';
    const message = await errorFor('env.csv', (f) => symlinkSync('/proc/self/environ', path.join(f, 'env.csv')));
    expect(message).toMatch(/roofline\.yml:6:18: models\[0\]\.ops\.file: op table env\.csv leads outside .* \(links are followed\)/);
    expect(message).not.toContain('hunter2-xyz');
  });

  it('refuses .. and absolute paths before reading anything', async () => {
    expect(await errorFor('../x.csv', () => undefined)).toContain("op table ../x.csv lies outside the config's directory tree");
    expect(await errorFor('/etc/ops.csv', () => undefined)).toContain("op table /etc/ops.csv lies outside the config's directory tree");
  });

  it('refuses a FIFO and a directory without opening them', async () => {
    expect(await errorFor('pipe.csv', (f) => execFileSync('mkfifo', [path.join(f, 'pipe.csv')]))).toContain('op table pipe.csv is a named pipe (FIFO), not a regular file');
    expect(await errorFor('dir.csv', (f) => mkdirSync(path.join(f, 'dir.csv')))).toContain('op table dir.csv is a directory, not a regular file');
  });

  it('refuses a binary op table without quoting it', async () => {
    const message = await errorFor('bin.csv', (f) => writeFileSync(path.join(f, 'bin.csv'), 'PATH=/usr/bin\u0000SECRET=hunter2-xyz\u0000'));
    expect(message).toContain('the file is binary, not a text op table');
    expect(message).not.toContain('hunter2');
  });

  it('quotes at most a short excerpt of an unknown CSV header', async () => {
    const long = `x${'A'.repeat(5000)}`;
    const message = await errorFor('wide.csv', (f) => writeFileSync(path.join(f, 'wide.csv'), `${long}\n1\n`));
    expect(message.length).toBeLessThan(1000);
  });

  it('a --config that is a directory is an error, not a crash', async () => {
    const folder = mkdtempSync(path.join(dir, 'case-'));
    await expect(loadConfig(workingTree(folder), folder)).rejects.toThrow(/is a directory, not a regular file/);
  });
});
