// The action's Octokit against the fake GitHub: 5xx answers and secondary rate limits are retried with
// backoff, slow answers are waited for, and what it retries is said through the logger it is given.
import { describe, expect, it } from '@jest/globals';
import { ACTIONS_BOT } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { ApiTimeout, describeApiError, statusOf } from '../src/github/client.js';
import { ACTIONS_BOT as BOT, findSticky, postComment, stickyMarker, type Thread } from '../src/github/comment.js';
import { readFileAt } from '../src/github/contents.js';
import { createClient } from '../src/github/octokit.js';

const TOKEN = 'ghs_clientTestToken';
/** A big op table: 2,000 rows of `op<i>,<i>` (17,780 bytes), sent slowly by the trickle tests. */
const OPS = `name,flops\n${Array.from({ length: 2000 }, (_, i) => `op${i},${i}\n`).join('')}`;
const suite = fakeGitHubSuite(
  { [TOKEN]: { user: ACTIONS_BOT, pullRequests: 'write', contents: 'write' } },
  { base: {}, head: { 'roofline.yml': 'version: 1\n', 'ops.csv': OPS } },
);
const client = (said: string[] = []) =>
  createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1, log: { info: (m) => said.push(m), debug: () => undefined } });
const repo = { owner: OWNER, repo: REPO };
const thread = (): Thread => {
  suite.github.pulls.push({ number: 7, state: 'open', headSha: 'h', headRef: 'b', headOwner: OWNER });
  return { repo, issueNumber: 7, marker: stickyMarker('roofline.yml'), author: BOT };
};
const attempts = (operation: string) => suite.github.log.filter((entry) => entry.operation === operation).map((entry) => entry.status);

describe('createClient', () => {
  it('retries a 502 on a read and on a write, then succeeds', async () => {
    suite.github.fault({ operation: 'repos/get-content', status: 502 });
    expect((await readFileAt(client(), repo, suite.repo.headSha, 'roofline.yml'))!.toString()).toBe('version: 1\n');
    expect(attempts('repos/get-content')).toEqual([502, 200]);

    suite.github.fault({ operation: 'issues/create-comment', status: 502 });
    expect(await postComment(client(), thread(), 'hello')).toContain('#issuecomment-');
    expect(attempts('issues/create-comment')).toEqual([502, 201]);
  });

  it('waits out a secondary rate limit, and says so through its logger', async () => {
    const said: string[] = [];
    suite.github.fault({ operation: 'issues/create-comment', status: 403, message: 'You have exceeded a secondary rate limit.', headers: { 'retry-after': '1' } });
    expect(await postComment(client(said), thread(), 'hello')).toContain('#issuecomment-');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^GitHub secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: retrying in 1 s$/);
  });

  it('does not pace writes: four comments in a row, with production backoff, take well under a second', async () => {
    // The plugin's default would space them 1 s apart as writes and 3 s apart as comment creations.
    const octokit = createClient(TOKEN, { baseUrl: suite.github.url });
    const t = thread();
    const started = Date.now();
    for (let i = 0; i < 4; i++) await postComment(octokit, t, `comment ${i}`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('waits for slow answers', async () => {
    suite.github.fault({ operation: '*', delayMs: 150 });
    expect((await readFileAt(client(), repo, suite.repo.headSha, 'roofline.yml'))!.toString()).toBe('version: 1\n');
  });

  it('gives up after 3 retries, with the status for the caller', async () => {
    suite.github.fault({ operation: 'repos/get-content', status: 500, times: 4 });
    expect(statusOf(await readFileAt(client(), repo, suite.repo.headSha, 'roofline.yml').catch((error: unknown) => error))).toBe(500);
    expect(attempts('repos/get-content').slice(-4)).toEqual([500, 500, 500, 500]);
  });

  it('abandons a request that is never answered after its timeout, once, and says which call it was', async () => {
    suite.github.fault({ operation: 'repos/get-content', stall: true });
    const octokit = createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1, timeoutMs: 200 });
    const started = Date.now();
    const error = await readFileAt(octokit, repo, suite.repo.headSha, 'roofline.yml').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ApiTimeout);
    expect(describeApiError(error)).toBe('GitHub did not answer: no answer within 0.2 s to GET /repos/{owner}/{repo}/contents/{path}');
    // Not retried: the one stalled attempt, then nothing (a stalled write may have arrived).
    expect(attempts('repos/get-content').slice(-1)).toEqual([0]);
    expect(suite.github.log.at(-1)!.operation).toBe('repos/get-content');
  });

  it('gives each attempt its own timeout: a 502 and then an answer, each 600 ms late, 1.2 s together, within 1 s each', async () => {
    suite.github.fault({ operation: 'repos/get-content', status: 502, delayMs: 600 });
    suite.github.fault({ operation: 'repos/get-content', delayMs: 600 });
    const octokit = createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1, timeoutMs: 1000 });
    expect((await readFileAt(octokit, repo, suite.repo.headSha, 'roofline.yml'))!.toString()).toBe('version: 1\n');
    expect(attempts('repos/get-content').slice(-2)).toEqual([502, 200]);
  });

  it('reads a big body that keeps arriving to its end, though it takes longer than the timeout', async () => {
    // The answer 150 ms late, then its 4 pieces 100 ms apart: 450 ms in all, over the 300 ms timeout, but
    // never 300 ms without a sign of life (150 ms to the headers, 100 ms between pieces).
    suite.github.fault({ operation: 'repos/get-content', delayMs: 150, trickle: { pieces: 4, gapMs: 100 } });
    const octokit = createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1, timeoutMs: 300 });
    expect((await readFileAt(octokit, repo, suite.repo.headSha, 'ops.csv'))!.toString()).toBe(OPS);
    expect(attempts('repos/get-content').slice(-1)).toEqual([200]);
  });

  it('abandons a body that stops arriving, with the timeout and the call, once: a raw file read by the caller', async () => {
    // 2 of 4 pieces, 50 ms apart, then silence: the watch runs out 200 ms after the second piece.
    suite.github.fault({ operation: 'repos/get-content', trickle: { pieces: 4, gapMs: 50, stallAfter: 2 } });
    const octokit = createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1, timeoutMs: 200 });
    const from = suite.github.log.length;
    const error = await readFileAt(octokit, repo, suite.repo.headSha, 'ops.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTimeout);
    expect(describeApiError(error)).toBe('GitHub did not answer: no answer within 0.2 s to GET /repos/{owner}/{repo}/contents/{path}');
    expect(suite.github.log.slice(from).map((entry) => `${entry.operation} ${entry.status}`)).toEqual(['repos/get-content 200']);
  });

  it('reads a JSON answer that trickles in, and abandons one that stops: the body Octokit parses itself', async () => {
    const t = thread();
    suite.github.addComment(t.issueNumber, `${t.marker}\nours`, ACTIONS_BOT);
    const octokit = createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 1, timeoutMs: 200 });
    // 4 pieces 100 ms apart: 300 ms over the 200 ms timeout, 100 ms without a piece at most.
    suite.github.fault({ operation: 'issues/list-comments', trickle: { pieces: 4, gapMs: 100 } });
    expect(await findSticky(octokit, t)).toHaveLength(1);
    // Octokit reads a JSON body that fails as '' (@octokit/request 10, getResponseData): not a silent empty list.
    suite.github.fault({ operation: 'issues/list-comments', trickle: { pieces: 4, gapMs: 50, stallAfter: 1 } });
    const error = await findSticky(octokit, t).catch((e: unknown) => e);
    // paginate() requests its first page by its path already filled in, as it does each next page.
    expect(describeApiError(error)).toBe(`GitHub did not answer: no answer within 0.2 s to GET /repos/${OWNER}/${REPO}/issues/${t.issueNumber}/comments`);
  });
});
