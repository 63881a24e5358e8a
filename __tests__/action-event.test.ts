// What the action reads from the event, using GitHub's own example payloads.
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { readEvent, type RunnerContext } from '../src/action/event.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, any>> }>;
const example = (name: string, action?: string) =>
  structuredClone(examples.find((d) => d.name === name)!.examples.find((e) => action === undefined || e.action === action)!);

const context = (eventName: string, payload: Record<string, any>): RunnerContext => ({
  eventName, payload, repo: { owner: 'Codertocat', repo: 'Hello-World' }, sha: 'c'.repeat(40), runId: 42, runAttempt: 2, serverUrl: 'https://github.com',
});

describe('readEvent', () => {
  it('pull_request: the pull request, its base as baseline, ordered by its update time', () => {
    const payload = example('pull_request', 'synchronize');
    const event = readEvent(context('pull_request', payload));
    expect(event.pullRequest).toEqual({ number: payload.pull_request.number, headSha: payload.pull_request.head.sha, fromFork: false });
    expect(event.baseCommit).toEqual({ sha: payload.pull_request.base.sha, label: `git:${payload.pull_request.base.sha.slice(0, 7)} (master)` });
    expect(event.order).toEqual({ time: Date.parse(payload.pull_request.updated_at), runId: 42, attempt: 2 });
    expect(event.headSha).toBe(payload.pull_request.head.sha);
    expect(event.readOnlyToken).toBe(false);
    expect(event.runUrl).toBe('https://github.com/Codertocat/Hello-World/actions/runs/42/attempts/2');
  });

  it('pull_request from a fork: a read-only token; pull_request_target: not', () => {
    const payload = example('pull_request', 'opened');
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'forker/Hello-World' };
    expect(readEvent(context('pull_request', payload)).readOnlyToken).toBe(true);
    expect(readEvent(context('pull_request_target', payload)).readOnlyToken).toBe(false);
    payload.pull_request.head.repo = null; // the fork was deleted
    expect(readEvent(context('pull_request', payload)).pullRequest!.fromFork).toBe(true);
  });

  it('push: the commit before it, and none for a new branch', () => {
    const payload = example('push');
    payload.before = 'b'.repeat(40);
    expect(readEvent(context('push', payload)).baseCommit).toEqual({ sha: 'b'.repeat(40), label: 'git:bbbbbbb' });
    payload.before = '0'.repeat(40);
    expect(readEvent(context('push', payload)).baseCommit).toBeNull();
  });

  it('workflow_run: what to find the pull request by', () => {
    const payload = example('workflow_run', 'completed');
    const event = readEvent(context('workflow_run', payload));
    expect(event.workflowRun).toEqual({
      headOwner: payload.workflow_run.head_repository.owner.login, headBranch: payload.workflow_run.head_branch, headSha: payload.workflow_run.head_sha, pullNumbers: [],
    });
    expect(event.headSha).toBe(payload.workflow_run.head_sha);
    expect(event.pullRequest).toBeNull();
    expect(event.order.time).toBe(Date.parse(payload.workflow_run.created_at));
    expect(event.baseCommit).toBeNull();
  });

  it('workflow_run: only pull requests into this repository', () => {
    const payload = example('workflow_run', 'completed');
    const into = (url: string, number: number) => ({ number, base: { repo: { url } } });
    payload.workflow_run.pull_requests = [into('https://api.github.com/repos/someone/fork', 3), into('https://api.github.com/repos/Codertocat/Hello-World', 4)];
    expect(readEvent(context('workflow_run', payload)).workflowRun!.pullNumbers).toEqual([4]);
  });
});
