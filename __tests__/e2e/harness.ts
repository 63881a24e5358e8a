// Runs dist/index.js the way the Actions runner does: a separate node process with INPUT_* variables
// (defaults from action.yml), the event payload in GITHUB_EVENT_PATH, and GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files; then reads back what the step wrote. Also makes the test's git repository
// and the event payloads, from the real examples in @octokit/webhooks-examples.
import { afterAll, beforeAll, expect } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load as parse } from 'js-yaml';
import { FakeGitHub, type Grant } from './fake-github.js';
import { DIST } from '../setup/dist.js';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ENTRY = path.join(DIST, 'index.js');

export const OWNER = 'octo-org';
export const REPO = 'octo-repo';

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

export const ACTION = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

export interface Step {
  /** The workspace: the test's git repository. */
  cwd: string;
  event: { name: string; payload: object };
  /** The API root: the fake server. */
  api: string;
  token: string;
  inputs?: Record<string, string>;
  runId?: number;
  runAttempt?: number;
  sha?: string;
  /** Environment to add, or to remove (undefined): without `ROOFLINE_GATE_BACKOFF_MS` the pacing is production's. */
  env?: Record<string, string | undefined>;
  /** Kill the step (SIGKILL) this long after it starts, as a job timeout or a cancelled run would: what it wrote by then is read back. */
  killAfterMs?: number;
}

export interface StepResult {
  /** null when the step was killed. */
  code: number | null;
  /** Milliseconds from start to exit. */
  elapsedMs: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=..,line=..::message` lines, parsed. */
  annotations: Array<{ kind: string; properties: Record<string, string>; message: string }>;
}

let counter = 0;

export async function runStep(step: Step): Promise<StepResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'roofline-step-'));
  const files = { event: path.join(dir, 'event.json'), output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(step.event.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');

  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(ACTION.inputs)) {
    // The runner evaluates expressions in defaults; `${{ github.token }}` is the only one there.
    inputs[name] = (input.default ?? '').replace('${{ github.token }}', step.token);
  }
  Object.assign(inputs, step.inputs);
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: step.event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_SHA: step.sha ?? '',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: String(step.runId ?? 9000 + ++counter),
    GITHUB_RUN_ATTEMPT: String(step.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_WORKSPACE: step.cwd,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_API_URL: step.api,
    GITHUB_GRAPHQL_URL: `${step.api}/graphql`,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir,
    NO_PROXY: '127.0.0.1,localhost',
    ROOFLINE_GATE_BACKOFF_MS: '5',
    ...step.env,
  };
  // INPUT_ + the name upper-cased with spaces as underscores; dashes stay (as in @actions/core's getInput).
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const started = Date.now();
  const child = spawn(process.execPath, [ENTRY], { cwd: step.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = step.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), step.killAfterMs);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(kill);

  return {
    code,
    elapsedMs: Date.now() - started,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    annotations: [...stdout.matchAll(/^::(error|warning|notice)( [^:]*)?::(.*)$/gm)].map((match) => ({
      kind: match[1]!,
      properties: Object.fromEntries((match[2] ?? '').trim().split(',').filter(Boolean).map((pair) => pair.split('=').map(decodeURIComponent) as [string, string])),
      message: decodeURIComponent(match[3]!),
    })),
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** Everything a person or another step can see from a run: the token must be in none of it. */
export function visible(result: StepResult): string {
  // `::add-mask::` is the runner's instruction to hide a value; the runner consumes it and never shows it.
  const stdout = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
  return [stdout, result.stderr, JSON.stringify(result.outputs), result.summary].join('\n');
}

export interface TestRepo {
  dir: string;
  baseSha: string;
  headSha: string;
  git(...args: string[]): string;
}

/** A git repository with a base commit and a head commit on top; the working tree is the head. */
export function makeRepo(base: Record<string, string>, head: Record<string, string>): TestRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'roofline-repo-'));
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  const write = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
  };
  git('init', '--quiet', '--initial-branch=main');
  write(base);
  git('add', '--all');
  git('commit', '--quiet', '--allow-empty', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  write(head);
  git('add', '--all');
  git('commit', '--quiet', '--allow-empty', '-m', 'head');
  return { dir, baseSha, headSha: git('rev-parse', 'HEAD'), git };
}

type Examples = Array<{ name: string; examples: Array<Record<string, any>> }>;
const examples = require('@octokit/webhooks-examples') as Examples;

function example(name: string, action?: string): Record<string, any> {
  const found = examples.find((definition) => definition.name === name)!.examples.find((e) => action === undefined || e.action === action);
  return structuredClone(found!);
}

function repository(payload: Record<string, any>): Record<string, any> {
  return { ...payload, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { ...payload.owner, login: OWNER } };
}

/** A real `pull_request` payload (opened, synchronize, ...) moved onto the test repository. */
export function pullRequestEvent(action: 'opened' | 'synchronize', options: { number: number; repo: TestRepo; updatedAt: string; forkOwner?: string }) {
  const payload = example('pull_request', action);
  const pr = payload.pull_request;
  payload.number = pr.number = options.number;
  payload.repository = repository(payload.repository);
  pr.updated_at = options.updatedAt;
  pr.base = { ...pr.base, sha: options.repo.baseSha, ref: 'main', repo: repository(pr.base.repo) };
  const headRepo = repository(pr.head.repo);
  if (options.forkOwner) Object.assign(headRepo, { full_name: `${options.forkOwner}/${REPO}`, fork: true, owner: { ...headRepo.owner, login: options.forkOwner } });
  pr.head = { ...pr.head, sha: options.repo.headSha, ref: 'feature', label: `${options.forkOwner ?? OWNER}:feature`, repo: headRepo };
  return { name: 'pull_request', payload };
}

export function pushEvent(options: { before: string; after: string; timestamp: string }) {
  const payload = example('push');
  Object.assign(payload, { ref: 'refs/heads/main', before: options.before, after: options.after, created: false });
  payload.head_commit = { ...(payload.head_commit ?? {}), id: options.after, timestamp: options.timestamp };
  payload.repository = { ...repository(payload.repository), default_branch: 'main' };
  return { name: 'push', payload };
}

/** A completed `workflow_run` of a fork's `pull_request` run: GitHub lists no pull requests for it. */
export function workflowRunEvent(options: { headSha: string; headBranch: string; headOwner: string; createdAt: string }) {
  const payload = example('workflow_run', 'completed');
  const run = payload.workflow_run;
  Object.assign(run, { head_sha: options.headSha, head_branch: options.headBranch, event: 'pull_request', conclusion: 'success', pull_requests: [], created_at: options.createdAt });
  run.head_repository = { ...run.head_repository, full_name: `${options.headOwner}/${REPO}`, owner: { ...run.head_repository.owner, login: options.headOwner } };
  payload.repository = repository(payload.repository);
  return { name: 'workflow_run', payload };
}

/**
 * For a test file: a repository and a fake GitHub over it, started before the tests and, after them,
 * checked for requests GitHub would have refused, then stopped and removed.
 */
export function fakeGitHubSuite(grants: Record<string, Grant>, files: { base: Record<string, string>; head: Record<string, string> } = { base: {}, head: {} }) {
  const repo = makeRepo(files.base, files.head);
  const suite = { repo, github: undefined as unknown as FakeGitHub };
  beforeAll(async () => {
    suite.github = await new FakeGitHub(OWNER, REPO, repo.dir).start();
    for (const [token, grant] of Object.entries(grants)) suite.github.grant(token, grant);
  });
  afterAll(async () => {
    await suite.github.stop();
    rmSync(repo.dir, { recursive: true, force: true });
    expect(suite.github.problems).toEqual([]);
  });
  return suite;
}
