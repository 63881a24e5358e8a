// A run without a token: the `token` input empty, as `token: ${{ secrets.UNSET }}` gives (a secret that is not
// set, or one a fork's run is not given, is ''). The action then makes no API call at all: the verdict,
// outputs, out dir and summary as always, the baseline read from the local clone (base-source.ts), and one
// warning that names the input and what it skipped. Pure: the plans (comment-policy, history-policy,
// check-run-policy) each skip their part on an empty token; this module only says what that left out.
import { checkRunPlan } from './check-run-policy.js';
import { skipBeforeApi } from './comment-policy.js';
import type { Event } from './event.js';
import { historyPlan } from './history-policy.js';
import type { Settings } from './inputs.js';

export type TokenSettings = Pick<Settings, 'token' | 'comment' | 'outDir' | 'chartBranch' | 'history' | 'checkRun' | 'config'>;
export type TokenEvent = Pick<Event, 'readOnlyToken' | 'pullRequest' | 'workflowRun' | 'defaultBranchPush' | 'repo' | 'headSha'>;

/**
 * What a token would have done that an empty one skips, in the order the action does it: what the settings
 * and the event ask for, no more (nothing for `comment: off`, a fork's run, a push's missing pull request).
 *
 *   skippedWithoutToken(defaults, pullRequestEvent) //=> ['pull-request comment', 'chart image', 'history trend', 'check run']
 */
export function skippedWithoutToken(settings: TokenSettings, event: TokenEvent): string[] {
  const given = { ...settings, token: 'given' };
  const commenting = skipBeforeApi(given, event) === null && (event.pullRequest !== null || event.workflowRun !== null);
  const history = historyPlan(given, event);
  return [
    commenting && 'pull-request comment',
    commenting && settings.chartBranch !== null && 'chart image',
    history.kind === 'store' && 'history entry for this push',
    history.kind === 'read' && commenting && 'history trend',
    checkRunPlan(given, event) !== null && 'check run',
  ].filter((part): part is string => typeof part === 'string');
}

/** The one warning of a run without a token, also a note in the job summary; null with a token, or when it skips nothing. */
export function noTokenWarning(settings: TokenSettings, event: TokenEvent): string | null {
  if (settings.token) return null;
  const skipped = skippedWithoutToken(settings, event);
  if (skipped.length === 0) return null;
  return (
    `The \`token\` input is empty (a secret that is not set gives ''), so no GitHub API call was made: no ${orList(skipped)}. ` +
    'Set `token` to `${{ github.token }}` (its default) or to a secret that is set. The verdict, job summary and out dir are unaffected.'
  );
}

/**
 *   orList(['a', 'b', 'c']) //=> 'a, b or c'
 */
function orList(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}
