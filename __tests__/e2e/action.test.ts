// The bundled action (dist/index.js) run as the Actions runner runs it, against a fake GitHub REST API
// on 127.0.0.1 that checks every request against GitHub's OpenAPI description and can inject faults.
// dist/ is built once by jest's globalSetup (__tests__/setup/build-dist.mjs).
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS_BOT, FakeGitHub, type Fault, type Grant } from './fake-github.js';
import {
  ACTION, makeRepo, OWNER, pullRequestEvent, pushEvent, REPO, ROOT, runStep, visible, workflowRunEvent,
  type Step, type StepResult, type TestRepo,
} from './harness.js';

const TOKEN = 'ghs_e2eSecretToken0123456789abcdefABCDEF';
const PAT = 'ghp_e2ePersonalToken0123456789abcdefABCD';
const PR = 7;
const ASSETS = 'roofline-gate-assets';
const MARKER = '<!-- roofline-gate:sticky roofline.yml -->';

const BASE = readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'two-models.yml'), 'utf8');
/** vgg16 moves 20% more bytes: it crosses the ridge, three failing findings. */
const HEAD = BASE.replace('bytes: 1 GB', 'bytes: 1.2 GB');

const WRITE: Grant = { user: ACTIONS_BOT, pullRequests: 'write', contents: 'write' };
const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface World {
  repo: TestRepo;
  github: FakeGitHub;
  /** One run of the action on a pull_request event (by default) in this world. */
  run(options?: Partial<Step> & { updatedAt?: string }): Promise<StepResult>;
}

async function world(options: { base?: Record<string, string>; head?: Record<string, string>; grant?: Grant; faults?: Fault[] } = {}): Promise<World> {
  const repo = makeRepo(options.base ?? { 'roofline.yml': BASE }, options.head ?? { 'roofline.yml': HEAD });
  const github = await new FakeGitHub(OWNER, REPO, repo.dir).start();
  github.grant(TOKEN, options.grant ?? WRITE);
  github.pulls.push({ number: PR, state: 'open', headSha: repo.headSha, headRef: 'feature', headOwner: OWNER });
  for (const fault of options.faults ?? []) github.fault(fault);
  cleanup.push(() => github.stop(), () => rmSync(repo.dir, { recursive: true, force: true }));
  const run = async ({ updatedAt = '2024-05-01T10:00:00Z', ...step }: Partial<Step> & { updatedAt?: string } = {}) => {
    const result = await runStep({
      cwd: repo.dir,
      api: github.url,
      token: TOKEN,
      event: pullRequestEvent('synchronize', { number: PR, repo, updatedAt }),
      sha: repo.headSha,
      ...step,
    });
    expect(visible(result)).not.toContain(TOKEN);
    expect(visible(result)).not.toContain(PAT);
    return result;
  };
  return { repo, github, run };
}

/** What the CLI says about the same change: the verdict the action must reach whatever the API does. */
const expected = (() => {
  const repo = makeRepo({ 'roofline.yml': BASE }, { 'roofline.yml': HEAD });
  try {
    const run = (args: string[]) => {
      try {
        return execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: repo.dir, encoding: 'utf8' });
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    };
    const report = JSON.parse(run(['check', '--base-ref', repo.baseSha, '--format', 'json', '--out', path.join(repo.dir, 'cli-out')]));
    return { status: report.status as string, findings: String(report.findings.length) };
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }
})();

const stickies = (github: FakeGitHub) => github.commentsOn(PR).filter((comment) => comment.body.startsWith(`${MARKER}\n`) && comment.user.type === 'Bot');
const stampOf = (body: string) => /<!-- roofline-gate:run (\S+) (\d+) (\d+) /.exec(body)!.slice(1, 4).join(' ');
const commitsOn = (github: FakeGitHub, branch: string) => {
  let count = 0;
  for (let sha = github.refs.get(`refs/heads/${branch}`); sha; sha = github.commits.get(sha)!.parents[0]) count++;
  return count;
};

/** The verdict, outputs and summary are right, whatever happened to the comment and the chart. */
function expectVerdict(result: StepResult, repo: TestRepo) {
  expect(result.stderr).toBe('');
  expect(result.outputs.status).toBe(expected.status);
  expect(result.outputs.findings).toBe(expected.findings);
  expect(result.code).toBe(expected.status === 'fail' ? 1 : 0);
  expect(result.outputs['report-json']).toBe(path.join(repo.dir, 'roofline-report', 'report.json'));
  expect(JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')).status).toBe(expected.status);
  expect(readFileSync(result.outputs['chart-svg']!, 'utf8')).toContain('<svg');
  expect(result.summary).toContain('### ❌ roofline-gate: fail');
  expect(result.summary).toContain('bound-shift');
  for (const name of Object.keys(ACTION.outputs)) expect(result.outputs).toHaveProperty(name);
}

describe('the sticky comment on a pull request', () => {
  it.concurrent('is one comment after three runs, updated in place, with the chart published and linked', async () => {
    const { repo, github, run } = await world();
    // A long thread: the action's comment lands on page 2 of the listing. A person's comment quoting the
    // marker is not the action's, and is left alone.
    for (let i = 0; i < 120; i++) github.addComment(PR, `review comment ${i}`, { login: 'octocat', id: 1, type: 'User' });
    const impostor = github.addComment(PR, `${MARKER}\nI quote the marker`, { login: 'mallory', id: 2, type: 'User' });

    const first = await run({ updatedAt: '2024-05-01T10:00:00Z', runId: 100 });
    expectVerdict(first, repo);
    const [comment] = stickies(github);
    expect(stickies(github)).toHaveLength(1);
    expect(first.outputs['comment-url']).toBe(`${github.serverUrl}/${OWNER}/${REPO}/pull/${PR}#issuecomment-${comment!.id}`);

    // The chart: an orphan commit on the assets branch holding the same SVG as the out dir, linked by SHA.
    const assetPath = `${OWNER}-${REPO}/pr-${PR}/${repo.headSha}/roofline.svg`;
    const tip = github.refs.get(`refs/heads/${ASSETS}`)!;
    expect(github.commits.get(tip)!.parents).toEqual([]);
    expect(github.fileAt(ASSETS, assetPath)).toBe(readFileSync(first.outputs['chart-svg']!, 'utf8'));
    const image = `${github.serverUrl}/${OWNER}/${REPO}/blob/${tip}/${assetPath}?raw=true`;
    expect(first.outputs['chart-url']).toBe(image);
    expect(comment!.body).toContain(`![Roofline chart](${image})`);
    expect(first.summary).toContain(image);

    const second = await run({ updatedAt: '2024-05-01T11:00:00Z', runId: 101 });
    const third = await run({ updatedAt: '2024-05-01T11:00:00Z', runId: 101, runAttempt: 2 }); // "Re-run jobs"
    for (const result of [second, third]) {
      expectVerdict(result, repo);
      expect(result.outputs['comment-url']).toBe(first.outputs['comment-url']);
      expect(result.outputs['chart-url']).toBe(image); // the same chart is not committed again
    }
    expect(stickies(github).map((c) => c.id)).toEqual([comment!.id]);
    expect(stampOf(stickies(github)[0]!.body)).toBe('2024-05-01T11:00:00.000Z 101 2');
    expect(commitsOn(github, ASSETS)).toBe(1);
    expect(github.comments.find((c) => c.id === impostor.id)!.body).toBe(`${MARKER}\nI quote the marker`);
    expect(github.writes().filter((w) => w.includes('comment'))).toEqual(['POST issues/create-comment', 'PATCH issues/update-comment', 'PATCH issues/update-comment']);
    expect(github.problems).toEqual([]);
  });

  it.concurrent('keeps a newer run’s result when an older run finishes last', async () => {
    const { github, run } = await world({ faults: [] });
    await run({ updatedAt: '2024-05-01T12:00:00Z', runId: 201, inputs: { 'chart-branch': '' } });
    const older = await run({ updatedAt: '2024-05-01T09:00:00Z', runId: 200, inputs: { 'chart-branch': '' } });
    expect(older.code).toBe(1);
    expect(stickies(github)).toHaveLength(1);
    expect(stampOf(stickies(github)[0]!.body)).toBe('2024-05-01T12:00:00.000Z 201 1');
    expect(older.outputs['comment-url']).toContain('#issuecomment-');
    expect(github.writes()).toEqual(['POST issues/create-comment']);
    expect(github.problems).toEqual([]);
  });

  it.concurrent('is one comment, showing the later run, when two runs post at the same moment', async () => {
    // Both runs list the comments before either has posted (the answer is slow), so both create one.
    const { github, run } = await world({ faults: [{ operation: 'issues/list-comments', delayMs: 1000, times: 2 }] });
    const [a, b] = await Promise.all([
      run({ updatedAt: '2024-05-01T10:00:00Z', runId: 300 }),
      run({ updatedAt: '2024-05-01T10:05:00Z', runId: 301 }),
    ]);
    expect(github.writes().filter((w) => w === 'POST issues/create-comment')).toHaveLength(2);
    expect(stickies(github)).toHaveLength(1);
    expect(stampOf(stickies(github)[0]!.body)).toBe('2024-05-01T10:05:00.000Z 301 1');
    expect(a.outputs['comment-url']).toBe(b.outputs['comment-url']);
    // Both pushed the same chart: whichever lost the race on the branch found it there and linked it.
    expect(commitsOn(github, ASSETS)).toBe(1);
    expect(github.problems).toEqual([]);
  });

  it.concurrent('with `comment: changed`, is posted once and left alone while the report stays the same', async () => {
    const { github, run } = await world();
    const inputs = { comment: 'changed', 'chart-branch': '' };
    const first = await run({ runId: 400, inputs });
    const second = await run({ runId: 401, updatedAt: '2024-05-01T10:30:00Z', inputs });
    expect(github.writes()).toEqual(['POST issues/create-comment']);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);

    // A pull request that changes no model gets no comment at all.
    const quiet = await world({ head: { 'README.md': 'docs only' } });
    const result = await quiet.run({ inputs });
    expect(result.code).toBe(0);
    expect(quiet.github.writes()).toEqual([]);
    expect(result.outputs['comment-url']).toBe('');
  });

  it.concurrent('with `comment: new`, is a new comment on every run', async () => {
    const { github, run } = await world();
    const inputs = { comment: 'new', 'chart-branch': '' };
    const first = await run({ runId: 450, inputs });
    const second = await run({ runId: 451, inputs });
    expect(stickies(github)).toHaveLength(2);
    expect(first.outputs['comment-url']).not.toBe(second.outputs['comment-url']);
  });

  it.concurrent('is one per config when a repository has two', async () => {
    const { github, run } = await world({ base: { 'a.yml': BASE, 'b.yml': BASE }, head: { 'a.yml': HEAD, 'b.yml': BASE } });
    const inputs = (config: string) => ({ config, 'chart-branch': '', 'out-dir': `out-${config}` });
    await run({ runId: 500, inputs: inputs('a.yml') });
    await run({ runId: 501, inputs: inputs('b.yml') });
    await run({ runId: 502, updatedAt: '2024-05-01T10:10:00Z', inputs: inputs('a.yml') });
    const bodies = github.commentsOn(PR).map((c) => c.body.split('\n')[0]);
    expect(bodies.sort()).toEqual(['<!-- roofline-gate:sticky a.yml -->', '<!-- roofline-gate:sticky b.yml -->']);
  });

  it.concurrent('is found by login for a personal access token', async () => {
    const me = { login: 'ci-user', id: 77, type: 'User' as const };
    const { github, run } = await world();
    github.grant(PAT, { user: me, pullRequests: 'write', contents: 'write' });
    github.addComment(PR, `${MARKER}\n<!-- roofline-gate:run 2099-01-01T00:00:00.000Z 1 1 00 -->\nsomeone else's`, { login: 'other-user', id: 78, type: 'User' });
    await run({ token: PAT, runId: 600, inputs: { 'chart-branch': '' } });
    await run({ token: PAT, runId: 601, updatedAt: '2024-05-01T10:20:00Z', inputs: { 'chart-branch': '' } });
    expect(github.commentsOn(PR).filter((c) => c.user.login === 'ci-user')).toHaveLength(1);
    expect(github.log.filter((entry) => entry.operation === 'users/get-authenticated')).toHaveLength(2);
    expect(github.problems).toEqual([]);
  });
});

describe('whatever the API does, the verdict, summary and outputs are right', () => {
  const seedAssets = (github: FakeGitHub) => {
    // An assets branch that exists already, so that the update path (and its 422) is taken.
    const blob = 'aa'.repeat(20);
    github.blobs.set(blob, Buffer.from('old'));
    github.trees.set('tree0', new Map([['old.svg', { mode: '100644', type: 'blob', sha: blob }]]));
    github.commits.set('c0'.repeat(20), { tree: 'tree0', parents: [], message: 'old' });
    github.refs.set(`refs/heads/${ASSETS}`, 'c0'.repeat(20));
  };

  it.concurrent.each<[string, { faults?: Fault[]; grant?: Grant; seed?: boolean; comment: boolean; image: boolean; warning?: RegExp; noted?: boolean }]>([
    ['5xx, then success, on every kind of call', {
      faults: ['repos/get-content', 'issues/list-comments', 'git/create-tree', 'git/create-ref', 'issues/create-comment', 'issues/get-comment']
        .map((operation) => ({ operation, status: 502, times: 1 })),
      comment: true, image: true,
    }],
    ['a secondary rate limit, then success', {
      faults: [{ operation: 'issues/create-comment', status: 403, message: 'You have exceeded a secondary rate limit.', headers: { 'retry-after': '1' } }],
      comment: true, image: true,
    }],
    ['slow answers', { faults: [{ operation: '*', delayMs: 150, times: Infinity }], comment: true, image: true }],
    ['422: the assets branch moved meanwhile', { seed: true, faults: [{ operation: 'git/update-ref', status: 422, message: 'Update is not a fast forward' }], comment: true, image: true }],
    ['403 on every write (a read-only token)', {
      grant: { user: ACTIONS_BOT, pullRequests: 'read', contents: 'read' }, comment: false, image: false, warning: /pull-requests: write/,
    }],
    ['403 on pushing the chart only (no contents: write)', {
      grant: { user: ACTIONS_BOT, pullRequests: 'write', contents: 'read' }, comment: true, image: false, warning: /contents: write/,
    }],
    ['500 on every comment call, after retries', { faults: [{ operation: 'issues/list-comments', status: 500, times: Infinity }], comment: false, image: false, warning: /HTTP 500/ }],
    ['500 on every contents call: the baseline comes from the local clone', { faults: [{ operation: 'repos/get-content', status: 500, times: Infinity }], comment: true, image: true, warning: /local clone/, noted: false }],
  ])('%s', async (_name, scenario) => {
    const { repo, github, run } = await world({ faults: scenario.faults, ...(scenario.grant ? { grant: scenario.grant } : {}) });
    if (scenario.seed) seedAssets(github);
    const result = await run();
    expectVerdict(result, repo);
    expect(stickies(github)).toHaveLength(scenario.comment ? 1 : 0);
    expect(result.outputs['comment-url'] !== '').toBe(scenario.comment);
    expect(result.outputs['chart-url'] !== '').toBe(scenario.image);
    if (scenario.comment) expect(stickies(github)[0]!.body).toContain(scenario.image ? '![Roofline chart](' : '```text');
    if (scenario.warning) {
      expect(result.annotations.filter((a) => a.kind === 'warning').map((a) => a.message).join('\n')).toMatch(scenario.warning);
      if (scenario.noted !== false) expect(result.summary).toMatch(scenario.warning);
    }
    expect(github.problems).toEqual([]);
  });

  it.concurrent('a config new in this pull request (404 at the base) has no baseline and still meets its budgets', async () => {
    const budget = `${HEAD}gate:\n  budgets:\n    max-latency: 1 ms\n`;
    const { github, run } = await world({ base: {}, head: { 'roofline.yml': budget } });
    const result = await run({ inputs: { 'chart-branch': '' } });
    expect(result.outputs.status).toBe('fail');
    expect(result.summary).toContain('no baseline');
    expect(result.summary).toContain('max-latency');
    expect(result.stdout).toContain('does not exist at the base');
    expect(github.log.some((entry) => entry.operation === 'repos/get-content' && entry.status === 404)).toBe(true);
  });
});

describe('fork pull requests', () => {
  it.concurrent('a pull_request run from a fork posts nothing, says why, and still decides', async () => {
    const { repo, github, run } = await world({ grant: { user: ACTIONS_BOT, pullRequests: 'read', contents: 'read' } });
    const result = await run({ event: pullRequestEvent('opened', { number: PR, repo, updatedAt: '2024-05-01T10:00:00Z', forkOwner: 'forker' }) });
    expectVerdict(result, repo);
    expect(github.writes()).toEqual([]);
    expect(result.annotations.find((a) => a.kind === 'notice')!.message).toContain('comes from a fork');
    expect(result.summary).toContain('comes from a fork');
    expect(result.summary).toContain('```text'); // the text roofline instead of an image
    expect(result.outputs['comment-url']).toBe('');
  });

  it.concurrent('a workflow_run run comments with the report the fork’s run computed, found by head branch and sha', async () => {
    const { repo, github, run } = await world();
    github.pulls = [{ number: PR, state: 'open', headSha: repo.headSha, headRef: 'feature', headOwner: 'forker' }];
    const forkRun = await run({ event: pullRequestEvent('opened', { number: PR, repo, updatedAt: '2024-05-01T10:00:00Z', forkOwner: 'forker' }) });
    expect(github.writes()).toEqual([]);

    // The second workflow: the artifact is downloaded into another directory, and no config is read.
    const event = workflowRunEvent({ headSha: repo.headSha, headBranch: 'feature', headOwner: 'forker', createdAt: '2024-05-01T10:01:00Z' });
    const result = await run({ event, inputs: { report: forkRun.outputs['report-json']!, 'out-dir': 'commenter-out' } });
    expect(result.outputs.status).toBe(expected.status);
    expect(result.outputs.findings).toBe(expected.findings);
    expect(github.log.find((entry) => entry.operation === 'pulls/list')).toBeDefined();
    expect(stickies(github)).toHaveLength(1);
    expect(stickies(github)[0]!.body).toContain('![Roofline chart](');
    expect(github.problems).toEqual([]);
  });

  it.concurrent('a workflow_run run refuses a report that is not a valid report.json, and posts nothing', async () => {
    const { repo, github, run } = await world();
    const forged = path.join(repo.dir, 'forged.json');
    const event = workflowRunEvent({ headSha: repo.headSha, headBranch: 'feature', headOwner: OWNER, createdAt: '2024-05-01T10:01:00Z' });
    for (const report of [
      { version: 1, status: 'pass', baseline: null, results: [], removed: [], findings: [{ rule: 'bound-shift', severity: 'fail', model: 'm', hardware: 'h', message: 'x' }], advice: [] },
      { version: 1, status: 'pass', baseline: null, results: [], removed: [], findings: [], advice: [], '<img src=x>': 1 },
    ]) {
      writeFileSync(forged, JSON.stringify(report));
      const result = await run({ event, inputs: { report: forged } });
      expect(result.code).toBe(1);
      expect(result.annotations.find((a) => a.kind === 'error')!.message).toContain('not a valid roofline-gate report.json');
    }
    expect(github.writes()).toEqual([]);
  });
});

describe('other events and inputs', () => {
  it.concurrent('a push compares with the commit before it and comments nowhere', async () => {
    const { repo, github, run } = await world();
    const result = await run({ event: pushEvent({ before: repo.baseSha, after: repo.headSha, timestamp: '2024-05-01T10:00:00Z' }) });
    expectVerdict(result, repo);
    expect(result.summary).toContain(`against git:${repo.baseSha.slice(0, 7)}.`);
    expect(github.writes()).toEqual([]);
  });

  it.concurrent('fail-on decides the exit status alone', async () => {
    const { run } = await world();
    const never = await run({ inputs: { 'fail-on': 'never', comment: 'off' } });
    expect([never.code, never.outputs.status]).toEqual([0, 'fail']);
  });

  it.concurrent('a bad config is an error annotation on its line, and nothing is posted', async () => {
    const { github, run } = await world({ head: { 'roofline.yml': HEAD.replace('1.2 GB', '1.2 GBs') } });
    const result = await run();
    expect(result.code).toBe(1);
    const error = result.annotations.find((a) => a.kind === 'error')!;
    const line = HEAD.split('\n').findIndex((text) => text.includes('1.2 GB')) + 1;
    expect(error.properties).toMatchObject({ file: 'roofline.yml', line: String(line), title: 'roofline-gate: bad config' });
    expect(error.message).toContain('models[0].bytes');
    expect(github.writes()).toEqual([]);
  });

  it.concurrent('a misspelt input says what to write instead', async () => {
    const { github, run } = await world();
    const result = await run({ inputs: { comment: 'sometimes' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('use update, new, changed or off');
    expect(github.log).toEqual([]);
  });
});
