// The one Octokit of the action: @actions/github's, with the retry and throttling plugins, so that 5xx
// answers, 429s and secondary rate limits are retried with backoff by Octokit rather than by hand.
// Every REST call lives under src/github/; the rest of the action never sees HTTP. This folder is a leaf:
// it logs through the logger it is given and imports nothing of the action.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

/** The repository every call is about. */
export interface Repo {
  owner: string;
  repo: string;
}

export interface ClientOptions {
  /** The REST API root: GITHUB_API_URL on GitHub Enterprise Server and in tests. */
  baseUrl: string;
  /** Milliseconds per second of retry and rate-limit backoff; 1000 outside tests. */
  backoffMs?: number;
  /** Where retries are said (`info`) and Octokit's own chatter goes (`debug`); silent when left out. */
  log?: Logger;
  /** Milliseconds one request may take, answer and body, before it is abandoned: REQUEST_TIMEOUT_MS outside tests. */
  timeoutMs?: number;
}

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
}

const SILENT: Logger = { info: () => undefined, debug: () => undefined };

/**
 * Writes are not paced. The plugin spaces writes 1 s apart and comment creations 3 s apart (its `write`
 * and `notifications` groups, `minTime` 1000 and 3000 in @octokit/plugin-throttling 11), after GitHub's
 * advice "if you are making a large number of POST, PATCH, PUT, or DELETE requests, wait at least one
 * second between each request" (docs.github.com/rest/guides/best-practices-for-using-the-rest-api). A run
 * makes a handful of writes, one after another, so that pacing only made every PR run 3 s slower; a
 * secondary rate limit, should one come, is still waited out as its `retry-after` says (below).
 * A group that never waits: the plugin calls only `key(id).schedule(options, task)`.
 */
const UNPACED = { key: () => ({ schedule: <T>(_options: unknown, task: () => Promise<T>) => task() }) } as unknown as ThrottlingOptions['write'];

/** Attempts after the first, for 5xx and for rate limits alike. */
const RETRIES = 3;

/**
 * How long one request may take before it is abandoned (milliseconds). A request answers in well under a
 * second; one that has not answered in 10 s has stalled (a hung connection, a proxy that never forwards).
 * Without a timeout the fetch would wait for as long as the job may run (6 hours by default), with the
 * verdict already known.
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

/**
 * Gives every request its own deadline. The hook wraps the request inside the retry plugin (it is the
 * first plugin), so each attempt gets a fresh `timeoutMs`, and the ApiTimeout it throws is not a
 * RequestError, so the retry plugin does not retry it: a stalled API costs one timeout per call, not four
 * plus backoff, and a write that may have arrived is never sent twice. The signal stays armed while the
 * caller reads a streamed body (the contents API's raw files), so a stall mid-body ends too.
 */
function timeouts(timeoutMs: number) {
  // before-after-hook hands every hook in the chain the same options object (a hook cannot pass others
  // on), so the deadline is set on it, per attempt; the caller's own signal, if any, is kept aside.
  const callers = new WeakMap<object, AbortSignal | undefined>();
  return (octokit: Pick<Octokit, 'hook'>) => {
    octokit.hook.wrap('request', async (request, options) => {
      if (!callers.has(options)) callers.set(options, options.request?.signal as AbortSignal | undefined);
      const given = callers.get(options);
      const deadline = AbortSignal.timeout(timeoutMs);
      options.request = { ...options.request, signal: given ? AbortSignal.any([given, deadline]) : deadline };
      try {
        return await request(options);
      } catch (error) {
        // The route (`/repos/{owner}/{repo}/...`), or for a next page the path without host and query.
        if (deadline.aborted && !given?.aborted) throw new ApiTimeout(`${options.method} ${String(options.url).replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '')}`, timeoutMs);
        throw error;
      }
    });
  };
}

export function createClient(token: string, { baseUrl, backoffMs = 1000, log = SILENT, timeoutMs = REQUEST_TIMEOUT_MS }: ClientOptions): Octokit {
  const giveUp = (what: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= RETRIES) return false;
    log.info(`GitHub ${what} on ${options.method} ${options.url}: retrying in ${retryAfter} s`);
    return true;
  };
  return getOctokit(
    token,
    {
      baseUrl,
      retry: { retries: RETRIES, retryAfterBaseValue: backoffMs },
      throttle: {
        write: UNPACED,
        notifications: UNPACED,
        retryAfterBaseValue: backoffMs,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: giveUp('rate limit'),
        onSecondaryRateLimit: giveUp('secondary rate limit'),
      },
      log: { debug: log.debug, info: log.debug, warn: log.debug, error: log.debug },
    },
    timeouts(timeoutMs),
    retry,
    throttling,
  );
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
 * timeout, the call that stalled. A streamed body cut by the deadline is said as a timeout too.
 */
export function describeApiError(error: unknown): string {
  if (error instanceof ApiTimeout) return `GitHub did not answer: ${error.message}`;
  if ((error as Error | null)?.name === 'TimeoutError') return 'GitHub did not answer: the answer stopped arriving before the request\'s deadline';
  const status = statusOf(error);
  const message = String((error as Error | null)?.message ?? error).split('\n')[0]!.slice(0, 300);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
