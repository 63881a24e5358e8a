// The sticky comment against the fake GitHub API (checked against GitHub's OpenAPI description), through
// the same Octokit the action builds.
import { describe, expect, it } from '@jest/globals';
import { ACTIONS_BOT, type User } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { createClient } from '../src/github/client.js';
import {
  findSticky, isLater, readStamp, stampLine, stickyMarker, tokenAuthor, writeSticky, type Stamp, type Thread,
} from '../src/github/comment.js';

const TOKEN = 'ghs_commentTestToken';
const PAT = 'ghp_commentTestToken';
const HUMAN: User = { login: 'octocat', id: 1, type: 'User' };
const suite = fakeGitHubSuite({
  [TOKEN]: { user: ACTIONS_BOT, pullRequests: 'write', contents: 'write' },
  [PAT]: { user: { login: 'ci-user', id: 5, type: 'User' }, pullRequests: 'write', contents: 'write' },
});
let issue = 0;

const client = (token = TOKEN) => createClient(token, { baseUrl: suite.github.url, backoffMs: 1 });

/** A fresh pull request for each test. */
function thread(config = 'roofline.yml'): Thread {
  const number = ++issue;
  suite.github.pulls.push({ number, state: 'open', headSha: 'h', headRef: `b${number}`, headOwner: OWNER });
  return { repo: { owner: OWNER, repo: REPO }, issueNumber: number, marker: stickyMarker(config), author: { kind: 'bot' } };
}

const stamp = (runId: number, time = 1_000, digest = 'ab'): Stamp => ({ order: { time, runId, attempt: 1 }, digest });
const body = (t: Thread, s: Stamp, text: string) => `${t.marker}\n${stampLine(s)}\n${text}`;

describe('markers', () => {
  it('name the config, encoded so that it cannot end the HTML comment', () => {
    expect(stickyMarker('roofline.yml')).toBe('<!-- roofline-gate:sticky roofline.yml -->');
    expect(stickyMarker('./ml/roofline.yml')).toBe('<!-- roofline-gate:sticky ml/roofline.yml -->');
    expect(stickyMarker('a -->b.yml')).toBe('<!-- roofline-gate:sticky a%20--%3Eb.yml -->');
  });

  it('carry the run order and the report digest, read back exactly', () => {
    const s: Stamp = { order: { time: Date.parse('2024-05-01T10:00:00Z'), runId: 123456789, attempt: 3 }, digest: '0123abcd' };
    expect(stampLine(s)).toBe('<!-- roofline-gate:run 2024-05-01T10:00:00.000Z 123456789 3 0123abcd -->');
    expect(readStamp(`x\n${stampLine(s)}\ny`)).toEqual(s);
    expect(readStamp('no stamp')).toBeNull();
  });

  it('order runs by event time, then run id, then attempt', () => {
    const at = (time: number, runId: number, attempt: number) => ({ time, runId, attempt });
    expect(isLater(at(2, 1, 1), at(1, 9, 9))).toBe(true);
    expect(isLater(at(1, 2, 1), at(1, 1, 9))).toBe(true);
    expect(isLater(at(1, 1, 2), at(1, 1, 1))).toBe(true);
    expect(isLater(at(1, 1, 1), at(1, 1, 1))).toBe(false);
  });
});

describe('the token’s identity', () => {
  it('is a bot for an installation token, without asking', async () => {
    expect(await tokenAuthor(client(), TOKEN)).toEqual({ kind: 'bot' });
  });

  it('is the login for a personal token', async () => {
    expect(await tokenAuthor(client(PAT), PAT)).toEqual({ kind: 'login', login: 'ci-user' });
  });

  it('is anyone when the lookup is forbidden', async () => {
    suite.github.fault({ operation: 'users/get-authenticated', status: 403, message: 'Resource not accessible by personal access token' });
    expect(await tokenAuthor(client(PAT), PAT)).toEqual({ kind: 'anyone' });
  });
});

describe('writeSticky', () => {
  it('creates, then updates the same comment; other authors’ comments with the marker are not it', async () => {
    const t = thread();
    suite.github.addComment(t.issueNumber, `${t.marker}\nquoted by a person`, HUMAN);
    const octokit = client();
    const first = await writeSticky(octokit, t, body(t, stamp(1), 'one'), stamp(1), await findSticky(octokit, t));
    const second = await writeSticky(octokit, t, body(t, stamp(2), 'two'), stamp(2), await findSticky(octokit, t));
    expect([first.action, second.action]).toEqual(['created', 'updated']);
    expect(second.url).toBe(first.url);
    const ours = suite.github.commentsOn(t.issueNumber).filter((c) => c.user.type === 'Bot');
    expect(ours.map((c) => c.body.split('\n')[2])).toEqual(['two']);
  });

  it('leaves a later run’s result alone, even one written after it looked', async () => {
    const t = thread();
    const octokit = client();
    await writeSticky(octokit, t, body(t, stamp(5), 'five'), stamp(5), []);
    const found = await findSticky(octokit, t);
    // A later run writes between this run's listing and its update.
    const [comment] = suite.github.commentsOn(t.issueNumber);
    comment!.body = body(t, stamp(9), 'nine');
    const outcome = await writeSticky(octokit, t, body(t, stamp(6), 'six'), stamp(6), found);
    expect(outcome.action).toBe('kept-later');
    expect(suite.github.commentsOn(t.issueNumber).map((c) => c.body.split('\n')[2])).toEqual(['nine']);
  });

  it('after a race, keeps the oldest comment, with the later result, deleting the duplicate once', async () => {
    const t = thread();
    const octokit = client();
    const before = suite.github.log.length;
    // Both runs listed nothing, so both create.
    const [a, b] = await Promise.all([
      writeSticky(octokit, t, body(t, stamp(10), 'ten'), stamp(10), []),
      writeSticky(octokit, t, body(t, stamp(11), 'eleven'), stamp(11), []),
    ]);
    const left = suite.github.commentsOn(t.issueNumber);
    expect(left).toHaveLength(1);
    expect(left[0]!.body.split('\n')[2]).toBe('eleven');
    expect(a.url).toBe(b.url);
    expect(suite.github.log.slice(before).filter((entry) => entry.operation === 'issues/delete-comment').map((entry) => entry.status)).toEqual([204]);
  });

  it('deletes duplicates left by an earlier race when it updates', async () => {
    const t = thread();
    const older = suite.github.addComment(t.issueNumber, body(t, stamp(1), 'old 1'), ACTIONS_BOT);
    suite.github.addComment(t.issueNumber, body(t, stamp(2), 'old 2'), ACTIONS_BOT);
    const octokit = client();
    const outcome = await writeSticky(octokit, t, body(t, stamp(3), 'three'), stamp(3), await findSticky(octokit, t));
    expect(outcome.action).toBe('updated');
    expect(suite.github.commentsOn(t.issueNumber).map((c) => [c.id, c.body.split('\n')[2]])).toEqual([[older.id, 'three']]);
  });

  it('finds the comment among every page of a long thread', async () => {
    const t = thread();
    for (let i = 0; i < 250; i++) suite.github.addComment(t.issueNumber, `comment ${i}`, HUMAN);
    const ours = suite.github.addComment(t.issueNumber, body(t, stamp(1), 'ours'), ACTIONS_BOT);
    expect((await findSticky(client(), t)).map((s) => s.id)).toEqual([ours.id]);
  });

  it('for a personal token, is the comment of its login only', async () => {
    const t = { ...thread(), author: { kind: 'login', login: 'ci-user' } } as Thread;
    suite.github.addComment(t.issueNumber, body(t, stamp(1), 'someone else'), { login: 'other-user', id: 6, type: 'User' });
    const mine = suite.github.addComment(t.issueNumber, body(t, stamp(2), 'mine'), { login: 'ci-user', id: 5, type: 'User' });
    expect((await findSticky(client(PAT), t)).map((s) => s.id)).toEqual([mine.id]);
  });

  it('keeps two configs apart', async () => {
    const a = thread('a.yml');
    const b = { ...a, marker: stickyMarker('b.yml') };
    suite.github.addComment(a.issueNumber, body(a, stamp(1), 'a'), ACTIONS_BOT);
    expect(await findSticky(client(), b)).toEqual([]);
  });
});
