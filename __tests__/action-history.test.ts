// The history of reports, in-process: when a run stores or reads it, what one store commits and prunes,
// which stored reports feed a pull request's trend (bad ones skipped and counted), the series and the text
// sparkline; and recordHistory() and share() making their calls against the typed fake of the API.
import { describe, expect, it } from '@jest/globals';
import { readEvent } from '../src/action/event.js';
import { historyPaths, historyPlan, storeChanges, trendCommits } from '../src/action/history-policy.js';
import { recordHistory } from '../src/action/history.js';
import type { Log } from '../src/action/log.js';
import { share } from '../src/action/share.js';
import { trendSpec } from '../src/core/chart/trend.js';
import { addEntry, indexJson, parseIndex } from '../src/core/history/index-file.js';
import { sparkline, trendLine, trendSeries } from '../src/core/history/trend.js';
import { reportJson } from '../src/core/report/build.js';
import type { FileChange } from '../src/github/assets.js';
import { forkEvent, HEAD_SHA, pullRequestEvent, pushEvent, REPO, settings } from './__fixtures__/event.js';
import { apiError, fakeApi, FORBIDDEN, IMAGE_URL } from './__fixtures__/github-api.js';
import { BASE, FAILING, report } from './__fixtures__/report.js';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const entry = (n: number) => ({ sha: sha(n), time: `2024-05-${String((n % 28) + 1).padStart(2, '0')}T10:00:00.000Z` });
const indexOf = (...ns: number[]) => indexJson({ version: 1, entries: ns.map(entry) });
const PATHS = historyPaths(REPO, 'roofline.yml');
const FOLDER = 'octo-org-octo-repo/history/roofline.yml';

function recorder(): Log & { said: string[] } {
  const said: string[] = [];
  return { said, info: (m) => said.push(`info: ${m}`), notice: (m) => said.push(`notice: ${m}`), warning: (m) => said.push(`warning: ${m}`) };
}

/** vgg16 at `bytes` (GTX 1080 Ti: 11.3 TFLOP/s, 484 GB/s): 1 GB is compute-bound at 452/s, 1.1 GB memory-bound at 440/s. */
const vgg16At = (bytes: string) => report(BASE.replace('bytes: 1 GB', `bytes: ${bytes}`));

describe('historyPlan', () => {
  it('stores on a push to the default branch, reads on a pull request', () => {
    expect(historyPlan(settings(), pushEvent())).toEqual({ kind: 'store', branch: 'roofline-gate-assets' });
    expect(historyPlan(settings(), pullRequestEvent())).toEqual({ kind: 'read', branch: 'roofline-gate-assets' });
  });

  it('does neither with `history: off`, for a fork’s read-only token, or without a chart branch (saying so on a push)', () => {
    expect(historyPlan(settings({ history: false }), pushEvent())).toEqual({ kind: 'none', note: null });
    expect(historyPlan(settings(), forkEvent())).toEqual({ kind: 'none', note: null });
    expect(historyPlan(settings({ chartBranch: null }), pullRequestEvent())).toEqual({ kind: 'none', note: null });
    expect(historyPlan(settings({ chartBranch: null }), pushEvent())).toEqual({ kind: 'none', note: 'History not stored: it is kept on `chart-branch`, which is empty.' });
  });

  it('reads a push as one to the default branch only when its ref is that branch', () => {
    const context = (ref: string) => ({
      eventName: 'push', payload: { ref, before: sha(1), repository: { name: 'octo-repo', owner: { login: 'octo-org' }, default_branch: 'main' } }, repo: REPO, sha: sha(2), runId: 1, runAttempt: 1, serverUrl: 'https://github.example',
    });
    expect(readEvent(context('refs/heads/main')).defaultBranchPush).toBe(true);
    expect(readEvent(context('refs/heads/feature')).defaultBranchPush).toBe(false);
    expect(readEvent(context('refs/tags/main')).defaultBranchPush).toBe(false);
  });
});

describe('storing', () => {
  it('keeps each config apart, under the repository’s folder', () => {
    expect(PATHS.index).toBe(`${FOLDER}/index.json`);
    expect(historyPaths(REPO, './ml/a b.yml').entry('abc1')).toBe('octo-org-octo-repo/history/ml-a-b.yml/abc1.json');
  });

  it('commits the report and a new index onto a branch without one', () => {
    const { changes, invalid } = storeChanges(null, entry(7), '{"report":1}\n', PATHS);
    expect(invalid).toBe(false);
    expect(changes).toEqual([
      { path: `${FOLDER}/${sha(7)}.json`, content: '{"report":1}\n' },
      { path: `${FOLDER}/index.json`, content: indexOf(7) },
    ]);
  });

  it('keeps the newest `keep`, deleting the reports it prunes in the same commit', () => {
    const { changes } = storeChanges(indexOf(1, 2, 3), entry(4), 'r', PATHS, 3);
    expect(changes).toEqual([
      { path: `${FOLDER}/${sha(4)}.json`, content: 'r' },
      { path: `${FOLDER}/index.json`, content: indexOf(2, 3, 4) },
      { path: `${FOLDER}/${sha(1)}.json`, content: null },
    ]);
  });

  it('replaces the entry of a re-run of the same commit, moving it last', () => {
    expect(addEntry(parseIndex(indexOf(1, 2, 3)).index, entry(2), 3)).toEqual({ index: { version: 1, entries: [entry(1), entry(3), entry(2)] }, pruned: [] });
  });

  it('starts an index that is not one anew, and says so', () => {
    for (const text of ['not json', '{"version":2,"entries":[]}', '{"version":1,"entries":[{"sha":"../x","time":""}]}']) {
      const { changes, invalid } = storeChanges(text, entry(5), 'r', PATHS);
      expect([invalid, changes[1]!.content]).toEqual([true, indexOf(5)]);
    }
  });

  it('recordHistory: on a push, one commit built on the tip’s index (100 kept: the oldest deleted)', async () => {
    const index = indexOf(...Array.from({ length: 100 }, (_, i) => i + 1));
    let changes: FileChange[] | null = null;
    const api = fakeApi({
      readFileAt: async (ref, path) => (ref === 'tip0' && path === PATHS.index ? Buffer.from(index) : null),
      commitFiles: async (commit) => {
        expect([commit.branch, commit.message]).toEqual(['roofline-gate-assets', `roofline history: roofline.yml at ${HEAD_SHA.slice(0, 7)}`]);
        changes = await commit.changes('tip0');
        return 'made0';
      },
    });
    const log = recorder();
    await recordHistory(FAILING, settings(), pushEvent(), api, log);
    expect(changes!.map((c) => [c.path, c.content === null ? 'deleted' : 'written'])).toEqual([
      [`${FOLDER}/${HEAD_SHA}.json`, 'written'],
      [`${FOLDER}/index.json`, 'written'],
      [`${FOLDER}/${sha(1)}.json`, 'deleted'],
    ]);
    expect(changes![0]!.content).toBe(reportJson(FAILING));
    const stored = parseIndex(changes![1]!.content).index.entries;
    expect([stored.length, stored[0]!.sha, stored.at(-1)]).toEqual([100, sha(2), { sha: HEAD_SHA, time: '2024-05-01T10:00:00.000Z' }]);
    expect(log.said).toEqual([`info: History: report stored at ${FOLDER}/${HEAD_SHA}.json (commit made0 of \`roofline-gate-assets\`).`]);
  });

  it('recordHistory: nothing on a pull request or with `history: off`; a refused push is a warning', async () => {
    for (const [s, e] of [[settings(), pullRequestEvent()], [settings({ history: false }), pushEvent()]] as const) {
      const api = fakeApi();
      await recordHistory(FAILING, s, e, api, recorder());
      expect(api.methods()).toEqual([]);
    }
    const log = recorder();
    await recordHistory(FAILING, settings(), pushEvent(), fakeApi({ commitFiles: async () => Promise.reject(FORBIDDEN) }), log);
    expect(log.said).toEqual(['warning: History not stored: the token may not push to branch `roofline-gate-assets` (grant `contents: write`, or set `history: off`).']);
  });
});

describe('the trend', () => {
  it('is drawn from the newest 20 stored reports, oldest first', () => {
    const { shas, invalid } = trendCommits(indexOf(...Array.from({ length: 25 }, (_, i) => i + 1)));
    expect([invalid, shas.length, shas[0], shas.at(-1)]).toEqual([false, 20, sha(6), sha(25)]);
    expect(trendCommits('[]')).toEqual({ shas: [], invalid: true });
  });

  it('has one series per changed pair the history holds: vgg16, not the unchanged mobilenet', () => {
    const series = trendSeries(FAILING, [{ sha: sha(1), report: vgg16At('1 GB') }, { sha: sha(2), report: vgg16At('1.1 GB') }]);
    expect(series.map((s) => [s.model, s.hardware, s.points.map((p) => p.sha)])).toEqual([['vgg16', 'gtx-1080-ti', [sha(1), sha(2)]]]);
    // 11.3 TFLOP/s / 25 GFLOP; 484 GB/s / 1.1 GB; 484 GB/s / 1.2 GB.
    expect(series[0]!.points[0]!.throughput).toBeCloseTo(452, 9);
    expect(series[0]!.points[1]!.throughput).toBeCloseTo(440, 9);
    expect(series[0]!.head).toBeCloseTo(403.333333, 5);
    expect(trendLine(series[0]!)).toBe('vgg16 on gtx-1080-ti: █▁ 452/s … 440/s over 2 commits; this PR 403/s');
  });

  it('has no series when the history lacks the pair, or nothing changed', () => {
    const other = report('version: 1\nhardware: gtx-1080-ti\nmodels:\n  - { name: other, precision: fp32, flops: 1 GFLOP, bytes: 1 GB }\n');
    expect(trendSeries(FAILING, [{ sha: sha(1), report: other }])).toEqual([]);
    expect(trendSeries(report(BASE, BASE), [{ sha: sha(1), report: vgg16At('1 GB') }])).toEqual([]);
  });

  it('trendSpec: one panel per pair, each commit in order and the head last, flagged', () => {
    const spec = trendSpec([{ model: 'vgg16', hardware: 'gtx-1080-ti', points: [{ sha: sha(1), throughput: 452 }, { sha: sha(2), throughput: 440 }], head: 403 }]) as any;
    expect(spec.data.values).toEqual([
      // The throughput as the report prints it (format.ts perSecond), for the tooltip and the ARIA label.
      { pair: 'vgg16 on gtx-1080-ti', order: 0, commit: '0000000', throughput: 452, head: false, throughputText: '452/s', description: '0000000: 452/s' },
      { pair: 'vgg16 on gtx-1080-ti', order: 1, commit: '0000000', throughput: 440, head: false, throughputText: '440/s', description: '0000000: 440/s' },
      { pair: 'vgg16 on gtx-1080-ti', order: 2, commit: 'this PR', throughput: 403, head: true, throughputText: '403/s', description: 'this PR: 403/s' },
    ]);
    expect(spec.facet.sort).toEqual(['vgg16 on gtx-1080-ti']);
    expect(spec.title.subtitle).toBe('per second at each of the last 2 commits with a stored report, oldest first; orange: this pull request');
  });

  it('sparkline: lowest to highest in eight steps; equal values a flat middle line', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([10, 0, 5])).toBe('█▁▅');
    expect(sparkline([5, 5])).toBe('▄▄');
  });
});

describe('share with history', () => {
  /** An index of 3 commits on the branch: one report valid, one missing, one not a report. */
  const history = (ref: string, path: string): Buffer | null => {
    if (ref !== 'roofline-gate-assets') return null;
    if (path === PATHS.index) return Buffer.from(indexOf(1, 2, 3));
    if (path === PATHS.entry(sha(1))) return Buffer.from(reportJson(vgg16At('1.1 GB')));
    if (path === PATHS.entry(sha(3))) return Buffer.from('{"version":2}');
    return null;
  };
  const chart = { svg: '<svg/>', text: 'the text roofline', editorUrl: null };

  it('publishes the trend beside the chart and shows it before the footer; bad entries are skipped and counted', async () => {
    const api = fakeApi({ readFileAt: async (ref, path) => history(ref, path) });
    const log = recorder();
    await share(FAILING, chart, settings(), pullRequestEvent(), api, log);
    const trendAsset = api.calls.filter((c) => c.method === 'publishAsset').map((c) => c.args[0] as { path: string; content: string })[1]!;
    expect(trendAsset.path).toMatch(/^octo-org-octo-repo\/charts\/[0-9a-f]{64}\.svg$/); // named by its content, as the chart
    expect(trendAsset.content).toMatch(/^<svg/);
    expect(trendAsset.content).toContain('vgg16 on gtx-1080-ti');
    const body = api.calls.find((c) => c.method === 'writeSticky')!.args[1] as string;
    expect(body).toContain(`**Trend**: throughput over the last default-branch commits, then this pull request\n\n![Throughput trend](${IMAGE_URL})\n\n<sub>roofline-gate for`);
    expect(log.said).toContain('warning: History: 2 of 3 stored reports skipped (missing or not a valid report.json).');
  }, 20000);

  it('shows the sparklines when the trend image cannot be published, and no trend with `history: off`', async () => {
    const api = fakeApi({
      readFileAt: async (ref, path) => history(ref, path),
      publishAsset: async (asset) => (asset.content.includes('vgg16 on gtx-1080-ti') ? Promise.reject(apiError(500, 'boom')) : IMAGE_URL),
    });
    const log = recorder();
    await share(FAILING, chart, settings(), pullRequestEvent(), api, log);
    const body = api.calls.find((c) => c.method === 'writeSticky')!.args[1] as string;
    expect(body).toContain('\n- `vgg16 on gtx-1080-ti: ▄ 440/s at 1 commit; this PR 403/s`\n');
    // The warning names what failed: the publishing, not the drawing.
    expect(log.said).toContain('warning: No trend image: publishing it to branch `roofline-gate-assets` failed (HTTP 500: boom). The comment shows the trend as text.');

    const off = fakeApi({ readFileAt: async (ref, path) => history(ref, path) });
    await share(FAILING, chart, settings({ history: false }), pullRequestEvent(), off, recorder());
    expect(off.methods()).not.toContain('readFileAt');
    expect(off.calls.find((c) => c.method === 'writeSticky')!.args[1]).not.toContain('**Trend**');
  }, 20000);
});
