// A file at a commit through the REST contents API of the fake GitHub (checked against GitHub's OpenAPI
// description), through the same Octokit the action builds.
import { describe, expect, it } from '@jest/globals';
import { ACTIONS_BOT } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { statusOf } from '../src/github/client.js';
import { createClient } from '../src/github/octokit.js';
import { readFileAt } from '../src/github/contents.js';

const TOKEN = 'ghs_contentsTestToken';
const suite = fakeGitHubSuite(
  { [TOKEN]: { user: ACTIONS_BOT, pullRequests: 'read', contents: 'read' } },
  { base: { 'ml/roofline.yml': 'version: 1\n', 'ml/ops/model.csv': 'name,flops\n' }, head: { 'ml/roofline.yml': 'version: 1 # head\n' } },
);
const read = (path: string, sha = suite.repo.baseSha) =>
  readFileAt(createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1 }), { owner: OWNER, repo: REPO }, sha, path);

describe('readFileAt', () => {
  it('reads the bytes of a file as they were at the commit, one raw request per file', async () => {
    expect((await read('ml/roofline.yml'))!.toString()).toBe('version: 1\n');
    expect((await read('ml/ops/model.csv'))!.toString()).toBe('name,flops\n');
    expect((await read('ml/roofline.yml', suite.repo.headSha))!.toString()).toBe('version: 1 # head\n');
    const paths = suite.github.log.filter((entry) => entry.operation === 'repos/get-content').map((entry) => decodeURIComponent(entry.path));
    expect(paths).toEqual([
      `/repos/${OWNER}/${REPO}/contents/ml/roofline.yml`,
      `/repos/${OWNER}/${REPO}/contents/ml/ops/model.csv`,
      `/repos/${OWNER}/${REPO}/contents/ml/roofline.yml`,
    ]);
  });

  it('says "not there" (null) for a file missing at the commit', async () => {
    expect(await read('new.yml')).toBeNull();
  });

  it('throws any other failure, after the client’s retries, for the caller to decide', async () => {
    suite.github.fault({ operation: 'repos/get-content', status: 500, times: 4 }); // the first try and 3 retries
    expect(statusOf(await read('ml/roofline.yml').catch((error: unknown) => error))).toBe(500);
    suite.github.fault({ operation: 'repos/get-content', status: 403, message: 'Resource not accessible by integration' });
    expect(statusOf(await read('ml/roofline.yml').catch((error: unknown) => error))).toBe(403);
  });
});
