// What the action shows on the pull request: the sticky comment, with the chart published as an image
// when the token may push it and the text roofline when not. The decisions are comment-policy.ts's and
// the Markdown comment-body.ts's; this module makes the calls, in order, and says what it did.
import type { ChartEmbed } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import { contentPath } from '../github/assets.js';
import { stickyMarker, type Stamp, type Sticky, type Thread } from '../github/comment.js';
import { commentBody, textChart } from './comment-body.js';
import { chartFailure, chartPlan, commentAction, commentFailure, digest, hasChanges, leftReason, lookups, outDirHint } from './comment-policy.js';
import type { Event, PullRequest } from './event.js';
import type { GitHubApi } from './github-api.js';
import { pullRequestTrend, readPullRequestTrend } from './history.js';
import type { Settings } from './inputs.js';
import type { Log } from './log.js';
import { apiPlans } from './no-token.js';

export interface Shared {
  /** The comment that shows this report (posted now or earlier); null when there is none. */
  commentUrl: string | null;
  /** The published chart image; null when none was published. */
  chartUrl: string | null;
  /** The chart as the job summary should embed it. */
  chart: ChartEmbed;
  /** Link that opens the chart in the Vega editor, when short enough. */
  editorUrl: string | null;
  /** What was skipped and why, for the job summary. */
  notes: string[];
}

/** The chart as the out dir holds it, drawn before anything is shared (main.ts). */
export interface Chart {
  svg: string | undefined;
  /** The text roofline; null when it could not be drawn. */
  text: string | null;
  /** The Vega editor link; null when there is no chart or the link is too long. */
  editorUrl: string | null;
}

/** The pull request and its sticky comments, looked up before anything is written; the error when the lookup failed. */
export type CommentLookup =
  | { kind: 'found'; pr: PullRequest; thread: Thread; found: Sticky[] }
  | { kind: 'no-pull-request' }
  | { kind: 'failed'; error: unknown };

/**
 * Which pull request to comment on and the sticky comments it has: only reads, so main.ts starts it before
 * the verdict is written (their answers arrive while the chart is drawn). Never throws: a failure is kept
 * for share() to report as any failed comment; null when no comment is made (apiPlans).
 */
export async function lookUpComment(settings: Settings, event: Event, api: GitHubApi): Promise<CommentLookup | null> {
  if (apiPlans(settings, event).comment) return null;
  try {
    const pr = event.pullRequest ?? (event.workflowRun ? await pullOfRun(api, event.workflowRun) : null);
    if (!pr) return { kind: 'no-pull-request' };
    const thread: Thread = {
      repo: event.repo,
      issueNumber: pr.number,
      marker: stickyMarker(settings.config),
      author: await api.tokenAuthor(),
    };
    const found = lookups(settings.comment).existing ? await api.findSticky(thread) : [];
    return { kind: 'found', pr, thread, found };
  } catch (error) {
    return { kind: 'failed', error };
  }
}

/** `lookup`: lookUpComment's answer, when it was started earlier; looked up now when not. */
export async function share(
  report: Report,
  chart: Chart,
  settings: Settings,
  event: Event,
  api: GitHubApi,
  log: Log,
  lookup: Promise<CommentLookup | null> = lookUpComment(settings, event, api),
): Promise<Shared> {
  const notes: string[] = [];
  const { editorUrl } = chart;
  const shared = (embed: ChartEmbed, commentUrl: string | null = null): Shared => ({
    commentUrl,
    chartUrl: embed.kind === 'image' ? embed.url : null,
    chart: embed,
    editorUrl,
    notes,
  });

  const skip = apiPlans(settings, event).comment;
  if (skip) {
    if (skip.note) {
      log.notice(skip.note);
      notes.push(skip.note);
    }
    return shared(textChart(chart.text, skip.chartReason));
  }

  let embed: ChartEmbed | null = null;
  try {
    // null only where apiPlans says no comment, which returned above.
    const looked = await lookup;
    if (looked?.kind === 'failed') throw looked.error;
    if (looked?.kind !== 'found') {
      log.info(`No pull request to comment on for this ${event.name} event.`);
      return shared(textChart(chart.text, `No chart image: there is no pull request to comment on. ${outDirHint(settings.outDir)}.`));
    }
    const { pr, thread, found } = looked;
    const stamp: Stamp = { order: event.order, digest: digest(report) };
    const action = commentAction({ mode: settings.comment, stamp, last: found[0], changes: hasChanges(report) });
    if (action.kind === 'leave') {
      log.info(`Comment left as it is: ${action.why}.`);
      return shared(textChart(chart.text, leftReason(action.why, settings.outDir)), found[0]?.url ?? null);
    }

    // The history's reports are read while the chart is published: neither waits for the other.
    const stored = readPullRequestTrend(report, settings, event, api, log);
    embed = await publishChart(chart, pr, settings, event, api, log, notes);
    const trend = await pullRequestTrend(await stored, embed.kind === 'image', pr, event, api, log);
    const body = commentBody(report, { chart: embed, trend, editorUrl, marker: thread.marker, stamp, headSha: pr.headSha, runUrl: event.runUrl });
    const outcome = action.kind === 'post' ? { action: 'created', url: await api.postComment(thread, body) } : await api.writeSticky(thread, body, stamp, found);
    const { url } = outcome;
    log.info(outcome.action === 'kept-later' ? `Comment: ${url} (a later run wrote it meanwhile; left as it is)` : `Comment: ${url}`);
    return shared(embed, url);
  } catch (error) {
    const failure = commentFailure(error, settings.outDir);
    log.warning(failure.warning);
    notes.push(failure.note);
    return shared(embed ?? textChart(chart.text, failure.reason));
  }
}

/** The chart as an image pushed to `chart-branch`, or the text roofline and why the image is missing. */
async function publishChart(
  { svg, text }: Chart,
  pr: PullRequest,
  settings: Settings,
  event: Event,
  api: GitHubApi,
  log: Log,
  notes: string[],
): Promise<ChartEmbed> {
  const plan = chartPlan({ chartBranch: settings.chartBranch, svg });
  if (plan.kind === 'text') return textChart(text, plan.reason);
  try {
    const url = await api.publishAsset({
      repo: event.repo,
      branch: plan.branch,
      path: contentPath(event.repo, svg!),
      content: svg!,
      message: `roofline chart for #${pr.number} at ${pr.headSha.slice(0, 7)}`,
      serverUrl: event.serverUrl,
    });
    log.info(`Chart: ${url}`);
    return { kind: 'image', url };
  } catch (error) {
    const failure = chartFailure(error, plan.branch);
    log.warning(failure.warning);
    notes.push(failure.note);
    return textChart(text, failure.reason);
  }
}

async function pullOfRun(api: GitHubApi, run: NonNullable<Event['workflowRun']>): Promise<PullRequest | null> {
  const number = await api.pullRequestOfRun(run);
  return number === null ? null : { number, headSha: run.headSha, fromFork: false };
}
