// A pull request that commits an op table as a symlink to the runner's environment: the bundled action
// (dist/index.js), run as the runner runs it, must refuse the file before reading it, so nothing of the
// environment (which holds the token) reaches stdout, stderr, the job summary, the outputs or a comment.
// The same holds when the link sits in the base commit, read through the contents API or, when that
// fails, from the local clone.
import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { FakeGitHub, ACTIONS_BOT, type Fault } from './fake-github.js';
import { makeRepo, OWNER, pullRequestEvent, REPO, runStep, visible, type StepResult } from './harness.js';

const TOKEN = 'ghs_confinementToken0123456789abcdefABCD';
const PR = 12;

const CONFIG = (ops: string) => `version: 1
hardware: [h100-sxm]
models:
  - name: plain
    precision: fp16
    flops: 10 GFLOP
    bytes: 1 GB
  - name: tabled
    precision: fp16
    ops: { file: ${ops} }
`;
const TABLE = 'name,flops,bytes\nmatmul,1000000000,2000000\n';

/** Strings that only the environment holds: none may appear anywhere a person or a later step can see. */
const ENVIRONMENT = [TOKEN, 'INPUT_GITHUB-TOKEN', 'GITHUB_EVENT_PATH=', 'RUNNER_TEMP=', 'ROOFLINE_GATE_BACKOFF_MS'];

const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/**
 * A repository whose `side` commit ('head' or 'base') holds `env.csv` as a link to /proc/self/environ
 * (the file that lists the reading process's environment), and the other side a real op table.
 */
async function linkedIn(side: 'head' | 'base', faults: Fault[] = []): Promise<{ result: StepResult; comments: string[] }> {
  const clean = { 'roofline.yml': CONFIG('ops.csv'), 'ops.csv': TABLE };
  const repo = makeRepo(side === 'base' ? { 'roofline.yml': CONFIG('env.csv') } : clean, side === 'head' ? { 'roofline.yml': CONFIG('env.csv') } : clean);
  // makeRepo writes regular files: commit the link on the side it belongs to.
  let { baseSha, headSha } = repo;
  if (side === 'base') {
    repo.git('checkout', '--quiet', baseSha);
    symlinkSync('/proc/self/environ', path.join(repo.dir, 'env.csv'));
    repo.git('add', '--all');
    repo.git('commit', '--quiet', '--amend', '-m', 'base with a link');
    baseSha = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '--quiet', 'main');
    repo.git('rebase', '--quiet', '--onto', baseSha, repo.baseSha, 'main');
    headSha = repo.git('rev-parse', 'HEAD');
  } else {
    symlinkSync('/proc/self/environ', path.join(repo.dir, 'env.csv'));
    repo.git('add', '--all');
    repo.git('commit', '--quiet', '--amend', '-m', 'head with a link');
    headSha = repo.git('rev-parse', 'HEAD');
  }
  const github = await new FakeGitHub(OWNER, REPO, repo.dir).start();
  github.grant(TOKEN, { user: ACTIONS_BOT, pullRequests: 'write', contents: 'write' });
  github.pulls.push({ number: PR, state: 'open', headSha, headRef: 'feature', headOwner: OWNER });
  for (const fault of faults) github.fault(fault);
  cleanup.push(() => github.stop(), () => rmSync(repo.dir, { recursive: true, force: true }));
  const result = await runStep({
    cwd: repo.dir,
    api: github.url,
    token: TOKEN,
    event: pullRequestEvent('synchronize', { number: PR, repo: { ...repo, baseSha, headSha }, updatedAt: '2024-05-01T10:00:00Z' }),
    sha: headSha,
  });
  return { result, comments: github.commentsOn(PR).map((comment) => comment.body) };
}

function expectNothingOfTheEnvironment(result: StepResult, comments: string[]) {
  const seen = [visible(result), ...comments].join('\n');
  for (const secret of ENVIRONMENT) expect(seen).not.toContain(secret);
}

describe('an op table that links out of the repository', () => {
  it('in the pull request: refused at the key, the step fails, nothing of the environment shown', async () => {
    const { result, comments } = await linkedIn('head');
    expectNothingOfTheEnvironment(result, comments);
    expect(result.code).toBe(1);
    const error = result.annotations.find((a) => a.kind === 'error')!;
    expect(error.properties.file).toBe('roofline.yml');
    expect(error.properties.line).toBe('10');
    expect(error.message).toMatch(/env\.csv.*outside/);
  });

  it('in the base commit, read through the contents API: GitHub serves the link, never the runner\'s file; the verdict kept', async () => {
    const { result, comments } = await linkedIn('base');
    expectNothingOfTheEnvironment(result, comments);
    expect(result.stdout).toContain('"/proc/self/environ"'); // the link's target, as the API returns it: not a table
    expect([result.code, result.outputs.status]).toEqual([0, 'pass']);
    expect(result.annotations.filter((a) => a.kind === 'error')).toEqual([]);
  });

  it('in the base commit, read from the local clone when the contents API fails: refused before reading', async () => {
    const { result, comments } = await linkedIn('base', [{ operation: 'repos/get-content', status: 503, times: Infinity }]);
    expectNothingOfTheEnvironment(result, comments);
    expect(result.stdout).toMatch(/::warning::The baseline at git:[0-9a-f]{7} \(main\) could not be used.*env\.csv is a symbolic link at [0-9a-f]{40}/);
    expect([result.code, result.outputs.status]).toEqual([0, 'pass']);
  });
});
