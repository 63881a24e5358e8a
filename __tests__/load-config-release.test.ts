// Every op table the shell opens is closed again, also when the reader stops early: here a table whose
// format cannot be told from its first bytes, longer than what the sniffing reads ahead, so the file is not
// yet at its end. Counted in /proc/self/fd (Linux), where a stream left open keeps its descriptor until the
// garbage collector runs.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/shell/load-config.js';
import { workingTree } from '../src/shell/sources.js';

const dir = mkdtempSync(path.join(tmpdir(), 'roofline-release-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const openFiles = () => readdirSync('/proc/self/fd').length;

describe('an op table the reader gives up on', () => {
  it('leaves no file open', async () => {
    writeFileSync(path.join(dir, 'notes.txt'), `hello, not an op table\n${'x'.repeat(1 << 20)}\n`);
    const config = path.join(dir, 'roofline.yml');
    writeFileSync(config, 'version: 1\nhardware: h100-sxm\nmodels:\n  - name: m\n    precision: fp16\n    ops: { file: notes.txt }\n');
    const before = openFiles();
    for (let i = 0; i < 20; i++) await expect(loadConfig(workingTree(), config)).rejects.toThrow(/cannot tell what format the file is/);
    await sleep(50); // a destroyed stream closes its descriptor asynchronously
    expect(openFiles()).toBe(before);
  });
});
