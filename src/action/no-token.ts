// A run without a token: the `token` input empty, as `token: ${{ secrets.UNSET }}` gives (a secret that is not
// set, or one a fork's run is not given, is ''). The action then makes no API call at all: the verdict,
// outputs, out dir and summary as always, the baseline read from the local clone (base-source.ts), and one
// warning that names the input and what it skipped. Pure: the plans (comment-policy, history-policy,
// check-run-policy) say what the settings and the event ask for; this module is the one place that takes
// out, on an empty token, what needs the API (apiPlans), and says what that left out.
import type { CheckRunStart } from '../github/checks.js';
import { checkRunPlan } from './check-run-policy.js';
import { outDirHint, skipBeforeApi, type Skip } from './comment-policy.js';
import type { Event } from './event.js';
import { historyPlan, type HistoryPlan } from './history-policy.js';
import type { Settings } from './inputs.js';

export type TokenSettings = Pick<Settings, 'token' | 'comment' | 'outDir' | 'chartBranch' | 'history' | 'checkRun' | 'config'>;
export type TokenEvent = Pick<Event, 'readOnlyToken' | 'pullRequest' | 'workflowRun' | 'defaultBranchPush' | 'repo' | 'headSha'>;

/** The plans of the parts that call the API, as the run carries them out. */
export interface ApiPlans {
  /** Why nothing is posted (comment-policy.ts); null to comment. */
  comment: Skip | null;
  history: HistoryPlan;
  /** null: no check run. */
  checkRun: CheckRunStart | null;
}

/** What the settings and the event ask of the API, whatever the token. */
function askedPlans(settings: TokenSettings, event: TokenEvent): ApiPlans {
  return { comment: skipBeforeApi(settings, event), history: historyPlan(settings, event), checkRun: checkRunPlan(settings, event) };
}

/**
 * The plans: what the settings and the event ask for, and with an empty token none of its API calls. The
 * plans' own reasons (`comment: off`, a fork) come first; what the token alone skips adds no note, since
 * noTokenWarning says it once for all.
 */
export function apiPlans(settings: TokenSettings, event: TokenEvent): ApiPlans {
  const asked = askedPlans(settings, event);
  if (settings.token) return asked;
  return {
    comment: asked.comment ?? { chartReason: `No chart image: the \`token\` input is empty, so nothing can be published. ${outDirHint(settings.outDir)}.`, note: null },
    history: asked.history.kind === 'none' ? asked.history : { kind: 'none', note: null },
    checkRun: null,
  };
}

/**
 * What a token would have done that an empty one skips, in the order the action does it: what the settings
 * and the event ask for, no more (nothing for `comment: off`, a fork's run, a push's missing pull request).
 *
 *   skippedWithoutToken(defaults, pullRequestEvent) //=> ['pull-request comment', 'chart image', 'history trend', 'check run']
 */
export function skippedWithoutToken(settings: TokenSettings, event: TokenEvent): string[] {
  const asked = askedPlans(settings, event);
  const commenting = asked.comment === null && (event.pullRequest !== null || event.workflowRun !== null);
  return [
    commenting && 'pull-request comment',
    commenting && settings.chartBranch !== null && 'chart image',
    asked.history.kind === 'store' && 'history entry for this push',
    asked.history.kind === 'read' && commenting && 'history trend',
    asked.checkRun !== null && 'check run',
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
