// The history's API calls: storing this push's report on the assets branch, and reading the stored ones
// back for a pull request's trend, which is published as an image beside the chart (or shown as text).
// The decisions are history-policy.ts's; a failure here is a warning, never a changed verdict.
import { reportJson } from '../core/report/build.js';
import { parseReport } from '../core/report/schema.js';
import type { Report } from '../core/report/types.js';
import { trendLine, trendSeries, type HistoryEntry, type TrendSeries } from '../core/history/trend.js';
import { contentPath } from '../github/assets.js';
import { describeApiError, isForbidden } from '../github/client.js';
import type { TrendEmbed } from './comment-body.js';
import type { Event, PullRequest } from './event.js';
import type { GitHubApi } from './github-api.js';
import { historyPaths, storeChanges, trendCommits } from './history-policy.js';
import type { Settings } from './inputs.js';
import type { Log } from './log.js';
import { apiPlans } from './no-token.js';

/** On a push to the default branch, stores the report (history-policy.ts decides, and apiPlans on the token); otherwise does nothing. */
export async function recordHistory(report: Report, settings: Settings, event: Event, api: GitHubApi, log: Log): Promise<void> {
  const plan = apiPlans(settings, event).history;
  if (plan.kind === 'store') await storeHistory(report, plan.branch, settings, event, api, log);
  else if (plan.kind === 'none' && plan.note) log.info(plan.note);
}

/** The stored series a pull request's trend is drawn from, and the branch they were read from. */
export interface StoredTrend {
  series: TrendSeries[];
  branch: string;
}

/**
 * The stored series for the pull request's comment, when the history is read (history-policy.ts, and
 * apiPlans on the token); null when it is not. Never throws: a history that cannot be read is a warning
 * and no series, so the read can go on while the chart is published.
 */
export async function readPullRequestTrend(report: Report, settings: Settings, event: Event, api: GitHubApi, log: Log): Promise<StoredTrend | null> {
  const plan = apiPlans(settings, event).history;
  if (plan.kind !== 'read') return null;
  return { series: await readTrend(report, plan.branch, settings, event, api, log), branch: plan.branch };
}

/** The trend as the pull request's comment shows it (see trendEmbed); null when none was read. */
export async function pullRequestTrend(stored: StoredTrend | null, chartPublished: boolean, pr: PullRequest, event: Event, api: GitHubApi, log: Log): Promise<TrendEmbed | null> {
  return stored && trendEmbed(stored.series, chartPublished, stored.branch, pr, event, api, log);
}

/** Commits this push's report and the updated index to `branch`, pruning the oldest reports. */
async function storeHistory(report: Report, branch: string, settings: Settings, event: Event, api: GitHubApi, log: Log): Promise<void> {
  const paths = historyPaths(event.repo, settings.config);
  const entry = { sha: event.headSha, time: event.order.time ? new Date(event.order.time).toISOString() : '' };
  try {
    const commit = await api.commitFiles({
      repo: event.repo,
      branch,
      message: `roofline history: ${settings.config} at ${event.headSha.slice(0, 7)}`,
      changes: async (tip) => {
        const found = tip === null ? null : await api.readFileAt(tip, paths.index);
        const { changes, invalid } = storeChanges(found?.toString('utf8') ?? null, entry, reportJson(report), paths);
        if (invalid) log.warning(`History: ${paths.index} on branch \`${branch}\` is not a history index; it is started anew.`);
        return changes;
      },
    });
    log.info(`History: report stored at ${paths.entry(entry.sha)} (commit ${commit.slice(0, 7)} of \`${branch}\`).`);
  } catch (error) {
    const why = isForbidden(error) ? `the token may not push to branch \`${branch}\` (grant \`contents: write\`, or set \`history: off\`)` : `pushing to branch \`${branch}\` failed (${describeApiError(error)})`;
    log.warning(`History not stored: ${why}.`);
  }
}

/**
 * The changed pairs' series over the stored reports of the last default-branch commits; [] when the history
 * holds none of them or cannot be read. Missing and invalid reports are skipped, with a warning that counts them.
 */
async function readTrend(report: Report, branch: string, settings: Settings, event: Event, api: GitHubApi, log: Log): Promise<TrendSeries[]> {
  const paths = historyPaths(event.repo, settings.config);
  try {
    const index = await api.readFileAt(branch, paths.index);
    if (index === null) return [];
    const { shas, invalid } = trendCommits(index.toString('utf8'));
    if (invalid) log.warning(`History: ${paths.index} on branch \`${branch}\` is not a history index; no trend is shown.`);
    const texts = await Promise.all(shas.map((sha) => api.readFileAt(branch, paths.entry(sha))));
    const entries: HistoryEntry[] = [];
    texts.forEach((text, i) => {
      try {
        if (text !== null) entries.push({ sha: shas[i]!, report: parseReport(text.toString('utf8'), paths.entry(shas[i]!)) });
      } catch {
        // invalid: counted below
      }
    });
    if (entries.length < shas.length) log.warning(`History: ${shas.length - entries.length} of ${shas.length} stored reports skipped (missing or not a valid report.json).`);
    return trendSeries(report, entries);
  } catch (error) {
    log.warning(`History not read: ${describeApiError(error)}. The comment shows no trend.`);
    return [];
  }
}

/**
 * The trend as the comment shows it: an image published beside the chart when `image` (the chart itself was
 * published), the text sparklines when not or when publishing fails; null when there is no trend.
 */
async function trendEmbed(series: TrendSeries[], image: boolean, branch: string, pr: PullRequest, event: Event, api: GitHubApi, log: Log): Promise<TrendEmbed | null> {
  if (series.length === 0) return null;
  const text: TrendEmbed = { kind: 'text', lines: series.map(trendLine) };
  if (!image) return text;
  let content: string;
  try {
    const { trendSpec } = await import('../core/chart/trend.js');
    const { renderChart } = await import('../shell/chart-thread.js');
    content = await renderChart(trendSpec(series));
  } catch (error) {
    log.warning(`No trend image: the trend chart could not be drawn (${(error as Error).message}). The comment shows the trend as text.`);
    return text;
  }
  try {
    const url = await api.publishAsset({
      repo: event.repo,
      branch,
      path: contentPath(event.repo, content),
      content,
      message: `roofline trend for #${pr.number} at ${pr.headSha.slice(0, 7)}`,
      serverUrl: event.serverUrl,
    });
    return { kind: 'image', url };
  } catch (error) {
    log.warning(`No trend image: publishing it to branch \`${branch}\` failed (${describeApiError(error)}). The comment shows the trend as text.`);
    return text;
  }
}
