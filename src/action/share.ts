// What the action shows on the pull request: the sticky comment, with the chart published as an image
// when the token may push it and the text roofline when not. A part the token may not do (a fork, a
// read-only token) is skipped with a note; it never changes the verdict.
import { createHash } from 'node:crypto';
import * as core from '@actions/core';
import { asciiRoofline, vegaEditorUrl } from '../core/chart/index.js';
import { COMMENT_LIMIT, EDITOR_URL_LIMIT } from '../core/limits.js';
import { reportJson } from '../core/report/build.js';
import { renderMarkdown, type ChartEmbed } from '../core/report/markdown.js';
import type { Report } from '../core/report/types.js';
import { assetPath } from '../github/assets.js';
import { describeApiError, isForbidden } from '../github/client.js';
import { isLater, stampLine, stickyMarker, type Stamp, type Thread } from '../github/comment.js';
import type { Event, PullRequest } from './event.js';
import type { GitHubApi } from './github-api.js';
import type { Settings } from './inputs.js';

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

export const FORK_NOTE =
  'This pull request comes from a fork, and the workflow token of a `pull_request` run from a fork cannot write to this repository: ' +
  'no comment or chart image was posted. To comment on fork pull requests, upload the out dir as an artifact and run roofline-gate ' +
  'with `report:` from a `workflow_run` workflow.';

export interface Chart {
  svg: string | undefined;
  spec: unknown;
}

export async function share(report: Report, chart: Chart, settings: Settings, event: Event, api: GitHubApi): Promise<Shared> {
  const notes: string[] = [];
  // A comment holds 65,536 characters; a link of up to 20,000 still leaves room for the report.
  const editorUrl = chart.spec ? vegaEditorUrl(chart.spec, EDITOR_URL_LIMIT) : null;
  const text = (reason: string): ChartEmbed => ({ kind: 'text', text: asciiRoofline(report), reason });
  const shared = (embed: ChartEmbed, commentUrl: string | null = null): Shared => ({
    commentUrl,
    chartUrl: embed.kind === 'image' ? embed.url : null,
    chart: embed,
    editorUrl,
    notes,
  });
  const outDir = `roofline.svg in the out dir (${settings.outDir}) has the chart`;

  if (settings.comment === 'off') return shared(text(`No chart image: images are published with the pull-request comment, and comments are off. ${outDir}.`));
  if (event.readOnlyToken) {
    core.notice(FORK_NOTE);
    notes.push(FORK_NOTE);
    return shared(text(`No chart image: this pull request comes from a fork, whose workflow token cannot push it. ${outDir}.`));
  }

  let embed: ChartEmbed | null = null;
  try {
    const pr = event.pullRequest ?? (event.workflowRun ? await pullOfRun(api, event.workflowRun) : null);
    if (!pr) {
      core.info(`No pull request to comment on for this ${event.name} event.`);
      return shared(text(`No chart image: there is no pull request to comment on. ${outDir}.`));
    }
    const thread: Thread = {
      repo: event.repo,
      issueNumber: pr.number,
      marker: stickyMarker(settings.config),
      author: settings.comment === 'new' ? { kind: 'anyone' } : await api.tokenAuthor(),
    };
    const stamp: Stamp = { order: event.order, digest: digest(report) };
    const found = settings.comment === 'new' ? [] : await api.findSticky(thread);
    const last = found[0];
    const left = (why: string) => {
      core.info(`Comment left as it is: ${why}.`);
      return shared(text(`No chart image: the comment was left as it is (${why}). ${outDir}.`), last?.url ?? null);
    };
    if (last?.stamp && !isLater(stamp.order, last.stamp.order)) return left('a later run already wrote it');
    if (settings.comment === 'changed' && (last ? last.stamp?.digest === stamp.digest : !hasChanges(report))) {
      return left(last ? 'the report has not changed since' : 'nothing changed against the baseline');
    }

    embed = await publishChart(chart.svg, pr, settings, event, api, notes, text);
    const body = renderMarkdown(report, {
      chart: embed,
      editorUrl,
      header: `${thread.marker}\n${stampLine(stamp)}`,
      footer: `<sub>roofline-gate for ${pr.headSha.slice(0, 7)} · [workflow run](${event.runUrl})</sub>`,
      limit: COMMENT_LIMIT,
    });
    const url = settings.comment === 'new' ? await api.postComment(thread, body) : (await api.writeSticky(thread, body, stamp, found)).url;
    core.info(`Comment: ${url}`);
    return shared(embed, url);
  } catch (error) {
    const why = isForbidden(error)
      ? `the token may not comment (${describeApiError(error)}); grant \`pull-requests: write\``
      : `the GitHub API failed (${describeApiError(error)})`;
    core.warning(`No pull-request comment: ${why}. The verdict, job summary and out dir are unaffected.`);
    notes.push(`No pull-request comment: ${why}.`);
    return shared(embed ?? text(`No chart image: there was no comment to show it in. ${outDir}.`));
  }
}

/** The chart as an image pushed to `chart-branch`, or the text roofline and why the image is missing. */
async function publishChart(
  svg: string | undefined,
  pr: PullRequest,
  settings: Settings,
  event: Event,
  api: GitHubApi,
  notes: string[],
  text: (reason: string) => ChartEmbed,
): Promise<ChartEmbed> {
  if (settings.chartBranch === null) return text('No chart image: `chart-branch` is empty, so charts are never pushed; this is the text roofline.');
  if (svg === undefined) return text('No chart image: the chart could not be drawn; this is the text roofline.');
  try {
    const url = await api.publishAsset({
      repo: event.repo,
      branch: settings.chartBranch,
      path: assetPath(event.repo, pr.number, pr.headSha),
      content: svg,
      message: `roofline chart for #${pr.number} at ${pr.headSha.slice(0, 7)}`,
      serverUrl: event.serverUrl,
    });
    core.info(`Chart: ${url}`);
    return { kind: 'image', url };
  } catch (error) {
    const why = isForbidden(error)
      ? `the token may not push to branch \`${settings.chartBranch}\` (grant \`contents: write\`, or set \`chart-branch: ''\`)`
      : `pushing it to branch \`${settings.chartBranch}\` failed (${describeApiError(error)})`;
    core.warning(`No chart image: ${why}. The comment shows the text roofline instead.`);
    notes.push(`No chart image: ${why}.`);
    return text(`No chart image: ${why}; this is the text roofline.`);
  }
}

async function pullOfRun(api: GitHubApi, run: NonNullable<Event['workflowRun']>): Promise<PullRequest | null> {
  const number = await api.pullRequestOfRun(run);
  return number === null ? null : { number, headSha: run.headSha, fromFork: false };
}

/** Identifies the report's content, for `comment: changed`. */
function digest(report: Report): string {
  return createHash('sha256').update(reportJson(report)).digest('hex').slice(0, 16);
}

/** Anything a reviewer would want to hear about: a finding, a pair added or removed, a figure that moved. */
export function hasChanges(report: Report): boolean {
  if (report.findings.length > 0 || report.removed.length > 0) return true;
  const moved = (a: number, b: number) => Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  return report.results.some(
    (result) =>
      result.base === null ||
      result.bound !== result.base.bound ||
      result.bindingLevel !== result.base.bindingLevel ||
      moved(result.seconds, result.base.seconds) ||
      Object.entries(result.intensity).some(([level, value]) => result.base!.intensity[level] === undefined || (value !== result.base!.intensity[level] && moved(value, result.base!.intensity[level]!))),
  );
}
