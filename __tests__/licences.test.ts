// What a user who vendors dist/ receives: our licence, and the notices the bundled packages' licences ask
// to be reproduced in a binary distribution (vega and vega-lite are BSD-3-Clause), built with the bundle.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './setup/dist.js';

const root = path.resolve(import.meta.dirname, '..');
const notices = readFileSync(path.join(DIST, 'THIRD_PARTY_NOTICES.txt'), 'utf8');

describe('licences', () => {
  it('the repository carries the MIT licence package.json names', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The roofline-gate authors\n/);
  });

  it.each([
    ['vega-view', 'BSD-3-Clause', 'University of Washington Interactive Data Lab'],
    ['vega-scenegraph', 'BSD-3-Clause', 'University of Washington Interactive Data Lab'],
    ['vega-lite', 'BSD-3-Clause', 'University of Washington Interactive Data Lab'],
    ['zod', 'MIT', 'Colin McDonnell'],
    ['js-yaml', 'MIT', 'Copyright'],
    ['csv-parse', 'MIT', 'Copyright'],
    ['@actions/core', 'MIT', 'Copyright 2019 GitHub'],
  ])('the bundle ships %s\'s %s notice', (name, licence, holder) => {
    const block = notices.split(/\n-{78}\n/).find((b) => b.trim().startsWith(`${name} `));
    expect(block).toBeDefined();
    expect(block!.trim().split('\n')[0]).toMatch(new RegExp(`^${name.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+ \\(${licence}\\)$`));
    expect(block).toContain(holder);
  });

  it('lists no package of the tests or the build (only what runs)', () => {
    for (const name of ['jest', 'esbuild', 'typescript', 'fast-check']) expect(notices).not.toMatch(new RegExp(`^${name} \\d`, 'm'));
  });
});
