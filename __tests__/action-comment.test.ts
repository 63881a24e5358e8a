// What the action does on a pull request, in-process in milliseconds: the pure decisions of
// comment-policy.ts and comment-body.ts, and share() making its calls against a typed fake of the API.
import { describe, expect, it } from '@jest/globals';
import { FORK_NOTE, chartFailure, chartPlan, commentAction, commentFailure, digest, hasChanges, lookups, skipBeforeApi } from '../src/action/comment-policy.js';
import { commentBody, editorLink } from '../src/action/comment-body.js';
import type { CommentMode } from '../src/action/inputs.js';
import type { Log } from '../src/action/log.js';
import { lookUpComment, share } from '../src/action/share.js';
import type { Report } from '../src/core/report/types.js';
import { asciiRoofline } from '../src/core/chart/index.js';
import { ACTIONS_BOT, type Stamp, type Sticky, type Thread } from '../src/github/comment.js';
import { forkEvent, HEAD_SHA, pullRequestEvent, pushEvent, RUN_URL, settings, workflowRunEvent } from './__fixtures__/event.js';
import { apiError, COMMENT_URL, fakeApi, FORBIDDEN, IMAGE_URL, type FakeApi } from './__fixtures__/github-api.js';
import { FAILING, report, UNCHANGED } from './__fixtures__/report.js';

const at = (runId: number, digest = 'ab'): Stamp => ({ order: { time: Date.parse('2024-05-01T10:00:00Z'), runId, attempt: 1 }, digest });
const sticky = (stamp: Stamp | null, url = COMMENT_URL): Sticky => ({ id: 1001, url, stamp });

describe('skipBeforeApi', () => {
  it('posts nothing with `comment: off`, and needs no note: the user asked for it', () => {
    expect(skipBeforeApi(settings({ comment: 'off' }), pullRequestEvent())).toEqual({
      chartReason: 'No chart image: images are published with the pull-request comment, and comments are off. roofline.svg in the out dir (roofline-report) has the chart.',
      note: null,
    });
  });

  it('posts nothing from a fork’s read-only token, and says why and what to do', () => {
    expect(skipBeforeApi(settings(), forkEvent())).toEqual({
      chartReason: 'No chart image: this pull request comes from a fork, whose workflow token cannot push it. roofline.svg in the out dir (roofline-report) has the chart.',
      note: FORK_NOTE,
    });
    expect(FORK_NOTE).toContain('with `report:` from a `workflow_run` workflow');
  });

  it('goes on otherwise, `pull_request_target` from a fork included (its token may write)', () => {
    expect(skipBeforeApi(settings(), pullRequestEvent())).toBeNull();
    expect(skipBeforeApi(settings(), pullRequestEvent({ pullRequest: { number: 7, headSha: HEAD_SHA, fromFork: true }, name: 'pull_request_target' }))).toBeNull();
  });
});

describe('lookups', () => {
  it('`comment: new` does not list the earlier comments; the other modes do', () => {
    expect(lookups('new')).toEqual({ existing: false });
    for (const mode of ['update', 'changed'] as CommentMode[]) expect(lookups(mode)).toEqual({ existing: true });
  });
});

describe('commentAction', () => {
  it.each<[string, CommentMode, Sticky | undefined, boolean, ReturnType<typeof commentAction>]>([
    ['no comment yet: create it', 'update', undefined, true, { kind: 'sticky' }],
    ['an older run’s comment: update it', 'update', sticky(at(99)), true, { kind: 'sticky' }],
    ['a comment with no readable stamp: update it', 'update', sticky(null), true, { kind: 'sticky' }],
    ['a later run’s comment (an older run finishing last): leave it', 'update', sticky(at(101)), true, { kind: 'leave', why: 'a later run already wrote it' }],
    ['this same run’s comment (a re-run of the same attempt): leave it', 'update', sticky(at(100)), true, { kind: 'leave', why: 'a later run already wrote it' }],
    ['changed: the same report as the comment shows: leave it', 'changed', sticky(at(99, 'ab')), true, { kind: 'leave', why: 'the report has not changed since' }],
    ['changed: another report than the comment shows: update it', 'changed', sticky(at(99, 'cd')), false, { kind: 'sticky' }],
    ['changed: no comment, nothing changed against the baseline: post none', 'changed', undefined, false, { kind: 'leave', why: 'nothing changed against the baseline' }],
    ['changed: no comment, something changed: create it', 'changed', undefined, true, { kind: 'sticky' }],
    ['new: always a comment of its own', 'new', undefined, false, { kind: 'post' }],
  ])('%s', (_name, mode, last, changes, expected) => {
    expect(commentAction({ mode, stamp: at(100, 'ab'), last, changes })).toEqual(expected);
  });
});

describe('chartPlan', () => {
  it('publishes to the chart branch, unless it is empty or there is no chart', () => {
    expect(chartPlan({ chartBranch: 'roofline-gate-assets', svg: '<svg/>' })).toEqual({ kind: 'publish', branch: 'roofline-gate-assets' });
    expect(chartPlan({ chartBranch: null, svg: '<svg/>' })).toEqual({ kind: 'text', reason: 'No chart image: `chart-branch` is empty, so charts are never pushed; this is the text roofline.' });
    expect(chartPlan({ chartBranch: 'roofline-gate-assets', svg: undefined })).toEqual({ kind: 'text', reason: 'No chart image: the chart could not be drawn; this is the text roofline.' });
  });
});

describe('what a refusal or failure says', () => {
  it('a 403 on pushing the chart asks for contents: write, or no chart branch', () => {
    expect(chartFailure(FORBIDDEN, 'assets')).toEqual({
      warning: "No chart image: the token may not push to branch `assets` (grant `contents: write`, or set `chart-branch: ''`). The comment shows the text roofline instead.",
      note: "No chart image: the token may not push to branch `assets` (grant `contents: write`, or set `chart-branch: ''`).",
      reason: "No chart image: the token may not push to branch `assets` (grant `contents: write`, or set `chart-branch: ''`); this is the text roofline.",
    });
    expect(chartFailure(apiError(502, 'Bad Gateway'), 'assets').note).toBe('No chart image: pushing it to branch `assets` failed (HTTP 502: Bad Gateway).');
  });

  it('a 403 on commenting asks for pull-requests: write; a secondary rate limit that outlasted the retries is a failure, not a refusal', () => {
    expect(commentFailure(FORBIDDEN, 'out')).toEqual({
      warning: 'No pull-request comment: the token may not comment (HTTP 403: Resource not accessible by integration); grant `pull-requests: write`. The verdict, job summary and out dir are unaffected.',
      note: 'No pull-request comment: the token may not comment (HTTP 403: Resource not accessible by integration); grant `pull-requests: write`.',
      reason: 'No chart image: there was no comment to show it in. roofline.svg in the out dir (out) has the chart.',
    });
    expect(commentFailure(apiError(403, 'You have exceeded a secondary rate limit.'), 'out').note).toBe(
      'No pull-request comment: the GitHub API failed (HTTP 403: You have exceeded a secondary rate limit.).',
    );
    expect(commentFailure(apiError(500, 'Server Error'), 'out').note).toBe('No pull-request comment: the GitHub API failed (HTTP 500: Server Error).');
  });
});

describe('hasChanges (comment: changed)', () => {
  const snapshot = { intensity: { dram: 10 }, attainableFlopsPerSecond: 1, bound: 'memory' as const, bindingLevel: 'dram', seconds: 1, throughput: 1, efficiency: null };
  const result = { intensity: { dram: 10 }, bound: 'memory', bindingLevel: 'dram', seconds: 1, base: snapshot };
  const report = (results: object[], extra: Partial<Report> = {}) => ({ findings: [], removed: [], results, ...extra }) as unknown as Report;

  it('is false when every figure is as in the baseline, infinite intensities too', () => {
    const infinite = { ...result, intensity: { dram: Infinity }, base: { ...snapshot, intensity: { dram: Infinity } } };
    expect(hasChanges(report([result, infinite]))).toBe(false);
  });

  it('is true for a moved figure, a new pair, a removed pair or a finding', () => {
    expect(hasChanges(report([{ ...result, seconds: 1.01 }]))).toBe(true);
    expect(hasChanges(report([{ ...result, base: null }]))).toBe(true);
    expect(hasChanges(report([result], { removed: [{}] as never }))).toBe(true);
    expect(hasChanges(report([result], { findings: [{}] as never }))).toBe(true);
  });
});

describe('digest', () => {
  it('is 16 hex digits, the same for the same report and another for another', () => {
    expect(digest(FAILING)).toMatch(/^[0-9a-f]{16}$/);
    expect(digest(structuredClone(FAILING))).toBe(digest(FAILING));
    expect(digest(UNCHANGED)).not.toBe(digest(FAILING));
  });
});

describe('commentBody', () => {
  const parts = { chart: { kind: 'image', url: IMAGE_URL } as const, editorUrl: null, marker: '<!-- roofline-gate:sticky roofline.yml -->', stamp: at(100, '0123abcd'), headSha: HEAD_SHA, runUrl: RUN_URL };

  it('starts with the marker and the stamp, shows the image, and ends with the commit and the run', () => {
    const body = commentBody(FAILING, parts);
    expect(body.split('\n').slice(0, 2)).toEqual(['<!-- roofline-gate:sticky roofline.yml -->', '<!-- roofline-gate:run 2024-05-01T10:00:00.000Z 100 1 0123abcd -->']);
    expect(body).toContain(`![Roofline chart](${IMAGE_URL})`);
    expect(body).toContain('bound-shift');
    expect(body.trimEnd().endsWith(`<sub>roofline-gate for head000 · [workflow run](${RUN_URL})</sub>`)).toBe(true);
  });

  it('fits the comment limit for a report of 3,000 models, header and footer kept', () => {
    const models = Array.from({ length: 3000 }, (_, i) => `  - { name: model-with-a-long-name-${i}, precision: fp32, flops: ${i + 1} GFLOP, bytes: 1 GB }`);
    const big = report(`version: 1\nhardware: gtx-1080-ti\nmodels:\n${models.join('\n')}\n`);
    const body = commentBody(big, parts);
    expect(body.length).toBeLessThanOrEqual(65_536); // COMMENT_MAX, in UTF-16 characters
    expect(body.length).toBeGreaterThan(65_536 / 2);
    expect(body.startsWith('<!-- roofline-gate:sticky roofline.yml -->\n')).toBe(true);
    expect(body).toContain(`[workflow run](${RUN_URL})`);
  });
});

describe('editorLink', () => {
  it('is a Vega editor link for a chart, and none without a chart or for one too long to link', () => {
    expect(editorLink({ mark: 'point' })).toMatch(/^https:\/\/vega\.github\.io\/editor\/#\/url\/vega-lite\//);
    expect(editorLink(null)).toBeNull();
    const huge = { data: { values: Array.from({ length: 20_000 }, (_, i) => ({ x: Math.sin(i), label: `point-${i * 7919}` })) } };
    expect(editorLink(huge)).toBeNull();
  });
});

/** share() against the fake, with what it logged. */
async function shareWith(api: FakeApi, options: { settings?: Parameters<typeof settings>[0]; event?: ReturnType<typeof pullRequestEvent>; svg?: string | undefined; report?: typeof FAILING; lookup?: ReturnType<typeof lookUpComment> } = {}) {
  const logged: string[] = [];
  const log: Log = { info: (m) => logged.push(`info: ${m}`), notice: (m) => logged.push(`notice: ${m}`), warning: (m) => logged.push(`warning: ${m}`) };
  const chart = { svg: 'svg' in options ? options.svg : '<svg>chart</svg>', text: asciiRoofline(options.report ?? FAILING), editorUrl: editorLink({ mark: 'point' }) };
  const shared = await share(options.report ?? FAILING, chart, settings(options.settings), options.event ?? pullRequestEvent(), api, log, options.lookup);
  return { shared, logged };
}

const bodyOf = (api: FakeApi) => {
  const call = api.calls.find((c) => c.method === 'writeSticky' || c.method === 'postComment')!;
  return call.args[1] as string;
};
const threadOf = (api: FakeApi) => api.calls.find((c) => c.method === 'findSticky')!.args[0] as Thread;

describe('share', () => {
  it('first run: publishes the chart, creates the sticky comment showing it, and links both', async () => {
    const api = fakeApi();
    const { shared } = await shareWith(api);
    // readFileAt: the history's index, which this fake does not have (no trend), asked for as the chart is published.
    expect(api.methods()).toEqual(['tokenAuthor', 'findSticky', 'readFileAt', 'publishAsset', 'writeSticky']);
    expect(threadOf(api)).toEqual({ repo: { owner: 'octo-org', repo: 'octo-repo' }, issueNumber: 7, marker: '<!-- roofline-gate:sticky roofline.yml -->', author: { id: 41898282, login: 'github-actions[bot]', app: 15368, source: 'assumed' } });
    const asset = api.calls.find((c) => c.method === 'publishAsset')!.args[0];
    expect(asset).toEqual({
      repo: { owner: 'octo-org', repo: 'octo-repo' }, branch: 'roofline-gate-assets', // sha256sum of `<svg>chart</svg>`
      path: 'octo-org-octo-repo/charts/06231d11a3c522bbec2e0e2fb762d186b9abf53d73cc0f29d640288e96ef6b3c.svg',
      content: '<svg>chart</svg>', message: 'roofline chart for #7 at head000', serverUrl: 'https://github.example',
    });
    expect(bodyOf(api)).toContain(`![Roofline chart](${IMAGE_URL})`);
    expect(shared).toMatchObject({ commentUrl: COMMENT_URL, chartUrl: IMAGE_URL, chart: { kind: 'image', url: IMAGE_URL }, notes: [] });
  });

  it('an older run finishing after a newer one leaves the newer comment, and links it', async () => {
    const later = sticky({ order: { time: Date.parse('2024-05-01T12:00:00Z'), runId: 201, attempt: 1 }, digest: 'ff' });
    const api = fakeApi({ findSticky: async () => [later] });
    const { shared, logged } = await shareWith(api);
    expect(api.methods()).toEqual(['tokenAuthor', 'findSticky']);
    expect(shared.commentUrl).toBe(COMMENT_URL);
    expect(shared.chartUrl).toBeNull();
    expect(logged).toEqual(['info: Comment left as it is: a later run already wrote it.']);
  });

  it('a later run’s report that landed while this run wrote is left, and the log says so', async () => {
    const api = fakeApi({ writeSticky: async () => ({ action: 'kept-later', url: COMMENT_URL }) });
    const { shared, logged } = await shareWith(api, { settings: { chartBranch: null } });
    expect(shared.commentUrl).toBe(COMMENT_URL);
    expect(logged).toEqual([`info: Comment: ${COMMENT_URL} (a later run wrote it meanwhile; left as it is)`]);
  });

  it('`comment: changed` writes nothing while the report is what the comment shows, and nothing for a change that changes no model', async () => {
    const same = fakeApi({ findSticky: async () => [sticky({ order: { time: 0, runId: 1, attempt: 1 }, digest: digest(FAILING) })] });
    expect((await shareWith(same, { settings: { comment: 'changed' } })).shared.commentUrl).toBe(COMMENT_URL);
    expect(same.methods()).toEqual(['tokenAuthor', 'findSticky']);

    const quiet = fakeApi();
    expect((await shareWith(quiet, { settings: { comment: 'changed' }, report: UNCHANGED })).shared.commentUrl).toBeNull();
    expect(quiet.methods()).toEqual(['tokenAuthor', 'findSticky']);
  });

  it('writes the chart and the comment once each on a first run, and nothing on a rerun with nothing changed under `comment: changed`', async () => {
    const first = fakeApi();
    await shareWith(first, { settings: { comment: 'changed' } });
    expect(first.writes()).toEqual(['publishAsset', 'writeSticky']);
    const written = first.calls.find((c) => c.method === 'writeSticky')!.args[2] as Stamp;

    // "Re-run jobs": the same report, a later attempt; the comment shows what the first attempt wrote.
    const rerun = fakeApi({ findSticky: async () => [sticky(written)] });
    const { shared } = await shareWith(rerun, { settings: { comment: 'changed' }, event: pullRequestEvent({ order: { ...written.order, attempt: 2 } }) });
    expect(rerun.writes()).toEqual([]);
    expect(shared.commentUrl).toBe(COMMENT_URL);
  });

  it('`comment: new` posts a comment of its own, without looking for earlier ones, stamped with its run', async () => {
    const api = fakeApi();
    const { shared } = await shareWith(api, { settings: { comment: 'new', chartBranch: null } });
    // The identity: after a lost answer, this run's comment is looked for among the token's own.
    expect(api.methods()).toEqual(['tokenAuthor', 'postComment']);
    expect((api.calls[1]!.args[0] as Thread).author).toEqual(ACTIONS_BOT);
    expect(bodyOf(api).split('\n')[1]).toMatch(/^<!-- roofline-gate:run 2024-05-01T10:00:00.000Z 100 1 [0-9a-f]{16} -->$/);
    expect(shared.commentUrl).toBe(COMMENT_URL);
  });

  it('keys the comment by config, so that two configs get two comments', async () => {
    const api = fakeApi();
    await shareWith(api, { settings: { config: './ml/a.yml' } });
    expect(threadOf(api).marker).toBe('<!-- roofline-gate:sticky ml/a.yml -->');
  });

  it('looks for the comment by the account of a personal token', async () => {
    const ciUser = { id: 5, login: 'ci-user', app: null, source: 'asked' } as const;
    const api = fakeApi({ tokenAuthor: async () => ciUser });
    await shareWith(api);
    expect(threadOf(api).author).toEqual({ id: 5, login: 'ci-user', app: null, source: 'asked' });
  });

  it('a read-only token (403 on every write): no comment, no image, and both permissions named', async () => {
    const api = fakeApi({ publishAsset: async () => { throw FORBIDDEN; }, writeSticky: async () => { throw FORBIDDEN; } });
    const { shared, logged } = await shareWith(api);
    expect(shared.commentUrl).toBeNull();
    expect(shared.chartUrl).toBeNull();
    expect(shared.chart.kind).toBe('text');
    expect(shared.notes.join('\n')).toMatch(/contents: write[\s\S]*pull-requests: write/);
    expect(logged.filter((line) => line.startsWith('warning: '))).toHaveLength(2);
  });

  it('403 on pushing the chart only: the comment is posted with the text roofline', async () => {
    const api = fakeApi({ publishAsset: async () => { throw FORBIDDEN; } });
    const { shared } = await shareWith(api);
    expect(shared.commentUrl).toBe(COMMENT_URL);
    expect(shared.chartUrl).toBeNull();
    expect(bodyOf(api)).toContain('```text');
    expect(bodyOf(api)).not.toContain('![Roofline chart](');
    expect(shared.notes).toEqual(["No chart image: the token may not push to branch `roofline-gate-assets` (grant `contents: write`, or set `chart-branch: ''`)."]);
  });

  it('a failing API (500 after retries): no comment, the failure noted, nothing thrown', async () => {
    const api = fakeApi({ findSticky: async () => { throw apiError(500, 'Server Error'); } });
    const { shared, logged } = await shareWith(api);
    expect(shared).toMatchObject({ commentUrl: null, chartUrl: null, notes: ['No pull-request comment: the GitHub API failed (HTTP 500: Server Error).'] });
    expect(logged).toEqual(['warning: No pull-request comment: the GitHub API failed (HTTP 500: Server Error). The verdict, job summary and out dir are unaffected.']);
  });

  it('takes the lookup main.ts starts before the verdict: the comments looked up once, a failed lookup kept until share reports it', async () => {
    const api = fakeApi({ findSticky: async () => { throw apiError(500, 'Server Error'); } });
    const early = lookUpComment(settings(), pullRequestEvent(), api);
    await expect(early).resolves.toMatchObject({ kind: 'failed' });
    const { shared, logged } = await shareWith(api, { lookup: early });
    expect(shared.notes).toEqual(['No pull-request comment: the GitHub API failed (HTTP 500: Server Error).']);
    expect(logged).toEqual(['warning: No pull-request comment: the GitHub API failed (HTTP 500: Server Error). The verdict, job summary and out dir are unaffected.']);
    expect(api.methods()).toEqual(['tokenAuthor', 'findSticky']);

    const working = fakeApi();
    const found = lookUpComment(settings(), pullRequestEvent(), working);
    await found;
    await shareWith(working, { lookup: found });
    expect(working.methods().filter((method) => method === 'findSticky')).toHaveLength(1);
    expect(working.methods()).toContain('writeSticky');
  });

  it('a fork’s pull_request run calls no API, gives notice why, and shows the text roofline', async () => {
    const api = fakeApi();
    const { shared, logged } = await shareWith(api, { event: forkEvent() });
    expect(api.calls).toEqual([]);
    expect(logged).toEqual([`notice: ${FORK_NOTE}`]);
    expect(shared).toMatchObject({ commentUrl: null, chartUrl: null, notes: [FORK_NOTE] });
    expect(shared.chart).toMatchObject({ kind: 'text', reason: expect.stringContaining('comes from a fork') });
  });

  it('a workflow_run run comments on the pull request found by the run’s head', async () => {
    const api = fakeApi({ pullRequestOfRun: async () => 7 });
    const { shared } = await shareWith(api, { event: workflowRunEvent() });
    expect(api.calls[0]).toEqual({ method: 'pullRequestOfRun', args: [{ headOwner: 'forker', headBranch: 'feature', headSha: HEAD_SHA, pullNumbers: [] }] });
    expect(threadOf(api).issueNumber).toBe(7);
    expect(shared.commentUrl).toBe(COMMENT_URL);
    expect(bodyOf(api)).toContain('![Roofline chart](');
  });

  it('comments nowhere when there is no pull request: a push, or a run whose pull request is gone', async () => {
    for (const event of [pushEvent(), workflowRunEvent()]) {
      const api = fakeApi();
      const { shared, logged } = await shareWith(api, { event });
      expect(api.methods()).toEqual(event.name === 'push' ? [] : ['pullRequestOfRun']);
      expect(shared.commentUrl).toBeNull();
      expect(logged).toEqual([`info: No pull request to comment on for this ${event.name} event.`]);
    }
  });

  it('`comment: off` calls no API', async () => {
    const api = fakeApi();
    const { shared } = await shareWith(api, { settings: { comment: 'off' } });
    expect(api.calls).toEqual([]);
    expect(shared.notes).toEqual([]);
  });
});
