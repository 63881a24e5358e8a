// The one Octokit of the action: @actions/github's, with the retry and throttling plugins, so that 5xx
// answers, 429s and secondary rate limits are retried with backoff by Octokit rather than by hand, and a
// watchdog on every request. The only module that loads Octokit, and undici and the REST endpoint methods
// with it (a 570 KB chunk of the bundle): github-api.ts imports it at the first call, so a run that makes
// none never compiles it.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { ApiTimeout, REQUEST_TIMEOUT_MS, RETRIES, type ClientOptions, type Logger } from './client.js';

/** @actions/github's Octokit, and a wait as long as its retry plugin's, for the one write that retries by hand (createOnce). */
export type Octokit = ReturnType<typeof createClient>;

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

