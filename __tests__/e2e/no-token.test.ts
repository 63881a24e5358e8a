// An empty `token` input (`token: ${{ secrets.UNSET }}`: a secret that is not set, or one a fork's run is
// not given), run as the runner runs dist/index.js against the fake GitHub: the verdict, outputs, out dir and
// summary as always, the baseline read from the local clone, one warning naming the input and what it
// skipped, the exit status the verdict's, and not one request. It used to stop at once with
// "::error::roofline-gate: Parameter token or opts.auth is required" (getOctokit refusing the empty
// token), exit 1, no outputs and no summary. The decisions are tested in-process: action-no-token.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FakeGitHub } from './fake-github.js';
import { makeRepo, OWNER, pullRequestEvent, REPO, ROOT, runStep, type Step } from './harness.js';

const PR = 7;
const BASE = readFileSync(path.join(ROOT, '__tests__', 'fixtures', 'two-models.yml'), 'utf8');
/** vgg16 moves 20% more bytes: against BASE it crosses the ridge, three failing findings. */
const HEAD = BASE.replace('bytes: 1 GB', 'bytes: 1.2 GB');
const WARNING =
  "The `token` input is empty (a secret that is not set gives ''), so no GitHub API call was made: no pull-request comment, chart image, history trend or check run. " +
  'Set `token` to `${{ github.token }}` (its default) or to a secret that is set. The verdict, job summary and out dir are unaffected.';

const repo = makeRepo({ 'roofline.yml': BASE }, { 'roofline.yml': HEAD });
let github: FakeGitHub | undefined;
afterAll(async () => {
  await github?.stop();
  rmSync(repo.dir, { recursive: true, force: true });
});

async function run(step: Partial<Step> = {}) {
  github ??= await new FakeGitHub(OWNER, REPO, repo.dir).start();
  github.pulls.push({ number: PR, state: 'open', headSha: repo.headSha, headRef: 'feature', headOwner: OWNER });
  return runStep({
    cwd: repo.dir,
    api: github.url,
    token: '',
    event: pullRequestEvent('synchronize', { number: PR, repo, updatedAt: '2024-05-01T10:00:00Z' }),
    sha: repo.headSha,
    ...step,
  });
}

describe('an empty `token` input', () => {
  it('computes the full verdict (the base from the clone), writes outputs, out dir and summary, warns once, and calls nothing', async () => {
    const result = await run();
    const label = `git:${repo.baseSha.slice(0, 7)} (main)`;

    // The base read from the clone: the verdict against it, three failing findings, so the step fails (fail-on: fail).
    expect([result.code, result.outputs.status, result.outputs.findings]).toEqual([1, 'fail', '3']);
    expect(result.stdout).not.toContain('Parameter token or opts.auth is required');
    expect(result.stdout).toContain(`The baseline: roofline.yml at ${label} is read from the local clone, since the \`token\` input is empty.`);
    expect(result.annotations.filter((a) => a.kind === 'warning').map((a) => a.message)).toEqual([WARNING]);
    // The one error is the verdict's, not the token's.
    expect(result.annotations.filter((a) => a.kind === 'error' && !a.properties.file).map((a) => a.message)).toEqual([
      'roofline-gate: fail (3 failing, 0 warning findings; fail-on: fail). The job summary has the details.',
    ]);
    expect(result.summary.match(/### ❌ roofline-gate: fail/g)).toHaveLength(1);
    expect(result.summary).toContain(`against ${label}`);
    expect(result.summary).toContain(`> [!NOTE]\n> ${WARNING}`);
    expect(result.summary).toContain('_No chart image: the &#96;token&#96; input is empty, so nothing can be published. roofline.svg in the out dir (roofline-report) has the chart._');
    expect(JSON.parse(readFileSync(result.outputs['report-json']!, 'utf8')).status).toBe('fail');
    expect(readFileSync(result.outputs['chart-svg']!, 'utf8')).toContain('<svg');
    expect([result.outputs['comment-url'], result.outputs['chart-url']]).toEqual(['', '']);
    expect(github!.log).toEqual([]);
    expect(github!.problems).toEqual([]);
  });

  it('the exit status is the verdict’s: `fail-on: never` passes the step, with the same warning', async () => {
    const result = await run({ inputs: { 'fail-on': 'never' } });
    expect([result.code, result.outputs.status, result.outputs.findings]).toEqual([0, 'fail', '3']);
    expect(result.annotations.filter((a) => a.kind === 'warning').map((a) => a.message)).toEqual([WARNING]);
    expect(github!.log).toEqual([]);
  });
});
