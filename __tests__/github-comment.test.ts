// The sticky comment against the fake GitHub API (checked against GitHub's OpenAPI description), through
// the same Octokit the action builds.
import { describe, expect, it } from '@jest/globals';
import { ACTIONS_APP, ACTIONS_BOT as BOT_USER, type User } from './e2e/fake-github.js';
import { fakeGitHubSuite, OWNER, REPO } from './e2e/harness.js';
import { createClient } from '../src/github/octokit.js';
import {
  ACTIONS_BOT, authorOf, credibleStamp, findSticky, isLater, isOurs, isSameRun, mayHaveLanded, postComment, readStamp, settle, stampLine,
  stickyMarker, tokenAuthor, writeSticky, type Author, type ListedComment, type Stamp, type Thread,
} from '../src/github/comment.js';
import { apiError } from './__fixtures__/github-api.js';

const TOKEN = 'ghs_commentTestToken';
const PAT = 'ghp_commentTestToken';
/** Another GitHub App's installation token: also `ghs_`, but not github-actions[bot]. */
const APP_TOKEN = 'ghs_otherAppToken';
const HUMAN: User = { login: 'octocat', id: 1, type: 'User' };
const CI_USER: User = { login: 'ci-user', id: 5, type: 'User' };
const OTHER_APP_BOT: User = { login: 'roofline-app[bot]', id: 777, type: 'Bot' };
/** Another bot account (Dependabot's id on github.com), which the old check (`type === 'Bot'`) took for ours. */
const DEPENDABOT: User = { login: 'dependabot[bot]', id: 49699333, type: 'Bot' };
const suite = fakeGitHubSuite({
  [TOKEN]: { user: BOT_USER, app: ACTIONS_APP, pullRequests: 'write', contents: 'write' },
  [PAT]: { user: CI_USER, pullRequests: 'write', contents: 'write' },
  [APP_TOKEN]: { user: OTHER_APP_BOT, app: { id: 4242, slug: 'roofline-app' }, pullRequests: 'write', contents: 'write' },
});
let issue = 0;

const client = (token = TOKEN) => createClient(token, { baseUrl: suite.github.url, backoffMs: 1 });
const PAT_AUTHOR: Author = { id: 5, login: 'ci-user', app: null, source: 'asked' };

/** A fresh pull request for each test. */
function thread(config = 'roofline.yml'): Thread {
  const number = ++issue;
  suite.github.pulls.push({ number, state: 'open', headSha: 'h', headRef: `b${number}`, headOwner: OWNER });
  return { repo: { owner: OWNER, repo: REPO }, issueNumber: number, marker: stickyMarker(config), author: ACTIONS_BOT };
}

const stamp = (runId: number, time = 1_000, digest = 'ab'): Stamp => ({ order: { time, runId, attempt: 1 }, digest });
const body = (t: Thread, s: Stamp, text: string) => `${t.marker}\n${stampLine(s)}\n${text}`;
/** The third line of each comment on the thread: the text the tests write. */
const texts = (t: Thread) => suite.github.commentsOn(t.issueNumber).map((c) => c.body.split('\n')[2]);
/** The statuses of the requests for `operation` since `from` (an index into the fake's log). */
const statuses = (operation: string, from: number) => suite.github.log.slice(from).filter((entry) => entry.operation === operation).map((entry) => entry.status);
/** Far in the future: a stamp that would outrank every real run. */
const FAR_FUTURE = Date.parse('2099-01-01T00:00:00Z');

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
  it('is github-actions[bot] for an installation token, without asking: GET /user is refused to those', async () => {
    const from = suite.github.log.length;
    expect(await tokenAuthor(client(), TOKEN)).toEqual({ id: 41898282, login: 'github-actions[bot]', app: 15368, source: 'assumed' });
    expect(suite.github.log.length).toBe(from);
  });

  it('is the account GET /user names for a personal token, by id, through no app', async () => {
    expect(await tokenAuthor(client(PAT), PAT)).toEqual(PAT_AUTHOR);
  });

  it('is github-actions[bot] when the lookup is refused, never "anyone"', async () => {
    suite.github.fault({ operation: 'users/get-authenticated', status: 403, message: 'Resource not accessible by integration' });
    expect(await tokenAuthor(client(PAT), PAT)).toEqual(ACTIONS_BOT);
  });

  it('is what a written comment says, once there is one', () => {
    const comment: ListedComment = { id: 1, html_url: 'u', updated_at: '2024-05-01T10:00:00Z', user: { login: 'roofline-app[bot]', id: 777, type: 'Bot' }, performed_via_github_app: { id: 4242 } };
    expect(authorOf(comment, ACTIONS_BOT)).toEqual({ id: 777, login: 'roofline-app[bot]', app: 4242, source: 'asked' });
    expect(authorOf({ ...comment, user: null }, ACTIONS_BOT)).toBe(ACTIONS_BOT);
  });
});

describe('isOurs: by account id and app, then the marker', () => {
  const marker = stickyMarker('roofline.yml');
  const comment = (user: ListedComment['user'], app: number | null, text = `${marker}\nreport`): ListedComment => ({
    id: 1, html_url: 'u', updated_at: '2024-05-01T10:00:00Z', body: text, user, performed_via_github_app: app === null ? null : { id: app },
  });
  const bot = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
  it.each<[string, ListedComment, Author, boolean]>([
    ['github-actions[bot] through the GitHub Actions app', comment(bot, 15368), ACTIONS_BOT, true],
    ['github-actions[bot], no app named', comment(bot, null), ACTIONS_BOT, true],
    ['another bot account (any Bot passed before)', comment({ login: 'dependabot[bot]', id: 49699333, type: 'Bot' }, 29110), ACTIONS_BOT, false],
    ['a person’s comment quoting the marker', comment({ login: 'mallory', id: 2, type: 'User' }, null), ACTIONS_BOT, false],
    ['our account through another app', comment(bot, 999), ACTIONS_BOT, false],
    ['a deleted account (user null)', comment(null, null), ACTIONS_BOT, false],
    ['the marker not on the first line', comment(bot, 15368, `quoted:\n${marker}\n`), ACTIONS_BOT, false],
    ['the personal token’s account, no app', comment({ login: 'ci-user', id: 5, type: 'User' }, null), PAT_AUTHOR, true],
    ['the personal token’s account through an app acting for it', comment({ login: 'ci-user', id: 5, type: 'User' }, 77), PAT_AUTHOR, false],
    ['the same login on another account (renamed, then taken)', comment({ login: 'ci-user', id: 6, type: 'User' }, null), PAT_AUTHOR, false],
  ])('%s', (_name, c, author, expected) => {
    expect(isOurs(c, marker, author)).toBe(expected);
  });
});

describe('credibleStamp: no later than a minute after GitHub last wrote the comment', () => {
  const at10 = Date.parse('2024-05-01T10:00:00Z');
  const withStamp = (time: number, updatedAt: string) => ({ body: `m\n${stampLine({ order: { time, runId: 7, attempt: 1 }, digest: 'ab' })}`, updated_at: updatedAt });
  it.each<[string, number, string, boolean]>([
    ['written five minutes after its event', at10, '2024-05-01T10:05:00Z', true],
    ['written in the same second', at10, '2024-05-01T10:00:00Z', true],
    ['60 s ahead of the write: the clocks’ allowance', at10 + 60_000, '2024-05-01T10:00:00Z', true],
    ['60.001 s ahead of the write', at10 + 60_001, '2024-05-01T10:00:00Z', false],
    ['from 2099', FAR_FUTURE, '2024-05-01T10:00:00Z', false],
    ['no readable write time', at10, 'yesterday', false],
  ])('%s', (_name, time, updatedAt, credible) => {
    const c = withStamp(time, updatedAt);
    expect(credibleStamp(c)).toEqual(credible ? readStamp(c.body) : null);
  });
});

describe('settle: what the comment shows after this run wrote it', () => {
  const ours = stamp(10, 5_000);
  it.each<[string, Stamp | null, ReturnType<typeof settle>]>([
    ['this run’s report', stamp(10, 5_000, 'ab'), 'ours'],
    ['a newer event’s run', stamp(9, 6_000), 'newer'],
    ['a later run of the same event', stamp(11, 5_000), 'newer'],
    ['an older run’s slow write, landed after ours', stamp(9, 5_000), 'restore'],
    ['an older event’s run', stamp(12, 4_000), 'restore'],
    ['no credible stamp', null, 'restore'],
  ])('%s', (_name, seen, expected) => {
    expect(settle(ours, seen)).toBe(expected);
  });

  it('one run is its id and attempt', () => {
    expect(isSameRun({ time: 1, runId: 4, attempt: 2 }, { time: 9, runId: 4, attempt: 2 })).toBe(true);
    expect(isSameRun({ time: 1, runId: 4, attempt: 2 }, { time: 1, runId: 4, attempt: 1 })).toBe(false);
  });
});

describe('mayHaveLanded: a failed POST may have written', () => {
  it('after no answer or a 5xx; not after a 4xx, which is a refusal', () => {
    expect(mayHaveLanded(new TypeError('fetch failed'))).toBe(true);
    expect(mayHaveLanded(apiError(502, 'Bad Gateway'))).toBe(true);
    expect(mayHaveLanded(apiError(500, 'timeout'))).toBe(true);
    expect(mayHaveLanded(apiError(422, 'Validation Failed'))).toBe(false);
    expect(mayHaveLanded(apiError(404, 'Not Found'))).toBe(false);
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
    expect(ours.map((c) => [c.body.split('\n')[2], c.app])).toEqual([['two', ACTIONS_APP]]);
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
    expect(texts(t)).toEqual(['nine']);
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
    expect(statuses('issues/delete-comment', before)).toEqual([204]);
  });

  it('deletes duplicates left by an earlier race when it updates', async () => {
    const t = thread();
    const older = suite.github.addComment(t.issueNumber, body(t, stamp(1), 'old 1'), BOT_USER);
    suite.github.addComment(t.issueNumber, body(t, stamp(2), 'old 2'), BOT_USER);
    const octokit = client();
    const outcome = await writeSticky(octokit, t, body(t, stamp(3), 'three'), stamp(3), await findSticky(octokit, t));
    expect(outcome.action).toBe('updated');
    expect(suite.github.commentsOn(t.issueNumber).map((c) => [c.id, c.body.split('\n')[2]])).toEqual([[older.id, 'three']]);
  });

  it('finds the comment among every page of a long thread', async () => {
    const t = thread();
    for (let i = 0; i < 250; i++) suite.github.addComment(t.issueNumber, `comment ${i}`, HUMAN);
    const ours = suite.github.addComment(t.issueNumber, body(t, stamp(1), 'ours'), BOT_USER);
    expect((await findSticky(client(), t)).map((s) => s.id)).toEqual([ours.id]);
  });

  it('for a personal token, is the comment of its account id only, not of its login on another account', async () => {
    const t: Thread = { ...thread(), author: PAT_AUTHOR };
    suite.github.addComment(t.issueNumber, body(t, stamp(1), 'someone else'), { login: 'other-user', id: 6, type: 'User' });
    suite.github.addComment(t.issueNumber, body(t, stamp(1), 'the login, renamed onto another account'), { login: 'ci-user', id: 8, type: 'User' });
    const mine = suite.github.addComment(t.issueNumber, body(t, stamp(2), 'mine'), CI_USER);
    expect((await findSticky(client(PAT), t)).map((s) => s.id)).toEqual([mine.id]);
  });

  it('keeps two configs apart', async () => {
    const a = thread('a.yml');
    const b = { ...a, marker: stickyMarker('b.yml') };
    suite.github.addComment(a.issueNumber, body(a, stamp(1), 'a'), BOT_USER);
    expect(await findSticky(client(), b)).toEqual([]);
  });
});

describe('forged comments do not freeze ours', () => {
  it('another bot’s comment with the marker and a stamp from 2099 is not ours: ours is created beside it', async () => {
    const t = thread();
    const forged = suite.github.addComment(t.issueNumber, body(t, stamp(99, FAR_FUTURE), 'frozen'), DEPENDABOT, { id: 29110, slug: 'dependabot' });
    const octokit = client();
    expect(await findSticky(octokit, t)).toEqual([]);
    expect((await writeSticky(octokit, t, body(t, stamp(3), 'three'), stamp(3), [])).action).toBe('created');
    expect(texts(t)).toEqual(['frozen', 'three']);
    expect(suite.github.comments.find((c) => c.id === forged.id)!.body.split('\n')[2]).toBe('frozen');
  });

  it('the same identity’s comment (another workflow’s GITHUB_TOKEN) stamped 2099 has no credible stamp, and is updated', async () => {
    const t = thread();
    const forged = suite.github.addComment(t.issueNumber, body(t, stamp(99, FAR_FUTURE), 'frozen'), BOT_USER, ACTIONS_APP);
    const octokit = client();
    const found = await findSticky(octokit, t);
    expect(found).toEqual([{ id: forged.id, url: `${suite.github.serverUrl}/${OWNER}/${REPO}/pull/${t.issueNumber}#issuecomment-${forged.id}`, stamp: null }]);
    expect(await writeSticky(octokit, t, body(t, stamp(3), 'three'), stamp(3), found)).toEqual({ action: 'updated', url: found[0]!.url });
    expect(texts(t)).toEqual(['three']);
  });

  it('when GET /user is refused, a person’s comment with the marker and a stamp from 2099 is not ours', async () => {
    const t = thread();
    suite.github.addComment(t.issueNumber, body(t, stamp(99, FAR_FUTURE), 'frozen'), { login: 'mallory', id: 2, type: 'User' });
    suite.github.fault({ operation: 'users/get-authenticated', status: 403, message: 'Resource not accessible by integration' });
    const author = await tokenAuthor(client(PAT), PAT);
    expect(await findSticky(client(PAT), { ...t, author })).toEqual([]);
  });
});

describe('a slow update never lets an older run’s report stay over a newer one', () => {
  /** A thread whose sticky comment run 5 wrote, as the next run finds it. */
  async function writtenByRun5() {
    const t = thread();
    const octokit = client();
    await writeSticky(octokit, t, body(t, stamp(5), 'five'), stamp(5), []);
    return { t, octokit, found: await findSticky(octokit, t), comment: suite.github.commentsOn(t.issueNumber)[0]! };
  }

  const WORD: Record<number, string> = { 6: 'six', 9: 'nine' };

  // "Slow" is the fake's `meanwhile`: another run's write lands after ours is carried out and before its
  // answer arrives. How much later the answer comes changes nothing here (the calls are one after another
  // and no timeout is near), so no delay is set.
  it.each([
    {
      what: 'the newer run’s update is slow and an older run’s write lands meanwhile: the newer run writes its report again',
      ours: 9, meanwhile: 6, times: 1, action: 'updated', shown: 'nine',
      // Run 6 read the comment (showing run 5) before run 9 wrote; its update lands while run 9's answer is on its way.
      // Read before writing, write, read back (six), write again, read back (nine).
      requests: ['get', 'update', 'get', 'update', 'get'],
    },
    {
      what: 'the older run’s update is slow and a newer run’s write lands meanwhile: it leaves the newer report and says so',
      ours: 6, meanwhile: 9, times: 1, action: 'kept-later', shown: 'nine',
      // Read before writing (five, older than six), write, read back (nine, newer): left as it is.
      requests: ['get', 'update', 'get'],
    },
    {
      what: 'writes again at most twice: an older write landing after every one of ours wins the third time',
      ours: 9, meanwhile: 6, times: 3, action: 'updated', shown: 'six',
      // Read, write, then RESTORES = 2 rounds of reading back (six) and writing again, and a last read back (six).
      requests: ['get', 'update', 'get', 'update', 'get', 'update', 'get'],
    },
  ])('$what', async ({ ours, meanwhile, times, action, shown, requests }) => {
    const { t, octokit, found, comment } = await writtenByRun5();
    suite.github.fault({ operation: 'issues/update-comment', times, meanwhile: () => (comment.body = body(t, stamp(meanwhile), WORD[meanwhile]!)) });
    const from = suite.github.log.length;
    expect(await writeSticky(octokit, t, body(t, stamp(ours), WORD[ours]!), stamp(ours), found)).toEqual({ action, url: found[0]!.url });
    expect(texts(t)).toEqual([shown]);
    expect(suite.github.log.slice(from).map((entry) => `${entry.operation} ${entry.status}`)).toEqual(requests.map((request) => `issues/${request}-comment 200`));
  });
});

describe('a lost answer never leaves two comments', () => {
  it('`comment: new`: the POST wrote but its answer was a 502: the run’s comment is found and reused', async () => {
    const t = thread();
    suite.github.fault({ operation: 'issues/create-comment', status: 502, applied: true });
    const from = suite.github.log.length;
    const url = await postComment(client(), t, body(t, stamp(20), 'twenty'));
    const [comment] = suite.github.commentsOn(t.issueNumber);
    expect(texts(t)).toEqual(['twenty']);
    expect(url).toBe(`${suite.github.serverUrl}/${OWNER}/${REPO}/pull/${t.issueNumber}#issuecomment-${comment!.id}`);
    expect(suite.github.log.slice(from).map((entry) => `${entry.operation} ${entry.status}`)).toEqual(['issues/create-comment 502', 'issues/list-comments 200']);
  });

  it('`comment: new`: a 502 that wrote nothing is posted again, once; an earlier run’s comment is not taken for this run’s', async () => {
    const t = thread();
    suite.github.addComment(t.issueNumber, body(t, stamp(19), 'nineteen'), BOT_USER, ACTIONS_APP);
    suite.github.fault({ operation: 'issues/create-comment', status: 502 });
    const from = suite.github.log.length;
    await postComment(client(), t, body(t, stamp(20), 'twenty'));
    expect(texts(t)).toEqual(['nineteen', 'twenty']);
    expect(statuses('issues/create-comment', from)).toEqual([502, 201]);
  });

  it('`comment: new`: a refusal (422) is thrown, not retried', async () => {
    const t = thread();
    suite.github.fault({ operation: 'issues/create-comment', status: 422, message: 'Validation Failed' });
    const from = suite.github.log.length;
    await expect(postComment(client(), t, body(t, stamp(20), 'twenty'))).rejects.toMatchObject({ status: 422 });
    expect(suite.github.log.slice(from).map((entry) => entry.operation)).toEqual(['issues/create-comment']);
  });

  it('`comment: new`: 5xx after 5xx: a lookup and a re-post after each, at most RETRIES + 1 POSTs, waiting as Octokit’s retries do', async () => {
    const t = thread();
    // RETRIES is 3: the first POST and 3 more. A fifth would be answered 201, and the call would not throw.
    suite.github.fault({ operation: 'issues/create-comment', status: 502, times: 4 });
    const from = suite.github.log.length;
    const octokit = createClient(TOKEN, { baseUrl: suite.github.url, backoffMs: 20 });
    await expect(postComment(octokit, t, body(t, stamp(22), 'twenty-two'))).rejects.toMatchObject({ status: 502 });
    const log = suite.github.log.slice(from);
    expect(log.map((entry) => `${entry.operation} ${entry.status}`)).toEqual([
      'issues/create-comment 502', 'issues/list-comments 200', 'issues/create-comment 502', 'issues/list-comments 200',
      'issues/create-comment 502', 'issues/list-comments 200', 'issues/create-comment 502',
    ]);
    expect(texts(t)).toEqual([]);
    // Before retry n the plugin's wait, n² × backoffMs: 20, 80 and 180 ms between each failed POST's arrival
    // and the lookup after it (by the server's clock, which sees no less than the client waited). Node counts
    // a timer from its event loop's cached clock, so one may end up to 1 ms early by performance.now().
    const waits = [1, 3, 5].map((i) => log[i]!.at - log[i - 1]!.at);
    expect(waits[0]).toBeGreaterThanOrEqual(20 - 1);
    expect(waits[1]).toBeGreaterThanOrEqual(80 - 1);
    expect(waits[2]).toBeGreaterThanOrEqual(180 - 1);
  });

  it('the sticky comment: a lost answer on creating it is one comment, one POST', async () => {
    const t = thread();
    suite.github.fault({ operation: 'issues/create-comment', status: 502, applied: true });
    const from = suite.github.log.length;
    expect((await writeSticky(client(), t, body(t, stamp(21), 'one'), stamp(21), [])).action).toBe('created');
    expect(texts(t)).toEqual(['one']);
    expect(statuses('issues/create-comment', from)).toEqual([502]);
  });
});

describe('another GitHub App’s token (taken for GITHUB_TOKEN until a comment says otherwise)', () => {
  it('finds its own comment through the one it creates: one comment after two runs', async () => {
    const t = thread();
    const octokit = client(APP_TOKEN);
    const author = await tokenAuthor(octokit, APP_TOKEN);
    expect(author).toBe(ACTIONS_BOT);
    const first = await writeSticky(octokit, { ...t, author }, body(t, stamp(1), 'one'), stamp(1), await findSticky(octokit, { ...t, author }));
    // The next run again finds nothing by github-actions[bot], creates, learns the app's account from that
    // comment, and deletes it in favour of the older one: a create and a delete per run.
    const from = suite.github.log.length;
    const second = await writeSticky(octokit, { ...t, author }, body(t, stamp(2), 'two'), stamp(2), await findSticky(octokit, { ...t, author }));
    expect([first.action, second.action]).toEqual(['created', 'updated']);
    expect(second.url).toBe(first.url);
    expect(texts(t)).toEqual(['two']);
    expect(suite.github.writes().slice(-3)).toEqual(['POST issues/create-comment', 'DELETE issues/delete-comment', 'PATCH issues/update-comment']);
    expect(statuses('issues/create-comment', from)).toEqual([201]);
  });
});
