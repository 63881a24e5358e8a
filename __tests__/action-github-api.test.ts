// The real GitHubApi builds its Octokit at the first call, once: a run that makes no call never loads
// src/github/octokit.ts (and undici with it; the build checks that index.js does not hold it), and calls
// that start together share the one client. octokit.ts is replaced by a fake that counts what it builds.
import { describe, expect, it, jest } from '@jest/globals';
import type { ClientOptions } from '../src/github/client.js';

const built: Array<{ token: string; options: ClientOptions }> = [];
/** The one method readFileAt calls: the raw file as a body stream (contents.ts). */
const octokit = { rest: { repos: { getContent: async () => ({ data: new Response('version: 1\n').body }) } } };
jest.unstable_mockModule('../src/github/octokit.js', () => ({
  createClient: (token: string, options: ClientOptions) => {
    built.push({ token, options });
    return octokit;
  },
}));
const { gitHubApi } = await import('../src/action/github-api.js');

const OPTIONS: ClientOptions = { baseUrl: 'http://127.0.0.1:9', backoffMs: 1 };
const REPO = { owner: 'octo', repo: 'repo' };
const text = (file: Buffer | null) => file?.toString();

describe('gitHubApi', () => {
  it('builds no Octokit before the first call, then one for every call, concurrent first calls too', async () => {
    built.length = 0;
    const api = gitHubApi('ghs_token', OPTIONS, REPO);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(built).toEqual([]);

    const [first, second] = await Promise.all([api.readFileAt('a', 'roofline.yml'), api.readFileAt('b', 'roofline.yml')]);
    expect([text(first), text(second)]).toEqual(['version: 1\n', 'version: 1\n']);
    expect(text(await api.readFileAt('c', 'roofline.yml'))).toBe('version: 1\n');
    expect(built).toEqual([{ token: 'ghs_token', options: OPTIONS }]);
  });

  it('builds one Octokit per GitHubApi, with its own token', async () => {
    built.length = 0;
    await gitHubApi('ghs_one', OPTIONS, REPO).readFileAt('a', 'roofline.yml');
    await gitHubApi('ghs_two', OPTIONS, REPO).readFileAt('a', 'roofline.yml');
    expect(built.map((b) => b.token)).toEqual(['ghs_one', 'ghs_two']);
  });
});
