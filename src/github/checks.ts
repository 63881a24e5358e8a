// The check run that carries the verdict, so that a branch rule can require it: created `in_progress` when
// the action begins (`POST /repos/{owner}/{repo}/check-runs`), so a rerun's check shows it running rather
// than the last attempt's verdict, and completed with the conclusion and a summary (`PATCH .../{id}`).
// Needs `checks: write`; without it GitHub answers 403, which the caller tells apart with isForbidden().
import type { Octokit, Repo } from './client.js';

export interface CheckRunStart {
  repo: Repo;
  /** The name the branch rule requires, e.g. `roofline-gate (roofline.yml)`. */
  name: string;
  /** The commit the check is about: the pull request's head. */
  headSha: string;
}

export type Conclusion = 'success' | 'neutral' | 'failure';

export interface CheckRunEnd {
  conclusion: Conclusion;
  /** One line: the verdict. */
  title: string;
  /** Markdown, within CHECK_RUN_SUMMARY_MAX. */
  summary: string;
}

/** Creates the check run, in progress; its id. */
export async function startCheckRun(octokit: Octokit, start: CheckRunStart): Promise<number> {
  const { data } = await octokit.rest.checks.create({ ...start.repo, name: start.name, head_sha: start.headSha, status: 'in_progress' });
  return data.id;
}

/** Completes the check run `id` with its conclusion and output. */
export async function finishCheckRun(octokit: Octokit, repo: Repo, id: number, end: CheckRunEnd): Promise<void> {
  await octokit.rest.checks.update({ ...repo, check_run_id: id, conclusion: end.conclusion, output: { title: end.title, summary: end.summary } });
}
