// The check run, decided from what the action knows: whether to create one at all, its name, the conclusion
// and output it ends with, and what a refusal says. Pure: the calls are made by check-run.ts. The check
// never changes the verdict; it carries it, so a branch rule can require it.
import { CHECK_RUN_SUMMARY_MAX } from '../core/limits.js';
import { findingCounts } from '../core/report/listed.js';
import { renderMarkdown, type ChartEmbed } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import { cutToFit } from '../core/text-size.js';
import type { CheckRunEnd, CheckRunStart, Conclusion } from '../github/checks.js';
import { describeApiError, isForbidden } from '../github/client.js';
import type { Event } from './event.js';
import { failsStep } from './fail-on.js';
import type { FailOn, Settings } from './inputs.js';

/**
 * Create the check run, or not: `check-run: off` asks for none, and a fork's read-only token cannot. What an
 * empty token takes away is no-token.ts's (apiPlans).
 */
export function checkRunPlan(settings: Pick<Settings, 'checkRun' | 'config'>, event: Pick<Event, 'repo' | 'headSha' | 'readOnlyToken'>): CheckRunStart | null {
  if (!settings.checkRun || event.readOnlyToken || !event.headSha) return null;
  return { repo: event.repo, name: checkRunName(settings.config), headSha: event.headSha };
}

/**
 * The check's name, what a branch rule requires: one per config, as the sticky comment.
 *
 *   checkRunName('./models\\roofline.yml') //=> 'roofline-gate (models/roofline.yml)'
 */
export function checkRunName(config: string): string {
  return `roofline-gate (${config.replace(/\\/g, '/').replace(/^(\.\/)+/, '')})`;
}

/**
 * `failure` when the verdict fails the step under `fail-on` (so the check blocks exactly when the step
 * does), `success` for a pass, and `neutral` for anything else: warnings, or failures under `fail-on: never`,
 * shown but not blocking (GitHub counts a neutral check as passing a required check).
 */
export function conclusionOf(status: Report['status'], failOn: FailOn): Conclusion {
  if (failsStep(status, failOn)) return 'failure';
  return status === 'pass' ? 'success' : 'neutral';
}

/** The verdict as the check run ends with it: the conclusion, a one-line title, the report within GitHub's limit. */
export function checkRunEnd(report: Report, failOn: FailOn, shown: { chart: ChartEmbed; editorUrl: string | null; commentUrl: string | null }): CheckRunEnd {
  const { fail, warn } = findingCounts(report);
  return {
    conclusion: conclusionOf(report.status, failOn),
    title: `${report.status}: ${fail} failing, ${warn} warning findings (fail-on: ${failOn})`,
    summary: renderMarkdown(report, {
      chart: shown.chart,
      editorUrl: shown.editorUrl,
      footer: shown.commentUrl ? `[Pull-request comment](${shown.commentUrl})` : '',
      limit: CHECK_RUN_SUMMARY_MAX,
    }),
  };
}

/** The action stopped before a verdict (a bad config, a report it refused): the check fails and says why. */
export function errorEnd(message: string): CheckRunEnd {
  return { conclusion: 'failure', title: 'roofline-gate could not check this commit', summary: cutToFit(message, CHECK_RUN_SUMMARY_MAX) };
}

/**
 * A refused or failed check-run call: without `checks: write` (403) a notice, since the verdict is still the
 * step's exit status; anything else a warning. Never a failure.
 */
export function checkRunFailure(error: unknown): { level: 'notice' | 'warning'; message: string } {
  if (isForbidden(error)) return { level: 'notice', message: 'No check run: the token may not create check runs; grant `checks: write`, or set `check-run: off`. The step’s exit status is the verdict.' };
  return { level: 'warning', message: `No check run: the GitHub API failed (${describeApiError(error)}). The step’s exit status is the verdict.` };
}
