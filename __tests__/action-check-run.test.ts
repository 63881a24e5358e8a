// The check run: what check-run-policy.ts decides (whether, its name, the conclusion under each `fail-on`,
// the output within GitHub's limit, what a refusal says), and what check-run.ts calls, against the typed fake.
import { describe, expect, it } from '@jest/globals';
import { beginCheckRun } from '../src/action/check-run.js';
import { checkRunEnd, checkRunName, checkRunPlan, conclusionOf, errorEnd } from '../src/action/check-run-policy.js';
import type { Log } from '../src/action/log.js';
import type { Shared } from '../src/action/share.js';
import { CHECK_RUN_ID, COMMENT_URL, FORBIDDEN, apiError, fakeApi } from './__fixtures__/github-api.js';
import { forkEvent, HEAD_SHA, pullRequestEvent, REPO, settings } from './__fixtures__/event.js';
import { FAILING, report, UNCHANGED } from './__fixtures__/report.js';

const IMAGE = 'https://github.example/chart.svg';
const SHOWN = { chart: { kind: 'image', url: IMAGE } as const, editorUrl: null, commentUrl: COMMENT_URL };

describe('checkRunPlan', () => {
  it('starts a check named by the config on the head commit, unless off or the token is a fork’s', () => {
    expect(checkRunPlan(settings(), pullRequestEvent())).toEqual({ repo: REPO, name: 'roofline-gate (roofline.yml)', headSha: HEAD_SHA });
    expect(checkRunPlan(settings({ checkRun: false }), pullRequestEvent())).toBeNull();
    expect(checkRunPlan(settings(), forkEvent())).toBeNull();
  });

  it('names one check per config, as written in any form', () => {
    expect(checkRunName('./models\\roofline.yml')).toBe('roofline-gate (models/roofline.yml)');
    expect(checkRunName('ml/a.yml')).toBe('roofline-gate (ml/a.yml)');
  });
});

describe('conclusionOf', () => {
  it('fails exactly when the step fails; a pass is success, anything else neutral', () => {
    const table = (['fail', 'warn', 'never'] as const).map((failOn) => (['pass', 'warn', 'fail'] as const).map((status) => conclusionOf(status, failOn)));
    expect(table).toEqual([
      ['success', 'neutral', 'failure'], // fail-on: fail
      ['success', 'failure', 'failure'], // fail-on: warn
      ['success', 'neutral', 'neutral'], // fail-on: never
    ]);
  });
});

describe('checkRunEnd', () => {
  it('titles the verdict and carries the report, chart and comment link', () => {
    const end = checkRunEnd(FAILING, 'fail', SHOWN);
    expect(end.conclusion).toBe('failure');
    expect(end.title).toBe('fail: 3 failing, 0 warning findings (fail-on: fail)');
    expect(end.summary).toContain('bound-shift');
    expect(end.summary).toContain(`![Roofline chart](${IMAGE})`);
    expect(end.summary).toContain(`[Pull-request comment](${COMMENT_URL})`);
    expect(checkRunEnd(UNCHANGED, 'fail', SHOWN)).toMatchObject({ conclusion: 'success', title: 'pass: 0 failing, 0 warning findings (fail-on: fail)' });
  });

  it('fits GitHub’s 65,535 characters for a report of 3,000 models', () => {
    const models = Array.from({ length: 3000 }, (_, i) => `  - { name: model-with-a-long-name-${i}, precision: fp32, flops: ${i + 1} GFLOP, bytes: 1 GB }`);
    const big = report(`version: 1\nhardware: gtx-1080-ti\nmodels:\n${models.join('\n')}\n`);
    const { summary } = checkRunEnd(big, 'fail', SHOWN);
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(summary.length).toBeGreaterThan(30_000);
    expect(summary).toContain(`[Pull-request comment](${COMMENT_URL})`);
  });

  it('fails with the message when the action stopped before a verdict, cut to the limit', () => {
    expect(errorEnd('roofline.yml:3:5: unknown unit')).toEqual({ conclusion: 'failure', title: 'roofline-gate could not check this commit', summary: 'roofline.yml:3:5: unknown unit' });
    expect(errorEnd('x'.repeat(70_000)).summary).toHaveLength(65_535);
  });
});

describe('beginCheckRun', () => {
  const recorder = () => {
    const said: string[] = [];
    const log: Log = { info: (m) => said.push(`info: ${m}`), notice: (m) => said.push(`notice: ${m}`), warning: (m) => said.push(`warning: ${m}`) };
    return { said, log };
  };
  const shared: Shared = { commentUrl: COMMENT_URL, chartUrl: IMAGE, chart: SHOWN.chart, editorUrl: null, notes: [] };

  it('starts the check in progress, then ends it with the verdict: two writes', async () => {
    const api = fakeApi();
    const { said, log } = recorder();
    const check = beginCheckRun(settings(), pullRequestEvent(), api, log);
    expect(api.calls).toEqual([{ method: 'startCheckRun', args: [{ repo: REPO, name: 'roofline-gate (roofline.yml)', headSha: HEAD_SHA }] }]);
    await check.finish(FAILING, shared);
    const [id, end] = api.calls[1]!.args as [number, { conclusion: string; title: string }];
    expect([id, end.conclusion, end.title]).toEqual([CHECK_RUN_ID, 'failure', 'fail: 3 failing, 0 warning findings (fail-on: fail)']);
    expect(api.writes()).toEqual(['startCheckRun', 'finishCheckRun']);
    expect(said).toEqual(['info: Check run "roofline-gate (roofline.yml)": failure.']);
  });

  it('without `checks: write` (403) says so once, as a notice, and ends nothing', async () => {
    const api = fakeApi({ startCheckRun: async () => Promise.reject(FORBIDDEN) });
    const { said, log } = recorder();
    const check = beginCheckRun(settings(), pullRequestEvent(), api, log);
    await check.finish(FAILING, shared);
    await check.fail('boom');
    expect(api.methods()).toEqual(['startCheckRun']);
    expect(said).toEqual(['notice: No check run: the token may not create check runs; grant `checks: write`, or set `check-run: off`. The step’s exit status is the verdict.']);
  });

  it('ends the check as failed with the error that stopped the action; a failed end is a warning', async () => {
    const api = fakeApi({ finishCheckRun: async () => Promise.reject(apiError(500, 'Server Error')) });
    const { said, log } = recorder();
    const check = beginCheckRun(settings(), pullRequestEvent(), api, log);
    await check.fail('roofline.yml:1:1: config file not found');
    expect(api.calls[1]!.args[1]).toEqual({ conclusion: 'failure', title: 'roofline-gate could not check this commit', summary: 'roofline.yml:1:1: config file not found' });
    expect(said).toEqual(['warning: No check run: the GitHub API failed (HTTP 500: Server Error). The step’s exit status is the verdict.']);
  });

  it('makes no call with `check-run: off`', async () => {
    const api = fakeApi();
    const check = beginCheckRun(settings({ checkRun: false }), pullRequestEvent(), api, recorder().log);
    await check.finish(FAILING, shared);
    expect(api.calls).toEqual([]);
  });
});
