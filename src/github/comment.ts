// The sticky pull-request comment: one per pull request and config, found by a hidden marker among the
// comments the token's own identity wrote, updated in place. Runs can overlap (two pushes in a row, a
// re-run): each comment carries its run's ordering key, an older run never overwrites a newer one's result,
// and a duplicate created by two runs at once is deleted again (the oldest comment is the one kept).
import { statusOf, type Octokit, type Repo } from './client.js';

/** Orders runs: the event's time (a push, the pull request's update), then the run id, then its attempt. */
export interface Order {
  /** Milliseconds since the epoch; 0 when the event carries no time. */
  time: number;
  runId: number;
  attempt: number;
}

/** Who may have written the comment: the token's login, any bot (installation tokens), or anyone. */
export type Author = { kind: 'login'; login: string } | { kind: 'bot' } | { kind: 'anyone' };

export interface Sticky {
  id: number;
  url: string;
  /** The ordering key and report digest of the run that wrote it; null when unreadable. */
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

/**
 * Who the token acts as. An installation token (`ghs_`: GITHUB_TOKEN, whose comments are
 * github-actions[bot]'s, or a GitHub App's) cannot ask, and acts as a bot, which no person can post as; a
 * personal or OAuth token is asked for its login, and when even that is forbidden any author is accepted.
 */
export async function tokenAuthor(octokit: Octokit, token: string): Promise<Author> {
  if (token.startsWith('ghs_')) return { kind: 'bot' };
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { kind: 'login', login: data.login };
  } catch (error) {
    if (statusOf(error) === 403) return { kind: 'anyone' };
    throw error;
  }
}

/** Every sticky comment of the thread, oldest first, across all pages. */
export async function findSticky(octokit: Octokit, thread: Thread): Promise<Sticky[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: thread.repo.owner,
    repo: thread.repo.repo,
    issue_number: thread.issueNumber,
    per_page: 100,
  });
  return comments
    .filter((comment) => isOurs(comment, thread))
    .sort((a, b) => a.id - b.id)
    .map((comment) => ({ id: comment.id, url: comment.html_url, stamp: readStamp(comment.body ?? '') }));
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
    // one request long (comments have no conditional update).
    const current = await getComment(octokit, thread, oldest.id);
    if (current === null) return writeSticky(octokit, thread, body, stamp, extra);
    const theirs = readStamp(current.body ?? '');
    if (theirs && !isLater(stamp.order, theirs.order)) return { action: 'kept-later', url: oldest.url };
    const { data } = await octokit.rest.issues.updateComment({ ...where(thread), comment_id: oldest.id, body });
    await removeAll(octokit, thread, extra); // left by an earlier race
    return { action: 'updated', url: data.html_url };
  }

  const { data: created } = await octokit.rest.issues.createComment({ ...where(thread), issue_number: thread.issueNumber, body });
  // Another run may have created one at the same moment: the oldest is kept, and each run whose comment
  // is not the oldest deletes its own (only its own, so each duplicate is deleted once), then makes sure
  // the one kept shows the later of the two results.
  const [kept] = await findSticky(octokit, thread);
  if (!kept || kept.id === created.id) return { action: 'created', url: created.html_url };
  await removeAll(octokit, thread, [{ id: created.id, url: created.html_url, stamp }]);
  if (kept.stamp && !isLater(stamp.order, kept.stamp.order)) return { action: 'kept-later', url: kept.url };
  const { data } = await octokit.rest.issues.updateComment({ ...where(thread), comment_id: kept.id, body });
  return { action: 'updated', url: data.html_url };
}

/** A comment of its own, for `comment: new`. */
export async function postComment(octokit: Octokit, thread: Thread, body: string): Promise<string> {
  const { data } = await octokit.rest.issues.createComment({ ...where(thread), issue_number: thread.issueNumber, body });
  return data.html_url;
}

interface ListedComment {
  id: number;
  body?: string | null;
  html_url: string;
  user: { login: string; type?: string } | null;
}

function isOurs(comment: ListedComment, thread: Thread): boolean {
  if (!(comment.body ?? '').startsWith(`${thread.marker}\n`)) return false;
  const { author } = thread;
  if (author.kind === 'anyone') return true;
  if (author.kind === 'bot') return comment.user?.type === 'Bot';
  return comment.user?.login === author.login;
}

function where(thread: Thread) {
  return { owner: thread.repo.owner, repo: thread.repo.repo };
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
