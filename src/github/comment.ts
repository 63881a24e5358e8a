// The sticky pull-request comment: one per pull request and config, found by a hidden marker among the
// comments the token's own identity wrote, updated in place. Runs can overlap (two pushes in a row, a
// re-run): each comment carries its run's ordering key, an older run never overwrites a newer one's result,
// and a duplicate created by two runs at once is deleted again (the oldest comment is the one kept).
//
// Which comment is ours is decided by what GitHub sets and no author can write: the account's numeric
// `user.id`, the app the comment was written through (`performed_via_github_app`), and the time GitHub last
// wrote it (`updated_at`). The body (marker and stamp) is text anyone with the same identity can type, so it
// only says which config and run a comment claims to be; its claimed time counts only up to `updated_at`.
import { RETRIES, statusOf, type Octokit, type Repo } from './client.js';

/** Orders runs: the event's time (a push, the pull request's update), then the run id, then its attempt. */
export interface Order {
  /** Milliseconds since the epoch; 0 when the event carries no time. */
  time: number;
  runId: number;
  attempt: number;
}

/**
 * Whose comments are ours: one account, by its numeric id (a login can be renamed and then taken by someone
 * else; the id cannot), and the GitHub App its comments are written through.
 */
export interface Author {
  id: number;
  login: string;
  /**
   * `performed_via_github_app.id` of its comments: the app whose installation token wrote them, null for a
   * personal token. GitHub's schema for an issue comment has `user` (a simple user: `login`, `id`, `type`)
   * and `performed_via_github_app` (a nullable integration: the app's `id`, `slug`), both set by GitHub
   * (docs.github.com/rest/issues/comments, and @octokit/openapi-types' `issue-comment`).
   */
  app: number | null;
  /** `asked`: GET /user answered; `assumed`: it is refused to this token, so it is taken for GITHUB_TOKEN. */
  source: 'asked' | 'assumed';
}

/**
 * GITHUB_TOKEN's identity. It is an installation token of the GitHub Actions app, and GET /user answers
 * installation tokens 403 "Resource not accessible by integration" (docs.github.com/rest/users/users#get-
 * the-authenticated-user is for user tokens; e.g. actions/create-github-app-token#258 and
 * anthropics/claude-code-action#538 show the 403), so it cannot be asked. Its comments are github-actions[bot]'s,
 * account id 41898282 (the id in its noreply address `41898282+github-actions[bot]@users.noreply.github.com`,
 * as in @octokit/webhooks-examples' check_suite payloads), through the app `github-actions`, id 15368 (the
 * `performed_via_github_app` of a deployment in @octokit/webhooks-examples).
 */
export const ACTIONS_BOT: Author = { id: 41898282, login: 'github-actions[bot]', app: 15368, source: 'assumed' };

export interface Sticky {
  id: number;
  url: string;
  /** The ordering key and report digest of the run that wrote it; null when unreadable or not credible. */
  stamp: Stamp | null;
}

export interface Stamp {
  order: Order;
  /** Digest of the report the comment shows, for `comment: changed`. */
  digest: string;
}

export interface Thread {
  repo: Repo;
  issueNumber: number;
  /** The first line of every sticky comment of this config: see stickyMarker(). */
  marker: string;
  author: Author;
}

/**
 * The hidden first line that finds the comment; the config path in it gives each config its own comment.
 *
 *   stickyMarker('models/roofline.yml') //=> '<!-- roofline-gate:sticky models/roofline.yml -->'
 */
export function stickyMarker(config: string): string {
  const key = config.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  // Percent-encode whatever could end the HTML comment or the line.
  return `<!-- roofline-gate:sticky ${key.replace(/[^\w./@+-]/g, (c) => encodeURIComponent(c))} -->`;
}

/** The hidden second line: `<!-- roofline-gate:run 2024-05-01T10:00:00.000Z 123456 1 digest -->`. */
export function stampLine({ order, digest }: Stamp): string {
  return `<!-- roofline-gate:run ${new Date(order.time).toISOString()} ${order.runId} ${order.attempt} ${digest} -->`;
}

export function readStamp(body: string): Stamp | null {
  const match = /^<!-- roofline-gate:run (\S+) (\d+) (\d+) ([0-9a-f]+) -->$/m.exec(body);
  if (!match) return null;
  return { order: { time: Date.parse(match[1]!) || 0, runId: Number(match[2]), attempt: Number(match[3]) }, digest: match[4]! };
}

/** True when `a` comes from a later run than `b`. */
export function isLater(a: Order, b: Order): boolean {
  if (a.time !== b.time) return a.time > b.time;
  if (a.runId !== b.runId) return a.runId > b.runId;
  return a.attempt > b.attempt;
}

/** The same run and attempt: a comment this run wrote (its answer perhaps lost). */
export function isSameRun(a: Order, b: Order): boolean {
  return a.runId === b.runId && a.attempt === b.attempt;
}

/**
 * How far a stamp's time may lie after the comment's `updated_at`. A run stamps the time of its event
 * (a pull request's `updated_at`, a workflow run's `created_at`: both GitHub's clock) and writes the comment
 * after it, so a true stamp is never later than the write; a minute allows for the two clocks.
 */
export const STAMP_SKEW_MS = 60_000;

/** A comment as GitHub lists it: the fields that decide whose it is. */
export interface ListedComment {
  id: number;
  body?: string | null;
  html_url: string;
  updated_at: string;
  user: { login: string; id: number; type?: string } | null;
  performed_via_github_app?: { id: number } | null;
}

/**
 * A comment is ours when its account is exactly ours, no other app wrote it, and it starts with the
 * marker. A bot account belongs to one app, so for a bot the id already pins the app; for a personal token
 * a comment written through some app on the same person's behalf (a user-to-server token) names that app,
 * and is not ours. A null `performed_via_github_app` is accepted for a bot too.
 */
export function isOurs(comment: ListedComment, marker: string, author: Author): boolean {
  if (comment.user?.id !== author.id) return false;
  const via = comment.performed_via_github_app?.id ?? null;
  if (via !== null && via !== author.app) return false;
  return (comment.body ?? '').startsWith(`${marker}\n`);
}

/**
 * The comment's stamp, if it is credible: its time is at most STAMP_SKEW_MS after `updated_at`, which GitHub
 * sets on every write. A stamp from the far future, typed by anyone who can write as the same identity,
 * would otherwise rank above every real run and freeze the comment; bounded so, it ranks as the moment it
 * was written, and the next event's run replaces it.
 */
export function credibleStamp(comment: Pick<ListedComment, 'body' | 'updated_at'>): Stamp | null {
  const stamp = readStamp(comment.body ?? '');
  const written = Date.parse(comment.updated_at);
  if (!stamp || !Number.isFinite(written) || stamp.order.time > written + STAMP_SKEW_MS) return null;
  return stamp;
}

/** Who wrote a comment, as GitHub says: the identity to look for from then on. */
export function authorOf(comment: ListedComment, assumed: Author): Author {
  if (!comment.user) return assumed;
  return { id: comment.user.id, login: comment.user.login, app: comment.performed_via_github_app?.id ?? null, source: 'asked' };
}

/** After writing and reading the comment back: it shows ours, a newer run's (leave it), or an older one's (write ours again). */
export type Settled = 'ours' | 'newer' | 'restore';

/**
 * What the comment shows after this run wrote it. A slow write of an older run can land after ours (comments
 * have no conditional update): the newer run then finds the older report and writes its own again. An
 * unreadable or incredible stamp is not a newer run's either.
 */
export function settle(ours: Stamp, seen: Stamp | null): Settled {
  if (seen && isSameRun(seen.order, ours.order) && seen.order.time === ours.order.time) return 'ours';
  if (seen && isLater(seen.order, ours.order)) return 'newer';
  return 'restore';
}

/** Rounds of reading back and writing again: each catches one older write that landed after ours. */
export const RESTORES = 2;

/**
 * Who the token acts as. An installation token (`ghs_`: GITHUB_TOKEN, or a GitHub App's) cannot ask and is
 * taken for GITHUB_TOKEN's github-actions[bot]; a personal or OAuth token is asked for its account, and when
 * even that is refused (403, as for an installation token in the old 40-hex format) it too is taken for
 * github-actions[bot]. Never "anyone": a comment by another account is never ours. Should the assumption be
 * wrong (another app's token), the first comment written says who wrote it (authorOf()).
 */
export async function tokenAuthor(octokit: Octokit, token: string): Promise<Author> {
  if (token.startsWith('ghs_')) return ACTIONS_BOT;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { id: data.id, login: data.login, app: null, source: 'asked' };
  } catch (error) {
    if (statusOf(error) === 403) return ACTIONS_BOT;
    throw error;
  }
}

/** Every sticky comment of the thread, oldest first, across all pages. */
export async function findSticky(octokit: Octokit, thread: Thread): Promise<Sticky[]> {
  return (await listOurs(octokit, thread)).map((comment) => ({ id: comment.id, url: comment.html_url, stamp: credibleStamp(comment) }));
}

export type Outcome =
  | { action: 'created' | 'updated'; url: string }
  /** A later run's result is already there: left as it is. */
  | { action: 'kept-later'; url: string };

/**
 * Writes `body` (which starts with the thread's marker and a stamp line) into the oldest sticky comment, or
 * creates one. `found` is what findSticky() returned a moment ago.
 */
export async function writeSticky(octokit: Octokit, thread: Thread, body: string, stamp: Stamp, found: Sticky[]): Promise<Outcome> {
  const [oldest, ...extra] = found;
  if (oldest) {
    // Read it again right before writing: the window in which a later run's write could be lost is then
    // one request long (comments have no conditional update); settled() closes most of the rest.
    const current = await getComment(octokit, thread, oldest.id);
    if (current === null || !isOurs(current, thread.marker, thread.author)) return writeSticky(octokit, thread, body, stamp, extra);
    const theirs = credibleStamp(current);
    if (theirs && !isLater(stamp.order, theirs.order)) return { action: 'kept-later', url: oldest.url };
    const { data } = await octokit.rest.issues.updateComment({ ...where(thread), comment_id: oldest.id, body });
    await removeAll(octokit, thread, extra); // left by an earlier race
    return settled(octokit, thread, data, body, stamp, 'updated');
  }

  const created = await createOnce(octokit, thread, body, stamp);
  // GitHub says who wrote it: when GITHUB_TOKEN's identity was assumed for another app's token, the
  // comments to compare with are that app's.
  const ours: Thread = { ...thread, author: authorOf(created, thread.author) };
  // Another run may have created one at the same moment: the oldest is kept, and each run whose comment
  // is not the oldest deletes its own (only its own, so each duplicate is deleted once), then makes sure
  // the one kept shows the later of the two results.
  const [kept] = await findSticky(octokit, ours);
  if (!kept || kept.id === created.id) return settled(octokit, ours, created, body, stamp, 'created');
  await removeAll(octokit, ours, [{ id: created.id, url: created.html_url, stamp }]);
  if (kept.stamp && !isLater(stamp.order, kept.stamp.order)) return { action: 'kept-later', url: kept.url };
  const { data } = await octokit.rest.issues.updateComment({ ...where(ours), comment_id: kept.id, body });
  return settled(octokit, ours, data, body, stamp, 'updated');
}

/**
 * A comment of its own, for `comment: new`. When `body` carries a stamp (the action's do), a lost answer
 * never makes two: see createOnce().
 */
export async function postComment(octokit: Octokit, thread: Thread, body: string): Promise<string> {
  const stamp = readStamp(body);
  if (!stamp) return (await octokit.rest.issues.createComment({ ...where(thread), issue_number: thread.issueNumber, body })).data.html_url;
  return (await createOnce(octokit, thread, body, stamp)).html_url;
}

/**
 * Creates the comment once, even when an answer is lost: a POST that timed out or failed with a 5xx may
 * still have written it. Octokit's retry would post it again blindly, so this call is not retried by
 * Octokit but here, as often (RETRIES) and after the same waits (octokit.beforeRetry()) as Octokit's retries:
 * after a failure, and the wait, this run's comment (by the run id and attempt in its stamp, among our own
 * comments) is looked for first, and only when there is none is it posted again. A 4xx is an answer (the
 * request was refused, nothing was written) and is thrown; a secondary rate limit is still waited out by
 * the throttling plugin, whose retries are its own.
 */
export async function createOnce(octokit: Octokit, thread: Thread, body: string, stamp: Stamp): Promise<ListedComment> {
  let lastError: unknown;
  for (let retry = 0; retry <= RETRIES; retry++) {
    if (retry > 0) {
      await octokit.beforeRetry(retry);
      const mine = (await listOurs(octokit, thread)).find((comment) => isSameRun(readStamp(comment.body ?? '')?.order ?? NO_ORDER, stamp.order));
      if (mine) return mine;
    }
    try {
      const { data } = await octokit.rest.issues.createComment({ ...where(thread), issue_number: thread.issueNumber, body, request: { retries: 0 } });
      return data;
    } catch (error) {
      if (!mayHaveLanded(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** A failure after which the request may have been carried out: no answer, or a 5xx. */
export function mayHaveLanded(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

const NO_ORDER: Order = { time: 0, runId: -1, attempt: -1 };

function where(thread: Thread) {
  return { owner: thread.repo.owner, repo: thread.repo.repo };
}

/** Our comments of the thread's marker, oldest first, across all pages. */
async function listOurs(octokit: Octokit, thread: Thread): Promise<ListedComment[]> {
  const comments: ListedComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    ...where(thread),
    issue_number: thread.issueNumber,
    per_page: 100,
  });
  return comments.filter((comment) => isOurs(comment, thread.marker, thread.author)).sort((a, b) => a.id - b.id);
}

/**
 * Reads the comment back after writing it and acts on what it shows (settle()): this run's report, done;
 * a newer run's, left (the outcome says so); an older run's that landed after ours, ours written again.
 */
async function settled(octokit: Octokit, thread: Thread, written: ListedComment, body: string, stamp: Stamp, action: 'created' | 'updated'): Promise<Outcome> {
  for (let round = 0; round <= RESTORES; round++) {
    const seen = await getComment(octokit, thread, written.id);
    if (seen === null) break; // deleted meanwhile: nothing left to guard
    const verdict = settle(stamp, isOurs(seen, thread.marker, thread.author) ? credibleStamp(seen) : null);
    if (verdict === 'ours') break;
    if (verdict === 'newer') return { action: 'kept-later', url: seen.html_url };
    if (round === RESTORES) break;
    await octokit.rest.issues.updateComment({ ...where(thread), comment_id: written.id, body });
  }
  return { action, url: written.html_url };
}

async function getComment(octokit: Octokit, thread: Thread, id: number): Promise<ListedComment | null> {
  try {
    return (await octokit.rest.issues.getComment({ ...where(thread), comment_id: id })).data;
  } catch (error) {
    if (statusOf(error) === 404) return null; // deleted meanwhile
    throw error;
  }
}

/** Deletes comments; one already deleted (by the other run of a race) is fine. */
async function removeAll(octokit: Octokit, thread: Thread, comments: Sticky[]): Promise<void> {
  for (const comment of comments) {
    try {
      await octokit.rest.issues.deleteComment({ ...where(thread), comment_id: comment.id });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
