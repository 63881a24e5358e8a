// The one Octokit of the action: @actions/github's, with the retry and throttling plugins, so that 5xx
// answers, 429s and secondary rate limits are retried with backoff by Octokit rather than by hand.
// Every REST call lives under src/github/; the rest of the action never sees HTTP. This folder is a leaf:
// it logs through the logger it is given and imports nothing of the action.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

/** @actions/github's Octokit, and a wait as long as its retry plugin's, for the one write that retries by hand (createOnce). */
export type Octokit = ReturnType<typeof createClient>;

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

/** Attempts after the first, for 5xx and for rate limits alike, and for a comment's creation (createOnce). */
export const RETRIES = 3;

/**
 * The wait before retry `retry` (1 for the first), in milliseconds: the retry plugin's own, `retry`² ×
 * `backoffMs` (its error hook sets `retryAfter` to (retryCount + 1)², and its limiter waits
 * `retryAfter × retryAfterBaseValue`: @octokit/plugin-retry 8.1.1, dist-src/error-request.js and
 * wrap-request.js). A retry by hand waits as long as Octokit's would.
 *
 *   retryDelayMs(3, 1000) //=> 9000
 */
function retryDelayMs(retry: number, backoffMs: number): number {
  return retry ** 2 * backoffMs;
}

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

/**
 * Gives every request its own watchdog. The hook wraps the request inside the retry plugin (it is the
 * first plugin), so each attempt is watched afresh, and the ApiTimeout it throws is not a RequestError, so
 * the retry plugin does not retry it: a stalled API costs one timeout per call, not four plus backoff, and a
 * write that may have arrived is never sent twice.
 *
 * The watch is in the fetch Octokit calls (@octokit/request 10's fetch-wrapper calls `request.fetch`, and
 * reads the body of a parsed answer inside the request; with `parseSuccessResponseBody: false` it hands the
 * body stream to the caller, as readFileAt does): it starts when the request is sent, restarts when the
 * answer arrives and at each piece of the body, and stops at the body's end. When it runs out the fetch is
 * aborted with the ApiTimeout as the reason, so a body read after the request returned fails with it too.
 */
function timeouts(timeoutMs: number) {
  // before-after-hook hands every hook in the chain the same options object (a hook cannot pass others
  // on), so the watched fetch is set on it, per attempt; the caller's own fetch, if any, is kept aside.
  const callers = new WeakMap<object, typeof fetch>();
  return (octokit: Pick<ReturnType<typeof getOctokit>, 'hook'>) => {
    octokit.hook.wrap('request', async (request, options) => {
      if (!callers.has(options)) callers.set(options, (options.request?.fetch as typeof fetch | undefined) ?? globalThis.fetch);
      // The route (`/repos/{owner}/{repo}/...`), or for a next page the path without host and query.
      const call = `${options.method} ${String(options.url).replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '')}`;
      const watch = new Watchdog(() => new ApiTimeout(call, timeoutMs), timeoutMs);
      options.request = { ...options.request, fetch: watched(callers.get(options)!, watch) };
      try {
        const response = await request(options);
        // A parsed body cut off is read as '' by Octokit (getResponseData catches the failed read).
        if (watch.expired) throw watch.signal.reason;
        return response;
      } catch (error) {
        watch.stop(); // no body is left to read
        throw watch.expired ? watch.signal.reason : error;
      }
    });
  };
}

/** A deadline that can be pushed back: it aborts its signal, with `reason()`, after `ms` without a restart. */
class Watchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly reason: () => Error,
    private readonly ms: number,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  restart(): void {
    this.stop();
    // unref: as AbortSignal.timeout, a timer alone keeps no process alive (a body nobody reads, say).
    this.timer = setTimeout(() => this.controller.abort(this.reason()), this.ms).unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** `fetch` under `watch`: the caller's signal, if any, still aborts it too. */
function watched(fetch: typeof globalThis.fetch, watch: Watchdog): typeof globalThis.fetch {
  return async (input, init = {}) => {
    watch.restart();
    const response = await fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, watch.signal]) : watch.signal });
    watch.restart();
    if (!response.body) {
      watch.stop();
      return response;
    }
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          watch.restart();
          controller.enqueue(chunk);
        },
        flush: () => watch.stop(),
      }),
    );
    const piped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    // Octokit reports the answer's `url`, which a constructed Response leaves empty.
    Object.defineProperty(piped, 'url', { value: response.url });
    return piped;
  };
}

export function createClient(token: string, { baseUrl, backoffMs = 1000, log = SILENT, timeoutMs = REQUEST_TIMEOUT_MS }: ClientOptions) {
  const giveUp = (what: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= RETRIES) return false;
    log.info(`GitHub ${what} on ${options.method} ${options.url}: retrying in ${retryAfter} s`);
    return true;
  };
  const octokit = getOctokit(
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
  return Object.assign(octokit, {
    /** Waits as long as the retry plugin does before its retry number `retry` (1 for the first). */
    beforeRetry: (retry: number) => new Promise<void>((resolve) => setTimeout(resolve, retryDelayMs(retry, backoffMs))),
  });
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
