// The verdict is never lost, whatever the network does: dist/index.js run as the runner runs it, against
// the fake GitHub with requests that are never answered, a job killed while the API is stalled, and a
// contents API answering 503 to a `fetch-depth: 1` checkout that lacks the base commit. The decisions
// (what each failure says, the order of the sinks) are tested in-process: action-verdict, action-baseline.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ACTIONS_BOT, FakeGitHub, type Fault } from './fake-github.js';
import { makeRepo, OWNER, pullRequestEvent, REPO, ROOT, runStep, type Step, type StepResult } from './harness.js';

const TOKEN = 'ghs_e2eVerdictToken0123456789abcdefABCDEF';
const PR = 7;
const BASE = readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'two-models.yml'), 'utf8');
/** vgg16 moves 20% more bytes: against BASE it crosses the ridge, three failing findings; alone, nothing fails. */
const HEAD = BASE.replace('bytes: 1 GB', 'bytes: 1.2 GB');

const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function world(faults: Fault[], options: { shallow?: boolean } = {}) {
  const repo = makeRepo({ 'roofline.yml': BASE }, { 'roofline.yml': HEAD });
  const github = await new FakeGitHub(OWNER, REPO, repo.dir).start();
  github.grant(TOKEN, { user: ACTIONS_BOT, pullRequests: 'write', contents: 'write', checks: 'write' });
  github.pulls.push({ number: PR, state: 'open', headSha: repo.headSha, headRef: 'feature', headOwner: OWNER });
  for (const fault of faults) github.fault(fault);
  cleanup.push(() => github.stop(), () => rmSync(repo.dir, { recursive: true, force: true }));
  // actions/checkout's default, `fetch-depth: 1`: the head commit alone, without the base.
  let workspace = repo.dir;
  if (options.shallow) {
    workspace = path.join(mkdtempSync(path.join(tmpdir(), 'roofline-shallow-')), 'repo');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, workspace], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    cleanup.push(() => rmSync(path.dirname(workspace), { recursive: true, force: true }));
  }
  const run = (step: Partial<Step> = {}) =>
    runStep({
      cwd: workspace,
      api: github.url,
      token: TOKEN,
      event: pullRequestEvent('synchronize', { number: PR, repo, updatedAt: '2024-05-01T10:00:00Z' }),
      sha: repo.headSha,
      ...step,
    });
  return { repo, github, workspace, run };
}

const warnings = (result: StepResult) => result.annotations.filter((a) => a.kind === 'warning').map((a) => a.message);
/** The requests made to one operation, by the status they got (0: never answered). */
const answered = (github: FakeGitHub, operation: string) => github.log.filter((entry) => entry.operation === operation).map((entry) => entry.status);

describe('a stalled API (the server accepts every request and never answers)', () => {
  it('ends within seconds with the verdict, the summary, the out dir and one warning per stalled call', async () => {
    const { repo, github, run } = await world([{ operation: '*', stall: true, times: Infinity }]);
    const result = await run({ env: { ROOFLINE_GATE_TIMEOUT_MS: '300' } });

    // The base is read from the local clone once the contents API stalls: the verdict is the full one.
    expect([result.code, result.outputs.status, result.outputs.findings]).toEqual([1, 'fail', '3']);
    expect(result.summary).toContain('### ❌ roofline-gate: fail');
    const commentCall = /GitHub did not answer: no answer within 0\.3 s to GET \/\S+/; // the first call the comment needs
    expect(result.summary).toMatch(new RegExp(`No pull-request comment: the GitHub API failed \\(${commentCall.source}\\)\\.`));
    expect(JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')).status).toBe('fail');
    expect(readFileSync(result.outputs['chart-svg']!, 'utf8')).toContain('<svg');
    expect([result.outputs['comment-url'], result.outputs['chart-url']]).toEqual(['', '']);
    const label = `git:${repo.baseSha.slice(0, 7)} (main)`;
    const said = warnings(result);
    expect(said).toHaveLength(3);
    // The check run starts alongside the contents read: the two time out in either order.
    expect([...said.slice(0, 2)].sort()).toEqual([
      'No check run: the GitHub API failed (GitHub did not answer: no answer within 0.3 s to POST /repos/{owner}/{repo}/check-runs). The step’s exit status is the verdict.',
      `The baseline: reading roofline.yml at ${label} through the contents API failed (GitHub did not answer: no answer within 0.3 s to GET /repos/{owner}/{repo}/contents/{path}); it is read from the local clone instead.`,
    ]);
    expect(said[2]).toMatch(new RegExp(`^No pull-request comment: the GitHub API failed \\(${commentCall.source}\\)\\. The verdict, job summary and out dir are unaffected\\.$`));
    // Each stalled call is tried once, not retried (a write that may have arrived is never sent twice): the
    // contents read, the check run, and the comment's first call; none answered.
    expect(github.log.map((entry) => entry.status)).toEqual([0, 0, 0]);
    expect(answered(github, 'repos/get-content')).toEqual([0]);
    expect(answered(github, 'checks/create')).toEqual([0]);
    // Three timeouts of 0.3 s, two of them in a row, and a node process that renders a chart.
    expect(result.elapsedMs).toBeLessThan(15_000);
  });

  it('a job killed while the API stalls (timeout-minutes, a cancelled run) still has the verdict, summary and out dir', async () => {
    // `baseline: none` reads nothing before the verdict; the first API call that blocks is the comment's.
    const { github, run } = await world([{ operation: '*', stall: true, times: Infinity }]);
    const result = await run({ inputs: { baseline: 'none' }, env: { ROOFLINE_GATE_TIMEOUT_MS: '600000' }, killAfterMs: 8_000 });

    expect(result.code).toBeNull(); // killed, as the runner kills a step
    // HEAD alone has no budget to fail and no baseline to shift against: a pass.
    expect([result.outputs.status, result.outputs.findings]).toEqual(['pass', '0']);
    expect(JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')).status).toBe('pass');
    expect(result.summary).toContain('### ✅ roofline-gate: pass');
    expect(result.summary).toContain('_No chart image: this summary was written before the chart was published, and the step ended before it was written again. roofline.svg in the out dir (roofline-report) has the chart._');
    // Killed while the check run's start and the comment's first call wait for an answer.
    expect(github.log.map((entry) => entry.status)).toEqual([0, 0]);
    expect(answered(github, 'checks/create')).toEqual([0]);
  });
});

describe('the contents API answering 503 to a `fetch-depth: 1` checkout', () => {
  it('gives the head-only verdict, exit 0, and a warning naming the call and the fixes', async () => {
    const { repo, github, run } = await world([{ operation: 'repos/get-content', status: 503, message: 'Service Unavailable', times: Infinity }], { shallow: true });
    const result = await run();

    // Without the base, vgg16 cannot shift against it: nothing fails, and the exit status says so.
    expect([result.code, result.outputs.status, result.outputs.findings]).toEqual([0, 'pass', '0']);
    expect(result.stderr).toBe('');
    expect(result.summary).toContain('### ✅ roofline-gate: pass');
    expect(result.summary).toContain('no baseline.');
    const label = `git:${repo.baseSha.slice(0, 7)} (main)`;
    expect(warnings(result)[0]).toBe(
      `The baseline at ${label} could not be used, so only budgets and above-roof apply:\n` +
        `cannot read the baseline: reading roofline.yml at ${label} through the contents API failed (HTTP 503: Service Unavailable), and the commit is not in the local clone. ` +
        'To compare, re-run the job once GitHub answers, or check out with `fetch-depth: 0`; or set `baseline: none`.',
    );
    // The config's read, retried 3 times by Octokit, then the trend's read of the history index, also retried.
    expect(answered(github, 'repos/get-content')).toEqual(Array(8).fill(503));
    // The comment is still posted, with the head-only report.
    expect(github.commentsOn(PR)).toHaveLength(1);
    expect(result.outputs['comment-url']).toContain('#issuecomment-');
  });
});
