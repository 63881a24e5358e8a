// Every GitHub API call the action makes, as one interface over src/github/: the action's code is written
// against it, main.ts hands it the real one, and tests a typed fake (__tests__/__fixtures__/github-api.ts).
import { commitFiles, publishAsset, type Asset, type BranchCommit } from '../github/assets.js';
import { finishCheckRun, startCheckRun, type CheckRunEnd, type CheckRunStart } from '../github/checks.js';
import type { Octokit, Repo } from '../github/client.js';
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

export function gitHubApi(octokit: Octokit, repo: Repo, token: string): GitHubApi {
  return {
    readFileAt: (sha, path) => readFileAt(octokit, repo, sha, path),
    pullRequestOfRun: (run) => pullRequestOfRun(octokit, repo, run),
    tokenAuthor: () => tokenAuthor(octokit, token),
    findSticky: (thread) => findSticky(octokit, thread),
    writeSticky: (thread, body, stamp, found) => writeSticky(octokit, thread, body, stamp, found),
    postComment: (thread, body) => postComment(octokit, thread, body),
    publishAsset: (asset) => publishAsset(octokit, asset),
    commitFiles: (commit) => commitFiles(octokit, commit),
    startCheckRun: (start) => startCheckRun(octokit, start),
    finishCheckRun: (id, end) => finishCheckRun(octokit, repo, id, end),
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
