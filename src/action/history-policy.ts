// The history of reports on the assets branch, decided from what the action knows: whether this run
// stores its report (a push to the default branch) or reads the history for a trend (a pull request),
// where the files go, what one store commits (the entry, the index, the pruned entries' deletions), and
// which stored reports feed the trend. Pure: the calls are made by history.ts.
import { addEntry, indexJson, parseIndex, recentEntries, HISTORY_KEEP, type HistoryIndexEntry } from '../core/history/index-file.js';
import { TREND_COMMITS } from '../core/history/trend.js';
import { repoFolder, type FileChange } from '../github/assets.js';
import type { Repo } from '../github/client.js';
import type { Event } from './event.js';
import type { Settings } from './inputs.js';

export type HistoryPlan =
  | { kind: 'store'; branch: string }
  | { kind: 'read'; branch: string }
  /** `note` says why for the job summary; null when the user asked for it. */
  | { kind: 'none'; note: string | null };

/**
 * `history: off` neither reads nor writes. The history lives on `chart-branch`, so without one there is
 * none; a push to the default branch stores, a run with a pull request reads. What an empty token takes
 * away is no-token.ts's (apiPlans).
 */
export function historyPlan(settings: Pick<Settings, 'history' | 'chartBranch'>, event: Pick<Event, 'defaultBranchPush' | 'readOnlyToken'>): HistoryPlan {
  if (!settings.history) return { kind: 'none', note: null };
  if (settings.chartBranch === null) {
    return { kind: 'none', note: event.defaultBranchPush ? 'History not stored: it is kept on `chart-branch`, which is empty.' : null };
  }
  if (event.defaultBranchPush) return { kind: 'store', branch: settings.chartBranch };
  if (event.readOnlyToken) return { kind: 'none', note: null };
  return { kind: 'read', branch: settings.chartBranch };
}

export interface HistoryPaths {
  index: string;
  entry(sha: string): string;
}

/**
 * Where the history of `config` in `repo` is kept: one folder per config, as the sticky comment is one
 * per config.
 *
 *   historyPaths(repo, 'ml/roofline.yml').entry('abc') //=> 'octo-org-octo-repo/history/ml-roofline.yml/abc.json'
 */
export function historyPaths(repo: Repo, config: string): HistoryPaths {
  const key = config.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/[^\w.-]/g, '-');
  const folder = `${repoFolder(repo)}/history/${key}`;
  return { index: `${folder}/index.json`, entry: (sha) => `${folder}/${sha}.json` };
}

/**
 * What storing `entry` commits on top of the index found (its text, null when there is none): the report,
 * the index with it added, and the deletion of each pruned report. `invalid` when the index found was not
 * one (it is started anew).
 */
export function storeChanges(indexText: string | null, entry: HistoryIndexEntry, reportText: string, paths: HistoryPaths, keep = HISTORY_KEEP): { changes: FileChange[]; invalid: boolean } {
  const found = parseIndex(indexText);
  const { index, pruned } = addEntry(found.index, entry, keep);
  return {
    changes: [{ path: paths.entry(entry.sha), content: reportText }, { path: paths.index, content: indexJson(index) }, ...pruned.map((sha) => ({ path: paths.entry(sha), content: null }))],
    invalid: found.invalid,
  };
}

/** The stored reports a trend is drawn from: the newest TREND_COMMITS, oldest first. */
export function trendCommits(indexText: string | null): { shas: string[]; invalid: boolean } {
  const { index, invalid } = parseIndex(indexText);
  return { shas: recentEntries(index, TREND_COMMITS).map((e) => e.sha), invalid };
}
