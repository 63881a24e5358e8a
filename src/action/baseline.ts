// Which baseline the action compares with, decided from what is at hand: the `baseline` input, the commit
// the event names, whether a named file exists, whether the local clone has the base commit. Pure: the
// reading is done by base-source.ts and analysis.ts.
import type { Event } from './event.js';
import { InputError, type BaselineSetting } from './inputs.js';

export interface BaselineFacts {
  setting: BaselineSetting;
  /** The head config, relative to the workspace: for `auto`, the same path is read at the base commit. */
  config: string;
  event: Pick<Event, 'name' | 'baseCommit'>;
  /** For `baseline: PATH`: whether the workspace has that file (false for the other settings). */
  fileExists: boolean;
}

export type BaselineChoice =
  /** Only budgets and above-roof apply; `why` is said in the log. */
  | { kind: 'none'; why: string }
  /** A config in the working tree. */
  | { kind: 'file'; file: string }
  /** The head config's path as it was at `commit`. */
  | { kind: 'commit'; commit: { sha: string; label: string }; file: string };

/**
 * `none`; a path that must exist (an InputError says what to write instead); or `auto`: the pull request's
 * base, the commit before a push, and none for an event that names no commit (a new branch, workflow_run).
 */
export function chooseBaseline({ setting, config, event, fileExists }: BaselineFacts): BaselineChoice {
  if (setting.kind === 'none') return { kind: 'none', why: '`baseline: none` is set' };
  if (setting.kind === 'file') {
    if (!fileExists) throw new InputError(`baseline: ${setting.file} not found in the workspace; give a path that exists, auto, or none`);
    return { kind: 'file', file: setting.file };
  }
  if (!event.baseCommit) return { kind: 'none', why: `a ${event.name} event names no commit to compare with` };
  return { kind: 'commit', commit: event.baseCommit, file: config };
}

export type ContentsFallback =
  /** Read the base commit from the local clone instead, after saying so: a warning when the API failed... */
  | { kind: 'clone'; warning: string }
  /** ...information when there was no token to call it with, since nothing failed. */
  | { kind: 'clone'; info: string }
  /** Neither way works: the run stops with this message, which says what to change. */
  | { kind: 'fail'; message: string };

/**
 * Why the contents API gave no base: it failed (`why`, for another reason than "not there"; `forbidden` for a
 * refusal, 401 or 403), or null: there is no token to call it with (the `token` input empty).
 */
export type ContentsProblem = { why: string; forbidden: boolean } | null;

/**
 * What to do when the contents API could not read `file` of the base at `label`: the local clone when it has
 * the commit, else stop and say how to make either work (a shallow checkout, `fetch-depth: 1`, lacks the base
 * commit). A refusal asks for the permission, a failure of GitHub's (5xx, no answer) may pass on a rerun, and
 * a run without a token asks for one.
 */
export function cloneFallback({ label, file, problem, cloneHasCommit }: { label: string; file: string; problem: ContentsProblem; cloneHasCommit: boolean }): ContentsFallback {
  const unread = problem
    ? `reading ${file} at ${label} through the contents API failed (${problem.why})`
    : `the \`token\` input is empty, so ${file} at ${label} cannot be read through the contents API`;
  if (cloneHasCommit) {
    return problem
      ? { kind: 'clone', warning: `The baseline: ${unread}; it is read from the local clone instead.` }
      : { kind: 'clone', info: `The baseline: ${file} at ${label} is read from the local clone, since the \`token\` input is empty.` };
  }
  const fix = problem === null ? 'set `token` (its default is `${{ github.token }}`)' : problem.forbidden ? 'grant `contents: read`' : 're-run the job once GitHub answers';
  return {
    kind: 'fail',
    message: `cannot read the baseline: ${unread}, and the commit is not in the local clone. To compare, ${fix}, or check out with \`fetch-depth: 0\`; or set \`baseline: none\`.`,
  };
}
