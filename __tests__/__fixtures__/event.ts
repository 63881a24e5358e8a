// Typed fakes of what the action reads before it works: the event (as readEvent() gives it) and the
// settings (as readSettings() gives them), with the figures tests assert spelt out here once.
import type { Event } from '../../src/action/event.js';
import type { Settings } from '../../src/action/inputs.js';

export const REPO = { owner: 'octo-org', repo: 'octo-repo' };
export const HEAD_SHA = 'head0000000000000000000000000000000000aa';
export const BASE_SHA = 'base0000000000000000000000000000000000bb';
export const RUN_URL = 'https://github.example/octo-org/octo-repo/actions/runs/100';

/** A `pull_request` run of pull request #7, in the repository itself. */
export function pullRequestEvent(overrides: Partial<Event> = {}): Event {
  return {
    name: 'pull_request',
    repo: REPO,
    headSha: HEAD_SHA,
    pullRequest: { number: 7, headSha: HEAD_SHA, fromFork: false },
    workflowRun: null,
    baseCommit: { sha: BASE_SHA, label: 'git:base000 (main)' },
    defaultBranchPush: false,
    readOnlyToken: false,
    order: { time: Date.parse('2024-05-01T10:00:00Z'), runId: 100, attempt: 1 },
    runUrl: RUN_URL,
    serverUrl: 'https://github.example',
    ...overrides,
  };
}

/** A `pull_request` run of #7 from a fork: the token is read-only. */
export function forkEvent(): Event {
  return pullRequestEvent({ pullRequest: { number: 7, headSha: HEAD_SHA, fromFork: true }, readOnlyToken: true });
}

/** A push onto main (the default branch), after BASE_SHA. */
export function pushEvent(overrides: Partial<Event> = {}): Event {
  return pullRequestEvent({ name: 'push', pullRequest: null, baseCommit: { sha: BASE_SHA, label: 'git:base000' }, defaultBranchPush: true, ...overrides });
}

/** A `workflow_run` after a fork's run: GitHub names no pull request, so it is looked up by the head. */
export function workflowRunEvent(): Event {
  return pullRequestEvent({
    name: 'workflow_run',
    pullRequest: null,
    baseCommit: null,
    workflowRun: { headOwner: 'forker', headBranch: 'feature', headSha: HEAD_SHA, pullNumbers: [] },
  });
}

/** The defaults of action.yml. */
export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    config: 'roofline.yml',
    baseline: { kind: 'auto' },
    comment: 'update',
    failOn: 'fail',
    chartBranch: 'roofline-gate-assets',
    outDir: 'roofline-report',
    history: true,
    checkRun: true,
    report: null,
    token: 'ghs_fixtureToken',
    backoffMs: 1,
    timeoutMs: 10_000,
    ...overrides,
  };
}
