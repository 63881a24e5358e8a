// What the triggering event says, read once from the runner's context: the repository, the pull request
// and its base, the commit before a push, and the key that orders runs for the sticky comment.
import type { context as runnerContext } from '@actions/github';
import type { Repo } from '../github/client.js';
import type { Order } from '../github/comment.js';
import type { RunHead } from '../github/pulls.js';

export interface PullRequest {
  number: number;
  headSha: string;
  /** From another repository: on `pull_request` its token is read-only, so nothing can be posted. */
  fromFork: boolean;
}

export interface Event {
  name: string;
  repo: Repo;
  /** The commit the report is about: the pull request's head, the pushed commit, the workflow run's head. */
  headSha: string;
  /** The pull request the event names (`pull_request`, `pull_request_target`); null for other events. */
  pullRequest: PullRequest | null;
  /** For `workflow_run`: the run's head, by which its pull request is found (forks' runs name none). */
  workflowRun: RunHead | null;
  /** The commit `baseline: auto` compares with: the pull request's base, the commit before a push. */
  baseCommit: { sha: string; label: string } | null;
  /** A push to the repository's default branch: its report is kept in the history. */
  defaultBranchPush: boolean;
  /** True when the token cannot write whatever the workflow asks (`pull_request` from a fork). */
  readOnlyToken: boolean;
  order: Order;
  /** This run's page, for the comment's footer. */
  runUrl: string;
  serverUrl: string;
}

const ZERO_SHA = /^0+$/;

/** The parts of @actions/github's `context` the action reads. */
export type RunnerContext = Pick<typeof runnerContext, 'eventName' | 'payload' | 'repo' | 'sha' | 'runId' | 'runAttempt' | 'serverUrl'>;

export function readEvent(context: RunnerContext): Event {
  const { payload, eventName: name } = context;
  const repo = context.repo;
  const pr = payload.pull_request as any;
  const run = payload.workflow_run as any;

  let pullRequest: PullRequest | null = null;
  let baseCommit: Event['baseCommit'] = null;
  let time: string | undefined;
  if (pr) {
    const fromFork = pr.head?.repo?.full_name !== pr.base?.repo?.full_name;
    pullRequest = { number: pr.number, headSha: pr.head.sha, fromFork };
    baseCommit = { sha: pr.base.sha, label: `git:${short(pr.base.sha)} (${pr.base.ref})` };
    time = pr.updated_at;
  } else if (name === 'push') {
    const before = String(payload.before ?? '');
    if (before && !ZERO_SHA.test(before)) baseCommit = { sha: before, label: `git:${short(before)}` };
    time = payload.head_commit?.timestamp;
  } else if (run) {
    time = run.created_at ?? run.head_commit?.timestamp;
  }

  const runAttempt = Number.isFinite(context.runAttempt) ? context.runAttempt : 1;
  const runUrl = `${context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${context.runId}${runAttempt > 1 ? `/attempts/${runAttempt}` : ''}`;
  return {
    name,
    repo,
    headSha: pullRequest?.headSha ?? run?.head_sha ?? context.sha,
    pullRequest,
    workflowRun: run
      ? {
          headOwner: run.head_repository?.owner?.login ?? repo.owner,
          headBranch: run.head_branch,
          headSha: run.head_sha,
          // GitHub lists pull requests of other repositories here too (e.g. into a fork); keep this one's.
          pullNumbers: (run.pull_requests ?? [])
            .filter((p: any) => String(p.base?.repo?.url ?? '').endsWith(`/repos/${repo.owner}/${repo.repo}`))
            .map((p: any) => p.number),
        }
      : null,
    baseCommit,
    defaultBranchPush: name === 'push' && typeof payload.repository?.default_branch === 'string' && payload.ref === `refs/heads/${payload.repository.default_branch}`,
    readOnlyToken: name === 'pull_request' && pullRequest !== null && pullRequest.fromFork,
    order: { time: Date.parse(time ?? '') || 0, runId: context.runId || 0, attempt: runAttempt },
    runUrl,
    serverUrl: context.serverUrl,
  };
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
