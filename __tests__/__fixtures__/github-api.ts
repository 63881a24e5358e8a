// A typed fake of every GitHub call the action makes (src/action/github-api.ts): each method answers
// what the test says, and every call is logged by name with its arguments. A change to the interface
// breaks compilation here, not silently in a test.
import { RequestError } from '@octokit/request-error';
import type { GitHubApi } from '../../src/action/github-api.js';
import { ACTIONS_BOT } from '../../src/github/comment.js';

export const COMMENT_URL = 'https://github.example/octo-org/octo-repo/pull/7#issuecomment-1001';
export const IMAGE_URL = 'https://github.example/octo-org/octo-repo/blob/c0ffee/octo-org-octo-repo/pr-7/head/roofline.svg?raw=true';

export const COMMIT_SHA = 'c0ffee0000000000000000000000000000000000';
export const CHECK_RUN_ID = 4711;

export type Call = { [K in keyof GitHubApi]: { method: K; args: Parameters<GitHubApi[K]> } }[keyof GitHubApi];

export interface FakeApi extends GitHubApi {
  /** Every call, in order. */
  calls: Call[];
  /** The names of the calls, in order. */
  methods(): Array<keyof GitHubApi>;
  /** The names of the calls that write (each is one write request to GitHub, but for commitFiles' three), in order. */
  writes(): Array<keyof GitHubApi>;
}

/** The methods that change something on GitHub. */
export const WRITE_METHODS: ReadonlySet<keyof GitHubApi> = new Set<keyof GitHubApi>(['writeSticky', 'postComment', 'publishAsset', 'commitFiles', 'startCheckRun', 'finishCheckRun']);

/** What a GitHub answer of `status` becomes in Octokit: the error the action catches. */
export function apiError(status: number, message: string): RequestError {
  return new RequestError(message, status, { request: { method: 'POST', url: 'https://api.github.example/repos/octo-org/octo-repo', headers: {} } });
}

/** 403 for a write the token has no permission for, as GitHub words it. */
export const FORBIDDEN = apiError(403, 'Resource not accessible by integration');

const DEFAULTS: GitHubApi = {
  readFileAt: async () => null,
  pullRequestOfRun: async () => null,
  tokenAuthor: async () => ACTIONS_BOT,
  findSticky: async () => [],
  writeSticky: async () => ({ action: 'created', url: COMMENT_URL }),
  postComment: async () => COMMENT_URL,
  publishAsset: async () => IMAGE_URL,
  // Asks for the changes as on a branch that does not exist yet, as the real one asks on its tip.
  commitFiles: async (commit) => {
    await commit.changes(null);
    return COMMIT_SHA;
  },
  startCheckRun: async () => CHECK_RUN_ID,
  finishCheckRun: async () => undefined,
};

export function fakeApi(answers: Partial<GitHubApi> = {}): FakeApi {
  const calls: Call[] = [];
  const methods = () => calls.map((call) => call.method);
  const api = { calls, methods, writes: () => methods().filter((method) => WRITE_METHODS.has(method)) } as FakeApi;
  for (const method of Object.keys(DEFAULTS) as Array<keyof GitHubApi>) {
    const answer = (answers[method] ?? DEFAULTS[method]) as (...args: unknown[]) => Promise<unknown>;
    (api as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      calls.push({ method, args } as Call);
      return answer(...args);
    };
  }
  return api;
}
