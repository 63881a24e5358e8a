// A run whose `token` input is empty (`token: ${{ secrets.UNSET }}`): every plan skips its API call, and one
// warning names the input and what was skipped. The verdict and what is shared with an empty token, against
// the typed fake API (which would record any call): action-verdict; dist/index.js itself: e2e/no-token.
import { describe, expect, it } from '@jest/globals';
import { NoToken, WITHOUT_TOKEN } from '../src/action/github-api.js';
import { apiPlans, noTokenWarning, skippedWithoutToken } from '../src/action/no-token.js';
import { forkEvent, pullRequestEvent, pushEvent, settings, workflowRunEvent } from './__fixtures__/event.js';

const EMPTY = settings({ token: '' });
const warningOf = (skipped: string) =>
  `The \`token\` input is empty (a secret that is not set gives ''), so no GitHub API call was made: no ${skipped}. ` +
  'Set `token` to `${{ github.token }}` (its default) or to a secret that is set. The verdict, job summary and out dir are unaffected.';

describe('apiPlans, with an empty token', () => {
  it('no comment (the chart reason names the input), no check run, no history; with a token, as before', () => {
    expect(apiPlans(EMPTY, pullRequestEvent()).comment).toEqual({
      chartReason: 'No chart image: the `token` input is empty, so nothing can be published. roofline.svg in the out dir (roofline-report) has the chart.',
      note: null,
    });
    expect(apiPlans(EMPTY, pullRequestEvent()).checkRun).toBeNull();
    expect(apiPlans(EMPTY, pullRequestEvent()).history).toEqual({ kind: 'none', note: null });
    expect(apiPlans(EMPTY, pushEvent()).history).toEqual({ kind: 'none', note: null });
    // A push with a read-only token: history-policy stores on a default-branch push before it looks at the
    // token's rights (plan 'store'); with no token at all, none.
    expect(apiPlans(EMPTY, pushEvent({ readOnlyToken: true })).history).toEqual({ kind: 'none', note: null });
    expect(apiPlans(settings(), pullRequestEvent()).comment).toBeNull();
    expect(apiPlans(settings(), pullRequestEvent()).checkRun).not.toBeNull();
    expect(apiPlans(settings(), pullRequestEvent()).history).toEqual({ kind: 'read', branch: 'roofline-gate-assets' });
  });

  it('`comment: off`, a fork and an empty `chart-branch` keep their own reasons, which come first', () => {
    expect(apiPlans(settings({ token: '', comment: 'off' }), pullRequestEvent()).comment?.chartReason).toMatch(/^No chart image: images are published with the pull-request comment, and comments are off\./);
    expect(apiPlans(EMPTY, forkEvent()).comment?.chartReason).toMatch(/^No chart image: this pull request comes from a fork/);
    expect(apiPlans(settings({ token: '', chartBranch: null }), pushEvent()).history).toEqual({ kind: 'none', note: 'History not stored: it is kept on `chart-branch`, which is empty.' });
  });
});

describe('skippedWithoutToken and noTokenWarning', () => {
  it('a pull request with the defaults: the comment, its chart image, the trend and the check run', () => {
    expect(skippedWithoutToken(EMPTY, pullRequestEvent())).toEqual(['pull-request comment', 'chart image', 'history trend', 'check run']);
    expect(noTokenWarning(EMPTY, pullRequestEvent())).toBe(warningOf('pull-request comment, chart image, history trend or check run'));
  });

  it('a push to the default branch: no pull request to comment on; the history entry and the check run', () => {
    expect(noTokenWarning(EMPTY, pushEvent())).toBe(warningOf('history entry for this push or check run'));
  });

  it('a workflow_run: its pull request is found through the API, so the comment counts', () => {
    expect(skippedWithoutToken(EMPTY, workflowRunEvent())).toEqual(['pull-request comment', 'chart image', 'history trend', 'check run']);
  });

  it('only what was asked for: `chart-branch: \'\'`, `comment: off`, `check-run: off`', () => {
    expect(skippedWithoutToken(settings({ token: '', chartBranch: null }), pullRequestEvent())).toEqual(['pull-request comment', 'check run']);
    expect(noTokenWarning(settings({ token: '', comment: 'off', history: false }), pullRequestEvent())).toBe(warningOf('check run'));
    expect(noTokenWarning(settings({ token: '', comment: 'off', checkRun: false }), pullRequestEvent())).toBeNull();
  });

  it('a fork’s run skips all of it anyway (the fork note says so): no warning', () => {
    expect(noTokenWarning(EMPTY, forkEvent())).toBeNull();
  });

  it('with a token: none', () => {
    expect(noTokenWarning(settings(), pullRequestEvent())).toBeNull();
  });
});

describe('WITHOUT_TOKEN, the API of a run without a token', () => {
  it('refuses every call with NoToken, naming the input', async () => {
    for (const call of Object.values(WITHOUT_TOKEN) as Array<() => Promise<unknown>>) {
      await expect(call()).rejects.toThrow(new NoToken());
    }
    expect(new NoToken().message).toBe('no GitHub API call can be made: the `token` input is empty');
  });
});
