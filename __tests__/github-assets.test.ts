// Chart images on the assets branch, through the Git Data API of the fake GitHub.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { ACTIONS_BOT } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { assetPath, gitBlobSha, publishAsset, type Asset } from '../src/github/assets.js';
import { createClient, isForbidden } from '../src/github/client.js';

const TOKEN = 'ghs_assetsTestToken';
const READ_ONLY = 'ghs_assetsReadOnly';
const suite = fakeGitHubSuite({
  [TOKEN]: { user: ACTIONS_BOT, pullRequests: 'write', contents: 'write' },
  [READ_ONLY]: { user: ACTIONS_BOT, pullRequests: 'write', contents: 'read' },
});

const client = (token = TOKEN) => createClient(token, { baseUrl: suite.github.url, backoffMs: 1 });
const asset = (branch: string, path: string, content: string): Asset => ({
  repo: { owner: OWNER, repo: REPO }, branch, path, content, message: 'chart', serverUrl: 'https://github.example',
});
const tipOf = (branch: string) => suite.github.refs.get(`refs/heads/${branch}`)!;

describe('assetPath', () => {
  it('keeps repositories, pull requests and commits apart', () => {
    expect(assetPath({ owner: 'octo-org', repo: 'octo.repo' }, 12, 'abc')).toBe('octo-org-octo.repo/pr-12/abc/roofline.svg');
    expect(assetPath({ owner: 'o', repo: 'r' }, null, 'abc')).toBe('o-r/commit/abc/roofline.svg');
  });
});

describe('gitBlobSha', () => {
  it('is the id git gives the content', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg">µ</svg>\n';
    expect(gitBlobSha(svg)).toBe(execFileSync('git', ['hash-object', '--stdin'], { input: svg, encoding: 'utf8' }).trim());
  });
});

describe('publishAsset', () => {
  it('creates the branch as an orphan commit, then builds on it, and links files by commit', async () => {
    const octokit = client();
    const first = await publishAsset(octokit, asset('assets-a', 'x/pr-1/s1/roofline.svg', '<svg>1</svg>'));
    const root = tipOf('assets-a');
    expect(suite.github.commits.get(root)!.parents).toEqual([]);
    expect(first).toBe(`https://github.example/${OWNER}/${REPO}/blob/${root}/x/pr-1/s1/roofline.svg?raw=true`);

    await publishAsset(octokit, asset('assets-a', 'x/pr-1/s2/roofline.svg', '<svg>2</svg>'));
    expect(suite.github.commits.get(tipOf('assets-a'))!.parents).toEqual([root]);
    expect(suite.github.fileAt('assets-a', 'x/pr-1/s1/roofline.svg')).toBe('<svg>1</svg>'); // earlier charts stay
    expect(suite.github.fileAt('assets-a', 'x/pr-1/s2/roofline.svg')).toBe('<svg>2</svg>');
  });

  it('links the existing commit when the branch already has the same file', async () => {
    const octokit = client();
    const url = await publishAsset(octokit, asset('assets-b', 'p/roofline.svg', '<svg/>'));
    const writes = suite.github.writes().length;
    expect(await publishAsset(octokit, asset('assets-b', 'p/roofline.svg', '<svg/>'))).toBe(url);
    expect(suite.github.writes().length).toBe(writes);
  });

  it('builds on the new tip when another run moved the branch meanwhile', async () => {
    const octokit = client();
    await publishAsset(octokit, asset('assets-c', 'a.svg', 'a'));
    await Promise.all([publishAsset(octokit, asset('assets-c', 'b.svg', 'b')), publishAsset(client(), asset('assets-c', 'c.svg', 'c'))]);
    expect(['a.svg', 'b.svg', 'c.svg'].map((file) => suite.github.fileAt('assets-c', file))).toEqual(['a', 'b', 'c']);
  });

  it('builds on the new tip after a 422 (not a fast-forward) from updating the branch', async () => {
    const octokit = client();
    await publishAsset(octokit, asset('assets-e', 'old.svg', 'old'));
    suite.github.fault({ operation: 'git/update-ref', status: 422, message: 'Update is not a fast forward' });
    const url = await publishAsset(octokit, asset('assets-e', 'new.svg', 'new'));
    expect(url).toBe(`https://github.example/${OWNER}/${REPO}/blob/${tipOf('assets-e')}/new.svg?raw=true`);
    expect(['old.svg', 'new.svg'].map((file) => suite.github.fileAt('assets-e', file))).toEqual(['old', 'new']);
    expect(suite.github.log.filter((entry) => entry.operation === 'git/update-ref').map((entry) => entry.status).slice(-2)).toEqual([422, 200]);
  });

  it('fails with a 403 the caller can tell apart when the token may not push', async () => {
    const error = await publishAsset(client(READ_ONLY), asset('assets-d', 'a.svg', 'a')).catch((e: unknown) => e);
    expect(isForbidden(error)).toBe(true);
    expect(suite.github.refs.has('refs/heads/assets-d')).toBe(false);
  });
});
