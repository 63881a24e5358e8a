// The baseline read through the REST contents API at a commit, with the local clone as the fallback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { ACTIONS_BOT } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { contentsSource } from '../src/github/baseline.js';
import { createClient } from '../src/github/client.js';
import { loadConfig } from '../src/shell/load-config.js';

const CONFIG = `version: 1
hardware: gtx-1080-ti
models:
  - name: table-model
    precision: fp32
    ops: { file: ops/model.csv }
`;
const TABLE = 'name,flops,bytes\nconv1,1 GFLOP,10 MB\nconv2,2 GFLOP,20 MB\n';
const TOKEN = 'ghs_baselineTestToken';
const suite = fakeGitHubSuite(
  { [TOKEN]: { user: ACTIONS_BOT, pullRequests: 'read', contents: 'read' } },
  { base: { 'ml/roofline.yml': CONFIG, 'ml/ops/model.csv': TABLE }, head: { 'ml/roofline.yml': CONFIG.replace('table-model', 'renamed') } },
);
const { repo } = suite;
const cwd = process.cwd();
beforeAll(() => process.chdir(repo.dir)); // the action runs in the workspace
afterAll(() => process.chdir(cwd));

const source = (workspace = repo.dir) =>
  contentsSource(createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1 }), { owner: OWNER, repo: REPO }, { sha: repo.baseSha, label: 'git:base' }, workspace);

describe('contentsSource', () => {
  it('reads the config and its op table as they were at the commit', async () => {
    const config = await loadConfig(source(), 'ml/roofline.yml');
    expect(config!.models.map((m) => [m.name, m.flops])).toEqual([['table-model', 3e9]]);
    const raw = suite.github.log.filter((entry) => entry.operation === 'repos/get-content').map((entry) => decodeURIComponent(entry.path));
    expect(raw).toEqual([`/repos/${OWNER}/${REPO}/contents/ml/roofline.yml`, `/repos/${OWNER}/${REPO}/contents/ml/ops/model.csv`]);
  });

  it('says "not there" (null) for a file missing at the commit, and for a path outside the repository', async () => {
    expect(await source().readText('new.yml')).toBeNull();
    expect(await source().readText(path.join('..', 'elsewhere.yml'))).toBeNull();
  });

  it('falls back to the local clone when the API fails otherwise', async () => {
    suite.github.fault({ operation: 'repos/get-content', status: 500, times: 4 }); // the first try and 3 retries
    expect(await source().readText('ml/roofline.yml')).toBe(CONFIG);
  });

  it('says what to do when neither the API nor the clone has the commit', async () => {
    suite.github.fault({ operation: 'repos/get-content', status: 403, message: 'Resource not accessible by integration' });
    const shallow = contentsSource(createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1 }), { owner: OWNER, repo: REPO }, { sha: 'f'.repeat(40), label: 'git:ffff' }, repo.dir);
    await expect(shallow.readText('ml/roofline.yml')).rejects.toThrow(/contents: read.*fetch-depth: 0.*baseline: none/);
  });
});
