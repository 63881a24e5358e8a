// The check run's calls: started when the action begins, ended with the verdict, or with the error that
// stopped it. The decisions are check-run-policy.ts's; a refusal is one note, and never changes the verdict.
import type { Report } from '../core/report/types.js';
import type { CheckRunEnd } from '../github/checks.js';
import { checkRunEnd, checkRunFailure, errorEnd } from './check-run-policy.js';
import type { Event } from './event.js';
import type { GitHubApi } from './github-api.js';
import type { Settings } from './inputs.js';
import type { Log } from './log.js';
import { apiPlans } from './no-token.js';
import type { Shared } from './share.js';

export interface CheckRun {
  /** Ends the check with the verdict and the report. */
  finish(report: Report, shared: Shared): Promise<void>;
  /** Ends the check as failed, with the message that stopped the action. */
  fail(message: string): Promise<void>;
}

/**
 * Creates the check run, in progress, when check-run-policy.ts says so (and apiPlans on the token), and returns at once: the request
 * runs alongside the analysis (one round trip fewer on the way), and ending the check waits for it.
 */
export function beginCheckRun(settings: Settings, event: Event, api: GitHubApi, log: Log): CheckRun {
  const start = apiPlans(settings, event).checkRun;
  const said = (error: unknown) => {
    const failure = checkRunFailure(error);
    log[failure.level](failure.message);
  };
  const started: Promise<number | null> = start
    ? api.startCheckRun(start).catch((error: unknown) => {
        said(error);
        return null;
      })
    : Promise.resolve(null);
  const end = async (made: CheckRunEnd) => {
    const id = await started;
    if (id === null) return;
    try {
      await api.finishCheckRun(id, made);
      log.info(`Check run "${start!.name}": ${made.conclusion}.`);
    } catch (error) {
      said(error);
    }
  };
  return {
    finish: (report, shared) => end(checkRunEnd(report, settings.failOn, shared)),
    fail: (message) => end(errorEnd(message)),
  };
}
