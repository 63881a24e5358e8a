// What the action does on the pull request, decided from what it knows: whether to comment at all (off, a
// fork's read-only token), whom to look for, whether to create, update or leave the sticky comment,
// whether to publish the chart image, and what to say when GitHub refuses (403) or fails. Pure: the calls
// are made by share.ts. Nothing here changes the verdict.
import { createHash } from 'node:crypto';
import { reportJson } from '../core/report/build.js';
import { isChanged } from '../core/report/changed-pairs.js';
import { findingTotal } from '../core/report/listed.js';
import type { Report } from '../core/report/types.js';
import { describeApiError, isForbidden } from '../github/client.js';
import { isLater, type Stamp, type Sticky } from '../github/comment.js';
import type { Event } from './event.js';
import type { CommentMode, Settings } from './inputs.js';

export const FORK_NOTE =
  'This pull request comes from a fork, and the workflow token of a `pull_request` run from a fork cannot write to this repository: ' +
  'no comment or chart image was posted. To comment on fork pull requests, upload the out dir as an artifact and run roofline-gate ' +
  'with `report:` from a `workflow_run` workflow.';

/** Where the chart is when the comment shows none: said after each reason the image is missing. */
export function outDirHint(outDir: string): string {
  return `roofline.svg in the out dir (${outDir}) has the chart`;
}

/** Nothing to post, decided before any API call. */
export interface Skip {
  /** Why the summary shows the text roofline instead of an image. */
  chartReason: string;
  /** For the job summary and a notice; null when the user asked for it (`comment: off`). */
  note: string | null;
}

/**
 * `comment: off` posts nothing; a fork's `pull_request` run cannot (its token is read-only); else null.
 * What an empty token takes away is no-token.ts's (apiPlans), after these reasons.
 */
export function skipBeforeApi(settings: Pick<Settings, 'comment' | 'outDir'>, event: Pick<Event, 'readOnlyToken'>): Skip | null {
  const hint = outDirHint(settings.outDir);
  if (settings.comment === 'off') return { chartReason: `No chart image: images are published with the pull-request comment, and comments are off. ${hint}.`, note: null };
  if (event.readOnlyToken) return { chartReason: `No chart image: this pull request comes from a fork, whose workflow token cannot push it. ${hint}.`, note: FORK_NOTE };
  return null;
}

/**
 * `comment: new` does not list the earlier comments: it posts a new one. Every mode asks for the token's
 * identity (share.ts): `new` too, which after a lost answer looks for the comment this run may have
 * written, among its own only.
 */
export function lookups(mode: CommentMode): { existing: boolean } {
  return { existing: mode !== 'new' };
}

export type CommentAction =
  /** Write the sticky comment (create it, or update the oldest found). */
  | { kind: 'sticky' }
  /** Post a comment of its own (`comment: new`). */
  | { kind: 'post' }
  /** Leave what is there; `why` for the log and the summary. */
  | { kind: 'leave'; why: string };

/**
 * `last` is the oldest sticky comment found (the one kept), `changes` whether the report has anything a
 * reviewer would want to hear (hasChanges). A later run's comment is never overwritten; under `changed`
 * an unchanged report (or, with no comment yet, a report with nothing to say) is not posted.
 */
export function commentAction({ mode, stamp, last, changes }: { mode: CommentMode; stamp: Stamp; last: Sticky | undefined; changes: boolean }): CommentAction {
  if (last?.stamp && !isLater(stamp.order, last.stamp.order)) return { kind: 'leave', why: 'a later run already wrote it' };
  if (mode === 'changed') {
    if (last && last.stamp?.digest === stamp.digest) return { kind: 'leave', why: 'the report has not changed since' };
    if (!last && !changes) return { kind: 'leave', why: 'nothing changed against the baseline' };
  }
  return mode === 'new' ? { kind: 'post' } : { kind: 'sticky' };
}

/** Why the comment shows no image when it was left as it is. */
export function leftReason(why: string, outDir: string): string {
  return `No chart image: the comment was left as it is (${why}). ${outDirHint(outDir)}.`;
}

export type ChartPlan = { kind: 'publish'; branch: string } | { kind: 'text'; reason: string };

/** The image is pushed to `chart-branch` unless that is empty or the chart could not be drawn. */
export function chartPlan({ chartBranch, svg }: { chartBranch: string | null; svg: string | undefined }): ChartPlan {
  if (chartBranch === null) return { kind: 'text', reason: 'No chart image: `chart-branch` is empty, so charts are never pushed; this is the text roofline.' };
  if (svg === undefined) return { kind: 'text', reason: 'No chart image: the chart could not be drawn; this is the text roofline.' };
  return { kind: 'publish', branch: chartBranch };
}

/** What a refused or failed step says: a warning in the log, a note in the summary, the reason in the body. */
export interface Failure {
  warning: string;
  note: string;
  reason: string;
}

/** Pushing the chart failed: a 403 asks for `contents: write` (or no chart branch); the comment goes on with text. */
export function chartFailure(error: unknown, branch: string): Failure {
  const why = isForbidden(error)
    ? `the token may not push to branch \`${branch}\` (grant \`contents: write\`, or set \`chart-branch: ''\`)`
    : `pushing it to branch \`${branch}\` failed (${describeApiError(error)})`;
  return {
    warning: `No chart image: ${why}. The comment shows the text roofline instead.`,
    note: `No chart image: ${why}.`,
    reason: `No chart image: ${why}; this is the text roofline.`,
  };
}

/** Commenting failed: a 403 asks for `pull-requests: write`; the verdict, summary and out dir are unaffected. */
export function commentFailure(error: unknown, outDir: string): Failure {
  const why = isForbidden(error)
    ? `the token may not comment (${describeApiError(error)}); grant \`pull-requests: write\``
    : `the GitHub API failed (${describeApiError(error)})`;
  return {
    warning: `No pull-request comment: ${why}. The verdict, job summary and out dir are unaffected.`,
    note: `No pull-request comment: ${why}.`,
    reason: `No chart image: there was no comment to show it in. ${outDirHint(outDir)}.`,
  };
}

/** Identifies the report's content, for `comment: changed`. */
export function digest(report: Report): string {
  return createHash('sha256').update(reportJson(report)).digest('hex').slice(0, 16);
}

/** Anything a reviewer would want to hear about: a finding, a pair added or removed, a figure that moved. */
export function hasChanges(report: Report): boolean {
  return findingTotal(report) > 0 || report.removed.length > 0 || report.results.some(isChanged);
}
