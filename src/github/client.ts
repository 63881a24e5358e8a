// What every module of src/github/ shares, and what the rest of the action may use without loading Octokit:
// the repository, the client's options, the retry count and the request timeout, and what an API error
// means. The Octokit itself is built in octokit.ts, loaded only by a run that makes a call (github-api.ts).
// Every REST call lives under src/github/; the rest of the action never sees HTTP. This folder is a leaf:
// it logs through the logger it is given and imports nothing of the action.
export type { Octokit } from './octokit.js';

/** The repository every call is about. */
export interface Repo {
  owner: string;
  repo: string;
}

export interface ClientOptions {
  /** The REST API root: GITHUB_API_URL on GitHub Enterprise Server and in tests. */
  baseUrl: string;
  /** Milliseconds per second of retry and rate-limit backoff (createOnce's waits too: beforeRetry); 1000 outside tests. */
  backoffMs?: number;
  /** Where retries are said (`info`) and Octokit's own chatter goes (`debug`); silent when left out. */
  log?: Logger;
  /**
   * Milliseconds a request may wait for its answer, and then for each next piece of its body, before it is
   * abandoned: REQUEST_TIMEOUT_MS outside tests.
   */
  timeoutMs?: number;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
}

/** Attempts after the first, for 5xx and for rate limits alike, and for a comment's creation (createOnce). */
export const RETRIES = 3;

/**
 * How long a request may go without a sign of life before it is abandoned (milliseconds): the wait for its
 * answer (the status and headers), and then each wait for the next piece of its body. A request answers in
 * well under a second; one that has not answered, or whose body has stopped arriving, for 10 s has stalled
 * (a hung connection, a proxy that never forwards). A large body that keeps arriving is read to its end,
 * however long it takes. Without a timeout the fetch would wait for as long as the job may run (6 hours by
 * default), with the verdict already known.
 */
export const REQUEST_TIMEOUT_MS = 10_000;

/** A request GitHub did not answer in time; `call` is its route, as `GET /repos/{owner}/{repo}/...` (no token, no values). */
export class ApiTimeout extends Error {
  override name = 'ApiTimeout';
  constructor(
    readonly call: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer within ${timeoutMs / 1000} s to ${call}`);
  }
}

/** The HTTP status of an Octokit error, or undefined for anything else (a network error, a bug). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * True for "this token may not do that": 401, or a 403 that is not a rate limit (those are retried by the
 * throttling plugin and only surface here once it gives up): GitHub answers a write the token has no
 * permission for with 403 "Resource not accessible by integration".
 */
export function isForbidden(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || (status === 403 && !/rate limit/i.test(String((error as Error).message)));
}

/**
 * One line for a log: the status and GitHub's message, never the request (it carries the token); for a
 * timeout (no answer, or a body that stopped arriving, even one read after the request returned), the call
 * that stalled.
 */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiTimeout) return `GitHub did not answer: ${error.message}`;
  const status = statusOf(error);
  const message = String((error as Error | null)?.message ?? error).split('\n')[0]!.slice(0, 300);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
