// The pull request a `workflow_run` is about. GitHub leaves `workflow_run.pull_requests` empty for runs
// from forks, so the pull request is found by the run's head branch and commit instead.
import type { Octokit, Repo } from './client.js';

/** What a `workflow_run` event says about the run's head. */
export interface RunHead {
  /** Owner of the head repository: a fork's owner for a fork's run. */
  headOwner: string;
  headBranch: string;
  headSha: string;
  /** The pull requests of this repository GitHub lists for the run (none for a fork's run). */
  pullNumbers: number[];
}

/** The number of the open pull request whose head is the run's head commit, or null when there is none. */
export async function pullRequestOfRun(octokit: Octokit, repo: Repo, run: RunHead): Promise<number | null> {
  if (run.pullNumbers.length > 0) return run.pullNumbers[0]!;

  const { data: byBranch } = await octokit.rest.pulls.list({ ...repo, head: `${run.headOwner}:${run.headBranch}`, state: 'open', per_page: 100 });
  const match = byBranch.find((pull) => pull.head.sha === run.headSha);
  if (match) return match.number;

  // The branch lookup misses when the head repository's owner was renamed: ask which pull requests have the commit.
  const { data: byCommit } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: run.headSha, per_page: 100 });
  const open = byCommit.find((pull) => pull.state === 'open' && pull.head.sha === run.headSha);
  return open ? open.number : null;
}
