// Which baseline the action compares with (a pure decision), and reading it at the base commit through a
// typed fake of the contents API, with a real git clone as the fallback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { apiError, fakeApi, FORBIDDEN } from './__fixtures__/github-api.js';
import { pullRequestEvent, pushEvent, settings, workflowRunEvent } from './__fixtures__/event.js';
import { makeRepo } from './e2e/harness.js';
import { baseSource, type ReadAtBase } from '../src/action/base-source.js';
import { obtainReport } from '../src/action/analysis.js';
import { chooseBaseline, cloneFallback, type BaselineFacts } from '../src/action/baseline.js';
import { loadConfig } from '../src/shell/load-config.js';

const facts = (overrides: Partial<BaselineFacts>): BaselineFacts => ({
  setting: { kind: 'auto' }, config: 'ml/roofline.yml', event: pullRequestEvent(), fileExists: false, ...overrides,
});

describe('chooseBaseline', () => {
  it('auto: the pull request’s base commit, read at the head config’s path', () => {
    expect(chooseBaseline(facts({}))).toEqual({
      kind: 'commit', commit: { sha: 'base0000000000000000000000000000000000bb', label: 'git:base000 (main)' }, file: 'ml/roofline.yml',
    });
  });

  it('auto on a push: the commit before it', () => {
    expect(chooseBaseline(facts({ event: pushEvent() }))).toEqual({
      kind: 'commit', commit: { sha: 'base0000000000000000000000000000000000bb', label: 'git:base000' }, file: 'ml/roofline.yml',
    });
  });

  it('auto on an event that names no commit (workflow_run, a new branch): none, and why', () => {
    expect(chooseBaseline(facts({ event: workflowRunEvent() }))).toEqual({ kind: 'none', why: 'a workflow_run event names no commit to compare with' });
  });

  it('none: none, whatever the event', () => {
    expect(chooseBaseline(facts({ setting: { kind: 'none' } }))).toEqual({ kind: 'none', why: '`baseline: none` is set' });
  });

  it('a path: that file in the workspace, which must exist', () => {
    expect(chooseBaseline(facts({ setting: { kind: 'file', file: 'old.yml' }, fileExists: true }))).toEqual({ kind: 'file', file: 'old.yml' });
    expect(() => chooseBaseline(facts({ setting: { kind: 'file', file: 'old.yml' }, fileExists: false }))).toThrow(
      'baseline: old.yml not found in the workspace; give a path that exists, auto, or none',
    );
  });
});

describe('cloneFallback, after the contents API failed', () => {
  const facts = { label: 'git:base000', file: 'ml/roofline.yml' };
  it('reads the local clone, and says so, when it has the base commit', () => {
    expect(cloneFallback({ ...facts, problem: { why: 'HTTP 500: boom', forbidden: false }, cloneHasCommit: true })).toEqual({
      kind: 'clone', warning: 'The baseline: reading ml/roofline.yml at git:base000 through the contents API failed (HTTP 500: boom); it is read from the local clone instead.',
    });
  });

  it('a refusal in a shallow checkout (fetch-depth: 1, no base commit): asks for the permission, or the history', () => {
    expect(cloneFallback({ ...facts, problem: { why: 'HTTP 403: no', forbidden: true }, cloneHasCommit: false })).toEqual({
      kind: 'fail',
      message:
        'cannot read the baseline: reading ml/roofline.yml at git:base000 through the contents API failed (HTTP 403: no), and the commit is not in the local clone. ' +
        'To compare, grant `contents: read`, or check out with `fetch-depth: 0`; or set `baseline: none`.',
    });
  });

  it('GitHub failing (a 503, no answer) in a shallow checkout: a rerun may pass; no permission is asked for', () => {
    expect(cloneFallback({ ...facts, problem: { why: 'HTTP 503: unavailable', forbidden: false }, cloneHasCommit: false })).toMatchObject({
      message: expect.stringContaining('failed (HTTP 503: unavailable), and the commit is not in the local clone. To compare, re-run the job once GitHub answers, or check out with `fetch-depth: 0`; or set `baseline: none`.'),
    });
  });
});

describe('cloneFallback without a token (the `token` input empty)', () => {
  const facts = { label: 'git:base000', file: 'ml/roofline.yml' };
  it('reads the local clone when it has the base commit, and says so as information: nothing failed', () => {
    expect(cloneFallback({ ...facts, problem: null, cloneHasCommit: true })).toEqual({
      kind: 'clone', info: 'The baseline: ml/roofline.yml at git:base000 is read from the local clone, since the `token` input is empty.',
    });
  });

  it('in a shallow checkout: asks for the token or the history, and names the input', () => {
    expect(cloneFallback({ ...facts, problem: null, cloneHasCommit: false })).toEqual({
      kind: 'fail',
      message:
        'cannot read the baseline: the `token` input is empty, so ml/roofline.yml at git:base000 cannot be read through the contents API, and the commit is not in the local clone. ' +
        'To compare, set `token` (its default is `${{ github.token }}`), or check out with `fetch-depth: 0`; or set `baseline: none`.',
    });
  });
});

const CONFIG = `version: 1
hardware: gtx-1080-ti
models:
  - name: table-model
    precision: fp32
    ops: { file: ops/model.csv }
`;
const TABLE = 'name,flops,bytes\nconv1,1 GFLOP,10 MB\nconv2,2 GFLOP,20 MB\n';

describe('baseSource', () => {
  const repo = makeRepo({ 'ml/roofline.yml': CONFIG, 'ml/ops/model.csv': TABLE }, { 'ml/roofline.yml': CONFIG.replace('table-model', 'renamed') });
  const cwd = process.cwd();
  beforeAll(() => process.chdir(repo.dir)); // the action runs in the workspace
  afterAll(() => {
    process.chdir(cwd);
    rmSync(repo.dir, { recursive: true, force: true });
  });
  const commit = { sha: repo.baseSha, label: 'git:base' };
  const source = (readAtBase: ReadAtBase | null, warnings: string[] = [], sha = repo.baseSha, infos: string[] = []) =>
    baseSource({ commit: { ...commit, sha }, readAtBase, workspace: repo.dir, warn: (message) => warnings.push(message), info: (message) => infos.push(message) });

  it('reads the config and its op table through the API, by their paths in the repository', async () => {
    const asked: string[] = [];
    const files: Record<string, string> = { 'ml/roofline.yml': CONFIG, 'ml/ops/model.csv': TABLE };
    const config = await loadConfig(source(async (file) => (asked.push(file), file in files ? Buffer.from(files[file]!) : null)), 'ml/roofline.yml');
    expect(config!.models.map((m) => [m.name, m.flops])).toEqual([['table-model', 3e9]]);
    expect(asked).toEqual(['ml/roofline.yml', 'ml/ops/model.csv']);
  });

  it('says "not there" (null) for a file the API does not have, and for a path outside the repository without asking', async () => {
    const asked: string[] = [];
    const none = source(async (file) => (asked.push(file), null));
    expect(await none.readText('new.yml')).toBeNull();
    expect(await none.readText(path.join('..', 'elsewhere.yml'))).toBeNull();
    expect(asked).toEqual(['new.yml']);
  });

  it('falls back to the local clone, once and with a warning, when the API fails otherwise', async () => {
    const warnings: string[] = [];
    const failing = source(async () => { throw apiError(500, 'Server Error'); }, warnings);
    expect(await failing.readText('ml/roofline.yml')).toBe(CONFIG);
    expect(await failing.readText('ml/ops/model.csv')).toBe(TABLE);
    expect(warnings).toEqual(['The baseline: reading ml/roofline.yml at git:base through the contents API failed (HTTP 500: Server Error); it is read from the local clone instead.']);
  });

  it('without a token (no API to ask): the local clone straight away, said once as information, no warning', async () => {
    const warnings: string[] = [];
    const infos: string[] = [];
    const clone = source(null, warnings, repo.baseSha, infos);
    expect(await clone.readText('ml/roofline.yml')).toBe(CONFIG);
    expect(await clone.readText('ml/ops/model.csv')).toBe(TABLE);
    expect(await clone.readText('not-there.yml')).toBeNull();
    expect(infos).toEqual(['The baseline: ml/roofline.yml at git:base is read from the local clone, since the `token` input is empty.']);
    expect(warnings).toEqual([]);
  });

  it('without a token in a shallow checkout: what to do, naming the `token` input', async () => {
    await expect(source(null, [], 'f'.repeat(40)).readText('ml/roofline.yml')).rejects.toThrow(
      'cannot read the baseline: the `token` input is empty, so ml/roofline.yml at git:base cannot be read through the contents API',
    );
  });

  it('obtainReport with an empty token: the full comparison from the clone, and not one API call', async () => {
    const api = fakeApi();
    const said = { info: [] as string[], warning: [] as string[] };
    const log = { info: (m: string) => said.info.push(m), warning: (m: string) => said.warning.push(m) };
    const event = pullRequestEvent({ baseCommit: { sha: repo.baseSha, label: 'git:base000 (main)' } });
    const { report } = await obtainReport(settings({ token: '', config: 'ml/roofline.yml' }), event, api, repo.dir, log);
    expect(api.calls).toEqual([]);
    // The base has table-model, the head renamed it: one pair removed, one added (no base), against the clone's base.
    expect([report.baseline, report.removed.map((r) => r.model), report.results.map((r) => [r.model, r.base])]).toEqual([
      'git:base000 (main)', ['table-model'], [['renamed', null]],
    ]);
    expect(said).toEqual({
      info: ['The baseline: ml/roofline.yml at git:base000 (main) is read from the local clone, since the `token` input is empty.', 'Baseline: git:base000 (main)'],
      warning: [],
    });
  });

  it('says what to do when neither the API nor the clone has the commit (a shallow checkout)', async () => {
    const shallow = source(async () => { throw FORBIDDEN; }, [], 'f'.repeat(40));
    await expect(shallow.readText('ml/roofline.yml')).rejects.toThrow(/contents: read.*fetch-depth: 0.*baseline: none/);
  });
});
