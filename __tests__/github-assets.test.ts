// Chart images on the assets branch, through the contents and Git Data APIs of the fake GitHub.
import { describe, expect, it } from '@jest/globals';
import { ACTIONS_BOT } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { contentPath, publishAsset, type Asset } from '../src/github/assets.js';
import { isForbidden } from '../src/github/client.js';
import { createClient } from '../src/github/octokit.js';

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

describe('contentPath', () => {
  it('names the file by the SHA-256 of its content, in the repository’s folder', () => {
    // sha256sum of the three bytes "abc"; of nothing.
    expect(contentPath({ owner: 'octo-org', repo: 'octo.repo' }, 'abc')).toBe('octo-org-octo.repo/charts/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.svg');
    expect(contentPath({ owner: 'o', repo: 'r' }, '')).toBe('o-r/charts/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.svg');
  });
});

describe('publishAsset', () => {
  it('creates the branch as an orphan commit, then adds each file with one contents write, linked by commit', async () => {
    const octokit = client();
    const first = await publishAsset(octokit, asset('assets-a', 'x/1.svg', '<svg>1</svg>'));
    const root = tipOf('assets-a');
    expect(suite.github.commits.get(root)!.parents).toEqual([]);
    expect(first).toBe(`https://github.example/${OWNER}/${REPO}/blob/${root}/x/1.svg?raw=true`);

    const before = suite.github.writes().length;
    const second = await publishAsset(octokit, asset('assets-a', 'x/2.svg', '<svg>2</svg>'));
    expect(suite.github.writes().slice(before)).toEqual(['PUT repos/create-or-update-file-contents']);
    expect(second).toBe(`https://github.example/${OWNER}/${REPO}/blob/${tipOf('assets-a')}/x/2.svg?raw=true`);
    expect(suite.github.commits.get(tipOf('assets-a'))!.parents).toEqual([root]);
    expect(suite.github.fileAt('assets-a', 'x/1.svg')).toBe('<svg>1</svg>'); // earlier charts stay
    expect(suite.github.fileAt('assets-a', 'x/2.svg')).toBe('<svg>2</svg>');
  });

  it('writes nothing when the branch already has the file', async () => {
    const octokit = client();
    const url = await publishAsset(octokit, asset('assets-b', 'p/roofline.svg', '<svg/>'));
    const writes = suite.github.writes().length;
    expect(await publishAsset(octokit, asset('assets-b', 'p/roofline.svg', '<svg/>'))).toBe(url);
    expect(suite.github.writes().length).toBe(writes);
  });

  it('after a 422 "sha wasn\'t supplied" (another run wrote the same file meanwhile) links the commit that has it', async () => {
    const octokit = client();
    await publishAsset(octokit, asset('assets-f', 'a.svg', 'a'));
    suite.github.fault({ operation: 'repos/create-or-update-file-contents', status: 422, message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
    // The fault stands for the other run's write: the file is not really there, so it is committed after all.
    expect(await publishAsset(octokit, asset('assets-f', 'b.svg', 'b'))).toBe(`https://github.example/${OWNER}/${REPO}/blob/${tipOf('assets-f')}/b.svg?raw=true`);
    expect(suite.github.fileAt('assets-f', 'b.svg')).toBe('b');
  });

  it('builds on the new tip when another run moved the branch meanwhile', async () => {
    const octokit = client();
    await publishAsset(octokit, asset('assets-c', 'a.svg', 'a'));
    await Promise.all([publishAsset(octokit, asset('assets-c', 'b.svg', 'b')), publishAsset(client(), asset('assets-c', 'c.svg', 'c'))]);
    expect(['a.svg', 'b.svg', 'c.svg'].map((file) => suite.github.fileAt('assets-c', file))).toEqual(['a', 'b', 'c']);
  });

  it('builds on the new tip after a 422 (not a fast-forward) while creating the branch', async () => {
    const octokit = client();
    suite.github.fault({ operation: 'git/create-ref', status: 422, message: 'Reference already exists' });
    const url = await publishAsset(octokit, asset('assets-e', 'new.svg', 'new'));
    expect(url).toBe(`https://github.example/${OWNER}/${REPO}/blob/${tipOf('assets-e')}/new.svg?raw=true`);
    expect(suite.github.fileAt('assets-e', 'new.svg')).toBe('new');
    expect(suite.github.log.filter((entry) => entry.operation === 'git/create-ref').map((entry) => entry.status).slice(-2)).toEqual([422, 201]);
  });

  it('fails with a 403 the caller can tell apart when the token may not push', async () => {
    const error = await publishAsset(client(READ_ONLY), asset('assets-d', 'a.svg', 'a')).catch((e: unknown) => e);
    expect(isForbidden(error)).toBe(true);
    expect(suite.github.refs.has('refs/heads/assets-d')).toBe(false);
  });
});
