// Every GitHub API call the action makes, as one interface over src/github/: the action's code is written
// against it, main.ts hands it the real one, and tests a typed fake (__tests__/__fixtures__/github-api.ts).
import { commitFiles, publishAsset, type Asset, type BranchCommit } from '../github/assets.js';
import { finishCheckRun, startCheckRun, type CheckRunEnd, type CheckRunStart } from '../github/checks.js';
import type { ClientOptions, Octokit, Repo } from '../github/client.js';
import { findSticky, postComment, tokenAuthor, writeSticky, type Author, type Outcome, type Stamp, type Sticky, type Thread } from '../github/comment.js';
import { readFileAt } from '../github/contents.js';
import { pullRequestOfRun, type RunHead } from '../github/pulls.js';

export interface GitHubApi {
  /** A file at a commit; null when it is not there. */
  readFileAt(sha: string, path: string): Promise<Buffer | null>;
  /** The number of the open pull request a `workflow_run` is about; null when there is none. */
  pullRequestOfRun(run: RunHead): Promise<number | null>;
  /** Who the token writes comments as. */
  tokenAuthor(): Promise<Author>;
  findSticky(thread: Thread): Promise<Sticky[]>;
  writeSticky(thread: Thread, body: string, stamp: Stamp, found: Sticky[]): Promise<Outcome>;
  /** A new comment; its URL. */
  postComment(thread: Thread, body: string): Promise<string>;
  /** Commits a file to a branch; the URL that shows it. */
  publishAsset(asset: Asset): Promise<string>;
  /** One commit of file changes on a branch, never forced; its SHA. */
  commitFiles(commit: BranchCommit): Promise<string>;
  /** A check run, in progress; its id. */
  startCheckRun(start: CheckRunStart): Promise<number>;
  finishCheckRun(id: number, end: CheckRunEnd): Promise<void>;
}

/**
 * The real API, with `token`. Its Octokit (undici and the REST endpoint methods with it, most of the
 * action's code) is loaded and built at the first call, once, concurrent first calls waiting for the same
 * one: a run that makes no call (`comment: off`, a push with nothing to store) never compiles it.
 */
export function gitHubApi(token: string, options: ClientOptions, repo: Repo): GitHubApi {
  let client: Promise<Octokit> | undefined;
  const octokit = () => (client ??= import('../github/octokit.js').then(({ createClient }) => createClient(token, options)));
  return {
    readFileAt: async (sha, path) => readFileAt(await octokit(), repo, sha, path),
    pullRequestOfRun: async (run) => pullRequestOfRun(await octokit(), repo, run),
    tokenAuthor: async () => tokenAuthor(await octokit(), token),
    findSticky: async (thread) => findSticky(await octokit(), thread),
    writeSticky: async (thread, body, stamp, found) => writeSticky(await octokit(), thread, body, stamp, found),
    postComment: async (thread, body) => postComment(await octokit(), thread, body),
    publishAsset: async (asset) => publishAsset(await octokit(), asset),
    commitFiles: async (commit) => commitFiles(await octokit(), commit),
    startCheckRun: async (start) => startCheckRun(await octokit(), start),
    finishCheckRun: async (id, end) => finishCheckRun(await octokit(), repo, id, end),
  };
}

/** The `token` input is empty: no call can be made. The plans skip every call then (no-token.ts); this says so if one is not. */
export class NoToken extends Error {
  override name = 'NoToken';
  constructor() {
    super('no GitHub API call can be made: the `token` input is empty');
  }
}

const refuse = async (): Promise<never> => {
  throw new NoToken();
};

/** The API of a run without a token: every call rejects with NoToken, and Octokit is never built (it refuses an empty token). */
export const WITHOUT_TOKEN: GitHubApi = {
  readFileAt: refuse,
  pullRequestOfRun: refuse,
  tokenAuthor: refuse,
  findSticky: refuse,
  writeSticky: refuse,
  postComment: refuse,
  publishAsset: refuse,
  commitFiles: refuse,
  startCheckRun: refuse,
  finishCheckRun: refuse,
};
