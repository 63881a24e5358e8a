// The pull request of a `workflow_run`, through the fake GitHub API (checked against GitHub's OpenAPI
// description): named by the event, else found by the run's head branch and commit, else by the commit.
import { describe, expect, it } from '@jest/globals';
import { ACTIONS_BOT } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { createClient } from '../src/github/octokit.js';
import { pullRequestOfRun, type RunHead } from '../src/github/pulls.js';

const TOKEN = 'ghs_pullsTestToken';
const suite = fakeGitHubSuite({ [TOKEN]: { user: ACTIONS_BOT, pullRequests: 'read', contents: 'read' } });
const find = (run: RunHead) => pullRequestOfRun(createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1 }), { owner: OWNER, repo: REPO }, run);
const operations = () => suite.github.log.map((entry) => entry.operation);

describe('pullRequestOfRun', () => {
  it('takes the pull request the event names, asking nothing', async () => {
    const before = suite.github.log.length;
    expect(await find({ headOwner: OWNER, headBranch: 'feature', headSha: 'a'.repeat(40), pullNumbers: [12, 13] })).toBe(12);
    expect(suite.github.log.length).toBe(before);
  });

  it('finds a fork’s pull request by its head branch and commit', async () => {
    suite.github.pulls.push(
      { number: 20, state: 'open', headSha: 'b'.repeat(40), headRef: 'feature', headOwner: 'forker' }, // an older push
      { number: 21, state: 'open', headSha: 'c'.repeat(40), headRef: 'feature', headOwner: 'forker' },
    );
    expect(await find({ headOwner: 'forker', headBranch: 'feature', headSha: 'c'.repeat(40), pullNumbers: [] })).toBe(21);
    expect(operations().at(-1)).toBe('pulls/list');
  });

  it('finds it by the commit when the branch lookup misses (the fork’s owner was renamed)', async () => {
    suite.github.pulls.push({ number: 30, state: 'open', headSha: 'd'.repeat(40), headRef: 'topic', headOwner: 'new-name' });
    expect(await find({ headOwner: 'old-name', headBranch: 'topic', headSha: 'd'.repeat(40), pullNumbers: [] })).toBe(30);
    expect(operations().slice(-2)).toEqual(['pulls/list', 'repos/list-pull-requests-associated-with-commit']);
  });

  it('is null when no open pull request has the commit at its head', async () => {
    suite.github.pulls.push({ number: 40, state: 'closed', headSha: 'e'.repeat(40), headRef: 'gone', headOwner: OWNER });
    expect(await find({ headOwner: OWNER, headBranch: 'gone', headSha: 'e'.repeat(40), pullNumbers: [] })).toBeNull();
  });
});
