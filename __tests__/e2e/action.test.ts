// The bundled action (dist/index.js) run as the Actions runner runs it, against a fake GitHub REST API
// on 127.0.0.1 that checks every request against GitHub's OpenAPI description and can inject faults.
// dist/ is built once by jest's globalSetup (__tests__/setup/build-dist.mjs).
// Only the process contract is here: outputs, exit status, job summary, out dir, one sticky comment created
// then updated, a failing API call that changes no verdict, and inputs refused. The decisions (which
// baseline, create/update/leave the comment, what to skip on a 403 or for a fork) are tested in-process:
// action-analysis, action-baseline and action-comment, and the github-* tests for each API call.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS_APP, ACTIONS_BOT, FakeGitHub, type Fault, type Grant } from './fake-github.js';
import { CLI } from '../setup/dist.js';
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

const WRITE: Grant = { user: ACTIONS_BOT, app: ACTIONS_APP, pullRequests: 'write', contents: 'write' };
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
        return execFileSync(process.execPath, [CLI, ...args], { cwd: repo.dir, encoding: 'utf8' });
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

const stickies = (github: FakeGitHub) => github.commentsOn(PR).filter((comment) => comment.body.startsWith(`${MARKER}\n`) && comment.user.id === ACTIONS_BOT.id);
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

    // The chart: an orphan commit on the assets branch holding the same SVG as the out dir, at a path named
    // by its SHA-256, linked by commit.
    const svg = readFileSync(first.outputs['chart-svg']!, 'utf8');
    const assetPath = `${OWNER}-${REPO}/charts/${createHash('sha256').update(svg).digest('hex')}.svg`;
    const tip = github.refs.get(`refs/heads/${ASSETS}`)!;
    expect(github.commits.get(tip)!.parents).toEqual([]);
    expect(github.fileAt(ASSETS, assetPath)).toBe(svg);
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
});

describe('whose comment it is', () => {
  /** A stamp no real run can outrank: 2099, run 1. */
  const FROZEN = `${MARKER}\n<!-- roofline-gate:run 2099-01-01T00:00:00.000Z 1 1 00 -->\nfrozen`;

  it.concurrent('another bot’s comment with the marker and a 2099 stamp is not ours; the same identity’s has no credible stamp and is updated', async () => {
    const { repo, github, run } = await world();
    const dependabot = github.addComment(PR, FROZEN, { login: 'dependabot[bot]', id: 49699333, type: 'Bot' }, { id: 29110, slug: 'dependabot' });
    // Another workflow's GITHUB_TOKEN writes as the same github-actions[bot]; only GitHub's updated_at is not its to type.
    const sameIdentity = github.addComment(PR, FROZEN, ACTIONS_BOT, ACTIONS_APP);
    const result = await run({ runId: 500 });
    expectVerdict(result, repo);
    expect(result.outputs['comment-url']).toBe(`${github.serverUrl}/${OWNER}/${REPO}/pull/${PR}#issuecomment-${sameIdentity.id}`);
    expect(stickies(github).map((c) => [c.id, stampOf(c.body)])).toEqual([[sameIdentity.id, '2024-05-01T10:00:00.000Z 500 1']]);
    expect(github.comments.find((c) => c.id === dependabot.id)!.body).toBe(FROZEN);
    expect(github.problems).toEqual([]);
  });

  it.concurrent('a personal token whose GET /user is refused takes no one’s comment for its own', async () => {
    const { repo, github, run } = await world();
    github.grant(PAT, { user: { login: 'ci-user', id: 5, type: 'User' }, pullRequests: 'write', contents: 'write' });
    github.fault({ operation: 'users/get-authenticated', status: 403, message: 'Resource not accessible by integration' });
    const mallory = github.addComment(PR, FROZEN, { login: 'mallory', id: 2, type: 'User' });
    const result = await run({ runId: 501, token: PAT });
    expectVerdict(result, repo);
    const mine = github.commentsOn(PR).filter((c) => c.user.id === 5);
    expect(mine.map((c) => stampOf(c.body))).toEqual(['2024-05-01T10:00:00.000Z 501 1']);
    expect(result.outputs['comment-url']).toBe(`${github.serverUrl}/${OWNER}/${REPO}/pull/${PR}#issuecomment-${mine[0]!.id}`);
    expect(github.comments.find((c) => c.id === mallory.id)!.body).toBe(FROZEN);
    expect(github.problems).toEqual([]);
  });

  it.concurrent('`comment: new` after a lost answer (the POST wrote, the answer was a 502) is one comment, posted once', async () => {
    const { repo, github, run } = await world({ faults: [{ operation: 'issues/create-comment', status: 502, applied: true }] });
    const result = await run({ runId: 502, inputs: { comment: 'new', 'chart-branch': '' } });
    expectVerdict(result, repo);
    expect(stickies(github).map((c) => stampOf(c.body))).toEqual(['2024-05-01T10:00:00.000Z 502 1']);
    expect(result.outputs['comment-url']).toBe(`${github.serverUrl}/${OWNER}/${REPO}/pull/${PR}#issuecomment-${stickies(github)[0]!.id}`);
    expect(github.log.filter((entry) => entry.operation === 'issues/create-comment').map((entry) => entry.status)).toEqual([502]);
    expect(github.problems).toEqual([]);
  });
});

describe('writes per run', () => {
  it.concurrent('a first run writes the chart and the comment once each; a rerun with nothing changed under `comment: changed` writes nothing', async () => {
    const { repo, github, run } = await world();
    github.seedBranch(ASSETS); // left by an earlier pull request
    const first = await run({ runId: 300, inputs: { comment: 'changed' } });
    expectVerdict(first, repo);
    expect(github.writes()).toEqual(['PUT repos/create-or-update-file-contents', 'POST issues/create-comment']);

    const rerun = await run({ runId: 300, runAttempt: 2, inputs: { comment: 'changed' } });
    expectVerdict(rerun, repo);
    expect(rerun.outputs['comment-url']).toBe(first.outputs['comment-url']);
    expect(github.writes()).toHaveLength(2);
    expect(github.problems).toEqual([]);
  });
});

describe('the check run', () => {
  it.concurrent('starts in progress and ends with the verdict when `checks: write` is granted; is one notice without it', async () => {
    const { repo, github, run } = await world({ grant: { ...WRITE, checks: 'write' } });
    github.seedBranch(ASSETS);
    const result = await run();
    expectVerdict(result, repo);
    expect(github.writes()).toEqual(['POST checks/create', 'PUT repos/create-or-update-file-contents', 'POST issues/create-comment', 'PATCH checks/update']);
    expect(github.checkRuns).toHaveLength(1);
    const [check] = github.checkRuns;
    expect(check).toMatchObject({ name: 'roofline-gate (roofline.yml)', head_sha: repo.headSha, status: 'completed', conclusion: 'failure', output: { title: 'fail: 3 failing, 0 warning findings (fail-on: fail)' } });
    expect(check!.output!.summary).toContain('bound-shift');
    expect(check!.output!.summary).toContain(`[Pull-request comment](${result.outputs['comment-url']})`);

    const without = await world();
    const refused = await without.run();
    expectVerdict(refused, without.repo);
    expect(refused.annotations.filter((a) => a.kind === 'notice').map((a) => a.message)).toEqual([
      'No check run: the token may not create check runs; grant `checks: write`, or set `check-run: off`. The step’s exit status is the verdict.',
    ]);
    expect(without.github.log.filter((entry) => entry.operation?.startsWith('checks/')).map((entry) => entry.status)).toEqual([403]);
    expect(github.problems).toEqual([]);
  });
});

describe('history', () => {
  it.concurrent('a push to the default branch stores its report; a pull request’s comment then shows the trend', async () => {
    const { repo, github, run } = await world();
    const push = await run({ event: pushEvent({ before: repo.baseSha, after: repo.headSha, timestamp: '2024-05-01T09:00:00Z' }) });
    expectVerdict(push, repo);
    const folder = `${OWNER}-${REPO}/history/roofline.yml`;
    expect(github.fileAt(ASSETS, `${folder}/${repo.headSha}.json`)).toBe(readFileSync(push.outputs['report-json']!, 'utf8'));
    expect(JSON.parse(github.fileAt(ASSETS, `${folder}/index.json`)!)).toEqual({ version: 1, entries: [{ sha: repo.headSha, time: '2024-05-01T09:00:00.000Z' }] });
    expect(github.writes()).toEqual(['POST git/create-tree', 'POST git/create-commit', 'POST git/create-ref']);

    const pr = await run();
    expectVerdict(pr, repo);
    const image = `${github.serverUrl}/${OWNER}/${REPO}/blob/${github.refs.get(`refs/heads/${ASSETS}`)}/`;
    const trend = new RegExp(`!\\[Throughput trend\\]\\(${image}(${OWNER}-${REPO}/charts/[0-9a-f]{64}\\.svg)\\?raw=true\\)`).exec(stickies(github)[0]!.body)?.[1];
    expect(github.fileAt(ASSETS, trend!)).toContain('vgg16 on gtx-1080-ti');
    // Both images build on the history's commit, one contents write each: the branch only ever moves forward.
    expect(github.writes().slice(3, 5)).toEqual(['PUT repos/create-or-update-file-contents', 'PUT repos/create-or-update-file-contents']);
    expect(commitsOn(github, ASSETS)).toBe(3);
    expect(github.problems).toEqual([]);
  });
});

describe('whatever the API does, the verdict, summary and outputs are right', () => {
  it.concurrent('500 on every comment call, after retries: no comment, a warning, the same exit status', async () => {
    const { repo, github, run } = await world({ faults: [{ operation: 'issues/list-comments', status: 500, times: Infinity }] });
    const result = await run();
    expectVerdict(result, repo);
    expect(stickies(github)).toHaveLength(0);
    expect(result.outputs['comment-url']).toBe('');
    expect(result.outputs['chart-url']).toBe('');
    expect(result.annotations.filter((a) => a.kind === 'warning').map((a) => a.message).join('\n')).toMatch(/HTTP 500/);
    expect(result.summary).toMatch(/No pull-request comment: the GitHub API failed \(HTTP 500/);
    expect(github.problems).toEqual([]);
  });
});

describe('the `report:` input (the fork pattern)', () => {
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

describe('exit status and inputs', () => {
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
